//! The writing loop's state: the file being watched, the last reload's
//! outcome (a status line, or the problems of a save that could not be
//! loaded), the source chooser of `o`, and the one effect the terminal loop
//! is asked to carry out next (run the editor, reload, open a URL, copy).
//!
//! `update` only records what should happen in [`Writing::effect`]; the loop
//! takes it with [`Writing::take_effect`], does the I/O, and reports back
//! with [`super::Msg::Reloaded`] or [`super::Msg::ReloadFailed`]. While the
//! chooser or the focused problems pane is open, [`intercept`] gives the
//! browse keys their meaning there.

use super::msg::Msg;
use super::state::{App, Pane};
use crate::timeline::{LoadError, problem::Position};
use std::path::PathBuf;

/// One problem of a save that could not be loaded, as the problems pane lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemLine {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What is wrong (not yet sanitised).
    pub message: String,
}

impl ProblemLine {
    /// Every problem of a failed load, in file order; an unreadable file is one problem at 1:1.
    #[must_use]
    pub fn from_error(e: &LoadError) -> Vec<ProblemLine> {
        match e {
            LoadError::Invalid { problems, .. } => problems
                .iter()
                .map(|p| {
                    let at = p.position.unwrap_or(Position { line: 1, column: 1 });
                    ProblemLine { line: at.line, column: at.column, message: p.describe() }
                })
                .collect(),
            LoadError::Unreadable { reason, .. } => {
                vec![ProblemLine { line: 1, column: 1, message: format!("cannot read: {reason}") }]
            }
            LoadError::Interrupted => {
                vec![ProblemLine { line: 1, column: 1, message: "the reload was stopped".into() }]
            }
        }
    }
}

/// Something only the terminal loop can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal, run the editor on the file at this place, re-enter, reload.
    Edit {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// Find the event with this id in the file, then edit there (line 1 if not found).
    EditEvent(String),
    /// Read the file again and report [`Msg::Reloaded`] or [`Msg::ReloadFailed`].
    Reload,
    /// Open this `http`/`https` URL with the platform's opener.
    Open(String),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Write the events shown as Markdown to a new file beside the file
    /// (the current folder for the bundled timeline), and say where.
    Export,
}

/// The `o` chooser: the selected event's sources that can be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chooser {
    /// (label, URL) of each source.
    pub entries: Vec<(String, String)>,
    /// The highlighted entry.
    pub cursor: usize,
}

/// The state of the edit–reload loop and of the source keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Writing {
    /// The file shown, `None` for the bundled timeline (which cannot be edited).
    pub file: Option<PathBuf>,
    /// The status bar's message after the last action (reloaded, opened, copied, why not).
    pub status: Option<String>,
    /// Whether the timeline shown is older than the file (the last reload failed).
    pub stale: bool,
    /// The problems of the last failed reload.
    pub problems: Vec<ProblemLine>,
    /// Whether the problems pane is open.
    pub problems_open: bool,
    /// Whether the problems pane has the keys (else the list has them).
    pub problems_focused: bool,
    /// The highlighted problem.
    pub problem_cursor: usize,
    /// The `o` chooser, while open.
    pub chooser: Option<Chooser>,
    /// What the loop should do next.
    pub effect: Option<Effect>,
}

impl Writing {
    /// The effect asked for, if any, leaving none.
    pub fn take_effect(&mut self) -> Option<Effect> {
        self.effect.take()
    }
}

/// Handles `msg` (something the user did: `update` handles frames, resizes
/// and reloads before asking) when the chooser or the focused problems pane
/// takes it; false leaves it to browsing.
pub fn intercept(app: &mut App, msg: &Msg) -> bool {
    let w = &mut app.writing;
    if let Some(c) = &mut w.chooser {
        match msg {
            Msg::Move(step) => c.cursor = step.apply(c.cursor, c.entries.len().saturating_sub(1), 10),
            Msg::OpenQuotes | Msg::Accept | Msg::OpenSource => {
                let url = c.entries.get(c.cursor).map(|e| e.1.clone());
                w.chooser = None;
                w.effect = url.map(Effect::Open);
            }
            Msg::Close => w.chooser = None,
            _ => {}
        }
        return true;
    }
    if !w.problems_open || app.mode != super::Mode::Browse {
        return false;
    }
    if !w.problems_focused {
        // The pane comes after the last pane in the Tab order.
        let last = if app.quotes_open { Pane::Quotes } else { Pane::Detail };
        let reaches = match msg {
            Msg::Focus(1) => app.focus == last,
            Msg::Focus(-1) => app.focus == Pane::List,
            _ => false,
        };
        w.problems_focused = reaches && app.mode == super::Mode::Browse;
        return w.problems_focused;
    }
    match msg {
        Msg::Move(step) => w.problem_cursor = step.apply(w.problem_cursor, w.problems.len().saturating_sub(1), 10),
        Msg::Edit | Msg::OpenQuotes => {
            if let Some(p) = w.problems.get(w.problem_cursor) {
                w.effect = Some(Effect::Edit { line: p.line, column: p.column });
            }
        }
        Msg::Close => {
            w.problems_open = false;
            w.problems_focused = false;
        }
        Msg::Focus(1) => {
            w.problems_focused = false;
            app.focus = Pane::List;
        }
        Msg::Focus(_) => {
            w.problems_focused = false;
            app.focus = if app.quotes_open { Pane::Quotes } else { Pane::Detail };
        }
        _ => return false,
    }
    true
}

/// `e`, `r`, `o`, `y`, `x` while browsing.
pub fn browse(app: &mut App, msg: &Msg) {
    match msg {
        Msg::Edit => edit(app),
        Msg::Reload if app.writing.file.is_some() => app.writing.effect = Some(Effect::Reload),
        Msg::Reload => app.writing.status = Some("the bundled timeline is built in: nothing to reload".into()),
        Msg::OpenSource => open_source(app),
        Msg::Copy => copy(app),
        Msg::Export => app.writing.effect = Some(Effect::Export),
        _ => {}
    }
}

fn edit(app: &mut App) {
    if app.writing.file.is_none() {
        app.writing.status = Some(
            "the bundled timeline is built in; for a copy to edit: tlview --example > FILE (or tlview new FILE), then tlview FILE"
                .into(),
        );
        return;
    }
    app.writing.effect = Some(match app.selected_event() {
        Some(e) => Effect::EditEvent(e.id.to_string()),
        None => Effect::Edit { line: 1, column: 1 },
    });
}

fn open_source(app: &mut App) {
    let Some(e) = app.selected_event() else {
        app.writing.status = Some("no event selected".into());
        return;
    };
    let t = &app.timeline;
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut refused = 0;
    let quoted = e.quotes.iter().map(|q| &q.source);
    for s in e.sources.iter().chain(quoted).filter_map(|&s| t.sources.get(s as usize)) {
        match &s.url {
            Some(url) if crate::ui::link::target(url).is_some() && !entries.iter().any(|(_, u)| u == url) => {
                let label = s.publisher.as_ref().map_or_else(|| s.title.clone(), |p| format!("{p}: {}", s.title));
                entries.push((label, url.clone()));
            }
            Some(url) if crate::ui::link::target(url).is_some() => {} // listed already
            Some(_) => refused += 1,
            None => {}
        }
    }
    match entries.len() {
        0 if refused > 0 => {
            app.writing.status = Some("not opened: only http and https links are opened".into());
        }
        0 => app.writing.status = Some("this event's sources have no URL".into()),
        1 => app.writing.effect = entries.pop().map(|(_, url)| Effect::Open(url)),
        _ => app.writing.chooser = Some(Chooser { entries, cursor: 0 }),
    }
}

fn copy(app: &mut App) {
    let Some(e) = app.selected_event() else {
        app.writing.status = Some("no event selected".into());
        return;
    };
    let t = &app.timeline;
    let (text, what) = if app.focus == Pane::Quotes && !e.quotes.is_empty() {
        let all: Vec<String> = e.quotes.iter().map(|q| crate::cite::quote(t, q)).collect();
        let n = all.len();
        (all.join("\n\n"), if n == 1 { "the quote's citation".to_owned() } else { format!("{n} quotes' citations") })
    } else {
        (crate::cite::event(t, e), "the event's citation".to_owned())
    };
    app.writing.effect = Some(Effect::Copy(text));
    app.writing.status = Some(format!("copied {what} to the clipboard"));
}
