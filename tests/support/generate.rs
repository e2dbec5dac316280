//! A deterministic generator of synthetic timelines in the documented
//! format, shared by the scale tests, the benchmark and the `generate`
//! example (each includes this file with `#[path]`; it is not part of the
//! library). N events over months, dates of every precision (a third
//! date-only, the rest with times in several offsets, some ranges and
//! approximate), 50 actors, 20 sources, tags, summaries of two or three
//! sentences, quotes on a fifth of the events. 100,000 events make about 40 MB.

use std::fmt::Write as _;

/// A small, fast, deterministic pseudo-random sequence (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A sequence starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "officials",
    "said",
    "the",
    "convoy",
    "reached",
    "border",
    "crossing",
    "after",
    "talks",
    "ministry",
    "forces",
    "reported",
    "statement",
    "village",
    "council",
    "observers",
    "ceasefire",
    "announced",
    "according",
    "sources",
    "negotiations",
    "resumed",
    "morning",
    "evening",
    "press",
    "conference",
    "spokesman",
    "declined",
    "comment",
    "aid",
];
const PLACES: &[&str] =
    &["Deir ez-Zor", "Raqqa", "Aleppo", "Idlib", "Homs", "Hama", "Latakia", "Tartus", "Damascus", "Daraa"];
const OFFSETS: &[&str] = &["Z", "+02:00", "+03:00", "-05:00", "+05:30"];
const TAGS: &[&str] = &["attack", "diplomacy", "casualties", "statement", "aid", "ceasefire", "analysis", "denial"];

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 6 + rng.below(6);
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push('.');
}

/// The date of event `i`: spread over about three years, in every precision.
fn date(rng: &mut Rng, i: usize, n: usize) -> (String, Option<String>, bool) {
    let day = (i * 1000 / n.max(1)) as u64; // 0..1000 days, in order
    let (y, rest) = (2016 + day / 336, day % 336);
    let (m, d) = (1 + rest / 28, 1 + rest % 28);
    let base = format!("{y}-{m:02}-{d:02}");
    match rng.below(12) {
        0..=3 => (base, None, false),
        4 => (base.clone(), Some(format!("{y}-{m:02}-{:02}", (d + 1 + rng.below(3)).min(28))), true),
        5 => (format!("{y}-{m:02}"), None, rng.below(2) == 0),
        6 => (base.clone(), Some(format!("{y}-{m:02}-{:02}", (d + 2).min(28))), false),
        7 => (
            format!("{base}T{:02}:{:02}:{:02}{}", rng.below(24), rng.below(60), rng.below(60), rng.pick(OFFSETS)),
            None,
            false,
        ),
        _ => (format!("{base}T{:02}:{:02}{}", rng.below(24), rng.below(60), rng.pick(OFFSETS)), None, false),
    }
}

/// The YAML text of a timeline of `n` events, the same for the same `n` and `seed`.
pub fn timeline_yaml(n: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 420 + 8192);
    out.push_str("title: Synthetic chronology\ndescription: Generated for tests and benchmarks.\ntimezone: \"+02:00\"\nactors:\n");
    for a in 0..50 {
        let _ = writeln!(out, "  - {{id: a{a}, name: Actor Number {a}, kind: person, role: Spokesman of body {a}}}");
    }
    out.push_str("sources:\n");
    for s in 0..20 {
        let _ = writeln!(
            out,
            "  - {{id: s{s}, title: Report {s}, publisher: Agency {s}, url: \"https://example.org/r/{s}\", published: 2018-02-14}}"
        );
    }
    out.push_str("events:\n");
    for i in 0..n {
        let (date, end, approximate) = date(&mut rng, i, n);
        let _ = writeln!(out, "  - id: e{i}\n    date: {date}");
        if let Some(end) = end {
            let _ = writeln!(out, "    end: {end}");
        }
        if approximate {
            out.push_str("    approximate: true\n");
        }
        out.push_str("    title: ");
        sentence(&mut rng, &mut out);
        out.push_str("\n    summary: >-\n      ");
        for k in 0..2 + rng.below(2) {
            if k > 0 {
                out.push(' ');
            }
            sentence(&mut rng, &mut out);
        }
        let _ = writeln!(out, "\n    location: {}", rng.pick(PLACES));
        let (a1, a2) = (rng.below(50), rng.below(50));
        let _ = writeln!(out, "    actors: [a{a1}, a{a2}]\n    tags: [{}, {}]", rng.pick(TAGS), rng.pick(TAGS));
        let source = rng.below(20);
        let _ = writeln!(out, "    sources: [s{source}]");
        if rng.below(5) == 0 {
            out.push_str("    quotes:\n      - by: a");
            let _ = write!(out, "{a1}\n        text: \"");
            sentence(&mut rng, &mut out);
            // A quote cites its event's source (a draw is still made, so the
            // rest of the stream is as before).
            let _ = rng.below(20);
            let _ = writeln!(out, "\"\n        source: s{source}\n        context: At a press conference.");
        }
    }
    out
}
