//! TimelineJS 3 JSON: what the TimelineJS embed reads.
//!
//! One slide per event with the date at the precision written (TimelineJS
//! shows a year-only date as a year), the date in words as `display_date`
//! (so "c." and ranges read as written), and the text as HTML: summary,
//! quotes as `<blockquote>` with a `<cite>` naming speaker and source, and
//! the sources as links. Classes marked `tlv-` let the importer read these
//! parts back exactly; other TimelineJS files are read by structure.
//! Slides are plain structs serialised once (no intermediate JSON tree), so
//! a 100,000-event export costs less than loading the file. An event's
//! first media item is the slide's media, its own `display_date` (else the
//! date in words) the slide's, and named periods become `eras`. Status and
//! claims are written in the text; editorial notes only when asked.

use super::{Options, block, html_escape, line, span_words};
use crate::timeline::date::{Precision, When};
use crate::timeline::{Event, Timeline};
use chrono::{Datelike, FixedOffset, Timelike};
use serde::Serialize;
use std::fmt::Write as _;

#[derive(Serialize)]
struct Doc {
    title: Title,
    events: Vec<Slide>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    eras: Vec<Era>,
    /// What TimelineJS cannot say but tlview reads back; TimelineJS reads
    /// only `title`, `events`, `eras` and `scale` and ignores the rest.
    #[serde(skip_serializing_if = "Option::is_none")]
    tlview: Option<Extra>,
}

/// The timeline's own settings, for the import.
#[derive(Serialize)]
struct Extra {
    /// The zone every time is written in (`+01:00`): TimelineJS dates have none.
    timezone: String,
}

/// A named period.
#[derive(Serialize)]
struct Era {
    unique_id: String,
    start_date: Date,
    end_date: Date,
    text: Text,
}

/// A slide's media: what TimelineJS embeds.
#[derive(Serialize)]
struct MediaObject {
    url: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    caption: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    credit: String,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<MediaObject>,
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
    let events = (0..t.events.len()).map(|i| slide(t, i, options)).collect();
    let eras = t
        .periods
        .iter()
        .map(|p| {
            let (end, end_precision) =
                p.end.as_ref().map_or_else(|| last_moment(&p.date, t.zone), |w| (date(w, t.zone), w.precision));
            // TimelineJS compares only the parts the start has and drops an
            // end it finds equal (then refuses the era): the start gets the end's parts.
            (p, parts(wall_clock(&p.date, t.zone), p.date.precision.max(end_precision)), end)
        })
        .map(|(p, start_date, end_date)| Era {
            unique_id: line(&p.id).into_owned(),
            start_date,
            end_date,
            text: Text { headline: html_escape(&line(&p.title)), text: String::new() },
        })
        .collect();
    let zone = (t.zone.local_minus_utc() != 0).then(|| Extra { timezone: t.zone.to_string() });
    let doc = Doc { title: Title { text: title }, events, eras, tlview: zone };
    serde_json::to_string_pretty(&doc)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| e.to_string())
}

/// One event's slide.
fn slide(t: &Timeline, i: usize, options: Options) -> Slide {
    let e = &t.events[i];
    Slide {
        unique_id: line(&e.id).into_owned(),
        start_date: date(&e.date, t.zone),
        end_date: e.end.as_ref().map(|w| date(w, t.zone)),
        display_date: html_escape(&display_date(e)),
        text: Text { headline: html_escape(&line(&e.title)), text: body(t, e, options) },
        // TimelineJS loads its media's URL: only a web address is one.
        media: e.media.first().and_then(|m| Some((m, crate::text::link_target(&m.url)?))).map(|(m, url)| MediaObject {
            url,
            caption: m.caption.as_deref().map(|c| html_escape(&line(c))).unwrap_or_default(),
            credit: m.credit.as_deref().map(|c| html_escape(&line(c))).unwrap_or_default(),
        }),
        group: html_escape(&options.group_by.of(t, i)),
    }
}

/// What a reader sees as the slide's date: the file's own wording of the
/// time when it has one, else the date in words. Sanitised, not escaped.
pub(super) fn display_date(e: &Event) -> String {
    match &e.display_date {
        Some(d) => line(d).into_owned(),
        None => span_words(e),
    }
}

/// A TimelineJS date object holding only the parts the file wrote, a time
/// in the timeline's `zone` (see [`wall_clock`]).
fn date(w: &When, zone: FixedOffset) -> Date {
    parts(wall_clock(w, zone), w.precision)
}

/// The wall-clock time of `w` in the timeline's `zone`, which the export
/// names (TimelineJS dates have no offset), so an event written with its
/// own offset keeps its instant. Dates without a time are calendar dates,
/// kept as written.
pub(super) fn wall_clock(w: &When, zone: FixedOffset) -> chrono::NaiveDateTime {
    if w.precision < Precision::Minute || w.offset == zone {
        return w.local;
    }
    chrono::DateTime::from_timestamp(w.instant(), 0).map_or(w.local, |d| d.with_timezone(&zone).naive_local())
}

/// The last moment of the span `w` names (31 December for a year, 23:59 for
/// a day), one precision finer: TimelineJS drops an era's end equal to its
/// start and then refuses the era, and a period without `end` is its date's span.
fn last_moment(w: &When, zone: FixedOffset) -> (Date, Precision) {
    let last = wall_clock(w, zone) + chrono::TimeDelta::seconds((w.period_end() - w.instant() - 1).max(0));
    let finer = match w.precision {
        Precision::Year | Precision::Month => Precision::Day,
        Precision::Day => Precision::Minute,
        Precision::Minute | Precision::Second => Precision::Second,
    };
    (parts(last, finer), finer)
}

/// The parts of `d` down to `precision`.
fn parts(d: chrono::NaiveDateTime, precision: Precision) -> Date {
    let at = |needs: Precision, value: u32| (precision >= needs).then_some(value);
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

/// The slide's text: status, summary, location, quotes, claims, media
/// beyond the first, notes (when asked), sources.
pub(super) fn body(t: &Timeline, e: &Event, options: Options) -> String {
    let mut out = String::new();
    if let Some(status) = e.status {
        let _ = write!(out, "<p class=\"tlv-status\">Status: {}</p>", status.word());
    }
    out.push_str(&e.summary.as_deref().map(paragraphs).unwrap_or_default());
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
    claims(&mut out, t, e);
    for m in e.media.iter().skip(1) {
        let caption = m.caption.as_deref().map_or_else(|| html_escape(&line(&m.url)), |c| html_escape(&line(c)));
        let credit = m.credit.as_deref().map(|c| format!(" ({})", html_escape(&line(c)))).unwrap_or_default();
        let _ = write!(out, "<p class=\"tlv-media\">{}{credit}</p>", link(&m.url, &caption));
    }
    if options.notes
        && let Some(n) = &e.notes
    {
        let _ = write!(out, "<div class=\"tlv-notes\"><p>Editorial note:</p>{}</div>", paragraphs(n));
    }
    let cited: Vec<String> = e.sources.iter().filter_map(|&s| t.sources.get(s as usize)).map(source_line).collect();
    if !cited.is_empty() {
        let _ = write!(out, "<p class=\"tlv-sources\">Sources: {}</p>", cited.join("; "));
    }
    out
}

/// The event's claims as a list: subject, value, claimant, source.
fn claims(out: &mut String, t: &Timeline, e: &Event) {
    if e.claims.is_empty() {
        return;
    }
    out.push_str("<div class=\"tlv-claims\"><p>Claims:</p><ul>");
    for c in &e.claims {
        let _ = write!(out, "<li>{}: “{}”", html_escape(&line(&c.about)), html_escape(&line(&c.value)));
        if let Some(a) = t.actors.get(c.by as usize) {
            let _ = write!(out, " — {}", html_escape(&line(&a.name)));
        }
        if let Some(s) = t.sources.get(c.source as usize) {
            let _ = write!(out, ", {}", source_ref(s));
        }
        if let Some(x) = &c.context {
            let _ = write!(out, " ({})", html_escape(&line(x)));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
}

/// `text` (HTML already) linked to `url` when it is a web address (see
/// [`crate::text::link_target`]), else followed by the address as text.
fn link(url: &str, text: &str) -> String {
    match crate::text::link_target(url) {
        Some(target) => format!("<a href=\"{}\">{text}</a>", html_escape(&target)),
        None if html_escape(&line(url)) == text => text.to_owned(),
        None => format!("{text} ({})", html_escape(&line(url))),
    }
}

/// A source's title, as a link when it has a web address.
fn source_ref(s: &crate::timeline::Source) -> String {
    let title = html_escape(&line(&s.title));
    match s.url.as_deref().and_then(crate::text::link_target) {
        Some(url) => format!("<a class=\"tlv-source\" href=\"{}\">{title}</a>", html_escape(&url)),
        None => format!("<span class=\"tlv-source\">{title}</span>"),
    }
}

/// A source in the list: the title (linked), then author, publisher and
/// date, and a link to the archived copy.
fn source_line(s: &crate::timeline::Source) -> String {
    let mut out = source_ref(s);
    let about: Vec<String> = s
        .author
        .iter()
        .chain(&s.publisher)
        .map(|p| html_escape(&line(p)))
        .chain(s.published.as_ref().map(|w| html_escape(&super::when_words(w))))
        .collect();
    if !about.is_empty() {
        let _ = write!(out, " ({})", about.join(", "));
    }
    if let Some(a) = &s.archive {
        let _ = write!(out, " <span class=\"tlv-archive\">[{}]</span>", link(a, "archived"));
    }
    out
}
