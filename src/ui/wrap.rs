//! Word wrapping by display width, measured the way ratatui draws: per
//! grapheme cluster, wide ones two columns, zero-width ones none. A line is
//! never cut inside a cluster, so an emoji sequence, a flag or a letter with
//! its combining marks stays whole.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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
            for g in word.graphemes(true) {
                let gw = g.width();
                if used + gw > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push_str(g);
                used += gw;
            }
        }
        lines.push(line);
    }
    lines
}

/// The display width of `s` in columns, summed over its grapheme clusters.
#[must_use]
pub fn str_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
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

    #[test]
    fn clusters_are_never_split() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let text = format!("{family}{family}{family}e\u{301}e\u{301}🇺🇦🇺🇦");
        for width in 1..8 {
            let lines = wrap(&text, width);
            assert_eq!(lines.concat(), text);
            for l in &lines {
                assert!(l.graphemes(true).all(|g| text.contains(g)), "{l:?}");
                assert!(str_width(l) <= width.max(2), "{l:?} wider than {width}");
            }
        }
    }
}
