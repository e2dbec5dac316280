//! Issue 14 in a real terminal: `e` runs the editor at the event and the
//! viewer reloads; saves from outside (in place, by rename) show up; a broken
//! save keeps the last good version and lists the problem until fixed; links,
//! the clipboard sequence and the opener.

use super::contains;
use super::pty::{Session, last};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const FILE: &str = "title: Writing test\nsources:\n  - id: s\n    title: The report\n    publisher: Example News\n    url: https://example.org/report\n  - id: j\n    title: Bad link\n    url: javascript:alert(1)\n  - id: f\n    title: Local\n    url: file:///etc/passwd\nevents:\n  - id: a\n    date: 2020-01-01\n    title: Alpha happens\n    sources: [s, j, f]\n  - id: b\n    date: 2020-01-02\n    title: Bravo happens\n";

/// A fresh directory with the timeline in it, removed (even when the test
/// fails) when the guard drops: bind it before the session so that it
/// outlives the viewer and the scripts it runs.
fn setup(tag: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::Builder::new().prefix(&format!("tlview-e2e-write-{tag}-")).tempdir().expect("temp dir");
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, FILE).expect("write");
    (dir, file)
}

fn script(path: &Path, body: &str) {
    std::fs::write(path, format!("#!/bin/sh\n{body}")).expect("script");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

fn open(file: &Path, env: &[(&str, &str)]) -> Session {
    let s = Session::start_with_env(&[file.to_str().expect("utf-8 path")], env, 120, 40);
    s.wait_text("2 of 2 events");
    s
}

#[test]
fn e_opens_the_editor_at_the_selected_event_and_reloads() {
    let (dir, file) = setup("edit");
    let editor = dir.path().join("fake-editor");
    let args = dir.path().join("args");
    script(
        &editor,
        &format!(
            "printf '%s\\n' \"$@\" > '{}'\nfor f; do :; done\nprintf '  - id: c\\n    date: 2020-01-03\\n    title: Charlie added\\n' >> \"$f\"\n",
            args.display()
        ),
    );
    let mut s = open(&file, &[("VISUAL", ""), ("EDITOR", editor.to_str().expect("utf-8"))]);
    s.send("j");
    s.wait_text("When    Thursday 2 January 2020");
    s.send("e");
    s.wait_all(&["3 of 3 events", "reloaded: 1 event added", "Bravo happens"], &[]);
    assert_eq!(std::fs::read_to_string(&args).expect("editor ran"), format!("+18\n{}\n", file.display()));
}

#[test]
fn saves_from_outside_show_up_in_place_and_by_rename() {
    let (dir, file) = setup("outside");
    let s = open(&file, &[]);
    std::fs::write(&file, FILE.replace("Bravo happens", "Bravo changed in place")).expect("write");
    s.wait_all(&["Bravo changed in place", "reloaded: 1 event changed"], &[]);
    let tmp = dir.path().join(".t.yaml.swp");
    std::fs::write(&tmp, FILE.replace("Bravo happens", "Bravo renamed over")).expect("write");
    std::fs::rename(&tmp, &file).expect("rename");
    s.wait_text("Bravo renamed over");
}

#[test]
fn a_broken_save_keeps_the_old_version_and_lists_the_problem_until_fixed() {
    let (_dir, file) = setup("broken");
    let s = open(&file, &[]);
    std::fs::write(&file, FILE.replace("date: 2020-01-02", "date: 2020-13-02")).expect("write");
    s.wait_all(&["STALE", "Problems (1)", "19:11:", "Bravo happens", "2 of 2 events"], &[]);
    std::fs::write(&file, FILE).expect("write");
    s.wait_all(&["reloaded: no event changed", "2 of 2 events"], &["Problems (", "STALE"]);
}

#[test]
fn only_the_https_source_is_a_link() {
    let (_dir, file) = setup("links");
    let s = open(&file, &[]);
    s.wait_text("https://example.org/report");
    let bytes = s.bytes();
    assert!(contains(&bytes, b"\x1b]8;;https://example.org/report\x1b\\"));
    assert!(!contains(&bytes, b"\x1b]8;;javascript"));
    assert!(!contains(&bytes, b"\x1b]8;;file"));
}

#[test]
fn y_copies_the_citation_with_one_osc52_sequence() {
    let (_dir, file) = setup("copy");
    let mut s = open(&file, &[]);
    s.send("j");
    s.wait_text("When    Thursday 2 January 2020");
    s.send("y");
    s.wait_text("copied the event's citation");
    let bytes = s.bytes();
    let at = bytes.windows(7).position(|w| w == b"\x1b]52;c;").expect("an OSC 52 sequence");
    let rest = &bytes[at + 7..];
    let end = rest.windows(2).position(|w| w == b"\x1b\\").expect("terminated");
    let payload = std::str::from_utf8(&rest[..end]).expect("base64 is ASCII");
    assert_eq!(bytes.windows(7).filter(|w| *w == b"\x1b]52;c;").count(), 1);
    assert_eq!(tlview::cite::base64("2020-01-02 — Bravo happens".as_bytes()), payload);
}

#[test]
fn o_runs_the_opener_found_on_path_with_the_url_as_one_argument() {
    let (dir, file) = setup("open");
    let bin = dir.path().join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    let got = dir.path().join("opened");
    script(&bin.join("xdg-open"), &format!("printf '%s\\n' \"$#\" \"$@\" > '{}'\n", got.display()));
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut s = open(&file, &[("PATH", &path), ("TLVIEW_OPENER", "")]);
    s.send("o");
    s.wait_text("opened https://example.org/report");
    wait_until("the opener to run", || got.exists());
    assert_eq!(std::fs::read_to_string(&got).expect("ran"), "1\nhttps://example.org/report\n");
}

/// Waits until `done` holds, failing after the harness's timeout.
fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(start.elapsed() < super::pty::TIMEOUT, "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A fake editor that says where it is and how the terminal is set (`icanon`
/// in cooked mode, `-icanon` in raw), waits for a line, then adds an event.
fn waiting_editor(dir: &Path) -> PathBuf {
    let editor = dir.join("waiting-editor");
    script(
        &editor,
        "printf 'EDITOR-READY %s\\n' \"$(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon)\"\n\
         read line\n\
         for f; do :; done\n\
         printf '  - id: c\\n    date: 2020-01-03\\n    title: Charlie added\\n' >> \"$f\"\n",
    );
    editor
}

#[test]
fn the_editor_gets_a_restored_terminal_and_ctrl_c_in_it_is_the_editors() {
    let (dir, file) = setup("ctrl-c");
    let editor = waiting_editor(dir.path());
    let mut s = open(&file, &[("VISUAL", editor.to_str().expect("utf-8"))]);
    s.send("e");
    s.wait_text("EDITOR-READY icanon");
    let bytes = s.bytes();
    super::assert_restored_before(&bytes, b"EDITOR-READY");
    let before = &bytes[..last(&bytes, b"EDITOR-READY").expect("printed")];
    assert!(last(before, b"\x1b[?2004l") > last(before, b"\x1b[?2004h"), "bracketed paste off for the editor");
    // Ctrl-c in a cooked terminal signals the whole foreground group: it ends the editor, not the viewer.
    s.send("\x03");
    s.wait_all(&["2 of 2 events", "Bravo happens"], &["EDITOR-READY"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "the viewer quit by q, not by the Ctrl-c");
}

#[test]
fn ctrl_z_in_the_editor_with_no_shell_to_return_to_stops_nothing() {
    // The pty's process group is orphaned (its leader, the viewer, has its
    // parent in another session), as under `tmux new 'tlview FILE'`: the
    // kernel discards Ctrl-z for the editor, and the viewer must not stop
    // either, or nothing would ever continue it.
    let (dir, file) = setup("ctrl-z");
    let editor = waiting_editor(dir.path());
    let mut s = open(&file, &[("VISUAL", editor.to_str().expect("utf-8"))]);
    s.send("e");
    s.wait_text("EDITOR-READY icanon");
    s.send("\x1a");
    s.send("done\r");
    s.wait_all(&["3 of 3 events", "reloaded: 1 event added"], &["EDITOR-READY"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_viewer_stops_while_its_editor_is_stopped_and_both_continue() {
    let (dir, file) = setup("stop");
    let editor = waiting_editor(dir.path());
    let mut s = open(&file, &[("VISUAL", editor.to_str().expect("utf-8"))]);
    s.send("e");
    s.wait_text("EDITOR-READY icanon");
    let editor_pid = super::pty::child_of(s.pid());
    let _editor = super::pty::KillOnDrop(editor_pid); // left stopped if the test fails
    // SAFETY: kill(2) on the editor this test's child started, still waited for by it.
    assert_eq!(unsafe { libc::kill(editor_pid as libc::pid_t, libc::SIGSTOP) }, 0);
    s.wait_for("the viewer to stop with its editor", |_| super::pty::proc_stat(s.pid()).is_some_and(|st| st[0] == "T"));
    // As `fg` does: continue the whole group (the viewer leads it).
    // SAFETY: kill(2) on the process group of a child this test spawned and has not reaped.
    assert_eq!(unsafe { libc::kill(-(s.pid() as libc::pid_t), libc::SIGCONT) }, 0);
    s.send("done\r");
    s.wait_all(&["3 of 3 events", "reloaded: 1 event added"], &["EDITOR-READY"]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// The tasks (threads) of process `pid` named `name`.
fn threads_named(pid: u32, name: &str) -> usize {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return 0 };
    tasks
        .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
        .filter(|comm| comm.trim_end() == name)
        .count()
}

/// Processes whose session is `sid` (the viewer leads the pty's session).
fn in_session(sid: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    entries
        .filter_map(|e| {
            let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            (super::pty::proc_stat(pid)?.get(3)?.parse::<u32>().ok()? == sid).then_some(pid)
        })
        .collect()
}

#[test]
fn the_file_is_watched_while_open_and_nothing_is_left_running_after_quit() {
    if !Path::new("/proc/self/task").exists() {
        return; // only Linux shows threads this way
    }
    let (_dir, file) = setup("quit");
    let mut s = open(&file, &[]);
    let pid = s.pid();
    s.wait_for("the watch thread", |_| threads_named(pid, "tlview-watch") == 1);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_eq!(in_session(pid), Vec::<u32>::new(), "processes of the viewer's session left running");
}
