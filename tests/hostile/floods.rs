//! Files that flood the checker rather than the parser: thousands of
//! unknown references, huge ids and keys, hundreds of thousands of
//! problems; and inputs that are not files at all. Each must be answered
//! within the same bounds as the bombs, with a report of bounded size.

use super::run::{fixture, run, scratch};
use super::{MB, bounded, flooded};
use std::fmt::Write as _;

/// `n` actors `actor-0`… declared in flow style.
fn actors(n: usize) -> String {
    let mut out = String::from("title: T\nactors:\n");
    for i in 0..n {
        let _ = writeln!(out, "  - {{id: actor-{i}, name: A{i}}}");
    }
    out
}

#[test]
fn many_unknown_references_cost_little() {
    let mut text = actors(30_000);
    text.push_str("events:\n");
    for i in 0..2_000 {
        let _ = writeln!(text, "  - {{id: e{i}, date: 2018, title: E, actors: [ghost-{i}]}}");
    }
    assert!(text.len() > 800_000);
    let report = flooded("30k actors, 2k unknown refs", &text, 20_000);
    assert!(report.lines().count() == 101 && report.ends_with("… and 1900 more problems\n"), "{report}");

    let mut text = actors(5_000);
    let _ = writeln!(text, "events:\n  - {{id: e, date: 2018, title: E, actors: [{}]}}", "q".repeat(150 * 1024));
    flooded("150 KB unknown id, 5k actors", &text, 2_000);
}

#[test]
fn a_huge_bad_id_and_many_problems_give_a_short_report() {
    let mut text = String::from("title: T\nevents:\n");
    let ghosts = (0..1_500).map(|i| format!("g{i}")).collect::<Vec<_>>().join(", ");
    let _ = writeln!(text, "  - {{id: \"{}!\", date: 2018, title: E, actors: [{ghosts}]}}", "x".repeat(500 * 1024));
    assert!(text.len() > 509_000);
    let report = flooded("500 KB bad id, 1.5k unknown actors", &text, 40_000);
    assert!(report.ends_with("… and 1401 more problems\n"), "{}", &report[report.len().saturating_sub(300)..]);

    let mut text = String::from("title: T\nactors:\n  - {id: a, name: A}\nevents:\n");
    for i in 0..4_000 {
        let refs = (0..100).map(|j| format!("x{}", (i * 7 + j) % 50)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(text, "  - {{id: e{i}, date: 2018, title: E, actors: [{refs}]}}");
    }
    assert!(text.len() > 2 * MB);
    let report = flooded("400k bad refs", &text, 20_000);
    assert!(report.ends_with("… and 399900 more problems\n"), "{}", &report[report.len().saturating_sub(300)..]);
}

#[test]
fn a_huge_explicit_key_over_a_long_list_is_placed_quickly() {
    let text = format!(
        "title: T\nevents: [{{id: e, date: 2018, title: E}}]\n? {}\n: [{}]\n",
        "k".repeat(500 * 1024),
        vec!["1"; 150_000].join(", ")
    );
    let report = flooded("500 KB key over 150k items", &text, 1_000);
    assert!(report.contains(".yaml:3:3: unknown key `kkkk"), "{report}");
}

#[test]
fn what_is_not_a_file_is_refused_at_once() {
    let dir = scratch();
    let fifo = dir.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let mut cases = vec![("/dev/zero".to_owned(), "it is a device, not a regular file")];
    if made {
        cases.push((fifo.to_string_lossy().into_owned(), "it is a named pipe, not a regular file"));
    }
    for (path, want) in cases {
        for args in [vec!["--check", &path], vec![&path]] {
            let out = run(&args, &[]);
            assert_eq!(out.status, Some(2), "{args:?}: {}", out.text());
            assert!(out.text().contains(want), "{args:?}: {}", out.text());
            bounded(&format!("{args:?}"), &out);
        }
    }
}

#[test]
fn sizes_and_settings_at_their_edges() {
    let dir = scratch();
    let ok = fixture(&dir, "ok.yaml", "title: T\nevents: [{id: a, date: 2018, title: A}]\n");
    let out = run(&["--check", "--max-file-size", "18446744073709551615", &ok], &[]);
    assert_eq!(out.status, Some(0), "{}", out.text());
    let bad_env = [("TLVIEW_MAX_FILE_SIZE", "lots")];
    for args in [&["--help"][..], &["--version"], &["--check", "--max-file-size", "1M", &ok]] {
        let out = run(args, &bad_env);
        assert_eq!(out.status, Some(0), "{args:?}: {}", out.text());
    }
    let out = run(&["--check", &ok], &bad_env);
    assert_eq!(out.status, Some(2));
    assert!(out.text().contains("TLVIEW_MAX_FILE_SIZE: `lots` is not a size"), "{}", out.text());
}

#[test]
fn a_report_that_cannot_be_written_says_why() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else { return };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tlview"))
        .arg("--check")
        .stdout(full)
        .output()
        .expect("run tlview");
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("cannot write the report to standard output: No space left on device"), "{said}");
}

#[test]
fn the_peak_measured_is_the_childs_own() {
    // This process grows past the bound first; the child's figure must not carry it.
    let ballast = vec![1u8; 300 * MB];
    std::hint::black_box(&ballast);
    drop(ballast);
    let dir = scratch();
    let ok = fixture(&dir, "ok.yaml", "title: T\nevents: [{id: a, date: 2018, title: A}]\n");
    let out = run(&["--check", &ok], &[]);
    assert_eq!(out.status, Some(0));
    if out.exact_peak {
        assert!(out.peak < 64 * MB as u64, "a tiny check peaked at {} MB", out.peak / MB as u64);
    } else {
        println!("the child's own peak is not measurable here; {} MB is an upper bound", out.peak / MB as u64);
    }
}
