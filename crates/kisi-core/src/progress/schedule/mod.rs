//! From the log to a schedule: the memory state of every item is a fold of
//! the review events; what is due, what is new, and how much to do per day
//! to be ready by an exam date follow from it.

mod fold;
mod items;
mod plan;
mod progress;
mod rating;

pub use fold::{ItemState, ProgressState, fold};
pub use items::{item_keys, pack_items, review_questions};
pub use plan::{
    ExamDateStatus, PlanSummary, ReviewPlan, daily_target, due_items, exam_date_message,
    exam_date_status, plan_summary, review_plan,
};
pub use progress::Progress;
pub use rating::{is_quick, item_ratings, rating_for};

/// What progress is recorded against: an entry id, or a point key
/// (`Entry::point_key`), so that rewording material keeps its progress.
pub type ItemKey = String;

/// How many items one review session asks at most (the TUI's and plain
/// mode's).
pub const REVIEW_SIZE: usize = 20;
/// New items a day when no exam date is set.
pub const NEW_PER_DAY: usize = 20;
/// In exam mode, an item whose predicted recall on the exam day is below
/// this comes back before the exam even if FSRS would wait longer.
pub const EXAM_RETENTION: f64 = 0.95;
