//! How dates read on screen: the list's short time column, group headings,
//! and the detail pane's full description. Precision is never invented: a
//! day shows no time, a month no day.

use crate::timeline::date::{Precision, When, offset_label};
use crate::timeline::{Event, Timeline};
use chrono::{FixedOffset, NaiveDateTime};

/// The list's time column: `22:00` for a time (in the timeline's zone),
/// nothing for a date alone, `8–13 Feb` for a range, `~` before an approximate date.
#[must_use]
pub fn short(e: &Event, zone: FixedOffset) -> String {
    let approx = if e.approximate { "~" } else { "" };
    let start = e.date;
    let body = match e.end {
        Some(end) => range(&start, &end, zone),
        None if start.has_time() => clock(&start, zone),
        None => String::new(),
    };
    format!("{approx}{body}")
}

fn clock(w: &When, zone: FixedOffset) -> String {
    let t = w.in_zone(zone);
    let fmt = if w.precision == Precision::Second { "%H:%M:%S" } else { "%H:%M" };
    t.format(fmt).to_string()
}

fn day_month(t: NaiveDateTime) -> String {
    t.format("%-d %b").to_string()
}

fn range(a: &When, b: &When, zone: FixedOffset) -> String {
    let (da, db) = (a.day_in(zone), b.day_in(zone));
    if a.has_time() && b.has_time() && da == db {
        return format!("{}–{}", clock(a, zone), clock(b, zone));
    }
    let (ta, tb) = (da.and_time(chrono::NaiveTime::MIN), db.and_time(chrono::NaiveTime::MIN));
    match (a.precision, b.precision) {
        (Precision::Year, _) | (_, Precision::Year) => format!("{}–{}", ta.format("%Y"), tb.format("%Y")),
        (Precision::Month, _) | (_, Precision::Month) => format!("{}–{}", ta.format("%b"), tb.format("%b %Y")),
        _ if ta.format("%m%Y").to_string() == tb.format("%m%Y").to_string() => {
            format!("{}–{}", ta.format("%-d"), day_month(tb))
        }
        _ => format!("{}–{}", day_month(ta), day_month(tb)),
    }
}

/// The heading of the group that `e` opens: the day with its weekday, or the month or year.
#[must_use]
pub fn heading(e: &Event, zone: FixedOffset) -> String {
    let day = e.date.day_in(zone);
    match e.date.precision {
        Precision::Year => day.format("%Y").to_string(),
        Precision::Month => day.format("%B %Y").to_string(),
        _ => day.format("%A %-d %B %Y").to_string(),
    }
}

/// The detail pane's date lines: when, as written (with its zone), converted
/// to the timeline's zone when the offset differs, the precision, and the day
/// relative to the first event.
#[must_use]
pub fn describe(t: &Timeline, e: &Event) -> Vec<String> {
    let zone = t.zone;
    let mut out = Vec::new();
    let written = match e.end {
        Some(end) => format!("{} to {}", e.date.long(), end.long()),
        None => e.date.long(),
    };
    out.push(written);
    for w in std::iter::once(&e.date).chain(e.end.as_ref()) {
        if w.has_time() && w.offset != zone {
            out.push(format!("= {} in the timeline's zone ({})", clock(w, zone), offset_label(zone)));
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
    if let Some(first) = t.events.first().filter(|_| e.date.precision >= Precision::Day) {
        let n = (e.date.day_in(zone) - first.date.day_in(zone)).num_days() + 1;
        facts.push(format!("day {n}"));
    }
    out.push(facts.join(" · "));
    out
}
