//! TimelineJS 3 JSON into slides. Date parts may be numbers or strings;
//! an empty string, `null` or a missing key means absent.

use super::{Doc, Media, Parts, Slide};
use serde_json::Value;

/// Parses TimelineJS JSON.
pub(super) fn read(bytes: &[u8]) -> Result<Doc, String> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| format!("not TimelineJS JSON: {e}"))?;
    let Value::Object(root) = &v else {
        return Err("not TimelineJS JSON: the file is not a JSON object".into());
    };
    let list = |key: &str| -> Vec<Slide> {
        root.get(key)
            .and_then(Value::as_array)
            .map_or_else(Vec::new, |a| a.iter().enumerate().map(|(i, s)| slide(s, format!("{key}[{i}]"))).collect())
    };
    let events = list("events");
    if root.get("events").is_some_and(|e| !e.is_array()) {
        return Err("not TimelineJS JSON: `events` is not a list".into());
    }
    let zone = root.get("tlview").and_then(|x| x.get("timezone")).map(|z| text(Some(z))).filter(|z| !z.is_empty());
    Ok(Doc { title: root.get("title").map(|t| slide(t, "title".into())), events, eras: list("eras"), zone })
}

/// A value as text: strings as they are, numbers in decimal, else empty.
fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn slide(v: &Value, at: String) -> Slide {
    let get = |k: &str| v.get(k);
    let t = get("text");
    let m = get("media");
    let id = text(get("unique_id"));
    Slide {
        start: get("start_date").and_then(parts),
        end: get("end_date").and_then(parts),
        display_date: text(get("display_date")),
        headline: text(t.and_then(|t| t.get("headline"))),
        text: text(t.and_then(|t| t.get("text"))),
        media: Media {
            url: text(m.and_then(|m| m.get("url"))),
            caption: text(m.and_then(|m| m.get("caption"))),
            credit: text(m.and_then(|m| m.get("credit"))),
            thumbnail: text(m.and_then(|m| m.get("thumbnail"))),
        },
        group: text(get("group")),
        id: if id.is_empty() { text(get("uniqueid")) } else { id },
        background: get("background")
            .map(|b| if b.is_object() { text(b.get("url")) + &text(b.get("color")) } else { text(Some(b)) })
            .unwrap_or_default(),
        at,
    }
}

fn parts(v: &Value) -> Option<Parts> {
    const KEYS: [&str; 7] = ["year", "month", "day", "hour", "minute", "second", "millisecond"];
    let p = Parts { fields: KEYS.map(|k| text(v.get(k))), display: text(v.get("display_date")) };
    (!p.fields[0].is_empty()).then_some(p)
}
