//! The status bar: how many events show, then a notice (why a key did
//! nothing), the search being typed, or the filters in force and how they
//! combine; and the keys that matter in the current mode, from the key table.
//! The help and quit hints never drop: the rest give way first, then the
//! left text, which is cut with an ellipsis.

use super::wrap::{ellipsize, str_width};
use super::{Theme, clean};
use crate::app::{App, Mode, axis};
use crate::keys::{self, Hint};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the status bar into the one-row `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let width = usize::from(area.width);
    let hints = keys::hints(app.mode);
    let cost = |h: &Hint| str_width(&h.key) + str_width(h.word) + 3;
    let essential: usize = hints.iter().filter(|h| h.essential).map(cost).sum();
    let mut left = left_text(app, area.width);
    let left_room = width.saturating_sub(essential + 1);
    // Short of room, the axis unit (also on the axis's border) goes first.
    if left.iter().map(|(s, _)| str_width(s)).sum::<usize>() > left_room {
        left.pop();
    }
    let left_width = left.iter().map(|(s, _)| str_width(s)).sum::<usize>().min(left_room);
    // The other hints, in order, while they fit beside the left text.
    let mut room = width.saturating_sub(left_width + essential + 1);
    let shown: Vec<&Hint> = hints
        .iter()
        .filter(|h| {
            if h.essential {
                return true;
            }
            let fits = cost(h) <= room;
            if fits {
                room -= cost(h);
            }
            fits
        })
        .collect();
    let mut spans = Vec::new();
    let mut left_budget = left_room;
    for (text, style) in left {
        let text = ellipsize(&text, left_budget);
        left_budget -= str_width(&text);
        spans.push(Span::styled(text, style(theme)));
    }
    frame.render_widget(Line::from(spans), area);
    let right: Vec<Span> = shown
        .iter()
        .flat_map(|h| {
            [Span::styled(format!(" {}", h.key), theme.key()), Span::styled(format!(" {} ", h.word), theme.muted())]
        })
        .collect();
    let need = shown.iter().map(|h| cost(h)).sum::<usize>().min(width);
    let x = area.x + u16::try_from(width - need).unwrap_or(0);
    frame.render_widget(Line::from(right), Rect::new(x, area.y, u16::try_from(need).unwrap_or(0), 1));
}

type Styled = (String, fn(Theme) -> ratatui::style::Style);

/// The left part: counts, then the notice, search prompt or filters, then the axis unit.
fn left_text(app: &App, width: u16) -> Vec<Styled> {
    let mut out: Vec<Styled> =
        vec![(format!(" {} of {} events ", app.visible.len(), app.timeline.events.len()), Theme::heading)];
    if app.mode == Mode::Search {
        out.push((" /".into(), Theme::key));
        out.push((clean(&app.filters.query), |_| ratatui::style::Style::new()));
        out.push(("▏".into(), Theme::key));
    } else if let Some(notice) = app.notice {
        out.push((format!(" {notice}"), Theme::heading));
    } else if let Some(f) = describe_filters(app) {
        out.push((format!(" {f}"), Theme::key));
    }
    let unit = axis::unit(app, axis::inner_width(width));
    out.push((format!(" · axis: {}", unit.name()), Theme::muted));
    out
}

/// The filters in force and how they combine, or `None`: `search "kremlin" ·
/// and actors: Putin or Peskov · and tag: diplomacy` (each filter lets through
/// any of its entries; an event must pass every filter).
#[must_use]
pub fn describe_filters(app: &App) -> Option<String> {
    let f = &app.filters;
    let t = &app.timeline;
    let mut parts = Vec::new();
    if !f.query.is_empty() {
        parts.push(format!("search \"{}\"", clean(&f.query)));
    }
    let any = |one: &str, many: &str, names: Vec<String>| {
        let what = if names.len() == 1 { one } else { many };
        format!("{what}: {}", names.join(" or "))
    };
    if !f.actors.is_empty() {
        let names = f.actors.iter().filter_map(|&a| t.actors.get(a as usize)).map(|a| clean(&a.name)).collect();
        parts.push(any("actor", "actors", names));
    }
    if !f.tags.is_empty() {
        let names = f.tags.iter().filter_map(|&g| t.tags.get(g as usize)).map(|g| clean(g)).collect();
        parts.push(any("tag", "tags", names));
    }
    (!parts.is_empty()).then(|| {
        parts
            .iter()
            .enumerate()
            .map(|(n, p)| if n == 0 { p.clone() } else { format!("and {p}") })
            .collect::<Vec<_>>()
            .join(" · ")
    })
}
