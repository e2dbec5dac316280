//! Claims in the format: what loads, and each problem with its exact
//! message and position.

use super::limits::Limits;
use super::*;

fn load(text: &str) -> Result<Timeline, LoadError> {
    load_bytes("t.yaml", text.as_bytes(), &Limits::default())
}

fn problems(text: &str) -> Vec<String> {
    match load(text) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(e) => e.to_string().lines().map(str::to_owned).collect(),
    }
}

const HEAD: &str = "title: T\nactors:\n  - {id: peskov, name: Dmitry Peskov}\nsources:\n  - {id: seed, title: S, published: 2018-02-14}\nevents:\n  - id: e\n    date: 2018-02-07\n    title: A\n    claims:\n";

fn with_claims(claims: &str) -> String {
    format!("{HEAD}{claims}")
}

#[test]
fn claims_load_with_their_subject_claimant_source_and_date() {
    let t = load(&with_claims(
        "      - {about: \" Deaths \", value: more than 200, by: peskov, source: seed, date: 2018-02-13, context: To reporters}\n      - {about: injured, value: \"200 to 300\", by: peskov, source: seed}\n",
    ))
    .expect("valid");
    let c = &t.events[0].claims;
    assert_eq!(c.len(), 2);
    assert_eq!((c[0].about.as_str(), c[0].value.as_str(), c[0].by, c[0].source), ("Deaths", "more than 200", 0, 0));
    assert_eq!(c[0].subject(), "deaths");
    assert_eq!(c[0].date.map(|d| d.long()), Some("Tuesday 13 February 2018".to_owned()));
    assert_eq!(c[0].context.as_deref(), Some("To reporters"));
    assert_eq!((c[1].value.as_str(), c[1].date), ("200 to 300", None));
    assert_eq!(t.claim_count(), 2);
}

#[test]
fn subjects_group_case_and_whitespace_insensitively() {
    assert_eq!(model::normalise("  Russians   Involved "), "russians involved");
}

#[test]
fn claims_by_undeclared_actor_or_source_are_reported() {
    let p = problems(&with_claims("      - {about: deaths, value: \"100\", by: putin, source: tass}\n"));
    assert_eq!(
        p,
        [
            "t.yaml:11:43: event `e`: unknown actor `putin`: it is not declared under `actors`",
            "t.yaml:11:58: event `e`: unknown source `tass`: it is not declared under `sources`",
        ]
    );
}

#[test]
fn missing_or_empty_parts_of_a_claim_are_reported() {
    let p = problems(&with_claims(
        "      - {about: deaths, value: \" \", by: peskov, source: seed}\n      - {value: about 100, by: peskov}\n",
    ));
    assert_eq!(
        p,
        [
            "t.yaml:11:32: event `e`: `value` is empty; it needs some text",
            "t.yaml:12:9: event `e`: missing the required key `about`",
            "t.yaml:12:9: event `e`: missing the required key `source`",
        ]
    );
}

#[test]
fn a_sentence_in_about_is_refused_with_the_rule() {
    let long = "the number of people killed in the attack on the base last week";
    let p = problems(&with_claims(&format!("      - {{about: {long}, value: \"100\", by: peskov, source: seed}}\n")));
    assert_eq!(
        p,
        [format!(
            "t.yaml:11:17: event `e`: `about` names what is claimed in a few words (one line, at most 60 characters, such as `deaths`), not {} characters: put the claim itself in `value`",
            long.len()
        )]
    );
}

#[test]
fn bad_dates_unknown_keys_and_wrong_shapes_in_claims_are_reported() {
    let p = problems(&with_claims(
        "      - {about: deaths, value: \"1\", by: peskov, source: seed, date: 2018-02-30, claimant: x}\n      - just words\n",
    ));
    assert_eq!(
        p,
        [
            "t.yaml:11:69: event `e`: `date`: `2018-02-30` is not a date: February 2018 has 28 days",
            "t.yaml:11:81: event `e`: unknown key `claimant` in a claim. Allowed keys: about, value, by, source, date, context",
            "t.yaml:12:9: event `e`: each entry of `claims` should be a claim written as a mapping, not `just words`",
        ]
    );
    assert_eq!(
        problems(&format!("{HEAD}      deaths\n")),
        ["t.yaml:11:7: event `e`: `claims` should be a list, not `deaths`"]
    );
}

#[test]
fn reported_and_quote_dates_are_read() {
    let t = load(
        "title: T\nactors: [{id: p, name: P}]\nsources: [{id: s, title: S}]\nevents:\n  - {id: e, date: 2018-02-07, reported: 2018-02-10, title: A, quotes: [{by: p, text: x, source: s, date: 2018-02-08}]}\n",
    )
    .expect("valid");
    let e = &t.events[0];
    assert_eq!(e.reported.map(|d| d.long()), Some("Saturday 10 February 2018".to_owned()));
    assert_eq!(e.quotes[0].date.map(|d| d.long()), Some("Thursday 8 February 2018".to_owned()));
    let p = problems("title: T\nevents:\n  - {id: e, date: 2018, reported: soon, title: A}\n");
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("t.yaml:3:35: event `e`: `reported`: `soon` is not a date"), "{}", p[0]);
}

/// The article the bundled timeline is written from.
const ARTICLE: &str = include_str!("../../tests/fixtures/seed-article.txt");

#[test]
fn bundled_claims_are_the_articles_words_attributed_as_it_attributes_them() {
    let t = load(BUNDLED).expect("bundled timeline is valid");
    let mut found: Vec<(String, &str, &str, &str)> = Vec::new();
    for e in &t.events {
        for c in &e.claims {
            assert!(ARTICLE.contains(&c.value), "claim value not in the article: {:?}", c.value);
            let by = t.actors[c.by as usize].id.as_str();
            found.push((c.subject(), c.value.as_str(), by, t.sources[c.source as usize].id.as_str()));
        }
    }
    found.sort();
    assert_eq!(
        found,
        [
            ("deaths".to_owned(), "More than 200 contract soldiers, mostly Russians", "russian-sources", "seed"),
            ("deaths".to_owned(), "about 100", "us-official", "seed"),
            ("deaths".to_owned(), "up to 200 Russian fighters", "seed-headline", "seed"),
            ("injured".to_owned(), "200 to 300", "us-official", "seed"),
            ("russians-involved".to_owned(), "there are no Russian servicemen in Deir az-Zour", "russian-mod", "seed"),
        ]
    );
}
