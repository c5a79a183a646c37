//! Runs searches on a thread of their own, so typing never waits for a
//! search: on a pack of 100,000 entries one keystroke can take longer than a
//! frame. Only the newest query is searched: older ones waiting are
//! skipped, and a search under way stops as soon as a newer query is asked
//! for. The results come back through the event loop's inbox.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;

use kisi_core::cache::LazyIndex;
use kisi_core::content::Pack;

use super::inbox::Msg;

pub struct SearchWorker {
    requests: Sender<String>,
    last_requested: Option<String>,
    /// How many queries have been asked for: a search started for an
    /// earlier count is no longer wanted.
    asked: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the worker, which sends its results to `inbox`. The index is
    /// decoded from the pack cache, or built, on the worker thread, so a big
    /// pack does not delay the first frame; queries typed meanwhile wait,
    /// and the screen says it is searching.
    pub fn spawn(pack: Arc<Pack>, index: LazyIndex, inbox: Sender<Msg>) -> Self {
        let (requests, queries) = mpsc::channel::<String>();
        let asked = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&asked);
        thread::spawn(move || {
            let mut searcher = index.searcher(&pack);
            while let Ok(mut query) = queries.recv() {
                // Skip to the newest query: the older ones are no longer shown.
                while let Ok(newer) = queries.try_recv() {
                    query = newer;
                }
                // Counted before the query is sent: a newer count means a
                // newer query is on its way.
                let now = seen.load(Ordering::Acquire);
                let newer = || seen.load(Ordering::Acquire) != now;
                let Some(results) = searcher.search_unless(&pack, &query, &newer) else {
                    continue;
                };
                if inbox.send(Msg::Searched { query, results }).is_err() {
                    break;
                }
            }
        });
        Self {
            requests,
            last_requested: None,
            asked,
        }
    }

    /// Asks for `query` unless it is the one asked for last.
    pub fn request(&mut self, query: &str) {
        if self.last_requested.as_deref() != Some(query) {
            self.last_requested = Some(query.to_string());
            self.asked.fetch_add(1, Ordering::Release);
            // A send fails only if the worker is gone; results then stop
            // coming, which the screen shows as "searching…".
            let _ = self.requests.send(query.to_string());
        }
    }
}
