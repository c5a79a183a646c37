//! Joining a live class quiz from Home's form: a real host on loopback
//! and a student's full-screen kisi in a pseudo-terminal who opens the
//! form, types a wrong code (said in the form, which keeps what was
//! typed), fixes it, answers every question and sees the end, with what
//! was missed due at once in their own review; the form drawn on a test
//! backend in each of its states, in both languages at 80x24 and 40x12;
//! and where the event loop records what was missed.

use std::path::Path;
use std::time::{Duration, Instant};

use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::{Day, PackLog, Progress, Store};
use kisi_core::room::StudentId;
use kisi_live::ConnectError;
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::effect::Effect;
use kisi_tui::live_room::student::{Kept, connect_message};
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::theme::Theme;

use super::{lecturer, missed_in_room, missed_in_store};
use crate::common::Session;
use crate::common::screen::draw;

/// Long enough for a host and a client sharing two busy cores.
const PATIENCE: Duration = Duration::from_secs(60);

/// The keys that bring Home's cursor to the join entry, from the top.
fn to_join_entry() -> Vec<u8> {
    let at = MENU.iter().position(|m| *m == MenuItem::Join).unwrap();
    b"\x1b[B".repeat(at)
}

/// The items due in review today in a student's own store.
fn due_today(data: &Path, pack: &str) -> Vec<String> {
    let (store, _) = Store::open(Some(data));
    let (log, _) = store.pack(pack);
    let mut due = Progress::new(log).due_items(&builtin_pack().unwrap(), Day::today(), None);
    due.sort();
    due
}

#[test]
fn a_student_joins_from_homes_form_answers_and_sees_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("host").join("results.csv");
    let (addr, code, stop) = lecturer(1, csv.clone());
    let data = dir.path().join("student");
    let mut kisi = Session::start(
        &["--lang", "en", "--data-dir", data.to_str().unwrap()],
        80,
        24,
    );
    kisi.wait_for("Join a class quiz");
    kisi.keys(&to_join_entry());
    kisi.keys(b"\r");
    kisi.wait_for("Lecturer's address");
    // A code of the right shape, but not this room's.
    let wrong = if code == "ABCDEF" { "ABCDEG" } else { "ABCDEF" };
    kisi.keys(format!("{addr}\t{}\tAni\r", wrong.to_lowercase()).as_bytes());
    kisi.wait_for_within("Wrong room code", PATIENCE);
    let screen = kisi.contents();
    assert!(screen.contains(&addr.to_string()), "{screen}");
    assert!(screen.contains(wrong) && screen.contains("Ani"), "{screen}");
    // The code is in focus: cleared and typed again, then Enter.
    kisi.keys(b"\x15");
    kisi.keys(format!("{code}\r").as_bytes());
    for q in 1..=5 {
        let asked = format!("Question {q} of 5");
        kisi.wait_for_within(&asked, PATIENCE);
        kisi.keys(b"1\r");
        let start = Instant::now();
        while {
            let screen = kisi.contents();
            !screen.contains("Sent.") && screen.contains(&asked)
        } {
            assert!(start.elapsed() < PATIENCE, "never taken");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    kisi.wait_for_within("Your score:", PATIENCE);
    let (reply, room_rx) = std::sync::mpsc::channel();
    stop.send(reply).unwrap();
    let (room, log) = room_rx.recv_timeout(PATIENCE).unwrap();
    assert_eq!(room.students().len(), 1);
    assert_eq!(room.score_of(StudentId(0)).2, 5, "all five answered");
    assert!(
        log.iter().any(|line| line.contains("Wrong room code")),
        "{log:?}"
    );
    let missed = missed_in_room(&room, StudentId(0));
    assert!(!missed.is_empty(), "option 1 every time misses something");
    kisi.wait_for("missed items are now in your review");
    let pack = room.pack().id.clone();
    assert_eq!(missed_in_store(&data, &pack), missed);
    assert_eq!(due_today(&data, &pack), missed, "due tonight, not tomorrow");
    // Back Home, which counts them due today; the name is kept for next time.
    kisi.keys(b"\x1b");
    kisi.wait_for(&format!("{} due today", missed.len()));
    assert_eq!(Kept::open(Some(&data)).name().as_deref(), Some("Ani"));
    kisi.keys(b"q");
    assert!(kisi.wait_exit().success());
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 5, "{text}");
}

/// Home with the join form open, the name kept from last time in `data`.
fn form_app(lang: Lang, data: &Path) -> App {
    let mut app = App::new(builtin_pack().unwrap(), lang, Theme::mono());
    app.env.library.data_dir = Some(data.to_path_buf());
    let at = MENU.iter().position(|m| *m == MenuItem::Join).unwrap();
    for _ in 0..at {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let mut progress = Progress::new(PackLog::in_memory("pekerjaan-sosial"));
    kisi_tui::carry_out_effects(&mut app, &mut progress);
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn snapshots(app: &mut App, state: &str, lang: Lang) {
    for (width, height) in [(80, 24), (40, 12)] {
        let name = format!("join_form_{state}_{lang:?}_{width}x{height}").to_lowercase();
        insta::assert_snapshot!(name, draw(app, width, height));
    }
}

#[test]
fn the_form_empty_filled_with_an_error_and_connecting_80x24_and_40x12() {
    for lang in [Lang::Id, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = form_app(lang, dir.path());
        assert!(matches!(app.stack.screen, Screen::JoinForm(_)));
        snapshots(&mut app, "empty", lang);
        // The name kept from last time fills its field.
        Kept::open(Some(dir.path())).keep_name("Ani");
        let mut app = form_app(lang, dir.path());
        typed(&mut app, "10.1.2.3");
        app.update(Action::NextItem);
        typed(&mut app, "k7xq2p");
        snapshots(&mut app, "filled", lang);
        app.update(Action::Open);
        assert!(
            matches!(app.effects.as_slice(), [Effect::JoinRoom(_)]),
            "{:?}",
            app.effects
        );
        snapshots(&mut app, "connecting", lang);
        // The loop starts the attempt, and the host is not there.
        let attempt = app.join_started().unwrap();
        let said = connect_message(
            &ConnectError::Unreachable(std::io::ErrorKind::TimedOut.into()),
            "10.1.2.3:7878",
            lang.room_words(),
        );
        app.join_connected(attempt, Err(said));
        let screen = draw(&mut app, 80, 24);
        assert!(screen.contains("firewall"), "{screen}");
        assert!(
            screen.contains("K7XQ2P") && screen.contains("Ani"),
            "{screen}"
        );
        snapshots(&mut app, "error", lang);
        app.update(Action::Back);
        assert!(matches!(app.stack.screen, Screen::Home(_)));
    }
}

#[test]
fn what_was_missed_goes_to_the_open_progress_or_to_the_rooms_pack_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(builtin_pack().unwrap(), Lang::En, Theme::mono());
    app.env.library.data_dir = Some(dir.path().to_path_buf());
    let open = app.env.pack.meta.id.clone();
    let (store, _) = Store::open(Some(dir.path()));
    let mut progress = Progress::new(store.pack(&open).0);
    let item = app.env.pack.topics[0].entries[0].id.to_string();
    app.effects.push(Effect::RecordMissed {
        pack_id: open.clone(),
        title: "Pekerjaan Sosial".to_owned(),
        missed: vec![item.clone()],
    });
    app.effects.push(Effect::RecordMissed {
        pack_id: "networking".to_owned(),
        title: "Networking".to_owned(),
        missed: vec!["subnet".to_owned(), "vlan".to_owned()],
    });
    kisi_tui::carry_out_effects(&mut app, &mut progress);
    // The open pack's: in the progress the loop holds, due today, shown.
    let today = Day::today();
    assert_eq!(
        progress.due_items(&app.env.pack, today, None),
        vec![item.clone()]
    );
    assert_eq!(app.env.progress.items[&item].due, today);
    // Another pack's: in its own log in the store.
    let (log, _) = store.pack("networking");
    let other = Progress::new(log);
    assert_eq!(other.state().items.len(), 2);
    assert!(other.state().items.values().all(|i| i.due == today));
    assert_eq!(missed_in_store(dir.path(), &open), vec![item]);
}

/// `kisi join` without `--name` asks for one and keeps it: the next join
/// (here, to the room that is over by then) does not ask again.
#[test]
fn kisi_join_asks_for_a_name_once_and_keeps_it() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let (addr, code, stop) = lecturer(1, dir.path().join("results.csv"));
    let data = dir.path().join("student");
    let run = |input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kisi"))
            .args(["--lang", "en", "--data-dir"])
            .arg(&data)
            .args(["join", &addr.to_string(), &code, "--plain"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .as_mut()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        super::wait_output(child)
    };
    let (ok, first) = run("Ani\na\na\na\na\na\n");
    assert!(ok, "{first}");
    assert!(
        first.contains("Your name: ") && first.contains("Your score:"),
        "{first}"
    );
    assert_eq!(Kept::open(Some(&data)).name().as_deref(), Some("Ani"));
    let (_, second) = run("");
    assert!(!second.contains("Your name:"), "{second}");
    assert!(second.contains("This room's quiz is over."), "{second}");
    let (reply, room_rx) = std::sync::mpsc::channel();
    stop.send(reply).unwrap();
    let (room, _) = room_rx.recv_timeout(PATIENCE).unwrap();
    assert_eq!(room.students()[0].name, "Ani");
}
