//! Tests of the top-level `periods`.

use super::super::limits::Limits;
use super::super::{LoadError, Timeline, load_bytes};

fn load(text: &str) -> Result<Timeline, LoadError> {
    load_bytes("t.yaml", text.as_bytes(), &Limits::default())
}

const EVENTS: &str = "events:\n  - {id: a, date: 1991-05-02, title: A}\n  - {id: b, date: 1995, title: B}\n";

#[test]
fn periods_load_in_order_and_contain_the_events_that_start_in_them() {
    for events in
        [EVENTS.to_owned(), "events: [{id: a, date: 1991-05-02, title: A}, {id: b, date: 1995, title: B}]\n".to_owned()]
    {
        let text = format!(
            "title: T\nperiods:\n  - {{id: later, title: Later, date: 1995}}\n  - id: works\n    title: Works\n    date: 1991-03\n    end: 1992\n{events}"
        );
        let t = load(&text).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = t.periods.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["works", "later"]);
        let of = |i: usize| -> Vec<&str> { t.periods_of(&t.events[i]).map(|p| p.title.as_str()).collect() };
        assert_eq!((of(0), of(1)), (vec!["Works"], vec!["Later"]));
        // Without an end, a period is the span its date names: the whole of 1995.
        assert_eq!(t.periods[1].finish(), t.periods[1].date.period_end());
    }
}

#[test]
fn period_mistakes_are_reported_at_their_place() {
    let text = format!(
        "title: T\nperiods:\n  - {{id: p, title: P, date: 1990}}\n  - {{id: p, title: Q, date: 1991}}\n  - {{id: r, title: R, date: 1990-13}}\n  - {{id: s, title: S, date: 1994, end: 1993}}\n  - {{id: u, date: 1990, colour: red}}\n  - just text\n{EVENTS}"
    );
    let Err(e) = load(&text) else { panic!("expected problems") };
    let shown = e.to_string();
    for expected in [
        "t.yaml:4:10: period `p`: duplicate period id `p`",
        "t.yaml:5:29: period `r`: `date`:",
        "t.yaml:6:40: period `s`: `end` is before `date`: a period must not end before it starts",
        "t.yaml:7:5: period `u`: missing the required key `title`",
        "t.yaml:7:25: period `u`: unknown key `colour` in a period",
        "t.yaml:8:5: each entry of `periods` should be a period written as a mapping",
    ] {
        assert!(shown.contains(expected), "{expected}\n---\n{shown}");
    }
}
