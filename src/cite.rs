//! Citations of what an event or quote rests on, and the OSC 52 sequence
//! that puts text on the clipboard.
//!
//! OSC 52 asks the terminal itself to set the clipboard, so `y` works over
//! SSH and inside tmux (with `set-clipboard on`), where no clipboard program
//! could. The payload is base64, so nothing in a citation can end the
//! sequence. What is pasted later is another matter: a title holding
//! `ESC [201~` would end a shell's bracketed paste and run what follows, so
//! every field goes through the sanitiser (`text.rs`); a quote's words keep
//! their line breaks, every other field is one line.

use crate::text::{sanitize, sanitize_block};
use crate::timeline::date::{Precision, When};
use crate::timeline::{Event, Quote, Source, Timeline};

/// A date at the precision the file wrote it: `2018`, `2018-02`,
/// `2018-02-07`, `2018-02-07T22:00+03:00` (the offset only when written).
#[must_use]
pub fn written(w: &When) -> String {
    let d = w.local;
    let base = match w.precision {
        Precision::Year => return d.format("%Y").to_string(),
        Precision::Month => return d.format("%Y-%m").to_string(),
        Precision::Day => return d.format("%Y-%m-%d").to_string(),
        Precision::Minute => d.format("%Y-%m-%dT%H:%M").to_string(),
        Precision::Second => d.format("%Y-%m-%dT%H:%M:%S").to_string(),
    };
    if !w.offset_written {
        return base;
    }
    match w.offset.local_minus_utc() {
        0 => format!("{base}Z"),
        s => format!("{base}{}{:02}:{:02}", if s < 0 { '-' } else { '+' }, s.abs() / 3600, s.abs() % 3600 / 60),
    }
}

/// A source as cited: `Publisher, “Title”, date, URL`, leaving out what is unknown.
#[must_use]
pub fn source(s: &Source) -> String {
    let mut parts: Vec<String> = s.publisher.iter().map(|p| sanitize(p).into_owned()).collect();
    parts.push(format!("“{}”", sanitize(&s.title)));
    parts.extend(s.published.as_ref().map(written));
    parts.extend(s.url.iter().map(|u| sanitize(u).into_owned()));
    parts.join(", ")
}

/// A quote as cited: `“words” — Speaker, role; Publisher, “Title”, date, URL`.
#[must_use]
pub fn quote(t: &Timeline, q: &Quote) -> String {
    let mut out = format!("“{}”", sanitize_block(&q.text));
    if let Some(a) = t.actors.get(q.by as usize) {
        out.push_str(" — ");
        out.push_str(&sanitize(&a.name));
        if let Some(role) = &a.role {
            out.push_str(", ");
            out.push_str(&sanitize(role));
        }
    }
    if let Some(s) = t.sources.get(q.source as usize) {
        out.push_str("; ");
        out.push_str(&source(s));
    }
    out
}

/// An event as cited: its date as written (a range with `–`, `c.` when
/// approximate), its title, then one line per source.
#[must_use]
pub fn event(t: &Timeline, e: &Event) -> String {
    let mut date = written(&e.date);
    if let Some(end) = &e.end {
        date = format!("{date} – {}", written(end));
    }
    if e.approximate {
        date = format!("c. {date}");
    }
    let mut out = format!("{date} — {}", sanitize(&e.title));
    for s in e.sources.iter().filter_map(|&s| t.sources.get(s as usize)) {
        out.push_str("\nSource: ");
        out.push_str(&source(s));
    }
    out
}

/// Standard base64 with padding.
#[must_use]
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that sets the clipboard to `text`.
#[must_use]
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x1b\\", base64(text.as_bytes()))
}

#[cfg(test)]
#[path = "cite_tests.rs"]
mod tests;
