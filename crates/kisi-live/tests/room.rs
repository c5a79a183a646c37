//! A real host and real clients over loopback.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use kisi_core::content::builtin::builtin_pack;
use kisi_core::quiz::{QuestionKind, QuizOptions, generate};
use kisi_core::room::{Ask, ClientMsg, ErrorCode, Room, RoomConfig, ServerMsg, WireAnswer};
use kisi_live::host::HostKey;
use kisi_live::{ClientEvent, Host, NetEvent, Server, StudentClient};

enum Cmd {
    Key(HostKey),
    /// How many students are present.
    Count(Sender<usize>),
    Stop(Sender<(Room, Vec<String>)>),
}

/// A host on a free loopback port, run by a loop on its own thread.
fn host(config: RoomConfig, csv: Option<std::path::PathBuf>) -> (SocketAddr, String, Sender<Cmd>) {
    let pack = builtin_pack().unwrap();
    let options = QuizOptions {
        count: 5,
        seed: 11,
        kinds: vec![QuestionKind::Choice, QuestionKind::TrueFalse],
        ..QuizOptions::default()
    };
    let questions = generate(&pack, &options).unwrap();
    let room = Room::new(&pack, questions, config, 7);
    let code = room.code().as_str().to_owned();
    let (events, inbox) = mpsc::channel::<NetEvent>();
    let server = Server::bind(
        "127.0.0.1:0".parse().unwrap(),
        50,
        Arc::new(move |e| {
            let _ = events.send(e);
        }),
    )
    .unwrap();
    let addr = server.local_addr();
    let (cmds, cmd_rx) = mpsc::channel::<Cmd>();
    thread::spawn(move || {
        let mut host = Host::new(room, server, csv);
        loop {
            if let Ok(event) = inbox.recv_timeout(Duration::from_millis(10)) {
                host.handle(event);
            }
            host.tick();
            match cmd_rx.try_recv() {
                Ok(Cmd::Key(key)) => {
                    host.key(key);
                }
                Ok(Cmd::Count(reply)) => {
                    let _ = reply.send(host.room().present_count());
                }
                Ok(Cmd::Stop(reply)) => {
                    let log = host.log().map(str::to_owned).collect();
                    let _ = reply.send((host.room().clone(), log));
                    return;
                }
                Err(_) => {}
            }
        }
    });
    (addr, code, cmds)
}

fn stop(cmds: &Sender<Cmd>) -> (Room, Vec<String>) {
    let (tx, rx) = mpsc::channel();
    cmds.send(Cmd::Stop(tx)).unwrap();
    rx.recv_timeout(Duration::from_secs(5)).unwrap()
}

fn student(
    addr: SocketAddr,
    hello: ClientMsg,
    code: &str,
) -> (StudentClient, Receiver<ClientEvent>) {
    let (tx, rx) = mpsc::channel();
    let client = StudentClient::connect(
        &addr.to_string(),
        code,
        hello,
        Arc::new(move |e| {
            let _ = tx.send(e);
        }),
    )
    .unwrap();
    (client, rx)
}

fn join(addr: SocketAddr, code: &str, name: &str) -> (StudentClient, Receiver<ClientEvent>) {
    student(
        addr,
        ClientMsg::Join {
            code: code.to_owned(),
            name: name.to_owned(),
        },
        code,
    )
}

/// Waits for the first server message `pick` accepts.
fn wait_for<T>(rx: &Receiver<ClientEvent>, pick: impl Fn(&ServerMsg) -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(10);
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        if let Ok(ClientEvent::Server(msg)) = rx.recv_timeout(left)
            && let Some(found) = pick(&msg)
        {
            return found;
        }
    }
    panic!("nothing came");
}

fn question(rx: &Receiver<ClientEvent>) -> (usize, Ask) {
    wait_for(rx, |m| match m {
        ServerMsg::Question { index, ask, .. } => Some((*index, ask.clone())),
        _ => None,
    })
}

fn first_answer(ask: &Ask) -> WireAnswer {
    match ask {
        Ask::TrueFalse => WireAnswer::TrueFalse(true),
        _ => WireAnswer::Choice(0),
    }
}

#[test]
fn a_room_runs_to_the_end_and_a_dropped_student_keeps_their_score() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("results.csv");
    let (addr, code, cmds) = host(
        RoomConfig {
            seconds: 0,
            ..RoomConfig::default()
        },
        Some(csv.clone()),
    );
    let (ani, ani_rx) = join(addr, &code, "Ani");
    let token = wait_for(&ani_rx, |m| match m {
        ServerMsg::Welcome { token, .. } => Some(token.clone()),
        _ => None,
    });
    let (budi, budi_rx) = join(addr, &code, "Budi\u{1b}]52;c;aGk=\u{7}\u{202e}");
    wait_for(&budi_rx, |m| {
        matches!(m, ServerMsg::Welcome { .. }).then_some(())
    });
    cmds.send(Cmd::Key(HostKey::Start)).unwrap();
    let mut ani = Some(ani);
    let mut ani_rx = ani_rx;
    for q in 0..5 {
        let (index, ask) = question(&budi_rx);
        assert_eq!(index, q);
        budi.send(ClientMsg::Answer {
            index,
            answer: first_answer(&ask),
        });
        wait_for(&budi_rx, |m| {
            matches!(m, ServerMsg::Received { .. }).then_some(())
        });
        if q == 2 {
            // Ani's kisi dies mid-question and comes back with its token.
            drop(ani.take());
            thread::sleep(Duration::from_millis(200));
            let (again, again_rx) = student(
                addr,
                ClientMsg::Resume {
                    code: code.clone(),
                    token: token.clone(),
                },
                &code,
            );
            ani = Some(again);
            ani_rx = again_rx;
            let resumed = wait_for(&ani_rx, |m| match m {
                ServerMsg::Welcome { resumed, .. } => Some(*resumed),
                _ => None,
            });
            assert!(resumed);
        }
        let (index, ask) = question(&ani_rx);
        ani.as_ref().unwrap().send(ClientMsg::Answer {
            index,
            answer: first_answer(&ask),
        });
        wait_for(&ani_rx, |m| {
            matches!(m, ServerMsg::Received { .. }).then_some(())
        });
        cmds.send(Cmd::Key(HostKey::Reveal)).unwrap();
        wait_for(&budi_rx, |m| {
            matches!(m, ServerMsg::Reveal { .. }).then_some(())
        });
        cmds.send(Cmd::Key(HostKey::Next)).unwrap();
    }
    let (asked, answered, missed) = wait_for(&ani_rx, |m| match m {
        ServerMsg::End {
            asked,
            answered,
            missed,
            ..
        } => Some((*asked, *answered, missed.clone())),
        _ => None,
    });
    assert_eq!((asked, answered), (5, 5));
    let (room, log) = stop(&cmds);
    let earned = room.score_of(kisi_core::room::StudentId(0)).0;
    assert_eq!(missed.is_empty(), (earned - 5.0).abs() < 1e-9);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 10, "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text}"
    );
    assert!(text.contains("\"Budi]52;c;aGk=\""), "{text}");
    let json = std::fs::read_to_string(csv.with_extension("json")).unwrap();
    assert!(json.contains("\"least_known\""));
    assert!(log.iter().all(|l| !l.contains('\u{1b}')));
    assert!(log.iter().any(|l| l.contains("Ani")), "{log:?}");
}

/// Sends raw WebSocket text frames (client-masked) to the server.
fn raw_frames(addr: SocketAddr, frames: &[Vec<u8>]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(
            format!(
                "GET / HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
                 Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
            )
            .as_bytes(),
        )
        .unwrap();
    // The handshake's answer first: a client may not send frames before it.
    let mut response = Vec::new();
    let mut byte = [0u8; 1];
    while !response.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap() == 1 {
        response.push(byte[0]);
    }
    assert!(response.starts_with(b"HTTP/1.1 101"));
    for payload in frames {
        let mut frame = vec![0x81u8];
        let len = payload.len();
        if len < 126 {
            frame.push(0x80 | u8::try_from(len).unwrap());
        } else {
            frame.push(0xfe);
            frame.extend_from_slice(&u16::try_from(len).unwrap().to_be_bytes());
        }
        frame.extend_from_slice(&[0, 0, 0, 0]);
        frame.extend_from_slice(payload);
        stream.write_all(&frame).unwrap();
    }
    stream
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(n) if n > 0 => got.extend_from_slice(&buf[..n]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&got).into_owned()
}

#[test]
fn bad_input_gets_a_clear_error_and_the_room_goes_on() {
    let (addr, code, cmds) = host(
        RoomConfig {
            max_wrong_codes: 3,
            ..RoomConfig::default()
        },
        None,
    );
    let got = raw_frames(
        addr,
        &[
            b"{not json".to_vec(),
            br#"{"v":9,"type":"join","code":"x","name":"y"}"#.to_vec(),
            vec![b' '; 20_000],
            br#"{"v":1,"type":"answer","index":0,"answer":{"kind":"choice","value":0}}"#.to_vec(),
        ],
    );
    for code in ["malformed", "unknown_version", "too_large", "out_of_turn"] {
        assert!(got.contains(code), "{code} in {got}");
    }
    // A flood is slowed down: what is over the limit is dropped.
    let flood: Vec<Vec<u8>> = (0..40).map(|_| b"{}".to_vec()).collect();
    let got = raw_frames(addr, &flood);
    assert!(got.contains("rate_limited"), "{got}");
    // Wrong codes: counted, then cut off.
    let wrong = br#"{"v":1,"type":"join","code":"AAAAAA","name":"Eve"}"#.to_vec();
    let got = raw_frames(addr, &[wrong.clone(), wrong.clone(), wrong]);
    assert!(
        got.contains("wrong_code") && got.contains("cut_off"),
        "{got}"
    );
    // The address that tried wrong codes stays cut off, even with the
    // right code.
    let (_ani, ani_rx) = student(
        addr,
        ClientMsg::Join {
            code: code.clone(),
            name: "Ani".to_owned(),
        },
        &code,
    );
    let refused = wait_for(&ani_rx, |m| match m {
        ServerMsg::Error { code, .. } => Some(*code),
        ServerMsg::Welcome { .. } => Some(ErrorCode::NotOpen),
        _ => None,
    });
    assert_eq!(refused, ErrorCode::CutOff);
    let (room, log) = stop(&cmds);
    assert_eq!(room.students().len(), 0);
    assert!(
        log.iter().filter(|l| l.contains("127.0.0.1")).count() >= 5,
        "{log:?}"
    );
}

/// The issue's "done when": thirty students (one thread and one connection
/// each, as thirty machines would be) join, answer every question and get
/// their end; every answer is in the CSV and each end names what that
/// student missed.
#[test]
fn thirty_students_run_a_room_to_the_end_with_nothing_lost() {
    const STUDENTS: usize = 30;
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("results.csv");
    let (addr, code, cmds) = host(
        RoomConfig {
            seconds: 0,
            ..RoomConfig::default()
        },
        Some(csv.clone()),
    );
    // Each student tells the lecturer's side when an answer was taken,
    // then at the end what they were told.
    let (taken_tx, taken) = mpsc::channel::<usize>();
    let (end_tx, ends) = mpsc::channel();
    for s in 0..STUDENTS {
        let (taken_tx, end_tx, code) = (taken_tx.clone(), end_tx.clone(), code.clone());
        thread::spawn(move || {
            let (client, rx) = join(addr, &code, &format!("Student {s}"));
            for _ in 0..5 {
                let (index, ask) = question(&rx);
                // Every other student picks another option: some miss.
                let answer = match (&ask, s % 2) {
                    (Ask::TrueFalse, 1) => WireAnswer::TrueFalse(false),
                    (_, 1) => WireAnswer::Choice(1),
                    _ => first_answer(&ask),
                };
                client.send(ClientMsg::Answer { index, answer });
                wait_for(&rx, |m| {
                    matches!(m, ServerMsg::Received { .. }).then_some(())
                });
                taken_tx.send(index).unwrap();
            }
            let end = wait_for(&rx, |m| match m {
                ServerMsg::End {
                    asked,
                    answered,
                    missed,
                    ..
                } => Some((s, *asked, *answered, missed.clone())),
                _ => None,
            });
            end_tx.send(end).unwrap();
        });
    }
    let patience = Duration::from_secs(60);
    let deadline = Instant::now() + patience;
    while present_count(&cmds) < STUDENTS {
        assert!(Instant::now() < deadline, "not everyone joined");
        thread::sleep(Duration::from_millis(20));
    }
    cmds.send(Cmd::Key(HostKey::Start)).unwrap();
    for q in 0..5 {
        for _ in 0..STUDENTS {
            assert_eq!(taken.recv_timeout(patience).unwrap(), q);
        }
        cmds.send(Cmd::Key(HostKey::Reveal)).unwrap();
        cmds.send(Cmd::Key(HostKey::Next)).unwrap();
    }
    let ends: Vec<_> = (0..STUDENTS)
        .map(|_| ends.recv_timeout(patience).unwrap())
        .collect();
    let (room, _) = stop(&cmds);
    for (s, asked, answered, missed) in &ends {
        assert_eq!((*asked, *answered), (5, 5), "student {s}");
        let id = kisi_core::room::StudentId(
            room.students()
                .iter()
                .position(|st| st.name == format!("Student {s}"))
                .unwrap(),
        );
        let earned = room.score_of(id).0;
        assert_eq!(
            missed.is_empty(),
            (earned - 5.0).abs() < 1e-9,
            "student {s}"
        );
    }
    assert!(ends.iter().any(|(_, _, _, missed)| !missed.is_empty()));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + STUDENTS * 5, "every answer");
}

/// How many students are in the room now (asked of the host's loop).
fn present_count(cmds: &Sender<Cmd>) -> usize {
    let (tx, rx) = mpsc::channel();
    cmds.send(Cmd::Count(tx)).unwrap();
    rx.recv_timeout(Duration::from_secs(5)).unwrap()
}

/// A connection over the cap (`--max-students` and a few spare) is told
/// the room is full and closed; the host hears why, and the student
/// already in stays.
#[test]
fn a_connection_over_the_cap_is_told_the_room_is_full() {
    let (events, heard) = mpsc::channel::<NetEvent>();
    let server = Server::bind(
        "127.0.0.1:0".parse().unwrap(),
        1,
        Arc::new(move |e| {
            let _ = events.send(e);
        }),
    )
    .unwrap();
    let addr = server.local_addr();
    let (_first, _first_rx) = join(addr, "K7XQ2P", "Ani");
    let (_second, second_rx) = join(addr, "K7XQ2P", "Budi");
    let code = wait_for(&second_rx, |m| match m {
        ServerMsg::Error { code, .. } => Some(*code),
        _ => None,
    });
    assert_eq!(code, ErrorCode::RoomFull);
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut seen = Vec::new();
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match heard.recv_timeout(left) {
            Ok(NetEvent::Refused { code, .. }) => {
                assert_eq!(code, ErrorCode::RoomFull);
                break;
            }
            Ok(other) => seen.push(format!("{other:?}")),
            Err(error) => panic!("the host never heard ({error}): {seen:?}"),
        }
    }
    assert!(!seen.iter().any(|e| e.starts_with("Closed")), "{seen:?}");
}
