//! A viewer on a file still loading: parts in, the state checked. No terminal.

use super::tests::{selected_id, shown_ids};
use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::{Part, Timeline, load_bytes};
use std::sync::Arc;

/// Twelve events, the file's order not the dates' (`k` has `after: a`, which
/// only the final order honours).
fn full() -> Timeline {
    let mut yaml = String::from("title: Growing\nevents:\n");
    for (id, day) in [("a", 10), ("b", 11), ("c", 12), ("d", 3), ("e", 14), ("f", 2)] {
        yaml.push_str(&format!("  - {{id: {id}, date: 2020-01-{day:02}, title: Event {id}, tags: [t{id}]}}\n"));
    }
    for (id, day) in [("g", 1), ("h", 20), ("i", 21), ("j", 4), ("l", 23)] {
        yaml.push_str(&format!("  - {{id: {id}, date: 2020-01-{day:02}, title: Event {id}, tags: [t{id}]}}\n"));
    }
    yaml.push_str("  - {id: k, date: 2020-01, title: Event k, after: [a]}\n");
    load_bytes("g.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads")
}

/// The events of `t` with these ids, in this order (as a chunk of the file hands them over).
fn events(t: &Timeline, ids: &[&str]) -> Vec<crate::timeline::Event> {
    ids.iter().map(|id| t.events.iter().find(|e| &*e.id == *id).expect("id").clone()).collect()
}

/// A viewer on the first part: events a to d of the file.
fn first(t: &Timeline) -> App {
    let mut head = t.clone();
    head.events = events(t, &["a", "b", "c", "d"]);
    let mut app = App::loading(head, (120, 40));
    update(&mut app, Msg::LoadProgress(25, 100));
    app
}

fn more(t: &Timeline, ids: &[&str]) -> Msg {
    part(events(t, ids))
}

/// A later part holding `events` and no new tag.
fn part(events: Vec<crate::timeline::Event>) -> Msg {
    Msg::LoadPart(Piece(Arc::new(Part::More { events, tags: Vec::new() })))
}

/// A file of `n` events `e0`, `e1`… whose rest of the entry (`date: …,
/// title: …`) `entry` writes from a random number, loaded; and its events
/// in the file's order (a load hands them over that way).
fn scrambled(n: usize, seed: u64, entry: impl Fn(u64) -> String) -> (Timeline, Vec<crate::timeline::Event>) {
    let mut yaml = String::from("title: Scrambled\nevents:\n");
    let mut seq = crate::test_seq::Seq::new(seed);
    for i in 0..n {
        yaml.push_str(&format!("  - {{id: e{i}, {}}}\n", entry(seq.next())));
    }
    let t = load_bytes("s.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
    let mut file_order = t.events.clone();
    file_order.sort_by_key(|e| e.id[1..].parse::<usize>().unwrap_or(0));
    (t, file_order)
}

/// A viewer on the first part of `t`: `head`.
fn loading_on(t: &Timeline, head: &[crate::timeline::Event]) -> App {
    let mut first = t.clone();
    first.events = head.to_vec();
    App::loading(first, (120, 40))
}

#[test]
fn the_first_screen_shows_the_first_part_in_date_order() {
    let t = full();
    let app = first(&t);
    assert_eq!(shown_ids(&app), ["d", "a", "b", "c"]);
    assert_eq!(app.timeline.title, "Growing");
    assert_eq!(app.load.as_ref().map(loading::Loading::percent), Some(25));
}

#[test]
fn parts_merge_in_growing_batches_and_the_selection_stays_on_its_event() {
    let t = full();
    let mut app = first(&t);
    update(&mut app, Msg::Move(Step::By(2)));
    assert_eq!(selected_id(&app), "b");
    // Three events wait: fewer than the list so far.
    update(&mut app, more(&t, &["e", "f"]));
    update(&mut app, more(&t, &["g"]));
    assert_eq!(shown_ids(&app), ["d", "a", "b", "c"]);
    // A fourth makes a batch: `f` and `g` sort before the selection, which follows its event.
    update(&mut app, more(&t, &["h"]));
    assert_eq!(shown_ids(&app), ["g", "f", "d", "a", "b", "c", "e", "h"]);
    assert_eq!(selected_id(&app), "b");
    update(&mut app, more(&t, &["i", "j", "l", "k"]));
    assert_eq!(shown_ids(&app).len(), 8, "four wait for four more");
    assert_eq!(selected_id(&app), "b");
}

#[test]
fn the_final_order_replaces_the_provisional_one_keeping_the_selection() {
    let t = full();
    let mut app = first(&t);
    update(&mut app, Msg::Move(Step::By(1)));
    assert_eq!(selected_id(&app), "a");
    update(&mut app, Msg::OpenQuotes);
    update(&mut app, Msg::LoadDone(Loaded(Arc::new(t.clone()))));
    assert!(app.load.is_none());
    assert_eq!(app.shown.events().len(), t.events.len());
    assert_eq!(selected_id(&app), "a");
    // `k` starts first but comes after `a`: the final order, not the dates'.
    let order = shown_ids(&app);
    assert!(order.iter().position(|&i| i == "k") > order.iter().position(|&i| i == "a"), "{order:?}");
    // Search works once loaded.
    update(&mut app, Msg::StartSearch);
    update(&mut app, Msg::Input('k'));
    assert_eq!(shown_ids(&app), ["k"]);
}

#[test]
fn search_and_filters_wait_for_the_load_and_say_so_while_moving_works() {
    let t = full();
    let mut app = first(&t);
    let waiting = [Msg::StartSearch, Msg::OpenPicker(PickerKind::Tags), Msg::ToggleUnsourced, Msg::Reload, Msg::Export];
    for msg in waiting {
        update(&mut app, msg.clone());
        assert_eq!(app.mode, Mode::Browse, "{msg:?}");
        let status = app.writing.status.clone().unwrap_or_default();
        // It names what waits, beside the bar's `loading 25%`, short enough
        // for an 80-column status bar.
        assert_eq!(app.load.as_ref().map(loading::Loading::percent), Some(25));
        assert!(status.ends_with(" waits") && status.chars().count() <= 26, "{msg:?}: {status}");
    }
    update(&mut app, Msg::StartSearch);
    assert_eq!(app.writing.status.as_deref(), Some("search waits"));
    update(&mut app, Msg::Move(Step::Last));
    assert_eq!(selected_id(&app), "c");
    update(&mut app, Msg::ToggleHelp);
    assert_eq!(app.mode, Mode::Help);
}

#[test]
fn a_failed_load_ends_the_viewer() {
    let t = full();
    let mut app = first(&t);
    update(&mut app, Msg::LoadFailed);
    assert!(app.quit && app.load.as_ref().is_some_and(|l| l.failed));
}

#[test]
fn merged_batches_leave_the_lookups_a_fresh_build_would_make() {
    // Days and times in a scrambled order, some equal, some spans, so batches
    // overlap the list's tail, fall before it, and tie with it.
    let (t, file_order) = scrambled(300, 11, |seed| {
        let day = 1 + (seed >> 33) % 28;
        let date = match (seed >> 40) % 4 {
            0 => format!("2020-01-{day:02}"),
            1 => format!("2020-01-{day:02}T{:02}:00:00Z", (seed >> 45) % 24),
            2 => "2020-01".to_owned(),
            _ => format!("2020-01-{day:02}, end: 2020-02-{day:02}"),
        };
        format!("date: {date}, title: {}", "w".repeat(1 + (seed >> 50) as usize % 40))
    });
    let mut app = loading_on(&t, &file_order[..20]);
    for chunk in file_order[20..].chunks(7) {
        update(&mut app, part(chunk.to_vec()));
    }
    let listed = app.timeline.events.len();
    assert!(listed > 150, "several batches merged: {listed}");
    // What a viewer built afresh on the same events in a stable start order has.
    let mut fresh = (*app.timeline).clone();
    let mut expected: Vec<crate::timeline::Event> = file_order[..listed].to_vec();
    expected.sort_by_key(crate::timeline::Event::start);
    let got: Vec<&str> = app.timeline.events.iter().map(|e| &*e.id).collect();
    assert_eq!(got, expected.iter().map(|e| &*e.id).collect::<Vec<_>>(), "a stable sort by start");
    fresh.events = expected;
    assert_eq!(app.keys, event_keys::EventKeys::build(&fresh));
    // The span and earliest event, from the events' dates.
    let starts = || fresh.events.iter().map(crate::timeline::Event::start);
    let first = starts().min().expect("events");
    let last = fresh.events.iter().map(crate::timeline::Event::finish).max().expect("events");
    assert_eq!(app.span, (first, last.max(first + 1)));
    assert_eq!(app.earliest, starts().position(|s| s == first).and_then(|i| u32::try_from(i).ok()));
    assert_eq!(app.widest_title, state::widest_title(&fresh));
}

#[test]
fn the_loaded_viewer_has_a_fresh_viewers_keys_whether_or_not_the_order_changed() {
    // `full` ends in a different order than the provisional list (`k` after
    // `a`); the same file without `k` ends in the provisional order, whose
    // keys the loaded viewer may keep: either way they must be a fresh
    // viewer's.
    let with_k = full();
    let mut without_k = with_k.clone();
    without_k.events.retain(|e| &*e.id != "k");
    for t in [with_k, without_k] {
        let mut app = first(&t);
        let rest: Vec<&str> = t.events.iter().map(|e| &*e.id).filter(|id| !"abcd".contains(id)).collect();
        update(&mut app, more(&t, &rest));
        update(&mut app, Msg::LoadDone(Loaded(Arc::new(t.clone()))));
        let fresh = App::new(t.clone(), (120, 40));
        assert_eq!(shown_ids(&app), shown_ids(&fresh));
        assert_eq!(app.keys, fresh.keys);
        assert_eq!((app.span, app.earliest, app.widest_title), (fresh.span, fresh.earliest, fresh.widest_title));
    }
}

/// Batches that fall before, among and after the selection, in a file in no
/// date order: the selection follows its event through every merge and the end.
#[test]
fn the_selection_stays_on_its_event_through_scrambled_batches_and_the_end() {
    let (t, file_order) = scrambled(3000, 5, |seed| {
        let (y, m, d) = (1990 + (seed >> 33) % 30, 1 + (seed >> 40) % 12, 1 + (seed >> 50) % 28);
        format!("date: {y}-{m:02}-{d:02}, title: E")
    });
    let mut app = loading_on(&t, &file_order[..70]);
    for _ in 0..3 {
        update(&mut app, Msg::Move(Step::By(1)));
    }
    let want = selected_id(&app).to_owned();
    for chunk in file_order[70..].chunks(300) {
        update(&mut app, part(chunk.to_vec()));
        assert_eq!(selected_id(&app), want, "after a part, {} listed", app.timeline.events.len());
    }
    update(&mut app, Msg::LoadDone(Loaded(Arc::new(t.clone()))));
    assert_eq!(selected_id(&app), want);
}
