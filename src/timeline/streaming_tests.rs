//! Loads shown as they go: the parts a streaming load hands over, when,
//! and what a viewer is told when a later chunk sends the file back to the
//! whole-document check; and the reader that reads the rest of a large
//! file while its beginning is looked at.

use super::limits::Limits;
use super::tests::many_events;
use super::*;
use std::path::Path;
use std::time::Duration;

/// Writes `text` to a file in `dir` and loads it as the viewer does, the
/// sink waiting `every` between parts: the result, and each part with the
/// bytes checked when it came (none for a first screen made from the
/// file's beginning and end, before the whole is read and planned).
fn stream(dir: &Path, text: &str, every: Duration) -> (Result<Timeline, LoadError>, Vec<(Part, usize)>) {
    let path = dir.join("big.yaml");
    std::fs::write(&path, text).expect("write");
    let (mut parts, done) = (Vec::new(), std::cell::Cell::new(0));
    let mut give = |p| parts.push((p, done.get()));
    let mut progress = |reached| {
        if let Reached::Bytes { done: d, .. } = reached {
            done.set(d);
        }
        true
    };
    let result =
        super::load_path_streaming(&path, &Limits::default(), &mut progress, Some(Sink::new(&mut give, every)));
    (result, parts)
}

/// The parts alone.
fn parts_of(parts: Vec<(Part, usize)>) -> Vec<Part> {
    parts.into_iter().map(|(p, _)| p).collect()
}

#[test]
fn a_streaming_load_hands_over_each_chunk_in_file_order_the_last_too() {
    let text = many_events(6000);
    let mut parts = Vec::new();
    let mut give = |p| parts.push(p);
    let mut sink = Sink::new(&mut give, Duration::ZERO);
    let loaded = pipeline::load_streaming(&text, &Limits::default(), &mut |_| true, Some(&mut sink));
    let pipeline::Fast::Loaded(full) = loaded else { panic!("not loaded") };
    assert!(!parts.is_empty(), "no part before the whole timeline");
    let (mut ids, mut tags) = (Vec::new(), Vec::new());
    for (k, part) in parts.into_iter().enumerate() {
        let (events, new_tags) = match part {
            Part::First(t) => {
                assert_eq!(k, 0);
                assert_eq!((t.title.as_str(), t.actors.len()), (full.title.as_str(), full.actors.len()));
                (t.events, t.tags)
            }
            Part::More { events, tags } => {
                assert!(k > 0);
                (events, tags)
            }
            Part::Rechecking => panic!("a valid file is not checked again"),
        };
        tags.extend(new_tags);
        assert!(events.iter().all(|e| e.tags.iter().all(|&g| (g as usize) < tags.len())), "a tag not yet handed over");
        ids.extend(events.into_iter().map(|e| e.id));
    }
    // Every chunk in file order, the last too, so the viewer holds every
    // event before the final order arrives (and keeps its keys when that
    // order is the provisional one).
    assert_eq!(ids.len(), 6000);
    assert!(ids.iter().enumerate().all(|(i, id)| **id == *format!("e{i}")));
    assert_eq!(full.tags, tags);
    // A problem in a later chunk stops the parts; the load falls back to report it.
    let bad = text.replacen("  - id: e5600\n    date: ", "  - id: e5600\n    date: 2018-02-31 # ", 1);
    assert!(bad.len() > text.len(), "the fixture changed");
    let mut count = 0;
    let mut give = |_| count += 1;
    let mut sink = Sink::new(&mut give, Duration::ZERO);
    let loaded = pipeline::load_streaming(&bad, &Limits::default(), &mut |_| true, Some(&mut sink));
    assert!(matches!(loaded, pipeline::Fast::Fallback));
    assert!(count >= 1);
}

#[test]
fn a_large_file_shows_its_beginning_before_the_rest_is_read_and_hands_over_each_event_once() {
    let text = many_events(12_000);
    let tmp = tempfile::Builder::new().prefix("tlview-preview-").tempdir().expect("temp dir");
    let (full, parts) = stream(tmp.path(), &text, Duration::ZERO);
    let full = full.expect("loads");
    let at: Vec<usize> = parts.iter().map(|(_, done)| *done).collect();
    let parts = parts_of(parts);
    assert_eq!(at[0], 0);
    assert!(at[1..].iter().all(|&d| d > 0));
    assert!(matches!(parts.first(), Some(Part::First(_))), "the first part opens the viewer");
    assert!(parts[1..].iter().all(|p| matches!(p, Part::More { .. })));
    let (mut ids, mut tags) = (Vec::new(), Vec::new());
    for part in parts {
        let (events, new_tags) = match part {
            Part::First(t) => (t.events, t.tags),
            Part::More { events, tags } => (events, tags),
            Part::Rechecking => panic!("a valid file is not checked again"),
        };
        tags.extend(new_tags);
        ids.extend(events.into_iter().map(|e| e.id));
    }
    assert_eq!(ids.len(), 12_000);
    assert!(ids.iter().enumerate().all(|(i, id)| **id == *format!("e{i}")), "each event once, in file order");
    assert_eq!(tags, full.tags);
}

#[test]
fn a_later_problem_says_the_file_is_checked_again_once_pieces_are_shown() {
    let text = many_events(12_000);
    let tmp = tempfile::Builder::new().prefix("tlview-recheck-").tempdir().expect("temp dir");
    let load = |text: &str| {
        let (result, parts) = stream(tmp.path(), text, Duration::ZERO);
        (result, parts_of(parts))
    };
    // A problem near the end: the beginning is shown, then the notice, then every problem.
    let late = text.replacen("  - id: e11900\n    date: ", "  - id: e11900\n    date: 2018-02-31 # ", 1);
    assert!(late.len() > text.len(), "the fixture changed");
    let (result, parts) = load(&late);
    let Err(LoadError::Invalid { problems, .. }) = result else { panic!("the problem is reported") };
    assert!(problems.iter().any(|p| p.message.contains("2018-02-31")), "{problems:?}");
    assert!(matches!(parts.first(), Some(Part::First(_))), "the beginning was shown");
    assert!(matches!(parts.last(), Some(Part::Rechecking)), "the viewer is told the file is read again");
    assert_eq!(parts.iter().filter(|p| matches!(p, Part::Rechecking)).count(), 1);
    // A problem at the start: nothing is shown, so there is no one to tell.
    let early = text.replacen("  - id: e1\n    date: ", "  - id: e1\n    date: 2018-02-31 # ", 1);
    let (result, parts) = load(&early);
    assert!(matches!(result, Err(LoadError::Invalid { .. })));
    assert!(parts.is_empty(), "{} pieces", parts.len());
    // No problem: no notice.
    let (result, parts) = load(&text);
    assert!(result.is_ok());
    assert!(!parts.iter().any(|p| matches!(p, Part::Rechecking)));
}

#[test]
fn a_large_file_is_read_whole_while_its_beginning_and_end_are_looked_at_and_a_stop_stops_it() {
    let dir = tempfile::Builder::new().prefix("tlview-read-").tempdir().expect("temp dir");
    let path = dir.path().join("big.yaml");
    // Over the preview's two blocks and the reader's 8 MiB block, with no repeating period.
    let text: Vec<u8> = (0..9_000_000u32).map(|i| b'a' + (i.wrapping_mul(2_654_435_761) >> 27) as u8 % 26).collect();
    std::fs::write(&path, &text).expect("write");
    let mut seen = Vec::new();
    let read = read::read_with(&path, &Limits::default(), true, &mut |head, end, total| {
        seen.push((head.to_vec(), end.to_vec(), total));
        true
    })
    .expect("reads");
    assert!(read == text, "the whole file, in order");
    assert_eq!(seen.len(), 1);
    assert!(seen[0].0 == text[..read::PREVIEW_BYTES], "the beginning");
    assert!(seen[0].1 == text[text.len() - read::END_BYTES - 1..], "the end, and the byte before it");
    assert_eq!(seen[0].2, text.len());
    let stopped = read::read_with(&path, &Limits::default(), true, &mut |_, _, _| false);
    assert!(matches!(stopped, Err(LoadError::Interrupted)));
    // A small file is read at once, its beginning not looked at.
    let small = dir.path().join("small.yaml");
    std::fs::write(&small, b"title: T\n").expect("write");
    let mut heads = Vec::new();
    let read = read::read_with(&small, &Limits::default(), true, &mut |h, e, _| {
        heads.push((h.len(), e.len()));
        true
    });
    assert_eq!(read.expect("reads"), b"title: T\n");
    assert_eq!(heads, [(0, 0)]);
}

#[test]
fn a_sink_is_due_at_first_then_once_its_wait_is_over() {
    let mut count = 0;
    let mut give = |_| count += 1;
    let mut hourly = Sink::new(&mut give, Duration::from_secs(3600));
    assert!(hourly.due(), "the first part goes at once");
    hourly.give(Part::Rechecking);
    assert!(!hourly.due(), "the next waits an hour");
    let mut give = |_| {};
    let mut every_chunk = Sink::new(&mut give, Duration::ZERO);
    every_chunk.give(Part::Rechecking);
    assert!(every_chunk.due());
    assert_eq!(count, 1);
}

#[test]
fn a_load_quicker_than_the_wait_hands_over_its_first_part_only_and_a_notice_never_waits() {
    let tmp = tempfile::Builder::new().prefix("tlview-wait-").tempdir().expect("temp dir");
    let load = |text: &str| {
        let (result, parts) = stream(tmp.path(), text, Duration::from_secs(3600));
        (result, parts_of(parts))
    };
    let first_events = |parts: &[Part]| match parts.first() {
        Some(Part::First(t)) => t.events.len(),
        _ => panic!("the first part opens the viewer"),
    };
    // Its beginning read apart (the first part), then nothing until the whole.
    let text = many_events(12_000);
    let (result, parts) = load(&text);
    assert_eq!(result.expect("loads").events.len(), 12_000);
    assert_eq!(parts.len(), 1);
    assert!((1..12_000).contains(&first_events(&parts)));
    // Too small to be read in two (no beginning apart): the pipeline's first
    // chunks, at once, unless the whole was checked as soon (then no part).
    let text = many_events(5_500);
    assert!(text.len() < 2 * read::PREVIEW_BYTES, "the fixture changed");
    let (result, parts) = load(&text);
    assert_eq!(result.expect("loads").events.len(), 5_500);
    assert!(parts.len() <= 1);
    assert!(parts.is_empty() || (1..5_500).contains(&first_events(&parts)));
    // A problem after the first part: the notice goes at once, waiting or not.
    let late = many_events(12_000).replacen("  - id: e11900\n    date: ", "  - id: e11900\n    date: 2018-02-31 # ", 1);
    let (result, parts) = load(&late);
    assert!(matches!(result, Err(LoadError::Invalid { .. })));
    assert!(matches!(parts.as_slice(), [Part::First(_), Part::Rechecking]), "{} parts", parts.len());
}

#[test]
fn keys_after_the_events_are_read_from_the_end_for_the_first_screen_and_parts_fit_its_tables() {
    let tmp = tempfile::Builder::new().prefix("tlview-tail-").tempdir().expect("temp dir");
    let load = |text: &str| {
        let (result, parts) = stream(tmp.path(), text, Duration::ZERO);
        (result.expect("loads"), parts)
    };
    let text = many_events(12_000);
    let (head, events) = text.split_at(text.find("events:\n").expect("has events"));
    let (top, tables) = head.split_at(head.find("actors:").expect("has actors"));
    // The events cite the actor and source declared after them: the first
    // screen finds them in the file's end, and every later part, checked
    // against the same tables, follows it: each event once, in file order.
    let after = format!("{top}{events}{tables}");
    let (full, parts) = load(&after);
    assert_eq!((full.events.len(), full.actors.len(), full.sources.len()), (12_000, 1, 1));
    assert_eq!(parts.first().map(|(_, done)| *done), Some(0), "the first screen did not wait for the whole file");
    let mut ids = Vec::new();
    for (k, (part, _)) in parts.into_iter().enumerate() {
        match part {
            Part::First(t) => {
                assert_eq!((k, t.actors.len(), t.sources.len()), (0, 1, 1));
                ids.extend(t.events.into_iter().map(|e| e.id));
            }
            Part::More { events, .. } => ids.extend(events.into_iter().map(|e| e.id)),
            Part::Rechecking => panic!("the tail is taken on the fast path"),
        }
    }
    assert_eq!(ids.len(), 12_000);
    assert!(ids.iter().enumerate().all(|(i, id)| **id == *format!("e{i}")));
    // More actors after the events than the end read holds: a first screen of
    // events citing nothing is made without them, and parts numbered against
    // the whole tables would not fit it, so none follows.
    let many: String = (0..6_000).map(|i| format!("  - {{id: extra{i}, name: Extra actor number {i}}}\n")).collect();
    assert!(many.len() > read::END_BYTES, "the fixture changed");
    let bare = after.replace("    actors: [peskov]\n", "").replace("    sources: [seed]\n", "");
    let bare = bare.replacen("sources:\n", &format!("{many}sources:\n"), 1);
    let (full, parts) = load(&bare);
    assert_eq!((full.events.len(), full.actors.len()), (12_000, 6_001));
    assert!(matches!(parts.as_slice(), [(Part::First(t), 0)] if t.actors.is_empty()), "{} parts", parts.len());
}
