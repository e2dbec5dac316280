//! The actor and tag filter popup: the typed filter, the entries with their
//! event counts and ticks, and the picker's keys from the key table.

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

/// Draws the open picker over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(p) = &app.picker else { return };
    let what = match p.kind {
        PickerKind::Actors => "actor",
        PickerKind::Tags => "tag",
        PickerKind::Sources => "source",
    };
    let wide = if p.kind == PickerKind::Sources { 100 } else { 64 };
    let rect = centered(area, wide, u16::try_from(p.entries.len() + 5).unwrap_or(u16::MAX).max(8));
    frame.render_widget(Clear, rect);
    let block = pane(format!(" Filter by {what} "), true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", theme.key()),
        Span::raw(clean(&p.query)),
        Span::styled("▏", theme.key()),
        Span::styled(format!("  {} ticked", p.chosen.len()), theme.muted()),
    ])];
    if p.kind == PickerKind::Sources {
        lines[0].spans.push(Span::styled("  ·  E events, Q quotes, C claims citing each source", theme.muted()));
    }
    let room = usize::from(inner.height.saturating_sub(2));
    let first = p.cursor.saturating_sub(room.saturating_sub(1));
    if p.entries.is_empty() {
        lines.push(Line::styled(format!("No {what} matches."), theme.muted()));
    }
    for (k, &i) in p.entries.iter().enumerate().skip(first).take(room) {
        let tick = if p.chosen.contains(&i) { "[x] " } else { "[ ] " };
        let n = picker::count(app, p.kind, i);
        let mut spans = vec![Span::raw(tick), Span::raw(clean(picker::name(app, p.kind, i)))];
        if p.kind == PickerKind::Sources {
            spans = super::sources::row(app, i, tick, theme);
        } else {
            spans.push(Span::styled(format!("  {n} event{}", if n == 1 { "" } else { "s" }), theme.muted()));
        }
        if let (PickerKind::Actors, Some(role)) =
            (p.kind, app.timeline.actors.get(i as usize).and_then(|a| a.role.as_ref()))
        {
            spans.push(Span::styled(format!(" · {}", clean(role)), theme.muted()));
        }
        if let (PickerKind::Actors, Some(kind)) =
            (p.kind, app.timeline.actors.get(i as usize).and_then(|a| a.kind.as_ref()))
        {
            spans.push(Span::styled(format!(" · {}", super::detail_more::kind_label(kind)), theme.muted()));
        }
        let line = Line::from(spans);
        lines.push(if k == p.cursor { as_selected(line, theme) } else { line });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let hints: Vec<Span> = keys::hints(Mode::Picker)
        .into_iter()
        .flat_map(|(k, w)| [Span::styled(format!(" {k}"), theme.key()), Span::styled(format!(" {w} "), theme.muted())])
        .collect();
    let bottom = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    if inner.height >= 3 {
        frame.render_widget(Line::from(hints), bottom);
    }
}
