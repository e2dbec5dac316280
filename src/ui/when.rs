//! How dates read on screen: the list's short time column, group headings,
//! and the detail pane's full description. Precision is never invented: a
//! day shows no time, a month no day; and no part a reader needs is left
//! out: a label names every part in which it differs from its context.

use crate::app::group;
use crate::timeline::date::{Precision, When, offset_label};
use crate::timeline::{Event, Timeline};
use chrono::{Datelike, FixedOffset, NaiveDateTime};

/// The list's time column: `22:00` for a time (in the timeline's zone),
/// nothing for a date alone, `8–13 Feb` for a range, `~` before an approximate
/// date, which names what is known of it (`~Mar`, `~7 Feb`), never a lone `~`.
#[must_use]
pub fn short(e: &Event, zone: FixedOffset) -> String {
    let start = e.date;
    let body = match e.end {
        Some(end) => range(&start, &end, zone),
        None if start.has_time() => clock(&start, zone),
        None if e.approximate => {
            let t = start.day_in(zone).and_time(chrono::NaiveTime::MIN);
            let fmt = match start.precision {
                Precision::Year => "%Y",
                Precision::Month => "%b",
                _ => "%-d %b",
            };
            t.format(fmt).to_string()
        }
        None => String::new(),
    };
    if e.approximate { format!("~{body}") } else { body }
}

fn clock(w: &When, zone: FixedOffset) -> String {
    let t = w.in_zone(zone);
    let fmt = if w.precision == Precision::Second { "%H:%M:%S" } else { "%H:%M" };
    t.format(fmt).to_string()
}

fn day_month(t: NaiveDateTime) -> String {
    t.format("%-d %b").to_string()
}

/// A range in the list's time column. The row sits under a heading naming
/// the start's day (or month, or year), so the label may leave out what the
/// heading says, never a part in which the two ends differ: a range across
/// years names both years.
fn range(a: &When, b: &When, zone: FixedOffset) -> String {
    let (da, db) = (a.day_in(zone), b.day_in(zone));
    if a.has_time() && b.has_time() && da == db {
        return format!("{}–{}", clock(a, zone), clock(b, zone));
    }
    let (ta, tb) = (da.and_time(chrono::NaiveTime::MIN), db.and_time(chrono::NaiveTime::MIN));
    let same_year = da.year() == db.year();
    match (a.precision, b.precision) {
        (Precision::Year, _) | (_, Precision::Year) if same_year => ta.format("%Y").to_string(),
        (Precision::Year, _) | (_, Precision::Year) => format!("{}–{}", ta.format("%Y"), tb.format("%Y")),
        (Precision::Month, _) | (_, Precision::Month) if same_year => {
            format!("{}–{}", ta.format("%b"), tb.format("%b %Y"))
        }
        (Precision::Month, _) | (_, Precision::Month) => format!("{}–{}", ta.format("%b %Y"), tb.format("%b %Y")),
        _ if !same_year => format!("{}–{}", ta.format("%-d %b %Y"), tb.format("%-d %b %Y")),
        _ if da.month() == db.month() => format!("{}–{}", ta.format("%-d"), day_month(tb)),
        _ => format!("{}–{}", day_month(ta), day_month(tb)),
    }
}

/// The heading of the group that `e` opens (see [`group::heading`]).
#[must_use]
pub fn heading(e: &Event, zone: FixedOffset) -> String {
    group::heading(e, zone)
}

/// The detail pane's date lines: when, as written (with its zone), converted
/// to the timeline's zone when the offset differs, the precision, and the day
/// relative to the first event (`earliest`, the event starting first).
#[must_use]
pub fn describe(t: &Timeline, e: &Event, earliest: Option<&Event>) -> Vec<String> {
    let zone = t.zone;
    let mut out = Vec::new();
    let written = match e.end {
        Some(end) => format!("{} to {}", e.date.long(), end.long()),
        None => e.date.long(),
    };
    out.push(written);
    for w in std::iter::once(&e.date).chain(e.end.as_ref()) {
        if w.has_time() && w.offset != zone {
            // The day too when the zones disagree on it: 01:00+14:00 on
            // 1 January is 11:00 UTC on 31 December.
            let seen = if w.in_zone(zone).date() == w.local.date() {
                clock(w, zone)
            } else {
                format!("{}, {}", w.in_zone(zone).format("%A %-d %B %Y"), clock(w, zone))
            };
            out.push(format!("= {seen} in the timeline's zone ({})", offset_label(zone)));
        }
    }
    let precision = match e.date.precision {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
        Precision::Minute => "minute",
        Precision::Second => "second",
    };
    let mut facts = vec![format!("precision: {precision}")];
    if e.approximate {
        facts.push(if e.end.is_some() { "approximate: somewhere in this range".into() } else { "approximate".into() });
    }
    // Counted from the earliest event's day, and said so; not when either
    // date is coarser than a day (there is no day to count).
    if let Some(first) = earliest.filter(|f| e.date.precision >= Precision::Day && f.date.precision >= Precision::Day) {
        let day = first.date.day_in(zone);
        let n = (e.date.day_in(zone) - day).num_days() + 1;
        facts.push(format!("day {n} since {}, the first event", day.format("%-d %b %Y")));
    }
    out.push(facts.join(" · "));
    out
}

#[cfg(test)]
#[path = "when_tests.rs"]
mod tests;
