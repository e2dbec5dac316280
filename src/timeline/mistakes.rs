//! Specific hints for the mistakes people make most when writing a
//! timeline by hand: a list written as a phrase, dates in everyday forms,
//! quotes inside quotes. Each returns the text to append to the generic
//! message, or nothing when the mistake is not recognised.

use super::problem::shown;
use super::raw::Found;

/// For a list key written as a plain value (`tags: a, b`, `sources: s1`):
/// the list to write instead.
#[must_use]
pub fn list(found: &Found) -> String {
    let Found::Word(w) = found else { return String::new() };
    let items: Vec<&str> = w.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
    if items.is_empty() {
        return String::new();
    }
    format!("; write a list: `[{}]`", super::problem::shown(&items.join(", ")))
}

/// For a date that failed to parse: the form to write instead, for the
/// everyday forms people type.
#[must_use]
pub fn date(text: &str) -> String {
    let t = text.trim();
    if t.chars().nth(super::problem::ECHO_CHARS).is_some() {
        // Too long to be a date typed by hand: no hint, and nothing long echoed.
        return String::new();
    }
    if let Some(rest) = t.strip_prefix('~') {
        return format!("; for an uncertain date write `{}` and add `approximate: true`", rest.trim());
    }
    if let Some((d, time)) = t.split_once(' ')
        && d.len() == 10
        && time.contains(':')
    {
        return format!("; put a `T` between the date and the time: `{d}T{}`", time.trim());
    }
    if let Some((head, frac)) = t.split_once('.')
        && head.contains('T')
    {
        let zone: String = frac.chars().skip_while(char::is_ascii_digit).collect();
        return format!("; seconds cannot have a fraction: `{head}{zone}`");
    }
    let parts: Vec<&str> = t.split(['/', '.']).collect();
    if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        let [a, b, y] = [parts[0], parts[1], parts[2]];
        if y.len() == 4 {
            let (na, nb) = (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0));
            // Only readings that are dates: `31/04/2021` is neither.
            let is_date = |m: u32, d: u32| real_date(y, m, Some(d));
            return match (is_date(nb, na), is_date(na, nb)) {
                (true, true) if na != nb => format!(
                    "; write the year first: `{y}-{nb:02}-{na:02}` if {a} is the day, `{y}-{na:02}-{nb:02}` if it is the month"
                ),
                (true, _) => format!("; write the year first: `{y}-{nb:02}-{na:02}`"),
                (false, true) => format!("; write the year first: `{y}-{na:02}-{nb:02}`"),
                (false, false) => String::new(),
            };
        }
    }
    let dashed: Vec<&str> = t.split('-').collect();
    if (2..=3).contains(&dashed.len())
        && dashed[0].len() == 4
        && dashed.iter().all(|p| !p.is_empty() && p.len() <= 2 || p.len() == 4)
        && dashed.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && dashed[1..].iter().any(|p| p.len() == 1)
    {
        let fixed: Vec<String> =
            std::iter::once(dashed[0].to_owned()).chain(dashed[1..].iter().map(|p| format!("{:0>2}", p))).collect();
        // Digits, checked above. Padding `2018-0` gives `2018-00`, no more a date than before.
        let number = |p: &&str| p.parse::<u32>().unwrap_or(0);
        if real_date(dashed[0], number(&dashed[1]), dashed.get(2).map(number)) {
            return format!("; write months and days with two digits: `{}`", fixed.join("-"));
        }
    }
    String::new()
}

/// Whether `year` (digits), `month` and `day` (if any) name a real day or month.
fn real_date(year: &str, month: u32, day: Option<u32>) -> bool {
    let Ok(year) = year.parse::<i32>() else { return false };
    chrono::NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1)).is_some()
}

/// For a syntax error on a line whose quoted value holds the same quote
/// inside: how to write it.
#[must_use]
pub fn nested_quotes(text: &str, line: usize) -> String {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else { return String::new() };
    let value = l.split_once(": ").map_or(l, |(_, v)| v).trim();
    if value.starts_with('"') && value.matches('"').count() > 2 {
        let inner = value.trim_matches('"');
        if inner.contains('\'') {
            // Single quotes alone would end at its first `'`.
            return format!(
                "; a value in double quotes cannot hold a bare `\"`: write `\\\"` inside, put it in single quotes with each `'` doubled ('{}'), or write it as a block scalar (`|` and the text indented on the next line)",
                shown(&inner.replace('\'', "''"))
            );
        }
        return format!(
            "; a value in double quotes cannot hold a bare `\"`: put it in single quotes ('{}') or write `\\\"` inside",
            shown(inner)
        );
    }
    if value.starts_with('\'') && value.matches('\'').count() % 2 == 1 {
        return "; inside single quotes write a `'` as `''` (or put the value in double quotes)".to_owned();
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_written_as_phrases_get_the_list_to_write() {
        assert_eq!(list(&Found::Word("a, b".into())), "; write a list: `[a, b]`");
        assert_eq!(list(&Found::Word("s1".into())), "; write a list: `[s1]`");
        assert_eq!(list(&Found::Number), "");
    }

    #[test]
    fn everyday_date_forms_get_the_form_to_write() {
        assert_eq!(date("2021-3-23"), "; write months and days with two digits: `2021-03-23`");
        assert_eq!(date("2021-03-7"), "; write months and days with two digits: `2021-03-07`");
        assert_eq!(date("27/03/2021"), "; write the year first: `2021-03-27`");
        // No hint that is not a date itself.
        for not_dates in ["2018-0", "2018-02-0", "2018-13", "2018-2-30", "0/3/2021", "31/04/2021", "13/13/2021"] {
            assert_eq!(date(not_dates), "", "{not_dates}");
        }
        assert_eq!(date("30/04/2021"), "; write the year first: `2021-04-30`");
        assert_eq!(date("2020-2-29"), "; write months and days with two digits: `2020-02-29`");
        assert_eq!(date("03/27/2021"), "; write the year first: `2021-03-27`");
        assert_eq!(
            date("04/03/2021"),
            "; write the year first: `2021-03-04` if 04 is the day, `2021-04-03` if it is the month"
        );
        assert_eq!(date("2021-03-27 07:40"), "; put a `T` between the date and the time: `2021-03-27T07:40`");
        assert_eq!(date("2021-03-27T07:40:00.000Z"), "; seconds cannot have a fraction: `2021-03-27T07:40:00Z`");
        assert_eq!(date("~2021-03-27"), "; for an uncertain date write `2021-03-27` and add `approximate: true`");
        assert_eq!(date("soon"), "");
    }

    #[test]
    fn nested_quotes_echo_at_most_sixty_characters_and_respect_apostrophes() {
        let long = format!("title: \"say \"{}\" now\"\n", "w".repeat(100_000));
        let hint = nested_quotes(&long, 1);
        assert!(hint.chars().count() < 200 && hint.contains("w…"), "{hint}");
        let hint = nested_quotes("title: \"it's \"no\" today\"\n", 1);
        assert!(hint.contains("('it''s \"no\" today')") && hint.contains("block scalar"), "{hint}");
        assert!(!hint.contains("('it's"), "{hint}");
    }

    #[test]
    fn nested_quotes_suggest_single_quotes() {
        let text = "title: \"He said \"no\" today\"\n";
        assert_eq!(
            nested_quotes(text, 1),
            "; a value in double quotes cannot hold a bare `\"`: put it in single quotes ('He said \"no\" today') or write `\\\"` inside"
        );
        assert!(nested_quotes("title: 'it's'\n", 1).contains("`''`"));
        assert_eq!(nested_quotes("title: plain\n", 1), "");
    }
}
