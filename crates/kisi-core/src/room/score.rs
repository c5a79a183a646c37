//! Answers and scores: an answer taken by the host's clock, each
//! student's credit and place, and what the end tells each of them.

use super::{AnswerRecord, Given, NotTaken, Phase, Room, ServerMsg, StudentId, To, WireAnswer};
use crate::quiz::grade;
use crate::quiz::wording::given;

impl Room {
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

    pub(super) fn end_msg(&self, id: StudentId) -> ServerMsg {
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
        // The student's own deadline, with any extra time granted.
        let left = self.left_ms_of(id, now);
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
            let limit = self
                .clock
                .and_then(|c| c.limit_ms)
                .map(|limit| super::extra_time::scaled(limit, self.students[id.0].extra));
            let points = speed_points(credit, left, limit);
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
