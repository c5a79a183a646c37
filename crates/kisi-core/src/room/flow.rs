//! The quiz's course, by the lecturer's keys and the host's clock: a
//! question opens, its clock pauses or gets more time, its answer is
//! revealed (by key or when time is up), the next opens or it is skipped,
//! and the quiz ends.

use super::clock::Clock;
use super::{Phase, Room, ServerMsg, StudentId, To, Verdict};
use crate::quiz::wording::{given, solution};

impl Room {
    pub(super) fn question_msg(&self, index: usize, id: Option<StudentId>, now: u64) -> ServerMsg {
        let question = &self.questions[index];
        ServerMsg::Question {
            index,
            total: self.questions.len(),
            prompt: question.prompt.clone(),
            ask: question.ask.clone(),
            left_ms: self.left_for(id, now),
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
        self.send_timed(now, |room, id, now| room.question_msg(index, id, now));
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

    pub(super) fn reveal_msg(&self, index: usize, id: StudentId) -> ServerMsg {
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

    /// The time left by `id`'s own deadline, or the room's for `None`.
    fn left_for(&self, id: Option<StudentId>, now: u64) -> Option<u64> {
        match id {
            Some(id) => self.left_ms_of(id, now),
            None => self.clock.and_then(|c| c.left_ms(now)),
        }
    }

    pub(super) fn clock_msg(&self, index: usize, id: Option<StudentId>, now: u64) -> ServerMsg {
        ServerMsg::Clock {
            index,
            left_ms: self.left_for(id, now),
            paused: self.paused(),
        }
    }

    fn clock_changed(&mut self, index: usize, now: u64) {
        self.send_timed(now, |room, id, now| room.clock_msg(index, id, now));
    }

    /// Time passes on the host's clock: reveals the open question when its
    /// time is up, for the room and for every student with extra time
    /// still answering. Returns whether it did.
    pub fn tick(&mut self, now: u64) -> bool {
        if self.left_ms(now) == Some(0) && self.extra_left_ms(now).is_none() {
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
}
