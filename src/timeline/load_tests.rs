//! Loader tests for hostile and unusual files: where problems inside
//! aliases and tabs are reported, how many are printed, how long echoes
//! are, and the values validation refuses.

use super::limits::Limits;
use super::*;

/// The `FILE:LINE:COLUMN: message` lines of a file that must fail.
fn problems(text: &str) -> Vec<String> {
    match load_bytes("t.yaml", text.as_bytes(), &Limits::default()) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(e) => e.to_string().lines().map(str::to_owned).collect(),
    }
}

const HEAD: &str = "title: T\nactors:\n  - {id: a, name: A}\nsources:\n  - {id: s, title: S}\nevents:\n";

#[test]
fn problems_inside_an_alias_point_at_the_alias() {
    let p = problems("title: T\nevents: [&e {id: a, date: 2018-02-30, title: A}, *e]\n");
    assert_eq!(
        p,
        [
            "t.yaml:2:27: event `a`: `date`: `2018-02-30` is not a date: February 2018 has 28 days",
            "t.yaml:2:50: event `a`: duplicate event id `a`: another event already uses it",
            "t.yaml:2:50: event `a`: `date`: `2018-02-30` is not a date: February 2018 has 28 days",
        ]
    );
    // Deeper: the alias stands for a quote inside the second event.
    let p = problems(&format!(
        "{HEAD}  - {{id: e, date: 2018, title: E, quotes: [&q {{by: nobody, text: T, source: s}}]}}\n  - id: f\n    date: 2018\n    title: F\n    quotes:\n      - *q\n"
    ));
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].starts_with("t.yaml:7:"), "{p:?}");
    assert!(p[1].starts_with("t.yaml:12:9: event `f`: unknown actor `nobody`"), "{p:?}");
}

#[test]
fn a_tab_in_the_indentation_is_reported_at_the_tab() {
    let body = "title: T\nevents:\n  - id: a\n    date: 2018\n    title: A\n    summary: x\n";
    assert_eq!(
        problems(&format!("{body}\tlocation: y\n")),
        ["t.yaml:7:1: a tab is used for indentation; YAML indents with spaces only"]
    );
    assert_eq!(
        problems(&format!("{body}  \tlocation: y\n")),
        ["t.yaml:7:3: a tab is used for indentation; YAML indents with spaces only"]
    );
    assert_eq!(
        problems(&format!("{body}\n \n\tlocation: y\n")),
        ["t.yaml:9:1: a tab is used for indentation; YAML indents with spaces only"]
    );
}

#[test]
fn only_the_first_hundred_problems_are_printed_then_a_count() {
    let refs = (0..400).map(|i| format!("ghost{i}")).collect::<Vec<_>>().join(", ");
    let p = problems(&format!("{HEAD}  - {{id: e, date: 2018, title: E, actors: [{refs}]}}\n"));
    assert_eq!(p.len(), 101);
    assert!(p[0].starts_with("t.yaml:7:") && p[0].contains("unknown actor `ghost0`"), "{}", p[0]);
    assert!(p[99].contains("unknown actor `ghost99`"), "{}", p[99]);
    assert_eq!(p[100], "t.yaml: … and 300 more problems");
}

#[test]
fn echoed_values_are_cut() {
    let id = "x".repeat(500_000);
    let p = problems(&format!("{HEAD}  - {{id: \"{id}!\", date: 2018, title: E, actors: [{id}]}}\n"));
    let cut = format!("`{}…`", "x".repeat(60));
    assert_eq!(p.len(), 2, "{p:?}");
    for line in &p {
        assert!(line.contains(&cut), "{line}");
        assert!(line.len() < 300, "{} bytes", line.len());
    }
}

#[test]
fn a_text_of_invisible_characters_is_a_problem() {
    for blank in ["\u{200b}", "\u{301}", "\u{ad}", "\u{feff}\u{feff}", "\u{2800}", "\u{3164}", "\u{2060}\u{200d}"] {
        let p = problems(&format!("{HEAD}  - {{id: e, date: 2018, title: \"{blank}\", tags: [\"{blank}\"]}}\n"));
        assert_eq!(
            p,
            [
                "t.yaml:7:32: event `e`: `title` holds only invisible characters (such as zero-width spaces or fillers); it must contain something visible",
                "t.yaml:7:45: event `e`: an entry of `tags` holds only invisible characters (such as zero-width spaces or fillers); it must contain something visible",
            ]
            .map(|l| l.replace(":45:", &format!(":{}:", 43 + blank.chars().count()))),
            "{blank:?}"
        );
    }
}

#[test]
fn a_huge_number_for_a_date_is_a_plain_problem_and_others_still_show() {
    let p = problems(&format!(
        "{HEAD}  - {{id: e, date: 18446744073709551616, title: E}}\n  - {{id: f, date: 2018, title: 340282366920938463463374607431768211456}}\n  - {{id: g, date: 2018}}\n"
    ));
    assert_eq!(
        p,
        [
            "t.yaml:7:19: event `e`: `date`: `18446744073709551616` is not a date: write 2018, 2018-02, 2018-02-07, 2018-02-07T22:00 or 2018-02-07T22:00:05, optionally followed by Z or an offset such as +03:00",
            "t.yaml:9:5: event `g`: missing the required key `title`",
        ]
    );
    assert!(!p.concat().contains("128"));
}

#[test]
fn a_date_is_written_in_digits() {
    for (date, col) in [("0x7E4", 19), ("+2020", 19), ("0o3744", 19)] {
        // Both the whole-document path (flow) and the fast path (block) refuse it.
        let flow = problems(&format!("{HEAD}  - {{id: e, date: {date}, title: E}}\n"));
        assert_eq!(
            flow,
            [format!(
                "t.yaml:7:{col}: `{date}` is not a date: a date is written in digits, such as 2018 or 2018-02-07 (YAML would read this as a number)"
            )]
        );
        let block = problems(&format!("{HEAD}  - id: e\n    date: 2018\n    title: E\n    end: {date}\n"));
        assert_eq!(block.len(), 1, "{block:?}");
        assert!(block[0].starts_with("t.yaml:10:10: "), "{block:?}");
    }
    let sources = problems(
        "title: T\nsources:\n  - {id: s, title: S, published: +2018}\nevents: [{id: e, date: 2018, title: E}]\n",
    );
    assert!(sources[0].starts_with("t.yaml:3:34: `+2018` is not a date"), "{sources:?}");
    assert!(
        load_bytes(
            "t.yaml",
            format!("{HEAD}  - {{id: e, date: 2018, title: \"0x7E4\"}}\n").as_bytes(),
            &Limits::default()
        )
        .is_ok()
    );
}

#[test]
fn a_huge_explicit_key_over_a_long_list_is_placed() {
    let key = "k".repeat(500 * 1024);
    let items = vec!["1"; 150_000].join(", ");
    let p = problems(&format!("title: T\nevents: [{{id: e, date: 2018, title: E}}]\n? {key}\n: [{items}]\n"));
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with(&format!("t.yaml:3:3: unknown key `{}…` at the top level.", "k".repeat(60))),
        "{}",
        &p[0][..200]
    );
}
