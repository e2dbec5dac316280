//! The axis never claims more precision than the file gives: over generated
//! timelines of every precision, ranges and approximate dates, at every zoom
//! and width, an event is counted as a point only in a tick that holds its
//! whole period or range, and points plus spanning counts equal the filtered
//! events starting in the ticks shown (all of them when the span fits).

use proptest::prelude::*;
use tlview::app::axis::{self, Unit};
use tlview::app::{App, Msg, update};
use tlview::timeline::limits::Limits;
use tlview::timeline::load_bytes;

/// One generated event: day offset, precision (0 year … 3 minute), hour, an
/// optional end a number of days later, approximate, and a title letter.
type Ev = (u32, u8, u32, Option<u32>, bool, char);

fn date(day: u32, precision: u8, hour: u32) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2019, 11, 20).expect("date") + chrono::Days::new(u64::from(day));
    match precision {
        0 => d.format("%Y").to_string(),
        1 => d.format("%Y-%m").to_string(),
        2 => d.format("%Y-%m-%d").to_string(),
        _ => format!("'{}T{hour:02}:15'", d.format("%Y-%m-%d")),
    }
}

fn yaml(events: &[Ev]) -> String {
    yaml_ordered(events, &[])
}

/// Like [`yaml`], with `before` constraints: `(a, b)` puts event `a` before `b`.
fn yaml_ordered(events: &[Ev], before: &[(usize, usize)]) -> String {
    let mut out = String::from("title: T\ntimezone: '+05:30'\nevents:\n");
    for (i, &(day, p, hour, end, approx, letter)) in events.iter().enumerate() {
        out.push_str(&format!("  - {{id: e{i}, title: '{letter}', date: {}", date(day, p, hour)));
        if let Some(len) = end {
            out.push_str(&format!(", end: {}", date(day + len, p.max(2), 23)));
        }
        let ids: Vec<String> = before.iter().filter(|&&(a, _)| a == i).map(|&(_, b)| format!("e{b}")).collect();
        if !ids.is_empty() {
            out.push_str(&format!(", before: [{}]", ids.join(", ")));
        }
        out.push_str(&format!(", approximate: {approx}}}\n"));
    }
    out
}

fn event() -> impl Strategy<Value = Ev> {
    (0u32..500, 0u8..4, 0u32..24, proptest::option::weighted(0.3, 1u32..40), any::<bool>(), prop::char::range('a', 'c'))
}

/// [`check`] at every zoom, coarsest first, then every unit down to hours.
fn check_every_zoom(app: &mut App, width: u16) -> Result<(), TestCaseError> {
    for _ in 0..5 {
        update(app, Msg::Zoom(-1));
    }
    for _ in 0..5 {
        check(app, width)?;
        update(app, Msg::Zoom(1));
    }
    check(app, width)
}

/// Checks every tick of `app`'s axis at `width` columns.
fn check(app: &App, width: u16) -> Result<(), TestCaseError> {
    let ticks = axis::ticks(app, width);
    let counts = axis::certainty(app, &ticks);
    let b = &ticks.bounds;
    let (first, end) = (b[0], b[b.len() - 1]);
    let mut in_window = 0;
    let mut points = vec![0; ticks.len()];
    for &i in app.shown.events() {
        let e = &app.timeline.events[i as usize];
        if e.start() < first || e.start() >= end {
            continue;
        }
        in_window += 1;
        if let Some(t) = (0..ticks.len()).find(|&t| b[t] <= e.start() && e.finish() <= b[t + 1]) {
            points[t] += 1;
        }
    }
    let shown: Vec<usize> = counts.iter().map(|c| c.points).collect();
    prop_assert_eq!(&shown, &points, "points only where the whole period lies, unit {:?}", ticks.unit);
    // The spanning counts and shades, walked event by event: an event that is
    // no point in its own tick counts where it starts and shades every tick
    // it overlaps (one that started before the window shades from the first).
    let n = ticks.len();
    let (mut spanning, mut across) = (vec![0; n], vec![false; n]);
    for &i in app.shown.events() {
        let e = &app.timeline.events[i as usize];
        if e.finish() <= first || e.start() >= end {
            continue;
        }
        let own = (0..n).find(|&t| b[t] <= e.start() && e.start() < b[t + 1]);
        if own.is_some_and(|t| e.finish() <= b[t + 1]) {
            continue;
        }
        if let Some(t) = own {
            spanning[t] += 1;
        }
        (0..n).filter(|&t| b[t] < e.finish() && e.start() < b[t + 1]).for_each(|t| across[t] = true);
    }
    let got: Vec<usize> = counts.iter().map(|c| c.spanning).collect();
    prop_assert_eq!(&got, &spanning, "spanning counted where they start, unit {:?}", ticks.unit);
    let got: Vec<bool> = counts.iter().map(|c| c.across).collect();
    prop_assert_eq!(&got, &across, "shaded wherever a spanning event runs, unit {:?}", ticks.unit);
    let total: usize = counts.iter().map(|c| c.points + c.spanning).sum();
    prop_assert_eq!(total, in_window, "points + spanning = the events starting on screen");
    if b[0] <= app.span.0 && end >= app.span.1 {
        prop_assert_eq!(total, app.shown.events().len(), "the whole span shown: counts add up to the filtered total");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn points_lie_wholly_inside_their_tick(events in prop::collection::vec(event(), 1..40), width in 20u16..240, filter in any::<bool>()) {
        let t = load_bytes("g.yaml", yaml(&events).as_bytes(), &Limits::default()).expect("generated timeline loads");
        let mut app = App::new(t, (width + 2, 40));
        if filter {
            update(&mut app, Msg::StartSearch);
            update(&mut app, Msg::Input('a'));
        }
        check_every_zoom(&mut app, width)?;
    }

    /// `before` moves events out of date order in the list: the counts still
    /// follow the dates, not the list order.
    #[test]
    fn counts_hold_when_the_list_is_out_of_date_order(
        events in prop::collection::vec(event(), 2..30),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 1..4),
        width in 20u16..240,
    ) {
        let plain = load_bytes("g.yaml", yaml(&events).as_bytes(), &Limits::default()).expect("generated timeline loads");
        let by_id = |k: usize| plain.events.iter().find(|e| *e.id == *format!("e{k}")).expect("event");
        // `a before b` where `a` starts later but before `b` ends: allowed, and it reorders.
        let before: Vec<(usize, usize)> = picks
            .iter()
            .map(|(a, b)| (a.index(events.len()), b.index(events.len())))
            .filter(|&(a, b)| by_id(a).start() > by_id(b).start() && by_id(a).start() < by_id(b).finish())
            .collect();
        prop_assume!(!before.is_empty());
        let loaded = load_bytes("o.yaml", yaml_ordered(&events, &before).as_bytes(), &Limits::default());
        prop_assume!(loaded.is_ok());
        let t = loaded.expect("checked");
        let starts: Vec<i64> = t.events.iter().map(tlview::timeline::Event::start).collect();
        prop_assume!(!starts.is_sorted());
        let mut app = App::new(t, (width + 2, 40));
        check_every_zoom(&mut app, width)?;
    }
}

#[test]
fn at_hour_zoom_a_day_is_never_a_single_hour_point() {
    let events: Vec<Ev> = (0..30).map(|i| (i / 3, 2, 0, None, false, 'a')).collect();
    let t = load_bytes("d.yaml", yaml(&events).as_bytes(), &Limits::default()).expect("loads");
    let mut app = App::new(t, (120, 40));
    for _ in 0..5 {
        update(&mut app, Msg::Zoom(1));
    }
    let ticks = axis::ticks(&app, 118);
    assert_eq!(ticks.unit, Unit::Hour);
    let counts = axis::certainty(&app, &ticks);
    assert!(counts.iter().all(|c| c.points == 0), "a day-precision event is no point in an hour: {counts:?}");
    assert!(counts.iter().all(|c| c.across), "each day covers all its 24 hour ticks");
    assert!(counts.iter().any(|c| c.spanning > 0));
}
