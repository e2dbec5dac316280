//! Dates as a timeline file writes them: a year, a month, a day, or a time to
//! the minute or second, with or without an offset.
//!
//! A date keeps the precision it was written with, so a day is shown as a day
//! and never as midnight. For ordering, every date also has an instant: the
//! start of its period in UTC seconds, where a date without an offset is read
//! in the timeline's zone.

use chrono::{Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime, NaiveTime};
use std::fmt;

/// How precisely a date was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// `2018`
    Year,
    /// `2018-02`
    Month,
    /// `2018-02-07`
    Day,
    /// `2018-02-07T22:00`
    Minute,
    /// `2018-02-07T22:00:05`
    Second,
}

/// A date or time from the file, with the precision and offset it was written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// How precisely the file wrote it.
    pub precision: Precision,
    /// The wall-clock start of the period, in `offset`.
    pub local: NaiveDateTime,
    /// The offset `local` is in: the one written, or the timeline's.
    pub offset: FixedOffset,
    /// Whether the offset was written in the file (`Z` or `+03:00`).
    pub offset_written: bool,
}

/// Why a date could not be read; the message is shown to the user as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const FORMS: &str = "write 2018, 2018-02, 2018-02-07, 2018-02-07T22:00 or 2018-02-07T22:00:05, \
                     optionally followed by Z or an offset such as +03:00";

impl When {
    /// Parses one of the documented date forms; `zone` is the offset for
    /// times written without one (the timeline's `timezone`).
    ///
    /// # Errors
    /// A [`DateError`] saying what is wrong in plain words (an impossible day,
    /// an hour out of range, an offset out of range, or an unknown form).
    pub fn parse(text: &str, zone: FixedOffset) -> Result<When, DateError> {
        let bad_form = || DateError(format!("`{text}` is not a date: {FORMS}"));
        let (date_part, time_part) = match text.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (text, None),
        };
        let mut split = date_part.splitn(4, '-');
        let fields: [Option<&str>; 4] = [split.next(), split.next(), split.next(), split.next()];
        let year = match fields[0] {
            Some(y) if y.len() == 4 => number(y).ok_or_else(bad_form)?,
            _ => return Err(bad_form()),
        };
        let month = match fields[1] {
            Some(m) if m.len() == 2 => Some(number(m).ok_or_else(bad_form)?),
            Some(_) => return Err(bad_form()),
            None => None,
        };
        let day = match fields[2] {
            Some(d) if d.len() == 2 => Some(number(d).ok_or_else(bad_form)?),
            Some(_) => return Err(bad_form()),
            None => None,
        };
        if fields[3].is_some() || (time_part.is_some() && day.is_none()) {
            return Err(bad_form());
        }
        if let Some(m) = month.filter(|m| !(1..=12).contains(m)) {
            return Err(DateError(format!("`{text}` is not a date: month {m} is not 01 to 12")));
        }
        let first = NaiveDate::from_ymd_opt(year as i32, month.unwrap_or(1), day.unwrap_or(1));
        let Some(date) = first else {
            let last = days_in_month(year as i32, month.unwrap_or(1));
            let name = month_name(month.unwrap_or(1));
            return Err(DateError(format!("`{text}` is not a date: {name} {year} has {last} days")));
        };
        let (precision, time, offset) = match time_part {
            None => {
                let p = match (month, day) {
                    (None, _) => Precision::Year,
                    (Some(_), None) => Precision::Month,
                    (Some(_), Some(_)) => Precision::Day,
                };
                (p, NaiveTime::MIN, None)
            }
            Some(t) => parse_time(text, t)?,
        };
        Ok(When {
            precision,
            local: date.and_time(time),
            offset: offset.unwrap_or(zone),
            offset_written: offset.is_some(),
        })
    }

    /// The start of the period in seconds since the Unix epoch: the sort key.
    #[must_use]
    pub fn instant(&self) -> i64 {
        self.local.and_utc().timestamp() - i64::from(self.offset.local_minus_utc())
    }

    /// The end of the period (exclusive) in seconds since the Unix epoch:
    /// the next year, month, day, minute or second.
    #[must_use]
    pub fn period_end(&self) -> i64 {
        let next = match self.precision {
            Precision::Year => self.local.checked_add_months(Months::new(12)),
            Precision::Month => self.local.checked_add_months(Months::new(1)),
            Precision::Day => self.local.checked_add_signed(Duration::days(1)),
            Precision::Minute => self.local.checked_add_signed(Duration::minutes(1)),
            Precision::Second => self.local.checked_add_signed(Duration::seconds(1)),
        };
        let next = next.unwrap_or(self.local);
        next.and_utc().timestamp() - i64::from(self.offset.local_minus_utc())
    }

    /// Whether the date carries a time of day.
    #[must_use]
    pub fn has_time(&self) -> bool {
        self.precision >= Precision::Minute
    }

    /// The wall-clock time of the start, seen in `zone`.
    #[must_use]
    pub fn in_zone(&self, zone: FixedOffset) -> NaiveDateTime {
        let utc = self.local - Duration::seconds(i64::from(self.offset.local_minus_utc()));
        utc + Duration::seconds(i64::from(zone.local_minus_utc()))
    }

    /// The calendar day the date falls on, seen in `zone` (a date without a
    /// time keeps its own day).
    #[must_use]
    pub fn day_in(&self, zone: FixedOffset) -> NaiveDate {
        if self.has_time() { self.in_zone(zone).date() } else { self.local.date() }
    }

    /// The date written out in words with the precision it was written with:
    /// `2018`, `February 2018`, `Wednesday 7 February 2018`, or with a time,
    /// `Wednesday 7 February 2018, 22:00 +03:00`.
    #[must_use]
    pub fn long(&self) -> String {
        let d = self.local;
        match self.precision {
            Precision::Year => format!("{}", d.year()),
            Precision::Month => format!("{} {}", month_name(d.month()), d.year()),
            Precision::Day => d.format("%A %-d %B %Y").to_string(),
            Precision::Minute => format!("{} {}", d.format("%A %-d %B %Y, %H:%M"), offset_label(self.offset)),
            Precision::Second => format!("{} {}", d.format("%A %-d %B %Y, %H:%M:%S"), offset_label(self.offset)),
        }
    }
}

fn parse_time(text: &str, t: &str) -> Result<(Precision, NaiveTime, Option<FixedOffset>), DateError> {
    let bad_form = || DateError(format!("`{text}` is not a date: {FORMS}"));
    let (clock, offset) = if let Some(c) = t.strip_suffix('Z') {
        (c, Some(FixedOffset::east_opt(0).ok_or_else(bad_form)?))
    } else if let Some(pos) = t.find(['+', '-']) {
        (&t[..pos], Some(parse_offset(&t[pos..]).map_err(|e| DateError(format!("`{text}`: {e}")))?))
    } else {
        (t, None)
    };
    let mut parts = clock.splitn(4, ':');
    // Outer None: the part is absent; inner None: present but not two digits.
    let mut field = || parts.next().map(|p| if p.len() == 2 { number(p) } else { None });
    let (h, m, s, extra) = (field(), field(), field(), parts.next());
    let (Some(Some(h)), Some(Some(m)), None | Some(Some(_)), None) = (h, m, s, extra) else {
        return Err(bad_form());
    };
    let with_seconds = s.is_some();
    let s = s.flatten().unwrap_or(0);
    let time = NaiveTime::from_hms_opt(h, m, s).ok_or_else(|| {
        DateError(format!("`{text}`: {clock} is not a time of day: hours run 00-23, minutes and seconds 00-59"))
    })?;
    let precision = if with_seconds { Precision::Second } else { Precision::Minute };
    Ok((precision, time, offset))
}

/// Parses an offset: `Z`, `UTC`, `+03:00`, `-05:30`.
///
/// # Errors
/// A message when the form is wrong or the offset lies outside -12:00..+14:00.
pub fn parse_offset(text: &str) -> Result<FixedOffset, DateError> {
    if text == "Z" || text == "UTC" {
        return FixedOffset::east_opt(0).ok_or_else(|| DateError("zero offset".into()));
    }
    let bad = || DateError(format!("`{text}` is not an offset: write Z or one such as +03:00 or -05:30"));
    let sign = match text.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Err(bad()),
    };
    let (h, m) = text[1..].split_once(':').ok_or_else(bad)?;
    if h.len() != 2 || m.len() != 2 {
        return Err(bad());
    }
    let (h, m) = (number(h).ok_or_else(bad)?, number(m).ok_or_else(bad)?);
    let minutes = sign * (h as i32 * 60 + m as i32);
    if m > 59 || !(-12 * 60..=14 * 60).contains(&minutes) {
        return Err(DateError(format!("offset {text} is out of range: offsets run from -12:00 to +14:00")));
    }
    FixedOffset::east_opt(minutes * 60).ok_or_else(bad)
}

/// `+03:00`, `-05:30`, or `UTC` for a zero offset.
#[must_use]
pub fn offset_label(offset: FixedOffset) -> String {
    let secs = offset.local_minus_utc();
    if secs == 0 {
        return "UTC".into();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let mins = secs.abs() / 60;
    format!("{sign}{:02}:{:02}", mins / 60, mins % 60)
}

fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some()).unwrap_or(28)
}

/// The English name of a month, 1 to 12.
#[must_use]
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES.get(month.wrapping_sub(1) as usize).copied().unwrap_or("?")
}

#[cfg(test)]
#[path = "date_tests.rs"]
mod tests;
