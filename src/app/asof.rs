//! "As of": the timeline as it stood at a moment. Each event, quote and
//! claim became public at some instant; with the cursor set, what was not
//! yet public is hidden (or dimmed). Pure functions of the timeline and the
//! cursor, so the filter, the views and the report agree.
//!
//! When something became public is, in order: its own `reported` date
//! (events), else the earliest `published` date of its sources, else its own
//! date; a quote or claim without either falls back to its event. A date
//! counts from the start of its period: a source `published: 2018-02` is
//! public from 1 February. The cursor is an exclusive instant: "as of
//! 8 February" (typed `2018-02-08`) stands at the end of that day, so
//! everything public on the 8th is shown.

use super::axis::{self, Unit};
use crate::timeline::date::{DateError, When};
use crate::timeline::{Claim, Event, Quote, Timeline};
use chrono::{DateTime, FixedOffset, Timelike};

/// The cursor and how it shows what is not yet public.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AsOf {
    /// The moment (exclusive, UTC seconds) the timeline is seen at; `None`: no cursor.
    pub at: Option<i64>,
    /// Show what is not yet public dimmed instead of hiding it.
    pub dim: bool,
    /// The date being typed after `@`.
    pub input: String,
    /// Why the date typed was refused, until the next keystroke.
    pub error: Option<String>,
    /// Each event's public instant, computed when the cursor is first set.
    pub public: Vec<i64>,
}

impl AsOf {
    /// Whether something public since `since` is hidden or dimmed at the cursor.
    #[must_use]
    pub fn is_future(&self, since: i64) -> bool {
        self.at.is_some_and(|at| since >= at)
    }

    /// Whether event `i` is not yet public at the cursor.
    #[must_use]
    pub fn event_is_future(&self, i: u32) -> bool {
        self.public.get(i as usize).is_some_and(|&p| self.is_future(p))
    }

    /// Keeps in `visible` only the events public at the cursor (all of them
    /// when no cursor is set, or when they are dimmed rather than hidden).
    pub fn retain_public(&self, visible: &mut Vec<u32>) {
        if self.at.is_some() && !self.dim {
            visible.retain(|&i| !self.event_is_future(i));
        }
    }
}

/// The earliest `published` instant of the sources `ids`.
fn earliest_published(t: &Timeline, ids: impl IntoIterator<Item = u32>) -> Option<i64> {
    ids.into_iter().filter_map(|s| t.sources.get(s as usize)?.published.map(|p| p.instant())).min()
}

/// When event `e` became public: `reported`, else its sources' earliest `published`, else its `date`.
#[must_use]
pub fn event_public(t: &Timeline, e: &Event) -> i64 {
    e.reported.map(|r| r.instant()).or_else(|| earliest_published(t, e.sources.iter().copied())).unwrap_or(e.start())
}

/// When quote `q` of event `e` became public: its source's `published`, else its `date`, else with `e`.
#[must_use]
pub fn quote_public(t: &Timeline, e: &Event, q: &Quote) -> i64 {
    earliest_published(t, [q.source]).or(q.date.map(|d| d.instant())).unwrap_or_else(|| event_public(t, e))
}

/// When claim `c` of event `e` became public: its source's `published`, else its `date`, else with `e`.
#[must_use]
pub fn claim_public(t: &Timeline, e: &Event, c: &Claim) -> i64 {
    earliest_published(t, [c.source]).or(c.date.map(|d| d.instant())).unwrap_or_else(|| event_public(t, e))
}

/// Every event's public instant, in event order.
#[must_use]
pub fn all_public(t: &Timeline) -> Vec<i64> {
    t.events.iter().map(|e| event_public(t, e)).collect()
}

/// The cursor for a date typed in any of the format's forms: the end of
/// its period, so the whole day (month, year, minute) typed is included.
///
/// # Errors
/// The date parser's message when `text` is not a date.
pub fn parse(text: &str, zone: FixedOffset) -> Result<i64, DateError> {
    When::parse(text.trim(), zone).map(|w| w.period_end())
}

/// The cursor moved one period of `unit` later (`d > 0`) or earlier, onto a
/// period boundary: from inside a period, to its end or its start.
#[must_use]
pub fn step(at: i64, unit: Unit, zone: FixedOffset, d: i32) -> i64 {
    let start = axis::floor(at, unit, zone);
    if d > 0 {
        axis::next(start, unit, zone)
    } else if start < at {
        start
    } else {
        axis::floor(at - 1, unit, zone)
    }
}

/// The cursor in words, in `zone`: `8 Feb 2018` when it stands at the end
/// of a day (the day included), else `8 Feb 2018 14:00` (that minute excluded).
#[must_use]
pub fn label(at: i64, zone: FixedOffset) -> String {
    let Some(t) = DateTime::from_timestamp(at, 0).map(|d| d.with_timezone(&zone).naive_local()) else {
        return at.to_string();
    };
    if t.num_seconds_from_midnight() == 0 {
        (t - chrono::Duration::days(1)).format("%-d %b %Y").to_string()
    } else {
        t.format("%-d %b %Y %H:%M").to_string()
    }
}

#[cfg(test)]
#[path = "asof_tests.rs"]
mod tests;
