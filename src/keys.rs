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
use Mode::{Browse, Help, Picker, PickerFilter, Search};

/// The help group of the filter popups' keys.
const PICK: &str = "Filter popups (actors, tags)";
/// The help group of the keys while typing a popup's filter.
const TYPING: &str = "Typing a popup's filter";

/// Every key binding, in the order the help overlay and README show them.
pub const BINDINGS: &[Binding] = &[
    b(Browse, &[k('j'), code(Down)], Msg::Move(Step::By(1)), "Move", "next event (or scroll the focused pane)", None),
    b(
        Browse,
        &[k('k'), code(Up)],
        Msg::Move(Step::By(-1)),
        "Move",
        "previous event (or scroll the focused pane)",
        None,
    ),
    b(Browse, &[code(PageDown), ctrl('d')], Msg::Move(Step::Page(1)), "Move", "page down", None),
    b(Browse, &[code(PageUp), ctrl('u')], Msg::Move(Step::Page(-1)), "Move", "page up", None),
    b(Browse, &[k('g'), code(Home)], Msg::Move(Step::First), "Move", "first event", None),
    b(Browse, &[k('G'), code(End)], Msg::Move(Step::Last), "Move", "last event", None),
    b(Browse, &[k('[')], Msg::Unit(-1), "Move", "previous period of the time axis (a day when it shows days)", None),
    b(Browse, &[k(']')], Msg::Unit(1), "Move", "next period of the time axis (a day when it shows days)", None),
    b(Browse, &[k('+'), k('=')], Msg::Zoom(1), "Move", "zoom the time axis in", None),
    b(Browse, &[k('-')], Msg::Zoom(-1), "Move", "zoom the time axis out", None),
    b(
        Browse,
        &[code(Enter)],
        Msg::OpenQuotes,
        "Panes",
        "open the quotes pane; it follows the selection as j/k move (Tab to scroll it)",
        Some("quotes"),
    ),
    b(Browse, &[code(Tab)], Msg::Focus(1), "Panes", "focus the next pane (list, detail, quotes)", Some("pane")),
    b(Browse, &[code(BackTab)], Msg::Focus(-1), "Panes", "focus the previous pane", None),
    b(
        Browse,
        &[k('/')],
        Msg::StartSearch,
        "Filter",
        "search titles, summaries, places, quotes, actors, tags and sources (again: edit the search)",
        Some("search"),
    ),
    b(Browse, &[k('n')], Msg::NextMatch(1), "Filter", "next event matching the search (wraps around)", None),
    b(Browse, &[k('N')], Msg::NextMatch(-1), "Filter", "previous event matching the search (wraps around)", None),
    b(Browse, &[k('a')], Msg::OpenPicker(PickerKind::Actors), "Filter", "filter by actor", Some("actors")),
    b(Browse, &[k('t')], Msg::OpenPicker(PickerKind::Tags), "Filter", "filter by tag", Some("tags")),
    b(Browse, &[k('c')], Msg::ClearFilters, "Filter", "clear every filter", Some("clear")),
    b(Browse, &[k('?')], Msg::ToggleHelp, "Other", "show or hide this help", Some("help")),
    b(
        Browse,
        &[code(Esc)],
        Msg::Close,
        "Other",
        "close the quotes pane, else focus the list, else clear the search",
        None,
    ),
    b(
        Browse,
        &[k('m')],
        Msg::ToggleMouse,
        "Other",
        "mouse off (the terminal's own selection and copy work) or back on",
        None,
    ),
    b(Browse, &[k('q'), ctrl('c')], Msg::Quit, "Other", "quit", Some("quit")),
    b(Search, &[code(Enter)], Msg::Accept, "Search", "keep the search (n/N then go through the matches)", Some("keep")),
    b(Search, &[code(Esc)], Msg::Close, "Search", "clear the search", Some("clear")),
    b(Search, &[code(Backspace)], Msg::Backspace, "Search", "delete a character", None),
    b(Search, &[code(Down), ctrl('n')], Msg::Move(Step::By(1)), "Search", "next match", None),
    b(Search, &[code(Up), ctrl('p')], Msg::Move(Step::By(-1)), "Search", "previous match", None),
    b(Search, &[ctrl('c')], Msg::Quit, "Search", "quit", None),
    b(Picker, &[k('j'), code(Down)], Msg::Move(Step::By(1)), PICK, "next entry", None),
    b(Picker, &[k('k'), code(Up)], Msg::Move(Step::By(-1)), PICK, "previous entry", None),
    b(Picker, &[code(PageDown), ctrl('d')], Msg::Move(Step::Page(1)), PICK, "page down", None),
    b(Picker, &[code(PageUp), ctrl('u')], Msg::Move(Step::Page(-1)), PICK, "page up", None),
    b(Picker, &[k(' ')], Msg::Toggle, PICK, "tick or untick the highlighted entry", Some("tick")),
    b(
        Picker,
        &[k('/')],
        Msg::StartSearch,
        PICK,
        "type to filter the entries (Space, j and k are typed)",
        Some("filter"),
    ),
    b(Picker, &[code(Enter)], Msg::Accept, PICK, "apply the ticks (none ticked: the highlighted entry)", Some("apply")),
    b(Picker, &[code(Esc)], Msg::Close, PICK, "clear the typed filter, else cancel", Some("cancel")),
    b(Picker, &[code(Backspace)], Msg::Backspace, PICK, "delete a character of the filter", None),
    b(Picker, &[ctrl('c')], Msg::Quit, PICK, "quit", None),
    b(PickerFilter, &[code(Enter)], Msg::Accept, TYPING, "stop typing, keep the filter", Some("done")),
    b(PickerFilter, &[code(Esc)], Msg::Close, TYPING, "clear the filter and stop typing", Some("clear")),
    b(PickerFilter, &[code(Backspace)], Msg::Backspace, TYPING, "delete a character", None),
    b(PickerFilter, &[code(Down), ctrl('n')], Msg::Move(Step::By(1)), TYPING, "next entry", None),
    b(PickerFilter, &[code(Up), ctrl('p')], Msg::Move(Step::By(-1)), TYPING, "previous entry", None),
    b(PickerFilter, &[ctrl('c')], Msg::Quit, TYPING, "quit", None),
    b(Help, &[k('?'), code(Esc), k('q')], Msg::ToggleHelp, "Help", "close the help", Some("close")),
    b(Help, &[k('j'), code(Down)], Msg::Move(Step::By(1)), "Help", "scroll down", None),
    b(Help, &[k('k'), code(Up)], Msg::Move(Step::By(-1)), "Help", "scroll up", None),
    b(Help, &[code(PageDown), ctrl('d'), k(' ')], Msg::Move(Step::Page(1)), "Help", "page down", None),
    b(Help, &[code(PageUp), ctrl('u')], Msg::Move(Step::Page(-1)), "Help", "page up", None),
    b(Help, &[ctrl('c')], Msg::Quit, "Help", "quit", None),
];

#[allow(clippy::too_many_arguments)]
const fn b(
    mode: Mode,
    keys: &'static [Key],
    msg: Msg,
    group: &'static str,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding { mode, keys, msg, group, help, hint }
}

/// The message a key press means in `mode`; while typing a search or a
/// popup's filter, an unbound printable character (Space too) is typed.
#[must_use]
pub fn dispatch(mode: Mode, event: KeyEvent) -> Option<Msg> {
    let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
    let bound = BINDINGS.iter().find(|b| b.mode == mode && b.keys.contains(&pressed)).map(|b| b.msg.clone());
    match (bound, pressed) {
        (Some(msg), _) => Some(msg),
        (None, Key { code: KeyCode::Char(c), ctrl: false }) if matches!(mode, Mode::Search | Mode::PickerFilter) => {
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
