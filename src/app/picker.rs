//! The filter popups (actors, tags, sources), keyed like lazygit's lists:
//! j/k and the arrows move, Space ticks, Enter applies the ticks as a filter;
//! `/` starts typing a filter of the entries (where j, k and Space are
//! typed), Enter stops typing, and Esc clears the typed filter first, then
//! cancels. Ticked entries stay listed first whatever the filter, so a tick
//! never hides and never lands on a hidden entry.
//!
//! Typing matches the folded haystacks of the search index (name, id, role
//! and aliases of an actor; a tag), so a keystroke costs what a search does;
//! only the matches are then ranked, a name match above an alias or a role.
//! Every kind is read through the same few functions ([`name`], [`aside`],
//! [`count`], ...), so a new kind is one arm in each.

use super::msg::{Msg, PickerKind, Step};
use super::nav;
use super::search::MAX_QUERY;
use super::state::{App, Mode, Picker};
use crate::text;
use std::collections::BTreeSet;

/// Opens the picker of `kind`, ticked with the filter in force.
pub fn open(app: &mut App, kind: PickerKind) {
    let chosen = filter_mut(app, kind).clone();
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
        PickerKind::Sources => app.timeline.sources.len(),
    }
}

/// The display name of entry `i` of `kind`.
#[must_use]
pub fn name(app: &App, kind: PickerKind, i: u32) -> &str {
    match kind {
        PickerKind::Actors => app.timeline.actors.get(i as usize).map_or("", |a| a.name.as_str()),
        PickerKind::Tags => app.timeline.tags.get(i as usize).map_or("", String::as_str),
        PickerKind::Sources => app.timeline.sources.get(i as usize).map_or("", |s| s.title.as_str()),
    }
}

/// What the popup shows after an entry's name (an actor's role), if anything.
#[must_use]
pub fn aside(app: &App, kind: PickerKind, i: u32) -> Option<&str> {
    match kind {
        PickerKind::Actors => app.timeline.actors.get(i as usize).and_then(|a| a.role.as_deref()),
        PickerKind::Sources => app.timeline.sources.get(i as usize).and_then(|s| s.publisher.as_deref()),
        PickerKind::Tags => None,
    }
}

/// Other names entry `i` answers to when filtering (an actor's id and
/// aliases, a source's id and URL).
fn other_names(app: &App, kind: PickerKind, i: u32) -> Vec<&str> {
    let t = &app.timeline;
    match kind {
        PickerKind::Actors => t
            .actors
            .get(i as usize)
            .map(|a| std::iter::once(a.id.as_str()).chain(a.aliases.iter().map(String::as_str)).collect())
            .unwrap_or_default(),
        PickerKind::Sources => t
            .sources
            .get(i as usize)
            .map(|s| std::iter::once(s.id.as_str()).chain(s.url.as_deref()).collect())
            .unwrap_or_default(),
        PickerKind::Tags => Vec::new(),
    }
}

/// The filter of `kind` in force.
fn filter_mut(app: &mut App, kind: PickerKind) -> &mut BTreeSet<u32> {
    match kind {
        PickerKind::Actors => &mut app.filters.actors,
        PickerKind::Tags => &mut app.filters.tags,
        PickerKind::Sources => &mut app.filters.sources,
    }
}

/// How many events entry `i` of `kind` has.
#[must_use]
pub fn count(app: &App, kind: PickerKind, i: u32) -> u32 {
    let lists = match kind {
        PickerKind::Actors => &app.postings.actors,
        PickerKind::Tags => &app.postings.tags,
        PickerKind::Sources => &app.source_index.resting,
    };
    lists.get(i as usize).map_or(0, |l| u32::try_from(l.len()).unwrap_or(u32::MAX))
}

/// The entries of `kind` whose text holds the folded `needle`, in file order.
fn candidates(app: &mut App, kind: PickerKind, needle: &str) -> Vec<u32> {
    let all = 0..u32::try_from(total(app, kind)).unwrap_or(u32::MAX);
    if needle.is_empty() {
        return all.collect();
    }
    match kind {
        PickerKind::Actors => app.index.get().actor_entries.matching(needle),
        PickerKind::Tags => app.index.get().tags.matching(needle),
        PickerKind::Sources => app.index.get().source_entries.matching(needle),
    }
}

/// How well entry `i` matches the folded `needle`, best first: the name's
/// start, a word of the name, anywhere in the name, another name (id,
/// alias), then the role. Typing `put` ranks Vladimir Putin above Dmitry
/// Peskov, whose role mentions Putin.
fn rank(app: &App, kind: PickerKind, i: u32, needle: &str) -> u8 {
    if needle.is_empty() {
        return 0;
    }
    let name = text::fold(name(app, kind, i));
    if name.starts_with(needle) {
        0
    } else if name.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(needle)) {
        1
    } else if name.contains(needle) {
        2
    } else if other_names(app, kind, i).into_iter().any(|s| text::fold(s).contains(needle)) {
        3
    } else {
        4
    }
}

/// Rebuilds the entries: the ticked ones first, whatever the query (a tick
/// never hides), then the rest the query lets through, best match first, then
/// most events, then file order. The cursor goes to the best match.
fn refresh(app: &mut App, p: &mut Picker) {
    let needle = text::fold(&p.query).into_owned();
    let found = candidates(app, p.kind, &needle);
    let mut ranked: Vec<(u8, u32)> =
        found.into_iter().filter(|i| !p.chosen.contains(i)).map(|i| (rank(app, p.kind, i, &needle), i)).collect();
    ranked.sort_by_key(|&(r, i)| (r, std::cmp::Reverse(count(app, p.kind, i))));
    p.entries = p.chosen.iter().copied().collect();
    p.ticked_first = p.entries.len();
    p.entries.extend(ranked.into_iter().map(|(_, i)| i));
    p.cursor = if needle.is_empty() || p.ticked_first >= p.entries.len() { 0 } else { p.ticked_first };
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
        Msg::Input(c) if typing && p.query.chars().count() < MAX_QUERY => {
            p.query.push(c);
            refresh(app, &mut p);
        }
        Msg::Paste(text) => {
            p.query.push_str(&super::update::one_line(&text));
            if let Some((cut, _)) = p.query.char_indices().nth(MAX_QUERY) {
                p.query.truncate(cut);
            }
            app.mode = Mode::PickerFilter;
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
        Msg::Wheel { lines, .. } => p.cursor = Step::By(lines).apply(p.cursor, p.entries.len().saturating_sub(1), 1),
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
            app.mode = Mode::Browse;
            let filter = filter_mut(app, p.kind);
            // A refilter walks every event: only when the choice changed.
            if *filter != p.chosen {
                *filter = p.chosen;
                nav::refilter(app);
            }
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
