//! Opening a file with the binary in a 200×60 pseudo-terminal, as a reader
//! does: the time to the first screen (the first frame, which a large file
//! draws while it still loads) and to the full list (the status bar counts
//! every event and says no more `loading`), read off the screen through a
//! terminal emulator.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Read;
use std::time::Instant;

/// Milliseconds to the first screen and to the full list.
pub struct Opened {
    /// Until the first frame is on screen.
    pub first: f64,
    /// Until the status bar counts all `events` and is no longer loading.
    pub full: f64,
    /// The process's peak resident memory then, in MB (the file's bytes included).
    pub peak_mb: f64,
}

/// The peak resident memory of process `pid` so far, in MB (Linux; NaN elsewhere).
fn peak_mb(pid: Option<u32>) -> f64 {
    let status = pid.and_then(|p| std::fs::read_to_string(format!("/proc/{p}/status")).ok()).unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok());
    kb.map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Opens `args` (a file of `events` events, and flags) and quits once the
/// list is full (`events` 0: once the first screen is drawn).
pub fn open(args: &[&str], events: usize) -> Opened {
    let (rows, cols) = (60, 200);
    let pty = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tlview"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut writer = pty.master.take_writer().expect("writer");
    let nonzero = |n: u16| std::num::NonZero::new(n).expect("a pty has rows and columns");
    let mut screen = vt100::Parser::new(nonzero(rows), nonzero(cols), 0);
    let mut buf = [0u8; 65536];
    let all = format!(" {events} of {events} events ");
    let mut first = None;
    let full = loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break f64::NAN;
        }
        screen.process(&buf[..n]);
        let text = screen.screen().contents();
        // Every frame ends with the status bar's hint for quitting.
        if first.is_none() && text.contains("quit") {
            first = Some(super::ms(start.elapsed()));
        }
        if events == 0 && first.is_some() {
            break f64::NAN;
        }
        if text.contains(&all) && !text.contains("loading ") {
            break super::ms(start.elapsed());
        }
    };
    let peak_mb = peak_mb(child.process_id());
    let _ = std::io::Write::write_all(&mut writer, b"q");
    let _ = child.wait();
    Opened { first: first.unwrap_or(f64::NAN), full, peak_mb }
}
