//! Everything a user can ask for, and the per-screen keymaps that turn key
//! and mouse events into it. `update` only ever sees an `Action`.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

/// The closed set of things that can happen to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Open the selected item.
    Open,
    /// Go back to where the user came from.
    Back,
    /// Leave kisi (from Home, or Ctrl-C anywhere).
    Quit,
    /// Show or hide the key help.
    ToggleHelp,
    ScrollUp,
    ScrollDown,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

/// Which keymap applies: each screen, and the help overlay over any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    List,
    Reader,
    Help,
}

/// Maps a terminal event to an action in the given mode.
pub fn map_event(mode: Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(mode, *key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

fn map_key(mode: Mode, key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            _ => None,
        };
    }
    if mode == Mode::Help {
        return match key.code {
            KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Backspace | KeyCode::Enter => {
                Some(Action::ToggleHelp)
            }
            _ => None,
        };
    }
    let movement = match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Action::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Action::Down),
        KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::PageDown | KeyCode::Char(' ') => Some(Action::PageDown),
        KeyCode::Home | KeyCode::Char('g') => Some(Action::First),
        KeyCode::End | KeyCode::Char('G') => Some(Action::Last),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        _ => None,
    };
    if movement.is_some() {
        return movement;
    }
    match (mode, key.code) {
        (Mode::Home, KeyCode::Char('q')) => Some(Action::Quit),
        (Mode::Home | Mode::List, KeyCode::Enter | KeyCode::Right | KeyCode::Char('l')) => {
            Some(Action::Open)
        }
        (
            Mode::List | Mode::Reader,
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Left | KeyCode::Char('h' | 'q'),
        ) => Some(Action::Back),
        _ => None,
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
        for mode in [Mode::Home, Mode::List, Mode::Reader, Mode::Help] {
            assert_eq!(map_event(mode, &ctrl_c), Some(Action::Quit));
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
    fn help_mode_only_closes_help() {
        assert_eq!(map_event(Mode::Help, &key(KeyCode::Char('j'))), None);
        assert_eq!(
            map_event(Mode::Help, &key(KeyCode::Esc)),
            Some(Action::ToggleHelp)
        );
    }
}
