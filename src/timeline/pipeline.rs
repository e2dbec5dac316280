//! The loader's fast path for the common shape of a large file: a block
//! mapping whose `events` is a block list. The guard walks the document on
//! one thread and, as each entry of `events` begins, cuts the checked text
//! before it into chunks; worker threads parse the chunks with serde_yaml
//! while the guard reads on, and this thread validates them in file order.
//! The passes overlap on every core, and only a few chunks of parser state
//! are alive at a time.
//!
//! Anything unusual (flow-style events, anchors, keys after `events`, or any
//! problem at all) returns [`Fast::Fallback`], and the loader takes the
//! whole-document path, which also reports every problem with its position.

use super::limits::Limits;
use super::model::Timeline;
use super::problem::{Position, Problem};
use super::raw::{Field, RawEvent, RawTimeline};
use super::scan::{self, Duplicates, Outline};
use super::validate::{Checker, Head, check_head};
use super::validate_event::EventsBuilder;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

/// About how many bytes of events one chunk holds.
const CHUNK_BYTES: usize = 256 * 1024;

/// What the fast path made of a file.
pub(super) enum Fast {
    /// Loaded, with no problem.
    Loaded(Timeline),
    /// The guard refused the file.
    Refused(Problem),
    /// `progress` asked to stop.
    Interrupted,
    /// Not for the fast path: load the whole document, knowing the guard passed.
    Fallback,
}

/// Byte offsets of line starts, found by walking forward (lines are asked for in increasing order).
struct Lines<'a> {
    text: &'a str,
    line: usize,
    offset: usize,
}

impl Lines<'_> {
    /// The byte offset of `column` (1-based, in characters) on `line`
    /// (1-based); past the last line, the end of the text.
    fn offset(&mut self, line: usize, column: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        while self.line < line {
            match memchr::memchr(b'\n', &bytes[self.offset..]) {
                Some(i) => self.offset += i + 1,
                None => return Some(self.text.len()),
            }
            self.line += 1;
        }
        let rest = &self.text[self.offset..];
        let within = rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i);
        Some(self.offset + within)
    }
}

/// Where the guard thread cuts the events into chunks: at line starts, for
/// block-style entries only (each on a line of its own, after `- `).
struct Cutter<'a> {
    lines: Lines<'a>,
    text: &'a str,
    last_line: usize,
    chunk_start: Option<usize>,
    chunks: usize,
    block_style: bool,
}

impl<'a> Cutter<'a> {
    /// An entry of `events` begins at `at`, with everything before it checked:
    /// the first gives the head's end; later ones may close a chunk.
    fn item(&mut self, at: Position, jobs: &mpsc::SyncSender<Job>, main: &mpsc::Sender<Done>) -> bool {
        if !self.block_style {
            return true;
        }
        let Some(off) = self.lines.offset(at.line, at.column) else {
            self.block_style = false;
            return true;
        };
        let line_start = off - (at.column - 1).min(off);
        let dash = self.text[line_start..off].trim_start_matches(' ');
        if at.line <= self.last_line || !matches!(dash, "- " | "-") {
            self.block_style = false;
            return true;
        }
        self.last_line = at.line;
        match self.chunk_start {
            None => {
                self.chunk_start = Some(line_start);
                main.send(Done::Head(line_start)).is_ok()
            }
            Some(start) if line_start - start >= CHUNK_BYTES => self.cut(start, line_start, jobs),
            Some(_) => true,
        }
    }

    fn cut(&mut self, start: usize, end: usize, jobs: &mpsc::SyncSender<Job>) -> bool {
        self.chunk_start = Some(end);
        self.chunks += 1;
        jobs.send(Job { chunk: self.chunks - 1, start, end }).is_ok()
    }

    /// After the guard passed: the last chunk, up to where `events` ends, if
    /// nothing but blank lines and comments follow it.
    fn finish(&mut self, outline: &Outline, jobs: &mpsc::SyncSender<Job>) -> bool {
        let (Some(start), Some(end)) = (self.chunk_start, outline.events_end) else { return false };
        let Some(end) = self.lines.offset(end.line, end.column) else { return false };
        let tail_blank = self.text[end..].lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
        self.block_style && !outline.aliased && tail_blank && self.cut(start, end, jobs)
    }
}

/// The entries of one chunk, as parsed.
type Entries = Vec<Field<RawEvent>>;

/// A chunk of entries for a worker to parse.
struct Job {
    chunk: usize,
    start: usize,
    end: usize,
}

/// What the main thread hears.
enum Done {
    /// The head (everything before the first entry) ends here and is checked.
    Head(usize),
    /// A worker parsed a chunk (`None`: it did not parse as entries).
    Parsed(usize, usize, Option<Vec<Field<RawEvent>>>),
    /// The guard finished: its verdict, and how many chunks the fast path has
    /// (`None`: not for the fast path).
    Guard(Result<Outline, Problem>, Option<usize>),
}

/// Validates parsed chunks in file order as they arrive.
struct Checking {
    parts: Option<(Checker, Head, EventsBuilder)>,
    /// Parsed chunks by number, each with the offset it ends at.
    waiting: BTreeMap<usize, (usize, Option<Entries>)>,
    next: usize,
    items: usize,
    ok: bool,
}

impl Checking {
    fn head(&mut self, head: &str) {
        let raw = Field::<RawTimeline>::deserialize(serde_yaml::Deserializer::from_str(head));
        match raw.map(check_head) {
            Ok(Ok((checker, head, Field::Wrong(_) | Field::Missing))) if checker.problems.list.is_empty() => {
                self.parts = Some((checker, head, EventsBuilder::default()));
            }
            _ => self.ok = false,
        }
    }

    /// Checks every chunk that is next in order; the byte offset reached, if it moved.
    fn drain(&mut self) -> Option<usize> {
        let mut reached = None;
        while let Some((end, entries)) = self.waiting.remove(&self.next) {
            self.next += 1;
            reached = Some(end);
            let (Some((checker, _, builder)), Some(entries), true) = (self.parts.as_mut(), entries, self.ok) else {
                self.ok = false;
                continue;
            };
            for entry in entries {
                self.ok &= builder.add(checker, self.items, entry);
                self.items += 1;
            }
            self.ok &= checker.problems.list.is_empty();
        }
        reached
    }
}

/// Loads `text` on the fast path, calling `progress` with the bytes done
/// after each chunk (false stops the load).
pub(super) fn load(text: &str, limits: &Limits, progress: &mut dyn FnMut(usize) -> bool) -> Fast {
    let stop = AtomicBool::new(false);
    let (to_main, from_threads) = mpsc::channel::<Done>();
    let (jobs, queue) = mpsc::sync_channel::<Job>(4);
    let queue = Mutex::new(queue);
    let workers = std::thread::available_parallelism().map_or(1, usize::from).clamp(1, 4);
    std::thread::scope(|s| {
        let mut threads = Vec::with_capacity(workers + 1);
        for _ in 0..workers {
            let (to_main, queue) = (to_main.clone(), &queue);
            threads.push(s.spawn(move || {
                while let Ok(job) = queue.lock().map_err(drop).and_then(|q| q.recv().map_err(drop)) {
                    let chunk = &text[job.start..job.end];
                    let parsed = Vec::<Field<RawEvent>>::deserialize(serde_yaml::Deserializer::from_str(chunk)).ok();
                    if to_main.send(Done::Parsed(job.chunk, job.end, parsed)).is_err() {
                        return;
                    }
                }
            }));
        }
        let guard_main = to_main.clone();
        let stop = &stop;
        threads.push(s.spawn(move || {
            let mut cutter = Cutter {
                lines: Lines { text, line: 1, offset: 0 },
                text,
                last_line: 0,
                chunk_start: None,
                chunks: 0,
                block_style: true,
            };
            let result = scan::guard(text, limits, Duplicates::Skip, &mut |at| {
                !stop.load(Ordering::Relaxed) && cutter.item(at, &jobs, &guard_main)
            });
            let chunks = match &result {
                Ok(outline) => cutter.finish(outline, &jobs).then_some(cutter.chunks),
                Err(_) => None,
            };
            drop(jobs);
            let _ = guard_main.send(Done::Guard(result, chunks));
        }));
        drop(to_main);
        let mut checking = Checking { parts: None, waiting: BTreeMap::new(), next: 0, items: 0, ok: true };
        let mut verdict = None;
        for done in &from_threads {
            match done {
                Done::Head(end) => checking.head(&text[..end]),
                Done::Parsed(chunk, end, entries) => {
                    checking.waiting.insert(chunk, (end, entries));
                    if let Some(reached) = checking.drain()
                        && !progress(reached)
                    {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
                Done::Guard(result, chunks) => verdict = Some((result, chunks)),
            }
        }
        // Every sender is gone, so every thread has finished its work; joining
        // also waits for their thread-local teardown (the scope alone does not).
        for t in threads {
            let _ = t.join();
        }
        checking.drain();
        match verdict {
            Some((Err(_), _)) if stop.load(Ordering::Relaxed) => Fast::Interrupted,
            Some((Err(problem), _)) => Fast::Refused(problem),
            Some((Ok(_), Some(chunks))) if checking.ok && checking.next == chunks => {
                let Some((mut checker, head, builder)) = checking.parts.take() else { return Fast::Fallback };
                let (events, tags) = builder.finish(&mut checker);
                checker.assemble(head, events, tags).map_or(Fast::Fallback, Fast::Loaded)
            }
            _ => Fast::Fallback,
        }
    })
}
