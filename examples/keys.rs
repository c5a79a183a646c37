//! The search bench's typing without the clock, for instruction counts and
//! for checking that two builds rank alike:
//!
//! `cargo run --release --example keys -- [--digest] ENTRIES [SESSIONS [QUERY…]]`
//!
//! Types each query one char at a time through one `Searcher` on
//! `synthetic_pack(ENTRIES, 2009)` (0: the built-in pack), highlighting the
//! rows a screen shows, as `benches/search.rs` does. Under callgrind only the
//! typing is counted:
//! `valgrind --tool=callgrind --toggle-collect='*keys::type_all*' BIN ENTRIES`.
//! `--digest` prints one line per query: a hash of every keystroke's hits and
//! highlighted rows.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::hint::black_box;

use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::synthetic::synthetic_pack;
use kisi_core::search::Searcher;

const QUERIES: [&str; 4] = ["konseling", "ketahanan sosial", "pasal 3", "mediatr"];
const ROWS: usize = 20;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let digest = args.first().is_some_and(|a| a == "--digest");
    if digest {
        args.remove(0);
    }
    let entries: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let sessions: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1);
    let queries: Vec<String> = if args.len() > 2 {
        args[2..].to_vec()
    } else {
        QUERIES.iter().map(|q| (*q).to_owned()).collect()
    };
    let pack = if entries == 0 {
        builtin_pack().unwrap_or_else(|report| panic!("built-in pack: {report:?}"))
    } else {
        synthetic_pack(entries, 2009)
    };
    let mut searcher = Searcher::new(&pack);
    if digest {
        for query in &queries {
            let mut hasher = DefaultHasher::new();
            type_query(&mut searcher, &pack, query, &mut |pack, results| {
                for hit in results.hits() {
                    format!("{hit:?}").hash(&mut hasher);
                }
                for row in 0..ROWS.min(results.len()) {
                    format!("{:?}", results.highlight(pack, row)).hash(&mut hasher);
                }
            });
            println!("{query:<18} {:016x}", hasher.finish());
        }
    } else {
        type_all(&mut searcher, &pack, &queries, sessions);
    }
}

#[inline(never)]
fn type_all(searcher: &mut Searcher, pack: &Pack, queries: &[String], sessions: usize) {
    for query in queries {
        for _ in 0..sessions {
            type_query(searcher, pack, query, &mut |pack, results| {
                for row in 0..ROWS.min(results.len()) {
                    black_box(results.highlight(pack, row));
                }
            });
        }
    }
}

type Seen<'a> = dyn FnMut(&Pack, &kisi_core::search::Results) + 'a;

fn type_query(searcher: &mut Searcher, pack: &Pack, query: &str, each: &mut Seen<'_>) {
    searcher.search(pack, "");
    for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
        let results = searcher.search(pack, &query[..end]);
        each(pack, &results);
    }
}
