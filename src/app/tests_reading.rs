//! Update-logic tests for reading and moving like less, lazygit and tig:
//! kept searches and `n`/`N`, `Esc` and `c`, the filter popups' keys and
//! ranking, the quotes pane that follows the selection, the mouse switch.

use super::tests::{bundled, selected_id, send, shown_ids, type_text};
use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::{BUNDLED, load_bytes};

/// The names the open picker lists, in order.
fn entries(app: &App) -> Vec<&str> {
    let p = app.picker.as_ref().expect("picker open");
    p.entries.iter().map(|&i| picker::name(app, p.kind, i)).collect()
}

#[test]
fn n_and_n_shift_go_through_the_matches_and_wrap_with_a_notice() {
    let mut app = bundled();
    send(&mut app, &[Msg::NextMatch(1)]);
    assert_eq!(app.writing.status.as_deref(), Some("No search: press / to search."));
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "putin");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(shown_ids(&app), ["peskov-no-comment", "putin-trump-call"]);
    assert_eq!(selected_id(&app), "peskov-no-comment");
    send(&mut app, &[Msg::NextMatch(1)]);
    assert_eq!((selected_id(&app), app.writing.status.as_deref()), ("putin-trump-call", None));
    send(&mut app, &[Msg::NextMatch(1)]);
    assert_eq!(selected_id(&app), "peskov-no-comment", "n at the last match wraps to the first");
    assert_eq!(app.writing.status.as_deref(), Some("Search hit the bottom, continuing at the top."));
    send(&mut app, &[Msg::NextMatch(-1)]);
    assert_eq!(selected_id(&app), "putin-trump-call", "N at the first match wraps to the last");
    send(&mut app, &[Msg::Move(Step::By(-1))]);
    assert_eq!(app.writing.status, None, "a notice lasts one key");
}

#[test]
fn slash_on_a_kept_search_edits_it_and_escape_in_the_list_clears_it() {
    let mut app = bundled();
    let all = app.shown.events().len();
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "servicem");
    send(&mut app, &[Msg::Accept, Msg::StartSearch]);
    assert_eq!((app.mode, app.filters.query.as_str()), (Mode::Search, "servicem"), "the prompt reopens with the query");
    type_text(&mut app, "en");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(app.filters.query, "servicemen");
    // Esc closes the topmost thing first: the quotes pane, then the search.
    send(&mut app, &[Msg::OpenQuotes]);
    assert!(app.quotes_open, "the match is a quote");
    send(&mut app, &[Msg::Close]);
    assert!(!app.quotes_open && app.filters.query == "servicemen");
    send(&mut app, &[Msg::Close]);
    assert_eq!((app.filters.query.as_str(), app.shown.events().len()), ("", all));
}

#[test]
fn c_clears_the_search_and_every_picker_filter() {
    let mut app = bundled();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Tags), Msg::Toggle, Msg::Accept]);
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::Toggle, Msg::Accept]);
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "a");
    send(&mut app, &[Msg::Accept]);
    assert!(!app.filters.tags.is_empty() && !app.filters.actors.is_empty());
    send(&mut app, &[Msg::ClearFilters]);
    assert_eq!(app.filters, Filters::default());
    assert_eq!(app.shown.events().len(), app.timeline.events.len());
}

#[test]
fn enter_opens_quotes_only_where_there_are_some_and_the_pane_follows_the_list() {
    let mut app = bundled();
    assert!(app.selected_event().is_some_and(|e| e.quotes.is_empty()), "the first event has no quotes");
    send(&mut app, &[Msg::OpenQuotes]);
    assert!(!app.quotes_open, "no empty pane");
    assert_eq!(app.writing.status.as_deref(), Some("This event has no quoted statements."));
    let quoted = app.shown.events().iter().position(|&i| !app.timeline.events[i as usize].quotes.is_empty());
    let quoted = i32::try_from(quoted.expect("a quoted event")).expect("small");
    send(&mut app, &[Msg::Move(Step::By(quoted)), Msg::OpenQuotes]);
    assert_eq!((app.quotes_open, app.focus), (true, Pane::List));
    let before = app.selected;
    send(&mut app, &[Msg::Move(Step::By(1))]);
    assert!(app.quotes_open && app.selected != before, "j moves through events with the pane open");
    send(&mut app, &[Msg::Focus(-1)]);
    assert_eq!(app.focus, Pane::Quotes, "Tab focuses the pane to scroll it");
    send(&mut app, &[Msg::Move(Step::By(2))]);
    assert_eq!(app.quotes_scroll, 2);
    send(&mut app, &[Msg::Close]);
    assert_eq!((app.quotes_open, app.focus), (false, Pane::List));
}

#[test]
fn picker_keys_move_and_only_slash_types() {
    let mut app = bundled();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::Move(Step::By(1)), Msg::Move(Step::By(1))]);
    assert_eq!(app.picker.as_ref().map(|p| (p.cursor, p.query.as_str())), Some((2, "")));
    send(&mut app, &[Msg::Move(Step::By(-1)), Msg::Input('x')]);
    assert_eq!(app.picker.as_ref().map(|p| (p.cursor, p.query.as_str())), Some((1, "")), "untyped keys do not filter");
    send(&mut app, &[Msg::StartSearch]);
    assert_eq!(app.mode, Mode::PickerFilter);
    type_text(&mut app, "dmitry p");
    assert_eq!(entries(&app), ["Dmitry Peskov"], "Space is typed inside the filter");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(app.mode, Mode::Picker, "Enter stops typing and keeps the filter");
    send(&mut app, &[Msg::Toggle, Msg::Close]);
    assert_eq!(
        (app.mode, app.picker.as_ref().map(|p| p.query.as_str())),
        (Mode::Picker, Some("")),
        "Esc clears the filter first"
    );
    assert_eq!(entries(&app)[0], "Dmitry Peskov", "the ticked entry stays visible, first");
    send(&mut app, &[Msg::Close]);
    assert_eq!(app.mode, Mode::Browse, "Esc again cancels");
    assert!(app.filters.actors.is_empty());
}

#[test]
fn ticks_never_land_on_hidden_entries_and_ticked_ones_stay_listed() {
    let mut app = bundled();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::StartSearch]);
    type_text(&mut app, "putin");
    send(&mut app, &[Msg::Accept, Msg::Toggle]);
    let p = app.picker.as_ref().expect("open");
    let ticked: Vec<&str> = p.chosen.iter().map(|&i| picker::name(&app, p.kind, i)).collect();
    assert_eq!(ticked, ["Vladimir Putin"]);
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "zzz");
    assert_eq!(entries(&app), ["Vladimir Putin"], "a ticked entry shows whatever the filter");
    send(&mut app, &[Msg::Move(Step::By(5)), Msg::Accept, Msg::Accept]);
    let names: Vec<&str> = app.filters.actors.iter().map(|&i| &*app.timeline.actors[i as usize].name).collect();
    assert_eq!(names, ["Vladimir Putin"], "nothing hidden was ticked");
}

#[test]
fn name_matches_rank_above_role_matches() {
    let mut app = bundled();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::StartSearch]);
    type_text(&mut app, "put");
    let list = entries(&app);
    let at = |n: &str| list.iter().position(|x| *x == n);
    assert!(at("Vladimir Putin") < at("Dmitry Peskov") && at("Dmitry Peskov").is_some(), "{list:?}");
    assert_eq!(list[0], "Vladimir Putin");
}

#[test]
fn search_covers_source_publishers_and_urls_and_claims() {
    let yaml = concat!(
        "title: T\nactors:\n  - {id: x, name: X}\nsources:\n",
        "  - {id: s, title: Pentagon briefing, publisher: Reuters, url: 'https://example.org/abc'}\n",
        "  - {id: t, title: Other}\nevents:\n",
        "  - {id: a, date: 2020-01-01, title: Alpha, sources: [s]}\n",
        "  - {id: b, date: 2020-01-02, title: Bravo}\n",
        "  - {id: c, date: 2020-01-03, title: Charlie, claims: [{about: deaths, value: about forty, by: x, source: t}]}\n",
    );
    let t = load_bytes("s.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
    let mut app = App::new(t, (120, 40));
    // Not a source's title: a timeline built on one article would match every event (`s` finds titles).
    for (q, want) in [("reuters", "a"), ("example.org/abc", "a"), ("about forty", "c")] {
        send(&mut app, &[Msg::StartSearch]);
        type_text(&mut app, q);
        assert_eq!(shown_ids(&app), [want], "{q}");
        send(&mut app, &[Msg::Close]);
    }
}

#[test]
fn m_switches_mouse_reporting_and_says_how_to_select() {
    let mut app = bundled();
    assert!(app.mouse);
    send(&mut app, &[Msg::ToggleMouse]);
    assert!(!app.mouse && app.writing.status.as_deref().is_some_and(|n| n.contains("terminal selects")));
    send(&mut app, &[Msg::ToggleMouse]);
    assert!(app.mouse);
}

#[test]
fn a_wide_screen_gives_long_titles_room_and_the_detail_keeps_its_share() {
    let mut app = bundled();
    let wide = |app: &App, w: u16| layout::areas(app, ratatui::layout::Rect::new(0, 0, w, 60)).expect("fits");
    app.widest_title = 200;
    let a = wide(&app, 200);
    assert_eq!((a.list.width, a.detail.map(|d| d.width)), (100, Some(100)), "the list grows up to half");
    app.widest_title = 10;
    assert_eq!(wide(&app, 200).list.width, 90, "short titles: 45%");
    app.widest_title = 69;
    assert_eq!(wide(&app, 200).list.width, 90, "titles that fit in 45% leave the rest to the detail");
    app.widest_title = 75;
    assert_eq!(wide(&app, 200).list.width, 96, "a longer one takes what it needs");
    assert_eq!(wide(&app, 100).list.width, 50, "at 100 columns the detail keeps half");
}

#[test]
fn the_wheel_scrolls_the_help_and_moves_in_a_picker() {
    let mut app = bundled();
    send(&mut app, &[Msg::ToggleHelp, Msg::Wheel { column: 0, row: 0, lines: 3 }]);
    assert_eq!(app.help_scroll, 3);
    send(&mut app, &[Msg::Close, Msg::OpenPicker(PickerKind::Actors), Msg::Wheel { column: 0, row: 0, lines: 2 }]);
    assert_eq!(app.picker.as_ref().map(|p| p.cursor), Some(2));
}

#[test]
fn a_reload_keeps_the_mouse_switched_off_and_leaves_a_typed_picker_filter() {
    let mut app = bundled();
    send(&mut app, &[Msg::ToggleMouse, Msg::OpenPicker(PickerKind::Actors), Msg::StartSearch]);
    assert_eq!(app.mode, Mode::PickerFilter);
    let again = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
    send(&mut app, &[Msg::Reloaded(msg::Loaded(std::sync::Arc::new(again)))]);
    assert!(!app.mouse, "the terminal keeps the selection the reader asked for");
    assert_eq!(app.mode, Mode::Browse, "the popup's entries were the old version's");
}
