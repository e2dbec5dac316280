//! `tlview new FILE` and `tlview --example`: the two ways to start a file of
//! one's own. `new` writes a small commented timeline that shows every key
//! once and loads without a problem; it never overwrites a file. `--example`
//! prints the bundled timeline, to copy and edit.

use std::io::{self, Write};
use std::path::Path;

/// The starter timeline `tlview new` writes.
pub const STARTER: &str = include_str!("starter.yaml");

/// Writes [`STARTER`] to `file`, refusing to replace anything there; returns
/// the exit status (0 written, 1 refused or failed) after saying so on `out`/`err`.
pub fn new_file(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let name = crate::text::sanitize(&file.display().to_string()).into_owned();
    // create_new fails if anything (a file, a link, a directory) is already there.
    let created = std::fs::OpenOptions::new().write(true).create_new(true).open(file);
    let result = created.and_then(|mut f| f.write_all(STARTER.as_bytes()).and_then(|()| f.sync_all()));
    match result {
        Ok(()) => {
            let _ = writeln!(out, "wrote {name}: edit it, then open it with `tlview {name}`");
            0
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let _ = writeln!(err, "tlview: {name} already exists; not overwriting it (choose another name)");
            1
        }
        Err(e) => {
            let _ = writeln!(err, "tlview: cannot write {name}: {}", crate::text::sanitize(&e.to_string()));
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::limits::Limits;

    #[test]
    fn the_starter_loads_with_no_problem() {
        let t = crate::timeline::load_bytes("starter.yaml", STARTER.as_bytes(), &Limits::default());
        let t = t.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.events.len(), 2);
        assert_eq!(t.quote_count(), 1);
    }

    #[test]
    fn the_starter_shows_every_key_of_the_format() {
        // Every key documented in docs/format.md's tables, written once as `key:`.
        let doc = include_str!("../docs/format.md");
        let keys: Vec<&str> = doc
            .lines()
            .filter_map(|l| l.strip_prefix("| `")?.split_once("` |").map(|(k, _)| k))
            .filter(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect();
        assert!(keys.len() > 20, "found the tables: {keys:?}");
        for key in keys {
            let written = STARTER.lines().any(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                l.starts_with(&format!("{key}:"))
            });
            assert!(written, "the starter does not show `{key}`");
        }
    }

    #[test]
    fn new_writes_once_and_never_overwrites() {
        let tmp = tempfile::Builder::new().prefix("tlview-new-").tempdir().expect("temp dir");
        let file = tmp.path().join("mine.yaml");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(new_file(&file, &mut out, &mut err), 0);
        assert_eq!(std::fs::read_to_string(&file).expect("written"), STARTER);
        std::fs::write(&file, "mine").expect("write");
        assert_eq!(new_file(&file, &mut out, &mut err), 1);
        assert_eq!(std::fs::read_to_string(&file).expect("kept"), "mine");
        assert!(String::from_utf8_lossy(&err).contains("already exists"));
    }
}
