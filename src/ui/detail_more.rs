//! The detail pane's lines for what a journalist says beyond the facts:
//! status, editorial notes (set apart so they are never read as the
//! summary), media, related events, and the extra facts about sources and
//! actors.

use super::detail::labeled;
use super::wrap::wrap;
use super::{Theme, clean};
use crate::timeline::{ActorKind, Event, Source, Status, Timeline};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// What each status means, as docs/format.md says.
#[must_use]
pub fn status_meaning(status: Status) -> &'static str {
    match status {
        Status::Confirmed => "established by the sources cited",
        Status::Unconfirmed => "reported, not yet established",
        Status::Disputed => "sources contradict each other, or a party denies it",
        Status::False => "shown to be untrue; kept because it was reported",
    }
}

/// The list's one-character marker for an event: its status, else `?` for
/// an event with no source, else a space.
#[must_use]
pub fn marker(e: &Event) -> &'static str {
    match (e.status, e.sources.is_empty()) {
        (Some(Status::Confirmed), _) => "✓",
        (Some(Status::Unconfirmed), _) => "?",
        (Some(Status::Disputed), _) => "±",
        (Some(Status::False), _) => "✗",
        (None, true) => "∅",
        (None, false) => " ",
    }
}

/// An actor's kind as shown: a glyph for the common families, then the words as written.
#[must_use]
pub fn kind_label(kind: &str) -> String {
    let glyph = match ActorKind::classify(kind) {
        Some(ActorKind::Person) => "• ",
        Some(ActorKind::Institution) => "▪ ",
        Some(ActorKind::Force) => "✦ ",
        Some(ActorKind::Media) => "▤ ",
        Some(ActorKind::Group) => "⁘ ",
        Some(ActorKind::Vehicle) => "▸ ",
        None => "",
    };
    format!("{glyph}{}", clean(kind))
}

/// The status line (and a warning line for an event with no source).
pub fn status_lines(e: &Event, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(s) = e.status {
        let text = format!("{} {} — {}", marker(e), s.word(), status_meaning(s));
        out.extend(labeled("Status", &text, width, theme.accent(), theme));
    }
    if e.sources.is_empty() {
        out.extend(labeled("Sources", "∅ none cited", width, theme.accent(), theme));
    }
    out
}

/// The editorial notes, in a marked, italic block apart from the summary,
/// matches of the search `q` marked (search reads notes).
pub fn notes_lines(e: &Event, q: &str, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let Some(notes) = &e.notes else { return Vec::new() };
    let style = theme.muted().add_modifier(Modifier::ITALIC);
    let mut out = vec![Line::default(), Line::styled("✎ Editor's notes (not part of the account)", theme.muted())];
    for l in wrap(&crate::text::sanitize_block(notes), width.saturating_sub(2).max(1)) {
        let mut spans = vec![Span::styled("│ ", theme.muted())];
        spans.extend(super::highlight::spans(&l, q, style, theme.matched()));
        out.push(Line::from(spans));
    }
    out
}

/// A source's author, type, access date, language and archive, as shown after its title.
#[must_use]
pub fn source_parts(src: &Source) -> Vec<String> {
    let mut parts = Vec::new();
    parts.extend(src.author.as_ref().map(|a| format!("by {}", clean(a))));
    parts.extend(src.kind.as_ref().map(|k| clean(k)));
    parts.extend(src.language.as_ref().map(|l| format!("in {}", clean(l))));
    parts.extend(src.accessed.map(|d| format!("accessed {}", d.long())));
    parts.extend(src.archive.as_ref().map(|a| format!("archived {}", clean(a))));
    parts
}

/// The media list and the related events (followed with `r`).
pub fn media_and_related(t: &Timeline, e: &Event, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (n, m) in e.media.iter().enumerate() {
        let mut parts: Vec<String> = m.caption.iter().map(|c| clean(c)).collect();
        parts.extend(m.credit.as_ref().map(|c| format!("credit {}", clean(c))));
        parts.push(clean(&m.url));
        out.extend(labeled(if n == 0 { "Media" } else { "" }, &parts.join(" · "), width, Style::new(), theme));
    }
    for (n, id) in e.related.iter().enumerate() {
        let title = t.events.iter().find(|r| r.id == *id).map(|r| clean(&r.title)).unwrap_or_default();
        let text = format!("{title} ({})", clean(id));
        out.extend(labeled(if n == 0 { "Related" } else { "" }, &text, width, Style::new(), theme));
    }
    if !e.related.is_empty() {
        out.push(Line::styled("  press r to go to a related event", theme.muted()));
    }
    out
}
