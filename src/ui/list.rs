//! The event list: day headings and one row per event, drawn from the rows
//! on screen only, cut with an ellipsis, with a scrollbar and a `↓ more`
//! count for the position in the whole list.

use super::wrap::{ellipsize, str_width};
use super::{Theme, as_selected, clean, highlight, pane, when};
use crate::app::{App, Pane, Row};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// How many events are listed, out of how many: `12 of 15`; `searching…
/// of 15` while a search is worked out (the list holds only the matches on
/// screen); `74 so far` while the file loads (its total is not known yet,
/// and filters wait for the load). With `noun`, `events` follows the
/// number (`12 of 15 events`, `74 events so far`).
#[must_use]
pub fn count(app: &App, noun: bool) -> String {
    let total = app.timeline.events.len();
    let events = if noun { " events" } else { "" };
    if app.load.is_some() {
        format!("{total}{events} so far")
    } else if app.searching.is_some() {
        format!("searching… of {total}{events}")
    } else {
        format!("{} of {total}{events}", app.shown.events().len())
    }
}

/// Draws the list into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let title = format!(" Events · {} ", count(app, false));
    let block = pane(title, app.focus == Pane::List, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.timeline.events.is_empty() {
        let lines = vec![
            Line::styled("No events yet.", theme.heading()),
            Line::styled("How to add one: see the Detail pane.", theme.muted()),
        ];
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    if app.shown.events().is_empty() {
        let lines =
            vec![Line::from("No events match the filters."), Line::styled("Press c to clear them.", theme.muted())];
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let height = usize::from(inner.height);
    let first = app.list_offset.min(app.shown.row_count());
    let last = (first + height).min(app.shown.row_count());
    let rows: Vec<Row> = app.shown.rows(first..last).collect();
    let width = inner.width.saturating_sub(1); // the last column is the scrollbar's
    let zone = app.timeline.zone;
    let labels: Vec<String> =
        rows.iter()
            .map(|r| {
                if let Row::Event(i) = *r { when::short(&app.timeline.events[i as usize], zone) } else { String::new() }
            })
            .collect();
    let when_width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (k, row) in rows.iter().enumerate() {
        let y = inner.y + k as u16;
        let row_area = Rect::new(inner.x, y, width, 1);
        let line = match *row {
            Row::Heading(i) => Line::styled(
                ellipsize(&clean(&when::heading(&app.timeline.events[i as usize], zone)), usize::from(width)),
                theme.heading(),
            ),
            Row::Event(i) => event_line(app, i, &labels[k], when_width, usize::from(width), theme),
        };
        let selected = matches!(*row, Row::Event(i) if app.selected == Some(i));
        let line = if selected { as_selected(line, theme) } else { line };
        if selected {
            frame.buffer_mut().set_style(row_area, theme.selected());
        }
        frame.render_widget(line, row_area);
    }
    // While a search is worked out, where the screen lies in the list is not known yet.
    if app.searching.is_none() {
        super::scroll_marks(frame, area, inner, app.shown.row_count(), first, height, theme);
    }
}

/// What an empty timeline shows: that it has no events yet, and how to add one.
pub fn empty_lines(theme: super::Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled("No events yet.", theme.heading()),
        Line::default(),
        Line::from("Add one to the file under `events:`, for example:"),
        Line::styled("  - id: first", theme.muted()),
        Line::styled("    date: 2021-03-23", theme.muted()),
        Line::styled("    title: What happened", theme.muted()),
        Line::styled("    sources: [a-source-id]", theme.muted()),
        Line::default(),
        Line::from("Then run tlview --check FILE. The format: docs/format.md"),
    ]
}

/// One event's row, `room` columns: time column (`width` wide, as wide as
/// the widest on screen), quote and status markers, title with search
/// matches marked, cut with an ellipsis when it does not fit.
fn event_line(app: &App, i: u32, when: &str, width: usize, room: usize, theme: Theme) -> Line<'static> {
    let e = &app.timeline.events[i as usize];
    let time = if width == 0 { String::from(" ") } else { format!(" {when:<width$} ") };
    // Three columns: the quote mark, the status mark, the no-source mark.
    let quote = if e.quotes.is_empty() { " " } else { "❝" };
    let title = ellipsize(&clean(&e.title), room.saturating_sub(str_width(&time) + 3));
    let mut spans = vec![
        Span::styled(time, theme.muted()),
        Span::styled(quote, theme.name()),
        Span::styled(super::detail_more::marker(e), theme.accent()),
        Span::styled(super::detail_more::source_marker(e), theme.accent()),
    ];
    spans.extend(highlight::spans(&title, &app.filters.query, ratatui::style::Style::new(), theme.matched()));
    if app.asof.event_is_future(i) {
        // Not yet public at the as-of cursor (shown only when dimming).
        return Line::from(spans.into_iter().map(|s| s.patch_style(theme.muted())).collect::<Vec<_>>());
    }
    Line::from(spans)
}
