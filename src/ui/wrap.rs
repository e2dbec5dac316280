//! Word wrapping by display width, so every line of a pane is measured the
//! same way the terminal will draw it: wide characters count two columns,
//! zero-width ones none, and no line is cut inside a character.

use unicode_width::UnicodeWidthChar;

/// Wraps `text` (already sanitised) into lines of at most `width` columns,
/// breaking at spaces where it can and inside a word only when a word is
/// longer than the line. Line breaks in `text` are kept.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ') {
            let w = str_width(word);
            let gap = usize::from(!line.is_empty() || used > 0);
            if used + gap + w <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        lines.push(line);
    }
    lines
}

/// The display width of `s` in columns.
#[must_use]
pub fn str_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("the quick brown fox", 10), ["the quick", "brown fox"]);
    }

    #[test]
    fn keeps_line_breaks_and_splits_long_words() {
        assert_eq!(wrap("ab\nabcdefgh", 3), ["ab", "abc", "def", "gh"]);
    }

    #[test]
    fn wide_characters_count_double_and_are_never_split() {
        let lines = wrap("日本語のテキスト", 5);
        assert!(lines.iter().all(|l| str_width(l) <= 5), "{lines:?}");
        assert_eq!(lines.concat(), "日本語のテキスト");
    }
}
