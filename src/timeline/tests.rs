//! Loader tests: the bundled timeline, and each kind of problem with its exact
//! message and position.

use super::limits::Limits;
use super::*;
use chrono::NaiveDate;

fn load(text: &str) -> Result<Timeline, LoadError> {
    load_bytes("t.yaml", text.as_bytes(), &Limits::default())
}

/// The `FILE:LINE:COLUMN: message` lines of a file that must fail.
fn problems(text: &str) -> Vec<String> {
    match load(text) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(e) => e.to_string().lines().map(str::to_owned).collect(),
    }
}

const HEAD: &str =
    "title: T\nactors:\n  - {id: peskov, name: Dmitry Peskov}\nsources:\n  - {id: seed, title: S}\nevents:\n";

fn with_events(events: &str) -> String {
    format!("{HEAD}{events}")
}

#[test]
fn bundled_timeline_loads_and_spans_the_week() {
    let t = load(BUNDLED).expect("bundled timeline is valid");
    assert!(t.events.len() >= 12, "{} events", t.events.len());
    let zone = t.zone;
    let first = t.events.first().expect("events").date.day_in(zone);
    let last = t.events.iter().map(|e| e.end.unwrap_or(e.date).day_in(zone)).max().expect("events");
    assert_eq!(first, NaiveDate::from_ymd_opt(2018, 2, 7).expect("date"));
    assert_eq!(last, NaiveDate::from_ymd_opt(2018, 2, 14).expect("date"));
    assert!(t.quote_count() >= 4);
    assert!(t.sources.iter().all(|s| s.publisher.is_none()), "the article names no publisher");
}

#[test]
fn events_are_ordered_by_start_with_ties_in_file_order() {
    let t = load(&with_events(
        "  - {id: c, date: 2018-02-08, title: C}\n  - {id: a, date: 2018-02, title: A}\n  - {id: b, date: 2018-02-01, title: B}\n  - {id: d, date: 2018-02-07T23:00-03:00, title: D}\n",
    ))
    .expect("valid");
    let ids: Vec<&str> = t.events.iter().map(|e| &*e.id).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
}

#[test]
fn duplicate_ids_are_reported_where_repeated() {
    let p = problems(&with_events("  - {id: x, date: 2018, title: A}\n  - {id: x, date: 2018, title: B}\n"));
    assert_eq!(p, ["t.yaml:8:10: event `x`: duplicate event id `x`: another event already uses it"]);
}

#[test]
fn undeclared_actor_and_source_are_named() {
    let p =
        problems(&with_events("  - id: e\n    date: 2018\n    title: A\n    actors: [peskow]\n    sources: [bbc]\n"));
    assert_eq!(
        p,
        [
            "t.yaml:10:14: event `e`: unknown actor `peskow`: it is not declared under `actors`; did you mean `peskov`?",
            "t.yaml:11:15: event `e`: unknown source `bbc`: it is not declared under `sources`",
        ]
    );
}

#[test]
fn quotes_by_undeclared_actor_or_source_are_reported() {
    let p = problems(&with_events(
        "  - id: e\n    date: 2018\n    title: A\n    quotes:\n      - {by: putin, text: hi, source: tass}\n",
    ));
    assert_eq!(
        p,
        [
            "t.yaml:11:14: event `e`: unknown actor `putin`: it is not declared under `actors`",
            "t.yaml:11:39: event `e`: unknown source `tass`: it is not declared under `sources`",
        ]
    );
}

#[test]
fn impossible_dates_and_times_are_reported_at_the_value() {
    let p = problems(&with_events(
        "  - {id: a, date: 2018-02-30, title: A}\n  - {id: b, date: \"2018-02-07T25:61\", title: B}\n",
    ));
    assert_eq!(
        p,
        [
            "t.yaml:7:19: event `a`: `date`: `2018-02-30` is not a date: February 2018 has 28 days",
            "t.yaml:8:19: event `b`: `date`: `2018-02-07T25:61`: 25:61 is not a time of day: hours run 00-23, minutes and seconds 00-59",
        ]
    );
}

#[test]
fn offsets_out_of_range_are_reported() {
    let p = problems("title: T\ntimezone: \"+15:00\"\nevents:\n  - {id: a, date: 2018-02-07T10:00+14:30, title: A}\n");
    assert_eq!(
        p,
        [
            "t.yaml:2:11: offset +15:00 is out of range: offsets run from -12:00 to +14:00",
            "t.yaml:4:19: event `a`: `date`: `2018-02-07T10:00+14:30`: offset +14:30 is out of range: offsets run from -12:00 to +14:00",
        ]
    );
}

#[test]
fn end_before_date_is_reported() {
    let p = problems(&with_events("  - {id: a, date: 2018-02-08, end: 2018-02-07, title: A}\n"));
    assert_eq!(p, ["t.yaml:7:36: event `a`: `end` is before `date`: a range must not end before it starts"]);
    assert!(load(&with_events("  - {id: a, date: 2018-02-08T10:00, end: 2018-02-08, title: A}\n")).is_ok());
}

#[test]
fn missing_and_empty_required_fields_are_reported() {
    let p = problems(&with_events(
        "  - id: a\n    date: 2018\n  - id: b\n    date: 2018\n    title: ~\n  - date: 2018\n    title: \"  \"\n",
    ));
    assert_eq!(
        p,
        [
            "t.yaml:7:5: event `a`: missing the required key `title`",
            "t.yaml:11:12: event `b`: `title` is empty; it needs some text",
            "t.yaml:12:5: event #3: missing the required key `id`",
            "t.yaml:13:12: event #3: `title` is empty; it needs some text",
        ]
    );
    assert_eq!(
        problems("events:\n  - {id: a, date: 2018, title: A}\n"),
        ["t.yaml:1:1: missing the required key `title`"]
    );
}

#[test]
fn wrong_types_say_what_was_found() {
    let p = problems(&with_events("  - id: a\n    date: 2018\n    title: [x]\n    tags: solo\n    approximate: 1\n"));
    assert_eq!(
        p,
        [
            "t.yaml:9:12: event `a`: `title` should be text, not a list",
            "t.yaml:10:11: event `a`: `tags` should be a list, not `solo`; write a list: `[solo]`",
            "t.yaml:11:18: event `a`: `approximate` must be true or false, not a number",
        ]
    );
}

#[test]
fn unknown_keys_suggest_the_nearest_and_list_the_allowed() {
    let p = problems(&with_events("  - id: a\n    date: 2018\n    title: A\n    sumary: x\n    colour: red\n"));
    let allowed = "Allowed keys: id, date, end, approximate, title, summary, location, actors, tags, sources, quotes, notes, status, reported, display_date, media, related, after, before, claims";
    assert_eq!(
        p,
        [
            format!("t.yaml:10:5: event `a`: unknown key `sumary` in an event; did you mean `summary`? {allowed}"),
            format!("t.yaml:11:5: event `a`: unknown key `colour` in an event. {allowed}"),
        ]
    );
}

#[test]
fn yaml_1_1_booleans_are_text_in_text_fields_and_errors_in_flags() {
    let t = load(&with_events("  - {id: a, date: 2018, title: yes, location: on, summary: no}\n")).expect("valid");
    let e = &t.events[0];
    assert_eq!((&*e.title, e.location.as_deref(), e.summary.as_deref()), ("yes", Some("on"), Some("no")));
    let p = problems(&with_events("  - {id: a, date: 2018, title: A, approximate: on}\n"));
    assert_eq!(p, ["t.yaml:7:48: event `a`: `approximate` must be true or false, not `on`; write true or false"]);
}

#[test]
fn all_problems_are_reported_at_once_in_file_order() {
    let p = problems(&with_events(
        "  - {id: a, date: 2018-13, title: A, actors: [nobody]}\n  - {id: a, date: 2018, title: ''}\n",
    ));
    assert_eq!(p.len(), 4, "{p:#?}");
    let lines: Vec<usize> = p.iter().map(|l| l.split(':').nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
}

#[test]
fn syntax_errors_are_in_plain_words_with_position() {
    assert_eq!(
        problems("title: T\nevents:\n  - id: a\n    title: a: b\n"),
        ["t.yaml:4:13: unexpected `:` here; a value containing `: ` must be put in quotes"]
    );
    let p = problems("title: T\nevents: [\n");
    assert!(p[0].starts_with("t.yaml:3:1: "), "{p:?}");
}

#[test]
fn echoed_values_never_carry_control_characters() {
    let p = problems(&with_events("  - {id: a, date: 2018, title: A, actors: [\"x\\e]0;owned\\a\"]}\n"));
    assert_eq!(p.len(), 1);
    assert!(p[0].contains("x␛]0;owned␇"), "{}", p[0]);
    assert!(!p[0].chars().any(char::is_control));
}

#[test]
fn dates_keep_precision_and_times_their_zone() {
    let t = load(
        "title: T\ntimezone: \"+02:00\"\nevents:\n  - {id: a, date: 2018-02-07T22:00, title: A}\n  - {id: b, date: 2018-02, title: B}\n",
    )
    .expect("valid");
    assert_eq!(t.events[0].date.precision, date::Precision::Month);
    assert_eq!(t.events[1].date.long(), "Wednesday 7 February 2018, 22:00 +02:00");
}

#[test]
fn an_entry_that_is_not_a_mapping_is_not_blamed_on_its_neighbour() {
    let p = problems(&with_events(
        "  - {id: a, date: 2018, title: A}\n  - just text\n  - {id: b, date: 2018, title: B, quotes: [oops]}\n",
    ));
    assert_eq!(
        p,
        [
            "t.yaml:8:5: each entry of `events` should be an event written as a mapping, not `just text`",
            "t.yaml:9:44: event `b`: each entry of `quotes` should be a quote written as a mapping, not `oops`",
        ]
    );
    assert_eq!(
        problems("title: T\nactors: x\nevents: [{id: a, date: 2018, title: A}]\n"),
        ["t.yaml:2:9: `actors` should be a list, not `x`"]
    );
}

/// A multi-chunk file in the common block style.
/// A file of `n` events in date order and block style: the fast path's shape.
pub(super) fn many_events(n: usize) -> String {
    let mut s = String::from(HEAD);
    for i in 0..n {
        let (day, hour) = (1 + i % 28, i % 24);
        s.push_str(&format!(
            "  - id: e{i}\n    date: 2018-02-{day:02}T{hour:02}:00+03:00\n    title: Event {i} ü\n    summary: >-\n      Line one of {i}.\n      Line two.\n    actors: [peskov]\n    tags: [t{}]\n    sources: [seed]\n",
            i % 7
        ));
    }
    s
}

fn whole_document(text: &str) -> Timeline {
    use serde::Deserialize;
    let raw = raw::Field::<raw::RawTimeline>::deserialize(serde_yaml::Deserializer::from_str(text)).expect("parses");
    validate::check(raw).expect("valid")
}

#[test]
fn fast_path_loads_block_files_exactly_as_the_whole_document_path() {
    let big = many_events(6000);
    assert!(big.len() > 3 * 256 * 1024, "several chunks");
    // The actors and sources after the events, one of each unused (a
    // warning each), and a value cut short by a comment there (another).
    let (head, events) = big.split_at(big.find("events:\n").expect("has events"));
    let (top, tables) = head.split_at(head.find("actors:").expect("has actors"));
    let tail =
        tables.replace("sources:\n", "  - id: idle\n    name: Idle #2\nsources:\n") + "  - {id: unused, title: U}\n";
    let after = format!("{top}{events}# the tables, after\n{tail}");
    // A tab inside an entry's text (pasted, say) is the chunk's to parse.
    let tabbed = big.replacen("      Line two.\n", "      \tLine two, after a tab.\n", 2);
    for text in [BUNDLED, big.as_str(), after.as_str(), tabbed.as_str()] {
        let pipeline::Fast::Loaded(mut fast) = pipeline::load(text, &Limits::default(), &mut |_| true) else {
            panic!("block-style file not taken on the fast path");
        };
        warnings::finish(text, &mut fast);
        let mut slow = whole_document(text);
        warnings::finish(text, &mut slow);
        assert_eq!(fast.events.len(), slow.events.len());
        assert_eq!(fast.tags, slow.tags);
        let ids = |t: &Timeline| {
            (
                t.actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
                t.sources.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
            )
        };
        assert_eq!(ids(&fast), ids(&slow));
        assert_eq!(format!("{:?}", fast.warnings), format!("{:?}", slow.warnings));
        if std::ptr::eq(text, after.as_str()) {
            let lines: Vec<usize> = fast.warnings.iter().filter_map(|w| Some(w.position?.line)).collect();
            assert_eq!(lines.len(), 3, "{:?}", fast.warnings);
            assert!(lines.iter().all(|&l| l > text[..text.find("actors:").unwrap_or(0)].lines().count()), "{lines:?}");
        }
        for (a, b) in fast.events.iter().zip(&slow.events) {
            assert_eq!((&a.id, a.date, a.end, &a.title, &a.summary), (&b.id, b.date, b.end, &b.title, &b.summary));
            assert_eq!(
                (&a.actors, &a.tags, &a.sources, a.quotes.len()),
                (&b.actors, &b.tags, &b.sources, b.quotes.len())
            );
        }
    }
}

#[test]
fn unusual_shapes_fall_back_and_still_load() {
    let block = many_events(30);
    let big = many_events(6000);
    let across =
        big.replacen("title: Event 0 ü", "title: &t Event 0 ü", 1).replacen("title: Event 5999 ü", "title: *t", 1);
    let flow = format!("{HEAD}  [{{id: a, date: 2018, title: A}}, {{id: b, date: 2019, title: B}}]\n")
        .replace("events:\n  [", "events: [");
    for (name, text) in [("aliases across chunks", across), ("flow", flow)] {
        assert!(matches!(pipeline::load(&text, &Limits::default(), &mut |_| true), pipeline::Fast::Fallback), "{name}");
        assert!(load(&text).is_ok(), "{name} loads through the whole-document path");
    }
    // Less indented than the entries but not a key at column 0: glued after
    // the head it would read as the value of `events`; the whole document
    // says what is wrong.
    for after in [" description: lost\n", "  junk: 1\n"] {
        let text = format!("{block}{after}");
        assert!(matches!(pipeline::load(&text, &Limits::default(), &mut |_| true), pipeline::Fast::Fallback));
        let p = problems(&text);
        assert!(p[0].starts_with(&format!("t.yaml:{}:", block.lines().count() + 1)), "{p:?}");
    }
    // An alias after the list names the anchor last defined before it, here
    // in an event: only the whole document resolves it so.
    let redefined = format!("{block}description: *t\n").replacen("title: T\n", "title: &t Head title\n", 1).replacen(
        "title: Event 7 ü",
        "title: &t Event seven",
        1,
    );
    assert!(matches!(pipeline::load(&redefined, &Limits::default(), &mut |_| true), pipeline::Fast::Fallback));
    assert_eq!(load(&redefined).expect("loads").description.as_deref(), Some("Event seven"));
    // A second `events` after the list: the tail's keys are checked with the head's.
    let twice = format!("{block}events:\n  - {{id: z, date: 2018, title: Z}}\n");
    assert!(matches!(pipeline::load(&twice, &Limits::default(), &mut |_| true), pipeline::Fast::Fallback));
    let p = problems(&twice);
    assert!(p.iter().any(|l| l.contains("duplicate key `events`")), "{p:?}");
}

#[test]
fn aliases_within_a_chunk_are_guarded_and_loaded() {
    let text = many_events(30).replacen("title: Event 0 ü", "title: &t Event 0 ü", 1).replacen(
        "title: Event 1 ü",
        "title: *t",
        1,
    );
    let pipeline::Fast::Loaded(t) = pipeline::load(&text, &Limits::default(), &mut |_| true) else {
        panic!("not loaded")
    };
    assert_eq!(t.events.iter().filter(|e| &*e.title == "Event 0 ü").count(), 2);
    let bomb =
        format!("{}  - {{id: z, date: 2018, title: x, tags: [{}]}}\n", many_events(3), vec!["*t"; 200_001].join(", "));
    let bomb = bomb.replacen("title: Event 0 ü", "title: &t Event 0 ü", 1);
    assert!(matches!(pipeline::load(&bomb, &Limits::default(), &mut |_| true), pipeline::Fast::Fallback));
    let p = problems(&bomb);
    assert!(p[0].contains("more than 10000 aliases") || p[0].contains("expand past the limit"), "{p:?}");
    // The head's aliases and the events' share one budget, as in the whole document.
    let shared = text.replacen("title: T\n", "title: &h T\ndescription: *h\n", 1);
    let one = Limits { max_aliases: 1, ..Limits::default() };
    assert!(matches!(pipeline::load(&shared, &one, &mut |_| true), pipeline::Fast::Fallback));
    let refused = load_bytes("t.yaml", shared.as_bytes(), &one).expect_err("two aliases, one allowed");
    assert!(refused.to_string().contains("alias"), "{refused}");
    assert!(load_bytes("t.yaml", shared.as_bytes(), &Limits { max_aliases: 2, ..one }).is_ok());
}

#[test]
fn problems_found_on_the_fast_path_are_reported_completely() {
    let text = many_events(3000).replacen("actors: [peskov]", "actors: [nobody]", 1).replacen(
        "date: 2018-02-01T00:00+03:00",
        "date: 2018-02-30",
        1,
    );
    let p = problems(&text);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(p[0].starts_with("t.yaml:8:11: event `e0`: `date`"), "{}", p[0]);
}

#[test]
fn progress_reports_bytes_and_can_stop_the_load() {
    // About ten chunks: chunks finished out of order are reported together,
    // so four (6,000 events) could give fewer than three reports on a busy machine.
    let big = many_events(16_000);
    let mut seen = Vec::new();
    let t = load_bytes_with("p.yaml", big.as_bytes(), &Limits::default(), &mut |reached| {
        let Reached::Bytes { done, total } = reached else { panic!("a valid file is not checked whole") };
        seen.push((done, total));
        true
    });
    assert!(t.is_ok());
    assert!(seen.len() >= 3 && seen.windows(2).all(|w| w[0].0 < w[1].0) && seen.iter().all(|&(d, t)| d <= t));
    let stopped = load_bytes_with("p.yaml", big.as_bytes(), &Limits::default(), &mut |_| false);
    assert!(matches!(stopped, Err(LoadError::Interrupted)));
    // A problem in the first chunk: the whole file is checked again, which
    // says so every so often (and can be stopped at each), then the problem.
    let bad = big.replacen("date: 2018-02-01T00:00+03:00", "date: 2018-02-30", 1);
    let mut whole = 0;
    let failed = load_bytes_with("p.yaml", bad.as_bytes(), &Limits::default(), &mut |reached| {
        match reached {
            Reached::Bytes { done, total } => assert!(done <= total),
            Reached::WholeFile { total } => {
                assert_eq!(total, bad.len());
                whole += 1;
            }
        }
        true
    });
    assert!(matches!(failed, Err(LoadError::Invalid { .. })));
    assert!(whole >= 5, "{whole} calls while the whole file was checked");
    for stop_at in [1, 3, whole] {
        let mut calls = 0;
        let stopped = load_bytes_with("p.yaml", bad.as_bytes(), &Limits::default(), &mut |reached| {
            calls += usize::from(matches!(reached, Reached::WholeFile { .. }));
            calls < stop_at
        });
        assert!(matches!(stopped, Err(LoadError::Interrupted)), "stopped at call {stop_at}");
        // Stopped there: the guard read no further, and nothing asked again.
        assert_eq!(calls, stop_at);
    }
}

#[test]
fn validation_itself_names_a_repeated_key() {
    use serde::Deserialize;
    // Straight to validation, without the guard (which reports it first in a real load).
    let text = with_events("  - id: a\n    date: 2018\n    title: A\n    date: 2019\n");
    let raw = raw::Field::<raw::RawTimeline>::deserialize(serde_yaml::Deserializer::from_str(&text)).expect("parses");
    let problems = validate::check(raw).expect_err("a repeated key is a problem").list;
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].message, "duplicate key `date`: this mapping already has it");
}
