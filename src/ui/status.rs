//! The status bar: how many events show, then a notice (why a key did
//! nothing, what a reload did), the search being typed, or the filters in
//! force and how they combine; and the keys that matter in the current mode,
//! from the key table. The help and quit hints never drop: the other hints
//! give way first, then the axis unit, then the left text, cut with `…`.

use super::wrap::{ellipsize, str_width};
use super::{Theme, clean};
use crate::app::{App, MAX_QUERY, Mode, axis};
use crate::keys::{self, Hint};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the status bar into the one-row `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let width = usize::from(area.width);
    let hints = keys::hints(app.mode);
    let cost = |h: &Hint| str_width(&h.key) + str_width(h.word) + 3;
    let essential: usize = hints.iter().filter(|h| h.essential).map(cost).sum();
    let left_room = width.saturating_sub(essential + 1);
    let mut left = left_spans(app, theme, left_room);
    // Short of room, the axis unit (also on the axis's border) goes first.
    if spans_width(&left) > left_room {
        left.pop();
    }
    let left_width = spans_width(&left).min(left_room);
    // The other hints, in order, while they fit beside the left text.
    let mut room = width.saturating_sub(left_width + essential + 1);
    let shown: Vec<&Hint> = hints
        .iter()
        .filter(|h| {
            if h.essential {
                return true;
            }
            let fits = cost(h) <= room;
            if fits {
                room -= cost(h);
            }
            fits
        })
        .collect();
    let mut budget = left_room;
    let left: Vec<Span> = left
        .into_iter()
        .map(|s| {
            let text = ellipsize(&s.content, budget);
            budget -= str_width(&text);
            Span::styled(text, s.style)
        })
        .collect();
    frame.render_widget(Line::from(left), area);
    let right: Vec<Span> = shown
        .iter()
        .flat_map(|h| {
            [Span::styled(format!(" {}", h.key), theme.key()), Span::styled(format!(" {} ", h.word), theme.muted())]
        })
        .collect();
    let need = shown.iter().map(|h| cost(h)).sum::<usize>().min(width);
    let x = area.x + u16::try_from(width - need).unwrap_or(0);
    frame.render_widget(Line::from(right), Rect::new(x, area.y, u16::try_from(need).unwrap_or(0), 1));
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| str_width(&s.content)).sum()
}

/// The left part, `room` columns at most: counts, the as-of cursor, then a
/// notice, the search prompt or the filters, then the axis unit (last, so it
/// is the first to go).
fn left_spans(app: &App, theme: Theme, room: usize) -> Vec<Span<'static>> {
    let mut left = vec![Span::styled(format!(" {} ", super::list::count(app, true)), theme.heading())];
    if let Some(load) = &app.load {
        let what = if load.rechecking {
            "loading: checking the whole file ".to_owned()
        } else {
            format!("loading {}% ", load.percent())
        };
        left.push(Span::styled(what, theme.key()));
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
        let fixed = spans_width(&left) + 3 + str_width(&note);
        let typed = room.saturating_sub(fixed);
        left.push(Span::styled(" /", theme.key()));
        left.push(Span::raw(tail(&clean(&app.filters.query), typed)));
        left.push(Span::styled("▏", theme.key()));
        left.push(Span::styled(note, theme.muted()));
    } else if let Some(f) = describe_filters(app) {
        left.push(Span::styled(format!(" {f}"), theme.key()));
    }
    let unit = axis::unit(app, axis::inner_width(app.size.0));
    left.push(Span::styled(format!(" · axis: {}", unit.name()), theme.muted()));
    left
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

/// The filters in force and how they combine, or `None`: `search "kremlin" ·
/// and actors: Putin or Peskov · and tag: diplomacy` (each filter lets through
/// any of its entries; an event must pass every filter).
#[must_use]
pub fn describe_filters(app: &App) -> Option<String> {
    let f = &app.filters;
    let t = &app.timeline;
    let mut parts = Vec::new();
    if !f.query.is_empty() {
        parts.push(format!("search \"{}\"", clean(&f.query)));
    }
    let any = |one: &str, many: &str, names: Vec<String>| {
        let what = if names.len() == 1 { one } else { many };
        format!("{what}: {}", names.join(" or "))
    };
    if !f.actors.is_empty() {
        let names = f.actors.iter().filter_map(|&a| t.actors.get(a as usize)).map(|a| clean(&a.name)).collect();
        parts.push(any("actor", "actors", names));
    }
    if !f.tags.is_empty() {
        let names = f.tags.iter().filter_map(|&g| t.tags.get(g as usize)).map(|g| clean(g)).collect();
        parts.push(any("tag", "tags", names));
    }
    if !f.sources.is_empty() {
        let names = f.sources.iter().filter_map(|&s| t.sources.get(s as usize)).map(|s| clean(&s.id)).collect();
        parts.push(any("source", "sources", names));
    }
    if f.unsourced {
        parts.push("no source (u)".to_owned());
    }
    if let Some(status) = f.status {
        parts.push(format!("status: {} (!)", status.map_or("not assessed", crate::timeline::Status::word)));
    }
    (!parts.is_empty()).then(|| {
        let joined: Vec<String> =
            parts.iter().enumerate().map(|(n, p)| if n == 0 { p.clone() } else { format!("and {p}") }).collect();
        joined.join(" · ")
    })
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
    fn a_load_shows_its_percent_then_that_the_whole_file_is_checked() {
        use crate::timeline::Part;
        let t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
        let mut app = App::loading(t, (100, 30));
        update(&mut app, Msg::LoadProgress(40, 100));
        assert!(status_of(&app).contains("loading 40% "), "{}", status_of(&app));
        // The file's total is not known yet: the count says what is loaded so far.
        let loaded = app.timeline.events.len();
        assert!(status_of(&app).contains(&format!(" {loaded} events so far ")), "{}", status_of(&app));
        update(&mut app, Msg::LoadPart(crate::app::Piece(std::sync::Arc::new(Part::Rechecking))));
        let status = status_of(&app);
        assert!(status.contains("loading: checking the whole file") && !status.contains('%'), "{status}");
    }

    #[test]
    fn a_search_worked_out_in_slices_says_searching_until_done() {
        let mut yaml = String::from("title: T\nevents:\n");
        for i in 0..400 {
            yaml.push_str(&format!("  - {{id: e{i}, date: 2020-01-01, title: Talks {i}}}\n"));
        }
        let t = load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("fixture loads");
        let mut app = App::new(t, (100, 30));
        update(&mut app, Msg::StartSearch);
        update(&mut app, Msg::Input('t'));
        assert!(app.searching.is_some());
        assert!(status_of(&app).contains(" searching… of 400 events "), "{}", status_of(&app));
        // The list's title and the axis say so too; the axis shows no counts meanwhile.
        let screen = |app: &App| {
            let mut term = Terminal::new(TestBackend::new(100, 30)).expect("backend");
            term.draw(|f| {
                crate::ui::draw(f, app, Theme { color: false });
            })
            .expect("draw");
            let buf = term.backend().buffer();
            (0..30).map(|y| (0..100).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n").collect::<String>()
        };
        let partial = screen(&app);
        assert!(partial.contains("Events · searching… of 400") && partial.contains("· searching… ╮"), "{partial}");
        // The axis's first inner row holds its bars.
        let bars = |screen: &str| screen.lines().nth(1).is_some_and(|l| l.chars().any(|c| "▁▂▃▄▅▆▇█".contains(c)));
        assert!(!bars(&partial), "{partial}");
        while app.searching.is_some() {
            update(&mut app, Msg::Work);
        }
        assert!(status_of(&app).contains(" 400 of 400 events "), "{}", status_of(&app));
        let whole = screen(&app);
        assert!(whole.contains("Events · 400 of 400") && !whole.contains("searching"), "{whole}");
        assert!(bars(&whole), "the axis counts again: {whole}");
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
