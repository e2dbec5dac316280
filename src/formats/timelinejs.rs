//! TimelineJS 3 JSON: what the TimelineJS embed reads.
//!
//! One slide per event with the date at the precision written (TimelineJS
//! shows a year-only date as a year), the date in words as `display_date`
//! (so "c." and ranges read as written), and the text as HTML: summary,
//! quotes as `<blockquote>` with a `<cite>` naming speaker and source, and
//! the sources as links. Classes marked `tlv-` let the importer read these
//! parts back exactly; other TimelineJS files are read by structure.
//! Slides are plain structs serialised once (no intermediate JSON tree), so
//! a 100,000-event export costs less than loading the file. Issue 11's
//! `media` and `status`, and periods as `eras`, are one field each here.

use super::{GroupBy, Options, block, html_escape, line, span_words};
use crate::timeline::date::{Precision, When};
use crate::timeline::{Event, Timeline};
use chrono::{Datelike, Timelike};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Serialize)]
struct Doc {
    title: Title,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Title {
    text: Text,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    text: String,
}

#[derive(Serialize)]
struct Slide {
    unique_id: String,
    start_date: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<Date>,
    display_date: String,
    text: Text,
    #[serde(skip_serializing_if = "String::is_empty")]
    group: String,
}

/// A TimelineJS date: only the parts the file wrote.
#[derive(Serialize)]
struct Date {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hour: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    minute: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    second: Option<u32>,
}

/// The whole timeline as TimelineJS JSON.
pub(super) fn write(t: &Timeline, options: Options) -> Result<String, String> {
    let title = Text {
        headline: html_escape(&line(&t.title)),
        text: t.description.as_deref().map(paragraphs).unwrap_or_default(),
    };
    let events = (0..t.events.len()).map(|i| slide(t, i, options.group_by)).collect();
    let doc = Doc { title: Title { text: title }, events };
    serde_json::to_string_pretty(&doc)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| e.to_string())
}

/// One event's slide.
fn slide(t: &Timeline, i: usize, group_by: GroupBy) -> Slide {
    let e = &t.events[i];
    Slide {
        unique_id: line(&e.id).into_owned(),
        start_date: date(&e.date),
        end_date: e.end.as_ref().map(date),
        display_date: html_escape(&line(&span_words(e))),
        text: Text { headline: html_escape(&line(&e.title)), text: body(t, e) },
        group: html_escape(&group_by.of(t, i)),
    }
}

/// A TimelineJS date object holding only the parts the file wrote.
fn date(w: &When) -> Date {
    let d = w.local;
    let at = |needs: Precision, value: u32| (w.precision >= needs).then_some(value);
    Date {
        year: d.year(),
        month: at(Precision::Month, d.month()),
        day: at(Precision::Day, d.day()),
        hour: at(Precision::Minute, d.hour()),
        minute: at(Precision::Minute, d.minute()),
        second: at(Precision::Second, d.second()),
    }
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
