//! The axis's per-tick counts without walking the events, so a frame costs
//! what its ticks need however many events are shown.
//!
//! Ticks are always whole periods of one unit, so whether an event lies
//! wholly inside its tick depends only on the event and the unit, never on
//! where the axis window is. Each event's answer for all five units is
//! computed once, when the keys are built ([`fits`]: one byte per event, in
//! integer arithmetic, as a per-event calendar call would cost the load a
//! second per million events), and each change of the shown events lays
//! those bytes out in start order with running counts ([`TickIndex`]). A
//! tick's points are then a difference of two running counts between the
//! binary-searched ends of the events starting in it.

use super::axis::{UNITS, Unit};
use chrono::FixedOffset;
use std::sync::atomic::{AtomicU64, Ordering};

/// The index of the period of `unit` holding instant `t`, seen at `offset`
/// seconds east of UTC: consecutive periods have consecutive indexes, and
/// [`super::axis::floor`] starts each (weeks from Monday).
#[must_use]
pub fn period(t: i64, unit: Unit, offset: i64) -> i64 {
    let local = t + offset;
    let day = local.div_euclid(86_400);
    match unit {
        Unit::Hour => local.div_euclid(3_600),
        Unit::Day => day,
        // 1970-01-01 was a Thursday, three days after a Monday.
        Unit::Week => (day + 3).div_euclid(7),
        Unit::Month => {
            let (year, month) = civil(day);
            year * 12 + month - 1
        }
        Unit::Year => civil(day).0,
    }
}

/// The proleptic Gregorian year and month (1 to 12) of `day` days after
/// 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil(day: i64) -> (i64, i64) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month)
}

/// For an event running over `start..finish`, one bit per unit (in
/// [`UNITS`] order): set when the whole of it lies inside one period of
/// that unit, so it is a point on an axis of that unit.
#[must_use]
pub fn fits(start: i64, finish: i64, zone: FixedOffset) -> u8 {
    let offset = i64::from(zone.local_minus_utc());
    UNITS.iter().enumerate().fold(0, |bits, (k, &unit)| {
        let inside = finish <= start || period(start, unit, offset) == period(finish - 1, unit, offset);
        bits | (u8::from(inside) << k)
    })
}

/// One bit per position with running counts, so the bits set before any
/// position are one lookup and one popcount away.
#[derive(Debug, Default)]
struct Ranks {
    words: Vec<u64>,
    /// `before[w]`: the bits set in `words[..w]` (one more entry than `words`).
    before: Vec<u32>,
}

impl Ranks {
    fn seal(words: Vec<u64>) -> Ranks {
        let mut before = Vec::with_capacity(words.len() + 1);
        let mut total = 0u32;
        before.push(0);
        for w in &words {
            total += w.count_ones();
            before.push(total);
        }
        Ranks { words, before }
    }

    /// The bits set among the first `k` positions.
    fn rank(&self, k: usize) -> usize {
        let (w, b) = (k / 64, k % 64);
        let below = self.before.get(w).copied().unwrap_or(0) as usize;
        let partial =
            if b == 0 { 0 } else { (self.words.get(w).copied().unwrap_or(0) & ((1u64 << b) - 1)).count_ones() };
        below + partial as usize
    }
}

/// The bits of `fits` (in start order) per unit, 64 positions to a word.
fn lay(fits: impl ExactSizeIterator<Item = u8>) -> [Ranks; 5] {
    let mut words: [Vec<u64>; 5] = std::array::from_fn(|_| Vec::with_capacity(fits.len().div_ceil(64)));
    let mut acc = [0u64; 5];
    let mut p = 0;
    for f in fits {
        for (k, a) in acc.iter_mut().enumerate() {
            *a |= u64::from((f >> k) & 1) << p;
        }
        p += 1;
        if p == 64 {
            words.iter_mut().zip(&mut acc).for_each(|(w, a)| w.push(std::mem::take(a)));
            p = 0;
        }
    }
    if p > 0 {
        words.iter_mut().zip(acc).for_each(|(w, a)| w.push(a));
    }
    words.map(Ranks::seal)
}

/// The shown events in start order, with which of them lie wholly inside
/// one period of each unit: built with the shown events, read by each frame.
#[derive(Debug, Default)]
pub struct TickIndex {
    /// The starts ascending, when the list's own starts do not ascend
    /// (`after`/`before` moved an event); `None` when they do.
    sorted: Option<Vec<i64>>,
    /// Per unit, in [`UNITS`] order: bit `k` set when the `k`th event in
    /// start order is a point at that unit.
    points: [Ranks; 5],
    /// Keys read by the queries so far (binary-search probes and running
    /// counts): a frame's axis work, for tests to check without a clock.
    reads: AtomicU64,
}

impl TickIndex {
    /// The index of the events with starts `starts` (in list order) and
    /// `fits` bytes `fits` (see [`fits`]), one per event.
    #[must_use]
    pub fn build(starts: &[i64], fits: impl ExactSizeIterator<Item = u8>) -> TickIndex {
        if starts.is_sorted() {
            return TickIndex { sorted: None, points: lay(fits), reads: AtomicU64::new(0) };
        }
        let fits: Vec<u8> = fits.collect();
        let mut order: Vec<usize> = (0..starts.len()).collect();
        order.sort_by_key(|&p| starts[p]);
        let points = lay(order.iter().map(|&q| fits.get(q).copied().unwrap_or(0)));
        TickIndex { sorted: Some(order.iter().map(|&q| starts[q]).collect()), points, reads: AtomicU64::new(0) }
    }

    /// The starts ascending: `list` (the list's starts) when it ascends.
    #[must_use]
    pub fn sorted<'a>(&'a self, list: &'a [i64]) -> &'a [i64] {
        self.sorted.as_deref().unwrap_or(list)
    }

    /// How many of `sorted` are below `t`, counting the probes as reads.
    #[must_use]
    pub fn below(&self, sorted: &[i64], t: i64) -> usize {
        self.reads.fetch_add(u64::from(usize::BITS - sorted.len().leading_zeros()) + 1, Ordering::Relaxed);
        sorted.partition_point(|&s| s < t)
    }

    /// Of the events at positions `lo..hi` in start order, how many lie
    /// wholly inside one period of `unit`.
    #[must_use]
    pub fn points(&self, unit: Unit, lo: usize, hi: usize) -> usize {
        self.reads.fetch_add(2, Ordering::Relaxed);
        let ranks = &self.points[UNITS.iter().position(|&u| u == unit).unwrap_or(0)];
        ranks.rank(hi).saturating_sub(ranks.rank(lo))
    }

    /// The keys the queries have read so far (see the field).
    #[must_use]
    pub fn reads(&self) -> u64 {
        self.reads.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::axis::{floor, next};

    #[test]
    fn periods_agree_with_the_calendar_floor_and_next() {
        let mut seq = crate::test_seq::Seq::new(11);
        for zone in [0i64, 19_800, -43_200, 50_400, -16_200] {
            let zone_fo = FixedOffset::east_opt(i32::try_from(zone).expect("small")).expect("offset");
            for _ in 0..4_000 {
                let seed = seq.next();
                // Instants from year 0 to 9999.
                let t = -62_167_219_200 + (seed >> 20) as i64 % 315_537_897_600;
                for unit in UNITS {
                    let start = floor(t, unit, zone_fo);
                    let end = next(start, unit, zone_fo);
                    let p = period(t, unit, zone);
                    assert_eq!(period(start, unit, zone), p, "{unit:?} floor of {t} at {zone}");
                    assert_eq!(period(end - 1, unit, zone), p, "{unit:?} end of {t} at {zone}");
                    assert_eq!(period(end, unit, zone), p + 1, "{unit:?} next of {t} at {zone}");
                }
            }
        }
    }

    #[test]
    fn ranks_count_the_bits_before_each_position() {
        let starts: Vec<i64> = (0..200).collect();
        let fits: Vec<u8> = (0..200).map(|i| if i % 3 == 0 { 0b1_0101 } else { 0b0_0010 }).collect();
        let index = TickIndex::build(&starts, fits.iter().copied());
        for lo in [0, 1, 63, 64, 65, 128, 199] {
            for hi in [lo, 64, 100, 128, 192, 200] {
                if hi < lo {
                    continue;
                }
                for (k, &unit) in UNITS.iter().enumerate() {
                    let want = fits[lo..hi].iter().filter(|&&f| f >> k & 1 == 1).count();
                    assert_eq!(index.points(unit, lo, hi), want, "{unit:?} {lo}..{hi}");
                }
            }
        }
    }

    #[test]
    fn unsorted_starts_are_counted_in_start_order() {
        let starts = [5, 1, 3, 2];
        let index = TickIndex::build(&starts, [1u8, 0, 1, 0].into_iter());
        assert_eq!(index.sorted(&starts), [1, 2, 3, 5]);
        // In start order the hour bits are 0, 0, 1, 1.
        assert_eq!(index.points(Unit::Hour, 0, 2), 0);
        assert_eq!(index.points(Unit::Hour, 2, 4), 2);
    }
}
