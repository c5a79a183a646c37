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

use super::KeyHint;
use crate::action::{Action, Mode};
use crate::app::{Context, Nav};
use crate::keymap::{self, Id};
use kisi_core::i18n::Strings;
use kisi_core::room::{Phase, Room, StudentId};
use kisi_live::host::HostKey;
use kisi_live::{Host, NetEvent};

pub use render::render;

/// A lecturer's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostCommand {
    Start,
    Reveal,
    Next,
    Skip,
    Pause,
    Extend,
    Remove,
    End,
}

/// The host screen's state. The room is shared, not copied, when the app's
/// state is (a room has one server and one results file).
#[derive(Clone)]
pub struct HostState {
    host: Arc<Mutex<Host>>,
    /// `address:port` for every address students can use.
    addresses: Vec<String>,
    port: u16,
    /// Choosing a student to remove: the cursor in the list of those present.
    picking: Option<usize>,
}

impl fmt::Debug for HostState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HostState")
            .field("addresses", &self.addresses)
            .field("picking", &self.picking)
            .finish_non_exhaustive()
    }
}

impl PartialEq for HostState {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.host, &other.host) && self.picking == other.picking
    }
}

impl HostState {
    pub fn new(host: Host, addresses: Vec<String>, port: u16) -> Self {
        Self {
            host: Arc::new(Mutex::new(host)),
            addresses,
            port,
            picking: None,
        }
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
}

pub fn update(state: &mut HostState, action: Action) -> Nav {
    if let Some(cursor) = state.picking {
        let present: Vec<StudentId> = state.host().room().present().map(|(id, _)| id).collect();
        match action {
            Action::Up => state.picking = Some(cursor.saturating_sub(1)),
            Action::Down => {
                state.picking = Some((cursor + 1).min(present.len().saturating_sub(1)));
            }
            Action::Open => {
                if let Some(id) = present.get(cursor) {
                    state.host().key(HostKey::Remove(*id));
                }
                state.picking = None;
            }
            Action::Back => state.picking = None,
            _ => {}
        }
        return Nav::Stay;
    }
    let key = match action {
        Action::Tick(_) => {
            state.host().tick();
            return Nav::Stay;
        }
        Action::Back => {
            let phase = state.host().room().phase();
            return if matches!(phase, Phase::Lobby | Phase::Ended) {
                Nav::Quit
            } else {
                Nav::Stay
            };
        }
        Action::Host(command) => match command {
            HostCommand::Start => HostKey::Start,
            HostCommand::Reveal => HostKey::Reveal,
            HostCommand::Next => HostKey::Next,
            HostCommand::Skip => HostKey::Skip,
            HostCommand::Pause => HostKey::Pause,
            HostCommand::Extend => HostKey::Extend,
            HostCommand::End => HostKey::End,
            // Whom to remove is chosen from a list first.
            HostCommand::Remove => {
                if state.host().room().present_count() > 0 {
                    state.picking = Some(0);
                }
                return Nav::Stay;
            }
        },
        _ => return Nav::Stay,
    };
    state.host().key(key);
    Nav::Stay
}
pub fn keys(state: &HostState, strings: &'static Strings) -> Vec<KeyHint> {
    if state.picking.is_some() {
        return keymap::hints(Mode::HostPick, strings, 0, |_| true);
    }
    let host = state.host();
    let room = host.room();
    let phase = room.phase();
    let timed = room.config().seconds > 0;
    let someone = room.present_count() > 0;
    keymap::hints(Mode::Host, strings, 0, |id| match id {
        Id::HostStart => phase == Phase::Lobby,
        Id::HostReveal | Id::HostSkip => matches!(phase, Phase::Open(_)),
        Id::HostPause | Id::HostExtend => matches!(phase, Phase::Open(_)) && timed,
        Id::HostNext => matches!(phase, Phase::Revealed(_)),
        Id::HostRemove => someone && phase != Phase::Ended,
        Id::HostEnd => phase != Phase::Ended,
        Id::Quit => matches!(phase, Phase::Lobby | Phase::Ended),
        _ => true,
    })
}

impl super::ScreenState for HostState {
    fn update(
        &mut self,
        action: Action,
        _context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        update(self, action)
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context.strings)
    }

    fn mode(&self) -> Mode {
        if self.picking.is_some() {
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
