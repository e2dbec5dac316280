//! The help overlay: every binding of the key table, grouped, so the help
//! always says what the keys do; then the mouse and the axis's glyphs.

use super::popup::centered;
use super::{Theme, pane};
use crate::keys::{self, BINDINGS};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Draws the help overlay over `area`; returns the largest scroll offset its content allows.
pub fn draw(frame: &mut Frame, area: Rect, app: &crate::app::App, theme: Theme) -> u16 {
    let lines = lines(theme);
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 76, h);
    frame.render_widget(Clear, rect);
    let block = pane(" Keys · ? or Esc closes ", true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let limit = lines.len().saturating_sub(usize::from(inner.height));
    let top = usize::from(app.help_scroll).min(limit);
    frame.render_widget(Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()), inner);
    u16::try_from(limit).unwrap_or(u16::MAX)
}

/// The help text: a heading per group, then `keys  what they do`.
fn lines(theme: Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut group = "";
    for b in BINDINGS {
        if b.group != group {
            if !group.is_empty() {
                out.push(Line::default());
            }
            group = b.group;
            out.push(Line::styled(group.to_owned(), theme.heading()));
        }
        out.push(Line::from(vec![
            Span::styled(format!("  {:<22}", keys::keys_label(b)), theme.key()),
            Span::raw(b.help.to_owned()),
        ]));
    }
    out.push(Line::default());
    out.push(Line::styled(
        "Mouse: the wheel scrolls the pane under it; a click selects an event or a tick.",
        theme.muted(),
    ));
    out.push(Line::styled("Axis:", theme.muted()));
    for item in super::axis::LEGEND.split(" · ") {
        out.push(Line::styled(format!("  {item}"), theme.muted()));
    }
    out
}
