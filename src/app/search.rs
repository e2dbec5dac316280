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

use super::index::Hay;
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
}

impl SearchCache {
    /// Forgets every search.
    pub fn clear(&mut self) {
        *self = SearchCache::default();
    }

    /// The entries of `hay` holding `needle` (folded, not empty): filtered
    /// from the cache when a prefix of it was searched, narrowed from the
    /// longest such prefix's result otherwise, scanned afresh when `needle`
    /// is shorter than anything searched.
    pub fn matches(&mut self, hay: &Hay, needle: &str) -> Vec<u32> {
        let common = self.query.bytes().zip(needle.bytes()).take_while(|(a, b)| a == b).count();
        if common < needle.len() {
            // The queries part: what was searched past the shared part is of no use.
            self.forget_beyond(common);
        }
        let m = needle.len();
        let at = self.lengths.partition_point(|&l| l < m);
        if self.lengths.get(at) == Some(&m) {
            return self.holding(m);
        }
        if m > self.query.len() {
            // `query` is a prefix of `needle` here: only the new part is copied.
            self.query.push_str(&needle[self.query.len()..]);
        }
        self.lengths.insert(at, m);
        if at == 0 {
            return self.rescan(hay, needle);
        }
        // Events holding the next longer searched prefix are known to hold this one.
        let (below, above) = (self.lengths[at - 1], self.lengths.get(at + 1).copied());
        let finder = memmem::Finder::new(needle.as_bytes());
        let narrow = |events: &[u32], depth: &mut [usize]| {
            let (mut out, mut read) = (Vec::new(), 0);
            for (&e, d) in events.iter().zip(depth) {
                if *d >= below && (above.is_some_and(|a| *d >= a) || hay.contains(&finder, e, &mut read)) {
                    *d = (*d).max(m);
                    out.push(e);
                }
            }
            hay.count_scanned(read);
            out
        };
        let parts = std::thread::available_parallelism().map_or(1, usize::from).min(4);
        if parts < 2 || self.events.len() < PARALLEL_FROM {
            return narrow(&self.events, &mut self.depth);
        }
        // Split across the cores, as a full scan is: each part keeps its own
        // depths, and the parts' results join in order.
        let size = self.events.len().div_ceil(parts);
        std::thread::scope(|s| {
            let narrow = &narrow;
            let handles: Vec<_> = self
                .events
                .chunks(size)
                .zip(self.depth.chunks_mut(size))
                .map(|(events, depth)| s.spawn(move || narrow(events, depth)))
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        })
    }

    /// The cached events holding the searched prefix of length `m`.
    fn holding(&self, m: usize) -> Vec<u32> {
        self.events.iter().zip(&self.depth).filter(|&(_, &d)| d >= m).map(|(&e, _)| e).collect()
    }

    /// A full scan for `needle`, shorter than every other searched prefix:
    /// its result holds every cached event, which keep their depths.
    fn rescan(&mut self, hay: &Hay, needle: &str) -> Vec<u32> {
        let found = hay.matching(needle);
        let mut old = self.events.iter().zip(&self.depth).peekable();
        let mut depth = Vec::with_capacity(found.len());
        for &e in &found {
            depth.push(match old.next_if(|&(&o, _)| o == e) {
                Some((_, &d)) => d,
                None => needle.len(),
            });
        }
        self.events.clone_from(&found);
        self.depth = depth;
        found
    }

    /// Forgets the searched prefixes longer than `common` bytes, the part
    /// of the cached query the new one shares.
    fn forget_beyond(&mut self, common: usize) {
        let keep = self.lengths.partition_point(|&l| l <= common);
        if keep == self.lengths.len() {
            return;
        }
        self.lengths.truncate(keep);
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
        let mut seed = 7u64;
        for i in 0..200 {
            let title: String = (0..12)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    ['a', 'b', 'A', 'ß', 'Σ', 'ς'][(seed >> 33) as usize % 6]
                })
                .collect();
            yaml.push_str(&format!("  - {{id: e{i}, date: 2020-01-01, title: \"x{title}\"}}\n"));
        }
        let t = load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
        SearchIndex::build(&t)
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
        let mut query = String::new();
        let mut seed = 3u64;
        for step in 0..2000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            match (seed >> 33) % 8 {
                0 | 1 => {
                    query.pop();
                }
                2 => query = query.chars().take(((seed >> 40) % 4) as usize).collect(),
                _ => query.push(['a', 'b', 's', 'σ', 'ß', 'x', 'A'][((seed >> 40) % 7) as usize]),
            }
            let needle = fold(&query);
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
