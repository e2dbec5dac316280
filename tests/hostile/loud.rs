//! Files that are valid, or nearly, but make the loader say a great deal:
//! tens of thousands of warnings, a comment check over one long line,
//! ordering problems naming thousands of events or huge ids, and a report
//! over tens of thousands of claim subjects. Each is answered within the
//! bounds, with every warning counted and every line short.

use super::run::{fixture, run, scratch};
use super::{MB, bounded, flooded};
use std::fmt::Write as _;

#[test]
fn a_comment_on_a_long_flow_line_is_checked_quickly() {
    let events: Vec<String> = (0..50_000)
        .map(|i| format!("{{id: event-number-{i}, date: 2018, title: Ünit title number {i}, sources: [s]}}"))
        .collect();
    let text = format!(
        "title: T\nsources: [{{id: s, title: S}}]\nevents: [{}, {{id: z, date: 2018, title: Last #x\n, sources: [s]}}]\n",
        events.join(", ")
    );
    assert!(text.len() > 3 * MB, "{}", text.len());
    let dir = scratch();
    let out = run(&["--check", &fixture(&dir, "line.yaml", text)], &[]);
    let report = out.text();
    assert_eq!(out.status, Some(0), "{}", &report[..report.len().min(500)]);
    assert!(report.contains("YAML reads `Last` and drops `#x`") && report.contains("ok: 50001 events"), "{report}");
    bounded("3 MB flow line with one ` #x`", &out);
}

#[test]
fn every_warning_is_counted_past_those_shown() {
    let mut text = String::from("title: T\nactors:\n");
    for i in 0..20_000 {
        let _ = writeln!(text, "  - {{id: a{i}, name: A}}");
    }
    text.push_str("events:\n");
    for i in 0..100_000 {
        let _ = writeln!(text, "  - {{id: e{i}, date: 2018, title: E}}");
    }
    let dir = scratch();
    let path = fixture(&dir, "unsourced.yaml", text);
    let out = run(&["--check", &path], &[]);
    assert_eq!(out.status, Some(0));
    assert!(out.text().contains("… and 119900 more warnings\n"), "{}", out.text());
    bounded("120k warnings", &out);
    let out = run(&["--check", "--strict", &path], &[]);
    assert_eq!(out.status, Some(1));
    assert!(out.text().ends_with("unsourced.yaml: 120000 warnings (--strict)\n"), "{}", out.text());
    assert!(out.stdout.len() < 20_000, "a report of {} bytes", out.stdout.len());
}

#[test]
fn ordering_problems_name_few_events_and_short_ids() {
    let n = 20_000;
    let mut text = String::from("title: T\nevents:\n");
    for i in 0..n {
        let _ = writeln!(text, "  - {{id: event-{i}, date: 2018, title: E, after: [event-{}]}}", (i + 1) % n);
    }
    let report = flooded("after cycle through 20k events", &text, 2_000);
    assert!(report.contains("form a cycle: `event-") && report.contains("then 19995 more events"), "{report}");

    let long = |c: &str| c.repeat(100 * 1024);
    let text = format!(
        "title: T\nevents:\n  - {{id: a, date: 2018, title: A, after: [{}, {}, {}]}}\n",
        long("p"),
        long("q"),
        long("r")
    );
    let report = flooded("three unknown 100 KB after ids", &text, 2_000);
    assert_eq!(report.matches("unknown event `").count(), 3, "{report}");
}

#[test]
fn a_report_over_many_claim_subjects_is_quick() {
    let mut text = String::from("title: T\nactors: [{id: a, name: A}]\nsources: [{id: s, title: S}]\nevents:\n");
    for i in 0..40_000 {
        let _ = writeln!(
            text,
            "  - {{id: e{i}, date: 2018, title: E, sources: [s], claims: [{{about: subject {i}, value: '1', by: a, source: s}}]}}"
        );
    }
    let dir = scratch();
    let out = run(&["report", &fixture(&dir, "subjects.yaml", text)], &[]);
    assert_eq!(out.status, Some(0), "{}", &out.text()[..out.text().len().min(500)]);
    assert!(out.text().contains("summary: 40000 events: 40000 on a single source, 0 with none"));
    bounded("report over 40k claim subjects", &out);
}

#[test]
fn many_date_keys_inside_one_long_value_cost_little() {
    let text = format!(
        "title: T\nsources: [{{id: s, title: S}}]\nevents:\n  - id: e\n    date: 2018\n    sources: [s]\n    title: \"{}\"\n",
        "date:".repeat(400_000)
    );
    let dir = scratch();
    let out = run(&["--check", &fixture(&dir, "dates.yaml", text)], &[]);
    assert_eq!(out.status, Some(0), "{}", &out.text()[..out.text().len().min(500)]);
    bounded("400k `date:` in one value", &out);
}
