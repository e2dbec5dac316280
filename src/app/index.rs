//! Lookups built once at load, so a keystroke never walks text or events
//! it does not need: folded haystacks for search and the pickers (scanned
//! on up to four cores, or narrowed from the previous result while typing),
//! the events of each actor and tag (each event's start, finish and list
//! group are `event_keys.rs`'s). Nothing here depends on the rest of the app.
//!
//! A haystack holds at most the first [`FIELD_CAP`] bytes of each field, so
//! a keystroke reads a bounded amount of any one field however large it is:
//! one 10 MB summary costs a search what a 64 KiB one does.

use crate::text;
use crate::timeline::{Event, Timeline};
use memchr::memmem;
use std::sync::atomic::{AtomicU64, Ordering};

/// The cores a search or a load splits its work across: at most four,
/// asked of the system once (it reads cgroup files each time it is asked).
#[must_use]
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from).min(4))
}

/// `work` over `first..last`, cut into [`cores`] parts done at once, the
/// results in order; done here in one part when `small` or on one core. A
/// part whose thread cannot start (or fails) is done here.
pub fn split<R: Send>(first: usize, last: usize, small: bool, work: impl Fn(usize, usize) -> R + Sync) -> Vec<R> {
    let parts = cores();
    if parts < 2 || small {
        return vec![work(first, last)];
    }
    let bounds: Vec<usize> = (0..=parts).map(|p| first + p * (last - first) / parts).collect();
    std::thread::scope(|s| {
        let work = &work;
        let handles: Vec<_> = bounds
            .windows(2)
            .map(|w| (w, std::thread::Builder::new().spawn_scoped(s, move || work(w[0], w[1])).ok()))
            .collect();
        handles.into_iter().map(|(w, h)| h.and_then(|h| h.join().ok()).unwrap_or_else(|| work(w[0], w[1]))).collect()
    })
}

/// `a` and `b` at once: `a` on another core when `apart` (else, or when no
/// thread can start, here after `b`), `b` here; both results.
pub fn join<A: Send, B>(apart: bool, a: impl Fn() -> A + Sync, b: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|s| {
        let a = &a;
        let other = apart.then(|| std::thread::Builder::new().spawn_scoped(s, a).ok()).flatten();
        let b = b();
        (other.and_then(|h| h.join().ok()).unwrap_or_else(a), b)
    })
}

/// How much of each field search looks at: its first 64 KiB (cut at a
/// character boundary), folded. Text past that is shown but not searched.
pub const FIELD_CAP: usize = 64 * 1024;

/// Folded texts joined in one string, one entry per event, actor or tag.
///
/// Entry `i` owns `text[starts[i]..starts[i + 1]]`; its fields are separated
/// by a line break, so a match never spans two fields.
pub struct Hay {
    text: String,
    starts: Vec<usize>,
    /// Haystack bytes searched so far.
    scanned: AtomicU64,
}

impl Hay {
    fn new() -> Hay {
        Hay { text: String::new(), starts: vec![0], scanned: AtomicU64::new(0) }
    }

    /// Appends the first [`FIELD_CAP`] bytes of `field`, folded, to the entry being built.
    fn field(&mut self, field: &str) {
        text::fold_into(&mut self.text, text::head(field, FIELD_CAP));
        self.text.push('\n');
    }

    /// Closes the entry being built.
    fn end_entry(&mut self) {
        self.starts.push(self.text.len());
    }

    fn finish(mut self) -> Hay {
        self.text.shrink_to_fit();
        self.starts.shrink_to_fit();
        self
    }

    /// How many entries the haystack holds.
    #[must_use]
    pub fn entries(&self) -> usize {
        self.starts.len() - 1
    }

    /// How many bytes of folded text the haystack holds.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// The entries whose text contains `needle` (already [`text::fold`]ed), in
    /// order: one pass over the haystack, split across up to four cores.
    #[must_use]
    pub fn matching(&self, needle: &str) -> Vec<u32> {
        self.matching_in(needle, 0, self.entries())
    }

    /// [`Hay::matching`] among entries `first..last` (clamped to the entries there are).
    #[must_use]
    pub fn matching_in(&self, needle: &str, first: usize, last: usize) -> Vec<u32> {
        let last = last.min(self.entries());
        let first = first.min(last);
        let small = self.starts[last] - self.starts[first] < 1 << 20;
        split(first, last, small, |a, b| self.scan(needle.as_bytes(), a, b)).into_iter().flatten().collect()
    }

    /// Whether entry `i` contains what `finder` looks for; adds the bytes
    /// read to `read` (for [`Hay::count_scanned`]: one shared counter per
    /// entry would make the cores searching in parallel wait on each other).
    ///
    /// Each entry is searched from its start: starting at the previous
    /// query's match reads less, but memchr then meets many short
    /// haystacks, which it searches more slowly (a 2-letter narrowing of
    /// 963k generated events took 22 ms that way against 17 ms).
    pub(crate) fn contains(&self, finder: &memmem::Finder, i: u32, read: &mut u64) -> bool {
        let (lo, hi) = (self.starts[i as usize], self.starts[i as usize + 1]);
        *read += (hi - lo) as u64;
        finder.find(&self.text.as_bytes()[lo..hi]).is_some()
    }

    /// Counts `bytes` as searched (see [`SearchIndex::bytes_scanned`]).
    pub(crate) fn count_scanned(&self, bytes: u64) {
        self.scanned.fetch_add(bytes, Ordering::Relaxed);
    }

    /// The matching entries among `first..last`, skipping the rest of an entry once it matches.
    fn scan(&self, needle: &[u8], first: usize, last: usize) -> Vec<u32> {
        let finder = memmem::Finder::new(needle);
        let (lo, hi) = (self.starts[first], self.starts[last]);
        self.scanned.fetch_add((hi - lo) as u64, Ordering::Relaxed);
        let bytes = &self.text.as_bytes()[..hi];
        let mut out = Vec::new();
        let (mut from, mut entry) = (lo, first);
        while let Some(found) = finder.find(&bytes[from..]) {
            entry = self.entry_holding(from + found, entry);
            out.push(u32::try_from(entry).unwrap_or(u32::MAX));
            from = self.starts[entry + 1];
            if from >= hi {
                break;
            }
        }
        out
    }

    /// The entry holding byte `at`, which is entry `from` or a later one:
    /// found by galloping from `from`, so a scan with many matches pays
    /// for the entries it passes, not a search of all of them per match.
    fn entry_holding(&self, at: usize, from: usize) -> usize {
        let starts = &self.starts;
        let (mut lo, mut step) = (from, 1);
        let mut hi = (lo + 1).min(starts.len());
        while hi < starts.len() && starts[hi] <= at {
            lo = hi;
            hi = (hi + step).min(starts.len());
            step *= 2;
        }
        // starts[lo] <= at, and at < starts[hi] when hi is in range.
        lo + starts[lo..hi].partition_point(|&s| s <= at).saturating_sub(1)
    }
}

/// Every haystack search and the pickers match against.
pub struct SearchIndex {
    /// Per event: title, summary, location, quote texts and contexts.
    /// Actor names and tags are matched through their own small haystacks
    /// and [`Postings`] instead, so they are not copied per event.
    pub events: Hay,
    /// Per actor: name and aliases (what a search matches).
    pub actor_names: Hay,
    /// Per actor: name, id, role and aliases (what the actor picker matches).
    pub actor_entries: Hay,
    /// Per tag: the tag.
    pub tags: Hay,
    /// Per source: publisher, author, type, language and URL (not the
    /// title: a timeline written from one article would match every event;
    /// the sources popup, `s`, finds a source by its title).
    pub sources: Hay,
    /// Per source: title, id, publisher and URL (what the sources popup matches).
    pub source_entries: Hay,
}

impl SearchIndex {
    /// Builds every haystack in one pass over the timeline.
    #[must_use]
    pub fn build(t: &Timeline) -> SearchIndex {
        let mut events = Hay::new();
        for e in &t.events {
            searchable(e).for_each(|f| events.field(f));
            events.end_entry();
        }
        let (mut actor_names, mut actor_entries) = (Hay::new(), Hay::new());
        for a in &t.actors {
            actor_names.field(&a.name);
            actor_names.field(a.kind.as_deref().unwrap_or(""));
            actor_entries.field(&a.name);
            actor_entries.field(&a.id);
            actor_entries.field(a.role.as_deref().unwrap_or(""));
            actor_entries.field(a.kind.as_deref().unwrap_or(""));
            for alias in &a.aliases {
                actor_names.field(alias);
                actor_entries.field(alias);
            }
            actor_names.end_entry();
            actor_entries.end_entry();
        }
        let mut tags = Hay::new();
        for g in &t.tags {
            tags.field(g);
            tags.end_entry();
        }
        let (mut sources, mut source_entries) = (Hay::new(), Hay::new());
        for s in &t.sources {
            [&s.publisher, &s.author, &s.kind, &s.language, &s.url]
                .into_iter()
                .flatten()
                .for_each(|f| sources.field(f));
            sources.end_entry();
            source_entries.field(&s.title);
            source_entries.field(&s.id);
            [&s.publisher, &s.url].into_iter().flatten().for_each(|f| source_entries.field(f));
            source_entries.end_entry();
        }
        SearchIndex {
            events: events.finish(),
            actor_names: actor_names.finish(),
            actor_entries: actor_entries.finish(),
            tags: tags.finish(),
            sources: sources.finish(),
            source_entries: source_entries.finish(),
        }
    }

    /// An index of nothing.
    fn empty() -> SearchIndex {
        SearchIndex {
            events: Hay::new().finish(),
            actor_names: Hay::new().finish(),
            actor_entries: Hay::new().finish(),
            tags: Hay::new().finish(),
            sources: Hay::new().finish(),
            source_entries: Hay::new().finish(),
        }
    }

    /// The haystack bytes every search so far has read: a keystroke's work,
    /// for tests and the benchmark to check without a clock.
    #[must_use]
    pub fn bytes_scanned(&self) -> u64 {
        [&self.events, &self.actor_names, &self.actor_entries, &self.tags, &self.sources, &self.source_entries]
            .iter()
            .map(|h| h.scanned.load(Ordering::Relaxed))
            .sum()
    }
}

/// The search index, built on a background thread started once the first
/// frame is drawn ([`LazyIndex::warm`]), so it never delays that frame nor
/// competes with it for the cores; the first search waits for it if it is
/// not ready yet.
pub struct LazyIndex {
    ready: Option<SearchIndex>,
    pending: Option<std::thread::JoinHandle<SearchIndex>>,
    /// `None` while a load is in progress (search waits for it).
    timeline: Option<std::sync::Arc<Timeline>>,
}

impl LazyIndex {
    /// The index of `timeline`, to be built by [`LazyIndex::warm`] or the
    /// first [`LazyIndex::get`].
    #[must_use]
    pub fn of(timeline: std::sync::Arc<Timeline>) -> LazyIndex {
        LazyIndex { ready: None, pending: None, timeline: Some(timeline) }
    }

    /// Starts building the index on its own thread, unless it is built,
    /// being built, or there is no timeline yet.
    pub fn warm(&mut self) {
        let (None, None, Some(timeline)) = (&self.ready, &self.pending, &self.timeline) else { return };
        let for_thread = std::sync::Arc::clone(timeline);
        self.pending =
            std::thread::Builder::new().name("search-index".into()).spawn(move || SearchIndex::build(&for_thread)).ok();
    }

    /// No index yet: the timeline is still loading (and search waits for it),
    /// so the index neither holds the timeline nor competes with the load for
    /// the cores. Reads find nothing.
    #[must_use]
    pub fn later() -> LazyIndex {
        LazyIndex { ready: None, pending: None, timeline: None }
    }

    /// The index, waiting for the build (or building here if the thread could not run).
    pub fn get(&mut self) -> &SearchIndex {
        let (pending, timeline) = (&mut self.pending, &self.timeline);
        self.ready.get_or_insert_with(|| match pending.take().and_then(|h| h.join().ok()) {
            Some(index) => index,
            None => timeline.as_deref().map_or_else(SearchIndex::empty, SearchIndex::build),
        })
    }
}

/// The text of `e` that the events' haystack holds: its fields, quotes, notes and claims.
fn searchable(e: &Event) -> impl Iterator<Item = &str> {
    let quotes = e
        .quotes
        .iter()
        .flat_map(|q| std::iter::once(q.text.as_str()).chain(q.context.as_deref()).chain(q.original.as_deref()));
    let claims =
        e.claims.iter().flat_map(|c| [c.about.as_str(), c.value.as_str()].into_iter().chain(c.context.as_deref()));
    let media = e.media.iter().flat_map(|m| m.caption.as_deref().into_iter().chain(m.credit.as_deref()));
    std::iter::once(&*e.title)
        .chain(e.summary.as_deref())
        .chain(e.location.as_deref())
        .chain(quotes)
        .chain(e.notes.as_deref())
        .chain(claims)
        .chain(e.display_date.as_deref())
        .chain(media)
}

/// The actors `e` involves, listed or quoted (repeats included): what the
/// actor filter and a search of actors' names go by.
pub fn actors_of(e: &Event) -> impl Iterator<Item = u32> + '_ {
    e.actors.iter().copied().chain(e.quotes.iter().map(|q| q.by))
}

/// The sources `e` rests on, listed or behind a quote (repeats included).
pub fn sources_of(e: &Event) -> impl Iterator<Item = u32> + '_ {
    e.sources.iter().copied().chain(e.quotes.iter().map(|q| q.source))
}

/// For each actor and tag, the events involving it, ascending: the actor
/// and tag filters merge these instead of looking at every event.
pub struct Postings {
    /// Events per actor (listed or quoted), by actor index.
    pub actors: Vec<Vec<u32>>,
    /// Events per tag, by tag index.
    pub tags: Vec<Vec<u32>>,
    /// Events citing each source (listed, or behind a quote), by source index.
    pub sources: Vec<Vec<u32>>,
}

impl Postings {
    /// Builds the lists in one pass over the events.
    #[must_use]
    pub fn build(t: &Timeline) -> Postings {
        let mut actors = vec![Vec::new(); t.actors.len()];
        let mut tags = vec![Vec::new(); t.tags.len()];
        let mut sources = vec![Vec::new(); t.sources.len()];
        for (i, e) in t.events.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            // All of an event's entries are pushed together, so checking the
            // last entry is enough to list each event once per actor and tag.
            for a in actors_of(e) {
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
            for s in sources_of(e) {
                if let Some(list) = sources.get_mut(s as usize)
                    && list.last() != Some(&i)
                {
                    list.push(i);
                }
            }
        }
        Postings { actors, tags, sources }
    }

    /// The sorted union of the lists of `chosen` (each ascending): see [`union_of`].
    #[must_use]
    pub fn union<'a>(lists: &[Vec<u32>], chosen: impl Iterator<Item = &'a u32>) -> Vec<u32> {
        union_of(chosen.filter_map(|&c| lists.get(c as usize)).map(Vec::as_slice).collect())
    }
}

/// The sorted union of `picked` (each ascending): a copy or a merge for one
/// or two lists; for more, a sort when they are short, else one bit per
/// event up to the largest, read back in order (a search matching most
/// actors' names unions millions of postings).
#[must_use]
pub fn union_of(picked: Vec<&[u32]>) -> Vec<u32> {
    let total: usize = picked.iter().map(|l| l.len()).sum();
    let end = picked.iter().filter_map(|l| l.last()).max().map_or(0, |&m| m as usize + 1);
    match picked.as_slice() {
        [] => Vec::new(),
        [one] => one.to_vec(),
        [a, b] => merge(a, b),
        _ if total < end / 64 => {
            let mut out: Vec<u32> = picked.into_iter().flatten().copied().collect();
            out.sort_unstable();
            out.dedup();
            out
        }
        _ => {
            let mut bits = vec![0u64; end.div_ceil(64)];
            for &i in picked.into_iter().flatten() {
                bits[i as usize / 64] |= 1 << (i % 64);
            }
            let mut out = Vec::with_capacity(total.min(end));
            for (w, &word) in (0u32..).zip(&bits) {
                let mut word = word;
                while word != 0 {
                    out.push(w * 64 + word.trailing_zeros());
                    word &= word - 1;
                }
            }
            out
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn union_agrees_with_a_set_on_every_path() {
        let mut seq = crate::test_seq::Seq::new(5);
        let mut rand = |m: u64| (seq.next() >> 33) % m;
        // Short lists over a wide range (sorted), long ones over a narrow one (bits), and 0–2 lists.
        for (lists, len, range) in [(5, 3, 100_000), (6, 400, 5_000), (1, 50, 900), (2, 50, 900), (0, 0, 1)] {
            let lists: Vec<Vec<u32>> = (0..lists)
                .map(|_| {
                    let set: BTreeSet<u32> = (0..len).map(|_| rand(range) as u32).collect();
                    set.into_iter().collect()
                })
                .collect();
            let chosen: Vec<u32> = (0..lists.len() as u32).chain([99]).collect();
            let want: Vec<u32> = lists.iter().flatten().copied().collect::<BTreeSet<_>>().into_iter().collect();
            assert_eq!(Postings::union(&lists, chosen.iter()), want, "{} lists of {len}", lists.len());
        }
    }
}
