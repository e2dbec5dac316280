//! Other formats in and out: TimelineJS JSON and sheets, Markdown.
//!
//! Newsrooms publish timelines with TimelineJS and keep them in spreadsheets;
//! tlview must meet them there. Everything here is a pure function over the
//! checked [`Timeline`] (export) or over bytes (import): no terminal, no
//! files. Every string taken from a timeline goes through [`crate::text`]'s
//! sanitiser before it reaches an output, so an export never carries a
//! control character from the file. Import does not build a timeline
//! itself: it writes tlview YAML, which the one loader then checks.

pub mod import;
mod markdown;
pub(crate) mod sheet;
mod timelinejs;
mod words;

use crate::text::{sanitize, sanitize_block};
use crate::timeline::Timeline;
use std::borrow::Cow;

pub use words::{range_words, span_words, when_words};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TimelineJS 3 JSON.
    TimelineJs,
    /// A Markdown chronology.
    Markdown,
    /// TimelineJS's spreadsheet columns, as CSV.
    Csv,
}

impl Format {
    /// Every format with the name `--to` takes.
    pub const ALL: [(Format, &'static str); 3] =
        [(Format::TimelineJs, "timelinejs"), (Format::Markdown, "markdown"), (Format::Csv, "csv")];

    /// The format called `name` (as `--to` takes it), if any.
    #[must_use]
    pub fn named(name: &str) -> Option<Format> {
        Format::ALL.iter().find(|(_, n)| n.eq_ignore_ascii_case(name)).map(|(f, _)| *f)
    }
}

/// Which field becomes TimelineJS's `group` (the row an event sits on).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// No groups.
    #[default]
    None,
    /// The event's first tag.
    Tag,
    /// The event's first actor.
    Actor,
    /// The event's status (`confirmed`, `disputed`…), empty when not assessed.
    Status,
}

impl GroupBy {
    /// Every grouping with the name `--group-by` takes.
    pub const ALL: [(GroupBy, &'static str); 3] =
        [(GroupBy::Tag, "tag"), (GroupBy::Actor, "actor"), (GroupBy::Status, "status")];

    /// The grouping called `name`, if any.
    #[must_use]
    pub fn named(name: &str) -> Option<GroupBy> {
        GroupBy::ALL.iter().find(|(_, n)| n.eq_ignore_ascii_case(name)).map(|(g, _)| *g)
    }

    /// The group of event `i` of `t`, sanitised; empty when it has none.
    fn of(self, t: &Timeline, i: usize) -> String {
        let e = &t.events[i];
        let name = match self {
            GroupBy::None => None,
            GroupBy::Tag => e.tags.first().and_then(|&g| t.tags.get(g as usize)).map(String::as_str),
            GroupBy::Actor => e.actors.first().and_then(|&a| t.actors.get(a as usize)).map(|a| a.name.as_str()),
            GroupBy::Status => e.status.map(crate::timeline::Status::word),
        };
        name.map(|n| line(n).into_owned()).unwrap_or_default()
    }
}

/// How to export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The field that becomes TimelineJS's group.
    pub group_by: GroupBy,
    /// Whether events' editorial `notes` are written. They are internal
    /// (to check, to ask), so published formats leave them out by default.
    pub notes: bool,
}

/// Writes `t` in `format`.
///
/// # Errors
/// Only if the JSON or CSV writer fails, which writing to memory does not.
pub fn export(t: &Timeline, format: Format, options: Options) -> Result<String, String> {
    match format {
        Format::TimelineJs => timelinejs::write(t, options),
        Format::Markdown => Ok(markdown::write(t, options)),
        Format::Csv => sheet::write(t, options),
    }
}

/// A single-line string from the file, made safe.
fn line(s: &str) -> Cow<'_, str> {
    sanitize(s)
}

/// A multi-line string from the file, made safe.
fn block(s: &str) -> Cow<'_, str> {
    sanitize_block(s)
}

/// `s` with HTML's special characters escaped, for text and attribute values.
fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fields;
#[cfg(test)]
mod tests_import;
