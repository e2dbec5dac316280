//! Recomputing what the filters let through. Each source of candidates is
//! a sorted list (search matches, an actor's or tag's postings), so a change
//! costs merges and gathers over precomputed keys, never a walk over text
//! or dates; the search narrows the previous result while the user types,
//! and remembers each prefix so Backspace is immediate.

use super::index::{Postings, intersect, merge};
use super::state::{App, Row};

/// Earlier searches, each query with its result; every entry's query is a
/// prefix of the next one's.
#[derive(Default)]
pub struct SearchCache(Vec<(String, Vec<u32>)>);

impl App {
    /// The events matching the current query, from the cache when it can.
    fn search_matches(&mut self) -> Option<Vec<u32>> {
        let query = self.filters.query.to_lowercase();
        if query.is_empty() {
            self.search_cache.0.clear();
            return None;
        }
        let cache = &mut self.search_cache.0;
        while cache.last().is_some_and(|(q, _)| !query.starts_with(q.as_str())) {
            cache.pop();
        }
        // Cached without the name matches: narrowing stays exact because
        // names are matched afresh for every query.
        let named = self.postings.named(&self.timeline, &query);
        if let Some((q, hits)) = cache.last()
            && *q == query
        {
            return Some(merge(hits, &named));
        }
        let in_text = match cache.last() {
            Some((_, hits)) => self.index.get().narrow(hits, &query),
            None => self.index.get().matching(&query),
        };
        let result = merge(&in_text, &named);
        self.search_cache.0.push((query, in_text));
        Some(result)
    }

    /// Recomputes the visible events, their axis keys and list rows, keeping
    /// the selection on the same event when it survives, else on the nearest
    /// following one.
    pub fn refilter(&mut self) {
        let mut lists: Vec<Vec<u32>> = Vec::new();
        if let Some(hits) = self.search_matches() {
            lists.push(hits);
        }
        if !self.filters.actors.is_empty() {
            lists.push(Postings::union(&self.postings.actors, self.filters.actors.iter()));
        }
        if !self.filters.tags.is_empty() {
            lists.push(Postings::union(&self.postings.tags, self.filters.tags.iter()));
        }
        lists.sort_by_key(Vec::len);
        let mut lists = lists.into_iter();
        self.visible = match lists.next() {
            None => (0..u32::try_from(self.timeline.events.len()).unwrap_or(u32::MAX)).collect(),
            Some(first) => lists.fold(first, |acc, l| intersect(&acc, &l)),
        };
        super::verify::narrow(self);
        self.gather_keys();
        self.build_rows();
        self.selected = match self.selected {
            Some(s) if self.visible.binary_search(&s).is_ok() => Some(s),
            Some(s) => {
                let at = self.visible.partition_point(|&v| v < s);
                self.visible.get(at).or(self.visible.last()).copied()
            }
            None => self.visible.first().copied(),
        };
    }

    /// Starts (in order) and finishes (sorted) of the visible events, for the axis.
    fn gather_keys(&mut self) {
        let keys = &self.keys;
        self.starts = self.visible.iter().map(|&i| keys.start[i as usize]).collect();
        let all = self.visible.len() == self.timeline.events.len();
        self.finishes = if all {
            keys.by_finish.iter().map(|&i| keys.finish[i as usize]).collect()
        } else if self.visible.len() < keys.start.len() / 16 {
            let mut f: Vec<i64> = self.visible.iter().map(|&i| keys.finish[i as usize]).collect();
            f.sort_unstable();
            f
        } else {
            // Walk the global finish order once, keeping the visible: no sort.
            let mut shown = vec![0u64; keys.start.len().div_ceil(64)];
            for &i in &self.visible {
                shown[i as usize / 64] |= 1 << (i % 64);
            }
            keys.by_finish
                .iter()
                .filter(|&&i| shown[i as usize / 64] & (1 << (i % 64)) != 0)
                .map(|&i| keys.finish[i as usize])
                .collect()
        };
    }

    fn build_rows(&mut self) {
        self.rows.clear();
        self.row_of.clear();
        let mut last = None;
        for &i in &self.visible {
            let group = self.keys.group[i as usize];
            if last != Some(group) {
                self.rows.push(Row::Heading(i));
                last = Some(group);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Event(i));
        }
    }
}
