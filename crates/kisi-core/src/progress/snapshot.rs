//! The fold of a long log's first events, saved beside it
//! (`<name>.state.json`) so that opening the log reads only what was
//! appended after. It is a cache: the log stays the record and is never
//! rewritten; a snapshot that does not match its log, is damaged, or comes
//! from another fold is ignored and the whole log is read.
//! docs/progress-format.md, "Snapshot".

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fsrs::{MemoryState, Rating};
use super::journal::Journals;
use super::schedule::{ItemState, ProgressState};
use super::secure;
use super::store::ExamResult;
use super::time::{Day, Timestamp};

/// Bumped when the fold (FSRS weights, what counts as a review, the exams
/// under way since 2) changes:
/// an older snapshot is then ignored.
const FOLD_VERSION: u32 = 2;
/// How many bytes before the end of what a snapshot covers it keeps, to
/// recognise its log: they hold at least one event id, unique to the log.
const WINDOW: u64 = 256;
/// A snapshot is written once this many events were read past the last one.
pub const EVERY: usize = 2_000;
const LIMIT: u64 = 256 << 20;

/// What the snapshot stands for, as the log reader needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    pub state: ProgressState,
    /// The last event folded (in fold order): later events extend it.
    pub last_at: Timestamp,
    pub last_id: String,
    /// Damaged and newer lines in the part covered, still reported.
    pub damaged: usize,
    pub newer: usize,
    /// Bytes of the log covered.
    pub log_bytes: u64,
}

#[derive(Serialize, Deserialize)]
struct File1 {
    v: u32,
    fold: u32,
    pack: String,
    log_bytes: u64,
    /// Hex of the log's last bytes before `log_bytes`.
    window: String,
    last_at: Timestamp,
    last_id: String,
    damaged: usize,
    newer: usize,
    items: Vec<Item>,
    exams: Vec<(Timestamp, ExamResult)>,
    reviews_per_day: Vec<(i64, usize)>,
    /// Exams under way (fold 2).
    journals: Journals,
}

#[derive(Serialize, Deserialize)]
struct Item {
    key: String,
    stability: f64,
    difficulty: f64,
    last_review: Timestamp,
    last_rating: Rating,
    reviews: u32,
    lapses: u32,
    due: i64,
}

/// Where the snapshot of the log at `log` is kept.
pub fn path_for(log: &Path) -> PathBuf {
    log.with_extension("state.json")
}

/// The snapshot of `pack`'s log, if there is one that matches `log`.
pub fn read(log: &Path, pack: &str) -> Option<Base> {
    let bytes = secure::read_file(&path_for(log), LIMIT).ok()??;
    let file: File1 = serde_json::from_slice(&bytes).ok()?;
    if file.v != super::store::FORMAT_VERSION || file.fold != FOLD_VERSION || file.pack != pack {
        return None;
    }
    let log_file = secure::open_read(log).ok()?;
    if window(&log_file, file.log_bytes).ok()? != file.window {
        return None;
    }
    let mut state = ProgressState::default();
    for item in file.items {
        let value = ItemState {
            memory: MemoryState {
                stability: item.stability,
                difficulty: item.difficulty,
            },
            last_review: item.last_review,
            last_rating: item.last_rating,
            reviews: item.reviews,
            lapses: item.lapses,
            due: Day(item.due),
        };
        state.items.insert(item.key, value);
    }
    state.exams = file.exams;
    state.journals = file.journals;
    state.reviews_per_day = file
        .reviews_per_day
        .into_iter()
        .map(|(day, count)| (Day(day), count))
        .collect();
    Some(Base {
        state,
        last_at: file.last_at,
        last_id: file.last_id,
        damaged: file.damaged,
        newer: file.newer,
        log_bytes: file.log_bytes,
    })
}

/// Saves `base` as the snapshot of `pack`'s log at `log`, atomically.
///
/// # Errors
/// When the log or the snapshot cannot be read or written.
pub fn write(log: &Path, pack: &str, base: &Base) -> io::Result<()> {
    let log_file = secure::open_read(log)?;
    let mut items: Vec<Item> = base
        .state
        .items
        .iter()
        .map(|(key, item)| Item {
            key: key.clone(),
            stability: item.memory.stability,
            difficulty: item.memory.difficulty,
            last_review: item.last_review,
            last_rating: item.last_rating,
            reviews: item.reviews,
            lapses: item.lapses,
            due: item.due.0,
        })
        .collect();
    // The same state, the same file.
    items.sort_by(|a, b| a.key.cmp(&b.key));
    let file = File1 {
        v: super::store::FORMAT_VERSION,
        fold: FOLD_VERSION,
        pack: pack.to_owned(),
        log_bytes: base.log_bytes,
        window: window(&log_file, base.log_bytes)?,
        last_at: base.last_at,
        last_id: base.last_id.clone(),
        damaged: base.damaged,
        newer: base.newer,
        items,
        exams: base.state.exams.clone(),
        reviews_per_day: base
            .state
            .reviews_per_day
            .iter()
            .map(|(day, count)| (day.0, *count))
            .collect(),
        journals: base.state.journals.clone(),
    };
    let text = serde_json::to_vec(&file).map_err(io::Error::from)?;
    let dir = log.parent().unwrap_or_else(|| Path::new("."));
    super::store::write_atomically(dir, &path_for(log), &text)
}

/// The hex of the last bytes of `file` before `end`.
fn window(file: &File, end: u64) -> io::Result<String> {
    use std::fmt::Write;
    if file.metadata()?.len() < end {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    let start = end.saturating_sub(WINDOW);
    // At most WINDOW bytes.
    #[allow(clippy::cast_possible_truncation)]
    let mut bytes = vec![0u8; (end - start) as usize];
    super::store::read_at(file, &mut bytes, start)?;
    Ok(bytes.iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    }))
}
