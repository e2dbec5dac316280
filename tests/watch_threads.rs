//! Dropping the file watcher leaves no thread behind (its own binary, so no
//! other test's threads are counted).

use std::time::{Duration, Instant};

fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").map_or(0, Iterator::count)
}

#[test]
fn dropping_the_watcher_leaves_no_thread() {
    if !std::path::Path::new("/proc/self/task").exists() {
        return; // only Linux can count threads this way
    }
    let dir = tempfile::Builder::new().prefix("tlview-watch-threads-").tempdir().expect("temp dir");
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, "x\n").expect("write");
    let before = threads();
    let w = tlview::watch::Watcher::start(&file, || {}).expect("starts");
    assert!(threads() > before, "the watcher runs a thread");
    drop(w);
    // The backend's thread ends on its own shortly after being told to; wait for it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while threads() > before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(threads(), before);
}
