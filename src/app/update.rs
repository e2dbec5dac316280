//! `update`: the one function that changes the state, one message at a time.

use super::filter::Row;
use super::layout::{self, Areas};
use super::msg::{Msg, Step};
use super::picker;
use super::state::{App, Mode, Pane};
use super::{axis, facts, loading, nav, progressive, reload, writing};
use ratatui::layout::{Position, Rect};

/// Applies `msg` to `app` in the mode it is in.
pub fn update(app: &mut App, msg: Msg) {
    if matches!(msg, Msg::LoadProgress(..) | Msg::LoadPart(_) | Msg::LoadDone(_) | Msg::LoadFailed) {
        return loading::update(app, msg);
    }
    // A status message lasts until the next thing the user does.
    if msg.is_users() {
        app.writing.status = None;
    }
    // A search still being worked out is finished before what the user does
    // reads the list, but typing (which voids it; Esc drops it) and quitting.
    // A resize too: the matches on screen were found for the old height. (A
    // reload refilters the new version whole.)
    let typing = app.mode == Mode::Search && matches!(msg, Msg::Input(_) | Msg::Backspace | Msg::Paste(_) | Msg::Close);
    let reads_list = (msg.is_users() && !typing && !matches!(msg, Msg::Quit)) || matches!(msg, Msg::Resize(..));
    if app.searching.is_some() && reads_list {
        progressive::complete(app);
    }
    if app.load.is_some()
        && app.mode == Mode::Browse
        && let Some(what) = loading::waiting(&msg)
    {
        // Beside the bar's `loading N%`, short enough for 80 columns.
        app.writing.status = Some(format!("{what} waits"));
        return;
    }
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
            // The first frame is out: the search index may take a core now.
            app.index.warm();
        }
        Msg::Reloaded(loaded) => {
            reload::reloaded(app, std::sync::Arc::unwrap_or_clone(loaded.0));
        }
        Msg::ReloadFailed(problems) => reload::failed(app, problems),
        Msg::Work => progressive::work(app),
        // What the user does: the link chooser or the problems pane may take it first.
        msg if writing::intercept(app, &msg) => {}
        msg => match app.mode {
            Mode::Browse => browse(app, msg),
            Mode::Search => search(app, msg),
            Mode::Picker | Mode::PickerFilter => picker::update(app, msg),
            Mode::Help => help(app, msg),
            Mode::Claims => facts::claims(app, msg),
            Mode::AsOf => facts::asof_input(app, msg),
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
        Msg::Unit(d) if app.asof.at.is_some() => facts::step_asof(app, d),
        Msg::Unit(d) => nav::jump_unit(app, d),
        Msg::ToggleClaims => facts::open_claims(app),
        Msg::StartAsOf => facts::start_asof(app),
        Msg::ToggleDim => facts::toggle_dim(app),
        Msg::Zoom(d) => zoom(app, d),
        Msg::OpenQuotes => match app.selected_event() {
            None => notice(app, "No event is selected."),
            Some(e) if e.quotes.is_empty() => notice(app, "This event has no quoted statements."),
            // The list keeps focus: j/k go on through events and the pane follows.
            Some(_) => {
                app.quotes_open = true;
                app.quotes_scroll = 0;
            }
        },
        Msg::Focus(d) => cycle_focus(app, d),
        // Like less: `/` shows the kept search, to edit.
        Msg::StartSearch => app.mode = Mode::Search,
        Msg::NextMatch(d) => next_match(app, d),
        Msg::ToggleMouse => {
            app.mouse = !app.mouse;
            notice(
                app,
                if app.mouse {
                    "Mouse on: clicks and the wheel go to tlview."
                } else {
                    "Mouse off: the terminal selects and copies text; m turns it back on."
                },
            );
        }
        Msg::OpenPicker(kind) => picker::open(app, kind),
        Msg::ToggleUnsourced => {
            app.filters.unsourced = !app.filters.unsourced;
            nav::refilter(app);
        }
        Msg::CycleStatus => {
            app.filters.status = super::verify::next_status(app.filters.status);
            nav::refilter(app);
        }
        Msg::FollowRelated => super::verify::follow_related(app),
        Msg::ClearFilters => {
            app.filters = Default::default();
            app.asof.at = None;
            nav::refilter(app);
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
            } else if !app.filters.query.is_empty() {
                set_query(app, String::new());
                notice(app, "Search cleared.");
            }
        }
        Msg::Wheel { column, row, lines } => wheel(app, column, row, lines),
        Msg::Click { column, row } => click(app, column, row),
        msg @ (Msg::Edit | Msg::Reload | Msg::OpenSource | Msg::Copy | Msg::Export) => writing::browse(app, &msg),
        _ => {}
    }
}

fn search(app: &mut App, msg: Msg) {
    match msg {
        Msg::Input(c) => set_query(app, format!("{}{c}", app.filters.query)),
        Msg::Paste(text) => set_query(app, format!("{}{}", app.filters.query, one_line(&text))),
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

/// Says `text` in the status bar until the next key.
fn notice(app: &mut App, text: &str) {
    app.writing.status = Some(text.to_owned());
}

/// Selects the next (`d > 0`) or previous matching event, wrapping around
/// at the ends with a notice, as less and vim do. The list shows only what
/// the filters let through, so the matches are the shown events.
fn next_match(app: &mut App, d: i32) {
    if app.filters.query.is_empty() {
        notice(app, "No search: press / to search.");
        return;
    }
    let n = app.shown.events().len();
    let Some(pos) = app.selected_pos() else {
        notice(app, "Nothing matches the search.");
        return;
    };
    let to = if d > 0 {
        if pos + 1 == n {
            notice(app, "Search hit the bottom, continuing at the top.");
            0
        } else {
            pos + 1
        }
    } else if pos == 0 {
        notice(app, "Search hit the top, continuing at the bottom.");
        n - 1
    } else {
        pos - 1
    };
    if let Some(&i) = app.shown.events().get(to) {
        nav::select(app, i);
    }
}

/// Sets the search query (capped), refiltering only when it changes (a refilter walks every event).
fn set_query(app: &mut App, query: String) {
    if !app.filters.set_query(query) {
        return;
    }
    if app.mode == Mode::Search {
        progressive::refilter_typed(app);
    } else {
        nav::refilter(app);
    }
}

/// Pasted text as one line of input: each line break (`\n`, `\r\n` or a
/// lone `\r`, as terminals paste them) and each tab becomes a space, other
/// control characters are dropped, and trailing line breaks go.
pub(super) fn one_line(text: &str) -> String {
    text.trim_end_matches(['\r', '\n'])
        .replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn help(app: &mut App, msg: Msg) {
    match msg {
        Msg::ToggleHelp | Msg::Close => app.mode = Mode::Browse,
        Msg::Move(step) => app.help_scroll = scroll(app.help_scroll, step, layout::page(app, Pane::List)),
        // The wheel scrolls the overlay, wherever the pointer is.
        Msg::Wheel { lines, .. } => app.help_scroll = scroll(app.help_scroll, Step::By(lines), 1),
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

/// Zooms the axis `d` units finer; the chosen unit then stays through resizes.
fn zoom(app: &mut App, d: i32) {
    app.zoom = Some(axis::zoomed(app, axis::inner_width(app.size.0), d));
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
            // A heading names the first event of its group, the row below it.
            if let Some(Row::Event(i) | Row::Heading(i)) = app.shown.row(at) {
                nav::select(app, i);
            }
        }
    } else if hit(Some(axis_area), column, row) {
        let width = axis::inner_width(axis_area.width);
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
