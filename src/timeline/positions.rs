//! Finds the line and column of each problem's path by walking the YAML
//! event stream once more. It runs only when a file has problems, so a valid
//! file never pays for positions.

use super::problem::{Position, Problem, Seg, Target};
use super::scan::position;
use saphyr_parser::{Event, Parser};
use std::collections::HashMap;

enum Frame {
    /// A sequence, or (when `key`) a list or mapping used as a mapping key.
    Seq {
        next: usize,
        key: bool,
    },
    Map {
        key: Option<String>,
        expect_key: bool,
    },
}

/// Fills in `position` for every problem whose path is found in `text`;
/// those not found point at the start of the file.
pub fn resolve(text: &str, problems: &mut [Problem]) {
    let mut wanted: HashMap<(Vec<Seg>, Target), Vec<usize>> = HashMap::new();
    for (i, p) in problems.iter().enumerate() {
        if p.position.is_none() {
            wanted.entry((p.path.clone(), p.target)).or_default().push(i);
        }
    }
    let mut found = |path: &[Seg], target: Target, at: Position, problems: &mut [Problem]| {
        if let Some(list) = wanted.remove(&(path.to_vec(), target)) {
            for i in list {
                problems[i].position = Some(at);
            }
        }
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut path: Vec<Seg> = Vec::new();
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let at = position(&span.start);
        let is_node =
            matches!(event, Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..));
        let is_end = matches!(event, Event::SequenceEnd | Event::MappingEnd);
        if is_node {
            // A scalar key in a mapping: remember it, and report key problems here.
            if let Some(Frame::Map { key, expect_key }) = stack.last_mut()
                && *expect_key
            {
                *expect_key = false;
                let name = match &event {
                    Event::Scalar(v, ..) => v.to_string(),
                    _ => String::from("(a key that is not text)"),
                };
                path.push(Seg::Key(name.clone()));
                found(&path, Target::Key, at, problems);
                path.pop();
                *key = Some(name);
                if let Event::SequenceStart(..) | Event::MappingStart(..) = event {
                    stack.push(Frame::Seq { next: 0, key: true }); // walked, never matched
                    path.push(Seg::Key(String::new()));
                }
                continue;
            }
            let seg = match stack.last_mut() {
                Some(Frame::Map { key, .. }) => Some(Seg::Key(key.take().unwrap_or_default())),
                Some(Frame::Seq { next, .. }) => {
                    *next += 1;
                    Some(Seg::Index(*next - 1))
                }
                None => None,
            };
            path.extend(seg);
            found(&path, Target::Value, at, problems);
            match event {
                Event::SequenceStart(..) => stack.push(Frame::Seq { next: 0, key: false }),
                Event::MappingStart(..) => stack.push(Frame::Map { key: None, expect_key: true }),
                _ => finish_value(&mut stack, &mut path),
            }
        } else if is_end {
            if let Some(Frame::Seq { key: true, .. }) = stack.pop() {
                path.pop(); // the key is done; its mapping now expects the value
            } else {
                finish_value(&mut stack, &mut path);
            }
        }
    }
    for p in problems.iter_mut().filter(|p| p.position.is_none()) {
        p.position = Some(Position { line: 1, column: 1 });
    }
}

/// After a value ends: leave its path segment; its mapping now expects a key.
fn finish_value(stack: &mut [Frame], path: &mut Vec<Seg>) {
    if !stack.is_empty() || !path.is_empty() {
        path.pop();
    }
    if let Some(Frame::Map { expect_key, .. }) = stack.last_mut() {
        *expect_key = true;
    }
}
