//! The `tlview` binary: parse the command line, load the timeline (in the
//! background while the viewer shows it, on a terminal), run the viewer,
//! map the outcome to an exit status. Everything else is in the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use tlview::app::App;
use tlview::background::{Background, First};
use tlview::cli::{self, Command};
use tlview::progress::Progress;
use tlview::terminal::{self, End};
use tlview::timeline::LoadError;
use tlview::timeline::limits::{Limits, SIZE_ENV};
use tlview::ui::Theme;

/// mimalloc, not the system allocator: loading 100k events spent about a
/// quarter of its time in glibc's malloc and free (threads freeing what
/// others allocated), and took 1.3 s where it takes 0.9 s with mimalloc.
/// It is built without transparent huge pages (`no_thp`), which doubled
/// the resident memory of a small file's viewer for no measurable gain.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = match cli::parse(std::env::args_os().skip(1), std::env::var_os(SIZE_ENV)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("tlview: {}\n{}", tlview::text::sanitize(&e), cli::USAGE);
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    match args.command {
        Command::Help => print(&mut stdout, &cli::help()),
        Command::Version => print(&mut stdout, &format!("tlview {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Example => print(&mut stdout, tlview::timeline::BUNDLED),
        Command::New(file) => ExitCode::from(tlview::cli_new::new_file(&file, &mut stdout, &mut std::io::stderr())),
        Command::Check(files) => {
            ExitCode::from(cli::check_to(&files, &args.limits, args.strict, &mut stdout, &mut std::io::stderr()))
        }
        Command::Report(file) => ExitCode::from(tlview::report::run(file.as_ref(), &args.limits, &mut stdout)),
        Command::Sub(sub) => {
            ExitCode::from(tlview::cli_export::run(&sub, &args.limits, &mut stdout, &mut std::io::stderr()))
        }
        Command::View(file) => {
            drop(stdout);
            view(file, &args.limits)
        }
    }
}

/// Opens the viewer on `file` (or the bundled timeline).
///
/// A file opened on a terminal loads in the background: the first screen
/// shows as soon as the first chunks are checked. Otherwise (no terminal, or
/// the bundled timeline) it loads fully first, so a refused file leaves the
/// terminal as it was, and a file with problems prints them (exit 1) even
/// when standard output is not a terminal.
fn view(file: Option<PathBuf>, limits: &Limits) -> ExitCode {
    let name = file.as_ref().map_or(tlview::timeline::BUNDLED_NAME.into(), |f| f.display().to_string());
    let background = match &file {
        Some(path) if terminal::check_usable().is_ok() => Background::spawn(path.clone(), *limits, &name).ok(),
        _ => None,
    };
    if let Some(mut background) = background {
        let app = match background.first() {
            First::Part(t) => App::loading(t, (80, 24)),
            First::Done(t) => App::new(t, (80, 24)),
            First::Failed => return failed(&background.error()),
        };
        let loads = tlview::terminal::Loads {
            messages: &background.messages,
            wake: background.wake.as_ref().map(std::os::fd::AsFd::as_fd),
        };
        return match run(app, file, limits, Some(loads)) {
            Err(code) => code,
            Ok(End::LoadFailed) => failed(&background.error()),
            Ok(end) => ExitCode::from(end.exit_status()),
        };
    }
    let mut progress = Progress::new(&name);
    let loaded = cli::load_with(file.as_ref(), limits, &mut |reached| progress.update(reached));
    progress.clear();
    // The load's Ctrl-c handling ends here; the viewer has its own.
    drop(progress);
    let timeline = match loaded {
        Ok(t) => t,
        Err(e) => return failed(&e),
    };
    // The file's problems come first (they are useful on any output);
    // then, before any terminal mode is touched, refuse to run the
    // viewer with no terminal to draw on or read keys from.
    if let Err(why) = terminal::check_usable() {
        let _ = writeln!(std::io::stderr(), "tlview: {why}");
        return ExitCode::from(2);
    }
    match run(App::new(timeline, (80, 24)), file, limits, None) {
        Ok(end) => ExitCode::from(end.exit_status()),
        Err(code) => code,
    }
}

/// Prints why a load failed; its exit status.
fn failed(e: &LoadError) -> ExitCode {
    eprint!("{e}");
    ExitCode::from(e.exit_status())
}

/// Runs the viewer on `app`, showing `file` (`None`: the bundled timeline).
fn run(
    mut app: App,
    file: Option<PathBuf>,
    limits: &Limits,
    loads: Option<tlview::terminal::Loads<'_>>,
) -> Result<End, ExitCode> {
    let theme = Theme::from_env(std::env::var_os("NO_COLOR").as_deref());
    app.writing.file = file; // None: the bundled timeline, which `e` explains how to copy
    terminal::run(app, theme, &tlview::effects::Context::from_env(*limits), loads).map_err(|e| {
        // Standard error may be the terminal that failed: never panic writing to it.
        let _ = writeln!(std::io::stderr(), "tlview: terminal error: {e}");
        ExitCode::from(2)
    })
}

/// Prints `text`; a closed pipe is not an error.
fn print(out: &mut impl Write, text: &str) -> ExitCode {
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => ExitCode::from(2),
        _ => ExitCode::SUCCESS,
    }
}
