//! Checks the top-level `periods`: named spans of time (a war, a term of
//! office, a TimelineJS era) that the viewer draws as bands on the axis.
//! Kept apart from `validate` so each file has one job.

use super::model::Period;
use super::problem::Path;
use super::raw::{Field, RawPeriod};
use super::validate::Checker;
use std::collections::HashMap;

impl Checker {
    /// Every valid period of the file, ordered by start (ties in file order).
    pub(super) fn periods(&mut self, root: &Path, f: Field<Vec<Field<RawPeriod>>>) -> Vec<Period> {
        let mut ids = HashMap::new();
        let mut out = self.list(root, "periods", f, "a period", |c, at, raw| c.period(at, raw, &mut ids));
        out.sort_by_key(Period::start);
        out
    }

    fn period(&mut self, at: &Path, raw: RawPeriod, ids: &mut HashMap<String, u32>) -> Option<Period> {
        self.own("period", &raw.id, at);
        self.key_problems(at, (&raw.unknown, &raw.repeated), RawPeriod::KEYS, "in a period");
        let id = self.id(at, raw.id, ids, "period");
        let title = self.required_text(at, "title", raw.title);
        let date = self.required_text(at, "date", raw.date).and_then(|d| self.date(at, "date", &d));
        let end = self.optional_date(at, "end", raw.end);
        if let (Some(d), Some(e)) = (&date, &end)
            && e.period_end() <= d.instant()
        {
            self.problems.value(&at.key("end"), "`end` is before `date`: a period must not end before it starts");
            return None;
        }
        Some(Period { id: id?, title: title?, date: date?, end })
    }
}

#[cfg(test)]
#[path = "periods_tests.rs"]
mod tests;
