//! Reloading: the new version of the file replaces the old one in the
//! viewer, and the reader stays where they were (`carry_over`, which the
//! end of a load uses too): the selection follows its event id, every
//! filter, the as-of cursor, zoom, focus and open panes are kept, the list
//! keeps its scroll where it can. The status bar says what changed,
//! comparing events by id.
//!
//! A version that cannot be loaded changes nothing shown: the last good
//! timeline stays, marked stale, and its problems open the problems pane,
//! which closes by itself once a reload succeeds.

use super::asof::{self, AsOf};
use super::filter::Filters;
use super::state::{App, ListKeys, Mode};
use super::writing::ProblemLine;
use super::{facts, nav};
use crate::timeline::{Claim, Event, Quote, Timeline};
use std::collections::{BTreeSet, HashMap};

/// How two versions differ: their events by id, and the rest of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Ids only in the new version.
    pub added: usize,
    /// Ids in both whose events differ in any field.
    pub changed: usize,
    /// Ids only in the old version.
    pub removed: usize,
    /// The parts other than events that differ (`title`, `periods`…).
    pub elsewhere: Vec<&'static str>,
}

impl Changes {
    /// `reloaded: 2 events added, 1 changed, 1 removed`, or `reloaded: no
    /// event changed`, then `; periods changed` when other parts did.
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
        let events = if parts.is_empty() { "no event changed".into() } else { parts.join(", ") };
        match self.elsewhere.as_slice() {
            [] => format!("reloaded: {events}"),
            rest => format!("reloaded: {events}; {} changed", rest.join(", ")),
        }
    }
}

/// What each old actor, source and tag is in the new version: its index
/// there when it is still there and the same, else `None`. An actor renamed
/// in the file thus counts as a change of every event naming it.
struct Same {
    actors: Vec<Option<u32>>,
    sources: Vec<Option<u32>>,
    tags: Vec<Option<u32>>,
}

impl Same {
    fn new(old: &Timeline, new: &Timeline) -> Same {
        /// `old`'s entries in `new`, found by `key`, kept when they print the same.
        fn map<T: std::fmt::Debug>(old: &[T], new: &[T], key: impl Fn(&T) -> &str) -> Vec<Option<u32>> {
            let at: HashMap<&str, usize> = new.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
            let shown = |x: &T| format!("{x:?}");
            old.iter().map(|x| at.get(key(x)).filter(|&&i| shown(&new[i]) == shown(x)).map(|&i| idx(i))).collect()
        }
        Same {
            actors: map(&old.actors, &new.actors, |a| &a.id),
            sources: map(&old.sources, &new.sources, |s| &s.id),
            tags: map(&old.tags, &new.tags, String::as_str),
        }
    }

    fn one(table: &[Option<u32>], old: u32, new: u32) -> bool {
        table.get(old as usize).copied().flatten() == Some(new)
    }

    fn all(table: &[Option<u32>], old: &[u32], new: &[u32]) -> bool {
        old.len() == new.len() && old.iter().zip(new).all(|(&o, &n)| Same::one(table, o, n))
    }

    /// Whether two versions of an event show the same thing. Every field is
    /// named, so a field added to the model cannot be forgotten here.
    fn event(&self, o: &Event, n: &Event) -> bool {
        let Event {
            id: _,
            date,
            end,
            approximate,
            title,
            summary,
            location,
            actors,
            tags,
            sources,
            quotes,
            notes,
            status,
            reported,
            claims,
            display_date,
            media,
            related,
        } = o;
        *date == n.date
            && *end == n.end
            && *approximate == n.approximate
            && *title == n.title
            && *summary == n.summary
            && *location == n.location
            && *notes == n.notes
            && *status == n.status
            && *reported == n.reported
            && *display_date == n.display_date
            && *media == n.media
            && *related == n.related
            && Same::all(&self.actors, actors, &n.actors)
            && Same::all(&self.tags, tags, &n.tags)
            && Same::all(&self.sources, sources, &n.sources)
            && quotes.len() == n.quotes.len()
            && quotes.iter().zip(&n.quotes).all(|(a, b)| self.quote(a, b))
            && claims.len() == n.claims.len()
            && claims.iter().zip(&n.claims).all(|(a, b)| self.claim(a, b))
    }

    fn quote(&self, o: &Quote, n: &Quote) -> bool {
        let Quote { by, text, source, context, date, language, original } = o;
        *text == n.text
            && *context == n.context
            && *date == n.date
            && *language == n.language
            && *original == n.original
            && Same::one(&self.actors, *by, n.by)
            && Same::one(&self.sources, *source, n.source)
    }

    fn claim(&self, o: &Claim, n: &Claim) -> bool {
        let Claim { about, value, by, source, date, context } = o;
        *about == n.about
            && *value == n.value
            && *date == n.date
            && *context == n.context
            && Same::one(&self.actors, *by, n.by)
            && Same::one(&self.sources, *source, n.source)
    }
}

/// The parts of the file other than events that differ between `old` and
/// `new`. Actors and sources count through the events that name them.
fn elsewhere(old: &Timeline, new: &Timeline) -> Vec<&'static str> {
    let Timeline {
        title,
        description,
        zone,
        actors: _,
        sources: _,
        tags: _,
        events: _,
        warnings: _,
        warnings_more: _,
        periods,
    } = old;
    let shown = |x: &dyn std::fmt::Debug| format!("{x:?}");
    [
        ("title", *title == new.title),
        ("description", *description == new.description),
        ("timezone", *zone == new.zone),
        ("periods", shown(periods) == shown(&new.periods)),
    ]
    .into_iter()
    .filter(|&(_, same)| !same)
    .map(|(what, _)| what)
    .collect()
}

/// Compares two versions: their events by id, and the rest of the file.
#[must_use]
pub fn changes(old: &Timeline, new: &Timeline) -> Changes {
    let same = Same::new(old, new);
    let before: HashMap<&str, &Event> = old.events.iter().map(|e| (&*e.id, e)).collect();
    let mut c = Changes { elsewhere: elsewhere(old, new), ..Changes::default() };
    let mut seen = 0;
    for e in &new.events {
        match before.get(&*e.id) {
            None => c.added += 1,
            Some(o) => {
                seen += 1;
                if !same.event(o, e) {
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
    let mut next = carry_over(app, new, None);
    next.writing.problems.clear();
    next.writing.problems_open = false;
    next.writing.problems_focused = false;
    next.writing.problem_cursor = 0;
    next.writing.stale = false;
    next.writing.chooser = None;
    next.writing.status = Some(status);
    *app = next;
}

/// A viewer on `new` that keeps the reader's place in `app`: how a reload
/// and the end of a load replace the timeline. Everything that refers to
/// the old version is carried by what it names: the selection and the last
/// related event followed by event id, actor and source filters by id, tag
/// filters by name (those that still exist). The search, the unsourced and
/// status filters, the as-of cursor (and its dimming), zoom, focus, panes,
/// scrolls and the writing state are kept as they are; an open claims view
/// is rebuilt from the new version; a picker, whose entries were the old
/// version's, closes.
pub(super) fn carry_over(app: &mut App, new: Timeline, known: Option<(ListKeys, usize)>) -> App {
    let old = &app.timeline;
    let event_id = |i: u32| old.events.get(i as usize).map(|e| e.id.clone());
    let selected_id = app.selected.and_then(event_id);
    let selected_pos = app.selected_pos();
    let trail = app.related_trail.and_then(|(from, to, n)| Some((event_id(from)?, event_id(to)?, n)));
    let actor_ids: Vec<&str> =
        app.filters.actors.iter().filter_map(|&a| Some(&*old.actors.get(a as usize)?.id)).collect();
    let source_ids: Vec<&str> =
        app.filters.sources.iter().filter_map(|&s| Some(&*old.sources.get(s as usize)?.id)).collect();
    let tag_names: Vec<&str> = app.filters.tags.iter().filter_map(|&g| Some(&**old.tags.get(g as usize)?)).collect();

    let mut next = App::with_index(new, app.size, true, known);
    let t = &next.timeline;
    next.filters = Filters {
        query: std::mem::take(&mut app.filters.query),
        actors: find(&actor_ids, t.actors.iter().map(|a| &*a.id)),
        tags: find(&tag_names, t.tags.iter().map(String::as_str)),
        sources: find(&source_ids, t.sources.iter().map(|s| &*s.id)),
        unsourced: app.filters.unsourced,
        status: app.filters.status,
    };
    let new_index = |id: &str| next.timeline.events.iter().position(|e| &*e.id == id).map(idx);
    let found = selected_id.as_deref().and_then(new_index);
    next.related_trail = trail.and_then(|(from, to, n)| Some((new_index(&from)?, new_index(&to)?, n)));
    next.asof = AsOf {
        at: app.asof.at,
        dim: app.asof.dim,
        input: std::mem::take(&mut app.asof.input),
        error: app.asof.error.take(),
        public: if app.asof.at.is_some() { asof::all_public(&next.timeline) } else { Vec::new() },
    };
    nav::refilter(&mut next);
    match found.filter(|&i| next.shown.position(i).is_some()) {
        Some(i) => {
            next.selected = Some(i);
            next.detail_scroll = app.detail_scroll;
            next.quotes_scroll = app.quotes_scroll;
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
    if next.mode == Mode::Claims {
        let cursor = app.claims.as_ref().map_or(0, |v| v.cursor);
        facts::open_claims(&mut next);
        if let Some(view) = &mut next.claims {
            view.cursor = cursor.min(view.entries.len().saturating_sub(1));
        }
    }
    next.quit = app.quit;
    next.mouse = app.mouse;
    next.writing = std::mem::take(&mut app.writing);
    nav::keep_selection_visible(&mut next);
    next
}

/// The indexes in `names` of `ids` (those still there).
fn find<'a>(ids: &[&str], names: impl Iterator<Item = &'a str>) -> BTreeSet<u32> {
    let at: HashMap<&str, usize> = names.enumerate().map(|(i, n)| (n, i)).collect();
    ids.iter().filter_map(|id| at.get(id)).map(|&i| idx(i)).collect()
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

#[cfg(test)]
#[path = "reload_tests.rs"]
mod tests;
