//! The event loop's side of joining from Home's form: an attempt started,
//! its connection and what the room says, handed to the form while it waits
//! and then to the student's screen, which takes the form's place.

use kisi_live::{ClientEvent, StudentClient};

use super::App;
use crate::screens::join_form::Handover;
use crate::screens::{Screen, Shared};

impl App {
    /// The form on show starts connecting: the attempt's number, or `None`
    /// when it no longer waits (given up already).
    pub fn join_started(&mut self) -> Option<u64> {
        let Screen::JoinForm(form) = &mut self.stack.screen else {
            return None;
        };
        let attempt = self.joins + 1;
        form.connecting_as(attempt).then(|| {
            self.joins = attempt;
            attempt
        })
    }

    /// The connection of join `attempt`, or why there is none.
    pub fn join_connected(&mut self, attempt: u64, result: Result<Shared<StudentClient>, String>) {
        let strings = self.strings();
        if let Screen::JoinForm(form) = &mut self.stack.screen
            && let Some(handover) = form.connected(attempt, result, strings)
        {
            self.hand_over(handover);
        }
    }

    /// What the room said on the connection of join `attempt`: to the form
    /// while it waits, then to the student's screen.
    pub fn student_heard(&mut self, attempt: u64, event: ClientEvent) {
        let strings = self.strings();
        match &mut self.stack.screen {
            Screen::Join(join) if join.attempt() == attempt => {
                self.effects.extend(join.heard(event, strings));
            }
            Screen::JoinForm(form) => {
                if let Some(handover) = form.heard(attempt, event, strings) {
                    self.hand_over(handover);
                }
            }
            _ => {}
        }
    }

    /// The student's screen in the form's place: Back from it goes Home.
    fn hand_over(&mut self, handover: Handover) {
        let strings = self.strings();
        let mut join = handover.join;
        for msg in handover.backlog {
            self.effects
                .extend(join.heard(ClientEvent::Server(msg), strings));
        }
        self.stack.screen = Screen::Join(join);
    }
}
