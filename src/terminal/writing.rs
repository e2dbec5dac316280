//! The loop's side of the writing loop: watching the open file, reloading it
//! when it changes, and carrying out what `update` asked for
//! ([`crate::effects::perform`]), running the user's editor included.
//!
//! The editor gets the terminal the way a suspend gives it to the shell
//! ([`super::away`]: left exactly as on quit, set up again after, every cell
//! redrawn), and while it runs the signal watcher treats Ctrl-c and Ctrl-z as
//! the editor's (`signals.rs`).
//!
//! The watch thread only raises a flag, looked at on every turn of the loop
//! (at least once a tick). A change is reloaded only when the file is not the
//! version last read (by [`watch::fingerprint`]): an editor's save is
//! reloaded once when the editor exits, and the watch's notice of that same
//! save, arriving a moment later, does not reload it again (which would
//! replace "reloaded: 1 event added" with "no event changed"); the same for
//! a save reloaded by hand with `r` before its notice came.

use super::{Term, away, redraw_all, signals::Requests};
use crate::app::writing::Effect;
use crate::app::{self, App};
use crate::effects::{self, Context};
use crate::watch::{self, Fingerprint, Watcher};
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The open file's watch and what the loop knows of the file.
pub(super) struct Writing {
    /// The open file; `None` for the bundled timeline (nothing to watch).
    file: Option<PathBuf>,
    /// Raised by the watch thread when the file changed.
    changed: Arc<AtomicBool>,
    /// The version of the file last read.
    seen: Option<Fingerprint>,
    /// Dropping it (when the loop ends) stops the watch and joins its thread.
    _watch: Option<Watcher>,
}

impl Writing {
    /// Starts watching the app's file, if it has one. A watch that cannot
    /// start leaves `r` and `e` working; only saves from outside go unseen.
    pub(super) fn start(app: &App) -> Writing {
        let file = app.writing.file.clone();
        let changed = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&changed);
        let watch = file.as_deref().and_then(|f| Watcher::start(f, move || flag.store(true, Ordering::SeqCst)).ok());
        let seen = file.as_deref().and_then(watch::fingerprint);
        Writing { file, changed, seen, _watch: watch }
    }

    /// Reloads the file when the watch saw it change to a version not read
    /// yet; returns whether it did.
    pub(super) fn reload_if_changed(&mut self, app: &mut App, ctx: &Context) -> bool {
        if !self.changed.swap(false, Ordering::SeqCst) {
            return false;
        }
        let Some(file) = &self.file else { return false };
        let now = watch::fingerprint(file);
        if now == self.seen {
            return false;
        }
        // Taken before reading: a save during the read is seen as new next time.
        self.seen = now;
        app::update(app, effects::reload(file, &ctx.limits));
        true
    }

    /// Carries out every effect the last update asked for. When the editor
    /// ran, the screen is to be drawn again in full, and the terminal's size
    /// then is returned.
    ///
    /// # Errors
    /// When the terminal cannot be set up again after the editor.
    pub(super) fn perform(
        &mut self,
        terminal: &mut Term,
        app: &mut App,
        ctx: &Context,
        requests: &Requests,
    ) -> io::Result<Option<(u16, u16)>> {
        if matches!(app.writing.effect, Some(Effect::Reload)) {
            // `r`: the version read now is seen; the watch's notice of it changes nothing.
            self.seen = self.file.as_deref().and_then(watch::fingerprint);
        }
        let mut edited = false;
        let mut failed = None;
        let (file, seen) = (&self.file, &mut self.seen);
        let mouse = app.mouse;
        effects::perform(app, ctx, &mut io::stdout(), &mut |argv| {
            edited = true;
            requests.set_editing(true);
            let ran = away(mouse, || {
                let status = crate::editor::run(argv);
                // Read next by the reload that follows; a later notice of this save changes nothing.
                *seen = file.as_deref().and_then(watch::fingerprint);
                status
            });
            requests.set_editing(false);
            ran.unwrap_or_else(|e| {
                failed = Some(e);
                Err(io::Error::other("the terminal could not be set up again"))
            })
        });
        if let Some(e) = failed {
            return Err(e);
        }
        if !edited {
            return Ok(None);
        }
        // The terminal is set up again: a continue after a Ctrl-z in the editor asks nothing more.
        let _ = requests.take_resumed();
        redraw_all(terminal, app).map(Some)
    }
}
