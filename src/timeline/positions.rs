//! Finds the line and column of each problem's path by walking the YAML
//! event stream once more. It runs only when a file has problems, so a valid
//! file never pays for positions.
//!
//! The walk is linear in the file: each node's path is known by a hash built
//! from its parent's and its own last step, so no path (which may hold a key
//! of megabytes) is copied or hashed again per node; a full comparison runs
//! only when the hash matches a problem's. A problem inside content reached
//! through an alias (`*name`) has no node of its own in the stream: it is
//! placed at the alias, the nearest place in the file it comes from.

use super::problem::{Position, Problem, Seg, Target};
use super::scan::position;
use saphyr_parser::{Event, Parser};
use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash, Hasher};

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

/// Hashes of paths, each built from its parent's.
struct PathHash(RandomState);

impl PathHash {
    fn step(&self, parent: u64, seg: &Seg) -> u64 {
        let mut h = self.0.build_hasher();
        parent.hash(&mut h);
        seg.hash(&mut h);
        h.finish()
    }

    /// The hash of each prefix of `path`, the whole path last (the root's is 0).
    fn prefixes(&self, path: &[Seg]) -> Vec<u64> {
        let mut out = Vec::with_capacity(path.len() + 1);
        out.push(0);
        for seg in path {
            let parent = out.last().copied().unwrap_or(0);
            out.push(self.step(parent, seg));
        }
        out
    }
}

/// The path being walked, with the hash of each of its prefixes.
struct Walk {
    path: Vec<Seg>,
    hashes: Vec<u64>,
}

impl Walk {
    fn push(&mut self, h: &PathHash, seg: Seg) {
        let parent = self.hash();
        self.hashes.push(h.step(parent, &seg));
        self.path.push(seg);
    }

    fn pop(&mut self) {
        self.path.pop();
        self.hashes.pop();
    }

    fn hash(&self) -> u64 {
        self.hashes.last().copied().unwrap_or(0)
    }
}

/// Fills in `position` for every problem whose path is found in `text`;
/// one inside aliased content points at the alias, and any other not found
/// at the start of the file.
pub fn resolve(text: &str, problems: &mut [Problem]) {
    let hasher = PathHash(RandomState::new());
    let mut wanted: HashMap<(u64, Target), Vec<usize>> = HashMap::new();
    for (i, p) in problems.iter().enumerate() {
        if p.position.is_none() {
            let h = hasher.prefixes(&p.path).last().copied().unwrap_or(0);
            wanted.entry((h, p.target)).or_default().push(i);
        }
    }
    let mut aliases: HashMap<u64, Position> = HashMap::new();
    let mut left = wanted.values().map(Vec::len).sum::<usize>();
    let mut done = left == 0;
    let mut found = |walk: &Walk, target: Target, at: Position, problems: &mut [Problem]| {
        if let Some(list) = wanted.get_mut(&(walk.hash(), target)) {
            list.retain(|&i| {
                let hit = problems[i].path == walk.path;
                if hit {
                    problems[i].position = Some(at);
                    left -= 1;
                }
                !hit
            });
        }
        left == 0
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut walk = Walk { path: Vec::new(), hashes: Vec::new() };
    for item in Parser::new_from_str(text) {
        // Every problem placed: the rest of the file need not be walked.
        if done {
            break;
        }
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
                walk.push(&hasher, Seg::Key(name));
                done = found(&walk, Target::Key, at, problems);
                let Some(Seg::Key(name)) = walk.path.pop() else { continue };
                walk.hashes.pop();
                *key = Some(name);
                if let Event::SequenceStart(..) | Event::MappingStart(..) = event {
                    stack.push(Frame::Seq { next: 0, key: true }); // walked, never matched
                    walk.push(&hasher, Seg::Key(String::new()));
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
            if let Some(seg) = seg {
                walk.push(&hasher, seg);
            }
            done = found(&walk, Target::Value, at, problems);
            match event {
                Event::SequenceStart(..) => stack.push(Frame::Seq { next: 0, key: false }),
                Event::MappingStart(..) => stack.push(Frame::Map { key: None, expect_key: true }),
                Event::Alias(_) => {
                    aliases.entry(walk.hash()).or_insert(at);
                    finish_value(&mut stack, &mut walk);
                }
                _ => finish_value(&mut stack, &mut walk),
            }
        } else if is_end {
            if let Some(Frame::Seq { key: true, .. }) = stack.pop() {
                walk.pop(); // the key is done; its mapping now expects the value
            } else {
                finish_value(&mut stack, &mut walk);
            }
        }
    }
    for p in problems.iter_mut().filter(|p| p.position.is_none()) {
        // The deepest alias on the problem's path, if any.
        let inside = hasher.prefixes(&p.path).iter().rev().find_map(|h| aliases.get(h).copied());
        p.position = Some(inside.unwrap_or(Position { line: 1, column: 1 }));
    }
}

/// After a value ends: leave its path segment; its mapping now expects a key.
fn finish_value(stack: &mut [Frame], walk: &mut Walk) {
    if !stack.is_empty() || !walk.path.is_empty() {
        walk.pop();
    }
    if let Some(Frame::Map { expect_key, .. }) = stack.last_mut() {
        *expect_key = true;
    }
}
