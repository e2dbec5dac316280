//! TimelineJS's sheet (CSV) into slides: the template's columns by header
//! name (in any order), `title` and `era` rows by the `Type` column.

use super::{Doc, Media, Parts, Slide};

/// Parses a TimelineJS sheet exported as CSV.
pub(super) fn read(bytes: &[u8]) -> Result<Doc, String> {
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers: Vec<String> =
        r.headers().map_err(|e| format!("not a TimelineJS sheet: {e}"))?.iter().map(|h| h.trim().to_owned()).collect();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    if col("Year").is_none() || col("Headline").is_none() {
        return Err(
            "not a TimelineJS sheet: the first row must name the template's columns (Year, …, Headline, Text, …)"
                .into(),
        );
    }
    let mut doc = Doc::default();
    for (n, row) in r.records().enumerate() {
        let row = row.map_err(|e| format!("not a TimelineJS sheet: {e}"))?;
        let cell = |name: &str| col(name).and_then(|i| row.get(i)).unwrap_or_default().trim().to_owned();
        let date = |prefix: &str| -> Option<Parts> {
            let y = cell(&format!("{prefix}Year"));
            if y.is_empty() {
                return None;
            }
            let mut p = Parts {
                fields: [
                    y,
                    cell(&format!("{prefix}Month")),
                    cell(&format!("{prefix}Day")),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
                display: String::new(),
            };
            let [h, m, s] = clock(&cell(&format!("{prefix}Time")));
            p.fields[3] = h;
            p.fields[4] = m;
            p.fields[5] = s;
            Some(p)
        };
        let slide = Slide {
            start: date(""),
            end: date("End "),
            display_date: cell("Display Date"),
            headline: cell("Headline"),
            text: cell("Text"),
            media: Media {
                url: cell("Media"),
                caption: cell("Media Caption"),
                credit: cell("Media Credit"),
                thumbnail: cell("Media Thumbnail"),
            },
            group: {
                let g = cell("Group");
                if g.is_empty() { cell("Tag") } else { g }
            },
            id: String::new(),
            background: cell("Background"),
            at: format!("row {}", n + 2),
        };
        match cell("Type").to_ascii_lowercase().as_str() {
            "title" => doc.title = Some(slide),
            "era" => doc.eras.push(slide),
            _ if slide.start.is_none() && slide.headline.is_empty() && slide.text.is_empty() => {}
            _ => doc.events.push(slide),
        }
    }
    Ok(doc)
}

/// The hour, minute and second of a sheet's Time cell: `h:mm`, `h:mm:ss`,
/// either with `AM`/`PM` (as Google Sheets writes times) made 24-hour.
fn clock(time: &str) -> [String; 3] {
    let t = time.trim();
    let lower = t.to_ascii_lowercase().replace('.', "");
    let (t, half) = match lower.strip_suffix("am").or_else(|| lower.strip_suffix("pm")) {
        Some(rest) => (rest.trim().to_owned(), Some(lower.ends_with("pm"))),
        None => (t.to_owned(), None),
    };
    let mut parts = t.split(':').map(|s| s.trim().to_owned());
    let mut out = [(); 3].map(|()| parts.next().unwrap_or_default());
    if let (Some(pm), Ok(h)) = (half, out[0].parse::<u32>())
        && (1..=12).contains(&h)
    {
        out[0] = ((h % 12) + if pm { 12 } else { 0 }).to_string();
    }
    out
}
