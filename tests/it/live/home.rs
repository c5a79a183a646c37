//! Home's "Kuis kelas langsung": the event loop opens a room on the pack
//! with `kisi host`'s defaults, here on a free loopback port.

use std::net::TcpListener;

use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::theme::Theme;

use super::host_room;
use crate::common::screen::draw;

fn open_host_entry(lang: Lang, bind: std::net::SocketAddr) -> App {
    let mut app = App::new(builtin_pack().unwrap(), lang, Theme::mono());
    app.env.room_bind = bind;
    let at = MENU.iter().position(|m| *m == MenuItem::Host).unwrap();
    for _ in 0..at {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    kisi_tui::carry_out_effects(
        &mut app,
        &mut kisi_core::progress::Progress::new(kisi_core::progress::PackLog::in_memory("t")),
    );
    app
}

#[test]
fn the_home_entry_opens_the_lobby_and_leaving_returns_home() {
    let mut app = open_host_entry(Lang::En, "127.0.0.1:0".parse().unwrap());
    let room = host_room(&app);
    assert_eq!(room.questions().len(), 10);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains(room.code().as_str()), "{screen}");
    assert!(screen.contains("127.0.0.1:"), "{screen}");
    app.update(Action::Back);
    assert!(
        matches!(app.stack.screen, Screen::Home(_)) && !app.should_quit,
        "{:?}",
        app.stack.screen
    );
}

#[test]
fn a_port_in_use_says_so_on_home_with_the_firewall_hint() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let mut app = open_host_entry(Lang::En, addr);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("Cannot open the room on {addr}")),
        "{screen}"
    );
    assert!(screen.contains("firewall"), "{screen}");
    // Moving on clears it.
    app.update(Action::Down);
    assert!(!draw(&mut app, 80, 24).contains("Cannot open"));
}
