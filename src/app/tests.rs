//! Update-logic tests: a message in, the state checked. No terminal.

use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::{BUNDLED, load_bytes};

/// A viewer on the bundled timeline at 120×40 (shared by the other update-logic test files).
pub(super) fn bundled() -> App {
    let t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
    App::new(t, (120, 40))
}

fn small() -> App {
    let yaml = "title: T\ntimezone: \"+02:00\"\nactors:\n  - {id: ann, name: Ann}\n  - {id: bob, name: Bob}\n\
                sources:\n  - {id: s, title: S}\nevents:\n\
                  - {id: a, date: 2020-01-01, title: Alpha, actors: [ann], tags: [x]}\n\
                  - {id: b, date: 2020-01-01T10:00, title: Bravo, actors: [bob], tags: [y]}\n\
                  - {id: c, date: 2020-01-02, title: Charlie, tags: [x], quotes: [{by: bob, text: Hello there, source: s}]}\n\
                  - {id: d, date: 2020-01-05, title: Delta}\n";
    let t = load_bytes("s.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
    App::new(t, (120, 40))
}

/// The id of the selected event ("" for none) (shared by the other update-logic test files).
pub(super) fn selected_id(app: &App) -> &str {
    app.selected_event().map_or("", |e| &*e.id)
}

/// The ids of the shown events, in list order.
pub(super) fn shown_ids(app: &App) -> Vec<&str> {
    app.shown.events().iter().map(|&i| &*app.timeline.events[i as usize].id).collect()
}

/// Each message in turn, through `update`.
pub(super) fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        update(app, m.clone());
    }
}

/// Each character of `s` typed into the open prompt.
pub(super) fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        update(app, Msg::Input(c));
    }
}

#[test]
fn navigation_moves_through_the_list_and_stops_at_the_ends() {
    let mut app = small();
    assert_eq!(selected_id(&app), "a");
    send(&mut app, &[Msg::Move(Step::By(1))]);
    assert_eq!(selected_id(&app), "b");
    send(&mut app, &[Msg::Move(Step::Last)]);
    assert_eq!(selected_id(&app), "d");
    send(&mut app, &[Msg::Move(Step::By(1))]);
    assert_eq!(selected_id(&app), "d");
    send(&mut app, &[Msg::Move(Step::First), Msg::Move(Step::By(-1))]);
    assert_eq!(selected_id(&app), "a");
    send(&mut app, &[Msg::Move(Step::Page(1))]);
    assert_eq!(selected_id(&app), "d");
}

#[test]
fn search_narrows_and_escape_restores() {
    let mut app = bundled();
    let all = app.shown.events().len();
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "putin");
    assert_eq!(app.mode, Mode::Search);
    let ids: Vec<&str> = app.shown.events().iter().map(|&i| &*app.timeline.events[i as usize].id).collect();
    assert_eq!(ids, ["peskov-no-comment", "putin-trump-call"]);
    send(&mut app, &[Msg::Close]);
    assert_eq!((app.shown.events().len(), app.mode), (all, Mode::Browse));
}

#[test]
fn search_is_case_insensitive_over_quotes_and_actor_names() {
    let mut app = small();
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "HELLO");
    assert_eq!(app.shown.events().len(), 1);
    send(&mut app, &[Msg::Backspace, Msg::Backspace, Msg::Backspace, Msg::Backspace, Msg::Backspace]);
    type_text(&mut app, "ann");
    assert_eq!(selected_id(&app), "a");
    send(&mut app, &[Msg::Accept]);
    assert_eq!((app.mode, app.filters.query.as_str()), (Mode::Browse, "ann"));
}

#[test]
fn actor_filter_counts_listed_and_quoted_actors() {
    let mut app = small();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::StartSearch]);
    type_text(&mut app, "bob");
    send(&mut app, &[Msg::Accept, Msg::Toggle, Msg::Accept]);
    let ids: Vec<&str> = app.shown.events().iter().map(|&i| &*app.timeline.events[i as usize].id).collect();
    assert_eq!(ids, ["b", "c"]);
    assert_eq!([picker::count(&app, PickerKind::Actors, 0), picker::count(&app, PickerKind::Actors, 1)], [1, 2]);
}

#[test]
fn picker_escape_leaves_the_filter_as_it_was() {
    let mut app = small();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::Toggle, Msg::Close]);
    assert!(app.filters.actors.is_empty());
    assert_eq!(app.shown.events().len(), 4);
}

#[test]
fn several_actors_show_events_involving_any() {
    let mut app = small();
    send(
        &mut app,
        &[Msg::OpenPicker(PickerKind::Actors), Msg::Toggle, Msg::Move(Step::By(1)), Msg::Toggle, Msg::Accept],
    );
    assert_eq!(app.filters.actors.len(), 2);
    assert_eq!(app.shown.events().len(), 3);
}

#[test]
fn filters_combine_and_keep_the_selection_when_it_survives() {
    let mut app = small();
    send(&mut app, &[Msg::Move(Step::By(2))]);
    assert_eq!(selected_id(&app), "c");
    send(&mut app, &[Msg::OpenPicker(PickerKind::Tags), Msg::StartSearch]);
    type_text(&mut app, "x");
    send(&mut app, &[Msg::Accept, Msg::Accept]);
    assert_eq!(app.shown.events().len(), 2);
    assert_eq!(selected_id(&app), "c", "selection survives the tag filter");
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "alpha");
    send(&mut app, &[Msg::Accept]);
    assert_eq!(app.shown.events().len(), 1);
    assert_eq!(selected_id(&app), "a");
    // `/` on a kept search edits it: clear it first.
    send(&mut app, &[Msg::StartSearch, Msg::Close, Msg::StartSearch]);
    type_text(&mut app, "nothing at all");
    assert!(app.shown.events().is_empty() && app.selected.is_none());
    send(&mut app, &[Msg::Accept, Msg::ClearFilters]);
    assert_eq!(app.shown.events().len(), 4);
}

#[test]
fn focus_cycles_through_open_panes() {
    let mut app = small();
    send(&mut app, &[Msg::Focus(1)]);
    assert_eq!(app.focus, Pane::Detail);
    send(&mut app, &[Msg::Focus(1)]);
    assert_eq!(app.focus, Pane::List);
    // Enter opens the quotes pane and leaves the list focused (issue 13).
    send(&mut app, &[Msg::Move(Step::By(2)), Msg::OpenQuotes]);
    assert_eq!((app.focus, app.quotes_open), (Pane::List, true));
    send(&mut app, &[Msg::Focus(1), Msg::Focus(1)]);
    assert_eq!(app.focus, Pane::Quotes);
    send(&mut app, &[Msg::Focus(1)]);
    assert_eq!(app.focus, Pane::List);
    send(&mut app, &[Msg::Focus(-1)]);
    assert_eq!(app.focus, Pane::Quotes);
    send(&mut app, &[Msg::Move(Step::By(3))]);
    assert_eq!((app.quotes_scroll, selected_id(&app)), (3, "c"), "keys scroll the focused pane");
    send(&mut app, &[Msg::Close]);
    assert_eq!((app.focus, app.quotes_open), (Pane::List, false));
}

#[test]
fn zoom_changes_the_unit_within_bounds() {
    let mut app = bundled();
    assert_eq!(axis::unit(&app, 118), axis::Unit::Day);
    send(&mut app, &[Msg::Zoom(1)]);
    assert_eq!(axis::unit(&app, 118), axis::Unit::Hour);
    send(&mut app, &[Msg::Zoom(1), Msg::Zoom(1)]);
    assert_eq!(axis::unit(&app, 118), axis::Unit::Hour);
    send(&mut app, &[Msg::Zoom(-1), Msg::Zoom(-1), Msg::Zoom(-1), Msg::Zoom(-1), Msg::Zoom(-1), Msg::Zoom(-1)]);
    assert_eq!(axis::unit(&app, 118), axis::Unit::Year);
}

#[test]
fn bundled_axis_has_one_tick_per_day_from_7_to_14_february() {
    let app = bundled();
    let ticks = axis::ticks(&app, 118);
    let labels: Vec<String> =
        ticks.bounds[..ticks.len()].iter().map(|&t| axis::label(t, ticks.unit, app.timeline.zone)).collect();
    assert_eq!(labels, ["7 Feb", "8 Feb", "9 Feb", "10 Feb", "11 Feb", "12 Feb", "13 Feb", "14 Feb"]);
}

#[test]
fn axis_counts_follow_the_filter() {
    let mut app = small();
    let day = |d: u32| {
        chrono::NaiveDate::from_ymd_opt(2020, 1, d)
            .and_then(|n| n.and_hms_opt(0, 0, 0))
            .map_or(0, |t| t.and_utc().timestamp() - 7200)
    };
    assert_eq!(axis::starting(&app, day(1), day(2)), 2);
    assert_eq!(axis::starting(&app, day(2), day(3)), 1);
    assert_eq!(axis::starting(&app, day(3), day(5)), 0);
    assert_eq!(axis::covering(&app, day(3)), 0);
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "bravo");
    assert_eq!(axis::starting(&app, day(1), day(2)), 1);
}

#[test]
fn brackets_jump_between_days() {
    let mut app = small();
    send(&mut app, &[Msg::Unit(1)]);
    assert_eq!(selected_id(&app), "c");
    send(&mut app, &[Msg::Unit(1)]);
    assert_eq!(selected_id(&app), "d");
    send(&mut app, &[Msg::Unit(-1)]);
    assert_eq!(selected_id(&app), "c");
    send(&mut app, &[Msg::Unit(-1)]);
    assert_eq!(selected_id(&app), "a");
    send(&mut app, &[Msg::Unit(-1)]);
    assert_eq!(selected_id(&app), "a");
}

#[test]
fn the_selected_row_stays_visible_when_scrolling() {
    let mut app = bundled();
    send(&mut app, &[Msg::Resize(80, 24)]);
    let height = layout::list_rows(&app);
    for _ in 0..20 {
        send(&mut app, &[Msg::Move(Step::By(1))]);
        let row = app.shown.row_of(app.selected_pos().expect("selection"));
        assert!(row >= app.list_offset && row < app.list_offset + height, "row {row} offset {}", app.list_offset);
    }
}

#[test]
fn clicks_select_rows_and_wheel_moves() {
    let mut app = small();
    let areas = layout::current(&app).expect("big enough");
    // Row 0 is the heading of 1 January; row 2 is Bravo.
    send(&mut app, &[Msg::Click { column: areas.list.x + 3, row: areas.list.y + 3 }]);
    assert_eq!(selected_id(&app), "b");
    send(&mut app, &[Msg::Wheel { column: areas.list.x + 3, row: areas.list.y + 3, lines: 1 }]);
    assert_eq!(selected_id(&app), "c");
    // A heading selects its group's first event, the row below it.
    send(&mut app, &[Msg::Click { column: areas.list.x + 3, row: areas.list.y + 1 }]);
    assert_eq!(selected_id(&app), "a");
}

#[test]
fn help_opens_and_closes_and_quit_works_everywhere() {
    let mut app = small();
    send(&mut app, &[Msg::ToggleHelp]);
    assert_eq!(app.mode, Mode::Help);
    send(&mut app, &[Msg::Close]);
    assert_eq!(app.mode, Mode::Browse);
    send(&mut app, &[Msg::StartSearch, Msg::Quit]);
    assert!(app.quit);
}

#[test]
fn ranges_are_counted_once_and_shaded_where_they_run() {
    let mut app = bundled();
    let ticks = axis::ticks(&app, 118);
    let (b, n) = (&ticks.bounds, ticks.len());
    let total: usize = (0..n).map(|i| axis::starting(&app, b[i], b[i + 1])).sum();
    assert_eq!(total, app.shown.events().len());
    assert!((1..n).all(|i| axis::starting(&app, b[i], b[i + 1]) > 0 || axis::covering(&app, b[i]) > 0));
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "putin");
    let total: usize = (0..n).map(|i| axis::starting(&app, b[i], b[i + 1])).sum();
    assert_eq!(total, app.shown.events().len());
}

#[test]
fn a_click_on_any_column_finds_the_tick_drawn_there() {
    let app = bundled();
    for width in [40, 77, 118, 199] {
        let ticks = axis::ticks(&app, width);
        for c in 0..width {
            let t = ticks.at_column(c, width).expect("every column belongs to a tick");
            assert!(
                ticks.column(t, width) <= c && c < ticks.column(t + 1, width),
                "width {width} column {c} → tick {t}"
            );
        }
        assert_eq!(ticks.at_column(width, width), None);
    }
}

#[test]
fn the_chosen_unit_survives_a_resize_and_only_the_automatic_one_adapts() {
    let mut app = bundled();
    send(&mut app, &[Msg::Resize(54, 20)]);
    assert_eq!(axis::unit(&app, axis::inner_width(54)), axis::Unit::Week, "automatic at 54 columns");
    send(&mut app, &[Msg::Resize(200, 60)]);
    assert_eq!(axis::unit(&app, axis::inner_width(200)), axis::Unit::Day, "automatic at 200 columns");
    send(&mut app, &[Msg::Resize(54, 20), Msg::Zoom(1)]);
    assert_eq!(axis::unit(&app, axis::inner_width(54)), axis::Unit::Day);
    send(&mut app, &[Msg::Resize(200, 60)]);
    assert_eq!(axis::unit(&app, axis::inner_width(200)), axis::Unit::Day, "chosen: kept");
}

#[test]
fn the_bundled_axis_counts_3_on_7_february_and_10_uncertain_across_the_week() {
    let app = bundled();
    let ticks = axis::ticks(&app, 118);
    let counts = axis::certainty(&app, &ticks);
    assert_eq!((counts[0].points, counts[0].spanning), (3, 10));
    assert!(counts.iter().all(|c| c.across), "the uncertain ten run across 7–14 February");
    let total: usize = counts.iter().map(|c| c.points + c.spanning).sum();
    assert_eq!(total, app.shown.events().len());
}

#[test]
fn a_paste_is_typed_into_the_prompt_as_one_line() {
    let mut app = bundled();
    send(&mut app, &[Msg::StartSearch, Msg::Paste("Putin\nquote\r\nfrom\rthe\tcall\n".into())]);
    assert_eq!((app.mode, app.filters.query.as_str()), (Mode::Search, "Putin quote from the call"));
    let mut app = small();
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::Paste("bo\x1b[2Jb".into())]);
    assert_eq!(app.picker.as_ref().map(|p| p.query.as_str()), Some("bo[2Jb"));
}

#[test]
fn a_paste_in_normal_mode_runs_nothing() {
    let mut app = small();
    let before = (app.selected, app.mode, app.quit, app.filters.query.clone());
    send(&mut app, &[Msg::Paste("jj/q\r".into())]);
    assert_eq!((app.selected, app.mode, app.quit, app.filters.query.clone()), before);
}
