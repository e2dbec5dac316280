//! Search tests through messages: case folding the same everywhere, the
//! query cap, and bounded work per keystroke however large one field is.

use super::*;
use crate::timeline::limits::Limits;
use crate::timeline::load_bytes;

fn app(yaml: &str) -> App {
    let t = load_bytes("s.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
    App::new(t, (120, 40))
}

const FOLDS: &str = "title: T\nactors:\n  - {id: gr, name: ΟΔΥΣΣΕΥΣ}\n  - {id: de, name: Straße}\n\
    events:\n\
      - {id: greek, date: 2020-01-01, title: ΣΑΣ, tags: [ΠΟΛΙΣ]}\n\
      - {id: turkish, date: 2020-01-02, title: İstanbul}\n\
      - {id: german, date: 2020-01-03, title: Grüße aus der STRAẞE}\n\
      - {id: other, date: 2020-01-04, title: Plain, actors: [gr, de]}\n";

fn search(app: &mut App, query: &str) -> Vec<String> {
    update(app, Msg::StartSearch);
    super::tests::type_text(app, query);
    let ids = super::tests::shown_ids(app).into_iter().map(str::to_owned).collect();
    update(app, Msg::Close);
    ids
}

#[test]
fn search_folds_sigma_dotted_i_and_sharp_s() {
    let mut app = app(FOLDS);
    assert_eq!(search(&mut app, "ΣΑΣ"), ["greek"], "word-final Σ in the query");
    assert_eq!(search(&mut app, "σας"), ["greek"]);
    assert_eq!(search(&mut app, "istanbul"), ["turkish"]);
    assert_eq!(search(&mut app, "İSTANBUL"), ["turkish"]);
    assert_eq!(search(&mut app, "strasse"), ["german", "other"], "title and actor name");
    assert_eq!(search(&mut app, "grüsse"), ["german"]);
    assert_eq!(search(&mut app, "odysseus"), Vec::<String>::new());
    assert_eq!(search(&mut app, "οδυσσευς"), ["other"], "actor name with a final sigma");
    assert_eq!(search(&mut app, "πολις"), ["greek"], "tag with a final sigma");
}

/// The entries of the `kind` picker after typing `text` into its filter;
/// the picker is closed again (Esc clears the filter, then closes).
fn picked(app: &mut App, kind: PickerKind, text: &str) -> Option<Vec<u32>> {
    update(app, Msg::OpenPicker(kind));
    update(app, Msg::StartSearch);
    super::tests::type_text(app, text);
    let entries = app.picker.as_ref().map(|p| p.entries.clone());
    update(app, Msg::Close);
    update(app, Msg::Close);
    assert!(app.picker.is_none());
    entries
}

#[test]
fn pickers_fold_as_search_does() {
    let mut app = app(FOLDS);
    assert_eq!(picked(&mut app, PickerKind::Actors, "οδυσσευς"), Some(vec![0]));
    assert_eq!(picked(&mut app, PickerKind::Actors, "STRASSE"), Some(vec![1]));
    assert_eq!(picked(&mut app, PickerKind::Tags, "πολις").map(|e| e.len()), Some(1));
}

#[test]
fn a_long_query_is_capped_and_the_cache_stays_small() {
    let mut app = app(FOLDS);
    update(&mut app, Msg::StartSearch);
    // 40,000 characters typed: the old cache held a copy of the query per prefix (0.9 GB here).
    for _ in 0..40_000 {
        update(&mut app, Msg::Input('a'));
    }
    assert_eq!(app.filters.query.chars().count(), search::MAX_QUERY);
    assert!(app.search_cache.heap_bytes() < 16 * 1024, "{} bytes", app.search_cache.heap_bytes());
    // Set whole, as a paste does: cut the same way.
    assert!(app.filters.set_query("ß".repeat(40_000)));
    assert_eq!(app.filters.query, "ß".repeat(search::MAX_QUERY));
    assert!(!app.filters.set_query("ß".repeat(50_000)), "the same query once cut");
    nav::refilter(&mut app);
    assert!(app.search_cache.heap_bytes() < 16 * 1024, "{} bytes", app.search_cache.heap_bytes());
    update(&mut app, Msg::Backspace);
    assert_eq!(app.filters.query.chars().count(), search::MAX_QUERY - 1);
}

#[test]
fn one_huge_summary_leaves_each_keystroke_bounded() {
    let mut t = load_bytes("s.yaml", FOLDS.as_bytes(), &Limits::default()).expect("fixture loads");
    let words = "the convoy reached the border crossing ";
    let huge = format!("{}needle", words.repeat(10 * 1024 * 1024 / words.len()));
    t.events[0].summary = Some(huge.into());
    let mut app = App::new(t, (120, 40));
    // The first 64 KiB of the summary and the other fields: not 10 MB.
    let hay = app.index.get().events.bytes();
    assert!(hay < 70_000, "the index holds {hay} bytes for a 10 MB summary");
    update(&mut app, Msg::StartSearch);
    let mut before = app.index.get().bytes_scanned();
    for c in "convoy".chars() {
        update(&mut app, Msg::Input(c));
        let now = app.index.get().bytes_scanned();
        assert!(now - before < 140_000, "{} bytes read for one key", now - before);
        before = now;
    }
    assert_eq!(app.shown.events().len(), 1);
    // Past the searched part of the field: not found, by design.
    assert!(search(&mut app, "needle").is_empty());
}
