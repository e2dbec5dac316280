//! Runs the `tlview` binary on a fixture and measures it: exit status,
//! output, wall time and peak resident memory, with a watchdog that kills
//! it if it hangs.
//!
//! The peak must be the child's own. `wait4`'s `ru_maxrss` is not: a child
//! started by `posix_spawn` (vfork) carries this test process's peak into
//! the figure, and a forked one its resident size. So on Linux the child
//! is traced (`PTRACE_TRACEME` before exec, stopping only at its exit) and
//! its `VmHWM` — the high-water mark of the memory it mapped after exec —
//! is read from `/proc` while it stands at the exit, before anything is
//! torn down. Elsewhere, or where tracing is refused, `ru_maxrss` stands in
//! as an upper bound.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use tempfile::TempDir;

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
    /// Whether `peak` is the child's own high-water mark (else an upper bound).
    pub exact_peak: bool,
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
    trace_me(&mut cmd);
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
    let (status, usage, hwm) = wait_traced(pid);
    done.store(true, Ordering::Relaxed);
    let elapsed = start.elapsed();
    assert!(elapsed < HANG, "tlview {args:?} hung and was killed after {HANG:?}");
    let exited = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let stdout = reader.join().expect("stdout reader");
    let stderr = err_reader.join().expect("stderr reader");
    drop(child); // already reaped by wait4; dropping does not wait again
    let upper = u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024;
    Outcome { status: exited, stdout, stderr, elapsed, peak: hwm.unwrap_or(upper), exact_peak: hwm.is_some() }
}

/// Asks the child to be traced by this process from its exec on.
#[cfg(target_os = "linux")]
fn trace_me(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: ptrace(2) is async-signal-safe and touches no memory of ours;
    // it runs in the child between fork and exec. A refusal is ignored: the
    // child then runs untraced and the peak falls back to wait4's.
    unsafe {
        cmd.pre_exec(|| {
            libc::ptrace(
                libc::PTRACE_TRACEME,
                0,
                std::ptr::null_mut::<libc::c_void>(),
                std::ptr::null_mut::<libc::c_void>(),
            );
            Ok(())
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn trace_me(_: &mut Command) {}

/// Waits for the child to end, letting it run through every stop; returns
/// its wait status, its rusage and (when traced) its `VmHWM` in bytes as it
/// stood at its exit.
fn wait_traced(pid: libc::pid_t) -> (i32, libc::rusage, Option<u64>) {
    let mut hwm = None;
    loop {
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: wait4 on our own child's pid with valid pointers to locals.
        let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if rc == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        assert_eq!(rc, pid, "wait4 failed");
        if !libc::WIFSTOPPED(status) {
            return (status, usage, hwm);
        }
        let signal = on_stop(pid, status, &mut hwm);
        // SAFETY: resumes our stopped tracee, passing on the signal it stopped for (if any).
        #[cfg(target_os = "linux")]
        unsafe {
            libc::ptrace(
                libc::PTRACE_CONT,
                pid,
                std::ptr::null_mut::<libc::c_void>(),
                signal as usize as *mut libc::c_void,
            );
        }
        #[cfg(not(target_os = "linux"))]
        let _ = signal;
    }
}

/// Handles one stop of the traced child; returns the signal to pass on.
#[cfg(target_os = "linux")]
fn on_stop(pid: libc::pid_t, status: i32, hwm: &mut Option<u64>) -> i32 {
    let signal = libc::WSTOPSIG(status);
    if status >> 16 == libc::PTRACE_EVENT_EXIT {
        *hwm = high_water(pid);
        0
    } else if signal == libc::SIGTRAP && hwm.is_none() {
        // The stop after exec: from now on stop only at the exit.
        // SAFETY: sets options on our own stopped tracee.
        unsafe {
            libc::ptrace(
                libc::PTRACE_SETOPTIONS,
                pid,
                std::ptr::null_mut::<libc::c_void>(),
                libc::PTRACE_O_TRACEEXIT as usize as *mut libc::c_void,
            );
        }
        0
    } else {
        signal
    }
}

#[cfg(not(target_os = "linux"))]
fn on_stop(_: libc::pid_t, status: i32, _: &mut Option<u64>) -> i32 {
    libc::WSTOPSIG(status)
}

/// The `VmHWM` of a process, in bytes.
fn high_water(pid: libc::pid_t) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    let kb: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024)
}

/// A fresh directory for this test's fixtures (some of them tens of
/// megabytes), removed with them when the guard drops, even when the test
/// fails: keep it until the last run on them has ended.
pub fn scratch() -> TempDir {
    tempfile::Builder::new().prefix("tlview-hostile-").tempdir().expect("scratch dir")
}

/// Writes `bytes` to `name` in `dir` and returns its path as a string.
pub fn fixture(dir: impl AsRef<Path>, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.as_ref().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_str().expect("utf-8 path").to_owned()
}
