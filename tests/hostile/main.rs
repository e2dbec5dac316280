//! The hostile-file corpus: every fixture is generated here (so the repo
//! stays small), run through the real binary, and checked for its exit
//! status, message, position, bounded time and memory, and that nothing it
//! prints holds a control character. Run with `--nocapture` to see the
//! measured seconds and peak memory of each resource bomb.

#![expect(unsafe_code, reason = "wait4 and kill, to measure and bound the child")]

mod floods;
mod loud;
mod run;

use run::{Outcome, fixture, run, scratch};

const OK_HEAD: &str = "title: T\nactors:\n  - {id: a, name: A}\nsources:\n  - {id: s, title: S}\nevents:\n";
const MB: usize = 1024 * 1024;

/// Checks a file is refused with exit 1, naming `want` at `position`
/// (`"LINE:COLUMN"`, or `"LINE"` for any column, or `""` for anywhere), in
/// bounded time and memory.
fn refused(name: &str, path: &str, position: &str, want: &str) -> Outcome {
    let out = run(&["--check", path], &[]);
    let text = out.text();
    assert_eq!(out.status, Some(1), "{name}: {text}");
    let line = text.lines().next().unwrap_or_default();
    let at = match position.split(':').count() {
        2 => format!(".yaml:{position}: "),
        _ if position.is_empty() => ".yaml:".to_owned(),
        _ => format!(".yaml:{position}:"),
    };
    assert!(line.contains(&at), "{name}: not at {position:?}: {line:?}");
    assert!(line.contains(want), "{name}: {line:?} does not say {want:?}");
    out.assert_no_control_bytes();
    bounded(name, &out);
    out
}

/// Seconds one fixture may take: the 2 s the limits promise, for an
/// optimized binary (`cargo test --release --test hostile`). Unoptimized
/// code runs the same work about ten times slower, so a debug build is held
/// to a looser bound, still well inside the hang watchdog.
const SECONDS: f64 = if cfg!(debug_assertions) { 25.0 } else { 2.0 };

/// Runs `--check` on `text` (named after `name`), expecting problems,
/// within the bounds and with a report of at most `max_report` bytes and no
/// control bytes; returns the report.
fn flooded(name: &str, text: &str, max_report: usize) -> String {
    let dir = scratch();
    let out = run(&["--check", &fixture(&dir, &format!("{name}.yaml").replace([' ', '/'], "-"), text)], &[]);
    assert_eq!(out.status, Some(1), "{name}: {}", &out.text()[..out.text().len().min(500)]);
    out.assert_no_control_bytes();
    bounded(name, &out);
    assert!(out.stdout.len() <= max_report, "{name}: a report of {} bytes", out.stdout.len());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Prints the measured cost and fails beyond [`SECONDS`] or 256 MB. The
/// peak is the child's own (see `run`), or an upper bound where it cannot be had.
fn bounded(name: &str, out: &Outcome) {
    let secs = out.elapsed.as_secs_f64();
    let mb = out.peak as f64 / MB as f64;
    let kind = if out.exact_peak { "peak" } else { "peak (upper bound)" };
    println!("{name:<34} {secs:>6.3} s {mb:>7.1} MB {kind}  exit {:?}", out.status);
    assert!(secs < SECONDS, "{name} took {secs:.1} s");
    assert!(out.peak < 256 * MB as u64, "{name} peaked at {mb:.0} MB");
}

#[test]
fn alias_bombs_are_refused_quickly() {
    let dir = scratch();
    let mut laughs = String::from("title: T\nlol0: &l0 \"lol\"\n");
    for i in 1..=9 {
        let refs = vec![format!("*l{}", i - 1); 10].join(", ");
        laughs.push_str(&format!("lol{i}: &l{i} [{refs}]\n"));
    }
    laughs.push_str("events: [{id: a, date: 2018, title: A}]\n");
    refused("billion laughs", &fixture(&dir, "laughs.yaml", laughs), "7", "aliases here expand past the limit");

    // Type-correct: every alias sits where the format wants an event or quote.
    let mut nested = String::from(OK_HEAD);
    let quotes = vec!["*q"; 1000].join(", ");
    nested.push_str(&format!(
        "  - &e {{id: e, date: 2018, title: E, quotes: [&q {{by: a, text: \"words\", source: s}}, {quotes}]}}\n"
    ));
    for _ in 0..1000 {
        nested.push_str("  - *e\n");
    }
    refused(
        "type-correct nested bomb",
        &fixture(&dir, "nested.yaml", nested),
        "",
        "aliases here expand past the limit",
    );

    let big = "x".repeat(MB);
    let tags = vec!["*big"; 2000].join(", ");
    let string_bomb = format!("{OK_HEAD}  - {{id: e, date: 2018, title: &big \"{big}\", tags: [{tags}]}}\n");
    refused(
        "one string aliased 2000 times",
        &fixture(&dir, "string.yaml", string_bomb),
        "7",
        "of text (an alias bomb?)",
    );
}

#[test]
fn deep_nesting_is_refused_at_the_depth_limit() {
    let dir = scratch();
    let n = 200_000;
    let flow = format!("title: T\nevents: {}{}\n", "[".repeat(n), "]".repeat(n));
    refused("200k-deep flow list (known key)", &fixture(&dir, "flow.yaml", flow), "2", "nesting deeper than");
    let unknown = format!("title: T\nextra: {}1{}\nevents: []\n", "{a: ".repeat(n), "}".repeat(n));
    refused(
        "200k-deep mapping (unknown key)",
        &fixture(&dir, "unknown.yaml", unknown),
        "2",
        "nesting deeper than the limit",
    );
    let mut block = String::from("title: T\nevents:\n");
    for depth in 0..3000 {
        block.push_str(&" ".repeat(depth * 2));
        block.push_str("- \n");
    }
    refused("3000-deep block list", &fixture(&dir, "block.yaml", block), "", "nesting deeper than the limit");
}

#[test]
fn huge_values_and_files_are_bounded() {
    let dir = scratch();
    let huge = format!("{OK_HEAD}  - {{id: e, date: 2018, title: E, summary: \"{}\"}}\n", "y".repeat(20 * MB));
    refused("20 MB scalar", &fixture(&dir, "huge.yaml", huge), "7:44", "longer than the limit of 16.0 MiB");

    let honest =
        format!("{OK_HEAD}  - id: e\n    date: 2018\n    title: E\n    summary: \"{}\"\n", "word ".repeat(2 * MB));
    let out = run(&["--check", &fixture(&dir, "honest.yaml", honest)], &[]);
    assert_eq!(out.status, Some(0), "a 10 MB summary loads: {}", out.text());
    bounded("10 MB summary (accepted)", &out);

    let long_line = format!(
        "title: T\nevents: [{}]\n",
        (0..50_000).map(|i| format!("{{id: e{i}, date: 2018, title: T{i}}}")).collect::<Vec<_>>().join(", ")
    );
    let out = run(&["--check", &fixture(&dir, "line.yaml", long_line)], &[]);
    assert_eq!(out.status, Some(0), "{}", out.text());
    assert!(out.text().contains("ok: 50000 events"));
    bounded("1.6 MB single line (accepted)", &out);

    let over = fixture(&dir, "over.yaml", format!("title: T\n#{}\n", "p".repeat(65 * MB)));
    let out = refused(
        "65 MB file",
        &over,
        "1:1",
        "the file is 65.0 MiB, larger than the limit of 64.0 MiB; raise it with --max-file-size SIZE or TLVIEW_MAX_FILE_SIZE=SIZE",
    );
    assert!(out.elapsed.as_secs_f64() < 5.0);
    let small = fixture(&dir, "small.yaml", format!("{OK_HEAD}  - {{id: e, date: 2018, title: E}}\n"));
    assert_eq!(run(&["--check", &small], &[("TLVIEW_MAX_FILE_SIZE", "50")]).status, Some(1));
    assert_eq!(run(&["--check", "--max-file-size", "1K", &small], &[("TLVIEW_MAX_FILE_SIZE", "50")]).status, Some(0));
}

#[test]
fn faults_are_reported_at_their_line_and_column() {
    let dir = scratch();
    let cases: &[(&str, &[u8], &str, &str)] = &[
        (
            "invalid UTF-8",
            b"title: T\nevents:\n  - {id: \xff\xfe, date: 2018, title: A}\n",
            "3:10",
            "not valid UTF-8 here (byte 0xFF)",
        ),
        ("raw ESC byte", b"title: T\x1b[2J\nevents: []\n", "1:9", "raw control character (U+001B)"),
        ("raw C1 byte", "title: T\u{9b}31m\nevents: []\n".as_bytes(), "1:9", "raw control character (U+009B)"),
        ("tab indentation", b"title: T\nevents:\n\t- {id: a, date: 2018, title: A}\n", "3:1", "tab"),
        ("stray colon", b"title: T\nevents:\n  - id: a\n    title: x: y\n", "4:13", "unexpected `:` here"),
        (
            "duplicate key",
            b"title: T\nevents:\n  - id: a\n    date: 2018\n    title: A\n    date: 2019\n",
            "6:5",
            "duplicate key `date`",
        ),
        (
            "second document",
            b"title: T\nevents: [{id: a, date: 2018, title: A}]\n---\ntitle: U\n",
            "3:1",
            "a second YAML document starts here",
        ),
        ("unclosed quote", b"title: \"T\nevents: []\n", "1:8", "the quoted value starting here is not closed"),
        (
            "unclosed list",
            b"title: T\nevents: [{id: a, date: 2018, title: A}\n",
            "3:1",
            "a list opened with `[` is not closed",
        ),
        ("undefined alias", b"title: *nope\nevents: []\n", "1:8", "refers to an anchor (`&name`) that is not defined"),
        ("reserved character", b"title: @home\nevents: []\n", "1:8", "this character cannot start a value"),
    ];
    for (name, bytes, position, want) in cases {
        let path = fixture(&dir, &format!("{}.yaml", name.replace(' ', "-")), bytes);
        refused(name, &path, position, want);
    }
}

#[test]
fn byte_order_marks_crlf_and_empty_files() {
    let dir = scratch();
    let bom = fixture(&dir, "bom.yaml", format!("\u{feff}{OK_HEAD}  - {{id: e, date: 2018, title: E}}\n"));
    assert_eq!(run(&["--check", &bom], &[]).status, Some(0));
    let crlf = format!("{OK_HEAD}  - id: e\n    date: 2018\n    title: E\n    summary: |\n      one\n      two\n")
        .replace('\n', "\r\n");
    let t = tlview::timeline::load_bytes("crlf.yaml", crlf.as_bytes(), &Default::default()).expect("CRLF loads");
    assert_eq!(t.events[0].summary.as_deref(), Some("one\ntwo\n"), "no carriage return survives a block scalar");
    assert_eq!(run(&["--check", &fixture(&dir, "crlf.yaml", &crlf)], &[]).status, Some(0));
    for (name, text) in [("empty", ""), ("comments", "# nothing\n# here\n"), ("blank", "\n  \n")] {
        refused(name, &fixture(&dir, &format!("{name}.yaml"), text), "1:1", "empty timeline");
    }
    refused("document of nulls", &fixture(&dir, "null.yaml", "~\n"), "1:1", "the file is empty");
}

#[test]
fn yaml_1_1_booleans() {
    let dir = scratch();
    let ok = fixture(&dir, "words.yaml", format!("{OK_HEAD}  - {{id: e, date: 2018, title: yes, location: off}}\n"));
    assert_eq!(run(&["--check", &ok], &[]).status, Some(0));
    let bad = fixture(&dir, "flag.yaml", format!("{OK_HEAD}  - {{id: e, date: 2018, title: E, approximate: yes}}\n"));
    refused("approximate: yes", &bad, "7:48", "must be true or false, not `yes`; write true or false");
}

#[test]
fn echoed_values_and_file_names_show_controls_as_placeholders() {
    let dir = scratch();
    let yaml = format!(
        "{OK_HEAD}  - {{id: e, date: 2018, title: E, actors: [\"\\e]0;T\\a\\u009b\\u202e\"], tags: [ok], bogus\\u0007key: 1}}\n"
    );
    let path = fixture(&dir, "echo.yaml", yaml);
    let out = run(&["--check", &path], &[]);
    assert_eq!(out.status, Some(1));
    out.assert_no_control_bytes();
    assert!(out.text().contains("unknown actor `␛]0;T␇<U+009B><U+202E>`"), "{}", out.text());
    let evil_name = fixture(&dir, "evil\u{1b}[2J.yaml", "title: T\n");
    let out = run(&["--check", &evil_name], &[]);
    out.assert_no_control_bytes();
    assert!(out.text().contains("evil␛[2J.yaml"), "{}", out.text());
}

#[test]
fn a_refused_file_never_touches_the_terminal() {
    let dir = scratch();
    let path = fixture(&dir, "bad.yaml", "title: T\nevents: [\n");
    let out = run(&[&path], &[]);
    assert_eq!(out.status, Some(1));
    assert!(out.stdout.is_empty(), "nothing on stdout: {:?}", out.stdout);
    assert!(!out.stderr.contains(&0x1b), "no escape sequence: {}", out.text());
}
