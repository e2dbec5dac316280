//! The pseudo-random sequence unit tests draw their cases from: a linear
//! congruential generator (Knuth's MMIX constants), deterministic, so a
//! failing case comes back on the next run.

/// A sequence of 64-bit states from a seed.
pub(crate) struct Seq(u64);

impl Seq {
    /// The sequence starting after `seed`.
    pub(crate) fn new(seed: u64) -> Seq {
        Seq(seed)
    }

    /// The next state, whole: each test takes the bits it needs (the high
    /// ones are the most random).
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0
    }
}
