//! A pack's progress: its log and the fold of it, kept in step.

use crate::content::Pack;
use crate::quiz::{Grade, Question};

use super::rating::item_ratings;
use super::{ItemKey, ProgressState, ReviewPlan, due_items, review_plan};
use crate::progress::fsrs::{Fsrs, Rating};
use crate::progress::store::{EventKind, ExamResult, PackLog, Warning};
use crate::progress::time::{Day, Timestamp};

/// A pack's progress: its log and the state folded from it, kept in step.
/// An answer folds only the events it added (the log is kept in fold
/// order, and new events nearly always come last); only events landing
/// before the last (another process's, with an earlier clock) refold all.
#[derive(Debug)]
pub struct Progress {
    log: PackLog,
    fsrs: Fsrs,
    state: ProgressState,
    /// How many of the log's events `state` folds, and the log's
    /// [`PackLog::reordered`] when they were folded.
    folded: usize,
    reordered: u64,
}

impl Progress {
    pub fn new(log: PackLog) -> Self {
        let mut progress = Self {
            reordered: log.reordered(),
            state: log.base().cloned().unwrap_or_default(),
            log,
            fsrs: Fsrs::default(),
            folded: 0,
        };
        progress.refresh();
        progress.log.save_snapshot(&progress.state);
        progress
    }

    pub fn log(&self) -> &PackLog {
        &self.log
    }

    pub fn state(&self) -> &ProgressState {
        &self.state
    }

    /// Records the answer to `question`: one review per item it tests,
    /// each with its own rating (see [`item_ratings`]).
    #[must_use]
    pub fn record_answer(
        &mut self,
        pack: &Pack,
        question: &Question,
        grade: &Grade,
        quick: bool,
        at: Timestamp,
    ) -> Option<Warning> {
        let mut warning = None;
        for (item, rating) in item_ratings(pack, question, grade, quick) {
            let kind = EventKind::Review { item, rating };
            warning = warning.or(self.log.append(kind, at));
        }
        self.refresh();
        warning
    }

    #[must_use]
    pub fn record_review(&mut self, item: &str, rating: Rating, at: Timestamp) -> Option<Warning> {
        let kind = EventKind::Review {
            item: item.to_owned(),
            rating,
        };
        let warning = self.log.append(kind, at);
        self.refresh();
        warning
    }

    #[must_use]
    pub fn record_exam(&mut self, result: ExamResult, at: Timestamp) -> Option<Warning> {
        let warning = self.log.append(EventKind::Exam(result), at);
        self.refresh();
        warning
    }

    /// Picks up what other kisi processes saved meanwhile.
    pub fn reload(&mut self) -> Vec<Warning> {
        let warnings = self.log.reload();
        self.refresh();
        warnings
    }

    /// Retries saving the answers whose saving failed.
    #[must_use]
    pub fn retry(&mut self) -> Option<Warning> {
        self.log.retry()
    }

    fn refresh(&mut self) {
        if self.log.reordered() != self.reordered {
            self.state = self.log.base().cloned().unwrap_or_default();
            self.folded = 0;
            self.reordered = self.log.reordered();
        }
        // The log's events are ordered and unique: fold them as they come.
        for event in &self.log.events()[self.folded..] {
            self.state.apply(event, &self.fsrs);
        }
        self.folded = self.log.events().len();
    }

    pub fn review_plan(&self, pack: &Pack, today: Day, exam: Option<Day>) -> ReviewPlan {
        review_plan(pack, &self.state, today, exam)
    }

    pub fn due_items(&self, pack: &Pack, today: Day, exam: Option<Day>) -> Vec<ItemKey> {
        due_items(pack, &self.state, today, exam)
    }
}
