//! The claims view's content: every claim of the timeline grouped by what
//! it is about, so that who claims what, and where they disagree, shows at
//! a glance. Pure: a function of the timeline and the as-of cursor.

use super::asof::{self, AsOf};
use crate::timeline::Timeline;
use crate::timeline::model::normalise;
use std::collections::HashMap;

/// One claim, by where it is in the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClaimRef {
    /// Index of the event in the timeline's events.
    pub event: u32,
    /// Index of the claim in that event's claims.
    pub claim: u32,
    /// Whether it was not yet public at the as-of cursor (shown dimmed).
    pub future: bool,
}

/// Every claim about one subject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The subject as first written.
    pub about: String,
    /// Its claims, in timeline order.
    pub claims: Vec<ClaimRef>,
    /// Whether the public claims' values differ (compared trimmed,
    /// case-insensitively, with runs of whitespace as one space).
    pub disputed: bool,
}

/// The sections of `t`, one per subject, in order of first appearance;
/// claims not yet public at the cursor are left out, or kept and marked
/// when `asof.dim` is set (they do not count towards a dispute).
#[must_use]
pub fn sections(t: &Timeline, asof: &AsOf) -> Vec<Section> {
    // Each subject's section, by its normalised key: one lookup per claim
    // whatever the number of subjects.
    let mut keys: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<Section> = Vec::new();
    for (ei, e) in t.events.iter().enumerate() {
        for (ci, c) in e.claims.iter().enumerate() {
            let future = asof.is_future(asof::claim_public(t, e, c));
            if future && !asof.dim {
                continue;
            }
            let key = c.subject();
            let at = *keys.entry(key).or_insert_with(|| {
                out.push(Section { about: c.about.clone(), claims: Vec::new(), disputed: false });
                out.len() - 1
            });
            let r = ClaimRef {
                event: u32::try_from(ei).unwrap_or(u32::MAX),
                claim: u32::try_from(ci).unwrap_or(u32::MAX),
                future,
            };
            if let Some(section) = out.get_mut(at) {
                section.claims.push(r);
            }
        }
    }
    for s in &mut out {
        s.disputed = disputed(t, &s.claims);
    }
    out
}

/// Whether the values of the public claims among `claims` differ.
#[must_use]
pub fn disputed(t: &Timeline, claims: &[ClaimRef]) -> bool {
    let mut values = claims.iter().filter(|r| !r.future).filter_map(|r| get(t, *r)).map(|c| normalise(&c.value));
    let Some(first) = values.next() else { return false };
    values.any(|v| v != first)
}

/// The claim `r` points at.
#[must_use]
pub fn get(t: &Timeline, r: ClaimRef) -> Option<&crate::timeline::Claim> {
    t.events.get(r.event as usize)?.claims.get(r.claim as usize)
}

/// The claims of `sections` in display order, for a cursor moving through them.
#[must_use]
pub fn flat(sections: &[Section]) -> Vec<ClaimRef> {
    sections.iter().flat_map(|s| s.claims.iter().copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::limits::Limits;

    fn load(text: &str) -> Timeline {
        crate::timeline::load_bytes("t.yaml", text.as_bytes(), &Limits::default()).expect("valid")
    }

    const FILE: &str = "title: T\nactors: [{id: a, name: A}, {id: b, name: B}]\nsources:\n  - {id: early, title: E, published: 2018-02-08}\n  - {id: late, title: L, published: 2018-02-14}\nevents:\n  - id: e1\n    date: 2018-02-07\n    title: One\n    claims:\n      - {about: Deaths, value: About  100, by: a, source: early}\n      - {about: injured, value: 5, by: a, source: early}\n  - id: e2\n    date: 2018-02-09\n    title: Two\n    claims:\n      - {about: ' deaths ', value: about 100, by: b, source: early}\n      - {about: deaths, value: more than 200, by: b, source: late}\n";

    #[test]
    fn claims_group_by_subject_and_disagreement_is_marked() {
        let t = load(FILE);
        let s = sections(&t, &AsOf::default());
        let about: Vec<(&str, usize, bool)> =
            s.iter().map(|s| (s.about.as_str(), s.claims.len(), s.disputed)).collect();
        assert_eq!(about, [("Deaths", 3, true), ("injured", 1, false)]);
        assert_eq!(flat(&s).len(), 4);
    }

    #[test]
    fn values_differing_only_in_case_and_spaces_agree() {
        let t = load(FILE);
        let s = sections(&t, &AsOf::default());
        assert!(!disputed(&t, &s[0].claims[..2]));
    }

    #[test]
    fn claims_not_yet_public_are_left_out_or_dimmed_and_do_not_dispute() {
        let t = load(FILE);
        let zone = t.zone;
        let mut asof = AsOf { at: Some(asof::parse("2018-02-10", zone).expect("date")), ..AsOf::default() };
        let s = sections(&t, &asof);
        assert_eq!((s[0].claims.len(), s[0].disputed), (2, false));
        asof.dim = true;
        let s = sections(&t, &asof);
        assert_eq!((s[0].claims.len(), s[0].disputed), (3, false));
        assert!(s[0].claims[2].future);
    }
}
