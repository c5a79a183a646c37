//! Extra time over loopback: the lecturer grants Ani four times the
//! time; the host's clock gives her the later deadline, her own
//! `kisi join --plain` prints her own countdown, and Budi, without extra
//! time, is too late once the room's time is up.

use std::io::Write;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use kisi_core::room::{ClientMsg, ErrorCode, ServerMsg, StudentId, WireAnswer};
use kisi_live::{ClientEvent, StudentClient};

use super::{join, lecturer_of, room, wait};

#[test]
fn a_plain_student_with_extra_time_answers_after_the_rooms_time_is_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut room = room(2, 1);
    assert_eq!(room.grant_extra_time("Ani", 400, 0), None);
    let (addr, code, stop) = lecturer_of(room, 2, dir.path().join("r.csv"));

    let (tx, heard) = mpsc::channel();
    let budi = StudentClient::connect(
        &addr.to_string(),
        &code,
        ClientMsg::Join {
            code: code.clone(),
            name: "Budi".to_owned(),
        },
        Arc::new(move |event| {
            let _ = tx.send(event);
        }),
    )
    .unwrap();
    // Ani types nothing yet.
    let mut ani = join(addr, &code, "Ani", &dir.path().join("ani"), "");
    let next = |what: &str| loop {
        let event = heard
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("Budi never heard {what}: {e}"));
        if let ClientEvent::Server(msg) = event {
            return msg;
        }
    };
    let left = loop {
        if let ServerMsg::Question { left_ms, .. } = next("a question") {
            break left_ms.unwrap();
        }
    };
    assert!(left <= 2_000, "Budi has the room's time: {left}");
    let asked = Instant::now();
    // The room's time is up (by the host's clock, which started first).
    thread::sleep(Duration::from_millis(2_500));
    budi.send(ClientMsg::Answer {
        index: 0,
        answer: WireAnswer::Choice(0),
    });
    loop {
        if let ServerMsg::Error { code, .. } = next("too late") {
            assert_eq!(code, ErrorCode::TooLate);
            break;
        }
    }
    // Ani has four times the time: 8 s, of which some 5 are left.
    assert!(asked.elapsed() < Duration::from_secs(7), "too slow to test");
    let stdin = ani.stdin.as_mut().unwrap();
    stdin.write_all(b"a\n").unwrap();
    stdin.flush().unwrap();
    let out = wait(ani);
    assert!(
        out.contains("8 s left"),
        "Ani sees her own countdown: {out}"
    );
    assert!(out.contains("Sent."), "{out}");
    assert!(out.contains("Your score:"), "{out}");

    let (reply, rx) = mpsc::channel();
    stop.send(reply).unwrap();
    let (room, _) = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    let id = |name: &str| StudentId(room.students().iter().position(|s| s.name == name).unwrap());
    assert!(room.answer_of(0, id("Ani")).is_some(), "taken in her time");
    assert!(room.answer_of(0, id("Budi")).is_none(), "too late for him");
    assert_eq!(room.extra_time(id("Ani")), 400);
}
