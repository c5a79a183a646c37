//! The event loop's one inbox. Everything that can happen to the TUI is a
//! `Msg`, sent over one channel by a source on a thread of its own: the
//! terminal's input, the search worker, the draws of questions, a ticker
//! and the signal handler. A new source (the network of a live class quiz)
//! is one more sender, not a change to the loop.

use std::io::{self, IsTerminal};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use kisi_core::search::Results;

use super::app::Screen;

/// How often the ticker wakes the loop, for countdowns.
pub const TICK: Duration = Duration::from_millis(100);

/// How long the input thread waits for input before it checks again that
/// the terminal is still there and the loop still listens.
const INPUT_POLL: Duration = Duration::from_millis(100);

/// Something that happened, for the event loop.
#[derive(Debug)]
pub enum Msg {
    /// A key, mouse or resize event from the terminal.
    Terminal(Event),
    /// The terminal cannot be read any more (closed, hung up).
    InputClosed(io::Error),
    /// The results of a search the search screen asked for.
    Searched { query: String, results: Results },
    /// The questions of draw `id` are ready: the screen that asks them, or
    /// `None` when there is nothing to ask.
    Drawn {
        id: u64,
        screen: Option<Box<Screen>>,
    },
    /// What the network of a live class quiz's room did.
    Live(kisi_live::NetEvent),
    /// What the room of a live class quiz said to this student, on the
    /// connection of join `attempt` (`kisi join`'s is 0; Home's form counts
    /// from 1, so a connection given up cannot speak for a later one).
    Student {
        attempt: u64,
        event: kisi_live::ClientEvent,
    },
    /// The connection of Home's join form `attempt`, or why there is none.
    Connected {
        attempt: u64,
        result: Result<crate::screens::Shared<kisi_live::StudentClient>, String>,
    },
    /// The packs of the library, for the chooser.
    Packs(Vec<crate::library::Choice>),
    /// The pack the chooser opened, or why it could not be.
    PackOpened(Box<Result<crate::library::Opened, String>>),
    /// Time has passed.
    Tick,
    /// A termination signal (SIGTERM, SIGHUP, SIGINT) arrived: quit.
    Signal(i32),
}

/// The channel every source sends to and the loop reads.
pub struct Inbox {
    sender: Sender<Msg>,
    receiver: Receiver<Msg>,
}

impl Default for Inbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Inbox {
    pub fn new() -> Self {
        let (sender, receiver) = mpsc::channel();
        Self { sender, receiver }
    }

    /// A sender for one more source.
    pub fn sender(&self) -> Sender<Msg> {
        self.sender.clone()
    }

    /// The next message, waiting for one. The inbox holds a sender itself,
    /// so the channel is never found closed.
    pub fn recv(&self) -> Msg {
        self.receiver
            .recv()
            .unwrap_or_else(|_| Msg::InputClosed(io::Error::other("the inbox was closed")))
    }

    /// A message already waiting, if any.
    pub fn try_recv(&self) -> Option<Msg> {
        self.receiver.try_recv().ok()
    }
}

/// Reads the terminal on a thread of its own, so that whatever the reader
/// is doing (waiting for the rest of an escape sequence, say) the loop
/// still hears from the other sources.
pub fn spawn_terminal_input(inbox: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            // A terminal that hung up without a SIGHUP reaching us (we are
            // not its controlling process) stops being a terminal: say so
            // instead of polling a closed line forever.
            if !io::stdin().is_terminal() {
                let _ = inbox.send(Msg::InputClosed(io::Error::other(
                    "the terminal was closed",
                )));
                return;
            }
            let message = match event::poll(INPUT_POLL) {
                Ok(false) => continue,
                Ok(true) => match event::read() {
                    Ok(event) => Msg::Terminal(event),
                    Err(error) => Msg::InputClosed(error),
                },
                Err(error) => Msg::InputClosed(error),
            };
            let closed = matches!(message, Msg::InputClosed(_));
            if inbox.send(message).is_err() || closed {
                return;
            }
        }
    });
}

/// Sends a `Tick` every `TICK` until the loop stops listening.
pub fn spawn_ticker(inbox: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            thread::sleep(TICK);
            if inbox.send(Msg::Tick).is_err() {
                return;
            }
        }
    });
}

/// Turns SIGTERM, SIGHUP and SIGINT into messages, from a thread that does
/// nothing else, so they are heard at once whatever the rest is doing.
///
/// # Errors
/// When the handlers cannot be installed.
pub fn spawn_signals(inbox: Sender<Msg>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if inbox.send(Msg::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}
