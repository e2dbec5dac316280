//! Writes a synthetic timeline of N events to standard output:
//! `cargo run --release --example generate -- 100000 > big.yaml` (N defaults to 1000).

#[path = "../tests/support/generate.rs"]
mod generate;

use std::io::Write;

fn main() {
    let n = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let yaml = generate::timeline_yaml(n, 7);
    if std::io::stdout().write_all(yaml.as_bytes()).is_err() {
        std::process::exit(1);
    }
}
