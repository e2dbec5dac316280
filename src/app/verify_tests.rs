//! The fact-checker's keys (unsourced and status filters, related events)
//! and an empty timeline under every key of the table.

use super::tests::shown_ids;
use super::*;
use crate::keys::BINDINGS;
use crate::timeline::limits::Limits;
use crate::timeline::{Status, load_bytes};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(yaml: &str) -> App {
    let t = load_bytes("v.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
    App::new(t, (100, 30))
}

fn fixture() -> App {
    app("title: T\nsources:\n  - {id: s, title: S}\nevents:\n\
         - {id: a, date: 2020-01-01, title: Alpha, sources: [s], status: confirmed, related: [c, d]}\n\
         - {id: b, date: 2020-01-02, title: Bravo, status: disputed}\n\
         - {id: c, date: 2020-01-03, title: Charlie, sources: [s]}\n\
         - {id: d, date: 2020-01-04, title: Delta}\n")
}

fn draw(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("backend");
    term.draw(|f| {
        crate::ui::draw(f, app, crate::ui::Theme::from_env(Some(std::ffi::OsStr::new("1"))));
    })
    .expect("draw");
    let buf = term.backend().buffer().clone();
    buf.content.iter().map(ratatui::buffer::Cell::symbol).collect()
}

#[test]
fn unsourced_filter_keeps_only_events_with_no_source() {
    let mut app = fixture();
    update(&mut app, Msg::ToggleUnsourced);
    assert_eq!(shown_ids(&app), ["b", "d"]);
    update(&mut app, Msg::ToggleUnsourced);
    assert_eq!(shown_ids(&app), ["a", "b", "c", "d"]);
}

#[test]
fn status_filter_cycles_through_every_status_then_all() {
    let mut app = fixture();
    let mut seen = Vec::new();
    for _ in 0..6 {
        update(&mut app, Msg::CycleStatus);
        seen.push((app.filters.status, shown_ids(&app).join("")));
    }
    assert_eq!(
        seen,
        [
            (Some(Some(Status::Confirmed)), "a".into()),
            (Some(Some(Status::Unconfirmed)), String::new()),
            (Some(Some(Status::Disputed)), "b".into()),
            (Some(Some(Status::False)), String::new()),
            (Some(None), "cd".into()),
            (None, "abcd".into()),
        ]
    );
}

#[test]
fn r_follows_each_related_event_in_turn_even_when_filtered_out() {
    let mut app = fixture();
    update(&mut app, Msg::FollowRelated);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("c"));
    update(&mut app, Msg::FollowRelated);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("d"));
    update(&mut app, Msg::FollowRelated);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("c"));
    nav::select(&mut app, 1);
    update(&mut app, Msg::FollowRelated);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("b"), "no related events: stays");
    nav::select(&mut app, 0);
    update(&mut app, Msg::CycleStatus);
    assert_eq!(shown_ids(&app), ["a"]);
    update(&mut app, Msg::FollowRelated);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("c"), "filters cleared to show it");
    assert_eq!(shown_ids(&app), ["a", "b", "c", "d"]);
}

#[test]
fn every_key_works_on_an_empty_timeline() {
    for yaml in ["title: Empty\nevents: []\n", "title: Empty\n"] {
        for b in BINDINGS {
            for mode in [b.mode, Mode::Browse] {
                let mut app = app(yaml);
                app.mode = mode;
                for _ in 0..2 {
                    update(&mut app, b.msg.clone());
                    let _ = draw(&app);
                }
            }
        }
        let screen = draw(&app(yaml));
        assert!(screen.contains("No events yet"), "{screen}");
    }
}

#[test]
fn search_finds_new_fields_kinds_and_source_authors() {
    let mut app = app(include_str!("../../tests/fixtures/ever-given.yaml"));
    let search = |app: &mut App, q: &str| {
        update(app, Msg::StartSearch);
        q.chars().for_each(|c| update(app, Msg::Input(c)));
        let found: Vec<String> = shown_ids(app).iter().map(|s| (*s).to_owned()).collect();
        update(app, Msg::Close);
        found
    };
    assert_eq!(search(&mut app, "investigation report"), Vec::<String>::new());
    assert_eq!(search(&mut app, "find the investigation"), ["wind-cause"], "notes");
    assert_eq!(search(&mut app, "early hours"), ["partial-refloat"], "display_date");
    assert_eq!(search(&mut app, "satellite image"), ["grounding"], "media credit");
    assert_eq!(search(&mut app, "لقد"), ["rabie-speaks"], "original words");
    let sca = app.timeline.actors.iter().position(|a| a.id == "sca").and_then(|i| u32::try_from(i).ok());
    let with_sca: Vec<String> = app
        .timeline
        .events
        .iter()
        .filter(|e| sca.is_some_and(|s| e.actors.contains(&s)))
        .map(|e| e.id.to_string())
        .collect();
    assert_eq!(search(&mut app, "government agency"), with_sca, "actor kind");
    assert_eq!(search(&mut app, "b. reporter").len(), 4, "source author");
}

#[test]
fn f_shows_a_related_event_the_as_of_cursor_hides() {
    let mut app = fixture();
    update(&mut app, Msg::StartAsOf);
    "2020-01-02".chars().for_each(|c| update(&mut app, Msg::Input(c)));
    update(&mut app, Msg::Accept);
    assert_eq!(shown_ids(&app), ["a", "b"]);
    nav::select(&mut app, 0);
    update(&mut app, Msg::FollowRelated);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("c"));
    assert_eq!((app.asof.at, shown_ids(&app).len()), (None, 4), "the cursor removed to show it");
}
