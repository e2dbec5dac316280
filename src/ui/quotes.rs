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
    let (total, height) = (lines.len(), usize::from(inner.height));
    let limit = total.saturating_sub(height);
    let top = usize::from(app.quotes_scroll).min(limit);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    super::scroll_marks(frame, area, inner, total, top, height, theme);
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
    let search = app.filters.query.as_str();
    // Indented lines of `text`, search matches marked.
    let indented = |text: &str, style: Style| -> Vec<Line<'static>> {
        wrap(text, width.saturating_sub(2).max(1))
            .into_iter()
            .map(|l| {
                let mut spans = vec![Span::raw("  ")];
                spans.extend(highlight::spans(&l, search, style, theme.matched()));
                Line::from(spans)
            })
            .collect()
    };
    let mut out = Vec::new();
    for (n, q) in e.quotes.iter().enumerate() {
        if n > 0 {
            out.push(Line::default());
        }
        if let Some(a) = t.actors.get(q.by as usize) {
            let name = wrap(&clean(&a.name), width).into_iter();
            out.extend(name.map(|l| Line::from(highlight::spans(&l, search, theme.name(), theme.matched()))));
            if let Some(role) = &a.role {
                out.extend(indented(&clean(role), theme.muted()));
            }
        }
        let words = format!("“{}”", crate::text::sanitize_block(&q.text));
        out.extend(indented(&words, Style::new().italic()));
        let mut meta = Vec::new();
        if let Some(src) = t.sources.get(q.source as usize) {
            meta.push(format!("source: {}", clean(&src.title)));
        }
        if let Some(ctx) = &q.context {
            meta.push(format!("context: {}", clean(ctx)));
        }
        for m in meta {
            out.extend(indented(&m, theme.muted()));
        }
    }
    out
}
