//! The command line: one flag table feeds parsing, `--help` and the README,
//! and `--check` runs here so it can be tested without a process.

use crate::text::sanitize;
use crate::timeline::limits::{Limits, SIZE_ENV, parse_size};
use crate::timeline::{self, BUNDLED, BUNDLED_NAME, LoadError, Timeline};
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;

/// One command-line flag, as documented in `--help` and the README.
pub struct Flag {
    /// The long name, without dashes.
    pub long: &'static str,
    /// The short letter, if any.
    pub short: Option<char>,
    /// The value's placeholder, for flags that take one.
    pub value: Option<&'static str>,
    /// One line saying what the flag does.
    pub doc: &'static str,
}

/// Every flag tlview accepts.
pub const FLAGS: &[Flag] = &[
    Flag {
        long: "check",
        short: None,
        value: None,
        doc: "Check the files (or the bundled timeline) and print `ok: N events, M actors, K quotes` or every problem; open nothing",
    },
    Flag {
        long: "strict",
        short: None,
        value: None,
        doc: "With --check, treat warnings (unsourced events, unused actors or sources…) as problems: exit 1",
    },
    Flag {
        long: "max-file-size",
        short: None,
        value: Some("SIZE"),
        doc: "Refuse files larger than SIZE (e.g. 256M, 1G; default 64M; also TLVIEW_MAX_FILE_SIZE)",
    },
    Flag { long: "help", short: Some('h'), value: None, doc: "Print this help and exit" },
    Flag { long: "version", short: Some('V'), value: None, doc: "Print the version and exit" },
];

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Open the viewer on a file, or on the bundled timeline.
    View(Option<PathBuf>),
    /// Check files (none: the bundled timeline) and report.
    Check(Vec<PathBuf>),
    /// Print help.
    Help,
    /// Print the version.
    Version,
}

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
pub struct Args {
    /// What to do.
    pub command: Command,
    /// The limits files are held to.
    pub limits: Limits,
    /// Whether `--check` counts warnings as problems.
    pub strict: bool,
}

/// Parses the arguments (without the program name); `env_size` is the value of `TLVIEW_MAX_FILE_SIZE`.
///
/// # Errors
/// A usage message for an unknown flag, a missing value or a bad size (exit status 2).
pub fn parse(args: impl IntoIterator<Item = OsString>, env_size: Option<OsString>) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut limits = Limits::default();
    if let Some(v) = env_size {
        let v = v.to_string_lossy();
        limits.max_file_bytes = parse_size(&v).map_err(|e| format!("{SIZE_ENV}: {e}"))?;
    }
    let (mut check, mut help, mut version, mut strict) = (false, false, false, false);
    let mut files = Vec::new();
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("check") => check = true,
            Long("strict") => strict = true,
            Long("max-file-size") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                limits.max_file_bytes =
                    parse_size(&v.to_string_lossy()).map_err(|e| format!("--max-file-size: {e}"))?;
            }
            Short('h') | Long("help") => help = true,
            Short('V') | Long("version") => version = true,
            Value(v) => files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let command = if help {
        Command::Help
    } else if version {
        Command::Version
    } else if check {
        Command::Check(files)
    } else if files.len() > 1 {
        return Err("the viewer opens one file at a time (use --check to check several)".into());
    } else {
        Command::View(files.pop())
    };
    Ok(Args { command, limits, strict })
}

/// The one-line usage shown with usage errors.
pub const USAGE: &str = "usage: tlview [FILE] | tlview --check [--strict] [FILE...]";

/// The `--help` text, generated from [`FLAGS`].
#[must_use]
pub fn help() -> String {
    let mut out = format!(
        "tlview {} — a terminal viewer for sourced timelines\n\n{USAGE}\n\n\
         With no FILE, opens the bundled Deir ez-Zor timeline (February 2018).\n\nOptions:\n",
        env!("CARGO_PKG_VERSION")
    );
    for f in FLAGS {
        out.push_str(&format!("  {:<26} {}\n", flag_label(f), f.doc));
    }
    out.push_str("\nExit status: 0 ok, 1 a file has problems, 2 usage error or unreadable file,\n");
    out.push_str("130 load stopped with Ctrl-c, 128+N ended by signal N (terminal restored first).\n");
    out.push_str("Keys: press ? in the viewer. Format: docs/format.md\n");
    out
}

/// How a flag is written in help: `-h, --help` or `--max-file-size SIZE`.
#[must_use]
pub fn flag_label(f: &Flag) -> String {
    let short = f.short.map(|c| format!("-{c}, ")).unwrap_or_default();
    let value = f.value.map(|v| format!(" {v}")).unwrap_or_default();
    format!("{short}--{}{value}", f.long)
}

/// The options table as the README shows it, generated from [`FLAGS`].
#[must_use]
pub fn markdown_options() -> String {
    FLAGS.iter().map(|f| format!("| `{}` | {} |\n", flag_label(f), f.doc.replace('|', "\\|"))).collect()
}

/// Loads the file given, or the bundled timeline.
///
/// # Errors
/// Whatever the loader found.
pub fn load(file: Option<&PathBuf>, limits: &Limits) -> Result<Timeline, LoadError> {
    load_with(file, limits, &mut |_, _| true)
}

/// Like [`load`], reporting progress as [`timeline::load_bytes_with`] does.
///
/// # Errors
/// Whatever the loader found, or [`LoadError::Interrupted`].
pub fn load_with(
    file: Option<&PathBuf>,
    limits: &Limits,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Timeline, LoadError> {
    match file {
        Some(path) => timeline::load_path(path, limits, progress),
        None => timeline::load_bytes(BUNDLED_NAME, BUNDLED.as_bytes(), limits),
    }
}

/// Runs `--check`: one `FILE: ok: …` line per valid file on `out`, every problem of
/// the others on `out` too. Returns the exit status: 0 all valid, 1 a file has
/// problems, 2 a file could not be read. A closed `out` (broken pipe) ends quietly.
pub fn check(files: &[PathBuf], limits: &Limits, out: &mut dyn Write) -> u8 {
    check_with(files, limits, false, out)
}

/// Like [`check`], printing each file's warnings (`FILE:LINE:COLUMN: warning: …`)
/// before its `ok` line; with `strict`, a file with warnings counts as having
/// problems (exit status 1) and gets no `ok` line.
pub fn check_with(files: &[PathBuf], limits: &Limits, strict: bool, out: &mut dyn Write) -> u8 {
    let bundled = [None];
    let named: Vec<Option<&PathBuf>> = files.iter().map(Some).collect();
    let targets: &[Option<&PathBuf>] = if files.is_empty() { &bundled } else { &named };
    let mut status = 0;
    for target in targets {
        let name = target.map_or_else(|| BUNDLED_NAME.to_owned(), |p| p.display().to_string());
        let line = match load(*target, limits) {
            Ok(t) => {
                let mut text = warning_lines(&name, &t);
                if strict && !t.warnings.is_empty() {
                    status = status.max(1);
                    let n = t.warnings.len();
                    text.push_str(&format!(
                        "{}: {n} warning{} (--strict)\n",
                        sanitize(&name),
                        if n == 1 { "" } else { "s" }
                    ));
                } else {
                    text.push_str(&format!(
                        "{}: ok: {} events, {} actors, {} quotes\n",
                        sanitize(&name),
                        t.events.len(),
                        t.actors.len(),
                        t.quote_count()
                    ));
                }
                text
            }
            Err(e) => {
                status = status.max(e.exit_status());
                e.to_string()
            }
        };
        if let Err(e) = out.write_all(line.as_bytes()) {
            return if e.kind() == io::ErrorKind::BrokenPipe { status } else { 2 };
        }
    }
    status
}

/// One `FILE:LINE:COLUMN: warning: …` line per warning, sanitised.
fn warning_lines(name: &str, t: &Timeline) -> String {
    let mut out = String::new();
    for w in &t.warnings {
        let at = w.position.unwrap_or(timeline::problem::Position { line: 1, column: 1 });
        let line = format!("{name}:{}:{}: {}", at.line, at.column, w.describe());
        out.push_str(&sanitize(&line));
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
