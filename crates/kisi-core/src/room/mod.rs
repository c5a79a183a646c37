//! A live class quiz's rules, without network or terminal: who joins (and
//! with which name), what is asked, which answer counts, when time is up by
//! the host's clock, what each student is told and when, and what the room
//! knew. The host feeds it what happened (`join`, `answer`, the lecturer's
//! keys, `tick`) with the time on its own clock, and sends on the messages
//! it queues (`drain`). Nothing here reads a clock or a socket, so every
//! rule is tested by replaying events.

mod identity;
mod message;
mod tally;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::content::Pack;
use crate::i18n::Lang;
use crate::progress::item_keys;
use crate::quiz::rng::Rng;
use crate::quiz::wording::{given, prompt, solution};
use crate::quiz::{Grade, Question, grade};

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

/// The clock of the open question, on the host's time (milliseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Clock {
    opened_at: u64,
    limit_ms: Option<u64>,
    paused_at: Option<u64>,
    paused_ms: u64,
}

impl Clock {
    fn running_ms(&self, now: u64) -> u64 {
        self.paused_at
            .unwrap_or(now)
            .saturating_sub(self.opened_at)
            .saturating_sub(self.paused_ms)
    }

    fn left_ms(&self, now: u64) -> Option<u64> {
        self.limit_ms
            .map(|limit| limit.saturating_sub(self.running_ms(now)))
    }
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

    fn send(&mut self, to: To, msg: ServerMsg) {
        self.outbox.push(Outgoing { to, msg });
    }

    /// Counts a wrong code from `peer`; whether it is now cut off.
    fn wrong_code(&mut self, peer: &str) -> Refused {
        let tries = self.wrong_codes.entry(peer.to_owned()).or_default();
        *tries += 1;
        if *tries >= self.config.max_wrong_codes {
            Refused::CutOff
        } else {
            Refused::WrongCode
        }
    }

    /// Lets `peer` in with `code`, or counts a wrong code against it.
    fn check_code(&mut self, peer: &str, code: &str) -> Result<(), Refused> {
        let cut_off = self
            .wrong_codes
            .get(peer)
            .is_some_and(|n| *n >= self.config.max_wrong_codes);
        if cut_off {
            Err(Refused::CutOff)
        } else if self.code.matches(code) {
            Ok(())
        } else {
            Err(self.wrong_code(peer))
        }
    }

    /// A student joins from `peer` (an address, for counting wrong codes)
    /// with `code` and the name they typed.
    ///
    /// # Errors
    /// The code is wrong (or `peer` tried too many), the name is empty or
    /// taken, the room is full or over.
    pub fn join(
        &mut self,
        peer: &str,
        code: &str,
        name: &str,
        now: u64,
    ) -> Result<StudentId, Refused> {
        self.check_code(peer, code)?;
        if self.phase == Phase::Ended {
            return Err(Refused::Over);
        }
        let name = clean_name(name).ok_or(Refused::NameEmpty)?;
        let key = identity::name_key(&name);
        // A removed student's name stays taken: they cannot come back as
        // themselves.
        if self.students.iter().any(|s| s.key == key) {
            return Err(Refused::NameTaken);
        }
        if self.present_count() >= self.config.max_students {
            return Err(Refused::Full);
        }
        let id = StudentId(self.students.len());
        self.students.push(Student {
            name,
            key,
            token: identity::token(&mut self.rng),
            connected: true,
            removed: false,
            points: 0.0,
        });
        for answers in &mut self.answers {
            answers.push(None);
        }
        self.welcome(id, false, now);
        let students = self.present_count();
        if self.phase == Phase::Lobby {
            self.send(To::All, ServerMsg::Waiting { students });
        }
        Ok(id)
    }

    /// A student comes back with the token they were given.
    ///
    /// # Errors
    /// The code is wrong, the token unknown, or the student was removed.
    pub fn resume(
        &mut self,
        peer: &str,
        code: &str,
        token: &str,
        now: u64,
    ) -> Result<StudentId, Refused> {
        self.check_code(peer, code)?;
        let at = self
            .students
            .iter()
            .position(|s| s.token == token)
            .ok_or(Refused::UnknownSession)?;
        if self.students[at].removed {
            return Err(Refused::Removed);
        }
        self.students[at].connected = true;
        self.welcome(StudentId(at), true, now);
        Ok(StudentId(at))
    }

    /// Tells a student who they are and where the room is.
    fn welcome(&mut self, id: StudentId, resumed: bool, now: u64) {
        let Some(student) = self.students.get(id.0) else {
            return;
        };
        let welcome = ServerMsg::Welcome {
            name: student.name.clone(),
            token: student.token.clone(),
            pack: self.pack.clone(),
            questions: self.questions.len(),
            resumed,
        };
        self.send(To::One(id), welcome);
        match self.phase {
            // A new student's join is told to the whole lobby.
            Phase::Lobby if resumed => {
                let students = self.present_count();
                self.send(To::One(id), ServerMsg::Waiting { students });
            }
            Phase::Lobby => {}
            Phase::Open(index) => {
                // The clock is the room's, so a late or returning student
                // gets only the time left.
                let msg = self.question_msg(index, Some(id), now);
                self.send(To::One(id), msg);
            }
            Phase::Revealed(index) => {
                let msg = self.reveal_msg(index, id);
                self.send(To::One(id), msg);
            }
            Phase::Ended => {
                let msg = self.end_msg(id);
                self.send(To::One(id), msg);
            }
        }
    }
}

impl Room {
    /// The connection of a student dropped; they may resume.
    pub fn disconnect(&mut self, id: StudentId) {
        if let Some(student) = self.students.get_mut(id.0) {
            student.connected = false;
        }
    }

    /// The lecturer removes a student: their session ends for good, and
    /// their answers no longer count in the room's tallies.
    pub fn remove(&mut self, id: StudentId) -> bool {
        let Some(student) = self.students.get_mut(id.0) else {
            return false;
        };
        if student.removed {
            return false;
        }
        student.removed = true;
        student.connected = false;
        self.send(
            To::One(id),
            ServerMsg::Error {
                code: ErrorCode::Removed,
                detail: String::new(),
            },
        );
        true
    }

    fn question_msg(&self, index: usize, id: Option<StudentId>, now: u64) -> ServerMsg {
        let question = &self.questions[index];
        ServerMsg::Question {
            index,
            total: self.questions.len(),
            prompt: question.prompt.clone(),
            ask: question.ask.clone(),
            left_ms: self.clock.and_then(|c| c.left_ms(now)),
            paused: self.paused(),
            answered: id.is_some_and(|id| self.answer_of(index, id).is_some()),
        }
    }

    fn open(&mut self, index: usize, now: u64) {
        if index >= self.questions.len() {
            self.finish();
            return;
        }
        self.phase = Phase::Open(index);
        self.asked[index] = true;
        self.clock = Some(Clock {
            opened_at: now,
            limit_ms: (self.config.seconds > 0).then(|| self.config.seconds.saturating_mul(1000)),
            paused_at: None,
            paused_ms: 0,
        });
        let msg = self.question_msg(index, None, now);
        self.send(To::All, msg);
    }

    /// The lecturer starts the quiz (from the lobby only).
    pub fn start(&mut self, now: u64) -> bool {
        if self.phase != Phase::Lobby {
            return false;
        }
        self.open(0, now);
        true
    }

    /// Shows the answer of the open question: by the lecturer, or by
    /// [`Room::tick`] when time is up. Each student learns their verdict.
    pub fn reveal(&mut self) -> bool {
        let Phase::Open(index) = self.phase else {
            return false;
        };
        self.phase = Phase::Revealed(index);
        self.clock = None;
        let ids: Vec<StudentId> = self.present().map(|(id, _)| id).collect();
        for id in ids {
            let msg = self.reveal_msg(index, id);
            self.send(To::One(id), msg);
        }
        true
    }

    fn reveal_msg(&self, index: usize, id: StudentId) -> ServerMsg {
        let question = &self.questions[index];
        let lang = self.config.lang;
        let yours = match self.answer_of(index, id) {
            Some(answer) => Verdict {
                given: given(&question.question.body, &answer.grade, lang),
                credit: answer.grade.outcome.credit(),
                answered: true,
            },
            None => Verdict {
                given: String::new(),
                credit: 0.0,
                answered: false,
            },
        };
        ServerMsg::Reveal {
            index,
            solution: solution(&question.question.body, lang),
            explanation: question.question.explanation.clone(),
            source: question.question.source.clone(),
            yours,
        }
    }

    /// The next question, after a reveal.
    pub fn next(&mut self, now: u64) -> bool {
        let Phase::Revealed(index) = self.phase else {
            return false;
        };
        self.open(index + 1, now);
        true
    }

    /// Drops the open question (it does not count) and opens the next.
    pub fn skip(&mut self, now: u64) -> bool {
        let Phase::Open(index) = self.phase else {
            return false;
        };
        self.skipped[index] = true;
        self.send(To::All, ServerMsg::Skipped { index });
        self.open(index + 1, now);
        true
    }

    /// Stops or restarts the open question's clock.
    pub fn toggle_pause(&mut self, now: u64) -> bool {
        let Phase::Open(index) = self.phase else {
            return false;
        };
        let Some(clock) = self.clock.as_mut() else {
            return false;
        };
        match clock.paused_at.take() {
            Some(at) => clock.paused_ms += now.saturating_sub(at),
            None => clock.paused_at = Some(now),
        }
        self.clock_changed(index, now);
        true
    }

    /// Gives the open question `seconds` more.
    pub fn extend(&mut self, seconds: u64, now: u64) -> bool {
        let Phase::Open(index) = self.phase else {
            return false;
        };
        let Some(limit) = self.clock.as_mut().and_then(|c| c.limit_ms.as_mut()) else {
            return false;
        };
        *limit = limit.saturating_add(seconds.saturating_mul(1000));
        self.clock_changed(index, now);
        true
    }

    fn clock_changed(&mut self, index: usize, now: u64) {
        let msg = ServerMsg::Clock {
            index,
            left_ms: self.left_ms(now),
            paused: self.paused(),
        };
        self.send(To::All, msg);
    }

    /// Time passes on the host's clock: reveals the open question when its
    /// time is up. Returns whether it did.
    pub fn tick(&mut self, now: u64) -> bool {
        if self.left_ms(now) == Some(0) {
            self.reveal()
        } else {
            false
        }
    }

    /// The lecturer ends the quiz; every student gets their score.
    pub fn end(&mut self) -> bool {
        if self.phase == Phase::Ended {
            return false;
        }
        self.finish();
        true
    }

    fn finish(&mut self) {
        self.phase = Phase::Ended;
        self.clock = None;
        let ids: Vec<StudentId> = self.present().map(|(id, _)| id).collect();
        for id in ids {
            let msg = self.end_msg(id);
            self.send(To::One(id), msg);
        }
    }

    /// The questions that count: asked and not skipped.
    pub fn counted(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.questions.len()).filter(|&q| self.asked[q] && !self.skipped[q])
    }

    /// A student's credit over the questions that count: earned, asked,
    /// answered.
    pub fn score_of(&self, id: StudentId) -> (f64, usize, usize) {
        let mut score = (0.0, 0, 0);
        for q in self.counted() {
            score.1 += 1;
            if let Some(answer) = self.answer_of(q, id) {
                score.0 += answer.grade.outcome.credit();
                score.2 += 1;
            }
        }
        score
    }

    /// A student's place by speed points (1 is first), with the leaderboard.
    pub fn rank_of(&self, id: StudentId) -> Option<usize> {
        if !self.config.leaderboard {
            return None;
        }
        let mine = self.students.get(id.0)?.points;
        Some(1 + self.present().filter(|(_, s)| s.points > mine).count())
    }

    fn end_msg(&self, id: StudentId) -> ServerMsg {
        let (earned, asked, answered) = self.score_of(id);
        let mut tested = Vec::new();
        let mut missed = Vec::new();
        for q in self.counted() {
            let right = self
                .answer_of(q, id)
                .is_some_and(|a| a.grade.outcome.credit() >= 1.0);
            for item in &self.questions[q].items {
                if !tested.contains(&item.key) {
                    tested.push(item.key.clone());
                }
                if !right && !missed.contains(&item.key) {
                    missed.push(item.key.clone());
                }
            }
        }
        ServerMsg::End {
            earned,
            asked,
            answered,
            rank: self.rank_of(id),
            pack: self.pack.clone(),
            tested,
            missed,
        }
    }

    /// A student answers question `index`. The host's clock decides
    /// whether it is in time; a second answer replaces the first only when
    /// the room allows changes.
    ///
    /// # Errors
    /// The question is not open (or no longer), already answered, or the
    /// student was removed.
    pub fn answer(
        &mut self,
        id: StudentId,
        index: usize,
        answer: WireAnswer,
        now: u64,
    ) -> Result<AnswerRecord, NotTaken> {
        let student = self.students.get(id.0).ok_or(NotTaken::Removed)?;
        if student.removed {
            return Err(NotTaken::Removed);
        }
        let open = match self.phase {
            Phase::Open(open) => Some(open),
            _ => None,
        };
        if open != Some(index) {
            let closed = match self.phase {
                Phase::Open(open) | Phase::Revealed(open) => index <= open,
                Phase::Ended => true,
                Phase::Lobby => false,
            };
            return Err(if closed {
                NotTaken::TooLate
            } else {
                NotTaken::NotOpen
            });
        }
        let left = self.left_ms(now);
        if left == Some(0) {
            return Err(NotTaken::TooLate);
        }
        if self.answers[index][id.0].is_some() && !self.config.allow_change {
            return Err(NotTaken::AlreadyAnswered);
        }
        let question = &self.questions[index];
        let grade = grade(&question.question, &answer.into_answer());
        let taken_ms = self.clock.map_or(0, |c| c.running_ms(now));
        let credit = grade.outcome.credit();
        let record = AnswerRecord {
            student: student.name.clone(),
            question: index,
            key: question.question.key.clone(),
            answer: given(&question.question.body, &grade, self.config.lang),
            credit,
            taken_ms,
        };
        if self.config.leaderboard {
            let points = speed_points(credit, left, self.clock.and_then(|c| c.limit_ms));
            let before = self.answers[index][id.0].as_ref().map_or(0.0, |g| g.points);
            self.students[id.0].points += points - before;
            self.answers[index][id.0] = Some(Given {
                grade,
                taken_ms,
                points,
            });
        } else {
            self.answers[index][id.0] = Some(Given {
                grade,
                taken_ms,
                points: 0.0,
            });
        }
        self.send(To::One(id), ServerMsg::Received { index });
        Ok(record)
    }
}

/// Leaderboard points for an answer: up to 1000 for a right one, half of
/// them for speed.
fn speed_points(credit: f64, left: Option<u64>, limit: Option<u64>) -> f64 {
    let speed = match (left, limit) {
        #[allow(clippy::cast_precision_loss)] // milliseconds of a question
        (Some(left), Some(limit)) if limit > 0 => left as f64 / limit as f64,
        _ => 1.0,
    };
    credit * (500.0 + 500.0 * speed)
}
