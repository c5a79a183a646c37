//! The keys of studying: quiz setup, each way of answering, feedback,
//! confirmation, results and handing in an exam.

use crossterm::event::KeyCode;

use super::{
    BACKSPACE, CTRL_U, ENDS_ROW, ENTER, ESC_BACK, F1_ROW, HELP_ROW, MOVE_ROW, PAGE, PAGE_ROW,
    SEARCH_ROW, TAB, TYPING, UP_DOWN_VIM, VIM_ROW, c, k, row,
};
use crate::action::Action;
use crate::keymap::Show::{Footer, Help};
use crate::keymap::{Id, Key, Label, Range, Row};

// The rows every way of answering shares, after its own. Enter (send or
// save) stays in a narrow footer before the way out, which help lists; the
// options show what to press to choose.
const SCROLL_ROW: Row = row(Id::Scroll, "PgUp PgDn", PAGE, |s| s.key_scroll, Help);
const LEAVE_ROW: Row = row(Id::Leave, "Esc", ESC_BACK, |s| s.key_leave, Footer(3));
const OTHER_QUESTION_ROW: Row = row(
    Id::OtherQuestion,
    "Tab Shift-Tab",
    TAB,
    |s| s.key_prev_next,
    Footer(4),
);
const GO_TO_ROW: Row = row(
    Id::GoTo,
    "Ctrl-G",
    &[(Key::Ctrl('g'), Action::GoTo)],
    |s| s.exam.key_go_to,
    Help,
);
const SUBMIT_ROW: Row = row(Id::Submit, "Enter", ENTER, |s| s.key_submit, Footer(1));
const SAVE_ROW: Row = row(Id::Save, "Enter", ENTER, |s| s.key_save, Footer(1));

/// Typing, Enter is the one key to know, before the way out.
pub(super) const TEXT_INPUT: &[Row] = &[
    row(Id::Submit, "Enter", ENTER, |s| s.key_submit, Footer(1)),
    row(Id::Save, "Enter", ENTER, |s| s.key_save, Footer(1)),
    row(Id::Add, "Enter", ENTER, |s| s.key_add, Footer(1)),
    row(
        Id::TakeBack,
        "Backspace",
        BACKSPACE,
        |s| s.key_take_back,
        Help,
    ),
    row(Id::Delete, "Backspace", BACKSPACE, |s| s.key_delete, Help),
    CTRL_U,
    TYPING,
    SCROLL_ROW,
    row(
        Id::Leave,
        "Esc",
        &[k(KeyCode::Esc, Action::Back)],
        |s| s.key_leave,
        Footer(3),
    ),
    OTHER_QUESTION_ROW,
    GO_TO_ROW,
    F1_ROW,
];

const TICK_ROW: Row = row(
    Id::Toggle,
    "Space",
    &[c(' ', Action::Toggle)],
    |s| s.key_toggle,
    Footer(2),
);

pub(super) const SETUP: &[Row] = &[
    MOVE_ROW,
    VIM_ROW,
    // Starting is what the screen is for, so it stays when space is short.
    row(Id::Start, "Enter", ENTER, |s| s.key_start, Footer(1)),
    TICK_ROW,
    row(
        Id::Change,
        "←→",
        &[
            k(KeyCode::Left, Action::Left),
            k(KeyCode::Right, Action::Right),
            c('h', Action::Left),
            c('-', Action::Left),
            c('l', Action::Right),
            c('+', Action::Right),
        ],
        |s| s.key_change,
        Footer(3),
    ),
    row(Id::Back, "Esc", ESC_BACK, |s| s.key_back, Footer(4)),
    HELP_ROW,
    PAGE_ROW,
    ENDS_ROW,
    SEARCH_ROW,
];

pub(super) const PICK: &[Row] = &[
    Row {
        id: Id::Choose,
        label: Label::Digits,
        keys: &[],
        range: Some(Range::Digits),
        hint: |s| s.key_choose,
        show: Footer(2),
    },
    Row {
        id: Id::ChooseLetters,
        label: Label::Letters,
        keys: &[],
        range: Some(Range::Letters),
        hint: |s| s.key_choose,
        show: Help,
    },
    SUBMIT_ROW,
    SAVE_ROW,
    row(Id::Move, "↑↓", UP_DOWN_VIM, |s| s.key_move, Help),
    SCROLL_ROW,
    LEAVE_ROW,
    OTHER_QUESTION_ROW,
    GO_TO_ROW,
    HELP_ROW,
];

/// Select all that apply: Space or an option's number or letter ticks it.
pub(super) const SELECT: &[Row] = &[
    TICK_ROW,
    Row {
        id: Id::Choose,
        label: Label::Digits,
        keys: &[],
        range: Some(Range::Digits),
        hint: |s| s.key_toggle,
        show: Help,
    },
    Row {
        id: Id::ChooseLetters,
        label: Label::Letters,
        keys: &[],
        range: Some(Range::Letters),
        hint: |s| s.key_toggle,
        show: Help,
    },
    SUBMIT_ROW,
    SAVE_ROW,
    row(Id::Move, "↑↓", UP_DOWN_VIM, |s| s.key_move, Footer(5)),
    SCROLL_ROW,
    LEAVE_ROW,
    OTHER_QUESTION_ROW,
    GO_TO_ROW,
    HELP_ROW,
];

pub(super) const TRUE_FALSE: &[Row] = &[
    Row {
        id: Id::Choose,
        label: Label::Words(|s| s.key_true_false),
        keys: &[
            c('1', Action::Choose(0)),
            c('b', Action::Choose(0)),
            c('t', Action::Choose(0)),
            c('2', Action::Choose(1)),
            c('s', Action::Choose(1)),
            c('f', Action::Choose(1)),
        ],
        range: None,
        hint: |s| s.key_choose,
        show: Footer(2),
    },
    SUBMIT_ROW,
    SAVE_ROW,
    row(
        Id::Move,
        "←→ ↑↓",
        &[
            k(KeyCode::Left, Action::Choose(0)),
            k(KeyCode::Right, Action::Choose(1)),
            k(KeyCode::Up, Action::Up),
            k(KeyCode::Down, Action::Down),
            c('k', Action::Up),
            c('j', Action::Down),
        ],
        |s| s.key_move,
        Help,
    ),
    SCROLL_ROW,
    LEAVE_ROW,
    OTHER_QUESTION_ROW,
    GO_TO_ROW,
    HELP_ROW,
];

// Space and Enter are what an ordering needs: at 40 columns they stay
// beside help, short words and all; ↑↓ comes next, before the way out.
pub(super) const ARRANGE: &[Row] = &[
    row(Id::Move, "↑↓", UP_DOWN_VIM, |s| s.key_move, Footer(3)),
    row(
        Id::Grab,
        "Space",
        &[c(' ', Action::Toggle)],
        |s| s.key_grab,
        Footer(2),
    ),
    Row {
        id: Id::Match,
        label: Label::Match,
        keys: &[
            k(KeyCode::Left, Action::Left),
            k(KeyCode::Right, Action::Right),
            c('h', Action::Left),
            c('l', Action::Right),
        ],
        range: Some(Range::Letters),
        hint: |s| s.key_choose,
        show: Footer(2),
    },
    SUBMIT_ROW,
    SAVE_ROW,
    SCROLL_ROW,
    LEAVE_ROW,
    OTHER_QUESTION_ROW,
    GO_TO_ROW,
    HELP_ROW,
];

pub(super) const FLASHCARD: &[Row] = &[
    row(
        Id::Flip,
        "Space",
        &[c(' ', Action::Toggle), k(KeyCode::Enter, Action::Toggle)],
        |s| s.key_flip,
        Footer(1),
    ),
    row(
        Id::Knew,
        "y/n",
        &[
            c('y', Action::Yes),
            c('1', Action::Yes),
            c('n', Action::No),
            c('t', Action::No),
            c('2', Action::No),
        ],
        |s| s.key_knew,
        Footer(2),
    ),
    // No Tab: a mock exam asks no flashcards, which grade themselves.
    SCROLL_ROW,
    LEAVE_ROW,
    HELP_ROW,
];

pub(super) const FEEDBACK: &[Row] = &[
    row(
        Id::Next,
        "Enter",
        &[
            k(KeyCode::Enter, Action::Open),
            c(' ', Action::Open),
            k(KeyCode::Right, Action::Open),
        ],
        |s| s.key_next,
        Footer(2),
    ),
    row(
        Id::OpenEntry,
        "o",
        &[c('o', Action::OpenEntry)],
        |s| s.key_open_entry,
        Footer(4),
    ),
    // Kept before leaving: a student who was right has no other way to say so.
    row(
        Id::Override,
        "r",
        &[c('r', Action::Override), c('!', Action::Override)],
        |s| s.key_override,
        Footer(1),
    ),
    SCROLL_ROW,
    row(Id::Leave, "Esc", ESC_BACK, |s| s.key_leave, Footer(3)),
    HELP_ROW,
];

const YES: &[(Key, Action)] = &[
    c('y', Action::Yes),
    c('Y', Action::Yes),
    k(KeyCode::Enter, Action::Yes),
];

pub(super) const CONFIRM: &[Row] = &[
    row(Id::Yes, "y", YES, |s| s.key_leave, Footer(1)),
    row(Id::YesHandIn, "y", YES, |s| s.key_submit, Footer(1)),
    row(
        Id::HostConfirmEnd,
        "y",
        YES,
        |s| s.room.key_confirm_end,
        Footer(1),
    ),
    row(
        Id::HostConfirmQuit,
        "y",
        YES,
        |s| s.room.key_confirm_quit,
        Footer(1),
    ),
    row(
        Id::No,
        "n Esc",
        &[
            c('n', Action::No),
            c('N', Action::No),
            c('t', Action::No),
            c('T', Action::No),
            k(KeyCode::Esc, Action::No),
        ],
        |s| s.key_back,
        Footer(2),
    ),
];

pub(super) const RESULTS: &[Row] = &[
    row(Id::Move, "↑↓", UP_DOWN_VIM, |s| s.key_move, Footer(4)),
    PAGE_ROW,
    ENDS_ROW,
    row(
        Id::OpenEntry,
        "Enter",
        &[k(KeyCode::Enter, Action::Open), c('o', Action::Open)],
        |s| s.key_open_entry,
        Footer(3),
    ),
    row(
        Id::Retry,
        "r",
        &[c('r', Action::Retry)],
        |s| s.key_retry,
        Footer(1),
    ),
    row(
        Id::Back,
        "Esc",
        &[
            k(KeyCode::Esc, Action::Back),
            k(KeyCode::Backspace, Action::Back),
            c('q', Action::Back),
        ],
        |s| s.key_back,
        Footer(2),
    ),
    HELP_ROW,
    SEARCH_ROW,
];

pub(super) const HAND_IN: &[Row] = &[
    row(Id::HandIn, "Enter", ENTER, |s| s.exam_hand_in, Footer(1)),
    row(
        Id::OtherQuestion,
        "Tab Shift-Tab",
        TAB,
        |s| s.key_prev_next,
        Footer(3),
    ),
    row(
        Id::GoTo,
        "g Ctrl-G",
        &[c('g', Action::GoTo), (Key::Ctrl('g'), Action::GoTo)],
        |s| s.exam.key_go_to,
        Footer(4),
    ),
    row(Id::Leave, "Esc", ESC_BACK, |s| s.key_leave, Footer(2)),
    HELP_ROW,
];
