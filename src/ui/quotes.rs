//! The quotes pane: the selected event's quoted statements, each with its
//! speaker and role, the words as a quotation, its source and context.

use super::wrap::wrap;
use super::{Theme, clean, highlight, pane};
use crate::app::{App, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the quotes pane into `area`; returns the largest scroll offset its content allows.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) -> u16 {
    let n = app.selected_event().map_or(0, |e| e.quotes.len());
    let block = pane(format!(" Quotes ({n}) "), app.focus == Pane::Quotes, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(app, usize::from(inner.width), theme);
    let limit = lines.len().saturating_sub(usize::from(inner.height));
    let top = usize::from(app.quotes_scroll).min(limit);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(usize::from(inner.height)).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    u16::try_from(limit).unwrap_or(u16::MAX)
}

fn lines(app: &App, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let t = &app.timeline;
    let Some(e) = app.selected_event() else {
        return vec![Line::styled("No event selected.", theme.muted())];
    };
    if e.quotes.is_empty() {
        return vec![Line::styled("This event has no quoted statements.", theme.muted())];
    }
    let mut out = Vec::new();
    for (n, q) in e.quotes.iter().enumerate() {
        if n > 0 {
            out.push(Line::default());
        }
        if let Some(a) = t.actors.get(q.by as usize) {
            out.extend(wrap(&clean(&a.name), width).into_iter().map(|l| Line::styled(l, theme.name())));
            if let Some(role) = &a.role {
                for l in wrap(&clean(role), width.saturating_sub(2).max(1)) {
                    out.push(Line::from(vec![Span::raw("  "), Span::styled(l, theme.muted())]));
                }
            }
        }
        let words = format!("“{}”", crate::text::sanitize_block(&q.text));
        for l in wrap(&words, width.saturating_sub(2).max(1)) {
            let mut spans = vec![Span::raw("  ")];
            spans.extend(highlight::spans(&l, &app.filters.query, Style::new().italic(), theme.matched()));
            out.push(Line::from(spans));
        }
        let mut meta = Vec::new();
        if let Some(src) = t.sources.get(q.source as usize) {
            meta.push(format!("source: {}", clean(&src.title)));
        }
        if let Some(ctx) = &q.context {
            meta.push(format!("context: {}", clean(ctx)));
        }
        if let Some(date) = &q.date {
            meta.push(format!("said: {}", date.long()));
        }
        // A quote with its original words is a translation: say so, and give them.
        match (&q.original, &q.language) {
            (Some(original), lang) => {
                let from = lang.as_ref().map(|l| format!(" from {}", clean(l))).unwrap_or_default();
                meta.push(format!("translated{from}; original: “{}”", clean(original)));
            }
            (None, Some(lang)) => meta.push(format!("language: {}", clean(lang))),
            (None, None) => {}
        }
        for m in meta {
            for l in wrap(&m, width.saturating_sub(2).max(1)) {
                out.push(Line::from(vec![Span::raw("  "), Span::styled(l, theme.muted())]));
            }
        }
    }
    out
}
