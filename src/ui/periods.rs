//! Named periods on the time axis: each a band `╞═ Title ═╡` over the
//! columns it covers, drawn along the axis pane's bottom border, the title
//! shown only when it fits whole. One pass over the periods per frame.

use super::{Theme, clean, wrap::str_width};
use crate::app::{App, axis};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws every period that reaches into the axis's ticks on row `y`, over
/// the columns of `inner` (the axis pane's bottom border).
pub fn band(buf: &mut Buffer, app: &App, ticks: &axis::Ticks, inner: Rect, y: u16, theme: Theme) {
    let (Some(&first), Some(&last)) = (ticks.bounds.first(), ticks.bounds.last()) else { return };
    for p in &app.timeline.periods {
        if p.finish() <= first || p.start() >= last {
            continue;
        }
        let a = super::axis::column_of(ticks, p.start(), inner);
        let b = super::axis::column_of(ticks, p.finish(), inner).min(inner.right());
        if b <= a {
            continue;
        }
        let width = usize::from(b - a);
        for x in a..b {
            let glyph = match (x == a && width > 1 && p.start() >= first, x + 1 == b && width > 1 && p.finish() <= last)
            {
                (true, _) => "╞",
                (_, true) => "╡",
                _ => "═",
            };
            buf.set_string(x, y, glyph, theme.name());
        }
        let title = format!(" {} ", clean(&p.title));
        let w = str_width(&title);
        if w + 2 <= width {
            let x = a + u16::try_from((width - w) / 2).unwrap_or(0);
            buf.set_string(x, y, &title, theme.name());
        }
    }
}
