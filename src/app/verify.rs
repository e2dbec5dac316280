//! What a fact-checker filters and follows: events with no source, events
//! of one status, and an event's related events.

use super::filter::Filters;
use super::state::App;
use crate::timeline::{Event, Status};

/// The status filter after `current`: each status in turn, then not
/// assessed, then none.
#[must_use]
pub fn next_status(current: Option<Option<Status>>) -> Option<Option<Status>> {
    let order: Vec<Option<Status>> = Status::ALL.iter().map(|(s, _)| Some(*s)).chain([None]).collect();
    match current {
        None => order.first().copied(),
        Some(s) => order.iter().position(|o| *o == s).and_then(|i| order.get(i + 1)).copied(),
    }
}

/// Keeps only the `visible` events the unsourced and status filters of
/// `filters` let through.
pub fn narrow(filters: &Filters, events: &[Event], visible: &mut Vec<u32>) {
    let (unsourced, status) = (filters.unsourced, filters.status);
    if !unsourced && status.is_none() {
        return;
    }
    visible.retain(|&i| {
        let e = &events[i as usize];
        (!unsourced || e.sources.is_empty()) && status.is_none_or(|s| e.status == s)
    });
}

/// Selects the next related event of the one selected: the first, or, when
/// the selection was reached this way, the one after it. A related event the
/// filters or the as-of cursor hide is shown by clearing them.
pub fn follow_related(app: &mut App) {
    let Some(selected) = app.selected else { return };
    let (origin, next) = match app.related_trail {
        Some((origin, target, n)) if target == selected => (origin, n + 1),
        _ => (selected, 0),
    };
    let events = &app.timeline.events;
    let related = &events[origin as usize].related;
    if related.is_empty() {
        return;
    }
    let n = next % related.len();
    let Some(target) = events.iter().position(|e| e.id == related[n]) else { return };
    let target = u32::try_from(target).unwrap_or(u32::MAX);
    super::facts::reveal(app, target);
    app.related_trail = Some((origin, target, n));
}
