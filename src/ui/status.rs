//! The status bar: how many events show, the active filters (or the search
//! being typed), and the keys that matter in the current mode, taken from
//! the key table.

use super::wrap::str_width;
use super::{Theme, clean};
use crate::app::{App, MAX_QUERY, Mode, axis};
use crate::keys;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the status bar into the one-row `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let mut left = vec![Span::styled(
        format!(" {} of {} events ", app.shown.events().len(), app.timeline.events.len()),
        theme.heading(),
    )];
    if let Some(load) = &app.load {
        left.push(Span::styled(format!("loading {}% ", load.percent()), theme.key()));
    }
    left.extend(super::facts::status_spans(app, theme));
    if app.writing.stale {
        left.insert(0, Span::styled(" STALE ", theme.selected()));
    }
    if let Some(status) = &app.writing.status
        && app.mode == Mode::Browse
    {
        left.push(Span::styled(format!(" {}", clean(status)), theme.key()));
    } else if app.mode == Mode::Search {
        // A query at the length limit says so; one wider than the bar shows
        // its end, where the typing happens.
        let full = app.filters.query.chars().count() >= MAX_QUERY;
        let note = if full { format!(" (search stops at {MAX_QUERY} characters)") } else { String::new() };
        let fixed = str_width(&Line::from(left.clone()).to_string()) + 3 + str_width(&note);
        let room = usize::from(area.width).saturating_sub(fixed);
        left.push(Span::styled(" /", theme.key()));
        left.push(Span::raw(tail(&clean(&app.filters.query), room)));
        left.push(Span::styled("▏", theme.key()));
        left.push(Span::styled(note, theme.muted()));
    } else {
        left.extend(filter_spans(app, theme));
    }
    let unit = axis::unit(app, axis::inner_width(area.width));
    left.push(Span::styled(format!(" · axis: {}", unit.name()), theme.muted()));
    let left_line = Line::from(left);
    let used = str_width(&left_line.to_string());
    frame.render_widget(left_line, area);
    // As many hints as fit after the counts and filters, in table order.
    let width = usize::from(area.width);
    let mut right: Vec<Span> = Vec::new();
    let mut need = 0;
    for (key, word) in keys::hints(app.mode) {
        let (k, w) = (format!(" {key}"), format!(" {word} "));
        let more = str_width(&k) + str_width(&w);
        if used + need + more >= width {
            break;
        }
        need += more;
        right.push(Span::styled(k, theme.key()));
        right.push(Span::styled(w, theme.muted()));
    }
    let x = area.x + u16::try_from(width - need.min(width)).unwrap_or(0);
    frame.render_widget(Line::from(right), Rect::new(x, area.y, u16::try_from(need).unwrap_or(0), 1));
}

/// The end of `s` that fits in `width` columns, after a `…` when cut.
fn tail(s: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if str_width(s) <= width {
        return s.to_owned();
    }
    let mut used = 1;
    let mut start = s.len();
    for (at, g) in s.grapheme_indices(true).rev() {
        used += str_width(g);
        if used > width {
            break;
        }
        start = at;
    }
    if width == 0 { String::new() } else { format!("…{}", &s[start..]) }
}

fn filter_spans(app: &App, theme: Theme) -> Vec<Span<'static>> {
    let f = &app.filters;
    let t = &app.timeline;
    let mut out = Vec::new();
    if !f.query.is_empty() {
        out.push(Span::styled(format!(" search \"{}\"", clean(&f.query)), theme.key()));
    }
    let join = |names: Vec<String>| -> String {
        let n = names.len();
        if n > 2 { format!("{}, {} +{}", names[0], names[1], n - 2) } else { names.join(", ") }
    };
    if !f.actors.is_empty() {
        let names = f.actors.iter().filter_map(|&a| t.actors.get(a as usize)).map(|a| clean(&a.name)).collect();
        out.push(Span::styled(format!(" actors: {}", join(names)), theme.key()));
    }
    if !f.tags.is_empty() {
        let names = f.tags.iter().filter_map(|&g| t.tags.get(g as usize)).map(|g| clean(g)).collect();
        out.push(Span::styled(format!(" tags: {}", join(names)), theme.key()));
    }
    if !f.sources.is_empty() {
        let names = f.sources.iter().filter_map(|&s| t.sources.get(s as usize)).map(|s| clean(&s.id)).collect();
        out.push(Span::styled(format!(" sources: {}", join(names)), theme.key()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Msg, update};
    use crate::timeline::limits::Limits;
    use crate::timeline::{BUNDLED, load_bytes};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn status_of(app: &App) -> String {
        let mut term = Terminal::new(TestBackend::new(100, 3)).expect("backend");
        term.draw(|f| draw(f, Rect::new(0, 0, 100, 1), app, Theme { color: false })).expect("draw");
        let buf = term.backend().buffer();
        (0..100).map(|x| buf[(x, 0)].symbol().to_owned()).collect()
    }

    #[test]
    fn a_full_query_says_so_and_shows_its_end() {
        let t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
        let mut app = App::new(t, (100, 30));
        update(&mut app, Msg::StartSearch);
        for c in "putin".chars() {
            update(&mut app, Msg::Input(c));
        }
        let short = status_of(&app);
        assert!(short.contains("/putin▏") && !short.contains("search stops"), "{short}");
        for c in std::iter::repeat_n('x', 300).chain("yz".chars()) {
            update(&mut app, Msg::Input(c));
        }
        assert_eq!(app.filters.query.chars().count(), MAX_QUERY);
        let full = status_of(&app);
        assert!(full.contains("xxx▏ (search stops at 256 characters)"), "{full}");
        assert!(full.contains("/…x"), "the end of the query shows: {full}");
    }

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("abcdef", 6), "abcdef");
        assert_eq!(tail("abcdef", 4), "…def");
        assert_eq!(tail("日本語", 5), "…本語");
        assert_eq!(tail("abc", 0), "");
    }
}
