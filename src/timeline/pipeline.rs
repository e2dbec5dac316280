//! The loader's fast path for the common shape of a large file: a block
//! mapping whose `events` is a block list. A line scan
//! finds where each entry starts and cuts the list into chunks of about
//! 256 KB; worker threads (one per core, at most four) parse chunks with
//! serde_yaml while this thread validates them in file order.
//!
//! serde_yaml only ever sees text that is safe for it: the head (everything
//! before the list, with any tail) passes the full guard first, and each chunk passes a
//! byte scan that bounds what could be costly (no anchors or aliases, few
//! brackets, no deep indentation, no giant value); a chunk that fails the
//! scan is walked by the guard before it is parsed, its alias expansion
//! counted against the whole file's budget.
//!
//! A caller that shows the file while it loads passes a [`Sink`]: after a
//! chunk validated without a problem, when a part is due, it receives copies
//! of the events new since the last (a [`Part`]), so the viewer can draw
//! them before the rest is parsed.
//!
//! Top-level keys after the list (`actors:` written after the events) are
//! the tail: parsed and checked with the head, before any event.
//!
//! Anything unusual (flow-style events, aliases across chunks, any problem
//! at all) returns [`Fast::Fallback`] (the workers stop
//! parsing at the first problem), and the loader takes the whole-document
//! path, which guards the whole file and reports every problem with its
//! position.

use super::limits::Limits;
use super::model::{Part, Timeline};
use super::raw::{Field, RawEvent, RawTimeline};
use super::scan::{self, Duplicates};
use super::sink::Sink;
use super::validate::{Checker, Head, check_head};
use super::validate_event::EventsBuilder;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;

/// About how many bytes of events one chunk holds.
const CHUNK_BYTES: usize = 256 * 1024;

/// About how many bytes of events the first screen is made of: a few
/// screens of events, parsed again with the rest of the file (a whole
/// 256 KiB chunk was 6% of a 10k-event file, parsed twice).
const PREVIEW_CHUNK_BYTES: usize = 32 * 1024;

/// A chunk with more opening brackets than this is walked by the guard first
/// (serde_yaml's parser slows down with deep flow nesting).
const MAX_BRACKETS: usize = 4096;

/// A chunk with a line indented deeper than this is walked by the guard first.
const MAX_INDENT: usize = 64;

/// What the fast path made of a file.
pub(super) enum Fast {
    /// Loaded, with no problem.
    Loaded(Box<Timeline>),
    /// `progress` asked to stop.
    Interrupted,
    /// Not for the fast path: guard and load the whole document.
    Fallback,
}

/// Where the head ends, each chunk of entries lies and the tail begins,
/// found line by line.
struct Plan {
    head_end: usize,
    chunks: Vec<(usize, usize)>,
    /// Where the top-level keys after the list begin (`actors:` written
    /// after the events); the text's length when nothing follows the list.
    tail: usize,
    /// The indentation of the list's entries.
    item_indent: usize,
}

impl Plan {
    /// The document without its events (see [`outline`]).
    fn outline<'t>(&self, text: &'t str) -> Option<Cow<'t, str>> {
        outline(&text[..self.head_end], &text[self.tail..])
    }
}

/// The document without its events: the head, then the tail unless it is
/// only blank lines and comments (parsed together, their keys checked as
/// one mapping). `None` when the tail may hold an alias (a `*`): the anchor
/// it names could be redefined in an event, which only the whole document
/// resolves as YAML does.
fn outline<'t>(head: &'t str, tail: &str) -> Option<Cow<'t, str>> {
    if tail.lines().all(|l| shape(l).1) {
        Some(head.into())
    } else {
        (!tail.contains('*')).then(|| format!("{head}{tail}").into())
    }
}

/// The indentation of `line` and whether it is blank or a comment.
fn shape(line: &str) -> (usize, bool) {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].trim_end();
    (indent, rest.is_empty() || rest.starts_with('#'))
}

/// Whether a line's `content` (after its indentation) starts a list entry.
fn is_item(content: &str) -> bool {
    content.starts_with("- ") || content.trim_end() == "-"
}

/// Where the tail begins in `end`, whole lines from a file's end whose
/// list's entries are indented `item_indent`: at the first line that would
/// end the list, as [`plan`] finds it; empty when none does (nothing after
/// the list, or more than `end` holds).
fn tail_in(end: &str, item_indent: usize) -> &str {
    let mut offset = 0;
    for line in end.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let (indent, blank) = shape(line);
        let content = &line[indent..];
        if !blank && ends_list(indent, content, item_indent) {
            return if begins_tail(indent, content) { &end[start..] } else { "" };
        }
    }
    ""
}

/// Whether a line (not blank) indented `indent` ends a list whose entries
/// are indented `n`: it is less indented, or (a list at column 0) no entry.
fn ends_list(indent: usize, content: &str, n: usize) -> bool {
    indent < n || (indent == n && !is_item(content))
}

/// Whether a line that ends the list begins a tail: a key at column 0.
/// Anything else there (a line less indented than the entries but not at
/// column 0, an entry at column 0 after an indented list) is not a shape
/// the fast path takes: glued after the head, it would read as the value
/// of `events`.
fn begins_tail(indent: usize, content: &str) -> bool {
    indent == 0 && !is_item(content)
}

/// Plans the chunks of about `chunk_bytes`, or `None` when the file is not
/// of the shape the fast path takes. Stops reading once `enough` chunks are
/// whole (the plan then says nothing of the rest).
fn plan(text: &str, chunk_bytes: usize, enough: usize) -> Option<Plan> {
    let mut offset = 0;
    let mut events_seen = false;
    let mut item_indent = None;
    let mut head_end = 0;
    let mut chunks = Vec::new();
    let mut chunk_start = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let (indent, blank) = shape(line);
        if blank {
            continue;
        }
        // A tab where the structure is read (the head, an entry's first line,
        // what ends the list) could hide it from this scan; deeper inside an
        // entry (a tab in a summary's text) its chunk parses it in the same
        // context as the whole document does.
        let inside_entry = item_indent.is_some_and(|n| indent > n);
        if line.starts_with('\t') || (line[indent..].starts_with('\t') && !inside_entry) {
            return None;
        }
        let content = &line[indent..];
        let is_item = is_item(content);
        if !events_seen {
            let rest = content.strip_prefix("events:");
            events_seen = indent == 0 && rest.is_some_and(|r| shape(r).1);
            continue;
        }
        match item_indent {
            None if is_item => {
                item_indent = Some(indent);
                head_end = start;
                chunk_start = start;
            }
            None => return None,
            // A key at column 0 begins the tail, parsed with the head; any
            // other end of the list is for the whole-document path.
            Some(n) if ends_list(indent, content, n) => {
                chunks.push((chunk_start, start));
                return begins_tail(indent, content).then_some(Plan { head_end, chunks, tail: start, item_indent: n });
            }
            Some(n) if indent == n && start - chunk_start >= chunk_bytes => {
                chunks.push((chunk_start, start));
                chunk_start = start;
                if chunks.len() >= enough {
                    return Some(Plan { head_end, chunks, tail: text.len(), item_indent: n });
                }
            }
            // Inside an entry, or an entry in the same chunk.
            Some(_) => {}
        }
    }
    chunks.push((chunk_start, text.len()));
    Some(Plan { head_end, chunks, tail: text.len(), item_indent: item_indent? })
}

/// Whether a chunk holds anything that could make serde_yaml slow or large,
/// so the guard must walk it first.
fn risky(chunk: &str, limits: &Limits) -> bool {
    let bytes = chunk.as_bytes();
    chunk.len() > limits.max_scalar_bytes / 2
        || memchr::memchr2(b'&', b'*', bytes).is_some()
        || memchr::memchr2_iter(b'[', b'{', bytes).count() > MAX_BRACKETS
        || chunk.lines().any(|l| l.len() - l.trim_start_matches(' ').len() > MAX_INDENT)
        || may_hold_odd_date(bytes)
}

/// Longest value after `date:` or `end:` the byte scan reads: no number
/// YAML would take for a year is longer, and a longer one is left to the
/// guard, so each `date:` costs a few bytes however long the text after it.
const DATE_SCAN: usize = 64;

/// Whether a `date:` or `end:` in the chunk is followed by a value YAML
/// reads as a number not written in digits (`0x7E4`, `+2020`): the guard
/// must then look, as serde_yaml would take it for a year.
fn may_hold_odd_date(bytes: &[u8]) -> bool {
    ["date:", "end:"].iter().any(|key| {
        memchr::memmem::find_iter(bytes, key).any(|at| {
            let rest = bytes.get(at + key.len()..).unwrap_or_default();
            let start = rest.iter().position(|b| !matches!(b, b' ' | b'\t')).unwrap_or(rest.len());
            let rest = &rest[start..];
            let rest = &rest[..rest.len().min(DATE_SCAN + 1)];
            let end = rest.iter().position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n' | b'#'));
            let token = match end {
                Some(end) => &rest[..end],
                None if rest.len() > DATE_SCAN => return true,
                None => rest,
            };
            std::str::from_utf8(token).is_ok_and(scan::number_not_in_digits)
        })
    })
}

/// The alias budget of the whole file, shared by the workers.
#[derive(Default)]
struct Budget {
    aliases: AtomicU64,
    nodes: AtomicU64,
    bytes: AtomicU64,
}

/// Parses one chunk, after the guard when the scan finds it risky; `None`
/// when it cannot be taken on the fast path.
fn parse_chunk(chunk: &str, limits: &Limits, budget: &Budget) -> Option<Vec<Field<RawEvent>>> {
    if risky(chunk, limits) {
        let outline = scan::guard(chunk, limits, Duplicates::Skip).ok().filter(|o| o.odd_dates.is_empty())?;
        let aliases = budget.aliases.fetch_add(outline.aliases, Ordering::Relaxed) + outline.aliases;
        let nodes = budget.nodes.fetch_add(outline.alias_nodes, Ordering::Relaxed) + outline.alias_nodes;
        let bytes = budget.bytes.fetch_add(outline.alias_bytes, Ordering::Relaxed) + outline.alias_bytes;
        if aliases > limits.max_aliases as u64 || nodes > limits.max_alias_nodes || bytes > limits.max_alias_bytes {
            return None;
        }
    }
    super::exact::deserialize::<Vec<Field<RawEvent>>>(chunk).ok()
}

/// Validates parsed chunks in file order as they arrive.
struct Checking {
    parts: Option<(Checker, Head, EventsBuilder)>,
    waiting: BTreeMap<usize, Option<Entries>>,
    next: usize,
    items: usize,
    ok: bool,
    /// Events and tags handed to the sink so far; `None` until the first part.
    shared: Option<(usize, usize)>,
}

/// The entries of one chunk, as parsed.
type Entries = Vec<Field<RawEvent>>;

impl Checking {
    /// Guards, parses and checks the head (everything before the first
    /// entry, with any tail); returns the file's alias budget with the
    /// head's own aliases counted, so the events get what is left of it.
    fn head(&mut self, head: &str, limits: &Limits) -> Budget {
        let guarded = scan::guard(head, limits, Duplicates::Report).ok().filter(|o| o.odd_dates.is_empty());
        let Some(outline) = guarded else {
            self.ok = false;
            return Budget::default();
        };
        let raw = super::exact::deserialize::<Field<RawTimeline>>(head);
        match raw.map(check_head) {
            Ok(Ok((checker, head, Field::Wrong(_) | Field::Missing))) if checker.problems.list.is_empty() => {
                self.parts = Some((checker, head, EventsBuilder::default()));
            }
            _ => self.ok = false,
        }
        Budget {
            aliases: AtomicU64::new(outline.aliases),
            nodes: AtomicU64::new(outline.alias_nodes),
            bytes: AtomicU64::new(outline.alias_bytes),
        }
    }

    /// Checks every chunk that is next in order; how many were checked.
    fn drain(&mut self) -> usize {
        let before = self.next;
        while let Some(entries) = self.waiting.remove(&self.next) {
            self.next += 1;
            let (Some((checker, _, builder)), Some(entries), true) = (self.parts.as_mut(), entries, self.ok) else {
                self.ok = false;
                continue;
            };
            for entry in entries {
                self.ok &= builder.add(checker, self.items, entry);
                self.items += 1;
            }
            self.ok &= checker.problems.list.is_empty();
        }
        self.next - before
    }

    /// Hands `sink` copies of the events and tags validated since the last
    /// call, while every chunk so far is free of problems.
    fn share(&mut self, sink: &mut dyn FnMut(Part)) {
        let Some((checker, head, builder)) = self.parts.as_ref().filter(|_| self.ok) else { return };
        let (from_events, from_tags) = self.shared.unwrap_or((0, 0));
        let counts = builder.counts();
        if counts.0 == from_events && self.shared.is_some() {
            return;
        }
        let (events, tags) = builder.since(from_events, from_tags);
        sink(match self.shared {
            None => Part::First(head.preview(checker.zone, events, tags)),
            Some(_) => Part::More { events, tags },
        });
        self.shared = Some(counts);
    }
}

/// A first screen's part, made from a file's beginning and end.
pub(super) struct Preview {
    /// The part: the head and tail, and the first chunk's events.
    pub(super) part: Part,
    /// How many events and tags it holds.
    pub(super) counts: (usize, usize),
    /// The head and tail its events were checked against (see [`outline`]).
    pub(super) tables: String,
}

/// The first part of a file whose beginning is `text` (cut anywhere) and
/// whose last lines are `end` (whole lines): its head and tail (the keys
/// after the list, found in `end`) and the events of its first
/// [`PREVIEW_CHUNK_BYTES`], checked as the whole load checks them. `None`
/// when the beginning does not hold a whole first chunk, or it has a
/// problem (the whole load finds and reports it).
pub(super) fn preview(text: &str, end: &str, limits: &Limits) -> Option<Preview> {
    // Two chunks: the second shows where the first ends.
    let plan = plan(text, PREVIEW_CHUNK_BYTES, 2)?;
    // The last chunk of a cut text may end inside an entry: only earlier ones are whole.
    let &(start, stop) = plan.chunks.first().filter(|_| plan.chunks.len() > 1)?;
    let tables = outline(&text[..plan.head_end], tail_in(end, plan.item_indent))?;
    let mut checking = Checking { parts: None, waiting: BTreeMap::new(), next: 0, items: 0, ok: true, shared: None };
    let budget = checking.head(&tables, limits);
    checking.waiting.insert(0, parse_chunk(&text[start..stop], limits, &budget));
    checking.drain();
    let mut first = None;
    checking.share(&mut |part| first = Some(part));
    Some(Preview { part: first?, counts: checking.shared?, tables: tables.into_owned() })
}

/// Loads `text` on the fast path, calling `progress` with the bytes done
/// after each chunk (false stops the load). The tests' entry; the loader
/// calls [`load_streaming`].
#[cfg(test)]
pub(super) fn load(text: &str, limits: &Limits, progress: &mut dyn FnMut(usize) -> bool) -> Fast {
    load_streaming(text, limits, progress, None)
}

/// [`load`], handing `sink` (if any) the events checked since its last
/// part after each chunk when a part is due (but not for a file checked in
/// one go: that loads in one piece).
pub(super) fn load_streaming(
    text: &str,
    limits: &Limits,
    progress: &mut dyn FnMut(usize) -> bool,
    mut sink: Option<&mut Sink<'_>>,
) -> Fast {
    let Some(plan) = plan(text, CHUNK_BYTES, usize::MAX) else { return Fast::Fallback };
    let mut checking = Checking { parts: None, waiting: BTreeMap::new(), next: 0, items: 0, ok: true, shared: None };
    let Some(outline) = plan.outline(text) else { return Fast::Fallback };
    let budget = checking.head(&outline, limits);
    if !checking.ok {
        return Fast::Fallback;
    }
    // A first screen made from other tables than the file's (keys after the
    // list it did not find, say): parts checked against these would not fit
    // it, so the whole timeline replaces it at the end instead.
    if sink.as_ref().and_then(|s| s.tables.as_deref()).is_some_and(|shown| shown != outline) {
        sink = None;
    }
    let stop = AtomicBool::new(false);
    let give_up = AtomicBool::new(false);
    let next_job = AtomicUsize::new(0);
    let (to_main, results) = mpsc::channel::<(usize, Option<Entries>)>();
    let workers = crate::app::index::cores();
    let chunks = &plan.chunks;
    std::thread::scope(|s| {
        let mut threads = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (to_main, next_job, budget, stop, give_up) = (to_main.clone(), &next_job, &budget, &stop, &give_up);
            threads.push(s.spawn(move || {
                loop {
                    let i = next_job.fetch_add(1, Ordering::Relaxed);
                    let Some(&(start, end)) = chunks.get(i) else { return };
                    let parsed = if stop.load(Ordering::Relaxed) || give_up.load(Ordering::Relaxed) {
                        None
                    } else {
                        parse_chunk(&text[start..end], limits, budget)
                    };
                    if to_main.send((i, parsed)).is_err() {
                        return;
                    }
                }
            }));
        }
        drop(to_main);
        for (i, parsed) in &results {
            checking.waiting.insert(i, parsed);
            if checking.drain() > 0 {
                // The tail was checked with the head: the last chunk completes the file.
                let done = if checking.next == chunks.len() { text.len() } else { chunks[checking.next - 1].1 };
                if !progress(done) {
                    stop.store(true, Ordering::Relaxed);
                } else if let Some(sink) = sink.as_deref_mut()
                    && (checking.shared.is_some() || checking.next < chunks.len())
                    && sink.due()
                {
                    // Nothing shown yet and every chunk checked: the file
                    // opens on the whole. A part not due costs no copy.
                    checking.share(&mut |part| sink.give(part));
                }
            }
            // A problem sends the file to the whole-document path: parse no more.
            if !checking.ok {
                give_up.store(true, Ordering::Relaxed);
            }
        }
        // Joining waits for the workers' thread-local teardown too (the scope alone does not).
        for t in threads {
            let _ = t.join();
        }
    });
    if stop.load(Ordering::Relaxed) {
        return Fast::Interrupted;
    }
    checking.drain();
    match checking.parts.take() {
        Some((mut checker, head, builder)) if checking.ok && checking.next == chunks.len() => {
            let (events, tags) = builder.finish(&mut checker);
            checker.assemble(head, events, tags).map_or(Fast::Fallback, |t| Fast::Loaded(Box::new(t)))
        }
        _ => Fast::Fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::tail_in;

    #[test]
    fn the_tail_begins_where_the_list_would_end() {
        let entries = "    title: x\n  - id: b\n    summary: |\n      text\n\n  # a comment\n";
        // Nothing after the list, or only blank lines and comments.
        assert_eq!(tail_in(entries, 2), "");
        assert_eq!(tail_in(&format!("{entries}# the end\n\n"), 2), "");
        // A key at column 0 after an indented list.
        let tail = "actors:\n  - {id: a, name: A}\n";
        assert_eq!(tail_in(&format!("{entries}{tail}"), 2), tail);
        // A list at column 0 ends at the first line there that is no entry.
        let flush = "- id: a\n  title: x\n-\n  id: b\nsources: []\n";
        assert_eq!(tail_in(flush, 0), "sources: []\n");
        // A line less indented than the entries but not a key at column 0, or
        // an entry at column 0 after an indented list: no tail (the whole
        // document is checked).
        assert_eq!(tail_in("      deep\n  - id: c\n bad: 1\n", 2), "");
        assert_eq!(tail_in("  - id: c\n- id: d\n", 2), "");
    }
}
