//! Updates for the fact-checker's views: the claims view (`C`) and the
//! as-of cursor (`@`, stepped with `[`/`]`, `D` to dim instead of hide).
//! Kept apart from `update` so each job has its own file.

use super::claims::{self, ClaimRef, Section};
use super::msg::Msg;
use super::state::{App, Mode};
use super::{asof, axis, layout, nav};

/// The claims view while open: its sections and the highlighted claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimsView {
    /// One section per subject.
    pub sections: Vec<Section>,
    /// The claims in display order.
    pub entries: Vec<ClaimRef>,
    /// The highlighted position in `entries`.
    pub cursor: usize,
}

/// Opens the claims view, on the selected event's first claim when it has one.
pub fn open_claims(app: &mut App) {
    let sections = claims::sections(&app.timeline, &app.asof);
    let entries = claims::flat(&sections);
    let cursor = app.selected.and_then(|s| entries.iter().position(|r| r.event == s)).unwrap_or(0);
    app.claims = Some(ClaimsView { sections, entries, cursor });
    app.mode = Mode::Claims;
}

/// Applies a message while the claims view is open.
pub fn claims(app: &mut App, msg: Msg) {
    let page = layout::page(app, super::state::Pane::List);
    let Some(view) = app.claims.as_mut() else {
        app.mode = Mode::Browse;
        return;
    };
    match msg {
        Msg::Move(step) => view.cursor = step.apply(view.cursor, view.entries.len().saturating_sub(1), page),
        Msg::Accept | Msg::OpenQuotes => {
            let target = view.entries.get(view.cursor).map(|r| r.event);
            close_claims(app);
            if let Some(event) = target {
                app.focus = super::state::Pane::List;
                reveal(app, event);
            }
        }
        Msg::Close | Msg::ToggleClaims => close_claims(app),
        _ => {}
    }
}

fn close_claims(app: &mut App) {
    app.claims = None;
    app.mode = Mode::Browse;
}

/// Shows and selects event `i`, clearing whatever hides it: the filters,
/// then the as-of cursor (the claims view and `f` lead to events either can hide).
pub(super) fn reveal(app: &mut App, i: u32) {
    if app.shown.position(i).is_none() {
        app.filters = Default::default();
        nav::refilter(app);
    }
    if app.shown.position(i).is_none() {
        set_cursor(app, None);
    }
    if app.shown.position(i).is_some() {
        nav::select(app, i);
    }
}

/// Starts typing the as-of date, with the cursor in force to edit.
pub fn start_asof(app: &mut App) {
    app.asof.input = app.asof.at.map(|at| edit_form(at, app.timeline.zone)).unwrap_or_default();
    app.asof.error = None;
    app.mode = Mode::AsOf;
}

/// The cursor written in a form the date parser reads back to the same instant.
fn edit_form(at: i64, zone: chrono::FixedOffset) -> String {
    let label = asof::label(at, zone);
    chrono::DateTime::from_timestamp(at, 0).map_or(label, |d| {
        let local = d.with_timezone(&zone).naive_local();
        if chrono::Timelike::num_seconds_from_midnight(&local) == 0 {
            (local - chrono::Duration::days(1)).format("%Y-%m-%d").to_string()
        } else {
            (local - chrono::Duration::minutes(1)).format("%Y-%m-%dT%H:%M").to_string()
        }
    })
}

/// Applies a message while the as-of date is typed: Enter sets the cursor
/// (an empty date removes it), Esc leaves it as it was.
pub fn asof_input(app: &mut App, msg: Msg) {
    match msg {
        Msg::Input(c) => {
            app.asof.input.push(c);
            app.asof.error = None;
        }
        Msg::Paste(text) => {
            app.asof.input.push_str(&super::update::one_line(&text));
            app.asof.error = None;
        }
        Msg::Backspace => {
            app.asof.input.pop();
            app.asof.error = None;
        }
        Msg::Accept if app.asof.input.trim().is_empty() => {
            app.mode = Mode::Browse;
            set_cursor(app, None);
        }
        Msg::Accept => match asof::parse(&app.asof.input, app.timeline.zone) {
            Ok(at) => {
                app.mode = Mode::Browse;
                set_cursor(app, Some(at));
            }
            Err(e) => app.asof.error = Some(e.0),
        },
        Msg::Close => {
            app.asof.error = None;
            app.mode = Mode::Browse;
        }
        _ => {}
    }
}

/// Moves the cursor one period of the axis's unit (`[`/`]` while it is set).
pub fn step_asof(app: &mut App, d: i32) {
    if let Some(at) = app.asof.at {
        let unit = axis::unit(app, axis::inner_width(app.size.0));
        set_cursor(app, Some(asof::step(at, unit, app.timeline.zone, d)));
    }
}

/// Dims what is not yet public instead of hiding it, or back.
pub fn toggle_dim(app: &mut App) {
    app.asof.dim = !app.asof.dim;
    if app.asof.at.is_some() {
        nav::refilter(app);
    }
}

fn set_cursor(app: &mut App, at: Option<i64>) {
    if app.asof.at == at {
        return;
    }
    if at.is_some() && app.asof.public.len() != app.timeline.events.len() {
        app.asof.public = asof::all_public(&app.timeline);
    }
    app.asof.at = at;
    nav::refilter(app);
}
