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
use Mode::{Browse, Help, Picker, Search};

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
    b(Browse, &[k('r')], Msg::FollowRelated, "Move", "go to a related event (again: the next)", None),
    b(Browse, &[code(Enter)], Msg::OpenQuotes, "Panes", "open the quotes of the selected event", Some("quotes")),
    b(Browse, &[code(Tab)], Msg::Focus(1), "Panes", "focus the next pane (list, detail, quotes)", Some("pane")),
    b(Browse, &[code(BackTab)], Msg::Focus(-1), "Panes", "focus the previous pane", None),
    b(
        Browse,
        &[k('/')],
        Msg::StartSearch,
        "Filter",
        "search titles, summaries, quotes, actors, places, tags",
        Some("search"),
    ),
    b(Browse, &[k('a')], Msg::OpenPicker(PickerKind::Actors), "Filter", "filter by actor", Some("actors")),
    b(Browse, &[k('t')], Msg::OpenPicker(PickerKind::Tags), "Filter", "filter by tag", Some("tags")),
    b(Browse, &[k('u')], Msg::ToggleUnsourced, "Filter", "only events with no source (again: all)", None),
    b(Browse, &[k('!')], Msg::CycleStatus, "Filter", "filter by status, in turn (then all)", None),
    b(Browse, &[k('c')], Msg::ClearFilters, "Filter", "clear every filter", None),
    b(Browse, &[k('?')], Msg::ToggleHelp, "Other", "show or hide this help", Some("help")),
    b(Browse, &[code(Esc)], Msg::Close, "Other", "close the topmost popup or pane", None),
    b(Browse, &[k('q'), ctrl('c')], Msg::Quit, "Other", "quit", Some("quit")),
    b(Search, &[code(Enter)], Msg::Accept, "Search", "keep the search", Some("keep")),
    b(Search, &[code(Esc)], Msg::Close, "Search", "clear the search", Some("clear")),
    b(Search, &[code(Backspace)], Msg::Backspace, "Search", "delete a character", None),
    b(Search, &[code(Down), ctrl('n')], Msg::Move(Step::By(1)), "Search", "next match", None),
    b(Search, &[code(Up), ctrl('p')], Msg::Move(Step::By(-1)), "Search", "previous match", None),
    b(Search, &[ctrl('c')], Msg::Quit, "Search", "quit", None),
    b(Picker, &[k(' ')], Msg::Toggle, "Actor and tag filter", "toggle the highlighted entry", Some("toggle")),
    b(Picker, &[code(Enter)], Msg::Accept, "Actor and tag filter", "apply", Some("apply")),
    b(Picker, &[code(Esc)], Msg::Close, "Actor and tag filter", "cancel", Some("cancel")),
    b(Picker, &[code(Down), ctrl('n')], Msg::Move(Step::By(1)), "Actor and tag filter", "next entry", None),
    b(Picker, &[code(Up), ctrl('p')], Msg::Move(Step::By(-1)), "Actor and tag filter", "previous entry", None),
    b(Picker, &[code(Backspace)], Msg::Backspace, "Actor and tag filter", "delete a character of the filter", None),
    b(Picker, &[ctrl('c')], Msg::Quit, "Actor and tag filter", "quit", None),
    b(Help, &[k('?'), code(Esc), k('q')], Msg::ToggleHelp, "Help", "close the help", Some("close")),
    b(Help, &[k('j'), code(Down)], Msg::Move(Step::By(1)), "Help", "scroll down", None),
    b(Help, &[k('k'), code(Up)], Msg::Move(Step::By(-1)), "Help", "scroll up", None),
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

/// The message a key press means in `mode`; in the search and picker modes an
/// unbound printable character is typed into the input.
#[must_use]
pub fn dispatch(mode: Mode, event: KeyEvent) -> Option<Msg> {
    let pressed = Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) };
    let bound = BINDINGS.iter().find(|b| b.mode == mode && b.keys.contains(&pressed)).map(|b| b.msg.clone());
    match (bound, pressed) {
        (Some(msg), _) => Some(msg),
        (None, Key { code: KeyCode::Char(c), ctrl: false }) if matches!(mode, Mode::Search | Mode::Picker) => {
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

/// The status bar hints for `mode`: `(key, word)` pairs, the help key first
/// (so the way to every other key is shown even when little room is left),
/// then in table order.
#[must_use]
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    let mut list: Vec<&Binding> = BINDINGS.iter().filter(|b| b.mode == mode && b.hint.is_some()).collect();
    list.sort_by_key(|b| b.msg != Msg::ToggleHelp);
    list.iter().filter_map(|b| b.hint.map(|h| (b.keys.first().map(label).unwrap_or_default(), h))).collect()
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
