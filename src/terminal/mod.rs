//! The terminal edge: entering and leaving full-screen mode, reading input
//! and turning it into messages, and the loop that draws after each batch.
//!
//! The terminal is restored on every way out: a normal quit, an error, a
//! panic (through the panic hook), SIGTERM or SIGHUP (turned into the normal
//! quit path, with a watchdog in case the loop is stuck), and a terminal that
//! hangs up (noticed before crossterm is asked to read it).

use crate::app::{self, App, Msg};
use crate::keys;
use crate::ui::{self, Theme};
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::{cursor, execute, terminal as ct};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

/// How often the loop looks at signals and the terminal's size while waiting for input.
const TICK: Duration = Duration::from_millis(50);

/// How long the loop has to leave by itself after SIGTERM or SIGHUP before
/// the watchdog restores the terminal and exits for it.
const GRACE: Duration = Duration::from_secs(1);

/// Why the viewer stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM or SIGHUP) asked it to stop; the number is the signal's.
    Signal(i32),
    /// The terminal went away (hung up).
    HungUp,
}

impl End {
    /// The exit status for this ending: 0 on quit, 128 + the signal number otherwise.
    #[must_use]
    pub fn exit_status(self) -> u8 {
        match self {
            End::Quit => 0,
            End::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
            End::HungUp => 129,
        }
    }
}

/// Leaves full-screen mode: mouse capture off, cursor shown, main screen, raw mode off.
/// Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, cursor::Show, ct::LeaveAlternateScreen);
    let _ = ct::disable_raw_mode();
    let _ = out.flush();
}

/// Runs the viewer on `app` until the user quits, a signal asks it to stop,
/// or the terminal goes away.
///
/// # Errors
/// An I/O error from the terminal; the terminal is restored first.
pub fn run(mut app: App, theme: Theme) -> io::Result<End> {
    let stop = Arc::new(AtomicI32::new(0));
    let done = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop), Arc::clone(&done))?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    ct::enable_raw_mode()?;
    let result = execute!(io::stdout(), ct::EnterAlternateScreen, EnableMouseCapture, cursor::Hide)
        .and_then(|()| event_loop(&mut app, theme, &stop));
    restore();
    done.store(true, Ordering::SeqCst);
    result
}

/// Turns SIGTERM and SIGHUP into a stop request; if the loop has not left
/// within [`GRACE`] (it can be stuck inside the terminal library when the
/// terminal has vanished), restores the terminal and exits from here.
fn watch_signals(stop: Arc<AtomicI32>, done: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(signal, Ordering::SeqCst);
            let deadline = std::time::Instant::now() + GRACE;
            while std::time::Instant::now() < deadline {
                if done.load(Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn event_loop(app: &mut App, theme: Theme, stop: &AtomicI32) -> io::Result<End> {
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    let mut terminal = ratatui::Terminal::new(backend)?;
    let tty = std::fs::File::open("/dev/tty").ok();
    let size = terminal.size()?;
    app::update(app, Msg::Resize(size.width, size.height));
    // Draw only when something changed: mouse capture reports every motion,
    // and most of those events mean nothing to the viewer.
    let mut dirty = true;
    while !app.quit {
        if dirty {
            let mut limits = None;
            terminal.draw(|f| limits = Some(ui::draw(f, app, theme)))?;
            // Offsets past the content are clamped; what is shown does not change.
            app::update(app, Msg::Drawn(limits.unwrap_or_default()));
            dirty = false;
        }
        // Wait for input, watching for signals, hang-up and resizes; then
        // take everything queued before drawing again.
        loop {
            let signal = stop.load(Ordering::SeqCst);
            if signal != 0 {
                return Ok(End::Signal(signal));
            }
            match wait_for_input(tty.as_ref())? {
                Ready::Input => break,
                Ready::HungUp => return Ok(End::HungUp),
                Ready::Timeout => {
                    let (w, h) = ct::size()?;
                    if (w, h) != app.size {
                        app::update(app, Msg::Resize(w, h));
                        dirty = true;
                        break;
                    }
                }
            }
        }
        while !app.quit && event::poll(Duration::ZERO)? {
            let ev = event::read()?;
            debug_panic(&ev);
            if let Some(msg) = message(app, ev) {
                app::update(app, msg);
                dirty = true;
            }
        }
    }
    Ok(End::Quit)
}

/// What waiting on the terminal found.
enum Ready {
    Input,
    Timeout,
    HungUp,
}

/// Waits up to [`TICK`] for input on the terminal. The wait is done here,
/// not in crossterm, because crossterm 0.29 spins forever reading a terminal
/// that has hung up; checking for the hang-up first keeps it from being asked.
fn wait_for_input(tty: Option<&std::fs::File>) -> io::Result<Ready> {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let Some(tty) = tty else {
        return Ok(if event::poll(TICK)? { Ready::Input } else { Ready::Timeout });
    };
    let mut fds = [PollFd::new(tty, PollFlags::IN)];
    let timeout = Timespec { tv_sec: 0, tv_nsec: i64::from(TICK.subsec_nanos()) };
    match rustix::event::poll(&mut fds, Some(&timeout)) {
        Err(rustix::io::Errno::INTR) => return Ok(Ready::Timeout),
        Err(e) => return Err(e.into()),
        Ok(_) => {}
    }
    let got = fds[0].revents();
    Ok(if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
        Ready::HungUp
    } else if got.contains(PollFlags::IN) {
        Ready::Input
    } else {
        Ready::Timeout
    })
}

/// In debug builds only, panics when the key named by `TLVIEW_DEBUG_PANIC_KEY`
/// is pressed, so the end-to-end tests can check that a panic restores the
/// terminal. Release builds compile this to nothing.
fn debug_panic(ev: &Event) {
    if cfg!(debug_assertions)
        && let Event::Key(k) = ev
        && let crossterm::event::KeyCode::Char(c) = k.code
        && std::env::var("TLVIEW_DEBUG_PANIC_KEY").is_ok_and(|want| want.starts_with(c))
    {
        panic!("panic requested by TLVIEW_DEBUG_PANIC_KEY");
    }
}

/// The message a terminal event means in the app's current mode.
fn message(app: &App, ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keys::dispatch(app.mode, k),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Mouse(MouseEvent { kind, column, row, .. }) => match kind {
            MouseEventKind::ScrollDown => Some(Msg::Wheel { column, row, lines: 1 }),
            MouseEventKind::ScrollUp => Some(Msg::Wheel { column, row, lines: -1 }),
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click { column, row }),
            _ => None,
        },
        _ => None,
    }
}
