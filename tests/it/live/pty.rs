//! The issue's end-to-end room: a real host on loopback, three students
//! on the full-screen client in pseudo-terminals and two on the plain
//! client complete a seeded 5-question room. The CSV has every answer,
//! each student's own progress store has what they missed, due in review,
//! and a full-screen client killed mid-question and started again resumes
//! as itself, with its answers and score. Everything waits for what the
//! screens and files say, never for a fixed time, with timeouts generous
//! enough for a loaded 2-core machine.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use kisi_core::content::builtin::builtin_pack;
use kisi_core::progress::{Day, Progress, Store};
use kisi_core::room::StudentId;

use super::{join, lecturer, missed_in_room, missed_in_store, wait};
use crate::common::Session;

/// Long enough for five clients and a host sharing two busy cores.
const PATIENCE: Duration = Duration::from_secs(90);

fn full_screen(addr: &str, code: &str, name: &str, data: &Path) -> Session {
    let data = data.to_str().unwrap();
    Session::start(
        &[
            "--lang",
            "en",
            "--data-dir",
            data,
            "join",
            addr,
            code,
            "--name",
            name,
        ],
        80,
        24,
    )
}

/// Answers question `q` (1-based) with option `key` once it shows, and
/// waits until it is taken: "Sent." shows, or the room already moved on
/// (the last answer in reveals at once).
fn answer(student: &mut Session, q: usize, key: u8) {
    let asked = format!("Question {q} of 5");
    student.wait_for_within(&asked, PATIENCE);
    student.keys(&[key]);
    student.keys(b"\r");
    let start = Instant::now();
    loop {
        let screen = student.contents();
        if screen.contains("Sent.") || !screen.contains(&asked) {
            return;
        }
        assert!(start.elapsed() < PATIENCE, "never taken: {screen}");
        thread::sleep(Duration::from_millis(20));
    }
}

/// The items a student's own store has due in review today: what was
/// missed in class comes back in tonight's review, not the next day's.
fn due_in_store(data: &Path, pack: &str) -> Vec<String> {
    let (store, _) = Store::open(Some(data));
    let (log, _) = store.pack(pack);
    let mut due: Vec<String> =
        Progress::new(log).due_items(&builtin_pack().unwrap(), Day::today(), None);
    due.sort();
    due
}

#[test]
fn three_full_screen_and_two_plain_students_complete_a_seeded_room() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("host").join("results.csv");
    let (addr, code, stop) = lecturer(5, csv.clone());
    let addr = addr.to_string();
    let data: Vec<PathBuf> = (0..5).map(|i| dir.path().join(format!("s{i}"))).collect();
    let names = ["Ani", "Budi", "Dewi", "Eko", "Fitri"];
    // Digits choose an option, or tick one in a select-all question.
    let keys: [&[u8; 5]; 3] = [b"12341", b"22222", b"11111"];

    let plain = [
        join(
            addr.parse().unwrap(),
            &code,
            "Eko",
            &data[3],
            "a\nb\nc\nd\na\n",
        ),
        join(
            addr.parse().unwrap(),
            &code,
            "Fitri",
            &data[4],
            "d\nd\nd\nd\nd\n",
        ),
    ];
    let mut screens: Vec<Session> = (0..3)
        .map(|i| full_screen(&addr, &code, names[i], &data[i]))
        .collect();
    for q in 1..=5 {
        if q == 3 {
            // Dewi's kisi is killed with question 3 on her screen, unanswered.
            screens[2].wait_for_within("Question 3 of 5", PATIENCE);
            screens[2].child.kill().unwrap();
            screens[2].wait_exit();
            // Started again, it resumes with the token it kept.
            screens[2] = full_screen(&addr, &code, "Dewi", &data[2]);
        }
        for (student, keys) in screens.iter_mut().zip(keys) {
            answer(student, q, keys[q - 1]);
        }
    }
    for student in &mut screens {
        student.wait_for_within("Your score:", PATIENCE);
        // Leaving the end records what was missed, then kisi is gone.
        student.keys(b"q");
        assert!(student.wait_exit().success());
        assert!(!student.in_alternate_screen());
    }
    let plain: Vec<String> = plain.into_iter().map(wait).collect();
    let (reply, room_rx) = mpsc::channel();
    stop.send(reply).unwrap();
    let (room, _log) = room_rx.recv_timeout(PATIENCE).unwrap();

    let id = |name: &str| StudentId(room.students().iter().position(|s| s.name == name).unwrap());
    assert_eq!(room.students().len(), 5, "Dewi came back as herself");
    for name in names {
        assert_eq!(room.score_of(id(name)).1, 5, "{name}");
        assert_eq!(room.score_of(id(name)).2, 5, "{name} answered all five");
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 5 * 5, "every answer: {text}");
    for name in names {
        let rows = text
            .lines()
            .filter(|l| l.starts_with(&format!("\"{name}\"")))
            .count();
        assert_eq!(rows, 5, "{name}: {text}");
    }
    let pack = room.pack().id.clone();
    let mut someone_missed = false;
    for (name, data) in names.iter().zip(&data) {
        let missed = missed_in_room(&room, id(name));
        assert_eq!(missed_in_store(data, &pack), missed, "{name}");
        let due = due_in_store(data, &pack);
        assert_eq!(due, missed, "{name}'s missed items are due in review");
        someone_missed |= !missed.is_empty();
    }
    assert!(someone_missed, "the answers given miss something");
    assert!(
        plain.iter().all(|out| out.contains("Your score:")),
        "{plain:?}"
    );
}
