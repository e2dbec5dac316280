//! `tlview --check` end to end through the binary: the Ever Given fixture
//! (free-text kinds, the new keys, unsourced events), warnings and
//! `--strict` exit codes, empty timelines, and the bundled timeline's name.

use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ever-given.yaml");

fn check(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tlview")).arg("--check").args(args).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_ever_given_timeline_loads_and_lists_its_unsourced_events() {
    let (status, out) = check(&[FIXTURE]);
    assert_eq!(status, 0, "{out}");
    let warnings: Vec<&str> = out.lines().filter(|l| l.contains(": warning: ")).collect();
    assert_eq!(warnings.len(), 7, "{out}");
    assert!(warnings.iter().all(|w| w.ends_with("no source: add `sources: [id]` naming what the event rests on")));
    assert!(warnings[0].ends_with("ever-given.yaml:77:5: warning: event `tugs-dispatched`: no source: add `sources: [id]` naming what the event rests on"), "{}", warnings[0]);
    assert!(out.ends_with("ever-given.yaml: ok: 23 events, 9 actors, 3 quotes\n"), "{out}");
}

#[test]
fn strict_turns_warnings_into_exit_status_1() {
    let (status, out) = check(&["--strict", FIXTURE]);
    assert_eq!(status, 1, "{out}");
    assert!(out.ends_with("ever-given.yaml: 7 warnings (--strict)\n"), "{out}");
    let (status, out) = check(&["--strict"]);
    assert_eq!((status, out.starts_with("(bundled) deir-ez-zor-2018.yaml: ok: ")), (0, true), "{out}");
}

#[test]
fn an_empty_timeline_checks_ok() {
    let dir = tempfile::Builder::new().prefix("tlview-check-").tempdir().expect("temp dir");
    let file = dir.path().join("empty.yaml");
    std::fs::write(&file, "title: New story\nevents: []\n").expect("write");
    let (status, out) = check(&["--strict", file.to_str().expect("utf-8 path")]);
    assert_eq!(status, 0, "{out}");
    assert!(out.ends_with("empty.yaml: ok: 0 events, 0 actors, 0 quotes\n"), "{out}");
}
