//! Watching the open file so a save in the editor shows up in the viewer.
//!
//! The watch is on the file's directory, filtered by the file's name, not
//! on the file itself: many editors save by writing a new file and renaming
//! it over the old one (vim without `backupcopy`, VS Code's atomic save), and
//! a watch on the old file would follow it into oblivion. Bursts of events
//! (one save is often several writes, a rename and a chmod) are debounced
//! into one notice, sent once the file is present and has been quiet for a
//! moment. Where the platform's notification fails (no inotify left, some
//! network file systems) the thread falls back to polling the file's size,
//! modification time and inode; it checks them now and then even when
//! notification works, as a safety net.
//!
//! Dropping the [`Watcher`] stops the notification backend and joins the
//! thread, so nothing is left running after the viewer quits.

use notify::{EventKind, RecursiveMode, Watcher as _};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// How long the file must be quiet before a notice is sent.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The longest a notice waits while events keep coming.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// How often the file is checked when notification failed.
const POLL: Duration = Duration::from_millis(500);

/// How often the file is checked as a safety net when notification works.
const SAFETY_POLL: Duration = Duration::from_secs(2);

/// What the watching thread hears.
enum Raw {
    /// Something happened in the directory (or the backend failed).
    Fs(notify::Result<notify::Event>),
    /// The watcher was dropped.
    Stop,
}

/// What identifies one version of the file without reading it: its size,
/// modification time and inode (a rename over it changes the inode).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

/// The fingerprint of the file at `path` now, or `None` when it cannot be read.
#[must_use]
pub fn fingerprint(path: &Path) -> Option<Fingerprint> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Fingerprint { len: meta.len(), modified: meta.modified().ok(), inode })
}

/// A running watch on one file; dropping it stops the watch.
pub struct Watcher {
    to_thread: Sender<Raw>,
    thread: Option<JoinHandle<()>>,
    backend: Option<notify::RecommendedWatcher>,
}

impl Watcher {
    /// Starts watching `path`, calling `on_change` (on the watch thread) once
    /// per settled change of the file. To get notices over a channel, pass
    /// `move || { let _ = tx.send(()); }`.
    ///
    /// # Errors
    /// Only when the thread cannot be spawned; a failing notification backend
    /// falls back to polling instead.
    pub fn start(path: &Path, on_change: impl FnMut() + Send + 'static) -> std::io::Result<Watcher> {
        Watcher::start_with(path, start_backend, on_change)
    }

    /// [`Watcher::start`] with the notification backend `backend` starts
    /// (`None`: it failed, and the thread polls instead).
    fn start_with(
        path: &Path,
        backend: fn(&Path, Sender<Raw>) -> Option<notify::RecommendedWatcher>,
        on_change: impl FnMut() + Send + 'static,
    ) -> std::io::Result<Watcher> {
        let (to_thread, raw) = mpsc::channel();
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let dir = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let backend = backend(&dir, to_thread.clone());
        let polling = backend.is_none();
        let first = fingerprint(&path);
        let thread = std::thread::Builder::new().name("tlview-watch".into()).spawn(move || {
            run(&path, &raw, polling, first, on_change);
        })?;
        Ok(Watcher { to_thread, thread: Some(thread), backend })
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        drop(self.backend.take());
        let _ = self.to_thread.send(Raw::Stop);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn start_backend(dir: &Path, to_thread: Sender<Raw>) -> Option<notify::RecommendedWatcher> {
    let mut w = notify::recommended_watcher(move |e| {
        let _ = to_thread.send(Raw::Fs(e));
    })
    .ok()?;
    w.watch(dir, RecursiveMode::NonRecursive).ok()?;
    Some(w)
}

/// Whether a backend event may mean the file changed.
fn concerns(event: &notify::Result<notify::Event>, name: Option<&OsString>) -> bool {
    match event {
        Err(_) => true,
        Ok(e) if matches!(e.kind, EventKind::Access(_)) => false,
        Ok(e) => e.need_rescan() || e.paths.iter().any(|p| p.file_name().map(OsString::from).as_ref() == name),
    }
}

/// The watch thread: debounce events, poll now and then, notify on change;
/// `last` is the file as it was when the watch started.
fn run(
    path: &Path,
    raw: &mpsc::Receiver<Raw>,
    polling: bool,
    mut last: Option<Fingerprint>,
    mut on_change: impl FnMut(),
) {
    let name = path.file_name().map(OsString::from);
    let poll = if polling { POLL } else { SAFETY_POLL };
    // (first event, quiet-until) of a pending change.
    let mut pending: Option<(Instant, Instant)> = None;
    loop {
        let now = Instant::now();
        let wait = pending.map_or(poll, |(first, quiet)| quiet.min(first + MAX_WAIT).saturating_duration_since(now));
        match raw.recv_timeout(wait) {
            Ok(Raw::Stop) | Err(RecvTimeoutError::Disconnected) => return,
            Ok(Raw::Fs(event)) => {
                if concerns(&event, name.as_ref()) {
                    let now = Instant::now();
                    pending = Some((pending.map_or(now, |p| p.0), now + DEBOUNCE));
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                let now = fingerprint(path);
                if pending.take().is_some() || now != last {
                    // A missing file is mid-save (or gone): wait for it to come back.
                    if now.is_some() {
                        on_change();
                    }
                    last = now;
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
