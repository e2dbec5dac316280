//! A source's row in the sources view (`s`): how many events, quotes and
//! claims cite it (what rests on it; first, so a narrow screen keeps them),
//! then its title, publisher and date.

use super::{Theme, clean};
use crate::app::App;
use ratatui::text::Span;

/// The row of source `i`: tick, citations, title, publisher, date.
#[must_use]
pub fn row(app: &App, i: u32, tick: &'static str, theme: Theme) -> Vec<Span<'static>> {
    let Some(s) = app.timeline.sources.get(i as usize) else { return Vec::new() };
    let ix = &app.source_index;
    let n = |v: &Vec<u32>| v.get(i as usize).copied().unwrap_or(0);
    let counts = format!("{:>3}E {:>3}Q {:>3}C  ", n(&ix.events), n(&ix.quotes), n(&ix.claims));
    let mut meta: Vec<String> = Vec::new();
    meta.extend(s.publisher.iter().map(|p| clean(p)));
    meta.extend(s.published.map(|d| d.long()));
    let mut out = vec![Span::raw(tick), Span::styled(counts, theme.key()), Span::raw(clean(&s.title))];
    if !meta.is_empty() {
        out.push(Span::styled(format!(" · {}", meta.join(" · ")), theme.muted()));
    }
    out
}
