//! Quizzes generated from the structure of a pack, mixed with hand-written
//! questions: generation, grading and the session model (plain mode is
//! `crate::plain`, above quiz and progress).

pub mod forms;
pub mod generate;
pub mod grade;
pub mod marks;
pub mod question;
pub(crate) mod rng;
pub mod session;
pub mod wording;

// Numbers as typed are below content, whose loader checks them too.
pub use crate::number;
pub use generate::{ItemQuestions, QuizError, QuizOptions, generate};
pub use grade::{Grade, Outcome, grade, grade_typed, normalize};
pub use question::{Answer, Body, Prompt, Question, QuestionKind, Target};
pub use session::{Mistake, Score, Session, Summary, TopicScore, minutes_limit};
pub use wording::Lang;
