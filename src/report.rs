//! `tlview report [FILE]`: the sourcing report an editor reads before
//! publishing, and CI can grep. One finding per line, `FILE: kind: …`, so a
//! log viewer or `grep single-source` finds each; every string from the file
//! goes through the sanitiser, so no line can carry a control character.
//!
//! What rests on a source: an event rests on the sources it lists under
//! `sources` and on those its quotes and claims are taken from.

use crate::app::claims::{self, ClaimRef};
use crate::app::sources::SourceIndex;
use crate::text::sanitize;
use crate::timeline::{Event, Timeline};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write;

/// Longest excerpt of a quote shown in a line, in characters.
const EXCERPT: usize = 50;

/// The report on `t`, one line per finding (each without a line break),
/// each starting with `name: `, the last a summary.
#[must_use]
pub fn lines(t: &Timeline, name: &str) -> Vec<String> {
    let name = sanitize(name).into_owned();
    let mut out: Vec<String> = Vec::new();
    let mut push = |kind: &str, text: String| out.push(format!("{name}: {kind}: {}", sanitize(&text)));
    let (mut single, mut none, mut undated) = (0, 0, 0);
    for e in &t.events {
        let cited = resting(e);
        match cited.len() {
            0 => {
                none += 1;
                push("no-source", format!("event `{}` “{}” cites no source", e.id, e.title));
            }
            1 => {
                single += 1;
                let s = cited.iter().next().and_then(|&s| t.sources.get(s as usize));
                let id = s.map_or("?", |s| s.id.as_str());
                push("single-source", format!("event `{}` “{}” rests only on source `{id}`", e.id, e.title));
            }
            _ => {}
        }
    }
    let sections = claims::sections(t, &crate::app::asof::AsOf::default());
    let disputed = sections.iter().filter(|s| s.disputed).count();
    for s in sections.iter().filter(|s| s.disputed) {
        let values: Vec<String> = s.claims.iter().map(|&r| claim_text(t, r)).collect();
        push("disputed", format!("claims about `{}` disagree: {}", s.about, values.join("; ")));
    }
    for e in &t.events {
        for q in e.quotes.iter().filter(|q| q.date.is_none()) {
            undated += 1;
            let by = t.actors.get(q.by as usize).map_or("?", |a| a.name.as_str());
            push("undated-quote", format!("event `{}`: quote by {by} has no date: “{}”", e.id, excerpt(&q.text)));
        }
    }
    let ix = SourceIndex::build(t);
    for (i, s) in t.sources.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        let at = |v: &Vec<u32>| v.get(i as usize).copied().unwrap_or(0);
        let facts = ix.facts(i) as usize;
        push(
            "source",
            format!(
                "`{}` “{}”: {} {} on it ({}, {}, {})",
                s.id,
                s.title,
                plural(facts, "fact"),
                if facts == 1 { "rests" } else { "rest" },
                plural(at(&ix.events) as usize, "event"),
                plural(at(&ix.quotes) as usize, "quote"),
                plural(at(&ix.claims) as usize, "claim")
            ),
        );
    }
    let mut summary = format!("{}: {single} on a single source, {none} with none", plural(t.events.len(), "event"));
    let _ = write!(
        summary,
        "; {}; {}; {}",
        plural(disputed, "disputed subject"),
        plural(undated, "undated quote"),
        plural(t.sources.len(), "source")
    );
    push("summary", summary);
    out
}

/// Runs `tlview report [FILE]`: loads the file (or the bundled timeline)
/// and prints the report on `out`. Returns the exit status: 0 when the file
/// loaded (findings are not failures), else the loader's status, with its
/// problems printed. A closed `out` (broken pipe) ends quietly.
pub fn run(file: Option<&std::path::PathBuf>, limits: &crate::timeline::limits::Limits, out: &mut dyn Write) -> u8 {
    let name = file.map_or_else(|| crate::timeline::BUNDLED_NAME.to_owned(), |p| p.display().to_string());
    let (text, status) = match crate::cli::load(file, limits) {
        Ok(t) => (lines(&t, &name).into_iter().map(|l| l + "\n").collect::<String>(), 0),
        Err(e) => (e.to_string(), e.exit_status()),
    };
    match out.write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => 2,
        _ => status,
    }
}

/// The sources event `e` rests on: its own, and those of its quotes and claims.
fn resting(e: &Event) -> BTreeSet<u32> {
    let mut s: BTreeSet<u32> = e.sources.iter().copied().collect();
    s.extend(e.quotes.iter().map(|q| q.source));
    s.extend(e.claims.iter().map(|c| c.source));
    s
}

/// A claim as the report shows it: “value” (claimant, source `id`).
fn claim_text(t: &Timeline, r: ClaimRef) -> String {
    let Some(c) = claims::get(t, r) else { return String::new() };
    let by = t.actors.get(c.by as usize).map_or("?", |a| a.name.as_str());
    let src = t.sources.get(c.source as usize).map_or("?", |s| s.id.as_str());
    format!("“{}” ({by}, source `{src}`)", c.value)
}

/// A count and a noun that takes an `s` in the plural: `1 event`, `2 events`,
/// `0 events`. The one place the report, `--check` and the claims view make
/// a count agree with its noun.
#[must_use]
pub fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn excerpt(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > EXCERPT {
        format!("{}…", one_line.chars().take(EXCERPT).collect::<String>())
    } else {
        one_line
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
