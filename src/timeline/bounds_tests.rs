//! Tests of what a file cannot make large: every warning counted however
//! many there are, every value a message echoes cut short, and the comment
//! check placing many values on one long line.

use super::limits::Limits;
use super::*;
use std::fmt::Write as _;

fn load(text: &str) -> Result<Timeline, LoadError> {
    load_bytes("t.yaml", text.as_bytes(), &Limits::default())
}

fn problems(text: &str) -> String {
    match load(text) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn warnings_past_those_kept_are_counted() {
    let mut text = String::from("title: T\nactors:\n");
    for i in 0..700 {
        let _ = writeln!(text, "  - {{id: a{i}, name: A}}");
    }
    text.push_str("events:\n");
    for i in 0..1_500 {
        let _ = writeln!(text, "  - id: e{i}\n    date: 2018\n    title: E #{i}");
    }
    let t = load(&text).expect("valid");
    // 1,500 unsourced events, 700 unused actors, 1,500 titles cut by a comment.
    assert_eq!(t.warnings.len() + t.warnings_more, 3_700);
    assert!(t.warnings.len() <= 2 * problem::KEPT, "{}", t.warnings.len());
}

#[test]
fn a_value_cut_by_a_comment_after_many_on_one_line_is_found() {
    let events: Vec<String> = (0..300).map(|i| format!("{{id: é{i}, date: 2018, title: Ünit {i}}}")).collect();
    let text = format!(
        "title: T\nsources: [{{id: s, title: S}}]\nevents: [{}, {{id: z, date: 2018, title: Ünit #x\n}}]\n",
        events.join(", ")
    );
    let t = load(&text).expect("valid");
    let cut: Vec<String> =
        t.warnings.iter().filter(|w| w.message.contains("cut short")).map(|w| w.message.clone()).collect();
    assert_eq!(cut.len(), 1, "{cut:?}");
    assert!(cut[0].contains("YAML reads `Ünit` and drops `#x`"), "{cut:?}");
}

#[test]
fn a_long_after_cycle_names_a_few_events_and_counts_the_rest() {
    let n = 2_000;
    let mut text = String::from("title: T\nevents:\n");
    for i in 0..n {
        let _ = writeln!(text, "  - {{id: e{i}, date: 2018, title: E, after: [e{}]}}", (i + 1) % n);
    }
    let report = problems(&text);
    assert!(report.contains("form a cycle: `e"), "{report}");
    assert!(report.contains(&format!("then {} more events, then `e", n - 5)), "{report}");
    assert!(report.len() < 1_000, "a report of {} bytes", report.len());
}

#[test]
fn long_ids_in_ordering_messages_are_cut() {
    let long = "x".repeat(10_000);
    let text = format!(
        "title: T\nevents:\n  - {{id: a{long}, date: 2018, title: A, after: [u{long}], before: [b{long}]}}\n  - {{id: b{long}, date: 2017, title: B}}\n  - {{id: c, date: 2018, title: C, after: [c]}}\n"
    );
    let report = problems(&text);
    assert!(report.contains("unknown event `uxxx"), "{report}");
    assert!(report.contains("is impossible"), "{report}");
    assert!(report.len() < 2_000, "a report of {} bytes: {}", report.len(), &report[..500]);
}
