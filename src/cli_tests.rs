use super::*;

fn args(list: &[&str]) -> Result<Args, String> {
    parse(list.iter().map(OsString::from), None)
}

#[test]
fn no_argument_opens_the_bundled_timeline() {
    assert_eq!(args(&[]).map(|a| a.command), Ok(Command::View(None)));
    assert_eq!(args(&["f.yaml"]).map(|a| a.command), Ok(Command::View(Some("f.yaml".into()))));
}

#[test]
fn check_takes_several_files() {
    assert_eq!(args(&["--check", "a", "b"]).map(|a| a.command), Ok(Command::Check(vec!["a".into(), "b".into()])));
}

#[test]
fn usage_errors_are_reported() {
    assert!(args(&["--bogus"]).is_err());
    assert!(args(&["a", "b"]).is_err());
    assert!(args(&["--max-file-size"]).is_err());
    assert!(args(&["--max-file-size", "lots"]).is_err());
}

#[test]
fn size_limit_comes_from_flag_or_environment() {
    let from_flag = args(&["--max-file-size", "1G"]).expect("valid");
    assert_eq!(from_flag.limits.max_file_bytes, 1 << 30);
    let from_env = parse(Vec::<OsString>::new(), Some("2M".into())).expect("valid");
    assert_eq!(from_env.limits.max_file_bytes, 2 << 20);
}

#[test]
fn flag_table_has_no_duplicates_and_help_shows_every_flag() {
    let text = help();
    for (i, f) in FLAGS.iter().enumerate() {
        assert!(text.contains(&flag_label(f)), "{} missing from help", f.long);
        assert!(FLAGS[i + 1..].iter().all(|g| g.long != f.long && (f.short.is_none() || g.short != f.short)));
        assert!(!f.doc.is_empty());
    }
}

#[test]
fn check_reports_the_bundled_summary() {
    let mut out = Vec::new();
    let status = check(&[], &Limits::default(), &mut out);
    let text = String::from_utf8(out).expect("utf-8");
    assert_eq!(status, 0);
    assert!(text.starts_with("(bundled) deir-ez-zor-2018.yaml: ok: "), "{text}");
    assert!(text.contains(" events, ") && text.contains(" actors, ") && text.trim_end().ends_with(" quotes"));
}

#[test]
fn check_exit_status_is_the_worst_of_the_files() {
    let tmp = tempfile::Builder::new().prefix("tlview-cli-").tempdir().expect("temp dir");
    let dir = tmp.path();
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "title: T\nevents: 3\n").expect("write");
    let mut out = Vec::new();
    assert_eq!(check(std::slice::from_ref(&bad), &Limits::default(), &mut out), 1);
    assert!(String::from_utf8_lossy(&out).contains("bad.yaml:2:9: `events` should be a list, not a number"));
    let missing = dir.join("missing.yaml");
    assert_eq!(check(&[bad, missing], &Limits::default(), &mut Vec::new()), 2);
}

#[test]
fn a_closed_pipe_ends_check_quietly() {
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    assert_eq!(check(&[], &Limits::default(), &mut Closed), 0);
}

#[test]
fn readme_options_match_the_flag_table() {
    let readme = include_str!("../README.md");
    assert!(
        readme.contains(&markdown_options()),
        "README.md's options are out of date; paste cli::markdown_options():\n{}",
        markdown_options()
    );
}

#[test]
fn new_and_example_are_commands() {
    assert_eq!(args(&["new", "mine.yaml"]).map(|a| a.command), Ok(Command::New("mine.yaml".into())));
    assert_eq!(args(&["--example"]).map(|a| a.command), Ok(Command::Example));
    assert!(args(&["new"]).is_err(), "new needs a file name");
    assert!(args(&["new", "a", "b"]).is_err());
    assert_eq!(args(&["./new"]).map(|a| a.command), Ok(Command::View(Some("./new".into()))));
}

#[test]
fn report_takes_one_file_or_none() {
    assert_eq!(args(&["report"]).map(|a| a.command), Ok(Command::Report(None)));
    assert_eq!(args(&["report", "f.yaml"]).map(|a| a.command), Ok(Command::Report(Some("f.yaml".into()))));
    assert!(args(&["report", "a", "b"]).is_err());
    assert_eq!(args(&["f.yaml", "report"]).map(|a| a.command).ok(), None, "two files for the viewer");
}

#[test]
fn every_flag_in_the_table_parses() {
    for f in FLAGS {
        let mut list = vec![format!("--{}", f.long)];
        list.extend(f.value.map(|_| "1M".to_owned()));
        assert!(parse(list.iter().map(OsString::from), None).is_ok(), "--{} does not parse", f.long);
        if let Some(c) = f.short {
            assert!(parse([OsString::from(format!("-{c}"))], None).is_ok(), "-{c} does not parse");
        }
    }
}

#[test]
fn a_bad_environment_size_matters_only_when_it_is_used() {
    let bad = || Some(OsString::from("lots"));
    let with = |list: &[&str]| parse(list.iter().map(OsString::from), bad());
    assert_eq!(with(&["--help"]).map(|a| a.command), Ok(Command::Help));
    assert_eq!(with(&["--version"]).map(|a| a.command), Ok(Command::Version));
    let flag_wins = with(&["--max-file-size", "1K", "--check", "f"]).expect("the flag wins");
    assert_eq!(flag_wins.limits.max_file_bytes, 1024);
    let err = with(&["--check", "f"]).expect_err("the environment is used, and bad");
    assert!(err.starts_with("TLVIEW_MAX_FILE_SIZE: `lots` is not a size"), "{err}");
    assert!(with(&["f"]).is_err());
}

#[test]
fn a_full_output_is_an_error_said_on_stderr() {
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from_raw_os_error(28))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut err = Vec::new();
    assert_eq!(check_to(&[], &Limits::default(), false, &mut Full, &mut err), 2);
    let said = String::from_utf8_lossy(&err);
    assert!(said.contains("cannot write the report to standard output: No space left on device"), "{said}");
}

#[test]
fn the_largest_size_does_not_empty_a_file() {
    let tmp = tempfile::Builder::new().prefix("tlview-cli-max-").tempdir().expect("temp dir");
    let dir = tmp.path();
    let ok = dir.join("ok.yaml");
    std::fs::write(&ok, "title: T\nevents: [{id: a, date: 2018, title: A}]\n").expect("write");
    let args = args(&["--max-file-size", "18446744073709551615", "--check"]).expect("valid");
    assert_eq!(args.limits.max_file_bytes, u64::MAX);
    let mut out = Vec::new();
    assert_eq!(check(std::slice::from_ref(&ok), &args.limits, &mut out), 0, "{}", String::from_utf8_lossy(&out));
}

#[test]
fn what_is_not_a_regular_file_is_refused_without_blocking() {
    let tmp = tempfile::Builder::new().prefix("tlview-cli-fifo-").tempdir().expect("temp dir");
    let dir = tmp.path();
    let fifo = dir.join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let mut cases = vec![(PathBuf::from("/dev/zero"), "it is a device, not a regular file")];
    cases.push((dir.to_path_buf(), "it is a directory, not a regular file"));
    if made {
        cases.push((fifo, "it is a named pipe, not a regular file"));
    }
    for (path, want) in cases {
        let mut out = Vec::new();
        assert_eq!(check(std::slice::from_ref(&path), &Limits::default(), &mut out), 2);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains(want), "{}: {text}", path.display());
    }
}

#[test]
fn every_warning_is_counted_and_strict_names_them_all() {
    let tmp = tempfile::Builder::new().prefix("tlview-cli-warn-").tempdir().expect("temp dir");
    let dir = tmp.path();
    let path = dir.join("unsourced.yaml");
    let mut text = String::from("title: T\nevents:\n");
    for i in 0..1_500 {
        text.push_str(&format!("  - {{id: e{i}, date: 2018, title: E}}\n"));
    }
    std::fs::write(&path, text).expect("write");
    let run = |strict| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = check_to(std::slice::from_ref(&path), &Limits::default(), strict, &mut out, &mut err);
        (status, String::from_utf8_lossy(&out).into_owned())
    };
    let (status, out) = run(false);
    assert_eq!(status, 0);
    assert!(out.contains("unsourced.yaml: … and 1400 more warnings\n"), "{out}");
    let (status, out) = run(true);
    assert_eq!(status, 1);
    assert!(out.ends_with("unsourced.yaml: 1500 warnings (--strict)\n"), "{out}");
}
