//! The time axis: per tick, a bar and a count of the events that lie wholly
//! inside it (`3`), the events that start there but run past it counted
//! apart (`+10~`), a light shade across every tick such an event covers, tick
//! marks with the selected event's span drawn over them (dashed when
//! approximate), labels, and a legend in the bottom border when it fits.
//! So the axis never says that something happened in an hour or a day the
//! file does not name.

use super::{Theme, clean, pane};
use crate::app::{App, axis};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// A tick no event lies wholly in, but that a range, an approximate date or
/// a date coarser than the tick runs across.
const SPANNED: &str = "░";

/// Every glyph of the axis, explained in one line (also in the help overlay).
pub const LEGEND: &str = "▆ 3 events inside the tick · +2~ longer or uncertain, from here · ░ their span · ━ selected";

/// Draws the axis into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let title = format!(" {} ", clean(&app.timeline.title));
    if app.timeline.events.is_empty() {
        // No dates: an axis would invent a period (1970). Say why it is empty.
        let block = pane(Line::styled(title, theme.heading()), false, theme);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        frame.render_widget(Line::styled("no events, so no time axis", theme.muted()), inner);
        return;
    }
    let inner_width = axis::inner_width(area.width);
    let ticks = axis::ticks(app, inner_width);
    // While a search is worked out, only the matches on screen are known:
    // the counts wait for the rest rather than show a part as the whole.
    let searching = app.searching.is_some();
    let scale = format!(" by {}{} ", ticks.unit.singular(), if searching { " · searching…" } else { "" });
    let mut block =
        pane(Line::styled(title, theme.heading()), false, theme).title_top(Line::from(scale).right_aligned());
    // Named periods take the bottom border when the file has any (the legend is also in the help).
    let band = !app.timeline.periods.is_empty() && area.height >= 3;
    if !band && LEGEND.chars().count() + 4 <= usize::from(inner_width) && area.height >= 4 {
        block = block.title_bottom(Line::styled(format!(" {LEGEND} "), theme.muted()).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let n = ticks.len();
    if n == 0 || inner.width == 0 || inner.height == 0 {
        return;
    }
    let col = |i: usize| inner.x + ticks.column(i, inner.width);
    let counts = if searching { vec![axis::TickCount::default(); n] } else { axis::certainty(app, &ticks) };
    let max = counts.iter().map(|c| c.points).max().unwrap_or(0).max(1);
    let y = inner.y;
    let (bars, numbers, line, labels) = match inner.height {
        4.. => (Some(y), Some(y + 1), Some(y + 2), y + 3),
        3 => (Some(y), None, Some(y + 1), y + 2),
        2 => (Some(y), None, None, y + 1),
        _ => (None, None, None, y),
    };
    let buf = frame.buffer_mut();
    let selected_tick = app.selected_event().and_then(|e| tick_of(&ticks.bounds, e.start()));
    for (i, c) in counts.iter().enumerate() {
        let (x0, x1) = (col(i), col(i + 1));
        let cell = usize::from(x1.saturating_sub(x0));
        if let Some(y) = bars {
            let glyph = if c.points > 0 {
                BARS[(c.points * 8).div_ceil(max).clamp(1, 8)]
            } else if c.across {
                SPANNED
            } else {
                " "
            };
            for x in x0..x1.saturating_sub(1).max(x0 + 1).min(inner.right()) {
                buf.set_string(x, y, glyph, theme.bar());
            }
        }
        if let Some(y) = numbers {
            put(buf, x0, y, &count_text(*c, cell.saturating_sub(1)), cell.saturating_sub(1), theme.muted());
        }
        if let Some(y) = line {
            for x in x0..x1.min(inner.right()) {
                buf.set_string(x, y, if x == x0 { "┬" } else { "─" }, theme.border());
            }
        }
        let style = if selected_tick == Some(i) { theme.accent().reversed() } else { Style::new() };
        put(
            buf,
            x0,
            labels,
            &axis::label(ticks.bounds[i], ticks.unit, app.timeline.zone),
            cell.saturating_sub(1),
            style,
        );
    }
    if let (Some(e), Some(y)) = (app.selected_event(), line.or(bars)) {
        let x_of = |t: i64| column_of(&ticks, t, inner);
        let (a, b) = (x_of(e.start()), x_of(e.finish()));
        let glyph = if e.approximate { "┅" } else { "━" };
        for x in a..b.max(a + 1).min(inner.right()) {
            buf.set_string(x, y, glyph, theme.accent());
        }
    }
    if band {
        super::periods::band(buf, app, &ticks, inner, area.bottom() - 1, theme);
    }
    if let Some(at) = app.asof.at {
        super::facts::axis_cursor(buf, inner, column_of(&ticks, at, inner), (bars, line.or(Some(labels))), theme);
    }
}

/// A tick's counts in at most `room` columns: `3`, `+10~`, `3 +10~`, or
/// squeezed (`3+10~`, then `3+`) so a count is never cut into a wrong number.
fn count_text(c: axis::TickCount, room: usize) -> String {
    let candidates = match (c.points, c.spanning) {
        (0, 0) => return String::new(),
        (p, 0) => vec![p.to_string()],
        (0, s) => vec![format!("+{s}~"), "+".into()],
        (p, s) => vec![format!("{p} +{s}~"), format!("{p}+{s}~"), format!("{p}+")],
    };
    candidates.into_iter().find(|t| t.chars().count() <= room).unwrap_or_default()
}

/// Writes `s` at `x`, no wider than `max` columns, never past the buffer.
fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: usize, style: Style) {
    if buf.area.contains(ratatui::layout::Position { x, y }) {
        let room = usize::from(buf.area.right().saturating_sub(x));
        buf.set_stringn(x, y, s, max.min(room), style);
    }
}

/// The tick containing instant `t`.
fn tick_of(bounds: &[i64], t: i64) -> Option<usize> {
    let i = bounds.partition_point(|&b| b <= t);
    (i > 0 && i < bounds.len()).then(|| i - 1)
}

/// The column of instant `t` on the axis, clamped to its ends.
pub(super) fn column_of(ticks: &axis::Ticks, t: i64, inner: Rect) -> u16 {
    let bounds = &ticks.bounds;
    let Some(i) = tick_of(bounds, t) else {
        return if bounds.first().is_some_and(|&b| t < b) { inner.x } else { inner.right() };
    };
    let (x0, x1) = (ticks.column(i, inner.width), ticks.column(i + 1, inner.width));
    let frac = (t - bounds[i]) as f64 / (bounds[i + 1] - bounds[i]).max(1) as f64;
    inner.x + x0 + (f64::from(x1 - x0) * frac) as u16
}
