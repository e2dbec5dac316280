//! The one way a timeline is loaded: bytes in, a [`Timeline`] or its
//! problems out. The fast path (`pipeline`) is tried first and takes a
//! large file of the usual shape in guarded chunks; anything else, or any
//! file with a problem, takes the whole-document path here: the guard
//! (encoding, syntax, limits) over the whole text, then serde_yaml, then
//! validation and positions. serde_yaml is called only in these two places,
//! and only on text the guard has checked (or, in the fast path, a chunk a
//! byte scan found harmless).

use super::limits::{Limits, SIZE_ENV, human_bytes};
use super::model::{Part, Timeline};
use super::pipeline::{self, Fast};
use super::problem::{Position, Problem, SHOWN};
use super::raw::{Field, RawTimeline};
use super::read::read_with;
use super::scan::{self, Duplicates};
use super::sink::Sink;
use super::{positions, validate};
use crate::text::sanitize;
use std::fmt;
use std::path::Path;

/// Why a file could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all (exit status 2).
    Unreadable {
        /// The file's name as given.
        file: String,
        /// The reason.
        reason: String,
    },
    /// The user stopped the load (Ctrl-c): exit status 130, nothing to print.
    Interrupted,
    /// The file was read and has problems (exit status 1).
    Invalid {
        /// The file's name as given.
        file: String,
        /// The first problems (at most [`SHOWN`]), in file order, each with its position.
        problems: Vec<Problem>,
        /// How many more problems the file has, not listed.
        more: usize,
    },
}

impl LoadError {
    /// The process exit status this error calls for: 2 unreadable, 1 invalid.
    #[must_use]
    pub fn exit_status(&self) -> u8 {
        match self {
            LoadError::Unreadable { .. } => 2,
            LoadError::Invalid { .. } => 1,
            LoadError::Interrupted => 130,
        }
    }
}

/// One line per problem, `FILE:LINE:COLUMN: message`, then `FILE: … and N
/// more problems` when there are more than [`SHOWN`]; every line sanitised.
/// Written line by line, so printing it to a stream builds nothing whole.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable { file, reason } => {
                writeln!(f, "{}: cannot read: {}", sanitize(file), sanitize(reason))
            }
            LoadError::Interrupted => Ok(()),
            LoadError::Invalid { file, problems, more } => {
                for p in problems {
                    let at = p.position.unwrap_or(Position { line: 1, column: 1 });
                    let line = format!("{file}:{}:{}: {}", at.line, at.column, p.describe());
                    writeln!(f, "{}", sanitize(&line))?;
                }
                match more {
                    0 => Ok(()),
                    1 => writeln!(f, "{}: … and 1 more problem", sanitize(file)),
                    n => writeln!(f, "{}: … and {n} more problems", sanitize(file)),
                }
            }
        }
    }
}

/// Reads and loads the file at `path`, refusing files over the size limit before reading them.
///
/// # Errors
/// [`LoadError::Unreadable`] when it cannot be read, [`LoadError::Invalid`] with every problem.
pub fn load_path(
    path: &Path,
    limits: &Limits,
    progress: &mut dyn FnMut(Reached) -> bool,
) -> Result<Timeline, LoadError> {
    load_path_streaming(path, limits, progress, None)
}

/// Like [`load_path`], handing `sink` the events of the file as they are
/// checked, while the rest of a large file is still read and parsed: first
/// its beginning (read and checked apart with the keys found at the file's
/// end, so the first screen waits for neither the whole file nor its plan),
/// then, whenever the sink says a part is due, those checked since, each
/// event once and in file order (none if the whole file's keys are not
/// those the first screen was checked against). A file
/// loaded in one piece (one chunk, or not of the shape the fast path takes)
/// hands over nothing. The result is still the whole timeline, in its final
/// order, or every problem.
///
/// # Errors
/// As [`load_path`].
pub fn load_path_streaming(
    path: &Path,
    limits: &Limits,
    progress: &mut dyn FnMut(Reached) -> bool,
    sink: Option<Sink<'_>>,
) -> Result<Timeline, LoadError> {
    let file = path.display().to_string();
    let mut sink = sink;
    // Once a piece is handed over (the viewer is open): the events and tags
    // the beginning showed, which the whole load skips.
    let mut shown: Option<(usize, usize)> = None;
    let bytes = read_with(path, limits, sink.is_some(), &mut |beginning, end, total| {
        if !progress(Reached::Bytes { done: 0, total }) {
            return false;
        }
        if let Some(sink) = sink.as_mut()
            && let Some(first) = preview(beginning, end, limits)
        {
            sink.give(first.part);
            sink.tables = Some(first.tables);
            shown = Some(first.counts);
        }
        true
    })?;
    let Some(mut sink) = sink else { return load_text(&file, &bytes, limits, progress, None) };
    // The pipeline's parts keep to the schedule the beginning started, and
    // to the tables it was checked against.
    let (every, last, tables) = (sink.every, sink.last, sink.tables.take());
    let mut rest = |part: Part| {
        let Some((left_events, left_tags)) = shown else {
            // The viewer is not open: a first piece opens it; before any,
            // there is nothing to tell.
            if let Part::First(t) = part {
                shown = Some((0, 0));
                sink.give(Part::First(t));
            }
            return;
        };
        let (mut events, mut tags) = match part {
            Part::First(t) => (t.events, t.tags),
            Part::More { events, tags } => (events, tags),
            Part::Rechecking => return sink.give(Part::Rechecking),
        };
        // What the beginning showed already (usually nothing left to skip).
        let (skip_events, skip_tags) = (left_events.min(events.len()), left_tags.min(tags.len()));
        events.drain(..skip_events);
        tags.drain(..skip_tags);
        shown = Some((left_events - skip_events, left_tags - skip_tags));
        if !events.is_empty() || !tags.is_empty() {
            sink.give(Part::More { events, tags });
        }
    };
    load_text(&file, &bytes, limits, progress, Some(Sink { give: &mut rest, every, last, tables }))
}

/// The first part of a file that begins with `bytes` and ends with `end`,
/// when the beginning holds a whole first chunk (see [`pipeline::preview`]).
fn preview(bytes: &[u8], end: &[u8], limits: &Limits) -> Option<pipeline::Preview> {
    let cut = memchr::memrchr(b'\n', bytes)? + 1;
    let text = decode(&bytes[..cut]).ok()?;
    // From the end's first whole line; an end that cannot be read as text
    // shows the beginning alone (the whole load reports what is wrong).
    let end = memchr::memchr(b'\n', end).and_then(|at| decode(&end[at + 1..]).ok()).unwrap_or_default();
    pipeline::preview(text, end, limits)
}

/// The problem of a file past the size limit; `size` when known (a file
/// that grows while read is stopped one byte past the limit, size unknown).
pub(super) fn too_big(file: &str, size: Option<u64>, limits: &Limits) -> LoadError {
    let limit = human_bytes(limits.max_file_bytes);
    let what = match size {
        // Rounded alike, the two figures would read as equal: say only "larger".
        Some(n) if human_bytes(n) != limit => {
            format!("the file is {}, larger than the limit of {limit}", human_bytes(n))
        }
        _ => format!("the file is larger than the limit of {limit}"),
    };
    let msg = format!("{what}; raise it with --max-file-size SIZE or {SIZE_ENV}=SIZE (e.g. 256M)");
    let problems = vec![Problem::at(Position { line: 1, column: 1 }, msg)];
    LoadError::Invalid { file: file.to_owned(), problems, more: 0 }
}

/// Loads a timeline from the bytes of a file called `file` (the name is used in messages).
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found, in file order.
pub fn load_bytes(file: &str, bytes: &[u8], limits: &Limits) -> Result<Timeline, LoadError> {
    load_bytes_with(file, bytes, limits, &mut |_| true)
}

/// How far a load is, as it tells its caller's `progress` (which answers
/// whether to go on).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reached {
    /// `done` of the file's `total` bytes are checked.
    Bytes {
        /// Bytes checked.
        done: usize,
        /// Bytes in the file.
        total: usize,
    },
    /// The file, `total` bytes, is checked as a whole document (the fast
    /// path found a problem, or a shape it does not take): no percent can
    /// be told until that ends, which for a large file takes seconds. Told
    /// again every so often, so a request to stop is still heard.
    WholeFile {
        /// Bytes in the file.
        total: usize,
    },
}

/// Like [`load_bytes`], telling `progress` how far the load is as it
/// advances; `progress` returning false stops it with [`LoadError::Interrupted`].
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found, in file order, or
/// [`LoadError::Interrupted`].
pub fn load_bytes_with(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(Reached) -> bool,
) -> Result<Timeline, LoadError> {
    load_text(file, bytes, limits, progress, None)
}

/// [`load_bytes_with`], with the fast path's sink for a load shown as it goes.
fn load_text(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(Reached) -> bool,
    mut sink: Option<Sink<'_>>,
) -> Result<Timeline, LoadError> {
    let invalid = |problems: Vec<Problem>| LoadError::Invalid { file: file.to_owned(), problems, more: 0 };
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big(file, Some(bytes.len() as u64), limits));
    }
    let text = decode(bytes).map_err(|p| invalid(vec![p]))?;
    let total = text.len();
    match pipeline::load_streaming(text, limits, &mut |done| progress(Reached::Bytes { done, total }), sink.as_mut()) {
        Fast::Loaded(mut t) => {
            super::warnings::finish(text, &mut t);
            return Ok(*t);
        }
        Fast::Interrupted => return Err(LoadError::Interrupted),
        Fast::Fallback => {
            if let Some(sink) = &mut sink {
                sink.give(Part::Rechecking);
            }
        }
    }
    // The whole document at once, after a full guard (which also names
    // repeated keys); seconds for a large file, with no percent to tell.
    let mut whole = || progress(Reached::WholeFile { total });
    if !whole() {
        return Err(LoadError::Interrupted);
    }
    let mut stopped = false;
    let guarded = scan::guard_ticking(text, limits, Duplicates::Report, &mut || {
        stopped = !whole();
        !stopped
    });
    // Told to stop in the guard (which then stopped), or right after it.
    if stopped || !whole() {
        return Err(LoadError::Interrupted);
    }
    let outline = guarded.map_err(|p| invalid(vec![p]))?;
    let raw = super::exact::deserialize::<Field<RawTimeline>>(text).map_err(|e| {
        let at =
            e.location().map_or(Position { line: 1, column: 1 }, |l| Position { line: l.line(), column: l.column() });
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        invalid(vec![Problem::at(at, format!("YAML error: {msg}"))])
    })?;
    if !whole() {
        return Err(LoadError::Interrupted);
    }
    let (mut list, dropped) = match validate::check(raw) {
        Ok(mut t) if outline.odd_dates.is_empty() => {
            super::warnings::finish(text, &mut t);
            return Ok(t);
        }
        Ok(_) => (Vec::new(), 0),
        Err(problems) => (problems.list, problems.dropped),
    };
    positions::resolve(text, &mut list);
    // A date the guard refused as not written in digits says why; the
    // validator's generic "not a date" at the same place would repeat it.
    list.retain(|p| !outline.odd_dates.iter().any(|o| o.position == p.position));
    list.extend(outline.odd_dates);
    list.sort_by_key(|p| p.position);
    let more = list.len().saturating_sub(SHOWN) + dropped + outline.more_odd_dates;
    list.truncate(SHOWN);
    Err(LoadError::Invalid { file: file.to_owned(), problems: list, more })
}

/// Checks the encoding: UTF-8 (a leading byte-order mark is skipped) with no
/// raw control characters other than tab and line breaks.
fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let at = position_of(std::str::from_utf8(good).unwrap_or_default(), good.len());
            let msg = format!(
                "the file is not valid UTF-8 here (byte 0x{:02X}); save it as UTF-8",
                bytes.get(e.valid_up_to()).copied().unwrap_or(0)
            );
            return Err(Problem::at(at, msg));
        }
    };
    let bad = first_control(text.as_bytes()).and_then(|i| text[i..].chars().next().map(|c| (i, c)));
    if let Some((i, c)) = bad {
        let msg = format!(
            "a raw control character (U+{:04X}) is not allowed in a YAML file; to put one in a value, write it as an escape such as \\x{:02X} inside double quotes",
            c as u32, c as u32
        );
        return Err(Problem::at(position_of(text, i), msg));
    }
    Ok(text)
}

/// The byte offset of the first raw control character other than tab, line
/// feed, carriage return and NEL: C0 and DEL are single bytes, C1 is 0xC2
/// followed by 0x80..=0x9F. Blocks of bytes are first tested without a
/// branch (so the compiler can test many bytes at once) for a byte that
/// may start one; only a block that has one is looked at byte by byte.
/// This runs over the whole file before parsing starts.
fn first_control(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64;
    let mut from = 0;
    for block in bytes.chunks(BLOCK) {
        let suspect = block.iter().fold(false, |any, &b| {
            any | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f) | (b == 0xc2)
        });
        if suspect && let Some(i) = (from..from + block.len()).find(|&i| control_at(bytes, i)) {
            return Some(i);
        }
        from += block.len();
    }
    None
}

/// Whether a raw control character (as [`first_control`] means it) starts at byte `i`.
fn control_at(bytes: &[u8], i: usize) -> bool {
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    match bytes.get(i).copied().unwrap_or(b' ') {
        b'\t' | b'\n' | b'\r' => false,
        b if b < 0x20 || b == 0x7f => true,
        0xc2 => (0x80..=0x9f).contains(&next) && next != 0x85,
        _ => false,
    }
}

/// The line and column (in characters) of byte `index` of `text`.
fn position_of(text: &str, index: usize) -> Position {
    let before = &text[..index.min(text.len())];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position { line, column: before[line_start..].chars().count() + 1 }
}

#[cfg(test)]
mod tests {
    use super::first_control;

    /// The plain definition, one byte at a time.
    fn naive(bytes: &[u8]) -> Option<usize> {
        bytes.iter().enumerate().position(|(i, &b)| {
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
                || b == 0x7f
                || (b == 0xc2 && bytes.get(i + 1).is_some_and(|&n| (0x80..=0x9f).contains(&n) && n != 0x85))
        })
    }

    #[test]
    fn the_block_scan_finds_what_a_byte_scan_finds_wherever_it_falls() {
        let mut seq = crate::test_seq::Seq::new(9);
        let mut next = || (seq.next() >> 33) as usize;
        // Mostly text, with tabs, line breaks, é (C3 A9), NEL (C2 85), « (C2 AB),
        // and now and then a control character, at every offset around the blocks.
        let pieces: [&[u8]; 9] =
            [b"words ", b"\t", b"\r\n", "é".as_bytes(), b"\xc2\x85", "«".as_bytes(), b"\x07", b"\x7f", b"\xc2\x9b"];
        for case in 0..3_000 {
            let mut bytes = Vec::new();
            let len = next() % 300;
            while bytes.len() < len {
                let pick = next() % 60;
                bytes.extend_from_slice(pieces[if pick < 52 { pick % 6 } else { 6 + pick % 3 }]);
            }
            assert_eq!(first_control(&bytes), naive(&bytes), "case {case}: {bytes:?}");
        }
        // A C1 control split across two blocks.
        let mut split = vec![b'a'; 63];
        split.extend_from_slice(b"\xc2\x90");
        assert_eq!(first_control(&split), Some(63));
    }
}
