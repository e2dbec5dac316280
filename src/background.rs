//! Loading a file on a thread while the viewer shows it: the thread sends
//! the viewer's loader messages ([`Msg::LoadPart`], [`Msg::LoadProgress`],
//! [`Msg::LoadDone`], [`Msg::LoadFailed`]) and keeps the error, if any, for
//! the binary to print once the terminal is restored.
//!
//! Until the first part arrives the load is the one a terminal-less load
//! is: the progress line on standard error and its Ctrl-c handling
//! (`progress.rs`). Both go before the first part is sent, so the viewer's
//! own signal handling is the only one once it draws.
//!
//! Debug builds only: `TLVIEW_DEBUG_HOLD_PARTS=PATH` holds the load after
//! the first part for as long as PATH exists, so tests can look at a
//! screen that is still loading without racing the load.

use crate::app::{Loaded, Msg, Piece};
use crate::formats::import;
use crate::progress::Progress;
use crate::timeline::limits::Limits;
use crate::timeline::{LoadError, Part, Reached, Sink, Timeline, load_path_streaming};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

/// A load running on its own thread.
pub struct Background {
    /// The loader messages, in the order the viewer must see them.
    pub messages: Receiver<Msg>,
    /// Readable whenever a message was sent (a byte each), and at its end
    /// once the thread is done: the terminal loop waits on it beside the
    /// keys, so it reads each message at once. `None` if no pipe could be
    /// made (the loop then finds the messages at its next tick).
    pub wake: Option<std::io::PipeReader>,
    thread: Option<JoinHandle<Option<LoadError>>>,
}

/// The thread's end of the viewer's messages.
struct ToViewer {
    messages: Sender<Msg>,
    wake: Option<std::io::PipeWriter>,
}

impl ToViewer {
    /// Sends `msg` and wakes the viewer; false when the viewer is gone.
    fn send(&self, msg: Msg) -> bool {
        let sent = self.messages.send(msg).is_ok();
        if let Some(mut wake) = self.wake.as_ref() {
            // Non-blocking: a full pipe (the loop has bytes to read already)
            // or a closed one (the viewer is gone) is no reason to wait.
            let _ = std::io::Write::write(&mut wake, &[1]);
        }
        sent
    }
}

/// What a background load shows first.
pub enum First {
    /// The first part of a file still loading.
    Part(Timeline),
    /// The whole timeline (a file loaded in one piece: one chunk, a
    /// TimelineJS file, or a shape the fast path does not take).
    Done(Timeline),
    /// The load failed: [`Background::error`] says why.
    Failed,
}

impl Background {
    /// Starts loading `path` (shown as `name` in the progress line).
    ///
    /// # Errors
    /// When the thread cannot be started.
    pub fn spawn(path: PathBuf, limits: Limits, name: &str) -> std::io::Result<Background> {
        let (sender, messages) = channel();
        let (wake, wake_writer) = std::io::pipe().map_or((None, None), |(r, w)| (Some(r), Some(w)));
        // A full pipe already means a wake is pending: the writer never waits.
        if let Some(w) = &wake_writer {
            let _ = rustix::io::ioctl_fionbio(w, true);
        }
        let to_viewer = ToViewer { messages: sender, wake: wake_writer };
        let progress = Progress::new(name);
        let thread =
            std::thread::Builder::new().name("load".into()).spawn(move || run(&path, &limits, progress, &to_viewer))?;
        Ok(Background { messages, wake, thread: Some(thread) })
    }

    /// Waits for what the viewer shows first.
    pub fn first(&self) -> First {
        match self.messages.recv() {
            Ok(Msg::LoadPart(Piece(part))) => match Arc::unwrap_or_clone(part) {
                Part::First(t) => First::Part(t),
                Part::More { .. } | Part::Rechecking => First::Failed,
            },
            Ok(Msg::LoadDone(Loaded(t))) => First::Done(Arc::unwrap_or_clone(t)),
            _ => First::Failed,
        }
    }

    /// Why the load failed: waits for the thread to end.
    pub fn error(&mut self) -> LoadError {
        let failed = || LoadError::Unreadable { file: String::new(), reason: "the load stopped unexpectedly".into() };
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(Some(e))) => e,
            _ => failed(),
        }
    }
}

/// The thread's work: load, sending the parts and progress, then the end.
fn run(path: &Path, limits: &Limits, progress: Progress, to_viewer: &ToViewer) -> Option<LoadError> {
    let progress = RefCell::new(Some(progress));
    let hold = std::env::var_os("TLVIEW_DEBUG_HOLD_PARTS").filter(|_| cfg!(debug_assertions)).map(PathBuf::from);
    let mut percent = usize::MAX;
    // The progress before the first part, for the viewer's first screen.
    let reached = std::cell::Cell::new((0, 0));
    let mut on_progress = |now: Reached| match (progress.borrow_mut().as_mut(), now) {
        (Some(p), _) => {
            if let Reached::Bytes { done, total } = now {
                reached.set((done, total));
            }
            p.update(now)
        }
        // The viewer was told with `Part::Rechecking`, and has no percent to show.
        (None, Reached::WholeFile { .. }) => true,
        (None, Reached::Bytes { done, total }) => {
            // One message per percent: the viewer redraws for each.
            let now = done.saturating_mul(100) / total.max(1);
            std::mem::replace(&mut percent, now) == now || to_viewer.send(Msg::LoadProgress(done, total))
        }
    };
    let mut hold = hold;
    let mut sink = |part: Part| {
        // The progress line goes before the viewer can draw.
        let first = progress.borrow_mut().take().inspect(Progress::clear).is_some();
        to_viewer.send(Msg::LoadPart(Piece(Arc::new(part))));
        if first {
            let (done, total) = reached.get();
            to_viewer.send(Msg::LoadProgress(done, total));
        }
        if let Some(hold) = hold.take() {
            while hold.exists() {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    };
    // Only tlview's YAML streams; a TimelineJS file (small, by its nature)
    // is converted first, as a load with no terminal does.
    let result = if is_timelinejs(path) {
        crate::open::load_path(path, limits, &mut on_progress)
    } else {
        // Parts no more often than the viewer draws them.
        let sink = Sink::new(&mut sink, crate::terminal::LOADING_FRAME);
        load_path_streaming(path, limits, &mut on_progress, Some(sink))
    };
    if let Some(p) = progress.borrow_mut().take() {
        p.clear();
    }
    match result {
        Ok(t) => {
            to_viewer.send(Msg::LoadDone(Loaded(Arc::new(t))));
            None
        }
        Err(e) => {
            to_viewer.send(Msg::LoadFailed);
            Some(e)
        }
    }
}

/// Whether `path` is a TimelineJS JSON or CSV file (by its name, else by
/// how it starts: [`import::detect`] reads no further than its first line).
fn is_timelinejs(path: &Path) -> bool {
    use std::io::Read;
    let mut start = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut start));
    // An unreadable file streams, and the streaming load says why.
    read.is_ok() && import::detect(path, &start).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_sends_a_first_part_then_growing_progress_then_the_whole_timeline() {
        // Over twice the beginning read first (512 KiB): the first screen is
        // made from the beginning, however the chunks' parses fall (with
        // fewer, busy cores could finish every chunk before the first is
        // checked, and the file would load in one piece).
        let mut yaml = String::from("title: Streamed\nevents:\n");
        for i in 0..15_000 {
            yaml.push_str(&format!(
                "  - id: e{i}\n    date: 2020-01-{:02}\n    title: Event number {i} of a file large enough to stream\n",
                1 + i % 28
            ));
        }
        let tmp = tempfile::Builder::new().prefix("tlview-background-").tempdir().expect("temp dir");
        let path = tmp.path().join("big.yaml");
        assert!(yaml.len() > 1 << 20, "the fixture changed");
        std::fs::write(&path, &yaml).expect("write");
        let (tx, rx) = channel();
        let (mut wake, wake_writer) = std::io::pipe().expect("pipe");
        let tx = ToViewer { messages: tx, wake: Some(wake_writer) };
        let failed = run(&path, &Limits::default(), Progress::new("big.yaml"), &tx);
        assert!(failed.is_none());
        drop(tx);
        let messages: Vec<Msg> = rx.into_iter().collect();
        // A byte per message woke the viewer's loop, then the pipe closed.
        let mut woken = Vec::new();
        std::io::Read::read_to_end(&mut wake, &mut woken).expect("read the pipe");
        assert_eq!(woken.len(), messages.len());
        assert!(matches!(messages.first(), Some(Msg::LoadPart(_))), "the first screen comes first");
        assert!(matches!(messages.last(), Some(Msg::LoadDone(_))));
        let done: Vec<usize> =
            messages.iter().filter_map(|m| if let Msg::LoadProgress(d, _) = m { Some(*d) } else { None }).collect();
        assert!(done.len() >= 2 && done.windows(2).all(|w| w[0] <= w[1]), "progress never goes back: {done:?}");
        assert!(done.last().is_some_and(|&d| d > 0));
    }

    #[test]
    fn a_file_of_one_chunk_is_sent_whole_not_as_a_part() {
        // With `after`, its final order differs from the dates': a viewer
        // opened on a part would first show, and select, the wrong order.
        let yaml = "title: Small\nevents:\n  - {id: a, date: 2020-01-02, title: A}\n  - {id: b, date: 2020-01-01, end: 2020-01-03, title: B, after: [a]}\n";
        let dir = tempfile::Builder::new().prefix("tlview-background-small-").tempdir().expect("temp dir");
        let path = dir.path().join("small.yaml");
        std::fs::write(&path, yaml).expect("write");
        let (tx, rx) = channel();
        let tx = ToViewer { messages: tx, wake: None };
        assert!(run(&path, &Limits::default(), Progress::new("small.yaml"), &tx).is_none());
        drop(tx);
        let messages: Vec<Msg> = rx.into_iter().collect();
        assert!(
            matches!(messages.as_slice(), [Msg::LoadDone(_)]),
            "{} messages, the first a part: {}",
            messages.len(),
            matches!(messages.first(), Some(Msg::LoadPart(_)))
        );
    }
}
