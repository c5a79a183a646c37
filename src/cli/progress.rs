//! The student's saved progress, as the commands that study open it.

use std::path::Path;

use kisi_core::content::Pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::{Day, Progress, Store};
use kisi_core::text::printable_line;

/// The student's saved progress for one pack, and the exam date in force.
pub struct Study {
    pub progress: Progress,
    pub exam_date: Option<Day>,
    pub warnings: Vec<String>,
}

impl Study {
    /// Opens the store; never fails: a store that cannot be used means
    /// progress for this session only, with a warning.
    pub fn open(pack: &Pack, data_dir: Option<&Path>, exam_date: Option<Day>, lang: Lang) -> Self {
        let (store, mut warnings) = Store::open(data_dir);
        let (log, log_warnings) = store.pack(&pack.meta.id);
        warnings.extend(log_warnings);
        let (mut settings, settings_warnings) = store.settings();
        warnings.extend(settings_warnings);
        let today = Day::today();
        let date_message = exam_date
            .or_else(|| settings.exam_dates.get(&pack.meta.id).copied())
            .and_then(|day| kisi_core::progress::exam_date_message(day, today, lang));
        let exam_date = match exam_date {
            // A date already past plans nothing: said, and not saved over
            // the one kept.
            Some(day) if day < today => settings.exam_dates.get(&pack.meta.id).copied(),
            Some(day) => {
                settings.exam_dates.insert(pack.meta.id.clone(), day);
                if let Err(warning) = store.save_settings(&settings) {
                    warnings.push(warning);
                }
                Some(day)
            }
            None => settings.exam_dates.get(&pack.meta.id).copied(),
        };
        Self {
            progress: Progress::new(log),
            exam_date,
            // Paths in the warnings come from --data-dir.
            warnings: warnings
                .iter()
                .map(|w| printable_line(&w.message(lang)).into_owned())
                .chain(date_message)
                .collect(),
        }
    }

    pub fn print_warnings(&self) {
        for warning in &self.warnings {
            eprintln!("kisi: {warning}");
        }
    }
}
