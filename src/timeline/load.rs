//! The one way a timeline is loaded: bytes in, a [`Timeline`] or every
//! problem out. serde_yaml is called only here and in the fast path
//! (`pipeline`), and only on text the guard pass has already checked for
//! encoding, syntax and limits.

use super::limits::{Limits, SIZE_ENV, human_bytes};
use super::model::{Part, Timeline};
use super::pipeline::{self, Fast};
use super::problem::{Position, Problem};
use super::raw::{Field, RawTimeline};
use super::scan::{self, Duplicates};
use super::{positions, validate};
use crate::text::sanitize;
use serde::Deserialize;
use std::fmt;
use std::io::Read;
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
        /// Every problem, in file order, each with its position.
        problems: Vec<Problem>,
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

/// One line per problem, `FILE:LINE:COLUMN: message`, every line sanitised.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable { file, reason } => {
                writeln!(f, "{}: cannot read: {}", sanitize(file), sanitize(reason))
            }
            LoadError::Interrupted => Ok(()),
            LoadError::Invalid { file, problems } => {
                for p in problems {
                    let at = p.position.unwrap_or(Position { line: 1, column: 1 });
                    let line = format!("{file}:{}:{}: {}", at.line, at.column, p.describe());
                    writeln!(f, "{}", sanitize(&line))?;
                }
                Ok(())
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
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Timeline, LoadError> {
    load_path_streaming(path, limits, progress, None)
}

/// Like [`load_path`], handing `sink` the events of each chunk validated
/// while the rest of a large file is still being parsed (a file loaded in
/// one piece hands over nothing): the result is still the whole timeline,
/// in its final order, or every problem.
///
/// # Errors
/// As [`load_path`].
pub fn load_path_streaming(
    path: &Path,
    limits: &Limits,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    sink: Option<&mut dyn FnMut(Part)>,
) -> Result<Timeline, LoadError> {
    let file = path.display().to_string();
    let unreadable = |e: std::io::Error| LoadError::Unreadable { file: file.clone(), reason: e.to_string() };
    let handle = std::fs::File::open(path).map_err(unreadable)?;
    let meta = handle.metadata().map_err(unreadable)?;
    if meta.is_dir() {
        return Err(LoadError::Unreadable { file, reason: "it is a directory".into() });
    }
    if meta.len() > limits.max_file_bytes {
        return Err(too_big(&file, meta.len(), limits));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read one byte past the limit so a file that grows while read is still caught.
    handle.take(limits.max_file_bytes + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big(&file, bytes.len() as u64, limits));
    }
    load_text(&file, &bytes, limits, progress, sink)
}

fn too_big(file: &str, size: u64, limits: &Limits) -> LoadError {
    let msg = format!(
        "the file is {}, over the limit of {}; raise it with --max-file-size SIZE or {SIZE_ENV}=SIZE (e.g. 256M)",
        human_bytes(size),
        human_bytes(limits.max_file_bytes)
    );
    LoadError::Invalid { file: file.to_owned(), problems: vec![Problem::at(Position { line: 1, column: 1 }, msg)] }
}

/// Loads a timeline from the bytes of a file called `file` (the name is used in messages).
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found, in file order.
pub fn load_bytes(file: &str, bytes: &[u8], limits: &Limits) -> Result<Timeline, LoadError> {
    load_bytes_with(file, bytes, limits, &mut |_, _| true)
}

/// Like [`load_bytes`], calling `progress(done, total)` in bytes as the load
/// advances; `progress` returning false stops it with [`LoadError::Interrupted`].
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found, in file order, or
/// [`LoadError::Interrupted`].
pub fn load_bytes_with(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Timeline, LoadError> {
    load_text(file, bytes, limits, progress, None)
}

/// [`load_bytes_with`], with the fast path's sink for a load shown as it goes.
fn load_text(
    file: &str,
    bytes: &[u8],
    limits: &Limits,
    progress: &mut dyn FnMut(usize, usize) -> bool,
    sink: Option<&mut dyn FnMut(Part)>,
) -> Result<Timeline, LoadError> {
    let invalid = |problems: Vec<Problem>| LoadError::Invalid { file: file.to_owned(), problems };
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_big(file, bytes.len() as u64, limits));
    }
    let text = decode(bytes).map_err(|p| invalid(vec![p]))?;
    let total = text.len();
    match pipeline::load_streaming(text, limits, &mut |done| progress(done, total), sink) {
        Fast::Loaded(t) => return Ok(t),
        Fast::Interrupted => return Err(LoadError::Interrupted),
        Fast::Fallback => {}
    }
    // The whole document at once, after a full guard (which also names repeated keys).
    scan::guard(text, limits, Duplicates::Report).map_err(|p| invalid(vec![p]))?;
    let raw = Field::<RawTimeline>::deserialize(serde_yaml::Deserializer::from_str(text)).map_err(|e| {
        let at =
            e.location().map_or(Position { line: 1, column: 1 }, |l| Position { line: l.line(), column: l.column() });
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_owned();
        invalid(vec![Problem::at(at, format!("YAML error: {msg}"))])
    })?;
    validate::check(raw).map_err(|problems| {
        let mut list = problems.list;
        positions::resolve(text, &mut list);
        list.sort_by_key(|p| p.position);
        invalid(list)
    })
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
/// followed by 0x80..=0x9F. A byte scan, so a large file costs little.
fn first_control(bytes: &[u8]) -> Option<usize> {
    bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|&n| (0x80..=0x9f).contains(&n) && n != 0x85))
    })
}

/// The line and column (in characters) of byte `index` of `text`.
fn position_of(text: &str, index: usize) -> Position {
    let before = &text[..index.min(text.len())];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position { line, column: before[line_start..].chars().count() + 1 }
}
