//! What a room says to a student and what a student says to it. These are
//! the payloads of the live protocol (docs/live-protocol.md); the network
//! crate wraps them in a versioned envelope. A question goes out as an
//! [`Ask`], which has no field that could hold its solution: the right
//! answer leaves the room only in a [`ServerMsg::Reveal`].

use serde::{Deserialize, Serialize};

use crate::i18n::RoomWords;
use crate::quiz::{Answer, Body};

/// The pack a room asks from, so a student's kisi records progress for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackInfo {
    pub id: String,
    pub title: String,
}

/// A question as a student sees it: what to answer, never the solution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ask {
    Choice {
        options: Vec<String>,
    },
    /// Select all that apply.
    SelectAll {
        options: Vec<String>,
    },
    TrueFalse,
    Typed,
    Ordering {
        items: Vec<String>,
    },
    Matching {
        left: Vec<String>,
        right: Vec<String>,
    },
    ListAll {
        count: usize,
    },
}

impl Ask {
    /// The shown part of `body`; `None` for a flashcard, which a room does
    /// not ask (it is graded by the student alone).
    pub fn of(body: &Body) -> Option<Self> {
        Some(match body {
            Body::Choice { options, .. } => Self::Choice {
                options: options.clone(),
            },
            Body::SelectAll { options, .. } => Self::SelectAll {
                options: options.clone(),
            },
            Body::TrueFalse { .. } => Self::TrueFalse,
            Body::Typed { .. } => Self::Typed,
            Body::Ordering { items, .. } => Self::Ordering {
                items: items.clone(),
            },
            Body::Matching { left, right, .. } => Self::Matching {
                left: left.clone(),
                right: right.clone(),
            },
            Body::ListAll { items, .. } => Self::ListAll { count: items.len() },
            Body::Flashcard { .. } => return None,
        })
    }

    /// A body of the same shape for the student's answer input, with
    /// placeholder solutions: the client draws and collects an answer with
    /// it, and never grades.
    pub fn placeholder_body(&self) -> Body {
        match self {
            Self::Choice { options } => Body::Choice {
                options: options.clone(),
                correct: 0,
            },
            Self::SelectAll { options } => Body::SelectAll {
                options: options.clone(),
                correct: Vec::new(),
            },
            Self::TrueFalse => Body::TrueFalse { answer: true },
            Self::Typed => Body::Typed {
                candidates: Vec::new(),
                correct: 0,
            },
            Self::Ordering { items } => Body::Ordering {
                items: items.clone(),
                order: (0..items.len()).collect(),
            },
            Self::Matching { left, right } => Body::Matching {
                left: left.clone(),
                right: right.clone(),
                pairs: vec![0; left.len()],
            },
            Self::ListAll { count } => Body::ListAll {
                items: vec![vec![String::new()]; *count],
                decoys: Vec::new(),
            },
        }
    }
}

/// An answer on the wire, in the shape of the question's [`Ask`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum WireAnswer {
    Choice(usize),
    SelectAll(Vec<usize>),
    TrueFalse(bool),
    Typed(String),
    Ordering(Vec<usize>),
    Matching(Vec<usize>),
    ListAll(Vec<String>),
}

impl WireAnswer {
    /// The answer as the quiz grades it; `None` for a flashcard's.
    pub fn from_answer(answer: Answer) -> Option<Self> {
        Some(match answer {
            Answer::Choice(i) => Self::Choice(i),
            Answer::SelectAll(picked) => Self::SelectAll(picked),
            Answer::TrueFalse(b) => Self::TrueFalse(b),
            Answer::Typed(t) => Self::Typed(t),
            Answer::Ordering(o) => Self::Ordering(o),
            Answer::Matching(m) => Self::Matching(m),
            Answer::ListAll(l) => Self::ListAll(l),
            Answer::Flashcard { .. } => return None,
        })
    }

    pub fn into_answer(self) -> Answer {
        match self {
            Self::Choice(i) => Answer::Choice(i),
            Self::SelectAll(picked) => Answer::SelectAll(picked),
            Self::TrueFalse(b) => Answer::TrueFalse(b),
            Self::Typed(t) => Answer::Typed(t),
            Self::Ordering(o) => Answer::Ordering(o),
            Self::Matching(m) => Answer::Matching(m),
            Self::ListAll(l) => Answer::ListAll(l),
        }
    }
}

/// A student's own result on one question, sent with its reveal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The answer as given, in words (empty when none was given).
    pub given: String,
    /// Credit earned, 0 to 1.
    pub credit: f64,
    pub answered: bool,
}

impl Verdict {
    /// "Teaching — wrong", "(no answer)", in `lang`.
    pub fn words(&self, lang: crate::i18n::Lang) -> String {
        let w = lang.room_words();
        if !self.answered {
            return w.no_answer.to_owned();
        }
        let said = if self.credit >= 1.0 {
            w.right.to_owned()
        } else if self.credit > 0.0 {
            format!("{:.0}%", self.credit * 100.0)
        } else {
            w.wrong.to_owned()
        };
        format!("{} — {said}", crate::text::printable_line(&self.given))
    }
}

/// Why the room turned something down. The client words it in its own
/// language; `detail` in [`ServerMsg::Error`] adds what the code cannot say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    WrongCode,
    /// Too many wrong codes from this address: the connection is closed.
    CutOff,
    NameEmpty,
    NameTaken,
    RoomFull,
    RoomOver,
    UnknownSession,
    Removed,
    NotOpen,
    TooLate,
    AlreadyAnswered,
    /// A message before joining, or a second join.
    OutOfTurn,
    Malformed,
    TooLarge,
    UnknownVersion,
    RateLimited,
}

impl ErrorCode {
    /// Whether the server closes the connection after saying so.
    pub fn closes(self) -> bool {
        matches!(self, Self::CutOff | Self::RoomFull | Self::Removed)
    }

    /// What the code means, in the words of `words`.
    pub fn message(self, words: &RoomWords) -> &'static str {
        let errors = words.errors;
        match self {
            Self::WrongCode => errors.wrong_code,
            Self::CutOff => errors.cut_off,
            Self::NameEmpty => errors.name_empty,
            Self::NameTaken => errors.name_taken,
            Self::RoomFull => errors.room_full,
            Self::RoomOver => errors.room_over,
            Self::UnknownSession => errors.unknown_session,
            Self::Removed => errors.removed,
            Self::NotOpen => errors.not_open,
            Self::TooLate => errors.too_late,
            Self::AlreadyAnswered => errors.already_answered,
            Self::OutOfTurn => errors.out_of_turn,
            Self::Malformed => errors.malformed,
            Self::TooLarge => errors.too_large,
            Self::UnknownVersion => errors.unknown_version,
            Self::RateLimited => errors.rate_limited,
        }
    }
}

/// What the room says to a student.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    /// Joined (or resumed): the name the room knows the student by and the
    /// token to resume with after a dropped connection.
    Welcome {
        name: String,
        token: String,
        pack: PackInfo,
        questions: usize,
        resumed: bool,
    },
    /// In the lobby, until the lecturer starts.
    Waiting {
        students: usize,
    },
    Question {
        index: usize,
        total: usize,
        prompt: String,
        ask: Ask,
        /// Milliseconds left by the host's clock; `None` without a limit.
        left_ms: Option<u64>,
        paused: bool,
        /// The student answered already (after a resume).
        answered: bool,
    },
    /// The clock of the open question changed (paused, resumed, extended).
    Clock {
        index: usize,
        left_ms: Option<u64>,
        paused: bool,
    },
    /// The answer to question `index` was taken.
    Received {
        index: usize,
    },
    Reveal {
        index: usize,
        solution: String,
        explanation: String,
        source: Option<String>,
        yours: Verdict,
    },
    /// Question `index` was skipped: it does not count.
    Skipped {
        index: usize,
    },
    End {
        earned: f64,
        asked: usize,
        answered: usize,
        /// Place among the students, with `--leaderboard` only.
        rank: Option<usize>,
        pack: PackInfo,
        /// Item keys (progress store) of every question asked.
        tested: Vec<String>,
        /// Item keys of the questions answered wrong, partly or not at all.
        missed: Vec<String>,
    },
    Error {
        code: ErrorCode,
        detail: String,
    },
}

/// What a student says to the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    Join { code: String, name: String },
    Resume { code: String, token: String },
    Answer { index: usize, answer: WireAnswer },
}
