//! `after`/`before`: the order they give, and each problem they can cause.

use crate::timeline::limits::Limits;
use crate::timeline::{LoadError, Timeline, load_bytes};

fn load(events: &str) -> Result<Timeline, LoadError> {
    let text = format!("title: T\nevents:\n{events}");
    load_bytes("t.yaml", text.as_bytes(), &Limits::default())
}

fn ids(events: &str) -> Vec<String> {
    load(events).expect("valid").events.iter().map(|e| e.id.to_string()).collect()
}

fn problems(events: &str) -> String {
    match load(events) {
        Ok(_) => panic!("expected problems"),
        Err(e) => e.to_string(),
    }
}

const EVER_GIVEN: &str = "  - {id: tugs, date: 2021-03, title: Tugs dispatched, after: [grounding]}
  - {id: report, date: 2021-03-23, title: Canal authority reports the grounding, after: [grounding]}
  - {id: grounding, date: '2021-03-23T07:40+02:00', title: Ever Given runs aground}
  - {id: freed, date: 2021-03-29, title: Ship refloated}
";

#[test]
fn after_moves_coarse_dates_behind_what_they_follow() {
    // Both wait for the grounding; then the earlier start (March, read as
    // 1 March) goes first.
    assert_eq!(ids(EVER_GIVEN), ["grounding", "tugs", "report", "freed"]);
}

#[test]
fn without_constraints_the_order_is_by_date_ties_in_file_order() {
    let events = "  - {id: b, date: 2021-03-02, title: B}\n  - {id: a, date: 2021-03-01, title: A}\n  - {id: c, date: 2021-03-01, title: C}\n";
    assert_eq!(ids(events), ["a", "c", "b"]);
}

#[test]
fn before_moves_an_event_ahead() {
    let events = "  - {id: a, date: 2021-03-01, title: A}\n  - {id: b, date: 2021-03, title: B}\n  - {id: c, date: 2021, title: C, before: [b]}\n";
    // b ties with a (file order), c is earlier anyway.
    assert_eq!(ids(events), ["c", "a", "b"]);
    let events = "  - {id: a, date: 2021-03-01, title: A}\n  - {id: b, date: 2021-03, title: B, before: [a]}\n";
    assert_eq!(ids(events), ["b", "a"]);
    let events = "  - {id: a, date: 2021-03, title: A}\n  - {id: b, date: 2021-03-05, title: B}\n  - {id: c, date: 2021-03, title: C, after: [b], before: [d]}\n  - {id: d, date: 2021-03-20, title: D}\n";
    assert_eq!(ids(events), ["a", "b", "c", "d"]);
}

#[test]
fn unknown_ids_are_reported_at_their_entry() {
    let p = problems("  - {id: a, date: 2021-03, title: A}\n  - {id: b, date: 2021-03, title: B, after: [a, zz]}\n");
    assert!(p.contains("t.yaml:4:") && p.contains("unknown event `zz` in `after`"), "{p}");
}

#[test]
fn an_id_whose_event_has_other_problems_is_not_called_unknown() {
    let p = problems("  - {id: a, date: 2021-02-30, title: A}\n  - {id: b, date: 2021-03, title: B, after: [a]}\n");
    assert!(!p.contains("unknown event"), "{p}");
}

#[test]
fn impossible_constraints_name_both_events() {
    let p = problems("  - {id: a, date: 2021-03-01, title: A, after: [b]}\n  - {id: b, date: 2021-03-02, title: B}\n");
    assert!(p.contains("`after: b` is impossible") && p.contains("`a`") && p.contains("`b`"), "{p}");
    let p = problems("  - {id: a, date: 2021-03-02, title: A, before: [b]}\n  - {id: b, date: 2021-03-01, title: B}\n");
    assert!(p.contains("`before: b` is impossible"), "{p}");
}

#[test]
fn cycles_are_reported_naming_their_events() {
    let p = problems(
        "  - {id: a, date: 2021-03, title: A, after: [c]}\n  - {id: b, date: 2021-03, title: B, after: [a]}\n  - {id: c, date: 2021-03, title: C, after: [b]}\n  - {id: d, date: 2021-03, title: D}\n",
    );
    assert!(p.contains("form a cycle") && p.contains("`a`") && p.contains("`b`") && p.contains("`c`"), "{p}");
    assert!(!p.contains("`d`"), "{p}");
    let p = problems("  - {id: a, date: 2021-03, title: A, before: [a]}\n");
    assert!(p.contains("cannot come before itself"), "{p}");
}

#[test]
fn many_events_with_thousands_of_constraints_order_quickly() {
    use std::fmt::Write;
    let mut text = String::new();
    for i in 0..20_000 {
        let day = 1 + i % 28;
        let _ = write!(text, "  - {{id: e{i}, date: 2021-03-{day:02}, title: E");
        if i % 10 == 0 && i % 28 != 0 {
            let _ = write!(text, ", after: [e{}]", i - 1);
        }
        text.push_str("}\n");
    }
    let t = load(&text).expect("valid");
    let pos: std::collections::HashMap<&str, usize> = t.events.iter().enumerate().map(|(i, e)| (&*e.id, i)).collect();
    for i in (10..20_000).step_by(10).filter(|i| i % 28 != 0) {
        assert!(pos[format!("e{}", i - 1).as_str()] < pos[format!("e{i}").as_str()]);
    }
}

#[test]
fn the_bundled_timeline_orders_what_the_article_orders() {
    let t = load_bytes("b.yaml", crate::timeline::BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
    let pos = |id: &str| t.events.iter().position(|e| &*e.id == id).expect("event");
    assert!(pos("attack") < pos("us-response"));
    assert!(pos("attack") < pos("us-russia-talks") && pos("us-russia-talks") < pos("article-published"));
}

#[test]
fn the_documented_ever_given_example_orders_as_documented() {
    let doc = include_str!("../../docs/format.md");
    let section = &doc[doc.find("## Order").expect("an Order section")..];
    let start = section.find("```yaml\n").expect("an example") + "```yaml\n".len();
    let example = &section[start..start + section[start..].find("```").expect("the example ends")];
    let t = load_bytes("doc.yaml", format!("title: T\n{example}").as_bytes(), &Limits::default()).expect("valid");
    let ids: Vec<&str> = t.events.iter().map(|e| &*e.id).collect();
    assert_eq!(ids, ["grounding", "tugs", "sca-report", "refloated"]);
    assert!(section.contains("grounding, tugs, report, refloated"));
}

#[test]
fn permuting_in_place_follows_every_cycle() {
    let placed = [3, 0, 4, 1, 2, 5];
    let mut v = ['a', 'b', 'c', 'd', 'e', 'f'];
    super::permute(&mut v, &placed);
    assert_eq!(v, ['d', 'a', 'e', 'b', 'c', 'f']);
}
