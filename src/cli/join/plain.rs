//! The linear client of `kisi join --plain`, for screen readers: each
//! question and its options are printed on the student's own device and
//! the answer is typed. Lines are read on a thread of their own, so the
//! room can interrupt an answer half-typed (the time is up, the lecturer
//! revealed).

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::thread;

use kisi_core::i18n::{Lang, RoomWords};
use kisi_core::plain::ask_answer;
use kisi_core::quiz::wording::{format_number, words};
use kisi_core::quiz::{Prompt, Question};
use kisi_core::room::{ClientMsg, ErrorCode, ServerMsg, WireAnswer};
use kisi_core::text::{printable, printable_line};
use kisi_live::{ClientEvent, StudentClient};

use kisi_tui::live_room::student::{Kept, keep_token};

use super::{connect_failed, record};

/// What the main loop hears: the room, or a line typed.
enum Heard {
    Net(ClientEvent),
    Line(Option<String>),
}

/// Lines typed, read as an answer, until the room says something: then
/// reading stops (with an error `ask_answer` passes up) and the message
/// is kept for the loop.
struct Typed<'a> {
    heard: &'a Receiver<Heard>,
    backlog: &'a mut VecDeque<String>,
    line: Vec<u8>,
    at: usize,
    interrupted: Option<ClientEvent>,
}

impl Read for Typed<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Typed<'_> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at >= self.line.len() {
            let line = match self.backlog.pop_front() {
                Some(line) => Some(line),
                None => match self.heard.recv() {
                    Ok(Heard::Line(line)) => line,
                    Ok(Heard::Net(event)) => {
                        self.interrupted = Some(event);
                        return Err(io::Error::other("the room spoke"));
                    }
                    Err(_) => None,
                },
            };
            self.line = line
                .map(|l| format!("{l}\n").into_bytes())
                .unwrap_or_default();
            self.at = 0;
        }
        Ok(&self.line[self.at..])
    }

    fn consume(&mut self, amount: usize) {
        self.at += amount;
    }
}

fn spawn_stdin(tx: mpsc::Sender<Heard>) {
    thread::spawn(move || {
        let stdin = io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            if tx.send(Heard::Line(Some(line))).is_err() {
                return;
            }
        }
        let _ = tx.send(Heard::Line(None));
    });
}

/// Who joins, and where their kisi keeps what it keeps.
pub(super) struct Session {
    pub lang: Lang,
    pub code: String,
    /// The session token's file, to resume after a restart.
    pub token_file: Option<PathBuf>,
    /// `--name`, to join afresh after a stale token.
    pub name: Option<String>,
    /// Where the name is kept.
    pub kept: Kept,
    pub data_dir: Option<PathBuf>,
}

/// Connects to `address`, says `hello`, and runs the room on the
/// terminal's lines until the quiz ends.
pub(super) fn run(address: &str, hello: ClientMsg, session: Session) -> ExitCode {
    let w = session.lang.room_words();
    let (tx, heard) = mpsc::channel();
    let net = tx.clone();
    let token_file = session.token_file.clone();
    let sink = Arc::new(move |event| {
        keep_token(token_file.as_deref(), &event);
        let _ = net.send(Heard::Net(event));
    });
    let client = match StudentClient::connect(address, &session.code, hello, sink) {
        Ok(client) => client,
        Err(error) => return connect_failed(&error, address, w),
    };
    spawn_stdin(tx);
    let mut student = Student {
        client: &client,
        w,
        session,
        welcomed: false,
    };
    student.run(&heard)
}

struct Student<'a> {
    client: &'a StudentClient,
    w: &'static RoomWords,
    session: Session,
    welcomed: bool,
}

impl Student<'_> {
    fn run(&mut self, heard: &Receiver<Heard>) -> ExitCode {
        let mut backlog: VecDeque<String> = VecDeque::new();
        let mut pending: Option<ClientEvent> = None;
        let mut out = io::stdout();
        loop {
            let event = match pending.take() {
                Some(event) => event,
                None => match heard.recv() {
                    Ok(Heard::Net(event)) => event,
                    Ok(Heard::Line(Some(line))) => {
                        backlog.push_back(line);
                        continue;
                    }
                    Ok(Heard::Line(None)) => continue,
                    Err(_) => return ExitCode::FAILURE,
                },
            };
            let msg = match event {
                ClientEvent::Server(msg) => msg,
                ClientEvent::Dropped => {
                    println!("{}", self.w.reconnecting);
                    continue;
                }
                ClientEvent::Reconnected => {
                    println!("{}", self.w.reconnected);
                    continue;
                }
                ClientEvent::Lost => {
                    eprintln!("kisi: {}", self.w.connection_lost);
                    return ExitCode::FAILURE;
                }
            };
            match self.show(msg, heard, &mut backlog, &mut out) {
                Step::Go => {}
                Step::Interrupted(event) => pending = Some(event),
                Step::Stop(code) => return code,
            }
        }
    }

    fn show(
        &mut self,
        msg: ServerMsg,
        heard: &Receiver<Heard>,
        backlog: &mut VecDeque<String>,
        out: &mut io::Stdout,
    ) -> Step {
        let w = self.w;
        match msg {
            ServerMsg::Welcome { name, pack, .. } => {
                self.welcomed = true;
                println!("{}", (w.welcome)(&name, &printable_line(&pack.title)));
            }
            ServerMsg::Waiting { students } => println!("{}", (w.waiting_with)(students)),
            ServerMsg::Question {
                index,
                total,
                prompt,
                ask,
                left_ms,
                answered,
                ..
            } => {
                println!("\n{}", (w.question_of)(index + 1, total));
                println!("{}", printable(&prompt));
                if let Some(ms) = left_ms {
                    println!("({})", (w.seconds_left)(ms.div_ceil(1000)));
                }
                if answered {
                    println!("{}", w.sent);
                    return Step::Go;
                }
                return self.ask(index, prompt, &ask, heard, backlog, out);
            }
            ServerMsg::Clock {
                left_ms, paused, ..
            } => {
                if paused {
                    println!("({})", w.paused);
                } else if let Some(ms) = left_ms {
                    println!("({})", (w.seconds_left)(ms.div_ceil(1000)));
                }
            }
            ServerMsg::Received { .. } => println!("{}", w.sent),
            ServerMsg::Reveal {
                solution,
                explanation,
                source,
                yours,
                ..
            } => self.print_reveal(&solution, &explanation, source.as_deref(), &yours),
            ServerMsg::Skipped { .. } => println!("{}", w.skipped),
            ServerMsg::End {
                earned,
                asked,
                rank,
                pack,
                missed,
                ..
            } => {
                let quiz = words(self.session.lang);
                let earned = format_number(earned, quiz.decimal_separator);
                println!("\n{}", (w.your_score)(&earned, asked));
                if let Some(rank) = rank {
                    println!("{}", (w.your_rank)(rank));
                }
                record(
                    self.session.data_dir.as_deref(),
                    self.session.lang,
                    &pack,
                    &missed,
                );
                return Step::Stop(ExitCode::SUCCESS);
            }
            ServerMsg::Error { code, detail } => return self.error(code, &detail),
        }
        Step::Go
    }

    /// Asks the question on the terminal and sends the answer; stops
    /// asking when the room says something first (the time is up).
    fn ask(
        &self,
        index: usize,
        prompt: String,
        ask: &kisi_core::room::Ask,
        heard: &Receiver<Heard>,
        backlog: &mut VecDeque<String>,
        out: &mut io::Stdout,
    ) -> Step {
        let question = Question {
            key: String::new(),
            prompt: Prompt::Authored { text: prompt },
            body: ask.placeholder_body(),
            targets: Vec::new(),
            explanation: String::new(),
            source: None,
        };
        let mut typed = Typed {
            heard,
            backlog,
            line: Vec::new(),
            at: 0,
            interrupted: None,
        };
        match ask_answer(&question, self.session.lang, &mut typed, out) {
            Ok(Some(answer)) => {
                if let Some(answer) = WireAnswer::from_answer(answer) {
                    self.client.send(ClientMsg::Answer { index, answer });
                }
            }
            Ok(None) => {}
            Err(_) => {
                println!();
                if let Some(event) = typed.interrupted.take() {
                    return Step::Interrupted(event);
                }
            }
        }
        Step::Go
    }

    fn print_reveal(
        &self,
        solution: &str,
        explanation: &str,
        source: Option<&str>,
        yours: &kisi_core::room::Verdict,
    ) {
        let w = self.w;
        let verdict = yours.words(self.session.lang);
        println!("{}: {verdict}", w.your_answer);
        println!("{}: {}", w.right_answer, printable_line(solution));
        println!("{}", printable(explanation));
        if let Some(source) = source {
            println!("{}", printable_line(source));
        }
    }

    fn error(&mut self, code: ErrorCode, detail: &str) -> Step {
        let w = self.w;
        let said = if detail.is_empty() {
            code.message(w).to_owned()
        } else {
            format!("{} ({})", code.message(w), printable_line(detail))
        };
        eprintln!("kisi: {said}");
        if code == ErrorCode::UnknownSession {
            // A token of an earlier room (let go already): join afresh, on
            // the same connection.
            let name = self
                .session
                .name
                .clone()
                .or_else(|| self.session.kept.name());
            self.client.send(ClientMsg::Join {
                code: self.session.code.clone(),
                name: name.unwrap_or_default(),
            });
            return Step::Go;
        }
        if !self.welcomed || code.closes() {
            return Step::Stop(ExitCode::FAILURE);
        }
        Step::Go
    }
}

enum Step {
    Go,
    Interrupted(ClientEvent),
    Stop(ExitCode),
}
