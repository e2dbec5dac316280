//! A Markdown chronology for an article, a wiki or a README.
//!
//! Headings by day, month or year as the dates allow; under each, the events
//! with their date as written, summary, quotes as blockquotes attributed to
//! speaker, role and source, and numbered references to a source list at
//! the end. Status, claims, media (as links) and the file's own wording of
//! the time go with each event; editorial notes only when asked. Every
//! string from the file is sanitised and its Markdown punctuation escaped,
//! so a title cannot turn into a link or a heading.

use super::{Options, block, line, span_words, when_words};
use crate::timeline::{Event, Timeline};
use std::fmt::Write as _;

/// The whole timeline as Markdown.
pub(super) fn write(t: &Timeline, options: Options) -> String {
    let mut out = format!("# {}\n\n", esc(&line(&t.title)));
    if let Some(d) = &t.description {
        let _ = write!(out, "{}\n\n", esc_block(d));
    }
    if !t.periods.is_empty() {
        out.push_str("Periods:\n\n");
        for p in &t.periods {
            let span = super::range_words(&p.date, p.end.as_ref(), false);
            let _ = writeln!(out, "- **{}**, {}", esc(&line(&p.title)), esc(&span));
        }
        out.push('\n');
    }
    // Sources are numbered in order of first citation.
    let mut number: Vec<Option<usize>> = vec![None; t.sources.len()];
    let mut order = Vec::new();
    let mut last_heading = String::new();
    for e in &t.events {
        let heading = crate::app::group::heading(e, t.zone);
        if heading != last_heading {
            let _ = write!(out, "## {heading}\n\n");
            last_heading = heading;
        }
        let mut cite = |s: u32| -> usize {
            let slot = &mut number[s as usize];
            *slot.get_or_insert_with(|| {
                order.push(s);
                order.len()
            })
        };
        event(&mut out, t, e, options, &mut cite);
    }
    if !order.is_empty() {
        out.push_str("## Sources\n\n");
        for (n, &s) in order.iter().enumerate() {
            let s = &t.sources[s as usize];
            let mut parts: Vec<String> = s.author.iter().chain(&s.publisher).map(|p| esc(&line(p))).collect();
            parts.push(format!("*{}*", esc(&line(&s.title))));
            parts.extend(s.published.as_ref().map(when_words));
            if let Some(url) = &s.url {
                parts.push(autolink(url));
            }
            if let Some(a) = &s.archive {
                parts.push(format!("archived {}", autolink(a)));
            }
            let _ = writeln!(out, "{}. {}", n + 1, parts.join(", "));
        }
    }
    out
}

fn event(out: &mut String, t: &Timeline, e: &Event, options: Options, cite: &mut dyn FnMut(u32) -> usize) {
    let _ = write!(out, "### {}\n\n*{}*", esc(&line(&e.title)), esc(&span_words(e)));
    if let Some(d) = &e.display_date {
        let _ = write!(out, " ({})", esc(&line(d)));
    }
    if let Some(place) = &e.location {
        let _ = write!(out, " · {}", esc(&line(place)));
    }
    if let Some(status) = e.status {
        let _ = write!(out, " · **{}**", status.word());
    }
    out.push_str("\n\n");
    if let Some(s) = &e.summary {
        let _ = write!(out, "{}\n\n", esc_block(s));
    }
    for q in &e.quotes {
        for l in esc_block(&q.text).lines() {
            let _ = writeln!(out, "> {l}");
        }
        let mut by = t.actors.get(q.by as usize).map(|a| format!("**{}**", esc(&line(&a.name)))).unwrap_or_default();
        if let Some(role) = t.actors.get(q.by as usize).and_then(|a| a.role.as_deref()) {
            let _ = write!(by, ", {}", esc(&line(role)));
        }
        if let Some(c) = &q.context {
            let _ = write!(by, " ({})", esc(&line(c)));
        }
        let _ = write!(out, ">\n> — {by} [{}]\n\n", cite(q.source));
    }
    if !e.claims.is_empty() {
        out.push_str("Claims:\n\n");
        for c in &e.claims {
            let by = t.actors.get(c.by as usize).map(|a| format!(" — **{}**", esc(&line(&a.name)))).unwrap_or_default();
            let context = c.context.as_deref().map(|x| format!(" ({})", esc(&line(x)))).unwrap_or_default();
            let (about, value) = (esc(&line(&c.about)), esc(&line(&c.value)));
            let _ = writeln!(out, "- {about}: “{value}”{by}{context} [{}]", cite(c.source));
        }
        out.push('\n');
    }
    if !e.media.is_empty() {
        out.push_str("Media:\n\n");
        for m in &e.media {
            let label = m.caption.as_deref().map_or_else(|| esc(&line(&m.url)), |c| esc(&line(c)));
            let credit = m.credit.as_deref().map(|c| format!(" — {}", esc(&line(c)))).unwrap_or_default();
            let item = match target(&m.url) {
                Some(url) => format!("[{label}](<{url}>)"),
                None if m.caption.is_none() => label,
                None => format!("{label} ({})", esc(&line(&m.url))),
            };
            let _ = writeln!(out, "- {item}{credit}");
        }
        out.push('\n');
    }
    if options.notes
        && let Some(n) = &e.notes
    {
        for (i, l) in esc_block(n).lines().enumerate() {
            let lead = if i == 0 { "**Editorial note:** " } else { "" };
            let _ = writeln!(out, "> {lead}{l}");
        }
        out.push('\n');
    }
    if !e.sources.is_empty() {
        let refs: Vec<String> = e.sources.iter().map(|&s| format!("[{}]", cite(s))).collect();
        let _ = write!(out, "Sources: {}\n\n", refs.join(", "));
    }
}

/// A web address as a Markdown link target: [`crate::text::link_target`]'s
/// (percent-encoded, so spaces survive), with the angle brackets a `<…>`
/// destination cannot hold encoded too. `None` for any other address.
fn target(url: &str) -> Option<String> {
    crate::text::link_target(url).map(|u| u.replace('<', "%3C").replace('>', "%3E"))
}

/// `<url>` when it is a web address, else the address as escaped text.
fn autolink(url: &str) -> String {
    target(url).map_or_else(|| esc(&line(url)), |u| format!("<{u}>"))
}

/// Multi-line text: paragraphs kept, each line escaped.
fn esc_block(s: &str) -> String {
    let s = block(s);
    s.trim().lines().map(|l| esc(l.trim_end())).collect::<Vec<_>>().join("\n")
}

/// `s` with the characters Markdown would read as markup escaped, including
/// a line start that would make a heading, list or quote.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let trimmed = s.trim_start();
    out.push_str(&s[..s.len() - trimmed.len()]);
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(trimmed.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&trimmed[..digits]);
        out.push('\\');
        return out + &esc_inline(&trimmed[digits..]);
    }
    if trimmed.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    out + &esc_inline(trimmed)
}

fn esc_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
