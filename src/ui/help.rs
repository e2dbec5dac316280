//! The help overlay: every binding of the key table, grouped, so the help
//! always says what the keys do; then the mouse and the axis's glyphs. It
//! takes the room the screen has (up to a comfortable reading width), wraps
//! descriptions under themselves, and scrolls, with a `↓ more` count.

use super::popup::centered;
use super::wrap::{str_width, wrap};
use super::{Theme, pane};
use crate::keys::{self, BINDINGS};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// The widest the overlay grows: wider lines are hard to read.
const MAX_WIDTH: u16 = 110;

/// Draws the help overlay over `area`; returns the largest scroll offset its content allows.
pub fn draw(frame: &mut Frame, area: Rect, app: &crate::app::App, theme: Theme) -> u16 {
    let w = area.width.saturating_sub(4).clamp(1, MAX_WIDTH);
    let lines = lines(usize::from(w.saturating_sub(3)), theme);
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, w, h.min(area.height.saturating_sub(2)).max(3));
    frame.render_widget(Clear, rect);
    let block = pane(" Keys · ? or Esc closes · j/k scroll ", true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let (total, height) = (lines.len(), usize::from(inner.height));
    let limit = total.saturating_sub(height);
    let top = usize::from(app.help_scroll).min(limit);
    frame.render_widget(Paragraph::new(lines.into_iter().skip(top).take(height).collect::<Vec<_>>()), inner);
    super::scroll_marks(frame, rect, inner, total, top, height, theme);
    u16::try_from(limit).unwrap_or(u16::MAX)
}

/// The help text for `width` columns: a heading per group, then the keys and
/// what they do, wrapped under the description's first column.
fn lines(width: usize, theme: Theme) -> Vec<Line<'static>> {
    let widest = BINDINGS.iter().map(|b| str_width(&keys::keys_label(b))).max().unwrap_or(0);
    // The key column: as wide as the widest keys, but never more than a third.
    let column = (widest + 4).min(width / 3).max(4);
    let body = width.saturating_sub(column).max(10);
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
        let label = keys::keys_label(b);
        let keys_line = if str_width(&label) + 3 > column { Some(label.clone()) } else { None };
        // Keys too wide for the column get a line of their own.
        if let Some(k) = &keys_line {
            out.push(Line::styled(format!("  {k}"), theme.key()));
        }
        for (n, l) in wrap(b.help, body).into_iter().enumerate() {
            let head = if n == 0 && keys_line.is_none() { format!("  {label}") } else { String::new() };
            let pad = column.saturating_sub(str_width(&head));
            out.push(Line::from(vec![Span::styled(format!("{head}{}", " ".repeat(pad)), theme.key()), Span::raw(l)]));
        }
    }
    out.push(Line::default());
    let mouse = "Mouse: the wheel scrolls the pane under it (or this help, or a popup's entries); a click selects an event or a tick. \
                 m turns the mouse off so the terminal's own selection and copy work (in most terminals \
                 Shift-drag selects even while the mouse is on).";
    out.extend(wrap(mouse, width).into_iter().map(|l| Line::styled(l, theme.muted())));
    out.push(Line::styled("Axis:", theme.muted()));
    for item in super::axis::LEGEND.split(" · ") {
        out.extend(
            wrap(item, width.saturating_sub(2).max(1))
                .into_iter()
                .map(|l| Line::styled(format!("  {l}"), theme.muted())),
        );
    }
    out
}
