//! Rendering tests for the fact-checker's views on the bundled timeline:
//! the claims view, the sources view, and the as-of cursor on the status
//! bar and the axis.

use support::{bundled, screen, send, type_text};
use tlview::app::{Msg, PickerKind, Step};

#[path = "support/screen.rs"]
mod support;

#[test]
fn claims_view_on_the_bundled_timeline() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::ToggleClaims, Msg::Move(Step::By(2))]);
    let s = screen(&app);
    assert!(s.contains("deaths") && s.contains("disputed"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_claims_view_counts_one_subject_in_the_singular() {
    let text = "title: T\nactors: [{id: a, name: A}]\nsources: [{id: s, title: S}]\nevents:\n  - {id: e, date: 2018, title: E, sources: [s], claims: [{about: deaths, value: '1', by: a, source: s}]}\n";
    let mut app = support::app(text, 100, 20);
    send(&mut app, &[Msg::ToggleClaims]);
    let s = screen(&app);
    assert!(s.contains("Claims · 1 subject, 0 disputed"), "{s}");
}

#[test]
fn claims_view_keeps_the_highlighted_claim_on_a_small_screen() {
    let mut app = bundled(80, 24);
    send(&mut app, &[Msg::ToggleClaims, Msg::Move(Step::Last)]);
    let s = screen(&app);
    assert!(s.contains("“200 to 300”"), "{s}");
}

#[test]
fn the_detail_pane_lists_the_events_claims() {
    let mut app = bundled(120, 40);
    let at = app.timeline.events.iter().position(|e| &*e.id == "toll-us-official").expect("event");
    send(&mut app, &[Msg::Move(Step::By(i32::try_from(at).expect("small")))]);
    let s = screen(&app);
    assert!(s.contains("2 claims: press C to compare"), "{s}");
    assert!(s.contains("injured: “200 to 300” — US official (unnamed)"), "{s}");
}

#[test]
fn sources_view_on_the_bundled_timeline() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::OpenPicker(PickerKind::Sources)]);
    let s = screen(&app);
    assert!(s.contains(" 15E   5Q   5C  US Syria strikes"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn as_of_cursor_shows_on_the_status_bar_and_axis() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::StartAsOf]);
    type_text(&mut app, "2018-02-13");
    let typing = screen(&app);
    assert!(typing.contains("as of @2018-02-13"), "{typing}");
    send(&mut app, &[Msg::Accept]);
    let hidden = screen(&app);
    assert!(hidden.contains("0 of 15 events") && hidden.contains("@ as of 13 Feb 2018 (later hidden)"), "{hidden}");
    send(&mut app, &[Msg::ToggleDim]);
    let s = screen(&app);
    assert!(s.contains("15 of 15 events") && s.contains("(later dimmed)"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn an_as_of_cursor_hiding_everything_says_so_and_the_sources_filter_is_named() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::StartAsOf]);
    type_text(&mut app, "2018-02-13");
    send(&mut app, &[Msg::Accept]);
    let s = screen(&app);
    assert!(s.contains("As of   as of 13 Feb 2018: only what was public then"), "{s}");
    send(&mut app, &[Msg::ClearFilters, Msg::OpenPicker(PickerKind::Sources), Msg::Toggle, Msg::Accept]);
    let s = screen(&app);
    assert!(s.contains(" source: seed"), "one source named in the singular, as issue 13 asks: {s}");
}

#[test]
fn quotes_not_yet_public_are_hidden_from_the_quotes_pane() {
    let yaml = "title: T\nactors: [{id: a, name: Ann}]\nsources:\n  - {id: early, title: Early, published: 2018-02-08}\n  - {id: late, title: Late, published: 2018-02-14}\nevents:\n  - id: e\n    date: 2018-02-07\n    title: Event\n    sources: [early]\n    quotes:\n      - {by: a, text: Said early, source: early}\n      - {by: a, text: Said late, source: late}\n";
    let mut app = support::app(yaml, 120, 40);
    send(&mut app, &[Msg::StartAsOf]);
    type_text(&mut app, "2018-02-10");
    send(&mut app, &[Msg::Accept, Msg::OpenQuotes]);
    let s = screen(&app);
    assert!(s.contains("Said early") && !s.contains("Said late"), "{s}");
    send(&mut app, &[Msg::ToggleDim]);
    assert!(screen(&app).contains("Said late"));
}
