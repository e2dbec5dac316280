//! Dates in words for readers: `7 February 2018`, `c. 7–14 February 2018`.
//!
//! TimelineJS formats a date itself, but it cannot say "about" or join a
//! range the way an article would, and Markdown has no dates at all; both
//! take these words. A date keeps the precision it was written with.

use crate::timeline::Event;
use crate::timeline::date::{Precision, When, month_name, offset_label};
use chrono::{Datelike, Timelike};

/// `2018`, `February 2018`, `7 February 2018` or `7 February 2018, 22:00 +02:00`.
#[must_use]
pub fn when_words(w: &When) -> String {
    let d = w.local;
    match w.precision {
        Precision::Year => d.year().to_string(),
        Precision::Month => format!("{} {}", month_name(d.month()), d.year()),
        Precision::Day => day(w),
        Precision::Minute => format!("{}, {:02}:{:02} {}", day(w), d.hour(), d.minute(), offset_label(w.offset)),
        Precision::Second => {
            format!("{}, {:02}:{:02}:{:02} {}", day(w), d.hour(), d.minute(), d.second(), offset_label(w.offset))
        }
    }
}

fn day(w: &When) -> String {
    format!("{} {} {}", w.local.day(), month_name(w.local.month()), w.local.year())
}

/// The event's date as an article writes it: a range is joined with an en
/// dash and shares what its ends share (`7–14 February 2018`,
/// `February–March 2018`), and an approximate date starts with `c.`.
#[must_use]
pub fn span_words(e: &Event) -> String {
    range_words(&e.date, e.end.as_ref(), e.approximate)
}

/// [`span_words`] of a date, an optional end and whether it is approximate.
#[must_use]
pub fn range_words(date: &When, end: Option<&When>, approximate: bool) -> String {
    let text = match end {
        None => when_words(date),
        Some(end) => range(date, end),
    };
    if approximate { format!("c. {text}") } else { text }
}

fn range(a: &When, b: &When) -> String {
    let (x, y) = (a.local, b.local);
    if a.precision != b.precision || a.has_time() {
        return if when_words(a) == when_words(b) {
            when_words(a)
        } else {
            format!("{} – {}", when_words(a), when_words(b))
        };
    }
    let same_year = x.year() == y.year();
    let same_month = same_year && x.month() == y.month();
    match a.precision {
        Precision::Year if same_year => x.year().to_string(),
        Precision::Year => format!("{}–{}", x.year(), y.year()),
        Precision::Month if same_month => when_words(a),
        Precision::Month if same_year => format!("{}–{} {}", month_name(x.month()), month_name(y.month()), x.year()),
        Precision::Day if same_month && x.day() == y.day() => when_words(a),
        Precision::Day if same_month => format!("{}–{} {} {}", x.day(), y.day(), month_name(x.month()), x.year()),
        Precision::Day if same_year => {
            format!("{} {} – {} {} {}", x.day(), month_name(x.month()), y.day(), month_name(y.month()), x.year())
        }
        _ => format!("{} – {}", when_words(a), when_words(b)),
    }
}
