//! The host: a room, its server and its results file, driven by one event
//! loop. The loop hands over what the network did ([`Host::handle`]), the
//! time ([`Host::tick`]) and the lecturer's keys; the host applies them to
//! the room, sends what the room has to say, writes each answer taken, and
//! keeps a log of what it turned down.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Instant;

use kisi_core::i18n::{RoomWords, io_text};
use kisi_core::room::{
    ClientMsg, ErrorCode, Phase, Room, RoomConfig, ServerMsg, StudentId, To, factor_words,
    next_step,
};
use kisi_core::text::printable_line;

use crate::protocol;
use crate::results::Results;
use crate::server::{ConnId, NetEvent, Server};

/// Lines of the log kept for the screen.
const LOG_LINES: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostOptions {
    pub config: RoomConfig,
    /// The results' CSV (the JSON goes beside it); `None` for none.
    pub results: Option<PathBuf>,
}

pub struct Host {
    room: Room,
    server: Server,
    conn_of: HashMap<StudentId, ConnId>,
    student_of: HashMap<ConnId, StudentId>,
    peers: HashMap<ConnId, IpAddr>,
    results: Option<Results>,
    log: VecDeque<String>,
    started: Instant,
    words: &'static RoomWords,
}

impl Host {
    /// A host for `room` on `server`. A results file that cannot be
    /// created is said in the log; the room runs all the same.
    pub fn new(room: Room, server: Server, results: Option<PathBuf>) -> Self {
        let words = room.config().lang.room_words();
        let mut host = Self {
            room,
            server,
            conn_of: HashMap::new(),
            student_of: HashMap::new(),
            peers: HashMap::new(),
            results: None,
            log: VecDeque::new(),
            started: Instant::now(),
            words,
        };
        if let Some(path) = results {
            match Results::create(&path) {
                Ok(results) => host.results = Some(results),
                Err(error) => host.note((words.results_failed)(
                    &printable_line(&path.display().to_string()),
                    &io_text(&error, host.room.config().lang),
                )),
            }
        }
        host
    }

    pub fn room(&self) -> &Room {
        &self.room
    }

    pub fn server(&self) -> &Server {
        &self.server
    }

    pub fn results(&self) -> Option<&Results> {
        self.results.as_ref()
    }

    /// The log, oldest first.
    pub fn log(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.log.iter().map(String::as_str)
    }

    /// Milliseconds on the host's clock, the one that decides deadlines.
    pub fn now_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn note(&mut self, line: String) {
        if self.log.len() == LOG_LINES {
            self.log.pop_front();
        }
        self.log.push_back(line);
    }

    fn peer(&self, conn: ConnId) -> String {
        self.peers
            .get(&conn)
            .map_or_else(|| "?".to_owned(), ToString::to_string)
    }

    fn refuse(&mut self, conn: ConnId, code: ErrorCode) {
        self.server.send(
            conn,
            &ServerMsg::Error {
                code,
                detail: String::new(),
            },
        );
        if code.closes() {
            self.server.close(conn);
        }
        let line = (self.words.refused)(&self.peer(conn), code.message(self.words));
        self.note(line);
    }

    /// What the network did.
    pub fn handle(&mut self, event: NetEvent) {
        let now = self.now_ms();
        match event {
            NetEvent::Connected { conn, peer } => {
                self.peers.insert(conn, peer);
            }
            NetEvent::Refused {
                peer, code, detail, ..
            } => {
                let reason = format!("{} {}", code.message(self.words), printable_line(&detail));
                self.note((self.words.refused)(&peer.to_string(), reason.trim_end()));
            }
            NetEvent::Closed { conn } => {
                self.peers.remove(&conn);
                if let Some(id) = self.student_of.remove(&conn) {
                    if self.conn_of.get(&id) == Some(&conn) {
                        self.conn_of.remove(&id);
                        self.room.disconnect(id);
                    }
                    if let Some(student) = self.room.student(id).filter(|s| !s.removed) {
                        let line = (self.words.left)(&student.name);
                        self.note(line);
                    }
                }
            }
            NetEvent::Message { conn, msg } => self.message(conn, msg, now),
        }
        self.flush();
    }

    fn message(&mut self, conn: ConnId, msg: ClientMsg, now: u64) {
        let peer = self.peer(conn);
        match (msg, self.student_of.get(&conn).copied()) {
            (ClientMsg::Join { code, name }, None) => {
                match self.room.join(&peer, &code, &name, now) {
                    Ok(id) => {
                        self.attach(id, conn);
                        let line = (self.words.joined)(&self.room.students()[id.0].name);
                        self.note(line);
                    }
                    Err(refused) => self.refuse(conn, refused.code()),
                }
            }
            (ClientMsg::Resume { code, token }, None) => {
                match self.room.resume(&peer, &code, &token, now) {
                    Ok(id) => {
                        // The old connection, if it lingers, is not theirs any more.
                        if let Some(old) = self.conn_of.get(&id).copied() {
                            self.student_of.remove(&old);
                            self.server.close(old);
                        }
                        self.attach(id, conn);
                        let line = (self.words.resumed)(&self.room.students()[id.0].name);
                        self.note(line);
                    }
                    Err(refused) => self.refuse(conn, refused.code()),
                }
            }
            (ClientMsg::Answer { index, answer }, Some(id)) => {
                match self.room.answer(id, index, answer, now) {
                    Ok(record) => {
                        if let Some(results) = &mut self.results
                            && let Err(error) = results.record(&record)
                        {
                            let path = printable_line(&results.csv_path().display().to_string())
                                .into_owned();
                            let error = io_text(&error, self.room.config().lang);
                            let line = (self.words.results_failed)(&path, &error);
                            self.note(line);
                        }
                    }
                    Err(not_taken) => self.refuse(conn, not_taken.code()),
                }
            }
            _ => self.refuse(conn, ErrorCode::OutOfTurn),
        }
    }

    fn attach(&mut self, id: StudentId, conn: ConnId) {
        self.conn_of.insert(id, conn);
        self.student_of.insert(conn, id);
    }

    /// Sends what the room queued; closes the connection of a student
    /// just removed.
    fn flush(&mut self) {
        let outgoing = self.room.drain();
        let mut wrote = false;
        for out in outgoing {
            wrote |= matches!(out.msg, ServerMsg::Reveal { .. } | ServerMsg::End { .. });
            let text = protocol::encode_server(&out.msg);
            match out.to {
                To::All => {
                    for (id, _) in self.room.present().filter(|(_, s)| s.connected) {
                        if let Some(conn) = self.conn_of.get(&id) {
                            self.server.send_text(*conn, text.clone());
                        }
                    }
                }
                To::One(id) => {
                    let Some(conn) = self.conn_of.get(&id).copied() else {
                        continue;
                    };
                    self.server.send_text(conn, text);
                    if matches!(
                        out.msg,
                        ServerMsg::Error {
                            code: ErrorCode::Removed,
                            ..
                        }
                    ) {
                        self.server.close(conn);
                        self.conn_of.remove(&id);
                        self.student_of.remove(&conn);
                    }
                }
            }
        }
        if wrote {
            self.write_json();
        }
    }

    fn write_json(&mut self) {
        let Some(results) = &self.results else {
            return;
        };
        if let Err(error) = results.write_json(&self.room) {
            let path = printable_line(&results.json_path().display().to_string()).into_owned();
            let error = io_text(&error, self.room.config().lang);
            let line = (self.words.results_failed)(&path, &error);
            self.note(line);
        }
    }

    /// Time passed: reveals the open question when its time is up.
    /// Returns whether it did.
    pub fn tick(&mut self) -> bool {
        let now = self.now_ms();
        let revealed = self.room.tick(now);
        self.flush();
        revealed
    }

    /// Runs one of the lecturer's keys on the room; whether it did
    /// anything.
    pub fn key(&mut self, key: HostKey) -> bool {
        let now = self.now_ms();
        let done = match key {
            HostKey::Start => self.room.start(now),
            HostKey::Reveal => self.room.reveal(),
            HostKey::Next => self.room.next(now),
            HostKey::Skip => self.room.skip(now),
            HostKey::Pause => self.room.toggle_pause(now),
            HostKey::Extend => self.room.extend(EXTEND_SECONDS, now),
            HostKey::Remove(id) => {
                let done = self.room.remove(id);
                if done && let Some(student) = self.room.student(id) {
                    let line = (self.words.removed_student)(&student.name);
                    self.note(line);
                }
                done
            }
            HostKey::ExtraTime(id) => {
                let step = next_step(self.room.extra_time(id));
                let done = self.room.set_extra_time(id, step, now);
                if done && let Some(student) = self.room.student(id) {
                    let factor = factor_words(step, self.room.config().lang);
                    let line = (self.words.extra_granted)(&student.name, &factor);
                    self.note(line);
                }
                done
            }
            HostKey::End => self.room.end(),
        };
        self.flush();
        done
    }

    /// Whether the room's quiz is over.
    pub fn ended(&self) -> bool {
        self.room.phase() == Phase::Ended
    }
}

/// Seconds one "extend time" adds.
pub const EXTEND_SECONDS: u64 = 15;

/// The lecturer's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKey {
    Start,
    Reveal,
    Next,
    Skip,
    Pause,
    Extend,
    Remove(StudentId),
    /// Steps a student's extra time: none, ×1.25, ×1.5, ×2, none.
    ExtraTime(StudentId),
    End,
}
