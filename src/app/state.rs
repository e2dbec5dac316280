//! The view state: the loaded timeline, what the filters let through, what
//! is selected and focused, which popup is open. Plain data, no terminal.

use super::event_keys::EventKeys;
use super::filter::{Filters, Shown};
use super::index::{LazyIndex, Postings};
use super::msg::PickerKind;
use super::search::SearchCache;
use crate::timeline::Timeline;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Which set of keys is in effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the list and panes.
    Browse,
    /// Typing a search.
    Search,
    /// Choosing entries in a filter popup (actors, tags): keys move and tick.
    Picker,
    /// Typing the filter of a popup's entries: keys are typed, Space too.
    PickerFilter,
    /// Reading the help overlay.
    Help,
    /// Reading the claims view.
    Claims,
    /// Typing the date of the as-of cursor.
    AsOf,
}

/// A pane that can have focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    /// The event list.
    List,
    /// The selected event in full.
    Detail,
    /// The selected event's quotes.
    Quotes,
}

/// A filter popup (actors, tags, sources) while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    /// Actors or tags.
    pub kind: PickerKind,
    /// What the user typed to narrow the entries.
    pub query: String,
    /// The entries ticked so far (applied on Enter).
    pub chosen: BTreeSet<u32>,
    /// The entries shown, in display order: the ticked ones first (a ticked
    /// entry never hides), then those the query lets through, best match first.
    pub entries: Vec<u32>,
    /// How many of `entries`, from the first, were ticked when the list was built.
    pub ticked_first: usize,
    /// The highlighted position in `entries`.
    pub cursor: usize,
}

/// The whole state of the viewer.
pub struct App {
    /// The timeline being shown (shared with the thread that builds the search index).
    pub timeline: Arc<Timeline>,
    /// The search haystack.
    pub index: LazyIndex,
    /// Earlier searches, for narrowing while typing and undoing Backspace.
    pub search_cache: SearchCache,
    /// The events of each actor and tag.
    pub postings: Postings,
    /// Each event's start, finish and list group.
    pub keys: EventKeys,
    /// The filters in force.
    pub filters: Filters,
    /// What the filters let through (recomputed by [`super::nav::refilter`]).
    pub shown: Shown,
    /// The selected event (index into the timeline's events), if any is visible.
    pub selected: Option<u32>,
    /// The first list row shown.
    pub list_offset: usize,
    /// The focused pane.
    pub focus: Pane,
    /// Whether the quotes pane is open.
    pub quotes_open: bool,
    /// Lines scrolled in the detail pane.
    pub detail_scroll: u16,
    /// Lines scrolled in the quotes pane.
    pub quotes_scroll: u16,
    /// Lines scrolled in the help overlay.
    pub help_scroll: u16,
    /// Which keys are in effect.
    pub mode: Mode,
    /// The actor, tag or source popup, while open.
    pub picker: Option<Picker>,
    /// The axis unit the user zoomed to, kept across resizes; `None`: the
    /// unit that fits the span to the width, chosen afresh for each width.
    pub zoom: Option<super::axis::Unit>,
    /// The first start and last finish of all events (UTC seconds): the axis's span.
    pub span: (i64, i64),
    /// The event starting earliest (the first listed of equals): the detail
    /// pane counts days from it, and a frame must not search for it.
    pub earliest: Option<u32>,
    /// Terminal columns and rows.
    pub size: (u16, u16),
    /// Whether the terminal should report clicks and the wheel; off, the
    /// terminal's own text selection works (the terminal loop applies it).
    pub mouse: bool,
    /// The display width of the longest title, for the list's share of a wide screen.
    pub widest_title: u16,
    /// Event indexes sorted by id, built the first time an id is looked up
    /// (following a related event); reset whenever the events change.
    pub by_id: std::cell::OnceCell<Vec<u32>>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// The edit–reload loop and the source keys.
    pub writing: super::writing::Writing,
    /// The load still in progress, if any (see [`super::loading`]).
    pub load: Option<super::loading::Loading>,
    /// The as-of cursor.
    pub asof: super::asof::AsOf,
    /// The claims view, while open.
    pub claims: Option<super::facts::ClaimsView>,
    /// What rests on each source.
    pub source_index: super::sources::SourceIndex,
    /// The last related event followed with `f`: (from, to, its place in the list).
    pub related_trail: Option<(u32, u32, usize)>,
    /// A search still being worked out while the list shows its matches on
    /// screen (see [`super::progressive`]).
    pub searching: Option<super::progressive::Pending>,
}

impl App {
    /// A viewer on `timeline`, first event selected, sized `size`.
    #[must_use]
    pub fn new(timeline: Timeline, size: (u16, u16)) -> App {
        let mut app = App::with_index(timeline, size, true, None);
        super::nav::refilter(&mut app);
        app
    }

    /// [`App::new`] before anything is shown (the caller sets the filters
    /// and refilters, so the list is built once), starting the search
    /// index's build only if `index` (a load in progress builds it once
    /// complete), with the list's keys `known` for its first events already
    /// ([`ListKeys::extended`]).
    pub(super) fn with_index(
        timeline: Timeline,
        size: (u16, u16),
        index: bool,
        known: Option<(ListKeys, usize)>,
    ) -> App {
        let timeline = Arc::new(timeline);
        let index = if index { LazyIndex::of(Arc::clone(&timeline)) } else { LazyIndex::later() };
        // The lookups the filters read and those the list reads are
        // independent: for a large timeline, built on two cores.
        let lookups = || (Postings::build(&timeline), super::sources::SourceIndex::build(&timeline));
        let list = || known.map_or_else(|| ListKeys::build(&timeline), |(k, from)| k.extended(&timeline, from));
        let ((postings, source_index), ListKeys { keys, span, earliest, widest_title }) =
            super::index::join(timeline.events.len() >= BUILD_APART_FROM, lookups, list);
        App {
            timeline,
            index,
            search_cache: SearchCache::default(),
            postings,
            keys,
            filters: Filters::default(),
            selected: None,
            shown: Shown::default(),
            list_offset: 0,
            focus: Pane::List,
            quotes_open: false,
            detail_scroll: 0,
            quotes_scroll: 0,
            help_scroll: 0,
            mode: Mode::Browse,
            picker: None,
            zoom: None,
            span,
            earliest,
            size,
            mouse: true,
            widest_title,
            by_id: std::cell::OnceCell::new(),
            quit: false,
            writing: super::writing::Writing::default(),
            load: None,
            asof: super::asof::AsOf::default(),
            claims: None,
            source_index,
            related_trail: None,
            searching: None,
        }
    }

    /// The position of the selection in the shown events.
    #[must_use]
    pub fn selected_pos(&self) -> Option<usize> {
        self.selected.and_then(|s| self.shown.position(s))
    }

    /// The index of the event whose id is `id`: a binary search over
    /// [`App::by_id`], sorted once (a frame never walks every event for it).
    #[must_use]
    pub fn event_by_id(&self, id: &str) -> Option<u32> {
        let events = &self.timeline.events;
        let sorted = self.by_id.get_or_init(|| {
            let mut all: Vec<u32> = (0..u32::try_from(events.len()).unwrap_or(u32::MAX)).collect();
            all.sort_unstable_by(|&a, &b| events[a as usize].id.cmp(&events[b as usize].id));
            all
        });
        let at = sorted.binary_search_by(|&i| (*events[i as usize].id).cmp(id)).ok()?;
        sorted.get(at).copied()
    }

    /// The selected event.
    #[must_use]
    pub fn selected_event(&self) -> Option<&crate::timeline::Event> {
        self.selected.and_then(|s| self.timeline.events.get(s as usize))
    }
}

/// What the list and the axis read of every event, computed from the
/// events alone (their dates, zone and titles), so the same events in the
/// same order have the same keys.
pub(super) struct ListKeys {
    pub(super) keys: EventKeys,
    pub(super) span: (i64, i64),
    pub(super) earliest: Option<u32>,
    pub(super) widest_title: u16,
}

impl ListKeys {
    fn build(t: &Timeline) -> ListKeys {
        let keys = EventKeys::build(t);
        let (span, earliest) = (span(&keys), earliest(&keys));
        ListKeys { keys, span, earliest, widest_title: widest_title(t) }
    }

    /// These keys, computed for a timeline whose first `from` events are
    /// `t`'s first `from` (the rest of `t` changed or is new), made `t`'s:
    /// only the rest is computed.
    pub(super) fn extended(mut self, t: &Timeline, from: usize) -> ListKeys {
        let Some(kept_earliest) = self.earliest.filter(|&e| (e as usize) < from && from <= t.events.len()) else {
            return ListKeys::build(t);
        };
        self.keys.rebuild_from(t, from);
        let (starts, finishes) = (&self.keys.start[from..], &self.keys.finish[from..]);
        // The first of the earliest starts, as [`earliest`] finds it.
        let new_first = starts.iter().enumerate().min_by_key(|&(_, &s)| s);
        if let Some((i, &s)) = new_first
            && s < self.keys.start[kept_earliest as usize]
        {
            self.earliest = u32::try_from(from + i).ok();
        }
        let first = starts.iter().copied().min().map_or(self.span.0, |s| s.min(self.span.0));
        let last = finishes.iter().copied().max().map_or(self.span.1, |f| f.max(self.span.1));
        self.span = (first, last.max(first + 1));
        let widest = t.events[from..].iter().map(|e| unicode_width::UnicodeWidthStr::width(&*e.title)).max();
        self.widest_title = self.widest_title.max(u16::try_from(widest.unwrap_or(0)).unwrap_or(u16::MAX));
        self
    }
}

/// From this many events, [`App::new`] builds its lookups on two cores.
const BUILD_APART_FROM: usize = 16 * 1024;

/// The event starting earliest, the first listed of equals, by the
/// events' starts in `keys` (not worked out again from their dates).
fn earliest(keys: &EventKeys) -> Option<u32> {
    keys.start.iter().enumerate().min_by_key(|&(_, &s)| s).and_then(|(i, _)| u32::try_from(i).ok())
}

/// The display width of `t`'s longest title (for the list's share of a wide screen).
pub(super) fn widest_title(t: &Timeline) -> u16 {
    let widest = t.events.iter().map(|e| unicode_width::UnicodeWidthStr::width(&*e.title)).max().unwrap_or(0);
    u16::try_from(widest).unwrap_or(u16::MAX)
}

/// The first start and last finish in `keys` (UTC seconds), at least a
/// second apart. The earliest start, not the first event's: `after`/`before`
/// may list an event ahead of one that starts earlier.
fn span(keys: &EventKeys) -> (i64, i64) {
    let first = keys.start.iter().copied().min().unwrap_or(0);
    let last = keys.finish.iter().copied().max().unwrap_or(first);
    (first, last.max(first + 1))
}
