//! Slides into tlview YAML. Every value is written quoted (JSON string
//! syntax, which YAML reads as is) or as a `|-` block of trimmed lines, so
//! no text can change meaning; what the format cannot hold is written as a
//! `# not carried:` comment where it belongs.

use super::html::{Plain, SourceRef, plain};
use super::{Doc, Kind, Parts, Slide};
use crate::timeline::date::When;
use crate::timeline::visible::visible;
use chrono::{Offset, Utc};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Ids handed out so far in one namespace.
#[derive(Default)]
struct Ids(HashMap<String, usize>);

impl Ids {
    /// A unique id from `text`: letters and digits kept, everything else a
    /// dash, numbered `-2`, `-3`… when taken.
    fn make(&mut self, text: &str, fallback: &str) -> String {
        let mut slug = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() || c == '_' {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
            if slug.chars().count() >= 48 {
                break;
            }
        }
        let slug = slug.trim_matches('-').to_owned();
        let base = if visible(&slug) { slug } else { fallback.to_owned() };
        // The numbered forms are taken too (a `-2` id may come from text),
        // so count on from the base's own number until one is free.
        let mut n = *self.0.entry(base.clone()).and_modify(|n| *n += 1).or_insert(1);
        if n == 1 {
            return base;
        }
        loop {
            let id = format!("{base}-{n}");
            if !self.0.contains_key(&id) {
                self.0.insert(id.clone(), 1);
                self.0.insert(base, n);
                return id;
            }
            n += 1;
        }
    }
}

/// A YAML double-quoted scalar. A byte-order mark is escaped: YAML readers
/// refuse one inside a document.
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()).replace('\u{feff}', "\\ufeff")
}

/// `key: value` at `indent`, as a `|-` block when the text has several lines.
fn text_field(out: &mut String, indent: &str, key: &str, value: &str) {
    if value.contains('\n') && !value.contains('\u{feff}') {
        let _ = writeln!(out, "{indent}{key}: |-");
        for l in value.lines() {
            if l.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{indent}  {l}");
            }
        }
    } else {
        let _ = writeln!(out, "{indent}{key}: {}", q(value));
    }
}

/// The tlview form of a TimelineJS date, at its written precision.
fn date(p: &Parts, notes: &mut Vec<String>) -> Result<String, String> {
    const NAMES: [&str; 7] = ["year", "month", "day", "hour", "minute", "second", "millisecond"];
    let num = |i: usize| -> Result<Option<u32>, String> {
        let f = p.fields[i].trim();
        if f.is_empty() {
            return Ok(None);
        }
        let n = f.parse::<f64>().ok().filter(|n| n.fract() == 0.0);
        match n {
            None => Err(format!("the {} `{f}` is not a whole number", NAMES[i])),
            Some(n) if i == 0 && !(0.0..=9999.0).contains(&n) => {
                Err(format!("the year {f} cannot be written: tlview dates run from year 0000 to 9999"))
            }
            Some(n) if i > 0 && !(0.0..=999.0).contains(&n) => Err(format!("the {} `{f}` is out of range", NAMES[i])),
            Some(n) => Ok(Some(n as u32)),
        }
    };
    let year = num(0)?.unwrap_or(0);
    let mut text = format!("{year:04}");
    if let Some(m) = num(1)? {
        let _ = write!(text, "-{m:02}");
        if let Some(d) = num(2)? {
            let _ = write!(text, "-{d:02}");
            if let Some(h) = num(3)? {
                let _ = write!(text, "T{h:02}:{:02}", num(4)?.unwrap_or(0));
                if let Some(s) = num(5)? {
                    let _ = write!(text, ":{s:02}");
                }
                if num(6)?.is_some() {
                    notes.push(format!("milliseconds of {text} (tlview dates stop at seconds)"));
                }
            } else if num(4)?.is_some() {
                notes.push(format!("a minute without an hour on {text}"));
            }
        } else if num(3)?.is_some() {
            notes.push(format!("a time without a day on {text}"));
        }
    } else if num(2)?.is_some() {
        notes.push(format!("a day without a month on {text}"));
    }
    When::parse(&text, Utc.fix()).map_err(|e| e.to_string())?;
    Ok(text)
}

/// Whether the period of `end` finishes before `start` begins (the loader refuses that).
fn ends_before(end: &str, start: &str) -> bool {
    match (When::parse(end, Utc.fix()), When::parse(start, Utc.fix())) {
        (Ok(e), Ok(s)) => e.period_end() <= s.instant(),
        _ => false,
    }
}

/// Whether `display` is only the date `start`..`end` in words.
fn repeats_date(display: &str, start: &str, end: Option<&str>, approximate: bool) -> bool {
    let parse = |d: &str| When::parse(d, Utc.fix()).ok();
    let (Some(start), end) = (parse(start), end.map(parse)) else { return false };
    let Some(end) = end.map_or(Some(None), |e| e.map(Some)) else { return false };
    crate::formats::range_words(&start, end.as_ref(), approximate) == display
}

/// Whether a display date says the date is approximate ("c. 1850", "circa", "about").
fn approximate(display: &str) -> bool {
    let d = display.trim_start().to_lowercase();
    ["c.", "c ", "ca.", "circa", "about", "around", "approx", "~"].iter().any(|p| d.starts_with(p))
}

/// The whole document as tlview YAML, and what it could not carry: each
/// note with the byte offset of its `# not carried:` comment in the YAML.
pub(super) fn write(doc: &Doc, name: &str, kind: Kind) -> (String, Vec<(usize, String)>) {
    let kind = match kind {
        Kind::Json => "TimelineJS JSON",
        Kind::Csv => "a TimelineJS sheet (CSV)",
    };
    let mut out = format!(
        "# Converted by tlview from {} ({kind}).\n# Lines starting `# not carried:` hold what the tlview format cannot say yet.\n\n",
        crate::text::sanitize(name).replace('\n', " ")
    );
    let title = doc.title.as_ref().map(|t| (one_line(&plain(&t.headline).text), plain(&t.text).text));
    let (title, description) = title.unwrap_or_default();
    text_field(&mut out, "", "title", if visible(&title) { &title } else { "Untitled timeline" });
    if !description.is_empty() {
        text_field(&mut out, "", "description", &description);
    }
    if let Some(zone) = &doc.zone {
        let _ = writeln!(out, "timezone: {}", q(&comment(zone)));
    }
    let mut w = Writer::default();
    let mut events = String::new();
    for s in &doc.events {
        w.event(&mut events, s);
    }
    let event_notes = std::mem::take(&mut w.notes);
    if !w.actors.is_empty() {
        out.push_str("\nactors:\n");
        for (id, name, role) in &w.actors {
            let _ = writeln!(out, "  - id: {id}\n    name: {}", q(name));
            if let Some(r) = role {
                let _ = writeln!(out, "    role: {}", q(r));
            }
        }
    }
    if !w.sources.is_empty() {
        out.push_str("\nsources:\n");
        for (id, s) in &w.sources {
            let _ = writeln!(out, "  - id: {id}\n    title: {}", q(&s.title));
            if let Some(u) = &s.url {
                let _ = writeln!(out, "    url: {}", q(u));
            }
        }
    }
    if !doc.eras.is_empty() {
        out.push_str("\nperiods:\n");
        let mut ids = Ids::default();
        for era in &doc.eras {
            let mut notes = Vec::new();
            let title = one_line(&plain(&era.headline).text);
            let start = era.start.as_ref().map(|p| date(p, &mut notes));
            let end = era.end.as_ref().map(|p| date(p, &mut notes));
            let (Some(Ok(start)), Some(Ok(end))) = (start, end) else {
                w.notes
                    .push((out.len(), format!("era {} ({}): it needs a valid start and end date", q(&title), era.at)));
                let _ =
                    writeln!(out, "# not carried: era {} ({}): it needs a valid start and end date", q(&title), era.at);
                continue;
            };
            // An era exported from a period without an end ends where it starts.
            let end = if end == start { String::new() } else { format!(", end: {end}") };
            let entry = format!(
                "{{id: {}, title: {}, date: {start}{end}}}",
                ids.make(if era.id.is_empty() { &title } else { &era.id }, "period"),
                q(&title)
            );
            let _ = writeln!(out, "  - {entry}");
        }
    }
    out.push_str("\nevents:\n");
    let base = out.len();
    out.push_str(&events);
    let mut notes = std::mem::take(&mut w.notes);
    notes.extend(event_notes.into_iter().map(|(at, n)| (at + base, n)));
    (out, notes)
}

/// Lines joined with spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Actors and sources found while writing events, and the event ids used.
#[derive(Default)]
struct Writer {
    actors: Vec<(String, String, Option<String>)>,
    /// Each actor's place in `actors`, by name.
    actor_at: HashMap<String, usize>,
    actor_ids: Ids,
    sources: Vec<(String, SourceRef)>,
    /// Each source's place in `sources`, by url, or by title when it has none.
    source_at: HashMap<(bool, String), usize>,
    source_ids: Ids,
    event_ids: Ids,
    /// What was not carried: offset of its comment (in the events' text
    /// while writing events), and the note naming its slide.
    notes: Vec<(usize, String)>,
}

impl Writer {
    fn actor(&mut self, name: &str, role: Option<&String>) -> String {
        if let Some((id, _, r)) = self.actor_at.get(name).and_then(|&i| self.actors.get_mut(i)) {
            if r.is_none() {
                r.clone_from(&role.cloned());
            }
            return id.clone();
        }
        let id = self.actor_ids.make(name, "actor");
        self.actor_at.insert(name.to_owned(), self.actors.len());
        self.actors.push((id.clone(), name.to_owned(), role.cloned()));
        id
    }

    fn source(&mut self, s: &SourceRef) -> String {
        let key = s.url.as_ref().map_or_else(|| (false, s.title.clone()), |u| (true, u.clone()));
        if let Some((id, _)) = self.source_at.get(&key).and_then(|&i| self.sources.get(i)) {
            return id.clone();
        }
        let id = self.source_ids.make(&s.title, "source");
        self.source_at.insert(key, self.sources.len());
        self.sources.push((id.clone(), s.clone()));
        id
    }

    fn event(&mut self, out: &mut String, s: &Slide) {
        let head = plain(&s.headline);
        let mut body = plain(&s.text);
        // TimelineJS's media may be HTML itself (a blockquote as media): read it as text.
        let media_html = s.media.url.trim_start().starts_with('<');
        if media_html {
            let media = plain(&s.media.url);
            body.text = [body.text.as_str(), media.text.as_str()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n\n");
            body.quotes.extend(media.quotes);
            body.sources.extend(media.sources);
        }
        let mut title = one_line(&head.text);
        if !visible(&title) {
            title = body.text.lines().next().map(one_line).unwrap_or_default();
        }
        let mut notes = Vec::new();
        let start = s.start.as_ref().map(|p| date(p, &mut notes));
        let start = match start {
            Some(Ok(d)) => d,
            Some(Err(e)) => return self.skipped(out, s, &title, &e),
            None => return self.skipped(out, s, &title, "it has no start date"),
        };
        let end = match s.end.as_ref().map(|p| date(p, &mut notes)) {
            Some(Ok(d)) if ends_before(&d, &start) => {
                notes.push(format!("the end date {d}, which is before the start"));
                None
            }
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                notes.push(format!("the end date ({e})"));
                None
            }
            _ => None,
        };
        let id = self.event_ids.make(if s.id.is_empty() { &title } else { &s.id }, "event");
        let _ = writeln!(out, "  - id: {id}\n    date: {start}");
        if let Some(end) = &end {
            let _ = writeln!(out, "    end: {end}");
        }
        let display = if s.display_date.is_empty() {
            s.start.as_ref().map_or("", |p| p.display.as_str())
        } else {
            &s.display_date
        };
        let display = one_line(&plain(display).text);
        let approx = approximate(&display);
        if approx {
            out.push_str("    approximate: true\n");
        }
        // A display date that only repeats the date in words (as tlview's
        // own exports write it) says nothing the date does not.
        if !display.is_empty() && !repeats_date(&display, &start, end.as_deref(), approx) {
            let _ = writeln!(out, "    display_date: {}", q(&display));
        }
        text_field(out, "    ", "title", if visible(&title) { &title } else { "Untitled" });
        if !body.text.is_empty() {
            text_field(out, "    ", "summary", &body.text);
        }
        if let Some(place) = &body.location {
            text_field(out, "    ", "location", &one_line(place));
        }
        let label = format!("{} {}", s.at, q(&title));
        if let Some(status) = &body.status {
            if crate::timeline::Status::from_word(status).is_some() {
                let _ = writeln!(out, "    status: {}", q(status));
            } else {
                self.not_carried(out, &label, &format!("status: {}", q(status)));
            }
        }
        if let Some(n) = &body.notes {
            text_field(out, "    ", "notes", n);
        }
        self.references(out, &head, &body, &s.group);
        if !s.media.url.is_empty() && !media_html {
            let m = &s.media;
            let entry = format!(
                "[{{url: {}, caption: {}, credit: {}}}]",
                q(&comment(&m.url)),
                q(&one_line(&plain(&m.caption).text)),
                q(&one_line(&plain(&m.credit).text))
            );
            let _ = writeln!(out, "    media: {entry}");
        }
        if !s.background.is_empty() {
            self.not_carried(out, &label, &format!("background: {}", q(&comment(&s.background))));
        }
        for n in notes {
            self.not_carried(out, &label, &n);
        }
    }

    /// `# not carried: what` in the event being written, noted for the slide `label`.
    fn not_carried(&mut self, out: &mut String, label: &str, what: &str) {
        self.notes.push((out.len(), format!("{label}: not carried: {what}")));
        let _ = writeln!(out, "    # not carried: {}", comment(what));
    }

    /// A slide that could not become an event, kept as a comment.
    fn skipped(&mut self, out: &mut String, s: &Slide, title: &str, why: &str) {
        self.notes.push((out.len(), format!("{} {}: not carried: the whole slide: {why}", s.at, q(title))));
        let _ = writeln!(out, "  # not carried: slide {} ({}): {}", q(title), s.at, comment(why));
    }

    fn references(&mut self, out: &mut String, head: &Plain, body: &Plain, group: &str) {
        let quotes: Vec<(String, String, &str)> = body
            .quotes
            .iter()
            .map(|qt| (self.actor(&qt.by, qt.role.as_ref()), self.source(&qt.source), qt.text.as_str()))
            .collect();
        let mut sources: Vec<String> = Vec::new();
        for s in head.sources.iter().chain(&body.sources) {
            let id = self.source(s);
            if !sources.contains(&id) {
                sources.push(id);
            }
        }
        let mut actors: Vec<&String> = Vec::new();
        for (by, src, _) in &quotes {
            if !actors.contains(&by) {
                actors.push(by);
            }
            if !sources.contains(src) {
                sources.push(src.clone());
            }
        }
        if !actors.is_empty() {
            let list: Vec<&str> = actors.iter().map(|a| a.as_str()).collect();
            let _ = writeln!(out, "    actors: [{}]", list.join(", "));
        }
        let group = one_line(&plain(group).text);
        if !group.is_empty() {
            let _ = writeln!(out, "    tags: [{}]", q(&group));
        }
        if !sources.is_empty() {
            let _ = writeln!(out, "    sources: [{}]", sources.join(", "));
        }
        if !quotes.is_empty() {
            out.push_str("    quotes:\n");
            for (by, src, text) in &quotes {
                let _ = writeln!(out, "      - by: {by}");
                text_field(out, "        ", "text", text);
                let _ = writeln!(out, "        source: {src}");
            }
        }
    }
}

/// Text from the input made safe for a one-line YAML comment: every
/// control (a line break or carriage return included) becomes visible.
fn comment(s: &str) -> String {
    crate::text::sanitize(s).into_owned()
}
