//! Merging two lists already in order: the lists a load grows (the events
//! in start order, the finish order) take what arrives this way, paying
//! for what they hold instead of sorting all of it again.

/// The items of `first` and `second`, each in ascending order of `key`, as
/// one sequence in that order; among equal keys `first`'s come first, as a
/// stable sort of `first` then `second` has them.
pub(super) fn merged<T, K: Ord>(
    first: impl IntoIterator<Item = T>,
    second: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> impl Iterator<Item = T> {
    let (mut first, mut second) = (first.into_iter().peekable(), second.into_iter().peekable());
    std::iter::from_fn(move || match (first.peek(), second.peek()) {
        (Some(a), Some(b)) if key(b) < key(a) => second.next(),
        (Some(_), _) => first.next(),
        (None, _) => second.next(),
    })
}

#[cfg(test)]
mod tests {
    use super::merged;

    #[test]
    fn a_merge_is_a_stable_sort_of_both() {
        let mut seq = crate::test_seq::Seq::new(5);
        for _ in 0..200 {
            let mut list = |tag: char| {
                let mut v: Vec<(u64, char, u64)> = (0..seq.next() % 12).map(|i| (seq.next() % 6, tag, i)).collect();
                v.sort_by_key(|&(k, _, _)| k);
                v
            };
            let (a, b) = (list('a'), list('b'));
            let mut sorted: Vec<_> = a.iter().chain(&b).copied().collect();
            sorted.sort_by_key(|&(k, _, _)| k);
            assert_eq!(merged(a, b, |&(k, _, _)| k).collect::<Vec<_>>(), sorted);
        }
    }
}
