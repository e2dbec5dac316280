//! `tlview new FILE` and `tlview --example`, run as the binary.

use std::process::Command;

fn tlview(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tlview")).args(args).output().expect("runs")
}

#[test]
fn new_writes_a_valid_starter_and_refuses_to_overwrite() {
    let dir = tempfile::Builder::new().prefix("tlview-write-cli-").tempdir().expect("temp dir");
    let file = dir.path().join("mine.yaml");
    let out = tlview(&["new".as_ref(), file.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    let check = tlview(&["--check".as_ref(), file.as_os_str()]);
    assert!(check.status.success(), "{check:?}");
    assert!(String::from_utf8_lossy(&check.stdout).contains("ok: 2 events, 1 actors, 1 quotes"), "{check:?}");
    let again = tlview(&["new".as_ref(), file.as_os_str()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"), "{again:?}");
}

#[test]
fn example_prints_the_bundled_timeline() {
    let out = tlview(&["--example".as_ref()]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), tlview::timeline::BUNDLED);
}
