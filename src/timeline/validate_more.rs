//! Checks for the optional keys that let a journalist say more than the
//! facts: an actor's free-text kind, an event's status, notes, report date,
//! wording of the time, media and related events, a quote's date and
//! original words. Kept apart from `validate` so each file has one job.

use super::date::When;
use super::model::{Actor, Media, Status};
use super::problem::{Path, shown};
use super::raw::{Field, RawEvent, RawMedia, RawQuote};
use super::validate::Checker;

/// The longest actor kind, source type or language: a word or short phrase.
const MAX_WORD_CHARS: usize = 60;

/// What an event says beyond its facts, checked.
pub(super) struct EventExtras {
    /// `notes`
    pub notes: Option<Box<str>>,
    /// `status`
    pub status: Option<Status>,
    /// `reported`
    pub reported: Option<When>,
    /// `display_date`
    pub display_date: Option<Box<str>>,
    /// `media`
    pub media: Box<[Media]>,
    /// `related`
    pub related: Box<[Box<str>]>,
}

impl Checker {
    /// An actor's `kind`: free text, a word or short phrase.
    pub(super) fn actor_kind(&mut self, at: &Path, f: Field<String>) -> Option<String> {
        self.optional_word(at, "kind", f)
    }

    /// Optional text that must be a word or short phrase on one line.
    pub(super) fn optional_word(&mut self, at: &Path, key: &str, f: Field<String>) -> Option<String> {
        let word = self.optional_text(at, key, f)?;
        if word.contains('\n') || word.chars().count() > MAX_WORD_CHARS {
            self.problems.value(
                &at.key(key),
                format!("`{key}` should be a word or short phrase on one line (at most {MAX_WORD_CHARS} characters)"),
            );
            return None;
        }
        Some(word.trim().to_owned())
    }

    /// Remembers an actor's name and aliases, to hint when a reference uses one instead of the id.
    pub(super) fn remember_names(&mut self, actor: &Actor) {
        let names = std::iter::once((&actor.name, "the name")).chain(actor.aliases.iter().map(|a| (a, "an alias")));
        for (name, what) in names {
            if name != &actor.id {
                self.actor_names.entry(name.trim().to_owned()).or_insert_with(|| format!("{what}|{}", actor.id));
            }
        }
    }

    /// The hint for a reference `id` that is an actor's name or alias.
    pub(super) fn name_hint(&self, id: &str) -> Option<String> {
        let (what, actor) = self.actor_names.get(id.trim())?.split_once('|')?;
        let actor = shown(actor);
        Some(format!("; `{}` is {what} of actor `{actor}`: refer to actors by id, e.g. `{actor}`", shown(id.trim())))
    }

    /// Checks an event's optional keys beyond the facts.
    pub(super) fn event_extras(&mut self, at: &Path, raw: &mut RawEvent) -> EventExtras {
        let notes = self.optional_text(at, "notes", std::mem::take(&mut raw.notes)).map(String::into_boxed_str);
        let status = self.optional_text(at, "status", std::mem::take(&mut raw.status)).and_then(|w| {
            let found = Status::from_word(w.trim());
            if found.is_none() {
                let msg = format!(
                    "unknown status `{}`; write one of {} (or leave it out: not assessed)",
                    shown(&w),
                    Status::words()
                );
                self.problems.value(&at.key("status"), msg);
            }
            found
        });
        let reported = self.optional_date(at, "reported", std::mem::take(&mut raw.reported));
        let display_date =
            self.optional_text(at, "display_date", std::mem::take(&mut raw.display_date)).map(String::into_boxed_str);
        let media = self.list(at, "media", std::mem::take(&mut raw.media), "a media item", Checker::media);
        let related: Vec<Box<str>> = self
            .words(at, "related", std::mem::take(&mut raw.related))
            .into_iter()
            .map(|(i, id)| {
                self.related_refs.push((at.key("related").index(i), id.trim().to_owned(), self.problems.owner.clone()));
                id.trim().into()
            })
            .collect();
        EventExtras {
            notes,
            status,
            reported,
            display_date,
            media: media.into_boxed_slice(),
            related: related.into_boxed_slice(),
        }
    }

    fn media(&mut self, at: &Path, raw: RawMedia) -> Option<Media> {
        self.key_problems(at, (&raw.unknown, &raw.repeated), RawMedia::KEYS, "in a media item");
        let url = self.required_text(at, "url", raw.url);
        let caption = self.optional_text(at, "caption", raw.caption);
        let credit = self.optional_text(at, "credit", raw.credit);
        Some(Media { url: url?, caption, credit })
    }

    /// Checks a quote's `date`, `language` and `original`.
    pub(super) fn quote_extras(
        &mut self,
        at: &Path,
        raw: &mut RawQuote,
    ) -> (Option<When>, Option<String>, Option<String>) {
        let date = self.optional_date(at, "date", std::mem::take(&mut raw.date));
        let language = self.optional_word(at, "language", std::mem::take(&mut raw.language));
        let original = self.optional_text(at, "original", std::mem::take(&mut raw.original));
        (date, language, original)
    }

    /// Reports each `related` id that names no event of the file.
    pub(super) fn check_related(&mut self, known: &std::collections::HashMap<String, u32>) {
        for (path, id, owner) in std::mem::take(&mut self.related_refs) {
            if !known.contains_key(&id) {
                self.problems.owner = owner;
                if self.problems.counting() {
                    self.problems.count();
                    continue;
                }
                let hint = self
                    .hints
                    .suggest(&id, super::hints::Table::Events, known)
                    .map(|n| format!("; did you mean `{}`?", shown(&n)))
                    .unwrap_or_default();
                let msg = format!("`related` names `{}`, which is not the id of any event{hint}", shown(&id));
                self.problems.value(&path, msg);
            }
        }
        self.problems.owner = None;
    }
}
