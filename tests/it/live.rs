//! The live class quiz end to end: a real host (the kisi-live `Host` on a
//! loopback port, driven as the lecturer would) and real students (`kisi
//! join --plain` processes); and the host's screens drawn on a test
//! backend.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::{Duration, Instant};

use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::{EventKind, Store};
use kisi_core::quiz::{QuestionKind, QuizOptions, generate};
use kisi_core::room::{Ask, ClientMsg, Phase, Room, RoomConfig, ServerMsg, StudentId, WireAnswer};
use kisi_live::host::HostKey;
use kisi_live::{ClientEvent, Host, NetEvent, Server};
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::host::HostState;
use kisi_tui::screens::join::JoinState;
use kisi_tui::theme::Theme;

use crate::common::screen::draw;

mod errors;
mod extra_time;
mod home;
mod host_keys;
mod join_home;
mod pty;

pub fn room(seconds: u64, count: usize) -> Room {
    let pack = builtin_pack().unwrap();
    let options = QuizOptions {
        count,
        seed: 5,
        kinds: vec![QuestionKind::Choice],
        ..QuizOptions::default()
    };
    let questions = generate(&pack, &options).unwrap();
    let config = RoomConfig {
        seconds,
        lang: Lang::En,
        ..RoomConfig::default()
    };
    Room::new(&pack, questions, config, 99)
}

fn server(events: Sender<NetEvent>) -> Server {
    Server::bind(
        "127.0.0.1:0".parse().unwrap(),
        50,
        Arc::new(move |e| {
            let _ = events.send(e);
        }),
    )
    .unwrap()
}

/// Asks the lecturer's loop to stop and send back the room and the log.
type Stop = Sender<Sender<(Room, Vec<String>)>>;

/// A host that runs a seeded 5-question room as a lecturer would once
/// `students` joined: starts, reveals when everyone answered, goes on.
fn lecturer(students: usize, csv: PathBuf) -> (SocketAddr, String, Stop) {
    lecturer_of(room(0, 5), students, csv)
}

/// [`lecturer`] for `room`.
fn lecturer_of(room: Room, students: usize, csv: PathBuf) -> (SocketAddr, String, Stop) {
    let code = room.code().as_str().to_owned();
    let (events, inbox) = mpsc::channel();
    let server = server(events);
    let addr = server.local_addr();
    let (stop, stopped) = mpsc::channel::<Sender<(Room, Vec<String>)>>();
    thread::spawn(move || {
        let mut host = Host::new(room, server, Some(csv));
        let mut revealed_at: Option<Instant> = None;
        loop {
            if let Ok(event) = inbox.recv_timeout(Duration::from_millis(10)) {
                host.handle(event);
            }
            if host.tick() {
                revealed_at = Some(Instant::now());
            }
            let room = host.room();
            match room.phase() {
                Phase::Lobby if room.present_count() == students => {
                    host.key(HostKey::Start);
                }
                Phase::Open(q) if room.answers_in(q) == students => {
                    host.key(HostKey::Reveal);
                    revealed_at = Some(Instant::now());
                }
                Phase::Revealed(_)
                    if revealed_at.is_some_and(|at| at.elapsed() > Duration::from_millis(100)) =>
                {
                    host.key(HostKey::Next);
                }
                _ => {}
            }
            if let Ok(reply) = stopped.try_recv() {
                let log = host.log().map(str::to_owned).collect();
                let _ = reply.send((host.room().clone(), log));
                return;
            }
        }
    });
    (addr, code, stop)
}

fn join(addr: SocketAddr, code: &str, name: &str, data: &Path, answers: &str) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(["--lang", "en", "--data-dir"])
        .arg(data)
        .args(["join", &addr.to_string(), code, "--plain", "--name", name])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .as_mut()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    child
}

fn wait(child: Child) -> String {
    let (success, text) = wait_output(child);
    assert!(success, "{text}");
    text
}

/// Whether `child` finished well within a minute (killed if not), and what
/// it printed.
fn wait_output(child: Child) -> (bool, String) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut child = child;
    let mut finished = false;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            finished = true;
            break;
        }
        thread::sleep(Duration::from_millis(50));
    }
    if !finished {
        child.kill().unwrap();
    }
    let output = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(finished, "a student never finished: {text}");
    (output.status.success(), text)
}

/// The items a student's progress store has been told they missed.
fn missed_in_store(data: &Path, pack: &str) -> Vec<String> {
    let (store, _) = Store::open(Some(data));
    let (log, _) = store.pack(pack);
    let mut items: Vec<String> = log
        .events()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Review { item, .. } => Some(item.clone()),
            _ => None,
        })
        .collect();
    items.sort();
    items
}

/// What the room says student `id` missed.
fn missed_in_room(room: &Room, id: StudentId) -> Vec<String> {
    let mut items: Vec<String> = room
        .counted()
        .filter(|&q| {
            room.answer_of(q, id)
                .is_none_or(|a| a.grade.outcome.credit() < 1.0)
        })
        .flat_map(|q| room.questions()[q].items.iter().map(|i| i.key.clone()))
        .collect();
    items.sort();
    items.dedup();
    items
}

#[test]
fn a_seeded_room_runs_to_the_end_with_plain_students() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("host").join("results.csv");
    let (addr, code, stop) = lecturer(3, csv.clone());
    let data: Vec<PathBuf> = (0..3).map(|i| dir.path().join(format!("s{i}"))).collect();
    let ani = join(addr, &code, "Ani", &data[0], "a\nb\na\nc\nd\n");
    let eve = join(
        addr,
        &code,
        "Eve\u{1b}]52;c;aGk=\u{7}\u{202e}\u{1b}[2J",
        &data[1],
        "b\nb\nb\nb\nb\n",
    );
    // Citra answers two questions, then her kisi is killed mid-question.
    let mut citra = join(addr, &code, "Citra", &data[2], "c\nc\n");
    let deadline = Instant::now() + Duration::from_secs(30);
    while std::fs::read_to_string(&csv)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("\"Citra\""))
        .count()
        < 2
    {
        assert!(Instant::now() < deadline, "Citra's answers never came");
        thread::sleep(Duration::from_millis(50));
    }
    thread::sleep(Duration::from_millis(300));
    citra.kill().unwrap();
    citra.wait().unwrap();
    // Restarted, it resumes with the token it kept, and answers the rest.
    let citra = join(addr, &code, "Citra", &data[2], "a\na\na\n");
    let outputs: Vec<String> = [ani, eve, citra].into_iter().map(wait).collect();
    let (reply, room_rx) = mpsc::channel();
    stop.send(reply).unwrap();
    let (room, log) = room_rx.recv_timeout(Duration::from_secs(5)).unwrap();

    // Students join in any order: find each by name.
    let id = |name: &str| StudentId(room.students().iter().position(|s| s.name == name).unwrap());
    assert!(outputs[2].contains("Your score:"), "{}", outputs[2]);
    assert_eq!(room.students().len(), 3, "Citra came back as herself");
    assert_eq!(room.score_of(id("Citra")).1, 5);
    assert_eq!(
        room.score_of(id("Citra")).2,
        5,
        "her first answers were kept"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 3 * 5, "{text}");
    for line in text.lines().chain(log.iter().map(String::as_str)) {
        assert!(!line.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{line:?}");
    }
    assert!(text.contains("\"Eve]52;c;aGk=[2J\""), "{text}");
    let pack = room.pack().id.clone();
    for (name, data) in ["Ani", "Eve]52;c;aGk=[2J", "Citra"].iter().zip(&data) {
        let missed = missed_in_room(&room, id(name));
        assert_eq!(missed_in_store(data, &pack), missed, "{name}");
    }
    assert!(
        (0..3).any(|s| !missed_in_room(&room, StudentId(s)).is_empty()),
        "the answers given miss something"
    );
}

/// A host screen with three students (one with a hostile name), as a
/// lecturer's machine shows it; the network's events come in by hand.
pub fn host_app(seconds: u64, lang: Lang) -> (App, Vec<u64>) {
    let (events, _inbox) = mpsc::channel();
    let room = room(seconds, 3);
    let code = room.code().as_str().to_owned();
    let mut host = Host::new(room, server(events), None);
    let names = ["Ani", "Budi\u{1b}]52;c;aGk=\u{7}\u{202e}", "Citra"];
    let conns: Vec<u64> = (1..=3).collect();
    for (conn, name) in conns.iter().zip(names) {
        host.handle(NetEvent::Connected {
            conn: *conn,
            peer: "10.1.2.9".parse().unwrap(),
        });
        host.handle(NetEvent::Message {
            conn: *conn,
            msg: ClientMsg::Join {
                code: code.clone(),
                name: name.to_owned(),
            },
        });
    }
    let state = HostState::new(host, vec!["10.1.2.3:7878".to_owned()], 7878);
    let app =
        App::new(builtin_pack().unwrap(), lang, Theme::dark()).with_screen(Screen::Host(state));
    (app, conns)
}

/// The room behind the host's screen.
pub fn host_room(app: &App) -> Room {
    match &app.stack.screen {
        Screen::Host(state) => state.room(),
        other => panic!("not the host's screen: {other:?}"),
    }
}

pub fn network(app: &mut App, event: NetEvent) {
    if let Screen::Host(state) = &mut app.stack.screen {
        state.network(event);
    }
}

pub fn key(app: &mut App, c: char) {
    let action = kisi_tui::keymap::map_event(
        app.mode(),
        &crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char(c),
        )),
    )
    .unwrap();
    app.update(action);
}

fn answered_app() -> App {
    let (mut app, conns) = host_app(0, Lang::En);
    key(&mut app, 's');
    for (conn, choice) in conns.iter().zip([0, 1, 1]) {
        network(
            &mut app,
            NetEvent::Message {
                conn: *conn,
                msg: ClientMsg::Answer {
                    index: 0,
                    answer: WireAnswer::Choice(choice),
                },
            },
        );
    }
    app
}

#[test]
fn host_lobby_80x24_and_40x12() {
    let (mut app, _) = host_app(0, Lang::En);
    let screen = draw(&mut app, 80, 24);
    assert!(!screen.contains('\u{1b}') && !screen.contains('\u{202e}'));
    insta::assert_snapshot!("host_lobby_80x24", screen);
    insta::assert_snapshot!("host_lobby_40x12", draw(&mut app, 40, 12));
}

#[test]
fn host_question_80x24_and_40x12() {
    let mut app = answered_app();
    insta::assert_snapshot!("host_question_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("host_question_40x12", draw(&mut app, 40, 12));
}

#[test]
fn host_reveal_80x24_and_40x12() {
    let mut app = answered_app();
    key(&mut app, 'r');
    insta::assert_snapshot!("host_reveal_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("host_reveal_40x12", draw(&mut app, 40, 12));
}

#[test]
fn host_end_80x24_and_40x12() {
    let mut app = answered_app();
    key(&mut app, 'r');
    key(&mut app, 'n');
    key(&mut app, 'e');
    // Ending asks first: it ends the quiz for every student.
    insta::assert_snapshot!("host_confirm_end_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("host_confirm_end_40x12", draw(&mut app, 40, 12));
    key(&mut app, 'n');
    assert!(
        matches!(host_room(&app).phase(), Phase::Open(1)),
        "n keeps it"
    );
    key(&mut app, 'e');
    key(&mut app, 'y');
    assert_eq!(host_room(&app).phase(), Phase::Ended);
    insta::assert_snapshot!("host_end_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("host_end_40x12", draw(&mut app, 40, 12));
}

/// The student's screen, connected to a real server; what the room says
/// is handed over by hand.
fn student_app() -> (App, Server) {
    student_app_in(Lang::En)
}

/// [`student_app`] in `lang`.
pub fn student_app_in(lang: Lang) -> (App, Server) {
    let (events, _inbox) = mpsc::channel();
    let server = server(events);
    let client = kisi_live::StudentClient::connect(
        &server.local_addr().to_string(),
        "K7XQ2P",
        ClientMsg::Join {
            code: "K7XQ2P".to_owned(),
            name: "Ani".to_owned(),
        },
        Arc::new(|_| {}),
    )
    .unwrap();
    let state = JoinState::new(client, Arc::default());
    let app =
        App::new(builtin_pack().unwrap(), lang, Theme::dark()).with_screen(Screen::Join(state));
    (app, server)
}

pub fn hear(app: &mut App, msg: ServerMsg) {
    let strings = app.strings();
    if let Screen::Join(state) = &mut app.stack.screen {
        state.heard(ClientEvent::Server(msg), strings);
    }
}

#[test]
fn student_question_reveal_and_end_80x24_and_40x12() {
    let (mut app, _server) = student_app();
    hear(&mut app, ServerMsg::Waiting { students: 12 });
    insta::assert_snapshot!("join_waiting_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("join_waiting_40x12", draw(&mut app, 40, 12));
    hear(
        &mut app,
        ServerMsg::Question {
            index: 1,
            total: 5,
            prompt: "Which role is the broker's?".to_owned(),
            ask: Ask::Choice {
                options: vec!["Linking to services".to_owned(), "Teaching".to_owned()],
            },
            left_ms: Some(23_000),
            paused: false,
            answered: false,
        },
    );
    key(&mut app, 'a');
    hear(&mut app, ServerMsg::Received { index: 1 });
    insta::assert_snapshot!("join_question_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("join_question_40x12", draw(&mut app, 40, 12));
    hear(
        &mut app,
        ServerMsg::Reveal {
            index: 1,
            solution: "Linking to services".to_owned(),
            explanation: "A broker links people to services.".to_owned(),
            source: None,
            yours: kisi_core::room::Verdict {
                given: "Teaching".to_owned(),
                credit: 0.0,
                answered: true,
            },
        },
    );
    insta::assert_snapshot!("join_reveal_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("join_reveal_40x12", draw(&mut app, 40, 12));
    hear(
        &mut app,
        ServerMsg::End {
            earned: 3.5,
            asked: 5,
            answered: 5,
            rank: None,
            pack: kisi_core::room::PackInfo {
                id: "p".to_owned(),
                title: "P".to_owned(),
            },
            tested: Vec::new(),
            missed: Vec::new(),
        },
    );
    insta::assert_snapshot!("join_end_80x24", draw(&mut app, 80, 24));
    insta::assert_snapshot!("join_end_40x12", draw(&mut app, 40, 12));
}

/// The student's header names the room's pack, made safe to print, not the
/// pack this kisi happens to have open.
#[test]
fn the_student_header_names_the_rooms_pack() {
    let (mut app, _server) = student_app();
    hear(
        &mut app,
        ServerMsg::Welcome {
            name: "Ani".to_owned(),
            token: "t".to_owned(),
            pack: kisi_core::room::PackInfo {
                id: "networking".to_owned(),
                title: "Networking\u{1b}]52;c;aGk=\u{7}\u{202e} Basics".to_owned(),
            },
            questions: 3,
            resumed: false,
        },
    );
    let screen = draw(&mut app, 80, 24);
    let header = screen.lines().next().unwrap();
    assert!(header.contains("Networking"), "{header}");
    assert!(!header.contains("Pekerjaan Sosial"), "{header}");
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{202e}'),
        "{screen}"
    );
}

/// A question taller than a 40x12 screen scrolls with PgUp/PgDn and says
/// where more is (▲/▼), never cut silently.
#[test]
fn a_long_question_scrolls_on_the_students_screen_40x12() {
    let (mut app, _server) = student_app();
    let long = "In a community where the youth organisation, the mosque's social committee and the \
                village office each run their own programme for older people living alone, which \
                role does the social worker take when she brings them to plan one visiting rota?";
    hear(
        &mut app,
        ServerMsg::Question {
            index: 2,
            total: 5,
            prompt: long.to_owned(),
            ask: Ask::Choice {
                options: vec![
                    "Broker, linking people to the services they need".to_owned(),
                    "Mediator between groups whose interests conflict".to_owned(),
                    "Coordinator who brings separate efforts into one plan".to_owned(),
                    "Advocate speaking for the older people to the village".to_owned(),
                ],
            },
            left_ms: Some(41_000),
            paused: false,
            answered: false,
        },
    );
    // While answering, the options are in view and the question above.
    let bottom = draw(&mut app, 40, 12);
    insta::assert_snapshot!("join_long_question_40x12", bottom);
    assert!(bottom.contains("▲ PgUp"), "{bottom}");
    assert!(bottom.contains("Question 3 of 5  00:41"), "the head stays");
    let page = |app: &mut App, code| {
        let action = kisi_tui::keymap::map_event(
            app.mode(),
            &crossterm::event::Event::Key(crossterm::event::KeyEvent::from(code)),
        )
        .unwrap();
        app.update(action);
    };
    page(&mut app, crossterm::event::KeyCode::PageUp);
    page(&mut app, crossterm::event::KeyCode::PageUp);
    let top = draw(&mut app, 40, 12);
    insta::assert_snapshot!("join_long_question_top_40x12", top);
    assert!(top.contains("In a community where"), "{top}");
    assert!(top.contains("▼ PgDn"), "{top}");
    assert!(!top.contains("▲ PgUp"), "{top}");
    // A prompt of several lines keeps its line breaks, never "\u{a}".
    hear(
        &mut app,
        ServerMsg::Question {
            index: 3,
            total: 5,
            prompt: "Which term is described?\nA plan signed on 22 June 1945.".to_owned(),
            ask: Ask::Typed,
            left_ms: None,
            paused: false,
            answered: false,
        },
    );
    let screen = draw(&mut app, 40, 12);
    assert!(!screen.contains("\\u{a}"), "{screen}");
    assert!(
        screen.contains("\" A plan signed on 22 June 1945."),
        "{screen}"
    );
    hear(
        &mut app,
        ServerMsg::Question {
            index: 2,
            total: 5,
            prompt: long.to_owned(),
            ask: Ask::Choice {
                options: vec!["a".to_owned(), "b".to_owned(), "c".to_owned()],
            },
            left_ms: None,
            paused: false,
            answered: false,
        },
    );
    // Still answerable by letter while scrolled.
    key(&mut app, 'c');
    assert!(draw(&mut app, 40, 12).contains("Question 3 of 5"));
}
