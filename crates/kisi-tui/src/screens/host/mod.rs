//! Hosting a live class quiz: one screen whose body follows the room's
//! phase. The lobby shows the room code, the addresses and the exact
//! command to join, and the names as they join; a question shows its
//! countdown and "answers in: 23/31"; a reveal the right answer, the
//! explanation and a bar per option or item; the end the room's score per
//! question and per topic and the three items it knew least. The room and
//! its server live in a `kisi_live::Host`, which the event loop feeds with
//! what the network did (`HostState::network`) and the time (ticks).

mod render;

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::action::{Action, HostCommand, Mode};
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::screens::Nav;
use kisi_core::room::{Phase, Room, StudentId};
use kisi_live::host::HostKey;
use kisi_live::{Host, NetEvent};

pub use render::render;

/// What the list of students is open for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Enter removes the student and closes the list.
    Remove,
    /// Enter steps the student's extra time; the list stays open.
    ExtraTime,
}

/// A question asked before the room closes for everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    End,
    Quit,
}

/// The host screen's state. The room is shared, not copied, when the app's
/// state is (a room has one server and one results file).
#[derive(Clone)]
pub struct HostState {
    host: Arc<Mutex<Host>>,
    /// `address:port` for every address students can use.
    addresses: Vec<String>,
    port: u16,
    /// The list of students open, for what, with its cursor.
    picking: Option<(Pick, usize)>,
    confirm: Option<Confirm>,
    /// Opened from Home: leaving goes back there rather than out of kisi.
    from_home: bool,
    /// Lines scrolled past in the phase they were scrolled in; a new phase
    /// (the next question, its reveal) starts at the top.
    scroll: (Phase, usize),
}

impl fmt::Debug for HostState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HostState")
            .field("addresses", &self.addresses)
            .field("picking", &self.picking)
            .field("confirm", &self.confirm)
            .finish_non_exhaustive()
    }
}

impl PartialEq for HostState {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.host, &other.host)
            && self.picking == other.picking
            && self.confirm == other.confirm
    }
}

impl HostState {
    pub fn new(host: Host, addresses: Vec<String>, port: u16) -> Self {
        Self {
            host: Arc::new(Mutex::new(host)),
            addresses,
            port,
            picking: None,
            confirm: None,
            from_home: false,
            scroll: (Phase::Lobby, 0),
        }
    }

    /// Opened from Home: leaving the room returns there.
    #[must_use]
    pub fn from_home(mut self) -> Self {
        self.from_home = true;
        self
    }

    fn host(&self) -> MutexGuard<'_, Host> {
        self.host.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What the network did.
    pub fn network(&mut self, event: NetEvent) {
        self.host().handle(event);
    }

    /// The room, for tests.
    pub fn room(&self) -> Room {
        self.host().room().clone()
    }

    /// The question on show, if one is asked.
    pub fn confirming(&self) -> Option<Confirm> {
        self.confirm
    }

    /// The command a student types, with the first address (or a
    /// placeholder when the machine has none but loopback).
    fn join_command(&self, code: &str) -> String {
        let address = self
            .addresses
            .first()
            .cloned()
            .unwrap_or_else(|| format!("HOST:{}", self.port));
        format!("kisi join {address} {code}")
    }

    /// Lines scrolled past, in the phase on show.
    fn skip(&self) -> usize {
        let (phase, skip) = self.scroll;
        if phase == self.host().room().phase() {
            skip
        } else {
            0
        }
    }

    /// The wheel and PgUp/PgDn scroll a screen taller than the window.
    fn scroll(&mut self, action: Action, context: &Context) {
        let (total, rows) = render::extent(self, context, context.body);
        let page = rows.saturating_sub(1).max(1);
        let skip = self.skip();
        let skip = match action {
            Action::ScrollUp => skip.saturating_sub(1),
            Action::PageUp => skip.saturating_sub(page),
            Action::ScrollDown => skip + 1,
            _ => skip + page,
        };
        let phase = self.host().room().phase();
        self.scroll = (phase, skip.min(total.saturating_sub(rows)));
    }

    fn leave(&self) -> Nav {
        if self.from_home { Nav::Back } else { Nav::Quit }
    }
}

fn pick(state: &mut HostState, what: Pick, cursor: usize, action: Action) {
    let present: Vec<StudentId> = state.host().room().present().map(|(id, _)| id).collect();
    match action {
        Action::Up => state.picking = Some((what, cursor.saturating_sub(1))),
        Action::Down => {
            let last = present.len().saturating_sub(1);
            state.picking = Some((what, (cursor + 1).min(last)));
        }
        Action::Open => {
            let Some(id) = present.get(cursor).copied() else {
                state.picking = None;
                return;
            };
            match what {
                Pick::Remove => {
                    state.host().key(HostKey::Remove(id));
                    state.picking = None;
                }
                Pick::ExtraTime => {
                    state.host().key(HostKey::ExtraTime(id));
                }
            }
        }
        Action::Back => state.picking = None,
        _ => {}
    }
}

pub fn keys(state: &HostState, context: &Context) -> Vec<KeyHint> {
    let strings = context.strings;
    if let Some(confirm) = state.confirm {
        return keymap::hints(Mode::Confirm, strings, 0, |id| match id {
            Id::HostConfirmEnd => confirm == Confirm::End,
            Id::HostConfirmQuit => confirm == Confirm::Quit,
            Id::No => true,
            _ => false,
        });
    }
    if let Some((what, _)) = state.picking {
        return keymap::hints(Mode::HostPick, strings, 0, |id| match id {
            Id::HostRemove => what == Pick::Remove,
            Id::HostExtraTime => what == Pick::ExtraTime,
            _ => true,
        });
    }
    let (total, rows) = render::extent(state, context, context.body);
    let host = state.host();
    let room = host.room();
    let phase = room.phase();
    let timed = room.config().seconds > 0;
    let someone = room.present_count() > 0;
    keymap::hints(Mode::Host, strings, 0, |id| match id {
        Id::Page => total > rows,
        Id::HostStart => phase == Phase::Lobby,
        Id::HostReveal | Id::HostSkip => matches!(phase, Phase::Open(_)),
        Id::HostPause | Id::HostExtend => matches!(phase, Phase::Open(_)) && timed,
        Id::HostNext => matches!(phase, Phase::Revealed(_)),
        Id::HostRemove => someone && phase != Phase::Ended,
        Id::HostExtraTime => someone && timed && phase != Phase::Ended,
        Id::HostEnd => phase != Phase::Ended,
        _ => true,
    })
}

impl super::ScreenState for HostState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        if let Action::Tick(_) = action {
            self.host().tick();
            return Nav::Stay;
        }
        if matches!(
            action,
            Action::ScrollUp | Action::PageUp | Action::ScrollDown | Action::PageDown
        ) && self.picking.is_none()
        {
            self.scroll(action, context);
            return Nav::Stay;
        }
        if let Some(confirm) = self.confirm {
            match action {
                Action::Yes => {
                    self.confirm = None;
                    match confirm {
                        Confirm::End => {
                            self.host().key(HostKey::End);
                        }
                        Confirm::Quit => return self.leave(),
                    }
                }
                Action::No | Action::Back => self.confirm = None,
                _ => {}
            }
            return Nav::Stay;
        }
        if let Some((what, cursor)) = self.picking {
            pick(self, what, cursor, action);
            return Nav::Stay;
        }
        let (phase, someone) = {
            let host = self.host();
            (host.room().phase(), host.room().present_count() > 0)
        };
        let key = match action {
            // Nobody to lose in an empty lobby or after the end: leave at once.
            Action::Back => {
                return match phase {
                    Phase::Ended => self.leave(),
                    Phase::Lobby if !someone => self.leave(),
                    _ => {
                        self.confirm = Some(Confirm::Quit);
                        Nav::Stay
                    }
                };
            }
            Action::Host(command) => match command {
                HostCommand::Start => HostKey::Start,
                HostCommand::Reveal => HostKey::Reveal,
                HostCommand::Next => HostKey::Next,
                HostCommand::Skip => HostKey::Skip,
                HostCommand::Pause => HostKey::Pause,
                HostCommand::Extend => HostKey::Extend,
                HostCommand::End => {
                    if phase != Phase::Ended {
                        self.confirm = Some(Confirm::End);
                    }
                    return Nav::Stay;
                }
                // Whom to remove, or to give extra time, is chosen from a list.
                HostCommand::Remove | HostCommand::ExtraTime => {
                    if someone {
                        let what = if command == HostCommand::Remove {
                            Pick::Remove
                        } else {
                            Pick::ExtraTime
                        };
                        self.picking = Some((what, 0));
                    }
                    return Nav::Stay;
                }
            },
            _ => return Nav::Stay,
        };
        self.host().key(key);
        Nav::Stay
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context)
    }

    fn mode(&self) -> Mode {
        if self.confirm.is_some() {
            Mode::Confirm
        } else if self.picking.is_some() {
            Mode::HostPick
        } else {
            Mode::Host
        }
    }

    /// Always: the room's clock runs, and the lobby's names come in.
    fn wants_ticks(&self) -> bool {
        true
    }
}
