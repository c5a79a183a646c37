//! The event loop on a test backend, fed through its inbox: signals end it
//! whatever is queued, and questions are drawn off the UI thread behind a
//! preparing screen that stays quittable.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::{Progress, Store};
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::event_loop;
use kisi_tui::inbox::{Inbox, Msg};
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIGTERM: i32 = 15;

fn key(code: KeyCode) -> Msg {
    Msg::Terminal(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// The keys that pick `item` on Home and open it.
fn open_menu(inbox: &Inbox, item: MenuItem) {
    let index = MENU.iter().position(|m| *m == item).unwrap();
    for _ in 0..index {
        inbox.sender().send(key(KeyCode::Down)).unwrap();
    }
    inbox.sender().send(key(KeyCode::Enter)).unwrap();
}

/// Runs the loop over what is in `inbox` until it ends; gives the app and
/// the last frame.
fn run(mut app: App, inbox: &Inbox) -> (App, String) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut progress = Progress::new(Store::in_memory().pack("pekerjaan-sosial").0);
    event_loop(&mut terminal, &mut app, &mut progress, inbox).unwrap();
    (app, terminal.backend().to_string())
}

fn app() -> App {
    App::new(builtin_pack().unwrap(), Lang::Id, Theme::mono()).with_seed(3)
}

/// The next draw's result in `inbox`, skipping ticks and search results.
fn drawn(inbox: &Inbox) -> (u64, Option<Box<Screen>>) {
    loop {
        if let Msg::Drawn { id, screen } = inbox.recv() {
            return (id, screen);
        }
    }
}

#[test]
fn a_signal_ends_the_loop_before_the_keys_queued_after_it() {
    let inbox = Inbox::new();
    inbox.sender().send(key(KeyCode::Enter)).unwrap();
    inbox.sender().send(Msg::Signal(SIGTERM)).unwrap();
    // Had these been handled, Home would be two screens deep.
    inbox.sender().send(key(KeyCode::Enter)).unwrap();
    inbox.sender().send(key(KeyCode::Enter)).unwrap();
    let (app, _) = run(app(), &inbox);
    assert!(app.should_quit);
    assert!(matches!(app.stack.screen, Screen::Topics(_)));
}

#[test]
fn a_mock_exam_is_drawn_off_the_ui_thread_behind_a_preparing_screen() {
    let inbox = Inbox::new();
    open_menu(&inbox, MenuItem::Exam);
    // Queued before the draw can finish: the loop hears it while preparing.
    inbox.sender().send(Msg::Signal(SIGTERM)).unwrap();
    let (mut app, frame) = run(app(), &inbox);
    assert!(
        matches!(app.stack.screen, Screen::Preparing(_)),
        "{:?}",
        app.stack.screen
    );
    assert!(frame.contains("Menyiapkan soal…"), "{frame}");
    // The draw's result replaces the preparing screen; Back from the exam
    // goes to Home, not to the preparing.
    let (id, screen) = drawn(&inbox);
    app.show_drawn(id, screen.map(|s| *s));
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!("no exam: {:?}", app.stack.screen)
    };
    // The same exam the app draws inline from the same seed.
    let mut inline = self::app();
    let index = MENU.iter().position(|m| *m == MenuItem::Exam).unwrap();
    for _ in 0..index {
        inline.update(Action::Down);
    }
    inline.update(Action::Open);
    let Screen::Exam(expected) = &inline.stack.screen else {
        panic!("no inline exam")
    };
    assert_eq!(exam.questions, expected.questions);
    assert!(matches!(app.stack.history.as_slice(), [Screen::Home(_)]));
}

#[test]
fn esc_while_preparing_goes_back_and_the_late_result_is_dropped() {
    let inbox = Inbox::new();
    open_menu(&inbox, MenuItem::Exam);
    inbox.sender().send(key(KeyCode::Esc)).unwrap();
    inbox.sender().send(Msg::Signal(SIGTERM)).unwrap();
    let (mut app, _) = run(app(), &inbox);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    let (id, screen) = drawn(&inbox);
    app.show_drawn(id, screen.map(|s| *s));
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    assert!(app.stack.history.is_empty());
}

#[test]
fn a_review_that_draws_nothing_goes_back_to_home_which_says_so() {
    let inbox = Inbox::new();
    open_menu(&inbox, MenuItem::Review);
    inbox.sender().send(Msg::Signal(SIGTERM)).unwrap();
    let (mut app, _) = run(app(), &inbox);
    let Screen::Preparing(preparing) = &app.stack.screen else {
        panic!("not preparing: {:?}", app.stack.screen)
    };
    app.show_drawn(preparing.id, None);
    let Screen::Home(home) = &app.stack.screen else {
        panic!("not back on Home: {:?}", app.stack.screen)
    };
    assert_eq!(home.notice, Some(Lang::Id.strings().nothing_to_review));
}
