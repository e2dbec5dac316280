//! The actor and tag filter popup: typing narrows the entries, Space ticks,
//! Enter applies the ticks as a filter, Esc leaves the filter as it was.
//! Typing matches the folded haystacks of the search index (name, id, role
//! and aliases of an actor; a tag), so a keystroke costs what a search does.

use super::msg::{Msg, PickerKind};
use super::nav;
use super::search::MAX_QUERY;
use super::state::{App, Mode, Picker};
use crate::text;

/// Opens the picker of `kind`, ticked with the filter in force.
pub fn open(app: &mut App, kind: PickerKind) {
    let chosen = match kind {
        PickerKind::Actors => app.filters.actors.clone(),
        PickerKind::Tags => app.filters.tags.clone(),
        PickerKind::Sources => app.filters.sources.clone(),
    };
    let mut p = Picker { kind, query: String::new(), chosen, entries: Vec::new(), cursor: 0 };
    p.entries = entries(app, kind, "");
    app.picker = Some(p);
    app.mode = Mode::Picker;
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

/// The entries of `kind` that `query` lets through: most events first, then file order.
fn entries(app: &mut App, kind: PickerKind, query: &str) -> Vec<u32> {
    let needle = text::fold(query);
    let mut list: Vec<u32> = if needle.is_empty() {
        let total = match kind {
            PickerKind::Actors => app.timeline.actors.len(),
            PickerKind::Tags => app.timeline.tags.len(),
            PickerKind::Sources => app.timeline.sources.len(),
        };
        (0..u32::try_from(total).unwrap_or(u32::MAX)).collect()
    } else {
        match kind {
            PickerKind::Actors => app.index.get().actor_entries.matching(&needle),
            PickerKind::Tags => app.index.get().tags.matching(&needle),
            // Sources are few and not in the search index: folded as they are asked for.
            PickerKind::Sources => {
                let hit = |s: &str| text::fold(s).contains(needle.as_ref());
                let sources = &app.timeline.sources;
                (0..u32::try_from(sources.len()).unwrap_or(u32::MAX))
                    .filter(|&i| {
                        sources.get(i as usize).is_some_and(|s| {
                            hit(&s.title)
                                || hit(&s.id)
                                || s.publisher.as_deref().is_some_and(hit)
                                || s.url.as_deref().is_some_and(hit)
                        })
                    })
                    .collect()
            }
        }
    };
    list.sort_by_key(|&i| std::cmp::Reverse(count(app, kind, i)));
    list
}

/// Applies a message while the picker is open.
pub fn update(app: &mut App, msg: Msg) {
    let Some(mut p) = app.picker.take() else {
        app.mode = Mode::Browse;
        return;
    };
    match msg {
        Msg::Input(c) if p.query.chars().count() < MAX_QUERY => {
            p.query.push(c);
            p.entries = entries(app, p.kind, &p.query);
            p.cursor = 0;
        }
        Msg::Paste(text) => {
            p.query.push_str(&super::update::one_line(&text));
            if let Some((cut, _)) = p.query.char_indices().nth(MAX_QUERY) {
                p.query.truncate(cut);
            }
            p.entries = entries(app, p.kind, &p.query);
            p.cursor = 0;
        }
        Msg::Backspace => {
            p.query.pop();
            p.entries = entries(app, p.kind, &p.query);
            p.cursor = 0;
        }
        Msg::Toggle => {
            if let Some(&i) = p.entries.get(p.cursor)
                && !p.chosen.remove(&i)
            {
                p.chosen.insert(i);
            }
        }
        Msg::Move(step) => p.cursor = step.apply(p.cursor, p.entries.len().saturating_sub(1), 1),
        Msg::Accept => {
            // Enter with nothing ticked after typing takes the highlighted entry: a one-step choice.
            if p.chosen.is_empty()
                && let Some(&i) = p.entries.get(p.cursor)
                && !p.query.is_empty()
            {
                p.chosen.insert(i);
            }
            let filter = match p.kind {
                PickerKind::Actors => &mut app.filters.actors,
                PickerKind::Tags => &mut app.filters.tags,
                PickerKind::Sources => &mut app.filters.sources,
            };
            app.mode = Mode::Browse;
            // A refilter walks every event: only when the choice changed.
            if *filter != p.chosen {
                *filter = p.chosen;
                nav::refilter(app);
            }
            return;
        }
        Msg::Close => {
            app.mode = Mode::Browse;
            return;
        }
        _ => {}
    }
    app.picker = Some(p);
}
