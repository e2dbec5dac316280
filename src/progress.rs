//! The line a long load shows on standard error before the first frame, so
//! nobody stares at a blank screen, and Ctrl-c during the load: the first
//! press stops it cleanly (the terminal was never touched), a second press
//! ends the process at once. Both handlers go when the progress is dropped,
//! so the viewer's own signal handling is the only one left once it starts.
//!
//! Debug builds only: `TLVIEW_DEBUG_HOLD_LOAD=PATH` shows the progress line
//! at once and holds the load at its first step for as long as PATH exists
//! (or until Ctrl-c), so tests can act during a load without racing it.

use crate::timeline::Reached;
use crate::timeline::limits::human_bytes;
use signal_hook::SigId;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Loads shorter than this show no progress at all.
const QUIET_FOR: Duration = Duration::from_millis(100);

/// Progress for one load, shown only on a terminal and only once the load is slow.
pub struct Progress {
    name: String,
    start: Instant,
    last: Option<Instant>,
    /// Columns the last progress line took, so `clear` erases exactly that.
    shown: usize,
    /// Whether the line shown says the whole file is being checked.
    whole: bool,
    interrupted: Arc<AtomicBool>,
    visible: bool,
    /// The Ctrl-c handlers, removed on drop.
    handlers: Vec<SigId>,
    /// Debug builds only: the load waits while this file exists.
    hold: Option<std::path::PathBuf>,
}

impl Progress {
    /// Progress for loading the file shown as `name`; installs the Ctrl-c handling.
    #[must_use]
    pub fn new(name: &str) -> Progress {
        let interrupted = Arc::new(AtomicBool::new(false));
        let sigint = signal_hook::consts::SIGINT;
        // A second Ctrl-c while the first is being honoured ends the process.
        let handlers = [
            signal_hook::flag::register_conditional_shutdown(sigint, 130, Arc::clone(&interrupted)),
            signal_hook::flag::register(sigint, Arc::clone(&interrupted)),
        ];
        let hold = std::env::var_os("TLVIEW_DEBUG_HOLD_LOAD").filter(|_| cfg!(debug_assertions)).map(Into::into);
        Progress {
            name: crate::text::sanitize(name).into_owned(),
            start: Instant::now(),
            last: None,
            shown: 0,
            whole: false,
            interrupted,
            visible: std::io::stderr().is_terminal(),
            handlers: handlers.into_iter().filter_map(Result::ok).collect(),
            hold,
        }
    }

    /// Records how far the load is; false once the user pressed Ctrl-c.
    pub fn update(&mut self, reached: Reached) -> bool {
        let now = Instant::now();
        // The line for the whole file's check is written once, as soon as it may be.
        let whole = matches!(reached, Reached::WholeFile { .. });
        let due = if whole { !self.whole } else { self.last.is_none_or(|t| now - t >= Duration::from_millis(50)) };
        let quiet = if self.hold.is_some() { Duration::ZERO } else { QUIET_FOR };
        if self.visible && now - self.start >= quiet && due {
            self.last = Some(now);
            self.whole = whole;
            let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
            let line = progress_line(&self.name, reached, width);
            let pad = self.shown.saturating_sub(line.chars().count());
            let _ = write!(std::io::stderr(), "\r{line}{:pad$}", "");
            self.shown = self.shown.max(line.chars().count());
        }
        if let Some(hold) = self.hold.take() {
            while hold.exists() && !self.interrupted.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        !self.interrupted.load(Ordering::Relaxed)
    }

    /// Removes the progress line, if one was shown.
    pub fn clear(&self) {
        if self.shown > 0 {
            let _ = write!(std::io::stderr(), "\r{:width$}\r", "", width = self.shown);
        }
    }
}

impl Drop for Progress {
    /// Removes the Ctrl-c handlers. signal-hook leaves its own handler in
    /// place with nothing to do, so SIGINT is ignored until the viewer
    /// installs its handling (which turns it into a clean quit).
    fn drop(&mut self) {
        for id in self.handlers.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The progress line, fitted to a terminal `width` columns wide with one to
/// spare (a line that wraps cannot be rewritten in place, and stale copies
/// pile up): a long file name loses its start, keeping the file's own name.
fn progress_line(name: &str, reached: Reached, width: usize) -> String {
    let tail = match reached {
        Reached::WholeFile { total } => format!(": checking the whole file ({})", human_bytes(total as u64)),
        Reached::Bytes { done, total } => {
            let pct = done as f64 * 100.0 / total.max(1) as f64;
            format!(": {} of {} ({pct:.0}%)", human_bytes(done as u64), human_bytes(total as u64))
        }
    };
    let room = width.saturating_sub(1);
    let name_room = room.saturating_sub("loading ".len() + tail.width());
    let name = if name.width() <= name_room {
        name.to_owned()
    } else {
        let mut kept = Vec::new();
        let mut used = 1; // the `…`
        for c in name.chars().rev() {
            used += c.width().unwrap_or(0);
            if used > name_room {
                break;
            }
            kept.push(c);
        }
        std::iter::once('…').chain(kept.into_iter().rev()).collect()
    };
    let mut line = String::new();
    let mut used = 0;
    for c in format!("loading {name}{tail}").chars() {
        used += c.width().unwrap_or(0);
        if used > room {
            break;
        }
        line.push(c);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(done: usize, total: usize) -> Reached {
        Reached::Bytes { done, total }
    }

    #[test]
    fn the_progress_line_never_wraps() {
        let path = format!("/home/someone/{}/timeline.yaml", "d".repeat(50));
        assert_eq!(path.len(), 78);
        let line = progress_line(&path, bytes(5 << 20, 40 << 20), 80);
        assert!(line.width() < 80, "{line}");
        assert!(line.starts_with("loading …"), "{line}");
        assert!(line.ends_with("/timeline.yaml: 5.0 MiB of 40.0 MiB (12%)"), "{line}");
        assert_eq!(progress_line("t.yaml", bytes(0, 10), 80), "loading t.yaml: 0 bytes of 10 bytes (0%)");
        for width in 0..30 {
            assert!(progress_line(&path, bytes(1, 2), width).width() < width.max(1), "width {width}");
        }
        assert_eq!(
            progress_line("t.yaml", Reached::WholeFile { total: 10 }, 80),
            "loading t.yaml: checking the whole file (10 bytes)"
        );
        let wide = "時間".repeat(40);
        assert!(progress_line(&wide, bytes(1, 2), 40).width() < 40);
    }
}
