//! Tests of export and import: the JSON's structure, round trips through
//! TimelineJS JSON and CSV, hand-written TimelineJS samples, and sanitising.

use super::import::{self, Kind, html::plain};
use super::*;
use crate::timeline::date::Precision;
use crate::timeline::limits::Limits;
use crate::timeline::{BUNDLED, load_bytes};

fn load(yaml: &str) -> Timeline {
    match load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()) {
        Ok(t) => t,
        Err(e) => panic!("{e}\n{yaml}"),
    }
}

fn bundled() -> Timeline {
    load(BUNDLED)
}

fn import(kind: Kind, text: &str) -> Timeline {
    let yaml = import::to_yaml(kind, "in", text.as_bytes()).expect("converts").yaml;
    load(&yaml)
}

const MIXED: &str = r#"
title: Mixed precision
timezone: "+02:00"
actors:
  - {id: ana, name: Ana Novak, role: "Chief engineer"}
sources:
  - {id: gz, title: "Bridge to reopen", publisher: Gazette, url: "https://example.org/a?b=1&c=2"}
  - {id: memo, title: Internal memo}
events:
  - {id: y, date: 1990, title: A year, sources: [gz]}
  - {id: m, date: 1991-03, end: 1991-05, approximate: true, title: "A month <b>bold</b> & more", tags: [works]}
  - {id: d, date: 1992-04-05, title: A day, summary: "Line one\nline two\n\nSecond paragraph", location: Harbour}
  - {id: t, date: "1993-06-07T08:09", title: A minute, actors: [ana], sources: [memo],
     quotes: [{by: ana, text: "It is ready.", source: gz, context: At the opening}]}
  - {id: s, date: "1994-06-07T08:09:10+03:00", title: A second}
"#;

/// Checks `b` read back holds `a`'s events. With `instants`, times are
/// compared as instants (the JSON carries the timeline's zone, and writes
/// an event with its own offset in that zone); else as wall-clock times.
fn same_events(a: &Timeline, b: &Timeline, instants: bool) {
    use crate::timeline::date::When;
    let when = |w: &When| {
        let time = instants && w.precision >= Precision::Minute;
        (w.precision, if time { None } else { Some(w.local) }, time.then(|| w.instant()))
    };
    assert_eq!(a.events.len(), b.events.len());
    for (x, y) in a.events.iter().zip(&b.events) {
        assert_eq!(x.title, y.title);
        assert_eq!(when(&x.date), when(&y.date), "{}", x.title);
        assert_eq!(x.end.as_ref().map(when), y.end.as_ref().map(when), "{}", x.title);
        assert_eq!(x.approximate, y.approximate, "{}", x.title);
        assert_eq!(x.quotes.len(), y.quotes.len(), "{}", x.title);
        let urls = |t: &Timeline, e: &crate::timeline::Event| -> Vec<Option<String>> {
            let cited = e.sources.iter().copied().chain(e.quotes.iter().map(|q| q.source));
            let mut urls: Vec<_> = cited.filter_map(|s| t.sources[s as usize].url.clone()).map(Some).collect();
            urls.sort();
            urls.dedup();
            urls
        };
        assert_eq!(urls(a, x), urls(b, y), "{}", x.title);
    }
}

#[test]
fn timelinejs_dates_hold_only_the_parts_written() {
    let t = load(MIXED);
    let json = export(&t, Format::TimelineJs, Options::default()).expect("exports");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let events = v["events"].as_array().expect("events");
    assert_eq!(events[0]["start_date"], serde_json::json!({ "year": 1990 }));
    assert_eq!(events[1]["start_date"], serde_json::json!({ "year": 1991, "month": 3 }));
    assert_eq!(events[1]["display_date"], "c. March–May 1991");
    assert_eq!(
        events[3]["start_date"],
        serde_json::json!({ "year": 1993, "month": 6, "day": 7, "hour": 8, "minute": 9 })
    );
    assert_eq!(events[1]["text"]["headline"], "A month &lt;b&gt;bold&lt;/b&gt; &amp; more");
    assert_eq!(v["title"]["text"]["headline"], "Mixed precision");
    let text = events[3]["text"]["text"].as_str().expect("text");
    assert!(text.contains("<blockquote><p>It is ready.</p><cite><span class=\"tlv-by\">Ana Novak</span>"), "{text}");
    assert!(text.contains("href=\"https://example.org/a?b=1&amp;c=2\""), "{text}");
}

#[test]
fn group_by_tag_or_actor_fills_the_group() {
    let t = load(MIXED);
    let json = export(&t, Format::TimelineJs, Options { group_by: GroupBy::Tag, notes: false }).expect("exports");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["events"][1]["group"], "works");
    assert!(v["events"][0].get("group").is_none());
    let json = export(&t, Format::TimelineJs, Options { group_by: GroupBy::Actor, notes: false }).expect("exports");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["events"][3]["group"], "Ana Novak");
}

#[test]
fn yaml_to_timelinejs_to_yaml_keeps_events_precision_titles_and_links() {
    for t in [load(MIXED), bundled()] {
        let json = export(&t, Format::TimelineJs, Options::default()).expect("exports");
        let back = import(Kind::Json, &json);
        assert_eq!(back.title, t.title);
        assert_eq!(back.zone, t.zone);
        same_events(&t, &back, true);
    }
}

#[test]
fn csv_export_reads_back_as_the_same_events() {
    for t in [load(MIXED), bundled()] {
        let csv = export(&t, Format::Csv, Options::default()).expect("exports");
        assert!(csv.starts_with("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"));
        let back = import(Kind::Csv, &csv);
        assert_eq!(back.title, t.title);
        same_events(&t, &back, false);
    }
}

const SAMPLE_JSON: &str = r##"{
  "title": {"text": {"headline": "Sample &amp; co", "text": "<p>About <i>this</i>.</p>"}},
  "eras": [{"start_date": {"year": 1900}, "end_date": {"year": 1950}, "text": {"headline": "Early"}}],
  "events": [
    {"start_date": {"year": "1901", "month": "", "day": ""}, "text": {"headline": "Year only"}, "group": "Politics"},
    {"start_date": {"year": 1902, "month": 7}, "text": {"headline": "Month only"}, "unique_id": "m-1"},
    {"start_date": {"year": 1903, "month": 1, "day": 2, "hour": 13, "minute": 5}, "display_date": "c. 1903",
     "text": {"headline": "Timed", "text": "<p>One<br>two &eacute;</p><ul><li>a</li><li>b</li></ul><script>x()</script><p>See <a href=\"https://ex.org/r\">the report</a> and <a href=\"javascript:alert(1)\">this</a>.</p><blockquote>“We won.” <cite>Jo Bloggs, mayor, <a href=\"https://ex.org/q\">Daily</a></cite></blockquote>"},
     "media": {"url": "https://ex.org/p.jpg", "caption": "A photo", "credit": "AP"}},
    {"start_date": {"year": 1904, "month": 2, "day": 3, "hour": 4, "minute": 5, "second": 6}, "end_date": {"year": 1903}, "text": {"headline": "Timed"}},
    {"text": {"headline": "No date"}},
    {"start_date": {"year": -50000}, "text": {"headline": "Too old"}}
  ]
}"##;

#[test]
fn timelinejs_samples_import_with_precision_kept() {
    let yaml = import::to_yaml(Kind::Json, "sample.json", SAMPLE_JSON.as_bytes()).expect("converts").yaml;
    let t = load(&yaml);
    assert_eq!(t.title, "Sample & co");
    assert_eq!(t.description.as_deref(), Some("About this."));
    let p: Vec<Precision> = t.events.iter().map(|e| e.date.precision).collect();
    assert_eq!(p, [Precision::Year, Precision::Month, Precision::Minute, Precision::Second]);
    assert_eq!(t.events[1].id.as_ref(), "m-1");
    assert_eq!((t.events[2].id.as_ref(), t.events[3].id.as_ref()), ("timed", "timed-2"));
    assert_eq!(t.tags, ["Politics"]);
    let e = &t.events[2];
    assert!(e.approximate);
    assert_eq!(e.summary.as_deref(), Some("One\ntwo é\n\n- a\n- b\n\nSee the report and this."));
    let urls: Vec<_> = e.sources.iter().filter_map(|&s| t.sources[s as usize].url.as_deref()).collect();
    assert_eq!(urls, ["https://ex.org/r", "https://ex.org/q"]);
    assert_eq!(e.quotes.len(), 1);
    assert_eq!(e.quotes[0].text, "We won.");
    assert_eq!(t.actors[e.quotes[0].by as usize].name, "Jo Bloggs");
    assert_eq!(t.actors[e.quotes[0].by as usize].role.as_deref(), Some("mayor"));
    for kept in [
        "# not carried: the end date 1903, which is before the start",
        "\"No date\"",
        "the year -50000 cannot be written",
    ] {
        assert!(yaml.contains(kept), "{kept} missing:\n{yaml}");
    }
    // Display dates, media and eras are carried, not commented out.
    assert_eq!(e.display_date.as_deref(), Some("c. 1903"));
    let m = &e.media[0];
    assert_eq!(
        (m.url.as_str(), m.caption.as_deref(), m.credit.as_deref()),
        ("https://ex.org/p.jpg", Some("A photo"), Some("AP"))
    );
    assert_eq!(t.periods.len(), 1);
    let era = &t.periods[0];
    assert_eq!((era.id.as_str(), era.title.as_str()), ("early", "Early"));
    assert_eq!((era.date.local.format("%Y").to_string(), era.date.precision), ("1900".into(), Precision::Year));
    assert_eq!(era.end.as_ref().map(|w| w.local.format("%Y").to_string()).as_deref(), Some("1950"));
}

#[test]
fn sheet_samples_import_with_title_eras_times_and_quoted_newlines() {
    let csv = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n\
               ,,,,,,,,,My sheet,\"<p>Intro, with comma</p>\",,,,,title,,\n\
               1960,,,,1970,,,,,The sixties,,,,,,era,,\n\
               1961,4,,,,,,,,\"Month, quoted\",\"<p>a</p>\n<p>b</p>\",,,,,,Space,#ccc\n\
               1962,5,6,14:30,,,,,,Timed,,,,,,,,\n";
    let t = import(Kind::Csv, csv);
    assert_eq!(t.title, "My sheet");
    assert_eq!(t.description.as_deref(), Some("Intro, with comma"));
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[0].date.precision, Precision::Month);
    assert_eq!(&*t.events[0].title, "Month, quoted");
    assert_eq!(t.events[0].summary.as_deref(), Some("a\n\nb"));
    assert_eq!(t.events[1].date.precision, Precision::Minute);
    assert_eq!(t.events[1].date.local.format("%H:%M").to_string(), "14:30");
}

#[test]
fn html_becomes_plain_text_without_markup_or_controls() {
    let p = plain("<div>a&nbsp;&lt;b&gt;<!-- c --><style>x{}</style>\u{1b}[2J</div><ol><li>one<li>two</ol>");
    assert_eq!(p.text, "a\u{a0}<b>␛[2J\n\n1. one\n2. two");
    let unattributed = plain("<blockquote>Words <cite>someone</cite></blockquote>");
    assert!(unattributed.quotes.is_empty());
    assert_eq!(unattributed.text, "“Words” — someone");
}

#[test]
fn no_export_carries_a_control_character_from_the_file() {
    let yaml = "title: \"T\\e]0;x\\a\"\ndescription: \"d\\u202Ee\"\nactors: [{id: a, name: \"A\\x1b\", role: \"r\\x07\"}]\n\
                sources: [{id: s, title: \"S\\x9b\", url: \"https://x\\x1b\"}]\n\
                events: [{id: e, date: 2020, title: \"E\\x1b[2J\", summary: \"s\\x00\\tq\\r\\nz\", location: \"L\\x1b\", tags: [\"g\\x1b\"], \
                sources: [s], quotes: [{by: a, text: \"q\\x1b\", source: s, context: \"c\\x1b\"}], \
                status: disputed, notes: \"n\\x1b\", display_date: \"dd\\x1b\", \
                media: [{url: \"https://m\\x1b\", caption: \"c\\x1b\", credit: \"k\\x1b\"}, {url: \"https://m2\\x1b\"}], \
                claims: [{about: \"ab\\x1b\", value: \"v\\x1b\", by: a, source: s, context: \"x\\x1b\"}]}]\n\
                periods: [{id: p, title: \"P\\x1b\", date: 2020}]\n";
    let yaml = yaml.replace(
        "url: \"https://x\\x1b\"}]",
        "url: \"https://x\\x1b\", author: \"au\\x1b\", archive: \"https://ar\\x1b\"}]",
    );
    let t = load(&yaml);
    for (format, _) in Format::ALL {
        for (group_by, _) in GroupBy::ALL {
            let out = export(&t, format, Options { group_by, notes: true }).expect("exports");
            let bad: Vec<char> =
                out.chars().filter(|&c| c != '\n' && (c.is_control() || crate::text::is_unsafe(c))).collect();
            assert!(bad.is_empty(), "{format:?}: {bad:?}\n{out}");
        }
    }
}

#[test]
fn markdown_groups_by_day_and_numbers_sources() {
    let md = export(&load(MIXED), Format::Markdown, Options::default()).expect("exports");
    for part in [
        "# Mixed precision\n",
        // Headings state the real extent, as the viewer's list does.
        "## 1990 · month unknown\n",
        "## March–May 1991 · exact month unknown\n",
        "## Sunday 5 April 1992\n",
        "### A month <b>bold</b> & more".replace('<', "\\<").replace('>', "\\>").replace('&', "\\&").as_str(),
        "*c. March–May 1991*",
        "Line one\nline two\n\nSecond paragraph",
        "> It is ready.\n>\n> — **Ana Novak**, Chief engineer (At the opening) [1]",
        "## Sources\n\n1. Gazette, *Bridge to reopen*, <https://example.org/a?b=1&c=2>\n2. *Internal memo*\n",
    ] {
        assert!(md.contains(part), "{part:?} missing:\n{md}");
    }
}

#[test]
fn dates_in_words_join_ranges_as_an_article_would() {
    let t = load(
        "title: W\nevents:\n  - {id: a, date: 2018-02-07, end: 2018-02-14, approximate: true, title: A}\n  \
         - {id: b, date: 2018-02-27, end: 2018-03-02, title: B}\n  - {id: c, date: 2017, end: 2019, title: C}\n  \
         - {id: d, date: 2018-02-07T22:00Z, end: 2018-02-08, title: D}\n",
    );
    let words: Vec<String> = t.events.iter().map(span_words).collect();
    assert_eq!(
        words,
        [
            "2017–2019",
            "c. 7–14 February 2018",
            "7 February 2018, 22:00 UTC – 8 February 2018",
            "27 February – 2 March 2018"
        ]
    );
}

#[test]
fn files_are_recognised_by_extension_then_content() {
    use std::path::Path;
    assert_eq!(import::detect(Path::new("a.JSON"), b""), Some(Kind::Json));
    assert_eq!(import::detect(Path::new("a.csv"), b""), Some(Kind::Csv));
    assert_eq!(import::detect(Path::new("a.yaml"), b"{}"), None);
    assert_eq!(import::detect(Path::new("a"), b"  {\"events\": []}"), Some(Kind::Json));
    assert_eq!(import::detect(Path::new("a"), b"Year,Month,Headline\n"), Some(Kind::Csv));
    assert_eq!(import::detect(Path::new("a"), b"title: x\n"), None);
    assert!(import::to_yaml(Kind::Json, "x", b"[1]").is_err());
    assert!(import::to_yaml(Kind::Csv, "x", b"a,b\n1,2\n").is_err());
}

#[test]
fn hostile_timelinejs_converts_to_yaml_without_controls() {
    let json = r#"{"title": {"text": {"headline": "T\u001b]0;x\u0007"}},
      "events": [
        {"start_date": {"year": "2020\r\nevents: []"}, "text": {"headline": "bad year\r# x"}},
        {"start_date": {"year": 2021, "month": 13}, "text": {"headline": "bad month"}},
        {"start_date": {"year": 2022}, "unique_id": "a\nb c\u202e", "background": {"color": "\r\nx: 1"},
         "media": {"url": "https://x\r\ny: 2"},
         "text": {"headline": "<b>E\u001b[2J</b>", "text": "<a href=\"https://e.org/\u001b\r\nz\">l\u009b</a> \u202e"}}]}"#;
    let yaml = import::to_yaml(Kind::Json, "h\u{1b}.json", json.as_bytes()).expect("converts").yaml;
    assert!(!yaml.chars().any(|c| c != '\n' && (c.is_control() || crate::text::is_unsafe(c))), "{yaml}");
    let t = load(&yaml);
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].id.as_ref(), "a-b-c");
    assert_eq!(&*t.events[0].title, "E␛[2J");
    let url = t.sources[0].url.as_deref().expect("url");
    assert!(!url.chars().any(|c| c.is_control()), "{url:?}");
    assert!(yaml.contains("month 13"), "{yaml}");
}

#[test]
fn html_media_is_read_as_text_and_a_cite_without_a_link_is_not_a_quote() {
    let json = r#"{"events": [{"start_date": {"year": 1948}, "text": {"headline": "H", "text": "<p>Body</p>"},
        "media": {"url": "<blockquote>Words. <cite>Edith Clarke, professor</cite></blockquote>"}}]}"#;
    let yaml = import::to_yaml(Kind::Json, "m.json", json.as_bytes()).expect("converts").yaml;
    let t = load(&yaml);
    assert_eq!(t.events[0].summary.as_deref(), Some("Body\n\n“Words.” — Edith Clarke, professor"));
    assert!(t.events[0].quotes.is_empty() && t.sources.is_empty() && t.actors.is_empty());
    assert!(!yaml.contains("media"), "{yaml}");
}

#[test]
fn unicode_line_separators_become_line_breaks() {
    let json = "{\"events\": [{\"start_date\": {\"year\": 2000}, \"text\": {\"headline\": \"a\\u2028b\\ufeffc\",
        \"text\": \"<p>x\\u2028  y</p><p>z\\u2029w</p>\"}}]}";
    let t = import(Kind::Json, json);
    assert_eq!(&*t.events[0].title, "a b\u{feff}c");
    assert_eq!(t.events[0].summary.as_deref(), Some("x\ny\n\nz\n\nw"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever text and markup a slide holds, the conversion loads and carries no control character.
    #[test]
    fn any_slide_converts_to_yaml_that_loads(
        headline in "(<[a-z]{1,3}( [a-z]+=\"[^\"]*\")?>|[^<]{0,8}|</[a-z]{1,3}>|&[a-z#0-9]{0,6};?|\\PC|\\p{Cc}|[\u{2028}\u{2029}\u{85}\u{feff}#:'\"\\-]){0,12}",
        text in "(<(p|br|a href=\"x\"|blockquote|cite|li|ol|ul|b)>|</(p|a|blockquote|cite|li|ol|ul|b)>|[^<]{0,10}|\\p{Cc}|[\u{2028}\u{2029}\u{85}#:'\"\\-|>]){0,16}",
        id in "\\PC{0,6}",
    ) {
        let slide = serde_json::json!({"start_date": {"year": 2001}, "unique_id": id, "text": {"headline": headline, "text": text}});
        let json = serde_json::json!({"title": {"text": {"headline": headline}}, "events": [slide]}).to_string();
        let yaml = import::to_yaml(Kind::Json, "p.json", json.as_bytes()).expect("converts").yaml;
        proptest::prop_assert!(!yaml.chars().any(|c| c != '\n' && (c.is_control() || crate::text::is_unsafe(c))), "{}", yaml);
        let loaded = load_bytes("p.yaml", yaml.as_bytes(), &Limits::default());
        proptest::prop_assert!(loaded.is_ok(), "{}\n{}", loaded.err().map(|e| e.to_string()).unwrap_or_default(), yaml);
    }

    /// Whatever a sheet's cells hold, the conversion loads and carries no control character.
    #[test]
    fn any_sheet_row_converts_to_yaml_that_loads(
        cells in proptest::collection::vec("([0-9]{1,5}|-?[0-9]{1,3}|[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?|\\PC{0,6}|\\p{Cc}|[,\"\n\r<>&#:])*", 18),
    ) {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(sheet::COLUMNS).expect("header");
        w.write_record(&cells).expect("row");
        let bytes = w.into_inner().expect("csv");
        let yaml = import::to_yaml(Kind::Csv, "p.csv", &bytes).expect("converts").yaml;
        proptest::prop_assert!(!yaml.chars().any(|c| c != '\n' && (c.is_control() || crate::text::is_unsafe(c))), "{}", yaml);
        // A row without a datable start is a comment, which leaves no events: the loader's business.
        if yaml.contains("\n  - id: ") {
            let loaded = load_bytes("p.yaml", yaml.as_bytes(), &Limits::default());
            proptest::prop_assert!(loaded.is_ok(), "{}\n{}", loaded.err().map(|e| e.to_string()).unwrap_or_default(), yaml);
        }
    }
}
