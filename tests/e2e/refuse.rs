//! Without a terminal to draw on or read from, the viewer refuses with a
//! message and exit 2 before touching any terminal mode.

use crate::pty::{self, Session};
use crate::tempdir;

/// Runs `script` under `sh -c` in a pty (with `$TLVIEW` set to the binary),
/// and returns what the pty showed.
fn run(script: &str) -> String {
    let mut s = Session::start_command("sh", &["-c", script], &[("TLVIEW", pty::BIN)], 120, 40);
    assert_eq!(s.wait_exit(), 0, "the script failed:\n{}", s.screen());
    String::from_utf8_lossy(&s.bytes()).into_owned()
}

fn assert_refused(shown: &str, out: &std::path::Path, status: &std::path::Path) {
    assert_eq!(std::fs::read_to_string(status).expect("status").trim(), "2", "{shown}");
    assert!(shown.contains("standard output is not a terminal"), "{shown}");
    assert!(shown.contains("tlview --check FILE"), "{shown}");
    assert!(!shown.contains('\x1b'), "escape codes reached the terminal: {shown:?}");
    let written = std::fs::read(out).expect("output file");
    assert!(written.is_empty(), "wrote to standard output: {:?}", String::from_utf8_lossy(&written));
}

#[test]
fn output_to_a_file_is_refused() {
    let dir = tempdir();
    let (out, status) = (dir.path().join("out"), dir.path().join("status"));
    let shown = run(&format!("\"$TLVIEW\" > '{}'; echo $? > '{}'", out.display(), status.display()));
    assert_refused(&shown, &out, &status);
}

#[test]
fn output_to_a_pipe_is_refused() {
    let dir = tempdir();
    let (out, status) = (dir.path().join("out"), dir.path().join("status"));
    let shown = run(&format!("{{ \"$TLVIEW\"; echo $? > '{}'; }} | cat > '{}'", status.display(), out.display()));
    assert_refused(&shown, &out, &status);
}

#[test]
fn no_terminal_to_read_from_is_refused() {
    let dir = tempdir();
    let status = dir.path().join("status");
    // No controlling terminal (setsid) and standard input not a terminal.
    let shown = run(&format!("setsid -w \"$TLVIEW\" < /dev/null; echo $? > '{}'", status.display()));
    assert_eq!(std::fs::read_to_string(&status).expect("status").trim(), "2", "{shown}");
    assert!(shown.contains("no terminal to read keys from"), "{shown}");
    assert!(!shown.contains('\x1b'), "escape codes reached the terminal: {shown:?}");
}
