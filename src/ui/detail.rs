//! The detail pane: the selected event in full, wrapped to the pane; or,
//! when the filters hide everything, which filters are active.

use super::wrap::wrap;
use super::{Theme, clean, highlight, pane, when};
use crate::app::index::FIELD_CAP;
use crate::app::{App, Pane};
use crate::timeline::{Event, Source, Timeline};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Width of the labels in the left margin (`When`, `Where`, …).
const LABEL: usize = 8;

/// Draws the detail pane into `area`; returns the largest scroll offset its content allows.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) -> u16 {
    let block = pane(" Detail ", app.focus == Pane::Detail, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines = match app.selected_event() {
        Some(e) => event_lines(app, e, width, theme),
        None if app.timeline.events.is_empty() => super::list::empty_lines(theme),
        None => no_match_lines(app, width, theme),
    };
    let (total, height) = (lines.len(), usize::from(inner.height));
    let limit = total.saturating_sub(height);
    let top = usize::from(app.detail_scroll).min(limit);
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    super::scroll_marks(frame, area, inner, total, top, height, theme);
    u16::try_from(limit).unwrap_or(u16::MAX)
}

/// `text` wrapped beside a label, continuation lines indented under the text.
pub(super) fn labeled(label: &str, text: &str, width: usize, style: Style, theme: Theme) -> Vec<Line<'static>> {
    marked(label, text, width, style, "", theme)
}

/// Like [`labeled`], with the matches of the search `q` marked.
fn marked(label: &str, text: &str, width: usize, style: Style, q: &str, theme: Theme) -> Vec<Line<'static>> {
    let body = width.saturating_sub(LABEL).max(1);
    wrap(text, body)
        .into_iter()
        .enumerate()
        .map(|(n, l)| {
            let head = if n == 0 { format!("{label:<LABEL$}") } else { " ".repeat(LABEL) };
            let mut spans = vec![Span::styled(head, theme.muted())];
            spans.extend(highlight::spans(&l, q, style, theme.matched()));
            Line::from(spans)
        })
        .collect()
}

fn event_lines(app: &App, e: &Event, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let t: &Timeline = &app.timeline;
    let q = &app.filters.query;
    let title = crate::text::head(&e.title, FIELD_CAP);
    let cut = if title.len() < e.title.len() { "…" } else { "" };
    let mut out: Vec<Line> = wrap(&format!("{}{cut}", clean(title)), width)
        .into_iter()
        .map(|l| Line::from(highlight::spans(&l, q, theme.heading(), theme.matched())))
        .collect();
    for (n, d) in when::describe(t, e, app.earliest.and_then(|i| t.events.get(i as usize))).iter().enumerate() {
        let style = if n == 0 { Style::new() } else { theme.muted() };
        let text = match (&e.display_date, n) {
            (Some(words), 0) => format!("{d} · {}", clean(words)),
            _ => d.clone(),
        };
        out.extend(marked(if n == 0 { "When" } else { "" }, &text, width, style, q, theme));
    }
    if let Some(reported) = &e.reported {
        out.extend(labeled("Public", &format!("reported {}", reported.long()), width, theme.muted(), theme));
    }
    let periods: Vec<String> = t.periods_of(e).map(|p| clean(&p.title)).collect();
    if !periods.is_empty() {
        out.extend(labeled("Period", &periods.join(", "), width, theme.muted(), theme));
    }
    out.extend(super::detail_more::status_lines(e, width, theme));
    if let Some(loc) = &e.location {
        out.extend(marked("Where", &clean(loc), width, Style::new(), q, theme));
    }
    for (n, &a) in e.actors.iter().enumerate() {
        let Some(actor) = t.actors.get(a as usize) else { continue };
        let mut text = match &actor.role {
            Some(role) => format!("{} — {}", clean(&actor.name), clean(role)),
            None => clean(&actor.name),
        };
        if let Some(kind) = &actor.kind {
            text.push_str(&format!(" ({})", super::detail_more::kind_label(kind)));
        }
        out.extend(marked(if n == 0 { "Who" } else { "" }, &text, width, Style::new(), q, theme));
    }
    if let Some(summary) = &e.summary {
        out.push(Line::default());
        // Every frame wraps what it shows: a summary is shown (and searched)
        // up to FIELD_CAP, so one huge field cannot make every frame slow.
        let head = crate::text::head(summary, FIELD_CAP);
        for l in wrap(&crate::text::sanitize_block(head), width) {
            out.push(Line::from(highlight::spans(&l, q, Style::new(), theme.matched())));
        }
        if head.len() < summary.len() {
            let more = (summary.len() - head.len()).div_ceil(1024);
            out.push(Line::styled(format!("… {more} KiB more of this summary not shown"), theme.muted()));
        }
    }
    out.extend(super::detail_more::notes_lines(e, q, width, theme));
    out.push(Line::default());
    if !e.tags.is_empty() {
        let tags: Vec<String> = e.tags.iter().filter_map(|&g| t.tags.get(g as usize)).map(|g| clean(g)).collect();
        out.extend(marked("Tags", &tags.join(", "), width, Style::new(), q, theme));
    }
    for (n, &s) in e.sources.iter().enumerate() {
        let Some(src) = t.sources.get(s as usize) else { continue };
        out.extend(marked(if n == 0 { "Sources" } else { "" }, &source_text(src), width, Style::new(), q, theme));
    }
    out.extend(super::detail_more::media_and_related(t, e, width, theme));
    if !e.quotes.is_empty() {
        let n = e.quotes.len();
        let noun = if n == 1 { "quoted statement" } else { "quoted statements" };
        let how = if app.quotes_open { "in the quotes pane" } else { "press Enter to read" };
        out.push(Line::default());
        out.push(Line::styled(format!("❝ {n} {noun}: {how}"), theme.name()));
    }
    out.extend(super::facts::detail_claims(app, e, width, theme));
    out
}

/// A source as the panes show it: `Publisher · “Title” · date · URL`, sanitised.
#[must_use]
pub fn source_text(src: &Source) -> String {
    let mut parts: Vec<String> = src.publisher.iter().map(|p| clean(p)).collect();
    parts.push(format!("“{}”", clean(&src.title)));
    parts.extend(src.published.map(|d| d.long()));
    parts.extend(super::detail_more::source_parts(src));
    parts.extend(src.url.iter().map(|u| clean(u)));
    parts.join(" · ")
}

fn no_match_lines(app: &App, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let f = &app.filters;
    let t = &app.timeline;
    let q = "";
    let mut out = vec![Line::styled("No event matches every active filter.", theme.heading()), Line::default()];
    if !f.query.is_empty() {
        out.extend(marked("Search", &format!("\"{}\"", clean(&f.query)), width, Style::new(), q, theme));
    }
    let names = |ids: &std::collections::BTreeSet<u32>, actors: bool| -> String {
        let list: Vec<String> = ids
            .iter()
            .filter_map(|&i| {
                if actors {
                    t.actors.get(i as usize).map(|a| clean(&a.name))
                } else {
                    t.tags.get(i as usize).map(|g| clean(g))
                }
            })
            .collect();
        list.join(", ")
    };
    if !f.actors.is_empty() {
        out.extend(marked("Actors", &names(&f.actors, true), width, Style::new(), q, theme));
    }
    if !f.tags.is_empty() {
        out.extend(marked("Tags", &names(&f.tags, false), width, Style::new(), q, theme));
    }
    if !f.sources.is_empty() {
        let ids: Vec<String> =
            f.sources.iter().filter_map(|&s| t.sources.get(s as usize)).map(|s| clean(&s.id)).collect();
        out.extend(marked("Sources", &ids.join(", "), width, Style::new(), q, theme));
    }
    if let Some(at) = app.asof.at {
        let text = format!("as of {}: only what was public then", crate::app::asof::label(at, t.zone));
        out.extend(marked("As of", &text, width, Style::new(), q, theme));
    }
    if f.unsourced {
        out.extend(labeled("Sources", "none (u)", width, Style::new(), theme));
    }
    if let Some(status) = f.status {
        let word = status.map_or("not assessed", crate::timeline::Status::word);
        out.extend(labeled("Status", &format!("{word} (!)"), width, Style::new(), theme));
    }
    out.push(Line::default());
    out.push(Line::styled("Press c to clear every filter.", theme.muted()));
    out
}

#[cfg(test)]
mod tests {
    use crate::app::App;
    use crate::timeline::limits::Limits;
    use crate::timeline::{BUNDLED, load_bytes};
    use crate::ui::{Theme, draw};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_huge_summary_is_shown_up_to_what_search_reads() {
        let mut t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
        t.events[0].summary = Some("word ".repeat(2 * 1024 * 1024).into());
        let mut app = App::new(t, (120, 40));
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        let mut limit = None;
        term.draw(|f| limit = draw(f, &app, Theme { color: false }).detail).expect("draw");
        // 64 KiB over a pane about 50 columns wide, not 10 MB (u16::MAX lines).
        let limit = limit.expect("the detail pane is drawn");
        assert!(limit < 3000, "{limit} lines to scroll");
        app.detail_scroll = limit;
        term.draw(|f| {
            draw(f, &app, Theme { color: false });
        })
        .expect("draw");
        assert!(term.backend().to_string().contains("KiB more of this summary not shown"));
    }

    #[test]
    fn a_huge_title_is_cut_where_search_stops() {
        let mut t = load_bytes("b.yaml", BUNDLED.as_bytes(), &Limits::default()).expect("bundled loads");
        t.events[0].title = "word ".repeat(2 * 1024 * 1024).into();
        let app = App::new(t, (120, 40));
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        let mut limit = None;
        term.draw(|f| limit = draw(f, &app, Theme { color: false }).detail).expect("draw");
        let limit = limit.expect("the detail pane is drawn");
        assert!(limit < 3000, "{limit} lines to scroll");
    }
}
