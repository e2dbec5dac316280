//! Fuzzes the loader with arbitrary bytes: it must never panic, hang or
//! exhaust memory; every refusal must print without a control character,
//! in at most 100 problem lines and a count of the rest; and every
//! timeline it accepts must draw without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tlview::app::App;
use tlview::timeline::{limits::Limits, load_bytes};
use tlview::ui::{self, Theme};

fuzz_target!(|data: &[u8]| {
    match load_bytes("fuzz.yaml", data, &Limits::default()) {
        Ok(timeline) => {
            let app = App::new(timeline, (90, 30));
            let mut term = Terminal::new(TestBackend::new(90, 30)).expect("test backend");
            term.draw(|f| {
        ui::draw(f, &app, Theme { color: true });
    }).expect("draw");
            for cell in &term.backend().buffer().content {
                assert!(!cell.symbol().chars().any(|c| c.is_control() || tlview::text::is_unsafe(c)));
            }
        }
        Err(e) => {
            let text = e.to_string();
            assert!(!text.chars().any(|c| c != '\n' && (c.is_control() || tlview::text::is_unsafe(c))));
            assert!(text.lines().count() <= 101, "{} lines", text.lines().count());
        }
    }
});
