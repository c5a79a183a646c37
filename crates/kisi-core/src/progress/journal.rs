//! Resumable mock exams. While an exam is under way each answer is written
//! to the pack's log as it is given: its journal is a start line (the seed
//! the questions were drawn from, and a check of them), one line per answer
//! with the time used, and the time used at least once a minute. The exam
//! line of the hand-in closes it. An exam left open (kisi killed, the
//! machine switched off) is rebuilt from its seed on the next start, with
//! its answers, and resumed or handed in as it stands.
//! docs/progress-format.md, "A mock exam under way".

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::content::Pack;
use crate::i18n::Lang;
use crate::quiz::{Answer, Question, Session};

use super::exam::{ExamBlueprint, build_exam, exam_result};
use super::store::{Event, EventKind, ExamResult};
use super::time::Timestamp;

/// How often an exam under way writes the time used when no answer does:
/// a kisi that died did so at most this long after its exam's last line.
pub const CLOCK_EVERY: Duration = Duration::from_secs(60);

/// The first line of an exam's journal: what rebuilds its questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamStart {
    /// The exam's id, which every line of its journal names.
    pub exam: String,
    pub seed: u64,
    /// The language the questions were drawn in (`id`, `en`).
    pub lang: String,
    pub questions: usize,
    /// A hash of the questions' keys in order: a pack changed since draws
    /// other questions, which the saved answers do not fit.
    pub check: String,
    pub time_limit_secs: u64,
    pub pass_mark: u8,
}

impl ExamStart {
    pub fn new(
        exam: String,
        seed: u64,
        lang: Lang,
        questions: &[Question],
        blueprint: &ExamBlueprint,
    ) -> Self {
        Self {
            exam,
            seed,
            lang: lang.to_string(),
            questions: questions.len(),
            check: check_of(questions),
            time_limit_secs: blueprint.time_limit.as_secs(),
            pass_mark: blueprint.pass_mark,
        }
    }
}

/// An answer saved in an exam under way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamAnswer {
    pub exam: String,
    /// The question's index in the exam.
    pub question: usize,
    pub answer: StoredAnswer,
    /// The exam's time used when it was given, in milliseconds.
    pub used_ms: u64,
}

/// An answer as the log keeps it: its own type, so that the file format
/// does not change with the one in memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoredAnswer {
    Choice(usize),
    SelectAll(Vec<usize>),
    TrueFalse(bool),
    Typed(String),
    Ordering(Vec<usize>),
    Matching(Vec<usize>),
    ListAll(Vec<String>),
    Flashcard { knew: bool },
}

impl From<&Answer> for StoredAnswer {
    fn from(answer: &Answer) -> Self {
        match answer.clone() {
            Answer::Choice(i) => Self::Choice(i),
            Answer::SelectAll(v) => Self::SelectAll(v),
            Answer::TrueFalse(b) => Self::TrueFalse(b),
            Answer::Typed(t) => Self::Typed(t),
            Answer::Ordering(v) => Self::Ordering(v),
            Answer::Matching(v) => Self::Matching(v),
            Answer::ListAll(v) => Self::ListAll(v),
            Answer::Flashcard { knew } => Self::Flashcard { knew },
        }
    }
}

impl StoredAnswer {
    /// The answer, with any character kisi never shows (control, bidi,
    /// zero-width) left out of typed text: the log is a file, not the
    /// keyboard.
    pub fn to_answer(&self) -> Answer {
        let clean = |text: &str| -> String {
            text.chars()
                .filter(|&c| !crate::text::is_unsafe(c))
                .collect()
        };
        match self {
            Self::Choice(i) => Answer::Choice(*i),
            Self::SelectAll(v) => Answer::SelectAll(v.clone()),
            Self::TrueFalse(b) => Answer::TrueFalse(*b),
            Self::Typed(t) => Answer::Typed(clean(t)),
            Self::Ordering(v) => Answer::Ordering(v.clone()),
            Self::Matching(v) => Answer::Matching(v.clone()),
            Self::ListAll(v) => Answer::ListAll(v.iter().map(|t| clean(t)).collect()),
            Self::Flashcard { knew } => Answer::Flashcard { knew: *knew },
        }
    }
}

/// The hash of the questions' keys, in order.
pub fn check_of(questions: &[Question]) -> String {
    let mut bytes = Vec::new();
    for question in questions {
        bytes.extend_from_slice(question.key.as_bytes());
        bytes.push(b'\n');
    }
    format!("{:016x}", super::store::fnv1a(&bytes))
}

/// A fresh exam id, unique across processes, like an event id.
pub fn new_exam_id() -> String {
    super::store::new_event_id(Timestamp::now())
}

/// An exam whose journal has no hand-in yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenExam {
    pub id: String,
    /// `None` while its start line is not folded (a clock set back can put
    /// an answer first): such an exam cannot be rebuilt yet.
    pub start: Option<ExamStart>,
    pub started_at: Timestamp,
    /// For each question answered: the time used when it was last
    /// answered, and the answer.
    pub answers: BTreeMap<usize, (u64, StoredAnswer)>,
    /// The most time used any of its lines gives.
    pub used_ms: u64,
    /// When its last line was written.
    pub last_at: Timestamp,
}

impl OpenExam {
    fn new(id: &str, at: Timestamp) -> Self {
        Self {
            id: id.to_owned(),
            start: None,
            started_at: at,
            answers: BTreeMap::new(),
            used_ms: 0,
            last_at: at,
        }
    }

    fn saw(&mut self, used_ms: u64, at: Timestamp) {
        self.used_ms = self.used_ms.max(used_ms);
        self.last_at = self.last_at.max(at);
    }

    pub fn time_limit(&self) -> Duration {
        Duration::from_secs(self.start.as_ref().map_or(0, |s| s.time_limit_secs))
    }

    /// The time used before kisi stopped, as of `now`: what the last line
    /// says, plus the time since it up to [`CLOCK_EVERY`] (a kisi still
    /// running would have written again by then). Time while kisi was not
    /// running does not count.
    pub fn time_used(&self, now: Timestamp) -> Duration {
        let since = u64::try_from(now.0.saturating_sub(self.last_at.0)).unwrap_or(0);
        let since = Duration::from_millis(since).min(CLOCK_EVERY);
        Duration::from_millis(self.used_ms) + since
    }

    /// Whether its time ran out before kisi stopped.
    pub fn timed_out(&self, now: Timestamp) -> bool {
        self.time_used(now) >= self.time_limit()
    }

    /// The answers saved, one place per question.
    pub fn answers(&self) -> Vec<Option<Answer>> {
        let count = self.start.as_ref().map_or(0, |s| s.questions);
        let mut answers = vec![None; count];
        for (&index, (_, answer)) in &self.answers {
            if let Some(place) = answers.get_mut(index) {
                *place = Some(answer.to_answer());
            }
        }
        answers
    }

    /// Its questions drawn again, with the blueprint it was drawn from;
    /// `None` when they are not the ones answered (the pack changed).
    pub fn rebuild(&self, pack: &Pack) -> Option<(Vec<Question>, ExamBlueprint)> {
        let start = self.start.as_ref()?;
        let lang = Lang::from_tag(&start.lang)?;
        let blueprint = ExamBlueprint {
            time_limit: Duration::from_secs(start.time_limit_secs),
            pass_mark: start.pass_mark,
            ..ExamBlueprint::of_pack(pack)
        };
        let questions = build_exam(pack, &blueprint, start.seed, lang).ok()?;
        (questions.len() == start.questions && check_of(&questions) == start.check)
            .then_some((questions, blueprint))
    }

    /// The exam handed in as it stands, as of `now`; `None` when it cannot
    /// be rebuilt.
    pub fn hand_in(&self, pack: &Pack, now: Timestamp) -> Option<ExamResult> {
        let (questions, blueprint) = self.rebuild(pack)?;
        let elapsed = self.time_used(now).min(blueprint.time_limit);
        let (_, result) = mark_exam(
            pack,
            questions,
            self.answers(),
            &blueprint,
            elapsed,
            &self.id,
        );
        Some(result)
    }
}

/// What settling an unfinished exam did (`Progress::settle_exams`).
#[derive(Debug, Clone, PartialEq)]
pub enum Settled {
    /// Its time ran out while kisi was not running: handed in as it stood.
    HandedIn(ExamResult),
    /// It could not be rebuilt (its pack changed) and is no longer offered.
    Dropped,
}

/// Marks an exam's `answers` (one place per question) after `elapsed`:
/// the session, and the result for the history, which closes journal `id`.
pub fn mark_exam(
    pack: &Pack,
    questions: Vec<Question>,
    answers: Vec<Option<Answer>>,
    blueprint: &ExamBlueprint,
    elapsed: Duration,
    id: &str,
) -> (Session, ExamResult) {
    let mut session = Session::new(questions);
    for answer in answers {
        match answer {
            Some(answer) => {
                session.submit(answer);
            }
            None => session.skip(),
        }
    }
    let mut result = exam_result(pack, &session, blueprint, elapsed);
    result.exam = Some(id.to_owned());
    (session, result)
}

/// The journals folded from a log: the exams still open, and those closed
/// (so that a line of a closed exam folded late does not open it again).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Journals {
    open: BTreeMap<String, OpenExam>,
    closed: BTreeSet<String>,
}

impl Journals {
    /// Folds one event; any kind but a journal's or an exam's is ignored.
    pub(super) fn apply(&mut self, event: &Event) {
        let (id, at) = match &event.kind {
            EventKind::Exam(ExamResult { exam: Some(id), .. })
            | EventKind::ExamDropped { exam: id } => {
                self.open.remove(id);
                self.closed.insert(id.clone());
                return;
            }
            EventKind::ExamStart(start) => (&start.exam, event.at),
            EventKind::ExamAnswer(answer) => (&answer.exam, event.at),
            EventKind::ExamTime { exam, .. } => (exam, event.at),
            EventKind::Review { .. } | EventKind::Exam(_) => return,
        };
        if self.closed.contains(id) {
            return;
        }
        let open = self
            .open
            .entry(id.clone())
            .or_insert_with(|| OpenExam::new(id, at));
        match &event.kind {
            EventKind::ExamStart(start) => {
                open.start = Some(start.clone());
                open.started_at = at;
                open.saw(0, at);
            }
            EventKind::ExamAnswer(answer) => {
                // The latest answer by the exam's own clock, whatever the
                // order of the lines.
                let newer = open
                    .answers
                    .get(&answer.question)
                    .is_none_or(|(used, _)| answer.used_ms >= *used);
                if newer {
                    open.answers
                        .insert(answer.question, (answer.used_ms, answer.answer.clone()));
                }
                open.saw(answer.used_ms, at);
            }
            EventKind::ExamTime { used_ms, .. } => open.saw(*used_ms, at),
            _ => {}
        }
    }

    /// The exam to offer: the one started last of those that can be
    /// rebuilt from their journal.
    pub fn unfinished(&self) -> Option<&OpenExam> {
        self.open
            .values()
            .filter(|open| open.start.is_some())
            .max_by_key(|open| (open.started_at, &open.id))
    }

    /// Every open exam, in id order.
    pub fn open(&self) -> impl Iterator<Item = &OpenExam> {
        self.open.values()
    }

    pub fn is_closed(&self, id: &str) -> bool {
        self.closed.contains(id)
    }

    /// Forgets the open exams (they are another process's to offer); a
    /// line of one folded later opens it again without its start, so it
    /// is still not offered.
    pub(super) fn forget_open(&mut self) {
        self.open.clear();
    }
}

#[cfg(test)]
mod tests;
