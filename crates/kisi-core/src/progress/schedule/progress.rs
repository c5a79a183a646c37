//! A pack's progress: its log and the fold of it, kept in step.

use crate::content::Pack;
use crate::quiz::{Grade, Question};

use super::rating::item_ratings;
use super::{ItemKey, ProgressState, ReviewPlan, due_items, review_plan};
use crate::progress::fsrs::{Fsrs, Rating};
use crate::progress::journal::{OpenExam, Settled};
use crate::progress::store::{EventKind, ExamHold, ExamResult, PackLog, Warning};
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
    /// Held while an exam of this process is under way (see `ExamHold`).
    exam_hold: Option<ExamHold>,
    /// Another process had an exam of this pack under way when this one
    /// settled its unfinished exams: they are not this one's to offer.
    exams_elsewhere: bool,
}

impl Progress {
    pub fn new(log: PackLog) -> Self {
        let mut progress = Self {
            reordered: log.reordered(),
            state: log.base().cloned().unwrap_or_default(),
            log,
            fsrs: Fsrs::default(),
            folded: 0,
            exam_hold: None,
            exams_elsewhere: false,
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
            let kind = EventKind::Review {
                item,
                rating,
                due_now: false,
            };
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
            due_now: false,
        };
        let warning = self.log.append(kind, at);
        self.refresh();
        warning
    }

    /// Records the items missed in a live class quiz (answered wrong or not
    /// at all): each a lapse (`Again`) by the scheduler's rules, but due at
    /// once, so the review of that same day brings them back.
    pub fn record_missed(&mut self, items: &[String], at: Timestamp) -> Vec<Warning> {
        let mut warnings = Vec::new();
        for item in items {
            let kind = EventKind::Review {
                item: item.clone(),
                rating: Rating::Again,
                due_now: true,
            };
            warnings.extend(self.log.append(kind, at));
        }
        self.refresh();
        warnings
    }

    /// Records a finished exam. One that closes a journal already closed
    /// (handed in twice) is not counted again.
    #[must_use]
    pub fn record_exam(&mut self, result: ExamResult, at: Timestamp) -> Option<Warning> {
        if let Some(exam) = &result.exam {
            self.exam_hold = None;
            if self.state.journals.is_closed(exam) {
                return None;
            }
        }
        let warning = self.log.append(EventKind::Exam(result), at);
        self.refresh();
        warning
    }

    /// Saves a line of the journal of the exam under way (see
    /// `progress::journal`).
    #[must_use]
    pub fn record_exam_step(&mut self, step: EventKind, at: Timestamp) -> Option<Warning> {
        match &step {
            EventKind::ExamStart(_) if self.exam_hold.is_none() => {
                self.exam_hold = self.log.hold_exam();
            }
            EventKind::ExamDropped { .. } => self.exam_hold = None,
            _ => {}
        }
        let warning = self.log.append(step, at);
        self.refresh();
        warning
    }

    /// Settles the exams left unfinished, as of `now`, before any is
    /// offered: one whose time ran out while kisi was not running is
    /// handed in with the answers saved; one that can no longer be
    /// rebuilt (its pack changed) is dropped. While another process has an
    /// exam of this pack under way none is touched, and none is offered
    /// in this one.
    pub fn settle_exams(&mut self, pack: &Pack, now: Timestamp) -> (Vec<Settled>, Vec<Warning>) {
        let (mut settled, mut warnings) = (Vec::new(), Vec::new());
        if self.exam_hold.is_none() && self.log.exam_held_elsewhere() {
            self.exams_elsewhere = true;
            self.refresh();
            return (settled, warnings);
        }
        let open: Vec<OpenExam> = self
            .state
            .journals
            .open()
            .filter(|exam| exam.start.is_some())
            .cloned()
            .collect();
        for exam in open {
            if exam.rebuild(pack).is_none() {
                let step = EventKind::ExamDropped { exam: exam.id };
                warnings.extend(self.record_exam_step(step, now));
                settled.push(Settled::Dropped);
            } else if exam.timed_out(now)
                && let Some(result) = exam.hand_in(pack, now)
            {
                warnings.extend(self.record_exam(result.clone(), now));
                settled.push(Settled::HandedIn(result));
            }
        }
        (settled, warnings)
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
        if self.exams_elsewhere {
            self.state.journals.forget_open();
        }
    }

    pub fn review_plan(&self, pack: &Pack, today: Day, exam: Option<Day>) -> ReviewPlan {
        review_plan(pack, &self.state, today, exam)
    }

    pub fn due_items(&self, pack: &Pack, today: Day, exam: Option<Day>) -> Vec<ItemKey> {
        due_items(pack, &self.state, today, exam)
    }
}
