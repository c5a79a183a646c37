//! What starting a quiz, a review or a mock exam costs on synthetic packs of
//! 1,000 to 100,000 entries, in topics of 100 ("many") and all in one topic
//! ("one"). Run with `cargo bench --bench quiz`.
//!
//! Before divan's own table this prints, for every pack, the time of one
//! start of each and the memory it needs beyond the loaded pack (the peak
//! resident size while it runs, less the resident size before), next to
//! the resident size of the pack itself. Targets (issue 15): a start within
//! 200 ms at 10,000 entries, and memory within twice the loaded pack.

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use divan::Bencher;
use kisi_core::content::Pack;
use kisi_core::content::synthetic::synthetic_pack;
use kisi_core::progress::{ExamBlueprint, build_exam, pack_items, review_questions};
use kisi_core::quiz::{Lang, QuizOptions, generate};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SHAPES: [&str; 2] = ["many", "one"];
const SEED: u64 = 2009;
/// Questions of a quiz, items of a review and questions of a mock exam, as
/// the TUI asks for them.
const QUIZ: usize = 10;
const REVIEW: usize = 20;
const EXAM: usize = 30;

fn pack(size: usize, shape: &str) -> &'static Pack {
    static PACKS: [OnceLock<Pack>; 6] = [const { OnceLock::new() }; 6];
    let slot = SIZES.iter().position(|&s| s == size).unwrap_or(0) * 2 + usize::from(shape == "one");
    PACKS[slot].get_or_init(|| make_pack(size, shape))
}

fn make_pack(size: usize, shape: &str) -> Pack {
    let mut pack = synthetic_pack(size, SEED);
    if shape == "one" {
        let mut rest = pack.topics.split_off(1);
        for topic in &mut rest {
            pack.topics[0].entries.append(&mut topic.entries);
        }
    }
    pack
}

fn quiz(pack: &Pack) -> usize {
    let options = QuizOptions {
        count: QUIZ,
        seed: SEED,
        ..QuizOptions::default()
    };
    generate(pack, &options).map_or(0, |q| q.len())
}

fn review(pack: &Pack, items: &[String]) -> usize {
    review_questions(pack, items, SEED).len()
}

fn exam(pack: &Pack) -> usize {
    let blueprint = ExamBlueprint::default_for(pack, EXAM);
    build_exam(pack, &blueprint, SEED, Lang::Id).map_or(0, |q| q.len())
}

/// The first items of the pack, as a review of a new pack asks them.
fn items(pack: &Pack) -> Vec<String> {
    pack_items(pack).into_iter().take(REVIEW).collect()
}

#[divan::bench(consts = SIZES, args = SHAPES, sample_count = 10, sample_size = 1)]
fn quiz_start<const N: usize>(bencher: Bencher, shape: &str) {
    let pack = pack(N, shape);
    bencher.bench(|| black_box(quiz(pack)));
}

#[divan::bench(consts = SIZES, args = SHAPES, sample_count = 10, sample_size = 1)]
fn review_start<const N: usize>(bencher: Bencher, shape: &str) {
    let pack = pack(N, shape);
    let items = items(pack);
    bencher.bench(|| black_box(review(pack, &items)));
}

#[divan::bench(consts = SIZES, args = SHAPES, sample_count = 10, sample_size = 1)]
fn exam_start<const N: usize>(bencher: Bencher, shape: &str) {
    let pack = pack(N, shape);
    bencher.bench(|| black_box(exam(pack)));
}

fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Runs `work` once and returns its time and the memory it took beyond
/// what was resident before: the peak is reset first (Linux's `clear_refs`).
fn measure(work: impl FnOnce() -> usize) -> (Duration, f64, usize) {
    let before = status_mb("VmRSS:");
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let start = Instant::now();
    let made = work();
    let time = start.elapsed();
    (time, (status_mb("VmHWM:") - before).max(0.0), made)
}

fn report() {
    println!("one start each: time, memory beyond the pack (questions made)");
    for size in SIZES {
        for shape in SHAPES {
            let before = status_mb("VmRSS:");
            let pack = make_pack(size, shape);
            let pack_mb = status_mb("VmRSS:") - before;
            let items = items(&pack);
            println!("{size:>7} entries, {shape:>4} topic(s): pack {pack_mb:.0} MB resident");
            for (name, (time, extra, made)) in [
                ("quiz", measure(|| quiz(&pack))),
                ("review", measure(|| review(&pack, &items))),
                ("exam", measure(|| exam(&pack))),
            ] {
                println!("    {name:<6} {time:>10.1?}  +{extra:>5.1} MB  ({made} questions)");
            }
        }
    }
}

fn main() {
    // `--list` and the single run of `cargo test --benches` need no report.
    if !std::env::args().any(|a| a == "--list" || a == "--test") {
        report();
    }
    divan::main();
}
