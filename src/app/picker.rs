//! The actor and tag filter popup: typing narrows the entries, Space ticks,
//! Enter applies the ticks as a filter, Esc leaves the filter as it was.

use super::msg::{Msg, PickerKind};
use super::nav;
use super::state::{App, Mode, Picker};

/// Opens the picker of `kind`, ticked with the filter in force.
pub fn open(app: &mut App, kind: PickerKind) {
    let chosen = match kind {
        PickerKind::Actors => app.filters.actors.clone(),
        PickerKind::Tags => app.filters.tags.clone(),
        PickerKind::Sources => app.filters.sources.clone(),
    };
    let mut p = Picker { kind, query: String::new(), chosen, entries: Vec::new(), cursor: 0 };
    p.entries = entries(app, &p);
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

/// The entries the picker's query lets through: most events first, then file order.
fn entries(app: &App, p: &Picker) -> Vec<u32> {
    let q = p.query.to_lowercase();
    let total = match p.kind {
        PickerKind::Actors => app.timeline.actors.len(),
        PickerKind::Tags => app.timeline.tags.len(),
        PickerKind::Sources => app.timeline.sources.len(),
    };
    let matches = |i: u32| {
        if q.is_empty() {
            return true;
        }
        let hit = |s: &str| s.to_lowercase().contains(&q);
        match p.kind {
            PickerKind::Actors => app.timeline.actors.get(i as usize).is_some_and(|a| {
                hit(&a.name) || hit(&a.id) || a.role.as_deref().is_some_and(hit) || a.aliases.iter().any(|s| hit(s))
            }),
            PickerKind::Tags => hit(name(app, p.kind, i)),
            PickerKind::Sources => app.timeline.sources.get(i as usize).is_some_and(|s| {
                hit(&s.title)
                    || hit(&s.id)
                    || s.publisher.as_deref().is_some_and(hit)
                    || s.url.as_deref().is_some_and(hit)
            }),
        }
    };
    let mut list: Vec<u32> = (0..u32::try_from(total).unwrap_or(u32::MAX)).filter(|&i| matches(i)).collect();
    list.sort_by_key(|&i| std::cmp::Reverse(count(app, p.kind, i)));
    list
}

/// Applies a message while the picker is open.
pub fn update(app: &mut App, msg: Msg) {
    let Some(mut p) = app.picker.take() else {
        app.mode = Mode::Browse;
        return;
    };
    match msg {
        Msg::Input(c) => {
            p.query.push(c);
            p.entries = entries(app, &p);
            p.cursor = 0;
        }
        Msg::Backspace => {
            p.query.pop();
            p.entries = entries(app, &p);
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
                app.refilter();
                nav::keep_selection_visible(app);
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
