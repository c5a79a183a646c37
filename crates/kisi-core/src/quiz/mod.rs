//! Quizzes generated from the structure of a pack, mixed with hand-written
//! questions: generation, grading, the session model and a plain-text mode.

pub mod forms;
pub mod generate;
pub mod grade;
pub mod marks;
pub mod number;
pub mod plain;
mod plain_study;
pub mod question;
pub(crate) mod rng;
pub mod session;
pub mod wording;

pub use generate::{ItemQuestions, QuizError, QuizOptions, generate};
pub use grade::{Grade, Outcome, grade, grade_typed, normalize};
pub use plain::{Recorder, run_plain, run_plain_recorded};
pub use plain_study::{run_plain_exam, run_plain_review};
pub use question::{Answer, Body, Prompt, Question, QuestionKind, Target};
pub use session::{Mistake, Score, Session, Summary, TopicScore, minutes_limit};
pub use wording::Lang;
