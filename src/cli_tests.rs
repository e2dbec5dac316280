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
    let dir = std::env::temp_dir().join(format!("tlview-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
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
