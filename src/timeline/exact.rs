//! Text exactly as written. serde_yaml resolves a plain scalar such as
//! `0x1F`, `010`, `3.14` or `yes`… before a visitor sees it, so a title
//! `0x1F` would arrive as the number 31. A text field that receives a
//! number or boolean marks its thread's parse as lossy; the loader then
//! parses that piece again here, from saphyr-parser's events, where a text
//! field gets the scalar's characters as written. Files without such values
//! (nearly all) never pay for this second parse.

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;

thread_local! {
    /// Whether a text field on this thread got a resolved number or boolean.
    static LOSSY: Cell<bool> = const { Cell::new(false) };
    /// Whether this thread is parsing with the exact deserializer.
    static EXACT: Cell<bool> = const { Cell::new(false) };
}

/// Records that a text field received a resolved scalar, not its text.
pub fn mark_lossy() {
    LOSSY.with(|l| l.set(true));
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
    LOSSY.with(|l| l.set(false));
    let first = T::deserialize(serde_yaml::Deserializer::from_str(text));
    if !LOSSY.with(|l| l.replace(false)) || first.is_err() {
        return first;
    }
    // Free the first result before building the tree: peak memory stays
    // that of one parse. Should the exact parse fail, serde_yaml's stands.
    drop(first);
    parse(text).or_else(|_| T::deserialize(serde_yaml::Deserializer::from_str(text)))
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
