//! How long opening a progress store of 100,000 reviews takes, with and
//! without its snapshot, and what one more answer costs. docs/performance.md,
//! "Progress". Run: `cargo run --release -p kisi-core --example progress_open [reviews]`.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use kisi_core::content::builtin::builtin_pack;
use kisi_core::progress::{PackLog, Progress, Rating, Store, Timestamp, pack_items};

fn main() {
    let reviews: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let Ok(pack) = builtin_pack() else {
        eprintln!("the built-in pack does not load");
        return;
    };
    let items = pack_items(&pack);
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary folder");
        return;
    };
    let progress_dir = dir.path().join("progress");
    let log = progress_dir.join(format!("{}.jsonl", pack.meta.id));
    let snapshot = progress_dir.join(format!("{}.state.json", pack.meta.id));
    let mut text = String::new();
    for n in 0..reviews {
        let at = 1_700_000_000_000_u64 + n as u64 * 600_000;
        let _ = writeln!(
            text,
            "{{\"v\":1,\"id\":\"{at:x}-1-{n:08x}-0123456789abcdef\",\"pack\":\"{}\",\"at\":{at},\"kind\":\"review\",\"item\":\"{}\",\"rating\":{}}}",
            pack.meta.id,
            items[n % items.len()],
            n % 4 + 1
        );
    }
    if std::fs::create_dir_all(&progress_dir)
        .and_then(|()| std::fs::write(&log, &text))
        .is_err()
    {
        eprintln!("cannot write the log");
        return;
    }
    println!("{reviews} reviews, log of {} bytes", text.len());

    let full = median(11, || {
        let _ = std::fs::remove_file(&snapshot);
        let (store, _) = Store::open(Some(dir.path()));
        let (log, _) = store.pack(&pack.meta.id);
        Progress::new(log)
    });
    println!("open without a snapshot (reads all, writes one): {full:?}");
    let with_snapshot = median(21, || open(dir.path(), &pack.meta.id));
    let size = std::fs::metadata(&snapshot).map_or(0, |m| m.len());
    println!("open from the snapshot ({size} bytes): {with_snapshot:?}");

    // One more answer on top of `reviews` (in memory: the fold, not the
    // disk's flush).
    let mut progress = Progress::new(PackLog::in_memory(&pack.meta.id));
    for n in 0..reviews {
        let at = Timestamp(1_700_000_000_000 + i64::try_from(n).unwrap_or(0) * 600_000);
        let _ = progress.record_review(&items[n % items.len()], Rating::Good, at);
    }
    let mut n = reviews;
    let answer = median(101, || {
        n += 1;
        let at = Timestamp(1_700_000_000_000 + i64::try_from(n).unwrap_or(0) * 600_000);
        progress.record_review(&items[n % items.len()], Rating::Good, at)
    });
    println!("one more answer after {reviews} (in memory): {answer:?}");
}

fn open(dir: &Path, pack_id: &str) -> Progress {
    let (store, _) = Store::open(Some(dir));
    let (log, _) = store.pack(pack_id);
    let (_settings, _) = store.settings();
    Progress::new(log)
}

fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}
