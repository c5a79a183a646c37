//! Shared by the tests: a running kisi in a pseudo-terminal for the
//! end-to-end tests, hand-built packs for the domain tests (`model`) and pack
//! files as text for the loader tests (`files`), and drawing the app on a test
//! backend (`screen`) with the fixture pack made for it (`fixture`).
//! Each test file uses only part of it.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

pub mod fairness;
pub mod files;
pub mod fixture;
pub mod model;
pub mod screen;

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A running kisi in a pseudo-terminal and the screen it has drawn so far.
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
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
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Self {
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

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`, failing with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        self.wait_for_within(text, TIMEOUT);
    }

    /// [`Session::wait_for`] with a timeout of its own, for what waits on
    /// other processes (a live room) on a loaded machine.
    pub fn wait_for_within(&self, text: &str, timeout: Duration) {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.contents());
    }

    pub fn keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        // Give the app a moment to handle each batch, like a person would.
        // A lone Esc gets longer: a terminal sends Alt+key as Esc and the key
        // in one read, so an Esc still unread when the next key arrives
        // becomes Alt+key (seen on a loaded machine: Esc, q read as Alt-q).
        let pause = if bytes == b"\x1b" { 300 } else { 60 };
        thread::sleep(Duration::from_millis(pause));
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        self.wait_exit_since(Instant::now()).0
    }

    /// [`Self::wait_exit`], with the time from `since` to the program
    /// being gone (polled every 2 ms, before the wait for the reader to
    /// drain).
    pub fn wait_exit_since(&mut self, since: Instant) -> (portable_pty::ExitStatus, Duration) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().unwrap() {
                let took = since.elapsed();
                // Let the reader drain what the program wrote last.
                thread::sleep(Duration::from_millis(100));
                return (status, took);
            }
            thread::sleep(Duration::from_millis(2));
        }
        self.child.kill().ok();
        panic!("kisi did not exit; the screen:\n{}", self.contents());
    }

    /// Sends kisi a signal (`"TERM"`, `"HUP"`...), as `kill` would.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().unwrap();
        let killed = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
    }

    pub fn in_alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    pub fn raw_output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }
}
