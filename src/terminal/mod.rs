//! The terminal edge: entering and leaving full-screen mode, reading input
//! and turning it into messages, and the loop that draws after each batch.
//!
//! The terminal is restored on every way out: a normal quit, an error, a
//! panic (through the panic hook), any signal whose default is to end the
//! process (turned into the normal quit path: `signals.rs`), and a terminal
//! that hangs up or reaches end of file (noticed before crossterm is asked
//! to read it: `input.rs`). Ctrl-z and SIGTSTP suspend: the terminal is
//! restored while stopped and set up again, fully redrawn, on SIGCONT. The
//! user's editor gets the terminal the same way (`away`); the file's watch
//! and the effects `update` asks for are `writing.rs`'s.
//!
//! A file still loading sends the loop its loader's messages on a channel,
//! with a byte on a pipe the loop waits on beside the terminal, so it hands
//! each to `update` at once; the loop ends (restoring the terminal) when the
//! load fails so the binary can print the problems. A search worked out in
//! steps gets one `Msg::Work` each time the loop finds no key waiting.
//!
//! crossterm is asked for events only after the terminal had input (its
//! wait for more takes a millisecond), not on passes woken by the loader or
//! made for a search's next step.
//!
//! The drawn area is at most [`MAX_COLS`]×[`MAX_ROWS`], whatever size the
//! terminal reports: the screen buffers are allocated in proportion to it,
//! and `stty cols 65535 rows 65535` would otherwise ask for gigabytes.

mod input;
mod signals;
mod writing;

use crate::app::{self, App, Msg};
use crate::effects::Context;
use crate::ui::{self, Theme};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::{cursor, execute, terminal as ct};
use input::{Input, Ready};
use ratatui::layout::Rect;
use ratatui::{TerminalOptions, Viewport};
use std::io::{self, IsTerminal, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

/// How often the loop looks at signals and the terminal's size while
/// waiting for input (the loader's messages wake it at once).
const TICK: Duration = Duration::from_millis(50);

/// A load in progress, as the loop reads it.
#[derive(Clone, Copy)]
pub struct Loads<'a> {
    /// The loader's messages.
    pub messages: &'a Receiver<Msg>,
    /// Readable whenever the loader sent a message (see
    /// [`crate::background::Background::wake`]); without it the loop finds
    /// the messages at its next tick.
    pub wake: Option<BorrowedFd<'a>>,
}

/// The least time between two frames drawn only because the load advanced:
/// a frame reads every shown event for the axis, and the cores are the load's.
/// The loader hands the viewer events no more often either.
pub const LOADING_FRAME: Duration = Duration::from_millis(200);

/// The most events taken between two draws: input that never pauses (a
/// stream of mouse motion, a pipe of keys) still gets the screen redrawn and
/// signals looked at.
const BATCH: usize = 10_000;

/// The widest area drawn; a wider terminal shows it at the left.
pub const MAX_COLS: u16 = 1000;
/// The tallest area drawn; a taller terminal shows it at the top.
pub const MAX_ROWS: u16 = 500;

/// Why the viewer stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The user quit.
    Quit,
    /// A signal asked it to stop; the number is the signal's.
    Signal(i32),
    /// The terminal went away (hung up, or end of file on the input).
    HungUp,
    /// The file being loaded has problems (the loader has them to print).
    LoadFailed,
}

impl End {
    /// The exit status for this ending: 0 on quit, 128 + the signal number otherwise.
    #[must_use]
    pub fn exit_status(self) -> u8 {
        match self {
            End::Quit => 0,
            End::Signal(n) => u8::try_from(128 + n).unwrap_or(1),
            End::HungUp => 129,
            End::LoadFailed => 1,
        }
    }
}

/// Whether the viewer can run here: it draws on standard output and reads
/// keys from a terminal. Checked before any terminal mode is touched.
///
/// # Errors
/// What is missing, as a sentence for the user.
pub fn check_usable() -> Result<(), String> {
    if !io::stdout().is_terminal() {
        return Err("standard output is not a terminal, and the viewer draws on one.\n\
             To check a file without the viewer, run `tlview --check FILE`; \
             to print it, `tlview export --to markdown FILE`."
            .into());
    }
    if Input::open().is_none() {
        return Err("there is no terminal to read keys from (standard input is not one, \
             and there is no controlling terminal).\n\
             To check a file without the viewer, run `tlview --check FILE`; \
             to print it, `tlview export --to markdown FILE`."
            .into());
    }
    Ok(())
}

/// Mouse reporting as tlview uses it: button presses and the wheel (1000),
/// in SGR encoding (1006) so columns past 223 work. No motion tracking
/// (1002, 1003): crossterm's `EnableMouseCapture` asks for every motion,
/// which floods the loop and the link to a remote terminal for nothing.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";

/// Mouse reporting off, the modes crossterm would have enabled included.
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l";

/// Turns the terminal's mouse reporting on or off (`m`: off lets the
/// terminal's own selection work).
fn set_mouse(on: bool) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(if on { MOUSE_ON } else { MOUSE_OFF })?;
    out.flush()
}

/// Enters full-screen mode: raw mode, alternate screen, bracketed paste (a
/// paste arrives as one text, never as keys), cursor hidden, and mouse
/// reporting when `mouse` is on.
fn enter(mouse: bool) -> io::Result<()> {
    ct::enable_raw_mode()?;
    execute!(io::stdout(), ct::EnterAlternateScreen, EnableBracketedPaste, cursor::Hide)?;
    set_mouse(mouse)
}

/// Leaves full-screen mode: bracketed paste and mouse reporting off, cursor
/// shown, main screen, raw mode off. Safe to call more than once.
pub fn restore() {
    let _ = set_mouse(false);
    let mut out = io::stdout();
    let _ = execute!(out, DisableBracketedPaste, cursor::Show, ct::LeaveAlternateScreen);
    let _ = ct::disable_raw_mode();
    let _ = out.flush();
}

/// Runs the viewer on `app` until the user quits, a signal asks it to stop,
/// or the terminal goes away.
///
/// # Errors
/// An I/O error from the terminal; the terminal is restored first.
pub fn run(mut app: App, theme: Theme, ctx: &Context, loads: Option<Loads<'_>>) -> io::Result<End> {
    let Some(input) = Input::open() else {
        return Err(io::Error::other("no terminal to read keys from"));
    };
    // Debug builds only: end-to-end tests reach the search done in steps
    // with a file they can load quickly.
    let sliced_from = std::env::var("TLVIEW_DEBUG_SLICED_FROM").ok().filter(|_| cfg!(debug_assertions));
    if let Some(n) = sliced_from.and_then(|v| v.parse().ok()) {
        app::progressive::lower_threshold(n);
    }
    let requests = signals::watch(restore)?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let mut result = enter(app.mouse).and_then(|()| event_loop(&mut app, theme, ctx, &input, &requests, loads));
    // A write that failed because the terminal went away is a hang-up, not an error.
    if result.is_err() && input::wait(input.as_fd(), Duration::ZERO).is_ok_and(|r| r == Ready::HungUp) {
        result = Ok(End::HungUp);
    }
    restore();
    requests.finished();
    result
}

/// The drawn area for a terminal of `w`×`h`: the top-left part, at most
/// [`MAX_COLS`]×[`MAX_ROWS`].
#[must_use]
pub fn drawn_area(w: u16, h: u16) -> Rect {
    Rect::new(0, 0, w.min(MAX_COLS), h.min(MAX_ROWS))
}

type Term = ratatui::Terminal<ratatui::backend::CrosstermBackend<io::Stdout>>;

/// Sizes the drawing to a terminal of `w`×`h`, tells the app, and makes the
/// next draw repaint every cell on a cleared screen (outside a clamped area
/// included).
fn resize(terminal: &mut Term, app: &mut App, (w, h): (u16, u16)) -> io::Result<()> {
    let area = drawn_area(w, h);
    execute!(io::stdout(), ct::Clear(ct::ClearType::All))?;
    terminal.resize(area)?;
    app::update(app, Msg::Resize(area.width, area.height));
    Ok(())
}

/// Feeds `update` every loader message waiting; whether there was any.
fn take_loads(app: &mut App, loads: &mut Option<Loads<'_>>) -> bool {
    let Some(Loads { messages: rx, .. }) = *loads else { return false };
    let mut any = false;
    loop {
        match rx.try_recv() {
            Ok(msg) => {
                app::update(app, msg);
                any = true;
            }
            Err(TryRecvError::Empty) => return any,
            Err(TryRecvError::Disconnected) => {
                *loads = None;
                if app.load.is_some() {
                    // The loader ended without saying how: treat it as a failure.
                    app::update(app, Msg::LoadFailed);
                }
                return true;
            }
        }
    }
}

fn event_loop(
    app: &mut App,
    theme: Theme,
    ctx: &Context,
    input: &Input,
    requests: &signals::Requests,
    mut loads: Option<Loads<'_>>,
) -> io::Result<End> {
    // Dropped when the loop ends, however it ends: the watch stops with it.
    let mut writing = writing::Writing::start(app);
    let mut reported = ct::size()?;
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    let viewport = Viewport::Fixed(drawn_area(reported.0, reported.1));
    // Never dropped: ratatui's drop shows the cursor and reports a failure
    // with `eprintln!`, which panics when standard error is the terminal that
    // just went away. [`restore`] shows the cursor; the process ends next.
    let mut terminal =
        std::mem::ManuallyDrop::new(ratatui::Terminal::with_options(backend, TerminalOptions { viewport })?);
    resize(&mut terminal, app, reported)?;
    // Draw only when something changed: most mouse events (a release, a
    // middle click) mean nothing to the viewer.
    let mut dirty = true;
    let mut mouse = app.mouse;
    // Changes the load made since the last frame, and when that frame was drawn.
    let (mut loaded, mut drawn) = (false, std::time::Instant::now());
    // Whether the terminal had input since crossterm last had none to give.
    let mut keys_waiting = true;
    loop {
        // Take every event crossterm has before waiting on the file again.
        let mut taken = 0;
        while keys_waiting
            && !app.quit
            && taken < BATCH
            && let Some(ev) = input::next_event()?
        {
            taken += 1;
            input::debug_panic(&ev);
            match ev {
                Event::Resize(w, h) => {
                    reported = (w, h);
                    resize(&mut terminal, app, reported)?;
                    dirty = true;
                }
                ev => match input::message(app, ev) {
                    Some(Msg::Suspend) => {
                        reported = suspend(&mut terminal, app)?;
                        dirty = true;
                    }
                    Some(msg) => {
                        app::update(app, msg);
                        if let Some(size) = writing.perform(&mut terminal, app, ctx, requests)? {
                            reported = size;
                        }
                        dirty = true;
                    }
                    None => {}
                },
            }
        }
        loaded |= take_loads(app, &mut loads);
        dirty |= writing.take_reloaded(app);
        if app.load.as_ref().is_some_and(|l| l.failed) {
            return Ok(End::LoadFailed);
        }
        // The frame that completes the load is drawn at once; others wait their turn.
        dirty |= loaded && (app.load.is_none() || drawn.elapsed() >= LOADING_FRAME);
        if app.quit {
            return Ok(End::Quit);
        }
        if let Some(signal) = requests.stop() {
            return Ok(End::Signal(signal));
        }
        if requests.take_suspend() {
            reported = suspend(&mut terminal, app)?;
            dirty = true;
        }
        if requests.take_resumed() {
            // Continued (after our stop, or someone's SIGSTOP): whoever had the
            // terminal meanwhile may have changed its modes, so set them all again.
            reported = reenter(&mut terminal, app)?;
            dirty = true;
        }
        // The model says whether the mouse is wanted (`m`); the terminal follows.
        if app.mouse != mouse {
            set_mouse(app.mouse)?;
            mouse = app.mouse;
        }
        // A file still loading is being read already: its changes wait for the load.
        if app.load.is_none() && writing.reload_if_changed(app, ctx) {
            dirty = true;
        }
        if dirty {
            let mut limits = None;
            let clamped = (reported != (app.size.0, app.size.1)).then_some(reported);
            terminal.draw(|f| {
                limits = Some(ui::draw(f, app, theme));
                if let Some(size) = clamped {
                    ui::clamp_notice(f, size, theme);
                }
                ui::link::mark(f.buffer_mut(), app);
            })?;
            // Offsets past the content are clamped; what is shown does not change.
            app::update(app, Msg::Drawn(limits.unwrap_or_default()));
            (dirty, loaded, drawn) = (false, false, std::time::Instant::now());
        }
        if taken == BATCH {
            // crossterm may hold more of the batch already read: take it before waiting.
            continue;
        }
        keys_waiting = false;
        if app.searching.is_some() {
            // The rest of a search, a slice at a time while no key waits;
            // its whole result is drawn once done.
            match input::wait(input.as_fd(), Duration::ZERO)? {
                Ready::Input => keys_waiting = true,
                Ready::HungUp => return Ok(End::HungUp),
                Ready::Timeout => {
                    app::update(app, Msg::Work);
                    dirty |= app.searching.is_none();
                }
            }
            continue;
        }
        // A frame held back for the load is drawn when its turn comes.
        let tick = if loaded { TICK.min(LOADING_FRAME.saturating_sub(drawn.elapsed())) } else { TICK };
        match input::wait_or_wake(input.as_fd(), loads.and_then(|l| l.wake), tick)? {
            Ready::Input => keys_waiting = true,
            Ready::HungUp => return Ok(End::HungUp),
            Ready::Timeout => {
                let now = ct::size()?;
                if now != reported {
                    reported = now;
                    resize(&mut terminal, app, reported)?;
                    dirty = true;
                }
            }
        }
    }
}

/// Suspends like less and vim: restores the terminal, stops the process,
/// and once continued sets full-screen mode up again and redraws it all.
/// Returns the terminal's size then (it may have changed meanwhile).
fn suspend(terminal: &mut Term, app: &mut App) -> io::Result<(u16, u16)> {
    away(app.mouse, signals::stop_self)??;
    redraw_all(terminal, app)
}

/// Hands the terminal over for `elsewhere` (stopping the process, running
/// the editor): leaves full-screen mode as on quit (cooked mode, main
/// screen, mouse and bracketed paste off, cursor shown), then sets it up
/// again (mouse reporting as `mouse` says). The caller then redraws in full ([`redraw_all`]): whoever had the
/// terminal drew on it.
fn away<R>(mouse: bool, elsewhere: impl FnOnce() -> R) -> io::Result<R> {
    restore();
    let result = elsewhere();
    enter_again(mouse)?;
    Ok(result)
}

/// Sets full-screen mode up again from whatever state the terminal is in,
/// and makes the next draw repaint every cell; returns the terminal's size.
fn reenter(terminal: &mut Term, app: &mut App) -> io::Result<(u16, u16)> {
    enter_again(app.mouse)?;
    redraw_all(terminal, app)
}

/// Enters full-screen mode again, whatever crossterm believes, with mouse
/// reporting as the model wants it (`mouse`).
fn enter_again(mouse: bool) -> io::Result<()> {
    // crossterm skips enabling raw mode when it believes it already did;
    // the shell may have reset the modes while the process was stopped.
    let _ = ct::disable_raw_mode();
    enter(mouse)
}

/// Makes the next draw repaint every cell on a cleared screen, at the
/// terminal's size now, which is returned.
fn redraw_all(terminal: &mut Term, app: &mut App) -> io::Result<(u16, u16)> {
    let size = ct::size()?;
    resize(terminal, app, size)?;
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawn_area_is_the_top_left_part_at_most_the_maximum() {
        assert_eq!(drawn_area(120, 40), Rect::new(0, 0, 120, 40));
        assert_eq!(drawn_area(65535, 65535), Rect::new(0, 0, MAX_COLS, MAX_ROWS));
        assert_eq!(drawn_area(4000, 30), Rect::new(0, 0, MAX_COLS, 30));
    }
}
