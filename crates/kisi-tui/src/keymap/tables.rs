//! The key tables, one per mode, as data. Long because it lists every
//! key of every mode with its action, words and footer priority; there is
//! no logic here beyond `table`, which picks a mode's list.

use crossterm::event::KeyCode;

use super::{Id, Key, Label, Range, Row, Show};
use crate::action::{Action, Mode};
use kisi_core::i18n::Strings;

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

const HOME: &[Row] = &[
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
];

const LIST: &[Row] = &[
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

const READER: &[Row] = &[
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

const HELP: &[Row] = &[
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

const SEARCH: &[Row] = &[
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
const TEXT_INPUT: &[Row] = &[
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

const SETUP: &[Row] = &[
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

const PICK: &[Row] = &[
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
const SELECT: &[Row] = &[
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
    HELP_ROW,
];

const TRUE_FALSE: &[Row] = &[
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

const ARRANGE: &[Row] = &[
    row(Id::Move, "↑↓", UP_DOWN_VIM, |s| s.key_move, Footer(5)),
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

const FLASHCARD: &[Row] = &[
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

const FEEDBACK: &[Row] = &[
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

const CONFIRM: &[Row] = &[
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

const RESULTS: &[Row] = &[
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

const HAND_IN: &[Row] = &[
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

const PRESENT: &[Row] = &[
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
const CLASS_QUIZ: &[Row] = &[
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

const WAIT: &[Row] = &[
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
    SCROLL_ROW,
    HELP_ROW,
];

/// Every mode, for the tests that check the tables.
pub const MODES: [Mode; 21] = [
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
];

use crate::screens::host::HostCommand;

/// The lecturer's keys in a live class quiz; the screen shows those that
/// work in the room's phase.
const HOST: &[Row] = &[
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
    HELP_ROW,
];

/// Choosing the student to remove.
const HOST_PICK: &[Row] = &[
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
