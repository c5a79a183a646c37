//! One pack's log: reading it (a torn or damaged tail repaired or set
//! aside), appending to it, and keeping what could not be written.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::i18n::IoFault;
use crate::progress::schedule::ProgressState;
use crate::progress::secure;
use crate::progress::snapshot::{self, Base};
use crate::progress::time::Timestamp;

use super::event::{
    Event, EventKind, JOURNAL_VERSION, Line, VersionOnly, order, parse_event, sort_events,
};
use super::{LINE_START, LOG_LIMIT, Warning, move_aside, read_warning, sync_parent};

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
pub(super) struct Read {
    pub(super) events: Vec<Event>,
    pub(super) damaged: usize,
    pub(super) newer: usize,
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

    pub(super) fn open(pack_id: &str, path: PathBuf) -> (Self, Vec<Warning>) {
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
    pub(in crate::progress) fn base(&self) -> Option<&ProgressState> {
        self.base.as_ref().map(|base| &base.state)
    }

    /// Saves `state`, the fold of the base and every event, as the log's
    /// snapshot when enough events were read past the last one. Only right
    /// after opening: a snapshot stands for what the file holds. It is a
    /// cache: failing to write it costs only time at the next start.
    pub(in crate::progress) fn save_snapshot(&self, state: &ProgressState) {
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
    pub(super) fn read_new(&mut self, path: &Path) -> Result<Option<Vec<u8>>, secure::ReadError> {
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
    pub(super) fn repair_tail(path: &Path, len: u64) {
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

    pub(super) fn before_base(&self, event: &Event) -> bool {
        self.base
            .as_ref()
            .is_some_and(|base| (event.at, &event.id) <= (base.last_at, &base.last_id))
    }

    /// Forgets the snapshot: the next read is of the whole log.
    pub(super) fn drop_base(&mut self) {
        self.base = None;
        self.read_to = 0;
        self.damaged = 0;
        self.newer = 0;
        self.reordered += 1;
    }

    /// Moves a damaged log aside; the events already known stay and new
    /// ones go to a fresh log.
    pub(super) fn set_aside(&mut self, path: &Path) -> Vec<Warning> {
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
    pub(super) fn add(&mut self, events: Vec<Event>) {
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
                // What the student gave: not an exam's start or clock.
                let unsaved = self
                    .unsaved
                    .iter()
                    .filter(|e| {
                        matches!(
                            e.kind,
                            EventKind::Review { .. }
                                | EventKind::Exam(_)
                                | EventKind::ExamAnswer(_)
                        )
                    })
                    .count();
                Some(Warning::WriteFailed {
                    path,
                    error: IoFault::from(&error),
                    unsaved,
                })
            }
        }
    }

    pub(super) fn write_unsaved(&mut self, path: &Path) -> io::Result<()> {
        let mut lines = String::new();
        for event in &self.unsaved {
            let line = serde_json::to_string(&Line {
                v: event.kind.line_version(),
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
        // Appenders share the lock. A torn last line is mended by a writer
        // that can have the log to itself at once; one that cannot (another
        // is appending) starts with a newline so that its own line stays
        // whole.
        secure::lock_for_append(file)?;
        let result = (|| {
            let len = file.metadata()?.len();
            if !ends_with_newline(file, len)? {
                if secure::lock(file, true) {
                    let len = file.metadata()?.len();
                    if !ends_with_newline(file, len)? {
                        cut_torn_tail(file, len)?;
                    }
                } else {
                    // A failed conversion may have dropped the shared lock.
                    secure::lock_for_append(file)?;
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
pub(super) fn add_count(warnings: &mut Vec<Warning>, path: &Path, count: usize, damaged: bool) {
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
pub(super) fn cut_torn_tail(file: &File, len: u64) -> io::Result<()> {
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
pub(in crate::progress) fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(unix))]
pub(in crate::progress) fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    use std::io::Read;
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

pub(super) fn ends_with_newline(file: &File, len: u64) -> io::Result<bool> {
    if len == 0 {
        return Ok(true);
    }
    let mut last = [0u8];
    read_at(file, &mut last, len - 1)?;
    Ok(last[0] == b'\n')
}

/// Reads the lines of a log. The last line without its newline is a write
/// cut short and is dropped quietly; any other bad line is counted.
pub(super) fn read_lines(bytes: &[u8], pack: &str) -> Read {
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

pub(super) enum Parsed {
    /// `whole` is false when a torn line before the event was cut off.
    Event {
        event: Event,
        whole: bool,
    },
    Newer,
    Bad,
}

pub(super) fn parse_line(raw: &[u8]) -> Parsed {
    let Ok(text) = std::str::from_utf8(raw) else {
        return rescue(&String::from_utf8_lossy(raw));
    };
    if let Some(event) = parse_event(text) {
        return Parsed::Event { event, whole: true };
    }
    match serde_json::from_str::<VersionOnly>(text) {
        Ok(v) if v.v > JOURNAL_VERSION => Parsed::Newer,
        _ => rescue(text),
    }
}

/// A torn line followed by a whole one: the whole one is the last line
/// start in the text.
pub(super) fn rescue(text: &str) -> Parsed {
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
pub(in crate::progress) fn new_event_id(at: Timestamp) -> String {
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
