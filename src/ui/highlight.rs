//! Search-match highlighting: splits sanitised text into spans, styling each
//! case-insensitive occurrence of the query.

use ratatui::style::Style;
use ratatui::text::Span;

/// `text` as spans, with every case-insensitive match of `query` in `matched`
/// style and the rest in `base`. Matching is per character, so text whose
/// lowercase form changes length is still highlighted at the right place.
#[must_use]
pub fn spans<'a>(text: &str, query: &str, base: Style, matched: Style) -> Vec<Span<'a>> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return vec![Span::styled(text.to_owned(), base)];
    }
    // Each lowercase char, with the byte offset in `text` of the char it came from.
    let folded: Vec<(char, usize)> =
        text.char_indices().flat_map(|(i, c)| c.to_lowercase().map(move |l| (l, i))).collect();
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut k = 0;
    while k + needle.len() <= folded.len() {
        if folded[k..k + needle.len()].iter().map(|(c, _)| *c).eq(needle.iter().copied()) {
            let start = folded[k].1;
            let end = folded.get(k + needle.len()).map_or(text.len(), |(_, i)| *i);
            if start >= plain_from && end > start {
                if start > plain_from {
                    out.push(Span::styled(text[plain_from..start].to_owned(), base));
                }
                out.push(Span::styled(text[start..end].to_owned(), matched));
                plain_from = end;
            }
            k += needle.len();
        } else {
            k += 1;
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
}
