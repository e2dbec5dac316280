//! Rendering of what the format lets a journalist say: status and no-source
//! markers in the list, the detail pane's status, notes, media and related
//! events, a translated quote, and the empty timeline's screen.

use support::{app, screen};
use tlview::app::{Msg, Step, update};

#[path = "support/screen.rs"]
mod support;

const EVER_GIVEN: &str = include_str!("fixtures/ever-given.yaml");

#[test]
fn ever_given_grounding_detail() {
    let mut app = app(EVER_GIVEN, 120, 40);
    update(&mut app, Msg::Move(Step::By(2)));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn ever_given_translated_quote_and_notes() {
    let mut app = app(EVER_GIVEN, 120, 40);
    let chairman = app.shown.events().iter().position(|&i| &*app.timeline.events[i as usize].id == "rabie-speaks");
    update(&mut app, Msg::Move(Step::By(i32::try_from(chairman.expect("event")).expect("small"))));
    update(&mut app, Msg::OpenQuotes);
    let s = screen(&app);
    assert!(s.contains("translated from ar"), "{s}");
    app.filters = Default::default();
    update(&mut app, Msg::Close);
    update(&mut app, Msg::Move(Step::First));
    let s = screen(&app);
    assert!(s.contains("✎ Editor's notes (not part of the account)"), "{s}");
    assert!(s.contains("│ Day unknown; they were at work by 27 March."), "{s}");
}

#[test]
fn empty_timeline_says_how_to_add_an_event() {
    insta::assert_snapshot!(screen(&app("title: New story\nevents: []\n", 80, 24)));
}
