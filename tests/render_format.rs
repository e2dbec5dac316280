//! Rendering of what the format lets a journalist say: status and no-source
//! markers in the list, the detail pane's status, notes, media and related
//! events, a translated quote, and the empty timeline's screen.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tlview::app::{App, Msg, Step, update};
use tlview::timeline::limits::Limits;
use tlview::timeline::load_bytes;
use tlview::ui::{self, Theme};

const EVER_GIVEN: &str = include_str!("fixtures/ever-given.yaml");

fn app(yaml: &str, w: u16, h: u16) -> App {
    let t = load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()).expect("loads");
    let mut app = App::new(t, (w, h));
    update(&mut app, Msg::Resize(w, h));
    app
}

fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test backend");
    term.draw(|f| {
        ui::draw(f, app, Theme { color: true });
    })
    .expect("draw");
    term.backend().to_string()
}

#[test]
fn ever_given_grounding_detail() {
    let mut app = app(EVER_GIVEN, 120, 40);
    update(&mut app, Msg::Move(Step::By(2)));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn ever_given_translated_quote_and_notes() {
    let mut app = app(EVER_GIVEN, 120, 40);
    let chairman = app.shown.events().iter().position(|&i| &*app.timeline.events[i as usize].id == "rabie-speaks");
    update(&mut app, Msg::Move(Step::By(i32::try_from(chairman.expect("event")).expect("small"))));
    update(&mut app, Msg::OpenQuotes);
    let s = screen(&app);
    assert!(s.contains("translated from ar"), "{s}");
    app.filters = Default::default();
    update(&mut app, Msg::Close);
    update(&mut app, Msg::Move(Step::First));
    let s = screen(&app);
    assert!(s.contains("✎ Editor's notes (not part of the account)"), "{s}");
    assert!(s.contains("│ Day unknown; they were at work by 27 March."), "{s}");
}

#[test]
fn empty_timeline_says_how_to_add_an_event() {
    insta::assert_snapshot!(screen(&app("title: New story\nevents: []\n", 80, 24)));
}
