//! "Did you mean" hints for unknown keys and references.
//!
//! A file may hold tens of thousands of ids and as many typos, some of them
//! huge, so a hint must never cost in proportion to ids × typos × lengths:
//! each distinct unknown id is looked up once, only candidates whose length
//! leaves them within reach are compared, and a file's hints share a fixed
//! budget of edit-distance work, past which no more hints are given. Ties go
//! to the candidate written first in the file, so a file always gets the
//! same hint.

use std::collections::{BTreeMap, HashMap};

/// Edit-distance cells (one character of one string against one of the
/// other) one file may spend on hints: some milliseconds.
pub(super) const BUDGET: u64 = 5_000_000;

/// An id longer than this (in characters) gets no hint: nobody mistypes
/// an id that long, and comparing it would be costly.
const MAX_CHARS: usize = 64;

/// The largest edit distance that still reads as a typo of a word of `len` characters.
fn reach(len: usize) -> usize {
    (len / 3).max(2)
}

/// A declared id as characters, with its place in the file.
type Candidate = (u32, Box<[char]>);

/// Declared ids grouped by length in characters, each with its place in the file.
#[derive(Default)]
struct Candidates {
    by_len: BTreeMap<usize, Vec<Candidate>>,
    count: usize,
}

impl Candidates {
    fn new(table: &HashMap<String, u32>) -> Candidates {
        let mut by_len: BTreeMap<usize, Vec<Candidate>> = BTreeMap::new();
        for (id, &order) in table {
            let len = id.chars().count();
            if len <= MAX_CHARS + reach(MAX_CHARS) {
                by_len.entry(len).or_default().push((order, id.chars().collect()));
            }
        }
        for list in by_len.values_mut() {
            list.sort_unstable_by_key(|(order, _)| *order);
        }
        Candidates { by_len, count: table.len() }
    }
}

/// The hints of one file: a cache per distinct unknown id, and the work spent.
#[derive(Default)]
pub(super) struct Hints {
    /// Edit-distance cells computed so far.
    pub(super) work: u64,
    cache: [HashMap<String, Option<String>>; 3],
    candidates: [Option<Candidates>; 3],
}

/// Which table of ids a reference points into.
#[derive(Clone, Copy)]
pub(super) enum Table {
    /// `actors`
    Actors = 0,
    /// `sources`
    Sources = 1,
    /// `events` (for `related`)
    Events = 2,
}

impl Hints {
    /// The declared id (of `table`, whose ids map to their order in the
    /// file) nearest to the unknown `id`, when near enough to be a typo and
    /// the budget allows looking.
    pub(super) fn suggest(&mut self, id: &str, which: Table, table: &HashMap<String, u32>) -> Option<String> {
        let slot = which as usize;
        if let Some(hint) = self.cache[slot].get(id) {
            return hint.clone();
        }
        if self.candidates[slot].as_ref().is_none_or(|c| c.count != table.len()) {
            self.candidates[slot] = Some(Candidates::new(table));
        }
        let candidates = self.candidates[slot].as_ref()?;
        let hint = nearest_in(id, candidates, &mut self.work);
        if self.work < BUDGET {
            self.cache[slot].insert(id.to_owned(), hint.clone());
        }
        hint
    }
}

/// The nearest candidate to `id` by edit distance, ties to the first in the
/// file; `None` past the budget.
fn nearest_in(id: &str, candidates: &Candidates, work: &mut u64) -> Option<String> {
    let key: Vec<char> = id.chars().take(MAX_CHARS + 1).collect();
    if key.len() > MAX_CHARS || *work >= BUDGET {
        return None;
    }
    // A shorter candidate is within reach only above this length; a longer
    // one stops being within reach for good once one is out of it.
    let lo = key.len().saturating_sub(reach(key.len()));
    let mut best: Option<(usize, u32, &[char])> = None;
    for (&len, list) in candidates.by_len.range(lo..) {
        if len.saturating_sub(key.len()) > reach(len) {
            break;
        }
        if key.len().abs_diff(len) > reach(len) {
            continue;
        }
        for (order, cand) in list {
            let cost = (key.len() * len) as u64;
            if *work + cost > BUDGET {
                *work = BUDGET;
                return None;
            }
            *work += cost;
            let d = edit_distance(&key, cand);
            if d <= reach(len) && d < len && d < key.len() && best.is_none_or(|(bd, bo, _)| (d, *order) < (bd, bo)) {
                best = Some((d, *order, cand));
            }
        }
    }
    best.map(|(_, _, c)| c.iter().collect())
}

/// The allowed key nearest to `key` by edit distance (case aside), when near
/// enough to be a typo; ties go to the first in `allowed`.
#[must_use]
pub fn nearest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    if key.chars().nth(MAX_CHARS).is_some() {
        return None;
    }
    let key: Vec<char> = key.to_lowercase().chars().collect();
    allowed
        .iter()
        .filter(|a| key.len().abs_diff(a.chars().count()) <= reach(a.chars().count()))
        .map(|a| (edit_distance(&key, &a.chars().collect::<Vec<_>>()), *a))
        .filter(|(d, a)| *d <= reach(a.len()) && *d < a.len() && *d < key.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(ids: impl IntoIterator<Item = String>) -> HashMap<String, u32> {
        ids.into_iter().enumerate().map(|(i, id)| (id, i as u32)).collect()
    }

    #[test]
    fn hints_name_the_nearest_id_and_break_ties_by_file_order() {
        // `bakr` is one edit from `bake`, `baker` and `bakr2`; `bake` comes first in the file.
        let ids = table(["zeta", "bake", "baker", "bakr2", "bark"].map(String::from));
        for _ in 0..20 {
            let mut hints = Hints::default();
            assert_eq!(hints.suggest("bakr", Table::Actors, &ids).as_deref(), Some("bake"));
        }
        let reversed = table(["baker", "bake", "zeta"].map(String::from));
        assert_eq!(Hints::default().suggest("bakr", Table::Actors, &reversed).as_deref(), Some("baker"));
        assert_eq!(Hints::default().suggest("completely-else", Table::Actors, &ids), None);
    }

    #[test]
    fn many_typos_against_many_ids_cost_a_bounded_amount() {
        let ids = table((0..30_000).map(|i| format!("actor-{i}")));
        let mut hints = Hints::default();
        for i in 0..2_000 {
            let _ = hints.suggest(&format!("ghost-{i}"), Table::Actors, &ids);
            assert!(hints.work <= BUDGET, "work {} past the budget", hints.work);
        }
        // The same typo again costs nothing: it is cached.
        let mut fresh = Hints::default();
        let _ = fresh.suggest("actr-7", Table::Actors, &ids);
        let once = fresh.work;
        assert!(once > 0);
        let _ = fresh.suggest("actr-7", Table::Actors, &ids);
        assert_eq!(fresh.work, once);
    }

    #[test]
    fn a_huge_unknown_id_costs_nothing() {
        let ids = table((0..5_000).map(|i| format!("actor-{i}")));
        let mut hints = Hints::default();
        let huge = "x".repeat(150 * 1024);
        assert_eq!(hints.suggest(&huge, Table::Actors, &ids), None);
        assert_eq!(hints.work, 0);
        assert_eq!(nearest(&huge, &["title", "date"]), None);
    }

    #[test]
    fn length_rules_out_candidates_before_any_comparison() {
        let mut ids: Vec<String> = (0..5_000).map(|i| format!("a-very-long-actor-name-{i:05}")).collect();
        ids.push("bob".into());
        let mut hints = Hints::default();
        assert_eq!(hints.suggest("bobb", Table::Actors, &table(ids)).as_deref(), Some("bob"));
        assert_eq!(hints.work, 4 * 3, "only `bob` was compared");
    }

    #[test]
    fn keys_get_hints_ignoring_case() {
        assert_eq!(nearest("Titel", &["id", "title", "date"]), Some("title"));
        assert_eq!(nearest("dat", &["id", "title", "date"]), Some("date"));
        assert_eq!(nearest("zzzzzz", &["id", "title", "date"]), None);
    }
}
