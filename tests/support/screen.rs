//! What the rendering tests share (each includes this file with `#[path]`):
//! a viewer on a timeline at a size, messages sent to it, and its screen
//! drawn on ratatui's `TestBackend`, as text.
#![allow(dead_code, reason = "each test crate that includes this file uses only some of its helpers")]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tlview::app::{App, Msg, update};
use tlview::timeline::limits::Limits;
use tlview::timeline::{BUNDLED, load_bytes};
use tlview::ui::{self, Theme};

/// A viewer on the timeline `yaml`, sized `w`×`h`; panics if it does not load.
pub fn app(yaml: &str, w: u16, h: u16) -> App {
    let t = load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("the test timeline loads");
    let mut app = App::new(t, (w, h));
    update(&mut app, Msg::Resize(w, h));
    app
}

/// A viewer on the bundled timeline, sized `w`×`h`.
pub fn bundled(w: u16, h: u16) -> App {
    app(BUNDLED, w, h)
}

/// `app` drawn once in `theme`.
pub fn render(app: &App, theme: Theme) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test backend");
    term.draw(|f| {
        ui::draw(f, app, theme);
    })
    .expect("draw");
    term
}

/// The screen of `app` in colour, as text.
pub fn screen(app: &App) -> String {
    render(app, Theme { color: true }).backend().to_string()
}

/// Each message in turn, through `update`.
pub fn send(app: &mut App, msgs: &[Msg]) {
    msgs.iter().for_each(|m| update(app, m.clone()));
}

/// Each character of `s` typed into the prompt or filter that is open.
pub fn type_text(app: &mut App, s: &str) {
    s.chars().for_each(|c| update(app, Msg::Input(c)));
}
