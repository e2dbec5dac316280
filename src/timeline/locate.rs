//! Where an event is written in its file, found when the editor is about to
//! open there. Loading keeps no positions (a valid file never pays for them);
//! this walks the YAML event stream once, stopping at the entry, and works
//! on the file as it is now, even if it changed since it was loaded.

use super::problem::Position;
use super::scan::position;
use saphyr_parser::{Event, Parser};

enum Frame {
    Seq,
    Map { key: Option<String>, expect_key: bool, start: Position },
}

/// The line and column where the entry of `events` with id `id` starts in `text`.
#[must_use]
pub fn event_position(text: &str, id: &str) -> Option<Position> {
    let mut stack: Vec<Frame> = Vec::new();
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { return None };
        let at = position(&span.start);
        // Whether the node is the value of key `k` in an entry of the top-level `events` list.
        let in_entry = |stack: &[Frame], k: &str| {
            matches!(stack, [Frame::Map { key: Some(top), .. }, Frame::Seq, Frame::Map { key: Some(field), expect_key: false, .. }]
                if top == "events" && field == k)
        };
        match event {
            Event::Scalar(value, ..) => {
                if in_entry(&stack, "id") && value == id {
                    return match stack.last() {
                        Some(Frame::Map { start, .. }) => Some(*start),
                        _ => None,
                    };
                }
                value_done(&mut stack, Some(value.to_string()));
            }
            Event::Alias(_) => value_done(&mut stack, None),
            Event::SequenceStart(..) => {
                key_as_container(&mut stack);
                stack.push(Frame::Seq);
            }
            Event::MappingStart(..) => {
                key_as_container(&mut stack);
                stack.push(Frame::Map { key: None, expect_key: true, start: at });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
                value_done(&mut stack, None);
            }
            _ => {}
        }
    }
    None
}

/// A scalar (or alias) ended: in a mapping, it was a key or a value.
fn value_done(stack: &mut [Frame], scalar: Option<String>) {
    if let Some(Frame::Map { key, expect_key, .. }) = stack.last_mut() {
        if *expect_key {
            *key = scalar;
            *expect_key = false;
        } else {
            *key = None;
            *expect_key = true;
        }
    }
}

/// A list or mapping used as a mapping key: it has no name to match.
fn key_as_container(stack: &mut [Frame]) {
    if let Some(Frame::Map { key, expect_key: expect @ true, .. }) = stack.last_mut() {
        *key = None;
        *expect = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_entry_where_it_starts() {
        let text = "title: T\nevents:\n  - id: a\n    title: A\n  - title: B\n    id: \"b\"\n    quotes:\n      - {id: c}\n  - {id: c, title: C}\n";
        assert_eq!(event_position(text, "a"), Some(Position { line: 3, column: 5 }));
        assert_eq!(event_position(text, "b"), Some(Position { line: 5, column: 5 }));
        assert_eq!(event_position(text, "c"), Some(Position { line: 9, column: 5 }));
        assert_eq!(event_position(text, "T"), None);
        assert_eq!(event_position(text, "z"), None);
    }

    #[test]
    fn ids_elsewhere_do_not_count() {
        let text = "actors:\n  - id: a\nevents:\n  - id: x\n    sources: [a]\n  - id: a\n";
        assert_eq!(event_position(text, "a"), Some(Position { line: 6, column: 5 }));
        assert_eq!(event_position("events: [", "a"), None);
    }
}
