use super::*;

/// `t.yaml` holding `text` in a fresh directory, which is removed (even when
/// the test fails) when the returned guard drops.
fn temp_file(tag: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new().prefix(&format!("tlview-effects-{tag}-")).tempdir().expect("temp dir");
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, text).expect("write");
    (dir, file)
}

const GOOD: &str =
    "title: T\nevents:\n  - id: a\n    date: 2020-01-01\n    title: A\n  - id: b\n    date: 2020-01-02\n    title: B\n";

#[test]
fn reload_reports_the_new_version_or_every_problem() {
    let (_dir, file) = temp_file("reload", GOOD);
    assert!(matches!(reload(&file, &Limits::default()), Msg::Reloaded(_)));
    std::fs::write(&file, GOOD.replace("2020-01-02", "2020-13-02")).expect("write");
    let Msg::ReloadFailed(problems) = reload(&file, &Limits::default()) else { panic!("should fail") };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 7);
    std::fs::remove_file(&file).expect("remove");
    let Msg::ReloadFailed(problems) = reload(&file, &Limits::default()) else { panic!("should fail") };
    assert!(problems[0].message.starts_with("cannot read"));
}

#[test]
fn editing_an_event_opens_the_editor_at_its_line() {
    let (_dir, file) = temp_file("edit", GOOD);
    let argv =
        edit_argv(&Effect::EditEvent("b".into()), &file, &Limits::default(), None, Some("nano".into())).expect("argv");
    assert_eq!(argv[1], "+6,5");
    let argv = edit_argv(&Effect::Edit { line: 7, column: 11 }, &file, &Limits::default(), Some("vim".into()), None)
        .expect("argv");
    assert_eq!(argv[..2], [OsString::from("vim"), OsString::from("+call cursor(7,11)")]);
    let argv = edit_argv(&Effect::EditEvent("gone".into()), &file, &Limits::default(), None, None).expect("argv");
    assert_eq!(argv, [OsString::from("vi"), "+1".into(), file.clone().into_os_string()]);
}

#[cfg(unix)]
#[test]
fn the_opener_gets_the_url_as_one_argument_and_never_a_bad_scheme() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, file) = temp_file("opener", "");
    let record = file.with_file_name("args");
    let script = record.with_file_name("fake-opener");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$#\" \"$1\" > '{}.tmp'\nmv '{0}.tmp' '{0}'\n", record.display()),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let url = "https://example.org/a b?x=1;$(id)";
    assert_eq!(open_url(url, Some(script.clone().into())), format!("opened {url}"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !record.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(std::fs::read_to_string(&record).expect("opener ran"), "1\nhttps://example.org/a%20b?x=1;$(id)\n");
    for bad in ["javascript:alert(1)", "file:///etc/passwd"] {
        assert!(open_url(bad, Some(script.clone().into())).starts_with("not opened"));
    }
}

#[test]
fn copy_writes_one_osc52_sequence() {
    let mut out = Vec::new();
    copy(&mut out, "“x” — Y").expect("write");
    let out = String::from_utf8(out).expect("ascii");
    assert_eq!(out, crate::cite::osc52("“x” — Y"));
    assert_eq!(out.matches("\x1b]52;").count(), 1);
}

#[cfg(unix)]
#[test]
fn e_runs_the_editor_at_the_event_then_reloads_what_it_wrote() {
    use crate::app::{App, Msg};
    use std::os::unix::fs::PermissionsExt;
    let (_dir, file) = temp_file("perform", GOOD);
    let record = file.with_file_name("editor-args");
    let script = file.with_file_name("fake-editor");
    // Records its arguments, then adds an event to the file it was given (the last argument).
    let body = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nfor f; do :; done\nprintf '  - id: c\\n    date: 2020-01-03\\n    title: C\\n' >> \"$f\"\n",
        record.display()
    );
    std::fs::write(&script, body).expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut app = App::new(crate::cli::load(Some(&file), &Limits::default()).expect("loads"), (120, 40));
    app.writing.file = Some(file.clone());
    crate::app::nav::select(&mut app, 1); // b
    crate::app::update(&mut app, Msg::Edit);
    let ctx = Context { editor: Some(script.into_os_string()), ..Context::default() };
    let mut out = Vec::new();
    let mut ran = 0;
    perform(
        &mut app,
        &ctx,
        &mut out,
        &mut |argv| {
            ran += 1;
            crate::editor::run(argv)
        },
        &mut now,
    );
    assert_eq!(ran, 1);
    assert_eq!(std::fs::read_to_string(&record).expect("ran"), format!("+6\n{}\n", file.display()));
    assert_eq!(app.timeline.events.len(), 3);
    assert_eq!(app.selected_event().map(|e| &*e.id), Some("b"));
    assert_eq!(app.writing.status.as_deref(), Some("reloaded: 1 event added"));
    crate::app::update(&mut app, Msg::Copy);
    perform(&mut app, &ctx, &mut out, &mut |_| unreachable!("no edit asked"), &mut now);
    assert_eq!(String::from_utf8(out).expect("ascii"), crate::cite::osc52("2020-01-02 — B"));
}

#[test]
fn x_exports_the_events_shown_beside_the_file_never_overwriting() {
    use crate::app::{App, Msg};
    let (tmp, file) = temp_file("export", GOOD);
    let dir = tmp.path();
    let mut app = App::new(crate::cli::load(Some(&file), &Limits::default()).expect("loads"), (120, 40));
    app.writing.file = Some(file.clone());
    app.filters.set_query("B".into());
    crate::app::nav::refilter(&mut app);
    crate::app::update(&mut app, Msg::Export);
    assert_eq!(app.writing.effect, Some(Effect::Export));
    let mut out = Vec::new();
    perform(&mut app, &Context::default(), &mut out, &mut |_| unreachable!("no edit asked"), &mut now);
    let first = dir.join("t-export.md");
    let status = app.writing.status.clone().unwrap_or_default();
    assert_eq!(status, format!("exported 1 event (as shown) to {}", first.display()));
    let md = std::fs::read_to_string(&first).expect("written");
    assert!(md.contains("### B") && !md.contains("### A"), "only the events shown:\n{md}");
    // Again: a new file, the first one kept as it was.
    std::fs::write(&first, "mine").expect("write");
    crate::app::update(&mut app, Msg::Export);
    perform(&mut app, &Context::default(), &mut out, &mut |_| unreachable!("no edit asked"), &mut now);
    assert_eq!(std::fs::read_to_string(&first).expect("kept"), "mine");
    assert!(app.writing.status.as_deref().is_some_and(|s| s.ends_with("t-export-2.md")), "{:?}", app.writing.status);
    assert!(std::fs::read_to_string(dir.join("t-export-2.md")).expect("second").contains("### B"));
}

#[test]
fn the_bundled_timeline_exports_into_the_folder_given() {
    let tmp = tempfile::Builder::new().prefix("tlview-effects-bundled-").tempdir().expect("temp dir");
    let dir = tmp.path();
    let t = crate::timeline::load_bytes("b", crate::timeline::BUNDLED.as_bytes(), &Limits::default()).expect("loads");
    let status = export_shown(&t, None, dir);
    assert!(status.starts_with(&format!("exported {} events", t.events.len())), "{status}");
    assert!(dir.join("deir-ez-zor-2018-export.md").exists(), "{status}");
}

/// Reloads on the spot, as the terminal loop's thread would, later.
fn now(app: &mut crate::app::App, file: &Path) {
    crate::app::update(app, reload(file, &Limits::default()));
}
