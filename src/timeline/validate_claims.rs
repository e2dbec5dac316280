//! Checks an event's `claims`: who claimed what about which subject, and
//! where. A claim is checked like a quote (declared claimant and source,
//! text present), and its `about` must be a short subject, because claims
//! are grouped across the whole timeline by it: a sentence there would
//! never meet another claim about the same thing.

use super::model::Claim;
use super::problem::Path;
use super::raw::RawClaim;
use super::validate::Checker;

/// The longest `about` accepted, in characters: a subject, not a sentence.
pub const ABOUT_MAX: usize = 60;

impl Checker {
    /// Checks one entry of `claims` at `at`.
    pub(super) fn claim(&mut self, at: &Path, raw: RawClaim) -> Option<Claim> {
        self.key_problems(at, (&raw.unknown, &raw.repeated), RawClaim::KEYS, "in a claim");
        let about = self.required_text(at, "about", raw.about).and_then(|a| self.about(at, a));
        let value = self.required_text(at, "value", raw.value);
        let by = self.required_text(at, "by", raw.by).and_then(|id| self.resolve(at, ("by", None), &id, true));
        let source =
            self.required_text(at, "source", raw.source).and_then(|id| self.resolve(at, ("source", None), &id, false));
        let date = self.optional_date(at, "date", raw.date);
        let context = self.optional_text(at, "context", raw.context);
        Some(Claim { about: about?, value: value?.trim().to_owned(), by: by?, source: source?, date, context })
    }

    /// `about` trimmed, when it is one line of at most [`ABOUT_MAX`] characters.
    fn about(&mut self, at: &Path, about: String) -> Option<String> {
        let trimmed = about.trim();
        let n = trimmed.chars().count();
        if trimmed.contains('\n') || n > ABOUT_MAX {
            let msg = format!(
                "`about` names what is claimed in a few words (one line, at most {ABOUT_MAX} characters, \
                 such as `deaths`), not {n} characters: put the claim itself in `value`"
            );
            self.problems.value(&at.key("about"), msg);
            return None;
        }
        Some(trimmed.to_owned())
    }
}
