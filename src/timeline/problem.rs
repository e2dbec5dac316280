//! Problems found in a file, and where they are.
//!
//! Validation works on values, not text, so it names a problem's place by
//! its path in the document (`events[3].actors[1]`); the loader turns paths
//! into lines and columns afterwards, only when there is something to report.

use std::borrow::Cow;
use std::fmt;

/// How many problems of one file are printed; the rest are counted.
pub const SHOWN: usize = 100;

/// How many problems validation keeps (in walking order, which is file
/// order event by event) before it only counts them: enough to print the
/// first [`SHOWN`] in file order, few enough that a file of a million
/// mistakes costs little.
pub(super) const KEPT: usize = 1_000;

/// Longest part of a file's value echoed in a message, in characters.
pub(super) const ECHO_CHARS: usize = 60;

/// A value from the file as a message echoes it: its first 60 characters,
/// then `…` when there is more. Not yet sanitised.
#[must_use]
pub fn shown(value: &str) -> Cow<'_, str> {
    match value.char_indices().nth(ECHO_CHARS) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &value[..cut])),
        None => Cow::Borrowed(value),
    }
}

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A mapping key.
    Key(String),
    /// A sequence index, 0-based.
    Index(usize),
}

/// Which part of the node at a path a problem points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The value (or the mapping, for a missing key).
    Value,
    /// The key itself (unknown or repeated keys).
    Key,
}

/// A 1-based line and column in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// Whether a finding stops the file loading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The file is refused.
    #[default]
    Problem,
    /// The file loads; `--check` prints it, and `--strict` refuses the file for it.
    Warning,
}

/// One thing wrong with a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the document, as a path.
    pub path: Vec<Seg>,
    /// Whether the key or the value is at fault.
    pub target: Target,
    /// The id of the event (or actor, source) concerned, to name it in the message.
    pub owner: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
    /// Line and column, once resolved.
    pub position: Option<Position>,
    /// A problem, or only a warning.
    pub severity: Severity,
}

impl Problem {
    /// A problem at a position already known (syntax errors, limits).
    #[must_use]
    pub fn at(position: Position, message: String) -> Problem {
        Problem {
            path: Vec::new(),
            target: Target::Value,
            owner: None,
            message,
            position: Some(position),
            severity: Severity::Problem,
        }
    }

    /// The message as printed after `FILE:LINE:COLUMN: `: the owner, if any, then the text.
    /// The result is not yet sanitised: callers print it through [`crate::text::sanitize`].
    #[must_use]
    pub fn describe(&self) -> String {
        let level = if self.severity == Severity::Warning { "warning: " } else { "" };
        match &self.owner {
            Some(owner) => format!("{level}{owner}: {}", self.message),
            None => format!("{level}{}", self.message),
        }
    }
}

impl fmt::Display for Seg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seg::Key(k) => write!(f, ".{k}"),
            Seg::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// A growing path, used while walking raw values.
#[derive(Clone, Debug, Default)]
pub struct Path(pub Vec<Seg>);

impl Path {
    /// This path with a key appended.
    #[must_use]
    pub fn key(&self, k: &str) -> Path {
        let mut p = self.0.clone();
        p.push(Seg::Key(k.to_owned()));
        Path(p)
    }

    /// This path with an index appended.
    #[must_use]
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.0.clone();
        p.push(Seg::Index(i));
        Path(p)
    }
}

/// Every problem of one file, collected in walking order.
#[derive(Debug, Default)]
pub struct Problems {
    /// The problems so far.
    pub list: Vec<Problem>,
    /// Warnings so far (they do not stop the file loading).
    pub warnings: Vec<Problem>,
    /// The owner named in problems pushed from now on, e.g. ``event `attack` ``.
    pub owner: Option<String>,
    /// Problems found after the first `KEPT`, counted but not kept.
    pub dropped: usize,
    /// Warnings found after the first `KEPT`, counted but not kept.
    pub warnings_dropped: usize,
}

impl Problems {
    /// Whether problems are only counted from now on (so a caller may skip
    /// building a message nobody will read, and call [`Problems::count`]).
    #[must_use]
    pub fn counting(&self) -> bool {
        self.list.len() >= KEPT
    }

    /// Counts one more problem without recording it; only once [`Problems::counting`].
    pub fn count(&mut self) {
        self.dropped += 1;
    }

    /// Records a problem with the value at `path`.
    pub fn value(&mut self, path: &Path, message: impl Into<String>) {
        self.push(path, Target::Value, message.into());
    }

    /// Records a problem with the key that ends `path`.
    pub fn key(&mut self, path: &Path, message: impl Into<String>) {
        self.push(path, Target::Key, message.into());
    }

    /// Records a warning about the value at `path`, in `warnings`.
    pub fn warn(&mut self, path: &Path, message: impl Into<String>) {
        if self.warnings.len() >= KEPT {
            self.warnings_dropped += 1;
            return;
        }
        self.warnings.push(Problem {
            path: path.0.clone(),
            target: Target::Value,
            owner: self.owner.clone(),
            message: message.into(),
            position: None,
            severity: Severity::Warning,
        });
    }

    fn push(&mut self, path: &Path, target: Target, message: String) {
        if self.list.len() >= KEPT {
            self.dropped += 1;
            return;
        }
        self.list.push(Problem {
            path: path.0.clone(),
            target,
            owner: self.owner.clone(),
            message,
            position: None,
            severity: Severity::Problem,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_values_are_cut_at_sixty_characters() {
        assert_eq!(shown("short"), "short");
        let long = "é".repeat(500_000);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), 61);
        assert!(cut.ends_with("é…"));
        assert_eq!(shown(&"x".repeat(60)), "x".repeat(60));
    }

    #[test]
    fn problems_past_the_first_thousand_are_only_counted() {
        let mut p = Problems::default();
        for _ in 0..400_000 {
            p.value(&Path::default(), "bad");
        }
        assert_eq!((p.list.len(), p.dropped), (KEPT, 400_000 - KEPT));
    }
}
