//! Text folding shared by search and grading (accents and case must not
//! matter to a student typing fast, so both compare folded text), the one
//! edit distance (typo-tolerant grading, the loader's "did you mean"), and
//! the one sanitiser of untrusted text on its way to a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one character: lower case, accents removed (`É` becomes `e`).
///
/// Returns the folded characters; most characters fold to exactly one, a few
/// (such as `ß` lowercased or ligatures decomposed) to several or none.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    c.nfkd()
        .filter(|d| !is_combining_mark(*d))
        .flat_map(char::to_lowercase)
}

/// Folds a whole string, see [`fold_char`]. An ASCII character is only
/// lowered: it has no decomposition and is no combining mark, and the
/// Unicode path costs a hundred times more per character (most of loading
/// a pack was folding its mostly ASCII text that way).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            folded.extend(fold_char(c));
        }
    }
    folded
}

/// Folds a string and records, for every char of the result, the index of the
/// char of `text` it came from, so that match positions found in the folded
/// text can be mapped back onto the original for highlighting.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
            origin.push(index);
            continue;
        }
        for f in fold_char(c) {
            folded.push(f);
            origin.push(index);
        }
    }
    (folded, origin)
}

/// Whether `c` must not reach a terminal as it is: control characters (C0,
/// DEL, C1, which can drive the terminal), bidirectional overrides and
/// isolates (which reorder what is shown), and zero-width, invisible and
/// filler characters (which hide or fake text). The loader rejects them in
/// packs (line feed and tab aside), and [`printable`] escapes them in
/// everything else that is shown.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            // Arabic letter mark, a bidi mark.
            '\u{061C}'
                // Hangul choseong and jungseong fillers.
                | '\u{115F}'
                | '\u{1160}'
                // Mongolian vowel separator, invisible.
                | '\u{180E}'
                // Zero width space, non-joiner, joiner; left-to-right and right-to-left marks.
                | '\u{200B}'..='\u{200F}'
                // Line and paragraph separators: line breaks a terminal does not know.
                | '\u{2028}'..='\u{2029}'
                // Bidi embeddings and overrides.
                | '\u{202A}'..='\u{202E}'
                // Word joiner, invisible operators, bidi isolates, deprecated format controls.
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                // Hangul filler.
                | '\u{3164}'
                // Zero width no-break space (byte order mark).
                | '\u{FEFF}'
                // Halfwidth Hangul filler.
                | '\u{FFA0}'
                // Interlinear annotation controls.
                | '\u{FFF9}'..='\u{FFFB}'
                // Tag characters: invisible copies of ASCII.
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// `text` with every [`is_unsafe`] character replaced by a visible escape
/// (`\u{1b}`, `\u{202e}`), line breaks included: for one-line output such as
/// an argument, a file name or a path in a message.
pub fn printable_line(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, false)
}

/// Like [`printable_line`], but keeps line feeds and tabs: for text of
/// several lines, such as a help message or an entry's body.
pub fn printable(text: &str) -> Cow<'_, str> {
    escape_unsafe(text, true)
}

fn escape_unsafe(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let must_escape = |c: char| is_unsafe(c) && !(keep_newlines && matches!(c, '\n' | '\t'));
    if !text.chars().any(must_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if must_escape(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON text (as `serde_json` writes it) with the [`is_unsafe`] characters
/// that `serde_json` leaves raw, DEL, C1 controls, bidi and invisible ones,
/// written as `\u` escapes: the document means the same, and shows safely
/// in a terminal. `serde_json` already escapes C0 controls, and outside
/// strings there is only ASCII.
pub fn escape_json_unsafe(json: &str) -> Cow<'_, str> {
    let must_escape = |c: char| c == '\u{7f}' || (!c.is_ascii() && is_unsafe(c));
    if !json.chars().any(must_escape) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if must_escape(c) {
            for unit in c.encode_utf16(&mut [0; 2]) {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The Levenshtein distance between two strings, counted in chars: the
/// fewest insertions, deletions and substitutions that turn `a` into `b`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// How close `candidate` is to a mistyped `word` (lower is closer), or
/// `None` when it is not a likely meaning: within a typo's edit distance
/// of the whole (case and accents folded), or of one of its `-`/`_`
/// separated words, or containing `word` whole ("mediator" in
/// "peran-mediator", "ports" in "well-known-ports").
pub fn typo_distance(word: &str, candidate: &str) -> Option<usize> {
    let word = fold(word);
    let candidate = fold(candidate);
    let length = word.chars().count();
    if length == 0 {
        return None;
    }
    let limit = length.div_ceil(3).max(1);
    let near = |other: &str| {
        (other.chars().count().abs_diff(length) <= limit)
            .then(|| edit_distance(&word, other))
            .filter(|&d| d <= limit)
    };
    if let Some(distance) = near(&candidate) {
        return Some(distance);
    }
    // A part of the id, ranked after every near whole id: containing the
    // word whole first, then near one of its words.
    let part = if candidate.contains(&word) {
        Some(0)
    } else {
        candidate
            .split(['-', '_', ' '])
            .filter_map(near)
            .min()
            .map(|d| d + 1)
    };
    part.map(|d| limit + 1 + d)
}

/// The digraphs of the pre-1972 (Van Ophuijsen and Soewandi) spellings of
/// Indonesian and what they are written as today: "Soekarno" is "Sukarno",
/// "Djakarta" "Jakarta", "Tjokroaminoto" "Cokroaminoto", "sjarat" "syarat",
/// "achir" "akhir", "Njonja" "Nyonya".
const OLD_SPELLINGS: [(char, char, &str); 6] = [
    ('o', 'e', "u"),
    ('d', 'j', "j"),
    ('t', 'j', "c"),
    ('s', 'j', "sy"),
    ('c', 'h', "kh"),
    ('n', 'j', "ny"),
];

/// Whether [`spell`] would change `text`.
pub fn has_old_spelling(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|pair| digraph(char::from(pair[0]), Some(char::from(pair[1]))).is_some())
}

/// Today's spelling of the digraph `first` `second` (either case), if it is
/// an old one.
fn digraph(first: char, second: Option<char>) -> Option<&'static str> {
    let second = second?.to_ascii_lowercase();
    let first = first.to_ascii_lowercase();
    OLD_SPELLINGS
        .iter()
        .find(|&&(a, b, _)| first == a && second == b)
        .map(|&(_, _, today)| today)
}

/// Rewrites the old Indonesian spellings of a folded text to today's, for
/// search only: `soekarno` becomes `sukarno`, `Soekarno` `Sukarno` (each
/// char written keeps the case of the char it replaces).
///
/// A char written for a digraph may form a new one with the char before it
/// and is rewritten again: the old `mendjadi` is today's `menjadi`, whose
/// `nj` (old `ndj`) reads as the `ny` of the old `nj` — so both become
/// `menyadi`. The result is only ever compared with other results, so what
/// matters is that a word in either spelling gives the same one.
pub fn spell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    spell_into(text, &mut out);
    out
}

/// [`spell`] into `out` (cleared first), without the map of
/// [`spell_with_map`]: search respells texts on every keystroke.
pub fn spell_into(text: &str, out: &mut String) {
    out.clear();
    if !has_old_spelling(text) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        out.push(c);
        // Every digraph is two ASCII letters: its second is the last byte.
        while let [.., a, b] = out.as_bytes()
            && let Some(today) = digraph(char::from(*a), Some(char::from(*b)))
        {
            let cases = [a.is_ascii_uppercase(), b.is_ascii_uppercase()];
            out.truncate(out.len() - 2);
            for (k, c) in today.chars().enumerate() {
                out.push(if cases[k.min(1)] {
                    c.to_ascii_uppercase()
                } else {
                    c
                });
            }
        }
    }
}

/// Like [`spell`], and for every char of the result the index of the char
/// of `text` it came from (the chars written for a digraph map to its
/// first char), ascending.
pub fn spell_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        out.push(c);
        origin.push(i);
        while out.len() >= 2 {
            let at = out.len() - 2;
            let Some(today) = digraph(out[at], Some(out[at + 1])) else {
                break;
            };
            let from = origin[at];
            let cases = [out[at].is_uppercase(), out[at + 1].is_uppercase()];
            out.truncate(at);
            origin.truncate(at);
            for (k, c) in today.chars().enumerate() {
                out.push(if cases[k.min(1)] {
                    c.to_ascii_uppercase()
                } else {
                    c
                });
                origin.push(from);
            }
        }
    }
    (out.into_iter().collect(), origin)
}

/// `text` with its first letter in capitals, as a sentence begins.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `word` as a shell reads it back (for a command shown to be typed again):
/// quoted when it has anything but letters, digits and `-_./=:,+@%`, and
/// with unsafe characters escaped.
pub fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        printable_line(word).into_owned()
    } else {
        let quoted = format!("'{}'", word.replace('\'', "'\\''"));
        printable_line(&quoted).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII shortcut folds as the Unicode path does, in mixed text too.
        #[test]
        fn fold_takes_ascii_as_the_unicode_path_would(text in "[ -~À-ɏ\\u{300}-\\u{36F}ßﬁİ]{0,40}") {
            let slow: String = text.chars().flat_map(fold_char).collect();
            proptest::prop_assert_eq!(&fold(&text), &slow);
            let slow_origin: Vec<usize> = text
                .chars()
                .enumerate()
                .flat_map(|(i, c)| fold_char(c).map(move |_| i))
                .collect();
            proptest::prop_assert_eq!(fold_with_map(&text), (slow, slow_origin));
        }
    }

    #[test]
    fn a_typo_or_a_part_of_an_id_is_near_and_ranked() {
        assert_eq!(typo_distance("mediatr", "mediator"), Some(1));
        assert_eq!(typo_distance("MEDIATOR", "mediator"), Some(0));
        // A whole id near is closer than one that contains the word.
        let contained = typo_distance("pasal-3", "uu-11-2009-pasal-3");
        let part = typo_distance("pasal-3", "uu-11-2009-pasal-2");
        assert!(
            contained.is_some() && contained < part,
            "{contained:?} {part:?}"
        );
        assert!(typo_distance("udp", "tcp-vs-udp").is_some());
        assert_eq!(typo_distance("xyzzy", "mediator"), None);
        assert_eq!(typo_distance("", "mediator"), None);
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("ketahanan", "ketahnan"), 1);
        assert_eq!(edit_distance("abc", "abd"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("body", "body"), 0);
        assert_eq!(edit_distance("sorce", "source"), 1);
    }

    #[test]
    fn unsafe_characters_are_controls_bidi_and_invisible_ones() {
        for c in [
            '\0',
            '\u{1b}',
            '\u{7}',
            '\r',
            '\n',
            '\u{7f}',
            '\u{85}',
            '\u{9b}',
            '\u{200b}',
            '\u{200d}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{2060}',
            '\u{feff}',
            '\u{3164}',
            '\u{115f}',
            '\u{ffa0}',
            '\u{e0041}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in [
            'a', 'é', 'ñ', 'ß', '\u{a0}', '\u{ad}', '—', '“', '你', '\u{301}',
        ] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn printable_escapes_what_is_unsafe_and_keeps_the_rest() {
        assert_eq!(printable_line("kafé"), "kafé");
        assert!(matches!(printable_line("kafé"), Cow::Borrowed(_)));
        assert_eq!(
            printable_line("a\u{1b}]52;c;x\u{7}b"),
            "a\\u{1b}]52;c;x\\u{7}b"
        );
        assert_eq!(printable_line("x\u{202e}y\nz"), "x\\u{202e}y\\u{a}z");
        assert_eq!(printable("x\u{202e}y\nz\t"), "x\\u{202e}y\nz\t");
        assert_eq!(printable("\u{e0041}"), "\\u{e0041}");
    }

    #[test]
    fn json_escapes_keep_the_meaning() {
        let value = "a\u{7f}\u{85}\u{202e}é\u{e0041}";
        let json = serde_json::to_string(value).unwrap_or_default();
        let escaped = escape_json_unsafe(&json);
        assert_eq!(escaped, "\"a\\u007f\\u0085\\u202eé\\udb40\\udc41\"");
        let back: String = serde_json::from_str(&escaped).unwrap_or_default();
        assert_eq!(back, value);
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Évaluasi SOSIAL"), "evaluasi sosial");
        assert_eq!(fold("naïve café"), "naive cafe");
    }

    #[test]
    fn ascii_folds_to_its_lower_case() {
        // The search index relies on it to keep no folded copy of ASCII text.
        let ascii: String = (0..=127u8).map(char::from).collect();
        assert_eq!(fold(&ascii), ascii.to_ascii_lowercase());
    }

    #[test]
    fn map_points_back_at_source_chars() {
        let (folded, origin) = fold_with_map("aÉb");
        assert_eq!(folded, "aeb");
        assert_eq!(origin, vec![0, 1, 2]);
        // A ligature folds to two chars that both map to the ligature.
        let (folded, origin) = fold_with_map("ﬁx");
        assert_eq!(folded, "fix");
        assert_eq!(origin, vec![0, 0, 1]);
    }

    #[test]
    fn spell_without_a_map_is_spell_with_map() {
        // Every text of up to four chars over the digraphs' letters, both
        // cases, an accented and a multi-byte char and a space.
        let alphabet: Vec<char> = "oedjtschnyOJNé東 ".chars().collect();
        let mut texts = vec![String::new()];
        let mut level = texts.clone();
        for _ in 0..4 {
            level = level
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(level.iter().cloned());
        }
        assert!(texts.len() > 60_000);
        for text in texts
            .iter()
            .map(String::as_str)
            .chain(["mendjadi", "NJONJA", "Soekarno"])
        {
            assert_eq!(spell(text), spell_with_map(text).0, "{text:?}");
        }
    }

    #[test]
    fn old_spellings_become_todays() {
        for (old, today) in [
            ("soekarno", "sukarno"),
            ("soepomo", "supomo"),
            ("djakarta", "jakarta"),
            ("tjokroaminoto", "cokroaminoto"),
            ("sjahrir", "syahrir"),
            ("achmad", "akhmad"),
            ("njonja", "nyonya"),
            ("sukarno", "sukarno"),
            ("mendjadi", "menyadi"),
            ("menjadi", "menyadi"),
        ] {
            assert_eq!(spell(old), today);
            assert_eq!(has_old_spelling(old), old != today, "{old}");
        }
        assert_eq!(spell("Soekarno, SJAHRIR"), "Sukarno, SYAHRIR");
        let (spelled, origin) = spell_with_map("ir. soekarno");
        assert_eq!(spelled, "ir. sukarno");
        assert_eq!(origin, vec![0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
    }
}
