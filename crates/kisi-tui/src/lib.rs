//! The terminal UI: a thin layer over the domain in the Elm shape.
//!
//! `App` holds all state; everything that happens arrives in one inbox as a
//! `Msg`; terminal events become `Action`s through the per-mode keymap in
//! `action`; `App::update` applies them; `view` draws. This module owns the
//! terminal: it sets it up and always restores it, on quit, on error, on
//! panic, on Ctrl-C and on SIGTERM/SIGHUP; on an abort or SIGKILL the
//! `guard` process does.

pub mod action;
pub mod answer;
pub mod app;
pub mod cursor;
pub mod draw;
pub mod effect;
pub mod guard;
pub mod inbox;
pub mod keymap;
pub mod library;
pub mod live_room;
pub mod screens;
pub mod search_worker;
pub mod start;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io;
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Instant;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::Backend;

use action::{Action, map_event, paste};
use app::App;
use effect::Effect;
use inbox::{Inbox, Msg};
use search_worker::SearchWorker;

pub use start::StartAt;

use kisi_core::cache::LazyIndex;
use kisi_core::progress::{Progress, Timestamp};

/// Runs the TUI on the real terminal until the user quits.
///
/// # Errors
/// When the terminal cannot be set up, read or drawn to.
pub fn run(app: App, progress: &mut Progress) -> io::Result<()> {
    run_with(app, progress, &Inbox::new())
}

/// [`run`] with an inbox that other sources already send to (the server
/// of a live class quiz).
///
/// # Errors
/// As [`run`].
pub fn run_with(mut app: App, progress: &mut Progress, inbox: &Inbox) -> io::Result<()> {
    app.settle_exams(progress);
    inbox::spawn_signals(inbox.sender())?;
    install_panic_hook();
    // Before raw mode: the guard keeps the settings to restore on an abort.
    let guard = guard::spawn();
    let mut terminal = ratatui::try_init()?;
    let result = execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| keep_ctrl_c_a_signal())
        .and_then(|()| {
            inbox::spawn_terminal_input(inbox.sender());
            inbox::spawn_ticker(inbox.sender());
            event_loop(&mut terminal, &mut app, progress, inbox)
        });
    restore();
    if let Some(guard) = guard {
        guard.disarm();
    }
    result
}

/// Raw mode turns Ctrl-C into a byte for the input reader, which can hold
/// it back for good behind the start of an escape sequence (`ESC [`, a cut
/// mouse report). Keep it a SIGINT, which the signal thread always hears;
/// Ctrl-\ and Ctrl-Z stay plain keys, as they would leave the terminal raw.
fn keep_ctrl_c_a_signal() -> io::Result<()> {
    use rustix::termios::{LocalModes, OptionalActions, SpecialCodeIndex, tcgetattr, tcsetattr};
    let stdin = io::stdin();
    let mut termios = tcgetattr(&stdin)?;
    termios.local_modes.insert(LocalModes::ISIG);
    // 0 is _POSIX_VDISABLE: no key sends these.
    termios.special_codes[SpecialCodeIndex::VQUIT] = 0;
    termios.special_codes[SpecialCodeIndex::VSUSP] = 0;
    tcsetattr(&stdin, OptionalActions::Now, &termios)?;
    Ok(())
}

/// Draws, waits for messages, handles them; until the app quits or a signal
/// arrives. Generic over the backend so tests can drive it on a
/// `TestBackend`, with the messages they put in `inbox`.
///
/// # Errors
/// When reading the terminal or drawing fails.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    progress: &mut Progress,
    inbox: &Inbox,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut searched = Arc::clone(&app.env.pack);
    let index = app.search_index.take().unwrap_or_default();
    let mut search = SearchWorker::spawn(Arc::clone(&searched), index, inbox.sender());
    app.draw_in_background = true;
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize(size.width, size.height));
    let mut last_tick = Instant::now();
    loop {
        terminal
            .draw(|frame| frame.render_widget(&*app, frame.area()))
            .map_err(io::Error::other)?;
        if app.should_quit {
            return Ok(());
        }
        // One message, waiting for it, then those that came meanwhile, so a
        // burst of keys costs one frame.
        let mut message = Some(inbox.recv());
        while let Some(next) = message {
            // What a closing app saves is saved even when the terminal is gone.
            let handled = handle(app, progress, next);
            carry_out(app, progress, Some(&inbox.sender()));
            handled?;
            let now = Instant::now();
            if app.wants_ticks() {
                app.update(Action::Tick(now - last_tick));
            }
            last_tick = now;
            if app.should_quit {
                break;
            }
            message = inbox.try_recv();
        }
        // Another pack was opened: search that one.
        if !Arc::ptr_eq(&searched, &app.env.pack) {
            searched = Arc::clone(&app.env.pack);
            // A pack opened from Home's chooser builds its index here.
            search =
                SearchWorker::spawn(Arc::clone(&searched), LazyIndex::default(), inbox.sender());
        }
        if let Some(query) = app.pending_search() {
            search.request(query);
        }
    }
}

/// Applies one message to the app.
fn handle(app: &mut App, progress: &mut Progress, message: Msg) -> io::Result<()> {
    match message {
        Msg::Terminal(crossterm::event::Event::Paste(text)) => {
            for action in paste(app.mode(), &text) {
                app.update(action);
            }
        }
        Msg::Terminal(event) => {
            if let Some(action) = map_event(app.mode(), &event) {
                app.update(action);
            }
        }
        Msg::InputClosed(error) => {
            app.update(Action::Quit);
            return Err(error);
        }
        Msg::Searched { query, results } => app.show_search_results(query, results),
        Msg::Drawn { id, screen } => app.show_drawn(id, screen.map(|s| *s)),
        // The tick itself is sent after every message.
        Msg::Live(event) => {
            if let app::Screen::Host(host) = &mut app.stack.screen {
                host.network(event);
            }
        }
        Msg::Student { attempt, event } => app.student_heard(attempt, event),
        Msg::Connected { attempt, result } => app.join_connected(attempt, result),
        Msg::Packs(list) => app.show_packs(list),
        Msg::PackOpened(result) => app.pack_opened(*result, progress),
        Msg::Tick => {}
        Msg::Signal(_) => app.update(Action::Quit),
    }
    Ok(())
}

/// Saves what `update` asked to save, then shows the new state of progress
/// (and any problem saving it). A draw of questions is built here and now;
/// the event loop builds them on threads instead.
pub fn carry_out_effects(app: &mut App, progress: &mut Progress) {
    carry_out(app, progress, None);
}

/// Carries out the effects `update` asked for; with an inbox, each draw is
/// built on a thread of its own whose result comes back there.
fn carry_out(app: &mut App, progress: &mut Progress, inbox: Option<&Sender<Msg>>) {
    let mut saved = false;
    for effect in std::mem::take(&mut app.effects) {
        let at = Timestamp::now();
        let warning = match effect {
            Effect::RecordAnswer {
                question,
                grade,
                quick,
            } => progress.record_answer(&app.env.pack, &question, &grade, quick, at),
            Effect::RecordExam(result) => progress.record_exam(result, at),
            Effect::ExamStep(step) => progress.record_exam_step(step, at),
            Effect::Draw { id, draw, seed } => {
                let (pack, lang) = (Arc::clone(&app.env.pack), app.env.lang);
                match inbox {
                    Some(inbox) => {
                        let inbox = inbox.clone();
                        thread::spawn(move || {
                            let screen = draw.build(&pack, seed, lang).map(Box::new);
                            // Gone only when the loop has ended: nobody waits.
                            let _ = inbox.send(Msg::Drawn { id, screen });
                        });
                    }
                    None => app.show_drawn(id, draw.build(&pack, seed, lang)),
                }
                continue;
            }
            Effect::ScanPacks => {
                let library = app.env.library.clone();
                match inbox {
                    Some(inbox) => {
                        let inbox = inbox.clone();
                        thread::spawn(move || {
                            let _ = inbox.send(Msg::Packs(library::choices(&library)));
                        });
                    }
                    None => app.show_packs(library::choices(&library)),
                }
                continue;
            }
            Effect::OpenPack(choice) => {
                let (library, lang) = (app.env.library.clone(), app.env.lang);
                match inbox {
                    Some(inbox) => {
                        let inbox = inbox.clone();
                        thread::spawn(move || {
                            let opened = library::open(&choice, &library, lang);
                            let _ = inbox.send(Msg::PackOpened(Box::new(opened)));
                        });
                    }
                    None => app.pack_opened(library::open(&choice, &library, lang), progress),
                }
                // The progress shown is the new pack's, set by `pack_opened`.
                continue;
            }
            Effect::OpenRoom => {
                // Binding is quick; the room's network then feeds the inbox.
                let env = &mut app.env;
                let opened = live_room::open(
                    &env.pack,
                    env.lang,
                    env.seeds.take(),
                    env.room_bind,
                    env.library.data_dir.as_deref(),
                    inbox.cloned(),
                );
                app.room_opened(opened);
                continue;
            }
            Effect::KeptName => {
                let kept = live_room::student::Kept::open(app.env.library.data_dir.as_deref());
                if let (Some(name), app::Screen::JoinForm(form)) =
                    (kept.name(), &mut app.stack.screen)
                {
                    form.kept_name(name);
                }
                continue;
            }
            Effect::JoinRoom(request) => {
                join_room(app, &request, inbox);
                continue;
            }
            Effect::RecordMissed {
                pack_id,
                title,
                missed,
            } => {
                record_missed(app, progress, &pack_id, &title, &missed);
                continue;
            }
        };
        saved = true;
        // A failure is said at once on the screen on show, until a later
        // save (which retries the answers kept in memory) succeeds.
        app.env.save_failure = warning.as_ref().map(|w| w.message(app.env.lang));
        if let Some(warning) = warning {
            app.env.warnings.push(warning.message(app.env.lang));
        }
    }
    if saved {
        app.env.progress = progress.state().clone();
    }
}

/// Connects Home's join form on a thread of its own; without an inbox
/// (tests that drive `update`), here and now, hearing nothing after.
fn join_room(
    app: &mut App,
    request: &live_room::student::JoinRequest,
    inbox: Option<&Sender<Msg>>,
) {
    let Some(attempt) = app.join_started() else {
        return;
    };
    let (data_dir, lang) = (app.env.library.data_dir.clone(), app.env.lang);
    let request = request.clone();
    if let Some(inbox) = inbox {
        let inbox = inbox.clone();
        thread::spawn(move || {
            let result = live_room::student::connect(
                &request,
                attempt,
                data_dir.as_deref(),
                lang,
                Some(inbox.clone()),
            );
            let _ = inbox.send(Msg::Connected { attempt, result });
        });
    } else {
        let result =
            live_room::student::connect(&request, attempt, data_dir.as_deref(), lang, None);
        app.join_connected(attempt, result);
    }
}

/// Records what a student who joined from Home missed: in the progress
/// open here when the room's pack is this one (so Home and the review see
/// it at once), else in the store's log of the room's pack.
fn record_missed(
    app: &mut App,
    progress: &mut Progress,
    pack_id: &str,
    title: &str,
    missed: &[String],
) {
    use live_room::student;
    let lang = app.env.lang;
    let recorded = if pack_id == app.env.pack.meta.id {
        let recorded = student::record_missed_in(progress, lang, title, missed);
        app.env.progress = progress.state().clone();
        recorded
    } else {
        student::record_missed(
            app.env.library.data_dir.as_deref(),
            lang,
            pack_id,
            title,
            missed,
        )
    };
    if let (Some(said), app::Screen::Join(join)) = (recorded.said, &mut app.stack.screen) {
        join.saved(said);
    }
    app.env.warnings.extend(recorded.warnings);
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
