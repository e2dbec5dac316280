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

/// Everything an event shows, with its references resolved (so an actor
/// renamed in the file counts as a change of every event naming it).
fn shown(t: &Timeline, e: &Event) -> String {
    let actors: Vec<_> = e.actors.iter().map(|&a| t.actors.get(a as usize).map(|a| format!("{a:?}"))).collect();
    let tags: Vec<_> = e.tags.iter().map(|&g| t.tags.get(g as usize)).collect();
    let sources: Vec<_> = e.sources.iter().map(|&s| t.sources.get(s as usize).map(|s| format!("{s:?}"))).collect();
    let quotes: Vec<_> = e
        .quotes
        .iter()
        .map(|q| {
            let by = t.actors.get(q.by as usize).map(|a| format!("{a:?}"));
            let source = t.sources.get(q.source as usize).map(|s| format!("{s:?}"));
            format!("{by:?}{:?}{source:?}{:?}", q.text, q.context)
        })
        .collect();
    format!(
        "{:?}{:?}{}{:?}{:?}{:?}{actors:?}{tags:?}{sources:?}{quotes:?}",
        e.date, e.end, e.approximate, e.title, e.summary, e.location
    )
}

/// Compares two versions' events by id.
#[must_use]
pub fn changes(old: &Timeline, new: &Timeline) -> Changes {
    let before: HashMap<&str, &Event> = old.events.iter().map(|e| (&*e.id, e)).collect();
    let mut c = Changes::default();
    let mut seen = 0;
    for e in &new.events {
        match before.get(&*e.id) {
            None => c.added += 1,
            Some(o) => {
                seen += 1;
                if shown(old, o) != shown(new, e) {
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
    let status = changes(&app.timeline, &new).summary();
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
    next.refilter();
    let found = selected_id.and_then(|id| next.timeline.events.iter().position(|e| e.id == id)).map(idx);
    match found.filter(|i| next.visible.binary_search(i).is_ok()) {
        Some(i) => {
            next.selected = Some(i);
            if found == app.selected {
                next.detail_scroll = app.detail_scroll;
                next.quotes_scroll = app.quotes_scroll;
            }
        }
        // The event is gone: stay at the same place in the list.
        None => {
            next.selected =
                selected_pos.and_then(|p| next.visible.get(p.min(next.visible.len().saturating_sub(1))).copied())
        }
    }
    next.list_offset = app.list_offset;
    next.zoom = app.zoom;
    next.focus = app.focus;
    next.quotes_open = app.quotes_open;
    next.help_scroll = app.help_scroll;
    next.mode = match app.mode {
        Mode::Picker => Mode::Browse, // its entries were the old version's
        m => m,
    };
    next.quit = app.quit;
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
    w.problems_focused = true;
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
