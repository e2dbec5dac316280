//! Reloading: what counts as a change, and what the reader keeps.

use super::*;
use crate::app::tests::shown_ids;
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

/// A viewer on `V1` after `msgs`, then reloaded with `v2`.
fn after(msgs: &[Msg], v2: &str) -> App {
    let mut app = App::new(load(V1), (120, 40));
    for m in msgs {
        update(&mut app, m.clone());
    }
    update(&mut app, Msg::Reloaded(Loaded(Arc::new(load(v2)))));
    app
}

#[test]
fn a_reload_keeps_the_sources_filter_by_id() {
    use crate::app::PickerKind;
    // Ticks the first source the picker lists: `u` (b, and a's claim, rest on it).
    let app = after(&[Msg::OpenPicker(PickerKind::Sources), Msg::Toggle, Msg::Accept], V1);
    assert_eq!(shown_ids(&app), ["a", "b"]);
    // A new source first in the file moves `s` to another index.
    let app = after(
        &[Msg::OpenPicker(PickerKind::Sources), Msg::Toggle, Msg::Accept],
        &V1.replace("sources:\n  - {id: s,", "sources:\n  - {id: n, title: N}\n  - {id: s,"),
    );
    let ids: Vec<&str> = app.filters.sources.iter().map(|&s| &*app.timeline.sources[s as usize].id).collect();
    assert_eq!((ids, shown_ids(&app)), (vec!["u"], vec!["a", "b"]));
}

#[test]
fn a_reload_keeps_the_unsourced_and_status_filters() {
    let app = after(&[Msg::ToggleUnsourced], V1);
    assert_eq!((app.filters.unsourced, shown_ids(&app)), (true, vec!["c"]));
    let app = after(&[Msg::CycleStatus, Msg::CycleStatus, Msg::CycleStatus], V1);
    assert_eq!(app.filters.status, Some(Some(crate::timeline::Status::Disputed)));
    assert_eq!(shown_ids(&app), ["a"], "only the disputed event");
}

#[test]
fn a_reload_keeps_the_as_of_cursor_and_its_dimming() {
    let mut typed: Vec<Msg> = vec![Msg::StartAsOf];
    typed.extend("2020-01-02".chars().map(Msg::Input));
    typed.push(Msg::Accept);
    let app = after(&typed, &V1.replace("title: Charlie", "title: C"));
    assert!(app.asof.at.is_some());
    assert_eq!(shown_ids(&app), ["b"], "a is reported on the 5th, c happens on the 3rd");
    typed.push(Msg::ToggleDim);
    let app = after(&typed, V1);
    assert_eq!((app.asof.dim, shown_ids(&app).len()), (true, 3));
    assert!(app.asof.event_is_future(2), "still dimmed");
}

#[test]
fn a_reload_keeps_the_claims_view_open_and_working() {
    let mut app = after(&[Msg::ToggleClaims], &V1.replace("value: '3'", "value: '4'"));
    assert_eq!(app.mode, Mode::Claims);
    let view = app.claims.as_ref().expect("the claims view is rebuilt");
    assert_eq!(view.entries.len(), 1);
    update(&mut app, Msg::Accept);
    assert_eq!((app.mode, app.selected_event().map(|e| &*e.id)), (Mode::Browse, Some("a")));
}

#[test]
fn a_reload_keeps_the_related_trail_by_event_id() {
    // `f` from a reaches b; a new event first in the file shifts both indexes.
    let mut app =
        after(&[Msg::FollowRelated], &V1.replace("events:\n", "events:\n  - {id: z, date: 2019-01-01, title: Z}\n"));
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("b"));
    let trail = app.related_trail.map(|(from, to, _)| (from, to));
    let at = |id: &str| app.timeline.events.iter().position(|e| &*e.id == id).map(super::idx);
    assert_eq!(trail, at("a").zip(at("b")));
    update(&mut app, Msg::FollowRelated);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("b"), "one related event: the trail goes round to it");
}
