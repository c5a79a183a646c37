//! Everything a user can ask for, and the per-mode keymaps that turn key
//! and mouse events into it. `update` only ever sees an `Action`.

use std::time::Duration;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

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
    /// Show or hide the footer of keys (presentations).
    ToggleFooter,
    /// Tab / Shift-Tab (n / p when reading): the next or previous question
    /// of a mock exam, or entry of a topic.
    NextItem,
    PreviousItem,
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
    /// Typing into a text field: every character is text.
    TextInput,
    /// Quiz settings: toggles and values.
    Setup,
    /// Choosing one of several options by number or letter.
    Pick,
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
    /// Presenting slides or a class quiz to a room.
    Present,
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
        Event::Paste(text) if mode == Mode::TextInput => text.chars().next().map(Action::Input),
        _ => None,
    }
}

fn map_key(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('u') if mode == Mode::TextInput => Some(Action::ClearInput),
            _ => None,
        };
    }
    match key.code {
        KeyCode::F(1) => return Some(Action::ToggleHelp),
        KeyCode::Tab if mode != Mode::Help && mode != Mode::Confirm => {
            return Some(Action::NextItem);
        }
        KeyCode::BackTab if mode != Mode::Help && mode != Mode::Confirm => {
            return Some(Action::PreviousItem);
        }
        _ => {}
    }
    match mode {
        Mode::Help => help_key(key.code),
        Mode::TextInput => text_key(key.code),
        Mode::Confirm => confirm_key(key.code),
        _ => movement_key(key.code).or_else(|| mode_key(mode, key.code)),
    }
}

fn help_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Backspace | KeyCode::Enter => {
            Some(Action::ToggleHelp)
        }
        // A help longer than the window scrolls.
        _ => movement_key(code).filter(|action| {
            matches!(
                action,
                Action::Up
                    | Action::Down
                    | Action::PageUp
                    | Action::PageDown
                    | Action::First
                    | Action::Last
            )
        }),
    }
}

fn text_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Enter => Some(Action::Open),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Backspace => Some(Action::DeleteChar),
        KeyCode::Up => Some(Action::Up),
        KeyCode::Down => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Char(c) => Some(Action::Input(c)),
        _ => None,
    }
}

fn confirm_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char('y' | 'Y') | KeyCode::Enter => Some(Action::Yes),
        KeyCode::Char('n' | 'N' | 't' | 'T') | KeyCode::Esc => Some(Action::No),
        _ => None,
    }
}

fn movement_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::First),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Last),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('/') => Some(Action::Search),
        _ => None,
    }
}

/// Option numbers 1–9 and letters a–f choose an option.
fn choice_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char(c @ '1'..='9') => Some(Action::Choose(usize::from(c as u8 - b'1'))),
        KeyCode::Char(c @ 'a'..='f') => Some(Action::Choose(usize::from(c as u8 - b'a'))),
        _ => None,
    }
}

fn mode_key(mode: Mode, code: KeyCode) -> Option<Action> {
    let back = matches!(code, KeyCode::Esc | KeyCode::Backspace);
    match mode {
        Mode::Home => match code {
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => Some(Action::Open),
            _ => None,
        },
        Mode::List => match code {
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => Some(Action::Open),
            KeyCode::Left | KeyCode::Char('h' | 'q') => Some(Action::Back),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Reader => match code {
            KeyCode::Left | KeyCode::Char('h' | 'q') => Some(Action::Back),
            KeyCode::Char(' ') => Some(Action::PageDown),
            KeyCode::Char('n') => Some(Action::NextItem),
            KeyCode::Char('p') => Some(Action::PreviousItem),
            KeyCode::Char(c @ '1'..='9') => Some(Action::Choose(usize::from(c as u8 - b'1'))),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Setup => match code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Char(' ') => Some(Action::Toggle),
            KeyCode::Left | KeyCode::Char('h' | '-') => Some(Action::Left),
            KeyCode::Right | KeyCode::Char('l' | '+') => Some(Action::Right),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Pick => match code {
            KeyCode::Enter => Some(Action::Open),
            _ if back => Some(Action::Back),
            _ => choice_key(code),
        },
        Mode::TrueFalse => match code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Char('1' | 'b' | 't') | KeyCode::Left => Some(Action::Choose(0)),
            KeyCode::Char('2' | 's' | 'f') | KeyCode::Right => Some(Action::Choose(1)),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Arrange => match code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Char(' ') => Some(Action::Toggle),
            KeyCode::Left | KeyCode::Char('h') => Some(Action::Left),
            KeyCode::Right | KeyCode::Char('l') => Some(Action::Right),
            _ if back => Some(Action::Back),
            _ => choice_key(code),
        },
        Mode::Flashcard => match code {
            KeyCode::Enter | KeyCode::Char(' ') => Some(Action::Toggle),
            KeyCode::Char('y' | '1') => Some(Action::Yes),
            KeyCode::Char('n' | 't' | '2') => Some(Action::No),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Feedback => match code {
            KeyCode::Enter | KeyCode::Char(' ') | KeyCode::Right => Some(Action::Open),
            KeyCode::Char('o') => Some(Action::OpenEntry),
            KeyCode::Char('r' | '!') => Some(Action::Override),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Results => match code {
            KeyCode::Enter | KeyCode::Char('o') => Some(Action::Open),
            KeyCode::Char('r') => Some(Action::Retry),
            KeyCode::Char('q') => Some(Action::Back),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Present => match code {
            KeyCode::Enter => Some(Action::Open),
            KeyCode::Char(' ') => Some(Action::Toggle),
            KeyCode::Right | KeyCode::Char('l') => Some(Action::Right),
            KeyCode::Left | KeyCode::Char('h') => Some(Action::Left),
            KeyCode::Char('f') => Some(Action::ToggleFooter),
            KeyCode::Char('r') => Some(Action::Retry),
            KeyCode::Char('q') => Some(Action::Back),
            _ if back => Some(Action::Back),
            _ => None,
        },
        Mode::Help | Mode::TextInput | Mode::Confirm => None,
    }
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
        for mode in [
            Mode::Home,
            Mode::List,
            Mode::Reader,
            Mode::Help,
            Mode::TextInput,
            Mode::Setup,
            Mode::Pick,
            Mode::TrueFalse,
            Mode::Arrange,
            Mode::Flashcard,
            Mode::Feedback,
            Mode::Confirm,
            Mode::Results,
            Mode::Present,
        ] {
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
