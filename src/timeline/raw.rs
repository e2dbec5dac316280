//! The file as serde_yaml reads it, before any check: every field is a
//! [`Field`] that records what it found instead of failing.
//!
//! A derived `Deserialize` stops at the first wrong type or unknown key; a
//! user fixing a file wants every problem at once. So each field accepts any
//! YAML value and remembers when it was the wrong kind, and each mapping
//! keeps its unknown and repeated keys. Validation turns those into problems.

use serde::de::value::SeqAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// What a field held, when it was not what the format wants there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// `~`, `null` or nothing at all.
    Empty,
    /// `true` or `false` (only these two: YAML 1.2).
    Boolean,
    /// A word where a boolean belongs, such as `yes`.
    Word(String),
    /// A number where text or a boolean belongs.
    Number,
    /// A list.
    List,
    /// A mapping.
    Mapping,
}

impl Found {
    /// How the value is named in a message: "a list", "an empty value".
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Found::Empty => "an empty value".into(),
            Found::Boolean => "a boolean".into(),
            Found::Word(w) => format!("`{w}`"),
            Found::Number => "a number".into(),
            Found::List => "a list".into(),
            Found::Mapping => "a mapping".into(),
        }
    }
}

/// One field of the file: absent, read, or of the wrong kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Field<T> {
    /// The key is not in the mapping.
    #[default]
    Missing,
    /// The value, read.
    Ok(T),
    /// The value was of another kind.
    Wrong(Found),
}

impl<T> Field<T> {
    /// Whether the key was written at all.
    #[must_use]
    pub fn is_present(&self) -> bool {
        !matches!(self, Field::Missing)
    }
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Implements the visitor methods of a `Field` visitor that do not produce
/// the wanted kind, each recording what was found instead. `$keep` names the kind the field wants, whose visitor the caller writes.
macro_rules! wrong_kinds {
    ($t:ty; $($keep:ident),*) => {
        fn visit_unit<E: de::Error>(self) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Empty)) }
        fn visit_none<E: de::Error>(self) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Empty)) }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Number)) }
        wrong_kinds!(@maybe $t; [$($keep),*]);
    };
    (@maybe $t:ty; [seq]) => {
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<$t>, A::Error> {
            drain_map(map)?; Ok(Field::Wrong(Found::Mapping))
        }
        wrong_kinds!(@scalars $t);
    };
    (@maybe $t:ty; [map]) => {
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<$t>, A::Error> {
            drain_seq(seq)?; Ok(Field::Wrong(Found::List))
        }
        wrong_kinds!(@scalars $t);
    };
    (@maybe $t:ty; [scalar]) => {
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<$t>, A::Error> {
            drain_seq(seq)?; Ok(Field::Wrong(Found::List))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field<$t>, A::Error> {
            drain_map(map)?; Ok(Field::Wrong(Found::Mapping))
        }
    };
    // Past 64 bits serde_yaml hands over 128-bit numbers; without these the
    // whole file would fail with an internal type name.
    (@wide $t:ty) => {
        fn visit_i128<E: de::Error>(self, _: i128) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Number)) }
        fn visit_u128<E: de::Error>(self, _: u128) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Number)) }
    };
    (@scalars $t:ty) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Boolean)) }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Number)) }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Field<$t>, E> { Ok(Field::Wrong(Found::Number)) }
        wrong_kinds!(@wide $t);
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<$t>, E> {
            Ok(Field::Wrong(Found::Word(v.chars().take(40).collect())))
        }
    };
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Field<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<String>, E> {
        Ok(Field::Ok(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Field<String>, E> {
        Ok(Field::Ok(v))
    }
    // A number or boolean here means serde_yaml resolved a plain scalar: its
    // text is lost, so the loader parses this piece again exactly.
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Field<String>, E> {
        super::exact::mark_integer();
        Ok(Field::Ok(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field<String>, E> {
        super::exact::mark_integer();
        Ok(Field::Ok(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Field<String>, E> {
        super::exact::mark_integer();
        Ok(Field::Ok(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Field<String>, E> {
        super::exact::mark_integer();
        Ok(Field::Ok(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Field<String>, E> {
        super::exact::mark_lossy();
        Ok(Field::Ok(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Field<String>, E> {
        super::exact::mark_lossy();
        Ok(Field::Ok(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Field<String>, E> {
        Ok(Field::Wrong(Found::Empty))
    }
    fn visit_none<E: de::Error>(self) -> Result<Field<String>, E> {
        Ok(Field::Wrong(Found::Empty))
    }
    wrong_kinds!(@maybe String; [scalar]);
}

/// Text, exactly as written: `title: 0x1F` is the text `0x1F`, `tags: [true]`
/// the tag `true`; only an empty value, `~` or `null` is absent.
impl<'de> Deserialize<'de> for Field<String> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if super::exact::active() { d.deserialize_string(TextVisitor) } else { d.deserialize_any(TextVisitor) }
    }
}

struct FlagVisitor;

impl<'de> Visitor<'de> for FlagVisitor {
    type Value = Field<bool>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("true or false")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Field<bool>, E> {
        Ok(Field::Ok(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<bool>, E> {
        Ok(Field::Wrong(Found::Word(v.chars().take(40).collect())))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Field<bool>, E> {
        Ok(Field::Wrong(Found::Number))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Field<bool>, E> {
        Ok(Field::Wrong(Found::Number))
    }
    wrong_kinds!(@wide bool);
    wrong_kinds!(bool; scalar);
}

/// A boolean: only `true` or `false`; `yes`, `on` and the like are recorded as words.
impl<'de> Deserialize<'de> for Field<bool> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FlagVisitor)
    }
}

struct ListVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = Field<Vec<T>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<Vec<T>>, A::Error> {
        Vec::<T>::deserialize(SeqAccessDeserializer::new(seq)).map(Field::Ok)
    }
    wrong_kinds!(Vec<T>; seq);
}

/// A list of items, each itself lenient.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<Vec<T>> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(std::marker::PhantomData))
    }
}

/// Declares a raw mapping type: its fields (each a [`Field`]), the keys it
/// allows, and a lenient `Deserialize` for `Field<Type>` that records unknown
/// and repeated keys instead of failing.
macro_rules! raw_mapping {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident : $ty:ty = $key:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            $($(#[$fdoc])* pub $field: Field<$ty>,)*
            /// Keys the format does not allow here, in file order.
            pub unknown: Vec<String>,
            /// Allowed keys written more than once, in file order (the later value is ignored).
            pub repeated: Vec<String>,
        }

        impl $name {
            /// The keys allowed in this mapping, in documented order.
            pub const KEYS: &'static [&'static str] = &[$($key),*];
        }

        impl<'de> Deserialize<'de> for Field<$name> {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Field<$name>;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a mapping")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<$name>, A::Error> {
                        let mut raw = $name::default();
                        while let Some(key) = map.next_key::<Field<String>>()? {
                            // One comparison per allowed key, however many keys a mapping allows.
                            match key {
                                Field::Ok(k) => match k.as_str() {
                                    $($key => {
                                        if raw.$field.is_present() {
                                            raw.repeated.push(k);
                                            map.next_value::<IgnoredAny>()?;
                                        } else {
                                            raw.$field = map.next_value()?;
                                        }
                                    })*
                                    _ => {
                                        raw.unknown.push(k);
                                        map.next_value::<IgnoredAny>()?;
                                    }
                                },
                                _ => {
                                    raw.unknown.push(String::from("(a key that is not text)"));
                                    map.next_value::<IgnoredAny>()?;
                                }
                            }
                        }
                        Ok(Field::Ok(raw))
                    }
                    wrong_kinds!($name; map);
                }
                d.deserialize_any(V)
            }
        }
    };
}

raw_mapping! {
    /// The whole file.
    RawTimeline {
        /// `title`
        title: String = "title",
        /// `description`
        description: String = "description",
        /// `timezone`
        timezone: String = "timezone",
        /// `actors`
        actors: Vec<Field<RawActor>> = "actors",
        /// `sources`
        sources: Vec<Field<RawSource>> = "sources",
        /// `events`
        events: Vec<Field<RawEvent>> = "events",
        /// `periods`: named spans of time, drawn on the axis
        periods: Vec<Field<RawPeriod>> = "periods",
    }
}

raw_mapping! {
    /// One entry of `periods`.
    RawPeriod {
        /// `id`
        id: String = "id",
        /// `title`
        title: String = "title",
        /// `date`
        date: String = "date",
        /// `end`
        end: String = "end",
    }
}

raw_mapping! {
    /// One entry of `actors`.
    RawActor {
        /// `id`
        id: String = "id",
        /// `name`
        name: String = "name",
        /// `kind`
        kind: String = "kind",
        /// `role`
        role: String = "role",
        /// `aliases`
        aliases: Vec<Field<String>> = "aliases",
    }
}

raw_mapping! {
    /// One entry of `sources`.
    RawSource {
        /// `id`
        id: String = "id",
        /// `title`
        title: String = "title",
        /// `publisher`
        publisher: String = "publisher",
        /// `url`
        url: String = "url",
        /// `published`
        published: String = "published",
        /// `author`
        author: String = "author",
        /// `type`
        kind: String = "type",
        /// `accessed`
        accessed: String = "accessed",
        /// `archive`
        archive: String = "archive",
        /// `language`
        language: String = "language",
    }
}

raw_mapping! {
    /// One entry of `events`.
    RawEvent {
        /// `id`
        id: String = "id",
        /// `date`
        date: String = "date",
        /// `end`
        end: String = "end",
        /// `approximate`
        approximate: bool = "approximate",
        /// `title`
        title: String = "title",
        /// `summary`
        summary: String = "summary",
        /// `location`
        location: String = "location",
        /// `actors`
        actors: Vec<Field<String>> = "actors",
        /// `tags`
        tags: Vec<Field<String>> = "tags",
        /// `sources`
        sources: Vec<Field<String>> = "sources",
        /// `quotes`
        quotes: Vec<Field<RawQuote>> = "quotes",
        /// `notes`
        notes: String = "notes",
        /// `status`
        status: String = "status",
        /// `reported`
        reported: String = "reported",
        /// `display_date`
        display_date: String = "display_date",
        /// `media`
        media: Vec<Field<RawMedia>> = "media",
        /// `related`
        related: Vec<Field<String>> = "related",
        /// `after`: ids of events this one follows
        after: Vec<Field<String>> = "after",
        /// `before`: ids of events this one precedes
        before: Vec<Field<String>> = "before",
        /// `claims`
        claims: Vec<Field<RawClaim>> = "claims",
    }
}

raw_mapping! {
    /// One entry of an event's `quotes`.
    RawQuote {
        /// `by`
        by: String = "by",
        /// `text`
        text: String = "text",
        /// `source`
        source: String = "source",
        /// `context`
        context: String = "context",
        /// `date`
        date: String = "date",
        /// `language`
        language: String = "language",
        /// `original`
        original: String = "original",
    }
}

raw_mapping! {
    /// One entry of an event's `claims`.
    RawClaim {
        /// `about`
        about: String = "about",
        /// `value`
        value: String = "value",
        /// `by`
        by: String = "by",
        /// `source`
        source: String = "source",
        /// `date`
        date: String = "date",
        /// `context`
        context: String = "context",
    }
}

raw_mapping! {
    /// One entry of an event's `media`.
    RawMedia {
        /// `url`
        url: String = "url",
        /// `caption`
        caption: String = "caption",
        /// `credit`
        credit: String = "credit",
    }
}

/// The `events` list as read: each entry a mapping, or what was found instead.
pub type RawEvents = Field<Vec<Field<RawEvent>>>;
