//! The order of the events: by start instant, ties in file order, except
//! where an event says it comes `after` or `before` others. A historian often
//! knows that one thing followed another without knowing either's hour; these
//! keys let the file say so instead of inventing a time.
//!
//! The order is a stable topological sort (Kahn's algorithm with a heap keyed
//! by start instant, then file position): without constraints it is exactly
//! the date order, and it costs O((events + constraints) log events).

use super::model::Event;
use super::problem::{Path, Problems, shown};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// One `after:` or `before:` entry as written, waiting for every event to be known.
#[derive(Clone, Debug)]
pub(super) struct Constraint {
    /// The id of the event that carries the key.
    pub owner: Box<str>,
    /// The id it names.
    pub other: String,
    /// `true` for `before`, `false` for `after`.
    pub before: bool,
    /// Where the entry is written, for problems.
    pub path: Path,
}

/// Orders `events` (in file order) by start instant, ties in file order,
/// moving events so every constraint holds. Unknown ids, constraints the dates
/// rule out and cycles are reported at the entry that causes them;
/// `declared` holds every event id the file declares (valid or not), so an
/// id whose event had other problems is not called unknown.
pub(super) fn order(
    mut events: Vec<Event>,
    constraints: &[Constraint],
    declared: &dyn Fn(&str) -> bool,
    problems: &mut Problems,
) -> Vec<Event> {
    if constraints.is_empty() {
        events.sort_by_cached_key(Event::start);
        return events;
    }
    let n = events.len();
    let index: HashMap<&str, usize> = events.iter().enumerate().map(|(i, e)| (&*e.id, i)).collect();
    // Edges `a -> b`: a comes before b. Kept with the entry that made each.
    let mut edges: Vec<(usize, usize, usize)> = Vec::with_capacity(constraints.len());
    for (k, c) in constraints.iter().enumerate() {
        let Some(&me) = index.get(&*c.owner) else { continue };
        let key = if c.before { "before" } else { "after" };
        problems.owner = Some(format!("event `{}`", shown(&c.owner)));
        let Some(&other) = index.get(c.other.trim()) else {
            if !declared(c.other.trim()) {
                problems
                    .value(&c.path, format!("unknown event `{}` in `{key}`: no event has this id", shown(&c.other)));
            }
            continue;
        };
        if other == me {
            problems.value(&c.path, format!("event `{}` cannot come {key} itself", shown(&c.owner)));
            continue;
        }
        let (first, then) = if c.before { (me, other) } else { (other, me) };
        // `then` must not be over before `first` begins.
        if events[first].start() >= events[then].finish() {
            let (f, t) = (&events[first], &events[then]);
            problems.value(
                &c.path,
                format!(
                    "`{key}: {}` is impossible: `{}` ({}) ends before `{}` ({}) begins",
                    shown(&c.other),
                    shown(&t.id),
                    t.date.long(),
                    shown(&f.id),
                    f.date.long()
                ),
            );
            continue;
        }
        edges.push((first, then, k));
    }
    problems.owner = None;
    let mut indegree = vec![0u32; n];
    let mut out_start = vec![0usize; n + 1];
    for &(a, b, _) in &edges {
        indegree[b] += 1;
        out_start[a + 1] += 1;
    }
    for i in 0..n {
        out_start[i + 1] += out_start[i];
    }
    let mut fill = out_start.clone();
    let mut next = vec![0usize; edges.len()];
    for &(a, b, _) in &edges {
        next[fill[a]] = b;
        fill[a] += 1;
    }
    let starts: Vec<i64> = events.iter().map(Event::start).collect();
    let mut ready: BinaryHeap<Reverse<(i64, usize)>> =
        (0..n).filter(|&i| indegree[i] == 0).map(|i| Reverse((starts[i], i))).collect();
    let mut placed = Vec::with_capacity(n);
    while let Some(Reverse((_, i))) = ready.pop() {
        placed.push(i);
        for &j in &next[out_start[i]..out_start[i + 1]] {
            indegree[j] -= 1;
            if indegree[j] == 0 {
                ready.push(Reverse((starts[j], j)));
            }
        }
    }
    if placed.len() < n {
        report_cycle(&events, &edges, &indegree, constraints, problems);
        let mut rest: Vec<usize> = (0..n).filter(|&i| indegree[i] > 0).collect();
        rest.sort_by_key(|&i| (starts[i], i));
        placed.extend(rest);
    }
    permute(&mut events, &placed);
    events
}

/// Rearranges `v` in place so position `k` holds what was at `placed[k]`
/// (a permutation): following its cycles with swaps, no second copy of `v`.
fn permute<T>(v: &mut [T], placed: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let from = placed[k];
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

/// Names one cycle among the events Kahn's algorithm could not place, at the
/// entry that closes it.
fn report_cycle(
    events: &[Event],
    edges: &[(usize, usize, usize)],
    indegree: &[u32],
    constraints: &[Constraint],
    problems: &mut Problems,
) {
    // Every unplaced event has an unplaced predecessor: walk backwards until
    // an event repeats; the walk's loop is a cycle.
    let mut pred: HashMap<usize, (usize, usize)> = HashMap::new();
    for &(a, b, k) in edges {
        if indegree[a] > 0 && indegree[b] > 0 {
            pred.entry(b).or_insert((a, k));
        }
    }
    let Some(&start) = pred.keys().min() else { return };
    let mut pos: HashMap<usize, usize> = HashMap::new();
    let mut walk = Vec::new();
    let mut at = start;
    loop {
        if let Some(&p) = pos.get(&at) {
            walk.drain(..p);
            break;
        }
        pos.insert(at, walk.len());
        walk.push(at);
        match pred.get(&at) {
            Some(&(p, _)) => at = p,
            None => return,
        }
    }
    walk.reverse();
    let Some(&(_, k)) = walk.first().and_then(|i| pred.get(i)) else { return };
    let Some(c) = constraints.get(k) else { return };
    problems.owner = Some(format!("event `{}`", shown(&c.owner)));
    problems.value(&c.path, cycle_message(events, &walk));
    problems.owner = None;
}

/// How many events of a cycle its message names before counting the rest.
const CYCLE_NAMES: usize = 5;

/// `` `after`/`before` form a cycle: `a` then `b` then `a` again `` for the
/// events at `walk`; past [`CYCLE_NAMES`], the rest are counted (a cycle
/// through thousands of events is one short line).
fn cycle_message(events: &[Event], walk: &[usize]) -> String {
    let name = |i: usize| events.get(i).map_or_else(String::new, |e| format!("`{}`", shown(&e.id)));
    let names: Vec<String> = walk.iter().take(CYCLE_NAMES).map(|&i| name(i)).collect();
    let first = walk.first().map(|&i| name(i)).unwrap_or_default();
    let round = match walk.len().saturating_sub(CYCLE_NAMES) {
        0 => format!("{} then {first} again", names.join(" then ")),
        more => format!("{} then {more} more events, then {first} again", names.join(" then ")),
    };
    format!("`after`/`before` form a cycle: {round}; no order satisfies them")
}

#[cfg(test)]
#[path = "order_tests.rs"]
mod tests;
