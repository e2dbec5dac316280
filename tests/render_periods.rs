//! Named periods on screen: a labelled band along the axis's bottom border
//! (the title only where it fits), and "Period" in the detail pane.

use tlview::app::{App, Msg, update};
use tlview::ui::Theme;

#[path = "support/screen.rs"]
mod support;

/// The screen without colour.
fn screen(app: &App) -> String {
    support::render(app, Theme { color: false }).backend().to_string()
}

const YAML: &str = "title: Periods
periods:
  - {id: siege, title: The siege, date: 2018-02-01, end: 2018-03-15}
  - {id: w, title: A title far too long to fit in a band this narrow, date: 2018-05-01, end: 2018-05-03}
events:
  - {id: a, date: 2018-01-10, title: Before}
  - {id: b, date: 2018-02-07, title: During}
  - {id: c, date: 2018-06-20, title: After}
";

#[test]
fn periods_are_bands_on_the_axis_and_named_in_the_detail() {
    let mut app = support::app(YAML, 120, 40);
    let s = screen(&app);
    let band = s.lines().find(|l| l.contains('═')).unwrap_or_else(|| panic!("no band:\n{s}"));
    assert!(band.contains("╞") && band.contains(" The siege ") && band.contains("╡"), "{band}\n{s}");
    assert!(!s.contains("far too long"), "a title that does not fit is not cut into the band:\n{s}");
    assert!(!s.contains("│Period "), "the first event is in no period:\n{s}");
    update(&mut app, Msg::Move(tlview::app::Step::By(1)));
    let s = screen(&app);
    assert!(s.contains("│Period  The siege"), "{s}");
}
