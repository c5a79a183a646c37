//! Who is in the room: joining with the code and a name, coming back
//! with a session token, dropping, and being removed by the lecturer.

use super::identity::{self, clean_name};
use super::{ErrorCode, Phase, Refused, Room, ServerMsg, Student, StudentId, To};

impl Room {
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
        let extra = self.granted_to(&key);
        self.students.push(Student {
            name,
            key,
            token: identity::token(&mut self.rng),
            connected: true,
            removed: false,
            points: 0.0,
            extra,
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
}
