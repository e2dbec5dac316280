//! Which heading an event is listed under. A heading states the event's real
//! extent: an exact day gets its day ("Wednesday 7 February 2018"); an event
//! known only to its month, or uncertain across several days, gets the whole
//! stretch it may fall in ("March 2021 · day unknown", "7–14 February 2018 ·
//! exact day unknown") instead of the first day of it, which would claim a
//! precision the file does not give.

use crate::timeline::Event;
use crate::timeline::date::{Precision, When};
use chrono::{Datelike, Days, FixedOffset, Months, NaiveDate};

/// The stretch of calendar days an event's heading names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extent {
    /// The first day it may fall on.
    pub first: NaiveDate,
    /// The last day it may fall on.
    pub last: NaiveDate,
    /// The coarsest precision among its dates: what the heading says is unknown.
    pub precision: Precision,
    /// Whether the event is uncertain within a range (the range is the extent).
    pub approximate: bool,
}

impl Extent {
    /// Whether the extent is one exactly known day.
    #[must_use]
    pub fn is_day(&self) -> bool {
        self.first == self.last && self.precision >= Precision::Day
    }
}

/// The last calendar day of `w`'s period, seen in `zone`.
fn last_day(w: &When, zone: FixedOffset) -> NaiveDate {
    let d = w.day_in(zone);
    let after = match w.precision {
        Precision::Year => d.checked_add_months(Months::new(12)),
        Precision::Month => d.checked_add_months(Months::new(1)),
        _ => return d,
    };
    after.and_then(|a| a.checked_sub_days(Days::new(1))).unwrap_or(d)
}

/// The extent of `e`: its own period when certain (a range is listed where
/// it begins), the whole range when approximate.
#[must_use]
pub fn extent(e: &Event, zone: FixedOffset) -> Extent {
    let end = if e.approximate { e.end.as_ref().unwrap_or(&e.date) } else { &e.date };
    let precision = e.date.precision.min(end.precision);
    Extent { first: e.date.day_in(zone), last: last_day(end, zone), precision, approximate: e.approximate }
}

/// The group key of `e`: consecutive events with equal keys share a heading.
#[must_use]
pub fn key(e: &Event, zone: FixedOffset) -> u64 {
    let x = extent(e, zone);
    let day = |d: NaiveDate| u64::from(u32::try_from(d.num_days_from_ce()).unwrap_or(0) & 0x00ff_ffff);
    let class = match x.precision {
        Precision::Year => 0,
        Precision::Month => 1,
        _ => 2,
    };
    (((day(x.first) << 24) | day(x.last)) << 2) | class
}

/// The heading of the group that `e` opens: its real extent. An exact day
/// with its weekday; else the stretch it may fall in and what is unknown:
/// `March 2021 · day unknown`, `7–14 February 2018 · exact day unknown`.
#[must_use]
pub fn heading(e: &Event, zone: FixedOffset) -> String {
    let x = extent(e, zone);
    if x.is_day() {
        return x.first.format("%A %-d %B %Y").to_string();
    }
    let (a, b) = (x.first, x.last);
    let (span, unknown) = match x.precision {
        Precision::Year if a.year() == b.year() => (a.format("%Y").to_string(), "month unknown"),
        Precision::Year => (format!("{}–{}", a.format("%Y"), b.format("%Y")), "exact year unknown"),
        Precision::Month if (a.year(), a.month()) == (b.year(), b.month()) => {
            (a.format("%B %Y").to_string(), "day unknown")
        }
        Precision::Month if a.year() == b.year() => {
            (format!("{}–{}", a.format("%B"), b.format("%B %Y")), "exact month unknown")
        }
        Precision::Month => (format!("{} – {}", a.format("%B %Y"), b.format("%B %Y")), "exact month unknown"),
        _ if (a.year(), a.month()) == (b.year(), b.month()) => {
            (format!("{}–{}", a.format("%-d"), b.format("%-d %B %Y")), "exact day unknown")
        }
        _ if a.year() == b.year() => {
            (format!("{} – {}", a.format("%-d %B"), b.format("%-d %B %Y")), "exact day unknown")
        }
        _ => (format!("{} – {}", a.format("%-d %B %Y"), b.format("%-d %B %Y")), "exact day unknown"),
    };
    format!("{span} · {unknown}")
}
