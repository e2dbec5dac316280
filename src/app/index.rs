//! Lookups built once at load, so a keystroke never walks text or events
//! it does not need: one lowercase haystack for search (scanned on every
//! core, or narrowed from the previous result while typing), the events of
//! each actor and tag, and each event's start, finish and list group.

use crate::timeline::{Event, Timeline};
use memchr::memmem;

/// Every event's searchable text, lowercased, in one string.
///
/// Event `i` owns `hay[starts[i]..starts[i + 1]]`; fields are separated by a
/// line break so a match never spans two fields.
pub struct SearchIndex {
    hay: String,
    starts: Vec<usize>,
}

impl SearchIndex {
    /// Builds the haystack: titles, summaries, locations, quote texts and
    /// contexts. Actor names and tags are matched through their own small
    /// tables instead (see [`Postings::named`]), so they are not copied per event.
    #[must_use]
    pub fn build(t: &Timeline) -> SearchIndex {
        let mut hay = String::new();
        let mut starts = Vec::with_capacity(t.events.len() + 1);
        for e in &t.events {
            starts.push(hay.len());
            for field in searchable(e) {
                if field.is_ascii() {
                    let from = hay.len();
                    hay.push_str(field);
                    hay[from..].make_ascii_lowercase();
                } else {
                    hay.extend(field.chars().flat_map(char::to_lowercase));
                }
                hay.push('\n');
            }
        }
        starts.push(hay.len());
        hay.shrink_to_fit();
        SearchIndex { hay, starts }
    }

    /// The indexes of the events whose text contains `query`, case-insensitively,
    /// in order: one pass over the haystack, split across the machine's cores.
    #[must_use]
    pub fn matching(&self, query: &str) -> Vec<u32> {
        let needle = query.to_lowercase();
        let n = self.starts.len().saturating_sub(1);
        let parts = std::thread::available_parallelism().map_or(1, usize::from).min(4);
        if parts < 2 || self.hay.len() < 1 << 20 {
            return self.scan(needle.as_bytes(), 0, n);
        }
        let bounds: Vec<usize> = (0..=parts).map(|p| p * n / parts).collect();
        std::thread::scope(|s| {
            let handles: Vec<_> =
                bounds.windows(2).map(|w| s.spawn(|| self.scan(needle.as_bytes(), w[0], w[1]))).collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        })
    }

    /// The events of `among` (ascending) whose text contains `query`: for a
    /// query that extends the one that produced `among`.
    #[must_use]
    pub fn narrow(&self, among: &[u32], query: &str) -> Vec<u32> {
        let needle = query.to_lowercase();
        let finder = memmem::Finder::new(needle.as_bytes());
        let bytes = self.hay.as_bytes();
        among
            .iter()
            .copied()
            .filter(|&i| finder.find(&bytes[self.starts[i as usize]..self.starts[i as usize + 1]]).is_some())
            .collect()
    }

    /// The matching events among `first..last`, skipping the rest of an event once it matches.
    fn scan(&self, needle: &[u8], first: usize, last: usize) -> Vec<u32> {
        let finder = memmem::Finder::new(needle);
        let (lo, hi) = (self.starts[first], self.starts[last]);
        let bytes = &self.hay.as_bytes()[..hi];
        let mut out = Vec::new();
        let mut from = lo;
        while let Some(found) = finder.find(&bytes[from..]) {
            let at = from + found;
            let event = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
            out.push(u32::try_from(event).unwrap_or(u32::MAX));
            from = self.starts[event + 1];
            if from >= hi {
                break;
            }
        }
        out
    }
}

/// The search index, built on a background thread so it never delays the
/// first frame; the first search waits for it if it is not ready yet.
pub struct LazyIndex {
    ready: Option<SearchIndex>,
    pending: Option<std::thread::JoinHandle<SearchIndex>>,
    timeline: std::sync::Arc<Timeline>,
}

impl LazyIndex {
    /// Starts building the index of `timeline`.
    #[must_use]
    pub fn start(timeline: std::sync::Arc<Timeline>) -> LazyIndex {
        let for_thread = std::sync::Arc::clone(&timeline);
        let pending =
            std::thread::Builder::new().name("search-index".into()).spawn(move || SearchIndex::build(&for_thread)).ok();
        LazyIndex { ready: None, pending, timeline }
    }

    /// The index, waiting for the build (or building here if the thread could not run).
    pub fn get(&mut self) -> &SearchIndex {
        let (pending, timeline) = (&mut self.pending, &self.timeline);
        self.ready.get_or_insert_with(|| {
            pending.take().and_then(|h| h.join().ok()).unwrap_or_else(|| SearchIndex::build(timeline))
        })
    }
}

/// The text of `e` that the haystack holds.
fn searchable(e: &Event) -> impl Iterator<Item = &str> {
    let quotes = e
        .quotes
        .iter()
        .flat_map(|q| std::iter::once(q.text.as_str()).chain(q.context.as_deref()).chain(q.original.as_deref()));
    let media = e.media.iter().flat_map(|m| m.caption.as_deref().into_iter().chain(m.credit.as_deref()));
    std::iter::once(&*e.title)
        .chain(e.summary.as_deref())
        .chain(e.location.as_deref())
        .chain(quotes)
        .chain(e.notes.as_deref())
        .chain(e.display_date.as_deref())
        .chain(media)
}

/// The events citing a source whose publisher, author, type or language
/// `hit` matches (a walk over the events only when one does). Not the
/// title: a timeline built on one article would match every event.
fn citing_matching_sources(t: &Timeline, hit: &dyn Fn(&str) -> bool) -> Vec<u32> {
    let matching: Vec<u32> = (0..t.sources.len())
        .filter(|&i| {
            let s = &t.sources[i];
            let extra = [&s.publisher, &s.author, &s.kind, &s.language];
            extra.iter().any(|f| f.as_deref().is_some_and(hit))
        })
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    if matching.is_empty() {
        return Vec::new();
    }
    let citing = |e: &Event| e.sources.iter().chain(e.quotes.iter().map(|q| &q.source)).any(|s| matching.contains(s));
    (0..t.events.len()).filter(|&i| citing(&t.events[i])).filter_map(|i| u32::try_from(i).ok()).collect()
}

/// For each actor and tag, the events involving it, ascending: the actor
/// and tag filters merge these instead of looking at every event.
pub struct Postings {
    /// Events per actor (listed or quoted), by actor index.
    pub actors: Vec<Vec<u32>>,
    /// Events per tag, by tag index.
    pub tags: Vec<Vec<u32>>,
}

impl Postings {
    /// Builds the lists in one pass over the events.
    #[must_use]
    pub fn build(t: &Timeline) -> Postings {
        let mut actors = vec![Vec::new(); t.actors.len()];
        let mut tags = vec![Vec::new(); t.tags.len()];
        for (i, e) in t.events.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            // All of an event's entries are pushed together, so checking the
            // last entry is enough to list each event once per actor and tag.
            for &a in e.actors.iter().chain(e.quotes.iter().map(|q| &q.by)) {
                if let Some(list) = actors.get_mut(a as usize)
                    && list.last() != Some(&i)
                {
                    list.push(i);
                }
            }
            for &g in &e.tags {
                if let Some(list) = tags.get_mut(g as usize)
                    && list.last() != Some(&i)
                {
                    list.push(i);
                }
            }
        }
        Postings { actors, tags }
    }

    /// The events whose actors (listed or quoted, by name or alias) or tags
    /// contain `query`, case-insensitively: the part of a search that the
    /// haystack leaves to these lists.
    #[must_use]
    pub fn named(&self, t: &Timeline, query: &str) -> Vec<u32> {
        let q = query.to_lowercase();
        let hit = |s: &str| s.to_lowercase().contains(&q);
        let actors =
            t.actors.iter().enumerate().filter(|(_, a)| {
                hit(&a.name) || a.aliases.iter().any(|x| hit(x)) || a.kind.as_deref().is_some_and(hit)
            });
        let tags = t.tags.iter().enumerate().filter(|(_, g)| hit(g));
        let ids: Vec<u32> = actors.map(|(i, _)| i as u32).collect();
        let tag_ids: Vec<u32> = tags.map(|(i, _)| i as u32).collect();
        let mut out = Postings::union(&self.actors, ids.iter());
        out.extend(Postings::union(&self.tags, tag_ids.iter()));
        out.extend(citing_matching_sources(t, &hit));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The sorted union of the lists of `chosen`.
    #[must_use]
    pub fn union<'a>(lists: &[Vec<u32>], chosen: impl Iterator<Item = &'a u32>) -> Vec<u32> {
        let mut out: Vec<u32> = chosen.filter_map(|&c| lists.get(c as usize)).flatten().copied().collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Each event's start, finish and list group, computed once at load.
pub struct EventKeys {
    /// Start instants, by event index (ascending, as events are sorted).
    pub start: Vec<i64>,
    /// Finish instants, by event index.
    pub finish: Vec<i64>,
    /// Event indexes ordered by finish.
    pub by_finish: Vec<u32>,
    /// The list group of each event: a heading starts where it changes.
    pub group: Vec<u32>,
}

impl EventKeys {
    /// Computes the keys of every event.
    #[must_use]
    pub fn build(t: &Timeline) -> EventKeys {
        let start: Vec<i64> = t.events.iter().map(Event::start).collect();
        let finish: Vec<i64> = t.events.iter().map(Event::finish).collect();
        let mut by_finish: Vec<u32> = (0..u32::try_from(t.events.len()).unwrap_or(u32::MAX)).collect();
        by_finish.sort_by_key(|&i| finish[i as usize]);
        let group = (0..t.events.len()).map(|i| super::state::group_code(t, i)).collect();
        EventKeys { start, finish, by_finish, group }
    }
}

/// The sorted union of two ascending lists.
#[must_use]
pub fn merge(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The sorted intersection of two ascending lists.
#[must_use]
pub fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().copied().filter(|x| large.binary_search(x).is_ok()).collect()
}
