//! The keys of the lecturer's screens and the room: presenting, the class
//! quiz, waiting for a room, and hosting a live class quiz.

use crossterm::event::KeyCode;

use super::{
    BACKSPACE, CTRL_U, ENDS, ENTER, F1_ROW, HELP_ROW, PAGE, SEARCH_ROW, TYPING, UP_DOWN, c, k, row,
};
use crate::action::Action;
use crate::action::HostCommand;
use crate::keymap::Show::{Footer, Help};
use crate::keymap::{Id, Row};

pub(super) const PRESENT: &[Row] = &[
    row(
        Id::Next,
        "Space →",
        &[c(' ', Action::Toggle), k(KeyCode::Right, Action::Right)],
        |s| s.key_next,
        Footer(1),
    ),
    row(
        Id::Previous,
        "←",
        &[k(KeyCode::Left, Action::Left)],
        |s| s.key_present_previous,
        Footer(2),
    ),
    row(
        Id::NextMore,
        "Space → Enter PgDn l",
        &[
            c(' ', Action::Toggle),
            k(KeyCode::Right, Action::Right),
            k(KeyCode::Enter, Action::Open),
            k(KeyCode::PageDown, Action::PageDown),
            c('l', Action::Right),
        ],
        |s| s.key_present_next,
        Help,
    ),
    row(
        Id::PreviousMore,
        "PgUp h",
        &[k(KeyCode::PageUp, Action::PageUp), c('h', Action::Left)],
        |s| s.key_present_previous,
        Help,
    ),
    row(
        Id::Skip,
        "↓ ↑ j k",
        &[
            k(KeyCode::Down, Action::Down),
            k(KeyCode::Up, Action::Up),
            c('j', Action::Down),
            c('k', Action::Up),
        ],
        |s| s.key_present_skip,
        Help,
    ),
    row(Id::Ends, "Home End g G", ENDS, |s| s.key_present_ends, Help),
    row(
        Id::Footer,
        "f",
        &[c('f', Action::ToggleFooter)],
        |s| s.key_footer,
        Footer(3),
    ),
    row(
        Id::Back,
        "q",
        &[c('q', Action::Back), k(KeyCode::Backspace, Action::Back)],
        |s| s.key_back,
        Footer(4),
    ),
    row(
        Id::Back,
        "Esc",
        &[k(KeyCode::Esc, Action::Back)],
        |s| s.key_back,
        Help,
    ),
    HELP_ROW,
    SEARCH_ROW,
];

/// No search here: it would show the room the answers.
pub(super) const CLASS_QUIZ: &[Row] = &[
    row(
        Id::Next,
        "Space",
        &[c(' ', Action::Toggle), k(KeyCode::Right, Action::Right)],
        |s| s.key_next,
        Footer(1),
    ),
    row(
        Id::Back,
        "q",
        &[c('q', Action::Back), k(KeyCode::Backspace, Action::Back)],
        |s| s.key_back,
        Footer(3),
    ),
    row(
        Id::PreviousQuestion,
        "←",
        &[k(KeyCode::Left, Action::Left)],
        |s| s.key_previous_question,
        Footer(4),
    ),
    row(
        Id::RevealNext,
        "Space → Enter PgDn ↓ j",
        &[
            c(' ', Action::Toggle),
            k(KeyCode::Right, Action::Right),
            k(KeyCode::Enter, Action::Open),
            k(KeyCode::PageDown, Action::PageDown),
            k(KeyCode::Down, Action::Down),
            c('j', Action::Down),
        ],
        |s| s.key_reveal_next,
        Help,
    ),
    row(
        Id::PreviousMore,
        "← PgUp ↑ k",
        &[
            k(KeyCode::Left, Action::Left),
            k(KeyCode::PageUp, Action::PageUp),
            k(KeyCode::Up, Action::Up),
            c('k', Action::Up),
        ],
        |s| s.key_class_quiz_previous,
        Help,
    ),
    // Space (reveal, then next) matters most. While a question is asked the
    // way out comes next; once its answer shows, asking again and hiding
    // this line do, and nothing else would tell the lecturer of them.
    row(
        Id::RestartTimer,
        "r",
        &[c('r', Action::Retry)],
        |s| s.key_restart_timer,
        Footer(5),
    ),
    row(
        Id::AskAgain,
        "r",
        &[c('r', Action::Retry)],
        |s| s.key_restart_timer,
        Footer(2),
    ),
    row(
        Id::Footer,
        "f",
        &[c('f', Action::ToggleFooter)],
        |s| s.key_footer,
        Footer(6),
    ),
    row(
        Id::FooterRevealed,
        "f",
        &[c('f', Action::ToggleFooter)],
        |s| s.key_footer,
        Footer(2),
    ),
    row(
        Id::Back,
        "Esc",
        &[k(KeyCode::Esc, Action::Back)],
        |s| s.key_back,
        Help,
    ),
    HELP_ROW,
];

pub(super) const WAIT: &[Row] = &[
    row(
        Id::Back,
        "Esc",
        &[
            k(KeyCode::Esc, Action::Back),
            k(KeyCode::Backspace, Action::Back),
            c('q', Action::Back),
        ],
        |s| s.key_back,
        Footer(1),
    ),
    // The student's screen in a live class quiz, between questions.
    row(Id::Scroll, "PgUp PgDn", PAGE, |s| s.key_scroll, Help),
    HELP_ROW,
];

/// The lecturer's keys in a live class quiz; the screen shows those that
/// work in the room's phase.
pub(super) const HOST: &[Row] = &[
    row(
        Id::HostStart,
        "s",
        &[c('s', Action::Host(HostCommand::Start))],
        |s| s.room.key_start,
        Footer(1),
    ),
    row(
        Id::HostReveal,
        "r",
        &[c('r', Action::Host(HostCommand::Reveal))],
        |s| s.room.key_reveal,
        Footer(1),
    ),
    row(
        Id::HostNext,
        "n",
        &[c('n', Action::Host(HostCommand::Next))],
        |s| s.room.key_next,
        Footer(1),
    ),
    row(
        Id::HostSkip,
        "k",
        &[c('k', Action::Host(HostCommand::Skip))],
        |s| s.room.key_skip,
        Footer(4),
    ),
    row(
        Id::HostPause,
        "p",
        &[c('p', Action::Host(HostCommand::Pause))],
        |s| s.room.key_pause,
        Footer(2),
    ),
    row(
        Id::HostExtend,
        "+",
        &[
            c('+', Action::Host(HostCommand::Extend)),
            c('=', Action::Host(HostCommand::Extend)),
        ],
        |s| s.room.key_extend,
        Footer(3),
    ),
    row(
        Id::HostRemove,
        "d",
        &[c('d', Action::Host(HostCommand::Remove))],
        |s| s.room.key_remove,
        Footer(5),
    ),
    row(
        Id::HostExtraTime,
        "x",
        &[c('x', Action::Host(HostCommand::ExtraTime))],
        |s| s.room.key_extra_time,
        Footer(5),
    ),
    row(
        Id::HostEnd,
        "e",
        &[c('e', Action::Host(HostCommand::End))],
        |s| s.room.key_end,
        Footer(6),
    ),
    row(
        Id::Quit,
        "q",
        &[c('q', Action::Back)],
        |s| s.key_quit,
        Footer(2),
    ),
    row(Id::Page, "PgUp PgDn", PAGE, |s| s.key_page, Footer(7)),
    HELP_ROW,
];

/// Choosing the student to remove, or to give extra time.
pub(super) const HOST_PICK: &[Row] = &[
    row(Id::Move, "↑↓", UP_DOWN, |s| s.key_move, Footer(1)),
    row(
        Id::HostRemove,
        "Enter",
        &[k(KeyCode::Enter, Action::Open)],
        |s| s.room.key_remove,
        Footer(1),
    ),
    row(
        Id::HostExtraTime,
        "Enter",
        &[k(KeyCode::Enter, Action::Open)],
        |s| s.room.key_change_extra,
        Footer(1),
    ),
    row(
        Id::Back,
        "Esc",
        &[k(KeyCode::Esc, Action::Back)],
        |s| s.key_back,
        Footer(2),
    ),
    HELP_ROW,
];

/// Home's form to join a live class quiz: every character is typed, so
/// help is F1. While it connects only Esc (give up) applies.
pub(super) const JOIN_FORM: &[Row] = &[
    row(
        Id::JoinConnect,
        "Enter",
        ENTER,
        |s| s.room.key_join,
        Footer(1),
    ),
    row(
        Id::JoinField,
        "Tab ↑↓",
        &[
            k(KeyCode::Tab, Action::NextItem),
            k(KeyCode::BackTab, Action::PreviousItem),
            k(KeyCode::Down, Action::Down),
            k(KeyCode::Up, Action::Up),
        ],
        |s| s.room.key_next_field,
        Footer(2),
    ),
    row(Id::Delete, "Backspace", BACKSPACE, |s| s.key_delete, Help),
    CTRL_U,
    TYPING,
    row(
        Id::Back,
        "Esc",
        &[k(KeyCode::Esc, Action::Back)],
        |s| s.key_back,
        Footer(3),
    ),
    row(
        Id::JoinCancel,
        "Esc",
        &[k(KeyCode::Esc, Action::Back)],
        |s| s.room.key_cancel,
        Footer(1),
    ),
    F1_ROW,
];
