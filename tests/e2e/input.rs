//! The input loop in a real pty: a burst of keys is read in full without a
//! busy loop, a paste is text and never commands, a terminal closed under a
//! process that does not own it ends the viewer, and an absurd window size
//! is drawn clamped.

use crate::pty::{self, Session};
use crate::{ScratchFile, assert_restored, open_bundled, still_answers_then_quits};

/// A timeline of `n` events titled `Row 0000`, `Row 0001`, … in list order.
fn rows_file(n: usize) -> ScratchFile {
    let mut yaml = String::from("title: Rows\nevents:\n");
    for i in 0..n {
        let (y, r) = (2000 + i / 336, i % 336);
        yaml.push_str(&format!(
            "  - id: e{i}\n    date: {y}-{:02}-{:02}\n    title: Row {i:04}\n",
            1 + r / 28,
            1 + r % 28
        ));
    }
    ScratchFile::new("rows.yaml", &yaml)
}

#[test]
fn a_burst_of_keys_is_read_in_full_without_spinning() {
    let file = rows_file(5_000);
    let mut s = Session::start(&[file.arg()], 120, 40);
    s.wait_text("5000 of 5000 events");
    // Over 1 KB in one write: crossterm reads 1,024 bytes at a time.
    s.send(&"j".repeat(3_000));
    s.wait_text("Row 3000");
    // Once the burst is handled the viewer waits idle: over half a second it
    // uses far less than half a second of CPU (a busy loop would use it all).
    let pid = s.pid();
    let before = pty::cpu_ticks(pid);
    std::thread::sleep(std::time::Duration::from_millis(600));
    let ticks_per_second = 100; // USER_HZ on Linux
    let used = pty::cpu_ticks(pid) - before;
    assert!(used * 1000 / ticks_per_second < 300, "used {used} ticks of CPU while idle");
    // A burst with the quit key at its end is read to its end too.
    s.send(&format!("{}q", "k".repeat(2_000)));
    assert_eq!(s.wait_exit(), 0, "the q at the end of the burst quits");
    assert_restored(&s.bytes());
}

#[test]
fn a_paste_into_the_search_is_text_not_commands() {
    let mut s = open_bundled();
    s.send("/");
    s.wait_text("Enter keep");
    s.paste("Putin\rquote from the call");
    s.wait_text("/Putin quote from the call");
    // Still searching, still running: the newline did not press Enter, the q did not quit.
    s.send("\x1b");
    s.wait_text("15 of 15 events");
    s.paste("q\r");
    s.send("j");
    s.wait_text("US forces respond with aircraft and artillery fire");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}

#[test]
fn a_terminal_closed_under_a_process_without_one_ends_it() {
    // `setsid` puts tlview in a session of its own: no controlling terminal,
    // so no SIGHUP and no /dev/tty; it reads the pty as standard input.
    let mut s = Session::start_command("setsid", &["-w", pty::BIN], &[], 120, 40);
    s.wait_text("Deir ez-Zor clashes, February 2018");
    let viewer = pty::child_of(s.pid());
    let _cleanup = pty::KillOnDrop(viewer);
    s.hang_up();
    let start = std::time::Instant::now();
    // Gone, or a zombie waiting for a parent that does not reap.
    while pty::proc_stat(viewer).is_some_and(|st| st[0] != "Z") {
        assert!(start.elapsed() < pty::TIMEOUT, "tlview kept running after its terminal closed");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn an_absurd_window_size_is_drawn_clamped() {
    let mut s = open_bundled();
    // The pty reports 65535×65535; the emulator shows the 1000×500 drawn.
    s.resize_pty(65535, 65535, (1000, 500));
    s.wait_text("showing 1000×500 of 65535×65535");
    s.wait_text("Deir ez-Zor clashes, February 2018");
    s.resize_pty(4000, 3000, (1000, 500));
    s.wait_text("showing 1000×500 of 4000×3000");
    s.resize(120, 40);
    s.wait_all(&["15 of 15 events"], &["showing "]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}

#[test]
fn keys_come_from_the_terminal_when_standard_input_is_not_one() {
    let mut s = Session::start_command("sh", &["-c", "exec \"$TLVIEW\" < /dev/null"], &[("TLVIEW", pty::BIN)], 120, 40);
    s.wait_text("Deir ez-Zor clashes, February 2018");
    still_answers_then_quits(&mut s);
}
