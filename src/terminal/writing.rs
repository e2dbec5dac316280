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
//!
//! A reload reads the file on a thread, like the first load
//! (`background.rs`), so saving a large file does not freeze the keys: the
//! status bar says `reloading…` and the loop feeds `update` the outcome
//! ([`Msg::Reloaded`](crate::app::Msg) or `ReloadFailed`) once it arrives.
//! A newer reload supersedes one still running; the older outcome is dropped.

use super::{Term, away, redraw_all, signals::Requests};
use crate::app::writing::Effect;
use crate::app::{self, App, Msg};
use crate::effects::{self, Context};
use crate::timeline::limits::Limits;
use crate::watch::{self, Fingerprint, Watcher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The open file's watch and what the loop knows of the file.
pub(super) struct Writing {
    /// The open file; `None` for the bundled timeline (nothing to watch).
    file: Option<PathBuf>,
    /// Raised by the watch thread when the file changed.
    changed: Arc<AtomicBool>,
    /// The version of the file last read.
    seen: Option<Fingerprint>,
    /// The outcome of the reload running on its thread, if one is.
    reloading: Option<Receiver<Msg>>,
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
        Writing { file, changed, seen, reloading: None, _watch: watch }
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
        let file = file.clone();
        start_reload(&mut self.reloading, app, &file, &ctx.limits);
        true
    }

    /// Feeds `update` the outcome of the reload running on its thread, once
    /// it is there; returns whether it was.
    pub(super) fn take_reloaded(&mut self, app: &mut App) -> bool {
        let Some(rx) = &self.reloading else { return false };
        let msg = match rx.try_recv() {
            Err(TryRecvError::Empty) => return false,
            Ok(msg) => msg,
            Err(TryRecvError::Disconnected) => Msg::ReloadFailed(vec![app::writing::ProblemLine {
                line: 1,
                column: 1,
                message: "the reload stopped unexpectedly".into(),
            }]),
        };
        self.reloading = None;
        app::update(app, msg);
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
        let (file, seen, reloading) = (&self.file, &mut self.seen, &mut self.reloading);
        let mut reload = |app: &mut App, file: &Path| start_reload(reloading, app, file, &ctx.limits);
        let mouse = app.mouse;
        effects::perform(
            app,
            ctx,
            &mut io::stdout(),
            &mut |argv| {
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
            },
            &mut reload,
        );
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

/// Starts reading `file` again on a thread, its outcome to come through
/// `reloading` (replacing any reload still running); where no thread can
/// start, reloads on this one.
fn start_reload(reloading: &mut Option<Receiver<Msg>>, app: &mut App, file: &Path, limits: &Limits) {
    let (tx, rx) = channel();
    let (path, lim) = (file.to_path_buf(), *limits);
    let spawned = std::thread::Builder::new().name("reload".into()).spawn(move || {
        let _ = tx.send(effects::reload(&path, &lim));
    });
    match spawned {
        Ok(_) => {
            *reloading = Some(rx);
            app.writing.status = Some("reloading…".into());
        }
        Err(_) => app::update(app, effects::reload(file, limits)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reload_runs_on_a_thread_and_its_outcome_arrives_later() {
        let tmp = tempfile::Builder::new().prefix("tlview-reload-thread-").tempdir().expect("temp dir");
        let dir = tmp.path();
        let file = dir.join("t.yaml");
        std::fs::write(&file, "title: T\nevents:\n  - {id: a, date: 2020-01-01, title: A}\n").expect("write");
        let limits = Limits::default();
        let mut app = App::new(crate::cli::load(Some(&file), &limits).expect("loads"), (80, 24));
        app.writing.file = Some(file.clone());
        let mut writing =
            Writing { file: Some(file.clone()), changed: Arc::default(), seen: None, reloading: None, _watch: None };
        std::fs::write(
            &file,
            "title: T\nevents:\n  - {id: a, date: 2020-01-01, title: A}\n  - {id: b, date: 2020-01-02, title: B}\n",
        )
        .expect("write");
        start_reload(&mut writing.reloading, &mut app, &file, &limits);
        assert_eq!(app.writing.status.as_deref(), Some("reloading…"), "the keys go on while it reads");
        // The outcome comes through the channel: wait for the thread, then take it.
        let msg = writing.reloading.take().expect("a thread").recv().expect("an outcome");
        let (tx, rx) = channel();
        tx.send(msg).expect("send");
        writing.reloading = Some(rx);
        assert!(writing.take_reloaded(&mut app));
        assert_eq!(app.writing.status.as_deref(), Some("reloaded: 1 event added"));
        assert!(!writing.take_reloaded(&mut app), "one outcome, taken once");
    }
}
