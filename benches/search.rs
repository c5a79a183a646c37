//! Search speed per keystroke, on the built-in pack and on synthetic packs
//! of 1,000 to 100,000 entries. Run with `cargo bench --bench search`.
//!
//! Before divan's own table this prints, for every pack size and query, the
//! median and worst time of one keystroke (the query typed one char at a time
//! through one `Searcher`, including the highlights of the 20 rows a screen
//! shows), the index size, and the peak memory with the 100,000-entry pack.
//! Divan then times whole typing sessions; its throughput column is
//! keystrokes per second.

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use divan::Bencher;
use divan::counter::ItemsCount;
use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::synthetic::synthetic_pack;
use kisi_core::search::Searcher;

/// Realistic queries, the last with a typo (a missing letter).
const QUERIES: [&str; 4] = ["konseling", "ketahanan sosial", "pasal 3", "mediatr"];
/// Pack sizes; 0 stands for the built-in pack.
const SIZES: [usize; 4] = [BUILTIN, 1_000, 10_000, 100_000];
const BUILTIN: usize = 0;
/// Rows a search screen shows, whose highlights are computed per keystroke.
const ROWS: usize = 20;
const SEED: u64 = 2009;

fn pack(size: usize) -> &'static Pack {
    static PACKS: [OnceLock<Pack>; 4] = [const { OnceLock::new() }; 4];
    let slot = SIZES.iter().position(|&s| s == size).unwrap_or(0);
    PACKS[slot].get_or_init(|| {
        if size == BUILTIN {
            builtin_pack().unwrap_or_else(|report| panic!("built-in pack: {report:?}"))
        } else {
            synthetic_pack(size, SEED)
        }
    })
}

/// Types `query` one char at a time, as a student would.
fn type_query(searcher: &mut Searcher, pack: &Pack, query: &str, mut each: impl FnMut(Duration)) {
    searcher.search(pack, "");
    for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
        let start = Instant::now();
        let results = searcher.search(pack, &query[..end]);
        for row in 0..ROWS.min(results.len()) {
            black_box(results.highlight(pack, row));
        }
        each(start.elapsed());
    }
}

fn keystrokes(query: &str) -> usize {
    query.chars().count()
}

#[divan::bench(consts = [BUILTIN, 1_000], args = QUERIES)]
fn typing_small<const N: usize>(bencher: Bencher, query: &str) {
    typing(bencher, pack(N), query);
}

#[divan::bench(consts = [10_000, 100_000], args = QUERIES, sample_count = 10, sample_size = 1)]
fn typing_large<const N: usize>(bencher: Bencher, query: &str) {
    typing(bencher, pack(N), query);
}

fn typing(bencher: Bencher, pack: &Pack, query: &str) {
    let mut searcher = Searcher::new(pack);
    bencher
        .counter(ItemsCount::new(keystrokes(query)))
        .bench_local(|| type_query(&mut searcher, pack, query, |_| ()));
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn mb(bytes: usize) -> String {
    format!("{}.{} MB", bytes / 1_000_000, bytes / 100_000 % 10)
}

fn report() {
    const SESSIONS: usize = 5;
    println!(
        "per keystroke (median / worst of {SESSIONS} typing sessions, {ROWS} rows highlighted)"
    );
    // Largest first, so that the peak memory is that of the largest pack alone.
    for &size in SIZES.iter().rev() {
        let pack = pack(size);
        let start = Instant::now();
        let mut searcher = Searcher::new(pack);
        let build = start.elapsed();
        println!(
            "{:>7} entries{}: index {} for {} of text, built in {build:.1?}",
            pack.entry_count(),
            if size == BUILTIN { " (built-in)" } else { "" },
            mb(searcher.index_bytes()),
            mb(pack.entry_text_bytes()),
        );
        for query in QUERIES {
            let mut times = Vec::new();
            for _ in 0..SESSIONS {
                type_query(&mut searcher, pack, query, |t| times.push(t));
            }
            times.sort_unstable();
            println!(
                "    {query:<18} median {:>10.3?}  worst {:>10.3?}",
                times[times.len() / 2],
                times[times.len() - 1]
            );
        }
        if size == 100_000
            && let Some(peak) = peak_rss_mb()
        {
            println!("    peak memory (pack + index + searching): {peak:.0} MB");
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
