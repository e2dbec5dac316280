//! Signals in the viewer: the ending ones quit through the normal path with
//! the terminal restored and exit 128 + n; Ctrl-z and SIGTSTP suspend like
//! less and vim, and SIGCONT brings the full screen back.

use crate::pty::{Session, last};
use crate::{ALT_OFF, ALT_ON, assert_restored, open_bundled, still_answers_then_quits};

/// Whether the terminal was left (restored) after it was last entered.
fn left(bytes: &[u8]) -> bool {
    last(bytes, ALT_OFF) > last(bytes, ALT_ON)
}

#[test]
fn sigint_quits_restored_with_130() {
    let mut s = open_bundled();
    s.signal(libc::SIGINT);
    assert_eq!(s.wait_exit(), 130);
    assert_restored(&s.bytes());
}

#[test]
fn sigquit_and_sigusr1_quit_restored() {
    for signal in [libc::SIGQUIT, libc::SIGUSR1] {
        let mut s = open_bundled();
        s.signal(signal);
        assert_eq!(s.wait_exit(), 128 + signal as u32, "signal {signal}");
        assert_restored(&s.bytes());
    }
}

/// Suspends with `how`, checks the terminal is restored while stopped, then
/// continues and checks the screen is drawn again in full and keys work.
fn suspend_and_resume(how: impl FnOnce(&mut Session)) {
    let mut s = open_bundled();
    how(&mut s);
    s.wait_bytes("the terminal restored on suspend", left);
    s.wait_for("the process to stop", |_| crate::pty::proc_stat(s.pid()).is_some_and(|st| st[0] == "T"));
    let stopped_at = s.bytes().len();
    s.signal(libc::SIGCONT);
    s.wait_bytes("a full redraw after SIGCONT", |b| {
        let after = &b[stopped_at..];
        last(after, ALT_ON).is_some()
            && String::from_utf8_lossy(after).contains("Pro-Assad forces attack base held by US and Kurdish forces")
    });
    still_answers_then_quits(&mut s);
}

#[test]
fn sigtstp_suspends_and_sigcont_redraws() {
    suspend_and_resume(|s| s.signal(libc::SIGTSTP));
}

#[test]
fn ctrl_z_suspends_and_sigcont_redraws() {
    suspend_and_resume(|s| s.send("\x1a"));
}
