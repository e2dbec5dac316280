//! A terminal that reports no columns or no rows (a closed pty can) must still draw and return.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tlview::app::{App, Msg, update};
use tlview::timeline::limits::Limits;
use tlview::timeline::{BUNDLED, load_bytes};
use tlview::ui::{self, Theme};

#[test]
fn zero_sized_terminals_draw_and_return() {
    let t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
    let mut app = App::new(t, (0, 0));
    for (w, h) in [(0, 0), (0, 5), (5, 0), (1, 0), (0, 1)] {
        update(&mut app, Msg::Resize(w, h));
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
        term.draw(|f| {
            ui::draw(f, &app, Theme { color: true });
        })
        .expect("draw");
    }
}
