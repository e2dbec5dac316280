//! TimelineJS's Google Sheet template as CSV, so an export pastes into the
//! template (and `tlview FILE.csv` reads it back). The first row after the
//! header is the `title` row; each event is one row with its date split
//! into the sheet's columns at the precision written; named periods are
//! `era` rows, and an event's first media item fills the media columns.

use super::{Options, html_escape, line, timelinejs};
use crate::timeline::Timeline;
use crate::timeline::date::{Precision, When};
use chrono::{Datelike, Timelike};

/// The sheet's columns, in the template's order.
pub const COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// The whole timeline as sheet rows.
pub(super) fn write(t: &Timeline, options: Options) -> Result<String, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = |e: csv::Error| e.to_string();
    w.write_record(COLUMNS).map_err(err)?;
    let mut row = vec![String::new(); COLUMNS.len()];
    row[9] = html_escape(&line(&t.title));
    row[10] = t.description.as_deref().map(timelinejs::paragraphs).unwrap_or_default();
    row[15] = "title".into();
    w.write_record(&row).map_err(err)?;
    for p in &t.periods {
        let mut row = vec![String::new(); COLUMNS.len()];
        date_cells(&p.date, &mut row[0..4]);
        date_cells(p.end.as_ref().unwrap_or(&p.date), &mut row[4..8]);
        row[9] = html_escape(&line(&p.title));
        row[15] = "era".into();
        w.write_record(&row).map_err(err)?;
    }
    for (i, e) in t.events.iter().enumerate() {
        let mut row = vec![String::new(); COLUMNS.len()];
        date_cells(&e.date, &mut row[0..4]);
        if let Some(end) = &e.end {
            date_cells(end, &mut row[4..8]);
        }
        row[8] = html_escape(&timelinejs::display_date(e));
        row[9] = html_escape(&line(&e.title));
        row[10] = timelinejs::body(t, e, options);
        if let Some(m) = e.media.first() {
            row[11] = line(&m.url).into_owned();
            row[12] = m.credit.as_deref().map(|c| html_escape(&line(c))).unwrap_or_default();
            row[13] = m.caption.as_deref().map(|c| html_escape(&line(c))).unwrap_or_default();
        }
        row[16] = html_escape(&options.group_by.of(t, i));
        w.write_record(&row).map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Year, month, day and time cells, filled to the precision written.
fn date_cells(w: &When, cells: &mut [String]) {
    let d = w.local;
    cells[0] = d.year().to_string();
    if w.precision >= Precision::Month {
        cells[1] = d.month().to_string();
    }
    if w.precision >= Precision::Day {
        cells[2] = d.day().to_string();
    }
    cells[3] = match w.precision {
        Precision::Minute => format!("{:02}:{:02}", d.hour(), d.minute()),
        Precision::Second => format!("{:02}:{:02}:{:02}", d.hour(), d.minute(), d.second()),
        _ => String::new(),
    };
}
