//! A live class quiz's rules, without network or terminal: who joins (and
//! with which name), what is asked, which answer counts, when time is up by
//! the host's clock, what each student is told and when, and what the room
//! knew. The host feeds it what happened (`join`, `answer`, the lecturer's
//! keys, `tick`) with the time on its own clock, and sends on the messages
//! it queues (`drain`). Nothing here reads a clock or a socket, so every
//! rule is tested by replaying events.

mod clock;
mod extra_time;
mod flow;
mod identity;
mod message;
mod score;
mod students;
mod tally;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::content::Pack;
use crate::i18n::Lang;
use crate::progress::item_keys;
use crate::quiz::rng::Rng;
use crate::quiz::wording::prompt;
use crate::quiz::{Grade, Question};

use clock::Clock;

pub use extra_time::{EXTRA_STEPS, MAX_EXTRA, NO_EXTRA, factor_words, next_step, parse_factor};
pub use identity::{CODE_ALPHABET, CODE_LEN, MAX_NAME_CHARS, RoomCode, clean_name, is_code_shaped};
pub use message::{Ask, ClientMsg, ErrorCode, PackInfo, ServerMsg, Verdict, WireAnswer};
pub use tally::{Bar, BarLabel, ItemScore, Tally, TopicTally};

/// How a room runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomConfig {
    /// Seconds per question; 0 for no limit (the lecturer reveals).
    pub seconds: u64,
    /// Whether a student may change an answer until the deadline.
    pub allow_change: bool,
    pub max_students: usize,
    /// Speed points and places; off by default, as they disadvantage
    /// students who need more time.
    pub leaderboard: bool,
    /// Wrong codes an address may try before it is cut off.
    pub max_wrong_codes: u32,
    pub lang: Lang,
}

impl Default for RoomConfig {
    fn default() -> Self {
        Self {
            seconds: 30,
            allow_change: false,
            max_students: 200,
            leaderboard: false,
            max_wrong_codes: 10,
            lang: Lang::default(),
        }
    }
}

/// A piece of material a question tests, with the words to show for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The progress store's key.
    pub key: String,
    pub label: String,
}

/// A question as the room holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomQuestion {
    pub question: Question,
    pub prompt: String,
    pub ask: Ask,
    pub items: Vec<Item>,
    pub topic: Option<String>,
}

/// A student's place in [`Room::students`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StudentId(pub usize);

#[derive(Debug, Clone, PartialEq)]
pub struct Student {
    pub name: String,
    key: String,
    token: String,
    pub connected: bool,
    pub removed: bool,
    /// Speed points, with the leaderboard.
    pub points: f64,
    /// Extra time granted, in percent of the room's limit (100: none).
    pub extra: u16,
}

/// An answer the room took.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    pub grade: Grade,
    /// Milliseconds from the question's opening, by the host's clock.
    pub taken_ms: u64,
    /// Speed points earned, with the leaderboard.
    pub points: f64,
}

/// Where the room is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Lobby,
    /// Question `n` takes answers.
    Open(usize),
    /// Question `n`'s answer is shown.
    Revealed(usize),
    Ended,
}

/// Who a message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// Every connected student still in the room.
    All,
    One(StudentId),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    pub to: To,
    pub msg: ServerMsg,
}

/// An answer taken, for the results file.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRecord {
    pub student: String,
    pub question: usize,
    pub key: String,
    pub answer: String,
    pub credit: f64,
    pub taken_ms: u64,
}

/// Why a join or resume was turned down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    WrongCode,
    CutOff,
    NameEmpty,
    NameTaken,
    Full,
    Over,
    UnknownSession,
    Removed,
}

impl Refused {
    pub fn code(self) -> ErrorCode {
        match self {
            Self::WrongCode => ErrorCode::WrongCode,
            Self::CutOff => ErrorCode::CutOff,
            Self::NameEmpty => ErrorCode::NameEmpty,
            Self::NameTaken => ErrorCode::NameTaken,
            Self::Full => ErrorCode::RoomFull,
            Self::Over => ErrorCode::RoomOver,
            Self::UnknownSession => ErrorCode::UnknownSession,
            Self::Removed => ErrorCode::Removed,
        }
    }
}

/// Why an answer was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotTaken {
    NotOpen,
    TooLate,
    AlreadyAnswered,
    Removed,
}

impl NotTaken {
    pub fn code(self) -> ErrorCode {
        match self {
            Self::NotOpen => ErrorCode::NotOpen,
            Self::TooLate => ErrorCode::TooLate,
            Self::AlreadyAnswered => ErrorCode::AlreadyAnswered,
            Self::Removed => ErrorCode::Removed,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Room {
    code: RoomCode,
    pack: PackInfo,
    config: RoomConfig,
    questions: Vec<RoomQuestion>,
    students: Vec<Student>,
    /// `answers[q][s]`: student `s`'s answer to question `q`.
    answers: Vec<Vec<Option<Given>>>,
    /// Questions opened (asked), and those skipped after.
    asked: Vec<bool>,
    skipped: Vec<bool>,
    phase: Phase,
    clock: Option<Clock>,
    wrong_codes: HashMap<String, u32>,
    /// Extra time granted by name key, also to students yet to join.
    granted: HashMap<String, u16>,
    outbox: Vec<Outgoing>,
    rng: Rng,
}

/// Words for an item: the entry's title, or "title: point".
fn item_label(pack: &Pack, question: &Question, key: &str) -> String {
    for target in &question.targets {
        let Some(entry) = pack.entry(target.entry) else {
            continue;
        };
        match target.point {
            Some(point) if entry.point_key(point) == key => {
                let text = entry.points.get(point).map_or("", |p| p.item_text());
                return format!("{}: {text}", entry.title);
            }
            None if *entry.id == *key => return entry.title.to_string(),
            _ => {}
        }
    }
    key.to_owned()
}

impl Room {
    /// A room asking `questions` of `pack` (flashcards are left out), with
    /// its code and tokens drawn from `entropy`.
    pub fn new(pack: &Pack, questions: Vec<Question>, config: RoomConfig, entropy: u64) -> Self {
        let questions: Vec<RoomQuestion> = questions
            .into_iter()
            .filter_map(|question| {
                let ask = Ask::of(&question.body)?;
                let items = item_keys(pack, &question)
                    .into_iter()
                    .map(|key| Item {
                        label: item_label(pack, &question, &key),
                        key,
                    })
                    .collect();
                let topic = question
                    .topic()
                    .and_then(|t| pack.topic(t))
                    .map(|t| t.title.clone());
                Some(RoomQuestion {
                    prompt: prompt(&question.prompt, config.lang),
                    ask,
                    items,
                    topic,
                    question,
                })
            })
            .collect();
        let mut rng = Rng::new(entropy);
        let count = questions.len();
        Self {
            code: RoomCode::generate(&mut rng),
            pack: PackInfo {
                id: pack.meta.id.clone(),
                title: pack.meta.title.clone(),
            },
            config,
            answers: vec![Vec::new(); count],
            asked: vec![false; count],
            skipped: vec![false; count],
            questions,
            students: Vec::new(),
            phase: Phase::Lobby,
            clock: None,
            wrong_codes: HashMap::new(),
            granted: HashMap::new(),
            outbox: Vec::new(),
            rng,
        }
    }

    pub fn code(&self) -> &RoomCode {
        &self.code
    }

    pub fn pack(&self) -> &PackInfo {
        &self.pack
    }

    pub fn config(&self) -> &RoomConfig {
        &self.config
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn questions(&self) -> &[RoomQuestion] {
        &self.questions
    }

    pub fn students(&self) -> &[Student] {
        &self.students
    }

    pub fn student(&self, id: StudentId) -> Option<&Student> {
        self.students.get(id.0)
    }

    /// The students still in the room (not removed), joined in order.
    pub fn present(&self) -> impl Iterator<Item = (StudentId, &Student)> {
        self.students
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.removed)
            .map(|(i, s)| (StudentId(i), s))
    }

    pub fn present_count(&self) -> usize {
        self.present().count()
    }

    /// Answers in to question `index` from students still in the room.
    pub fn answers_in(&self, index: usize) -> usize {
        self.answers.get(index).map_or(0, |answers| {
            answers
                .iter()
                .zip(&self.students)
                .filter(|(a, s)| a.is_some() && !s.removed)
                .count()
        })
    }

    pub fn answer_of(&self, index: usize, id: StudentId) -> Option<&Given> {
        self.answers.get(index)?.get(id.0)?.as_ref()
    }

    /// Milliseconds left on the open question; `None` without a limit or
    /// when no question is open.
    pub fn left_ms(&self, now: u64) -> Option<u64> {
        match self.phase {
            Phase::Open(_) => self.clock.and_then(|c| c.left_ms(now)),
            _ => None,
        }
    }

    pub fn paused(&self) -> bool {
        self.clock.is_some_and(|c| c.paused_at.is_some())
    }

    /// The messages queued since the last drain, in order.
    pub fn drain(&mut self) -> Vec<Outgoing> {
        std::mem::take(&mut self.outbox)
    }

    pub(super) fn send(&mut self, to: To, msg: ServerMsg) {
        self.outbox.push(Outgoing { to, msg });
    }
}
