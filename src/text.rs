//! The one sanitiser every displayed or printed string from a file goes through.
//!
//! Timeline files are untrusted. A title may hold an escape sequence that sets
//! the terminal's title, clears the screen or writes the clipboard; a bidi
//! override can make a quote read backwards. Neither the viewer, `--check`
//! nor an error message may pass such characters to a terminal, so every path
//! calls [`sanitize`] (or [`sanitize_block`] for multi-line fields), which
//! turns each dangerous character into a visible placeholder.

use std::borrow::Cow;
use std::fmt::Write as _;

/// The visible stand-in for one character, or `None` when it is safe to show.
///
/// C0 controls become their Unicode control picture (`␛` for ESC, `␀` for
/// NUL), DEL becomes `␡`, and C1 controls, bidirectional overrides, isolates
/// and marks become `<U+XXXX>`.
fn placeholder(c: char) -> Option<Placeholder> {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).map(Placeholder::Picture),
        '\u{7f}' => Some(Placeholder::Picture('␡')),
        '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{61c}' => Some(Placeholder::CodePoint(c as u32)),
        _ => None,
    }
}

enum Placeholder {
    Picture(char),
    CodePoint(u32),
}

/// Whether `c` must never reach a terminal as it is.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    placeholder(c).is_some()
}

/// Returns `s` for a single-line field: every control, bidi override or
/// isolate is replaced by a visible placeholder; a tab becomes a space and a
/// line break shows as `␊`, like any other control.
///
/// Borrows when nothing needs replacing, so the common case costs one scan.
#[must_use]
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Like [`sanitize`] but for multi-line fields: `\n` is kept, `\r\n` becomes
/// `\n`, and a tab becomes four spaces, so layout survives.
#[must_use]
pub fn sanitize_block(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

fn clean(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let needs_work = s.chars().any(|c| c == '\t' || is_unsafe(c));
    if !needs_work {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' if keep_lines => out.push_str("    "),
            '\t' => out.push(' '),
            '\n' if keep_lines => out.push('\n'),
            '\r' if keep_lines && chars.peek() == Some(&'\n') => {}
            _ => match placeholder(c) {
                Some(Placeholder::Picture(p)) => out.push(p),
                Some(Placeholder::CodePoint(n)) => {
                    let _ = write!(out, "<U+{n:04X}>");
                }
                None => out.push(c),
            },
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(sanitize("Deir az-Zour, 7 Feb"), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(sanitize("a\u{1b}]0;pwned\u{7}b"), "a␛]0;pwned␇b");
        assert_eq!(sanitize("\u{1b}[2J"), "␛[2J");
        assert_eq!(sanitize("nul\u{0}del\u{7f}"), "nul␀del␡");
        assert_eq!(sanitize("x\u{9b}31m"), "x<U+009B>31m");
    }

    #[test]
    fn bidi_controls_become_visible() {
        assert_eq!(sanitize("abc\u{202e}def"), "abc<U+202E>def");
        assert_eq!(sanitize("\u{2066}x\u{2069}"), "<U+2066>x<U+2069>");
    }

    #[test]
    fn single_line_fields_show_breaks_and_flatten_tabs() {
        assert_eq!(sanitize("a\tb\nc\rd"), "a b␊c␍d");
    }

    #[test]
    fn block_fields_keep_layout() {
        assert_eq!(sanitize_block("a\tb\r\nc\n\u{1b}"), "a    b\nc\n␛");
        assert_eq!(sanitize_block("lone\rcr"), "lone␍cr");
    }

    #[test]
    fn output_never_holds_an_unsafe_char() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!sanitize(&all).chars().any(|c| c.is_control() || is_unsafe(c)));
        let block = sanitize_block(&all);
        assert!(!block.chars().any(|c| c != '\n' && (c.is_control() || is_unsafe(c))));
    }
}
