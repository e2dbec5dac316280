//! The terminal edge: entering and leaving full-screen mode, reading input
//! and turning it into messages, and the loop that draws after each batch.
//!
//! The terminal is restored on every way out: a normal quit, an error, a
//! panic (through the panic hook), and SIGTERM or SIGHUP, which are turned
//! into the normal quit path.

use crate::app::{self, App, Msg};
use crate::keys;
use crate::ui::{self, Theme};
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::{cursor, execute, terminal as ct};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the loop looks at the signal flag while waiting for input.
const TICK: Duration = Duration::from_millis(50);

/// Leaves full-screen mode: mouse capture off, cursor shown, main screen, raw mode off.
/// Safe to call more than once.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, cursor::Show, ct::LeaveAlternateScreen);
    let _ = ct::disable_raw_mode();
    let _ = out.flush();
}

/// Runs the viewer on `app` until the user quits or a signal asks it to stop.
///
/// # Errors
/// An I/O error from the terminal; the terminal is restored first.
pub fn run(mut app: App, theme: Theme) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    ct::enable_raw_mode()?;
    let result = execute!(io::stdout(), ct::EnterAlternateScreen, EnableMouseCapture, cursor::Hide)
        .and_then(|()| event_loop(&mut app, theme, &stop));
    restore();
    result
}

fn event_loop(app: &mut App, theme: Theme, stop: &AtomicBool) -> io::Result<()> {
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    let mut terminal = ratatui::Terminal::new(backend)?;
    let size = terminal.size()?;
    app::update(app, Msg::Resize(size.width, size.height));
    while !app.quit {
        terminal.draw(|f| ui::draw(f, app, theme))?;
        // Wait for input, watching for signals; then take everything queued before drawing again.
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if event::poll(TICK)? {
                break;
            }
        }
        while !app.quit && event::poll(Duration::ZERO)? {
            if let Some(msg) = message(app, event::read()?) {
                app::update(app, msg);
            }
        }
    }
    Ok(())
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
