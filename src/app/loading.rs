//! A timeline shown while it loads, like `less` on a huge log: the first
//! screen comes from the first chunks the loader validated, and the list and
//! axis grow as more arrive (the loader hands parts over no more often than
//! a loading frame is drawn: [`crate::timeline::Sink`]). The loader sends messages ([`Msg::LoadPart`],
//! [`Msg::LoadProgress`], then [`Msg::LoadDone`] or [`Msg::LoadFailed`]);
//! this module is what `update` does with them.
//!
//! While loading, events are kept in start order as far as they are known
//! (new ones slot in by a stable sort, so ties stay in file order): a file
//! in date order grows at the bottom of the list, while in a file that is
//! not, events from later chunks appear among those already shown, and the
//! selection stays on its event. The final order (which also honours
//! `after`/`before`) replaces the provisional one when the load completes,
//! the selection again kept on its event.
//!
//! Parts are merged in batches that grow with what is loaded (each at least
//! as large as the list so far), so rebuilding the list's lookups costs
//! about two builds over the whole load; the lookups only filters and
//! pickers read (postings, sources) are built once, at the end, as those
//! wait for it anyway. Search, the pickers
//! (actors, tags, sources), the claims view, the as-of cursor, editing and
//! reloading wait for the load to complete (they say so in the status bar);
//! moving, zooming, panes, help, copying and quitting work throughout.

use super::index::LazyIndex;
use super::msg::{Msg, PickerKind};
use super::nav;
use super::state::{App, ListKeys};
use crate::timeline::{Event, Part, Timeline};
use std::sync::Arc;

/// The state of a load in progress.
#[derive(Debug, Default)]
pub struct Loading {
    /// Bytes of the file validated so far.
    pub done: usize,
    /// Bytes in the file.
    pub total: usize,
    /// Set when the load failed: the viewer ends so its problems can be printed.
    pub failed: bool,
    /// Set when the file is being read again as a whole ([`Part::Rechecking`]):
    /// the percent no longer measures what is left.
    pub rechecking: bool,
    /// Events received but not yet merged into the list, in file order.
    pending: Vec<Event>,
    /// Tags first used by `pending`.
    pending_tags: Vec<String>,
}

impl Loading {
    /// How far the load is, in percent (0 to 100).
    #[must_use]
    pub fn percent(&self) -> usize {
        (self.done.saturating_mul(100) / self.total.max(1)).min(100)
    }
}

impl App {
    /// A viewer on the first part of a load still in progress (see the module docs).
    #[must_use]
    pub fn loading(first: Timeline, size: (u16, u16)) -> App {
        let mut first = first;
        first.events.sort_by_key(Event::start);
        let mut app = App::with_index(first, size, false, None);
        nav::refilter(&mut app);
        app.load = Some(Loading::default());
        app
    }
}

/// What `msg` asks for, in a few words, when it waits for the load to
/// complete: it would read a search index or a file the load is still
/// working on. `None` for what works during the load.
#[must_use]
pub fn waiting(msg: &Msg) -> Option<&'static str> {
    Some(match msg {
        Msg::StartSearch => "search",
        Msg::OpenPicker(PickerKind::Actors) => "the actor filter",
        Msg::OpenPicker(PickerKind::Tags) => "the tag filter",
        Msg::OpenPicker(PickerKind::Sources) => "the source filter",
        Msg::ClearFilters => "clearing filters",
        Msg::ToggleUnsourced => "the unsourced filter",
        Msg::CycleStatus => "the status filter",
        Msg::FollowRelated => "following related",
        Msg::ToggleClaims => "the claims view",
        Msg::StartAsOf | Msg::ToggleDim => "the as-of cursor",
        Msg::Edit => "editing",
        Msg::Reload => "reloading",
        Msg::Export => "export",
        _ => return None,
    })
}

/// Handles a loader message (other messages are left alone).
pub fn update(app: &mut App, msg: Msg) {
    match msg {
        Msg::LoadProgress(done, total) => {
            if let Some(l) = &mut app.load {
                (l.done, l.total) = (done, total);
            }
        }
        Msg::LoadPart(part) => part_arrived(app, Arc::unwrap_or_clone(part.0)),
        Msg::LoadDone(loaded) => done(app, Arc::unwrap_or_clone(loaded.0)),
        Msg::LoadFailed => {
            app.load.get_or_insert_with(Loading::default).failed = true;
            app.quit = true;
        }
        _ => {}
    }
}

/// Keeps the events of `part`, merging them into the list once enough wait.
fn part_arrived(app: &mut App, part: Part) {
    let Some(load) = &mut app.load else { return };
    match part {
        // A load shows one first part, which made this viewer.
        Part::First(_) => {}
        Part::More { events, tags } => {
            load.pending.extend(events);
            load.pending_tags.extend(tags);
        }
        Part::Rechecking => load.rechecking = true,
    }
    if load.pending.len() >= app.timeline.events.len() {
        merge_pending(app);
    }
}

/// Merges the waiting events into the list, keeping the selection on its
/// event. The list so far is in start order and the batch is sorted on its
/// own, so only the events starting after the batch's first are merged with
/// it, and only theirs and the batch's keys are computed: a file in date
/// order costs each merge what it adds, plus one pass to show the list.
fn merge_pending(app: &mut App) {
    absorb_pending(app);
    nav::refilter(app);
}

/// [`merge_pending`] without showing the result (the caller refilters).
fn absorb_pending(app: &mut App) {
    let Some(load) = &mut app.load else { return };
    let (batch, tags) = (std::mem::take(&mut load.pending), std::mem::take(&mut load.pending_tags));
    let selected_start = app.selected.and_then(|s| app.keys.start.get(s as usize).copied());
    // The index holds no timeline during a load, so this is the only reference.
    app.index = LazyIndex::later();
    let known = take_list_keys(app);
    let t = Arc::make_mut(&mut app.timeline);
    t.tags.extend(tags);
    let batch = in_start_order(batch);
    // Events that sort before the selection move it down by as many places.
    let shift = selected_start.map_or(0, |s| batch.partition_point(|(start, _)| *start < s));
    // Events already listed that start after the batch's first merge with
    // it; on equal starts the earlier in the file comes first, as a stable sort has it.
    let cut = batch.first().map_or(t.events.len(), |(s, _)| known.keys.start.partition_point(|&k| k <= *s));
    let tail = t.events.split_off(cut);
    let tail_starts = known.keys.start.get(cut..).unwrap_or_default();
    t.events.reserve(tail.len() + batch.len());
    let tail = tail_starts.iter().copied().zip(tail);
    t.events.extend(super::merge::merged(tail, batch, |&(start, _)| start).map(|(_, e)| e));
    ListKeys { keys: app.keys, span: app.span, earliest: app.earliest, widest_title: app.widest_title } =
        known.extended(t, cut);
    app.by_id = std::cell::OnceCell::new();
    app.selected = app.selected.map(|s| s + u32::try_from(shift).unwrap_or(0));
}

/// The list's keys of `app`, taken out (its per-event keys left empty).
fn take_list_keys(app: &mut App) -> ListKeys {
    let keys = std::mem::take(&mut app.keys);
    ListKeys { keys, span: app.span, earliest: app.earliest, widest_title: app.widest_title }
}

/// `events` in start order, ties in their order, each with its start:
/// sorted as (start, position) pairs, so each event moves once, not at
/// every step of the sort.
fn in_start_order(events: Vec<Event>) -> Vec<(i64, Event)> {
    let mut order: Vec<(i64, usize)> = events.iter().map(Event::start).zip(0..).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    order.into_iter().filter_map(|(s, i)| Some((s, slots.get_mut(i)?.take()?))).collect()
}

/// Replaces the provisional timeline with the loaded one, keeping the
/// reader's place as a reload does ([`super::reload::carry_over`]).
fn done(app: &mut App, new: Timeline) {
    // When the final order begins with the provisional list (a file in date
    // order, nothing placed by `after`/`before`), the list's keys are kept
    // and only those of the events still waiting are computed.
    let old = &app.timeline.events;
    let listed = old.len();
    let prefix = listed <= new.events.len() && old.iter().zip(&new.events).all(|(a, b)| a.id == b.id);
    let known = prefix.then(|| (take_list_keys(app), listed));
    let mut next = super::reload::carry_over(app, new, known);
    // A note that something waits for the load is out of date now.
    next.writing.status = None;
    let provisional = std::mem::replace(app, next).timeline;
    // Freeing the provisional copy of every event takes a while: not before
    // the full list is drawn (if no thread can start, it is freed here).
    let _ = std::thread::Builder::new().name("free-provisional".into()).spawn(move || drop(provisional));
}
