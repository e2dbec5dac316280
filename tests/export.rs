//! The `export` and `convert` subcommands and TimelineJS files, through the binary.

use std::process::Command;

fn tlview(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tlview")).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn export_writes_each_format_to_standard_output() {
    let (code, out, err) = tlview(&["export", "--to", "timelinejs"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.trim_start().starts_with('{') && out.contains("\"unique_id\": \"attack\""));
    let (code, out, _) = tlview(&["export", "--to", "markdown", "--actor", "peskov"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# Deir ez-Zor clashes, February 2018\n") && out.contains("Peskov"));
    let (code, out, _) = tlview(&["export", "--to", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Year,Month,Day,Time,"));
}

#[test]
fn export_usage_errors_exit_2() {
    let (code, _, err) = tlview(&["export", "--to", "pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format `pdf`") && err.contains("usage:"), "{err}");
}

#[test]
fn a_timelinejs_export_checks_and_converts_back() {
    let dir = scratch("e2e");
    let json = dir.path().join("b.json");
    let json = json.to_str().expect("utf-8 path");
    assert_eq!(tlview(&["export", "--to", "timelinejs", "-o", json]).0, 0);
    let (code, out, _) = tlview(&["--check", json]);
    assert_eq!(code, 0);
    assert!(out.contains("b.json: ok: 15 events"), "{out}");
    let yaml = dir.path().join("b.yaml");
    let yaml = yaml.to_str().expect("utf-8 path");
    assert_eq!(tlview(&["convert", json, "-o", yaml]).0, 0);
    let (code, out, _) = tlview(&["--check", yaml]);
    assert_eq!(code, 0, "{out}");
}

#[path = "support/generate.rs"]
mod generate;

/// Every generated event (every date form, offsets, ranges, quotes) survives
/// YAML → TimelineJS JSON → YAML and YAML → CSV → YAML: id, title, date
/// and end at their precision and wall-clock time, and source links.
#[test]
fn a_generated_timeline_round_trips_through_json_and_csv() {
    use tlview::formats::{self, Format, Options, import};
    use tlview::timeline::{Timeline, limits::Limits, load_bytes};
    let yaml = generate::timeline_yaml(1000, 7);
    let original = load_bytes("g.yaml", yaml.as_bytes(), &Limits::default()).expect("loads");
    let key = |t: &Timeline, json: bool| {
        let mut v: Vec<_> = t
            .events
            .iter()
            .map(|e| {
                let mut urls: Vec<_> = e
                    .sources
                    .iter()
                    .chain(e.quotes.iter().map(|q| &q.source))
                    .filter_map(|&s| t.sources[s as usize].url.clone())
                    .collect();
                urls.sort();
                urls.dedup();
                // The JSON carries the timeline's zone and writes each time in
                // it, so a time keeps its instant; the sheet keeps wall-clock times.
                let when = |w: &tlview::timeline::date::When| {
                    let instant = json && w.precision >= tlview::timeline::date::Precision::Minute;
                    (w.precision, if instant { None } else { Some(w.local) }, instant.then(|| w.instant()))
                };
                (e.id.to_string(), e.title.to_string(), when(&e.date), e.end.as_ref().map(when), e.quotes.len(), urls)
            })
            .collect();
        v.sort();
        v
    };
    for (format, kind) in [(Format::TimelineJs, import::Kind::Json), (Format::Csv, import::Kind::Csv)] {
        let out = formats::export(&original, format, Options::default()).expect("exports");
        let back = import::to_yaml(kind, "g", out.as_bytes()).expect("converts").yaml;
        let back = load_bytes("back.yaml", back.as_bytes(), &Limits::default()).expect("loads back");
        if format == Format::Csv {
            // The sheet has no unique_id column: ids come from headlines, so compare without them.
            let strip = |t: &Timeline| {
                key(t, false)
                    .into_iter()
                    .map(|mut k| {
                        k.0.clear();
                        k
                    })
                    .collect::<std::collections::BTreeSet<_>>()
            };
            let (a, b) = (strip(&original), strip(&back));
            let first = a.symmetric_difference(&b).next();
            assert!(first.is_none(), "{format:?}: {first:?}");
        } else {
            let (a, b) = (key(&original, true), key(&back, true));
            assert_eq!(a.len(), b.len());
            let first = a.iter().zip(&b).find(|(x, y)| x != y);
            assert!(first.is_none(), "{format:?}: {first:?}");
        }
    }
}

/// A fresh directory under the system's temp dir, removed when the guard
/// drops (even when the test fails).
fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(&format!("tlview-export-{name}-")).tempdir().expect("temp dir")
}

#[test]
fn check_and_convert_warn_of_what_a_conversion_leaves_out() {
    let dir = scratch("notes");
    let json = dir.path().join("n.json");
    std::fs::write(
        &json,
        r#"{"events": [{"start_date": {"year": 2020}, "text": {"headline": "Kept"}, "background": {"color": "red"}},
            {"text": {"headline": "Dropped"}}]}"#,
    )
    .expect("writes");
    let json = json.to_str().expect("utf-8 path");
    let (code, out, _) = tlview(&["--check", json]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(".json:1:1: warning: lines and columns are in the YAML that `tlview convert"), "{out}");
    assert!(
        out.contains(": warning: events[1] \"Dropped\": not carried: the whole slide: it has no start date"),
        "{out}"
    );
    assert!(out.contains(": warning: events[0] \"Kept\": not carried: background"), "{out}");
    let (code, yaml, err) = tlview(&["convert", json]);
    assert_eq!(code, 0, "{err}");
    let line = err.lines().find(|l| l.contains("\"Dropped\"")).expect("warned");
    let at: usize = line.split(':').nth(1).and_then(|n| n.parse().ok()).expect("a line number");
    assert!(yaml.lines().nth(at - 1).is_some_and(|l| l.contains("# not carried: slide \"Dropped\"")), "{line}\n{yaml}");
}

#[test]
fn writing_over_the_input_is_refused() {
    let dir = scratch("same");
    let json = dir.path().join("s.json");
    let json = json.to_str().expect("utf-8 path");
    assert_eq!(tlview(&["export", "--to", "timelinejs", "-o", json]).0, 0);
    let before = std::fs::read(json).expect("reads");
    let link = dir.path().join("link.json");
    std::fs::hard_link(json, &link).expect("links");
    for args in [
        vec!["export", "--to", "timelinejs", json, "-o", json],
        vec!["export", "--to", "markdown", json, "-o", link.to_str().expect("utf-8")],
        vec!["convert", json, "-o", link.to_str().expect("utf-8")],
    ] {
        let (code, _, err) = tlview(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("is the input file"), "{err}");
        assert_eq!(std::fs::read(json).expect("reads"), before, "{args:?}");
    }
}
