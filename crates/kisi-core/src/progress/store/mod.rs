//! The progress store on disk: one append-only log of events per pack, plus
//! a small settings file. Nothing is rewritten in place: a review is one
//! JSON line appended with a single write and flushed to disk before it
//! counts, so a process killed at any moment leaves the old or the new log,
//! and two processes appending at once (`O_APPEND`) lose nothing. Trouble
//! (no home folder, a read-only disk, a damaged file) never stops kisi: it
//! carries on with progress for this session only and says so.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::{IoFault, Lang};

use super::secure::{self, Refusal};
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
/// words are in `i18n::StoreWords`; an I/O error is kept as its kind, said
/// in the student's language when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// No home folder: progress lasts for this session only.
    NoDataDir,
    /// The data folder cannot be created or written: session only.
    Unwritable { path: PathBuf, error: IoFault },
    /// A file or folder of the store is not used, for `reason`: session
    /// only, and the file is left as it is.
    Refused { path: PathBuf, reason: Refusal },
    /// A file could not be read (permissions, I/O): that is not damage, so
    /// it is left as it is; session only.
    Unreadable { path: PathBuf, error: IoFault },
    /// A damaged file was renamed and a fresh one started.
    MovedAside { path: PathBuf, to: PathBuf },
    /// A damaged file could not even be renamed: session only.
    Unusable { path: PathBuf, error: IoFault },
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
        error: IoFault,
        unsaved: usize,
    },
}

impl Warning {
    pub fn message(&self, lang: Lang) -> String {
        let words = crate::i18n::store_words(lang);
        match self {
            Self::NoDataDir => words.no_data_dir.to_owned(),
            Self::Unwritable { path, error } => {
                (words.unwritable)(&shown(path), &error.render(lang))
            }
            Self::Refused { path, reason } => (words.refused)(&shown(path), reason.message(words)),
            Self::Unreadable { path, error } => {
                (words.unreadable)(&shown(path), &error.render(lang))
            }
            Self::MovedAside { path, to } => (words.moved_aside)(&shown(path), &shown(to)),
            Self::Unusable { path, error } => (words.unusable)(&shown(path), &error.render(lang)),
            Self::DamagedLines { path, count } => (words.damaged_lines)(&shown(path), *count),
            Self::NewerFormat { path, count } => (words.newer_format)(&shown(path), *count),
            Self::NewerSettings { path } => (words.newer_settings)(&shown(path)),
            Self::WouldNotReadBack { path } => (words.would_not_read_back)(&shown(path)),
            Self::WriteFailed {
                path,
                error,
                unsaved,
            } => (words.write_failed)(&shown(path), &error.render(lang), *unsaved),
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

mod event;
mod hold;
mod log;

pub use event::*;
pub use hold::ExamHold;
pub use log::PackLog;
pub(in crate::progress) use log::new_event_id;
pub(super) use log::read_at;

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
    /// The id of the pack opened last from the library (or the built-in
    /// one), which plain `kisi` opens next time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_pack: Option<String>,
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
        let failed = |error: IoFault| Warning::WriteFailed {
            path: path.clone(),
            error,
            unsaved: 0,
        };
        let file = SettingsFile {
            v: FORMAT_VERSION,
            settings: settings.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file)
            .map_err(|_| failed(IoFault::from(io::ErrorKind::InvalidData)))?;
        text.push('\n');
        let back = serde_json::from_str::<SettingsFile>(&text).ok();
        if back.map(|file| file.settings).as_ref() != Some(settings) {
            return Err(Warning::WouldNotReadBack { path });
        }
        write_atomically(root, &path, text.as_bytes()).map_err(|e| failed(IoFault::from(&e)))
    }
}

impl Store {
    /// Remembers `pack_id` as the pack opened last. Best effort: a store
    /// that cannot be written (a read-only data folder) just does not
    /// remember it.
    pub fn remember_pack(&self, pack_id: &str) {
        let (mut settings, warnings) = self.settings();
        if !warnings.is_empty() || settings.last_pack.as_deref() == Some(pack_id) {
            return;
        }
        settings.last_pack = Some(pack_id.to_owned());
        let _ = self.save_settings(&settings);
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
        error: IoFault::from(error),
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
            error: IoFault::from(&error),
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
pub(in crate::progress) fn fnv1a(bytes: &[u8]) -> u64 {
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
            error: IoFault::from(&e),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use std::collections::HashSet;

    use super::log::{new_event_id, read_lines};
    use super::*;
    use crate::progress::fsrs::Rating;

    fn review(item: &str) -> EventKind {
        EventKind::Review {
            item: item.to_owned(),
            rating: Rating::Good,
            due_now: false,
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
    fn a_missed_item_is_due_the_same_day_and_its_line_reads_back() {
        use crate::progress::Progress;
        let day = 20_000_i64 * 86_400_000;
        let mut progress = Progress::new(PackLog::in_memory("p"));
        let at = Timestamp(day + 3_600_000);
        assert!(progress.record_missed(&["a".to_owned()], at).is_empty());
        let _ = progress.record_review("b", Rating::Again, at);
        let items = &progress.state().items;
        assert_eq!(items["a"].due, at.day(), "missed in class: due tonight");
        assert_eq!(items["b"].due, at.day().plus(1), "a plain lapse: tomorrow");
        assert_eq!(
            items["a"].memory, items["b"].memory,
            "FSRS folds both alike"
        );
        let events = progress.log().events();
        let line = |event| {
            serde_json::to_string(&Line {
                v: FORMAT_VERSION,
                event,
            })
            .unwrap()
        };
        let missed = line(&events[0]);
        assert!(
            missed.ends_with("\"rating\":1,\"due_now\":true}"),
            "{missed}"
        );
        assert!(
            !line(&events[1]).contains("due_now"),
            "written only when true"
        );
        let read = read_lines(format!("{missed}\n").as_bytes(), "p");
        assert_eq!(read.events, vec![events[0].clone()]);
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
                exam: Some("18c-1-0".to_owned()),
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
        let text = "{\"v\":3,\"whatever\":true}\n{\"v\":1,\"id\":\"a\",\"pack\":\"q\",\"at\":1,\"kind\":\"review\",\"item\":\"e\",\"rating\":1}\n";
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
            error: IoFault::from(io::ErrorKind::ReadOnlyFilesystem),
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
