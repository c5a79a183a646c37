//! One start of a quiz, a review or a mock exam on a synthetic pack, as the
//! TUI asks for them, with its CPU time (the machine is shared: wall-clock
//! time is noisy, the CPU time of this thread is not) and the memory it
//! needs beyond the loaded pack. docs/performance.md, "Quiz, review and mock
//! exam start". Run:
//!
//! `cargo run --release -p kisi-core --example quiz_start -- [ENTRIES [many|one [quiz|review|exam|all]]]`
//!
//! One start per process, so that callgrind (`valgrind --tool=callgrind`)
//! can count the instructions of a single one.

use std::time::{Duration, Instant};

use kisi_core::content::Pack;
use kisi_core::content::synthetic::{synthetic_pack, synthetic_pack_one_topic};
use kisi_core::progress::{ExamBlueprint, build_exam, pack_items, review_questions};
use kisi_core::quiz::{Lang, QuizOptions, generate};

const SEED: u64 = 2009;
/// Questions of a quiz, items of a review and questions of a mock exam, as
/// the TUI asks for them.
const QUIZ: usize = 10;
const REVIEW: usize = 20;
const EXAM: usize = 30;

fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The CPU time this thread has used (Linux's schedstat, in nanoseconds).
fn cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

fn start(pack: &Pack, what: &str) -> usize {
    match what {
        "quiz" => {
            let options = QuizOptions {
                count: QUIZ,
                seed: SEED,
                ..QuizOptions::default()
            };
            generate(pack, &options).map_or(0, |q| q.len())
        }
        "review" => {
            let items: Vec<String> = pack_items(pack).into_iter().take(REVIEW).collect();
            review_questions(pack, &items, SEED).len()
        }
        _ => {
            let blueprint = ExamBlueprint::default_for(pack, EXAM);
            build_exam(pack, &blueprint, SEED, Lang::Id).map_or(0, |q| q.len())
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let size: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let shape = args.get(1).map_or("one", String::as_str);
    let what = args.get(2).map_or("all", String::as_str);
    let before = status_mb("VmRSS:");
    let pack = if shape == "one" {
        synthetic_pack_one_topic(size, SEED)
    } else {
        synthetic_pack(size, SEED)
    };
    let pack_mb = status_mb("VmRSS:") - before;
    println!("{size} entries, {shape} topic(s): pack {pack_mb:.1} MB resident");
    let kinds: &[&str] = if what == "all" {
        &["quiz", "review", "exam"]
    } else {
        std::slice::from_ref(&what)
    };
    for &what in kinds {
        let rss = status_mb("VmRSS:");
        // Resets the peak (VmHWM) to the resident size now.
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let (wall, cpu_before) = (Instant::now(), cpu());
        let made = start(&pack, what);
        let (cpu, wall) = (cpu().saturating_sub(cpu_before), wall.elapsed());
        let extra = (status_mb("VmHWM:") - rss).max(0.0);
        let ratio = (pack_mb + extra) / pack_mb.max(0.1);
        println!(
            "    {what:<6} cpu {cpu:>9.1?}  wall {wall:>9.1?}  +{extra:>6.1} MB ({ratio:.2}x the pack)  {made} questions"
        );
    }
}
