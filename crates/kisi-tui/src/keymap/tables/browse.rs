//! The keys of browsing: Home, the lists, the reader, help and search.

use crossterm::event::KeyCode;

use super::{
    BACKSPACE, ENDS_ROW, ENTER, F1_ROW, HELP_ROW, J_K, MOVE_ROW, PAGE_ROW, SEARCH_KEY, SEARCH_ROW,
    TAB, TYPING, UP_DOWN, VIM_ROW, c, k, row,
};
use crate::action::Action;
use crate::keymap::Show::{Footer, Help};
use crate::keymap::{Id, Key, Label, Range, Row};

pub(super) const HOME: &[Row] = &[
    row(Id::Move, "↑↓", UP_DOWN, |s| s.key_move, Footer(2)),
    VIM_ROW,
    PAGE_ROW,
    ENDS_ROW,
    row(
        Id::Open,
        "Enter",
        &[
            k(KeyCode::Enter, Action::Open),
            k(KeyCode::Right, Action::Open),
            c('l', Action::Open),
        ],
        |s| s.key_open,
        Footer(1),
    ),
    row(Id::Search, "/", SEARCH_KEY, |s| s.key_search, Footer(3)),
    HELP_ROW,
    row(
        Id::Quit,
        "q",
        &[c('q', Action::Quit)],
        |s| s.key_quit,
        Footer(4),
    ),
    row(
        Id::SwitchPack,
        "p",
        &[c('p', Action::SwitchPack)],
        |s| s.lang.library_words().key_switch,
        Footer(3),
    ),
];

pub(super) const LIST: &[Row] = &[
    MOVE_ROW,
    VIM_ROW,
    PAGE_ROW,
    ENDS_ROW,
    SEARCH_ROW,
    row(
        Id::Open,
        "Enter",
        &[
            k(KeyCode::Enter, Action::Open),
            k(KeyCode::Right, Action::Open),
            c('l', Action::Open),
        ],
        |s| s.key_open,
        Footer(1),
    ),
    row(
        Id::Back,
        "Esc",
        &[
            k(KeyCode::Esc, Action::Back),
            k(KeyCode::Backspace, Action::Back),
            k(KeyCode::Left, Action::Back),
            c('h', Action::Back),
            c('q', Action::Back),
        ],
        |s| s.key_back,
        Footer(2),
    ),
    HELP_ROW,
];

pub(super) const READER: &[Row] = &[
    row(Id::Scroll, "↑↓", UP_DOWN, |s| s.key_scroll, Footer(3)),
    row(Id::MoveVim, "j k", J_K, |s| s.key_scroll, Help),
    row(
        Id::Back,
        "Esc",
        &[
            k(KeyCode::Esc, Action::Back),
            k(KeyCode::Backspace, Action::Back),
            k(KeyCode::Left, Action::Back),
            c('h', Action::Back),
            c('q', Action::Back),
        ],
        |s| s.key_back,
        Footer(2),
    ),
    HELP_ROW,
    row(
        Id::OtherEntry,
        "n p",
        &[c('n', Action::NextItem), c('p', Action::PreviousItem)],
        |s| s.key_other_entry,
        Footer(5),
    ),
    row(
        Id::OtherEntryTab,
        "Tab Shift-Tab",
        TAB,
        |s| s.key_other_entry,
        Help,
    ),
    row(
        Id::Page,
        "PgUp PgDn",
        &[
            k(KeyCode::PageUp, Action::PageUp),
            k(KeyCode::PageDown, Action::PageDown),
            c(' ', Action::PageDown),
        ],
        |s| s.key_page,
        Footer(4),
    ),
    ENDS_ROW,
    Row {
        id: Id::Related,
        label: Label::Keys("1–9"),
        keys: &[],
        range: Some(Range::Digits),
        hint: |s| s.key_open_related,
        show: Footer(1),
    },
    SEARCH_ROW,
];

pub(super) const HELP: &[Row] = &[
    row(
        Id::Close,
        "? Esc",
        &[
            k(KeyCode::Esc, Action::ToggleHelp),
            c('?', Action::ToggleHelp),
            c('q', Action::ToggleHelp),
            k(KeyCode::Backspace, Action::ToggleHelp),
            k(KeyCode::Enter, Action::ToggleHelp),
            k(KeyCode::F(1), Action::ToggleHelp),
        ],
        |s| s.help_close,
        Help,
    ),
    // A help longer than the window scrolls.
    row(
        Id::Scroll,
        "↑↓ PgUp PgDn Home End",
        &[
            k(KeyCode::Up, Action::Up),
            k(KeyCode::Down, Action::Down),
            c('k', Action::Up),
            c('j', Action::Down),
            k(KeyCode::PageUp, Action::PageUp),
            k(KeyCode::PageDown, Action::PageDown),
            k(KeyCode::Home, Action::First),
            k(KeyCode::End, Action::Last),
            c('g', Action::First),
            c('G', Action::Last),
        ],
        |s| s.key_scroll,
        Help,
    ),
];

pub(super) const SEARCH: &[Row] = &[
    MOVE_ROW,
    row(Id::Open, "Enter", ENTER, |s| s.key_open, Footer(1)),
    row(
        Id::Back,
        "Esc",
        &[k(KeyCode::Esc, Action::Back)],
        |s| s.key_back,
        Footer(2),
    ),
    row(
        Id::Clear,
        "Ctrl-U",
        &[(Key::Ctrl('u'), Action::ClearInput)],
        |s| s.key_clear,
        Footer(4),
    ),
    PAGE_ROW,
    row(Id::Delete, "Backspace", BACKSPACE, |s| s.key_delete, Help),
    TYPING,
    F1_ROW,
];
