//! Turns the raw file into a [`Timeline`], collecting every problem on the way.
//!
//! Nothing here stops at the first mistake: each check records a problem at
//! the path of the offending value and carries on with what it can, so the
//! user sees all that is wrong in one run.

use super::date::{When, parse_offset};
use super::hints::{Hints, nearest};
use super::model::{Actor, Event, Source, Timeline};
use super::problem::{Path, Problems, shown};
use super::raw::{Field, Found, RawActor, RawEvents, RawSource, RawTimeline};
use super::visible::visible;
use chrono::{FixedOffset, Offset, Utc};
use std::collections::HashMap;

/// Said of a text that holds characters but none that shows.
const INVISIBLE: &str =
    "holds only invisible characters (such as zero-width spaces or fillers); it must contain something visible";

/// The checked parts so far, and the ids events may refer to.
pub(super) struct Checker {
    /// Problems found so far.
    pub problems: Problems,
    /// The timeline's zone.
    pub zone: FixedOffset,
    /// Actor id → index.
    pub actor_ids: HashMap<String, u32>,
    /// Source id → index.
    pub source_ids: HashMap<String, u32>,
    /// "Did you mean" hints for unknown references, with their work budget.
    pub hints: Hints,
    /// Each actor's name and aliases → its id, to hint when a reference uses one.
    pub actor_names: HashMap<String, String>,
    /// Which actors and sources something refers to (for the unused-declaration warning).
    pub used: super::warnings::Used,
    /// Each `related` id written so far, with its path and owner, checked once all events are known.
    pub related_refs: Vec<(Path, String, Option<String>)>,
}

/// The checked parts of a file other than its events.
pub(super) struct Head {
    title: Option<String>,
    description: Option<String>,
    actors: Vec<Actor>,
    sources: Vec<Source>,
    periods: Vec<super::model::Period>,
}

/// Checks a whole raw file; the timeline when it has no problem.
///
/// # Errors
/// Every problem found, with paths (not yet positions).
pub fn check(raw: Field<RawTimeline>) -> Result<Timeline, Problems> {
    let (mut c, head, events) = check_head(raw)?;
    let root = Path::default();
    let (events, tags) = c.events(&root, events);
    c.assemble(head, events, tags)
}

/// Checks everything but the events, returning the checker (which knows
/// the zone, actors and sources events refer to) and the raw events.
///
/// # Errors
/// The problems, when the file is not a mapping at all.
pub(super) fn check_head(raw: Field<RawTimeline>) -> Result<(Checker, Head, RawEvents), Problems> {
    let root = Path::default();
    let mut c = Checker {
        problems: Problems::default(),
        zone: Utc.fix(),
        actor_ids: HashMap::new(),
        source_ids: HashMap::new(),
        hints: Hints::default(),
        actor_names: HashMap::new(),
        used: super::warnings::Used::default(),
        related_refs: Vec::new(),
    };
    let raw = match raw {
        Field::Ok(r) => r,
        Field::Missing | Field::Wrong(Found::Empty) => {
            c.problems.value(&root, "the file is empty: a timeline needs a title and events");
            return Err(c.problems);
        }
        Field::Wrong(found) => {
            let msg = format!("a timeline is a mapping with title and events, but the file holds {}", found.describe());
            c.problems.value(&root, msg);
            return Err(c.problems);
        }
    };
    c.key_problems(&root, (&raw.unknown, &raw.repeated), RawTimeline::KEYS, "at the top level");
    let title = c.required_text(&root, "title", raw.title);
    let description = c.optional_text(&root, "description", raw.description);
    if let Some(tz) = c.optional_text(&root, "timezone", raw.timezone) {
        match parse_offset(&shown(&tz)) {
            Ok(zone) => c.zone = zone,
            Err(e) => c.problems.value(&root.key("timezone"), e.0),
        }
    }
    let actors = c.list(&root, "actors", raw.actors, "an actor", Checker::actor);
    let sources = c.list(&root, "sources", raw.sources, "a source", Checker::source);
    let periods = c.periods(&root, raw.periods);
    c.problems.owner = None;
    Ok((c, Head { title, description, actors, sources, periods }, raw.events))
}

impl Head {
    /// A timeline with this head and `events` (the first piece of a load in
    /// progress), the head's parts copied.
    pub(super) fn preview(&self, zone: FixedOffset, events: Vec<Event>, tags: Vec<String>) -> Timeline {
        Timeline {
            title: self.title.clone().unwrap_or_default(),
            description: self.description.clone(),
            zone,
            actors: self.actors.clone(),
            sources: self.sources.clone(),
            tags,
            events,
            warnings: Vec::new(),
            warnings_more: 0,
            periods: self.periods.clone(),
        }
    }
}

impl Checker {
    /// The timeline, when no problem was found.
    ///
    /// # Errors
    /// Every problem found.
    pub(super) fn assemble(mut self, head: Head, events: Vec<Event>, tags: Vec<String>) -> Result<Timeline, Problems> {
        self.unused_warnings(&head.actors, &head.sources);
        if self.problems.list.is_empty() {
            let Head { title, description, actors, sources, periods } = head;
            Ok(Timeline {
                title: title.unwrap_or_default(),
                description,
                zone: self.zone,
                actors,
                sources,
                tags,
                events,
                warnings: self.problems.warnings,
                warnings_more: self.problems.warnings_dropped,
                periods,
            })
        } else {
            Err(self.problems)
        }
    }

    /// Reports each unknown key, with the nearest allowed one and the full
    /// list, and each allowed key written twice.
    pub fn key_problems(
        &mut self,
        at: &Path,
        (unknown, repeated): (&[String], &[String]),
        allowed: &[&str],
        place: &str,
    ) {
        for key in repeated {
            let msg = format!("duplicate key `{}`: this mapping already has it", shown(key));
            self.problems.key(&at.key(key), msg);
        }
        for key in unknown {
            let hint = match nearest(key, allowed) {
                Some(near) => format!("; did you mean `{near}`?"),
                None => ".".to_owned(),
            };
            let msg = format!("unknown key `{}` {place}{hint} Allowed keys: {}", shown(key), allowed.join(", "));
            self.problems.key(&at.key(key), msg);
        }
    }

    /// Text that must be present and not blank.
    pub fn required_text(&mut self, at: &Path, key: &str, f: Field<String>) -> Option<String> {
        match f {
            Field::Ok(s) if visible(&s) => Some(s),
            Field::Ok(s) if !s.trim().is_empty() => {
                self.problems.value(&at.key(key), format!("`{key}` {INVISIBLE}"));
                None
            }
            Field::Ok(_) | Field::Wrong(Found::Empty) => {
                self.problems.value(&at.key(key), format!("`{key}` is empty; it needs some text"));
                None
            }
            Field::Missing => {
                self.problems.value(at, format!("missing the required key `{key}`"));
                None
            }
            Field::Wrong(found) => {
                self.problems.value(&at.key(key), format!("`{key}` should be text, not {}", found.describe()));
                None
            }
        }
    }

    /// Text that may be absent or empty.
    pub fn optional_text(&mut self, at: &Path, key: &str, f: Field<String>) -> Option<String> {
        match f {
            Field::Ok(s) if !s.trim().is_empty() => Some(s),
            Field::Ok(_) | Field::Missing | Field::Wrong(Found::Empty) => None,
            Field::Wrong(found) => {
                self.problems.value(&at.key(key), format!("`{key}` should be text, not {}", found.describe()));
                None
            }
        }
    }

    /// An optional date in one of the documented forms.
    pub fn optional_date(&mut self, at: &Path, key: &str, f: Field<String>) -> Option<When> {
        let text = self.optional_text(at, key, f)?;
        self.date(at, key, &text)
    }

    /// Parses the date text found under `key`, recording a problem if it is not a date.
    pub fn date(&mut self, at: &Path, key: &str, text: &str) -> Option<When> {
        // No date is longer than the cut, so a cut text fails as the whole would.
        match When::parse(&shown(text.trim()), self.zone) {
            Ok(w) => Some(w),
            Err(e) => {
                self.problems.value(&at.key(key), format!("`{key}`: {e}{}", super::mistakes::date(text)));
                None
            }
        }
    }

    /// A list of items checked one by one; a missing list is an empty one.
    pub fn list<R, T>(
        &mut self,
        at: &Path,
        key: &str,
        f: Field<Vec<Field<R>>>,
        what: &str,
        mut each: impl FnMut(&mut Self, &Path, R) -> Option<T>,
    ) -> Vec<T> {
        let items = match f {
            Field::Ok(items) => items,
            Field::Missing | Field::Wrong(Found::Empty) => return Vec::new(),
            Field::Wrong(found) => {
                self.problems.value(&at.key(key), format!("`{key}` should be a list, not {}", found.describe()));
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        // Each entry names itself in its problems; an entry that is not a
        // mapping is named by the list's owner, never by the entry before it.
        let outer = self.problems.owner.clone();
        for (i, item) in items.into_iter().enumerate() {
            self.problems.owner.clone_from(&outer);
            let path = at.key(key).index(i);
            match item {
                Field::Ok(raw) => out.extend(each(self, &path, raw)),
                Field::Missing => {}
                Field::Wrong(found) => {
                    self.problems.value(
                        &path,
                        format!(
                            "each entry of `{key}` should be {what} written as a mapping, not {}",
                            found.describe()
                        ),
                    );
                }
            }
        }
        self.problems.owner = outer;
        out
    }

    /// A list of words (aliases, tags, ids); bad entries are reported and dropped.
    pub fn words(&mut self, at: &Path, key: &str, f: Field<Vec<Field<String>>>) -> Vec<(usize, String)> {
        let items = match f {
            Field::Ok(items) => items,
            Field::Missing | Field::Wrong(Found::Empty) => return Vec::new(),
            Field::Wrong(found) => {
                let hint = super::mistakes::list(&found);
                self.problems.value(&at.key(key), format!("`{key}` should be a list, not {}{hint}", found.describe()));
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            match item {
                Field::Ok(s) if visible(&s) => out.push((i, s)),
                Field::Ok(s) if !s.trim().is_empty() => {
                    self.problems.value(&at.key(key).index(i), format!("an entry of `{key}` {INVISIBLE}"));
                }
                Field::Ok(_) | Field::Missing | Field::Wrong(Found::Empty) => {
                    self.problems.value(&at.key(key).index(i), format!("an entry of `{key}` is empty"));
                }
                Field::Wrong(found) => {
                    self.problems.value(
                        &at.key(key).index(i),
                        format!("each entry of `{key}` should be text, not {}", found.describe()),
                    );
                }
            }
        }
        out
    }

    /// An id: present, made of letters, digits, `-`, `_` or `.`, and unique in `seen`.
    pub fn id(&mut self, at: &Path, f: Field<String>, seen: &mut HashMap<String, u32>, what: &str) -> Option<String> {
        let id = self.required_text(at, "id", f)?;
        if !id.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.')) {
            let msg = format!("{what} id `{}` may hold only letters, digits, `-`, `_` and `.`", shown(&id));
            self.problems.value(&at.key("id"), msg);
            return None;
        }
        let next = u32::try_from(seen.len()).unwrap_or(u32::MAX);
        if seen.contains_key(&id) {
            let msg = format!("duplicate {what} id `{}`: another {what} already uses it", shown(&id));
            self.problems.value(&at.key("id"), msg);
            return None;
        }
        seen.insert(id.clone(), next);
        Some(id)
    }

    /// Names the entry being checked in the problems that follow: ``actor `peskov` ``.
    pub fn own(&mut self, what: &str, id: &Field<String>, at: &Path) {
        self.problems.owner = Some(match (id, at.0.last()) {
            (Field::Ok(id), _) if !id.trim().is_empty() => format!("{what} `{}`", shown(id)),
            (_, Some(super::problem::Seg::Index(i))) => format!("{what} #{}", i + 1),
            _ => what.to_owned(),
        });
    }

    fn actor(&mut self, at: &Path, raw: RawActor) -> Option<Actor> {
        self.own("actor", &raw.id, at);
        self.key_problems(at, (&raw.unknown, &raw.repeated), RawActor::KEYS, "in an actor");
        let mut ids = std::mem::take(&mut self.actor_ids);
        let id = self.id(at, raw.id, &mut ids, "actor");
        self.actor_ids = ids;
        let name = self.required_text(at, "name", raw.name);
        let kind = self.actor_kind(at, raw.kind);
        let role = self.optional_text(at, "role", raw.role);
        let aliases = self.words(at, "aliases", raw.aliases).into_iter().map(|(_, a)| a).collect();
        let actor = Actor { id: id?, name: name?, kind, role, aliases };
        self.remember_names(&actor);
        Some(actor)
    }

    fn source(&mut self, at: &Path, raw: RawSource) -> Option<Source> {
        self.own("source", &raw.id, at);
        self.key_problems(at, (&raw.unknown, &raw.repeated), RawSource::KEYS, "in a source");
        let mut ids = std::mem::take(&mut self.source_ids);
        let id = self.id(at, raw.id, &mut ids, "source");
        self.source_ids = ids;
        let title = self.required_text(at, "title", raw.title);
        let publisher = self.optional_text(at, "publisher", raw.publisher);
        let url = self.optional_text(at, "url", raw.url);
        let published = self.optional_date(at, "published", raw.published);
        let author = self.optional_text(at, "author", raw.author);
        let kind = self.optional_word(at, "type", raw.kind);
        let accessed = self.optional_date(at, "accessed", raw.accessed);
        let archive = self.optional_text(at, "archive", raw.archive);
        let language = self.optional_word(at, "language", raw.language);
        Some(Source { id: id?, title: title?, publisher, url, published, author, kind, accessed, archive, language })
    }
}
