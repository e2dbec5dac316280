//! Update-logic tests for the fact-checker's keys: the claims view, the
//! as-of cursor and the sources filter.

use super::tests::{bundled, send, shown_ids, type_text};
use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::load_bytes;

/// Two sources published on different days, an event `reported` late, and claims.
fn story() -> App {
    let yaml = "title: T\ntimezone: \"+02:00\"\nactors: [{id: a, name: Ann}, {id: b, name: Bob}]\n\
                sources:\n  - {id: s8, title: Eighth, published: 2018-02-08}\n  - {id: s14, title: Fourteenth, published: 2018-02-14}\n  - {id: s0, title: Undated}\n\
                events:\n\
                  - {id: attack, date: 2018-02-07, title: Attack, sources: [s8]}\n\
                  - {id: toll, date: 2018-02-07, title: Toll, sources: [s14], claims: [{about: deaths, value: about 100, by: a, source: s14}]}\n\
                  - {id: denial, date: 2018-02-07, reported: 2018-02-09, title: Denial, claims: [{about: deaths, value: none, by: b, source: s0, date: 2018-02-09}]}\n\
                  - {id: talks, date: 2018-02-12, title: Talks, quotes: [{by: b, text: hi, source: s0}]}\n";
    let t = load_bytes("s.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
    App::new(t, (120, 40))
}

#[test]
fn claims_view_opens_moves_and_jumps_to_the_claims_event() {
    let mut app = bundled();
    send(&mut app, &[Msg::ToggleClaims]);
    assert_eq!(app.mode, Mode::Claims);
    let view = app.claims.as_ref().expect("open");
    let subjects: Vec<(&str, bool)> = view.sections.iter().map(|s| (s.about.as_str(), s.disputed)).collect();
    assert_eq!(subjects, [("russians-involved", false), ("deaths", true), ("injured", false)]);
    assert_eq!(view.entries.len(), 5);
    send(&mut app, &[Msg::Move(Step::Last), Msg::Move(Step::By(1))]);
    assert_eq!(app.claims.as_ref().map(|v| v.cursor), Some(4));
    send(&mut app, &[Msg::Accept]);
    assert_eq!((app.mode, app.claims.is_none()), (Mode::Browse, true));
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("toll-us-official"));
    send(&mut app, &[Msg::ToggleClaims, Msg::Close]);
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn jumping_to_a_claim_hidden_by_a_filter_clears_the_filters() {
    let mut app = story();
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "talks");
    send(&mut app, &[Msg::Accept, Msg::ToggleClaims, Msg::Accept]);
    assert_eq!(app.filters.query, "");
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("toll"));
}

#[test]
fn as_of_hides_what_was_not_yet_public_and_steps_by_day() {
    let mut app = story();
    send(&mut app, &[Msg::StartAsOf]);
    assert_eq!(app.mode, Mode::AsOf);
    type_text(&mut app, "2018-02-08");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(shown_ids(&app), ["attack"]);
    send(&mut app, &[Msg::Unit(1)]);
    assert_eq!(shown_ids(&app), ["attack", "denial"], "the 9th: the denial is reported");
    send(&mut app, &[Msg::Unit(1), Msg::Unit(1), Msg::Unit(1)]);
    assert_eq!(shown_ids(&app), ["attack", "denial", "talks"], "the 12th: the talks happen");
    send(&mut app, &[Msg::ToggleDim]);
    assert_eq!(shown_ids(&app).len(), 4, "dimmed, not hidden");
    send(&mut app, &[Msg::ToggleDim, Msg::ClearFilters]);
    assert_eq!((app.asof.at, app.shown.events().len()), (None, 4));
}

#[test]
fn a_bad_as_of_date_is_explained_and_an_empty_one_removes_the_cursor() {
    let mut app = story();
    send(&mut app, &[Msg::StartAsOf]);
    type_text(&mut app, "8 Feb");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(app.mode, Mode::AsOf);
    assert!(app.asof.error.as_deref().is_some_and(|e| e.contains("is not a date")), "{:?}", app.asof.error);
    send(&mut app, &[Msg::Close]);
    assert_eq!((app.mode, app.asof.at), (Mode::Browse, None));
    send(&mut app, &[Msg::StartAsOf]);
    type_text(&mut app, "2018-02");
    send(&mut app, &[Msg::Accept, Msg::StartAsOf]);
    assert_eq!(app.asof.input, "2018-02-28", "reopening offers the cursor in force to edit");
    (0..10).for_each(|_| update(&mut app, Msg::Backspace));
    send(&mut app, &[Msg::Accept]);
    assert_eq!(app.asof.at, None);
}

#[test]
fn with_the_cursor_unset_brackets_still_move_by_period() {
    let mut app = story();
    send(&mut app, &[Msg::Unit(1)]);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("talks"));
}

#[test]
fn the_claims_view_shows_only_claims_public_at_the_cursor() {
    let mut app = story();
    send(&mut app, &[Msg::StartAsOf]);
    type_text(&mut app, "2018-02-10");
    send(&mut app, &[Msg::Accept, Msg::ToggleClaims]);
    let view = app.claims.as_ref().expect("open");
    assert_eq!((view.entries.len(), view.sections[0].disputed), (1, false));
}

#[test]
fn the_sources_filter_keeps_what_rests_on_the_ticked_sources() {
    let mut app = story();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Sources)]);
    let p = app.picker.as_ref().expect("open");
    let titles: Vec<&str> = p.entries.iter().map(|&i| picker::name(&app, PickerKind::Sources, i)).collect();
    assert_eq!(titles, ["Undated", "Eighth", "Fourteenth"], "most resting events first");
    send(&mut app, &[Msg::Toggle, Msg::Accept]);
    assert_eq!(shown_ids(&app), ["denial", "talks"], "a claim and a quote rest on it");
    send(&mut app, &[Msg::OpenPicker(PickerKind::Sources), Msg::Move(Step::By(1)), Msg::Toggle, Msg::Accept]);
    assert_eq!(shown_ids(&app), ["attack", "denial", "talks"], "ticked sources combine with or");
    let ix = &app.source_index;
    assert_eq!((ix.events[1], ix.quotes[2], ix.claims[2], ix.facts(2)), (1, 1, 1, 2));
}

#[test]
fn jumping_to_a_claim_whose_event_the_as_of_cursor_hides_removes_the_cursor() {
    let yaml = "title: T\nactors: [{id: a, name: Ann}]\nsources: [{id: s, title: S}]\nevents:\n\
                  - {id: early, date: 2018-02-01, title: Early}\n\
                  - {id: late, date: 2018-02-01, reported: 2018-03-01, title: Late, claims: [{about: x, value: y, by: a, source: s, date: 2018-02-02}]}\n";
    let t = load_bytes("l.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
    let mut app = App::new(t, (120, 40));
    send(&mut app, &[Msg::StartAsOf]);
    type_text(&mut app, "2018-02-10");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(shown_ids(&app), ["early"]);
    send(&mut app, &[Msg::ToggleClaims]);
    assert_eq!(app.claims.as_ref().map(|v| v.entries.len()), Some(1), "the claim is public before its event");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("late"));
    assert_eq!((app.asof.at, shown_ids(&app).len()), (None, 2));
}

#[test]
fn a_paste_is_typed_into_the_as_of_prompt_as_one_line() {
    let mut app = story();
    send(&mut app, &[Msg::StartAsOf, Msg::Paste("2018-02-08\n".into())]);
    assert_eq!(app.asof.input, "2018-02-08");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(shown_ids(&app), ["attack"]);
}

#[test]
fn the_sources_popup_filters_by_title_id_and_through_the_index() {
    let mut app = story();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Sources), Msg::StartSearch]);
    let before = app.index.get().bytes_scanned();
    type_text(&mut app, "fourt");
    let p = app.picker.as_ref().expect("open");
    let titles: Vec<&str> = p.entries.iter().map(|&i| picker::name(&app, PickerKind::Sources, i)).collect();
    assert_eq!(titles, ["Fourteenth"]);
    // Each keystroke reads the popup's haystack, not the sources themselves.
    assert!(app.index.get().bytes_scanned() > before, "matched through the search index");
    (0..5).for_each(|_| update(&mut app, Msg::Backspace));
    type_text(&mut app, "s8");
    let p = app.picker.as_ref().expect("open");
    let titles: Vec<&str> = p.entries.iter().map(|&i| picker::name(&app, PickerKind::Sources, i)).collect();
    assert_eq!(titles, ["Eighth"], "by id");
}
