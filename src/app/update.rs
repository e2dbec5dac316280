//! `update`: the one function that changes the state, one message at a time.

use super::layout::{self, Areas};
use super::msg::{Msg, Step};
use super::picker;
use super::state::{App, Mode, Pane, Row};
use super::{axis, nav};
use ratatui::layout::{Position, Rect};

/// Applies `msg` to `app` in the mode it is in.
pub fn update(app: &mut App, msg: Msg) {
    match msg {
        Msg::Quit => app.quit = true,
        Msg::Resize(w, h) => {
            app.size = (w, h);
            nav::keep_selection_visible(app);
        }
        Msg::Drawn(limits) => {
            let clamp = |offset: &mut u16, limit: Option<u16>| *offset = limit.map_or(*offset, |l| (*offset).min(l));
            clamp(&mut app.detail_scroll, limits.detail);
            clamp(&mut app.quotes_scroll, limits.quotes);
            clamp(&mut app.help_scroll, limits.help);
        }
        msg => match app.mode {
            Mode::Browse => browse(app, msg),
            Mode::Search => search(app, msg),
            Mode::Picker => picker::update(app, msg),
            Mode::Help => help(app, msg),
        },
    }
}

fn browse(app: &mut App, msg: Msg) {
    match msg {
        Msg::Move(step) => match app.focus {
            Pane::List => nav::move_selection(app, step),
            Pane::Detail => app.detail_scroll = scroll(app.detail_scroll, step, layout::page(app, Pane::Detail)),
            Pane::Quotes => app.quotes_scroll = scroll(app.quotes_scroll, step, layout::page(app, Pane::Quotes)),
        },
        Msg::Unit(d) => nav::jump_unit(app, d),
        Msg::Zoom(d) => zoom(app, d),
        Msg::OpenQuotes if app.selected.is_some() => {
            app.quotes_open = true;
            app.focus = Pane::Quotes;
            app.quotes_scroll = 0;
        }
        Msg::Focus(d) => cycle_focus(app, d),
        Msg::StartSearch => {
            app.mode = Mode::Search;
            set_query(app, String::new());
        }
        Msg::OpenPicker(kind) => picker::open(app, kind),
        Msg::ToggleUnsourced => {
            app.filters.unsourced = !app.filters.unsourced;
            app.refilter();
            nav::keep_selection_visible(app);
        }
        Msg::CycleStatus => {
            app.filters.status = super::verify::next_status(app.filters.status);
            app.refilter();
            nav::keep_selection_visible(app);
        }
        Msg::FollowRelated => super::verify::follow_related(app),
        Msg::ClearFilters => {
            app.filters = Default::default();
            app.refilter();
            nav::keep_selection_visible(app);
        }
        Msg::ToggleHelp => {
            app.mode = Mode::Help;
            app.help_scroll = 0;
        }
        Msg::Close => {
            if app.quotes_open {
                app.quotes_open = false;
                if app.focus == Pane::Quotes {
                    app.focus = Pane::List;
                }
            } else if app.focus != Pane::List {
                app.focus = Pane::List;
            }
        }
        Msg::Wheel { column, row, lines } => wheel(app, column, row, lines),
        Msg::Click { column, row } => click(app, column, row),
        _ => {}
    }
}

fn search(app: &mut App, msg: Msg) {
    match msg {
        Msg::Input(c) => set_query(app, format!("{}{c}", app.filters.query)),
        Msg::Backspace => {
            let mut query = app.filters.query.clone();
            query.pop();
            set_query(app, query);
        }
        Msg::Accept => app.mode = Mode::Browse,
        Msg::Close => {
            set_query(app, String::new());
            app.mode = Mode::Browse;
        }
        Msg::Move(step) => nav::move_selection(app, step),
        _ => {}
    }
}

/// Sets the search query, refiltering only when it changes (a refilter walks every event).
fn set_query(app: &mut App, query: String) {
    if app.filters.query != query {
        app.filters.query = query;
        app.refilter();
        nav::keep_selection_visible(app);
    }
}

fn help(app: &mut App, msg: Msg) {
    match msg {
        Msg::ToggleHelp | Msg::Close => app.mode = Mode::Browse,
        Msg::Move(step) => app.help_scroll = scroll(app.help_scroll, step, layout::page(app, Pane::List)),
        _ => {}
    }
}

/// A page: the list's visible rows, less one for context.
/// Applies `step` to a pane's scroll offset (clamped to the content once drawn: [`Msg::Drawn`]).
fn scroll(offset: u16, step: Step, page: usize) -> u16 {
    let to = step.apply(usize::from(offset), usize::from(u16::MAX / 2), page);
    u16::try_from(to).unwrap_or(0)
}

fn cycle_focus(app: &mut App, d: i32) {
    let panes: &[Pane] =
        if app.quotes_open { &[Pane::List, Pane::Detail, Pane::Quotes] } else { &[Pane::List, Pane::Detail] };
    let at = panes.iter().position(|&p| p == app.focus).unwrap_or(0) as i32;
    let n = panes.len() as i32;
    app.focus = panes[((at + d).rem_euclid(n)) as usize];
}

fn zoom(app: &mut App, d: i32) {
    let width = app.size.0.saturating_sub(2);
    let fitted = axis::fit(app.span, width, app.timeline.zone) as i32;
    // zoom 0 is the fitted unit; the finest unit is index 0, the coarsest the last.
    let finest = fitted;
    let coarsest = fitted - (axis::UNITS.len() as i32 - 1);
    app.zoom = (app.zoom + d).clamp(coarsest, finest);
}

fn hit(rect: Option<Rect>, column: u16, row: u16) -> bool {
    rect.is_some_and(|r| r.contains(Position { x: column, y: row }))
}

fn wheel(app: &mut App, column: u16, row: u16, lines: i32) {
    let Some(a) = layout::current(app) else { return };
    if hit(Some(a.list), column, row) {
        nav::move_selection(app, Step::By(lines));
    } else if hit(a.detail, column, row) {
        app.detail_scroll = scroll(app.detail_scroll, Step::By(lines), 1);
    } else if hit(a.quotes, column, row) {
        app.quotes_scroll = scroll(app.quotes_scroll, Step::By(lines), 1);
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    let Some(a) = layout::current(app) else { return };
    let Areas { axis: axis_area, list, detail, quotes, .. } = a;
    if hit(Some(list), column, row) {
        app.focus = Pane::List;
        let inner_row = usize::from(row.saturating_sub(list.y + 1));
        if row > list.y && inner_row < usize::from(list.height.saturating_sub(2)) {
            let at = app.list_offset + inner_row;
            let event = match app.rows.get(at) {
                Some(Row::Event(i)) => Some(*i),
                Some(Row::Heading(_)) => {
                    app.rows.get(at + 1).and_then(|r| if let Row::Event(i) = r { Some(*i) } else { None })
                }
                None => None,
            };
            if let Some(i) = event {
                nav::select(app, i);
            }
        }
    } else if hit(Some(axis_area), column, row) {
        let width = axis_area.width.saturating_sub(2);
        let ticks = axis::ticks(app, width);
        if let Some(t) = ticks.at_column(column.saturating_sub(axis_area.x + 1), width) {
            nav::select_from(app, ticks.bounds[t], ticks.bounds[t + 1]);
        }
    } else if hit(detail, column, row) {
        app.focus = Pane::Detail;
    } else if hit(quotes, column, row) {
        app.focus = Pane::Quotes;
    }
}
