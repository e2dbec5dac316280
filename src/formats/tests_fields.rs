//! Round trips and exports of the fields beyond the facts: display dates,
//! media, status, notes, claims, the newer source fields, and named periods.

use super::import::{self, Kind};
use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::load_bytes;

fn load(yaml: &str) -> Timeline {
    match load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()) {
        Ok(t) => t,
        Err(e) => panic!("{e}\n{yaml}"),
    }
}

fn import(kind: Kind, text: &str) -> Timeline {
    let yaml = import::to_yaml(kind, "in", text.as_bytes()).expect("converts").yaml;
    load(&yaml)
}

const RICH: &str = r#"
title: Rich
actors:
  - {id: ana, name: Ana Novak}
  - {id: ministry, name: The Ministry}
sources:
  - {id: gz, title: Bridge report, publisher: Gazette, url: "https://example.org/a", author: Jo Reporter,
     archive: "https://web.archive.org/web/2020/https://example.org/a"}
periods:
  - {id: works, title: Works on the bridge, date: 1991-03, end: 1992-12}
  - {id: y93, title: The year after, date: 1993}
events:
  - id: closed
    date: 1991-03-04
    title: Bridge closed
    display_date: early hours of 4 March
    status: disputed
    notes: Ask the ministry for the order.
    sources: [gz]
    media:
      - {url: "https://example.org/p.jpg", caption: The closed bridge, credit: AP}
      - {url: "https://example.org/v.mp4"}
    claims:
      - {about: cars, value: about 100, by: ministry, source: gz}
      - {about: cars, value: more than 300, by: ana, source: gz, context: On radio}
  - {id: plain, date: 1993-06, title: Plain event, status: confirmed}
"#;

fn opts(group_by: GroupBy, notes: bool) -> Options {
    Options { group_by, notes }
}

#[test]
fn timelinejs_carries_media_display_date_status_claims_eras_and_sources() {
    let t = load(RICH);
    let json = export(&t, Format::TimelineJs, opts(GroupBy::Status, false)).expect("exports");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let e = &v["events"][0];
    assert_eq!(e["display_date"], "early hours of 4 March");
    assert_eq!(e["start_date"], serde_json::json!({"year": 1991, "month": 3, "day": 4}));
    assert_eq!(
        e["media"],
        serde_json::json!({"url": "https://example.org/p.jpg", "caption": "The closed bridge", "credit": "AP"})
    );
    assert_eq!(e["group"], "disputed");
    assert_eq!(v["events"][1]["group"], "confirmed");
    assert_eq!(v["events"][1]["display_date"], "June 1993");
    let text = e["text"]["text"].as_str().expect("text");
    for part in [
        "Status: disputed",
        "Claims:",
        "cars: “about 100” — The Ministry",
        "On radio",
        "Jo Reporter, Gazette",
        "archived",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    assert!(!text.contains("Ask the ministry"), "notes are internal: {text}");
    assert_eq!(v["eras"][0]["text"]["headline"], "Works on the bridge");
    assert_eq!(v["eras"][0]["end_date"], serde_json::json!({"year": 1992, "month": 12}));
    // TimelineJS refuses an era whose end equals its start: a year ends on 31 December.
    // And it compares only the parts the start has: the start gets the end's.
    assert_eq!(v["eras"][1]["start_date"], serde_json::json!({"year": 1993, "month": 1, "day": 1}));
    assert_eq!(v["eras"][1]["end_date"], serde_json::json!({"year": 1993, "month": 12, "day": 31}));
    let with = export(&t, Format::TimelineJs, opts(GroupBy::None, true)).expect("exports");
    assert!(with.contains("Editorial note:") && with.contains("Ask the ministry for the order."), "{with}");
}

#[test]
fn timelinejs_round_trip_keeps_the_new_fields() {
    let t = load(RICH);
    let json = export(&t, Format::TimelineJs, opts(GroupBy::None, true)).expect("exports");
    let back = import(Kind::Json, &json);
    let (a, b) = (&t.events[0], &back.events[0]);
    assert_eq!(b.display_date, a.display_date);
    assert_eq!(b.status, a.status);
    assert_eq!(b.notes, a.notes);
    assert_eq!(b.media.first(), a.media.first());
    assert_eq!(back.events[1].status, t.events[1].status);
    // A display date that was only the date in words is not invented.
    assert_eq!(back.events[1].display_date, None);
    let periods = |t: &Timeline| -> Vec<(String, String, i64, i64)> {
        t.periods.iter().map(|p| (p.id.clone(), p.title.clone(), p.start(), p.finish())).collect()
    };
    assert_eq!(periods(&back), periods(&t));
    // Without --notes, notes stay out of the published file.
    let json = export(&t, Format::TimelineJs, Options::default()).expect("exports");
    assert_eq!(import(Kind::Json, &json).events[0].notes, None);
}

#[test]
fn csv_round_trip_keeps_media_display_date_status_and_periods() {
    let t = load(RICH);
    let csv = export(&t, Format::Csv, opts(GroupBy::Status, false)).expect("exports");
    assert!(csv.contains(",era,"), "{csv}");
    let back = import(Kind::Csv, &csv);
    let (a, b) = (&t.events[0], &back.events[0]);
    assert_eq!(b.display_date, a.display_date);
    assert_eq!(b.media.first(), a.media.first());
    assert_eq!(b.status, a.status);
    assert_eq!(back.tags, ["disputed", "confirmed"], "the Group column reads back as a tag");
    assert_eq!(back.periods.len(), 2);
    assert_eq!(back.periods[0].title, "Works on the bridge");
    assert_eq!((back.periods[1].start(), back.periods[1].finish()), (t.periods[1].start(), t.periods[1].finish()));
}

#[test]
fn markdown_lists_claims_media_status_display_date_and_notes_only_when_asked() {
    let t = load(RICH);
    let md = export(&t, Format::Markdown, Options::default()).expect("exports");
    for part in [
        "*4 March 1991* (early hours of 4 March) · **disputed**",
        "Claims:\n\n- cars: “about 100” — **The Ministry** [1]\n- cars: “more than 300” — **Ana Novak** (On radio) [1]",
        "- [The closed bridge](<https://example.org/p.jpg>) — AP",
        "- [https://example.org/v.mp4](<https://example.org/v.mp4>)",
        "- **Works on the bridge**, March 1991 – December 1992",
        "1. Jo Reporter, Gazette, *Bridge report*, <https://example.org/a>, archived <https://web.archive.org/",
    ] {
        assert!(md.contains(part), "{part}\n---\n{md}");
    }
    assert!(!md.contains("Ask the ministry"), "{md}");
    let md = export(&t, Format::Markdown, opts(GroupBy::None, true)).expect("exports");
    assert!(md.contains("> **Editorial note:** Ask the ministry for the order."), "{md}");
}
