//! The search's memory of what was typed, so each keystroke narrows the
//! previous result and Backspace is immediate, in memory that stays small
//! however the query was typed or pasted.
//!
//! Containment is monotone: an event holding a query holds every prefix of
//! it. So rather than one result per prefix (a copy of the query and of its
//! matches per keystroke, gigabytes for a pasted page), the cache keeps the
//! matches of the shortest prefix searched and, for each, the longest
//! searched prefix it holds: the result of any searched prefix is then a
//! filter over one list. Memory is two numbers per match plus one per
//! searched prefix, and the query itself is capped at [`MAX_QUERY`].

use super::index::{Hay, split};
use memchr::memmem;

/// The longest search query, in characters; typing or pasting more keeps
/// the first `MAX_QUERY` (and the prompt says so).
pub const MAX_QUERY: usize = 256;

/// Narrowing at least this many cached matches is split across the cores
/// (in tests, a handful: the tests below then check the split path too).
const PARALLEL_FROM: usize = if cfg!(test) { 16 } else { 64 * 1024 };

/// `query` cut to its first [`MAX_QUERY`] characters.
#[must_use]
pub fn capped(query: &str) -> &str {
    query.char_indices().nth(MAX_QUERY).map_or(query, |(at, _)| &query[..at])
}

/// Search results for the query being typed and the prefixes of it searched
/// before (see the module docs).
#[derive(Debug, Default)]
pub struct SearchCache {
    /// The longest folded query searched; every searched query is a prefix of it.
    query: String,
    /// The lengths (in bytes of `query`) of the prefixes searched, ascending.
    lengths: Vec<usize>,
    /// The events holding the shortest searched prefix, ascending.
    events: Vec<u32>,
    /// For each of `events`, the longest searched prefix it holds (its length).
    depth: Vec<usize>,
    /// Counts the changes to the above, so work begun before one is known void.
    version: u64,
}

/// A search the cache could not answer at once: begun by
/// [`SearchCache::begin`], advanced by [`SearchCache::step`] (a slice at a
/// time, so a huge one need not hold up a keystroke), ended by
/// [`SearchCache::finish`].
#[derive(Debug)]
pub struct TextSearch {
    needle: String,
    /// The cache's version when begun: a change since voids the work.
    version: u64,
    kind: Kind,
    /// How far the work has gone: cached positions narrowed, or haystack entries scanned.
    next: usize,
    /// The entries found so far, ascending.
    found: Vec<u32>,
    /// Narrowing: the positions in the cache whose depth rises to the needle's length.
    raised: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    /// A full scan: the needle is shorter than everything searched.
    Scan,
    /// Narrowing the cache: events holding the prefix of length `below` are
    /// the candidates; those holding the one of length `above` match.
    Narrow { below: usize, above: Option<usize> },
}

impl SearchCache {
    /// Forgets every search.
    pub fn clear(&mut self) {
        // The version goes on counting: work begun before is void.
        *self = SearchCache { version: self.version + 1, ..SearchCache::default() };
    }

    /// The entries of `hay` holding `needle` (folded, not empty): filtered
    /// from the cache when a prefix of it was searched, narrowed from the
    /// longest such prefix's result otherwise, scanned afresh when `needle`
    /// is shorter than anything searched. [`SearchCache::begin`],
    /// [`SearchCache::step`] and [`SearchCache::finish`] in one go.
    pub fn matches(&mut self, hay: &Hay, needle: &str) -> Vec<u32> {
        // Nothing searched in between: the job is current, and `run` ends it.
        self.begin(needle).unwrap_or_else(|job| self.run(job, hay).unwrap_or_default())
    }

    /// Does all of `job`'s work at once and ends it: [`SearchCache::finish`].
    pub fn run(&mut self, mut job: TextSearch, hay: &Hay) -> Option<Vec<u32>> {
        // With no budget to keep to, one step is the whole job.
        self.step(&mut job, hay, usize::MAX);
        self.finish(job)
    }

    /// Starts searching for `needle` (folded, not empty): its entries at
    /// once when the cache holds them, else the work to do, for
    /// [`SearchCache::step`] and [`SearchCache::finish`]. A change to the
    /// cache since (another search that was not answered from it at once,
    /// or a clear) voids that work.
    ///
    /// # Errors
    /// The work, when the result is not in the cache (this is not a failure).
    pub fn begin(&mut self, needle: &str) -> Result<Vec<u32>, TextSearch> {
        let common = self.query.bytes().zip(needle.bytes()).take_while(|(a, b)| a == b).count();
        if common < needle.len() {
            // The queries part: what was searched past the shared part is of no use.
            self.forget_beyond(common);
        }
        let m = needle.len();
        let at = self.lengths.partition_point(|&l| l < m);
        if self.lengths.get(at) == Some(&m) {
            return Ok(self.holding(m));
        }
        self.version += 1;
        // Events holding the next longer searched prefix are known to hold this one.
        let kind = if at == 0 {
            Kind::Scan
        } else {
            Kind::Narrow { below: self.lengths[at - 1], above: self.lengths.get(at).copied() }
        };
        Err(TextSearch {
            needle: needle.to_owned(),
            version: self.version,
            kind,
            next: 0,
            found: Vec::new(),
            raised: Vec::new(),
        })
    }

    /// Does up to `budget` more of `job`'s work (cached matches narrowed, or
    /// haystack entries scanned), on every core for a large part; whether
    /// the job is done (a void job is: [`SearchCache::finish`] says it is
    /// void). Changes nothing in the cache.
    pub fn step(&self, job: &mut TextSearch, hay: &Hay, budget: usize) -> bool {
        if job.version != self.version {
            // The cache changed since: its positions no longer mean what the job read.
            return true;
        }
        let end = |len: usize| job.next.saturating_add(budget).min(len);
        match job.kind {
            Kind::Scan => {
                let last = end(hay.entries());
                job.found.extend(hay.matching_in(&job.needle, job.next, last));
                job.next = last;
                last == hay.entries()
            }
            Kind::Narrow { below, above } => {
                let last = end(self.events.len());
                let finder = memmem::Finder::new(job.needle.as_bytes());
                // Split across the cores, as a full scan is; the parts join in order.
                let small = last - job.next < PARALLEL_FROM;
                for (found, raised) in
                    split(job.next, last, small, |a, b| self.narrow(hay, &finder, a..b, below, above))
                {
                    job.found.extend(found);
                    job.raised.extend(raised);
                }
                job.next = last;
                last == self.events.len()
            }
        }
    }

    /// How many cached matches (or haystack entries) `job` has still to read.
    #[must_use]
    pub fn remaining(&self, job: &TextSearch, hay: &Hay) -> usize {
        let total = match job.kind {
            Kind::Scan => hay.entries(),
            Kind::Narrow { .. } => self.events.len(),
        };
        total.saturating_sub(job.next)
    }

    /// The entries of a finished `job`, which the cache now remembers;
    /// `None` when another search began since `job` did (its work is void).
    pub fn finish(&mut self, job: TextSearch) -> Option<Vec<u32>> {
        if job.version != self.version {
            return None;
        }
        let m = job.needle.len();
        match job.kind {
            Kind::Scan => self.keep_scan(&job.found, m),
            Kind::Narrow { .. } => {
                for &p in &job.raised {
                    self.depth[p as usize] = m;
                }
            }
        }
        if m > self.query.len() {
            // `query` is a prefix of the needle here: only the new part is copied.
            self.query.push_str(&job.needle[self.query.len()..]);
        }
        let at = self.lengths.partition_point(|&l| l < m);
        self.lengths.insert(at, m);
        self.version += 1;
        Some(job.found)
    }

    /// The cached events at positions `range` that hold the needle `finder`
    /// looks for, and the positions among them whose depth rises to it:
    /// those holding the prefix of length `below` but not the one of length
    /// `above` (which are known to match), searched in `hay`.
    fn narrow(
        &self,
        hay: &Hay,
        finder: &memmem::Finder,
        range: std::ops::Range<usize>,
        below: usize,
        above: Option<usize>,
    ) -> (Vec<u32>, Vec<u32>) {
        let (mut found, mut raised, mut read) = (Vec::new(), Vec::new(), 0);
        for p in range {
            let (e, d) = (self.events[p], self.depth[p]);
            if d < below {
                continue;
            }
            if above.is_some_and(|a| d >= a) {
                found.push(e);
            } else if hay.contains(finder, e, &mut read) {
                found.push(e);
                raised.push(u32::try_from(p).unwrap_or(u32::MAX));
            }
        }
        hay.count_scanned(read);
        (found, raised)
    }

    /// The cached events holding the searched prefix of length `m`.
    fn holding(&self, m: usize) -> Vec<u32> {
        self.events.iter().zip(&self.depth).filter(|&(_, &d)| d >= m).map(|(&e, _)| e).collect()
    }

    /// Keeps `found`, a full scan's result for a needle of `m` bytes,
    /// shorter than every other searched prefix: it holds every cached
    /// event, which keep their depths.
    fn keep_scan(&mut self, found: &[u32], m: usize) {
        let mut old = self.events.iter().zip(&self.depth).peekable();
        let mut depth = Vec::with_capacity(found.len());
        for &e in found {
            depth.push(match old.next_if(|&(&o, _)| o == e) {
                Some((_, &d)) => d,
                None => m,
            });
        }
        self.events = found.to_vec();
        self.depth = depth;
    }

    /// Forgets the searched prefixes longer than `common` bytes, the part
    /// of the cached query the new one shares.
    fn forget_beyond(&mut self, common: usize) {
        let keep = self.lengths.partition_point(|&l| l <= common);
        if keep == self.lengths.len() {
            return;
        }
        self.lengths.truncate(keep);
        self.version += 1;
        match self.lengths.last() {
            None => self.clear(),
            Some(&top) => {
                self.query.truncate(top);
                self.depth.iter_mut().for_each(|d| *d = (*d).min(top));
            }
        }
    }

    /// The heap bytes the cache holds, for tests of its bound.
    #[cfg(test)]
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.query.capacity()
            + self.lengths.capacity() * size_of::<usize>()
            + self.events.capacity() * size_of::<u32>()
            + self.depth.capacity() * size_of::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::index::SearchIndex;
    use crate::text::fold;
    use crate::timeline::limits::Limits;
    use crate::timeline::load_bytes;

    /// A search index over 200 events with titles drawn from a small alphabet.
    fn index() -> SearchIndex {
        let mut yaml = String::from("title: T\nevents:\n");
        let mut seq = crate::test_seq::Seq::new(7);
        for i in 0..200 {
            let title: String =
                (0..12).map(|_| ['a', 'b', 'A', 'ß', 'Σ', 'ς'][(seq.next() >> 33) as usize % 6]).collect();
            yaml.push_str(&format!("  - {{id: e{i}, date: 2020-01-01, title: \"x{title}\"}}\n"));
        }
        let t = load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
        SearchIndex::build(&t)
    }

    /// 2,000 random edits of a query as a reader makes them (a backspace,
    /// cutting it to a few characters, or a letter typed, letters whose
    /// case folds differ in length among them), drawn from `seq`: the query
    /// after each, and its needle.
    fn edits(seq: &mut crate::test_seq::Seq) -> Vec<(String, String)> {
        let mut query = String::new();
        (0..2000)
            .map(|_| {
                let seed = seq.next();
                match (seed >> 33) % 8 {
                    0 | 1 => {
                        query.pop();
                    }
                    2 => query = query.chars().take(((seed >> 40) % 4) as usize).collect(),
                    _ => query.push(['a', 'b', 's', 'σ', 'ß', 'x', 'A'][((seed >> 40) % 7) as usize]),
                }
                (query.clone(), fold(&query).into_owned())
            })
            .collect()
    }

    #[test]
    fn capped_keeps_the_first_characters() {
        assert_eq!(capped("short"), "short");
        let long = "é".repeat(MAX_QUERY + 10);
        assert_eq!(capped(&long).chars().count(), MAX_QUERY);
        assert!(long.starts_with(capped(&long)));
    }

    #[test]
    fn the_cache_agrees_with_a_fresh_scan_through_any_editing() {
        let index = index();
        let hay = &index.events;
        let mut cache = SearchCache::default();
        for (step, (query, needle)) in edits(&mut crate::test_seq::Seq::new(3)).into_iter().enumerate() {
            if needle.is_empty() {
                cache.clear();
                continue;
            }
            assert_eq!(cache.matches(hay, &needle), hay.matching(&needle), "step {step}, query {query:?}");
            assert!(
                cache.lengths.windows(2).all(|w| w[0] < w[1])
                    && cache.query.len() == cache.lengths[cache.lengths.len() - 1]
            );
        }
    }

    #[test]
    fn work_done_in_slices_or_left_unfinished_agrees_with_a_fresh_scan() {
        let index = index();
        let hay = &index.events;
        let mut cache = SearchCache::default();
        let mut seq = crate::test_seq::Seq::new(9);
        let (mut sliced, mut abandoned) = (0, 0);
        for (step, (query, needle)) in edits(&mut seq).into_iter().enumerate() {
            if needle.is_empty() {
                cache.clear();
                continue;
            }
            let want = hay.matching(&needle);
            match cache.begin(&needle) {
                Ok(found) => assert_eq!(found, want, "step {step}, cached {query:?}"),
                Err(mut job) => {
                    let budget = 1 + (seq.next() >> 33) as usize % 40;
                    if (seq.next() >> 33).is_multiple_of(4) {
                        // Left part-done, as when the next key comes first: it must change nothing.
                        let _ = cache.step(&mut job, hay, budget);
                        abandoned += 1;
                        continue;
                    }
                    while !cache.step(&mut job, hay, budget) {
                        sliced += 1;
                    }
                    assert_eq!(cache.finish(job), Some(want), "step {step}, query {query:?}");
                }
            }
        }
        assert!(sliced > 100 && abandoned > 50, "{sliced} slices, {abandoned} left");
        // Work begun before another search (or a clear) is void.
        let mut cache = SearchCache::default();
        let Err(old) = cache.begin("a") else { panic!("an empty cache answers nothing") };
        let _ = cache.matches(hay, "b");
        assert_eq!(cache.finish(old), None);
        let Err(old) = cache.begin("ab") else { panic!("not cached") };
        cache.clear();
        let _ = cache.matches(hay, "b");
        assert_eq!(cache.finish(old), None);
        // A narrowing half done when the cache was cleared: stepping it again reads nothing.
        let _ = cache.matches(hay, "a");
        let Err(mut old) = cache.begin("ab") else { panic!("not cached") };
        assert!(!cache.step(&mut old, hay, 5), "more than five matches of `a`");
        cache.clear();
        assert!(cache.step(&mut old, hay, 5), "a void job is done");
        assert_eq!(cache.finish(old), None);
    }

    #[test]
    fn the_cache_stays_linear_in_the_query_typed() {
        let index = index();
        let mut cache = SearchCache::default();
        let mut needle = String::new();
        // 4,000 characters typed one by one (16 times the longest query): the
        // old cache kept a copy of the query per prefix, 8 MB by the end.
        for _ in 0..4_000 {
            needle.push('a');
            let _ = cache.matches(&index.events, &needle);
        }
        let per_prefix = size_of::<usize>() * 2 + 1;
        assert!(cache.heap_bytes() <= 200 * 16 + 4_000 * per_prefix, "{} bytes", cache.heap_bytes());
        assert!(cache.events.len() <= 200);
    }
}
