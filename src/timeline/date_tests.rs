use super::*;

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).expect("zero offset")
}

fn plus(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).expect("offset")
}

fn parse(text: &str) -> When {
    When::parse(text, plus(2)).expect(text)
}

fn error(text: &str) -> String {
    When::parse(text, utc()).expect_err(text).0
}

#[test]
fn each_form_keeps_its_precision() {
    assert_eq!(parse("2018").precision, Precision::Year);
    assert_eq!(parse("2018-02").precision, Precision::Month);
    assert_eq!(parse("2018-02-07").precision, Precision::Day);
    assert_eq!(parse("2018-02-07T22:00").precision, Precision::Minute);
    assert_eq!(parse("2018-02-07T22:00:05").precision, Precision::Second);
    assert_eq!(parse("2018-02-07T22:00Z").precision, Precision::Minute);
    assert_eq!(parse("2018-02-07T22:00:05+03:00").precision, Precision::Second);
}

#[test]
fn times_without_offset_use_the_timeline_zone() {
    let w = parse("2018-02-07T22:00");
    assert_eq!(w.offset, plus(2));
    assert!(!w.offset_written);
    let z = parse("2018-02-07T22:00Z");
    assert_eq!(z.offset, utc());
    assert!(z.offset_written);
    assert_eq!(w.instant() + 2 * 3600, z.instant());
}

#[test]
fn offsets_are_honoured_in_instants() {
    let a = parse("2018-02-07T22:00+03:00");
    let b = parse("2018-02-07T19:00Z");
    assert_eq!(a.instant(), b.instant());
    assert_eq!(parse("2018-02-07T22:00-05:30").offset, FixedOffset::west_opt(5 * 3600 + 1800).expect("o"));
}

#[test]
fn coarser_dates_sort_at_the_start_of_their_period() {
    let year = parse("2018");
    let month = parse("2018-02");
    let day = parse("2018-02-01");
    let time = parse("2018-02-01T00:00");
    assert_eq!(year.instant(), parse("2018-01-01").instant());
    assert_eq!(month.instant(), day.instant());
    assert_eq!(day.instant(), time.instant());
    assert!(year.instant() < parse("2018-01-01T00:01").instant());
}

#[test]
fn ordering_across_offsets_follows_the_instant() {
    let tokyo = parse("2018-02-08T06:00+09:00"); // 21:00 UTC on the 7th
    let london = parse("2018-02-07T22:00Z");
    assert!(tokyo.instant() < london.instant());
}

#[test]
fn periods_end_where_the_next_begins() {
    let d = parse("2018-02-28");
    assert_eq!(d.period_end(), parse("2018-03-01").instant());
    assert_eq!(parse("2018-12").period_end(), parse("2019-01-01").instant());
    assert_eq!(parse("2018").period_end(), parse("2019").instant());
    assert_eq!(parse("2018-02-07T22:00").period_end() - 60, parse("2018-02-07T22:00").instant());
}

#[test]
fn impossible_dates_are_explained() {
    assert_eq!(error("2018-02-30"), "`2018-02-30` is not a date: February 2018 has 28 days");
    assert_eq!(error("2016-02-30"), "`2016-02-30` is not a date: February 2016 has 29 days");
    assert_eq!(error("2018-13-01"), "`2018-13-01` is not a date: month 13 is not 01 to 12");
    assert_eq!(
        error("2018-02-07T25:61"),
        "`2018-02-07T25:61`: 25:61 is not a time of day: hours run 00-23, minutes and seconds 00-59"
    );
}

#[test]
fn offsets_out_of_range_are_explained() {
    assert_eq!(
        error("2018-02-07T10:00+15:00"),
        "`2018-02-07T10:00+15:00`: offset +15:00 is out of range: offsets run from -12:00 to +14:00"
    );
    assert!(parse_offset("+14:00").is_ok());
    assert!(parse_offset("-12:00").is_ok());
    assert!(parse_offset("-12:30").is_err());
    assert!(parse_offset("+03:60").is_err());
    assert!(parse_offset("03:00").is_err());
}

#[test]
fn unknown_forms_list_the_accepted_ones() {
    for bad in [
        "2018-02-07T22:00:5",
        "2018-02-07T22:00:",
        "2018-02-07T2:00",
        "2018-02-07T22:00:00:00",
        "",
        "7 Feb 2018",
        "2018-2-7",
        "2018-02-07 22:00",
        "18-02-07",
        "2018-02-07T22",
        "2018-02T10:00",
    ] {
        let msg = error(bad);
        assert!(msg.contains("is not a date: write 2018, 2018-02"), "{bad}: {msg}");
    }
}

#[test]
fn long_form_shows_what_was_written() {
    assert_eq!(parse("2018").long(), "2018");
    assert_eq!(parse("2018-02").long(), "February 2018");
    assert_eq!(parse("2018-02-12").long(), "Monday 12 February 2018");
    assert_eq!(parse("2018-02-07T22:00+03:00").long(), "Wednesday 7 February 2018, 22:00 +03:00");
    assert_eq!(parse("2018-02-07T22:00:05Z").long(), "Wednesday 7 February 2018, 22:00:05 UTC");
}

#[test]
fn days_are_seen_in_the_timeline_zone() {
    let late = parse("2018-02-07T23:30Z");
    assert_eq!(late.day_in(plus(2)), NaiveDate::from_ymd_opt(2018, 2, 8).expect("d"));
    assert_eq!(late.in_zone(plus(2)).format("%H:%M").to_string(), "01:30");
    assert_eq!(parse("2018-02-07").day_in(plus(-10)), NaiveDate::from_ymd_opt(2018, 2, 7).expect("d"));
}
