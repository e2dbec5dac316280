//! Times each stage of opening a file next to a bare serde_yaml parse of the
//! same text: `cargo run --release --example stages FILE`.

use std::time::Instant;
use tlview::app::App;
use tlview::timeline::limits::Limits;

#[derive(serde::Deserialize)]
struct Plain {
    #[expect(dead_code, reason = "read only by serde: the floor parses, nothing more")]
    events: Vec<std::collections::BTreeMap<String, serde_yaml::Value>>,
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let t = Instant::now();
    let plain: Result<Plain, _> = serde_yaml::from_str(&text);
    println!("bare serde_yaml (floor)  {:>8.1} ms ({})", ms(t), plain.is_ok());
    drop(plain);
    let t = Instant::now();
    let n = saphyr_parser::Parser::new_from_str(&text).take_while(Result::is_ok).count();
    println!("saphyr events alone      {:>8.1} ms ({n} events)", ms(t));
    let t = Instant::now();
    let loaded = tlview::timeline::load_bytes(&path, &bytes, &Limits::default());
    println!("tlview load_bytes        {:>8.1} ms ({})", ms(t), loaded.is_ok());
    let Ok(timeline) = loaded else { return };
    let t = Instant::now();
    let index = tlview::app::index::SearchIndex::build(&timeline);
    println!("  search index           {:>8.1} ms", ms(t));
    drop(index);
    let t = Instant::now();
    let keys = tlview::app::event_keys::EventKeys::build(&timeline);
    println!("  event keys             {:>8.1} ms", ms(t));
    drop(keys);
    let t = Instant::now();
    let app = App::new(timeline, (200, 60));
    println!("App::new in all          {:>8.1} ms ({} visible)", ms(t), app.shown.events().len());
}
