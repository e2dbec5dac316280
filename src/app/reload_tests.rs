//! Reloading: what counts as a change, and what the reader keeps.

use super::*;
use crate::app::{Loaded, Msg, update};
use crate::timeline::limits::Limits;
use crate::timeline::load_bytes;
use std::sync::Arc;

const V1: &str = r#"title: T
timezone: "+02:00"
actors:
  - {id: ann, name: Ann}
  - {id: bob, name: Bob}
sources:
  - {id: s, title: S}
  - {id: u, title: U}
periods:
  - {id: war, title: War, date: 2020-01}
events:
  - id: a
    date: 2020-01-01
    title: Alpha
    actors: [ann]
    tags: [x]
    sources: [s]
    status: disputed
    related: [b]
    notes: checked
    reported: 2020-01-05
    display_date: New Year
    media: [{url: "https://m.example/1", caption: Cap}]
    quotes: [{by: ann, text: Hello, source: s, date: 2020-01-02, language: de, original: Hallo}]
    claims: [{about: deaths, value: '3', by: bob, source: u, date: 2020-01-03, context: first count}]
  - {id: b, date: 2020-01-02, title: Bravo, actors: [bob], tags: [y], sources: [u]}
  - {id: c, date: 2020-01-03, title: Charlie, tags: [x]}
"#;

fn load(yaml: &str) -> Timeline {
    load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads")
}

fn summary(v2: &str) -> String {
    assert_ne!(v2, V1, "the edit applies");
    let mut app = App::new(load(V1), (120, 40));
    update(&mut app, Msg::Reloaded(Loaded(Arc::new(load(v2)))));
    app.writing.status.unwrap_or_default()
}

#[test]
fn a_change_to_any_field_of_an_event_counts() {
    for (from, to) in [
        ("status: disputed", "status: confirmed"),
        ("notes: checked", "notes: rechecked"),
        ("reported: 2020-01-05", "reported: 2020-01-06"),
        ("display_date: New Year", "display_date: Jan 1"),
        ("caption: Cap", "caption: Other"),
        ("related: [b]", "related: [c]"),
        ("language: de", "language: fr"),
        ("original: Hallo", "original: Servus"),
        ("date: 2020-01-02, language", "date: 2020-01-04, language"),
        ("value: '3'", "value: '4'"),
        ("about: deaths", "about: dead"),
        ("context: first count", "context: second count"),
        ("by: bob, source: u", "by: ann, source: u"),
        ("by: bob, source: u", "by: bob, source: s"),
        ("by: ann, text", "by: bob, text"),
        ("date: 2020-01-03, context", "date: 2020-01-04, context"),
    ] {
        assert_eq!(summary(&V1.replacen(from, to, 1)), "reloaded: 1 event changed", "{from} -> {to}");
    }
}

#[test]
fn a_change_to_what_an_event_names_counts_for_that_event_only() {
    assert_eq!(summary(&V1.replace("title: U", "title: U2")), "reloaded: 2 events changed", "the claim's source");
    assert_eq!(summary(&V1.replace("name: Ann", "name: Anne")), "reloaded: 1 event changed");
}

#[test]
fn a_change_outside_the_events_is_named() {
    assert_eq!(summary(&V1.replace("title: War", "title: The war")), "reloaded: no event changed; periods changed");
    assert_eq!(summary(&V1.replace("title: T\n", "title: T2\n")), "reloaded: no event changed; title changed");
    let both = V1.replace("title: T\n", "title: T2\n").replace("title: Charlie", "title: C");
    assert_eq!(summary(&both), "reloaded: 1 event changed; title changed");
}

#[test]
fn the_same_file_changes_nothing() {
    let mut app = App::new(load(V1), (120, 40));
    update(&mut app, Msg::Reloaded(Loaded(Arc::new(load(V1)))));
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: no event changed"));
}
