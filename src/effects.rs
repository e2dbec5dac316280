//! Carrying out what `update` asked for in [`crate::app::writing::Effect`]:
//! reading the file again, working out the editor's command line, opening a
//! URL, writing the clipboard sequence. Everything here is I/O the model
//! must not do; the terminal loop calls it and feeds the outcome back as a
//! message. Running the editor itself ([`crate::editor::run`]) needs the
//! terminal restored first, which only the loop can do.

use crate::app::msg::Loaded;
use crate::app::writing::{Effect, ProblemLine};
use crate::app::{App, Msg};
use crate::timeline::limits::Limits;
use crate::timeline::locate;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Arc;

/// Environment variable naming a program to open URLs with instead of the
/// platform's opener (run with the URL as its one argument, never through a shell).
pub const OPENER_ENV: &str = "TLVIEW_OPENER";

/// What the effects need from outside the model: the limits files are held
/// to and the environment's choices of editor and opener.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The limits the file was loaded with.
    pub limits: Limits,
    /// `$VISUAL`.
    pub visual: Option<OsString>,
    /// `$EDITOR`.
    pub editor: Option<OsString>,
    /// [`OPENER_ENV`].
    pub opener: Option<OsString>,
}

impl Context {
    /// The context from the process environment.
    #[must_use]
    pub fn from_env(limits: Limits) -> Context {
        Context {
            limits,
            visual: std::env::var_os("VISUAL"),
            editor: std::env::var_os("EDITOR"),
            opener: std::env::var_os(OPENER_ENV),
        }
    }
}

/// Carries out every effect `update` asked for, feeding outcomes back into
/// `app`. `out` is the terminal (for OSC 52); `run_editor` must restore the
/// terminal, run the argument vector (e.g. with [`crate::editor::run`]),
/// then re-enter the viewer's screen and redraw in full; `reload` reads the
/// file again and feeds `app` the outcome, now or later (the terminal loop
/// does it on a thread, so a large file does not freeze the keys).
pub fn perform(
    app: &mut App,
    ctx: &Context,
    out: &mut dyn Write,
    run_editor: &mut dyn FnMut(&[OsString]) -> io::Result<ExitStatus>,
    reload: &mut dyn FnMut(&mut App, &Path),
) {
    while let Some(effect) = app.writing.take_effect() {
        let file = app.writing.file.clone();
        match (effect, file) {
            (Effect::Reload, Some(file)) => reload(app, &file),
            (effect @ (Effect::Edit { .. } | Effect::EditEvent(_)), Some(file)) => {
                match edit_argv(&effect, &file, &ctx.limits, ctx.visual.clone(), ctx.editor.clone()) {
                    Err(e) => app.writing.status = Some(e),
                    Ok(argv) => match run_editor(&argv) {
                        Ok(_) => reload(app, &file),
                        Err(e) => {
                            let editor = crate::text::sanitize(&argv[0].to_string_lossy()).into_owned();
                            app.writing.status = Some(format!("could not start the editor {editor}: {e}"));
                        }
                    },
                }
            }
            (Effect::Reload | Effect::Edit { .. } | Effect::EditEvent(_), None) => {} // the bundled timeline
            (Effect::Export, file) => {
                let shown = crate::cli_export::shown(app);
                app.writing.status = Some(export_shown(&shown, file.as_deref(), Path::new(".")));
            }
            (Effect::Open(url), _) => app.writing.status = Some(open_url(&url, ctx.opener.clone())),
            (Effect::Copy(text), _) => {
                if let Err(e) = copy(out, &text) {
                    app.writing.status = Some(format!("could not copy: {e}"));
                }
            }
        }
    }
}

/// The most files `x` numbers (`-export-2.md`…) before it gives up.
const MAX_EXPORTS: usize = 99;

/// Writes `shown` as Markdown to `STEM-export.md` beside `file` (in `here`
/// for the bundled timeline), numbered `-2`, `-3`… rather than overwriting
/// anything; returns the status bar's message saying where, or why not.
#[must_use]
pub fn export_shown(shown: &crate::timeline::Timeline, file: Option<&Path>, here: &Path) -> String {
    let (dir, stem) = match file {
        Some(f) => (
            f.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(here).to_path_buf(),
            f.file_stem().map_or_else(|| "timeline".into(), |s| s.to_string_lossy().into_owned()),
        ),
        None => (
            here.to_path_buf(),
            crate::timeline::BUNDLED_NAME.rsplit(' ').next().unwrap_or("timeline").trim_end_matches(".yaml").to_owned(),
        ),
    };
    let text = match crate::formats::export(shown, crate::formats::Format::Markdown, crate::formats::Options::default())
    {
        Ok(t) => t,
        Err(e) => return format!("could not export: {}", crate::text::sanitize(&e)),
    };
    let n = shown.events.len();
    let noun = if n == 1 { "event" } else { "events" };
    for i in 1..=MAX_EXPORTS {
        let name = if i == 1 { format!("{stem}-export.md") } else { format!("{stem}-export-{i}.md") };
        let path = dir.join(name);
        let created = std::fs::OpenOptions::new().write(true).create_new(true).open(&path);
        let shown_path = crate::text::sanitize(&path.display().to_string()).into_owned();
        match created {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return format!("could not export to {shown_path}: {e}"),
            Ok(mut f) => {
                return match f.write_all(text.as_bytes()) {
                    Ok(()) => format!("exported {n} {noun} (as shown) to {shown_path}"),
                    Err(e) => format!("could not write {shown_path}: {e}"),
                };
            }
        }
    }
    format!("not exported: {stem}-export.md to -{MAX_EXPORTS}.md all exist; move some away")
}

/// Reads and loads `file` again: [`Msg::Reloaded`], or [`Msg::ReloadFailed`] with every problem.
#[must_use]
pub fn reload(file: &Path, limits: &Limits) -> Msg {
    match crate::cli::load(Some(&file.to_path_buf()), limits) {
        Ok(t) => Msg::Reloaded(Loaded(Arc::new(t))),
        Err(e) => Msg::ReloadFailed(ProblemLine::from_error(&e)),
    }
}

/// Where an edit effect puts the cursor: the place given, or where the
/// event is written in the file now (its first line when not found).
#[must_use]
pub fn edit_position(effect: &Effect, file: &Path, limits: &Limits) -> (usize, usize) {
    match effect {
        Effect::Edit { line, column } => (*line, *column),
        Effect::EditEvent(id) => {
            let mut text = String::new();
            let read = std::fs::File::open(file).and_then(|f| f.take(limits.max_file_bytes).read_to_string(&mut text));
            read.ok().and_then(|_| locate::event_position(&text, id)).map_or((1, 1), |p| (p.line, p.column))
        }
        _ => (1, 1),
    }
}

/// The editor's argument vector for an edit effect on `file`, the editor being
/// `$VISUAL`, then `$EDITOR`, then `vi` (pass their values).
///
/// # Errors
/// When the editor command cannot be split (an unclosed quote, nothing in it).
pub fn edit_argv(
    effect: &Effect,
    file: &Path,
    limits: &Limits,
    visual: Option<OsString>,
    editor: Option<OsString>,
) -> Result<Vec<OsString>, String> {
    let (line, column) = edit_position(effect, file, limits);
    crate::editor::argv(&crate::editor::command(visual, editor), file, line, column)
}

/// Opens `url` (only `http`/`https`) with `opener` (the value of
/// [`OPENER_ENV`]) or else the platform's opener, in the background; returns
/// the status bar's message saying what was opened or why not.
#[must_use]
pub fn open_url(url: &str, opener: Option<OsString>) -> String {
    let shown = crate::text::sanitize(url).into_owned();
    let Some(target) = crate::ui::link::target(url) else {
        return format!("not opened: only http and https links are opened ({shown})");
    };
    let result = match opener.filter(|o| !o.is_empty()) {
        Some(program) => Command::new(PathBuf::from(program))
            .arg(&target)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map(|mut child| {
                // Reap it in the background so no zombie is left.
                std::thread::spawn(move || child.wait());
            }),
        None => open::that_detached(&target),
    };
    match result {
        Ok(()) => format!("opened {shown}"),
        Err(e) => format!("could not open {shown}: {}", crate::text::sanitize(&e.to_string())),
    }
}

/// Writes the OSC 52 sequence that puts `text` on the clipboard.
///
/// # Errors
/// When `out` cannot be written.
pub fn copy(out: &mut dyn Write, text: &str) -> io::Result<()> {
    out.write_all(crate::cite::osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
#[path = "effects_tests.rs"]
mod tests;
