//! Date labels: every part that differs from the context is shown, and
//! headings state an event's real extent.

use super::{describe, heading, short};
use crate::timeline::limits::Limits;
use crate::timeline::{Timeline, load_bytes};

fn timeline(events: &str) -> Timeline {
    let text = format!("title: T\nevents:\n{events}");
    load_bytes("t.yaml", text.as_bytes(), &Limits::default()).expect("valid")
}

fn one(event: &str) -> Timeline {
    timeline(&format!("  - {{id: a, title: A, {event}}}\n"))
}

#[test]
fn ranges_across_years_name_both_years() {
    let t = one("date: 1900-03-05, end: 2000-03-07");
    assert_eq!(short(&t.events[0], t.zone), "5 Mar 1900–7 Mar 2000");
    let t = one("date: 2019-12-31, end: 2021-01-01");
    assert_eq!(short(&t.events[0], t.zone), "31 Dec 2019–1 Jan 2021");
    let t = one("date: 2019-11, end: 2020-02");
    assert_eq!(short(&t.events[0], t.zone), "Nov 2019–Feb 2020");
}

#[test]
fn ranges_within_a_year_stay_short() {
    let t = one("date: 2018-02-07, end: 2018-02-14");
    assert_eq!(short(&t.events[0], t.zone), "7–14 Feb");
    let t = one("date: 2018-02-27, end: 2018-03-02");
    assert_eq!(short(&t.events[0], t.zone), "27 Feb–2 Mar");
}

#[test]
fn the_conversion_names_the_day_when_the_offset_crosses_midnight() {
    let t = one("date: '2020-01-01T01:00+14:00'");
    let lines = describe(&t, &t.events[0], t.events.iter().min_by_key(|e| e.start()));
    assert!(lines.iter().any(|l| l == "= Tuesday 31 December 2019, 11:00 in the timeline's zone (UTC)"), "{lines:?}");
    let t = one("date: '2020-01-01T15:00+03:00'");
    let lines = describe(&t, &t.events[0], t.events.iter().min_by_key(|e| e.start()));
    assert!(lines.iter().any(|l| l == "= 12:00 in the timeline's zone (UTC)"), "{lines:?}");
}

#[test]
fn headings_state_the_real_extent() {
    let t = one("date: 2018-02-07, end: 2018-02-14, approximate: true");
    assert_eq!(heading(&t.events[0], t.zone), "7–14 February 2018 · exact day unknown");
    let t = one("date: 2021-03");
    assert_eq!(heading(&t.events[0], t.zone), "March 2021 · day unknown");
    let t = one("date: 2021");
    assert_eq!(heading(&t.events[0], t.zone), "2021 · month unknown");
    let t = one("date: 2018-02-07, end: 2018-02-14");
    assert_eq!(heading(&t.events[0], t.zone), "Wednesday 7 February 2018", "a certain range is listed where it begins");
    let t = one("date: 2018-12-30, end: 2019-01-02, approximate: true");
    assert_eq!(heading(&t.events[0], t.zone), "30 December 2018 – 2 January 2019 · exact day unknown");
}

#[test]
fn day_numbers_say_what_they_count_from() {
    let t = timeline("  - {id: a, date: 2018-02-07, title: A}\n  - {id: b, date: 2018-02-11, title: B}\n");
    let lines = describe(&t, &t.events[1], t.events.iter().min_by_key(|e| e.start()));
    assert!(lines.iter().any(|l| l.ends_with("day 5 since 7 Feb 2018, the first event")), "{lines:?}");
    let t = timeline("  - {id: a, date: 2018-01, title: A}\n  - {id: b, date: 2018-02-11, title: B}\n");
    let lines = describe(&t, &t.events[1], t.events.iter().min_by_key(|e| e.start()));
    assert!(!lines.iter().any(|l| l.contains("since")), "no day to count from: {lines:?}");
}

#[test]
fn an_approximate_date_names_what_is_known_not_a_lone_tilde() {
    let t = one("date: 2021-03, approximate: true");
    assert_eq!(short(&t.events[0], t.zone), "~Mar");
    let t = one("date: 2021-03-07, approximate: true");
    assert_eq!(short(&t.events[0], t.zone), "~7 Mar");
    let t = one("date: 2021, approximate: true");
    assert_eq!(short(&t.events[0], t.zone), "~2021");
    let t = one("date: 2021-03-07");
    assert_eq!(short(&t.events[0], t.zone), "");
}
