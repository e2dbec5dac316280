//! Each event's start, finish, list group and axis fit, computed once per
//! event when the events change, so the list, the axis and the filters read
//! them instead of working dates out again. A load that grows keeps the keys
//! of the events it had and computes only the new ones.

use crate::timeline::{Event, Timeline};

/// Each event's start, finish and list group, computed once at load.
#[derive(Debug, Default, PartialEq)]
pub struct EventKeys {
    /// Start instants, by event index (ascending, as events are sorted).
    pub start: Vec<i64>,
    /// Finish instants, by event index.
    pub finish: Vec<i64>,
    /// Event indexes ordered by finish.
    pub by_finish: Vec<u32>,
    /// The finish instants in [`EventKeys::by_finish`] order (ascending), so
    /// the axis's sorted finishes are read in order, not gathered.
    pub finish_sorted: Vec<i64>,
    /// The list group of each event: a heading starts where it changes.
    pub group: Vec<u64>,
    /// Per event, the units whose one period holds all of it (see
    /// [`super::tick_index::fits`]): what the axis counts as a point.
    pub fits: Vec<u8>,
}

impl EventKeys {
    /// Computes the keys of every event.
    #[must_use]
    pub fn build(t: &Timeline) -> EventKeys {
        let mut keys = EventKeys::default();
        keys.rebuild_from(t, 0);
        keys
    }

    /// Makes these the keys of `t`, whose events before index `from` are
    /// those these keys were computed for: only the others are computed,
    /// and the finish order is merged, not sorted again (a load that grows
    /// at the end pays for what it adds).
    pub fn rebuild_from(&mut self, t: &Timeline, from: usize) {
        let from = from.min(self.start.len());
        let fresh = &t.events[from.min(t.events.len())..];
        self.start.truncate(from);
        self.start.extend(fresh.iter().map(Event::start));
        self.finish.truncate(from);
        self.finish.extend(fresh.iter().map(Event::finish));
        self.group.truncate(from);
        self.group.extend(fresh.iter().map(|e| super::group::key(e, t.zone)));
        self.fits.truncate(from);
        let (start, finish) = (&self.start[from..], &self.finish[from..]);
        self.fits.extend(start.iter().zip(finish).map(|(&s, &f)| super::tick_index::fits(s, f, t.zone)));
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut added: Vec<u32> = (from..self.start.len()).map(index).collect();
        added.sort_by_key(|&i| self.finish[i as usize]);
        // Kept events come first among equal finishes, as in a stable sort by index.
        let finish = &self.finish;
        let kept = self.by_finish.iter().copied().filter(|&i| (i as usize) < from);
        let mut by_finish = Vec::with_capacity(self.start.len());
        by_finish.extend(super::merge::merged(kept, added, |&i| finish[i as usize]));
        self.finish_sorted = by_finish.iter().map(|&i| finish[i as usize]).collect();
        self.by_finish = by_finish;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::limits::Limits;
    use crate::timeline::{BUNDLED, load_bytes};

    #[test]
    fn keys_are_each_events_dates_and_the_stable_finish_order() {
        let t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
        let keys = EventKeys::build(&t);
        let finish: Vec<i64> = t.events.iter().map(Event::finish).collect();
        assert_eq!(keys.start, t.events.iter().map(Event::start).collect::<Vec<_>>());
        assert_eq!(keys.finish, finish);
        let mut order: Vec<u32> = (0..).take(t.events.len()).collect();
        order.sort_by_key(|&i| finish[i as usize]);
        assert!(order.windows(2).any(|w| finish[w[0] as usize] == finish[w[1] as usize]), "ties to order");
        assert_eq!(keys.by_finish, order, "a stable sort: equal finishes in list order");
        assert_eq!(keys.finish_sorted, order.iter().map(|&i| finish[i as usize]).collect::<Vec<_>>());
        assert_eq!(keys.group, t.events.iter().map(|e| crate::app::group::key(e, t.zone)).collect::<Vec<_>>());
        let fits: Vec<u8> =
            t.events.iter().map(|e| crate::app::tick_index::fits(e.start(), e.finish(), t.zone)).collect();
        assert_eq!(keys.fits, fits);
    }
}
