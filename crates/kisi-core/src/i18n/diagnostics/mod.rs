//! The words of the loader's and `kisi check`'s diagnostics, in both
//! languages. A diagnostic carries a [`Msg`]: a [`Key`] and its arguments,
//! rendered in the user's language only when shown, because the loader runs
//! before it is known (the pack's `language` is one of its sources).
//!
//! Each area keeps its keys in a file of its own: `load` (files, fields,
//! ids, references, the exam), `questions` (`[[questions]]`), `check` (the
//! report around the diagnostics and `kisi check`'s warnings and traps),
//! `theme` (theme files and `kisi themes`).

mod check;
mod load;
mod questions;
mod theme;

use std::fmt;
use std::sync::OnceLock;

pub use check::CheckKey;
pub use load::LoadKey;
pub use questions::QuestionKey;
pub use theme::ThemeKey;

use super::{IoFault, Lang};

/// Declares a closed set of keys, each with its English and Indonesian
/// template (`{name}` placeholders filled from the arguments).
macro_rules! keys {
    ($(#[$meta:meta])* $enum:ident => $variant:ident { $($name:ident: $en:expr, $id:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $enum {
            $($name,)*
        }

        impl $enum {
            pub const ALL: &'static [$enum] = &[$($enum::$name,)*];

            pub fn template(self, lang: super::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($enum::$name, super::Lang::En) => $en,
                        ($enum::$name, super::Lang::Id) => $id,
                    )*
                }
            }

            pub fn name(self) -> &'static str {
                match self {
                    $($enum::$name => stringify!($name),)*
                }
            }

            /// A message of this key with one argument.
            pub fn with(self, name: &'static str, value: impl Into<super::Arg>) -> super::Msg {
                super::Msg::from(self).with(name, value)
            }
        }

        impl From<$enum> for super::Key {
            fn from(key: $enum) -> Self {
                super::Key::$variant(key)
            }
        }

        impl From<$enum> for super::Msg {
            fn from(key: $enum) -> Self {
                super::Msg::from(super::Key::from(key))
            }
        }

        impl From<$enum> for super::Arg {
            fn from(key: $enum) -> Self {
                super::Arg::Key(super::Key::from(key))
            }
        }
    };
}
pub(crate) use keys;

/// One text of a diagnostic, by area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Load(LoadKey),
    Question(QuestionKey),
    Check(CheckKey),
    Theme(ThemeKey),
}

impl Key {
    /// Every key of every area.
    pub fn all() -> impl Iterator<Item = Key> {
        LoadKey::ALL
            .iter()
            .map(|&k| Key::from(k))
            .chain(QuestionKey::ALL.iter().map(|&k| Key::from(k)))
            .chain(CheckKey::ALL.iter().map(|&k| Key::from(k)))
            .chain(ThemeKey::ALL.iter().map(|&k| Key::from(k)))
    }

    pub fn template(self, lang: Lang) -> &'static str {
        match self {
            Key::Load(k) => k.template(lang),
            Key::Question(k) => k.template(lang),
            Key::Check(k) => k.template(lang),
            Key::Theme(k) => k.template(lang),
        }
    }

    /// The stable machine code of the key, e.g. `unknown_field`: its name
    /// in snake case.
    pub fn code(self) -> String {
        let name = match self {
            Key::Load(k) => k.name(),
            Key::Question(k) => k.name(),
            Key::Check(k) => k.name(),
            Key::Theme(k) => k.name(),
        };
        let mut code = String::with_capacity(name.len() + 4);
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    code.push('_');
                }
                code.push(c.to_ascii_lowercase());
            } else {
                code.push(c);
            }
        }
        code
    }
}

/// An argument of a message: text taken as it is (an id, a field name, a
/// number), a word that is itself translated, a whole message, or an I/O
/// error (said in the language of the message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Key(Key),
    Msg(Box<Msg>),
    Io(IoFault),
}

impl Arg {
    /// An I/O error, in the user's words when shown.
    pub fn io(error: &std::io::Error) -> Self {
        Arg::Io(IoFault::from(error))
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<Key> for Arg {
    fn from(key: Key) -> Self {
        Arg::Key(key)
    }
}

impl From<Msg> for Arg {
    fn from(msg: Msg) -> Self {
        Arg::Msg(Box::new(msg))
    }
}

/// A text of a diagnostic: a key with its arguments, rendered in a language
/// by [`Msg::render`], or a text made elsewhere already in the user's
/// language (a theme file's problem, an import's). It reads as its English
/// rendering (`Deref`), for logs and tests.
#[derive(Debug, Clone)]
pub enum Msg {
    Plain(String),
    Keyed {
        key: Key,
        args: Vec<(&'static str, Arg)>,
        english: OnceLock<String>,
    },
}

impl Msg {
    /// The message with one more argument.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let Msg::Keyed { args, english, .. } = &mut self {
            args.push((name, value.into()));
            *english = OnceLock::new();
        }
        self
    }

    pub fn key(&self) -> Option<Key> {
        match self {
            Msg::Plain(_) => None,
            Msg::Keyed { key, .. } => Some(*key),
        }
    }

    /// The argument called `name`, if the message has one.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        match self {
            Msg::Plain(_) => None,
            Msg::Keyed { args, .. } => args.iter().find(|(n, _)| *n == name).map(|(_, arg)| arg),
        }
    }

    /// The translated words among the arguments: with the key, they make
    /// the kind of a message (ids and numbers do not).
    pub fn arg_keys(&self) -> Vec<Key> {
        match self {
            Msg::Plain(_) => Vec::new(),
            Msg::Keyed { args, .. } => args
                .iter()
                .filter_map(|(_, arg)| match arg {
                    Arg::Key(key) => Some(*key),
                    Arg::Text(_) | Arg::Msg(_) | Arg::Io(_) => None,
                })
                .collect(),
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Msg::Plain(text) => text.clone(),
            Msg::Keyed { key, args, .. } => {
                let values: Vec<(&str, String)> = args
                    .iter()
                    .map(|(name, arg)| {
                        let value = match arg {
                            Arg::Text(text) => text.clone(),
                            Arg::Key(key) => key.template(lang).to_owned(),
                            Arg::Msg(msg) => msg.render(lang),
                            Arg::Io(fault) => fault.render(lang),
                        };
                        (*name, value)
                    })
                    .collect();
                let values: Vec<(&str, &str)> =
                    values.iter().map(|(n, v)| (*n, v.as_str())).collect();
                super::fill(key.template(lang), &values)
            }
        }
    }

    pub fn as_str(&self) -> &str {
        self
    }
}

impl std::ops::Deref for Msg {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Msg::Plain(text) => text,
            Msg::Keyed { english, .. } => english.get_or_init(|| self.render(Lang::En)),
        }
    }
}

impl PartialEq for Msg {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Msg::Plain(a), Msg::Plain(b)) => a == b,
            (
                Msg::Keyed {
                    key: a, args: x, ..
                },
                Msg::Keyed {
                    key: b, args: y, ..
                },
            ) => a == b && x == y,
            _ => false,
        }
    }
}

impl Eq for Msg {}

impl PartialEq<str> for Msg {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Msg {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl From<Key> for Msg {
    fn from(key: Key) -> Self {
        Msg::Keyed {
            key,
            args: Vec::new(),
            english: OnceLock::new(),
        }
    }
}

impl From<String> for Msg {
    fn from(text: String) -> Self {
        Msg::Plain(text)
    }
}

impl From<&str> for Msg {
    fn from(text: &str) -> Self {
        Msg::Plain(text.to_owned())
    }
}

impl From<&String> for Msg {
    fn from(text: &String) -> Self {
        Msg::Plain(text.clone())
    }
}

impl Default for Msg {
    fn default() -> Self {
        Msg::Plain(String::new())
    }
}

#[cfg(test)]
mod tests;
