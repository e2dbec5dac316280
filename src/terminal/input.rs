//! Reading input: which file it comes from, waiting for it, and what each
//! event means.
//!
//! Two things read the same file here. crossterm reads and parses it; the
//! loop waits on it itself, with `poll(2)`, to notice a hang-up before
//! crossterm is asked to read (crossterm retries a dead terminal forever).
//! Both must agree on "there is input": crossterm is built with `use-dev-tty`
//! so that it also waits with a level-triggered `poll(2)` (its default epoll
//! reader is edge-triggered: after taking 1,024 bytes of a burst it waits for
//! an edge that never comes, while the loop's poll keeps saying "ready", a
//! busy loop that leaves the rest of the burst unread). The loop takes every
//! event crossterm has before it waits on the file again.

use crate::app::{App, Msg};
use crate::keys;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, BorrowedFd};
use std::time::Duration;

/// How long to wait for crossterm to hand over the next event while
/// draining: it only reads the terminal with a non-zero timeout.
pub(super) const DRAIN: Duration = Duration::from_millis(1);

/// The file input comes from, chosen as crossterm chooses it: standard input
/// when that is a terminal, else `/dev/tty`.
pub(super) enum Input {
    /// Standard input is a terminal.
    Stdin(io::Stdin),
    /// The controlling terminal, opened by name.
    Tty(std::fs::File),
}

impl Input {
    /// The terminal to read, or `None` when there is none (standard input is
    /// not a terminal and there is no controlling terminal).
    pub(super) fn open() -> Option<Input> {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return Some(Input::Stdin(stdin));
        }
        std::fs::File::open("/dev/tty").ok().map(Input::Tty)
    }
}

impl AsFd for Input {
    fn as_fd(&self) -> BorrowedFd<'_> {
        match self {
            Input::Stdin(s) => s.as_fd(),
            Input::Tty(f) => f.as_fd(),
        }
    }
}

/// What waiting on the input found.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Ready {
    /// Bytes are waiting to be read.
    Input,
    /// Nothing arrived in time (or a signal interrupted the wait).
    Timeout,
    /// The terminal is gone: hung up, in error, or at end of file.
    HungUp,
}

/// Waits up to `timeout` for input on `fd`. End of file counts as a hang-up:
/// a terminal closed under a process that does not own it (started with
/// `setsid`) reports "readable" with nothing to read, forever.
pub(super) fn wait(fd: BorrowedFd<'_>, timeout: Duration) -> io::Result<Ready> {
    wait_or_wake(fd, None, timeout)
}

/// [`wait`], ending early (as a timeout) when `wake` is readable, whose
/// bytes it takes: a thread writes one there with each message it sends
/// the loop (or closes it), so the loop reads the message at once.
pub(super) fn wait_or_wake(fd: BorrowedFd<'_>, wake: Option<BorrowedFd<'_>>, timeout: Duration) -> io::Result<Ready> {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let mut fds = [PollFd::new(&fd, PollFlags::IN), PollFd::new(wake.as_ref().unwrap_or(&fd), PollFlags::IN)];
    let fds = &mut fds[..if wake.is_some() { 2 } else { 1 }];
    let timeout = Timespec {
        tv_sec: i64::try_from(timeout.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(timeout.subsec_nanos()),
    };
    match rustix::event::poll(fds, Some(&timeout)) {
        Err(rustix::io::Errno::INTR) => return Ok(Ready::Timeout),
        Err(e) => return Err(e.into()),
        Ok(_) => {}
    }
    if let (Some(wake), Some(woken)) = (wake, fds.get(1))
        && !woken.revents().is_empty()
    {
        // Readable, or closed (then read finds the end): either way the
        // loop goes round and reads the messages (or their end).
        let _ = rustix::io::read(wake, &mut [0u8; 4096]);
    }
    let got = fds[0].revents();
    if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
        return Ok(Ready::HungUp);
    }
    if !got.contains(PollFlags::IN) {
        return Ok(Ready::Timeout);
    }
    // Readable: either bytes are queued, or this is end of file.
    Ok(match rustix::io::ioctl_fionread(fd) {
        Ok(0) | Err(_) => Ready::HungUp,
        Ok(_) => Ready::Input,
    })
}

/// The next event crossterm has already read or can read at once, if any.
pub(super) fn next_event() -> io::Result<Option<Event>> {
    if event::poll(DRAIN)? { event::read().map(Some) } else { Ok(None) }
}

/// In debug builds only, panics when the key named by `TLVIEW_DEBUG_PANIC_KEY`
/// is pressed, so the end-to-end tests can check that a panic restores the
/// terminal. Release builds compile this to nothing.
pub(super) fn debug_panic(ev: &Event) {
    if cfg!(debug_assertions)
        && let Event::Key(k) = ev
        && let crossterm::event::KeyCode::Char(c) = k.code
        && std::env::var("TLVIEW_DEBUG_PANIC_KEY").is_ok_and(|want| want.starts_with(c))
    {
        panic!("panic requested by TLVIEW_DEBUG_PANIC_KEY");
    }
}

/// The message a terminal event means in the app's current mode (resizes
/// are the loop's: the drawn area depends on them).
pub(super) fn message(app: &App, ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keys::dispatch(app.mode, k),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Mouse(MouseEvent { kind, column, row, .. }) => match kind {
            MouseEventKind::ScrollDown => Some(Msg::Wheel { column, row, lines: 1 }),
            MouseEventKind::ScrollUp => Some(Msg::Wheel { column, row, lines: -1 }),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { column, row }),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::net::UnixStream;

    #[test]
    fn end_of_file_is_a_hang_up_and_bytes_are_input() {
        let (mut writer, reader) = UnixStream::pair().expect("socket pair");
        assert_eq!(wait(reader.as_fd(), Duration::ZERO).expect("poll"), Ready::Timeout);
        writer.write_all(b"j").expect("write");
        assert_eq!(wait(reader.as_fd(), Duration::ZERO).expect("poll"), Ready::Input);
        let (writer, reader) = UnixStream::pair().expect("socket pair");
        writer.shutdown(std::net::Shutdown::Write).expect("shutdown");
        assert_eq!(wait(reader.as_fd(), Duration::from_secs(5)).expect("poll"), Ready::HungUp);
    }
}
