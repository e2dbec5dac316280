//! Text exactly as written. serde_yaml resolves a plain scalar such as
//! `0x1F`, `010`, `3.14` or `yes`… before a visitor sees it, so a title
//! `0x1F` would arrive as the number 31. A text field that receives a
//! number or boolean marks its thread's parse as lossy; the loader then
//! parses that piece again here, from saphyr-parser's events, where a text
//! field gets the scalar's characters as written. A whole number counts
//! only when the text holds a form whose digits could differ from its
//! value (`0x1F`, `010`, `+5`, `-0`): `date: 2018` costs nothing. Files
//! without such values (nearly all) never pay for this second parse.

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

thread_local! {
    /// What a text field on this thread got instead of its text: 0 nothing,
    /// 1 only whole numbers, 2 a fraction, exponent, special float or boolean.
    static LOSSY: Cell<u8> = const { Cell::new(0) };
    /// Whether this thread is parsing with the exact deserializer.
    static EXACT: Cell<bool> = const { Cell::new(false) };
}

/// Records that a text field received a whole number, not its text.
pub fn mark_integer() {
    LOSSY.with(|l| l.set(l.get().max(1)));
}

/// Records that a text field received a resolved scalar whose text is surely lost.
pub fn mark_lossy() {
    LOSSY.with(|l| l.set(2));
}

/// Whether text fields should ask for the scalar as written (inside [`parse`]).
#[must_use]
pub fn active() -> bool {
    EXACT.with(Cell::get)
}

/// Deserializes `text` with serde_yaml, and again exactly when a text field
/// lost its written form; the serde_yaml result (and its error) otherwise.
///
/// # Errors
/// serde_yaml's error, when the text is not valid YAML for `T`.
pub fn deserialize<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, serde_yaml::Error> {
    LOSSY.with(|l| l.set(0));
    let first = T::deserialize(serde_yaml::Deserializer::from_str(text));
    let lossy = match LOSSY.with(|l| l.replace(0)) {
        0 => false,
        1 => odd_integers(text),
        _ => true,
    };
    if !lossy || first.is_err() {
        return first;
    }
    // Free the first result before building the tree: peak memory stays
    // that of one parse. Should the exact parse fail, serde_yaml's stands.
    drop(first);
    parse(text).or_else(|_| T::deserialize(serde_yaml::Deserializer::from_str(text)))
}

/// Whether `text` may hold a whole number written other than as its plain
/// decimal digits (`0x1F`, `0o17`, `010`, `+5`, `-0`), whose value would not
/// give back what was written. A byte scan; it may say yes needlessly (a
/// time `07:40` in prose), never no wrongly.
fn odd_integers(text: &str) -> bool {
    let b = text.as_bytes();
    let starts_token = |i: usize| i == 0 || b" \t[,{".contains(&b[i - 1]);
    memchr::memchr3_iter(b'0', b'+', b'-', b).any(|i| {
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        match b[i] {
            b'0' => starts_token(i) && (next.is_ascii_digit() || b"xob".contains(&next)),
            b'+' => starts_token(i) && next.is_ascii_digit(),
            _ => starts_token(i) && next == b'0',
        }
    })
}

/// Parses `text` from saphyr-parser's events, text fields getting scalars as written.
///
/// # Errors
/// When the text is not one YAML document of the expected shape.
pub fn parse<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, Error> {
    let node = tree(text)?;
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            EXACT.with(|e| e.set(false));
        }
    }
    EXACT.with(|e| e.set(true));
    let _reset = Reset;
    T::deserialize(&node)
}

/// A YAML node as written.
#[derive(Clone, Debug)]
enum Node {
    Scalar { text: String, plain: bool },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

/// Why the exact parse failed (the loader then keeps serde_yaml's result).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        Error(msg.to_string())
    }
}

/// Builds the first document of `text` as a tree, aliases expanded (the
/// guard has already bounded their expansion).
fn tree(text: &str) -> Result<Node, Error> {
    enum Open {
        Seq(usize, Vec<Node>),
        Map(usize, Vec<(Node, Node)>, Option<Node>),
    }
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut stack: Vec<Open> = Vec::new();
    for item in Parser::new_from_str(text) {
        let (event, _) = item.map_err(|e| Error(e.to_string()))?;
        let (node, anchor) = match event {
            Event::Scalar(v, style, anchor, tag) => {
                (Node::Scalar { text: v.into_owned(), plain: style == ScalarStyle::Plain && tag.is_none() }, anchor)
            }
            Event::Alias(id) => (anchors.get(&id).cloned().ok_or_else(|| Error("unknown alias".into()))?, 0),
            Event::SequenceStart(anchor, _) => {
                stack.push(Open::Seq(anchor, Vec::new()));
                continue;
            }
            Event::MappingStart(anchor, _) => {
                stack.push(Open::Map(anchor, Vec::new(), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq(anchor, items)) => (Node::Seq(items), anchor),
                Some(Open::Map(anchor, pairs, _)) => (Node::Map(pairs), anchor),
                None => return Err(Error("unbalanced".into())),
            },
            Event::DocumentEnd if stack.is_empty() => break,
            _ => continue,
        };
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => return Ok(node),
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, pairs, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => pairs.push((k, node)),
            },
        }
    }
    Ok(Node::Scalar { text: String::new(), plain: true })
}

/// YAML's null forms (the only plain scalars that mean "absent").
fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

/// Resolves a plain scalar as YAML 1.2's core schema (as serde_yaml does).
fn visit_plain<'de, V: Visitor<'de>>(s: &str, visitor: V) -> Result<V::Value, Error> {
    if is_null(s) {
        return visitor.visit_unit();
    }
    match s {
        "true" | "True" | "TRUE" => return visitor.visit_bool(true),
        "false" | "False" | "FALSE" => return visitor.visit_bool(false),
        _ => {}
    }
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let radix = [("0x", 16), ("0o", 8)].iter().find_map(|(p, r)| digits.strip_prefix(p).map(|d| (d, *r)));
    if let Some((d, r)) = radix {
        if let Ok(n) = i64::from_str_radix(d, r) {
            return visitor.visit_i64(if s.starts_with('-') { -n } else { n });
        }
    } else if let Ok(n) = s.parse::<i64>() {
        return visitor.visit_i64(n);
    }
    let lower = digits.to_lowercase();
    let number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b"._eE+-".contains(&b));
    if lower == ".inf" || lower == ".nan" || (number && s.parse::<f64>().is_ok()) {
        return visitor.visit_f64(s.parse::<f64>().unwrap_or(f64::NAN));
    }
    visitor.visit_str(s)
}

impl<'de> Deserializer<'de> for &Node {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Scalar { text, plain: true } => visit_plain(text, visitor),
            Node::Scalar { text, .. } => visitor.visit_str(text),
            Node::Seq(items) => visitor.visit_seq(Items(items.iter())),
            Node::Map(pairs) => visitor.visit_map(Pairs(pairs.iter(), None)),
        }
    }

    /// Text fields ask for a string: a scalar's characters as written
    /// (only a plain null form is absent).
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Node::Scalar { text, plain: true } if is_null(text) => visitor.visit_unit(),
            Node::Scalar { text, .. } => visitor.visit_str(text),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

struct Items<'a>(std::slice::Iter<'a, Node>);

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|n| seed.deserialize(n)).transpose()
    }
}

struct Pairs<'a>(std::slice::Iter<'a, (Node, Node)>, Option<&'a Node>);

impl<'de> MapAccess<'de> for Pairs<'_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((k, v)) = self.0.next() else { return Ok(None) };
        self.1 = Some(v);
        seed.deserialize(k).map(Some)
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let v = self.1.take().ok_or_else(|| Error("a value without a key".into()))?;
        seed.deserialize(v)
    }
}

#[cfg(test)]
mod tests {
    use super::odd_integers;

    #[test]
    fn only_integers_not_written_as_their_digits_need_the_exact_parse() {
        for odd in ["title: 0x1F", "title: 010", "tags: [+5]", "t: -0", "t: 0o17", "{a: 0b1}", "- 01"] {
            assert!(odd_integers(odd), "{odd}");
        }
        for plain in ["date: 2018", "date: 2018-02-07T22:00+03:00", "title: 1984", "n: 0", "n: -5", "- 10"] {
            assert!(!odd_integers(plain), "{plain}");
        }
    }
}
