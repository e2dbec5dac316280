//! A source's line in the sources view (`s`): who published it, when, and
//! how many events, quotes and claims cite it — what rests on it.

use super::{Theme, clean};
use crate::app::App;
use ratatui::text::Span;

/// The spans after a source's title: publisher, date, and its citations.
#[must_use]
pub fn details(app: &App, i: u32, theme: Theme) -> Vec<Span<'static>> {
    let Some(s) = app.timeline.sources.get(i as usize) else { return Vec::new() };
    let mut meta: Vec<String> = Vec::new();
    meta.extend(s.publisher.iter().map(|p| clean(p)));
    meta.extend(s.published.map(|d| d.long()));
    let ix = &app.source_index;
    let n = |v: &Vec<u32>| v.get(i as usize).copied().unwrap_or(0);
    let plural = |n: u32, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let counts = format!(
        "{}, {}, {}",
        plural(n(&ix.events), "event"),
        plural(n(&ix.quotes), "quote"),
        plural(n(&ix.claims), "claim")
    );
    let mut out = Vec::new();
    if !meta.is_empty() {
        out.push(Span::styled(format!(" · {}", meta.join(" · ")), theme.muted()));
    }
    out.push(Span::styled(format!("  {counts}"), theme.key()));
    out
}
