//! The one sanitiser every displayed or printed string from a file goes through.
//!
//! Timeline files are untrusted. A title may hold an escape sequence that sets
//! the terminal's title, clears the screen or writes the clipboard; a bidi
//! override can make a quote read backwards. Neither the viewer, `--check`
//! nor an error message may pass such characters to a terminal, so every path
//! calls [`sanitize`] (or [`sanitize_block`] for multi-line fields), which
//! turns each dangerous character into a visible placeholder.
//!
//! It also holds [`fold`], the one case folding that search uses everywhere
//! (the index, the query, the pickers, the highlighter): two foldings that
//! differ by one character, say a word-final sigma, make text unfindable.

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

/// The longest start of `s` of at most `max` bytes that ends on a character
/// boundary: how search and the views bound their work on one huge field.
#[must_use]
pub fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The case-insensitive form of `s` that search compares: lowercase, with
/// every sigma (`Σ`, `σ`, word-final `ς`) as `σ`, `ß` and `ẞ` as `ss`, and
/// the Turkish dotted `İ` (or `i` followed by U+0307 COMBINING DOT ABOVE) as
/// a plain `i`, so `ΣΑΣ`, `STRASSE` and `istanbul` find `σας`, `Straße` and
/// `İstanbul`. Other characters fold as [`char::to_lowercase`] does.
///
/// Borrows when `s` is already folded ASCII, the common case for a query.
#[must_use]
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Owned(s.to_ascii_lowercase());
        }
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    Cow::Owned(out)
}

/// Appends [`fold`]`(s)` to `out` without an intermediate string.
pub fn fold_into(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.extend(fold_indices(s).map(|(_, c)| c));
    }
}

/// The characters of [`fold`]`(s)`, each with the byte offset in `s` of the
/// character it came from: one character may fold to two (`ß`), and a
/// combining dot after `i` to none, so positions found in the folded text
/// map back to `s` through these offsets.
pub fn fold_indices(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut after_i = false;
    s.char_indices().flat_map(move |(at, c)| {
        let (chars, n) = fold_char(c, after_i);
        if n > 0 {
            after_i = chars[n - 1] == 'i';
        }
        chars.into_iter().take(n).map(move |f| (at, f))
    })
}

/// The folding of one character (up to three, as many as [`char::to_lowercase`]
/// gives), given whether the folded text so far ends with `i`.
fn fold_char(c: char, after_i: bool) -> ([char; 3], usize) {
    let one = |f: char| ([f, '\0', '\0'], 1);
    match c {
        _ if c.is_ascii() => one(c.to_ascii_lowercase()),
        'Σ' | 'ς' => one('σ'),
        'ß' | 'ẞ' => (['s', 's', '\0'], 2),
        'İ' => one('i'),
        '\u{307}' if after_i => (['\0'; 3], 0),
        _ => {
            let mut out = ['\0'; 3];
            let mut n = 0;
            for l in c.to_lowercase() {
                if let Some(slot) = out.get_mut(n) {
                    *slot = l;
                    n += 1;
                }
            }
            (out, n)
        }
    }
}

/// The link target for `url`: `None` unless it is an `http` or `https` URL
/// free of characters the sanitiser would replace; otherwise printable
/// ASCII, anything else (a space included) percent-encoded. The one check
/// for whatever becomes a link: the viewer's OSC 8 links, opening a URL,
/// and the exports' `href`s and Markdown links.
#[must_use]
pub fn link_target(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase())?;
    if !matches!(scheme.as_str(), "http" | "https") || url.chars().any(is_unsafe) {
        return None;
    }
    let rest = &url[scheme.len() + 1..];
    if !rest.starts_with("//") || rest.len() <= 2 {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if (0x21..=0x7e).contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    Some(out)
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

    #[test]
    fn head_cuts_on_a_character_boundary() {
        assert_eq!(head("abc", 10), "abc");
        assert_eq!(head("aßc", 2), "a");
        assert_eq!(head("aßc", 3), "aß");
    }

    #[test]
    fn fold_makes_every_sigma_one() {
        assert_eq!(fold("ΣΑΣ"), fold("σας"));
        assert_eq!(fold("ΣΑΣ"), "σασ");
        assert_eq!(fold("Οδυσσεύς"), "οδυσσεύσ");
    }

    #[test]
    fn fold_takes_turkish_dotted_i_as_i() {
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("i\u{307}stanbul"), "istanbul", "decomposed dotted i");
        assert_eq!(fold("z\u{307}"), "z\u{307}", "the dot is kept on other letters");
        assert_eq!(fold("ISPARTA ılık"), "isparta ılık", "dotless ı stays itself");
    }

    #[test]
    fn fold_spells_sharp_s_as_ss() {
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("STRAẞE"), "strasse");
        assert_eq!(fold("STRASSE"), "strasse");
    }

    #[test]
    fn fold_borrows_folded_ascii_and_maps_offsets_back() {
        assert!(matches!(fold("already folded"), Cow::Borrowed(_)));
        assert_eq!(fold("MiXeD"), "mixed");
        let offsets: Vec<(usize, char)> = fold_indices("aßİ\u{307}b").collect();
        assert_eq!(offsets, [(0, 'a'), (1, 's'), (1, 's'), (3, 'i'), (7, 'b')]);
        let mut out = String::from("x");
        fold_into(&mut out, "ΣΑΣ");
        assert_eq!(out, "xσασ");
    }
}
