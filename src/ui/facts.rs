//! The fact-checker's marks on the main screen: the as-of cursor in the
//! status bar (always, while set) and on the axis, and an event's own
//! claims in the detail pane.

use super::wrap::wrap;
use super::{Theme, clean};
use crate::app::{App, Mode, asof};
use crate::timeline::{Event, Quote};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The status bar's as-of part: the date being typed (and why it was
/// refused), or the cursor in force; nothing when there is no cursor.
#[must_use]
pub fn status_spans(app: &App, theme: Theme) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    if app.mode == Mode::AsOf {
        out.push(Span::styled(" as of @", theme.key()));
        out.push(Span::raw(clean(&app.asof.input)));
        out.push(Span::styled("▏", theme.key()));
        if let Some(e) = &app.asof.error {
            out.push(Span::styled(format!(" {}", clean(e)), theme.accent()));
        }
    } else if let Some(at) = app.asof.at {
        let how = if app.asof.dim { "later dimmed" } else { "later hidden" };
        out.push(Span::styled(format!(" @ as of {} ({how}) ", asof::label(at, app.timeline.zone)), theme.accent()));
    }
    out
}

/// Marks the as-of cursor at column `x` of the axis: `@` on the tick line, a rule above.
pub fn axis_cursor(buf: &mut Buffer, inner: Rect, x: u16, rows: (Option<u16>, Option<u16>), theme: Theme) {
    let x = x.min(inner.right().saturating_sub(1));
    if let Some(y) = rows.0 {
        buf.set_string(x, y, "│", theme.accent());
    }
    if let Some(y) = rows.1 {
        buf.set_string(x, y, "@", theme.accent());
    }
}

/// Whether quote `q` of `e` is hidden: not yet public at the as-of cursor, and not dimmed.
#[must_use]
pub fn quote_hidden(app: &App, e: &Event, q: &Quote) -> bool {
    !app.asof.dim && app.asof.is_future(asof::quote_public(&app.timeline, e, q))
}

/// The detail pane's lines for the claims of `e`: each value with its
/// subject, claimant, source and date.
#[must_use]
pub fn detail_claims(app: &App, e: &Event, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let t = &app.timeline;
    let mut out = Vec::new();
    if e.claims.is_empty() {
        return out;
    }
    out.push(Line::default());
    let n = e.claims.len();
    out.push(Line::styled(format!("{n} claim{}: press C to compare", if n == 1 { "" } else { "s" }), theme.name()));
    for c in &e.claims {
        let future = app.asof.is_future(asof::claim_public(t, e, c));
        if future && !app.asof.dim {
            continue;
        }
        let by = t.actors.get(c.by as usize).map_or(String::new(), |a| clean(&a.name));
        let src = t.sources.get(c.source as usize).map_or(String::new(), |s| format!("“{}”", clean(&s.title)));
        let mut text = format!("{}: “{}” — {by}, {src}", clean(&c.about), clean(&c.value));
        if let Some(d) = c.date {
            text.push_str(&format!(", {}", d.long()));
        }
        if future {
            text.push_str(" (not yet public at the as-of cursor)");
        }
        let style = if future { theme.muted() } else { ratatui::style::Style::new() };
        for (k, l) in wrap(&text, width.saturating_sub(2).max(1)).into_iter().enumerate() {
            let lead = if k == 0 { "• " } else { "  " };
            out.push(Line::from(vec![Span::styled(lead, theme.muted()), Span::styled(l, style)]));
        }
    }
    out
}
