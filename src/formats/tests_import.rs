//! Tests of the import's defences: ids that need numbering after being cut
//! short, hostile HTML that must cost linear work, and many links.

use super::import::{self, Kind};
use crate::timeline::limits::Limits;
use crate::timeline::load_bytes;

fn converts(kind: Kind, text: &str) -> crate::timeline::Timeline {
    let yaml = import::to_yaml(kind, "in", text.as_bytes()).expect("converts").yaml;
    match load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()) {
        Ok(t) => t,
        Err(e) => panic!("{e}\n{yaml}"),
    }
}

#[test]
fn long_headlines_that_repeat_get_numbered_ids() {
    let h = "Ever Given container ship runs aground in the Suez Canal";
    let link = format!("<a href='https://e.org/{{}}'>{h} {h}</a>");
    let slide = |n: u32| {
        format!(
            r#"{{"start_date": {{"year": 2021}}, "text": {{"headline": "{h}", "text": "{}"}}}}"#,
            link.replace("{}", &n.to_string()).replace('"', "\\\"")
        )
    };
    let json = format!(r#"{{"events": [{}, {}, {}]}}"#, slide(1), slide(2), slide(3));
    let t = converts(Kind::Json, &json);
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_ref()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[1].ends_with("-2") && ids[2].ends_with("-3"), "{ids:?}");
    assert_eq!(t.sources.len(), 3);
}

#[test]
fn exports_link_only_web_addresses_and_keep_spaces() {
    let yaml = r#"
title: T
sources:
  - {id: js, title: Bad, url: "javascript:alert(1)", archive: "data:text/html,x"}
  - {id: sp, title: Spaced, url: "https://e.org/a b<c>"}
events:
  - {id: a, date: 2020, title: A, sources: [js, sp],
     media: [{url: "javascript:alert(2)", caption: cap}, {url: "vbscript:x", caption: two}]}
"#;
    let t = load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("loads");
    for format in [super::Format::TimelineJs, super::Format::Markdown] {
        let name = format!("{format:?}");
        let out = super::export(&t, format, super::Options::default()).expect("writes");
        let lower = out.to_lowercase();
        for bad in ["javascript:", "data:", "vbscript:"] {
            for link in [format!("href=\\\"{bad}"), format!("href=\"{bad}"), format!("(<{bad}"), format!("<{bad}")] {
                assert!(!lower.contains(&link), "{name}: {link} in {out}");
            }
        }
        assert!(!out.contains("\"url\":\"javascript"), "{name}: {out}");
        assert!(
            out.contains("https://e.org/a%20b%3Cc%3E") || out.contains("https://e.org/a%20b&lt;c&gt;"),
            "{name}: {out}"
        );
    }
}

#[test]
fn what_is_not_carried_is_noted_at_its_line_naming_the_slide() {
    let json = r#"{"events": [
        {"start_date": {"year": 2020}, "text": {"headline": "Kept"}, "background": {"color": "red"}},
        {"text": {"headline": "No date"}}]}"#;
    let c = import::to_yaml(Kind::Json, "n.json", json.as_bytes()).expect("converts");
    assert_eq!(c.notes.len(), 2, "{:?}", c.notes);
    let lines: Vec<&str> = c.yaml.lines().collect();
    for (line, note) in &c.notes {
        assert!(lines[line - 1].contains("# not carried:"), "{line}: {note}\n{}", c.yaml);
    }
    assert!(c.notes[0].1.starts_with("events[0] \"Kept\": not carried: background"), "{:?}", c.notes);
    assert!(c.notes[1].1.starts_with("events[1] \"No date\": not carried: the whole slide"), "{:?}", c.notes);
}

#[test]
fn sheet_times_with_am_or_pm_are_read_on_a_24_hour_clock() {
    let csv = "Year,Month,Day,Time,Headline\n2020,1,2,1:05 PM,A\n2020,1,2,12:30:15 am,B\n2020,1,2,12:00 p.m.,C\n";
    let t = converts(Kind::Csv, csv);
    let times: Vec<String> = t.events.iter().map(|e| e.date.local.format("%H:%M:%S").to_string()).collect();
    assert_eq!(times, ["00:30:15", "12:00:00", "13:05:00"]);
}

#[test]
fn flow_style_yaml_is_not_taken_for_timelinejs() {
    use std::path::Path;
    let yaml = br#"{"title": "T", "events": [{"id": "a", "date": "2020", "title": "A"}]}"#;
    assert_eq!(import::detect(Path::new("timeline.txt"), yaml), None);
    assert_eq!(import::detect(Path::new("t"), b"{title: T, events: []}"), None);
    let tljs = br#"{"events": [{"start_date": {"year": 2020}, "text": {"headline": "A"}}]}"#;
    assert_eq!(import::detect(Path::new("timeline.txt"), tljs), Some(Kind::Json));
    let titled = br#"{"title": {"text": {"headline": "T"}}, "events": []}"#;
    assert_eq!(import::detect(Path::new("t"), titled), Some(Kind::Json));
}

#[test]
fn a_timelinejs_round_trip_keeps_each_instant_and_the_zone() {
    let yaml = "title: T\ntimezone: \"+01:00\"\nevents:\n  - {id: a, date: 2021-03-23T08:36, title: A}\n  \
                - {id: b, date: \"2021-03-23T09:00:05+03:00\", title: B}\n  - {id: c, date: 2021-03-23, title: C}\n";
    let t = load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("loads");
    let json = super::export(&t, super::Format::TimelineJs, super::Options::default()).expect("writes");
    let back = converts(Kind::Json, &json);
    assert_eq!(back.zone, t.zone);
    let instants = |t: &crate::timeline::Timeline| -> Vec<(String, i64)> {
        let mut v: Vec<_> = t.events.iter().map(|e| (e.title.to_string(), e.date.instant())).collect();
        v.sort();
        v
    };
    assert_eq!(instants(&back), instants(&t));
    assert_eq!(
        back.events.iter().find(|e| &*e.title == "A").map(|e| e.date.local.to_string()).as_deref(),
        Some("2021-03-23 08:36:00")
    );
}
