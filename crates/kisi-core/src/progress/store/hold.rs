//! Which kisi has an exam of a pack under way. A process holds a shared
//! lock (`flock`) on `<log>.exam-lock` while its exam is open; the lock
//! goes when the process does, however it ends. Another process that cannot
//! lock the file for itself alone knows an exam is under way elsewhere and
//! leaves the pack's unfinished exams alone: one of them may be that one.

use std::fs::File;
use std::path::PathBuf;

use super::PackLog;
use crate::progress::secure;

/// An exam of this pack is under way in this process while this is held.
#[derive(Debug)]
pub struct ExamHold {
    _file: File,
}

impl PackLog {
    fn hold_path(&self) -> Option<PathBuf> {
        Some(self.path()?.with_extension("exam-lock"))
    }

    /// Marks an exam of this pack under way here until the hold is
    /// dropped; `None` for a log in memory or a lock file that cannot be
    /// made (then other processes cannot tell, as before locks).
    pub fn hold_exam(&self) -> Option<ExamHold> {
        let file = secure::open_append(&self.hold_path()?).ok()?;
        secure::lock(&file, false).then_some(ExamHold { _file: file })
    }

    /// Whether another process has an exam of this pack under way. Asked
    /// only while this process holds none (its own hold would count).
    pub fn exam_held_elsewhere(&self) -> bool {
        let Some(path) = self.hold_path() else {
            return false;
        };
        let Ok(file) = secure::open_existing_rw(&path) else {
            return false;
        };
        let alone = secure::lock(&file, true);
        if alone {
            secure::unlock(&file);
        }
        !alone
    }
}
