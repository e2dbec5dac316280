//! A timeline too large for a file, built in memory from a loaded one:
//! shared by the scale tests and the benchmark (each includes this file
//! with `#[path]`).

use tlview::timeline::{Event, Timeline};

/// `base` repeated `times` times with fresh ids (`ID-k`), in start order.
pub fn replicate(base: &Timeline, times: usize) -> Timeline {
    let mut t = base.clone();
    t.events = (0..times)
        .flat_map(|k| {
            base.events.iter().map(move |e| {
                let mut e = e.clone();
                e.id = format!("{}-{k}", e.id).into();
                e
            })
        })
        .collect();
    t.events.sort_by_key(Event::start);
    t
}
