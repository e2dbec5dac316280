//! The `export` and `convert` subcommands and TimelineJS files, through the binary.

use std::process::Command;

fn tlview(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tlview")).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn export_writes_each_format_to_standard_output() {
    let (code, out, err) = tlview(&["export", "--to", "timelinejs"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.trim_start().starts_with('{') && out.contains("\"unique_id\": \"attack\""));
    let (code, out, _) = tlview(&["export", "--to", "markdown", "--actor", "peskov"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# Deir ez-Zor clashes, February 2018\n") && out.contains("Peskov"));
    let (code, out, _) = tlview(&["export", "--to", "csv"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Year,Month,Day,Time,"));
}

#[test]
fn export_usage_errors_exit_2() {
    let (code, _, err) = tlview(&["export", "--to", "pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format `pdf`") && err.contains("usage:"), "{err}");
}

#[test]
fn a_timelinejs_export_checks_and_converts_back() {
    let dir = std::env::temp_dir().join(format!("tlview-export-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let json = dir.join("b.json");
    let json = json.to_str().expect("utf-8 path");
    assert_eq!(tlview(&["export", "--to", "timelinejs", "-o", json]).0, 0);
    let (code, out, _) = tlview(&["--check", json]);
    assert_eq!(code, 0);
    assert!(out.contains("b.json: ok: 15 events"), "{out}");
    let yaml = dir.join("b.yaml");
    let yaml = yaml.to_str().expect("utf-8 path");
    assert_eq!(tlview(&["convert", json, "-o", yaml]).0, 0);
    let (code, out, _) = tlview(&["--check", yaml]);
    assert_eq!(code, 0, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
