//! The problems pane: every problem of a save that could not be loaded,
//! `LINE:COLUMN: message`, one highlighted (Enter or `e` opens the editor
//! there), over the bottom of the screen while the last good version stays
//! visible above it; and the `o` chooser, when an event has several sources.

use super::popup::centered;
use super::wrap::wrap;
use super::{Theme, as_selected, clean, pane};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Draws the problems pane over the lower part of `area` (above the status bar).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let w = &app.writing;
    let n = w.problems.len();
    let height =
        u16::try_from(n + 3).unwrap_or(u16::MAX).clamp(4, (area.height / 2).max(4)).min(area.height.saturating_sub(1));
    let rect = Rect { x: area.x, y: area.bottom().saturating_sub(height + 1), width: area.width, height };
    frame.render_widget(Clear, rect);
    let title = format!(" Problems ({n}) · showing the last good version · e edit there · Esc hide ");
    let block = pane(title, w.problems_focused, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = usize::from(inner.height);
    let first = w.problem_cursor.saturating_sub(room.saturating_sub(1));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = w
        .problems
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(i, p)| {
            let at = format!("{}:{}: ", p.line, p.column);
            let text =
                wrap(&clean(&p.message), width.saturating_sub(at.len()).max(1)).into_iter().next().unwrap_or_default();
            let line = Line::from(vec![Span::styled(at, theme.key()), Span::raw(text)]);
            if i == w.problem_cursor && w.problems_focused { as_selected(line, theme) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws the `o` chooser centred over `area`.
pub fn draw_chooser(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(c) = &app.writing.chooser else { return };
    let rect = centered(area, 72, u16::try_from(c.entries.len() * 2 + 2).unwrap_or(u16::MAX));
    frame.render_widget(Clear, rect);
    let block = pane(" Open which source? Enter open · Esc cancel ", true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = Vec::new();
    for (i, (label, url)) in c.entries.iter().enumerate() {
        let pair = [Line::raw(clean(label)), Line::styled(format!("  {}", clean(url)), theme.muted())];
        lines.extend(pair.into_iter().map(|l| if i == c.cursor { as_selected(l, theme) } else { l }));
    }
    let top = (c.cursor * 2 + 2).saturating_sub(usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()), inner);
}
