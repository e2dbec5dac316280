//! Search-match highlighting: splits sanitised text into spans, styling each
//! occurrence of the query as search finds it, through the same folding
//! ([`fold`]), so what is highlighted is what matched.

use crate::app::index::FIELD_CAP;
use crate::text::{fold, fold_indices, head};
use memchr::memmem;
use ratatui::style::Style;
use ratatui::text::Span;

/// `text` as spans, with every case-insensitive match of `query` in `matched`
/// style and the rest in `base`.
///
/// Matches are found in the folded text and mapped back to the characters
/// they came from, so text whose folded form changes length (`ß` as `ss`,
/// `İ` as `i`) is highlighted at the right place, and a match ending inside
/// such a character covers all of it. Like search, only the first
/// [`FIELD_CAP`] bytes are looked at: the cost of a frame stays bounded
/// however long one text is.
#[must_use]
pub fn spans<'a>(text: &str, query: &str, base: Style, matched: Style) -> Vec<Span<'a>> {
    let needle = fold(query);
    if needle.is_empty() {
        return vec![Span::styled(text.to_owned(), base)];
    }
    let cut = head(text, FIELD_CAP).len();
    // The folded text, and for each of its characters (by byte offset in
    // `folded`) the byte offset in `text` of the character it came from.
    let mut folded = String::new();
    let mut from: Vec<(usize, usize)> = Vec::new();
    for (at, c) in fold_indices(&text[..cut]) {
        from.push((folded.len(), at));
        folded.push(c);
    }
    // Where a match ending before folded character `next` ends in `text`:
    // at the next character, or after the one it ends inside.
    let end_before = |next: usize| {
        let last = from[next - 1].1;
        match from.get(next) {
            Some(&(_, at)) if at > last => at,
            Some(_) => last + text[last..].chars().next().map_or(0, char::len_utf8),
            None if cut == text.len() => cut,
            None => last + text[last..].chars().next().map_or(0, char::len_utf8),
        }
    };
    let mut out = Vec::new();
    let mut plain_from = 0;
    for pos in memmem::find_iter(folded.as_bytes(), needle.as_bytes()) {
        let first = from.partition_point(|&(f, _)| f < pos);
        let next = from.partition_point(|&(f, _)| f < pos + needle.len());
        let (start, end) = (from[first].1, end_before(next));
        if start >= plain_from && end > start {
            if start > plain_from {
                out.push(Span::styled(text[plain_from..start].to_owned(), base));
            }
            out.push(Span::styled(text[start..end].to_owned(), matched));
            plain_from = end;
        }
    }
    if plain_from < text.len() || out.is_empty() {
        out.push(Span::styled(text[plain_from..].to_owned(), base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, q: &str) -> String {
        let m = Style::new().bold();
        spans(text, q, Style::new(), m)
            .iter()
            .map(|s| if s.style == m { format!("[{}]", s.content) } else { s.content.to_string() })
            .collect()
    }

    #[test]
    fn marks_every_match_ignoring_case() {
        assert_eq!(marked("Putin spoke; PUTIN said", "putin"), "[Putin] spoke; [PUTIN] said");
        assert_eq!(marked("no match", "xyz"), "no match");
        assert_eq!(marked("İstanbul", "i̇s"), "[İs]tanbul");
    }

    #[test]
    fn every_sigma_matches_every_sigma() {
        assert_eq!(marked("ΣΑΣ και σας", "ΣΑΣ"), "[ΣΑΣ] και [σας]");
        assert_eq!(marked("Οδυσσεύς", "ΕΎΣ"), "Οδυσσ[εύς]");
    }

    #[test]
    fn positions_map_back_when_folding_changes_lengths() {
        // İ folds to i (one byte shorter), ß to ss (one character longer).
        assert_eq!(marked("İstanbul İzmir", "izmir"), "İstanbul [İzmir]");
        assert_eq!(marked("i\u{307}stanbul", "is"), "[i\u{307}s]tanbul");
        assert_eq!(marked("Die Straße, STRASSE", "strasse"), "Die [Straße], [STRASSE]");
        assert_eq!(marked("Maß und Masse", "mass"), "[Maß] und [Mass]e");
        // A match ending inside ß covers it; one starting inside it starts at it.
        assert_eq!(marked("Maße", "mas"), "[Maß]e");
        assert_eq!(marked("Maße", "se"), "Ma[ße]");
        assert_eq!(marked("ẞ", "s"), "[ẞ]");
    }

    #[test]
    fn only_the_searched_part_of_a_long_text_is_looked_at() {
        let long = format!("{}needle", "x".repeat(FIELD_CAP));
        assert_eq!(spans(&long, "needle", Style::new(), Style::new().bold()).len(), 1);
        let near = format!("{}needle", "x".repeat(10));
        assert_eq!(marked(&near, "NEEDLE"), format!("{}[needle]", "x".repeat(10)));
    }
}
