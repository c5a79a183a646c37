//! The terminal UI: a thin layer over the domain in the Elm shape.
//!
//! `App` holds all state; terminal events become `Action`s through the
//! per-mode keymap in `action`; `App::update` applies them; `view` draws.
//! This module owns the terminal: it sets it up and always restores it, on
//! quit, on error, on panic, on Ctrl-C and on SIGTERM/SIGHUP.

pub mod action;
pub mod answer;
pub mod app;
pub mod cursor;
pub mod effect;
pub mod keymap;
pub mod screens;
pub mod search_worker;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::Backend;

use action::{Action, map_event};
use app::App;
use effect::Effect;
use search_worker::SearchWorker;

use kisi_core::progress::{Progress, Timestamp};

/// How often the loop wakes without input, to notice a termination signal.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
const SEARCH_POLL_INTERVAL: Duration = Duration::from_millis(5);

/// Runs the TUI on the real terminal until the user quits.
///
/// # Errors
/// When the terminal cannot be set up, read or drawn to.
pub fn run(mut app: App, progress: &mut Progress) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    install_panic_hook();
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture).and_then(|()| {
        let mut worker = SearchWorker::spawn(Arc::clone(&app.pack));
        event_loop(
            &mut terminal,
            &mut app,
            &mut worker,
            progress,
            &stop,
            |timeout| {
                // A terminal that hung up without a SIGHUP reaching us (we
                // are not its controlling process) stops being a terminal:
                // leave then, instead of polling a closed line forever.
                if !io::stdin().is_terminal() {
                    return Err(io::Error::other("the terminal was closed"));
                }
                if event::poll(timeout)? {
                    event::read().map(Some)
                } else {
                    Ok(None)
                }
            },
        )
    });
    restore();
    result
}

/// Draws, waits for an event, updates; until the app quits or `stop` is set.
/// Generic over the backend so tests can drive it on a `TestBackend`.
///
/// # Errors
/// When reading an event or drawing fails.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    worker: &mut SearchWorker,
    progress: &mut Progress,
    stop: &AtomicBool,
    mut next_event: impl FnMut(Duration) -> io::Result<Option<Event>>,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize(size.width, size.height));
    let mut last_tick = Instant::now();
    loop {
        terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))
            .map_err(io::Error::other)?;
        if app.should_quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        while let Some((query, results)) = worker.try_recv() {
            app.show_search_results(query, results);
        }
        if let Some(query) = app.pending_search() {
            worker.request(query);
        }
        // While a search runs, look back soon for its results.
        let timeout = if app.pending_search().is_some() {
            SEARCH_POLL_INTERVAL
        } else {
            POLL_INTERVAL
        };
        if let Some(event) = next_event(timeout)?
            && let Some(action) = map_event(app.mode(), &event)
        {
            app.update(action);
        }
        carry_out_effects(app, progress);
        let now = Instant::now();
        if app.wants_ticks() {
            app.update(Action::Tick(now - last_tick));
        }
        last_tick = now;
    }
}

/// Saves what `update` asked to save, then shows the new state of progress
/// (and any problem saving it).
pub fn carry_out_effects(app: &mut App, progress: &mut Progress) {
    if app.effects.is_empty() {
        return;
    }
    for effect in std::mem::take(&mut app.effects) {
        let at = Timestamp::now();
        let warning = match effect {
            Effect::RecordAnswer {
                question,
                outcome,
                quick,
            } => progress.record_answer(&app.pack, &question, &outcome, quick, at),
            Effect::RecordExam(result) => progress.record_exam(result, at),
        };
        if let Some(warning) = warning {
            app.warnings.push(warning.message(app.lang));
        }
    }
    app.progress = progress.state().clone();
}

fn restore() {
    // Best effort: the terminal may already be gone (e.g. on SIGHUP).
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// ratatui's own hook (installed by `try_init`) restores raw mode and the
/// alternate screen; this one also turns mouse capture off first.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}
