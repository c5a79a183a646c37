//! The progress store on disk: one append-only log of events per pack, plus
//! a small settings file. Nothing is rewritten in place: a review is one
//! JSON line appended with a single write and flushed to disk before it
//! counts, so a process killed at any moment leaves the old or the new log,
//! and two processes appending at once (`O_APPEND`) lose nothing. Trouble
//! (no home folder, a read-only disk, a damaged file) never stops kisi: it
//! carries on with progress for this session only and says so.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

use super::fsrs::Rating;
use super::schedule::ProgressState;
use super::secure::{self, Refusal};
use super::snapshot::{self, Base};
use super::time::{Day, Timestamp};

/// The version written in every line and in the settings file. A reader
/// skips lines of a newer version (with a warning) instead of misreading them.
pub const FORMAT_VERSION: u32 = 1;

const LOG_DIR: &str = "progress";
const LOG_EXTENSION: &str = "jsonl";
const SETTINGS_FILE: &str = "settings.json";
/// The most of a log read at once: 256 MiB is over a million reviews,
/// and /dev/zero or a runaway file must not take all the memory.
const LOG_LIMIT: u64 = 256 << 20;
const SETTINGS_LIMIT: u64 = 1 << 20;
/// What every line starts with; a torn line followed by a whole one is
/// recovered by looking for it.
const LINE_START: &str = "{\"v\":";

/// Something the student should be told; kisi carries on regardless. The
/// words are in `i18n::StoreWords`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// No home folder: progress lasts for this session only.
    NoDataDir,
    /// The data folder cannot be created or written: session only.
    Unwritable { path: PathBuf, error: String },
    /// A file or folder of the store is not used, for `reason`: session
    /// only, and the file is left as it is.
    Refused { path: PathBuf, reason: Refusal },
    /// A file could not be read (permissions, I/O): that is not damage, so
    /// it is left as it is; session only.
    Unreadable { path: PathBuf, error: String },
    /// A damaged file was renamed and a fresh one started.
    MovedAside { path: PathBuf, to: PathBuf },
    /// A damaged file could not even be renamed: session only.
    Unusable { path: PathBuf, error: String },
    /// Damaged lines were skipped; the rest of the log was read.
    DamagedLines { path: PathBuf, count: usize },
    /// Lines (or a settings file) written by a newer kisi were skipped.
    NewerFormat { path: PathBuf, count: usize },
    /// The settings file was written by a newer kisi and is not replaced.
    NewerSettings { path: PathBuf },
    /// The settings would not read back (a date out of range): not saved.
    WouldNotReadBack { path: PathBuf },
    /// Saving failed; `unsaved` answers are kept in memory and saving is
    /// tried again at the next one.
    WriteFailed {
        path: PathBuf,
        error: String,
        unsaved: usize,
    },
}

impl Warning {
    pub fn message(&self, lang: Lang) -> String {
        let words = crate::i18n::store_words(lang);
        match self {
            Self::NoDataDir => words.no_data_dir.to_owned(),
            Self::Unwritable { path, error } => (words.unwritable)(&shown(path), error),
            Self::Refused { path, reason } => (words.refused)(&shown(path), words.refusal(*reason)),
            Self::Unreadable { path, error } => (words.unreadable)(&shown(path), error),
            Self::MovedAside { path, to } => (words.moved_aside)(&shown(path), &shown(to)),
            Self::Unusable { path, error } => (words.unusable)(&shown(path), error),
            Self::DamagedLines { path, count } => (words.damaged_lines)(&shown(path), *count),
            Self::NewerFormat { path, count } => (words.newer_format)(&shown(path), *count),
            Self::NewerSettings { path } => (words.newer_settings)(&shown(path)),
            Self::WouldNotReadBack { path } => (words.would_not_read_back)(&shown(path)),
            Self::WriteFailed {
                path,
                error,
                unsaved,
            } => (words.write_failed)(&shown(path), error, *unsaved),
        }
    }
}

/// A path for a message: control characters (a `--data-dir` can hold any)
/// are shown escaped, never sent to the terminal.
fn shown(path: &Path) -> String {
    path.display()
        .to_string()
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// One line of a log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique among all events ever written, by any process.
    pub id: String,
    pub pack: String,
    pub at: Timestamp,
    #[serde(flatten)]
    pub kind: EventKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// An item (entry id or point key) was answered.
    Review { item: String, rating: Rating },
    /// A mock exam was finished.
    Exam(ExamResult),
}

/// The result of a mock exam, as kept in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamResult {
    pub questions: usize,
    pub answered: usize,
    pub score_percent: f64,
    pub pass_mark: u8,
    pub passed: bool,
    pub duration_secs: u64,
    pub by_topic: Vec<TopicResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicResult {
    pub topic: String,
    pub earned: f64,
    pub answered: usize,
}

impl Serialize for Rating {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(*self as u8)
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let grade = u8::deserialize(deserializer)?;
        Rating::from_grade(grade)
            .ok_or_else(|| serde::de::Error::custom(format!("rating {grade} is not 1 to 4")))
    }
}

/// How a line is written: the version first, so that a torn line can be
/// told from the start of the next one.
#[derive(Serialize)]
struct Line<'a> {
    v: u32,
    #[serde(flatten)]
    event: &'a Event,
}

/// How a line is read: every field of every kind in one plain struct.
/// Reading `Line` back through `flatten` and the tagged enum would buffer
/// each line into an intermediate map first, which made opening a log of
/// 10,000 reviews cost more than the whole start-up.
#[derive(Deserialize)]
struct StoredLine {
    v: u32,
    id: String,
    pack: String,
    at: Timestamp,
    kind: StoredKind,
    item: Option<String>,
    rating: Option<Rating>,
    questions: Option<usize>,
    answered: Option<usize>,
    score_percent: Option<f64>,
    pass_mark: Option<u8>,
    passed: Option<bool>,
    duration_secs: Option<u64>,
    by_topic: Option<Vec<TopicResult>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum StoredKind {
    Review,
    Exam,
}

impl StoredLine {
    /// The event, or `None` when a field its kind needs is missing.
    fn into_event(self) -> Option<Event> {
        let kind = match self.kind {
            StoredKind::Review => EventKind::Review {
                item: self.item?,
                rating: self.rating?,
            },
            StoredKind::Exam => EventKind::Exam(ExamResult {
                questions: self.questions?,
                answered: self.answered?,
                score_percent: self.score_percent?,
                pass_mark: self.pass_mark?,
                passed: self.passed?,
                duration_secs: self.duration_secs?,
                by_topic: self.by_topic?,
            }),
        };
        Some(Event {
            id: self.id,
            pack: self.pack,
            at: self.at,
            kind,
        })
    }
}

/// A line of the current format or older, as an event.
fn parse_event(text: &str) -> Option<Event> {
    serde_json::from_str::<StoredLine>(text)
        .ok()
        .filter(|line| line.v <= FORMAT_VERSION)
        .and_then(StoredLine::into_event)
}

#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

/// Union of two sets of events by id, ordered by time (then id): what
/// merging the logs of two processes gives.
pub fn merge(a: &[Event], b: &[Event]) -> Vec<Event> {
    let mut seen = HashSet::new();
    let mut all: Vec<Event> = a
        .iter()
        .chain(b)
        .filter(|e| seen.insert(e.id.clone()))
        .cloned()
        .collect();
    sort_events(&mut all);
    all
}

fn sort_events(events: &mut [Event]) {
    events.sort_by(order);
}

/// The order of the fold: time, then id, so that any two processes agree.
pub fn order(x: &Event, y: &Event) -> std::cmp::Ordering {
    x.at.cmp(&y.at).then_with(|| x.id.cmp(&y.id))
}

/// Where progress is kept: a folder, or nowhere (this session only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    root: Option<PathBuf>,
}

/// Exam dates and other small choices, kept per pack id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub exam_dates: BTreeMap<String, Day>,
}

#[derive(Serialize, Deserialize)]
struct SettingsFile {
    v: u32,
    #[serde(flatten)]
    settings: Settings,
}

impl Store {
    /// Opens the store in `dir`, or in kisi's folder of the user's data
    /// folder (`$XDG_DATA_HOME/kisi`, usually `~/.local/share/kisi`). When
    /// that is impossible or unsafe the store lives in memory, with a
    /// warning.
    pub fn open(dir: Option<&Path>) -> (Self, Vec<Warning>) {
        let (root, chosen) = match dir {
            Some(dir) => (dir.to_path_buf(), true),
            None => match default_dir() {
                Some(dir) => (dir, false),
                None => return (Self::in_memory(), vec![Warning::NoDataDir]),
            },
        };
        match prepare(&root, chosen) {
            Ok(()) => (Self { root: Some(root) }, Vec::new()),
            Err(warning) => (Self::in_memory(), vec![warning]),
        }
    }

    /// A store that keeps progress for this session only.
    pub fn in_memory() -> Self {
        Self { root: None }
    }

    /// The folder of the store; `None` for a session-only store.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// The log of one pack, read from disk.
    pub fn pack(&self, pack_id: &str) -> (PackLog, Vec<Warning>) {
        let Some(root) = &self.root else {
            return (PackLog::in_memory(pack_id), Vec::new());
        };
        let path = root.join(LOG_DIR).join(log_file_name(pack_id));
        PackLog::open(pack_id, path)
    }

    pub fn settings(&self) -> (Settings, Vec<Warning>) {
        let Some(root) = &self.root else {
            return (Settings::default(), Vec::new());
        };
        let path = root.join(SETTINGS_FILE);
        let bytes = match secure::read_file(&path, SETTINGS_LIMIT) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return (Settings::default(), Vec::new()),
            Err(error) => return (Settings::default(), vec![read_warning(path, error)]),
        };
        // The version first: a newer file may not fit today's fields, and
        // is not damaged for that.
        if version_of(&bytes).is_some_and(|v| v > FORMAT_VERSION) {
            return (
                Settings::default(),
                vec![Warning::NewerFormat { path, count: 1 }],
            );
        }
        match serde_json::from_slice::<SettingsFile>(&bytes) {
            Ok(file) => (file.settings, Vec::new()),
            Err(_) => (Settings::default(), vec![move_aside(&path)]),
        }
    }

    /// Saves the settings atomically: a temporary file with a random name,
    /// flushed, renamed over the old one. A session-only store keeps
    /// nothing.
    ///
    /// # Errors
    /// A warning when the file cannot be written, when what would be
    /// written would not read back, or when the file there was written by
    /// a newer kisi; the old file is intact.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), Warning> {
        let Some(root) = &self.root else {
            return Ok(());
        };
        let path = root.join(SETTINGS_FILE);
        if let Ok(Some(bytes)) = secure::read_file(&path, SETTINGS_LIMIT)
            && version_of(&bytes).is_some_and(|v| v > FORMAT_VERSION)
        {
            return Err(Warning::NewerSettings { path });
        }
        let failed = |error: String| Warning::WriteFailed {
            path: path.clone(),
            error,
            unsaved: 0,
        };
        let file = SettingsFile {
            v: FORMAT_VERSION,
            settings: settings.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file).map_err(|e| failed(e.to_string()))?;
        text.push('\n');
        let back = serde_json::from_str::<SettingsFile>(&text).ok();
        if back.map(|file| file.settings).as_ref() != Some(settings) {
            return Err(Warning::WouldNotReadBack { path });
        }
        write_atomically(root, &path, text.as_bytes()).map_err(|e| failed(e.to_string()))
    }
}

/// The version of a settings file, if it has one.
fn version_of(bytes: &[u8]) -> Option<u32> {
    serde_json::from_slice::<VersionOnly>(bytes)
        .ok()
        .map(|v| v.v)
}

fn default_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("kisi"))
}

/// Creates the store's folders (0700) and checks that they are safe to
/// use: the user's own, not writable by others (unless the user's own
/// with the sticky bit, like /tmp), and writable. A folder the user chose
/// with `--data-dir` is refused when it is shared; kisi's own folders are
/// tightened instead (an older kisi made them with the umask's bits).
fn prepare(root: &Path, chosen: bool) -> Result<(), Warning> {
    let unwritable = |path: &Path, error: &io::Error| Warning::Unwritable {
        path: path.to_path_buf(),
        error: error.to_string(),
    };
    let refused = |path: &Path, reason| Warning::Refused {
        path: path.to_path_buf(),
        reason,
    };
    secure::create_private_dir_all(root).map_err(|e| unwritable(root, &e))?;
    // The data folder itself may be a link the user made (to a USB stick).
    let meta = fs::metadata(root).map_err(|e| unwritable(root, &e))?;
    secure::check_folder(root, &meta, !chosen).map_err(|r| refused(root, r))?;
    let logs = root.join(LOG_DIR);
    match secure::create_private_dir_all(&logs) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(unwritable(&logs, &e)),
        _ => {}
    }
    let meta = fs::symlink_metadata(&logs).map_err(|e| unwritable(&logs, &e))?;
    secure::check_folder(&logs, &meta, true).map_err(|r| refused(&logs, r))?;
    // Being root, or a file system mounted read-only, is only found out
    // by trying: a temporary file (random name, O_EXCL), removed on drop.
    tempfile::Builder::new()
        .prefix(".probe-")
        .tempfile_in(&logs)
        .map(drop)
        .map_err(|e| unwritable(root, &e))
}

/// What a failed read of a store file means for the student.
fn read_warning(path: PathBuf, error: secure::ReadError) -> Warning {
    match error {
        secure::ReadError::Refused(reason) => Warning::Refused { path, reason },
        secure::ReadError::Failed(error) => Warning::Unreadable {
            path,
            error: error.to_string(),
        },
    }
}

/// The longest file name part kept as it is; longer pack ids end in a
/// hash instead, so that the name with its extension and a
/// `.corrupt-<seconds>-<n>` suffix stays well under `NAME_MAX` (255 bytes).
const MAX_NAME: usize = 160;

/// A pack id as a file name: ids are `[a-z0-9-]`, anything else is
/// escaped so that no id can reach outside the folder.
fn log_file_name(pack_id: &str) -> String {
    let mut name: String = pack_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("%{:04x}", u32::from(c))
            }
        })
        .collect();
    if name.len() > MAX_NAME {
        // The name is ASCII: any byte is a character boundary.
        name.truncate(MAX_NAME - 17);
        let hash = format!("~{:016x}", fnv1a(pack_id.as_bytes()));
        name.push_str(&hash);
    }
    format!("{name}.{LOG_EXTENSION}")
}

/// FNV-1a, 64 bits: a hash that never changes between Rust releases, as a
/// file name must not.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes `bytes` to a new temporary file in `dir` (random name, created
/// 0600 with `O_EXCL`, so no planted link is followed), flushes it and
/// renames it to `path`, which replaces a link rather than following it.
pub(super) fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut temp = tempfile::Builder::new()
        .prefix(".kisi-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_parent(path)
}

/// Makes a new or renamed directory entry durable.
fn sync_parent(path: &Path) -> io::Result<()> {
    match path.parent() {
        Some(parent) => File::open(parent)?.sync_all(),
        None => Ok(()),
    }
}

/// Renames a damaged file to `<name>.corrupt-<unix seconds>` and says so.
fn move_aside(path: &Path) -> Warning {
    let seconds = Timestamp::now().0.div_euclid(1000);
    let mut to = path.with_file_name(format!(
        "{}.corrupt-{seconds}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let mut n = 1;
    while fs::symlink_metadata(&to).is_ok() {
        n += 1;
        to.set_extension(format!("corrupt-{seconds}-{n}"));
    }
    match fs::rename(path, &to) {
        Ok(()) => Warning::MovedAside {
            path: path.to_path_buf(),
            to,
        },
        Err(e) => Warning::Unusable {
            path: path.to_path_buf(),
            error: e.to_string(),
        },
    }
}

/// The events of one pack, and where new ones are appended.
#[derive(Debug)]
pub struct PackLog {
    pack: String,
    /// `None` once the log lives in memory only.
    path: Option<PathBuf>,
    file: Option<File>,
    events: Vec<Event>,
    ids: HashSet<String>,
    /// Events whose saving failed, oldest first: saving them is tried
    /// again with the next event (or [`PackLog::retry`]).
    unsaved: Vec<Event>,
    /// How many bytes of the file are read: whole lines only.
    read_to: u64,
    /// Bumped whenever events are inserted before the last one, so that a
    /// fold of the first events is no longer a fold of a prefix.
    reordered: u64,
    /// The fold of the events before `events`, from the snapshot.
    base: Option<Base>,
    /// Damaged and newer lines read since the base (or the start).
    damaged: usize,
    newer: usize,
    /// Whether this process added events: a snapshot holds only what the
    /// file holds.
    appended: bool,
}

/// What reading a log found.
struct Read {
    events: Vec<Event>,
    damaged: usize,
    newer: usize,
}

impl PackLog {
    pub fn in_memory(pack_id: &str) -> Self {
        Self {
            pack: pack_id.to_owned(),
            path: None,
            file: None,
            events: Vec::new(),
            ids: HashSet::new(),
            unsaved: Vec::new(),
            read_to: 0,
            reordered: 0,
            base: None,
            damaged: 0,
            newer: 0,
            appended: false,
        }
    }

    fn open(pack_id: &str, path: PathBuf) -> (Self, Vec<Warning>) {
        let mut log = Self::in_memory(pack_id);
        log.base = snapshot::read(&path, pack_id);
        log.read_to = log.base.as_ref().map_or(0, |base| base.log_bytes);
        log.path = Some(path);
        let mut warnings = log.reload();
        // What the snapshot covers is still reported, as if read again.
        if let (Some(base), Some(path)) = (&log.base, &log.path) {
            for (count, damaged) in [(base.damaged, true), (base.newer, false)] {
                add_count(&mut warnings, path, count, damaged);
            }
        }
        (log, warnings)
    }

    /// The fold of the events before [`PackLog::events`], when a snapshot
    /// stood for them.
    pub(super) fn base(&self) -> Option<&ProgressState> {
        self.base.as_ref().map(|base| &base.state)
    }

    /// Saves `state`, the fold of the base and every event, as the log's
    /// snapshot when enough events were read past the last one. Only right
    /// after opening: a snapshot stands for what the file holds. It is a
    /// cache: failing to write it costs only time at the next start.
    pub(super) fn save_snapshot(&self, state: &ProgressState) {
        let (Some(path), Some(last)) = (&self.path, self.events.last()) else {
            return;
        };
        if self.appended || !self.unsaved.is_empty() || self.events.len() < snapshot::EVERY {
            return;
        }
        let base = Base {
            state: state.clone(),
            last_at: last.at,
            last_id: last.id.clone(),
            damaged: self.base.as_ref().map_or(0, |b| b.damaged) + self.damaged,
            newer: self.base.as_ref().map_or(0, |b| b.newer) + self.newer,
            log_bytes: self.read_to,
        };
        let _ = snapshot::write(path, &self.pack, &base);
    }

    pub fn pack_id(&self) -> &str {
        &self.pack
    }

    /// Whether new events reach the disk.
    pub fn is_persistent(&self) -> bool {
        self.path.is_some()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Every event of the pack, oldest first; when the log was opened from
    /// a snapshot, those after it (the fold of the earlier ones is the
    /// snapshot's).
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many events are kept in memory only because saving them failed.
    pub fn unsaved(&self) -> usize {
        self.unsaved.len()
    }

    /// Changes whenever [`PackLog::events`] changed other than by events
    /// added at the end.
    pub fn reordered(&self) -> u64 {
        self.reordered
    }

    /// Reads what was appended to the log since it was last read (by any
    /// process) and adds it. Reading costs what is new, not the whole log.
    pub fn reload(&mut self) -> Vec<Warning> {
        let Some(path) = self.path.clone() else {
            return Vec::new();
        };
        let bytes = match self.read_new(&path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Vec::new(),
            Err(error) => {
                // Left as it is: the student's progress is still in there.
                self.path = None;
                self.file = None;
                return vec![read_warning(path, error)];
            }
        };
        let first = self.read_to == 0;
        let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        if whole < bytes.len() {
            Self::repair_tail(&path, self.read_to + bytes.len() as u64);
        }
        let read = read_lines(&bytes[..whole], &self.pack);
        if first && read.damaged > 0 && read.events.is_empty() && read.newer == 0 {
            return self.set_aside(&path);
        }
        if read.events.iter().any(|e| self.before_base(e)) {
            // An event that belongs before the snapshot's last (a clock set
            // back, a merged log): the snapshot no longer folds a prefix,
            // so the whole log is read and folded again.
            self.drop_base();
            return self.reload();
        }
        self.read_to += whole as u64;
        self.damaged += read.damaged;
        self.newer += read.newer;
        let mut warnings = Vec::new();
        if read.damaged > 0 {
            warnings.push(Warning::DamagedLines {
                path: path.clone(),
                count: read.damaged,
            });
        }
        if read.newer > 0 {
            warnings.push(Warning::NewerFormat {
                path,
                count: read.newer,
            });
        }
        self.add(read.events);
        warnings
    }

    /// The bytes after `read_to`; `None` when there is no log yet.
    fn read_new(&mut self, path: &Path) -> Result<Option<Vec<u8>>, secure::ReadError> {
        let mut file = match secure::open_read(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(secure::classify(e)),
        };
        let len = file.metadata().map_err(secure::ReadError::Failed)?.len();
        if len < self.read_to {
            // Replaced or cut short by someone: read it all again; the
            // events already known count once.
            self.read_to = 0;
        }
        file.seek(SeekFrom::Start(self.read_to))
            .map_err(secure::ReadError::Failed)?;
        secure::read_capped(&mut file, LOG_LIMIT).map(Some)
    }

    /// Cuts a torn last line (a writer killed or a disk full mid-line)
    /// off a log of `len` bytes, unless some process is appending to it
    /// right now (it holds the lock) or it grew meanwhile. The torn line
    /// never held a saved event: an event counts once its whole line is
    /// flushed.
    fn repair_tail(path: &Path, len: u64) {
        let Ok(file) = secure::open_existing_rw(path) else {
            return;
        };
        if secure::lock(&file, true) {
            if file.metadata().is_ok_and(|m| m.len() == len) {
                let _ = cut_torn_tail(&file, len);
            }
            secure::unlock(&file);
        }
    }

    fn before_base(&self, event: &Event) -> bool {
        self.base
            .as_ref()
            .is_some_and(|base| (event.at, &event.id) <= (base.last_at, &base.last_id))
    }

    /// Forgets the snapshot: the next read is of the whole log.
    fn drop_base(&mut self) {
        self.base = None;
        self.read_to = 0;
        self.damaged = 0;
        self.newer = 0;
        self.reordered += 1;
    }

    /// Moves a damaged log aside; the events already known stay and new
    /// ones go to a fresh log.
    fn set_aside(&mut self, path: &Path) -> Vec<Warning> {
        self.file = None;
        self.read_to = 0;
        let warning = move_aside(path);
        if matches!(warning, Warning::Unusable { .. }) {
            self.path = None;
        }
        vec![warning]
    }

    /// Adds events not known yet; sorts only when one lands before the
    /// last.
    fn add(&mut self, events: Vec<Event>) {
        let mut in_order = true;
        for event in events {
            if self.ids.insert(event.id.clone()) {
                if self
                    .events
                    .last()
                    .is_some_and(|last| order(&event, last).is_lt())
                {
                    in_order = false;
                }
                self.events.push(event);
            }
        }
        if !in_order {
            sort_events(&mut self.events);
            self.reordered += 1;
        }
    }

    /// Records an event at `at` and saves it, with any earlier events
    /// whose saving failed. When saving fails the student is told at once
    /// (the warning), the events are kept, and saving is tried again with
    /// the next event.
    #[must_use]
    pub fn append(&mut self, kind: EventKind, at: Timestamp) -> Option<Warning> {
        let event = Event {
            id: new_event_id(at),
            pack: self.pack.clone(),
            at,
            kind,
        };
        if self.path.is_some() {
            self.unsaved.push(event.clone());
        }
        self.appended = true;
        let early = self.before_base(&event);
        self.add(vec![event]);
        let warning = self.retry();
        if early {
            // Answered with a clock set back to before the snapshot's last
            // event: fold the whole log again, this event in its place.
            self.drop_base();
            let _ = self.reload();
        }
        warning
    }

    /// Tries again to save the events whose saving failed.
    #[must_use]
    pub fn retry(&mut self) -> Option<Warning> {
        if self.unsaved.is_empty() {
            return None;
        }
        let path = self.path.clone()?;
        match self.write_unsaved(&path) {
            Ok(()) => {
                self.unsaved.clear();
                None
            }
            Err(error) => {
                // Opened afresh next time: the file may be back by then.
                self.file = None;
                Some(Warning::WriteFailed {
                    path,
                    error: error.to_string(),
                    unsaved: self.unsaved.len(),
                })
            }
        }
    }

    fn write_unsaved(&mut self, path: &Path) -> io::Result<()> {
        let mut lines = String::new();
        for event in &self.unsaved {
            let line = serde_json::to_string(&Line {
                v: FORMAT_VERSION,
                event,
            })
            .map_err(io::Error::other)?;
            lines.push_str(&line);
            lines.push('\n');
        }
        if self.file.is_none() {
            let created = fs::symlink_metadata(path).is_err();
            let file = secure::open_append(path)?;
            if created {
                sync_parent(path)?;
            }
            self.file = Some(file);
        }
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        // A writer that can have the log to itself mends a torn last line
        // first; one that cannot (another is appending) ends it with a
        // newline so that its own line stays whole.
        let exclusive = secure::lock_for_append(file)?;
        let result = (|| {
            let len = file.metadata()?.len();
            if !ends_with_newline(file, len)? {
                if exclusive {
                    cut_torn_tail(file, len)?;
                } else {
                    lines.insert(0, '\n');
                }
            }
            // One write of the whole text: with O_APPEND it lands in one
            // piece after whatever other processes wrote.
            file.write_all(lines.as_bytes())?;
            file.sync_data()
        })();
        secure::unlock(file);
        result
    }
}

/// Adds `count` damaged (or newer) lines to the warning of that kind in
/// `warnings`, or a warning of its own.
fn add_count(warnings: &mut Vec<Warning>, path: &Path, count: usize, damaged: bool) {
    if count == 0 {
        return;
    }
    for warning in warnings.iter_mut() {
        match warning {
            Warning::DamagedLines { count: c, .. } if damaged => {
                *c += count;
                return;
            }
            Warning::NewerFormat { count: c, .. } if !damaged => {
                *c += count;
                return;
            }
            _ => {}
        }
    }
    let path = path.to_path_buf();
    warnings.push(if damaged {
        Warning::DamagedLines { path, count }
    } else {
        Warning::NewerFormat { path, count }
    });
}

/// Truncates a file of `len` bytes after its last newline.
fn cut_torn_tail(file: &File, len: u64) -> io::Result<()> {
    let mut end = len;
    let mut chunk = vec![0u8; 4096];
    let keep = loop {
        if end == 0 {
            break 0;
        }
        let start = end.saturating_sub(chunk.len() as u64);
        // At most 4096 bytes: the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let part = &mut chunk[..(end - start) as usize];
        read_at(file, part, start)?;
        if let Some(i) = part.iter().rposition(|&b| b == b'\n') {
            break start + i as u64 + 1;
        }
        end = start;
    };
    file.set_len(keep)?;
    file.sync_data()
}

#[cfg(unix)]
pub(super) fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
pub(super) fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    use std::io::Read;
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

fn ends_with_newline(file: &File, len: u64) -> io::Result<bool> {
    if len == 0 {
        return Ok(true);
    }
    let mut last = [0u8];
    read_at(file, &mut last, len - 1)?;
    Ok(last[0] == b'\n')
}

/// Reads the lines of a log. The last line without its newline is a write
/// cut short and is dropped quietly; any other bad line is counted.
fn read_lines(bytes: &[u8], pack: &str) -> Read {
    let mut read = Read {
        events: Vec::new(),
        damaged: 0,
        newer: 0,
    };
    let complete = bytes.last() == Some(&b'\n');
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let last = lines.len().saturating_sub(1);
    for (index, raw) in lines.into_iter().enumerate() {
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let torn_tail = index == last && !complete;
        match parse_line(raw) {
            Parsed::Event { event, whole } => {
                if !whole && !torn_tail {
                    read.damaged += 1;
                }
                if event.pack == pack {
                    read.events.push(event);
                }
            }
            Parsed::Newer => read.newer += 1,
            Parsed::Bad if torn_tail => {}
            Parsed::Bad => read.damaged += 1,
        }
    }
    read
}

enum Parsed {
    /// `whole` is false when a torn line before the event was cut off.
    Event {
        event: Event,
        whole: bool,
    },
    Newer,
    Bad,
}

fn parse_line(raw: &[u8]) -> Parsed {
    let Ok(text) = std::str::from_utf8(raw) else {
        return rescue(&String::from_utf8_lossy(raw));
    };
    if let Some(event) = parse_event(text) {
        return Parsed::Event { event, whole: true };
    }
    match serde_json::from_str::<VersionOnly>(text) {
        Ok(v) if v.v > FORMAT_VERSION => Parsed::Newer,
        _ => rescue(text),
    }
}

/// A torn line followed by a whole one: the whole one is the last line
/// start in the text.
fn rescue(text: &str) -> Parsed {
    let Some(start) = text.rfind(LINE_START).filter(|&s| s > 0) else {
        return Parsed::Bad;
    };
    match parse_event(&text[start..]) {
        Some(event) => Parsed::Event {
            event,
            whole: false,
        },
        None => Parsed::Bad,
    }
}

/// An id unique across processes and machines: the time, the process, a
/// counter, and per-process randomness from the standard library's hasher
/// keys.
fn new_event_id(at: Timestamp) -> String {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u64(count);
    hasher.write_i64(Timestamp::now().0);
    // The counter has a fixed width so that a process's events of one
    // millisecond sort in the order they were made (see `order`).
    format!(
        "{:x}-{:x}-{count:08x}-{:016x}",
        at.0,
        std::process::id(),
        hasher.finish()
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn review(item: &str) -> EventKind {
        EventKind::Review {
            item: item.to_owned(),
            rating: Rating::Good,
        }
    }

    #[test]
    fn a_line_starts_with_the_version_and_reads_back() {
        let mut log = PackLog::in_memory("p");
        assert!(log.append(review("a#1"), Timestamp(5)).is_none());
        let event = log.events()[0].clone();
        let line = serde_json::to_string(&Line {
            v: FORMAT_VERSION,
            event: &event,
        })
        .unwrap();
        assert!(line.starts_with(LINE_START), "{line}");
        assert!(line.contains("\"kind\":\"review\",\"item\":\"a#1\",\"rating\":3"));
        let read = read_lines(format!("{line}\n").as_bytes(), "p");
        assert_eq!(read.events, vec![event]);
    }

    #[test]
    fn an_exam_line_reads_back() {
        let event = Event {
            id: "e".to_owned(),
            pack: "p".to_owned(),
            at: Timestamp(7),
            kind: EventKind::Exam(ExamResult {
                questions: 20,
                answered: 18,
                score_percent: 72.5,
                pass_mark: 70,
                passed: true,
                duration_secs: 1180,
                by_topic: vec![TopicResult {
                    topic: "peran".to_owned(),
                    earned: 4.5,
                    answered: 5,
                }],
            }),
        };
        let line = serde_json::to_string(&Line {
            v: FORMAT_VERSION,
            event: &event,
        })
        .unwrap();
        let read = read_lines(format!("{line}\n").as_bytes(), "p");
        assert_eq!(read.events, vec![event]);
        assert_eq!(read.damaged, 0);
    }

    #[test]
    fn a_line_missing_a_field_of_its_kind_is_damaged() {
        let text = concat!(
            r#"{"v":1,"id":"a","pack":"p","at":1,"kind":"review","item":"x"}"#,
            "\n",
            r#"{"v":1,"id":"b","pack":"p","at":2,"kind":"exam","questions":1}"#,
            "\n",
            r#"{"v":1,"id":"c","pack":"p","at":3,"kind":"quiz","item":"x","rating":3}"#,
            "\n",
            r#"{"v":1,"id":"d","pack":"p","at":4,"kind":"review","item":"x","rating":3}"#,
            "\n",
        );
        let read = read_lines(text.as_bytes(), "p");
        assert_eq!(read.damaged, 3);
        assert_eq!(read.events.len(), 1);
        assert_eq!(read.events[0].id, "d");
    }

    #[test]
    fn a_torn_line_followed_by_a_whole_one_keeps_the_whole_one() {
        let mut log = PackLog::in_memory("p");
        let _ = log.append(review("x"), Timestamp(1));
        let line = serde_json::to_string(&Line {
            v: 1,
            event: &log.events()[0],
        })
        .unwrap();
        let text = format!("{}{line}\n{}", &line[..20], &line[..30]);
        let read = read_lines(text.as_bytes(), "p");
        assert_eq!(read.events.len(), 1);
        assert_eq!(read.damaged, 1, "the torn middle line is reported");
    }

    #[test]
    fn newer_lines_and_other_packs_are_skipped() {
        let text = "{\"v\":2,\"whatever\":true}\n{\"v\":1,\"id\":\"a\",\"pack\":\"q\",\"at\":1,\"kind\":\"review\",\"item\":\"e\",\"rating\":1}\n";
        let read = read_lines(text.as_bytes(), "p");
        assert_eq!((read.events.len(), read.newer, read.damaged), (0, 1, 0));
    }

    #[test]
    fn event_ids_differ() {
        let ids: HashSet<String> = (0..1000).map(|_| new_event_id(Timestamp(7))).collect();
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn paths_in_warnings_show_control_characters_escaped() {
        let warning = Warning::Unwritable {
            path: PathBuf::from("/media/\u{1b}]52;c;x\u{7}/kisi"),
            error: "no".to_owned(),
        };
        for lang in [Lang::Id, Lang::En] {
            let text = warning.message(lang);
            assert!(!text.chars().any(char::is_control), "{text:?}");
            assert!(text.contains("\\u{1b}]52;c;x\\u{7}"), "{text}");
        }
    }

    #[test]
    fn odd_pack_ids_stay_inside_the_folder() {
        assert_eq!(log_file_name("pekerjaan-sosial"), "pekerjaan-sosial.jsonl");
        assert_eq!(log_file_name("../x"), "%002e%002e%002fx.jsonl");
    }
}
