//! Drawing: each pane is a function of the state, drawn in stacking order
//! (panes, then popups, then help). Views only read the state, and every
//! string from the file reaches the screen through [`clean`].

mod axis;
mod claims;
mod detail;
mod detail_more;
mod facts;
mod help;
mod highlight;
pub mod link;
mod list;
mod periods;
mod popup;
mod problems;
mod quotes;
mod sources;
mod status;
pub mod theme;
pub mod when;
pub mod wrap;

use crate::app::{App, Mode, ScrollLimits, layout};
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap};
pub use theme::Theme;

/// Draws the whole screen for `app`; returns how far each scrollable pane
/// could scroll, for the caller to hand back to `update` as [`crate::app::Msg::Drawn`].
pub fn draw(frame: &mut Frame, app: &App, theme: Theme) -> ScrollLimits {
    let area = frame.area();
    let mut limits = ScrollLimits::default();
    let Some(a) = layout::areas(app, area) else {
        too_small(frame, area);
        return limits;
    };
    axis::draw(frame, a.axis, app, theme);
    list::draw(frame, a.list, app, theme);
    limits.detail = a.detail.map(|r| detail::draw(frame, r, app, theme));
    limits.quotes = a.quotes.map(|r| quotes::draw(frame, r, app, theme));
    status::draw(frame, a.status, app, theme);
    if app.writing.problems_open {
        problems::draw(frame, area, app, theme);
    }
    problems::draw_chooser(frame, area, app, theme);
    match app.mode {
        Mode::Picker | Mode::PickerFilter => popup::draw(frame, area, app, theme),
        Mode::Help => limits.help = Some(help::draw(frame, area, app, theme)),
        Mode::Claims => claims::draw(frame, area, app, theme),
        Mode::Browse | Mode::Search | Mode::AsOf => {}
    }
    limits
}

fn too_small(frame: &mut Frame, area: Rect) {
    let (w, h) = layout::MIN_SIZE;
    let text = format!("terminal too small: {}×{}, tlview needs at least {w}×{h}", area.width, area.height);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }).alignment(Alignment::Center), area);
}

/// Marks a drawing clamped from a terminal reporting `reported` columns and
/// rows: a note at the right of the status bar (the drawn area's last row).
pub fn clamp_notice(frame: &mut Frame, reported: (u16, u16), theme: Theme) {
    let area = frame.area();
    let text = format!(" showing {}×{} of {}×{} ", area.width, area.height, reported.0, reported.1);
    let width = u16::try_from(wrap::str_width(&text)).unwrap_or(u16::MAX).min(area.width);
    let at = Rect::new(area.right() - width, area.bottom().saturating_sub(1), width, area.height.min(1));
    frame.render_widget(Line::styled(text, theme.key()), at);
}

/// File text made safe for the screen: controls and bidi overrides become visible placeholders.
#[must_use]
pub fn clean(s: &str) -> String {
    crate::text::sanitize(s).into_owned()
}

/// `line` restyled as the selected row: every span, not only the line, so no
/// span keeps a colour of its own, except a search match (a span with a
/// background), which stays marked inside the selection.
#[must_use]
pub fn as_selected(line: Line<'_>, theme: Theme) -> Line<'_> {
    let style = theme.selected();
    let spans = line.spans.into_iter().map(|s| {
        if s.style.bg.is_some() { s.patch_style(ratatui::style::Style::new().bold()) } else { s.patch_style(style) }
    });
    Line::from(spans.collect::<Vec<_>>()).style(style)
}

/// Says that a bordered pane holds more than it shows: a scrollbar on its
/// right border beside `rows` (the rows the content scrolls in), and `↓ more`
/// on the bottom border while anything lies below. `total` lines of content,
/// the first shown being `top`, `shown` of them at once. Nothing when all fits.
pub fn scroll_marks(frame: &mut Frame, block: Rect, rows: Rect, total: usize, top: usize, shown: usize, theme: Theme) {
    if total <= shown || block.width < 3 || block.height < 2 {
        return;
    }
    let track = Rect::new(block.right().saturating_sub(1), rows.y, 1, rows.height);
    let mut state = ScrollbarState::new(total.saturating_sub(shown)).position(top).viewport_content_length(shown);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
    frame.render_stateful_widget(bar, track, &mut state);
    let below = total.saturating_sub(top + shown);
    if below > 0 {
        let text = format!(" ↓ {below} more ");
        let w = u16::try_from(wrap::str_width(&text)).unwrap_or(u16::MAX);
        if w + 4 <= block.width {
            let at = Rect::new(block.right() - 2 - w, block.bottom() - 1, w, 1);
            frame.render_widget(Span::styled(text, theme.key()), at);
        }
    }
}

/// A pane's block: rounded border, title, and a brighter border when focused.
#[must_use]
pub fn pane<'a>(title: impl Into<Line<'a>>, focused: bool, theme: Theme) -> Block<'a> {
    let style = if focused { theme.focused_border() } else { theme.border() };
    Block::bordered().border_type(BorderType::Rounded).border_style(style).title(title)
}
