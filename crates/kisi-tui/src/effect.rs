//! What `update` asks the outside world to do: save progress, draw
//! questions. The event loop carries effects out after each update, so
//! `update` itself stays pure.

use super::draw::Draw;
use kisi_core::progress::{EventKind, ExamResult};
use kisi_core::quiz::{Grade, Question};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// A question was answered and its grade is final (after any "I was right").
    RecordAnswer {
        question: Box<Question>,
        /// Each pair or item of the answer is rated on its own.
        grade: Box<Grade>,
        /// Answered quickly for its kind (see `progress::is_quick`).
        quick: bool,
    },
    /// A mock exam was handed in.
    RecordExam(ExamResult),
    /// A line of the journal of the exam under way (its start, an answer,
    /// the time used, or that it was left): `EventKind::ExamStart` and the
    /// kinds after it.
    ExamStep(EventKind),
    /// Draw questions from `seed` off the UI thread; the result comes back
    /// to `App::show_drawn` under `id`.
    Draw { id: u64, draw: Draw, seed: u64 },
    /// Look through the library for Home's pack chooser (`App::show_packs`).
    ScanPacks,
    /// Open this pack of the chooser (`App::pack_opened`).
    OpenPack(Box<crate::library::Choice>),
    /// Open a live class quiz's room on the pack with the default settings
    /// (`App::room_opened`).
    OpenRoom,
    /// Fill Home's join form with the name kept from last time.
    KeptName,
    /// Connect Home's join form to a room, off the UI thread
    /// (`App::join_started`, then `Msg::Connected` and `Msg::Student`).
    JoinRoom(Box<crate::live_room::student::JoinRequest>),
    /// A room joined from Home ended: record what the student missed in
    /// their review of the room's pack (`live_room::student::record_missed`).
    RecordMissed {
        pack_id: String,
        title: String,
        missed: Vec<String>,
    },
}
