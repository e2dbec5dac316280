//! Property tests: random bytes, mutated timelines and random nesting go
//! through the loader; timelines whose every field holds escape sequences,
//! bidi controls and wide or zero-width text go through the renderer at
//! random sizes. Nothing may panic, no cell may hold a control character,
//! and the panes' borders must stay where the layout puts them.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tlview::app::{App, Msg, PickerKind, Step, layout, update};
use tlview::timeline::limits::Limits;
use tlview::timeline::{BUNDLED, load_bytes};
use tlview::ui::{self, Theme};

/// Pieces hostile text is made of: controls, escapes, bidi, and every kind of wide or zero-width text.
const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "word",
    "\u{1b}",
    "\u{1b}]0;title\u{7}",
    "\u{1b}[2J",
    "\u{1b}]52;c;SGk=\u{7}",
    "\u{7}",
    "\r",
    "\n",
    "\t",
    "\u{0}",
    "\u{8}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "日本語",
    "Ａ",
    "👩\u{200d}👩\u{200d}👧",
    "👍🏽",
    "🇺🇦",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "ภาษาไทย",
    "क्षि",
    "مرحبا",
    "שלום",
    "\u{fe0f}",
    "ﾞ",
];

fn hostile_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..12).prop_map(|p| p.concat())
}

/// `s` as a YAML double-quoted scalar: every character escaped, so any text survives.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | ' ' => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A valid timeline whose every free-text field is `f[i]`.
fn timeline_yaml(f: &[String]) -> String {
    let q = |i: usize| quoted(&format!("{}x", f[i % f.len()]));
    format!(
        "title: {}\ndescription: {}\nactors:\n  - {{id: a, name: {}, role: {}, aliases: [{}]}}\n\
         sources:\n  - {{id: s, title: {}, publisher: {}, url: {}}}\nevents:\n\
         \x20 - {{id: e1, date: 2018-02-07, title: {}, summary: {}, location: {}, actors: [a], tags: [{}], sources: [s],\
         \x20quotes: [{{by: a, text: {}, source: s, context: {}}}]}}\n\
         \x20 - {{id: e2, date: 2018-02-08T10:00+03:00, end: 2018-02-09, approximate: true, title: {}, tags: [{}]}}\n",
        q(0),
        q(1),
        q(2),
        q(3),
        q(4),
        q(5),
        q(6),
        q(7),
        q(8),
        q(9),
        q(10),
        q(11),
        q(12),
        q(13),
        q(14),
        q(15)
    )
}

fn assert_clean_and_aligned(buf: &Buffer, app: &App) {
    for cell in &buf.content {
        let bad = cell.symbol().chars().find(|&c| c.is_control() || tlview::text::is_unsafe(c));
        assert!(bad.is_none(), "cell holds {bad:?}");
    }
    let Some(areas) = layout::current(app) else { return };
    if app.mode != tlview::app::Mode::Browse {
        return; // popups cover the panes' borders
    }
    for pane in [Some(areas.list), areas.detail, areas.quotes].into_iter().flatten() {
        for y in pane.y + 1..pane.bottom().saturating_sub(1) {
            assert_eq!(buf[(pane.x, y)].symbol(), "│", "left border of {pane:?} at row {y}");
            let right = buf[(pane.right() - 1, y)].symbol();
            assert!(matches!(right, "│" | "█" | "║" | "▐" | "▌"), "right border of {pane:?} at row {y} is {right:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn hostile_fields_render_safely_at_any_size(
        fields in proptest::collection::vec(hostile_text(), 16),
        w in 1u16..220,
        h in 1u16..70,
        keys in proptest::collection::vec(0u8..8, 0..6),
    ) {
        let yaml = timeline_yaml(&fields);
        let t = load_bytes("p.yaml", yaml.as_bytes(), &Limits::default()).expect("generated timelines are valid");
        let mut app = App::new(t, (w, h));
        update(&mut app, Msg::Resize(w, h));
        for k in keys {
            let msg = match k {
                0 => Msg::Move(Step::By(1)),
                1 => Msg::OpenQuotes,
                2 => Msg::Focus(1),
                3 => Msg::Zoom(1),
                4 => Msg::OpenPicker(PickerKind::Actors),
                5 => Msg::Close,
                6 => Msg::StartSearch,
                _ => Msg::Input('x'),
            };
            update(&mut app, msg);
        }
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
        term.draw(|f| {
        ui::draw(f, &app, Theme { color: true });
    }).expect("draw");
        assert_clean_and_aligned(term.backend().buffer(), &app);
    }

    #[test]
    fn yaml_shaped_text_never_panics_the_loader(text in yaml_shaped()) {
        if let Err(e) = load_bytes("r.yaml", text.as_bytes(), &Limits::default()) {
            let text = e.to_string();
            prop_assert!(!text.chars().any(|c| c != '\n' && (c.is_control() || tlview::text::is_unsafe(c))));
            prop_assert!(text.lines().all(|l| l.starts_with("r.yaml:")), "{}", text);
        }
    }

    #[test]
    fn mutated_timelines_load_or_explain(cuts in proptest::collection::vec((0usize..20_000, 0usize..40, any::<u8>()), 1..6)) {
        let mut bytes = BUNDLED.as_bytes().to_vec();
        for (at, len, byte) in cuts {
            let at = at % bytes.len().max(1);
            let end = (at + len).min(bytes.len());
            match byte % 3 {
                0 => { bytes.drain(at..end); }
                1 => bytes.insert(at, byte),
                _ => { let copy = bytes[at..end].to_vec(); bytes.splice(at..at, copy); }
            }
        }
        match load_bytes("m.yaml", &bytes, &Limits::default()) {
            Ok(t) => {
                let app = App::new(t, (100, 30));
                let mut term = Terminal::new(TestBackend::new(100, 30)).expect("backend");
                term.draw(|f| {
        ui::draw(f, &app, Theme { color: false });
    }).expect("draw");
            }
            Err(e) => prop_assert!(e.to_string().lines().all(|l| l.starts_with("m.yaml:"))),
        }
    }

    #[test]
    fn random_nesting_is_refused_at_the_limit_or_checked(opens in proptest::collection::vec((any::<bool>(), any::<bool>(), 0u8..3), 24..40)) {
        let mut doc = String::from("title: T\nevents: [{id: a, date: 2018, title: A}]\nextra: ");
        let mut closes = Vec::new();
        for (i, (list, anchored, items)) in opens.iter().enumerate() {
            if *anchored {
                doc.push_str(&format!("&x{i} "));
            }
            if *list {
                doc.push('[');
                for _ in 0..*items {
                    doc.push_str("1, ");
                }
                closes.push(']');
            } else {
                doc.push_str("{k: ");
                closes.push('}');
            }
        }
        doc.push('0');
        doc.extend(closes.iter().rev());
        doc.push('\n');
        let text = match load_bytes("n.yaml", doc.as_bytes(), &Limits::default()) {
            Ok(_) => return Err(TestCaseError::fail("`extra` is never a valid key")),
            Err(e) => e.to_string(),
        };
        // The top-level mapping is one level; each open adds one; 32 is the limit.
        if 1 + opens.len() > 32 {
            prop_assert!(text.starts_with("n.yaml:3:") && text.contains("nesting deeper than"), "{}", text);
        } else {
            prop_assert!(text.starts_with("n.yaml:3:1: unknown key `extra` at the top level"), "{}", text);
            prop_assert_eq!(text.lines().count(), 1, "{}", text);
        }
    }
}

/// Text shaped like YAML (keys, indentation, flow brackets, anchors, quotes,
/// dates and odd characters), always valid UTF-8, so the parser and the
/// validator are reached rather than the encoding check.
fn yaml_shaped() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "title",
        "events",
        "actors",
        "sources",
        "id",
        "date",
        "end",
        "quotes",
        "by",
        "text",
        "tags",
        "x",
        "a",
        ":",
        ": ",
        " ",
        "  ",
        "\n",
        "\n  ",
        "\n    ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&a ",
        "*a",
        "\"",
        "'",
        "2018",
        "2018-02-30",
        "2018-02-07T22:00+03:00",
        "0x7E4",
        "+2020",
        "18446744073709551616",
        "#",
        "? ",
        "|",
        ">",
        "---",
        "\t",
        "é",
        "日本",
        "\u{200b}",
        "\u{301}",
        "~",
        "!!str ",
        "true",
        "yes",
        "%",
        "@",
        "\\e",
    ];
    proptest::collection::vec(proptest::sample::select(TOKENS), 0..200).prop_map(|t| t.concat())
}

#[test]
fn yaml_shaped_text_mostly_reaches_the_yaml_checks() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = yaml_shaped();
    let (mut reached, total) = (0, 500);
    for _ in 0..total {
        let text = strategy.new_tree(&mut runner).expect("a case").current();
        let refused_as_text = match load_bytes("r.yaml", text.as_bytes(), &Limits::default()) {
            Ok(_) => false,
            Err(e) => {
                let e = e.to_string();
                e.contains("not valid UTF-8") || e.contains("raw control character")
            }
        };
        reached += usize::from(!refused_as_text);
    }
    assert!(reached * 10 >= total * 9, "only {reached} of {total} cases got past the encoding check");
}
