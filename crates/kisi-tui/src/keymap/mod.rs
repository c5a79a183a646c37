//! Keys as data: one table per mode. Each row names its keys, the action
//! each key gives, the words of its hint and whether the footer shows it
//! (and how much it matters there). `action::map_event` reads the tables to
//! turn a key into an action; the screens pick which rows of their mode
//! apply now and the footer and help overlay show those, so a key cannot
//! work without a hint, nor a hint name a key that does nothing.

use crossterm::event::KeyCode;

use crate::action::{Action, Mode};
use crate::screens::KeyHint;
use kisi_core::i18n::Strings;
use kisi_core::text::is_unsafe;

mod tables;
#[cfg(test)]
mod tests;

pub use tables::{GLOBAL, MODES, table};

/// A key as the tables write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character, shifted or not.
    Char(char),
    /// A key that is not a character: arrows, Enter, F1 …
    Code(KeyCode),
    /// Ctrl with a letter.
    Ctrl(char),
}

/// Keys beyond a row's listed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    /// 1–9 give `Choose(0)`–`Choose(8)`.
    Digits,
    /// a–f give `Choose(0)`–`Choose(5)`.
    Letters,
    /// Every printable character not bound by an earlier row is typed.
    Typing,
}

/// How a row writes its keys in the footer and the help.
#[derive(Debug, Clone, Copy)]
pub enum Label {
    Keys(&'static str),
    /// The digits that choose among the options on show: "1-4".
    Digits,
    /// The letters that choose among the options on show: "a-d".
    Letters,
    /// Matching: "←→ a-d".
    Match,
    /// Keys that depend on the language (true/false letters).
    Words(fn(&'static Strings) -> &'static str),
}

/// Where a row's hint shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// In the footer and the help; when the footer is too narrow for all,
    /// the lowest number stays first.
    Footer(u8),
    /// Only in the help overlay.
    Help,
}

/// What a row is for, so that screens can say which rows apply now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    Move,
    MoveVim,
    Page,
    Ends,
    Search,
    Open,
    Back,
    Help,
    Quit,
    SwitchPack,
    OtherEntry,
    OtherEntryTab,
    Related,
    Start,
    Toggle,
    Change,
    Clear,
    Delete,
    Type,
    // Answering a question.
    Choose,
    ChooseLetters,
    Submit,
    Save,
    Add,
    TakeBack,
    Grab,
    Match,
    Flip,
    Knew,
    Scroll,
    Leave,
    OtherQuestion,
    GoTo,
    // After an answer, and at the end.
    Next,
    OpenEntry,
    Override,
    Retry,
    HandIn,
    // Asking yes or no.
    Yes,
    YesHandIn,
    No,
    // Presenting.
    Previous,
    NextMore,
    PreviousMore,
    Skip,
    Footer,
    RevealNext,
    PreviousQuestion,
    RestartTimer,
    /// The class quiz's r and f once an answer shows.
    AskAgain,
    FooterRevealed,
    // Hosting a live class quiz.
    HostStart,
    HostReveal,
    HostNext,
    HostSkip,
    HostPause,
    HostExtend,
    HostRemove,
    HostEnd,
    HostExtraTime,
    HostConfirmEnd,
    HostConfirmQuit,
    // Joining one from Home.
    JoinConnect,
    JoinField,
    JoinCancel,
    // The help overlay itself, and every mode.
    Close,
    ForceQuit,
}

/// One row of a mode's table.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub id: Id,
    pub label: Label,
    pub keys: &'static [(Key, Action)],
    pub range: Option<Range>,
    pub hint: fn(&'static Strings) -> &'static str,
    pub show: Show,
}

impl Row {
    /// The action this row gives `key`, if it binds it.
    pub fn action(&self, key: Key) -> Option<Action> {
        if let Some(&(_, action)) = self.keys.iter().find(|(k, _)| *k == key) {
            return Some(action);
        }
        let Key::Char(c) = key else {
            return None;
        };
        match self.range? {
            Range::Digits => ('1'..='9')
                .contains(&c)
                .then(|| Action::Choose(usize::from(c as u8 - b'1'))),
            Range::Letters => ('a'..='f')
                .contains(&c)
                .then(|| Action::Choose(usize::from(c as u8 - b'a'))),
            Range::Typing => (!is_unsafe(c)).then_some(Action::Input(c)),
        }
    }

    /// The hint for this row, its digits or letters narrowed to `choices`
    /// options (all of them when 0).
    fn hint(&self, strings: &'static Strings, choices: usize) -> KeyHint {
        let keys = match self.label {
            Label::Keys(keys) => keys,
            Label::Digits => option_digits(choices),
            Label::Letters => option_letters(choices),
            Label::Match => match_keys(choices),
            Label::Words(words) => words(strings),
        };
        let (in_footer, priority) = match self.show {
            Show::Footer(priority) => (true, priority),
            Show::Help => (false, u8::MAX),
        };
        KeyHint {
            keys,
            action: (self.hint)(strings),
            in_footer,
            priority,
        }
    }
}

/// The hints of the rows of `mode` that `applies` keeps, in table order;
/// digit and letter keys name `choices` options (all when 0).
pub fn hints(
    mode: Mode,
    strings: &'static Strings,
    choices: usize,
    applies: impl Fn(Id) -> bool,
) -> Vec<KeyHint> {
    table(mode)
        .iter()
        .filter(|row| applies(row.id))
        .map(|row| row.hint(strings, choices))
        .collect()
}

/// The rows that hold in every mode, for the end of every help.
pub fn global_hints(strings: &'static Strings) -> Vec<KeyHint> {
    GLOBAL.iter().map(|row| row.hint(strings, 0)).collect()
}

/// Every row of `mode`, hinted.
pub fn all_hints(mode: Mode, strings: &'static Strings) -> Vec<KeyHint> {
    hints(mode, strings, 0, |_| true)
}

/// The action `key` gives in `mode`: the first row that binds it, after
/// the rows that hold in every mode.
pub fn lookup(mode: Mode, key: Key) -> Option<Action> {
    GLOBAL
        .iter()
        .chain(table(mode))
        .find_map(|row| row.action(key))
}

/// The digits that choose one of `count` options: "1-4" for four, all
/// nine when `count` is 0. A question has at most six (the loader's limit).
pub fn option_digits(count: usize) -> &'static str {
    const KEYS: [&str; 7] = ["1-9", "1", "1-2", "1-3", "1-4", "1-5", "1-6"];
    KEYS[count.min(KEYS.len() - 1)]
}

/// The letters that choose one of `count` options: "a-d" for four.
pub fn option_letters(count: usize) -> &'static str {
    const KEYS: [&str; 7] = ["a-f", "a", "a-b", "a-c", "a-d", "a-e", "a-f"];
    KEYS[count.min(KEYS.len() - 1)]
}

/// The keys that choose the match of a matching item among `count`: "←→ a-d".
pub fn match_keys(count: usize) -> &'static str {
    const KEYS: [&str; 7] = [
        "←→ a-f",
        "←→ a",
        "←→ a-b",
        "←→ a-c",
        "←→ a-d",
        "←→ a-e",
        "←→ a-f",
    ];
    KEYS[count.min(KEYS.len() - 1)]
}
