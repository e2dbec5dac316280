use super::*;
use crate::timeline::limits::Limits;

/// A minimal base64 decoder, to read the payload back.
fn decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let mut out = Vec::new();
    for chunk in s.as_bytes().chunks(4) {
        let data: Vec<u8> = chunk.iter().copied().filter(|&c| c != b'=').collect();
        let n = data.iter().enumerate().fold(0u32, |n, (i, &c)| n | u32::from(value(c)) << (18 - 6 * i));
        out.extend((0..data.len().saturating_sub(1)).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    out
}

const FILE: &str = r#"
title: T
timezone: "+03:00"
actors:
  - id: p
    name: Dmitry Peskov
    role: Kremlin spokesman
sources:
  - id: s
    title: Briefing
    publisher: TASS
    published: 2018-02-14
    url: https://tass.example/1
  - id: bare
    title: Notes
events:
  - id: e
    date: 2018-02-07T22:00+03:00
    end: 2018-02-08
    approximate: true
    title: Strike
    sources: [s, bare]
    quotes:
      - by: p
        text: "We do not \"know\"\nanything."
        source: s
"#;

fn timeline() -> Timeline {
    crate::timeline::load_bytes("t.yaml", FILE.as_bytes(), &Limits::default()).expect("loads")
}

#[test]
fn a_quote_is_cited_with_speaker_role_and_source() {
    let t = timeline();
    let q = &t.events[0].quotes[0];
    assert_eq!(
        quote(&t, q),
        "“We do not \"know\"\nanything.” — Dmitry Peskov, Kremlin spokesman; TASS, “Briefing”, 2018-02-14, https://tass.example/1"
    );
}

#[test]
fn an_event_is_cited_with_its_date_as_written_and_its_sources() {
    let t = timeline();
    assert_eq!(
        event(&t, &t.events[0]),
        "c. 2018-02-07T22:00+03:00 – 2018-02-08 — Strike\nSource: TASS, “Briefing”, 2018-02-14, https://tass.example/1\nSource: “Notes”"
    );
}

#[test]
fn base64_round_trips_at_every_padding() {
    for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "“é” — ✓"] {
        assert_eq!(decode(&base64(s.as_bytes())), s.as_bytes(), "{s}");
    }
    assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    assert_eq!(base64(b"fo"), "Zm8=");
}

#[test]
fn osc52_carries_the_citation_and_nothing_raw() {
    let text = "evil \u{1b}]0;x\u{7} “quote”";
    let seq = osc52(text);
    let payload = seq.strip_prefix("\x1b]52;c;").and_then(|s| s.strip_suffix("\x1b\\")).expect("framed");
    assert!(payload.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
    assert_eq!(decode(payload), text.as_bytes());
}

#[test]
fn a_pasted_citation_holds_no_control_character_but_line_breaks() {
    let evil = r#""x\e[201~\nrm -rf ~\n\r\x07\u202e\x9b""#;
    let file = format!(
        "title: T\nactors:\n  - {{id: p, name: {evil}, role: {evil}}}\n\
         sources:\n  - {{id: s, title: {evil}, publisher: {evil}, url: {evil}}}\n\
         events:\n  - id: e\n    date: 2018-02-07\n    title: {evil}\n    sources: [s]\n\
         \x20   quotes:\n      - {{by: p, text: {evil}, source: s}}\n"
    );
    let t = crate::timeline::load_bytes("t.yaml", file.as_bytes(), &Limits::default()).expect("loads");
    let e = &t.events[0];
    for text in [event(&t, e), quote(&t, &e.quotes[0])] {
        let seq = osc52(&text);
        let payload = seq.strip_prefix("\x1b]52;c;").and_then(|s| s.strip_suffix("\x1b\\")).expect("framed");
        let pasted = String::from_utf8(decode(payload)).expect("utf-8");
        let bad: Vec<char> = pasted.chars().filter(|&c| c != '\n' && crate::text::is_unsafe(c)).collect();
        assert!(bad.is_empty(), "{bad:?} in {pasted:?}");
        assert!(pasted.contains("[201~"), "the words stay, made harmless: {pasted:?}");
    }
    // Only a quote's words keep their line breaks; a title is one line.
    assert_eq!(event(&t, e).lines().count(), 2, "the title line and one source line");
}
