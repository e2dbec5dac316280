//! What rests on each source: the events, quotes and claims citing it,
//! counted once at load for the sources view, and the events that rest on
//! a source in any way (listed under `sources`, or carrying a quote or claim
//! taken from it), for the sources filter.

use crate::timeline::Timeline;

/// Per source (by index): counts and the events resting on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceIndex {
    /// Events listing the source under `sources`.
    pub events: Vec<u32>,
    /// Quotes taken from the source.
    pub quotes: Vec<u32>,
    /// Claims reported by the source.
    pub claims: Vec<u32>,
    /// Events resting on the source in any way, ascending.
    pub resting: Vec<Vec<u32>>,
}

impl SourceIndex {
    /// Counts every citation of every source in `t`.
    #[must_use]
    pub fn build(t: &Timeline) -> SourceIndex {
        let n = t.sources.len();
        let mut ix =
            SourceIndex { events: vec![0; n], quotes: vec![0; n], claims: vec![0; n], resting: vec![Vec::new(); n] };
        let bump = |v: &mut Vec<u32>, s: u32| {
            if let Some(c) = v.get_mut(s as usize) {
                *c += 1;
            }
        };
        for (i, e) in t.events.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            e.sources.iter().for_each(|&s| bump(&mut ix.events, s));
            e.quotes.iter().for_each(|q| bump(&mut ix.quotes, q.source));
            e.claims.iter().for_each(|c| bump(&mut ix.claims, c.source));
            for s in super::index::sources_of(e).chain(e.claims.iter().map(|c| c.source)) {
                if let Some(list) = ix.resting.get_mut(s as usize)
                    && list.last() != Some(&i)
                {
                    list.push(i);
                }
            }
        }
        ix
    }

    /// How many facts (events, quotes and claims) cite source `s`.
    #[must_use]
    pub fn facts(&self, s: u32) -> u32 {
        let at = |v: &Vec<u32>| v.get(s as usize).copied().unwrap_or(0);
        at(&self.events) + at(&self.quotes) + at(&self.claims)
    }
}
