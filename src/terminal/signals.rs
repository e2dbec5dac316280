//! Signals while the viewer runs. A handler must not touch the terminal
//! (it could interrupt a half-written frame), so a watcher thread turns each
//! signal into a flag the loop looks at between waits:
//!
//! - every signal whose default is to end the process (SIGINT and SIGTERM
//!   included) becomes a stop: the loop leaves through the normal path, the
//!   terminal is restored and the process exits 128 + the signal's number.
//!   A watchdog restores and exits from the thread if the loop has not left
//!   within [`GRACE`] (it can be stuck inside the terminal library);
//! - SIGTSTP becomes a suspend, done by the loop like less and vim do:
//!   restore, stop, and set the terminal up again when continued;
//! - SIGCONT (after any stop, ours or someone's `kill -STOP`) asks for the
//!   terminal to be set up again and the screen redrawn in full.
//!
//! While the user's editor runs (`e`), the terminal is the editor's and the
//! viewer only waits for it, as git does: SIGINT and SIGQUIT (`Ctrl-c` and
//! `Ctrl-\` in an editor that leaves them to the terminal) were meant for the
//! editor and are ignored; so is SIGTSTP (`Ctrl-z` there, or an editor
//! suspending its whole process group): the viewer stops when the editor
//! does, and only then ([`crate::editor::run`]), so a `Ctrl-z` the kernel
//! discards for the editor (no shell to come back to) stops nothing. Any
//! other ending signal is acted on once the editor has exited (the watchdog
//! waits too). The thread may look at a signal only after the editor has
//! exited, so whether it arrived while the editor ran is recorded when it
//! arrives (a flag set in the handler itself) and taken by the loop as it
//! takes the terminal back: a Ctrl-c that ended the editor never ends the
//! viewer a moment later.

use signal_hook::consts::signal::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
    SIGXFSZ,
};
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// The signals whose default action ends the process, and which the viewer
/// can catch (SIGPIPE is left out: Rust ignores it and reports a write error).
const ENDING: &[i32] =
    &[SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO];

/// The signals a terminal sends on `Ctrl-c`, `Ctrl-\` and `Ctrl-z`: the
/// editor's while it runs.
const KEYBOARD: [i32; 3] = [SIGINT, SIGQUIT, SIGTSTP];

/// How long the loop has to leave by itself after an ending signal before
/// the watchdog restores the terminal and exits for it.
const GRACE: Duration = Duration::from_secs(1);

/// What signals asked of the loop, set by the watcher thread.
pub(super) struct Requests {
    /// The ending signal received, or 0.
    stop: AtomicI32,
    /// SIGTSTP arrived: suspend.
    suspend: AtomicBool,
    /// SIGCONT arrived: set the terminal up again and redraw.
    resumed: AtomicBool,
    /// The loop has left and restored the terminal: the watchdog stands down.
    done: AtomicBool,
    /// The user's editor has the terminal.
    editing: AtomicBool,
    /// For each of [`KEYBOARD`]: raised by the handler when the signal
    /// arrives, lowered by whichever acts on it (the thread, or the loop
    /// taking the terminal back from the editor).
    arrived: [Arc<AtomicBool>; 3],
}

impl Requests {
    /// The ending signal received so far, if any.
    pub(super) fn stop(&self) -> Option<i32> {
        Some(self.stop.load(Ordering::SeqCst)).filter(|&s| s != 0)
    }

    /// Whether a suspend was asked for since the last call.
    pub(super) fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::SeqCst)
    }

    /// Whether the process was continued since the last call.
    pub(super) fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }

    /// Says whether the user's editor has the terminal (see the module
    /// docs). When it no longer has, the keyboard signals that arrived
    /// meanwhile were the editor's: they are taken before the thread sees them.
    pub(super) fn set_editing(&self, editing: bool) {
        if !editing {
            for flag in &self.arrived {
                flag.store(false, Ordering::SeqCst);
            }
        }
        self.editing.store(editing, Ordering::SeqCst);
    }

    /// Whether keyboard signal `signal` is the viewer's to act on: not while
    /// the editor runs, nor when the loop took it as the editor's.
    fn take_keyboard(&self, signal: i32) -> bool {
        let Some(at) = KEYBOARD.iter().position(|&k| k == signal) else { return true };
        !self.editing.load(Ordering::SeqCst) && self.arrived[at].swap(false, Ordering::SeqCst)
    }

    /// Tells the watchdog the terminal is restored and the loop has left.
    pub(super) fn finished(&self) {
        self.done.store(true, Ordering::SeqCst);
    }
}

/// Starts the watcher thread; the returned requests are what it has seen.
pub(super) fn watch(restore: fn()) -> io::Result<Arc<Requests>> {
    let requests = Arc::new(Requests {
        stop: AtomicI32::new(0),
        suspend: AtomicBool::new(false),
        resumed: AtomicBool::new(false),
        done: AtomicBool::new(false),
        editing: AtomicBool::new(false),
        arrived: Default::default(),
    });
    // Before the iterator: a handler runs its actions in the order they
    // were registered, so the flag is up when the thread wakes.
    for (signal, flag) in KEYBOARD.iter().zip(&requests.arrived) {
        signal_hook::flag::register(*signal, Arc::clone(flag))?;
    }
    let mut wanted = ENDING.to_vec();
    wanted.extend([SIGTSTP, SIGCONT]);
    let mut signals = signal_hook::iterator::Signals::new(wanted)?;
    let seen = Arc::clone(&requests);
    std::thread::spawn(move || {
        for signal in signals.forever() {
            match signal {
                SIGINT | SIGQUIT | SIGTSTP if !seen.take_keyboard(signal) => {} // the editor's
                SIGTSTP => seen.suspend.store(true, Ordering::SeqCst),
                SIGCONT => seen.resumed.store(true, Ordering::SeqCst),
                _ => {
                    seen.stop.store(signal, Ordering::SeqCst);
                    let mut deadline = Instant::now() + GRACE;
                    while Instant::now() < deadline {
                        if seen.done.load(Ordering::SeqCst) {
                            return;
                        }
                        if seen.editing.load(Ordering::SeqCst) {
                            // The loop is waiting for the editor: its grace starts after.
                            deadline = Instant::now() + GRACE;
                        }
                        std::thread::sleep(Duration::from_millis(10));
                    }
                    restore();
                    std::process::exit(128 + signal);
                }
            }
        }
    });
    Ok(requests)
}

/// Stops the process until SIGCONT (the terminal must be restored first).
/// SIGSTOP cannot be caught, so this stops even with SIGTSTP handled here.
pub(super) fn stop_self() -> io::Result<()> {
    signal_hook::low_level::raise(signal_hook::consts::signal::SIGSTOP)
}
