//! Drawing questions: what a screen asks for when it starts a review, a
//! quiz, a mock exam or a class quiz. A screen only says what it wants
//! (`Nav::Draw`); the app gives it the next seed of the session and builds
//! the screen, inline in tests, on a thread of its own under the event loop,
//! as building can take long on a big pack.

use kisi_core::content::Pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::{
    Day, ExamBlueprint, OpenExam, ProgressState, Timestamp, build_exam, review_plan,
    review_questions,
};
use kisi_core::quiz::{QuizOptions, Session, generate};

use super::app::Screen;
use super::screens::{class_quiz, exam, present, quiz};

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
        origin: present::Origin,
    },
}

impl Draw {
    /// Draws the questions from `seed` and builds the screen that asks them;
    /// `None` when there is nothing to ask.
    pub fn build(&self, pack: &Pack, seed: u64, lang: Lang) -> Option<Screen> {
        match self {
            Draw::Review {
                progress,
                today,
                exam_date,
            } => {
                let plan = review_plan(pack, progress, *today, *exam_date);
                let items: Vec<String> = plan.queue().into_iter().take(REVIEW_SIZE).collect();
                let due = plan.due.len().min(items.len());
                let new = items.len() - due;
                let questions = review_questions(pack, &items, seed);
                (!questions.is_empty()).then(|| {
                    Screen::Quiz(quiz::QuizState::new(Session::new(questions)).review(due, new))
                })
            }
            Draw::Quiz { options, asked_for } => {
                let options = QuizOptions {
                    seed,
                    ..options.clone()
                };
                let questions = generate(pack, &options).unwrap_or_default();
                if questions.is_empty() {
                    return None;
                }
                let mut session = Session::new(questions);
                if let Some(limit) = options.time_limit {
                    session = session.with_time_limit(limit);
                }
                Some(Screen::Quiz(
                    quiz::QuizState::new(session).asked_for(*asked_for),
                ))
            }
            Draw::Exam { blueprint } => match build_exam(pack, blueprint, seed, lang) {
                Ok(questions) if !questions.is_empty() => Some(Screen::Exam(
                    exam::ExamState::drawn(questions, blueprint.clone(), seed, lang),
                )),
                _ => None,
            },
            Draw::ResumeExam { exam } => {
                let (questions, blueprint) = exam.rebuild(pack)?;
                Some(Screen::Exam(exam::ExamState::resumed(
                    exam,
                    questions,
                    blueprint,
                    Timestamp::now(),
                )))
            }
            Draw::ClassQuiz {
                options,
                seconds,
                origin,
            } => {
                let options = QuizOptions {
                    seed,
                    ..options.clone()
                };
                // An empty class quiz still opens: it says there is nothing to ask.
                let questions = generate(pack, &options).unwrap_or_default();
                Some(Screen::ClassQuiz(
                    class_quiz::ClassQuizState::new(questions, seed, *seconds, *origin)
                        .with_topics(options.topics.clone()),
                ))
            }
        }
    }
}
