//! Everything a user can ask for, and the keymap modes. Key and mouse
//! events become actions in `keymap` (`map_event`); `update` only ever sees
//! an `Action`.

use std::time::Duration;

/// The closed set of things that can happen to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Left,
    Right,
    /// Enter: open the selected item, or submit an answer.
    Open,
    /// Go back to where the user came from.
    Back,
    /// Leave kisi (from Home, or Ctrl-C anywhere).
    Quit,
    /// Show or hide the key help.
    ToggleHelp,
    ScrollUp,
    ScrollDown,
    /// Space: tick a box, pick up or put down an item, turn a card.
    Toggle,
    /// Choose option `n` (0-based) by its number or letter; when reading,
    /// open related entry `n`.
    Choose(usize),
    /// A character typed into a text field.
    Input(char),
    DeleteChar,
    ClearInput,
    /// Open the entry the current question or result is about.
    OpenEntry,
    /// "I was right": count a wrong answer as right, honestly marked.
    Override,
    /// Start again with the mistakes only.
    Retry,
    Yes,
    No,
    /// Open search from anywhere.
    Search,
    /// Home: choose another pack of the library.
    SwitchPack,
    /// Show or hide the footer of keys (presentations).
    ToggleFooter,
    /// Tab / Shift-Tab (n / p when reading): the next or previous question
    /// of a mock exam, or entry of a topic.
    NextItem,
    PreviousItem,
    /// Ctrl-G in a mock exam: ask for a question's number and go there.
    GoTo,
    /// A lecturer's key in a live class quiz.
    Host(HostCommand),
    /// Time has passed (for countdowns).
    Tick(Duration),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at this cell: selects what is there, or opens it when
    /// it was already selected.
    Click {
        column: u16,
        row: u16,
    },
}

/// Which keymap applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    List,
    Reader,
    Help,
    /// Search: typing a query, moving among the results.
    Search,
    /// Typing an answer: every character is text.
    TextInput,
    /// Quiz settings: toggles and values.
    Setup,
    /// Choosing one of several options by number or letter.
    Pick,
    /// Ticking every right option (select all that apply).
    Select,
    /// True or false.
    TrueFalse,
    /// Arranging items: ordering and matching questions.
    Arrange,
    /// A flashcard, before and after turning it.
    Flashcard,
    /// The verdict after an answer.
    Feedback,
    /// A yes/no question such as "leave the quiz?".
    Confirm,
    Results,
    /// The mock exam's page for handing in.
    HandIn,
    /// Presenting slides to a room.
    Present,
    /// Asking a room questions.
    ClassQuiz,
    /// Waiting for questions to be drawn: only going back.
    Wait,
    /// The host of a live class quiz, and its "remove whom?" list.
    Host,
    HostPick,
    /// Home's form to join a live class quiz: every character is text.
    JoinForm,
}

/// A lecturer's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostCommand {
    Start,
    Reveal,
    Next,
    Skip,
    Pause,
    Extend,
    Remove,
    ExtraTime,
    End,
}
