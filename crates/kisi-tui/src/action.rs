//! Everything a user can ask for, and the mapping of key and mouse events
//! to it: keys through the per-mode tables of `keymap`, mouse and resize
//! here. `update` only ever sees an `Action`.

use std::time::Duration;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::keymap::{self, Key};
use kisi_core::text::is_unsafe;

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
    Host(crate::screens::host::HostCommand),
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

/// Maps a terminal event to an action in the given mode.
pub fn map_event(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(mode, *key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            // A click anywhere closes the help overlay.
            MouseEventKind::Down(MouseButton::Left) if mode == Mode::Help => {
                Some(Action::ToggleHelp)
            }
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// What a paste types in `mode`: in a text field, each of its characters
/// but the [`is_unsafe`] ones (controls, line breaks, bidi overrides,
/// zero-width characters), the same filter as for keys; elsewhere nothing.
pub fn paste(mode: Mode, text: &str) -> impl Iterator<Item = Action> + '_ {
    let typing = matches!(mode, Mode::TextInput | Mode::Search | Mode::JoinForm);
    text.chars()
        .filter(move |&c| typing && !is_unsafe(c))
        .map(Action::Input)
}

/// A key in the tables' terms; Ctrl with anything but a letter is nothing.
fn map_key(mode: Mode, key: KeyEvent) -> Option<Action> {
    let key = match key.code {
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            Key::Ctrl(c.to_ascii_lowercase())
        }
        _ if key.modifiers.contains(KeyModifiers::CONTROL) => return None,
        KeyCode::Char(c) => Key::Char(c),
        code => Key::Code(code),
    };
    keymap::lookup(mode, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        for mode in keymap::MODES {
            assert_eq!(map_event(mode, &ctrl_c), Some(Action::Quit), "{mode:?}");
        }
    }

    #[test]
    fn q_quits_only_from_home() {
        assert_eq!(
            map_event(Mode::Home, &key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            map_event(Mode::List, &key(KeyCode::Char('q'))),
            Some(Action::Back)
        );
        assert_eq!(map_event(Mode::Home, &key(KeyCode::Esc)), None);
    }

    #[test]
    fn vim_and_arrow_keys_move() {
        assert_eq!(
            map_event(Mode::List, &key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(map_event(Mode::List, &key(KeyCode::Up)), Some(Action::Up));
        assert_eq!(
            map_event(Mode::Reader, &key(KeyCode::Char('G'))),
            Some(Action::Last)
        );
    }

    #[test]
    fn reading_keys_move_between_entries_and_open_related_ones() {
        let read = |code| map_event(Mode::Reader, &key(code));
        assert_eq!(read(KeyCode::Char('n')), Some(Action::NextItem));
        assert_eq!(read(KeyCode::Char('p')), Some(Action::PreviousItem));
        assert_eq!(read(KeyCode::Tab), Some(Action::NextItem));
        assert_eq!(read(KeyCode::Char('1')), Some(Action::Choose(0)));
        assert_eq!(read(KeyCode::Char('9')), Some(Action::Choose(8)));
        assert_eq!(read(KeyCode::Char('0')), None);
    }

    #[test]
    fn text_input_takes_every_character() {
        for c in ['q', 'j', '?', '/', ' ', 'é'] {
            assert_eq!(
                map_event(Mode::TextInput, &key(KeyCode::Char(c))),
                Some(Action::Input(c))
            );
        }
        let ctrl_u = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(
            map_event(Mode::TextInput, &ctrl_u),
            Some(Action::ClearInput)
        );
    }

    #[test]
    fn options_are_chosen_by_number_or_letter() {
        assert_eq!(
            map_event(Mode::Pick, &key(KeyCode::Char('3'))),
            Some(Action::Choose(2))
        );
        assert_eq!(
            map_event(Mode::Pick, &key(KeyCode::Char('c'))),
            Some(Action::Choose(2))
        );
        // b for benar, s for salah.
        assert_eq!(
            map_event(Mode::TrueFalse, &key(KeyCode::Char('b'))),
            Some(Action::Choose(0))
        );
        assert_eq!(
            map_event(Mode::TrueFalse, &key(KeyCode::Char('s'))),
            Some(Action::Choose(1))
        );
    }

    #[test]
    fn a_left_click_is_a_click_at_its_cell() {
        use crossterm::event::{MouseEvent, MouseEventKind};
        let mouse = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 7,
                row: 3,
                modifiers: KeyModifiers::NONE,
            })
        };
        let left = mouse(MouseEventKind::Down(MouseButton::Left));
        assert_eq!(
            map_event(Mode::List, &left),
            Some(Action::Click { column: 7, row: 3 })
        );
        assert_eq!(map_event(Mode::Help, &left), Some(Action::ToggleHelp));
        assert_eq!(
            map_event(Mode::List, &mouse(MouseEventKind::Down(MouseButton::Right))),
            None
        );
        assert_eq!(
            map_event(Mode::Pick, &mouse(MouseEventKind::ScrollDown)),
            Some(Action::ScrollDown)
        );
    }

    #[test]
    fn help_mode_closes_or_scrolls_help() {
        assert_eq!(
            map_event(Mode::Help, &key(KeyCode::Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(
            map_event(Mode::Help, &key(KeyCode::PageDown)),
            Some(Action::PageDown)
        );
        assert_eq!(map_event(Mode::Help, &key(KeyCode::Char('/'))), None);
        assert_eq!(map_event(Mode::Help, &key(KeyCode::Char('h'))), None);
        assert_eq!(
            map_event(Mode::Help, &key(KeyCode::Esc)),
            Some(Action::ToggleHelp)
        );
    }
}
