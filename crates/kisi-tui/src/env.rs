//! The environment the screens work in: the pack, the language and theme,
//! the student's progress and dates, the seed source; and the `Context` a
//! screen borrows from it while the app lends the screen `&mut` its state.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ratatui::layout::Rect;

use kisi_core::content::Pack;
use kisi_core::i18n::{Lang, Strings};
use kisi_core::progress::{Day, ProgressState};

use crate::theme::Theme;

/// What every screen may read: the environment, the words of the UI, and
/// the area the screen body gets.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub pack: &'a Pack,
    pub strings: &'static Strings,
    pub theme: &'a Theme,
    pub lang: Lang,
    pub progress: &'a ProgressState,
    pub today: Day,
    pub exam_date: Option<Day>,
    pub warnings: &'a [String],
    /// The pack's folder as given with `--content` (none: built in).
    pub content: Option<&'a Path>,
    pub body: Rect,
}

/// The seeds questions are drawn from: the session's first (`--seed`), then
/// one more for each draw, so a session can be repeated and no two draws in
/// it ask the same questions in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Seeds {
    first: u64,
    drawn: u64,
}

impl Seeds {
    pub fn new(first: u64) -> Self {
        Self { first, drawn: 0 }
    }

    /// The seed of the next draw, which is then used up.
    pub fn take(&mut self) -> u64 {
        let seed = self.first.wrapping_add(self.drawn);
        self.drawn += 1;
        seed
    }
}

/// What the screens work in and on: the pack, the language and theme, the
/// student's progress and dates, and the seed source. Screens read it
/// through a `Context`; only the app and the event loop change it.
#[derive(Debug, Clone)]
pub struct Env {
    /// Shared with the threads that search and draw questions.
    pub pack: Arc<Pack>,
    pub lang: Lang,
    pub theme: Theme,
    /// What the student knows, as saved (refreshed after each save).
    pub progress: ProgressState,
    pub today: Day,
    pub exam_date: Option<Day>,
    /// Problems with saving progress, shown on Home.
    pub warnings: Vec<String>,
    /// The last save failed: shown on every screen until one succeeds.
    pub save_failure: Option<String>,
    pub seeds: Seeds,
    /// The pack's folder as given with `--content` (none: built in), for
    /// commands that repeat what was done.
    pub content: Option<PathBuf>,
    /// Where Home's pack chooser looks for packs.
    pub library: crate::library::Library,
    /// Where a room opened from Home listens (`kisi host`'s default; tests
    /// use a free loopback port).
    pub room_bind: std::net::SocketAddr,
}

impl Env {
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// What a screen may read, with `body` as the area it gets.
    pub fn context(&self, body: Rect) -> Context<'_> {
        Context {
            pack: &self.pack,
            strings: self.strings(),
            theme: &self.theme,
            lang: self.lang,
            progress: &self.progress,
            today: self.today,
            exam_date: self.exam_date,
            warnings: &self.warnings,
            content: self.content.as_deref(),
            body,
        }
    }
}
