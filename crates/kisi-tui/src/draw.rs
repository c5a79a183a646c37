//! Drawing questions: what a screen asks for when it starts a review, a
//! quiz, a mock exam or a class quiz. A screen only says what it wants
//! (`Nav::Draw`); the app gives it the next seed of the session and builds
//! the screen (`Draw::build`, in screens/drawn.rs): inline in tests, on a
//! thread of its own under the event loop, as building can take long on a
//! big pack.

use kisi_core::progress::{Day, ExamBlueprint, OpenExam, ProgressState};
use kisi_core::quiz::QuizOptions;

pub use kisi_core::progress::REVIEW_SIZE;

/// The questions a screen wants drawn, and the screen that will ask them.
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// A review of what is due, as of this state of progress.
    Review {
        progress: Box<ProgressState>,
        today: Day,
        exam_date: Option<Day>,
    },
    /// A quiz of these options (their seed is replaced by the session's).
    Quiz {
        options: QuizOptions,
        asked_for: usize,
    },
    Exam {
        blueprint: ExamBlueprint,
    },
    /// An exam left unfinished, rebuilt from its journal.
    ResumeExam {
        exam: Box<OpenExam>,
    },
    ClassQuiz {
        options: QuizOptions,
        seconds: u64,
        origin: Origin,
    },
}

/// Where a presentation was opened from, which decides where Esc goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The Home menu: Esc returns there.
    Menu,
    /// `kisi present`: Esc quits back to the shell.
    CommandLine,
}
