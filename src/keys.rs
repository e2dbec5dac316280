//! The single key table. Dispatch, the help overlay, the status bar hints and
//! the README's key table are all generated from [`BINDINGS`], so what the
//! help says is exactly what the keys do.

use crate::app::msg::{Msg, PickerKind, Step};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::app::Mode;

/// A key with its modifiers (`Ctrl` only; shifted characters arrive as themselves).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Whether Ctrl is held.
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: false }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One entry of the key table.
pub struct Binding {
    /// The mode it applies in.
    pub mode: Mode,
    /// The keys that trigger it, the first being the one shown in hints.
    pub keys: &'static [Key],
    /// What it does.
    pub msg: Msg,
    /// The help overlay's group.
    pub group: &'static str,
    /// What the help overlay says.
    pub help: &'static str,
    /// A short word for the status bar, when the binding is worth a hint there.
    pub hint: Option<&'static str>,
}

use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};
use Mode::{AsOf, Browse, Claims, Help, Picker, PickerFilter, Search};

/// The help group of the filter popups' keys.
const PICK: &str = "Filter popups (actors, tags, sources)";
/// The help group of the keys while typing a popup's filter.
const TYPING: &str = "Typing a popup's filter";

/// Every key binding, in the order the help overlay and README show them.
pub const BINDINGS: &[Binding] = &[
    on(Browse, &[k('j'), code(Down)], Msg::Move(Step::By(1)))
        .group("Move")
        .help("next event (or scroll the focused pane)"),
    on(Browse, &[k('k'), code(Up)], Msg::Move(Step::By(-1)))
        .group("Move")
        .help("previous event (or scroll the focused pane)"),
    on(Browse, &[code(PageDown), ctrl('d')], Msg::Move(Step::Page(1))).group("Move").help("page down"),
    on(Browse, &[code(PageUp), ctrl('u')], Msg::Move(Step::Page(-1))).group("Move").help("page up"),
    on(Browse, &[k('g'), code(Home)], Msg::Move(Step::First)).group("Move").help("first event"),
    on(Browse, &[k('G'), code(End)], Msg::Move(Step::Last)).group("Move").help("last event"),
    on(Browse, &[k('[')], Msg::Unit(-1)).group("Move").help("previous axis period; the as-of cursor when set"),
    on(Browse, &[k(']')], Msg::Unit(1)).group("Move").help("next axis period; the as-of cursor when set"),
    on(Browse, &[k('+'), k('=')], Msg::Zoom(1)).group("Move").help("zoom the time axis in"),
    on(Browse, &[k('-')], Msg::Zoom(-1)).group("Move").help("zoom the time axis out"),
    on(Browse, &[k('f')], Msg::FollowRelated).group("Move").help("follow a related event (again: the next)"),
    on(Browse, &[code(Enter)], Msg::OpenQuotes)
        .group("Panes")
        .help("open the quotes pane; it follows the selection (Tab to scroll it)")
        .hint("quotes"),
    on(Browse, &[code(Tab)], Msg::Focus(1))
        .group("Panes")
        .help("focus the next pane (list, detail, quotes)")
        .hint("pane"),
    on(Browse, &[code(BackTab)], Msg::Focus(-1)).group("Panes").help("focus the previous pane"),
    on(Browse, &[k('/')], Msg::StartSearch)
        .group("Filter")
        .help("search events, quotes, claims, actors, tags, sources (again: edit it)")
        .hint("search"),
    on(Browse, &[k('n')], Msg::NextMatch(1)).group("Filter").help("next event matching the search (wraps)"),
    on(Browse, &[k('N')], Msg::NextMatch(-1)).group("Filter").help("previous event matching the search (wraps)"),
    on(Browse, &[k('a')], Msg::OpenPicker(PickerKind::Actors)).group("Filter").help("filter by actor").hint("actors"),
    on(Browse, &[k('t')], Msg::OpenPicker(PickerKind::Tags)).group("Filter").help("filter by tag").hint("tags"),
    on(Browse, &[k('s')], Msg::OpenPicker(PickerKind::Sources))
        .group("Filter")
        .help("sources: what rests on each; filter by source"),
    on(Browse, &[k('u')], Msg::ToggleUnsourced).group("Filter").help("only events with no source (again: all)"),
    on(Browse, &[k('!')], Msg::CycleStatus).group("Filter").help("filter by status, in turn (then all)"),
    on(Browse, &[k('c')], Msg::ClearFilters)
        .group("Filter")
        .help("clear every filter (and the as-of cursor)")
        .hint("clear"),
    on(Browse, &[k('C')], Msg::ToggleClaims).group("Facts").help("claims by subject, disputes marked"),
    on(Browse, &[k('@')], Msg::StartAsOf).group("Facts").help("as of a date: hide what was not public yet"),
    on(Browse, &[k('D')], Msg::ToggleDim).group("Facts").help("as of: dim, not hide, what was not public yet"),
    on(Browse, &[k('e')], Msg::Edit).group("Write").help("edit the file at this event (or problem)"),
    on(Browse, &[k('r')], Msg::Reload).group("Write").help("reload the file (also done on every save)"),
    on(Browse, &[k('x')], Msg::Export).group("Write").help("export the events shown to FILE-export.md"),
    on(Browse, &[k('o')], Msg::OpenSource).group("Sources").help("open a source's http/https URL"),
    on(Browse, &[k('y')], Msg::Copy).group("Sources").help("copy a citation to the clipboard (OSC 52)"),
    on(Browse, &[k('?')], Msg::ToggleHelp).group("Other").help("show or hide this help").hint("help"),
    on(Browse, &[code(Esc)], Msg::Close)
        .group("Other")
        .help("close the quotes pane, else focus the list, else clear the search"),
    on(Browse, &[k('m')], Msg::ToggleMouse)
        .group("Other")
        .help("mouse off (the terminal's own selection works) or back on"),
    on(Browse, &[k('q'), ctrl('c')], Msg::Quit).group("Other").help("quit").hint("quit"),
    on(Browse, &[ctrl('z')], Msg::Suspend).group("Other").help("suspend to the shell; fg resumes"),
    on(Search, &[code(Enter)], Msg::Accept).group("Search").help("keep the search; n/N go through it").hint("keep"),
    on(Search, &[code(Esc)], Msg::Close).group("Search").help("clear the search").hint("clear"),
    on(Search, &[code(Backspace)], Msg::Backspace).group("Search").help("delete a character"),
    on(Search, &[code(Down), ctrl('n')], Msg::Move(Step::By(1))).group("Search").help("next match"),
    on(Search, &[code(Up), ctrl('p')], Msg::Move(Step::By(-1))).group("Search").help("previous match"),
    on(Search, &[ctrl('c')], Msg::Quit).group("Search").help("quit"),
    on(Search, &[ctrl('z')], Msg::Suspend).group("Search").help("suspend"),
    on(Picker, &[k('j'), code(Down)], Msg::Move(Step::By(1))).group(PICK).help("next entry"),
    on(Picker, &[k('k'), code(Up)], Msg::Move(Step::By(-1))).group(PICK).help("previous entry"),
    on(Picker, &[code(PageDown), ctrl('d')], Msg::Move(Step::Page(1))).group(PICK).help("page down"),
    on(Picker, &[code(PageUp), ctrl('u')], Msg::Move(Step::Page(-1))).group(PICK).help("page up"),
    on(Picker, &[k(' ')], Msg::Toggle).group(PICK).help("tick or untick the highlighted entry").hint("tick"),
    on(Picker, &[k('/')], Msg::StartSearch)
        .group(PICK)
        .help("type to filter the entries (Space, j and k are typed)")
        .hint("filter"),
    on(Picker, &[code(Enter)], Msg::Accept)
        .group(PICK)
        .help("apply the ticks (none ticked: the highlighted entry)")
        .hint("apply"),
    on(Picker, &[code(Esc)], Msg::Close).group(PICK).help("clear the typed filter, else cancel").hint("cancel"),
    on(Picker, &[code(Backspace)], Msg::Backspace).group(PICK).help("delete a character of the filter"),
    on(Picker, &[ctrl('c')], Msg::Quit).group(PICK).help("quit"),
    on(Picker, &[ctrl('z')], Msg::Suspend).group(PICK).help("suspend"),
    on(PickerFilter, &[code(Enter)], Msg::Accept).group(TYPING).help("stop typing, keep the filter").hint("done"),
    on(PickerFilter, &[code(Esc)], Msg::Close).group(TYPING).help("clear the filter and stop typing").hint("clear"),
    on(PickerFilter, &[code(Backspace)], Msg::Backspace).group(TYPING).help("delete a character"),
    on(PickerFilter, &[code(Down), ctrl('n')], Msg::Move(Step::By(1))).group(TYPING).help("next entry"),
    on(PickerFilter, &[code(Up), ctrl('p')], Msg::Move(Step::By(-1))).group(TYPING).help("previous entry"),
    on(PickerFilter, &[ctrl('c')], Msg::Quit).group(TYPING).help("quit"),
    on(PickerFilter, &[ctrl('z')], Msg::Suspend).group(TYPING).help("suspend"),
    on(Claims, &[code(Enter)], Msg::Accept).group("Claims view").help("go to the claim's event").hint("go to event"),
    on(Claims, &[code(Esc), k('C')], Msg::ToggleClaims).group("Claims view").help("close").hint("close"),
    on(Claims, &[k('j'), code(Down)], Msg::Move(Step::By(1))).group("Claims view").help("next claim"),
    on(Claims, &[k('k'), code(Up)], Msg::Move(Step::By(-1))).group("Claims view").help("previous claim"),
    on(Claims, &[code(PageDown), ctrl('d')], Msg::Move(Step::Page(1))).group("Claims view").help("page down"),
    on(Claims, &[code(PageUp), ctrl('u')], Msg::Move(Step::Page(-1))).group("Claims view").help("page up"),
    on(Claims, &[k('g'), code(Home)], Msg::Move(Step::First)).group("Claims view").help("first claim"),
    on(Claims, &[k('G'), code(End)], Msg::Move(Step::Last)).group("Claims view").help("last claim"),
    on(Claims, &[ctrl('c')], Msg::Quit).group("Claims view").help("quit"),
    on(Claims, &[ctrl('z')], Msg::Suspend).group("Claims view").help("suspend"),
    on(AsOf, &[code(Enter)], Msg::Accept)
        .group("As-of date")
        .help("set the cursor (2018, 2018-02, 2018-02-08…; empty: off)")
        .hint("set"),
    on(AsOf, &[code(Esc)], Msg::Close).group("As-of date").help("cancel").hint("cancel"),
    on(AsOf, &[code(Backspace)], Msg::Backspace).group("As-of date").help("delete a character"),
    on(AsOf, &[ctrl('c')], Msg::Quit).group("As-of date").help("quit"),
    on(AsOf, &[ctrl('z')], Msg::Suspend).group("As-of date").help("suspend"),
    on(Help, &[k('?'), code(Esc), k('q')], Msg::ToggleHelp).group("Help").help("close the help").hint("close"),
    on(Help, &[k('j'), code(Down)], Msg::Move(Step::By(1))).group("Help").help("scroll down"),
    on(Help, &[k('k'), code(Up)], Msg::Move(Step::By(-1))).group("Help").help("scroll up"),
    on(Help, &[code(PageDown), ctrl('d'), k(' ')], Msg::Move(Step::Page(1))).group("Help").help("page down"),
    on(Help, &[code(PageUp), ctrl('u')], Msg::Move(Step::Page(-1))).group("Help").help("page up"),
    on(Help, &[ctrl('c')], Msg::Quit).group("Help").help("quit"),
    on(Help, &[ctrl('z')], Msg::Suspend).group("Help").help("suspend"),
];

/// A binding of `keys` to `msg` in `mode`, to be completed with its group,
/// help text and (optionally) a status bar hint.
const fn on(mode: Mode, keys: &'static [Key], msg: Msg) -> Binding {
    Binding { mode, keys, msg, group: "", help: "", hint: None }
}

impl Binding {
    /// Places the binding in the help overlay's `group`.
    const fn group(mut self, group: &'static str) -> Binding {
        self.group = group;
        self
    }

    /// Says what the binding does, for the help overlay and README.
    const fn help(mut self, help: &'static str) -> Binding {
        self.help = help;
        self
    }

    /// Gives the binding a short word in the status bar.
    const fn hint(mut self, hint: &'static str) -> Binding {
        self.hint = Some(hint);
        self
    }
}

/// The message a key press means in `mode`; while typing a search, a
/// popup's filter or a date, an unbound printable character (Space too) is typed.
#[must_use]
pub fn dispatch(mode: Mode, event: KeyEvent) -> Option<Msg> {
    let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
    let bound = BINDINGS.iter().find(|b| b.mode == mode && b.keys.contains(&pressed)).map(|b| b.msg.clone());
    match (bound, pressed) {
        (Some(msg), _) => Some(msg),
        (None, Key { code: KeyCode::Char(c), ctrl: false })
            if matches!(mode, Mode::Search | Mode::PickerFilter | Mode::AsOf) =>
        {
            Some(Msg::Input(c))
        }
        _ => None,
    }
}

/// How a key is written in help: `j`, `↓`, `PgDn`, `Ctrl-d`, `Shift-Tab`.
#[must_use]
pub fn label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        Down => "↓".into(),
        Up => "↑".into(),
        PageDown => "PgDn".into(),
        PageUp => "PgUp".into(),
        Home => "Home".into(),
        End => "End".into(),
        Enter => "Enter".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Esc => "Esc".into(),
        Backspace => "Backspace".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl { format!("Ctrl-{name}") } else { name }
}

/// All of a binding's keys, joined: `j/↓`.
#[must_use]
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(label).collect::<Vec<_>>().join("/")
}

/// One status bar hint: the key as help writes it, and a word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    /// The key, e.g. `?`.
    pub key: String,
    /// What it does, in a word.
    pub word: &'static str,
    /// Whether the hint is shown however little room is left: the way to
    /// every other key (help) and the way out (quit) never drop.
    pub essential: bool,
}

/// The status bar hints for `mode`, in table order, the help key first.
#[must_use]
pub fn hints(mode: Mode) -> Vec<Hint> {
    let mut list: Vec<&Binding> = BINDINGS.iter().filter(|b| b.mode == mode && b.hint.is_some()).collect();
    list.sort_by_key(|b| b.msg != Msg::ToggleHelp);
    list.iter()
        .filter_map(|b| {
            let key = b.keys.first().map(label).unwrap_or_default();
            b.hint.map(|word| Hint { key, word, essential: matches!(b.msg, Msg::ToggleHelp | Msg::Quit) })
        })
        .collect()
}

/// The key table as Markdown, as the README shows it.
#[must_use]
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | action |\n|---|---|\n");
    let mut group = "";
    for b in BINDINGS {
        if b.group != group {
            group = b.group;
            out.push_str(&format!("| **{group}** | |\n"));
        }
        let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", label(k))).collect();
        out.push_str(&format!("| {} | {} |\n", keys.join(", "), b.help));
    }
    out
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
