//! OSC 8 hyperlinks over the URLs the panes draw, so a click in a terminal
//! that supports them opens the source.
//!
//! A ratatui cell holds text, not escape sequences, so links are laid over
//! a finished frame: each run of cells showing a URL gets the whole link
//! (`ESC ] 8 ;; target ST text ESC ] 8 ;; ST`) as the symbol of its first
//! cell, with [`CellDiffOption::ForcedWidth`] telling the diff how many
//! columns that symbol really covers, so the cells after it are neither
//! written over nor skipped. It is a separate pass ([`mark`]) the terminal
//! loop runs after [`super::draw`], so snapshots of the plain screen stay
//! plain.
//!
//! Only `http` and `https` URLs become links, and only when the URL has no
//! character the sanitiser would replace; the target is percent-encoded to
//! printable ASCII, so no byte of it can end the sequence early.

use crate::app::{App, layout};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use std::num::NonZeroU16;

/// The link target for `url` (the check the exports share, in `text.rs`).
pub use crate::text::link_target as target;

/// `text` wrapped in an OSC 8 link to `target` (already checked by [`target`]).
#[must_use]
pub fn osc8(target: &str, text: &str) -> String {
    format!("\x1b]8;;{target}\x1b\\{text}\x1b]8;;\x1b\\")
}

/// Lays links over every URL of the selected event (its sources and its
/// quotes' sources) where the detail and quotes panes show them.
pub fn mark(buf: &mut Buffer, app: &App) {
    let Some(areas) = layout::areas(app, buf.area) else { return };
    let Some(event) = app.selected_event() else { return };
    let t = &app.timeline;
    let sources = crate::app::index::sources_of(event);
    let urls: Vec<&str> = sources.filter_map(|s| t.sources.get(s as usize)?.url.as_deref()).collect();
    for area in [areas.detail, areas.quotes].into_iter().flatten() {
        let inner = Rect {
            x: area.x + 1,
            y: area.y + 1,
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        };
        for url in &urls {
            if let Some(to) = target(url) {
                link_text(buf, inner, &super::clean(url), &to);
            }
        }
    }
}

/// Links every place `text` is drawn in `area` of `buf`, also where it is
/// wrapped over several rows (continuation rows may start indented).
pub fn link_text(buf: &mut Buffer, area: Rect, text: &str, target: &str) {
    let area = area.intersection(buf.area);
    if text.is_empty() || area.is_empty() {
        return;
    }
    // The area's text, row after row, leading blanks of each row left out,
    // with the cell each symbol comes from.
    let mut flat = String::new();
    let mut cells: Vec<(usize, u16, u16)> = Vec::new(); // (byte offset in flat, x, y)
    for y in area.top()..area.bottom() {
        let row: Vec<(u16, &str)> = (area.left()..area.right())
            .filter_map(|x| buf.cell((x, y)).map(|c| (x, c.symbol())))
            .filter(|(_, s)| !s.is_empty())
            .collect();
        let start = row.iter().position(|(_, s)| *s != " ").unwrap_or(row.len());
        let end = row.iter().rposition(|(_, s)| *s != " ").map_or(start, |i| i + 1);
        for &(x, s) in &row[start..end.max(start)] {
            cells.push((flat.len(), x, y));
            flat.push_str(s);
        }
    }
    let mut from = 0;
    while let Some(found) = flat[from..].find(text).map(|i| i + from) {
        from = found + text.len();
        let first = cells.partition_point(|c| c.0 < found);
        let last = cells.partition_point(|c| c.0 < from);
        let mut run_start = first;
        for i in first..last {
            let ends_run = i + 1 == last || cells[i + 1].2 != cells[i].2 || cells[i + 1].1 != cells[i].1 + 1;
            if ends_run {
                wrap_run(buf, &cells[run_start..=i], target);
                run_start = i + 1;
            }
        }
    }
}

/// Puts one run of adjacent cells of a row under a link.
fn wrap_run(buf: &mut Buffer, run: &[(usize, u16, u16)], target: &str) {
    let (Some(&(_, x0, y)), Some(&(_, x1, _))) = (run.first(), run.last()) else { return };
    let text: String = (x0..=x1).filter_map(|x| buf.cell((x, y)).map(|c| c.symbol().to_owned())).collect();
    let Some(width) = NonZeroU16::new(x1 - x0 + 1) else { return };
    if let Some(cell) = buf.cell_mut((x0, y)) {
        cell.set_symbol(&osc8(target, &text)).set_diff_option(CellDiffOption::ForcedWidth(width));
    }
    for x in x0 + 1..=x1 {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_diff_option(CellDiffOption::Skip);
        }
    }
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
