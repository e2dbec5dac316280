//! Reloading: the new version of the file replaces the old one in the
//! viewer, and the reader stays where they were. The selection follows its
//! event id; actor and tag filters follow their ids (those that still exist);
//! search, zoom, focus and open panes are kept; the list keeps its scroll
//! where it can. The status bar says what changed, comparing events by id.
//!
//! A version that cannot be loaded changes nothing shown: the last good
//! timeline stays, marked stale, and its problems open the problems pane,
//! which closes by itself once a reload succeeds.

use super::nav;
use super::state::{App, Mode};
use super::writing::ProblemLine;
use crate::timeline::{Event, Timeline};
use std::collections::HashMap;

/// How the events of two versions differ, by id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Ids only in the new version.
    pub added: usize,
    /// Ids in both whose events differ in any field.
    pub changed: usize,
    /// Ids only in the old version.
    pub removed: usize,
}

impl Changes {
    /// `reloaded: 2 events added, 1 changed, 1 removed`, or `reloaded: no event changed`.
    #[must_use]
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let events = |n: usize| if n == 1 { "event" } else { "events" };
        let mut noun_used = false;
        for (n, what) in [(self.added, "added"), (self.changed, "changed"), (self.removed, "removed")] {
            if n > 0 {
                parts.push(if noun_used { format!("{n} {what}") } else { format!("{n} {} {what}", events(n)) });
                noun_used = true;
            }
        }
        if parts.is_empty() { "reloaded: no event changed".into() } else { format!("reloaded: {}", parts.join(", ")) }
    }
}

/// Whether two versions of an event show the same thing. References are
/// compared by index when the actor and source tables are unchanged (the
/// common case, and cheap), else by what they point at, so an actor renamed
/// in the file counts as a change of every event naming it.
fn same(old: (&Timeline, &Event), new: (&Timeline, &Event), tables_same: bool) -> bool {
    let ((ot, o), (nt, n)) = (old, new);
    let tag = |t: &Timeline, g: &u32| t.tags.get(*g as usize).cloned();
    let plain = o.date == n.date
        && o.end == n.end
        && o.approximate == n.approximate
        && o.title == n.title
        && o.summary == n.summary
        && o.location == n.location
        && o.tags.iter().map(|g| tag(ot, g)).eq(n.tags.iter().map(|g| tag(nt, g)))
        && o.quotes.len() == n.quotes.len()
        && o.quotes.iter().zip(n.quotes.iter()).all(|(a, b)| a.text == b.text && a.context == b.context);
    if !plain {
        return false;
    }
    if tables_same {
        return o.actors == n.actors
            && o.sources == n.sources
            && o.quotes.iter().zip(n.quotes.iter()).all(|(a, b)| a.by == b.by && a.source == b.source);
    }
    let actor = |t: &Timeline, a: u32| t.actors.get(a as usize).map(|a| format!("{a:?}"));
    let source = |t: &Timeline, s: u32| t.sources.get(s as usize).map(|s| format!("{s:?}"));
    o.actors.iter().map(|&a| actor(ot, a)).eq(n.actors.iter().map(|&a| actor(nt, a)))
        && o.sources.iter().map(|&s| source(ot, s)).eq(n.sources.iter().map(|&s| source(nt, s)))
        && o.quotes
            .iter()
            .zip(n.quotes.iter())
            .all(|(a, b)| actor(ot, a.by) == actor(nt, b.by) && source(ot, a.source) == source(nt, b.source))
}

/// Compares two versions' events by id.
#[must_use]
pub fn changes(old: &Timeline, new: &Timeline) -> Changes {
    let tables_same = format!("{:?}{:?}", old.actors, old.sources) == format!("{:?}{:?}", new.actors, new.sources);
    let before: HashMap<&str, &Event> = old.events.iter().map(|e| (&*e.id, e)).collect();
    let mut c = Changes::default();
    let mut seen = 0;
    for e in &new.events {
        match before.get(&*e.id) {
            None => c.added += 1,
            Some(o) => {
                seen += 1;
                if !same((old, o), (new, e), tables_same) {
                    c.changed += 1;
                }
            }
        }
    }
    c.removed = old.events.len() - seen;
    c
}

/// Replaces the timeline with `new`, keeping the reader's place.
pub fn reloaded(app: &mut App, new: Timeline) {
    let c = changes(&app.timeline, &new);
    // A watcher's notice of the save an edit already reloaded changes nothing:
    // keep the summary of that reload rather than replace it with "no change".
    let earlier = app.writing.status.take().filter(|s| s.starts_with("reloaded: ") && c == Changes::default());
    let status = earlier.unwrap_or_else(|| c.summary());
    let old = &app.timeline;
    let selected_id = app.selected_event().map(|e| e.id.clone());
    let selected_pos = app.selected_pos();
    let actor_ids: Vec<String> =
        app.filters.actors.iter().filter_map(|&a| old.actors.get(a as usize).map(|a| a.id.clone())).collect();
    let tag_names: Vec<String> = app.filters.tags.iter().filter_map(|&g| old.tags.get(g as usize).cloned()).collect();
    let mut next = App::new(new, app.size);
    let t = &next.timeline;
    next.filters.query = std::mem::take(&mut app.filters.query);
    next.filters.actors =
        actor_ids.iter().filter_map(|id| t.actors.iter().position(|a| &a.id == id)).map(idx).collect();
    next.filters.tags = tag_names.iter().filter_map(|g| t.tags.iter().position(|n| n == g)).map(idx).collect();
    super::nav::refilter(&mut next);
    let found = selected_id.and_then(|id| next.timeline.events.iter().position(|e| e.id == id)).map(idx);
    match found.filter(|&i| next.shown.position(i).is_some()) {
        Some(i) => {
            next.selected = Some(i);
            if found == app.selected {
                next.detail_scroll = app.detail_scroll;
                next.quotes_scroll = app.quotes_scroll;
            }
        }
        // The event is gone: stay at the same place in the list.
        None => {
            next.selected = selected_pos
                .and_then(|p| next.shown.events().get(p.min(next.shown.events().len().saturating_sub(1))).copied())
        }
    }
    next.list_offset = app.list_offset;
    next.zoom = app.zoom;
    next.focus = app.focus;
    next.quotes_open = app.quotes_open;
    next.help_scroll = app.help_scroll;
    next.mode = match app.mode {
        Mode::Picker | Mode::PickerFilter => Mode::Browse, // its entries were the old version's
        m => m,
    };
    next.quit = app.quit;
    next.mouse = app.mouse;
    next.writing = std::mem::take(&mut app.writing);
    next.writing.problems.clear();
    next.writing.problems_open = false;
    next.writing.problems_focused = false;
    next.writing.problem_cursor = 0;
    next.writing.stale = false;
    next.writing.chooser = None;
    next.writing.status = Some(status);
    nav::keep_selection_visible(&mut next);
    *app = next;
}

/// Keeps the timeline shown, marks it stale and opens the problems pane on `problems`.
pub fn failed(app: &mut App, problems: Vec<ProblemLine>) {
    let w = &mut app.writing;
    let n = problems.len();
    w.status = Some(format!(
        "not reloaded: the file has {n} problem{}; showing the last good version",
        if n == 1 { "" } else { "s" }
    ));
    w.problem_cursor = w.problem_cursor.min(n.saturating_sub(1));
    w.problems = problems;
    w.stale = true;
    w.problems_open = true;
    // Typing a search or choosing in a popup goes on; the pane takes the keys once browsing.
    w.problems_focused = app.mode == Mode::Browse;
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
