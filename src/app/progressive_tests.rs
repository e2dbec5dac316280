//! Search while typing in a large timeline: each keystroke shows exactly
//! the matches the whole search shows on screen, the work left is done in
//! slices, and the end state is the whole search's, through any typing.

use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::load_bytes;

/// A timeline of `n` events with titles from a small alphabet, a third
/// involving Ann (whose name a search matches too), a few tagged `zed`.
fn timeline(n: usize, seed: u64) -> crate::timeline::Timeline {
    let mut yaml = String::from("title: T\nactors:\n  - {id: ann, name: Ann}\n  - {id: bob, name: Bob}\nevents:\n");
    let mut seq = crate::test_seq::Seq::new(seed);
    for i in 0..n {
        let mut title = String::new();
        for _ in 0..5 {
            title.push(['a', 'b', 'c', 'a', 'b', 'd'][(seq.next() >> 33) as usize % 6]);
        }
        let actor = if i % 3 == 0 { "ann" } else { "bob" };
        let tag = if i % 17 == 0 { ", tags: [zed]" } else { "" };
        let day = 1 + i / 12 % 28;
        yaml.push_str(&format!("  - {{id: e{i}, date: 2020-02-{day:02}, title: x{title}, actors: [{actor}]{tag}}}\n"));
    }
    load_bytes("p.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads")
}

const SIZE: (u16, u16) = (80, 16);

/// What the whole search shows for `query` from selection `selected`: a
/// viewer refiltered at once, as before search was done in slices.
fn whole(reference: &mut App, query: &str, selected: Option<u32>) -> (Vec<u32>, Option<u32>) {
    reference.selected = selected;
    reference.filters.set_query(query.to_owned());
    nav::refilter(reference);
    (reference.shown.events().to_vec(), reference.selected)
}

#[test]
fn each_keystroke_shows_the_whole_searchs_matches_on_screen_and_the_rest_follows() {
    let t = timeline(400, 3);
    let mut app = App::new(t.clone(), SIZE);
    let mut reference = App::new(t, SIZE);
    let rows = layout::list_rows(&app);
    app.mode = Mode::Search;
    let (mut seq, mut windows, mut whole_at_once) = (crate::test_seq::Seq::new(5), 0, 0);
    for step in 0..600 {
        let seed = seq.next();
        let before = app.selected;
        // Short queries mostly: they match densely, as the first letters typed do.
        let long = app.filters.query.chars().count() >= 2;
        match (seed >> 33) % 9 {
            0 | 1 => update(&mut app, Msg::Backspace),
            4..=6 if long => update(&mut app, Msg::Backspace),
            2 => update(&mut app, Msg::Work),
            3 => update(&mut app, Msg::Move(Step::By(((seed >> 40) % 7) as i32 - 3))),
            _ => update(&mut app, Msg::Input(['a', 'b', 'c', 'n', 'x', 'd'][(seed >> 40) as usize % 6])),
        }
        if app.mode != Mode::Search {
            app.mode = Mode::Search;
        }
        let query = app.filters.query.clone();
        let Some(_) = &app.searching else {
            // Done (or never sliced): the whole search's list and selection.
            if !matches!((seed >> 33) % 9, 2 | 3) {
                let (events, selected) = whole(&mut reference, &query, before);
                assert_eq!(app.shown.events(), events, "step {step}, {query:?}");
                assert_eq!(app.selected, selected, "step {step}, {query:?}");
                whole_at_once += 1;
            }
            continue;
        };
        windows += 1;
        let (events, selected) = whole(&mut reference, &query, before);
        assert_eq!(app.selected, selected, "step {step}: the selection moves as the whole search moves it");
        // The window is the whole result between its ends...
        let window = app.shown.events();
        let (lo, hi) = (window[0], window[window.len() - 1]);
        let inside: Vec<u32> = events.iter().copied().filter(|&e| (lo..=hi).contains(&e)).collect();
        assert_eq!(window, inside, "step {step}, {query:?}");
        // ...and reaches a screenful each side of the selection, or the list's end.
        let at = window.iter().position(|&e| Some(e) == app.selected).expect("the selection is in the window");
        assert!(at >= rows || events[0] == lo, "step {step}: {at} before");
        assert!(window.len() - at > rows || events[events.len() - 1] == hi, "step {step}: {} after", window.len() - at);
        // The rest, in slices: the whole result, the selected row on its line.
        let line = app.shown.row_of(at) - app.list_offset;
        while app.searching.is_some() {
            update(&mut app, Msg::Work);
        }
        assert_eq!(app.shown.events(), events, "step {step}, {query:?}");
        assert_eq!(app.selected, selected);
        let p = app.selected_pos().expect("a selection");
        assert_eq!(app.shown.row_of(p) - app.list_offset, line, "step {step}: the selected row moved on screen");
    }
    assert!(windows > 40 && whole_at_once > 40, "{windows} windows, {whole_at_once} whole");
}

#[test]
fn keys_other_than_typing_see_every_match() {
    let mut app = App::new(timeline(400, 3), SIZE);
    update(&mut app, Msg::StartSearch);
    update(&mut app, Msg::Input('a'));
    assert!(app.searching.is_some(), "a dense match over 400 events is worked out in slices");
    let partial = app.shown.events().len();
    // Enter finishes the search before leaving the prompt; G then goes to the last match.
    update(&mut app, Msg::Accept);
    assert!(app.searching.is_none() && app.shown.events().len() > partial);
    update(&mut app, Msg::Move(Step::Last));
    assert_eq!(app.selected, app.shown.events().last().copied());
    // A resize finishes it too (the window was found for the old height); quitting does not wait.
    update(&mut app, Msg::StartSearch);
    update(&mut app, Msg::Input('c'));
    assert!(app.searching.is_some());
    update(&mut app, Msg::Resize(80, 40));
    assert!(app.searching.is_none());
    let (events, _) = whole(&mut App::new(timeline(400, 3), SIZE), "ac", None);
    assert_eq!(app.shown.events(), events);
    update(&mut app, Msg::Backspace);
    assert!(app.searching.is_some());
    update(&mut app, Msg::Quit);
    assert!(app.quit && app.searching.is_some());
    app.quit = false;
    update(&mut app, Msg::Accept);
    // Esc drops the work: the list is whole again.
    update(&mut app, Msg::StartSearch);
    update(&mut app, Msg::Input('b'));
    assert!(app.searching.is_some());
    update(&mut app, Msg::Close);
    assert!(app.searching.is_none());
    assert_eq!(app.shown.events().len(), 400);
    // A reload drops the work, the new version searched whole.
    update(&mut app, Msg::StartSearch);
    update(&mut app, Msg::Input('a'));
    assert!(app.searching.is_some());
    let reloaded = crate::app::Loaded(std::sync::Arc::new(timeline(400, 4)));
    update(&mut app, Msg::Reloaded(reloaded));
    assert!(app.searching.is_none());
    let (events, _) = whole(&mut App::new(timeline(400, 4), SIZE), "a", None);
    assert_eq!(app.shown.events(), events);
    update(&mut app, Msg::Accept);
    // Another filter in force: the search runs whole.
    update(&mut app, Msg::ToggleUnsourced);
    update(&mut app, Msg::StartSearch);
    update(&mut app, Msg::Input('a'));
    assert!(app.searching.is_none());
}

#[test]
fn sparse_matches_run_the_search_whole() {
    let mut app = App::new(timeline(400, 3), SIZE);
    update(&mut app, Msg::StartSearch);
    // `zed` tags one event in 17: a screenful is farther than the window reads.
    for c in "zed".chars() {
        update(&mut app, Msg::Input(c));
        assert!(app.searching.is_none(), "{c}");
    }
    assert_eq!(app.shown.events().len(), 400usize.div_ceil(17));
}
