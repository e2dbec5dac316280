//! The claims view: a large popup with one section per subject, each claim
//! side by side with its claimant (and role), source and date, disputed
//! subjects marked. The highlighted claim is kept on screen; Enter jumps to
//! its event.

use super::popup::centered;
use super::wrap::wrap;
use super::{Theme, as_selected, clean, pane};
use crate::app::claims::{self, ClaimRef};
use crate::app::{App, Mode, asof};
use crate::keys;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Draws the open claims view over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(view) = &app.claims else { return };
    let rect = centered(area, area.width.saturating_sub(4).max(20), area.height.saturating_sub(2).max(6));
    frame.render_widget(Clear, rect);
    let disputed = view.sections.iter().filter(|s| s.disputed).count();
    let title = format!(" Claims · {}, {disputed} disputed ", crate::report::plural(view.sections.len(), "subject"));
    let block = pane(title, true, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width);
    let (lines, selected_line) = content(app, width, theme);
    let height = usize::from(inner.height.saturating_sub(1));
    let limit = lines.len().saturating_sub(height);
    let top = selected_line.saturating_sub(height / 3).min(limit);
    let total = lines.len();
    let shown: Vec<Line> = lines.into_iter().skip(top).take(height).collect();
    let rows = Rect { height: inner.height.saturating_sub(1), ..inner };
    frame.render_widget(Paragraph::new(shown), rows);
    super::scroll_marks(frame, rect, rows, total, top, height, theme);
    let hints: Vec<Span> = keys::hints(Mode::Claims)
        .into_iter()
        .flat_map(|h| {
            [Span::styled(format!(" {}", h.key), theme.key()), Span::styled(format!(" {} ", h.word), theme.muted())]
        })
        .collect();
    if inner.height >= 2 {
        frame.render_widget(Line::from(hints), Rect::new(inner.x, inner.bottom() - 1, inner.width, 1));
    }
}

/// The view's lines, and the first line of the highlighted claim.
fn content(app: &App, width: usize, theme: Theme) -> (Vec<Line<'static>>, usize) {
    let mut out: Vec<Line<'static>> = Vec::new();
    let Some(view) = &app.claims else { return (out, 0) };
    if view.sections.is_empty() {
        let text = match app.asof.at {
            Some(at) => format!("No claim was public as of {}.", asof::label(at, app.timeline.zone)),
            None => {
                "This timeline records no claims. An event lists them under `claims:` (see docs/format.md).".to_owned()
            }
        };
        out.extend(wrap(&text, width.max(1)).into_iter().map(|l| Line::styled(l, theme.muted())));
        return (out, 0);
    }
    let mut selected_line = 0;
    let mut k = 0;
    for (n, s) in view.sections.iter().enumerate() {
        if n > 0 {
            out.push(Line::default());
        }
        let count = s.claims.len();
        let mut head = vec![Span::styled(clean(&s.about), theme.heading())];
        head.push(Span::styled(format!("  {count} claim{}", if count == 1 { "" } else { "s" }), theme.muted()));
        if s.disputed {
            head.push(Span::styled("  ⚠ disputed: the values differ", theme.accent()));
        }
        out.push(Line::from(head));
        for &r in &s.claims {
            if k == view.cursor {
                selected_line = out.len();
            }
            out.extend(claim_lines(app, r, width, k == view.cursor, theme));
            k += 1;
        }
    }
    (out, selected_line)
}

fn claim_lines(app: &App, r: ClaimRef, width: usize, selected: bool, theme: Theme) -> Vec<Line<'static>> {
    let t = &app.timeline;
    let Some(c) = claims::get(t, r) else { return Vec::new() };
    let body = width.saturating_sub(4).max(1);
    let mut out = Vec::new();
    let value = format!("“{}”", clean(&c.value));
    for (n, l) in wrap(&value, body).into_iter().enumerate() {
        let mark = if n == 0 && selected { "▸ " } else { "  " };
        let line = Line::from(vec![Span::raw(format!("  {mark}")), Span::styled(l, theme.name())]);
        out.push(if selected { as_selected(line, theme) } else { line });
    }
    let mut meta = Vec::new();
    if let Some(a) = t.actors.get(c.by as usize) {
        meta.push(match &a.role {
            Some(role) => format!("by {} — {}", clean(&a.name), clean(role)),
            None => format!("by {}", clean(&a.name)),
        });
    }
    let mut cited = t.sources.get(c.source as usize).map_or_else(String::new, |src| {
        let publisher = src.publisher.as_ref().map(|p| format!(", {}", clean(p))).unwrap_or_default();
        format!("in “{}”{publisher} · ", clean(&src.title))
    });
    cited.push_str(&c.date.map_or_else(|| "undated".to_owned(), |d| format!("claimed {}", d.long())));
    if r.future {
        cited.push_str(" · not yet public at the as-of cursor");
    }
    meta.push(cited);
    meta.extend(c.context.as_ref().map(|ctx| clean(ctx)));
    meta.extend(t.events.get(r.event as usize).map(|e| format!("event: {}", clean(&e.title))));
    for text in meta {
        for l in wrap(&text, body) {
            out.push(Line::from(vec![Span::raw("    "), Span::styled(l, theme.muted())]));
        }
    }
    out
}
