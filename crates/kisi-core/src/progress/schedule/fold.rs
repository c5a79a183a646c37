//! The state of every item: a fold of the review events.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::progress::fsrs::{Fsrs, MemoryState, Rating, retrievability};
use crate::progress::journal::Journals;
use crate::progress::store::{Event, EventKind, ExamResult, order};
use crate::progress::time::{Day, Timestamp};

use super::{EXAM_RETENTION, ItemKey};

/// What is known of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    pub memory: MemoryState,
    pub last_review: Timestamp,
    pub last_rating: Rating,
    pub reviews: u32,
    /// Times the item was forgotten after having been learnt.
    pub lapses: u32,
    /// The next review as FSRS schedules it.
    pub due: Day,
}

impl ItemState {
    /// The day of the next review; with an exam date, an item that would
    /// be weak on the exam day comes back the day before at the latest.
    pub fn due_day(&self, exam: Option<Day>) -> Day {
        let last = self.last_review.day();
        match exam {
            Some(exam) if self.due >= exam && last < exam => {
                let days = exam.since(last);
                #[allow(clippy::cast_precision_loss)] // day counts are small
                let recall = retrievability(days as f64, self.memory.stability);
                if recall < EXAM_RETENTION {
                    exam.plus(-1).max(last.plus(1))
                } else {
                    self.due
                }
            }
            _ => self.due,
        }
    }

    /// The probability of recalling the item on `day`.
    pub fn recall_on(&self, day: Day) -> f64 {
        #[allow(clippy::cast_precision_loss)] // day counts are small
        let days = day.since(self.last_review.day()).max(0) as f64;
        retrievability(days, self.memory.stability)
    }
}

/// The fold of a pack's events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressState {
    pub items: HashMap<ItemKey, ItemState>,
    /// Mock exams, oldest first.
    pub exams: Vec<(Timestamp, ExamResult)>,
    pub reviews_per_day: BTreeMap<Day, usize>,
    /// Mock exams under way or left unfinished.
    pub journals: Journals,
}

/// Replays events in time order (then id order, so any two processes agree)
/// into the state of every item.
pub fn fold(events: &[Event], fsrs: &Fsrs) -> ProgressState {
    let mut ordered: Vec<&Event> = events.iter().collect();
    ordered.sort_by(|x, y| order(x, y));
    let mut seen = HashSet::new();
    let mut state = ProgressState::default();
    for event in ordered {
        if seen.insert(event.id.as_str()) {
            state.apply(event, fsrs);
        }
    }
    state
}

impl ProgressState {
    /// Folds one more event, later in the order than every event folded
    /// so far.
    pub(super) fn apply(&mut self, event: &Event, fsrs: &Fsrs) {
        match &event.kind {
            EventKind::Review {
                item,
                rating,
                due_now,
            } => {
                *self.reviews_per_day.entry(event.at.day()).or_default() += 1;
                let mut next = review(self.items.get(item), *rating, event.at, fsrs);
                // Missed in a live class: back in the same day's review.
                if *due_now {
                    next.due = event.at.day();
                }
                self.items.insert(item.clone(), next);
            }
            EventKind::Exam(result) => {
                self.exams.push((event.at, result.clone()));
                self.journals.apply(event);
            }
            EventKind::ExamStart(_)
            | EventKind::ExamAnswer(_)
            | EventKind::ExamTime { .. }
            | EventKind::ExamDropped { .. } => self.journals.apply(event),
        }
    }
}

fn review(previous: Option<&ItemState>, rating: Rating, at: Timestamp, fsrs: &Fsrs) -> ItemState {
    let (memory, reviews, lapses) = match previous {
        None => (fsrs.initial_state(rating), 1, 0),
        Some(item) => {
            let elapsed = at.day().since(item.last_review.day()).max(0);
            let elapsed = u32::try_from(elapsed).unwrap_or(u32::MAX);
            let lapse = u32::from(rating == Rating::Again && item.last_rating != Rating::Again);
            (
                fsrs.next_state(item.memory, elapsed, rating),
                item.reviews + 1,
                item.lapses + lapse,
            )
        }
    };
    let interval = i64::from(fsrs.interval_days(memory.stability));
    ItemState {
        memory,
        last_review: at,
        last_rating: rating,
        reviews,
        lapses,
        due: at.day().plus(interval),
    }
}
