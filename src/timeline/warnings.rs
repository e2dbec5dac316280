//! Warnings: what a fact-checker must know about a file that still loads.
//! An event with no source, a quote whose source its event does not cite,
//! a declared actor or source nothing refers to, and a plain value cut
//! short by a `#` the user meant as text. `--check` prints them and exits 0;
//! `--strict` turns them into problems.

use super::model::{Actor, Quote, Source};
use super::problem::{Path, Problem, Severity, shown};
use super::scan::position;
use super::validate::Checker;
use saphyr_parser::{Event, Parser, ScalarStyle};

/// Which declared actors and sources something refers to.
#[derive(Debug, Default)]
pub struct Used {
    actors: Vec<bool>,
    sources: Vec<bool>,
}

impl Used {
    /// Records a reference to actor (`actor == true`) or source `n`.
    pub fn mark(&mut self, actor: bool, n: u32) {
        let list = if actor { &mut self.actors } else { &mut self.sources };
        let n = n as usize;
        if list.len() <= n {
            list.resize(n + 1, false);
        }
        list[n] = true;
    }

    fn is_used(&self, actor: bool, n: usize) -> bool {
        let list = if actor { &self.actors } else { &self.sources };
        list.get(n).copied().unwrap_or(false)
    }
}

impl Checker {
    /// Warns about an event with no source and about each quote whose source
    /// is not among the event's sources.
    pub(super) fn event_warnings(&mut self, at: &Path, sources: &[u32], quotes: &[Quote]) {
        if sources.is_empty() {
            self.problems.warn(at, "no source: add `sources: [id]` naming what the event rests on");
        }
        for (i, q) in quotes.iter().enumerate() {
            if !sources.contains(&q.source) {
                self.problems.warn(
                    &at.key("quotes").index(i).key("source"),
                    "the quote's source is not among the event's `sources`: add it there, or correct the quote's `source`",
                );
            }
        }
    }

    /// Warns about each declared actor and source that nothing refers to.
    pub(super) fn unused_warnings(&mut self, actors: &[Actor], sources: &[Source]) {
        let outer = self.problems.owner.take();
        let root = Path::default();
        for (i, a) in actors.iter().enumerate().filter(|(i, _)| !self.used.is_used(true, *i)).collect::<Vec<_>>() {
            self.problems.owner = Some(format!("actor `{}`", a.id));
            self.problems.warn(&root.key("actors").index(i), "declared but no event or quote refers to it");
        }
        for (i, s) in sources.iter().enumerate().filter(|(i, _)| !self.used.is_used(false, *i)).collect::<Vec<_>>() {
            self.problems.owner = Some(format!("source `{}`", s.id));
            self.problems.warn(&root.key("sources").index(i), "declared but no event or quote cites it");
        }
        self.problems.owner = outer;
    }
}

/// Warnings for plain values cut short by a comment: `title: Ship #1 in
/// convoy` is the title "Ship" to YAML. Costs one byte scan unless the file
/// has a ` #` followed by text, when the YAML events are walked to be sure.
#[must_use]
pub fn cut_by_comment(text: &str) -> Vec<Problem> {
    let bytes = text.as_bytes();
    let suspect =
        memchr::memmem::find_iter(bytes, " #").any(|i| bytes.get(i + 2).is_some_and(|b| !b" \t\r\n#".contains(b)));
    if !suspect {
        return Vec::new();
    }
    let starts: Vec<usize> = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)).collect();
    let mut out = Vec::new();
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let Event::Scalar(value, ScalarStyle::Plain, ..) = event else { continue };
        let Some(&line_start) = starts.get(span.end.line().saturating_sub(1)) else { continue };
        let line = text[line_start..].split('\n').next().unwrap_or_default();
        let end = line.char_indices().nth(span.end.col()).map_or(line.len(), |(i, _)| i);
        let rest = &line[end..];
        let after = rest.trim_start_matches([' ', '\t']);
        let dropped = after.strip_prefix('#').unwrap_or_default().trim_end();
        if after.len() < rest.len() && !dropped.is_empty() && !dropped.starts_with([' ', '\t', '#']) {
            let whole = format!("{value} #{dropped}");
            let msg = format!(
                "the value is cut short by a comment: YAML reads `{}` and drops `#{}`; to keep it, quote the whole value: \"{}\"",
                shown(&value),
                shown(dropped),
                shown(&whole.replace('"', "\\\""))
            );
            out.push(Problem { severity: Severity::Warning, ..Problem::at(position(&span.start), msg) });
        }
    }
    out
}

/// Adds the comment warnings to `warnings`, finds the position of each, and
/// puts them in file order.
pub fn finish(text: &str, warnings: &mut Vec<Problem>) {
    warnings.extend(cut_by_comment(text));
    if warnings.iter().any(|w| w.position.is_none()) {
        super::positions::resolve(text, warnings);
    }
    warnings.sort_by_key(|w| w.position);
}
