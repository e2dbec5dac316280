//! The command line: one flag table ([`FLAGS`]) names every flag `parse`
//! accepts and feeds `--help` and the README, and `--check` runs here so it
//! can be tested without a process.

use crate::text::sanitize;
use crate::timeline::limits::{Limits, SIZE_ENV, parse_size};
use crate::timeline::problem::SHOWN;
use crate::timeline::{self, BUNDLED, BUNDLED_NAME, LoadError, Reached, Timeline};
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
    Flag {
        long: "example",
        short: None,
        value: None,
        doc: "Print the bundled timeline, to copy and edit: `tlview --example > mine.yaml` (see also `tlview new FILE`)",
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
    /// Write a starter timeline to a new file (`tlview new FILE`).
    New(PathBuf),
    /// Print the bundled timeline.
    Example,
    /// Print the sourcing report on a file, or on the bundled timeline (see [`crate::report`]).
    Report(Option<PathBuf>),
    /// `export` or `convert` (see [`crate::cli_export`]).
    Sub(crate::cli_export::Sub),
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
/// A flag is known by its entry in [`FLAGS`]. `--max-file-size` wins over
/// the environment, which is read (and complained about) only when a file
/// is loaded with no flag to say otherwise.
///
/// # Errors
/// A usage message for an unknown flag, a missing value or a bad size (exit status 2).
pub fn parse(args: impl IntoIterator<Item = OsString>, env_size: Option<OsString>) -> Result<Args, String> {
    use lexopt::prelude::*;
    let args: Vec<OsString> = args.into_iter().collect();
    if args.first().is_some_and(crate::cli_export::is_subcommand) {
        let (sub, limits) = crate::cli_export::parse(args, env_size)?;
        return Ok(Args { command: Command::Sub(sub), limits, strict: false });
    }
    let mut args = args.into_iter().peekable();
    let report = args.next_if(|a| a == "report").is_some();
    let (mut check, mut help, mut version, mut example, mut strict) = (false, false, false, false, false);
    let mut size_flag = None;
    let mut files = Vec::new();
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let flag = match arg {
            Value(v) => {
                files.push(PathBuf::from(v));
                continue;
            }
            Long(name) => FLAGS.iter().find(|f| f.long == name),
            Short(c) => FLAGS.iter().find(|f| f.short == Some(c)),
        };
        let Some(flag) = flag else { return Err(arg.unexpected().to_string()) };
        match flag.long {
            "check" => check = true,
            "strict" => strict = true,
            "example" => example = true,
            "max-file-size" => {
                let v = parser.value().map_err(|e| e.to_string())?;
                size_flag = Some(parse_size(&v.to_string_lossy()).map_err(|e| format!("--max-file-size: {e}"))?);
            }
            "help" => help = true,
            "version" => version = true,
            other => return Err(format!("--{other} is listed but not handled")),
        }
    }
    let command = if help {
        Command::Help
    } else if version {
        Command::Version
    } else if report && (check || example || files.len() > 1) {
        return Err("tlview report takes one FILE (or none, for the bundled timeline)".into());
    } else if report {
        Command::Report(files.pop())
    } else if example {
        Command::Example
    } else if check {
        Command::Check(files)
    } else if files.first().is_some_and(|f| f.as_os_str() == "new") && (files.len() == 2 || !files[0].exists()) {
        match files.pop() {
            Some(file) if files.len() == 1 => Command::New(file),
            _ => return Err("tlview new FILE writes a starter timeline to FILE; give it a file name".into()),
        }
    } else if files.len() > 1 {
        return Err("the viewer opens one file at a time (use --check to check several)".into());
    } else {
        Command::View(files.pop())
    };
    let mut limits = Limits::default();
    let loads = matches!(command, Command::Check(_) | Command::View(_) | Command::Report(_));
    match (size_flag, env_size) {
        (Some(size), _) => limits.max_file_bytes = size,
        (None, Some(v)) if loads => {
            limits.max_file_bytes = parse_size(&v.to_string_lossy()).map_err(|e| format!("{SIZE_ENV}: {e}"))?;
        }
        _ => {}
    }
    Ok(Args { command, limits, strict })
}

/// The one-line usage shown with usage errors.
pub const USAGE: &str = "usage: tlview [FILE] | tlview --check [--strict] [FILE...] | tlview new FILE | tlview --example | tlview report [FILE]\n       tlview export --to FORMAT [FILE] | tlview convert IN";

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
    out.push_str("\ntlview report [FILE] prints a sourcing report (single-source and unsourced events,\n");
    out.push_str("disputed claims, undated quotes, what rests on each source), one finding per line.\n");
    out.push_str(&crate::cli_export::help());
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
    load_with(file, limits, &mut |_| true)
}

/// Like [`load`], reporting progress as [`timeline::load_bytes_with`] does.
///
/// # Errors
/// Whatever the loader found, or [`LoadError::Interrupted`].
pub fn load_with(
    file: Option<&PathBuf>,
    limits: &Limits,
    progress: &mut dyn FnMut(Reached) -> bool,
) -> Result<Timeline, LoadError> {
    match file {
        Some(path) => crate::open::load_path(path, limits, progress),
        None => timeline::load_bytes(BUNDLED_NAME, BUNDLED.as_bytes(), limits),
    }
}

/// Runs `--check`: one `FILE: ok: …` line per valid file on `out`, the
/// problems of the others on `out` too, written as they are formatted.
/// Returns the exit status: 0 all valid, 1 a file has problems, 2 a file
/// could not be read or the report could not be written (said on standard
/// error). A closed `out` (broken pipe) ends quietly.
pub fn check(files: &[PathBuf], limits: &Limits, out: &mut dyn Write) -> u8 {
    check_to(files, limits, false, out, &mut io::stderr())
}

/// [`check`], printing each file's warnings (`FILE:LINE:COLUMN: warning: …`,
/// the first [`SHOWN`] then a count) before its `ok` line; with `strict`, a
/// file with warnings counts as having problems (exit status 1) and gets no
/// `ok` line. Says on `err` why the report could not be written.
pub fn check_to(files: &[PathBuf], limits: &Limits, strict: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let bundled = [None];
    let named: Vec<Option<&PathBuf>> = files.iter().map(Some).collect();
    let targets: &[Option<&PathBuf>] = if files.is_empty() { &bundled } else { &named };
    let mut status = 0;
    for target in targets {
        let name = target.map_or_else(|| BUNDLED_NAME.to_owned(), |p| p.display().to_string());
        let written = match load(*target, limits) {
            Ok(t) => write_warnings(out, &name, &t).and_then(|()| {
                if strict && !t.warnings.is_empty() {
                    status = status.max(1);
                    let n = t.warnings.len() + t.warnings_more;
                    writeln!(out, "{}: {} (--strict)", sanitize(&name), crate::report::plural(n, "warning"))
                } else {
                    writeln!(
                        out,
                        "{}: ok: {} events, {} actors, {} quotes",
                        sanitize(&name),
                        t.events.len(),
                        t.actors.len(),
                        t.quote_count()
                    )
                }
            }),
            Err(e) => {
                status = status.max(e.exit_status());
                write!(out, "{e}")
            }
        };
        if let Err(e) = written.and_then(|()| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return status;
            }
            let _ = writeln!(err, "tlview: cannot write the report to standard output: {e}");
            return 2;
        }
    }
    status
}

/// One `FILE:LINE:COLUMN: warning: …` line per warning, sanitised, written
/// as it goes: the first [`SHOWN`], then how many more there are.
fn write_warnings(out: &mut dyn Write, name: &str, t: &Timeline) -> io::Result<()> {
    for w in t.warnings.iter().take(SHOWN) {
        let at = w.position.unwrap_or(timeline::problem::Position { line: 1, column: 1 });
        writeln!(out, "{}", sanitize(&format!("{name}:{}:{}: {}", at.line, at.column, w.describe())))?;
    }
    let more = t.warnings.len().saturating_sub(SHOWN) + t.warnings_more;
    if more > 0 {
        writeln!(out, "{}: … and {}", sanitize(name), crate::report::plural(more, "more warning"))?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
