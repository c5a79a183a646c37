//! End-to-end: the real binary in a pseudo-terminal, its screen read with vt100.

use crate::common;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use common::Session;

const DOWN: &[u8] = b"j";
const ENTER: &[u8] = b"\r";
const ESC: &[u8] = b"\x1b";

#[test]
fn opens_pasal_3_shows_goal_f_and_quits_cleanly() {
    // Tall enough for the whole entry with its notes, so G shows goal f.
    let mut kisi = Session::start(&[], 100, 60);
    kisi.wait_for("Jelajahi materi");
    assert!(kisi.in_alternate_screen());
    kisi.keys(ENTER);
    kisi.wait_for("UU 11/2009: pengertian");
    kisi.keys(DOWN);
    kisi.keys(DOWN);
    kisi.keys(ENTER);
    kisi.wait_for("Pasal 3");
    for _ in 0..4 {
        kisi.keys(DOWN);
    }
    kisi.keys(ENTER);
    kisi.wait_for("Penyelenggaraan kesejahteraan sosial bertujuan");
    kisi.keys(b"G");
    kisi.wait_for("f. meningkatkan kualitas manajemen");
    kisi.keys(ESC);
    kisi.wait_for("Pasal 2");
    kisi.keys(ESC);
    kisi.keys(ESC);
    kisi.wait_for("Jelajahi materi");
    kisi.keys(b"q");
    let status = kisi.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(!kisi.in_alternate_screen(), "alternate screen not left");
    // Mouse capture was turned off again.
    assert!(kisi.raw_output().contains("\x1b[?1000l"));
}

#[test]
fn ctrl_c_quits_from_deep_inside() {
    let mut kisi = Session::start(&[], 60, 18);
    kisi.wait_for("Jelajahi materi");
    kisi.keys(ENTER);
    kisi.keys(ENTER);
    kisi.keys(b"\x03");
    let status = kisi.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(!kisi.in_alternate_screen());
}

#[test]
fn broken_pack_is_reported_before_full_screen_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pack.toml",
        "[pack]\nid = \"x\"\ntitle = \"X\"\n",
    );
    write(
        dir.path(),
        "01-a.toml",
        "[topic]\nid = \"a\"\ntitel = \"A\"\n",
    );
    let mut kisi = Session::start(&["--content", dir.path().to_str().unwrap()], 80, 24);
    let status = kisi.wait_exit();
    assert!(!status.success());
    let output = kisi.raw_output();
    assert!(!output.contains("\x1b[?1049h"), "switched to full screen");
    assert!(output.contains("01-a.toml:3:1"), "{output}");
    assert!(output.contains("titel"), "{output}");
}

#[test]
fn english_interface_on_request() {
    let mut kisi = Session::start(&["--lang", "en"], 80, 24);
    kisi.wait_for("Browse the material");
    kisi.keys(b"?");
    kisi.wait_for("Help");
    kisi.keys(ESC);
    kisi.keys(b"q");
    assert!(kisi.wait_exit().success());
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A terminal closed under kisi (a laptop lid, a dropped SSH link, a killed
/// tmux) must end it. crossterm's default reader once spun forever at full
/// CPU on such a terminal.
#[test]
fn kisi_leaves_when_its_terminal_goes_away() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;

    let data = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_kisi"));
    command.args(["--data-dir", data.path().to_str().unwrap(), "--lang", "id"]);
    command.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (drawn, menu) = std::sync::mpsc::channel();
    // Reads until the menu is drawn, then drops its end of the terminal.
    std::thread::spawn(move || {
        let (mut seen, mut buf) = (Vec::new(), [0u8; 4096]);
        while let Ok(n) = reader.read(&mut buf) {
            seen.extend_from_slice(&buf[..n]);
            if n == 0 || String::from_utf8_lossy(&seen).contains("Jelajahi") {
                break;
            }
        }
        let _ = drawn.send(());
    });
    menu.recv_timeout(Duration::from_secs(20))
        .expect("the menu was never drawn");
    drop(pty.master);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().ok();
    panic!("kisi kept running after its terminal was closed");
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut kisi = Session::start(&[], 80, 24);
    kisi.wait_for("Jelajahi materi");
    kisi.signal("TERM");
    kisi.wait_exit();
    assert!(!kisi.in_alternate_screen(), "alternate screen not left");
}

/// Issue 15 #18: an abort (what an allocation failure ends in) or SIGKILL
/// runs no code of kisi's; the guard process restores the terminal.
#[test]
fn an_abort_or_a_kill_leaves_the_terminal_restored() {
    for signal in ["ABRT", "KILL"] {
        let mut kisi = Session::start(&[], 80, 24);
        kisi.wait_for("Jelajahi materi");
        assert!(kisi.in_alternate_screen());
        kisi.signal(signal);
        kisi.wait_exit();
        let start = std::time::Instant::now();
        while kisi.in_alternate_screen() && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            !kisi.in_alternate_screen(),
            "{signal}: alternate screen not left"
        );
        // Mouse reporting was turned off after it was turned on.
        let raw = kisi.raw_output();
        let (on, off) = (raw.rfind("\x1b[?1000h"), raw.rfind("\x1b[?1000l"));
        assert!(
            on.is_some() && off > on,
            "{signal}: mouse reporting left on"
        );
    }
}

/// Starts of escape sequences and of a UTF-8 character that never finish:
/// `ESC [` (what Alt+[ sends), `ESC O`, a mouse report cut short, half of
/// "…". The input reader waits for the rest of each.
const CUT_SEQUENCES: [&[u8]; 5] = [b"\x1b[", b"\x1bO", b"\x1b[<0;12", b"\x1b[1;", b"\xe2\x80"];

/// What issue 15 asks: kisi gone within 200 ms of Ctrl-C or the signal,
/// after cut sequences. Measured from outside (from just before the key is
/// written or `kill` is run, to the process reaped, polled every 2 ms), so
/// it includes kisi's restoring the terminal and its exit, and for a
/// signal the start of `kill` itself. One round on a loaded
/// 2-core CI machine can be descheduled for longer than that, so the
/// bound holds for the median of the rounds (one per cut sequence),
/// which a slow exit in most rounds still fails; any single round over
/// [`HANG_BOUND`] is a hang, the 30 s failure of old.
const QUIT_BOUND: Duration = Duration::from_millis(200);
const HANG_BOUND: Duration = Duration::from_secs(2);

/// A key storm of cut sequences, each followed by `then`, the way out:
/// kisi must be gone soon after, with the terminal restored.
fn storm_then(then: impl Fn(&mut Session)) {
    let mut times = Vec::new();
    for cut in CUT_SEQUENCES {
        let mut kisi = Session::start(&[], 80, 24);
        kisi.wait_for("Jelajahi materi");
        kisi.keys(ENTER);
        kisi.wait_for("UU 11/2009: pengertian");
        kisi.keys(cut);
        // The cut sequence read and held by the input reader.
        std::thread::sleep(Duration::from_millis(50));
        let sent = Instant::now();
        then(&mut kisi);
        let (status, took) = kisi.wait_exit_since(sent);
        assert!(took < HANG_BOUND, "{cut:?}: took {took:?} to quit");
        times.push(took);
        assert!(status.success(), "{cut:?}: exit status {status:?}");
        assert!(
            !kisi.in_alternate_screen(),
            "{cut:?}: alternate screen not left"
        );
        assert!(
            kisi.raw_output().contains("\x1b[?1000l"),
            "{cut:?}: mouse left on"
        );
    }
    times.sort();
    let median = times[times.len() / 2];
    eprintln!("quit after a cut sequence: {times:?}");
    assert!(median <= QUIT_BOUND, "median {median:?} of {times:?}");
}

#[test]
fn ctrl_c_quits_after_a_cut_escape_sequence() {
    storm_then(|kisi| kisi.keys(b"\x03"));
}

#[test]
fn sigterm_and_sighup_quit_after_a_cut_escape_sequence() {
    storm_then(|kisi| kisi.signal("TERM"));
    storm_then(|kisi| kisi.signal("HUP"));
}

/// A pack of `entries` entries in one topic, written to a new folder.
fn big_pack(entries: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pack.toml",
        &common::files::MANIFEST.replace("test-pack", "big-pack"),
    );
    let mut topic = String::from("[topic]\nid = \"a\"\ntitle = \"A\"\n");
    for n in 0..entries {
        write!(
            topic,
            "\n[[entries]]\nid = \"e{n}\"\ntitle = \"Istilah {n}\"\n\
             body = \"Penjelasan singkat tentang istilah nomor {n}.\"\nsource = \"book\"\n"
        )
        .unwrap();
    }
    write(dir.path(), "01-a.toml", &topic);
    dir
}

/// Starting a review or a mock exam on a big pack draws its questions off
/// the UI thread: whatever that costs (over 20 s for this review in a
/// debug build, before generation was bounded), Ctrl-C (or Esc, then q)
/// still quits at once.
#[test]
fn a_review_or_exam_on_a_big_pack_stays_quittable() {
    let pack = big_pack(3_000);
    let data = tempfile::tempdir().unwrap();
    let args = [
        "--content",
        pack.path().to_str().unwrap(),
        "--data-dir",
        data.path().to_str().unwrap(),
    ];
    // Ulangan and Ujian are the third and fifth on Home's menu.
    let ctrl_c: &[&[u8]] = &[b"\x03"];
    let esc_q: &[&[u8]] = &[ESC, b"q"];
    for (downs, way_out) in [(2, ctrl_c), (4, ctrl_c), (2, esc_q)] {
        let mut kisi = Session::start(&args, 80, 24);
        kisi.wait_for("Jelajahi materi");
        kisi.keys(&DOWN.repeat(downs));
        kisi.keys(ENTER);
        let start = Instant::now();
        for keys in way_out {
            kisi.keys(keys);
        }
        let (status, took) = kisi.wait_exit_since(start);
        // Quittable while the questions are drawn; the 200 ms of a quit
        // is `storm_then`'s (here Esc first goes back to Home).
        assert!(took < HANG_BOUND, "took {took:?} to quit");
        assert!(status.success(), "exit status {status:?}");
        assert!(!kisi.in_alternate_screen(), "alternate screen not left");
    }
}

#[test]
fn search_finds_a_half_remembered_word_and_opens_the_entry() {
    let mut kisi = Session::start(&[], 80, 24);
    kisi.wait_for("Jelajahi materi");
    kisi.keys(b"/");
    kisi.wait_for("Cari:");
    kisi.keys(b"ketahnan");
    // Results lag behind the query while a search runs ("… · mencari…"): Enter
    // on the results of a shorter query (none, on a loaded machine) opens
    // nothing. So wait for the whole query, then for its results.
    kisi.wait_for("Cari: ketahnan");
    let start = std::time::Instant::now();
    while start.elapsed().as_secs() < 20 {
        let screen = kisi.contents();
        if screen.contains("judul: Ketahanan sosial") && !screen.contains("mencari…") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    kisi.keys(ENTER);
    kisi.wait_for("Ketahanan sosial");
    kisi.wait_for("Sumber");
    kisi.keys(ESC);
    kisi.wait_for("Cari: ketahnan");
    kisi.keys(ESC);
    kisi.keys(b"q");
    assert!(kisi.wait_exit().success());
}

#[test]
fn a_short_seeded_quiz_runs_to_the_results() {
    let mut kisi = Session::start(
        &[
            "quiz",
            "--seed",
            "5",
            "--count",
            "3",
            "--kind",
            "true-false",
        ],
        80,
        24,
    );
    kisi.wait_for("Pengaturan kuis");
    kisi.keys(ENTER);
    for number in 1..=3 {
        kisi.wait_for(&format!("{number}/3"));
        kisi.keys(b"b");
        kisi.keys(ENTER);
        kisi.wait_for("lanjut");
        kisi.keys(ENTER);
    }
    kisi.wait_for("Hasil kuis");
    kisi.wait_for("Skor:");
    kisi.keys(ESC);
    kisi.wait_for("Pengaturan kuis");
    kisi.keys(ESC);
    kisi.wait_for("Jelajahi materi");
    kisi.keys(b"q");
    assert!(kisi.wait_exit().success());
}

#[test]
fn progress_survives_a_restart_with_the_same_data_dir() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let args = [
        "--data-dir",
        data_dir,
        "quiz",
        "--seed",
        "2",
        "--count",
        "2",
        "--kind",
        "flashcard",
    ];
    let mut kisi = Session::start(&args, 80, 24);
    kisi.wait_for("Pengaturan kuis");
    kisi.keys(ENTER);
    for number in 1..=2 {
        kisi.wait_for(&format!("{number}/2"));
        kisi.keys(b" ");
        kisi.wait_for("y = ya");
        kisi.keys(b"y");
    }
    kisi.wait_for("Hasil kuis");
    kisi.keys(ESC);
    kisi.keys(ESC);
    kisi.wait_for("2/278 kartu dipelajari · 0 jatuh tempo hari ini");
    kisi.keys(b"q");
    assert!(kisi.wait_exit().success());

    let mut again = Session::start(&["--data-dir", data_dir], 80, 24);
    again.wait_for("2/278 kartu dipelajari · 0 jatuh tempo hari ini");
    again.keys(b"q");
    assert!(again.wait_exit().success());
}
