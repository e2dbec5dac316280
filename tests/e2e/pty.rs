//! A harness that runs the real `tlview` binary in a pseudo-terminal, reads
//! the screen through a terminal emulator (vt100), sends keystrokes, and
//! waits for screen content with a timeout instead of sleeping.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_tlview");

/// Where `needle` last occurs in `hay`.
pub fn last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// How long any wait may take before the test fails (generous for a loaded 2-core machine).
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The binary running in a pty, with everything it wrote.
pub struct Session {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<(vt100::Parser, Vec<u8>)>>,
    /// Asks the reader thread to drop its copy of the master side after its next read.
    closing: Arc<std::sync::atomic::AtomicBool>,
}

impl Session {
    /// Starts `tlview ARGS` in a `cols`×`rows` pty.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with_env(args, &[], cols, rows)
    }

    /// Like [`Session::start`], with extra environment variables.
    pub fn start_with_env(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        Session::start_command(BIN, args, env, cols, rows)
    }

    /// Starts `program ARGS` in a `cols`×`rows` pty: a wrapper such as
    /// `setsid` or `sh -c` in front of tlview.
    pub fn start_command(program: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let pty =
            native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(std::env::temp_dir());
        let child = pty.slave.spawn_command(cmd).expect("spawn tlview");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let output = Arc::new(Mutex::new((vt100::Parser::new(nonzero(rows), nonzero(cols), 0), Vec::new())));
        let sink = Arc::clone(&output);
        let closing = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let close_requested = Arc::clone(&closing);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || close_requested.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                let mut out = sink.lock().expect("output lock");
                out.0.process(&buf[..n]);
                out.1.extend_from_slice(&buf[..n]);
            }
        });
        Session { master: Some(pty.master), writer: Some(writer), child, output, closing }
    }

    /// The screen as a terminal shows it now.
    pub fn screen(&self) -> String {
        self.output.lock().expect("output lock").0.screen().contents()
    }

    /// Every byte the binary has written so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").1.clone()
    }

    /// Types `keys` (raw bytes: `"j"`, `"\r"` for Enter, `"\x1b"` for Esc).
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the pty is open");
        writer.write_all(keys.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Pastes `text` as a terminal does: inside bracketed-paste markers when
    /// the binary turned bracketed paste on, as plain typing otherwise.
    pub fn paste(&mut self, text: &str) {
        let bytes = self.bytes();
        if last(&bytes, b"\x1b[?2004h") > last(&bytes, b"\x1b[?2004l") {
            self.send(&format!("\x1b[200~{text}\x1b[201~"));
        } else {
            self.send(text);
        }
    }

    /// Waits until everything the binary wrote satisfies `check`.
    pub fn wait_bytes(&self, what: &str, check: impl Fn(&[u8]) -> bool) {
        let start = Instant::now();
        while !check(&self.bytes()) {
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {what}; the screen was:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The binary's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits until `check` holds for the screen, or fails showing the screen as it was.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {what}; the screen was:\n{screen}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Waits until the screen shows every one of `present` and none of `absent`
    /// at once (a screen caught mid-draw is simply looked at again).
    pub fn wait_all(&self, present: &[&str], absent: &[&str]) -> String {
        let what = format!("{present:?} and not {absent:?}");
        self.wait_for(&what, |s| present.iter().all(|p| s.contains(p)) && !absent.iter().any(|a| s.contains(a)))
    }

    /// Resizes the emulator, then the pty (the binary gets SIGWINCH): in this
    /// order, the frame drawn for the new size is never read at the old one.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.output.lock().expect("output lock").0.set_size(nonzero(rows), nonzero(cols));
        self.master
            .as_ref()
            .expect("the pty is open")
            .resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("resize pty");
    }

    /// Resizes the pty to `cols`×`rows` (the binary gets SIGWINCH) while the
    /// emulator reading the screen is `screen` (columns, rows): a terminal
    /// that reports an absurd size without the test allocating one.
    pub fn resize_pty(&mut self, cols: u16, rows: u16, screen: (u16, u16)) {
        self.output.lock().expect("output lock").0.set_size(nonzero(screen.1), nonzero(screen.0));
        self.master
            .as_ref()
            .expect("the pty is open")
            .resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("resize pty");
    }

    /// Closes the terminal under the binary, as when a terminal window or an ssh session goes away.
    /// Every copy of the master side is closed: ours here, and the reader's
    /// after the redraw that `j` causes wakes it.
    pub fn hang_up(&mut self) {
        self.closing.store(true, std::sync::atomic::Ordering::SeqCst);
        self.send("j");
        self.writer = None;
        self.master = None;
    }

    /// Sends `signal` to the binary.
    pub fn signal(&self, signal: i32) {
        let pid = self.pid();
        // SAFETY: kill(2) on the pid of a child this test spawned and has not yet reaped.
        let rc = unsafe { libc::kill(pid as libc::pid_t, signal) };
        assert_eq!(rc, 0, "kill failed");
    }

    /// Waits for the binary to exit and returns its status code, with all its output read.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Give the reader a moment to drain what the child wrote last.
                let mut last = self.bytes().len();
                loop {
                    std::thread::sleep(Duration::from_millis(50));
                    let now = self.bytes().len();
                    if now == last {
                        break;
                    }
                    last = now;
                }
                return status.exit_code();
            }
            assert!(start.elapsed() < TIMEOUT, "tlview did not exit; the screen was:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn nonzero(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).expect("a pty has at least one row and column")
}

/// Fields of `/proc/PID/stat` after the command name: state first (index 0),
/// user and system CPU ticks at 11 and 12; `None` once the process is gone.
pub fn proc_stat(pid: u32) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = &text[text.rfind(')')? + 2..];
    Some(after.split_whitespace().map(str::to_owned).collect())
}

/// CPU time `pid` has used, in clock ticks (user + system).
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = proc_stat(pid).expect("the process is running");
    stat[11].parse::<u64>().expect("utime") + stat[12].parse::<u64>().expect("stime")
}

/// Waits for a child of `parent` to appear and returns its pid.
pub fn child_of(parent: u32) -> u32 {
    let start = Instant::now();
    loop {
        let children = std::fs::read_dir("/proc").expect("/proc").filter_map(|e| {
            let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
            (proc_stat(pid)?.get(1)?.parse::<u32>().ok()? == parent).then_some(pid)
        });
        if let Some(pid) = children.into_iter().next() {
            return pid;
        }
        assert!(start.elapsed() < TIMEOUT, "no child of {parent} appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Kills a process the harness did not spawn itself (a grandchild, such as
/// tlview under `setsid`) when dropped, so a failing test leaves nothing running.
pub struct KillOnDrop(pub u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        // SAFETY: kill(2) with a pid read from /proc; at worst it fails.
        unsafe { libc::kill(self.0 as libc::pid_t, libc::SIGKILL) };
    }
}
