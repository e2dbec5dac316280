//! Warnings: what a fact-checker must know about a file that still loads.
//! An event with no source, a quote whose source its event does not cite,
//! a declared actor or source nothing refers to, and a plain value cut
//! short by a `#` the user meant as text. `--check` prints them and exits 0;
//! `--strict` turns them into problems.

use super::model::{Actor, Quote, Source};
use super::problem::{KEPT, Path, Problem, Severity, shown};
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
            self.problems.owner = Some(format!("actor `{}`", shown(&a.id)));
            self.problems.warn(&root.key("actors").index(i), "declared but no event or quote refers to it");
        }
        for (i, s) in sources.iter().enumerate().filter(|(i, _)| !self.used.is_used(false, *i)).collect::<Vec<_>>() {
            self.problems.owner = Some(format!("source `{}`", shown(&s.id)));
            self.problems.warn(&root.key("sources").index(i), "declared but no event or quote cites it");
        }
        self.problems.owner = outer;
    }
}

/// Warnings for plain values cut short by a comment: `title: Ship #1 in
/// convoy` is the title "Ship" to YAML. Costs one byte scan unless the file
/// has a ` #` followed by text, when the YAML events are walked to be sure.
/// Keeps the first [`KEPT`] and counts the rest.
#[must_use]
pub fn cut_by_comment(text: &str) -> (Vec<Problem>, usize) {
    let bytes = text.as_bytes();
    let suspect =
        memchr::memmem::find_iter(bytes, " #").any(|i| bytes.get(i + 2).is_some_and(|b| !b" \t\r\n#".contains(b)));
    if !suspect {
        return (Vec::new(), 0);
    }
    let starts: Vec<usize> = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)).collect();
    let mut cursor = Cursor::default();
    let (mut out, mut more) = (Vec::new(), 0);
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let Event::Scalar(value, ScalarStyle::Plain, ..) = event else { continue };
        let Some(line) = cursor.line(text, &starts, span.end.line()) else { continue };
        let end = cursor.byte_at(line, span.end.col());
        let rest = &line[end..];
        let after = rest.trim_start_matches([' ', '\t']);
        let dropped = after.strip_prefix('#').unwrap_or_default().trim_end();
        if after.len() < rest.len() && !dropped.is_empty() && !dropped.starts_with([' ', '\t', '#']) {
            if out.len() >= KEPT {
                more += 1;
                continue;
            }
            let whole = format!("{} #{}", shown(&value), shown(dropped));
            let msg = format!(
                "the value is cut short by a comment: YAML reads `{}` and drops `#{}`; to keep it, quote the whole value: \"{}\"",
                shown(&value),
                shown(dropped),
                shown(&whole.replace('"', "\\\""))
            );
            out.push(Problem { severity: Severity::Warning, ..Problem::at(position(&span.start), msg) });
        }
    }
    (out, more)
}

/// Where the last plain scalar ended: its line (1-based), and its column
/// as a character count and as a byte offset in that line. Scalars arrive
/// in file order, so finding the next one's byte offset moves forward from
/// here rather than counting a long line's characters from its start again.
#[derive(Default)]
struct Cursor {
    line: usize,
    col: usize,
    byte: usize,
}

impl Cursor {
    /// Line `n` (1-based) of `text`, without its line break; moves the
    /// cursor to its start unless it is already on that line.
    fn line<'t>(&mut self, text: &'t str, starts: &[usize], n: usize) -> Option<&'t str> {
        let start = *starts.get(n.checked_sub(1)?)?;
        let end = starts.get(n).map_or(text.len(), |&next| next - 1);
        if self.line != n {
            *self = Cursor { line: n, col: 0, byte: 0 };
        }
        text.get(start..end)
    }

    /// The byte offset in `line` of character column `col` (0-based), or
    /// the line's length past its end.
    fn byte_at(&mut self, line: &str, col: usize) -> usize {
        if col < self.col {
            *self = Cursor { line: self.line, col: 0, byte: 0 };
        }
        let rest = line.get(self.byte..).unwrap_or_default();
        let byte = rest.char_indices().nth(col - self.col).map_or(line.len(), |(i, _)| self.byte + i);
        (self.col, self.byte) = if byte < line.len() { (col, byte) } else { (0, 0) };
        byte
    }
}

/// Adds the comment warnings to `t`'s (those past [`KEPT`] only counted, in
/// `warnings_more`), finds the position of each, and puts them in file order.
pub fn finish(text: &str, t: &mut super::model::Timeline) {
    let (cut, more) = cut_by_comment(text);
    t.warnings.extend(cut);
    t.warnings_more += more;
    if t.warnings.iter().any(|w| w.position.is_none()) {
        super::positions::resolve(text, &mut t.warnings);
    }
    t.warnings.sort_by_key(|w| w.position);
}
