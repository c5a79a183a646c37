//! The events of a log and the JSON line each is written as.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::progress::fsrs::Rating;
use crate::progress::journal::{ExamAnswer, ExamStart, StoredAnswer};
use crate::progress::time::Timestamp;

use super::FORMAT_VERSION;

/// The version of the lines of an exam under way (its journal): newer than
/// [`FORMAT_VERSION`], so that a kisi from before resumable exams skips
/// them as lines of a newer kisi instead of calling them damaged. Reviews
/// and finished exams are still written as version 1, which it reads.
pub const JOURNAL_VERSION: u32 = 2;

/// One line of a log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique among all events ever written, by any process.
    pub id: String,
    pub pack: String,
    pub at: Timestamp,
    #[serde(flatten)]
    pub kind: EventKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// An item (entry id or point key) was answered. `due_now`: missed in
    /// a live class quiz, so it is due at once (the review of that same day
    /// brings it back) instead of the day after; written only when true, so
    /// a kisi from before reads it as a plain review.
    Review {
        item: String,
        rating: Rating,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        due_now: bool,
    },
    /// A mock exam was finished.
    Exam(ExamResult),
    /// A mock exam began: the first line of its journal (see
    /// `progress::journal`), from which it can be resumed.
    ExamStart(ExamStart),
    /// An answer saved in a mock exam under way.
    ExamAnswer(ExamAnswer),
    /// The time used so far in a mock exam under way, written at least
    /// once a minute.
    ExamTime { exam: String, used_ms: u64 },
    /// An unfinished exam that can no longer be rebuilt (its pack changed)
    /// is given up: it is no longer offered.
    ExamDropped { exam: String },
}

impl EventKind {
    /// The version its line is written with.
    pub(super) fn line_version(&self) -> u32 {
        match self {
            Self::Review { .. } | Self::Exam(_) => FORMAT_VERSION,
            _ => JOURNAL_VERSION,
        }
    }
}

/// The result of a mock exam, as kept in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamResult {
    pub questions: usize,
    pub answered: usize,
    pub score_percent: f64,
    pub pass_mark: u8,
    pub passed: bool,
    pub duration_secs: u64,
    pub by_topic: Vec<TopicResult>,
    /// The journal this exam closes (see `progress::journal`): it is then
    /// no longer offered to resume. Older lines have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exam: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicResult {
    pub topic: String,
    pub earned: f64,
    pub answered: usize,
}

impl Serialize for Rating {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(*self as u8)
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let grade = u8::deserialize(deserializer)?;
        Rating::from_grade(grade)
            .ok_or_else(|| serde::de::Error::custom(format!("rating {grade} is not 1 to 4")))
    }
}

/// How a line is written: the version first, so that a torn line can be
/// told from the start of the next one.
#[derive(Serialize)]
pub(super) struct Line<'a> {
    pub(super) v: u32,
    #[serde(flatten)]
    pub(super) event: &'a Event,
}

/// How a line is read: every field of every kind in one plain struct.
/// Reading `Line` back through `flatten` and the tagged enum would buffer
/// each line into an intermediate map first, which made opening a log of
/// 10,000 reviews cost more than the whole start-up.
#[derive(Deserialize)]
pub(super) struct StoredLine {
    v: u32,
    id: String,
    pack: String,
    at: Timestamp,
    kind: StoredKind,
    item: Option<String>,
    rating: Option<Rating>,
    #[serde(default)]
    due_now: bool,
    questions: Option<usize>,
    answered: Option<usize>,
    score_percent: Option<f64>,
    pass_mark: Option<u8>,
    passed: Option<bool>,
    duration_secs: Option<u64>,
    by_topic: Option<Vec<TopicResult>>,
    exam: Option<String>,
    seed: Option<u64>,
    lang: Option<String>,
    check: Option<String>,
    time_limit_secs: Option<u64>,
    question: Option<usize>,
    answer: Option<StoredAnswer>,
    used_ms: Option<u64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum StoredKind {
    Review,
    Exam,
    ExamStart,
    ExamAnswer,
    ExamTime,
    ExamDropped,
}

impl StoredLine {
    /// The event, or `None` when a field its kind needs is missing.
    pub(super) fn into_event(self) -> Option<Event> {
        let kind = match self.kind {
            StoredKind::Review => EventKind::Review {
                item: self.item?,
                rating: self.rating?,
                due_now: self.due_now,
            },
            StoredKind::Exam => EventKind::Exam(ExamResult {
                questions: self.questions?,
                answered: self.answered?,
                score_percent: self.score_percent?,
                pass_mark: self.pass_mark?,
                passed: self.passed?,
                duration_secs: self.duration_secs?,
                by_topic: self.by_topic?,
                exam: self.exam,
            }),
            StoredKind::ExamStart => EventKind::ExamStart(ExamStart {
                exam: self.exam?,
                seed: self.seed?,
                lang: self.lang?,
                questions: self.questions?,
                check: self.check?,
                time_limit_secs: self.time_limit_secs?,
                pass_mark: self.pass_mark?,
            }),
            StoredKind::ExamAnswer => EventKind::ExamAnswer(ExamAnswer {
                exam: self.exam?,
                question: self.question?,
                answer: self.answer?,
                used_ms: self.used_ms?,
            }),
            StoredKind::ExamTime => EventKind::ExamTime {
                exam: self.exam?,
                used_ms: self.used_ms?,
            },
            StoredKind::ExamDropped => EventKind::ExamDropped { exam: self.exam? },
        };
        Some(Event {
            id: self.id,
            pack: self.pack,
            at: self.at,
            kind,
        })
    }
}

/// A line of the current format or older, as an event.
pub(super) fn parse_event(text: &str) -> Option<Event> {
    serde_json::from_str::<StoredLine>(text)
        .ok()
        .filter(|line| line.v <= JOURNAL_VERSION)
        .and_then(StoredLine::into_event)
}

#[derive(Deserialize)]
pub(super) struct VersionOnly {
    pub(super) v: u32,
}

/// Union of two sets of events by id, ordered by time (then id): what
/// merging the logs of two processes gives.
pub fn merge(a: &[Event], b: &[Event]) -> Vec<Event> {
    let mut seen = HashSet::new();
    let mut all: Vec<Event> = a
        .iter()
        .chain(b)
        .filter(|e| seen.insert(e.id.clone()))
        .cloned()
        .collect();
    sort_events(&mut all);
    all
}

pub(super) fn sort_events(events: &mut [Event]) {
    events.sort_by(order);
}

/// The order of the fold: time, then id, so that any two processes agree.
pub fn order(x: &Event, y: &Event) -> std::cmp::Ordering {
    x.at.cmp(&y.at).then_with(|| x.id.cmp(&y.id))
}
