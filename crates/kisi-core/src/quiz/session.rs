//! A quiz in progress: the questions, the answers given so far and the score.
//! The session keeps no clock; the UI passes the elapsed time in.

use std::time::Duration;

use super::grade::{Grade, Outcome, grade_owned};
use super::question::{Answer, Question, Target};

/// A time limit given in whole minutes: 0 means no limit (in the plain
/// quiz as in the TUI), and a number too big to count in seconds is as good
/// as none rather than wrapping round to a short one.
pub fn minutes_limit(minutes: u64) -> Option<Duration> {
    (minutes > 0).then(|| Duration::from_secs(minutes.saturating_mul(60)))
}

/// An answered question.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub grade: Grade,
}

impl Record {
    pub fn outcome(&self) -> Outcome {
        self.grade.outcome
    }

    pub fn answer(&self) -> &Answer {
        &self.grade.given
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    questions: Vec<Question>,
    records: Vec<Option<Record>>,
    current: usize,
    time_limit: Option<Duration>,
}

/// Credit earned over the questions asked.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Sum of credits: 1 per right (or overridden) answer, the fraction of a
    /// partly right one.
    pub earned: f64,
    /// Questions asked, answered or not. The score is out of these, so a
    /// question left when the time ran out counts as not right.
    pub asked: usize,
    pub answered: usize,
    /// How many of the right answers the student counted right themselves.
    pub overridden: usize,
}

impl Score {
    /// Counts a question asked, with its outcome when it was answered.
    fn add(&mut self, outcome: Option<Outcome>) {
        self.asked += 1;
        let Some(outcome) = outcome else {
            return;
        };
        self.earned += outcome.credit();
        self.answered += 1;
        if outcome == Outcome::Overridden {
            self.overridden += 1;
        }
    }

    pub fn unanswered(&self) -> usize {
        self.asked.saturating_sub(self.answered)
    }

    /// The score in percent of the questions asked, 0 when none.
    pub fn percent(&self) -> f64 {
        if self.asked == 0 {
            0.0
        } else {
            #[allow(clippy::cast_precision_loss)] // question counts are tiny
            let asked = self.asked as f64;
            self.earned * 100.0 / asked
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopicScore {
    /// Index of the topic in the pack.
    pub topic: usize,
    pub score: Score,
}

/// A question answered wrong or only partly right.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    /// Index of the question in the session.
    pub question: usize,
    pub targets: Vec<Target>,
    pub grade: Grade,
    pub explanation: String,
    pub source: Option<String>,
}

/// The result of a finished (or abandoned) quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub score: Score,
    /// Questions of the quiz, answered or not.
    pub questions: usize,
    pub by_topic: Vec<TopicScore>,
    pub mistakes: Vec<Mistake>,
}

impl Session {
    pub fn new(questions: Vec<Question>) -> Self {
        let records = vec![None; questions.len()];
        Self {
            questions,
            records,
            current: 0,
            time_limit: None,
        }
    }

    #[must_use]
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = Some(limit);
        self
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn records(&self) -> &[Option<Record>] {
        &self.records
    }

    pub fn current_index(&self) -> usize {
        self.current
    }

    /// The question to answer now; `None` once all have been answered.
    pub fn current(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    pub fn is_finished(&self) -> bool {
        self.current >= self.questions.len()
    }

    pub fn time_limit(&self) -> Option<Duration> {
        self.time_limit
    }

    /// Time left after `elapsed`, when there is a limit.
    pub fn time_left(&self, elapsed: Duration) -> Option<Duration> {
        self.time_limit.map(|limit| limit.saturating_sub(elapsed))
    }

    pub fn is_out_of_time(&self, elapsed: Duration) -> bool {
        self.time_limit.is_some_and(|limit| elapsed >= limit)
    }

    /// Grades `answer` to the current question, records it and moves on.
    /// Returns `None` when the quiz is already over.
    pub fn submit(&mut self, answer: Answer) -> Option<&Grade> {
        let question = self.questions.get(self.current)?;
        let grade = grade_owned(question, answer);
        let index = self.current;
        self.records[index] = Some(Record { grade });
        self.current += 1;
        self.records[index].as_ref().map(|r| &r.grade)
    }

    /// Leaves the current question unanswered and moves on (a mock exam
    /// handed in with blanks).
    pub fn skip(&mut self) {
        if self.current < self.questions.len() {
            self.current += 1;
        }
    }

    /// "I was right": counts an answered question graded wrong or partly
    /// right as right, marked as the student's own correction. Returns
    /// whether anything changed.
    pub fn override_answer(&mut self, question: usize) -> bool {
        match self.records.get_mut(question) {
            Some(Some(record))
                if matches!(record.outcome(), Outcome::Wrong | Outcome::Partial(_)) =>
            {
                record.grade.outcome = Outcome::Overridden;
                true
            }
            _ => false,
        }
    }

    /// The score over every question, answered or not.
    pub fn score(&self) -> Score {
        let mut score = Score::default();
        for record in &self.records {
            score.add(record.as_ref().map(Record::outcome));
        }
        score
    }

    /// Scores per topic asked about (answered or not), in pack order of the
    /// topics.
    pub fn by_topic(&self) -> Vec<TopicScore> {
        let mut topics: Vec<TopicScore> = Vec::new();
        for (question, record) in self.questions.iter().zip(&self.records) {
            let Some(topic) = question.topic() else {
                continue;
            };
            let at = match topics.binary_search_by_key(&topic, |t| t.topic) {
                Ok(at) => at,
                Err(at) => {
                    topics.insert(
                        at,
                        TopicScore {
                            topic,
                            score: Score::default(),
                        },
                    );
                    at
                }
            };
            topics[at].score.add(record.as_ref().map(Record::outcome));
        }
        topics
    }

    pub fn mistakes(&self) -> Vec<Mistake> {
        self.questions
            .iter()
            .zip(&self.records)
            .enumerate()
            .filter_map(|(index, (question, record))| {
                let record = record.as_ref()?;
                matches!(record.outcome(), Outcome::Wrong | Outcome::Partial(_)).then(|| Mistake {
                    question: index,
                    targets: question.targets.clone(),
                    grade: record.grade.clone(),
                    explanation: question.explanation.clone(),
                    source: question.source.clone(),
                })
            })
            .collect()
    }

    /// A new session asking again the questions answered wrong or partly
    /// right and those left unanswered (a timed-out quiz, a mock exam with
    /// blanks), in their order, with the same time limit; `None` when there
    /// are none.
    pub fn retry_mistakes(&self) -> Option<Self> {
        let questions: Vec<Question> = self
            .questions
            .iter()
            .zip(&self.records)
            .filter(|(_, record)| {
                record
                    .as_ref()
                    .is_none_or(|r| matches!(r.outcome(), Outcome::Wrong | Outcome::Partial(_)))
            })
            .map(|(question, _)| question.clone())
            .collect();
        if questions.is_empty() {
            return None;
        }
        let mut retry = Self::new(questions);
        retry.time_limit = self.time_limit;
        Some(retry)
    }

    pub fn summary(&self) -> Summary {
        Summary {
            score: self.score(),
            questions: self.questions.len(),
            by_topic: self.by_topic(),
            mistakes: self.mistakes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_limit_zero_is_none_and_huge_saturates() {
        assert_eq!(minutes_limit(0), None);
        assert_eq!(minutes_limit(2), Some(Duration::from_secs(120)));
        // u64::MAX / 60 + 1 minutes used to wrap round to a few seconds.
        assert_eq!(
            minutes_limit(u64::MAX / 60 + 1),
            Some(Duration::from_secs(u64::MAX))
        );
    }
}
