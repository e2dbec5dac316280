//! The `export` and `convert` subcommands.
//!
//! Kept apart from `cli.rs` so the viewer's flags and these commands evolve
//! separately; `cli.rs` only hands over when the first argument names a
//! subcommand. One table, [`EXPORT_FLAGS`], feeds parsing docs, `--help`
//! and the README's "Import and export" table.

use crate::app::App;
use crate::cli::{Flag, flag_label};
use crate::formats::import;
use crate::formats::{self, Format, GroupBy, Options};
use crate::text::sanitize;
use crate::timeline::limits::Limits;
use crate::timeline::{self, Timeline};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

/// The subcommands, with their usage line.
pub const COMMANDS: &[(&str, &str)] = &[
    (
        "export",
        "tlview export --to FORMAT [FILE] [-o OUT] [--group-by FIELD] [--notes] [--actor A]… [--tag T]… [--source S]… [--search TEXT]",
    ),
    ("convert", "tlview convert IN.json|IN.csv [-o OUT.yaml]"),
];

/// The flags of `export` and `convert`.
pub const EXPORT_FLAGS: &[Flag] = &[
    Flag {
        long: "to",
        short: None,
        value: Some("FORMAT"),
        doc: "export: `timelinejs` (TimelineJS 3 JSON), `markdown` or `csv` (TimelineJS's sheet columns)",
    },
    Flag {
        long: "output",
        short: Some('o'),
        value: Some("OUT"),
        doc: "export, convert: write to OUT instead of standard output",
    },
    Flag {
        long: "group-by",
        short: None,
        value: Some("FIELD"),
        doc: "export: `tag`, `actor` (the first one) or `status` becomes TimelineJS's group and the sheet's Group",
    },
    Flag {
        long: "notes",
        short: None,
        value: None,
        doc: "export: include events' editorial notes (internal, so left out by default), marked as notes",
    },
    Flag {
        long: "actor",
        short: None,
        value: Some("ACTOR"),
        doc: "export: only events involving ACTOR (id, name or alias; repeat for any of several)",
    },
    Flag {
        long: "tag",
        short: None,
        value: Some("TAG"),
        doc: "export: only events tagged TAG (repeat for any of several)",
    },
    Flag {
        long: "source",
        short: None,
        value: Some("SOURCE"),
        doc: "export: only events citing SOURCE (id or title) in their sources or quotes (repeat for any of several)",
    },
    Flag {
        long: "search",
        short: None,
        value: Some("TEXT"),
        doc: "export: only events whose text contains TEXT, as the viewer's `/` search",
    },
    Flag {
        long: "unsourced",
        short: None,
        value: None,
        doc: "export: only events with no source, as the viewer's `u`",
    },
    Flag {
        long: "status",
        short: None,
        value: Some("STATUS"),
        doc: "export: only events of STATUS (confirmed, unconfirmed, disputed, false, or none: not assessed), as the viewer's `!`",
    },
];

/// What `export` was asked.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ExportArgs {
    /// The format.
    pub format: Option<Format>,
    /// The file (none: the bundled timeline).
    pub file: Option<PathBuf>,
    /// Where to write (none: standard output).
    pub output: Option<PathBuf>,
    /// The group field.
    pub group_by: GroupBy,
    /// Actor filters as written.
    pub actors: Vec<String>,
    /// Tag filters as written.
    pub tags: Vec<String>,
    /// Source filters as written.
    pub sources: Vec<String>,
    /// The search text.
    pub search: Option<String>,
    /// Whether to write editorial notes.
    pub notes: bool,
    /// Only events with no source.
    pub unsourced: bool,
    /// Only events of this status (`Some(None)`: not assessed).
    pub status: Option<Option<crate::timeline::Status>>,
}

/// What `convert` was asked.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ConvertArgs {
    /// The TimelineJS file.
    pub input: PathBuf,
    /// Where to write the YAML (none: standard output).
    pub output: Option<PathBuf>,
}

/// A parsed subcommand.
#[derive(Debug, PartialEq, Eq)]
pub enum Sub {
    /// `tlview export …`
    Export(ExportArgs),
    /// `tlview convert …`
    Convert(ConvertArgs),
}

/// Whether `first` names a subcommand.
#[must_use]
pub fn is_subcommand(first: &OsString) -> bool {
    COMMANDS.iter().any(|(name, _)| first == name)
}

/// Parses a subcommand's arguments, the subcommand's name first, into the
/// subcommand and its limits: `--max-file-size`, else `env_size` (the
/// `TLVIEW_MAX_FILE_SIZE` variable, read only when no flag says otherwise).
///
/// # Errors
/// A usage message.
pub fn parse(args: Vec<OsString>, env_size: Option<OsString>) -> Result<(Sub, Limits), String> {
    let mut limits = Limits::default();
    let mut size_flag = false;
    let sub = parse_sub(args, &mut limits, &mut size_flag)?;
    if !size_flag && let Some(v) = env_size {
        limits.max_file_bytes = timeline::limits::parse_size(&v.to_string_lossy())
            .map_err(|e| format!("{}: {e}", timeline::limits::SIZE_ENV))?;
    }
    Ok((sub, limits))
}

fn parse_sub(args: Vec<OsString>, limits: &mut Limits, size_flag: &mut bool) -> Result<Sub, String> {
    use lexopt::prelude::*;
    let convert = args.first().is_some_and(|a| a == "convert");
    let mut e = ExportArgs::default();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut parser = lexopt::Parser::from_args(args.into_iter().skip(1));
    let text = |v: OsString| v.to_string_lossy().into_owned();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("to") if !convert => {
                let v = text(parser.value().map_err(|e| e.to_string())?);
                let names: Vec<&str> = Format::ALL.iter().map(|(_, n)| *n).collect();
                e.format = Some(Format::named(&v).ok_or_else(|| {
                    format!("--to: unknown format `{}`; use one of {}", sanitize(&v), names.join(", "))
                })?);
            }
            Short('o') | Long("output") => e.output = Some(parser.value().map_err(|e| e.to_string())?.into()),
            Long("group-by") if !convert => {
                let v = text(parser.value().map_err(|e| e.to_string())?);
                e.group_by = GroupBy::named(&v)
                    .ok_or_else(|| format!("--group-by: unknown field `{}`; use tag, actor or status", sanitize(&v)))?;
            }
            Long("actor") if !convert => e.actors.push(text(parser.value().map_err(|e| e.to_string())?)),
            Long("tag") if !convert => e.tags.push(text(parser.value().map_err(|e| e.to_string())?)),
            Long("source") if !convert => e.sources.push(text(parser.value().map_err(|e| e.to_string())?)),
            Long("notes") if !convert => e.notes = true,
            Long("search") if !convert => e.search = Some(text(parser.value().map_err(|e| e.to_string())?)),
            Long("unsourced") if !convert => e.unsourced = true,
            Long("status") if !convert => {
                let v = text(parser.value().map_err(|e| e.to_string())?);
                e.status = Some(match v.as_str() {
                    "none" => None,
                    word => Some(crate::timeline::Status::from_word(word).ok_or_else(|| {
                        format!(
                            "--status: unknown status `{}`; use {} or none",
                            sanitize(word),
                            crate::timeline::Status::words()
                        )
                    })?),
                });
            }
            Long("max-file-size") => {
                let v = text(parser.value().map_err(|e| e.to_string())?);
                limits.max_file_bytes =
                    timeline::limits::parse_size(&v).map_err(|err| format!("--max-file-size: {err}"))?;
                *size_flag = true;
            }
            Value(v) => files.push(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if files.len() > 1 {
        return Err("give one file".into());
    }
    if convert {
        let input = files.pop().ok_or("convert: give the TimelineJS file to convert")?;
        return Ok(Sub::Convert(ConvertArgs { input, output: e.output }));
    }
    if e.format.is_none() {
        return Err("export: say which format with --to timelinejs, markdown or csv".into());
    }
    e.file = files.pop();
    Ok(Sub::Export(e))
}

/// The help section for the subcommands.
#[must_use]
pub fn help() -> String {
    let mut out = String::from("\nImport and export:\n");
    for (_, usage) in COMMANDS {
        out.push_str(&format!("  {usage}\n"));
    }
    for f in EXPORT_FLAGS {
        out.push_str(&format!("  {:<26} {}\n", flag_label(f), f.doc));
    }
    out.push_str("  FILE may also be a TimelineJS .json or .csv file, for the viewer and --check too.\n");
    out
}

/// The README's table of these flags.
#[must_use]
pub fn markdown_table() -> String {
    EXPORT_FLAGS.iter().map(|f| format!("| `{}` | {} |\n", flag_label(f), f.doc.replace('|', "\\|"))).collect()
}

/// The events of `t` that pass the filters, as the viewer would show them.
///
/// # Errors
/// An actor or tag the timeline does not have.
pub fn filtered(t: Timeline, e: &ExportArgs) -> Result<Timeline, String> {
    if e.actors.is_empty()
        && e.tags.is_empty()
        && e.sources.is_empty()
        && e.search.is_none()
        && !e.unsourced
        && e.status.is_none()
    {
        return Ok(t);
    }
    let mut app = App::new(t, (80, 24));
    app.filters.unsourced = e.unsourced;
    app.filters.status = e.status;
    for s in &e.sources {
        let wanted = s.to_lowercase();
        let i = app.timeline.sources.iter().position(|x| x.id == *s || x.title.to_lowercase() == wanted);
        let i = i.ok_or_else(|| format!("--source: the timeline has no source `{}`", sanitize(s)))?;
        app.filters.sources.insert(u32::try_from(i).unwrap_or(u32::MAX));
    }
    for a in &e.actors {
        let wanted = a.to_lowercase();
        let found = app.timeline.actors.iter().position(|x| {
            x.id == *a || x.name.to_lowercase() == wanted || x.aliases.iter().any(|al| al.to_lowercase() == wanted)
        });
        let i = found.ok_or_else(|| format!("--actor: the timeline has no actor `{}`", sanitize(a)))?;
        app.filters.actors.insert(u32::try_from(i).unwrap_or(u32::MAX));
    }
    for g in &e.tags {
        let i = app.timeline.tags.iter().position(|x| x == g || x.eq_ignore_ascii_case(g));
        let i = i.ok_or_else(|| format!("--tag: the timeline has no tag `{}`", sanitize(g)))?;
        app.filters.tags.insert(u32::try_from(i).unwrap_or(u32::MAX));
    }
    app.filters.set_query(e.search.clone().unwrap_or_default());
    crate::app::nav::refilter(&mut app);
    Ok(shown(&app))
}

/// The viewer's timeline holding only the events it shows (its filters applied).
#[must_use]
pub fn shown(app: &App) -> Timeline {
    let t = &app.timeline;
    Timeline {
        title: t.title.clone(),
        description: t.description.clone(),
        zone: t.zone,
        actors: t.actors.clone(),
        sources: t.sources.clone(),
        tags: t.tags.clone(),
        warnings: t.warnings.clone(),
        warnings_more: t.warnings_more,
        events: app.shown.events().iter().filter_map(|&i| t.events.get(i as usize)).cloned().collect(),
        periods: t.periods.clone(),
    }
}

/// Runs `export` or `convert`, writing to the output file or `stdout`;
/// problems go to `stderr`. Returns the exit status (0, 1 invalid input, 2 unreadable or usage).
pub fn run(sub: &Sub, limits: &Limits, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let (input, output) = match sub {
        Sub::Export(e) => (e.file.as_ref(), e.output.as_ref()),
        Sub::Convert(c) => (Some(&c.input), c.output.as_ref()),
    };
    if let (Some(input), Some(output)) = (input, output)
        && same_file(input, output)
    {
        let _ = writeln!(
            stderr,
            "tlview: {} is the input file; write the output elsewhere",
            sanitize(&output.display().to_string())
        );
        return 2;
    }
    let result = match sub {
        Sub::Export(e) => export(e, limits).map(|text| (text, 0, String::new(), e.output.as_ref())),
        Sub::Convert(c) => {
            convert(c, limits).map(|(text, status, problems)| (text, status, problems, c.output.as_ref()))
        }
    };
    let (text, status, problems, output) = match result {
        Ok(r) => r,
        Err((status, message)) => {
            let _ = stderr.write_all(message.as_bytes());
            return status;
        }
    };
    let written = match output {
        Some(path) => std::fs::write(path, text.as_bytes())
            .map_err(|err| format!("tlview: cannot write {}: {err}\n", sanitize(&path.display().to_string()))),
        None => match stdout.write_all(text.as_bytes()) {
            Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("tlview: {err}\n")),
            _ => Ok(()),
        },
    };
    let _ = stderr.write_all(problems.as_bytes());
    match written {
        Ok(()) => status,
        Err(m) => {
            let _ = stderr.write_all(m.as_bytes());
            2
        }
    }
}

/// Whether `a` and `b` name one file (the same device and inode, so a hard
/// link or another spelling of the path counts); a missing file is no one's.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) else { return false };
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
    }
}

fn export(e: &ExportArgs, limits: &Limits) -> Result<String, (u8, String)> {
    let loaded = match &e.file {
        Some(path) => crate::open::load_path(path, limits, &mut |_| true),
        None => crate::cli::load(None, limits),
    };
    let t = loaded.map_err(|err| (err.exit_status(), err.to_string()))?;
    let t = filtered(t, e).map_err(|m| (2, format!("tlview: {m}\n")))?;
    let format = e.format.unwrap_or(Format::TimelineJs);
    formats::export(&t, format, Options { group_by: e.group_by, notes: e.notes })
        .map_err(|m| (2, format!("tlview: {m}\n")))
}

/// Converts the input to YAML and checks it with the loader. YAML the
/// loader refuses is still written, so it can be fixed, with the problems
/// (at lines of that YAML) and exit status 1.
fn convert(c: &ConvertArgs, limits: &Limits) -> Result<(String, u8, String), (u8, String)> {
    let name = c.input.display().to_string();
    let bytes = timeline::read_path(&c.input, limits).map_err(|err| (err.exit_status(), err.to_string()))?;
    let kind = import::detect(&c.input, &bytes)
        .ok_or_else(|| (2, format!("tlview: {}: not a TimelineJS JSON or CSV file\n", sanitize(&name))))?;
    let converted =
        crate::open::convert_bytes(kind, &name, &bytes).map_err(|err| (err.exit_status(), err.to_string()))?;
    let shown = c.output.as_ref().map_or_else(|| format!("{name} (converted)"), |o| o.display().to_string());
    let mut said = String::new();
    for w in crate::open::notes(&converted) {
        let at = w.position.map_or(1, |p| p.line);
        said.push_str(&sanitize(&format!("{shown}:{at}:1: {}", w.describe())));
        said.push('\n');
    }
    let yaml = converted.yaml;
    Ok(match timeline::load_bytes(&shown, yaml.as_bytes(), limits) {
        Ok(_) => (yaml, 0, said),
        Err(err) => (yaml, err.exit_status(), said + &err.to_string()),
    })
}

#[cfg(test)]
#[path = "cli_export_tests.rs"]
mod tests;
