//! The filter popups (actors, tags), keyed like lazygit's lists: j/k and the
//! arrows move, Space ticks, Enter applies the ticks as a filter; `/` starts
//! typing a filter of the entries (where j, k and Space are typed), Enter
//! stops typing, and Esc clears the typed filter first, then cancels.
//!
//! Every kind of entry is read through the same few functions ([`name`],
//! [`aside`], [`count`], ...), so a new kind is one arm in each.

use super::msg::{Msg, PickerKind};
use super::nav;
use super::state::{App, Mode, Picker};
use std::collections::BTreeSet;

/// Opens the picker of `kind`, ticked with the filter in force.
pub fn open(app: &mut App, kind: PickerKind) {
    let chosen = filter(app, kind).clone();
    let mut p = Picker { kind, query: String::new(), chosen, entries: Vec::new(), ticked_first: 0, cursor: 0 };
    refresh(app, &mut p);
    app.picker = Some(p);
    app.mode = Mode::Picker;
}

/// How many entries of `kind` there are.
fn total(app: &App, kind: PickerKind) -> usize {
    match kind {
        PickerKind::Actors => app.timeline.actors.len(),
        PickerKind::Tags => app.timeline.tags.len(),
    }
}

/// The display name of entry `i` of `kind`.
#[must_use]
pub fn name(app: &App, kind: PickerKind, i: u32) -> &str {
    match kind {
        PickerKind::Actors => app.timeline.actors.get(i as usize).map_or("", |a| a.name.as_str()),
        PickerKind::Tags => app.timeline.tags.get(i as usize).map_or("", String::as_str),
    }
}

/// What the popup shows after an entry's name (an actor's role), if anything.
#[must_use]
pub fn aside(app: &App, kind: PickerKind, i: u32) -> Option<&str> {
    match kind {
        PickerKind::Actors => app.timeline.actors.get(i as usize).and_then(|a| a.role.as_deref()),
        PickerKind::Tags => None,
    }
}

/// Other names entry `i` answers to when filtering (an actor's id and aliases).
fn other_names(app: &App, kind: PickerKind, i: u32) -> Vec<&str> {
    match kind {
        PickerKind::Actors => app
            .timeline
            .actors
            .get(i as usize)
            .map(|a| std::iter::once(a.id.as_str()).chain(a.aliases.iter().map(String::as_str)).collect())
            .unwrap_or_default(),
        PickerKind::Tags => Vec::new(),
    }
}

/// The events of each entry of `kind`.
fn postings(app: &App, kind: PickerKind) -> &[Vec<u32>] {
    match kind {
        PickerKind::Actors => &app.postings.actors,
        PickerKind::Tags => &app.postings.tags,
    }
}

/// The filter of `kind` in force.
fn filter(app: &App, kind: PickerKind) -> &BTreeSet<u32> {
    match kind {
        PickerKind::Actors => &app.filters.actors,
        PickerKind::Tags => &app.filters.tags,
    }
}

/// How many events entry `i` of `kind` has.
#[must_use]
pub fn count(app: &App, kind: PickerKind, i: u32) -> u32 {
    postings(app, kind).get(i as usize).map_or(0, |l| u32::try_from(l.len()).unwrap_or(u32::MAX))
}

/// How well entry `i` matches the lowercased query `q`, best first, or
/// `None`: the name's start, a word of the name, anywhere in the name, another
/// name (id, alias), then the role. Typing `put` ranks Vladimir Putin above
/// Dmitry Peskov, whose role mentions Putin.
fn rank(app: &App, kind: PickerKind, i: u32, q: &str) -> Option<u8> {
    if q.is_empty() {
        return Some(0);
    }
    let lower = |s: &str| s.to_lowercase();
    let name = lower(name(app, kind, i));
    if name.starts_with(q) {
        Some(0)
    } else if name.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(q)) {
        Some(1)
    } else if name.contains(q) {
        Some(2)
    } else if other_names(app, kind, i).iter().any(|s| lower(s).contains(q)) {
        Some(3)
    } else if aside(app, kind, i).is_some_and(|s| lower(s).contains(q)) {
        Some(4)
    } else {
        None
    }
}

/// Rebuilds the entries: the ticked ones first, whatever the query (a tick
/// never hides), then the rest the query lets through, best match first, then
/// most events, then file order. The cursor goes to the first entry.
fn refresh(app: &App, p: &mut Picker) {
    let q = p.query.to_lowercase();
    let n = u32::try_from(total(app, p.kind)).unwrap_or(u32::MAX);
    let mut ranked: Vec<(u8, u32)> =
        (0..n).filter(|i| !p.chosen.contains(i)).filter_map(|i| rank(app, p.kind, i, &q).map(|r| (r, i))).collect();
    ranked.sort_by_key(|&(r, i)| (r, std::cmp::Reverse(count(app, p.kind, i))));
    p.entries = p.chosen.iter().copied().collect();
    p.ticked_first = p.entries.len();
    p.entries.extend(ranked.into_iter().map(|(_, i)| i));
    // Start on the best match, past the ticked ones, when there is a query.
    p.cursor = if q.is_empty() || p.ticked_first >= p.entries.len() { 0 } else { p.ticked_first };
}

/// Applies a message while the picker is open.
pub fn update(app: &mut App, msg: Msg) {
    let Some(mut p) = app.picker.take() else {
        app.mode = Mode::Browse;
        return;
    };
    let typing = app.mode == Mode::PickerFilter;
    match msg {
        Msg::StartSearch => app.mode = Mode::PickerFilter,
        Msg::Input(c) if typing => {
            p.query.push(c);
            refresh(app, &mut p);
        }
        Msg::Backspace if p.query.pop().is_some() => refresh(app, &mut p),
        Msg::Toggle => {
            if let Some(&i) = p.entries.get(p.cursor)
                && !p.chosen.remove(&i)
            {
                p.chosen.insert(i);
            }
        }
        Msg::Move(step) => p.cursor = step.apply(p.cursor, p.entries.len().saturating_sub(1), 10),
        // Enter while typing keeps the typed filter and goes back to the list.
        Msg::Accept if typing => app.mode = Mode::Picker,
        Msg::Accept => {
            // Enter with nothing ticked after typing takes the highlighted entry: a one-step choice.
            if p.chosen.is_empty()
                && let Some(&i) = p.entries.get(p.cursor)
                && !p.query.is_empty()
            {
                p.chosen.insert(i);
            }
            apply(app, p.kind, p.chosen);
            return;
        }
        // Esc clears the typed filter first; with none, it cancels.
        Msg::Close if !p.query.is_empty() => {
            p.query.clear();
            refresh(app, &mut p);
            app.mode = Mode::Picker;
        }
        Msg::Close if typing => app.mode = Mode::Picker,
        Msg::Close => {
            app.mode = Mode::Browse;
            return;
        }
        _ => {}
    }
    app.picker = Some(p);
}

/// Makes `chosen` the filter of `kind` and closes the picker.
fn apply(app: &mut App, kind: PickerKind, chosen: BTreeSet<u32>) {
    app.mode = Mode::Browse;
    let filter = match kind {
        PickerKind::Actors => &mut app.filters.actors,
        PickerKind::Tags => &mut app.filters.tags,
    };
    // A refilter walks every event: only when the choice changed.
    if *filter != chosen {
        *filter = chosen;
        app.refilter();
        nav::keep_selection_visible(app);
    }
}
