//! Tests of the format's reach: text kept as written, free-text kinds,
//! empty timelines, the optional keys, warnings.

use super::limits::Limits;
use super::*;

fn load(text: &str) -> Result<Timeline, LoadError> {
    load_bytes("t.yaml", text.as_bytes(), &Limits::default())
}

fn ok(text: &str) -> Timeline {
    match load(text) {
        Ok(t) => t,
        Err(e) => panic!("expected a valid file, got:\n{e}\n{text}"),
    }
}

fn problems(text: &str) -> Vec<String> {
    match load(text) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(e) => e.to_string().lines().map(str::to_owned).collect(),
    }
}

/// The `LINE:COLUMN: message` of each warning.
fn warnings(t: &Timeline) -> Vec<String> {
    t.warnings
        .iter()
        .map(|w| {
            let at = w.position.expect("positioned");
            format!("{}:{}: {}", at.line, at.column, w.describe())
        })
        .collect()
}

const HEAD: &str = "title: T\nactors:\n  - {id: a, name: A}\nsources:\n  - {id: s, title: S}\nevents:\n";

/// Every plain scalar YAML would resolve to a number, boolean or special
/// float, as the text it is.
const FORMS: &[&str] = &[
    "3.14", "0x1F", "010", "1e3", "+5", "true", "yes", ".inf", "-.inf", ".nan", "0o17", "-0", "False", "1_000", "12:30",
];

#[test]
fn every_scalar_form_is_kept_as_written_on_both_paths() {
    for form in FORMS {
        let block = format!(
            "title: {form}\nactors:\n  - {{id: a, name: {form}, kind: {form}, role: {form}}}\nsources:\n  - {{id: s, title: {form}, publisher: {form}}}\nevents:\n  - id: e\n    date: 2021\n    title: {form}\n    summary: {form}\n    location: {form}\n    notes: {form}\n    actors: [a]\n    tags: [{form}, x]\n    sources: [s]\n    quotes:\n      - {{by: a, text: {form}, source: s, context: {form}}}\n"
        );
        // Flow-style events take the whole-document path, block style the fast path.
        let flow = block.replace("events:\n  - id: e\n", "events: [{id: e}]\nx:\n  - id: e\n");
        let flow = flow.split("x:\n").next().unwrap_or_default().replace("[{id: e}]", &format!("[{{id: e, date: 2021, title: {form}, summary: {form}, location: {form}, notes: {form}, actors: [a], tags: [{form}, x], sources: [s], quotes: [{{by: a, text: {form}, source: s, context: {form}}}]}}]"));
        for text in [&block, &flow] {
            let t = ok(text);
            let e = &t.events[0];
            assert_eq!(t.title, *form);
            assert_eq!((t.actors[0].name.as_str(), t.actors[0].kind.as_deref()), (*form, Some(*form)));
            assert_eq!(t.actors[0].role.as_deref(), Some(*form));
            assert_eq!((t.sources[0].title.as_str(), t.sources[0].publisher.as_deref()), (*form, Some(*form)));
            assert_eq!((&*e.title, e.summary.as_deref(), e.location.as_deref()), (*form, Some(*form), Some(*form)));
            assert_eq!(e.notes.as_deref(), Some(*form));
            assert_eq!(t.tags, [form.to_string(), "x".to_string()]);
            assert_eq!((e.quotes[0].text.as_str(), e.quotes[0].context.as_deref()), (*form, Some(*form)));
        }
    }
}

#[test]
fn only_empty_tilde_and_null_are_absent() {
    for absent in ["", "~", "null", "Null", "NULL"] {
        let t =
            ok(&format!("{HEAD}  - {{id: e, date: 2021, title: T, summary: {absent}, actors: [a], sources: [s]}}\n"));
        assert_eq!(t.events[0].summary, None, "{absent:?}");
    }
    for quoted in ["\"~\"", "'null'", "\"\"x"] {
        let text = format!("{HEAD}  - id: e\n    date: 2021\n    title: {quoted}\n    actors: [a]\n    sources: [s]\n");
        if quoted == "\"\"x" {
            continue;
        }
        assert_eq!(&*ok(&text).events[0].title, quoted.trim_matches(['"', '\'']));
    }
}

#[test]
fn a_number_where_a_boolean_belongs_is_still_refused() {
    let p =
        problems(&format!("{HEAD}  - {{id: e, date: 2021, title: T, approximate: 0x1, sources: [s], actors: [a]}}\n"));
    assert_eq!(p, ["t.yaml:7:48: event `e`: `approximate` must be true or false, not a number"]);
}

#[test]
fn actor_kinds_are_free_text() {
    let mut text = String::from("title: T\nactors:\n");
    for kind in ["company", "ship", "court", "organisation", "organization", "government", "state", "news agency"] {
        text.push_str(&format!("  - {{id: {}, name: N, kind: {kind}}}\n", kind.replace(' ', "-")));
    }
    text.push_str("events: []\n");
    let t = ok(&text);
    assert_eq!(t.actors[1].kind.as_deref(), Some("ship"));
    assert_eq!(ActorKind::classify("Ship"), Some(ActorKind::Vehicle));
    assert_eq!(ActorKind::classify(" Company "), Some(ActorKind::Institution));
    assert_eq!(ActorKind::classify("government agency"), Some(ActorKind::Institution));
    assert_eq!(ActorKind::classify("poet"), None);
    let long = format!("title: T\nactors:\n  - {{id: x, name: N, kind: {}}}\n", "word ".repeat(20));
    assert_eq!(
        problems(&long),
        ["t.yaml:3:28: actor `x`: `kind` should be a word or short phrase on one line (at most 60 characters)"]
    );
}

#[test]
fn an_empty_timeline_loads() {
    for text in ["title: T\nevents: []\n", "title: T\n", "title: T\nevents:\n"] {
        let t = ok(text);
        assert!(t.events.is_empty() && t.warnings.is_empty(), "{text}");
    }
}

#[test]
fn sources_say_author_type_accessed_archive_language() {
    let t = ok(
        "title: T\nsources:\n  - {id: s, title: S, author: Jane Roe, type: press release, accessed: 2021-03-27, archive: https://web.archive.org/x, language: ar}\nevents:\n  - {id: e, date: 2021, title: E, sources: [s]}\n",
    );
    let s = &t.sources[0];
    assert_eq!((s.author.as_deref(), s.kind.as_deref()), (Some("Jane Roe"), Some("press release")));
    assert_eq!(s.accessed.map(|w| w.long()), Some("Saturday 27 March 2021".into()));
    assert_eq!((s.archive.as_deref(), s.language.as_deref()), (Some("https://web.archive.org/x"), Some("ar")));
    let p = problems("title: T\nsources:\n  - {id: s, title: S, accessed: yesterday}\n");
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("t.yaml:3:33: source `s`: `accessed`: `yesterday` is not a date"), "{p:?}");
}

#[test]
fn events_say_notes_status_reported_display_date_media_related() {
    let t = ok(&format!(
        "{HEAD}  - id: e\n    date: 2021-03-23\n    title: E\n    sources: [s]\n    actors: [a]\n    notes: Check with the canal authority.\n    status: disputed\n    reported: 2021-03-24T10:00Z\n    display_date: early hours of 23 March\n    media:\n      - {{url: https://x/p.jpg, caption: The ship, credit: Maxar}}\n      - url: https://x/v.mp4\n    related: [f]\n  - {{id: f, date: 2021-03-29, title: F, sources: [s], status: confirmed}}\n"
    ));
    let e = &t.events[0];
    assert_eq!(e.notes.as_deref(), Some("Check with the canal authority."));
    assert_eq!((e.status, t.events[1].status), (Some(Status::Disputed), Some(Status::Confirmed)));
    assert_eq!(e.reported.map(|w| w.long()).as_deref(), Some("Wednesday 24 March 2021, 10:00 UTC"));
    assert_eq!(e.display_date.as_deref(), Some("early hours of 23 March"));
    assert_eq!(e.media.len(), 2);
    assert_eq!((e.media[0].caption.as_deref(), e.media[0].credit.as_deref()), (Some("The ship"), Some("Maxar")));
    assert_eq!(&*e.related, [Box::<str>::from("f")]);
    for status in ["confirmed", "unconfirmed", "disputed", "false"] {
        ok(&format!("{HEAD}  - {{id: e, date: 2021, title: E, status: {status}, sources: [s], actors: [a]}}\n"));
    }
}

#[test]
fn bad_optional_event_keys_are_named() {
    let p = problems(&format!(
        "{HEAD}  - {{id: e, date: 2021, title: E, status: rumour, reported: soon, media: [{{caption: c}}], related: [g, e], sources: [s], actors: [a]}}\n"
    ));
    assert_eq!(p.len(), 4, "{p:?}");
    assert!(p[0].contains("unknown status `rumour`; write one of confirmed, unconfirmed, disputed, false"), "{p:?}");
    assert!(p[1].contains("`reported`: `soon` is not a date"), "{p:?}");
    assert!(p[2].contains("missing the required key `url`"), "{p:?}");
    assert!(p[3].contains("event `e`: `related` names `g`, which is not the id of any event"), "{p:?}");
}

#[test]
fn quotes_say_date_language_original() {
    let t = ok(&format!(
        "{HEAD}  - id: e\n    date: 2021\n    title: E\n    sources: [s]\n    actors: [a]\n    quotes:\n      - {{by: a, text: We apologise, source: s, date: 2021-03-24, language: ja, original: 申し訳ありません}}\n"
    ));
    let q = &t.events[0].quotes[0];
    assert_eq!(q.date.map(|w| w.long()).as_deref(), Some("Wednesday 24 March 2021"));
    assert_eq!((q.language.as_deref(), q.original.as_deref()), (Some("ja"), Some("申し訳ありません")));
}

#[test]
fn warnings_name_what_a_fact_checker_must_know() {
    let t = ok(
        "title: T\nactors:\n  - {id: a, name: A}\n  - {id: idle, name: I}\nsources:\n  - {id: s, title: S}\n  - {id: t, title: T}\n  - {id: unused, title: U}\nevents:\n  - id: e\n    date: 2021\n    title: Ship #1 in convoy\n    actors: [a]\n    sources: [s]\n    quotes:\n      - {by: a, text: x, source: t}\n  - {id: f, date: 2021, title: F}\n",
    );
    assert_eq!(
        warnings(&t),
        [
            "4:5: warning: actor `idle`: declared but no event or quote refers to it",
            "8:5: warning: source `unused`: declared but no event or quote cites it",
            "12:12: warning: the value is cut short by a comment: YAML reads `Ship` and drops `#1 in convoy`; to keep it, quote the whole value: \"Ship #1 in convoy\"",
            "16:34: warning: event `e`: the quote's source is not among the event's `sources`: add it there, or correct the quote's `source`",
            "17:5: warning: event `f`: no source: add `sources: [id]` naming what the event rests on",
        ]
    );
}

#[test]
fn a_comment_after_a_space_or_in_quotes_is_not_a_cut() {
    let t = ok(&format!(
        "{HEAD}  - id: e # the first\n    date: 2021\n    title: \"Ship #1\"\n    summary: |\n      Ship #2 in the block\n    location: Port #\n    actors: [a] #a\n    sources: [s]\n"
    ));
    assert_eq!(warnings(&t), Vec::<String>::new());
}

#[test]
fn the_documented_example_loads_without_warnings() {
    let doc = include_str!("../../docs/format.md");
    let example = doc.split("```yaml\n").nth(1).and_then(|r| r.split("```").next()).expect("example");
    let t = ok(example);
    assert_eq!((t.events.len(), t.warnings.len()), (2, 0), "{:?}", t.warnings);
    assert_eq!(t.periods.len(), 1);
}

#[test]
fn the_bundled_timeline_passes_strict() {
    let t = ok(BUNDLED);
    assert_eq!(t.warnings, []);
    assert!(t.events.iter().any(|e| e.status == Some(Status::Unconfirmed)));
    assert!(t.actors.iter().all(|a| a.kind.is_some()));
}

#[test]
fn common_mistakes_get_specific_hints_in_place() {
    let p = problems(
        "title: T\nactors:\n  - {id: rabie, name: Osama Rabie, aliases: [Rabie]}\nsources:\n  - {id: s1, title: S}\nevents:\n  - id: e\n    date: 2021-3-23\n    title: E\n    tags: a, b\n    sources: s1\n    actors: [Rabie, Osama Rabie]\n  - id: f\n    date: 2021-03-27 07:40\n    end: ~2021-03-28\n    title: F\n    quotes:\n      - {by: Rabie, text: x, source: s1}\n",
    );
    let expect = [
        "t.yaml:8:11: event `e`: `date`: `2021-3-23` is not a date",
        "write months and days with two digits: `2021-03-23`",
        "t.yaml:10:11: event `e`: `tags` should be a list, not `a, b`; write a list: `[a, b]`",
        "t.yaml:11:14: event `e`: `sources` should be a list, not `s1`; write a list: `[s1]`",
        "t.yaml:12:14: event `e`: unknown actor `Rabie`: it is not declared under `actors`; `Rabie` is an alias of actor `rabie`: refer to actors by id, e.g. `rabie`",
        "t.yaml:12:21: event `e`: unknown actor `Osama Rabie`: it is not declared under `actors`; `Osama Rabie` is the name of actor `rabie`",
        "put a `T` between the date and the time: `2021-03-27T07:40`",
        "for an uncertain date write `2021-03-28` and add `approximate: true`",
        "t.yaml:18:14: event `f`: unknown actor `Rabie`: it is not declared under `actors`; `Rabie` is an alias",
    ];
    let all = p.join("\n");
    for e in expect {
        assert!(all.contains(e), "missing {e:?} in:\n{all}");
    }
    let quoted = problems("title: \"He said \"no\" today\"\n");
    assert!(quoted[0].contains("put it in single quotes ('He said \"no\" today')"), "{quoted:?}");
}

#[test]
fn text_through_an_alias_is_kept_as_written() {
    let t = ok(&format!(
        "{HEAD}  - id: e\n    date: 2021\n    title: &t 0x1F\n    location: *t\n    actors: [a]\n    sources: [s]\n"
    ));
    assert_eq!((&*t.events[0].title, t.events[0].location.as_deref()), ("0x1F", Some("0x1F")));
}
