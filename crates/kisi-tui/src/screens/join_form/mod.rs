//! Home's form to join a live class quiz (what `kisi join HOST CODE` does):
//! the lecturer's address, the room code and the student's name, the one
//! kept from last time filled in. Enter checks them and asks the event
//! loop to connect (`Effect::JoinRoom`, off the UI thread); meanwhile the
//! form says so and Esc gives up. The student's screen (`join.rs`) takes
//! the form's place once the room welcomes the student; what goes wrong
//! (no host, a wrong code, a name taken, a full room) is said in the form,
//! which keeps what was typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::join::JoinState;
use super::{KeyHint, Shared};
use crate::action::{Action, Mode};
use crate::answer;
use crate::app::{App, Context, Nav, Screen};
use crate::effect::Effect;
use crate::keymap::{self, Id};
use crate::live_room::student::{JoinRequest, with_default_port};
use kisi_core::i18n::{RoomWords, Strings};
use kisi_core::room::{CODE_LEN, ClientMsg, ErrorCode, MAX_NAME_CHARS, ServerMsg, is_code_shaped};
use kisi_core::text::printable_line;
use kisi_live::{ClientEvent, StudentClient};

/// The form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Field {
    #[default]
    Address,
    Code,
    Name,
}

pub const FIELDS: [Field; 3] = [Field::Address, Field::Code, Field::Name];

/// Long enough for any host name or IPv6 address with a port.
const MAX_ADDRESS_CHARS: usize = 100;

impl Field {
    fn label(self, w: &RoomWords) -> &'static str {
        match self {
            Field::Address => w.field_address,
            Field::Code => w.field_code,
            Field::Name => w.field_name,
        }
    }

    fn max_chars(self) -> usize {
        match self {
            Field::Address => MAX_ADDRESS_CHARS,
            Field::Code => CODE_LEN,
            Field::Name => MAX_NAME_CHARS,
        }
    }

    fn step(self, by: isize) -> Self {
        let at = FIELDS.iter().position(|f| *f == self).unwrap_or(0);
        let len = FIELDS.len().cast_signed();
        let next = (at.cast_signed() + by).rem_euclid(len);
        FIELDS[next.cast_unsigned()]
    }
}

/// A join under way: what was asked, the connection once the loop has it,
/// and what the room said before.
#[derive(Debug, Clone, PartialEq)]
struct Connecting {
    request: JoinRequest,
    /// Given by the event loop when it starts connecting.
    attempt: Option<u64>,
    client: Option<Shared<StudentClient>>,
    heard: Vec<ServerMsg>,
    lost: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinFormState {
    pub address: String,
    pub code: String,
    pub name: String,
    pub focus: Field,
    /// What went wrong, in the user's language, with what to do.
    pub error: Option<String>,
    connecting: Option<Connecting>,
}

/// The form's join succeeded: the student's screen, and what the room said
/// so far (from its welcome on) for it to hear.
pub struct Handover {
    pub join: JoinState,
    pub backlog: Vec<ServerMsg>,
}

impl JoinFormState {
    /// The name kept from last time, unless one is typed already.
    pub fn kept_name(&mut self, name: String) {
        if self.name.is_empty() {
            self.name = name;
        }
    }

    pub fn is_connecting(&self) -> bool {
        self.connecting.is_some()
    }

    /// The loop starts connecting as `attempt`; `false` when there is
    /// nothing (or no longer anything) to connect.
    pub fn connecting_as(&mut self, attempt: u64) -> bool {
        match &mut self.connecting {
            Some(c) if c.attempt.is_none() => {
                c.attempt = Some(attempt);
                true
            }
            _ => false,
        }
    }

    fn waits_for(&mut self, attempt: u64) -> Option<&mut Connecting> {
        self.connecting
            .as_mut()
            .filter(|c| c.attempt == Some(attempt))
    }

    /// The connection of `attempt`, or why there is none.
    pub fn connected(
        &mut self,
        attempt: u64,
        result: Result<Shared<StudentClient>, String>,
        strings: &'static Strings,
    ) -> Option<Handover> {
        let connecting = self.waits_for(attempt)?;
        match result {
            Ok(client) => {
                connecting.client = Some(client);
                self.settle(strings)
            }
            Err(said) => {
                self.fail(said, Field::Address);
                None
            }
        }
    }

    /// What the room said on the connection of `attempt`.
    pub fn heard(
        &mut self,
        attempt: u64,
        event: ClientEvent,
        strings: &'static Strings,
    ) -> Option<Handover> {
        let connecting = self.waits_for(attempt)?;
        match event {
            ClientEvent::Server(msg) => connecting.heard.push(msg),
            ClientEvent::Lost => connecting.lost = true,
            ClientEvent::Dropped | ClientEvent::Reconnected => {}
        }
        self.settle(strings)
    }

    /// Goes through what the room said: a welcome hands over (once the
    /// connection is here), an error ends the attempt in the form.
    fn settle(&mut self, strings: &'static Strings) -> Option<Handover> {
        let w = strings.room;
        let connecting = self.connecting.as_mut()?;
        while let Some(msg) = connecting.heard.first() {
            match msg {
                ServerMsg::Welcome { .. } => {
                    let (client, attempt) = (connecting.client.clone()?, connecting.attempt?);
                    let backlog = std::mem::take(&mut connecting.heard);
                    self.connecting = None;
                    return Some(Handover {
                        join: JoinState::joined(client, attempt),
                        backlog,
                    });
                }
                // A token of an earlier room (let go already): join afresh
                // on the same connection.
                ServerMsg::Error {
                    code: ErrorCode::UnknownSession,
                    ..
                } => {
                    let client = connecting.client.as_ref()?;
                    client.send(ClientMsg::Join {
                        code: connecting.request.code.clone(),
                        name: connecting.request.name.clone(),
                    });
                    connecting.heard.remove(0);
                }
                ServerMsg::Error { code, .. } => {
                    let code = *code;
                    let (said, field) = match code {
                        ErrorCode::WrongCode | ErrorCode::CutOff => (code.message(w), Field::Code),
                        ErrorCode::NameTaken => (w.name_taken_here, Field::Name),
                        ErrorCode::NameEmpty => (code.message(w), Field::Name),
                        _ => (code.message(w), Field::Address),
                    };
                    self.fail(said.to_owned(), field);
                    return None;
                }
                _ => {
                    connecting.heard.remove(0);
                }
            }
        }
        if connecting.lost {
            self.fail(w.connection_lost.to_owned(), Field::Address);
        }
        None
    }

    fn fail(&mut self, said: String, field: Field) {
        self.connecting = None;
        self.error = Some(said);
        self.focus = field;
    }

    fn field_mut(&mut self) -> &mut String {
        match self.focus {
            Field::Address => &mut self.address,
            Field::Code => &mut self.code,
            Field::Name => &mut self.name,
        }
    }

    pub fn value(&self, field: Field) -> &str {
        match field {
            Field::Address => &self.address,
            Field::Code => &self.code,
            Field::Name => &self.name,
        }
    }

    /// The join the fields ask for.
    ///
    /// # Errors
    /// The field to fix first and why: empty, or not an address or a code.
    pub fn request(&self, w: &RoomWords) -> Result<JoinRequest, (Field, String)> {
        let address = self.address.trim();
        if address.is_empty() {
            return Err((Field::Address, (w.field_missing)(w.field_address)));
        }
        let Some(address) = with_default_port(address) else {
            return Err((Field::Address, (w.bad_address)(&printable_line(address))));
        };
        let code = self.code.trim();
        if code.is_empty() {
            return Err((Field::Code, (w.field_missing)(w.field_code)));
        }
        if !is_code_shaped(code) {
            return Err((Field::Code, (w.bad_code)(&printable_line(code))));
        }
        let name = self.name.trim();
        if name.is_empty() {
            return Err((Field::Name, w.errors.name_empty.to_owned()));
        }
        Ok(JoinRequest {
            address,
            code: code.to_ascii_uppercase(),
            name: name.to_owned(),
        })
    }
}

pub fn update(
    state: &mut JoinFormState,
    action: Action,
    context: &Context,
    effects: &mut Vec<Effect>,
) -> Nav {
    // While connecting only giving up does anything.
    if state.connecting.is_some() {
        if action == Action::Back {
            state.connecting = None;
        }
        return Nav::Stay;
    }
    match action {
        Action::Back => return Nav::Back,
        Action::NextItem | Action::Down => state.focus = state.focus.step(1),
        Action::PreviousItem | Action::Up => state.focus = state.focus.step(-1),
        Action::Open => match state.request(context.strings.room) {
            Ok(request) => {
                state.error = None;
                state.connecting = Some(Connecting {
                    request: request.clone(),
                    attempt: None,
                    client: None,
                    heard: Vec::new(),
                    lost: false,
                });
                effects.push(Effect::JoinRoom(Box::new(request)));
            }
            Err((field, said)) => {
                state.focus = field;
                state.error = Some(said);
            }
        },
        Action::Input(c) => {
            let field = state.focus;
            // A code has no spaces, and reads as it is shown: in capitals.
            let c = match field {
                Field::Code if c.is_whitespace() => return Nav::Stay,
                Field::Code => c.to_ascii_uppercase(),
                _ => c,
            };
            if state.value(field).chars().count() < field.max_chars()
                && answer::edit(state.field_mut(), Action::Input(c))
            {
                state.error = None;
            }
        }
        action => {
            if answer::edit(state.field_mut(), action) {
                state.error = None;
            }
        }
    }
    Nav::Stay
}

pub fn keys(state: &JoinFormState, strings: &'static Strings) -> Vec<KeyHint> {
    let connecting = state.connecting.is_some();
    keymap::hints(Mode::JoinForm, strings, 0, |id| match id {
        Id::JoinCancel => connecting,
        Id::Help => true,
        _ => !connecting,
    })
}

impl super::ScreenState for JoinFormState {
    fn update(&mut self, action: Action, context: &Context, effects: &mut Vec<Effect>) -> Nav {
        update(self, action, context, effects)
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context.strings)
    }

    fn mode(&self) -> Mode {
        Mode::JoinForm
    }

    /// `/` is a character of the name here.
    fn opens_search(&self) -> bool {
        false
    }
}

/// The event loop's side of joining from Home: starting an attempt, the
/// connection and what the room says, and the student's screen taking the
/// form's place.
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

mod render;
#[cfg(test)]
mod tests;

pub use render::render;
