use super::*;

fn sub(list: &[&str]) -> Result<Sub, String> {
    parse(list.iter().map(OsString::from).collect(), None).map(|(sub, _)| sub)
}

/// A fresh directory under the system's temp dir, removed when the guard drops
/// (even when the test fails).
fn scratch() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("tlview-export-").tempdir().expect("temp dir")
}

#[test]
fn export_arguments_are_parsed() {
    let args =
        ["export", "--to", "csv", "f.yaml", "-o", "out.csv", "--group-by", "tag", "--actor", "a", "--actor", "b"];
    let Ok(Sub::Export(e)) = sub(&[&args[..], &["--tag", "t", "--search", "x y"]].concat()) else { panic!("parses") };
    assert_eq!(e.format, Some(Format::Csv));
    assert_eq!((e.file, e.output), (Some("f.yaml".into()), Some("out.csv".into())));
    assert_eq!(
        (e.group_by, e.actors, e.tags, e.search),
        (GroupBy::Tag, vec!["a".into(), "b".into()], vec!["t".into()], Some("x y".into()))
    );
    assert_eq!(sub(&["convert", "in.json"]), Ok(Sub::Convert(ConvertArgs { input: "in.json".into(), output: None })));
}

#[test]
fn export_usage_errors_say_what_to_write() {
    assert!(sub(&["export"]).expect_err("no format").contains("--to timelinejs, markdown or csv"));
    assert!(sub(&["export", "--to", "pdf"]).expect_err("bad format").contains("unknown format `pdf`"));
    assert!(sub(&["export", "--to", "csv", "--group-by", "colour"]).is_err());
    assert!(sub(&["convert"]).is_err());
    assert!(sub(&["convert", "a.json", "--to", "csv"]).is_err());
    assert!(crate::cli::parse(["export", "--to", "markdown"].map(OsString::from), None).is_ok());
}

#[test]
fn filters_select_what_the_viewer_would_show() {
    let bundled = || crate::cli::load(None, &Limits::default()).expect("bundled loads");
    let all = bundled().events.len();
    let by =
        |e: ExportArgs| filtered(bundled(), &e).map(|t| t.events.iter().map(|e| e.id.to_string()).collect::<Vec<_>>());
    let peskov = by(ExportArgs { actors: vec!["Peskov".into()], ..ExportArgs::default() }).expect("known actor");
    assert!(!peskov.is_empty() && peskov.len() < all);
    assert!(peskov.contains(&"peskov-no-comment".to_owned()));
    let attack = by(ExportArgs { tags: vec!["attack".into()], ..ExportArgs::default() }).expect("known tag");
    assert!(attack.contains(&"attack".to_owned()) && attack.len() < all);
    let searched = by(ExportArgs { search: Some("BATTALION".into()), ..ExportArgs::default() }).expect("search");
    assert_eq!(searched, ["veale-statement"]);
    let none = by(ExportArgs { sources: vec!["seed".into()], ..ExportArgs::default() }).expect("known source");
    assert_eq!(none.len(), all, "every bundled event cites the article");
    assert!(by(ExportArgs { sources: vec!["elsewhere".into()], ..ExportArgs::default() }).is_err());
    assert!(by(ExportArgs { actors: vec!["nobody".into()], ..ExportArgs::default() }).is_err());
    assert!(by(ExportArgs { tags: vec!["nothing".into()], ..ExportArgs::default() }).is_err());
}

#[test]
fn export_convert_and_open_a_timelinejs_file() {
    let dir = scratch();
    let json = dir.path().join("t.json");
    let e = ExportArgs { format: Some(Format::TimelineJs), output: Some(json.clone()), ..ExportArgs::default() };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&Sub::Export(e), &Limits::default(), &mut out, &mut err), 0, "{}", String::from_utf8_lossy(&err));
    assert!(out.is_empty());
    let opened = crate::open::load_path(&json, &Limits::default(), &mut |_| true).expect("opens");
    assert_eq!(opened.events.len(), crate::cli::load(None, &Limits::default()).expect("bundled").events.len());
    let c = ConvertArgs { input: json, output: None };
    assert_eq!(run(&Sub::Convert(c), &Limits::default(), &mut out, &mut err), 0);
    let yaml = String::from_utf8(out).expect("utf-8");
    assert!(yaml.starts_with("# Converted by tlview from ") && yaml.contains("\nevents:\n"), "{yaml}");
    let mut check = Vec::new();
    let sheet = dir.path().join("t.csv");
    let e = ExportArgs { format: Some(Format::Csv), output: Some(sheet.clone()), ..ExportArgs::default() };
    assert_eq!(run(&Sub::Export(e), &Limits::default(), &mut Vec::new(), &mut err), 0);
    assert_eq!(crate::cli::check(&[sheet], &Limits::default(), &mut check), 0);
    assert!(String::from_utf8_lossy(&check).contains("t.csv: ok: 15 events"), "{}", String::from_utf8_lossy(&check));
}

#[test]
fn a_file_that_is_not_timelinejs_is_refused_plainly() {
    let dir = scratch();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "[1, 2]").expect("write");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&Sub::Convert(ConvertArgs { input: bad, output: None }), &Limits::default(), &mut out, &mut err), 1);
    assert!(
        String::from_utf8_lossy(&err).contains("bad.json:1:1: not TimelineJS JSON"),
        "{}",
        String::from_utf8_lossy(&err)
    );
}

#[test]
fn a_conversion_the_loader_refuses_is_still_written_with_its_problems() {
    // A headline longer than the loader's limit for one value: the converter writes it, the loader refuses it.
    let dir = scratch();
    let input = dir.path().join("long.json");
    let long = "x".repeat(300);
    let json = format!(r#"{{"events": [{{"start_date": {{"year": 2000}}, "text": {{"headline": "{long}"}}}}]}}"#);
    std::fs::write(&input, json).expect("write");
    let limits = Limits { max_scalar_bytes: 200, ..Limits::default() };
    let output = dir.path().join("long.yaml");
    let c = ConvertArgs { input: input.clone(), output: Some(output.clone()) };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(run(&Sub::Convert(c), &limits, &mut out, &mut err), 1);
    let yaml = std::fs::read_to_string(&output).expect("written");
    assert!(yaml.contains(&long), "{yaml}");
    let err = String::from_utf8_lossy(&err);
    assert!(err.contains("long.yaml:"), "{err}");
    let opened = crate::open::load_path(&input, &limits, &mut |_| true).expect_err("refused").to_string();
    assert!(opened.contains("long.json (converted):") && opened.contains("`tlview convert "), "{opened}");
}

#[test]
fn help_and_readme_show_every_export_flag() {
    let text = crate::cli::help();
    for f in EXPORT_FLAGS {
        assert!(text.contains(&flag_label(f)), "{} missing from help", f.long);
    }
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&markdown_table()),
        "README.md's import and export options are out of date; paste cli_export::markdown_table():\n{}",
        markdown_table()
    );
}

#[test]
fn unsourced_and_status_filters_export_what_u_and_bang_show() {
    let eg = || {
        let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ever-given.yaml"));
        crate::timeline::load_path(&path, &Limits::default(), &mut |_| true).expect("fixture loads")
    };
    let ids = |e: ExportArgs| filtered(eg(), &e).map(|t| t.events.iter().map(|e| e.id.to_string()).collect::<Vec<_>>());
    let unsourced = ids(ExportArgs { unsourced: true, ..ExportArgs::default() }).expect("filters");
    let want: Vec<String> = eg().events.iter().filter(|e| e.sources.is_empty()).map(|e| e.id.to_string()).collect();
    assert_eq!((unsourced.len(), &unsourced), (7, &want), "the fixture's seven unsourced events");
    let confirmed = Some(Some(crate::timeline::Status::Confirmed));
    let done = ids(ExportArgs { status: confirmed, ..ExportArgs::default() }).expect("filters");
    let want: Vec<String> = eg()
        .events
        .iter()
        .filter(|e| e.status == Some(crate::timeline::Status::Confirmed))
        .map(|e| e.id.to_string())
        .collect();
    assert!(!done.is_empty());
    assert_eq!(done, want);
    let parsed = sub(&["export", "--to", "csv", "--unsourced", "--status", "none"]).expect("parses");
    let Sub::Export(e) = parsed else { panic!("an export") };
    assert_eq!((e.unsourced, e.status), (true, Some(None)));
    assert!(sub(&["export", "--to", "csv", "--status", "maybe"]).is_err_and(|m| m.contains("unknown status `maybe`")));
}
