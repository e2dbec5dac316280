//! Moving the selection: by rows, pages, axis units and clicks, keeping the
//! selected row on screen. Every move costs a binary search, not a scan.

use super::axis;
use super::layout;
use super::msg::Step;
use super::state::{App, Row};

/// Selects event `i` (an index into the timeline's events) and scrolls to it.
pub fn select(app: &mut App, i: u32) {
    if app.selected != Some(i) {
        app.selected = Some(i);
        app.detail_scroll = 0;
        app.quotes_scroll = 0;
    }
    keep_selection_visible(app);
}

/// Moves the selection through the filtered events by `step`.
pub fn move_selection(app: &mut App, step: Step) {
    let n = app.visible.len();
    if n == 0 {
        return;
    }
    let to = step.apply(app.selected_pos().unwrap_or(0), n - 1, layout::page(app, super::state::Pane::List));
    select(app, app.visible[to]);
}

/// Selects the first filtered event of the previous (`d < 0`) or next axis unit that has one.
pub fn jump_unit(app: &mut App, d: i32) {
    let Some(pos) = app.selected_pos() else { return };
    let unit = axis::unit(app, axis::inner_width(app.size.0));
    let zone = app.timeline.zone;
    let here = axis::floor(app.starts[pos], unit, zone);
    let target = if d > 0 {
        let next = axis::next(here, unit, zone);
        app.starts.partition_point(|&s| s < next)
    } else {
        let before = app.starts.partition_point(|&s| s < here);
        if before == 0 {
            return;
        }
        let period = axis::floor(app.starts[before - 1], unit, zone);
        app.starts.partition_point(|&s| s < period)
    };
    if let Some(&i) = app.visible.get(target) {
        select(app, i);
    }
}

/// Selects the first filtered event starting in `from..to`, else the latest
/// one that started before and runs into it (a click, not a keystroke: the
/// second case may walk back through earlier events, only when one exists).
pub fn select_from(app: &mut App, from: i64, to: i64) {
    let first = app.starts.partition_point(|&s| s < from);
    if first < app.starts.len() && app.starts[first] < to {
        select(app, app.visible[first]);
        return;
    }
    if axis::covering(app, from) == 0 {
        return;
    }
    let finish = &app.keys.finish;
    let overlapping = app.visible[..first].iter().rposition(|&i| finish[i as usize] > from);
    if let Some(p) = overlapping {
        select(app, app.visible[p]);
    }
}

/// Scrolls the list so the selected row (and its heading, when it opens a group) is on screen.
pub fn keep_selection_visible(app: &mut App) {
    let height = layout::list_rows(app);
    let rows = app.rows.len();
    let Some(pos) = app.selected_pos() else {
        app.list_offset = 0;
        return;
    };
    let row = app.row_of[pos];
    let top = if row > 0 && matches!(app.rows[row - 1], Row::Heading(_)) { row - 1 } else { row };
    if top < app.list_offset {
        app.list_offset = top;
    } else if row >= app.list_offset + height {
        app.list_offset = row + 1 - height;
    }
    app.list_offset = app.list_offset.min(rows.saturating_sub(height));
}
