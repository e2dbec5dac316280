//! Precomputed lookups built once at load, so a keystroke never walks text
//! it does not need: one lowercase haystack for search, and event counts per
//! actor and tag for the pickers.

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
    /// Builds the haystack: titles, summaries, locations, tags, actor names
    /// and aliases, quote texts, speakers and contexts.
    #[must_use]
    pub fn build(t: &Timeline) -> SearchIndex {
        let mut hay = String::new();
        let mut starts = Vec::with_capacity(t.events.len() + 1);
        for e in &t.events {
            starts.push(hay.len());
            for field in searchable(t, e) {
                for c in field.chars() {
                    hay.extend(c.to_lowercase());
                }
                hay.push('\n');
            }
        }
        starts.push(hay.len());
        SearchIndex { hay, starts }
    }

    /// The indexes of the events whose text contains `query`, case-insensitively, in order.
    /// Costs one pass over the haystack, skipping the rest of an event once it matches.
    #[must_use]
    pub fn matching(&self, query: &str) -> Vec<u32> {
        let needle = query.to_lowercase();
        let finder = memmem::Finder::new(needle.as_bytes());
        let bytes = self.hay.as_bytes();
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(found) = finder.find(&bytes[from..]) {
            let at = from + found;
            let event = self.starts.partition_point(|&s| s <= at).saturating_sub(1);
            out.push(u32::try_from(event).unwrap_or(u32::MAX));
            from = self.starts.get(event + 1).copied().unwrap_or(bytes.len());
            if from >= bytes.len() {
                break;
            }
        }
        out
    }
}

/// The fields of `e` that search looks at.
fn searchable<'a>(t: &'a Timeline, e: &'a Event) -> impl Iterator<Item = &'a str> {
    let actors = e.actors.iter().chain(e.quotes.iter().map(|q| &q.by)).filter_map(|&a| t.actors.get(a as usize));
    let names = actors.flat_map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)));
    let quotes = e.quotes.iter().flat_map(|q| std::iter::once(q.text.as_str()).chain(q.context.as_deref()));
    let tags = e.tags.iter().filter_map(|&i| t.tags.get(i as usize)).map(String::as_str);
    std::iter::once(e.title.as_str())
        .chain(e.summary.as_deref())
        .chain(e.location.as_deref())
        .chain(tags)
        .chain(names)
        .chain(quotes)
}

/// How many events involve each actor and carry each tag.
pub struct Counts {
    /// Events per actor, by actor index.
    pub actors: Vec<u32>,
    /// Events per tag, by tag index.
    pub tags: Vec<u32>,
}

impl Counts {
    /// Counts over all events (an event counts for an actor it lists or quotes).
    #[must_use]
    pub fn build(t: &Timeline) -> Counts {
        let mut actors = vec![0u32; t.actors.len()];
        let mut tags = vec![0u32; t.tags.len()];
        let mut seen = Vec::new();
        for e in &t.events {
            seen.clear();
            seen.extend(e.actors.iter().chain(e.quotes.iter().map(|q| &q.by)).copied());
            seen.sort_unstable();
            seen.dedup();
            for &a in &seen {
                if let Some(n) = actors.get_mut(a as usize) {
                    *n += 1;
                }
            }
            for &g in &e.tags {
                if let Some(n) = tags.get_mut(g as usize) {
                    *n += 1;
                }
            }
        }
        Counts { actors, tags }
    }
}
