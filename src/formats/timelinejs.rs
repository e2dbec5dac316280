//! TimelineJS 3 JSON: what the TimelineJS embed reads.
//!
//! One slide per event with the date at the precision written (TimelineJS
//! shows a year-only date as a year), the date in words as `display_date`
//! (so "c." and ranges read as written), and the text as HTML: summary,
//! quotes as `<blockquote>` with a `<cite>` naming speaker and source, and
//! the sources as links. Classes marked `tlv-` let the importer read these
//! parts back exactly; other TimelineJS files are read by structure.

use super::{GroupBy, Options, block, html_escape, line, span_words};
use crate::timeline::date::{Precision, When};
use crate::timeline::{Event, Timeline};
use chrono::{Datelike, Timelike};
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

/// The whole timeline as TimelineJS JSON.
pub(super) fn write(t: &Timeline, options: Options) -> Result<String, String> {
    let events: Vec<Value> = (0..t.events.len()).map(|i| slide(t, i, options.group_by)).collect();
    let mut title = Map::new();
    let mut text = Map::new();
    text.insert("headline".into(), html_escape(&line(&t.title)).into());
    if let Some(d) = &t.description {
        text.insert("text".into(), paragraphs(d).into());
    }
    title.insert("text".into(), Value::Object(text));
    let doc = json!({ "title": title, "events": events });
    serde_json::to_string_pretty(&doc)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| e.to_string())
}

/// One event's slide.
fn slide(t: &Timeline, i: usize, group_by: GroupBy) -> Value {
    let e = &t.events[i];
    let mut s = Map::new();
    s.insert("unique_id".into(), line(&e.id).into_owned().into());
    s.insert("start_date".into(), date(&e.date));
    if let Some(end) = &e.end {
        s.insert("end_date".into(), date(end));
    }
    s.insert("display_date".into(), html_escape(&line(&span_words(e))).into());
    s.insert("text".into(), json!({ "headline": html_escape(&line(&e.title)), "text": body(t, e) }));
    let group = group_by.of(t, i);
    if !group.is_empty() {
        s.insert("group".into(), html_escape(&group).into());
    }
    Value::Object(s)
}

/// A TimelineJS date object holding only the parts the file wrote.
fn date(w: &When) -> Value {
    let d = w.local;
    let mut m = Map::new();
    m.insert("year".into(), d.year().into());
    let parts: [(&str, u32, Precision); 5] = [
        ("month", d.month(), Precision::Month),
        ("day", d.day(), Precision::Day),
        ("hour", d.hour(), Precision::Minute),
        ("minute", d.minute(), Precision::Minute),
        ("second", d.second(), Precision::Second),
    ];
    for (name, value, needs) in parts {
        if w.precision >= needs {
            m.insert(name.into(), value.into());
        }
    }
    Value::Object(m)
}

/// Multi-line text as HTML paragraphs: blank lines part paragraphs, single
/// line breaks become `<br>`.
pub(super) fn paragraphs(text: &str) -> String {
    let text = block(text);
    let mut out = String::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<String> = para.lines().map(html_escape).collect();
        let _ = write!(out, "<p>{}</p>", lines.join("<br>"));
    }
    out
}

/// The slide's text: summary, location, quotes, sources.
pub(super) fn body(t: &Timeline, e: &Event) -> String {
    let mut out = e.summary.as_deref().map(paragraphs).unwrap_or_default();
    if let Some(place) = &e.location {
        let _ = write!(out, "<p class=\"tlv-location\">{}</p>", html_escape(&line(place)));
    }
    for q in &e.quotes {
        let _ = write!(out, "<blockquote><p>{}</p><cite>", html_escape(&block(&q.text)).replace('\n', "<br>"));
        if let Some(a) = t.actors.get(q.by as usize) {
            let _ = write!(out, "<span class=\"tlv-by\">{}</span>", html_escape(&line(&a.name)));
            if let Some(role) = &a.role {
                let _ = write!(out, ", <span class=\"tlv-role\">{}</span>", html_escape(&line(role)));
            }
        }
        if let Some(s) = t.sources.get(q.source as usize) {
            let _ = write!(out, ", {}", source_ref(s));
        }
        if let Some(c) = &q.context {
            let _ = write!(out, " ({})", html_escape(&line(c)));
        }
        out.push_str("</cite></blockquote>");
    }
    let cited: Vec<String> = e.sources.iter().filter_map(|&s| t.sources.get(s as usize)).map(source_line).collect();
    if !cited.is_empty() {
        let _ = write!(out, "<p class=\"tlv-sources\">Sources: {}</p>", cited.join("; "));
    }
    out
}

/// A source's title, as a link when it has a URL.
fn source_ref(s: &crate::timeline::Source) -> String {
    let title = html_escape(&line(&s.title));
    match &s.url {
        Some(url) => format!("<a class=\"tlv-source\" href=\"{}\">{title}</a>", html_escape(&line(url))),
        None => format!("<span class=\"tlv-source\">{title}</span>"),
    }
}

/// A source in the list: the title (linked), then publisher and date.
fn source_line(s: &crate::timeline::Source) -> String {
    let mut out = source_ref(s);
    let about: Vec<String> = s
        .publisher
        .iter()
        .map(|p| html_escape(&line(p)))
        .chain(s.published.as_ref().map(|w| html_escape(&super::when_words(w))))
        .collect();
    if !about.is_empty() {
        let _ = write!(out, " ({})", about.join(", "));
    }
    out
}
