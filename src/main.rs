//! The `tlview` binary: parse the command line, load the timeline, run the
//! viewer, map the outcome to an exit status. Everything else is in the library.

use std::io::Write;
use std::process::ExitCode;
use tlview::app::App;
use tlview::cli::{self, Command};
use tlview::progress::Progress;
use tlview::terminal;
use tlview::timeline::limits::SIZE_ENV;
use tlview::ui::Theme;

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
            // Load fully before touching the terminal: a refused file leaves it as it was.
            let name = file.as_ref().map_or(tlview::timeline::BUNDLED_NAME.into(), |f| f.display().to_string());
            let mut progress = Progress::new(&name);
            let loaded = cli::load_with(file.as_ref(), &args.limits, &mut |done, total| progress.update(done, total));
            progress.clear();
            // The load's Ctrl-c handling ends here; the viewer has its own.
            drop(progress);
            let timeline = match loaded {
                Ok(t) => t,
                Err(e) => {
                    eprint!("{e}");
                    return ExitCode::from(e.exit_status());
                }
            };
            drop(stdout);
            // The file's problems come first (they are useful on any output);
            // then, before any terminal mode is touched, refuse to run the
            // viewer with no terminal to draw on or read keys from.
            if let Err(why) = terminal::check_usable() {
                let _ = writeln!(std::io::stderr(), "tlview: {why}");
                return ExitCode::from(2);
            }
            let theme = Theme::from_env(std::env::var_os("NO_COLOR").as_deref());
            let mut app = App::new(timeline, (80, 24));
            app.writing.file = file; // None: the bundled timeline, which `e` explains how to copy
            match terminal::run(app, theme, &tlview::effects::Context::from_env(args.limits)) {
                Ok(end) => ExitCode::from(end.exit_status()),
                Err(e) => {
                    // Standard error may be the terminal that failed: never panic writing to it.
                    let _ = writeln!(std::io::stderr(), "tlview: terminal error: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

/// Prints `text`; a closed pipe is not an error.
fn print(out: &mut impl Write, text: &str) -> ExitCode {
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => ExitCode::from(2),
        _ => ExitCode::SUCCESS,
    }
}
