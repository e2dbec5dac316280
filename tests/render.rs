//! Rendering tests on ratatui's `TestBackend`: snapshots of the main screens,
//! style checks (selection, highlights, NO_COLOR), and every size drawn
//! without a panic.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use support::{bundled, render, screen, send, type_text};
use tlview::app::{Msg, PickerKind, Step};
use tlview::ui::{self, Theme};

const COLOR: Theme = Theme { color: true };

#[path = "support/screen.rs"]
mod support;

#[test]
fn default_screen_120x40() {
    insta::assert_snapshot!(screen(&bundled(120, 40)));
}

#[test]
fn bundled_axis_counts_3_on_7_february_and_shades_the_uncertain_week() {
    let s = screen(&bundled(120, 40));
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[2].starts_with("\"│3 +10~ "), "3 dated 7 February, 10 uncertain from there: {}", rows[2]);
    let bars = rows[1];
    let shaded = bars.split(' ').filter(|run| !run.is_empty() && run.chars().all(|c| c == '░')).count();
    assert_eq!(shaded, 5, "the uncertain span shades 8, 9, 10, 11 and 13 February: {bars}");
    assert!(rows[4].contains("7 Feb") && rows[4].contains("14 Feb"));
}

#[test]
fn stacked_layout_80x30() {
    insta::assert_snapshot!(screen(&bundled(80, 30)));
}

#[test]
fn quotes_pane_open() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::Move(Step::By(2)), Msg::OpenQuotes, Msg::Focus(-1)]);
    let s = screen(&app);
    assert!(s.contains("there are no Russian servicemen in Deir az-Zour."), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn actor_popup() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::StartSearch]);
    type_text(&mut app, "pesk");
    send(&mut app, &[Msg::Accept, Msg::Toggle]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn help_overlay() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::ToggleHelp]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn the_help_explains_every_axis_glyph() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::ToggleHelp, Msg::Move(Step::Last)]);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    let mut limits = None;
    term.draw(|f| limits = Some(ui::draw(f, &app, COLOR))).expect("draw");
    send(&mut app, &[Msg::Drawn(limits.expect("drawn"))]);
    let s = screen(&app);
    for glyph in ["▆ 3 events inside the tick", "+2~ longer or uncertain, from here", "░ their span", "━ selected"]
    {
        assert!(s.contains(glyph), "{glyph} in\n{s}");
    }
}

#[test]
fn search_with_highlights() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "putin");
    let term = render(&app, COLOR);
    let buf = term.backend().buffer();
    assert!(highlighted(buf, COLOR).to_lowercase().contains("putin"), "no highlighted match");
    insta::assert_snapshot!(term.backend().to_string());
}

#[test]
fn empty_filter_result() {
    let mut app = bundled(120, 40);
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "zzzz");
    send(&mut app, &[Msg::Accept]);
    let s = screen(&app);
    assert!(s.contains("No events match the filters.") && s.contains("Search  \"zzzz\""), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn too_small_screen() {
    insta::assert_snapshot!(screen(&bundled(39, 11)));
}

/// The symbols of cells drawn in the match style, in reading order.
fn highlighted(buf: &Buffer, theme: Theme) -> String {
    let want = theme.matched();
    buf.content.iter().filter(|c| Some(c.bg) == want.bg && Some(c.fg) == want.fg).map(|c| c.symbol()).collect()
}

#[test]
fn no_color_keeps_selection_visible_without_colours() {
    let app = bundled(120, 40);
    let term = render(&app, Theme { color: false });
    let buf = term.backend().buffer();
    let reversed = buf.content.iter().filter(|c| c.modifier.contains(Modifier::REVERSED)).count();
    assert!(reversed > 20, "the selected row is drawn in reverse video");
    assert!(buf.content.iter().all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset));
}

#[test]
fn every_size_draws_without_panic() {
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for w in (1..=250).step_by(9).chain([39, 40, 99, 100, 250]) {
        for h in (1..=80).step_by(7).chain([11, 12, 15, 16, 23, 24, 80]) {
            sizes.push((w, h));
        }
    }
    let mut app = bundled(120, 40);
    for (i, &(w, h)) in sizes.iter().enumerate() {
        send(&mut app, &[Msg::Resize(w, h)]);
        match i % 5 {
            0 => send(&mut app, &[Msg::Move(Step::By(1))]),
            1 => send(&mut app, &[Msg::OpenQuotes]),
            2 => send(&mut app, &[Msg::ToggleHelp]),
            3 => send(&mut app, &[Msg::Close, Msg::OpenPicker(PickerKind::Tags)]),
            _ => send(&mut app, &[Msg::Close, Msg::Close, Msg::Zoom(1)]),
        }
        let term = render(&app, COLOR);
        let buf = term.backend().buffer();
        if w >= tlview::app::layout::MIN_SIZE.0 && h >= tlview::app::layout::MIN_SIZE.1 {
            // The axis pane spans the whole width: its corners sit in the first
            // and last columns, whatever else the frame shows.
            let (left, right) = (buf[(0, 0)].symbol(), buf[(w - 1, 0)].symbol());
            assert_eq!((left, right), ("╭", "╮"), "{w}x{h}: the axis's top corners");
            let status: String = (0..w).map(|x| buf[(x, h - 1)].symbol()).collect();
            assert!(!status.trim().is_empty(), "{w}x{h}: the status bar is drawn");
        }
    }
}

#[test]
fn scrolling_past_the_end_is_clamped_once_drawn() {
    let mut app = bundled(80, 24);
    send(&mut app, &[Msg::Focus(1), Msg::Move(Step::Last)]);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    let mut limits = None;
    term.draw(|f| limits = Some(ui::draw(f, &app, COLOR))).expect("draw");
    let limits = limits.expect("drawn");
    let bottom = limits.detail.expect("the detail pane is drawn when it has focus");
    assert!(bottom > 0, "the first event's detail is taller than the pane at 80x24");
    send(&mut app, &[Msg::Drawn(limits)]);
    assert_eq!(app.detail_scroll, bottom);
    send(&mut app, &[Msg::Move(Step::By(-1))]);
    assert_eq!(app.detail_scroll, bottom - 1, "one k after G moves up one line");
}
