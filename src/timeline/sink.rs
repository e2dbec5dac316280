//! Where a load shown as it goes hands its [`Part`]s, and how often.
//!
//! A part is a copy of the events validated since the last one, and the
//! viewer merges and draws it: work taken from the two cores that parse the
//! rest of the file. A viewer draws a loading frame only so often, so a part
//! sooner than that is work nobody sees; and a file that finishes loading
//! before the next part is due hands over none but the first, the whole
//! timeline following at once.

use super::model::Part;
use std::time::{Duration, Instant};

/// Receives the parts of a load (see the module docs).
pub struct Sink<'a> {
    /// Where the parts go.
    pub(super) give: &'a mut dyn FnMut(Part),
    /// The least time between two parts.
    pub(super) every: Duration,
    /// When the last part was handed over.
    pub(super) last: Option<Instant>,
    /// The head and tail (the document without its events) the parts so
    /// far were checked against, when the loader made them from another
    /// text than the whole file's: a later part checked against other
    /// tables would not fit them (its actors numbered otherwise, say).
    pub(super) tables: Option<String>,
}

impl<'a> Sink<'a> {
    /// A sink handing parts to `give`, the first at once and each later one
    /// no sooner than `every` after the one before (zero: every chunk).
    pub fn new(give: &'a mut dyn FnMut(Part), every: Duration) -> Sink<'a> {
        Sink { give, every, last: None, tables: None }
    }

    /// Whether a part handed over now would be on time: none was yet, or
    /// the last was at least `every` ago. A caller asks before it copies.
    #[must_use]
    pub fn due(&self) -> bool {
        self.last.is_none_or(|t| t.elapsed() >= self.every)
    }

    /// Hands `part` over, due or not (a [`Part::Rechecking`] notice is
    /// never held back), and starts the wait for the next.
    pub fn give(&mut self, part: Part) {
        (self.give)(part);
        self.last = Some(Instant::now());
    }
}
