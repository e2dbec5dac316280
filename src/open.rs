//! Opening any file tlview reads: its own YAML as it is, TimelineJS JSON or
//! CSV (by extension, else by content) converted to YAML first. The viewer,
//! `--check`, reloading and `export` all open files here, so a TimelineJS
//! file behaves the same everywhere.
//!
//! A converted file's line and column numbers are those of the YAML that
//! `tlview convert` writes, so its problems and warnings say so; what the
//! conversion could not carry becomes a warning naming the slide or row.

use crate::formats::import::{self, Converted, Kind};
use crate::timeline::problem::{Position, Problem, Severity};
use crate::timeline::{self, LoadError, Reached, Timeline};
use std::path::Path;

/// Loads `path`: TimelineJS JSON or CSV is converted to YAML first; anything
/// else goes to the loader as it is.
///
/// # Errors
/// Whatever the loader found, or the conversion's complaint.
pub fn load_path(
    path: &Path,
    limits: &crate::timeline::limits::Limits,
    progress: &mut dyn FnMut(Reached) -> bool,
) -> Result<Timeline, LoadError> {
    let is_yaml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if is_yaml {
        return timeline::load_path(path, limits, progress);
    }
    let bytes = timeline::read_path(path, limits)?;
    let name = path.display().to_string();
    let Some(kind) = import::detect(path, &bytes) else {
        return timeline::load_bytes_with(&name, &bytes, limits, progress);
    };
    let converted = convert_bytes(kind, &name, &bytes)?;
    let hint = format!("lines and columns are in the YAML that `tlview convert {name}` writes");
    let loaded = timeline::load_bytes_with(&format!("{name} (converted)"), converted.yaml.as_bytes(), limits, progress);
    match loaded {
        Ok(mut t) => {
            let mut warnings = notes(&converted);
            warnings.append(&mut t.warnings);
            if !warnings.is_empty() {
                let mut first =
                    Problem::at(Position { line: 1, column: 1 }, format!("{hint}; the warnings below are there"));
                first.severity = Severity::Warning;
                warnings.insert(0, first);
            }
            t.warnings = warnings;
            Ok(t)
        }
        Err(LoadError::Invalid { file, mut problems, more }) => {
            problems.push(Problem::at(Position { line: 1, column: 1 }, format!("these {hint}; fix them there")));
            Err(LoadError::Invalid { file, problems, more })
        }
        Err(other) => Err(other),
    }
}

/// What the conversion could not carry, as warnings at its comments' lines.
#[must_use]
pub fn notes(converted: &Converted) -> Vec<Problem> {
    converted
        .notes
        .iter()
        .map(|(line, note)| {
            let mut w = Problem::at(Position { line: *line, column: 1 }, note.clone());
            w.severity = Severity::Warning;
            w
        })
        .collect()
}

/// [`import::to_yaml`], its complaint as a load error of `name`.
///
/// # Errors
/// The input is not TimelineJS JSON or CSV that can be read.
pub fn convert_bytes(kind: Kind, name: &str, bytes: &[u8]) -> Result<Converted, LoadError> {
    import::to_yaml(kind, name, bytes).map_err(|m| LoadError::Invalid {
        file: name.to_owned(),
        problems: vec![Problem::at(Position { line: 1, column: 1 }, m)],
        more: 0,
    })
}
