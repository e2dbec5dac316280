//! The README's screenshot, `assets/screenshot.svg`, is a real render of the
//! bundled timeline at 120×40 turned into SVG cell by cell. This test fails
//! when the committed file no longer matches what tlview draws; regenerate it
//! with `UPDATE_SCREENSHOT=1 cargo test --test screenshot`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::fmt::Write as _;
use tlview::app::{App, Msg, Step, update};
use tlview::timeline::limits::Limits;
use tlview::timeline::{BUNDLED, load_bytes};
use tlview::ui::{self, Theme};

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 17.0;
const FG: &str = "#d4d4d4";
const BG: &str = "#1e1e1e";

fn hex(c: Color, default: &'static str) -> String {
    let named = match c {
        Color::Reset => default,
        Color::Black => "#1e1e1e",
        Color::Red => "#cd3131",
        Color::Green => "#6a9955",
        Color::Yellow => "#dcdcaa",
        Color::Blue => "#569cd6",
        Color::Magenta => "#c586c0",
        Color::Cyan => "#4ec9b0",
        Color::Gray | Color::White => "#e5e5e5",
        Color::DarkGray => "#808080",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        _ => default,
    };
    named.to_owned()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The buffer as SVG: a background rectangle per cell that has one, then the text in runs of one style.
fn svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        f32::from(w) * CELL_W + 16.0,
        f32::from(h) * CELL_H + 16.0
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" rx="6" fill="{BG}"/>"#);
    let _ = writeln!(out, r#"<g transform="translate(8 8)" xml:space="preserve">"#);
    for y in 0..h {
        let cells: Vec<(String, String, bool, &str)> = (0..w)
            .map(|x| {
                let cell = &buf[(x, y)];
                let (fg, bg) = if cell.modifier.contains(Modifier::REVERSED) {
                    (hex(cell.bg, BG), hex(cell.fg, FG))
                } else {
                    (hex(cell.fg, FG), hex(cell.bg, BG))
                };
                (fg, bg, cell.modifier.contains(Modifier::BOLD), cell.symbol())
            })
            .collect();
        // Backgrounds in runs of one colour, so adjacent cells leave no seams.
        let mut x = 0;
        while x < cells.len() {
            let end = (x..cells.len()).find(|&e| cells[e].1 != cells[x].1).unwrap_or(cells.len());
            if cells[x].1 != BG {
                let _ = writeln!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{CELL_H}" fill="{}"/>"#,
                    x as f32 * CELL_W,
                    f32::from(y) * CELL_H,
                    (end - x) as f32 * CELL_W + 0.5,
                    cells[x].1
                );
            }
            x = end;
        }
        // Text in runs of one colour and weight.
        let mut x = 0;
        while x < cells.len() {
            let key = (&cells[x].0, cells[x].2);
            let end = (x..cells.len()).find(|&e| (&cells[e].0, cells[e].2) != key).unwrap_or(cells.len());
            let run: String = cells[x..end].iter().map(|c| c.3).collect();
            flush(&mut out, &run, x as u16, y, Some(&(cells[x].0.clone(), cells[x].2)));
            x = end;
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

fn flush(out: &mut String, run: &str, x: u16, y: u16, style: Option<&(String, bool)>) {
    let Some((fg, bold)) = style else { return };
    if run.trim().is_empty() {
        return;
    }
    let weight = if *bold { r#" font-weight="bold""# } else { "" };
    let len = run.chars().count() as f32 * CELL_W;
    let _ = writeln!(
        out,
        r#"<text x="{:.1}" y="{:.1}" fill="{fg}"{weight} textLength="{len:.1}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
        f32::from(x) * CELL_W,
        f32::from(y) * CELL_H + 13.0,
        escape(run)
    );
}

#[test]
fn readme_screenshot_is_a_current_render() {
    let t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
    let mut app = App::new(t, (120, 40));
    for m in [Msg::Resize(120, 40), Msg::Move(Step::By(2)), Msg::OpenQuotes] {
        update(&mut app, m);
    }
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    term.draw(|f| {
        ui::draw(f, &app, Theme { color: true });
    })
    .expect("draw");
    let image = svg(term.backend().buffer());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/screenshot.svg");
    if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        std::fs::write(path, &image).expect("write the screenshot");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == image, "assets/screenshot.svg is stale: run UPDATE_SCREENSHOT=1 cargo test --test screenshot");
}
