//! Driving the app through `App::update` and drawing it on ratatui's
//! `TestBackend`, for the screen tests.

use kisi_tui::action::Action;
use kisi_tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Resizes the app to `width`×`height`, draws it and returns the screen as text.
pub fn draw(app: &mut App, width: u16, height: u16) -> String {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .unwrap();
    terminal.backend().to_string()
}

pub fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}
