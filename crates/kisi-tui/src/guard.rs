//! A guard for the terminal when kisi cannot restore it itself: an abort
//! (an allocation failure ends the process with SIGABRT, running no code of
//! ours) or SIGKILL would leave the terminal raw, in the alternate screen,
//! with mouse reporting on. Before the TUI makes the terminal raw it starts
//! a copy of itself as a guard, which reads the terminal's settings and
//! waits on a pipe. A clean exit tells it "ok"; if the pipe closes without
//! that, kisi died, and the guard restores the terminal and ends.
//!
//! Safe Rust cannot run code on SIGABRT (a handler needs `unsafe`), and a
//! thread dies with the process; another process is what outlives it.

use std::io::{self, BufRead, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitCode, Stdio};

use crossterm::cursor::Show;
use crossterm::event::DisableMouseCapture;
use crossterm::execute;
use crossterm::terminal::LeaveAlternateScreen;
use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};

/// Set in the guard's environment: the process is a guard, not kisi.
pub const GUARD_ENV: &str = "KISI_TERMINAL_GUARD";

/// The running guard; [`Guard::disarm`] on a clean exit.
pub struct Guard {
    child: Child,
    pipe: ChildStdin,
}

/// Starts the guard and waits until it has read the terminal's settings,
/// so that it restores the ones from before raw mode. `None` when it
/// cannot start: kisi runs unguarded, as it did before.
pub fn spawn() -> Option<Guard> {
    let exe = std::env::current_exe().ok()?;
    let mut child = Command::new(exe)
        .env(GUARD_ENV, "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let mut ready = [0u8; 1];
    let read = child.stderr.take().map(|mut e| e.read_exact(&mut ready));
    let pipe = child.stdin.take();
    match (read, pipe) {
        (Some(Ok(())), Some(pipe)) if ready == *b"r" => Some(Guard { child, pipe }),
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            None
        }
    }
}

impl Guard {
    /// kisi restored the terminal itself: the guard ends without touching it.
    pub fn disarm(mut self) {
        let _ = self.pipe.write_all(b"ok\n");
        drop(self.pipe);
        let _ = self.child.wait();
    }
}

/// In the guard process (its environment has [`GUARD_ENV`]): guards and
/// returns the exit code; `None` in kisi itself.
pub fn run_if_guard() -> Option<ExitCode> {
    std::env::var_os(GUARD_ENV)?;
    // Ctrl-C reaches the whole foreground group, and so does the SIGHUP
    // sent when kisi, leading its session, dies: the guard must outlive
    // kisi to hear from it or see it gone. It ends with the pipe anyway.
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGHUP] {
        let heard = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal, heard);
    }
    let terminal = io::stdout();
    let saved = tcgetattr(&terminal).ok();
    // The settings are read: kisi may make the terminal raw now.
    let _ = io::stderr().write_all(b"r");
    let mut word = String::new();
    let _ = io::stdin().lock().read_line(&mut word);
    if word.trim_end() == "ok" {
        return Some(ExitCode::SUCCESS);
    }
    // kisi ended without a word: the terminal is as it left it.
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    if let Some(saved) = saved {
        let _ = tcsetattr(&terminal, OptionalActions::Now, &saved);
    }
    Some(ExitCode::SUCCESS)
}
