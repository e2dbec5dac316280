//! As-of tests: when things became public, and the cursor typed in every
//! date form and stepped by axis units.

use super::*;
use crate::timeline::limits::Limits;

fn load(text: &str) -> Timeline {
    crate::timeline::load_bytes("t.yaml", text.as_bytes(), &Limits::default()).expect("valid")
}

fn zone() -> FixedOffset {
    FixedOffset::east_opt(2 * 3600).expect("offset")
}

fn at(text: &str) -> i64 {
    parse(text, zone()).expect("date")
}

/// One event of each kind, in a `+02:00` timeline.
const FILE: &str = "title: T\ntimezone: \"+02:00\"\nactors: [{id: a, name: A}]\nsources:\n  - {id: none, title: No date}\n  - {id: feb10, title: F, published: 2018-02-10}\n  - {id: feb12, title: G, published: 2018-02-12T09:30}\n  - {id: march, title: M, published: 2018-03}\nevents:\n  - {id: own-date, date: 2018-02-07T22:00, title: A, sources: [none]}\n  - {id: published, date: 2018-02-07, title: B, sources: [feb12, feb10]}\n  - {id: reported, date: 2018-02-07, reported: 2018-02-13, title: C, sources: [feb10]}\n  - {id: month, date: 2018-02, title: D, sources: [march]}\n  - id: said\n    date: 2018\n    title: E\n    quotes:\n      - {by: a, text: q1, source: none, date: 2018-02-09}\n      - {by: a, text: q2, source: feb12}\n      - {by: a, text: q3, source: none}\n    claims:\n      - {about: x, value: '1', by: a, source: none, date: 2018-02-11}\n      - {about: x, value: '2', by: a, source: march, date: 2018-02-01}\n      - {about: x, value: '3', by: a, source: none}\n";

fn publics() -> Vec<(String, i64)> {
    let t = load(FILE);
    t.events.iter().map(|e| (e.id.to_string(), event_public(&t, e))).collect()
}

fn public_of(id: &str) -> i64 {
    publics().into_iter().find(|(i, _)| i == id).map(|(_, p)| p).expect("event")
}

#[test]
fn an_event_is_public_from_reported_else_earliest_published_else_its_date() {
    assert_eq!(public_of("own-date"), at("2018-02-07T22:00") - 60);
    assert_eq!(public_of("published"), at("2018-02-10") - 86_400);
    assert_eq!(public_of("reported"), at("2018-02-13") - 86_400);
    assert_eq!(public_of("month"), at("2018-03") - 31 * 86_400);
    assert_eq!(public_of("said"), at("2018") - 365 * 86_400);
}

#[test]
fn quotes_and_claims_are_public_from_their_source_else_their_date_else_their_event() {
    let t = load(FILE);
    let e = t.events.iter().find(|e| &*e.id == "said").expect("event");
    let q: Vec<i64> = e.quotes.iter().map(|q| quote_public(&t, e, q)).collect();
    assert_eq!(q, [at("2018-02-09") - 86_400, at("2018-02-12T09:30") - 60, event_public(&t, e)]);
    let c: Vec<i64> = e.claims.iter().map(|c| claim_public(&t, e, c)).collect();
    assert_eq!(c, [at("2018-02-11") - 86_400, at("2018-03") - 31 * 86_400, event_public(&t, e)]);
}

#[test]
fn the_cursor_stands_at_the_end_of_the_period_typed_in_every_form() {
    let z = zone();
    let ymd = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let local = |y, m, d, h, mi, s| {
        ymd(y, m, d).and_hms_opt(h, mi, s).expect("time").and_local_timezone(z).single().expect("t").timestamp()
    };
    assert_eq!(at("2018"), local(2019, 1, 1, 0, 0, 0));
    assert_eq!(at("2018-02"), local(2018, 3, 1, 0, 0, 0));
    assert_eq!(at("2018-02-08"), local(2018, 2, 9, 0, 0, 0));
    assert_eq!(at("2018-02-08T14:00"), local(2018, 2, 8, 14, 1, 0));
    assert_eq!(at("2018-02-08T14:00:30"), local(2018, 2, 8, 14, 0, 31));
    assert_eq!(at("2018-02-08T12:00Z"), local(2018, 2, 8, 14, 1, 0));
    assert_eq!(at(" 2018-02-08 "), local(2018, 2, 9, 0, 0, 0));
    assert!(parse("8 Feb", z).is_err());
    assert_eq!(
        (label(at("2018-02-08"), z), label(at("2018-02-08T14:00"), z)),
        ("8 Feb 2018".into(), "8 Feb 2018 14:01".into())
    );
}

#[test]
fn hidden_until_public_as_of_each_day() {
    let t = load(FILE);
    let public = all_public(&t);
    let shown = |cursor: &str| -> Vec<String> {
        let asof = AsOf { at: Some(at(cursor)), public: public.clone(), ..AsOf::default() };
        let mut v: Vec<u32> = (0..5).collect();
        asof.retain_public(&mut v);
        v.iter().map(|&i| t.events[i as usize].id.to_string()).collect()
    };
    assert_eq!(shown("2017"), Vec::<String>::new());
    assert_eq!(shown("2018-01"), ["said"]);
    assert_eq!(shown("2018-02-07T21:59"), ["said"]);
    assert_eq!(shown("2018-02-07T22:00"), ["said", "own-date"]);
    assert_eq!(shown("2018-02-09"), ["said", "own-date"]);
    assert_eq!(shown("2018-02-10"), ["said", "published", "own-date"]);
    assert_eq!(shown("2018-02-13"), ["said", "published", "reported", "own-date"]);
    assert_eq!(shown("2018-03").len(), 5);
    let mut dimmed = AsOf { at: Some(at("2017")), dim: true, public, ..AsOf::default() };
    let mut v: Vec<u32> = (0..5).collect();
    dimmed.retain_public(&mut v);
    assert_eq!(v.len(), 5, "dimmed, not hidden");
    assert!(dimmed.event_is_future(0));
    dimmed.at = None;
    assert!(!dimmed.event_is_future(0), "no cursor: nothing is in the future");
}

#[test]
fn stepping_snaps_to_period_boundaries() {
    let z = zone();
    let day = at("2018-02-08");
    assert_eq!(step(day, Unit::Day, z, 1), at("2018-02-09"));
    assert_eq!(step(day, Unit::Day, z, -1), at("2018-02-07"));
    let inside = at("2018-02-08T14:00");
    assert_eq!(step(inside, Unit::Day, z, 1), at("2018-02-08"));
    assert_eq!(step(inside, Unit::Day, z, -1), at("2018-02-07"));
    assert_eq!(step(day, Unit::Month, z, 1), at("2018-02"));
    assert_eq!(step(at("2018-02"), Unit::Month, z, -1), at("2018-01"));
}
