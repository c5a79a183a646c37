//! Progress that lasts: every answer is appended to a per-pack log of review
//! events in the user's data folder; the memory state of each item (FSRS) is
//! a fold of that log. On top of it: what is due, a plan towards an exam
//! date, mock exams and statistics. See `docs/progress-format.md`.

pub mod exam;
pub mod fsrs;
pub mod journal;
pub mod schedule;
mod secure;
mod snapshot;
pub mod stats;
pub mod store;

pub use crate::time::{Day, Timestamp};
pub use exam::{ExamBlueprint, ExamError, build_exam, exam_result};
pub use fsrs::{Fsrs, MemoryState, Rating};
pub use journal::{ExamStart, Journals, OpenExam, Settled, mark_exam, new_exam_id};
pub use schedule::{
    ExamDateStatus, ItemKey, ItemState, PlanSummary, Progress, ProgressState, REVIEW_SIZE,
    ReviewPlan, daily_target, due_items, exam_date_message, exam_date_status, fold, is_quick,
    item_keys, item_ratings, pack_items, plan_summary, rating_for, review_plan, review_questions,
};
pub use secure::Refusal;
pub use stats::{Stats, compute_stats};
pub use store::{
    Event, EventKind, ExamResult, FORMAT_VERSION, PackLog, Settings, Store, TopicResult, Warning,
    merge,
};
// Days and instants are below every module that names them (i18n writes
// dates): `progress::time` is an alias kept for the files of progress.
use crate::time;
