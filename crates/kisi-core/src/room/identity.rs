//! Who is in a room: its code, the students' names and their session
//! tokens.

use crate::quiz::rng::Rng;
use crate::text::is_unsafe;

/// The letters of a room code: no 0/O, 1/l/I, so it is read aloud and typed
/// without doubt.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const CODE_LEN: usize = 6;
/// Longest name a student may have, in characters.
pub const MAX_NAME_CHARS: usize = 32;

/// A room's code, such as `K7XQ2P`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomCode(String);

impl RoomCode {
    pub(crate) fn generate(rng: &mut Rng) -> Self {
        Self(
            (0..CODE_LEN)
                .map(|_| char::from(CODE_ALPHABET[rng.below(CODE_ALPHABET.len())]))
                .collect(),
        )
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `typed` is this code, in any case and with spaces around.
    pub fn matches(&self, typed: &str) -> bool {
        typed.trim().eq_ignore_ascii_case(&self.0)
    }
}

/// Whether `text` looks like a room code at all (the right length and
/// letters), to tell a mistyped code from a wrong one before connecting.
pub fn is_code_shaped(text: &str) -> bool {
    text.len() == CODE_LEN
        && text
            .bytes()
            .all(|b| CODE_ALPHABET.contains(&b.to_ascii_uppercase()))
}

/// A secret a student resumes with after a dropped connection.
pub(crate) fn token(rng: &mut Rng) -> String {
    format!("{:016x}{:016x}", rng.next_u64(), rng.next_u64())
}

/// A name as the room shows it: control characters (ESC and so every
/// terminal sequence, OSC 52 included), bidi overrides and invisible
/// characters removed, runs of spaces made one, at most
/// [`MAX_NAME_CHARS`] characters. `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let mut name = String::new();
    for word in raw
        .split(|c: char| c.is_whitespace())
        .map(|w| w.chars().filter(|c| !is_unsafe(*c)).collect::<String>())
        .filter(|w| !w.is_empty())
    {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(&word);
    }
    let name: String = name.chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim_end().to_owned();
    (!name.is_empty()).then_some(name)
}

/// The form two names are compared in: two students cannot hold names
/// that differ only in case or accents.
pub(crate) fn name_key(name: &str) -> String {
    crate::text::fold(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_escapes_bidi_and_extra_space() {
        assert_eq!(
            clean_name("  Budi\u{1b}]52;c;aGk=\u{7}  \u{202e}Santoso ").as_deref(),
            Some("Budi]52;c;aGk= Santoso")
        );
        assert_eq!(clean_name("\u{1b}\u{202e} \t"), None);
        assert_eq!(clean_name(&"a".repeat(100)).map(|n| n.len()), Some(32));
    }

    #[test]
    fn codes_avoid_look_alikes_and_match_in_any_case() {
        let mut rng = Rng::new(5);
        for _ in 0..200 {
            let code = RoomCode::generate(&mut rng);
            assert!(is_code_shaped(code.as_str()));
            assert!(!code.as_str().contains(['0', 'O', '1', 'l', 'I']));
            assert!(code.matches(&format!(" {} ", code.as_str().to_lowercase())));
        }
        assert!(!is_code_shaped("K7XQ2"));
        assert!(!is_code_shaped("K7XQ2O"));
    }
}
