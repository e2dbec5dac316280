use super::*;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::widgets::Paragraph;

#[test]
fn only_http_and_https_become_targets() {
    assert_eq!(target("https://example.org/a?b=1").as_deref(), Some("https://example.org/a?b=1"));
    assert_eq!(target("HTTP://example.org").as_deref(), Some("HTTP://example.org"));
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "ftp://x",
        "example.org",
        "https:",
        "https://",
    ] {
        assert_eq!(target(bad), None, "{bad}");
    }
}

#[test]
fn control_characters_never_reach_a_target() {
    assert_eq!(target("https://x.org/\u{1b}\\\u{1b}]8;;https://evil"), None);
    assert_eq!(target("https://x.org/\u{7}"), None);
    assert_eq!(target("https://x.org/a\u{202e}b"), None);
    // Spaces and non-ASCII are percent-encoded: the target is printable ASCII only.
    assert_eq!(
        target("https://ar.wikipedia.org/wiki/دير x").as_deref(),
        Some("https://ar.wikipedia.org/wiki/%D8%AF%D9%8A%D8%B1%20x")
    );
}

/// What a crossterm backend writes for `buf` drawn over a blank screen.
fn raw_output(paint: impl FnOnce(&mut Buffer)) -> String {
    let mut out = Vec::new();
    {
        let backend = CrosstermBackend::new(&mut out);
        let mut term = Terminal::with_options(
            backend,
            ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(Rect::new(0, 0, 30, 3)) },
        )
        .expect("terminal");
        term.draw(|f| {
            f.render_widget(
                Paragraph::new(vec!["see https://a.org/x here".into(), "javascript:alert(1)".into()]),
                f.area(),
            );
            paint(f.buffer_mut());
        })
        .expect("draw");
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn a_link_is_written_once_and_the_text_after_it_still_drawn() {
    let out = raw_output(|buf| {
        let area = buf.area;
        for url in ["https://a.org/x", "javascript:alert(1)"] {
            if let Some(to) = target(url) {
                link_text(buf, area, url, &to);
            }
        }
    });
    assert_eq!(out.matches("\x1b]8;;https://a.org/x\x1b\\https://a.org/x\x1b]8;;\x1b\\").count(), 1, "{out:?}");
    assert!(!out.contains("8;;javascript"), "{out:?}");
    assert!(out.contains("here"), "{out:?}");
    assert!(out.contains("alert(1)"), "{out:?}");
}

#[test]
fn a_url_wrapped_over_two_rows_links_both_pieces() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 2));
    buf.set_string(0, 0, "x https://", ratatui::style::Style::new());
    buf.set_string(0, 1, "  a.org/y", ratatui::style::Style::new());
    let area = buf.area;
    link_text(&mut buf, area, "https://a.org/y", "https://a.org/y");
    assert_eq!(buf[(2, 0)].symbol(), osc8("https://a.org/y", "https://"));
    assert_eq!(buf[(2, 1)].symbol(), osc8("https://a.org/y", "a.org/y"));
    assert_eq!(buf[(3, 0)].diff_option, CellDiffOption::Skip);
    assert_eq!(buf[(0, 0)].symbol(), "x");
}

#[test]
fn mark_links_the_selected_events_http_sources_only() {
    let yaml = "title: T\nsources:\n  - {id: s, title: S, url: \"https://s.example/1\"}\n  - {id: j, title: J, url: \"javascript:alert(1)\"}\n  - {id: f, title: F, url: \"file:///etc/passwd\"}\nevents:\n  - {id: a, date: 2020-01-01, title: Alpha, sources: [s, j, f]}\n";
    let t = crate::timeline::load_bytes("t.yaml", yaml.as_bytes(), &crate::timeline::limits::Limits::default())
        .expect("loads");
    let app = App::new(t, (120, 40));
    let mut term = Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    let frame = term
        .draw(|f| {
            crate::ui::draw(f, &app, crate::ui::Theme { color: false });
            mark(f.buffer_mut(), &app);
        })
        .expect("draw");
    let symbols: Vec<&str> =
        frame.buffer.content().iter().map(|c| c.symbol()).filter(|s| s.contains("\x1b]8;;")).collect();
    assert_eq!(symbols, [osc8("https://s.example/1", "https://s.example/1")]);
}
