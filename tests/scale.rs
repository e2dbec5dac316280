//! Correctness at scale, kept small so `cargo test` stays fast: the
//! generator's output loads, ordering is stable across precisions and
//! offsets, search finds exactly what a naive scan finds, and the axis
//! counts add up to the filtered total. Timings live in `cargo bench`.

#[path = "support/generate.rs"]
mod generate;
#[path = "support/replicate.rs"]
mod replicate;

use tlview::app::{App, Msg, PickerKind, axis, update};
use tlview::timeline::date::Precision;
use tlview::timeline::{Timeline, limits::Limits, load_bytes};

const N: usize = 3000;

fn generated() -> Timeline {
    let yaml = generate::timeline_yaml(N, 11);
    load_bytes("gen.yaml", yaml.as_bytes(), &Limits::default()).expect("the generator writes valid timelines")
}

#[test]
fn generated_timelines_load_with_every_precision() {
    let t = generated();
    assert_eq!((t.events.len(), t.actors.len(), t.sources.len()), (N, 50, 20));
    for p in [Precision::Month, Precision::Day, Precision::Minute, Precision::Second] {
        assert!(t.events.iter().any(|e| e.date.precision == p), "{p:?} missing");
    }
    assert!(t.events.iter().any(|e| e.end.is_some()) && t.events.iter().any(|e| e.approximate));
    let quoted = t.events.iter().filter(|e| !e.quotes.is_empty()).count();
    assert!((N / 8..N / 3).contains(&quoted), "{quoted} events with quotes");
    assert_eq!(generate::timeline_yaml(50, 3), generate::timeline_yaml(50, 3), "deterministic");
}

#[test]
fn order_is_by_start_with_ties_in_file_order() {
    let t = generated();
    let file_order = |id: &str| id.trim_start_matches('e').parse::<usize>().expect("generated ids are e<N>");
    for pair in t.events.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.start() <= b.start(), "{} after {}", a.id, b.id);
        if a.start() == b.start() {
            assert!(file_order(&a.id) < file_order(&b.id), "tie {} / {} out of file order", a.id, b.id);
        }
    }
}

fn naive(t: &Timeline, query: &str) -> Vec<u32> {
    let q = query.to_lowercase();
    let hit = |s: &str| s.to_lowercase().contains(&q);
    (0..t.events.len() as u32)
        .filter(|&i| {
            let e = &t.events[i as usize];
            let names = e.actors.iter().chain(e.quotes.iter().map(|q| &q.by)).any(|&a| {
                let a = &t.actors[a as usize];
                hit(&a.name) || a.aliases.iter().any(|x| hit(x))
            });
            hit(&e.title)
                || e.summary.as_deref().is_some_and(hit)
                || e.location.as_deref().is_some_and(hit)
                || e.tags.iter().any(|&g| hit(&t.tags[g as usize]))
                || e.quotes.iter().any(|q| hit(&q.text) || q.context.as_deref().is_some_and(hit))
                || names
        })
        .collect()
}

#[test]
fn search_finds_exactly_what_a_naive_scan_finds() {
    let mut app = App::new(generated(), (200, 60));
    for query in ["convoy", "CEASEFIRE talks", "actor number 7", "raqqa", "press conference", "zzz", "a"] {
        update(&mut app, Msg::StartSearch);
        for c in query.chars() {
            update(&mut app, Msg::Input(c));
        }
        assert_eq!(app.shown.events(), naive(&app.timeline, query), "query {query:?}");
        update(&mut app, Msg::Close);
    }
}

#[test]
fn axis_counts_add_up_to_the_filtered_total() {
    let mut app = App::new(generated(), (200, 60));
    update(&mut app, Msg::Resize(200, 60));
    let sum = |app: &App| {
        let ticks = axis::ticks(app, 198);
        (0..ticks.len()).map(|i| axis::starting(app, ticks.bounds[i], ticks.bounds[i + 1])).sum::<usize>()
    };
    assert_eq!(sum(&app), N);
    update(&mut app, Msg::OpenPicker(PickerKind::Actors));
    update(&mut app, Msg::Toggle);
    update(&mut app, Msg::Accept);
    assert!(app.shown.events().len() < N);
    assert_eq!(sum(&app), app.shown.events().len());
}

/// The axis keys one 200×60 frame reads, averaged over frames after each of
/// `moves` presses of `j` (and one zoom out and back, which re-picks the ticks).
fn axis_reads_per_frame(t: Timeline, moves: usize) -> u64 {
    use ratatui::{Terminal, backend::TestBackend};
    let mut app = App::new(t, (200, 60));
    update(&mut app, Msg::Resize(200, 60));
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    let mut draw = |app: &App| {
        let before = app.shown.ticks().reads();
        term.draw(|f| {
            tlview::ui::draw(f, app, tlview::ui::Theme { color: true });
        })
        .expect("draws");
        app.shown.ticks().reads() - before
    };
    let mut total = draw(&app);
    for k in 0..moves {
        update(&mut app, if k == moves / 2 { Msg::Zoom(-1) } else { Msg::Move(tlview::app::Step::By(1)) });
        total += draw(&app);
    }
    update(&mut app, Msg::Zoom(1));
    total += draw(&app);
    total / (moves as u64 + 2)
}

#[test]
fn a_frame_reads_what_its_ticks_need_not_every_event() {
    let base = generated();
    let ten = replicate::replicate(&base, 10);
    let (small, large) = (axis_reads_per_frame(base, 30), axis_reads_per_frame(ten, 30));
    eprintln!("axis keys read per frame: {small} at {N} events, {large} at {}", 10 * N);
    // At most 40 ticks fit 198 columns; each costs two binary searches.
    assert!(small > 0, "the axis reads its keys through the counter");
    assert!(large < 10 * N as u64 / 20, "{large} keys read per frame of {} events", 10 * N);
    assert!(large < small * 2, "ten times the events: {small} → {large} keys read per frame");
}
