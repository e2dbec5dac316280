//! The guard pass: walks the YAML event stream with saphyr-parser (which
//! reports exact positions) before serde_yaml parses anything, refusing
//! syntax errors, a second document, duplicate keys and anything past the
//! [`Limits`], each at its line and column.

use super::limits::{Limits, human_bytes};
use super::problem::{Position, Problem, shown};
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};
use std::collections::HashSet;

/// A node being walked: its expanded size so far, and for mappings the keys seen.
struct Frame<'a> {
    anchor: usize,
    nodes: u64,
    bytes: u64,
    keys: Option<HashSet<std::borrow::Cow<'a, str>>>,
    expect_key: bool,
    is_map: bool,
    /// In a mapping, whether the last key read names a date.
    date_key: bool,
}

/// Keys whose values are dates.
const DATE_KEYS: [&str; 3] = ["date", "end", "published"];

/// How many misread dates the guard keeps; the rest are counted.
const KEPT_DATES: usize = 1_000;

/// Converts a parser position to a 1-based line and column.
#[must_use]
pub fn position(m: &Marker) -> Position {
    Position { line: m.line(), column: m.col() + 1 }
}

/// What the guard measured, for budgets the loader sums over pieces of a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    /// Aliases (`*name`) in the text.
    pub aliases: u64,
    /// Values reached through aliases, counting nested expansion.
    pub alias_nodes: u64,
    /// Scalar bytes reached through aliases, counting nested expansion.
    pub alias_bytes: u64,
    /// Dates that YAML reads as a number written otherwise than in digits
    /// (`0x7E4`, `+2020`), which serde_yaml would turn into a year unseen.
    pub odd_dates: Vec<Problem>,
    /// Such dates past the first [`KEPT_DATES`], counted only.
    pub more_odd_dates: usize,
}

/// Whether the guard looks for repeated keys (the fast path leaves that to
/// the raw mappings, which notice a repeated known key for free).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Duplicates {
    /// Report a repeated key at its position.
    Report,
    /// Do not look.
    Skip,
}

/// Checks the syntax, structure and limits of `text`.
///
/// # Errors
/// The first problem found, at its position.
pub fn guard(text: &str, limits: &Limits, duplicates: Duplicates) -> Result<Outline, Problem> {
    guard_ticking(text, limits, duplicates, &mut || true)
}

/// How many YAML events the guard reads between two ticks.
const TICK_EVENTS: usize = 1 << 16;

/// [`guard`], calling `tick` every [`TICK_EVENTS`] YAML events (a large
/// file's guard takes seconds: its caller shows it is still at work, and
/// may be asked to stop); a false tick stops the guard there.
///
/// # Errors
/// As [`guard`]; a problem saying the check was stopped when `tick` said so.
pub fn guard_ticking(
    text: &str,
    limits: &Limits,
    duplicates: Duplicates,
    tick: &mut dyn FnMut() -> bool,
) -> Result<Outline, Problem> {
    let mut outline = Outline::default();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut anchors: Vec<(u64, u64)> = Vec::new(); // anchor id → expanded (nodes, bytes)
    let (mut aliases, mut alias_nodes, mut alias_bytes) = (0usize, 0u64, 0u64);
    let mut documents = 0;
    let mut content = false;
    for (n, item) in Parser::new_from_str(text).enumerate() {
        let (event, span) = item.map_err(|e| syntax(text, &e))?;
        if n % TICK_EVENTS == TICK_EVENTS - 1 && !tick() {
            return Err(Problem::at(position(&span.start), "the check was stopped here".into()));
        }
        let at = position(&span.start);
        let fail = |msg: String| Err(Problem::at(at, msg));
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return fail("a second YAML document starts here; a timeline file holds exactly one (remove the `---` or split the file)".into());
                }
            }
            Event::Scalar(value, style, anchor, _) => {
                content = true;
                if let Some(top) = stack.last_mut().filter(|f| f.is_map) {
                    if top.expect_key {
                        top.date_key = DATE_KEYS.contains(&&*value);
                    } else if top.date_key && style == ScalarStyle::Plain && number_not_in_digits(&value) {
                        if outline.odd_dates.len() < KEPT_DATES {
                            let msg = format!(
                                "`{}` is not a date: a date is written in digits, such as 2018 or 2018-02-07 (YAML would read this as a number)",
                                shown(&value)
                            );
                            outline.odd_dates.push(Problem::at(at, msg));
                        } else {
                            outline.more_odd_dates += 1;
                        }
                    }
                }
                if value.len() > limits.max_scalar_bytes {
                    return fail(format!(
                        "a value of {} is longer than the limit of {} for one value",
                        human_bytes(value.len() as u64),
                        human_bytes(limits.max_scalar_bytes as u64)
                    ));
                }
                let len = value.len() as u64;
                if let Some(top) = stack.last_mut()
                    && top.expect_key
                    && let Some(keys) = &mut top.keys
                    && !keys.insert(value.clone())
                {
                    return fail(format!("duplicate key `{}`: this mapping already has it", shown(&value)));
                }
                close_node(&mut stack, &mut anchors, anchor, 1, len);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                content = true;
                if stack.len() >= limits.max_depth {
                    return fail(format!("nesting deeper than the limit of {} levels", limits.max_depth));
                }
                let is_map = matches!(event, Event::MappingStart(..));
                let keys = (is_map && duplicates == Duplicates::Report).then(HashSet::new);
                stack.push(Frame { anchor, nodes: 1, bytes: 0, keys, expect_key: is_map, is_map, date_key: false });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(f) = stack.pop() {
                    close_node(&mut stack, &mut anchors, f.anchor, f.nodes, f.bytes);
                }
            }
            Event::Alias(id) => {
                aliases += 1;
                let (n, b) = anchors.get(id).copied().unwrap_or((1, 0));
                alias_nodes = alias_nodes.saturating_add(n);
                alias_bytes = alias_bytes.saturating_add(b);
                if aliases > limits.max_aliases {
                    return fail(format!("more than {} aliases (`*name`) in one file", limits.max_aliases));
                }
                if alias_nodes > limits.max_alias_nodes || alias_bytes > limits.max_alias_bytes {
                    return fail(format!(
                        "aliases here expand past the limit of {} values or {} of text (an alias bomb?)",
                        limits.max_alias_nodes,
                        human_bytes(limits.max_alias_bytes)
                    ));
                }
                close_node(&mut stack, &mut anchors, 0, n, b);
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
    }
    if !content {
        return Err(Problem::at(
            Position { line: 1, column: 1 },
            "empty timeline: the file holds no YAML content; a timeline needs a title and events".into(),
        ));
    }
    outline.aliases = aliases as u64;
    outline.alias_nodes = alias_nodes;
    outline.alias_bytes = alias_bytes;
    Ok(outline)
}

/// Whether a plain scalar is one YAML reads as an integer though it is
/// not just digits: a sign, or a hexadecimal, octal or binary prefix.
#[must_use]
pub fn number_not_in_digits(value: &str) -> bool {
    let b = value.as_bytes();
    match b {
        [b'+' | b'-', d, ..] => d.is_ascii_digit() && b[1..].iter().all(u8::is_ascii_alphanumeric),
        [b'0', b'x' | b'o' | b'b' | b'X' | b'O' | b'B', rest @ ..] => {
            !rest.is_empty() && rest.iter().all(u8::is_ascii_hexdigit)
        }
        _ => false,
    }
}

/// Adds a finished node's expanded size to its parent, records it for its
/// anchor, and flips its parent mapping between key and value.
fn close_node(stack: &mut [Frame<'_>], anchors: &mut Vec<(u64, u64)>, anchor: usize, nodes: u64, bytes: u64) {
    if anchor > 0 {
        if anchors.len() <= anchor {
            anchors.resize(anchor + 1, (1, 0));
        }
        anchors[anchor] = (nodes, bytes);
    }
    if let Some(parent) = stack.last_mut() {
        parent.nodes = parent.nodes.saturating_add(nodes);
        parent.bytes = parent.bytes.saturating_add(bytes);
        if parent.is_map {
            parent.expect_key = !parent.expect_key;
        }
    }
}

/// A saphyr scan error in words a person understands, at its position (for
/// a tab, the tab itself rather than where the scanner noticed it).
fn syntax(text: &str, e: &ScanError) -> Problem {
    let info = e.info();
    let mut at = position(e.marker());
    let plain = if info.contains("recursion limit") {
        "nesting deeper than the parser allows (tlview's limit is 32 levels)".to_owned()
    } else if info.contains("quoted scalar") {
        "the quoted value starting here is not closed (a missing closing quote?)".to_owned()
    } else if info.contains("tab") {
        at = tab_near(text, at);
        "a tab is used for indentation; YAML indents with spaces only".to_owned()
    } else if info.contains("mapping values are not allowed") {
        "unexpected `:` here; a value containing `: ` must be put in quotes".to_owned()
    } else if info.contains("flow sequence") {
        "a list opened with `[` is not closed with `]` (or an entry is missing its `,`)".to_owned()
    } else if info.contains("flow mapping") {
        "a mapping opened with `{` is not closed with `}` (or an entry is missing its `,`)".to_owned()
    } else if info.contains("unknown anchor") {
        "this alias (`*name`) refers to an anchor (`&name`) that is not defined above it".to_owned()
    } else if info.contains("unexpected character") || info.contains("cannot start any token") {
        "this character cannot start a value (`@` and `` ` `` are reserved; put the value in quotes)".to_owned()
    } else if info.contains("did not find expected key") || info.contains("indentation") {
        "the indentation here does not line up with the lines above (or a key is missing its `:`)".to_owned()
    } else if info.contains("end of stream") {
        "the file ends inside an unfinished list, mapping or value".to_owned()
    } else {
        format!("YAML syntax error: {info}")
    };
    Problem::at(at, plain + &super::mistakes::nested_quotes(text, at.line))
}

/// Where the tab behind a tab error is: the scanner notices it at the end
/// of the line before (or of a blank line), so look from `at` to the next
/// line with content for a tab in the indentation; failing that, any tab on
/// the line of `at`.
fn tab_near(text: &str, at: Position) -> Position {
    let first = at.line.saturating_sub(1);
    for (n, line) in text.lines().enumerate().skip(first) {
        let lead = line.chars().take_while(|c| matches!(c, ' ' | '\t'));
        if let Some(col) = lead.into_iter().position(|c| c == '\t') {
            return Position { line: n + 1, column: col + 1 };
        }
        if n > first && !line.trim().is_empty() {
            break;
        }
    }
    let tab = text.lines().nth(first).and_then(|l| l.chars().position(|c| c == '\t'));
    tab.map_or(at, |col| Position { line: at.line, column: col + 1 })
}
