use super::*;
use std::sync::mpsc::Receiver;
use tempfile::TempDir;

/// A fresh empty directory under the system's temp dir, removed (even when a
/// test fails) when the guard drops: keep it until the watcher has stopped.
fn temp_dir(tag: &str) -> TempDir {
    tempfile::Builder::new().prefix(&format!("tlview-watch-{tag}-")).tempdir().expect("temp dir")
}

/// A watcher on `t.yaml` in a fresh directory. The directory comes first so
/// that, bound in this order, it drops after the watcher.
fn watched(tag: &str) -> (TempDir, PathBuf, Watcher, Receiver<()>) {
    let dir = temp_dir(tag);
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, "one\n").expect("write");
    let (tx, rx) = mpsc::channel();
    let w = Watcher::start(&file, move || {
        let _ = tx.send(());
    })
    .expect("starts");
    (dir, file, w, rx)
}

fn notice(rx: &Receiver<()>) -> bool {
    rx.recv_timeout(Duration::from_secs(5)).is_ok()
}

#[test]
fn a_write_in_place_is_noticed() {
    let (_dir, file, _w, rx) = watched("inplace");
    std::fs::write(&file, "two, longer\n").expect("write");
    assert!(notice(&rx));
}

#[test]
fn a_new_file_renamed_over_it_is_noticed_and_the_watch_goes_on() {
    let (dir, file, _w, rx) = watched("rename");
    for n in 0..2 {
        let tmp = dir.path().join(format!(".t.yaml.tmp{n}"));
        std::fs::write(&tmp, format!("version {n}\n")).expect("write");
        std::fs::rename(&tmp, &file).expect("rename");
        assert!(notice(&rx), "save {n} by rename");
    }
}

#[test]
fn delete_then_recreate_is_noticed() {
    let (_dir, file, _w, rx) = watched("recreate");
    std::fs::remove_file(&file).expect("remove");
    std::fs::write(&file, "back again\n").expect("write");
    assert!(notice(&rx));
}

#[test]
fn other_files_in_the_directory_are_ignored() {
    let (dir, file, w, rx) = watched("others");
    std::fs::write(dir.path().join("other.yaml"), "x\n").expect("write");
    std::fs::write(&file, "mine changed\n").expect("write");
    assert!(notice(&rx));
    drop(w);
    // Exactly one notice: the other file's write did not make its own.
    assert_eq!(rx.try_iter().count(), 0);
}

#[test]
fn a_burst_of_writes_makes_few_notices() {
    let (_dir, file, w, rx) = watched("burst");
    for n in 0..50 {
        std::fs::write(&file, format!("write {n}\n")).expect("write");
    }
    assert!(notice(&rx));
    drop(w); // joins the thread: every notice it will send is sent
    let extra = rx.try_iter().count();
    assert!(extra < 49, "50 writes made {} notices", extra + 1);
}

#[test]
fn polling_notices_a_change_and_drop_ends_the_thread() {
    let dir = temp_dir("poll");
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, "one\n").expect("write");
    let (tx, rx) = mpsc::channel();
    let (to_thread, raw) = mpsc::channel();
    let path = file.clone();
    let first = fingerprint(&file);
    let thread = std::thread::spawn(move || {
        run(&path, &raw, true, first, move || {
            let _ = tx.send(());
        });
    });
    std::fs::write(&file, "two, longer\n").expect("write");
    assert!(notice(&rx));
    to_thread.send(Raw::Stop).expect("thread alive");
    thread.join().expect("thread ends");
}

#[test]
fn a_watcher_whose_notification_fails_polls_and_still_notices_a_save() {
    let dir = temp_dir("fallback");
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, "one\n").expect("write");
    let (tx, rx) = mpsc::channel();
    let w = Watcher::start_with(
        &file,
        |_, _| None,
        move || {
            let _ = tx.send(());
        },
    )
    .expect("starts");
    assert!(w.backend.is_none());
    std::fs::write(&file, "two, longer\n").expect("write");
    assert!(notice(&rx));
    drop(w);
}
