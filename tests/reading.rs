//! Rendering tests for reading at every size: nothing is cut without an
//! ellipsis, every pane that holds more than it shows says so, the help
//! uses the width it has and wraps, the status bar keeps `? help` and
//! `q quit`, and search matches are marked in every pane.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::{bundled, send, type_text};
use tlview::app::{App, Msg, PickerKind, Step, update};
use tlview::ui::{self, Theme};

#[path = "support/screen.rs"]
mod support;

const COLOR: Theme = Theme { color: true };

/// Draws `app`, hands the scroll limits back as the terminal loop does, and returns the screen.
fn screen(app: &mut App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test backend");
    let mut limits = None;
    term.draw(|f| limits = Some(ui::draw(f, app, COLOR))).expect("draw");
    update(app, Msg::Drawn(limits.expect("drawn")));
    term.backend().to_string()
}

/// The list's rows (the left pane, below the axis), as drawn.
fn list_rows(s: &str, list_width: usize) -> Vec<String> {
    s.lines().skip(7).map(|l| l.trim_matches('"').chars().take(list_width).collect()).collect()
}

#[test]
fn screen_80x24() {
    let mut app = bundled(80, 24);
    let s = screen(&mut app);
    assert!(s.contains("more ─╯"), "the list says it holds more:\n{s}");
    assert!(s.contains("? help") && s.contains("q quit"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn titles_cut_at_120_columns_end_in_an_ellipsis() {
    let mut app = bundled(120, 40);
    let s = screen(&mut app);
    assert!(s.contains("Pro-Assad forces attack base held by US an…"), "{s}");
}

#[test]
fn screen_200x60() {
    let mut app = bundled(200, 60);
    let s = screen(&mut app);
    let list = list_rows(&s, 100);
    assert!(list.iter().all(|l| !l.contains('…')), "every bundled title fits at 200 columns:\n{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn detail_says_there_is_more_at_80x24() {
    let mut app = bundled(80, 24);
    send(&mut app, &[Msg::Focus(1)]);
    let s = screen(&mut app);
    assert!(s.contains("more ─╯"), "{s}");
    send(&mut app, &[Msg::Move(Step::Last)]);
    let s = screen(&mut app);
    let s = screen_again(&mut app, s);
    assert!(s.contains("quoted statement") || s.contains("Sources"), "the end of the detail is reachable:\n{s}");
}

/// The screen once the scroll clamp of the previous frame has applied.
fn screen_again(app: &mut App, _previous: String) -> String {
    screen(app)
}

#[test]
fn help_wraps_and_scrolls_at_80x24() {
    let mut app = bundled(80, 24);
    send(&mut app, &[Msg::ToggleHelp]);
    let s = screen(&mut app);
    assert!(s.contains("more ─╯"), "the help says it scrolls:\n{s}");
    insta::assert_snapshot!(s);
    send(&mut app, &[Msg::Move(Step::Last)]);
    let _ = screen(&mut app);
    let s = screen(&mut app);
    assert!(s.contains("━ selected"), "the help scrolls to its end:\n{s}");
    assert!(!s.contains("more ─╯"), "nothing more below the end:\n{s}");
}

#[test]
fn help_uses_the_width_at_200x60() {
    let mut app = bundled(200, 60);
    send(&mut app, &[Msg::ToggleHelp]);
    let s = screen(&mut app);
    let help_row = s.lines().find(|l| l.contains("Keys · ? or Esc closes")).expect("help title");
    let chars: Vec<char> = help_row.chars().collect();
    let left = chars.iter().position(|&c| c == '╭').expect("left corner");
    let right = chars.iter().skip(left).position(|&c| c == '╮').expect("right corner");
    assert!(right + 1 > 100, "the help uses the width there is: {} columns in {help_row}", right + 1);
    assert!(s.contains("open the quotes pane; it follows the selection (Tab to scroll it)"), "unwrapped:\n{s}");
}

#[test]
fn status_keeps_help_and_quit_with_filters_at_80_columns() {
    let mut app = bundled(80, 24);
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors), Msg::StartSearch]);
    type_text(&mut app, "peskov");
    send(&mut app, &[Msg::Accept, Msg::Toggle, Msg::Close, Msg::Move(Step::By(1)), Msg::Toggle, Msg::Accept]);
    send(&mut app, &[Msg::OpenPicker(PickerKind::Tags), Msg::Toggle, Msg::Accept]);
    let s = screen(&mut app);
    let status = s.lines().last().expect("status");
    assert!(status.contains("? help") && status.contains("q quit"), "{status}");
    assert!(status.contains("actors: ") && status.contains('…'), "a long description is cut, not dropped: {status}");
    let mut wide = bundled(200, 60);
    send(&mut wide, &[Msg::OpenPicker(PickerKind::Actors), Msg::StartSearch]);
    type_text(&mut wide, "peskov");
    send(&mut wide, &[Msg::Accept, Msg::Toggle, Msg::Close, Msg::Move(Step::By(1)), Msg::Toggle, Msg::Accept]);
    send(&mut wide, &[Msg::OpenPicker(PickerKind::Tags), Msg::Toggle, Msg::Accept]);
    let s = screen(&mut wide);
    let status = s.lines().last().expect("status");
    assert!(status.contains("actors: Dmitry Peskov or ") && status.contains(" · and tag: "), "{status}");
}

#[test]
fn matches_are_marked_in_list_detail_and_quotes() {
    let mut app = bundled(200, 60);
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "servicemen");
    send(&mut app, &[Msg::Accept, Msg::OpenQuotes]);
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    term.draw(|f| {
        ui::draw(f, &app, COLOR);
    })
    .expect("draw");
    let buf = term.backend().buffer();
    let areas = tlview::app::layout::current(&app).expect("fits");
    let want = COLOR.matched();
    let marked = |r: ratatui::layout::Rect| {
        let mut n = 0;
        for y in r.top()..r.bottom() {
            for x in r.left()..r.right() {
                if buf[(x, y)].bg == want.bg.unwrap_or_default() {
                    n += 1;
                }
            }
        }
        n
    };
    assert!(marked(areas.list) > 0, "list");
    assert!(marked(areas.detail.expect("detail")) > 0, "detail");
    assert!(marked(areas.quotes.expect("quotes")) > 0, "quotes");
}

#[test]
fn a_long_picker_says_it_has_more() {
    let mut app = bundled(80, 16);
    send(&mut app, &[Msg::OpenPicker(PickerKind::Actors)]);
    let s = screen(&mut app);
    assert!(s.contains("more ─╯"), "{s}");
    assert!(s.contains('…'), "long roles are cut with an ellipsis:\n{s}");
}

#[test]
fn matches_in_editors_notes_are_marked() {
    let mut app = support::app(include_str!("fixtures/ever-given.yaml"), 200, 60);
    send(&mut app, &[Msg::StartSearch]);
    type_text(&mut app, "find the investigation");
    send(&mut app, &[Msg::Accept]);
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    term.draw(|f| {
        ui::draw(f, &app, COLOR);
    })
    .expect("draw");
    let buf = term.backend().buffer();
    let detail = tlview::app::layout::current(&app).and_then(|a| a.detail).expect("detail");
    let bg = COLOR.matched().bg.unwrap_or_default();
    let marked: String = (detail.top()..detail.bottom())
        .flat_map(|y| (detail.left()..detail.right()).map(move |x| (x, y)))
        .filter(|&p| buf[p].bg == bg)
        .map(|p| buf[p].symbol().to_owned())
        .collect();
    assert_eq!(marked.to_lowercase(), "find the investigation", "the note's match is marked");
}
