//! The key tables, one per mode, as data: `table` picks a mode's list. The
//! keys and rows that several modes share are here; the modes' tables are
//! in tables/, one file per group of screens.

use crossterm::event::KeyCode;

use super::{Id, Key, Label, Range, Row, Show};
use crate::action::{Action, Mode};
use kisi_core::i18n::Strings;

mod answer;
mod browse;
mod lecture;

use answer::{
    ARRANGE, CONFIRM, FEEDBACK, FLASHCARD, HAND_IN, PICK, RESULTS, SELECT, SETUP, TEXT_INPUT,
    TRUE_FALSE,
};
use browse::{HELP, HOME, LIST, READER, SEARCH};
use lecture::{CLASS_QUIZ, HOST, HOST_PICK, JOIN_FORM, PRESENT, WAIT};

/// The table of `mode`.
pub fn table(mode: Mode) -> &'static [Row] {
    match mode {
        Mode::Home => HOME,
        Mode::List => LIST,
        Mode::Reader => READER,
        Mode::Help => HELP,
        Mode::Search => SEARCH,
        Mode::TextInput => TEXT_INPUT,
        Mode::Setup => SETUP,
        Mode::Pick => PICK,
        Mode::Select => SELECT,
        Mode::TrueFalse => TRUE_FALSE,
        Mode::Arrange => ARRANGE,
        Mode::Flashcard => FLASHCARD,
        Mode::Feedback => FEEDBACK,
        Mode::Confirm => CONFIRM,
        Mode::Results => RESULTS,
        Mode::HandIn => HAND_IN,
        Mode::Present => PRESENT,
        Mode::ClassQuiz => CLASS_QUIZ,
        Mode::Wait => WAIT,
        Mode::Host => HOST,
        Mode::HostPick => HOST_PICK,
        Mode::JoinForm => JOIN_FORM,
    }
}

const fn c(c: char, action: Action) -> (Key, Action) {
    (Key::Char(c), action)
}

const fn k(code: KeyCode, action: Action) -> (Key, Action) {
    (Key::Code(code), action)
}

const fn row(
    id: Id,
    label: &'static str,
    keys: &'static [(Key, Action)],
    hint: fn(&'static Strings) -> &'static str,
    show: Show,
) -> Row {
    Row {
        id,
        label: Label::Keys(label),
        keys,
        range: None,
        hint,
        show,
    }
}

use Show::{Footer, Help};

/// Rows that hold in every mode, shown at the end of every help.
pub const GLOBAL: &[Row] = &[row(
    Id::ForceQuit,
    "Ctrl-C",
    &[(Key::Ctrl('c'), Action::Quit)],
    |s| s.key_force_quit,
    Help,
)];

const UP_DOWN: &[(Key, Action)] = &[k(KeyCode::Up, Action::Up), k(KeyCode::Down, Action::Down)];
/// Arrows, and j k for those used to vi, in the answers.
const UP_DOWN_VIM: &[(Key, Action)] = &[
    k(KeyCode::Up, Action::Up),
    k(KeyCode::Down, Action::Down),
    c('k', Action::Up),
    c('j', Action::Down),
];
const J_K: &[(Key, Action)] = &[c('j', Action::Down), c('k', Action::Up)];
const PAGE: &[(Key, Action)] = &[
    k(KeyCode::PageUp, Action::PageUp),
    k(KeyCode::PageDown, Action::PageDown),
];
const ENDS: &[(Key, Action)] = &[
    k(KeyCode::Home, Action::First),
    k(KeyCode::End, Action::Last),
    c('g', Action::First),
    c('G', Action::Last),
];
const SEARCH_KEY: &[(Key, Action)] = &[c('/', Action::Search)];
const HELP_KEYS: &[(Key, Action)] = &[
    c('?', Action::ToggleHelp),
    k(KeyCode::F(1), Action::ToggleHelp),
];
const F1: &[(Key, Action)] = &[k(KeyCode::F(1), Action::ToggleHelp)];
const ENTER: &[(Key, Action)] = &[k(KeyCode::Enter, Action::Open)];
const ESC_BACK: &[(Key, Action)] = &[
    k(KeyCode::Esc, Action::Back),
    k(KeyCode::Backspace, Action::Back),
];
const TAB: &[(Key, Action)] = &[
    k(KeyCode::Tab, Action::NextItem),
    k(KeyCode::BackTab, Action::PreviousItem),
];

const HELP_ROW: Row = row(Id::Help, "?", HELP_KEYS, |s| s.key_help, Footer(0));
const F1_ROW: Row = row(Id::Help, "F1", F1, |s| s.key_help, Footer(0));
const MOVE_ROW: Row = row(Id::Move, "↑↓", UP_DOWN, |s| s.key_move, Footer(5));
const VIM_ROW: Row = row(Id::MoveVim, "j k", J_K, |s| s.key_move, Help);
const PAGE_ROW: Row = row(Id::Page, "PgUp PgDn", PAGE, |s| s.key_page, Help);
const ENDS_ROW: Row = row(Id::Ends, "Home End g G", ENDS, |s| s.key_ends, Help);
const SEARCH_ROW: Row = row(Id::Search, "/", SEARCH_KEY, |s| s.key_search, Help);

const CTRL_U: Row = row(
    Id::Clear,
    "Ctrl-U",
    &[(Key::Ctrl('u'), Action::ClearInput)],
    |s| s.key_clear,
    Help,
);
const BACKSPACE: &[(Key, Action)] = &[k(KeyCode::Backspace, Action::DeleteChar)];
const TYPING: Row = Row {
    id: Id::Type,
    label: Label::Keys("abc…"),
    keys: &[],
    range: Some(Range::Typing),
    hint: |s| s.key_type,
    show: Help,
};

/// Every mode, for the tests that check the tables.
pub const MODES: [Mode; 22] = [
    Mode::Home,
    Mode::List,
    Mode::Reader,
    Mode::Help,
    Mode::Search,
    Mode::TextInput,
    Mode::Setup,
    Mode::Pick,
    Mode::Select,
    Mode::TrueFalse,
    Mode::Arrange,
    Mode::Flashcard,
    Mode::Feedback,
    Mode::Confirm,
    Mode::Results,
    Mode::HandIn,
    Mode::Present,
    Mode::ClassQuiz,
    Mode::Wait,
    Mode::Host,
    Mode::HostPick,
    Mode::JoinForm,
];
