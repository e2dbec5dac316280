//! Moving the selection: by rows, pages, axis units and clicks, keeping the
//! selected row on screen. A move is a binary search; only where `after`/
//! `before` moved an event out of date order may a jump or click scan.

use super::axis;
use super::filter::{self, Row};
use super::layout;
use super::msg::Step;
use super::state::App;

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
    let n = app.shown.events().len();
    if n == 0 {
        return;
    }
    let to = step.apply(app.selected_pos().unwrap_or(0), n - 1, layout::page(app, super::state::Pane::List));
    select(app, app.shown.events()[to]);
}

/// Selects the first filtered event of the previous (`d < 0`) or next axis unit that has one.
///
/// Starts ascend through the list except where `after`/`before` moved an
/// event, so a binary search answers, and a scan from the selection takes
/// over only when its answer does not hold.
pub fn jump_unit(app: &mut App, d: i32) {
    let Some(pos) = app.selected_pos() else { return };
    let unit = axis::unit(app, axis::inner_width(app.size.0));
    let zone = app.timeline.zone;
    let starts = app.shown.starts();
    let here = axis::floor(starts[pos], unit, zone);
    let target = if d > 0 {
        let next = axis::next(here, unit, zone);
        let found = starts.partition_point(|&s| s < next);
        if found > pos && starts.get(found).is_some_and(|&s| s >= next) && starts[found - 1] < next {
            found
        } else {
            match (pos + 1..starts.len()).find(|&p| starts[p] >= next) {
                Some(p) => p,
                None => return,
            }
        }
    } else {
        let before = starts.partition_point(|&s| s < here);
        let period = (before > 0).then(|| axis::floor(starts[before - 1], unit, zone));
        let found = period.map(|period| (period, starts.partition_point(|&s| s < period)));
        match found {
            Some((period, first)) if first < before && before <= pos && starts[first] >= period => first,
            _ => {
                let Some(last) = (0..pos).rev().find(|&p| starts[p] < here) else { return };
                let period = axis::floor(starts[last], unit, zone);
                let mut first = last;
                while first > 0 && (period..here).contains(&starts[first - 1]) {
                    first -= 1;
                }
                first
            }
        }
    };
    if let Some(&i) = app.shown.events().get(target) {
        select(app, i);
    }
}

/// Selects the first filtered event starting in `from..to`, else the latest
/// one that started before and runs into it (a click, not a keystroke: either
/// case may walk the events, only when the binary search does not answer).
pub fn select_from(app: &mut App, from: i64, to: i64) {
    let starts = app.shown.starts();
    let first = starts.partition_point(|&s| s < from);
    let inside = |p: usize| starts.get(p).is_some_and(|&s| from <= s && s < to);
    let found = if inside(first) { Some(first) } else { (0..starts.len()).find(|&p| inside(p)) };
    if let Some(p) = found {
        select(app, app.shown.events()[p]);
        return;
    }
    if axis::covering(app, from) == 0 {
        return;
    }
    let finish = &app.keys.finish;
    let overlapping =
        app.shown.events().iter().zip(app.shown.starts()).rposition(|(&i, &s)| s < from && finish[i as usize] > from);
    if let Some(p) = overlapping {
        select(app, app.shown.events()[p]);
    }
}

/// Recomputes what the filters let through after they changed, keeping the
/// selection on the same event when it survives, else on the nearest
/// following one (else the last), and scrolls to it.
pub fn refilter(app: &mut App) {
    refilter_with(app, None);
}

/// [`refilter`], the search's text matches (for the query in force) already found when `text` is given.
pub fn refilter_with(app: &mut App, text: Option<Vec<u32>>) {
    // The whole list is worked out here: a search being worked out in steps is void.
    app.searching = None;
    let events = passing(app, text);
    show(app, filter::gather(events, &app.keys));
}

/// The events the filters let through, ascending: the app's lookups given to the filter module's `passing`.
pub fn passing(app: &mut App, text: Option<Vec<u32>>) -> Vec<u32> {
    let (asof, filters, events) = (&app.asof, &app.filters, &app.timeline.events);
    filter::passing(
        &app.filters,
        text,
        &mut app.index,
        &mut app.search_cache,
        &app.postings,
        events.len(),
        &app.source_index.resting,
        |shown| {
            asof.retain_public(shown);
            super::verify::narrow(filters, events, shown);
        },
    )
}

/// Shows `shown`, keeping the selection on the same event when it is
/// there, else on the nearest following one (else the last), and scrolls to it.
pub fn show(app: &mut App, shown: filter::Shown) {
    app.shown = shown;
    let events = app.shown.events();
    app.selected = match app.selected {
        Some(s) if app.shown.position(s).is_some() => Some(s),
        Some(s) => {
            let at = events.partition_point(|&v| v < s);
            events.get(at).or(events.last()).copied()
        }
        None => events.first().copied(),
    };
    keep_selection_visible(app);
}

/// Scrolls the list so the selected row (and its heading, when it opens a group) is on screen.
pub fn keep_selection_visible(app: &mut App) {
    let height = layout::list_rows(app);
    let Some(pos) = app.selected_pos() else {
        app.list_offset = 0;
        return;
    };
    let row = app.shown.row_of(pos);
    let top = if row > 0 && matches!(app.shown.row(row - 1), Some(Row::Heading(_))) { row - 1 } else { row };
    if top < app.list_offset {
        app.list_offset = top;
    } else if row >= app.list_offset + height {
        app.list_offset = row + 1 - height;
    }
    app.list_offset = app.list_offset.min(app.shown.row_count().saturating_sub(height));
}
