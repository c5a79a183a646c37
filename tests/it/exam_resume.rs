//! Issue 15 #5: a mock exam survives `kill -9`. Each answer is journaled
//! as it is given; the next start offers the exam left unfinished: resume
//! it (the same questions, the answers kept, the time left) or hand it in
//! as it stands. The real binary in a pseudo-terminal, and the store and
//! the screens in-process.

use std::path::Path;
use std::time::Duration;

use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::journal::{ExamAnswer, StoredAnswer};
use kisi_core::progress::{
    EventKind, ExamBlueprint, ExamStart, Progress, Settled, Store, Timestamp, build_exam,
};
use kisi_core::quiz::Body;
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::theme::Theme;

use crate::common::{self, Session};
use common::screen::draw;

const ENTER: &[u8] = b"\r";
const TAB: &[u8] = b"\t";
const CTRL_G: &[u8] = b"\x07";

/// The words the test looks for, per language.
struct Words {
    home: &'static str,
    answered: &'static str,
    saved: &'static str,
    offer: &'static str,
    results: &'static str,
    /// The kind names on the question page: true/false, choice, typed,
    /// list-all, ordering.
    kinds: [&'static str; 5],
}

const INDONESIAN: Words = Words {
    home: "Jelajahi materi",
    answered: "terjawab",
    saved: "✓ Jawaban tersimpan",
    offer: "Ujian yang belum selesai",
    results: "Hasil ujian",
    kinds: [
        "Benar/salah",
        "Pilihan ganda",
        "Isian",
        "Sebutkan semua",
        "Urutan",
    ],
};

const ENGLISH: Words = Words {
    home: "Browse",
    answered: "answered",
    saved: "✓ Answer saved",
    offer: "An unfinished exam",
    results: "Mock exam results",
    kinds: [
        "True/false",
        "Multiple choice",
        "Typed answer",
        "Name them all",
        "Ordering",
    ],
};

/// Opens the mock exam from Home (the fifth entry of its menu).
fn open_exam(kisi: &mut Session, words: &Words) {
    kisi.wait_for(words.home);
    kisi.keys(&b"j".repeat(4));
    kisi.keys(ENTER);
}

/// The kind shown on the question page (the line under the status line).
fn kind_on_screen(kisi: &Session, words: &Words) -> Option<usize> {
    let screen = kisi.contents();
    // A select-all question is named a choice; its options have boxes.
    if screen.contains("[ ] ") {
        return None;
    }
    let line = screen.lines().nth(3)?.trim().to_owned();
    words.kinds.iter().position(|kind| line == *kind)
}

/// Answers questions from number `from` on (`already` answered) until
/// `count` are, leaving out kinds that take many keys (matching,
/// select-all); the numbers of those it answered.
fn answer_some(
    kisi: &mut Session,
    words: &Words,
    from: usize,
    already: usize,
    count: usize,
) -> Vec<usize> {
    let mut answered = Vec::new();
    for number in from..=40 {
        if already + answered.len() == count {
            break;
        }
        kisi.wait_for(&format!(" · {number}/"));
        let keys: &[&[u8]] = match kind_on_screen(kisi, words) {
            Some(0 | 1) => &[b"1", ENTER],
            Some(2) => &[b"abc", ENTER],
            Some(3) => &[b"abc", ENTER, ENTER],
            Some(4) => &[ENTER],
            _ => &[TAB],
        };
        for key in keys {
            kisi.keys(key);
        }
        if keys != [TAB] {
            answered.push(number);
            let total = already + answered.len();
            kisi.wait_for(&format!("{} {total}/", words.answered));
        }
    }
    assert_eq!(already + answered.len(), count, "{}", kisi.contents());
    answered
}

/// Ctrl-G and a number: to that question, or the hand-in page after the
/// last.
fn go_to(kisi: &mut Session, number: usize, prompt: &str) {
    kisi.keys(CTRL_G);
    kisi.wait_for(prompt);
    kisi.keys(number.to_string().as_bytes());
    kisi.keys(ENTER);
    kisi.wait_for(&format!(" · {number}/"));
}

fn log_lines(data: &Path) -> Vec<String> {
    let dir = data.join("progress");
    let log = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .unwrap();
    std::fs::read_to_string(log)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The exam's id and time limit from its start line.
fn started(data: &Path) -> (String, u64) {
    let lines = log_lines(data);
    let start = lines
        .iter()
        .find(|l| l.contains("\"kind\":\"exam_start\""))
        .expect("a start line");
    let value: serde_json::Value = serde_json::from_str(start).unwrap();
    (
        value["exam"].as_str().unwrap().to_owned(),
        value["time_limit_secs"].as_u64().unwrap(),
    )
}

/// The exam lines of the history.
fn exams(data: &Path) -> Vec<serde_json::Value> {
    log_lines(data)
        .iter()
        .filter(|l| l.contains("\"kind\":\"exam\""))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// "mm:ss" after `after` on the screen, in seconds.
fn clock_after(screen: &str, after: &str) -> u64 {
    let at = screen.find(after).unwrap_or_else(|| panic!("{screen}")) + after.len();
    let clock: String = screen[at..].trim_start().chars().take(5).collect();
    let (minutes, seconds) = clock.split_once(':').unwrap();
    minutes.parse::<u64>().unwrap() * 60 + seconds.parse::<u64>().unwrap()
}

/// Starts an exam, answers two questions, kills kisi with SIGKILL and
/// starts it again on the same data folder: the offer is on Home's exam.
fn killed_mid_exam(args: &[&str], words: &Words) -> (Session, Vec<usize>) {
    let mut kisi = Session::start(args, 80, 24);
    open_exam(&mut kisi, words);
    let answered = answer_some(&mut kisi, words, 1, 0, 2);
    // Seconds of the exam's time used, so that the clock shows them gone.
    std::thread::sleep(Duration::from_secs(2));
    kisi.signal("KILL");
    kisi.wait_exit();
    let mut again = Session::start(args, 80, 24);
    open_exam(&mut again, words);
    again.wait_for(words.offer);
    (again, answered)
}

#[test]
fn an_exam_killed_mid_way_is_resumed_with_its_answers_and_finished() {
    let data = tempfile::tempdir().unwrap();
    let args = ["--data-dir", data.path().to_str().unwrap()];
    let (mut kisi, answered) = killed_mid_exam(&args, &INDONESIAN);
    let (id, limit) = started(data.path());
    assert!(exams(data.path()).is_empty(), "handed in before the offer");
    let screen = kisi.contents();
    assert!(screen.contains("2 dari 20 soal dijawab"), "{screen}");
    // The time used before the kill is gone from what is left.
    let left = clock_after(&screen, "sisa waktu");
    assert!(left < limit && left > limit - 120, "{left} of {limit}");
    kisi.keys(ENTER);
    kisi.wait_for("terjawab 2/20");
    for &number in &answered {
        go_to(&mut kisi, number, "Ke soal nomor");
        kisi.wait_for(INDONESIAN.saved);
    }
    // A third answer counts with the two.
    let next = answered[1] + 1;
    go_to(&mut kisi, next, "Ke soal nomor");
    answer_some(&mut kisi, &INDONESIAN, next, 2, 3);
    go_to(&mut kisi, 20, "Ke soal nomor");
    kisi.keys(TAB);
    kisi.wait_for("Belum dijawab");
    kisi.keys(ENTER);
    kisi.keys(b"y");
    kisi.wait_for(INDONESIAN.results);
    kisi.keys(b"\x03");
    assert!(kisi.wait_exit().success());
    let exams = exams(data.path());
    assert_eq!(exams.len(), 1, "{exams:?}");
    assert_eq!(exams[0]["answered"], 3);
    assert_eq!(exams[0]["exam"], id.as_str());
    // Finished: not offered again.
    let mut after = Session::start(&args, 80, 24);
    open_exam(&mut after, &INDONESIAN);
    after.wait_for(" · 1/20");
    assert!(!after.contents().contains(INDONESIAN.offer));
}

#[test]
fn an_exam_killed_mid_way_can_be_handed_in_as_it_stands() {
    let data = tempfile::tempdir().unwrap();
    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/networking");
    let args = [
        "--content",
        pack,
        "--lang",
        "en",
        "--data-dir",
        data.path().to_str().unwrap(),
    ];
    let (mut kisi, _) = killed_mid_exam(&args, &ENGLISH);
    let (id, _) = started(data.path());
    let screen = kisi.contents();
    assert!(screen.contains("2 of "), "{screen}");
    kisi.keys(b"j");
    kisi.keys(ENTER);
    kisi.wait_for(ENGLISH.results);
    kisi.keys(b"q");
    kisi.keys(b"\x03");
    assert!(kisi.wait_exit().success());
    let exams = exams(data.path());
    assert_eq!(exams.len(), 1, "{exams:?}");
    assert_eq!(exams[0]["answered"], 2);
    assert_eq!(exams[0]["exam"], id.as_str());
}

/// A journal of the built-in pack's exam drawn from `seed`, with its first
/// true/false or choice question answered, its last line at `last_at` with
/// `used` time used.
fn journal(store: &Store, seed: u64, used: Duration, last_at: i64) -> String {
    let pack = builtin_pack().unwrap();
    let blueprint = ExamBlueprint::of_pack(&pack);
    let questions = build_exam(&pack, &blueprint, seed, Lang::Id).unwrap();
    let id = format!("exam-{seed}");
    let (mut log, _) = store.pack(&pack.meta.id);
    let start = ExamStart::new(id.clone(), seed, Lang::Id, &questions, &blueprint);
    assert!(
        log.append(EventKind::ExamStart(start), Timestamp(last_at - 1_000))
            .is_none()
    );
    let (question, answer) = questions
        .iter()
        .enumerate()
        .find_map(|(i, q)| match q.body {
            Body::TrueFalse { .. } => Some((i, StoredAnswer::TrueFalse(true))),
            Body::Choice { .. } => Some((i, StoredAnswer::Choice(0))),
            _ => None,
        })
        .unwrap();
    let answer = EventKind::ExamAnswer(ExamAnswer {
        exam: id.clone(),
        question,
        answer,
        used_ms: u64::try_from(used.as_millis()).unwrap(),
    });
    assert!(log.append(answer, Timestamp(last_at)).is_none());
    id
}

#[test]
fn an_exam_whose_time_ran_out_while_kisi_was_dead_is_handed_in_on_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(Some(data.path()));
    let now = Timestamp::now();
    // 29:30 of 30:00 used, then kisi died; restarted an hour later.
    let late = journal(
        &store,
        1,
        Duration::from_secs(29 * 60 + 30),
        now.0 - 3_600_000,
    );
    // 5 minutes used, killed a day ago: its time stood still meanwhile.
    let early = journal(&store, 2, Duration::from_secs(300), now.0 - 86_400_000);
    let pack = builtin_pack().unwrap();
    let (log, _) = store.pack(&pack.meta.id);
    let mut app = App::new(pack, Lang::Id, Theme::mono());
    let mut progress = Progress::new(log);
    app.settle_exams(&mut progress);
    let history = &progress.state().exams;
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0].1.exam.as_deref(), Some(late.as_str()));
    assert_eq!(history[0].1.answered, 1);
    assert_eq!(history[0].1.duration_secs, 30 * 60);
    let home = draw(&mut app, 80, 30);
    assert!(
        home.contains("Waktu ujian yang belum selesai habis"),
        "{home}"
    );
    assert!(home.contains("1 dari 20 soal dijawab"), "{home}");
    // The other one is offered, with the time it had left.
    let open = progress.state().journals.unfinished().unwrap();
    assert_eq!(open.id, early);
    let index = MENU.iter().position(|m| *m == MenuItem::Exam).unwrap();
    app.update(Action::First);
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    assert!(exam.offer.is_some());
    assert_eq!(exam.answers.iter().flatten().count(), 1);
    let screen = draw(&mut app, 40, 12);
    assert!(screen.contains("24:00."), "{screen}");
    assert!(screen.contains("Lanjutkan ujian"), "{screen}");
    // The clock stands still while the offer is on show.
    app.update(Action::Tick(Duration::from_secs(600)));
    assert!(draw(&mut app, 40, 12).contains("24:00."));
}

#[test]
fn an_exam_under_way_in_another_kisi_is_neither_offered_nor_handed_in() {
    let data = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(Some(data.path()));
    let pack = builtin_pack().unwrap();
    let now = Timestamp::now();
    // The other kisi: its exam began, and it holds it.
    let (log, _) = store.pack(&pack.meta.id);
    let mut other = Progress::new(log);
    let questions = build_exam(&pack, &ExamBlueprint::of_pack(&pack), 9, Lang::Id).unwrap();
    let start = ExamStart::new(
        "live".to_owned(),
        9,
        Lang::Id,
        &questions,
        &ExamBlueprint::of_pack(&pack),
    );
    assert!(
        other
            .record_exam_step(EventKind::ExamStart(start), now)
            .is_none()
    );
    let (log, _) = store.pack(&pack.meta.id);
    let mut this = Progress::new(log);
    let (settled, warnings) = this.settle_exams(&pack, now);
    assert!(settled.is_empty() && warnings.is_empty());
    assert!(this.state().journals.unfinished().is_none());
    // Once the other is gone (its hold with it), the exam is offered.
    drop(other);
    let (log, _) = store.pack(&pack.meta.id);
    let mut later = Progress::new(log);
    let (settled, _) = later.settle_exams(&pack, now);
    assert!(settled.is_empty());
    assert_eq!(later.state().journals.unfinished().unwrap().id, "live");
    // A pack changed since: the exam cannot be rebuilt and is dropped.
    let mut changed = pack.clone();
    changed.topics.truncate(1);
    let (settled, _) = later.settle_exams(&changed, now);
    assert_eq!(settled, [Settled::Dropped]);
    assert!(later.state().journals.unfinished().is_none());
}
