//! What `update` asks the outside world to do: save progress. The event loop
//! carries effects out after each update, so `update` itself stays pure.

use kisi_core::progress::ExamResult;
use kisi_core::quiz::{Outcome, Question};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// A question was answered and its grade is final (after any "I was right").
    RecordAnswer {
        question: Box<Question>,
        outcome: Outcome,
        /// Answered quickly for its kind (see `progress::is_quick`).
        quick: bool,
    },
    /// A mock exam was handed in.
    RecordExam(ExamResult),
}
