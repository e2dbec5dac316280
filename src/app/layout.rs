//! Where each pane goes for a terminal size: a pure function of the state,
//! used by the views to draw and by `update` to hit-test mouse events.

use super::state::{App, Pane};
use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal tlview draws in; below it, a notice.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Below this many columns the panes stack instead of standing side by side.
pub const STACK_BELOW: u16 = 100;

/// The areas of one frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The time axis across the top.
    pub axis: Rect,
    /// The event list.
    pub list: Rect,
    /// The detail pane, when shown.
    pub detail: Option<Rect>,
    /// The quotes pane, when shown.
    pub quotes: Option<Rect>,
    /// The status bar.
    pub status: Rect,
}

/// Lays out the panes for `area`, or `None` when it is below [`MIN_SIZE`].
#[must_use]
pub fn areas(app: &App, area: Rect) -> Option<Areas> {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return None;
    }
    let axis_height = match area.height {
        24.. => 6,
        16.. => 4,
        _ => 3,
    };
    let [axis, body, status] =
        Layout::vertical([Constraint::Length(axis_height), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if area.width >= STACK_BELOW {
        let [list, right] =
            Layout::horizontal([Constraint::Length(list_width(app, area.width)), Constraint::Fill(1)]).areas(body);
        let (detail, quotes) = if app.quotes_open {
            let [d, q] = Layout::vertical([Constraint::Percentage(45), Constraint::Fill(1)]).areas(right);
            (Some(d), Some(q))
        } else {
            (Some(right), None)
        };
        return Some(Areas { axis, list, detail, quotes, status });
    }
    // Stacked: the list on top, and below it the quotes when open (unless the
    // detail pane has focus), else the detail.
    let share = if area.height < 20 { 50 } else { 40 };
    let [list, bottom] = Layout::vertical([Constraint::Percentage(share), Constraint::Fill(1)]).areas(body);
    let show_quotes = app.quotes_open && app.focus != Pane::Detail;
    let (detail, quotes) = if show_quotes { (None, Some(bottom)) } else { (Some(bottom), None) };
    Some(Areas { axis, list, detail, quotes, status })
}

/// Columns around a title in the list: borders, scrollbar, time column
/// (room for a range like `27 Feb–2 Mar`) and quote marker.
const LIST_CHROME: u16 = 2 + 1 + 15 + 2;

/// The list's width side by side: 45% of the screen, more where titles are
/// longer and the screen has room, so a wide screen does not cut titles
/// beside an empty detail pane; the detail pane keeps half, and 48 columns.
fn list_width(app: &App, width: u16) -> u16 {
    let least = width * 45 / 100;
    let most = width.saturating_sub((width / 2).max(48)).max(least);
    app.widest_title.saturating_add(LIST_CHROME).clamp(least, most)
}

/// The current frame's areas, from the size the app last saw.
#[must_use]
pub fn current(app: &App) -> Option<Areas> {
    areas(app, Rect::new(0, 0, app.size.0, app.size.1))
}

/// How far a page moves in `pane`: the rows inside its border, less one kept for context.
#[must_use]
pub fn page(app: &App, pane: Pane) -> usize {
    let rows = current(app).and_then(|a| match pane {
        Pane::List => Some(a.list),
        Pane::Detail => a.detail,
        Pane::Quotes => a.quotes,
    });
    rows.map_or(1, |r| usize::from(r.height.saturating_sub(3)).max(1))
}

/// How many list rows fit inside the list's border.
#[must_use]
pub fn list_rows(app: &App) -> usize {
    current(app).map_or(1, |a| usize::from(a.list.height.saturating_sub(2)).max(1))
}
