//! Reading TimelineJS: its JSON and its spreadsheet (CSV), turned into
//! tlview YAML that the one loader then checks.
//!
//! Going through YAML text keeps a single loader and a single set of rules
//! and messages, and gives `tlview convert` its output for free. What the
//! tlview format cannot hold yet is written as a YAML comment beside the
//! event, never dropped silently.

pub mod html;
mod sheet;
mod tljs;
mod yaml;

use std::path::Path;

/// A TimelineJS input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// TimelineJS 3 JSON.
    Json,
    /// TimelineJS's sheet, exported as CSV.
    Csv,
}

/// A TimelineJS date: each part as written; empty means absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    /// Year, month, day, hour, minute, second, millisecond.
    pub fields: [String; 7],
    /// The date's own `display_date`.
    pub display: String,
}

/// A slide's media.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Media {
    /// Where it is.
    pub url: String,
    /// Its caption (HTML).
    pub caption: String,
    /// Its credit (HTML).
    pub credit: String,
    /// A thumbnail image.
    pub thumbnail: String,
}

/// One TimelineJS slide (the title, an event or an era).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slide {
    /// Where it starts.
    pub start: Option<Parts>,
    /// Where it ends.
    pub end: Option<Parts>,
    /// The slide's `display_date`.
    pub display_date: String,
    /// The headline (HTML).
    pub headline: String,
    /// The text (HTML).
    pub text: String,
    /// Its media.
    pub media: Media,
    /// Its group.
    pub group: String,
    /// `unique_id` (or `uniqueid`).
    pub id: String,
    /// Its background (colour or image URL), which tlview has no place for.
    pub background: String,
    /// Where it is in the input (slide number or CSV row), for notes.
    pub at: String,
}

/// A TimelineJS timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    /// The title slide.
    pub title: Option<Slide>,
    /// The event slides.
    pub events: Vec<Slide>,
    /// The eras.
    pub eras: Vec<Slide>,
    /// The zone the times are in, as tlview's TimelineJS export names it
    /// (`"tlview": {"timezone": "+01:00"}`, which TimelineJS ignores).
    pub zone: Option<String>,
}

/// Whether `name`/`bytes` is a TimelineJS file, and which: by extension
/// (`.json`, `.csv`), else by content (a JSON object shaped as TimelineJS's,
/// see `timelinejs_shaped`, or a CSV header with `Year` and `Headline`).
/// YAML files answer `None`, flow-style YAML that starts with `{` included.
#[must_use]
pub fn detect(name: &Path, bytes: &[u8]) -> Option<Kind> {
    let ext = name.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => return Some(Kind::Json),
        Some("csv") => return Some(Kind::Csv),
        Some("yaml" | "yml") => return None,
        _ => {}
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return timelinejs_shaped(bytes).then_some(Kind::Json);
    }
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let header = String::from_utf8_lossy(header);
    let cells: Vec<&str> = header.split(',').map(|c| c.trim().trim_matches('"')).collect();
    (cells.contains(&"Year") && cells.contains(&"Headline")).then_some(Kind::Csv)
}

/// Whether `bytes` is a JSON object as TimelineJS reads: an `events` array
/// whose items are all slides (objects with a `start_date` or `text`
/// object), and a `title`, if any, that is a slide too. tlview's own YAML
/// (`date:`, `title: "…"`) is not, even written in flow style as JSON.
fn timelinejs_shaped(bytes: &[u8]) -> bool {
    use serde_json::Value;
    let Ok(Value::Object(doc)) = serde_json::from_slice::<Value>(bytes) else {
        return false;
    };
    let part = |v: &Value, key: &str| v.get(key).is_some_and(Value::is_object);
    let slide = |v: &Value| part(v, "start_date") || part(v, "text");
    let events = doc.get("events").and_then(Value::as_array);
    let title = doc.get("title").is_none_or(slide);
    (title && events.is_some_and(|e| e.iter().all(slide))) || doc.get("title").is_some_and(slide)
}

/// A TimelineJS file as tlview YAML, with what the YAML could not carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Converted {
    /// The YAML.
    pub yaml: String,
    /// One note per `# not carried:` comment: its line in `yaml` (from 1)
    /// and what was left out, naming the slide or row (`events[2] "Title":
    /// not carried: …`). Not yet sanitised.
    pub notes: Vec<(usize, String)>,
}

/// Reads a TimelineJS file of `kind` and writes the equivalent tlview
/// YAML; `name` is named in the header comment.
///
/// # Errors
/// A message when the input is not JSON or CSV TimelineJS can read.
pub fn to_yaml(kind: Kind, name: &str, bytes: &[u8]) -> Result<Converted, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc = match kind {
        Kind::Json => tljs::read(bytes)?,
        Kind::Csv => sheet::read(bytes)?,
    };
    let (yaml, at) = yaml::write(&doc, name, kind);
    // Byte offsets in order become line numbers in one pass.
    let (mut line, mut from) = (1, 0);
    let notes = at
        .into_iter()
        .map(|(offset, note)| {
            line += yaml.as_bytes()[from..offset.max(from)].iter().filter(|&&b| b == b'\n').count();
            from = offset.max(from);
            (line, note)
        })
        .collect();
    Ok(Converted { yaml, notes })
}
