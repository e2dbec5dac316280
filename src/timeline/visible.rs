//! Whether a text shows anything: a title made only of zero-width spaces,
//! fillers or lone combining marks passes a blank check and then draws an
//! empty row, so required texts must hold a character that is seen.

use unicode_width::UnicodeWidthChar;

/// Whether `text` holds at least one character that draws something.
#[must_use]
pub fn visible(text: &str) -> bool {
    text.chars().any(|c| !invisible(c))
}

/// Whitespace, controls, Unicode's default-ignorable code points, blank
/// fillers that take a cell but draw nothing, and characters of no width
/// (combining marks, which show only on another character).
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'..='\u{1160}'
                | '\u{17B4}'..='\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
        || c.width() == Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_texts_are_told_from_visible_ones() {
        for blank in [
            "",
            "  ",
            "\u{200b}",
            "\u{301}\u{301}",
            "\u{ad}",
            "\u{feff}",
            "\u{2800}",
            "\u{3164}",
            "\u{200d}\u{2060}\u{e0041}",
            "\u{3000}\u{ffa0}",
        ] {
            assert!(!visible(blank), "{blank:?} counts as visible");
        }
        for seen in ["a", "e\u{301}", "\u{200b}x", "日本", "🙂", "-"] {
            assert!(visible(seen), "{seen:?} counts as invisible");
        }
    }
}
