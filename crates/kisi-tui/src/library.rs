//! Home's pack chooser, the slow parts that run off the UI thread: the
//! packs the library offers (the list `kisi packs` prints) and opening one
//! with what the student keeps for it (progress, exam date), which then
//! becomes the pack opened last.

use std::path::PathBuf;

use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::library::{self, State};
use kisi_core::i18n::Lang;
use kisi_core::progress::{Day, Progress, Store};
use kisi_core::text::printable_line;

/// Where the library is, as the command line found it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// The search path, nearest first (`kisi packs`).
    pub roots: Vec<PathBuf>,
    /// `--data-dir`: where progress and settings are kept.
    pub data_dir: Option<PathBuf>,
    /// `--lang` was given: the UI keeps its language on every pack.
    pub lang_fixed: bool,
}

/// One pack of the chooser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub title: String,
    /// Its folder; `None` for the built-in pack.
    pub dir: Option<PathBuf>,
    pub state: State,
}

impl Choice {
    /// Only a pack that is used (not hidden, not broken) can be opened.
    pub fn usable(&self) -> bool {
        self.state == State::Used
    }
}

/// The packs on the library's path, then the built-in pack (hidden when a
/// folder has its id).
pub fn choices(library: &Library) -> Vec<Choice> {
    let found = library::scan(&library.roots);
    let builtin = builtin_pack().ok().map(|pack| Choice {
        state: library::find(&found, &pack.meta.id).map_or(State::Used, |by| State::Hidden { by }),
        id: pack.meta.id,
        title: pack.meta.title,
        dir: None,
    });
    found
        .into_iter()
        .map(|f| Choice {
            id: f.id,
            title: f.title,
            dir: Some(f.dir),
            state: f.state,
        })
        .chain(builtin)
        .collect()
}

/// A pack opened from the chooser, with the student's progress on it.
pub struct Opened {
    pub pack: Pack,
    pub dir: Option<PathBuf>,
    pub progress: Progress,
    pub exam_date: Option<Day>,
    /// Problems with the store, in the new language.
    pub warnings: Vec<String>,
    /// The pack's language, unless `--lang` fixed the UI's.
    pub lang: Lang,
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("pack", &self.pack.meta.id)
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// Loads the pack of `choice` and the student's progress on it, and
/// remembers it as the pack opened last. The error is the pack's first
/// problem (it may have changed since the list was made).
///
/// # Errors
/// When the pack fails the check.
pub fn open(choice: &Choice, library: &Library, lang: Lang) -> Result<Opened, String> {
    let pack =
        library::load(choice.dir.as_deref()).map_err(|r| library::first_error(&r).render(lang))?;
    let lang = if library.lang_fixed {
        lang
    } else {
        Lang::choose(None, Some(&pack.meta.language), |name| {
            std::env::var(name).ok()
        })
    };
    let (store, mut warnings) = Store::open(library.data_dir.as_deref());
    let (log, log_warnings) = store.pack(&pack.meta.id);
    warnings.extend(log_warnings);
    let (settings, settings_warnings) = store.settings();
    warnings.extend(settings_warnings);
    store.remember_pack(&pack.meta.id);
    Ok(Opened {
        exam_date: settings.exam_dates.get(&pack.meta.id).copied(),
        progress: Progress::new(log),
        warnings: warnings
            .iter()
            .map(|w| printable_line(&w.message(lang)).into_owned())
            .collect(),
        dir: choice.dir.clone(),
        pack,
        lang,
    })
}
