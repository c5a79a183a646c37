use crossterm::event::{Event, KeyEvent, KeyModifiers};

use super::map_event;
use super::*;
use kisi_core::i18n::Lang;

/// The keys a label names: "↑↓ `PgUp`" is up, down and page up; "1-4" the
/// digits 1 to 4; "b/s 1/2" the letters and digits.
fn named_keys(label: &str) -> Vec<Key> {
    let mut keys = Vec::new();
    // "b/s" is two keys; "/" alone is the key.
    let tokens = label.split(' ').flat_map(|token| {
        if token.len() > 1 {
            token.split('/').collect()
        } else {
            vec![token]
        }
    });
    for token in tokens.filter(|t| !t.is_empty()) {
        let code = match token {
            "PgUp" => Some(KeyCode::PageUp),
            "PgDn" => Some(KeyCode::PageDown),
            "Home" => Some(KeyCode::Home),
            "End" => Some(KeyCode::End),
            "Enter" => Some(KeyCode::Enter),
            "Esc" => Some(KeyCode::Esc),
            "Tab" => Some(KeyCode::Tab),
            "Shift-Tab" => Some(KeyCode::BackTab),
            "Backspace" => Some(KeyCode::Backspace),
            "F1" => Some(KeyCode::F(1)),
            _ => None,
        };
        if let Some(code) = code {
            keys.push(Key::Code(code));
            continue;
        }
        match token {
            "Space" => keys.push(Key::Char(' ')),
            "Ctrl-C" => keys.push(Key::Ctrl('c')),
            "Ctrl-U" => keys.push(Key::Ctrl('u')),
            "Ctrl-G" => keys.push(Key::Ctrl('g')),
            // Typing: any letter.
            "abc…" => keys.extend("abc".chars().map(Key::Char)),
            _ => {
                let chars: Vec<char> = token.chars().collect();
                match chars.as_slice() {
                    [from, '-' | '–', to] => keys.extend((*from..=*to).map(Key::Char)),
                    _ => keys.extend(chars.iter().map(|&c| arrow(c).unwrap_or(Key::Char(c)))),
                }
            }
        }
    }
    keys
}

fn arrow(c: char) -> Option<Key> {
    let code = match c {
        '↑' => KeyCode::Up,
        '↓' => KeyCode::Down,
        '←' => KeyCode::Left,
        '→' => KeyCode::Right,
        _ => return None,
    };
    Some(Key::Code(code))
}

fn event(key: Key) -> Event {
    let (code, modifiers) = match key {
        Key::Char(c) => (KeyCode::Char(c), KeyModifiers::NONE),
        Key::Code(code) => (code, KeyModifiers::NONE),
        Key::Ctrl(c) => (KeyCode::Char(c), KeyModifiers::CONTROL),
    };
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Every key worth trying: printable ASCII, a letter with an accent, the
/// named keys, F1–F12 and Ctrl with each letter.
fn every_key() -> Vec<Key> {
    let mut keys: Vec<Key> = (' '..='~').chain(['é']).map(Key::Char).collect();
    keys.extend(
        [
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Insert,
        ]
        .into_iter()
        .chain((1..=12).map(KeyCode::F))
        .map(Key::Code),
    );
    keys.extend(('a'..='z').map(Key::Ctrl));
    keys
}

fn rows(mode: Mode) -> impl Iterator<Item = &'static Row> {
    GLOBAL.iter().chain(table(mode))
}

#[test]
fn every_hinted_key_gives_its_rows_action_in_its_mode() {
    for lang in [Lang::Id, Lang::En] {
        let strings = lang.strings();
        for mode in MODES {
            for row in rows(mode) {
                let label = row.hint(strings, 0).keys;
                let named = named_keys(label);
                assert!(!named.is_empty(), "{mode:?}: {label:?} names no key");
                for key in named {
                    let action = row.action(key);
                    assert!(
                        action.is_some(),
                        "{mode:?}: {label:?} names {key:?}, which the row does not bind"
                    );
                    assert_eq!(
                        map_event(mode, &event(key)),
                        action,
                        "{mode:?}: {label:?} names {key:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_key_a_mode_takes_is_in_a_row_of_its_table_with_words() {
    let strings = Lang::Id.strings();
    for mode in MODES {
        for key in every_key() {
            let Some(action) = map_event(mode, &event(key)) else {
                continue;
            };
            let row = rows(mode).find(|row| row.action(key) == Some(action));
            let Some(row) = row else {
                panic!("{mode:?}: {key:?} gives {action:?} but no row says so");
            };
            let hint = row.hint(strings, 0);
            assert!(
                !hint.keys.is_empty() && !hint.action.is_empty(),
                "{mode:?}: {key:?}"
            );
        }
    }
}

#[test]
fn rows_that_share_a_key_agree_on_its_action() {
    for mode in MODES {
        for key in every_key() {
            let actions: Vec<Action> = rows(mode).filter_map(|row| row.action(key)).collect();
            assert!(
                actions.windows(2).all(|pair| pair[0] == pair[1]),
                "{mode:?}: {key:?} gives {actions:?}"
            );
        }
    }
}

#[test]
fn every_mode_but_confirm_and_help_hints_its_help_key_in_the_footer() {
    let strings = Lang::Id.strings();
    for mode in MODES {
        if matches!(mode, Mode::Confirm | Mode::Help) {
            continue;
        }
        let help = all_hints(mode, strings)
            .into_iter()
            .find(|hint| hint.action == strings.key_help);
        assert!(
            help.is_some_and(|hint| hint.in_footer && hint.priority == 0),
            "{mode:?}"
        );
    }
}

#[test]
fn true_or_false_is_hinted_with_the_letters_of_the_language() {
    let hint = |lang: Lang| all_hints(Mode::TrueFalse, lang.strings())[0].keys;
    assert_eq!(hint(Lang::Id), "b/s 1/2");
    assert_eq!(hint(Lang::En), "t/f 1/2");
}

#[test]
fn choice_hints_name_exactly_the_keys_that_choose() {
    assert_eq!((option_digits(2), option_letters(2)), ("1-2", "a-b"));
    assert_eq!((option_digits(4), option_letters(4)), ("1-4", "a-d"));
    assert_eq!((option_digits(6), option_letters(6)), ("1-6", "a-f"));
    assert_eq!(match_keys(4), "←→ a-d");
    assert_eq!(match_keys(5), "←→ a-e");
}
