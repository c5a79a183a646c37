//! Driving the app through `App::update` and drawing it on ratatui's
//! `TestBackend`, for the screen tests; and reading the style of what was
//! drawn, for the screens whose meaning is in the style (a highlight, the
//! selected row, a mark).

use kisi_core::search::Searcher;
use kisi_tui::action::Action;
use kisi_tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// Resizes the app to `width`×`height`, draws it and returns the screen as text.
pub fn draw(app: &mut App, width: u16, height: u16) -> String {
    terminal(app, width, height).backend().to_string()
}

/// Like [`draw`], but the drawn cells with their styles.
pub fn draw_buffer(app: &mut App, width: u16, height: u16) -> Drawn {
    Drawn(terminal(app, width, height).backend().buffer().clone())
}

fn terminal(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .unwrap();
    terminal
}

pub fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

/// Types `query` into the search screen and runs the searches it asks for,
/// as the worker thread would.
pub fn search(app: &mut App, query: &str) {
    let mut searcher = Searcher::new(&app.env.pack);
    for c in query.chars() {
        app.update(Action::Input(c));
    }
    while let Some(query) = app.pending_search().map(str::to_owned) {
        let results = searcher.search(&app.env.pack, &query);
        app.show_search_results(query, results);
    }
}

/// A drawn screen: its text, and the style of any text on it.
pub struct Drawn(pub Buffer);

impl Drawn {
    /// The screen as text, one row a line.
    pub fn text(&self) -> String {
        (0..self.0.area.height)
            .map(|y| self.row(y).0 + "\n")
            .collect()
    }

    /// The row as text, and the column of each of its chars.
    fn row(&self, y: u16) -> (String, Vec<u16>) {
        let mut text = String::new();
        let mut columns = Vec::new();
        for x in 0..self.0.area.width {
            for c in self.0[(x, y)].symbol().chars() {
                text.push(c);
                columns.push(x);
            }
        }
        (text, columns)
    }

    /// The cells of the first place (top to bottom, left to right) where
    /// `text` is drawn, as (column, row) pairs; fails with the screen when
    /// it is not there.
    pub fn find(&self, text: &str) -> Vec<(u16, u16)> {
        self.find_from(0, text)
    }

    /// Like [`Drawn::find`], from row `top` down.
    pub fn find_from(&self, top: u16, text: &str) -> Vec<(u16, u16)> {
        for y in top..self.0.area.height {
            let (row, columns) = self.row(y);
            if let Some(at) = row.find(text) {
                let start = row[..at].chars().count();
                return (start..start + text.chars().count())
                    .map(|i| (columns[i], y))
                    .collect();
            }
        }
        panic!("{text:?} not on screen:\n{}", self.text());
    }

    /// Whether every cell of the first `text` on screen has `modifier`.
    pub fn all_have(&self, text: &str, modifier: Modifier) -> bool {
        self.find(text)
            .into_iter()
            .all(|(x, y)| self.0[(x, y)].modifier.contains(modifier))
    }

    /// Whether no cell of the first `text` on screen has `modifier`.
    pub fn none_has(&self, text: &str, modifier: Modifier) -> bool {
        self.find(text)
            .into_iter()
            .all(|(x, y)| !self.0[(x, y)].modifier.contains(modifier))
    }
}
