//! Every user-facing UI string, in Indonesian and English. The screens' words
//! are `Strings` (strings.rs, with its two languages in strings/); each other
//! area keeps its own struct in a file beside this one.
//!
//! The material itself is in the pack's own language; these are only the
//! words of the program around it.

use std::fmt;

mod cli;
pub mod diagnostics;
mod exam;
mod interchange;
mod io;
mod library;
mod questions;
mod quiz;
mod resume;
mod room;
mod screens;
mod select;
mod starter;
mod store;
mod strings;
mod wording;

pub use cli::*;
pub use exam::*;
pub use interchange::*;
pub use io::{IoFault, io_text, path_io_text};
pub use library::*;
pub use questions::*;
pub use quiz::*;
pub use resume::*;
pub use room::*;
pub use screens::*;
pub use select::*;
pub use starter::*;
pub use store::*;
pub use strings::*;
pub use wording::Noun;

/// The language of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language asked for by the environment: English when `LC_ALL`,
    /// `LC_MESSAGES` or `LANG` (first one set wins, as in POSIX) names English,
    /// Indonesian otherwise.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| get(name).filter(|v| !v.is_empty()))
            .map_or(Lang::Id, |value| {
                if value.starts_with("en") {
                    Lang::En
                } else {
                    Lang::Id
                }
            })
    }

    /// The UI language a BCP 47 tag names, if kisi speaks it: `id` (and
    /// its old form `in`), `en`, with any region or script (`en-GB`).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?;
        if primary.eq_ignore_ascii_case("id") || primary.eq_ignore_ascii_case("in") {
            Some(Lang::Id)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The UI language: `--lang` when given, else the pack's language when
    /// kisi speaks it, else the environment's (see [`Lang::from_env`]).
    pub fn choose(
        flag: Option<Lang>,
        pack_language: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Self {
        flag.or_else(|| pack_language.and_then(Lang::from_tag))
            .unwrap_or_else(|| Lang::from_env(env))
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Id => &INDONESIAN,
            Lang::En => &ENGLISH,
        }
    }

    pub fn starter_words(self) -> &'static StarterWords {
        match self {
            Lang::Id => &STARTER_INDONESIAN,
            Lang::En => &STARTER_ENGLISH,
        }
    }

    pub fn interchange_words(self) -> &'static InterchangeWords {
        match self {
            Lang::Id => &INTERCHANGE_INDONESIAN,
            Lang::En => &INTERCHANGE_ENGLISH,
        }
    }

    pub fn library_words(self) -> &'static LibraryWords {
        match self {
            Lang::Id => &LIBRARY_INDONESIAN,
            Lang::En => &LIBRARY_ENGLISH,
        }
    }

    pub fn cli_help(self) -> &'static CliHelp {
        match self {
            Lang::Id => &CLI_HELP_INDONESIAN,
            Lang::En => &CLI_HELP_ENGLISH,
        }
    }

    pub fn cli_words(self) -> &'static CliWords {
        match self {
            Lang::Id => &CLI_INDONESIAN,
            Lang::En => &CLI_ENGLISH,
        }
    }

    pub fn screen_words(self) -> &'static ScreenWords {
        match self {
            Lang::Id => &SCREEN_INDONESIAN,
            Lang::En => &SCREEN_ENGLISH,
        }
    }

    pub fn quiz_words(self) -> &'static QuizWords {
        match self {
            Lang::Id => &QUIZ_INDONESIAN,
            Lang::En => &QUIZ_ENGLISH,
        }
    }

    pub fn select_words(self) -> &'static SelectWords {
        match self {
            Lang::Id => &SELECT_INDONESIAN,
            Lang::En => &SELECT_ENGLISH,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Id => "id",
            Lang::En => "en",
        })
    }
}

/// Fills the `{name}` placeholders of `template` in one pass, so a value
/// that itself contains braces is left alone.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|(_, value)| (close, *value))
        });
        if let Some((close, value)) = value {
            text.push_str(value);
            rest = &after[close + 1..];
        } else {
            text.push('{');
            rest = after;
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn english_locale_switches_to_english() {
        assert_eq!(Lang::from_env(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
        assert_eq!(Lang::from_env(env(&[])), Lang::Id);
        // LC_ALL overrides LANG.
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "id_ID.UTF-8"), ("LANG", "en_US")])),
            Lang::Id
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "en_US")])),
            Lang::En
        );
    }

    #[test]
    fn the_flag_wins_then_the_pack_then_the_environment() {
        let english_env = env(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(
            Lang::choose(Some(Lang::Id), Some("en"), &english_env),
            Lang::Id
        );
        assert_eq!(
            Lang::choose(None, Some("en"), env(&[("LANG", "id_ID")])),
            Lang::En
        );
        assert_eq!(Lang::choose(None, Some("id"), &english_env), Lang::Id);
        assert_eq!(Lang::choose(None, Some("en-GB"), env(&[])), Lang::En);
        // A language kisi does not speak falls back to the environment.
        assert_eq!(Lang::choose(None, Some("fr"), &english_env), Lang::En);
        assert_eq!(Lang::choose(None, Some("jv"), env(&[])), Lang::Id);
        assert_eq!(Lang::choose(None, None, &english_env), Lang::En);
        assert_eq!(Lang::from_tag("IN"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("eng"), None);
    }
}
