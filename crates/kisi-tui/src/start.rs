//! Where the TUI opens (`kisi`, `kisi quiz`, `kisi present`): the command
//! line says what it wants, and the TUI builds the screen.

use kisi_core::i18n::resume_words;
use kisi_core::progress::{Progress, Settled, Timestamp};
use kisi_core::quiz::wording::fill;
use kisi_core::quiz::{QuestionKind, QuizOptions, generate};

use super::screens::class_quiz::ClassQuizState;
use super::screens::present::{Origin, PresentState};
use super::screens::quiz_setup::QuizSetupState;
use crate::app::App;
use crate::screens::Screen;

/// The screen the TUI opens on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartAt {
    Home,
    /// Quiz setup prefilled (`kisi quiz`), with Home to go back to. Empty
    /// `topics` or `kinds` mean all of them.
    QuizSetup {
        topics: Vec<String>,
        kinds: Vec<QuestionKind>,
        count: usize,
        /// 0 for no limit.
        minutes: u64,
    },
    /// A presentation of these topics (all when empty), which quits when left.
    Present {
        topics: Vec<String>,
    },
    /// A class quiz drawn from the session's first seed, which quits when left.
    ClassQuiz {
        topics: Vec<String>,
        count: usize,
        seconds: u64,
    },
}

impl App {
    /// Opens on `start`. Done before the terminal goes full screen, so that
    /// a topic the pack does not have is reported as a plain message.
    ///
    /// # Errors
    /// The message for a topic the pack does not have, or for a class quiz
    /// that cannot be drawn.
    pub fn start_at(mut self, start: StartAt) -> Result<Self, String> {
        let pack = &self.env.pack;
        let cli_words = self.env.lang.cli_words();
        let find = |ids: &[String]| -> Result<Vec<usize>, String> {
            ids.iter()
                .map(|id| {
                    pack.find_topic(id).ok_or_else(|| {
                        let near = pack.topic_suggestions(id);
                        cli_words.topic_not_found(id, &near)
                    })
                })
                .collect()
        };
        match start {
            StartAt::Home => Ok(self),
            StartAt::QuizSetup {
                topics,
                kinds,
                count,
                minutes,
            } => {
                let mut setup = QuizSetupState::new(pack.topics.len());
                setup.count = count.max(1);
                setup.limit = minutes;
                if !topics.is_empty() {
                    for (on, topic) in setup.topics.iter_mut().zip(&pack.topics) {
                        *on = topics.contains(&topic.id);
                    }
                }
                if !kinds.is_empty() {
                    for (on, kind) in setup.kinds.iter_mut().zip(QuestionKind::ALL) {
                        *on = kinds.contains(&kind);
                    }
                }
                Ok(self.with_quiz_setup(setup))
            }
            StartAt::Present { topics } => {
                let screen = Screen::Present(PresentState::new(
                    pack,
                    &find(&topics)?,
                    Origin::CommandLine,
                ));
                Ok(self.with_screen(screen))
            }
            StartAt::ClassQuiz {
                topics,
                count,
                seconds,
            } => {
                find(&topics)?;
                let lang = self.env.lang;
                let seed = self.env.seeds.take();
                let options = QuizOptions {
                    topics: topics.clone(),
                    count,
                    seed,
                    lang,
                    ..QuizOptions::default()
                };
                let questions = generate(&self.env.pack, &options)
                    .map_err(|error| error.message(&self.env.pack, lang))?;
                let screen = Screen::ClassQuiz(
                    ClassQuizState::new(questions, seed, seconds, Origin::CommandLine)
                        .with_topics(topics),
                );
                Ok(self.with_screen(screen))
            }
        }
    }

    /// Settles the exams left unfinished before Home can offer one (see
    /// `Progress::settle_exams`), and says on Home what was done.
    pub fn settle_exams(&mut self, progress: &mut Progress) {
        let (settled, warnings) = progress.settle_exams(&self.env.pack, Timestamp::now());
        let (lang, words) = (self.env.lang, resume_words(self.env.lang));
        for done in settled {
            self.env.warnings.push(match done {
                Settled::HandedIn(result) => fill(
                    words.timed_out,
                    &[("score", &format!("{:.0}", result.score_percent))],
                ),
                Settled::Dropped => words.dropped.to_owned(),
            });
        }
        for warning in warnings {
            self.env.warnings.push(warning.message(lang));
        }
        self.env.progress = progress.state().clone();
    }
}
