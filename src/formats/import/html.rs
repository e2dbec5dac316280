//! TimelineJS's HTML made plain text, with what it links and quotes kept.
//!
//! Headlines and texts in TimelineJS are HTML. A real tokenizer (html5gum,
//! WHATWG-conformant) reads them, so entities, attributes, comments and
//! broken markup are handled as a browser would; nothing here matches
//! markup with patterns. Paragraphs and line breaks become line breaks,
//! list items become `- ` or `1. ` lines, link targets are kept, and a
//! `<blockquote>` whose `<cite>` names a speaker and a source becomes a
//! quote. The result is sanitised: no markup or control character survives.

use crate::text::sanitize_block;
use html5gum::{Token, Tokenizer};

/// A document a piece of HTML points to or names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceRef {
    /// The link text, or the title named.
    pub title: String,
    /// The link target, when it was a link.
    pub url: Option<String>,
}

/// A quotation found in a `<blockquote>` whose `<cite>` names a speaker
/// and links (or, in tlview's own exports, marks) a source: a quote needs
/// both, and a fact-checking tool must not guess a source from prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundQuote {
    /// The words.
    pub text: String,
    /// Who said them, as the cite names them.
    pub by: String,
    /// The speaker's role, when the cite gives one after the name.
    pub role: Option<String>,
    /// Where they are from.
    pub source: SourceRef,
}

/// What a piece of HTML holds, as plain text and references.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plain {
    /// The text, paragraphs parted by blank lines.
    pub text: String,
    /// Every document linked or named as a source, in order.
    pub sources: Vec<SourceRef>,
    /// Attributable quotations.
    pub quotes: Vec<FoundQuote>,
    /// A place marked as the location (tlview's own exports).
    pub location: Option<String>,
    /// The status word marked as such (tlview's own exports).
    pub status: Option<String>,
    /// Editorial notes marked as such (tlview's own exports with `--notes`).
    pub notes: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Quote,
    Cite,
    By,
    RoleName,
    SourceName,
    Location,
    SourceList,
    Status,
    Notes,
    Link,
    Skip,
}

struct Frame {
    role: Part,
    tag: Vec<u8>,
    buf: String,
    href: Option<String>,
    by: Option<String>,
    role_text: Option<String>,
    cite: String,
    source: Option<SourceRef>,
}

/// How deep elements that hold text apart (links, quotes, cites, marked
/// spans) may nest; deeper start tags are read as plain text. Each level
/// costs one more pass over its text, so the cap keeps hostile nesting
/// (80,000 unclosed `<a>`) linear.
const MAX_DEPTH: usize = 16;

/// Converts `html` to plain text, collecting links and quotes.
#[must_use]
pub fn plain(html: &str) -> Plain {
    read(html).0
}

/// [`plain`], and the work it took (bytes copied and frames looked at), which
/// tests hold to a multiple of the input's length.
fn read(html: &str) -> (Plain, usize) {
    let mut st =
        State { out: Plain::default(), main: String::new(), stack: Vec::new(), lists: Vec::new(), skips: 0, work: 0 };
    for Ok(token) in Tokenizer::new(html) {
        match token {
            Token::StartTag(tag) => {
                let class = tag.attributes.get(b"class".as_slice()).map(|v| text_of(v)).unwrap_or_default();
                let href = tag.attributes.get(b"href".as_slice()).map(|v| text_of(v));
                st.start(&tag.name, &class, href, tag.self_closing);
            }
            Token::EndTag(tag) => st.end(&tag.name),
            Token::String(s) => st.text(&text_of(&s)),
            _ => {}
        }
    }
    while !st.stack.is_empty() {
        st.pop();
    }
    let mut out = st.out;
    out.text = tidy(&st.main);
    (out, st.work)
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

struct State {
    out: Plain,
    main: String,
    stack: Vec<Frame>,
    lists: Vec<Option<u32>>,
    /// How many frames on the stack are [`Part::Skip`].
    skips: usize,
    /// Bytes copied between frames and frames looked at, for tests.
    work: usize,
}

impl State {
    fn buf(&mut self) -> &mut String {
        self.stack.last_mut().map_or(&mut self.main, |f| &mut f.buf)
    }

    fn skipping(&self) -> bool {
        self.skips > 0
    }

    fn text(&mut self, s: &str) {
        if self.skipping() {
            return;
        }
        let buf = self.buf();
        for c in s.chars() {
            if c.is_ascii_whitespace() {
                if !buf.ends_with([' ', '\n']) && !buf.is_empty() {
                    buf.push(' ');
                }
            } else {
                buf.push(c);
            }
        }
    }

    fn push(&mut self, role: Part, tag: &[u8], href: Option<String>) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        self.skips += usize::from(role == Part::Skip);
        self.stack.push(Frame {
            role,
            tag: tag.to_vec(),
            buf: String::new(),
            href,
            by: None,
            role_text: None,
            cite: String::new(),
            source: None,
        });
    }

    fn start(&mut self, name: &[u8], class: &str, href: Option<String>, self_closing: bool) {
        let classes: Vec<&str> = class.split_whitespace().collect();
        match name {
            b"script" | b"style" | b"template" | b"head" | b"title" if !self_closing => {
                self.push(Part::Skip, name, None)
            }
            b"br" => self.buf().push('\n'),
            b"blockquote" => self.push(Part::Quote, name, None),
            b"cite" => self.push(Part::Cite, name, None),
            b"a" if !self_closing => {
                let href = href.filter(|h| safe_url(h)).map(|h| crate::text::sanitize(h.trim()).into_owned());
                let role = if classes.contains(&"tlv-source") { Part::SourceName } else { Part::Link };
                self.push(role, name, href);
            }
            _ if classes.contains(&"tlv-by") => self.push(Part::By, name, None),
            _ if classes.contains(&"tlv-role") => self.push(Part::RoleName, name, None),
            _ if classes.contains(&"tlv-source") => self.push(Part::SourceName, name, None),
            _ if classes.contains(&"tlv-location") => self.push(Part::Location, name, None),
            _ if classes.contains(&"tlv-sources") => self.push(Part::SourceList, name, None),
            _ if classes.contains(&"tlv-status") => self.push(Part::Status, name, None),
            _ if classes.contains(&"tlv-notes") => self.push(Part::Notes, name, None),
            // tlview's renderings of claims, further media and archive links:
            // structured in the file they came from, not guessed back from prose.
            _ if ["tlv-claims", "tlv-media", "tlv-archive"].iter().any(|c| classes.contains(c)) => {
                self.push(Part::Skip, name, None);
            }
            b"ul" => self.lists.push(None),
            b"ol" => self.lists.push(Some(0)),
            b"li" => {
                let mark = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{n}. ")
                    }
                    _ => "- ".into(),
                };
                let buf = self.buf();
                buf.push('\n');
                buf.push_str(&mark);
            }
            _ if is_block(name) => self.buf().push_str("\n\n"),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        self.work += self.stack.len();
        if let Some(at) = self.stack.iter().rposition(|f| f.tag == name) {
            while self.stack.len() > at {
                self.pop();
            }
            return;
        }
        match name {
            b"ul" | b"ol" => {
                self.lists.pop();
                self.buf().push_str("\n\n");
            }
            _ if is_block(name) => self.buf().push_str("\n\n"),
            _ => {}
        }
    }

    /// Closes the innermost frame, handing what it found to its parent.
    fn pop(&mut self) {
        let Some(f) = self.stack.pop() else { return };
        self.skips -= usize::from(f.role == Part::Skip);
        self.work += f.buf.len() + self.stack.len();
        let text = tidy(&f.buf);
        let parent_role = self.stack.last().map(|p| p.role);
        match f.role {
            Part::Skip => {}
            _ if self.skipping() => {}
            Part::Link | Part::SourceName => {
                let title = if text.is_empty() { f.href.clone().unwrap_or_default() } else { text.clone() };
                let found = SourceRef { title, url: f.href.clone() };
                let keep = !found.title.is_empty() && (f.role == Part::SourceName || found.url.is_some());
                if let Some(cite) = self.stack.iter_mut().rev().find(|p| p.role == Part::Cite) {
                    if keep && cite.source.is_none() {
                        cite.source = Some(found);
                    }
                } else if keep {
                    self.out.sources.push(found);
                }
                if parent_role != Some(Part::SourceList) {
                    self.buf().push_str(&text);
                }
            }
            Part::By | Part::RoleName => {
                if let Some(cite) = self.stack.iter_mut().rev().find(|p| p.role == Part::Cite) {
                    if f.role == Part::By {
                        cite.by = Some(text.clone());
                    } else {
                        cite.role_text = Some(text.clone());
                    }
                }
                self.buf().push_str(&text);
            }
            Part::Location => self.out.location = Some(text).filter(|t| !t.is_empty()),
            Part::Status => {
                let word = text.strip_prefix("Status:").unwrap_or(&text).trim().to_lowercase();
                self.out.status = Some(word).filter(|w| !w.is_empty());
            }
            Part::Notes => {
                let notes = text.strip_prefix("Editorial note:").unwrap_or(&text).trim().to_owned();
                self.out.notes = Some(notes).filter(|n| !n.is_empty());
            }
            Part::SourceList => {}
            Part::Cite => {
                if let Some(q) = self.stack.iter_mut().rev().find(|p| p.role == Part::Quote) {
                    let source = f.source;
                    let (by, role) = match f.by {
                        Some(by) => (by, f.role_text),
                        None => speaker(&text),
                    };
                    q.by = Some(by);
                    q.source = source;
                    q.role_text = role;
                    q.cite = text;
                } else {
                    self.buf().push_str(&text);
                }
            }
            Part::Quote => self.quote(f, text),
        }
    }

    fn quote(&mut self, f: Frame, text: String) {
        let words = text.trim_matches(['“', '”', '"', ' ']).to_owned();
        // A cite often brings its own dash; the text gets one.
        let cite = f.cite.trim_start_matches(['—', '–', '-', ' ']);
        match (f.by.filter(|b| !b.is_empty()), f.source) {
            (Some(by), Some(source)) if !words.is_empty() => {
                self.out.quotes.push(FoundQuote { text: words, by, role: f.role_text, source });
            }
            _ => {
                let buf = self.buf();
                buf.push_str("\n\n“");
                buf.push_str(&words);
                buf.push('”');
                if !cite.is_empty() {
                    buf.push_str(" — ");
                    buf.push_str(cite);
                }
                buf.push_str("\n\n");
            }
        }
    }
}

/// The speaker and role an unmarked cite names: the text before the first
/// comma (leading dashes dropped) and, when three or more parts follow,
/// the second (the last is the source).
fn speaker(cite: &str) -> (String, Option<String>) {
    let cite = cite.trim_start_matches(['—', '–', '-', ' ']);
    let parts: Vec<&str> = cite.split(", ").map(str::trim).collect();
    let by = parts.first().copied().unwrap_or_default().to_owned();
    let role = (parts.len() > 2).then(|| parts[1].to_owned()).filter(|r| !r.is_empty());
    (by, role)
}

fn is_block(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"div"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"tr"
            | b"table"
            | b"section"
            | b"article"
            | b"header"
            | b"footer"
            | b"figure"
            | b"figcaption"
            | b"pre"
            | b"hr"
            | b"dl"
            | b"dt"
            | b"dd"
    )
}

/// Whether a link target is worth keeping: not a script or data URL.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    !lower.is_empty() && !lower.starts_with("javascript:") && !lower.starts_with("data:") && !lower.starts_with('#')
}

/// Trims every line, keeps at most one blank line between paragraphs, and
/// makes the text safe.
fn tidy(s: &str) -> String {
    // Unicode's line and paragraph separators are line breaks to YAML readers too.
    let s = s.replace('\u{2028}', "\n").replace('\u{2029}', "\n\n");
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for l in s.lines().map(str::trim) {
        if l.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(l);
        blank = false;
    }
    sanitize_block(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_and_stray_end_tags_cost_linear_work() {
        for unit in ["<a href='https://e.org'>x", "<cite>x</b>", "<blockquote><span class='tlv-by'>x</p>"] {
            let html = unit.repeat(80_000);
            let (out, work) = read(&html);
            assert!(work <= 4 * html.len(), "{unit}: {work} for {} bytes", html.len());
            if !unit.contains("blockquote") {
                assert_eq!(out.text.matches('x').count(), 80_000, "{unit}");
            }
        }
    }

    #[test]
    fn a_cite_that_starts_with_a_dash_gets_one_dash() {
        for cite in ["— Edith Clarke", "- Edith Clarke", "Edith Clarke"] {
            let out = plain(&format!("<blockquote>Words.<cite>{cite}</cite></blockquote>"));
            assert_eq!(out.text, "“Words.” — Edith Clarke", "{cite}");
        }
    }
}
