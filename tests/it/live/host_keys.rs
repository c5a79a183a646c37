//! The lecturer's keys on the host's screen: ending and quitting ask
//! first while the room runs, and extra time is granted from the list of
//! students.

use kisi_core::i18n::Lang;
use kisi_core::room::{Phase, StudentId};

use super::{host_app, host_room, key};
use crate::common::screen::draw;

fn esc(app: &mut kisi_tui::app::App) {
    let action = kisi_tui::keymap::map_event(
        app.mode(),
        &crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Esc,
        )),
    )
    .unwrap();
    app.update(action);
}

#[test]
fn quitting_with_a_room_running_asks_and_an_empty_or_ended_room_does_not() {
    let (mut app, _) = host_app(30, Lang::En);
    key(&mut app, 's');
    key(&mut app, 'q');
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Quit? The room closes for every student. y/n"),
        "{screen}"
    );
    assert!(screen.contains("y quit"), "{screen}");
    key(&mut app, 'n');
    assert!(!app.should_quit);
    assert!(matches!(host_room(&app).phase(), Phase::Open(0)));
    key(&mut app, 'q');
    key(&mut app, 'y');
    assert!(app.should_quit, "y quits");

    // After the end there is nothing to lose: q leaves at once.
    let (mut app, _) = host_app(30, Lang::Id);
    key(&mut app, 'e');
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Akhiri kuis untuk semua mahasiswa? y/n"),
        "{screen}"
    );
    key(&mut app, 'y');
    assert_eq!(host_room(&app).phase(), Phase::Ended);
    key(&mut app, 'q');
    assert!(app.should_quit);
}

#[test]
fn extra_time_is_granted_from_the_list_of_students() {
    let (mut app, _) = host_app(30, Lang::En);
    key(&mut app, 'x');
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Extra time for whom?"), "{screen}");
    assert!(screen.contains("Enter change extra time"), "{screen}");
    // Enter twice on Ani: ×1.25, then ×1.5; the list stays open.
    let enter = || {
        kisi_tui::keymap::map_event(
            kisi_tui::action::Mode::HostPick,
            &crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Enter,
            )),
        )
        .unwrap()
    };
    app.update(enter());
    app.update(enter());
    assert!(draw(&mut app, 40, 12).contains("Ani ×1.5"));
    esc(&mut app);
    let room = host_room(&app);
    assert_eq!(room.extra_time(StudentId(0)), 150);
    assert_eq!(room.extra_time(StudentId(1)), 100);
    let lobby = draw(&mut app, 80, 24);
    assert!(lobby.contains("Ani ×1.5 · "), "{lobby}");
    assert!(
        lobby.contains("extra time for Ani: ×1.5"),
        "the log: {lobby}"
    );
}
