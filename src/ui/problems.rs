//! The problems pane: every problem of a save that could not be loaded,
//! `LINE:COLUMN: message`, one highlighted (Enter or `e` opens the editor
//! there), over the bottom of the screen while the last good version stays
//! visible above it; and the `o` chooser, when an event has several sources.

use super::popup::centered;
use super::wrap::ellipsize;
use super::{Theme, as_selected, clean, pane};
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Draws the problems pane over the lower part of `area` (above the status bar).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let w = &app.writing;
    let n = w.problems.len();
    let height =
        u16::try_from(n + 3).unwrap_or(u16::MAX).clamp(4, (area.height / 2).max(4)).min(area.height.saturating_sub(1));
    let rect = Rect { x: area.x, y: area.bottom().saturating_sub(height + 1), width: area.width, height };
    frame.render_widget(Clear, rect);
    let title = format!(" Problems ({n}) · showing the last good version · e edit there · Esc hide ");
    let block = pane(title, w.problems_focused, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = usize::from(inner.height);
    let first = w.problem_cursor.saturating_sub(room.saturating_sub(1));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = w
        .problems
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(i, p)| {
            let at = format!("{}:{}: ", p.line, p.column);
            let text = ellipsize(&clean(&p.message), width.saturating_sub(at.len()));
            let line = Line::from(vec![Span::styled(at, theme.key()), Span::raw(text)]);
            if i == w.problem_cursor && w.problems_focused { as_selected(line, theme) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    super::scroll_marks(frame, rect, inner, n, first, room, theme);
}

/// Draws the `o` chooser centred over `area`.
pub fn draw_chooser(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(c) = &app.writing.chooser else { return };
    let rect = centered(area, 72, u16::try_from(c.entries.len() * 2 + 2).unwrap_or(u16::MAX));
    frame.render_widget(Clear, rect);
    let block = pane(" Open which source? Enter open · Esc cancel ", true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = Vec::new();
    for (i, (label, url)) in c.entries.iter().enumerate() {
        let pair = [Line::raw(clean(label)), Line::styled(format!("  {}", clean(url)), theme.muted())];
        lines.extend(pair.into_iter().map(|l| if i == c.cursor { as_selected(l, theme) } else { l }));
    }
    let top = (c.cursor * 2 + 2).saturating_sub(usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()), inner);
}

#[cfg(test)]
mod tests {
    use crate::app::writing::ProblemLine;
    use crate::app::{App, Msg, update};
    use crate::timeline::limits::Limits;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    const FILE: &str = "title: T\nsources:\n  - {id: s, title: S, url: \"https://s.example/1\"}\n  - {id: t, title: T2, url: \"http://t.example/\"}\n\
        events:\n  - {id: a, date: 2020-01-01, title: Alpha, sources: [s, t]}\n";

    fn screen(app: &App) -> String {
        let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
        term.draw(|f| {
            super::super::draw(f, app, super::Theme { color: false });
        })
        .expect("draw");
        let buf = term.backend().buffer();
        (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
            .collect()
    }

    fn app() -> App {
        let t = crate::timeline::load_bytes("t.yaml", FILE.as_bytes(), &Limits::default()).expect("loads");
        App::new(t, (100, 30))
    }

    #[test]
    fn a_failed_reload_shows_stale_and_every_problem_with_its_place() {
        let mut app = app();
        let problems = vec![
            ProblemLine { line: 12, column: 5, message: "event `b`: `2020-13-01` is not a date".into() },
            ProblemLine { line: 14, column: 1, message: "evil \u{1b}[2J".into() },
        ];
        update(&mut app, Msg::ReloadFailed(problems));
        let s = screen(&app);
        assert!(s.contains("Problems (2)"), "{s}");
        assert!(s.contains("12:5: event `b`: `2020-13-01` is not a date"), "{s}");
        assert!(s.contains("14:1: evil ␛[2J"), "{s}");
        assert!(s.contains("STALE"), "{s}");
        assert!(s.contains("not reloaded: the file has 2 problems"), "{s}");
    }

    #[test]
    fn the_chooser_lists_each_openable_source() {
        let mut app = app();
        update(&mut app, Msg::OpenSource);
        let s = screen(&app);
        assert!(s.contains("Open which source?"), "{s}");
        assert!(s.contains("https://s.example/1") && s.contains("http://t.example/"), "{s}");
    }
}
