//! End-to-end tests of the real binary in a pseudo-terminal: what a user
//! sees after real keystrokes, how the terminal is left on quit and on
//! SIGTERM, and that bad or hostile files never reach the terminal raw.
//! The input loop (bursts, pastes, hang-ups, absurd sizes), signals, and
//! refusing to run without a terminal have modules of their own.

// Sending signals to the child needs libc::kill.
#![expect(unsafe_code)]

#[path = "../support/generate.rs"]
mod generate;
mod input;
mod loading;
mod pty;
mod refuse;
mod signals;
mod write;

use pty::{Session, last};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub(crate) const ALT_ON: &[u8] = b"\x1b[?1049h";
pub(crate) const ALT_OFF: &[u8] = b"\x1b[?1049l";
const MOUSE_ON: &[u8] = b"\x1b[?1000h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";
const CURSOR_HIDE: &[u8] = b"\x1b[?25l";
const CURSOR_SHOW: &[u8] = b"\x1b[?25h";

pub(crate) fn contains(hay: &[u8], needle: &[u8]) -> bool {
    last(hay, needle).is_some()
}

/// On the bundled timeline: `j` moves the selection to the second event,
/// then `q` quits with status 0 and the terminal restored.
pub(crate) fn still_answers_then_quits(s: &mut Session) {
    s.send("j");
    s.wait_for("j to move the selection", |sc| {
        sc.lines().any(|l| l.contains("││US forces respond with aircraft and artillery fire"))
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}

/// The stream ends with the terminal restored: after the last time each mode
/// was turned on, it was turned off, and the alternate screen was left last.
pub(crate) fn assert_restored(bytes: &[u8]) {
    for (on, off, what) in [
        (ALT_ON, ALT_OFF, "alternate screen"),
        (MOUSE_ON, MOUSE_OFF, "mouse capture"),
        (CURSOR_HIDE, CURSOR_SHOW, "hidden cursor"),
    ] {
        let (on_at, off_at) = (last(bytes, on), last(bytes, off));
        assert!(on_at.is_some(), "{what} was never entered");
        assert!(off_at > on_at, "{what} was not undone at exit");
    }
    let tail = &bytes[last(bytes, ALT_OFF).unwrap_or(0)..];
    assert!(
        !tail.windows(2).skip(1).any(|w| w[0] == 0x1b && w[1] == b'['),
        "output continued after leaving the alternate screen: {tail:?}"
    );
}

pub(crate) fn open_bundled() -> Session {
    let s = Session::start(&[], 120, 40);
    s.wait_text("Deir ez-Zor clashes, February 2018");
    s
}

#[test]
fn bundled_timeline_opens_with_its_first_event() {
    let s = open_bundled();
    s.wait_all(
        &["Wednesday 7 February 2018", "Pro-Assad forces attack base held by US and Kurdish forces", "15 of 15 events"],
        &[],
    );
}

#[test]
fn j_moves_the_selection_and_the_detail_follows() {
    let mut s = open_bundled();
    s.wait_text("When    Wednesday 7 February 2018");
    s.send("j");
    s.wait_for("the detail pane to show the second event", |sc| {
        sc.lines().any(|l| l.contains("││US forces respond with aircraft and artillery fire"))
            && sc.contains("US military forces responded")
    });
}

#[test]
fn search_narrows_and_escape_restores() {
    let mut s = open_bundled();
    s.send("/Putin");
    s.wait_all(&["2 of 15 events", "Putin and Trump speak by phone"], &["Mattis calls the incident"]);
    s.send("\x1b");
    s.wait_text("15 of 15 events");
}

#[test]
fn actor_filter_leaves_only_peskov_events() {
    let mut s = open_bundled();
    s.send("a");
    s.wait_text("Filter by actor");
    // `/` types a filter (plain letters move, as in lazygit); Enter stops typing.
    s.send("/Peskov");
    s.wait_text("[ ] Dmitry Peskov");
    s.send("\r");
    s.wait_text("› Peskov");
    s.send(" ");
    s.wait_text("[x] Dmitry Peskov");
    s.send("\r");
    s.wait_all(
        &["2 of 15 events", "actor: Dmitry Peskov", "Peskov declines to comment", "Putin and Trump speak by phone"],
        &["Pro-Assad forces attack base"],
    );
}

#[test]
fn enter_opens_the_quotes_with_words_and_speaker() {
    let mut s = open_bundled();
    s.send("jj\r");
    s.wait_all(&["Quotes (1)", "“there are no Russian servicemen in Deir az-Zour.”", "Russian defence ministry"], &[]);
}

#[test]
fn help_then_quit_restores_the_terminal() {
    let mut s = open_bundled();
    s.send("?");
    s.wait_text("Keys · ? or Esc closes");
    s.send("q");
    s.wait_for("help to close", |sc| !sc.contains("Keys · ? or Esc closes"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}

#[test]
fn resizing_small_and_back_redraws() {
    let mut s = open_bundled();
    s.resize(40, 12);
    s.wait_text("15 of 15 events");
    // The frame fits the 40 columns exactly (its corner is the last column)
    // and the detail pane sits under the list: drawn for 40 columns, not clipped.
    s.wait_for("the stacked layout", |sc| {
        sc.lines().next().is_some_and(|l| l.chars().count() == 40 && l.ends_with('╮'))
            && sc.lines().any(|l| l.starts_with("╭ Detail"))
    });
    s.resize(30, 8);
    s.wait_text("terminal too small");
    s.resize(120, 40);
    s.wait_text("Wednesday 7 February 2018");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_chosen_zoom_survives_a_resize() {
    // At 54 columns the week fits the span, so the automatic unit is weeks;
    // `+` chooses days, which a wider terminal must keep (not turn into hours).
    let mut s = Session::start(&[], 54, 20);
    s.wait_text("by week");
    s.send("+");
    s.wait_text("by day");
    s.resize(200, 60);
    // The whole wide frame, status bar included: at 54 columns the status bar
    // has no room for the axis unit, so a half-drawn frame may lack it.
    let wide_by_day = |sc: &str| {
        sc.lines().next().is_some_and(|l| l.trim_end().chars().count() > 150 && l.contains("by day"))
            && sc.lines().last().is_some_and(|l| l.trim_end().chars().count() > 150)
    };
    let sc = s.wait_for("the wide axis, still by day", wide_by_day);
    assert!(!sc.contains("by hour") && sc.contains("axis: days"), "{sc}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = open_bundled();
    s.signal(libc::SIGTERM);
    assert_eq!(s.wait_exit(), 128 + 15, "exits as terminated by SIGTERM");
    assert_restored(&s.bytes());
}

#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::start_with_env(&[], &[("TLVIEW_DEBUG_PANIC_KEY", "Z")], 120, 40);
    s.wait_text("Deir ez-Zor clashes, February 2018");
    s.send("Z");
    assert_eq!(s.wait_exit(), 101, "a panic exits with Rust's panic status");
    let bytes = s.bytes();
    assert_restored_before(&bytes, b"panic requested by TLVIEW_DEBUG_PANIC_KEY");
}

/// The terminal was restored before `message` was printed, so the message lands on the main screen.
fn assert_restored_before(bytes: &[u8], message: &[u8]) {
    let at = last(bytes, message).expect("the panic message was printed");
    let before = &bytes[..at];
    for off in [ALT_OFF, MOUSE_OFF, CURSOR_SHOW] {
        assert!(
            last(before, off) > last(before, ALT_ON),
            "{:?} not restored before the message",
            String::from_utf8_lossy(off)
        );
    }
}

#[test]
fn closing_the_terminal_ends_the_viewer() {
    let mut s = open_bundled();
    s.hang_up();
    // 129 is the hang-up path, which restores the terminal before leaving (what
    // it writes then cannot be seen: the terminal is gone). Killed by SIGHUP,
    // or leaving through a terminal error, would give another status.
    assert_eq!(s.wait_exit(), 129, "leaves through the hang-up path");
}

#[test]
fn yaml_error_exits_1_without_touching_the_terminal() {
    let dir = tempdir();
    let file = dir.path().join("broken.yaml");
    std::fs::write(&file, "title: T\nevents:\n  - id: a\n    title: a: b\n").expect("write fixture");
    let mut s = Session::start(&[file.to_str().expect("utf-8 path")], 120, 40);
    assert_eq!(s.wait_exit(), 1);
    let bytes = s.bytes();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("broken.yaml:4:13: unexpected `:` here"), "{text}");
    assert!(!contains(&bytes, ALT_ON) && !contains(&bytes, MOUSE_ON), "entered full-screen mode: {text}");
}

#[test]
fn escape_sequences_in_fields_never_reach_the_terminal() {
    let dir = tempdir();
    let file = dir.path().join("hostile.yaml");
    let yaml = r#"title: "Hostile \e]0;PWNED-TITLE\a file"
actors:
  - {id: x, name: "Eve \e[2JWIPED", role: "\e]52;c;SGVsbG8=\a clip"}
sources:
  - {id: s, title: "Src \e[31mRED", url: "http://x/\u009b31m"}
events:
  - id: e
    date: 2018-02-07
    title: "Bidi \u202Eevil\u202C \e]0;PWNED-EVENT\a"
    summary: "Line one\r\e[1Aoverwrite\b\u0000"
    actors: [x]
    sources: [s]
    tags: ["\e[5mblink"]
    quotes:
      - {by: x, text: "\e]52;c;SGVsbG8=\a said", source: s}
"#;
    std::fs::write(&file, yaml).expect("write fixture");
    let mut s = Session::start(&[file.to_str().expect("utf-8 path")], 120, 40);
    s.wait_all(&["␛]0;PWNED-TITLE␇", "<U+202E>evil"], &[]);
    s.send("\r");
    s.wait_text("Quotes (1)");
    s.send("q");
    s.wait_exit();
    let bytes = s.bytes();
    for bad in [
        &b"\x1b]0;PWNED"[..],
        b"\x1b[2JWIPED",
        b"\x1b]52;",
        b"\x1b[31mRED",
        b"\x1b[1Aoverwrite",
        b"\x1b[5mblink",
        b"\xe2\x80\xae",
        b"\xc2\x9b",
    ] {
        assert!(!contains(&bytes, bad), "{:?} reached the terminal", String::from_utf8_lossy(bad));
    }
    assert!(
        !bytes.contains(&0) && !bytes.contains(&0x07) && !bytes.contains(&0x08),
        "a raw NUL, BEL or BS reached the terminal"
    );
}

/// A fresh directory under the system's temp dir, removed with everything in
/// it when the guard drops (even when the test fails). Bind it before the
/// session whose viewer reads from it, so that it outlives the viewer.
pub(crate) fn tempdir() -> TempDir {
    tempfile::Builder::new().prefix("tlview-e2e-").tempdir().expect("temp dir")
}

/// A file alone in a fresh temp directory, removed with it when this drops:
/// bind it before the session that reads it.
pub(crate) struct ScratchFile {
    path: PathBuf,
    _dir: TempDir,
}

impl ScratchFile {
    /// Writes `contents` to `name` in a fresh temp directory.
    pub(crate) fn new(name: &str, contents: &str) -> ScratchFile {
        let dir = tempdir();
        let path = dir.path().join(name);
        std::fs::write(&path, contents).expect("write scratch file");
        ScratchFile { path, _dir: dir }
    }

    /// Where the file is.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The path as a command-line argument.
    pub(crate) fn arg(&self) -> &str {
        self.path.to_str().expect("utf-8 path")
    }
}

/// A generated timeline big enough that loading it takes a while in a test build.
pub(crate) fn big_file(events: usize) -> ScratchFile {
    ScratchFile::new("big.yaml", &generate::timeline_yaml(events, 5))
}

/// Starts tlview on `file` with its load held (a debug-build hook) until the
/// returned hold file is removed, so a test acts during the load without
/// depending on how long the load takes. The hold file comes first so that,
/// bound in this order, it drops after the session.
fn start_held(file: &str) -> (ScratchFile, Session) {
    start_held_by("TLVIEW_DEBUG_HOLD_LOAD", file)
}

/// [`start_held`] with the hook named `hook` (`TLVIEW_DEBUG_HOLD_PARTS`
/// holds the load after its first part, on screen).
pub(crate) fn start_held_by(hook: &str, file: &str) -> (ScratchFile, Session) {
    let hold = ScratchFile::new("hold", "");
    let s = Session::start_with_env(&[file], &[(hook, hold.arg())], 120, 40);
    (hold, s)
}

#[test]
fn long_loads_show_progress_until_the_first_frame() {
    let file = big_file(5_000);
    let (hold, mut s) = start_held(file.arg());
    s.wait_text("loading ");
    std::fs::remove_file(hold.path()).expect("release the load");
    s.wait_all(&["5000 events"], &["loading "]);
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn ctrl_c_during_a_load_leaves_the_terminal_untouched() {
    let file = big_file(5_000);
    let (_hold, mut s) = start_held(file.arg());
    s.wait_text("loading ");
    s.send("\x03");
    assert_eq!(s.wait_exit(), 130);
    let bytes = s.bytes();
    assert!(!contains(&bytes, ALT_ON) && !contains(&bytes, MOUSE_ON), "entered full-screen mode");
}

#[test]
fn n_and_shift_n_walk_the_kept_search_and_wrap() {
    let mut s = open_bundled();
    s.send("/putin\r");
    s.wait_all(&["2 of 15 events", "search \"putin\""], &["/putin▏"]);
    let detail_title = |sc: &str, title: &str| sc.lines().any(|l| l.contains(&format!("││{title}")));
    s.wait_for("the first match in the detail", |sc| detail_title(sc, "Peskov declines to comment"));
    s.send("n");
    s.wait_for("n to select the second match", |sc| detail_title(sc, "Putin and Trump speak by phone"));
    s.send("n");
    s.wait_for("n to wrap to the first match", |sc| {
        detail_title(sc, "Peskov declines to comment") && sc.contains("Search hit the bottom, continuing at the top.")
    });
    s.send("N");
    s.wait_for("N to go back, wrapping", |sc| detail_title(sc, "Putin and Trump speak by phone"));
    s.send("\x1b");
    s.wait_text("15 of 15 events");
}

#[test]
fn picker_j_and_k_move_instead_of_typing() {
    let mut s = open_bundled();
    s.send("a");
    s.wait_text("Filter by actor");
    s.send("jjk ");
    s.wait_text("[x] Two Russian sources (unnamed)");
    let sc = s.screen();
    assert!(sc.contains("› press / to type a filter"), "j and k typed nothing:\n{sc}");
    s.send("\r");
    s.wait_all(&["actor: Two Russian sources (unnamed)"], &["Filter by actor"]);
}

#[test]
fn the_mouse_reports_clicks_and_wheel_only_and_m_turns_it_off() {
    let mut s = open_bundled();
    let bytes = s.bytes();
    assert!(contains(&bytes, b"\x1b[?1000h") && contains(&bytes, b"\x1b[?1006h"), "clicks, wheel, SGR");
    assert!(!contains(&bytes, b"\x1b[?1003h") && !contains(&bytes, b"\x1b[?1002h"), "no motion tracking");
    s.send("m");
    s.wait_text("Mouse off");
    let bytes = s.bytes();
    assert!(last(&bytes, MOUSE_OFF) > last(&bytes, MOUSE_ON), "m turned reporting off");
    s.send("m");
    s.wait_text("Mouse on");
    let bytes = s.bytes();
    assert!(last(&bytes, MOUSE_ON) > last(&bytes, MOUSE_OFF), "m turned it back on");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert_restored(&s.bytes());
}
