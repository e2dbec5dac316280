//! Checks the `events` list: ids, dates and ranges, references to actors and
//! sources, quotes; then orders the events by when they start.

use super::hints::Table;
use super::model::{Event, Quote};
use super::order::{Constraint, order};
use super::problem::{Path, shown};
use super::raw::{Field, Found, RawEvent, RawQuote};
use super::validate::Checker;
use std::collections::HashMap;

impl Checker {
    /// Checks every event; returns them in order with the tags they use.
    pub(super) fn events(&mut self, root: &Path, raw: Field<Vec<Field<RawEvent>>>) -> (Vec<Event>, Vec<String>) {
        let mut b = EventsBuilder::default();
        b.events = self.list(root, "events", raw, "an event", |c, at, ev| {
            c.event(at, ev, &mut b.ids, &mut b.tags, &mut b.constraints)
        });
        b.finish(self)
    }

    fn event(
        &mut self,
        at: &Path,
        mut raw: RawEvent,
        ids: &mut HashMap<String, u32>,
        tags: &mut TagTable,
        constraints: &mut Vec<Constraint>,
    ) -> Option<Event> {
        self.own("event", &raw.id, at);
        self.key_problems(at, (&raw.unknown, &raw.repeated), RawEvent::KEYS, "in an event");
        let extras = self.event_extras(at, &mut raw);
        let id = self.id(at, raw.id, ids, "event");
        let date = self.required_text(at, "date", raw.date).and_then(|d| self.date(at, "date", &d));
        let end = self.optional_date(at, "end", raw.end);
        if let (Some(d), Some(e)) = (&date, &end)
            && e.period_end() <= d.instant()
        {
            self.problems.value(&at.key("end"), "`end` is before `date`: a range must not end before it starts");
        }
        let approximate = match raw.approximate {
            Field::Ok(b) => b,
            Field::Missing => false,
            Field::Wrong(Found::Word(w)) => {
                self.problems.value(
                    &at.key("approximate"),
                    format!("`approximate` must be true or false, not `{w}`; write true or false"),
                );
                false
            }
            Field::Wrong(found) => {
                self.problems.value(
                    &at.key("approximate"),
                    format!("`approximate` must be true or false, not {}", found.describe()),
                );
                false
            }
        };
        let title = self.required_text(at, "title", raw.title);
        let summary = self.optional_text(at, "summary", raw.summary);
        let location = self.optional_text(at, "location", raw.location);
        let actors = self.references(at, "actors", raw.actors, true);
        let sources = self.references(at, "sources", raw.sources, false);
        let tag_ids = self.words(at, "tags", raw.tags).into_iter().map(|(_, t)| tags.intern(t)).collect();
        let quotes = self.list(at, "quotes", raw.quotes, "a quote", Checker::quote);
        if let Some(owner) = id.as_deref() {
            for (key, list) in [("after", raw.after), ("before", raw.before)] {
                for (i, other) in self.words(at, key, list) {
                    let path = at.key(key).index(i);
                    constraints.push(Constraint { owner: owner.into(), other, before: key == "before", path });
                }
            }
        }
        let claims = self.list(at, "claims", raw.claims, "a claim", Checker::claim);
        self.event_warnings(at, &sources, &quotes);
        Some(Event {
            id: id?.into_boxed_str(),
            date: date?,
            end,
            approximate,
            title: title?.into_boxed_str(),
            summary: summary.map(String::into_boxed_str),
            location: location.map(String::into_boxed_str),
            actors: actors.into_boxed_slice(),
            tags: tag_ids,
            sources: sources.into_boxed_slice(),
            quotes: quotes.into_boxed_slice(),
            notes: extras.notes,
            status: extras.status,
            reported: extras.reported,
            display_date: extras.display_date,
            media: extras.media,
            related: extras.related,
            claims: claims.into_boxed_slice(),
        })
    }

    /// A list of actor (`actors == true`) or source ids, each declared.
    fn references(&mut self, at: &Path, key: &str, f: Field<Vec<Field<String>>>, actors: bool) -> Vec<u32> {
        let mut out = Vec::new();
        for (i, id) in self.words(at, key, f) {
            if let Some(n) = self.resolve(at, (key, Some(i)), &id, actors) {
                out.push(n);
            }
        }
        out
    }

    /// The index of the declared actor (or source) `id`; else a problem at
    /// `at.key(key)` (`.index(i)`), a path built only when there is one.
    pub(super) fn resolve(&mut self, at: &Path, (key, i): (&str, Option<usize>), id: &str, actor: bool) -> Option<u32> {
        let (table, which, what, list) = if actor {
            (&self.actor_ids, Table::Actors, "actor", "actors")
        } else {
            (&self.source_ids, Table::Sources, "source", "sources")
        };
        if let Some(&n) = table.get(id.trim()) {
            self.used.mark(actor, n);
            return Some(n);
        }
        if self.problems.counting() {
            self.problems.count();
            return None;
        }
        let near = self.hints.suggest(id, which, table).map(|n| format!("; did you mean `{}`?", shown(&n)));
        let hint = if actor { self.name_hint(id).or(near) } else { near }.unwrap_or_default();
        let path = match i {
            Some(i) => at.key(key).index(i),
            None => at.key(key),
        };
        let msg = format!("unknown {what} `{}`: it is not declared under `{list}`{hint}", shown(id));
        self.problems.value(&path, msg);
        None
    }

    fn quote(&mut self, at: &Path, mut raw: RawQuote) -> Option<Quote> {
        self.key_problems(at, (&raw.unknown, &raw.repeated), RawQuote::KEYS, "in a quote");
        let (date, language, original) = self.quote_extras(at, &mut raw);
        let by = self.required_text(at, "by", raw.by).and_then(|id| self.resolve(at, ("by", None), &id, true));
        let text = self.required_text(at, "text", raw.text);
        let source =
            self.required_text(at, "source", raw.source).and_then(|id| self.resolve(at, ("source", None), &id, false));
        let context = self.optional_text(at, "context", raw.context);
        Some(Quote { by: by?, text: text?, source: source?, context, date, language, original })
    }
}

/// Events checked a piece at a time (the loader's fast path hands them
/// over in chunks), with the ids and tags seen so far.
#[derive(Default)]
pub(super) struct EventsBuilder {
    ids: HashMap<String, u32>,
    tags: TagTable,
    events: Vec<Event>,
    constraints: Vec<Constraint>,
}

impl EventsBuilder {
    /// Checks the event at index `at` of `events`; false when it is not a mapping.
    pub(super) fn add(&mut self, c: &mut Checker, at: usize, raw: Field<RawEvent>) -> bool {
        let Field::Ok(raw) = raw else { return false };
        let path = Path::default().key("events").index(at);
        if let Some(e) = c.event(&path, raw, &mut self.ids, &mut self.tags, &mut self.constraints) {
            self.events.push(e);
        }
        true
    }

    /// Copies of the events checked from the `events`th on, and of the tags
    /// from the `tags`th on: what a load in progress has not handed over yet.
    pub(super) fn since(&self, events: usize, tags: usize) -> (Vec<Event>, Vec<String>) {
        (
            self.events.get(events..).unwrap_or_default().to_vec(),
            self.tags.names.get(tags..).unwrap_or_default().to_vec(),
        )
    }

    /// How many events and tags were checked so far.
    pub(super) fn counts(&self) -> (usize, usize) {
        (self.events.len(), self.tags.names.len())
    }

    /// The events in order (by start, ties in file order, moved where
    /// `after`/`before` say: see [`order`]) and the tags they use.
    pub(super) fn finish(self, c: &mut Checker) -> (Vec<Event>, Vec<String>) {
        c.check_related(&self.ids);
        c.problems.owner = None;
        let ids = &self.ids;
        let events = order(self.events, &self.constraints, &|id| ids.contains_key(id), &mut c.problems);
        (events, self.tags.names)
    }
}

/// Tags interned in order of first use.
#[derive(Default)]
struct TagTable {
    names: Vec<String>,
    index: HashMap<String, u32>,
}

impl TagTable {
    fn intern(&mut self, tag: String) -> u32 {
        if let Some(&i) = self.index.get(&tag) {
            return i;
        }
        let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(tag.clone());
        self.index.insert(tag, next);
        next
    }
}
