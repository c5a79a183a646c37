//! End-to-end: the real binary in a pseudo-terminal, its screen read with vt100.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A running kisi in a pseudo-terminal and the screen it has drawn so far.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    output: Arc<Mutex<Vec<u8>>>,
}

/// A test that fails half-way must not leave kisi running.
impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_kisi"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("LANG", "id_ID.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("NO_COLOR");
        command.cwd(std::env::temp_dir());
        let child = pty.slave.spawn_command(command).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
            0,
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let (parser, raw) = (Arc::clone(&screen), Arc::clone(&output));
        thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
                raw.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Self {
            child,
            writer,
            screen,
            output,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, failing with the screen if it never does.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.contents());
    }

    fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        // Give the app a moment to handle each batch, like a person would.
        thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain what the program wrote last.
                thread::sleep(Duration::from_millis(100));
                return status;
            }
            thread::sleep(Duration::from_millis(20));
        }
        self.child.kill().ok();
        panic!("kisi did not exit; the screen:\n{}", self.contents());
    }

    fn in_alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }
}

const DOWN: &[u8] = b"j";
const ENTER: &[u8] = b"\r";
const ESC: &[u8] = b"\x1b";

#[test]
fn opens_pasal_3_shows_goal_f_and_quits_cleanly() {
    let mut kisi = Session::start(&[], 80, 24);
    kisi.wait_for("Jelajahi materi");
    assert!(kisi.in_alternate_screen());
    kisi.keys(ENTER);
    kisi.wait_for("UU No. 11 Tahun 2009");
    kisi.keys(DOWN);
    kisi.keys(DOWN);
    kisi.keys(ENTER);
    kisi.wait_for("Pasal 3");
    kisi.keys(DOWN);
    kisi.keys(DOWN);
    kisi.keys(DOWN);
    kisi.keys(ENTER);
    kisi.wait_for("Penyelenggaraan kesejahteraan sosial bertujuan");
    kisi.keys(b"G");
    kisi.wait_for("f. ");
    kisi.wait_for("manajemen");
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

#[test]
fn sigterm_restores_the_terminal() {
    let mut kisi = Session::start(&[], 80, 24);
    kisi.wait_for("Jelajahi materi");
    let pid = kisi.child.process_id().unwrap();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    kisi.wait_exit();
    assert!(!kisi.in_alternate_screen(), "alternate screen not left");
}

#[test]
fn search_finds_a_half_remembered_word_and_opens_the_entry() {
    let mut kisi = Session::start(&[], 80, 24);
    kisi.wait_for("Jelajahi materi");
    kisi.keys(b"/");
    kisi.wait_for("Cari:");
    kisi.keys(b"ketahnan");
    kisi.wait_for("hasil");
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
    kisi.wait_for("2/108 dipelajari · 0 jatuh tempo hari ini");
    kisi.keys(b"q");
    assert!(kisi.wait_exit().success());

    let mut again = Session::start(&["--data-dir", data_dir], 80, 24);
    again.wait_for("2/108 dipelajari · 0 jatuh tempo hari ini");
    again.keys(b"q");
    assert!(again.wait_exit().success());
}
