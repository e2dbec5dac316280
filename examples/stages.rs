//! Times each stage of loading a file (guard, serde_yaml, validation) next to
//! a bare serde_yaml parse of the same text: `cargo run --release --example stages FILE`.

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let t = Instant::now();
    let v: Result<serde_yaml::Value, _> = serde_yaml::from_str(&text);
    println!("bare serde_yaml::Value   {:>8.1} ms ({})", t.elapsed().as_secs_f64() * 1e3, v.is_ok());
    drop(v);
    let t = Instant::now();
    let mut n = 0usize;
    for ev in saphyr_parser::Parser::new_from_str(&text) {
        if ev.is_err() {
            break;
        }
        n += 1;
    }
    println!("saphyr events only       {:>8.1} ms ({n} events)", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let r = tlview::timeline::load_bytes(&path, &bytes, &Default::default());
    println!("tlview load_bytes        {:>8.1} ms ({})", t.elapsed().as_secs_f64() * 1e3, r.is_ok());
}
