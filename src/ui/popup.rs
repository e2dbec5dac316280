//! The filter popups (actors, tags, sources): the typed filter, the entries
//! with their event counts and ticks (ticked first), and the popup's keys
//! from the key table.

use super::wrap::{ellipsize, str_width};
use super::{Theme, as_selected, clean, pane};
use crate::app::{App, Mode, PickerKind, picker};
use crate::keys;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// A rectangle of at most `w`×`h` centred in `area`.
#[must_use]
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(h.min(area.height))]).flex(Flex::Center).areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w.min(area.width))]).flex(Flex::Center).areas(v);
    r
}

/// Draws the open picker over `area`: as wide as the screen allows (up to
/// 88 columns, 100 for sources), entries cut with an ellipsis, a scrollbar
/// and a `↓ more` count when they overflow.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(p) = &app.picker else { return };
    let what = match p.kind {
        PickerKind::Actors => "actor",
        PickerKind::Tags => "tag",
        PickerKind::Sources => "source",
    };
    let wide = if p.kind == PickerKind::Sources { 100 } else { 88 };
    let height = u16::try_from(p.entries.len() + 5).unwrap_or(u16::MAX).max(8);
    let rect = centered(area, area.width.saturating_sub(4).clamp(40, wide), height);
    frame.render_widget(Clear, rect);
    let block = pane(format!(" Filter by {what} "), true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let typing = app.mode == Mode::PickerFilter;
    let mut prompt = vec![Span::styled(if typing { "/ " } else { "› " }, theme.key()), Span::raw(clean(&p.query))];
    if typing {
        prompt.push(Span::styled("▏", theme.key()));
    } else if p.query.is_empty() {
        prompt.push(Span::styled("press / to type a filter", theme.muted()));
    }
    let ticked = match p.chosen.len() {
        0 => String::new(),
        n => format!("  {n} ticked, listed first"),
    };
    prompt.push(Span::styled(ticked, theme.muted()));
    if p.kind == PickerKind::Sources {
        prompt.push(Span::styled("  ·  E events, Q quotes, C claims citing each source", theme.muted()));
    }
    let mut lines = vec![cut(Line::from(prompt), width)];
    let room = usize::from(inner.height.saturating_sub(2));
    let first = p.cursor.saturating_sub(room.saturating_sub(1));
    if p.entries.is_empty() {
        lines.push(Line::styled(format!("No {what} matches."), theme.muted()));
    }
    for (k, &i) in p.entries.iter().enumerate().skip(first).take(room) {
        let tick = if p.chosen.contains(&i) { "[x] " } else { "[ ] " };
        let spans = if p.kind == PickerKind::Sources {
            super::sources::row(app, i, tick, theme)
        } else {
            let n = picker::count(app, p.kind, i);
            let mut spans = vec![Span::raw(tick), Span::raw(clean(picker::name(app, p.kind, i)))];
            spans.push(Span::styled(format!("  {n} event{}", if n == 1 { "" } else { "s" }), theme.muted()));
            if let Some(aside) = picker::aside(app, p.kind, i) {
                spans.push(Span::styled(format!(" · {}", clean(aside)), theme.muted()));
            }
            if let (PickerKind::Actors, Some(kind)) =
                (p.kind, app.timeline.actors.get(i as usize).and_then(|a| a.kind.as_ref()))
            {
                spans.push(Span::styled(format!(" · {}", super::detail_more::kind_label(kind)), theme.muted()));
            }
            spans
        };
        let line = cut(Line::from(spans), width);
        lines.push(if k == p.cursor { as_selected(line, theme) } else { line });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let rows = Rect::new(inner.x, inner.y + 1, inner.width, u16::try_from(room).unwrap_or(0));
    super::scroll_marks(frame, rect, rows, p.entries.len(), first, room, theme);
    let hints: Vec<Span> = keys::hints(app.mode)
        .into_iter()
        .flat_map(|h| {
            [Span::styled(format!(" {}", h.key), theme.key()), Span::styled(format!(" {} ", h.word), theme.muted())]
        })
        .collect();
    let bottom = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    if inner.height >= 3 {
        frame.render_widget(Line::from(hints), bottom);
    }
}

/// `line` cut to `width` columns, ending in `…` when anything was cut.
fn cut(line: Line<'static>, width: usize) -> Line<'static> {
    if line.spans.iter().map(|s| str_width(&s.content)).sum::<usize>() <= width {
        return line;
    }
    let mut room = width;
    let mut out = Vec::new();
    for span in line.spans {
        let w = str_width(&span.content);
        // Keep a span whole only while a column is left for the `…` that must follow.
        if w < room {
            room -= w;
            out.push(span);
            continue;
        }
        // `ellipsize` cuts only text wider than its room: one column more forces the mark.
        let text = ellipsize(&format!("{} ", span.content), room);
        out.push(Span::styled(text, span.style));
        break;
    }
    Line::from(out).style(line.style)
}
