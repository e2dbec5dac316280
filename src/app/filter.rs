//! What the filters let through ([`passing`]), and the one value the list
//! and axis read of it ([`Shown`], made only by [`gather`]): the visible
//! events, their axis keys and the list rows come out together, so they
//! can never disagree.
//!
//! Each source of candidates is a sorted list (search matches, an actor's
//! or tag's postings), so a change costs merges and gathers over
//! precomputed keys, never a walk over text or dates.

use super::event_keys::EventKeys;
use super::index::{LazyIndex, Postings, SearchIndex, intersect, union_of};
use super::search::{self, SearchCache};
use super::tick_index::TickIndex;
use std::collections::BTreeSet;

/// The filters in force; an event is shown when it passes all three.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Case-insensitive text the event must contain (empty: no search), at
    /// most [`search::MAX_QUERY`] characters: set it with [`Filters::set_query`].
    pub query: String,
    /// Actors of which the event must involve at least one (empty: any).
    pub actors: BTreeSet<u32>,
    /// Tags of which the event must carry at least one (empty: any).
    pub tags: BTreeSet<u32>,
    /// Sources of which the event must rest on at least one (empty: any).
    pub sources: BTreeSet<u32>,
    /// Only events with no source.
    pub unsourced: bool,
    /// Only events of this status (`Some(None)`: not assessed).
    pub status: Option<Option<crate::timeline::Status>>,
}

impl Filters {
    /// Whether the search query is the only filter that may be set: every
    /// field is named, so a new filter must say whether it is one.
    #[must_use]
    pub fn only_query(&self) -> bool {
        let Filters { query: _, actors, tags, sources, unsourced, status } = self;
        actors.is_empty() && tags.is_empty() && sources.is_empty() && !unsourced && status.is_none()
    }

    /// Sets the search query, cut to [`search::MAX_QUERY`] characters;
    /// returns whether it changed (and the shown events must be recomputed).
    pub fn set_query(&mut self, query: String) -> bool {
        let capped = search::capped(&query);
        if self.query == capped {
            return false;
        }
        self.query = if capped.len() == query.len() { query } else { capped.to_owned() };
        true
    }
}

/// One row of the event list: a heading for a day (month, year), or an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// The heading of the group that starts with this event.
    Heading(u32),
    /// An event, by index into the timeline's events.
    Event(u32),
}

/// The events the filters let through, with what the axis and the list
/// need of them. Only `gather` makes one, so its parts always agree.
#[derive(Debug, Default)]
pub struct Shown {
    events: Vec<u32>,
    starts: Vec<i64>,
    finishes: Vec<i64>,
    ticks: TickIndex,
    /// The positions in `events` that open a group (and so follow a
    /// heading row), ascending: the list rows are implied by these, so a
    /// change of the shown events writes one number per group, not two per
    /// event.
    heads: Vec<u32>,
}

impl Shown {
    /// Indexes of the events the filters let through, in order.
    #[must_use]
    pub fn events(&self) -> &[u32] {
        &self.events
    }

    /// Start instants of [`Shown::events`], in list order: ascending except
    /// where `after`/`before` moved an event (for `[`/`]` and clicks).
    #[must_use]
    pub fn starts(&self) -> &[i64] {
        &self.starts
    }

    /// Start instants of [`Shown::events`], sorted ascending (for the axis counts).
    #[must_use]
    pub fn sorted_starts(&self) -> &[i64] {
        self.ticks.sorted(&self.starts)
    }

    /// Which shown events lie wholly inside one period of each unit, in start order.
    #[must_use]
    pub fn ticks(&self) -> &TickIndex {
        &self.ticks
    }

    /// Finish instants of [`Shown::events`], sorted ascending (for the axis counts).
    #[must_use]
    pub fn finishes(&self) -> &[i64] {
        &self.finishes
    }

    /// How many list rows there are: every shown event and a heading
    /// before each group.
    #[must_use]
    pub fn row_count(&self) -> usize {
        self.events.len() + self.heads.len()
    }

    /// List row `r` (counting headings), or `None` past the last.
    #[must_use]
    pub fn row(&self, r: usize) -> Option<Row> {
        // The headings before row `r`: heading `k` is row `heads[k] + k`,
        // which grows with `k`.
        let (mut lo, mut hi) = (0, self.heads.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if (self.heads[mid] as usize) + mid < r {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let event = *self.events.get(r - lo)?;
        Some(if self.heads.get(lo).is_some_and(|&h| h as usize + lo == r) {
            Row::Heading(event)
        } else {
            Row::Event(event)
        })
    }

    /// List rows `range` (clamped to the rows there are), in order.
    pub fn rows(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = Row> + '_ {
        let end = range.end.min(self.row_count());
        (range.start.min(end)..end).filter_map(|r| self.row(r))
    }

    /// The list row of the event at position `pos` in [`Shown::events`].
    #[must_use]
    pub fn row_of(&self, pos: usize) -> usize {
        pos + self.heads.partition_point(|&h| h as usize <= pos)
    }

    /// The position of event `i` in [`Shown::events`], if it is shown.
    #[must_use]
    pub fn position(&self, i: u32) -> Option<usize> {
        self.events.binary_search(&i).ok()
    }
}

/// The events `filters` let through (ascending), from the load-time
/// lookups; `cache` remembers the search so the next keystroke narrows it,
/// unless `text` brings the search's text matches already found; with no
/// filter, all `count` events pass. `resting`
/// lists, per source, the events resting on it; `restrict` removes what a
/// view hides besides the filters (the as-of cursor's not-yet-public
/// events). [`gather`] makes them a [`Shown`].
#[must_use]
#[expect(clippy::too_many_arguments, reason = "the lookups are the app's separate fields, borrowed apart")]
pub fn passing(
    filters: &Filters,
    text: Option<Vec<u32>>,
    index: &mut LazyIndex,
    cache: &mut SearchCache,
    postings: &Postings,
    count: usize,
    resting: &[Vec<u32>],
    restrict: impl FnOnce(&mut Vec<u32>),
) -> Vec<u32> {
    let mut lists: Vec<Vec<u32>> = Vec::new();
    if let Some(hits) = search_matches(&filters.query, text, index, cache, postings) {
        lists.push(hits);
    }
    if !filters.actors.is_empty() {
        lists.push(Postings::union(&postings.actors, filters.actors.iter()));
    }
    if !filters.tags.is_empty() {
        lists.push(Postings::union(&postings.tags, filters.tags.iter()));
    }
    if !filters.sources.is_empty() {
        lists.push(Postings::union(resting, filters.sources.iter()));
    }
    lists.sort_by_key(Vec::len);
    let mut lists = lists.into_iter();
    let mut events = match lists.next() {
        None => (0..u32::try_from(count).unwrap_or(u32::MAX)).collect(),
        Some(first) => lists.fold(first, |acc, l| intersect(&acc, &l)),
    };
    restrict(&mut events);
    events
}

/// The list and axis lookups of `events` (ascending indexes into the timeline's).
#[must_use]
pub fn gather(events: Vec<u32>, keys: &EventKeys) -> Shown {
    // The list's rows and the axis's keys are independent gathers over the
    // same events: for a large result, on two cores.
    let ((finishes, heads), (starts, ticks)) = super::index::join(
        events.len() >= SPLIT_FROM,
        || (finishes(&events, keys), heads(&events, keys)),
        || {
            let starts: Vec<i64> = events.iter().map(|&i| keys.start[i as usize]).collect();
            let ticks = TickIndex::build(&starts, events.iter().map(|&i| keys.fits[i as usize]));
            (starts, ticks)
        },
    );
    Shown { events, starts, finishes, ticks, heads }
}

/// From this many shown events, [`gather`] builds the rows on a second core
/// (in tests, a handful, so the split path is tested too).
const SPLIT_FROM: usize = if cfg!(test) { 16 } else { 64 * 1024 };

/// The actors, tags and sources (by index) whose names hold a search's
/// needle: the search also finds every event that involves them.
pub(super) struct NameHits {
    /// Actors, by index.
    pub(super) actors: Vec<u32>,
    /// Tags, by index.
    pub(super) tags: Vec<u32>,
    /// Sources, by index.
    pub(super) sources: Vec<u32>,
}

impl NameHits {
    /// The names holding `needle` (folded).
    pub(super) fn of(index: &SearchIndex, needle: &str) -> NameHits {
        NameHits {
            actors: index.actor_names.matching(needle),
            tags: index.tags.matching(needle),
            sources: index.sources.matching(needle),
        }
    }
}

/// The events matching `query` in their text (`text`, when already found),
/// actors, tags or sources; `None` for no search.
fn search_matches(
    query: &str,
    text: Option<Vec<u32>>,
    index: &mut LazyIndex,
    cache: &mut SearchCache,
    postings: &Postings,
) -> Option<Vec<u32>> {
    let needle = crate::text::fold(query);
    if needle.is_empty() {
        cache.clear();
        return None;
    }
    let index = index.get();
    // The cache holds text matches only: names are matched afresh for every
    // query (their haystacks are small), so narrowing stays exact.
    let in_text = text.unwrap_or_else(|| cache.matches(&index.events, &needle));
    let names = NameHits::of(index, &needle);
    // One union of every list: a search matching most names unions millions of postings.
    let mut picked = vec![in_text.as_slice()];
    let pairs = [(&postings.actors, &names.actors), (&postings.tags, &names.tags), (&postings.sources, &names.sources)];
    for (lists, found) in pairs {
        picked.extend(found.iter().filter_map(|&f| lists.get(f as usize)).map(Vec::as_slice));
    }
    // Most queries match no name: the text matches are the result, not a copy of it.
    Some(if picked.len() == 1 { in_text } else { union_of(picked) })
}

/// The finishes of `events`, sorted.
fn finishes(events: &[u32], keys: &EventKeys) -> Vec<i64> {
    if events.len() == keys.start.len() {
        keys.finish_sorted.clone()
    } else if events.len() < keys.start.len() / 16 {
        let mut f: Vec<i64> = events.iter().map(|&i| keys.finish[i as usize]).collect();
        f.sort_unstable();
        f
    } else {
        // Walk the global finish order once, keeping the shown: no sort.
        let mut shown = vec![0u64; keys.start.len().div_ceil(64)];
        for &i in events {
            shown[i as usize / 64] |= 1 << (i % 64);
        }
        keys.by_finish
            .iter()
            .zip(&keys.finish_sorted)
            .filter(|&(&i, _)| shown[i as usize / 64] & (1 << (i % 64)) != 0)
            .map(|(_, &f)| f)
            .collect()
    }
}

/// The positions in `events` where the group changes (a heading goes
/// before each), the first included.
fn heads(events: &[u32], keys: &EventKeys) -> Vec<u32> {
    let mut heads = Vec::new();
    let mut last = None;
    for (p, &i) in events.iter().enumerate() {
        let group = keys.group[i as usize];
        if last != Some(group) {
            heads.push(u32::try_from(p).unwrap_or(u32::MAX));
            last = Some(group);
        }
    }
    heads
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows spelt out: a heading before each group's first event.
    fn spelt_out(events: &[u32], heads: &[u32]) -> Vec<Row> {
        let mut rows = Vec::new();
        for (p, &e) in events.iter().enumerate() {
            if heads.contains(&u32::try_from(p).expect("small")) {
                rows.push(Row::Heading(e));
            }
            rows.push(Row::Event(e));
        }
        rows
    }

    #[test]
    fn implied_rows_agree_with_the_rows_spelt_out() {
        let mut seq = crate::test_seq::Seq::new(5);
        for n in 0..60u32 {
            // Groups of random sizes, some of one event, over `n` events.
            let events: Vec<u32> = (0..n).map(|e| e * 3).collect();
            let mut heads = Vec::new();
            for p in 0..n {
                if p == 0 || (seq.next() >> 33).is_multiple_of(3) {
                    heads.push(p);
                }
            }
            let want = spelt_out(&events, &heads);
            let shown = Shown { events: events.clone(), heads, ..Shown::default() };
            assert_eq!(shown.row_count(), want.len());
            let got: Vec<Row> = (0..=want.len()).map_while(|r| shown.row(r)).collect();
            assert_eq!(got, want, "{n} events");
            assert_eq!(shown.rows(0..usize::MAX).collect::<Vec<_>>(), want);
            let mid = want.len() / 2;
            assert_eq!(shown.rows(mid..mid + 3).collect::<Vec<_>>(), want[mid..(mid + 3).min(want.len())]);
            for (p, &e) in events.iter().enumerate() {
                assert_eq!(want[shown.row_of(p)], Row::Event(e), "row of position {p} of {n}");
            }
        }
    }
}
