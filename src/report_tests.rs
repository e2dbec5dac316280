//! Report tests: the bundled timeline and a fixture with one event of each
//! sourcing situation.

use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::{BUNDLED, load_bytes};

const FIXTURE: &str = include_str!("../tests/fixtures/report-sourcing.yaml");

fn report(text: &str, name: &str) -> Vec<String> {
    let t = load_bytes(name, text.as_bytes(), &Limits::default()).expect("valid");
    lines(&t, name)
}

#[test]
fn the_fixture_reports_each_finding_on_its_own_line() {
    let r = report(FIXTURE, "f.yaml");
    assert_eq!(
        r,
        [
            "f.yaml: single-source: event `speech` “Mayor speaks␛[2J at the square” rests only on source `paper`",
            "f.yaml: no-source: event `rumour` “Rumoured second march” cites no source",
            "f.yaml: disputed: claims about `Crowd size` disagree: “about 5,000” (Police spokesperson, source `wire`); “20,000” (Union, source `paper`)",
            "f.yaml: undated-quote: event `speech`: quote by The mayor has no date: “We heard you, and we will act on every one of the …”",
            "f.yaml: source: `paper` “Morning paper”: 6 facts rest on it (2 events, 2 quotes, 2 claims)",
            "f.yaml: source: `wire` “Wire copy”: 2 facts rest on it (1 event, 0 quotes, 1 claim)",
            "f.yaml: source: `unused` “Never cited”: 0 facts rest on it (0 events, 0 quotes, 0 claims)",
            "f.yaml: summary: 3 events: 1 on a single source, 1 with none; 1 disputed subject; 1 undated quote; 3 sources",
        ]
    );
    assert!(r.iter().all(|l| !l.chars().any(char::is_control)));
}

#[test]
fn the_bundled_report_names_its_single_source_and_the_disputed_toll() {
    let r = report(BUNDLED, "b.yaml");
    let count = |kind: &str| r.iter().filter(|l| l.starts_with(&format!("b.yaml: {kind}: "))).count();
    let t = load_bytes("b", BUNDLED.as_bytes(), &Limits::default()).expect("valid");
    assert_eq!(count("single-source"), t.events.len(), "every event rests on the one article");
    assert_eq!((count("no-source"), count("disputed"), count("undated-quote")), (0, 1, t.quote_count()));
    let disputed = r.iter().find(|l| l.contains("disputed:")).expect("a dispute");
    assert!(disputed.starts_with("b.yaml: disputed: claims about `deaths` disagree: "), "{disputed}");
    assert!(disputed.contains("; “about 100” (US official (unnamed), source `seed`); "), "{disputed}");
    assert!(disputed.contains("“up to 200 Russian fighters”") && disputed.contains("“More than 200 contract soldiers"));
    assert!(
        r.iter().any(|l| l.starts_with("b.yaml: source: `seed` ")
            && l.contains(&format!("({} events, {} quotes, 5 claims)", t.events.len(), t.quote_count()))),
        "{r:#?}"
    );
    assert!(r.last().is_some_and(|l| l.starts_with("b.yaml: summary: ")));
}

#[test]
fn run_prints_the_report_or_the_problems() {
    let mut out = Vec::new();
    assert_eq!(run(None, &Limits::default(), &mut out), 0);
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.starts_with("(bundled) deir-ez-zor-2018.yaml: single-source: "), "{text}");
    let tmp = tempfile::Builder::new().prefix("tlview-report-").tempdir().expect("temp dir");
    let dir = tmp.path();
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "title: T\nevents:\n  - {id: a, date: 2018-13, title: A}\n").expect("write");
    let mut out = Vec::new();
    assert_eq!(run(Some(&bad), &Limits::default(), &mut out), 1);
    assert!(String::from_utf8_lossy(&out).contains("bad.yaml:3:19:"));
}

#[test]
fn counts_agree_with_their_nouns() {
    assert_eq!(
        (plural(0, "event"), plural(1, "event"), plural(2, "event")),
        ("0 events".into(), "1 event".into(), "2 events".into())
    );
    let r = report(
        "title: T\nsources: [{id: s, title: S}]\nevents: [{id: e, date: 2018, title: E, sources: [s]}]\n",
        "one.yaml",
    );
    assert_eq!(
        r,
        [
            "one.yaml: single-source: event `e` “E” rests only on source `s`",
            "one.yaml: source: `s` “S”: 1 fact rests on it (1 event, 0 quotes, 0 claims)",
            "one.yaml: summary: 1 event: 1 on a single source, 0 with none; 0 disputed subjects; 0 undated quotes; 1 source",
        ]
    );
}
