//! Search while typing in a huge timeline, the way `less` searches a huge
//! log: the screen first, the count after. Narrowing a million events'
//! text costs a keystroke about 16 ms on two cores, and listing the matches
//! about 6 ms more, however few rows are on screen. So when a keystroke's
//! search has that much to do, the keystroke shows at once the matches
//! around the selection (the events on screen, found by reading only as far
//! as they need), and the rest is done while no key waits ([`Msg::Work`],
//! sent by the terminal loop): the text search in slices of about 3 ms,
//! then joining the names' matches, then the list's lookups (up to about
//! 5 and 10 ms at a million events), so a key typed meanwhile waits for at
//! most one step. The status
//! bar and the list's title say `searching…` in place of the count, and the
//! axis waits with its counts, until it is done. The next key typed voids
//! the work; any other key (moving, Enter, the filters) and a resize finish
//! it first, so nothing but the prompt ever acts on part of the matches
//! (quitting does not wait). The selected row keeps the line it had on the
//! window's screen, which may differ from where a search done at once
//! would have put it.
//!
//! The screen's events are exactly what the whole search shows there: the
//! window around the selection reaches a screenful of matches on each side
//! (or the end of the list), and when it cannot within a bounded read (the
//! matches are sparse) the search runs whole at once, as a small one does.
//! Only the search itself is done this way: with other filters, the as-of
//! cursor or a file still loading, the search runs whole.
//!
//! [`Msg::Work`]: super::msg::Msg::Work

use super::filter;
use super::index::{actors_of, sources_of};
use super::layout;
use super::nav;
use super::search::TextSearch;
use super::state::App;
use memchr::memmem;

/// A search with at least this many events or cached matches to read (or,
/// answered from the cache, this many text matches to list) is done in
/// steps (in unit tests, a handful, so the path is tested).
const SLICED_FROM: usize = if cfg!(test) { 24 } else { 256 * 1024 };

/// [`SLICED_FROM`], unless a debug build's end-to-end test lowered it
/// ([`lower_threshold`]) to reach this path with a file it can load quickly.
static THRESHOLD: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// Lowers the size from which a search is done in steps, in debug builds
/// only (the terminal edge reads `TLVIEW_DEBUG_SLICED_FROM`); the first
/// call counts.
pub fn lower_threshold(events: usize) {
    if cfg!(debug_assertions) {
        let _ = THRESHOLD.set(events.min(SLICED_FROM));
    }
}

fn threshold() -> usize {
    THRESHOLD.get().copied().unwrap_or(SLICED_FROM)
}

/// Matches (or events) read per slice: about 3 ms on two cores.
const SLICE: usize = if cfg!(test) { 5 } else { 128 * 1024 };

/// How many events each way the screen's window reads before giving up
/// (the search then runs whole): a screenful of matches rarer than this is
/// cheap to find by the whole search anyway.
const LOOK: usize = if cfg!(test) { 40 } else { 16 * 1024 };

/// A search still being worked out while the screen shows its matches
/// around the selection.
#[derive(Debug)]
pub struct Pending {
    work: Work,
}

/// What is left of a search, in the order it is done: each step but the
/// first is one [`Msg::Work`](super::msg::Msg::Work).
#[derive(Debug)]
enum Work {
    /// Finding the text matches, a slice at a time.
    Text(TextSearch),
    /// The text matches are found (and in the cache); joining the names'
    /// matches to them is left, then the list's lookups.
    Found(Vec<u32>),
    /// Every match is found; the list's lookups are left.
    Listed(Vec<u32>),
}

/// Recomputes what is shown after the search query changed in the prompt:
/// the search whole when it is small (or cannot be done this way), else
/// the matches on screen now and the rest in slices (see the module docs).
pub fn refilter_typed(app: &mut App) {
    app.searching = None;
    if !only_search(app) {
        return nav::refilter(app);
    }
    let needle = crate::text::fold(&app.filters.query).into_owned();
    if needle.is_empty() {
        return nav::refilter(app);
    }
    let hay = &app.index.get().events;
    // Whether it is worth showing the screen first.
    let begun = app.search_cache.begin(&needle);
    let large = match &begun {
        Ok(found) => found.len() >= threshold(),
        Err(job) => app.search_cache.remaining(job, hay) >= threshold(),
    };
    let window = if large { around(app, &needle) } else { None };
    match window {
        Some(window) => {
            nav::show(app, filter::gather(window, &app.keys));
            let work = begun.map_or_else(Work::Text, Work::Found);
            app.searching = Some(Pending { work });
        }
        None => {
            let found = match begun {
                Ok(found) => Some(found),
                Err(job) => app.search_cache.run(job, &app.index.get().events),
            };
            nav::refilter_with(app, found);
        }
    }
}

/// Does the next step of the search being worked out, if any (a slice of
/// the text search, joining the names' matches, or listing the matches);
/// shows the whole result once it is done, the selected row staying on its
/// screen line.
pub fn work(app: &mut App) {
    step(app, false);
}

/// Finishes the search being worked out, if any, at once.
pub fn complete(app: &mut App) {
    step(app, true);
}

fn step(app: &mut App, whole: bool) {
    while let Some(pending) = app.searching.take() {
        let next = match pending.work {
            Work::Text(mut job) => {
                let hay = &app.index.get().events;
                if !whole && !app.search_cache.step(&mut job, hay, SLICE) {
                    Work::Text(job)
                } else if let Some(found) = app.search_cache.run(job, hay) {
                    Work::Found(found)
                } else {
                    // Void (another search began since, which a pending job
                    // never sees, as each keystroke drops the last): search again.
                    return nav::refilter(app);
                }
            }
            Work::Found(found) => Work::Listed(nav::passing(app, Some(found))),
            Work::Listed(events) => {
                // The selected row's line on screen, kept when the whole list replaces the window.
                let line = app.selected_pos().map(|p| app.shown.row_of(p).saturating_sub(app.list_offset));
                nav::show(app, filter::gather(events, &app.keys));
                if let (Some(line), Some(p)) = (line, app.selected_pos()) {
                    app.list_offset = app.shown.row_of(p).saturating_sub(line);
                    nav::keep_selection_visible(app);
                }
                return;
            }
        };
        app.searching = Some(Pending { work: next });
        if !whole {
            return;
        }
    }
}

/// Whether the search is the only thing deciding what is shown, on a
/// loaded file (search waits for a load; this does not rely on it).
fn only_search(app: &App) -> bool {
    app.filters.only_query() && app.asof.at.is_none() && app.load.is_none()
}

/// The events matching `needle` (folded) around the selection: every match
/// from a screenful before it to a screenful after it (or to either end of
/// the list), as the whole search would find there; `None` when that takes
/// reading more than [`LOOK`] events either way, or finds nothing.
fn around(app: &mut App, needle: &str) -> Option<Vec<u32>> {
    let rows = layout::list_rows(app);
    let index = app.index.get();
    let marks = |hits: &[u32], n: usize| {
        let mut marked = vec![false; n];
        for &i in hits {
            if let Some(m) = marked.get_mut(i as usize) {
                *m = true;
            }
        }
        marked
    };
    let (t, names) = (&app.timeline, filter::NameHits::of(index, needle));
    let (actors, tags, sources) = (
        marks(&names.actors, t.actors.len()),
        marks(&names.tags, t.tags.len()),
        marks(&names.sources, t.sources.len()),
    );
    let finder = memmem::Finder::new(needle.as_bytes());
    let mut read = 0;
    let mut holds = |i: usize| {
        let e = &t.events[i];
        let marked = |m: &[bool], x: u32| m.get(x as usize).copied().unwrap_or(false);
        actors_of(e).any(|a| marked(&actors, a))
            || e.tags.iter().any(|&g| marked(&tags, g))
            || sources_of(e).any(|s| marked(&sources, s))
            || index.events.contains(&finder, u32::try_from(i).unwrap_or(u32::MAX), &mut read)
    };
    let n = t.events.len();
    let from = app.selected.map_or(0, |s| s as usize).min(n);
    // The selection (or the first match after it) and a screenful after.
    let mut after = Vec::new();
    let mut i = from;
    while i < n && after.len() <= rows && i - from < LOOK {
        if holds(i) {
            after.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        i += 1;
    }
    if after.len() <= rows && i < n {
        return None;
    }
    let mut before = Vec::new();
    let mut j = from;
    while j > 0 && before.len() < rows && from - j < LOOK {
        j -= 1;
        if holds(j) {
            before.push(u32::try_from(j).unwrap_or(u32::MAX));
        }
    }
    index.events.count_scanned(read);
    if (before.len() < rows && j > 0) || (before.is_empty() && after.is_empty()) {
        return None;
    }
    before.reverse();
    before.extend(after);
    Some(before)
}
