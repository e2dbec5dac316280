//! A large file on a terminal shows its first screen while it loads: the
//! title and first events with `loading N%`, keys working, the rest filling
//! in; a problem found in a later chunk leaves the screen and prints every
//! problem as a failed load does. The load is held after its first part (a
//! debug-build hook) so the tests look at a screen still loading without
//! depending on how long the load takes.

use crate::pty::{BIN, Session, last};
use crate::{ALT_OFF, ALT_ON, ScratchFile, assert_restored, big_file, contains, start_held_by, tempdir};

/// Starts tlview on `file`, its load held after the first part until the
/// returned hold file is removed (see [`start_held_by`]).
fn start_held_after_first(file: &str) -> (ScratchFile, Session) {
    start_held_by("TLVIEW_DEBUG_HOLD_PARTS", file)
}

#[test]
fn a_large_file_shows_its_title_and_loading_before_its_last_event() {
    let file = big_file(5_000);
    let (hold, mut s) = start_held_after_first(file.arg());
    let screen = s.wait_all(&["Synthetic chronology", "loading "], &[]);
    assert!(!screen.contains("5000 events"), "every event was listed before the load completed:\n{screen}");
    // Keys work during the load: moving does, search says it waits.
    s.send("G");
    s.send("/");
    s.wait_text("search waits");
    std::fs::remove_file(hold.path()).expect("release the load");
    s.wait_all(&["of 5000 events"], &["loading "]);
    // The search index is built once the load completes: search works now.
    s.send("/");
    s.wait_text("▏");
    s.send("\x1b");
    s.wait_all(&[], &["▏"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}

#[test]
fn a_problem_in_a_later_chunk_leaves_the_screen_and_prints_every_problem() {
    let mut yaml = crate::generate::timeline_yaml(5_000, 5);
    // Two problems near the end of the file, in chunks loaded after the first screen.
    let at = yaml.rfind("    date: ").expect("a date");
    yaml.replace_range(at..at + "    date: ".len(), "    date: 2018-13-45\n    extra: ");
    yaml.push_str("  - id: e0\n    date: 2018-02-20\n    title: A repeated id\n");
    let late = ScratchFile::new("late.yaml", &yaml);
    let file = late.arg();
    let check = std::process::Command::new(BIN).args(["--check", file]).output().expect("run --check");
    assert_eq!(check.status.code(), Some(1));
    let expected = String::from_utf8(check.stdout).expect("utf-8");
    assert!(expected.lines().count() >= 2, "{expected}");

    let (hold, mut s) = start_held_after_first(file);
    s.wait_text("loading ");
    std::fs::remove_file(hold.path()).expect("release the load");
    assert_eq!(s.wait_exit(), 1);
    let bytes = s.bytes();
    assert!(contains(&bytes, ALT_ON), "the first screen was never shown");
    assert_restored(&bytes);
    let after =
        String::from_utf8_lossy(&bytes[last(&bytes, ALT_OFF).expect("left the screen")..]).replace("\r\n", "\n");
    for line in expected.lines() {
        assert!(after.contains(line), "{line:?} not printed after the screen was left:\n{after}");
    }
}

/// Opens `file` on a terminal: its events show, then `q` quits cleanly.
fn opens_on_a_terminal(file: &std::path::Path, expected: &[&str]) {
    let mut s = Session::start(&[file.to_str().expect("utf-8 path")], 120, 40);
    s.wait_all(expected, &[]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}

#[test]
fn timelinejs_json_and_csv_files_open_on_a_terminal() {
    let dir = tempdir();
    let json = dir.path().join("flood.json");
    std::fs::write(
        &json,
        r#"{"title": {"text": {"headline": "Flood watch"}}, "events": [
            {"start_date": {"year": 2021, "month": 7, "day": 14}, "text": {"headline": "River bursts its banks"}},
            {"start_date": {"year": 2021, "month": 7, "day": 15}, "text": {"headline": "Town evacuated"}}]}"#,
    )
    .expect("write json");
    opens_on_a_terminal(&json, &["River bursts its banks", "Town evacuated"]);
    let csv = dir.path().join("sheet.csv");
    std::fs::write(&csv, "Year,Month,Day,Headline,Text\n2019,3,1,Dam inspected,\n2019,4,2,Dam repaired,\n")
        .expect("write csv");
    opens_on_a_terminal(&csv, &["Dam inspected", "Dam repaired"]);
    // A TimelineJS file by its content alone, whatever its name.
    let plain = dir.path().join("export");
    std::fs::copy(&json, &plain).expect("copy");
    opens_on_a_terminal(&plain, &["River bursts its banks"]);
}

#[test]
fn a_search_worked_out_in_steps_ends_on_every_match() {
    // With the debug hook, a search of 4,096 events or more is worked out in
    // steps (256k otherwise): the loop finishes it while no key waits. The
    // test checks where it ends (the steps and each keystroke's screen are
    // the model tests', progressive_tests.rs); it fails if the loop never
    // sends the steps.
    let file = big_file(5_000);
    let yaml = std::fs::read(file.path()).expect("read the file back");
    // The whole search, in-process: what the viewer must end on.
    let t = tlview::timeline::load_bytes("big.yaml", &yaml, &Default::default()).expect("loads");
    let mut whole = tlview::app::App::new(t, (120, 40));
    whole.filters.set_query("pr".to_owned());
    tlview::app::nav::refilter(&mut whole);
    let want = format!(" {} of 5000 events", whole.shown.events().len());

    let mut s = Session::start_with_env(&[file.arg()], &[("TLVIEW_DEBUG_SLICED_FROM", "4096")], 120, 40);
    s.wait_all(&["of 5000 events"], &["loading "]);
    s.send("/");
    s.wait_text("▏");
    // A burst: when both keys are read at once, the second voids the first
    // one's work, and `pr` is a scan of all 5,000 events in steps.
    s.send("pr");
    s.wait_all(&[&want, "/pr▏"], &["searching…"]);
    // Enter keeps the search, every match listed.
    s.send("\r");
    s.wait_all(&[&want, "search \"pr\""], &["▏"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}
