//! What kisi does before its first frame, timed piece by piece. Run with
//! `cargo bench --bench load`.
//!
//! - `load`: parsing and validating a pack from in-memory files (no disk):
//!   the built-in pack and synthetic packs of 1,000 and 10,000 entries
//!   (target: 10,000 entries within 300 ms).
//! - `open_progress`: opening the progress store as the TUI does (create the
//!   folder, probe that it is writable, read the pack's log and the settings,
//!   replay the log): empty, and with a log of 1,000 and 10,000 reviews.
//! - `search_index`: building the search index of the built-in pack, which
//!   the TUI's search worker does on its own thread.
//! - `check_errors`: what `kisi check` does with a broken pack: loading and
//!   rendering the report of 20,000 errors, either all on one line (10,000
//!   entries in one inline array, each with an invalid id and an unknown
//!   `see_also`) or one per line (10,000 entries, each with an unknown
//!   `see_also` one edit away from an id, so every one is a "did you mean"
//!   candidate). Target: 2 s.

use std::hint::black_box;
use std::path::Path;

use divan::Bencher;
use kisi_core::content::builtin::{builtin_files, builtin_pack};
use kisi_core::content::load::load_files;
use kisi_core::content::synthetic::synthetic_pack_files;
use kisi_core::progress::{EventKind, Progress, Rating, Store, Timestamp};
use kisi_core::search::Searcher;

const SEED: u64 = 2009;
/// Pack sizes; 0 stands for the built-in pack.
const SIZES: [usize; 3] = [0, 1_000, 10_000];
/// Reviews in the progress log.
const REVIEWS: [usize; 3] = [0, 1_000, 10_000];
/// Time between two reviews: 10,000 reviews span sixty days.
const STEP_MS: i64 = 60 * 24 * 60 * 60 * 1000 / 10_000;

fn main() {
    divan::main();
}

fn files(entries: usize) -> Vec<(String, Vec<u8>)> {
    if entries == 0 {
        return builtin_files();
    }
    synthetic_pack_files(entries, SEED)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect()
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn load(bencher: Bencher, entries: usize) {
    let files = files(entries);
    bencher.bench(|| {
        let pack = load_files(black_box(&files));
        assert!(pack.is_ok(), "the pack of {entries} entries must load");
        pack
    });
}

/// A store in a temporary folder whose log of the built-in pack holds
/// `reviews` answers spread over the pack's entries and sixty days.
fn store_with_reviews(reviews: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
    let pack = builtin_pack().unwrap_or_else(|report| panic!("built-in pack: {report:?}"));
    let ids: Vec<&str> = pack
        .topics
        .iter()
        .flat_map(|topic| topic.entries.iter().map(|entry| &*entry.id))
        .collect();
    let (store, warnings) = Store::open(Some(dir.path()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let (mut log, _) = store.pack(&pack.meta.id);
    let start = 1_750_000_000_000_i64;
    let ratings = [Rating::Good, Rating::Again, Rating::Easy, Rating::Hard];
    for n in 0..reviews {
        let kind = EventKind::Review {
            item: ids[n % ids.len()].to_owned(),
            rating: ratings[n % ratings.len()],
            due_now: false,
        };
        let at = Timestamp(start + i64::try_from(n).unwrap_or(0) * STEP_MS);
        assert!(log.append(kind, at).is_none());
    }
    dir
}

/// What `kisi` does to open the store before its first frame.
fn open_progress(dir: &Path, pack_id: &str) -> Progress {
    let (store, warnings) = Store::open(Some(dir));
    let (log, log_warnings) = store.pack(pack_id);
    let (settings, settings_warnings) = store.settings();
    assert!(warnings.is_empty() && log_warnings.is_empty() && settings_warnings.is_empty());
    black_box(settings);
    Progress::new(log)
}

#[divan::bench(args = REVIEWS, sample_count = 20)]
fn open_progress_store(bencher: Bencher, reviews: usize) {
    let dir = store_with_reviews(reviews);
    let pack = builtin_pack().unwrap_or_else(|report| panic!("built-in pack: {report:?}"));
    bencher.bench(|| open_progress(dir.path(), &pack.meta.id));
}

#[divan::bench(sample_count = 50)]
fn search_index(bencher: Bencher) {
    let pack = builtin_pack().unwrap_or_else(|report| panic!("built-in pack: {report:?}"));
    bencher.bench(|| Searcher::new(black_box(&pack)));
}

/// A manifest and one topic file with 20,000 errors; `one_line` puts them
/// all on one line.
fn broken_pack(one_line: bool) -> Vec<(String, Vec<u8>)> {
    let manifest = "[pack]\nid = \"p\"\ntitle = \"P\"\nlanguage = \"id\"\nversion = \"1\"\n\
                    description = \"D\"\n\n[[sources]]\nid = \"s\"\ncitation = \"C\"\n";
    let topic = if one_line {
        let items: Vec<String> = (0..10_000)
            .map(|i| {
                format!(
                    "{{id = \"Bad_{i}\", title = \"T\", body = \"B\", source = \"s\", \
                     see_also = [\"missing-{i}\"]}}"
                )
            })
            .collect();
        format!(
            "entries = [{}]\n[topic]\nid = \"t\"\ntitle = \"T\"\n",
            items.join(", ")
        )
    } else {
        let mut topic = String::from("[topic]\nid = \"t\"\ntitle = \"T\"\n");
        topic.extend((0..10_000).map(|i| {
            format!(
                "\n[[entries]]\nid = \"entry-{i}\"\ntitle = \"T\"\nbody = \"B\"\nsource = \"s\"\n\
                 see_also = [\"entry-{i}x\", \"entry-{i}y\"]\n"
            )
        }));
        topic
    };
    vec![
        ("pack.toml".to_owned(), manifest.as_bytes().to_vec()),
        ("01-t.toml".to_owned(), topic.into_bytes()),
    ]
}

#[divan::bench(args = [true, false], sample_count = 10)]
fn check_errors(bencher: Bencher, one_line: bool) {
    let files = broken_pack(one_line);
    bencher.bench(|| {
        let report = load_files(black_box(&files)).err();
        let report = report.unwrap_or_else(|| panic!("the broken pack must not load"));
        assert_eq!(report.diagnostics.len(), 20_000);
        report.render(false, kisi_core::i18n::Lang::En)
    });
}
