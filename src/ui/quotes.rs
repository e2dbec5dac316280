//! The quotes pane: the selected event's quoted statements, each with its
//! speaker and role, the words as a quotation, its source (publisher,
//! title, date and URL, as the detail pane shows sources) and context.

use super::wrap::wrap;
use super::{Theme, clean, highlight, pane};
use crate::app::index::FIELD_CAP;
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
    for (n, q) in e.quotes.iter().filter(|q| !super::facts::quote_hidden(app, e, q)).enumerate() {
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
        // Shown (and searched) up to FIELD_CAP, so one huge quote cannot make every frame slow.
        let head = crate::text::head(&q.text, FIELD_CAP);
        let more = if head.len() < q.text.len() { "…" } else { "" };
        let words = format!("“{}{more}”", crate::text::sanitize_block(head));
        out.extend(indented(&words, Style::new().italic()));
        if !more.is_empty() {
            let kib = (q.text.len() - head.len()).div_ceil(1024);
            out.push(Line::styled(format!("  {kib} KiB more of this quote not shown"), theme.muted()));
        }
        let mut meta = Vec::new();
        if let Some(src) = t.sources.get(q.source as usize) {
            meta.push(format!("source: {}", super::detail::source_text(src)));
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
            out.extend(indented(&m, theme.muted()));
        }
    }
    if out.is_empty() {
        out.push(Line::styled("No quoted statement was public yet at the as-of cursor.", theme.muted()));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::app::{App, Msg, update};
    use crate::timeline::limits::Limits;
    use crate::timeline::{BUNDLED, load_bytes};
    use crate::ui::{Theme, draw};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_huge_quote_is_shown_up_to_what_search_reads() {
        let mut t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
        let i = t.events.iter().position(|e| !e.quotes.is_empty()).expect("a quoted event");
        t.events[i].quotes[0].text = "word ".repeat(2 * 1024 * 1024);
        let mut app = App::new(t, (120, 40));
        app.selected = u32::try_from(i).ok();
        update(&mut app, Msg::OpenQuotes);
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        let mut limit = None;
        term.draw(|f| limit = draw(f, &app, Theme { color: false }).quotes).expect("draw");
        // 64 KiB over a pane about 50 columns wide, not 10 MB (u16::MAX lines).
        let limit = limit.expect("the quotes pane is drawn");
        assert!(limit < 3000, "{limit} lines to scroll");
        app.quotes_scroll = limit;
        term.draw(|f| {
            draw(f, &app, Theme { color: false });
        })
        .expect("draw");
        assert!(term.backend().to_string().contains("KiB more of this quote not shown"));
    }
}
