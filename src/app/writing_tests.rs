//! The edit–reload loop and the source keys, without a terminal.

use super::tests::selected_id;
use super::writing::{Effect, ProblemLine};
use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::{Timeline, load_bytes};
use std::sync::Arc;

const V1: &str = "title: T\nactors:\n  - {id: ann, name: Ann}\n  - {id: bob, name: Bob}\n\
    sources:\n  - {id: s, title: S, url: \"https://s.example/1\"}\n  - {id: u, title: U, url: \"javascript:alert(1)\"}\n\
    events:\n\
      - {id: a, date: 2020-01-01, title: Alpha, actors: [ann], tags: [x], sources: [s]}\n\
      - {id: b, date: 2020-01-02, title: Bravo, actors: [bob], tags: [y], sources: [u]}\n\
      - {id: c, date: 2020-01-03, title: Charlie, tags: [x]}\n\
      - {id: d, date: 2020-01-04, title: Delta}\n";

fn load(yaml: &str) -> Timeline {
    load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads")
}

fn app() -> App {
    let mut app = App::new(load(V1), (120, 40));
    app.writing.file = Some("t.yaml".into());
    app
}

fn select(app: &mut App, id: &str) {
    let i = app.timeline.events.iter().position(|e| &*e.id == id).expect("event exists");
    nav::select(app, u32::try_from(i).expect("small"));
}

fn reload(app: &mut App, yaml: &str) {
    update(app, Msg::Reloaded(Loaded(Arc::new(load(yaml)))));
}

#[test]
fn a_reload_keeps_the_selection_by_id_and_says_what_changed() {
    let mut app = app();
    select(&mut app, "c");
    // An event added before it, one changed, one removed.
    let v2 =
        V1.replace("title: Alpha", "title: Alpha!").replace("- {id: d, date: 2020-01-04, title: Delta}\n", "").replace(
            "events:\n",
            "events:\n- {id: z, date: 2019-12-31, title: Zero}\n- {id: y, date: 2019-12-30, title: Yes}\n",
        );
    reload(&mut app, &v2);
    assert_eq!(selected_id(&app), "c");
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: 2 events added, 1 changed, 1 removed"));
    assert!(!app.writing.stale);
}

#[test]
fn a_reload_keeps_filters_search_zoom_and_focus_where_they_still_apply() {
    let mut app = app();
    update(&mut app, Msg::StartSearch);
    for c in "a".chars() {
        update(&mut app, Msg::Input(c));
    }
    update(&mut app, Msg::Accept);
    app.filters.tags = [0].into(); // x
    app.filters.actors = [1].into(); // bob
    crate::app::nav::refilter(&mut app);
    app.zoom = Some(crate::app::axis::Unit::Day);
    app.focus = Pane::Detail;
    // bob is gone; tag x moved to a different index.
    let v2 = V1.replace("  - {id: bob, name: Bob}\n", "").replace("actors: [bob], tags: [y]", "tags: [y]");
    let v2 = v2.replace(
        "- {id: a, date: 2020-01-01, title: Alpha, actors: [ann], tags: [x]",
        "- {id: a, date: 2020-01-01, title: Alpha, actors: [ann], tags: [w, x]",
    );
    reload(&mut app, &v2);
    assert_eq!(app.filters.query, "a");
    assert!(app.filters.actors.is_empty());
    let tags: Vec<&str> = app.filters.tags.iter().map(|&g| app.timeline.tags[g as usize].as_str()).collect();
    assert_eq!(tags, ["x"]);
    assert_eq!((app.zoom, app.focus), (Some(crate::app::axis::Unit::Day), Pane::Detail));
}

#[test]
fn a_removed_selection_stays_at_its_place_in_the_list() {
    let mut app = app();
    select(&mut app, "b");
    reload(
        &mut app,
        &V1.replace("- {id: b, date: 2020-01-02, title: Bravo, actors: [bob], tags: [y], sources: [u]}\n", ""),
    );
    assert_eq!(selected_id(&app), "c");
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: 1 event removed"));
}

#[test]
fn a_failed_reload_keeps_the_old_version_and_lists_the_problems_until_fixed() {
    let mut app = app();
    select(&mut app, "b");
    let problems = vec![
        ProblemLine { line: 12, column: 5, message: "event `b`: bad date".into() },
        ProblemLine { line: 14, column: 1, message: "warning".into() },
    ];
    update(&mut app, Msg::ReloadFailed(problems.clone()));
    assert!(app.writing.stale && app.writing.problems_open && app.writing.problems_focused);
    assert_eq!(app.timeline.events.len(), 4);
    assert_eq!(selected_id(&app), "b");
    update(&mut app, Msg::Move(Step::By(1)));
    assert_eq!(selected_id(&app), "b", "the focused pane takes the move");
    update(&mut app, Msg::Edit);
    assert_eq!(app.writing.take_effect(), Some(Effect::Edit { line: 14, column: 1 }));
    reload(&mut app, V1);
    assert!(!app.writing.stale && !app.writing.problems_open && app.writing.problems.is_empty());
    assert_eq!(selected_id(&app), "b");
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: no event changed"));
}

#[test]
fn tab_reaches_the_problems_pane_and_leaves_it() {
    let mut app = app();
    update(&mut app, Msg::ReloadFailed(vec![ProblemLine { line: 1, column: 1, message: "x".into() }]));
    update(&mut app, Msg::Focus(1));
    assert!(!app.writing.problems_focused);
    assert_eq!(app.focus, Pane::List);
    update(&mut app, Msg::Focus(1));
    assert_eq!(app.focus, Pane::Detail);
    update(&mut app, Msg::Focus(1));
    assert!(app.writing.problems_focused);
    update(&mut app, Msg::Close);
    assert!(!app.writing.problems_open);
}

#[test]
fn e_asks_to_edit_at_the_selected_event_or_explains_the_bundled_timeline() {
    let mut app = app();
    select(&mut app, "c");
    update(&mut app, Msg::Edit);
    assert_eq!(app.writing.take_effect(), Some(Effect::EditEvent("c".into())));
    update(&mut app, Msg::Reload);
    assert_eq!(app.writing.take_effect(), Some(Effect::Reload));
    app.writing.file = None;
    update(&mut app, Msg::Edit);
    assert_eq!(app.writing.take_effect(), None);
    assert!(app.writing.status.as_deref().is_some_and(|s| s.contains("tlview --example > FILE")));
}

/// V1 with `b` resting on two http sources, and a viewer on it with the
/// link chooser open on `b`.
fn chooser_open() -> (App, String) {
    let two = V1
        .replace("sources: [u]", "sources: [s, t]")
        .replace("  - {id: u,", "  - {id: t, title: T2, publisher: P, url: \"http://t.example/\"}\n  - {id: u,");
    let mut app = App::new(load(&two), (120, 40));
    select(&mut app, "b");
    update(&mut app, Msg::OpenSource);
    (app, two)
}

#[test]
fn o_opens_http_sources_only_with_a_chooser_for_several() {
    let mut app = app();
    select(&mut app, "a");
    update(&mut app, Msg::OpenSource);
    assert_eq!(app.writing.take_effect(), Some(Effect::Open("https://s.example/1".into())));
    select(&mut app, "b");
    update(&mut app, Msg::OpenSource);
    assert_eq!(app.writing.take_effect(), None);
    assert_eq!(app.writing.status.as_deref(), Some("not opened: only http and https links are opened"));
    select(&mut app, "d");
    update(&mut app, Msg::OpenSource);
    assert_eq!(app.writing.status.as_deref(), Some("this event's sources have no URL"));

    let (mut app, _) = chooser_open();
    let chooser = app.writing.chooser.clone().expect("a chooser");
    assert_eq!(chooser.entries[1], ("P: T2".to_owned(), "http://t.example/".to_owned()));
    update(&mut app, Msg::Move(Step::By(1)));
    assert_eq!(selected_id(&app), "b", "the chooser takes the move");
    update(&mut app, Msg::OpenQuotes);
    assert_eq!(app.writing.take_effect(), Some(Effect::Open("http://t.example/".into())));
    assert!(app.writing.chooser.is_none());
}

#[test]
fn a_reload_while_the_link_chooser_is_open_still_replaces_the_timeline() {
    let (mut app, two) = chooser_open();
    assert!(app.writing.chooser.is_some());
    reload(&mut app, &two.replace("title: Delta", "title: Delta edited"));
    assert!(app.timeline.events.iter().any(|e| &*e.title == "Delta edited"), "the reload was dropped");
    assert_eq!(selected_id(&app), "b");
    // Its links were the old version's: the reload closes it.
    assert!(app.writing.chooser.is_none(), "a reload closes the chooser");
}

#[test]
fn y_copies_the_event_or_its_quotes() {
    let with_quote = V1.replace("title: Delta}", "title: Delta, quotes: [{by: ann, text: \"Hi\", source: s}]}");
    let mut app = App::new(load(&with_quote), (120, 40));
    select(&mut app, "d");
    update(&mut app, Msg::Copy);
    assert_eq!(app.writing.take_effect(), Some(Effect::Copy("2020-01-04 — Delta".into())));
    // Enter opens the quotes beside the list (issue 13); Shift-Tab focuses them.
    update(&mut app, Msg::OpenQuotes);
    update(&mut app, Msg::Focus(-1));
    update(&mut app, Msg::Copy);
    assert_eq!(app.writing.take_effect(), Some(Effect::Copy("“Hi” — Ann; “S”, https://s.example/1".into())));
    assert_eq!(app.writing.status.as_deref(), Some("copied the quote's citation to the clipboard"));
    update(&mut app, Msg::Move(Step::By(1)));
    assert_eq!(app.writing.status, None, "a message lasts until the next key");
}

#[test]
fn a_second_reload_of_the_same_save_keeps_the_first_summary_but_r_says_no_change() {
    let mut app = app();
    let v2 = V1.replace("title: Delta", "title: Delta!");
    reload(&mut app, &v2);
    reload(&mut app, &v2); // the watcher's notice of the save the editor made
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: 1 event changed"));
    update(&mut app, Msg::Reload);
    reload(&mut app, &v2);
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: no event changed"));
}

#[test]
fn renaming_an_actor_changes_the_events_that_name_it() {
    let mut app = self::app();
    reload(&mut app, &V1.replace("name: Bob", "name: Robert"));
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: 1 event changed"));
    // A new event with a new tag, first in the file, shifts every tag's index but changes no other event.
    let mut app = self::app();
    reload(&mut app, &V1.replace("events:\n", "events:\n- {id: z, date: 2019-01-01, title: Z, tags: [new]}\n"));
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: 1 event added"));
}

#[test]
fn a_failed_reload_while_searching_leaves_the_search_its_keys() {
    let mut app = app();
    update(&mut app, Msg::StartSearch);
    update(&mut app, Msg::ReloadFailed(vec![ProblemLine { line: 1, column: 1, message: "x".into() }]));
    update(&mut app, Msg::Input('a'));
    update(&mut app, Msg::Move(Step::By(1)));
    assert_eq!(app.filters.query, "a");
    assert_eq!(app.writing.problem_cursor, 0);
    assert!(app.writing.problems_open && !app.writing.problems_focused);
}
