//! The view state: the loaded timeline, what the filters let through, what
//! is selected and focused, which popup is open. Plain data, no terminal.

use super::filter::SearchCache;
use super::index::{EventKeys, LazyIndex, Postings};
use super::msg::PickerKind;
use crate::timeline::Timeline;
use crate::timeline::date::Precision;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Which set of keys is in effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Browsing the list and panes.
    Browse,
    /// Typing a search.
    Search,
    /// Choosing actors or tags in a popup.
    Picker,
    /// Reading the help overlay.
    Help,
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

/// One row of the event list: a heading for a day (month, year), or an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// The heading of the group that starts with this event.
    Heading(u32),
    /// An event, by index into the timeline's events.
    Event(u32),
}

/// The filters in force; an event is shown when it passes all three.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Case-insensitive text the event must contain (empty: no search).
    pub query: String,
    /// Actors of which the event must involve at least one (empty: any).
    pub actors: BTreeSet<u32>,
    /// Tags of which the event must carry at least one (empty: any).
    pub tags: BTreeSet<u32>,
    /// Only events with no source.
    pub unsourced: bool,
    /// Only events of this status (`Some(None)`: not assessed).
    pub status: Option<Option<crate::timeline::Status>>,
}

/// The actor or tag popup while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    /// Actors or tags.
    pub kind: PickerKind,
    /// What the user typed to narrow the entries.
    pub query: String,
    /// The entries ticked so far (applied on Enter).
    pub chosen: BTreeSet<u32>,
    /// The entries the query lets through, in display order.
    pub entries: Vec<u32>,
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
    /// Indexes of the events the filters let through, in order.
    pub visible: Vec<u32>,
    /// Start instants of `visible`, ascending (for the axis and `[`/`]`).
    pub starts: Vec<i64>,
    /// Finish instants of `visible`, sorted ascending (for the axis counts).
    pub finishes: Vec<i64>,
    /// The list rows: headings and events.
    pub rows: Vec<Row>,
    /// For each position in `visible`, its row in `rows`.
    pub row_of: Vec<usize>,
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
    /// The actor or tag popup, while open.
    pub picker: Option<Picker>,
    /// The axis zoom: 0 fits the span to the width; positive zooms in.
    pub zoom: i32,
    /// The first start and last finish of all events (UTC seconds): the axis's span.
    pub span: (i64, i64),
    /// Terminal columns and rows.
    pub size: (u16, u16),
    /// Set when the user asked to quit.
    pub quit: bool,
    /// The last related event followed with `r`: (from, to, its place in the list).
    pub related_trail: Option<(u32, u32, usize)>,
}

impl App {
    /// A viewer on `timeline`, first event selected, sized `size`.
    #[must_use]
    pub fn new(timeline: Timeline, size: (u16, u16)) -> App {
        let timeline = Arc::new(timeline);
        let index = LazyIndex::start(Arc::clone(&timeline));
        let postings = Postings::build(&timeline);
        let keys = EventKeys::build(&timeline);
        let first = timeline.events.first().map_or(0, crate::timeline::Event::start);
        let last = timeline.events.iter().map(crate::timeline::Event::finish).max().unwrap_or(first);
        let mut app = App {
            timeline,
            index,
            search_cache: SearchCache::default(),
            postings,
            keys,
            filters: Filters::default(),
            visible: Vec::new(),
            starts: Vec::new(),
            finishes: Vec::new(),
            rows: Vec::new(),
            row_of: Vec::new(),
            selected: None,
            list_offset: 0,
            focus: Pane::List,
            quotes_open: false,
            detail_scroll: 0,
            quotes_scroll: 0,
            help_scroll: 0,
            mode: Mode::Browse,
            picker: None,
            zoom: 0,
            span: (first, last.max(first + 1)),
            size,
            quit: false,
            related_trail: None,
        };
        app.refilter();
        app
    }

    /// The position of the selection in `visible`.
    #[must_use]
    pub fn selected_pos(&self) -> Option<usize> {
        self.selected.and_then(|s| self.visible.binary_search(&s).ok())
    }

    /// The selected event.
    #[must_use]
    pub fn selected_event(&self) -> Option<&crate::timeline::Event> {
        self.selected.and_then(|s| self.timeline.events.get(s as usize))
    }
}

/// What groups event `i` under one heading, as a number: the day (in the
/// timeline's zone), or the month or year for events written that coarsely.
#[must_use]
pub fn group_code(t: &Timeline, i: usize) -> u32 {
    use chrono::Datelike;
    let e = &t.events[i];
    let day = e.date.day_in(t.zone);
    let (class, first) = match e.date.precision {
        Precision::Year => (2, day.with_ordinal(1).unwrap_or(day)),
        Precision::Month => (1, day.with_day(1).unwrap_or(day)),
        _ => (0, day),
    };
    u32::try_from(first.num_days_from_ce()).unwrap_or(0) * 4 + class
}
