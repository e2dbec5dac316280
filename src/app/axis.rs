//! Time-axis arithmetic: units, the ticks that fit a width, and how many of
//! the filtered events fall in each tick. Pure functions of the state, shared
//! by the axis view (drawing) and `update` (`[`/`]`, zoom, clicks).
//!
//! The axis never claims more precision than the file gives: an event is a
//! point in a tick only when its whole period (or range) lies inside that
//! tick; one that runs past its tick (a range, an approximate date, a day
//! seen by the hour) is counted apart, once, in the tick where it starts, and
//! shaded across the ticks it covers. Points plus spanning counts add up to
//! the events starting in the ticks shown. [`certainty`], [`starting`] and
//! [`covering`] are binary searches, so a frame never walks the events.

use super::state::App;
use chrono::{DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime, TimeZone, Timelike};

/// The scale of one tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// One hour.
    Hour,
    /// One day.
    Day,
    /// One week, from Monday.
    Week,
    /// One calendar month.
    Month,
    /// One calendar year.
    Year,
}

/// Every unit, finest first.
pub const UNITS: [Unit; 5] = [Unit::Hour, Unit::Day, Unit::Week, Unit::Month, Unit::Year];

impl Unit {
    /// Columns a tick's label needs, with a gap after it.
    #[must_use]
    pub fn cell_width(self) -> u16 {
        match self {
            Unit::Hour => 6,
            Unit::Day | Unit::Week => 7,
            Unit::Month => 9,
            Unit::Year => 5,
        }
    }

    /// The unit in the singular, for the axis title: `by day`.
    #[must_use]
    pub fn singular(self) -> &'static str {
        match self {
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    /// The unit in the plural, for the status bar: `axis: days`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Unit::Hour => "hours",
            Unit::Day => "days",
            Unit::Week => "weeks",
            Unit::Month => "months",
            Unit::Year => "years",
        }
    }
}

fn local(t: i64, zone: FixedOffset) -> NaiveDateTime {
    DateTime::from_timestamp(t, 0).map_or(NaiveDateTime::MIN, |d| d.with_timezone(&zone).naive_local())
}

fn instant(d: NaiveDateTime, zone: FixedOffset) -> i64 {
    zone.from_local_datetime(&d).single().map_or(0, |d| d.timestamp())
}

/// The start of the period of `unit` containing instant `t`, seen in `zone`.
#[must_use]
pub fn floor(t: i64, unit: Unit, zone: FixedOffset) -> i64 {
    let d = local(t, zone);
    let day = d.date();
    let start = match unit {
        Unit::Hour => day.and_hms_opt(d.hour(), 0, 0),
        Unit::Day => day.and_hms_opt(0, 0, 0),
        Unit::Week => (day - Duration::days(i64::from(day.weekday().num_days_from_monday()))).and_hms_opt(0, 0, 0),
        Unit::Month => NaiveDate::from_ymd_opt(day.year(), day.month(), 1).and_then(|m| m.and_hms_opt(0, 0, 0)),
        Unit::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1).and_then(|m| m.and_hms_opt(0, 0, 0)),
    };
    start.map_or(t, |s| instant(s, zone))
}

/// The start of the period after the one starting at `t`.
#[must_use]
pub fn next(t: i64, unit: Unit, zone: FixedOffset) -> i64 {
    let d = local(t, zone);
    let n = match unit {
        Unit::Hour => Some(d + Duration::hours(1)),
        Unit::Day => Some(d + Duration::days(1)),
        Unit::Week => Some(d + Duration::weeks(1)),
        Unit::Month => d.checked_add_months(Months::new(1)),
        Unit::Year => d.checked_add_months(Months::new(12)),
    };
    n.map_or(t + 1, |n| instant(n, zone).max(t + 1))
}

/// The label of the period starting at `t`: `22:00`, `7 Feb`, `Feb 2018`, `2018`.
#[must_use]
pub fn label(t: i64, unit: Unit, zone: FixedOffset) -> String {
    let d = local(t, zone);
    match unit {
        Unit::Hour if d.hour() == 0 => d.format("%-d %b").to_string(),
        Unit::Hour => d.format("%H:%M").to_string(),
        Unit::Day | Unit::Week => d.format("%-d %b").to_string(),
        Unit::Month => d.format("%b %Y").to_string(),
        Unit::Year => d.format("%Y").to_string(),
    }
}

/// The ticks shown in `width` columns: period starts, plus the end of the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticks {
    /// The unit of each tick.
    pub unit: Unit,
    /// `bounds[i]..bounds[i + 1]` is tick `i`.
    pub bounds: Vec<i64>,
}

impl Ticks {
    /// How many ticks there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// Whether there is no tick.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first column (0-based within the axis) of tick `i`, for `width` columns;
    /// `i == len()` gives `width`. Drawing and clicks both use this.
    #[must_use]
    pub fn column(&self, i: usize, width: u16) -> u16 {
        u16::try_from(i * usize::from(width) / self.len().max(1)).unwrap_or(width)
    }

    /// The tick whose columns include `column`: the exact inverse of [`Ticks::column`].
    #[must_use]
    pub fn at_column(&self, column: u16, width: u16) -> Option<usize> {
        (column < width).then(|| (0..self.len()).rev().find(|&i| self.column(i, width) <= column)).flatten()
    }
}

/// How many periods of `unit` the span covers, counting no further than `cap`.
fn periods(span: (i64, i64), unit: Unit, zone: FixedOffset, cap: usize) -> usize {
    let mut t = floor(span.0, unit, zone);
    let mut n = 0;
    while t < span.1 && n <= cap {
        t = next(t, unit, zone);
        n += 1;
    }
    n
}

/// The finest unit whose ticks over the whole span fit `width` columns.
#[must_use]
pub fn fit(span: (i64, i64), width: u16, zone: FixedOffset) -> usize {
    UNITS
        .iter()
        .position(|&u| periods(span, u, zone, usize::from(width)) * usize::from(u.cell_width()) <= usize::from(width))
        .unwrap_or(UNITS.len() - 1)
}

/// The columns inside the axis pane's border, for a terminal `columns` wide:
/// the one place that knows the axis spans the width less its border.
#[must_use]
pub fn inner_width(columns: u16) -> u16 {
    columns.saturating_sub(2)
}

/// The unit in effect: the one the user zoomed to, else the finest whose
/// ticks over the whole span fit `width` (chosen afresh for each width).
#[must_use]
pub fn unit(app: &App, width: u16) -> Unit {
    app.zoom.unwrap_or_else(|| UNITS[fit(app.span, width, app.timeline.zone)])
}

/// The unit `d` steps finer (positive) or coarser than the one in effect, within the range.
#[must_use]
pub fn zoomed(app: &App, width: u16, d: i32) -> Unit {
    let at = UNITS.iter().position(|&u| u == unit(app, width)).unwrap_or(0) as i32;
    UNITS[(at - d).clamp(0, UNITS.len() as i32 - 1) as usize]
}

/// The ticks for `width` columns: the whole span when it fits, else a window
/// centred on the selected event.
#[must_use]
pub fn ticks(app: &App, width: u16) -> Ticks {
    let unit = unit(app, width);
    let zone = app.timeline.zone;
    let room = usize::from((width / unit.cell_width()).max(1));
    let total = periods(app.span, unit, zone, room);
    let first = floor(app.span.0, unit, zone);
    let mut start = first;
    if total > room {
        let centre = app.selected_event().map_or(app.span.0, crate::timeline::Event::start);
        start = floor(centre, unit, zone);
        for _ in 0..room / 2 {
            if start <= first {
                break;
            }
            start = floor(start - 1, unit, zone);
        }
    }
    let mut bounds = vec![start];
    for _ in 0..total.min(room) {
        let last = *bounds.last().unwrap_or(&start);
        bounds.push(next(last, unit, zone));
    }
    Ticks { unit, bounds }
}

/// What one tick holds, as the axis draws it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TickCount {
    /// Events whose whole period or range lies inside the tick.
    pub points: usize,
    /// Events starting in the tick (or, for the first tick, nowhere earlier
    /// on screen) that run past it: ranges, approximate dates, and dates
    /// coarser than the tick.
    pub spanning: usize,
    /// Whether any event that runs past its own tick covers part of this one.
    pub across: bool,
}

/// Per tick of `ticks`, its points, spanning events and whether a spanning
/// event runs across it, from binary searches over the shown events' sorted
/// starts and finishes and the running counts of [`super::tick_index`]: a
/// frame's cost follows the ticks, not the events, and the counts hold
/// whatever the order of the list.
///
/// The events starting in a tick are one run of the sorted starts; those
/// of them inside one period of the unit are its points, the rest run past
/// it (spanning). A tick is run across when one of those runs past it, or
/// when an event that started before the tick is still running at its start.
#[must_use]
pub fn certainty(app: &App, ticks: &Ticks) -> Vec<TickCount> {
    let index = app.shown.ticks();
    let starts = app.shown.sorted_starts();
    let Some(&first) = ticks.bounds.first() else { return Vec::new() };
    let mut lo = index.below(starts, first);
    ticks
        .bounds
        .windows(2)
        .map(|w| {
            let hi = index.below(starts, w[1]);
            let points = index.points(ticks.unit, lo, hi);
            let spanning = hi - lo - points;
            let across = spanning > 0 || running_at(app, lo, w[0]) > 0;
            lo = hi;
            TickCount { points, spanning, across }
        })
        .collect()
}

/// How many shown events started before `from` (the first `started` in
/// start order) and are still running then.
fn running_at(app: &App, started: usize, from: i64) -> usize {
    let finished = app.shown.ticks().below(app.shown.finishes(), from.saturating_add(1));
    started.saturating_sub(finished)
}

/// How many filtered events start in `from..to`: each event counts once, in
/// the tick where it starts, so the counts of a whole axis add up to the
/// filtered total.
#[must_use]
pub fn starting(app: &App, from: i64, to: i64) -> usize {
    let starts = app.shown.sorted_starts();
    starts.partition_point(|&s| s < to) - starts.partition_point(|&s| s < from)
}

/// How many filtered events started before `from` and are still running
/// then: the ranges and approximate dates that run into a tick starting at `from`.
#[must_use]
pub fn covering(app: &App, from: i64) -> usize {
    running_at(app, app.shown.sorted_starts().partition_point(|&s| s < from), from)
}
