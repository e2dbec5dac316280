//! Tests of the import's defences: ids that need numbering after being cut
//! short, hostile HTML that must cost linear work, and many links.

use super::import::{self, Kind};
use crate::timeline::limits::Limits;
use crate::timeline::load_bytes;

fn converts(kind: Kind, text: &str) -> crate::timeline::Timeline {
    let yaml = import::to_yaml(kind, "in", text.as_bytes()).expect("converts");
    match load_bytes("t.yaml", yaml.as_bytes(), &Limits::default()) {
        Ok(t) => t,
        Err(e) => panic!("{e}\n{yaml}"),
    }
}

#[test]
fn long_headlines_that_repeat_get_numbered_ids() {
    let h = "Ever Given container ship runs aground in the Suez Canal";
    let link = format!("<a href='https://e.org/{{}}'>{h} {h}</a>");
    let slide = |n: u32| {
        format!(
            r#"{{"start_date": {{"year": 2021}}, "text": {{"headline": "{h}", "text": "{}"}}}}"#,
            link.replace("{}", &n.to_string()).replace('"', "\\\"")
        )
    };
    let json = format!(r#"{{"events": [{}, {}, {}]}}"#, slide(1), slide(2), slide(3));
    let t = converts(Kind::Json, &json);
    let ids: Vec<&str> = t.events.iter().map(|e| e.id.as_ref()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[1].ends_with("-2") && ids[2].ends_with("-3"), "{ids:?}");
    assert_eq!(t.sources.len(), 3);
}
