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

/// `text` cut to at most `width` columns, ending in `…` when anything was
/// cut, so a reader always sees that there is more. Never splits a cluster.
#[must_use]
pub fn ellipsize(text: &str, width: usize) -> String {
    if str_width(text) <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let gw = g.width();
        if used + gw + 1 > width {
            break;
        }
        out.push_str(g);
        used += gw;
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
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
    fn cut_text_ends_in_an_ellipsis_and_fits() {
        assert_eq!(ellipsize("Pro-Assad forces attack", 12), "Pro-Assad f…");
        assert_eq!(ellipsize("short", 12), "short");
        assert_eq!(ellipsize("exactly", 7), "exactly");
        assert_eq!(ellipsize("a b c d", 4), "a b…");
        assert_eq!(ellipsize("日本語のテキスト", 5), "日本…");
        assert_eq!(ellipsize("abc", 0), "");
        for w in 1..10 {
            assert!(str_width(&ellipsize("日本語のテキスト and more", w)) <= w);
        }
    }

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
