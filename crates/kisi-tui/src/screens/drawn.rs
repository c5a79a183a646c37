//! Building the screen that asks the questions a `Draw` wants, from the
//! session's seed: here, below the app, as only the screens know how.

use kisi_core::content::Pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::{Timestamp, build_exam, review_plan, review_questions};
use kisi_core::quiz::{QuizOptions, Session, generate};

use super::{Screen, class_quiz, exam, quiz};
use crate::draw::{Draw, REVIEW_SIZE};

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
