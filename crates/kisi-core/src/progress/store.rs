//! The progress store on disk: one append-only log of events per pack, plus
//! a small settings file. Nothing is rewritten in place: a review is one
//! JSON line appended with a single write and flushed to disk before it
//! counts, so a process killed at any moment leaves the old or the new log,
//! and two processes appending at once (`O_APPEND`) lose nothing. Trouble
//! (no home folder, a read-only disk, a damaged file) never stops kisi: it
//! carries on with progress for this session only and says so.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

use super::fsrs::Rating;
use super::time::{Day, Timestamp};

/// The version written in every line and in the settings file. A reader
/// skips lines of a newer version (with a warning) instead of misreading them.
pub const FORMAT_VERSION: u32 = 1;

const LOG_DIR: &str = "progress";
const LOG_EXTENSION: &str = "jsonl";
const SETTINGS_FILE: &str = "settings.json";
/// What every line starts with; a torn line followed by a whole one is
/// recovered by looking for it.
const LINE_START: &str = "{\"v\":";

/// Something the student should be told; kisi carries on regardless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// No home folder: progress lasts for this session only.
    NoDataDir,
    /// The data folder cannot be created or written: session only.
    Unwritable { path: PathBuf, error: String },
    /// A damaged or unreadable file was renamed and a fresh one started.
    MovedAside { path: PathBuf, to: PathBuf },
    /// A damaged file could not even be renamed: session only.
    Unusable { path: PathBuf, error: String },
    /// Damaged lines were skipped; the rest of the log was read.
    DamagedLines { path: PathBuf, count: usize },
    /// Lines written by a newer kisi were skipped.
    NewerFormat { path: PathBuf, count: usize },
    /// Saving failed; this and later answers last for this session only.
    WriteFailed { path: PathBuf, error: String },
}

impl Warning {
    pub fn message(&self, lang: Lang) -> String {
        let id = lang == Lang::Id;
        match self {
            Self::NoDataDir => if id {
                "Folder rumah tidak ditemukan: kemajuan hanya disimpan selama sesi ini."
            } else {
                "No home folder found: progress is kept for this session only."
            }
            .to_owned(),
            Self::Unwritable { path, error } => {
                if id {
                    format!(
                        "Tidak bisa menulis ke {}: {error}. Kemajuan hanya disimpan selama sesi ini.",
                        path.display()
                    )
                } else {
                    format!(
                        "Cannot write to {}: {error}. Progress is kept for this session only.",
                        path.display()
                    )
                }
            }
            Self::MovedAside { path, to } => {
                if id {
                    format!(
                        "Berkas {} rusak; dipindahkan ke {} dan dimulai berkas baru.",
                        path.display(),
                        to.display()
                    )
                } else {
                    format!(
                        "{} was damaged; it was moved to {} and a new file was started.",
                        path.display(),
                        to.display()
                    )
                }
            }
            Self::Unusable { path, error } => {
                if id {
                    format!(
                        "Berkas {} rusak dan tidak bisa dipindahkan ({error}). Kemajuan hanya disimpan selama sesi ini.",
                        path.display()
                    )
                } else {
                    format!(
                        "{} is damaged and cannot be moved aside ({error}). Progress is kept for this session only.",
                        path.display()
                    )
                }
            }
            Self::DamagedLines { path, count } => {
                if id {
                    format!("{count} baris rusak di {} dilewati.", path.display())
                } else {
                    format!("Skipped {count} damaged line(s) in {}.", path.display())
                }
            }
            Self::NewerFormat { path, count } => {
                if id {
                    format!(
                        "{count} baris di {} ditulis oleh kisi yang lebih baru dan dilewati.",
                        path.display()
                    )
                } else {
                    format!(
                        "Skipped {count} line(s) of {} written by a newer kisi.",
                        path.display()
                    )
                }
            }
            Self::WriteFailed { path, error } => {
                if id {
                    format!(
                        "Gagal menyimpan ke {}: {error}. Kemajuan selanjutnya hanya disimpan selama sesi ini.",
                        path.display()
                    )
                } else {
                    format!(
                        "Could not save to {}: {error}. Further progress is kept for this session only.",
                        path.display()
                    )
                }
            }
        }
    }
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
    events.sort_by(|x, y| x.at.cmp(&y.at).then_with(|| x.id.cmp(&y.id)));
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
    /// that is impossible the store lives in memory, with a warning.
    pub fn open(dir: Option<&Path>) -> (Self, Vec<Warning>) {
        let root = match dir {
            Some(dir) => dir.to_path_buf(),
            None => match default_dir() {
                Some(dir) => dir,
                None => return (Self::in_memory(), vec![Warning::NoDataDir]),
            },
        };
        let logs = root.join(LOG_DIR);
        if let Err(error) = fs::create_dir_all(&logs).and_then(|()| check_writable(&logs)) {
            let warning = Warning::Unwritable {
                path: root,
                error: error.to_string(),
            };
            return (Self::in_memory(), vec![warning]);
        }
        (Self { root: Some(root) }, Vec::new())
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
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return (Settings::default(), Vec::new());
            }
            Err(_) => return (Settings::default(), vec![move_aside(&path)]),
        };
        match serde_json::from_str::<SettingsFile>(&text) {
            Ok(file) if file.v <= FORMAT_VERSION => (file.settings, Vec::new()),
            Ok(_) => (
                Settings::default(),
                vec![Warning::NewerFormat { path, count: 1 }],
            ),
            Err(_) => (Settings::default(), vec![move_aside(&path)]),
        }
    }

    /// Saves the settings atomically: a temporary file, flushed, renamed
    /// over the old one. A session-only store keeps nothing.
    ///
    /// # Errors
    /// A warning when the file cannot be written; the old one is intact.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), Warning> {
        let Some(root) = &self.root else {
            return Ok(());
        };
        let path = root.join(SETTINGS_FILE);
        let file = SettingsFile {
            v: FORMAT_VERSION,
            settings: settings.clone(),
        };
        write_atomically(&path, &file).map_err(|e| Warning::WriteFailed {
            path,
            error: e.to_string(),
        })
    }
}

fn default_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("kisi"))
}

/// Being root, or a file system mounted read-only, is only found out by
/// trying.
fn check_writable(dir: &Path) -> io::Result<()> {
    let probe = dir.join(format!(".probe-{}", scratch_suffix()));
    File::create(&probe)?;
    fs::remove_file(&probe)
}

/// A pack id as a file name: ids are `[a-z0-9-]`, anything else is
/// escaped so that no id can reach outside the folder.
fn log_file_name(pack_id: &str) -> String {
    let name: String = pack_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("%{:04x}", u32::from(c))
            }
        })
        .collect();
    format!("{name}.{LOG_EXTENSION}")
}

/// A name part no other scratch file has: the process, and a counter for
/// threads of one process (each kisi's store and a test's two writers).
fn scratch_suffix() -> String {
    static SCRATCH: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        SCRATCH.fetch_add(1, Ordering::Relaxed)
    )
}

fn write_atomically<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let mut text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    text.push('\n');
    let temp = path.with_extension(format!("tmp-{}", scratch_suffix()));
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        sync_parent(path)
    })();
    if result.is_err() {
        // The temporary file is useless once the rename did not happen.
        let _ = fs::remove_file(&temp);
    }
    result
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
    while to.exists() {
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
        }
    }

    fn open(pack_id: &str, path: PathBuf) -> (Self, Vec<Warning>) {
        let mut log = Self::in_memory(pack_id);
        log.path = Some(path);
        let warnings = log.reload();
        (log, warnings)
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

    /// Every event of the pack, oldest first.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Reads the log again and adds what other processes appended since.
    pub fn reload(&mut self) -> Vec<Warning> {
        let Some(path) = self.path.clone() else {
            return Vec::new();
        };
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(_) => return self.set_aside(&path),
        };
        let read = read_lines(&bytes, &self.pack);
        let mut warnings = Vec::new();
        if read.damaged > 0 && read.events.is_empty() && read.newer == 0 {
            return self.set_aside(&path);
        }
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

    /// Moves a damaged log aside; the events already known stay and new
    /// ones go to a fresh log.
    fn set_aside(&mut self, path: &Path) -> Vec<Warning> {
        self.file = None;
        let warning = move_aside(path);
        if matches!(warning, Warning::Unusable { .. }) {
            self.path = None;
        }
        vec![warning]
    }

    fn add(&mut self, events: Vec<Event>) {
        let before = self.events.len();
        for event in events {
            if self.ids.insert(event.id.clone()) {
                self.events.push(event);
            }
        }
        if self.events.len() != before {
            sort_events(&mut self.events);
        }
    }

    /// Records an event at `at` and saves it. When saving fails, the event
    /// is kept for this session and the log stays in memory from then on.
    #[must_use]
    pub fn append(&mut self, kind: EventKind, at: Timestamp) -> Option<Warning> {
        let event = Event {
            id: new_event_id(at),
            pack: self.pack.clone(),
            at,
            kind,
        };
        let warning = self.write(&event).err().and_then(|error| {
            let path = self.path.take()?;
            self.file = None;
            Some(Warning::WriteFailed {
                path,
                error: error.to_string(),
            })
        });
        self.add(vec![event]);
        warning
    }

    fn write(&mut self, event: &Event) -> io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let mut line = serde_json::to_string(&Line {
            v: FORMAT_VERSION,
            event,
        })
        .map_err(io::Error::other)?;
        line.push('\n');
        if self.file.is_none() {
            let created = !path.exists();
            let file = OpenOptions::new()
                .read(true)
                .append(true)
                .create(true)
                .open(path)?;
            if created {
                sync_parent(path)?;
            }
            self.file = Some(file);
        }
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        if !ends_with_newline(file)? {
            // A writer was killed mid-line: end its line so ours stays whole.
            line.insert(0, '\n');
        }
        // One write of the whole line: with O_APPEND it lands in one piece
        // after whatever other processes wrote.
        file.write_all(line.as_bytes())?;
        file.sync_data()
    }
}

#[cfg(unix)]
fn ends_with_newline(file: &File) -> io::Result<bool> {
    use std::os::unix::fs::FileExt;
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(true);
    }
    let mut last = [0u8];
    file.read_exact_at(&mut last, len - 1)?;
    Ok(last[0] == b'\n')
}

#[cfg(not(unix))]
fn ends_with_newline(_file: &File) -> io::Result<bool> {
    Ok(true)
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
    format!(
        "{:x}-{:x}-{count:x}-{:016x}",
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
    fn odd_pack_ids_stay_inside_the_folder() {
        assert_eq!(log_file_name("pekerjaan-sosial"), "pekerjaan-sosial.jsonl");
        assert_eq!(log_file_name("../x"), "%002e%002e%002fx.jsonl");
    }
}
