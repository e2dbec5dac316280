//! The status bar: how many events show, the active filters (or the search
//! being typed), and the keys that matter in the current mode, taken from
//! the key table.

use super::wrap::str_width;
use super::{Theme, clean};
use crate::app::{App, Mode, axis};
use crate::keys;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the status bar into the one-row `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let mut left =
        vec![Span::styled(format!(" {} of {} events ", app.visible.len(), app.timeline.events.len()), theme.heading())];
    left.extend(super::facts::status_spans(app, theme));
    if app.mode == Mode::Search {
        left.push(Span::styled(" /", theme.key()));
        left.push(Span::raw(clean(&app.filters.query)));
        left.push(Span::styled("▏", theme.key()));
    } else {
        left.extend(filter_spans(app, theme));
    }
    let unit = axis::unit(app, area.width.saturating_sub(2));
    left.push(Span::styled(format!(" · axis: {}", unit.name()), theme.muted()));
    let left_line = Line::from(left);
    let used = str_width(&left_line.to_string());
    frame.render_widget(left_line, area);
    // As many hints as fit after the counts and filters, in table order.
    let width = usize::from(area.width);
    let mut right: Vec<Span> = Vec::new();
    let mut need = 0;
    for (key, word) in keys::hints(app.mode) {
        let (k, w) = (format!(" {key}"), format!(" {word} "));
        let more = str_width(&k) + str_width(&w);
        if used + need + more >= width {
            break;
        }
        need += more;
        right.push(Span::styled(k, theme.key()));
        right.push(Span::styled(w, theme.muted()));
    }
    let x = area.x + u16::try_from(width - need.min(width)).unwrap_or(0);
    frame.render_widget(Line::from(right), Rect::new(x, area.y, u16::try_from(need).unwrap_or(0), 1));
}

fn filter_spans(app: &App, theme: Theme) -> Vec<Span<'static>> {
    let f = &app.filters;
    let t = &app.timeline;
    let mut out = Vec::new();
    if !f.query.is_empty() {
        out.push(Span::styled(format!(" search \"{}\"", clean(&f.query)), theme.key()));
    }
    let join = |names: Vec<String>| -> String {
        let n = names.len();
        if n > 2 { format!("{}, {} +{}", names[0], names[1], n - 2) } else { names.join(", ") }
    };
    if !f.actors.is_empty() {
        let names = f.actors.iter().filter_map(|&a| t.actors.get(a as usize)).map(|a| clean(&a.name)).collect();
        out.push(Span::styled(format!(" actors: {}", join(names)), theme.key()));
    }
    if !f.tags.is_empty() {
        let names = f.tags.iter().filter_map(|&g| t.tags.get(g as usize)).map(|g| clean(g)).collect();
        out.push(Span::styled(format!(" tags: {}", join(names)), theme.key()));
    }
    if !f.sources.is_empty() {
        let names = f.sources.iter().filter_map(|&s| t.sources.get(s as usize)).map(|s| clean(&s.id)).collect();
        out.push(Span::styled(format!(" sources: {}", join(names)), theme.key()));
    }
    out
}
