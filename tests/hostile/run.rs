//! Runs the `tlview` binary on a fixture and measures it: exit status,
//! output, wall time and peak resident memory (from `wait4`), with a
//! watchdog that kills it if it hangs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A run that takes longer than this is a hang, and fails the test.
pub const HANG: Duration = Duration::from_secs(30);

/// What one run of the binary did.
#[derive(Debug)]
pub struct Outcome {
    /// The exit status (`None` if killed by a signal).
    pub status: Option<i32>,
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error.
    pub stderr: Vec<u8>,
    /// Wall time.
    pub elapsed: Duration,
    /// Peak resident memory in bytes.
    pub peak: u64,
}

impl Outcome {
    /// Standard output and error as text, for messages.
    pub fn text(&self) -> String {
        format!("{}{}", String::from_utf8_lossy(&self.stdout), String::from_utf8_lossy(&self.stderr))
    }

    /// Fails if any byte written is a control character other than a line break.
    pub fn assert_no_control_bytes(&self) {
        for (name, bytes) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let bad = text.chars().find(|&c| c != '\n' && (c.is_control() || tlview::text::is_unsafe(c)));
            assert!(bad.is_none(), "{name} holds control character {bad:?}: {text:?}");
        }
    }
}

/// Runs `tlview ARGS` with `env`, no stdin, and measures it.
pub fn run(args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tlview"));
    cmd.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn tlview");
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut o = Vec::new();
        let _ = out.read_to_end(&mut o);
        o
    });
    let err_reader = std::thread::spawn(move || {
        let mut e = Vec::new();
        let _ = err.read_to_end(&mut e);
        e
    });
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watch = std::sync::Arc::clone(&done);
    std::thread::spawn(move || {
        let until = Instant::now() + HANG;
        while Instant::now() < until {
            if watch.load(Ordering::Relaxed) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // SAFETY: kill(2) on our own child, not yet reaped (`done` is still false).
        unsafe { libc::kill(pid, libc::SIGKILL) };
    });
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child's pid with valid pointers to locals.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    done.store(true, Ordering::Relaxed);
    assert_eq!(rc, pid, "wait4 failed");
    let elapsed = start.elapsed();
    assert!(elapsed < HANG, "tlview {args:?} hung and was killed after {HANG:?}");
    let exited = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let stdout = reader.join().expect("stdout reader");
    let stderr = err_reader.join().expect("stderr reader");
    drop(child); // already reaped by wait4; dropping does not wait again
    Outcome { status: exited, stdout, stderr, elapsed, peak: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024 }
}

/// A fresh directory for this test's fixtures.
pub fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "tlview-hostile-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Writes `bytes` to `name` in `dir` and returns its path as a string.
pub fn fixture(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_str().expect("utf-8 path").to_owned()
}
