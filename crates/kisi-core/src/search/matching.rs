//! Matching one query term against one folded text.
//!
//! In long fields (points, body, notes, citations, and names of more than a
//! few words) a fuzzy term must match inside one word: across hundreds of
//! chars almost any short query is a scattered subsequence, which would only
//! be noise (and slow). Short names (titles, aliases, tags, English terms,
//! topic titles) also match across words, but only as the starts of words,
//! so `kesos` finds "kesejahteraan sosial" while `pasal` does not find
//! "Pemecah masalah" (p‥a in one word, s‥a‥l inside another).
//!
//! A fuzzy term that does not match may still match with two neighbouring
//! chars swapped (one Damerau edit: "hnadshake" finds "handshake"), inside
//! one word of a short name only (a title, alias, tag, English term or topic
//! title of up to four words), and it counts as a scattered match. Trying
//! every swap in every word of every body made each keystroke far slower at
//! 100,000 entries, and a name is what a student misspells.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::is_separator;
use super::score::Scorer;

/// How well a term matched a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermMatch {
    pub score: i32,
    /// The term occurs as written (a substring), not just as scattered chars.
    pub contiguous: bool,
}

/// The matcher used for highlight positions; [`Scorer`] gives the same
/// scores. Case is handled by folding the texts beforehand, so it compares
/// chars exactly.
pub(crate) fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// One term with the way it must be matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pattern<'a> {
    pub text: &'a str,
    pub exact: bool,
    pub ascii: bool,
}

/// Whether `pattern` matches `text`, without scoring: `Some(true)` when it
/// occurs as written, `Some(false)` when only its chars occur in order.
/// Agrees with [`score`] on whether there is a match.
pub(crate) fn check(text: &str, pattern: Pattern<'_>, word_local: bool) -> Option<bool> {
    if word_local && !pattern.exact && pattern.text.contains(is_separator) {
        return None;
    }
    if text.contains(pattern.text) {
        return Some(true);
    }
    if pattern.exact {
        return None;
    }
    let found = if word_local {
        scattered_word(text, pattern).is_some()
    } else {
        matches_short(text, pattern)
    };
    (found || !word_local && swapped_word(text, pattern).is_some()).then_some(false)
}

/// What a swapped match loses against a direct one: one matched char.
const SWAP_PENALTY: i32 = 16;

/// The pattern with the chars at `i` and `i + 1` swapped, for every `i`
/// where they differ.
fn swaps(pattern: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = pattern.chars().collect();
    (0..chars.len().saturating_sub(1))
        .filter(move |&i| chars[i] != chars[i + 1])
        .map(move |i| {
            let mut swapped: Vec<char> = pattern.chars().collect();
            swapped.swap(i, i + 1);
            swapped.into_iter().collect()
        })
}

/// For a fuzzy pattern with no separator: the first swap of it (see
/// [`swaps`]) whose chars occur in order inside one word of `text`, with
/// that word's byte offset.
fn swapped_word(text: &str, pattern: Pattern<'_>) -> Option<(String, usize)> {
    if pattern.exact || pattern.text.contains(is_separator) {
        return None;
    }
    swaps(pattern.text).find_map(|swapped| {
        let at = scattered_word(
            text,
            Pattern {
                text: &swapped,
                ..pattern
            },
        )?;
        Some((swapped, at))
    })
}

/// Whether a fuzzy `pattern` matches a short name: inside one word, or as
/// the starts of some of its words in order ("ke" + "sos" of "Ketahanan
/// sosial").
fn matches_short(text: &str, pattern: Pattern<'_>) -> bool {
    if !is_subsequence(pattern, text) {
        return false;
    }
    if scattered_word(text, pattern).is_some() {
        return true;
    }
    let words: Vec<&str> = words(text).map(|(_, word)| word).collect();
    word_starts(pattern.text, &words)
}

/// Whether `pattern` is the starts of some of `words`, in order, each start
/// at least one char long.
fn word_starts(pattern: &str, words: &[&str]) -> bool {
    if pattern.is_empty() {
        return true;
    }
    words.iter().enumerate().any(|(i, word)| {
        let shared = word
            .char_indices()
            .zip(pattern.chars())
            .take_while(|((_, w), p)| w == p)
            .map(|((at, w), _)| at + w.len_utf8())
            .last()
            .unwrap_or(0);
        // Try the longest start first: it leaves the least to find.
        (1..=shared)
            .rev()
            .filter(|&len| pattern.is_char_boundary(len))
            .any(|len| word_starts(&pattern[len..], &words[i + 1..]))
    })
}

/// Whether [`check`] gives `Some(true)`: `pattern` occurs as written. A
/// plain substring search, much cheaper than looking for scattered chars.
pub(crate) fn contains(text: &str, pattern: Pattern<'_>, word_local: bool) -> bool {
    !(word_local && !pattern.exact && pattern.text.contains(is_separator))
        && text.contains(pattern.text)
}

/// Scores `pattern` against `text` (higher is better), `None` if no match.
pub(crate) fn score(
    scorer: &mut Scorer,
    text: &str,
    pattern: Pattern<'_>,
    word_local: bool,
) -> Option<i32> {
    if pattern.exact {
        let at = text.find(pattern.text)?;
        scorer.score(&text[at..at + pattern.text.len()], pattern.text)
    } else if word_local {
        if pattern.text.contains(is_separator) {
            return None;
        }
        best_word(scorer, text, pattern).map(|(_, score)| score)
    } else {
        matches_short(text, pattern)
            .then(|| scorer.score(text, pattern.text))
            .flatten()
            .or_else(|| swapped_score(scorer, text, pattern))
    }
}

fn swapped_score(scorer: &mut Scorer, text: &str, pattern: Pattern<'_>) -> Option<i32> {
    let (swapped, start) = swapped_word(text, pattern)?;
    let score = scorer.score(word_at(text, start), &swapped)?;
    Some(score - SWAP_PENALTY)
}

/// The word of `text` starting at byte `start`.
fn word_at(text: &str, start: usize) -> &str {
    let end = text[start..]
        .find(is_separator)
        .map_or(text.len(), |end| start + end);
    &text[start..end]
}

fn is_subsequence(pattern: Pattern<'_>, text: &str) -> bool {
    if pattern.ascii {
        let mut rest = text.bytes();
        pattern.text.bytes().all(|p| rest.any(|b| b == p))
    } else {
        let mut rest = text.chars();
        pattern.text.chars().all(|p| rest.any(|c| c == p))
    }
}

/// Char positions in `text` of the chars matched by `pattern` (same rules as
/// [`score`]), ascending.
pub(crate) fn positions(
    matcher: &SkimMatcherV2,
    text: &str,
    pattern: Pattern<'_>,
    word_local: bool,
) -> Option<Vec<usize>> {
    if pattern.exact {
        let at = text.find(pattern.text)?;
        let first = text[..at].chars().count();
        return Some((first..first + pattern.text.chars().count()).collect());
    }
    let direct = if word_local {
        if pattern.text.contains(is_separator) {
            return None;
        }
        best_word(&mut Scorer::default(), text, pattern)
            .and_then(|(start, _)| in_word(matcher, text, start, pattern.text))
    } else if matches_short(text, pattern) {
        matcher
            .fuzzy(text, pattern.text, true)
            .map(|(_, found)| found)
    } else {
        None
    };
    direct.or_else(|| {
        if word_local {
            return None;
        }
        let (swapped, start) = swapped_word(text, pattern)?;
        in_word(matcher, text, start, &swapped)
    })
}

/// Char positions in `text` of `pattern` matched inside the word at byte
/// `start`.
fn in_word(matcher: &SkimMatcherV2, text: &str, start: usize, pattern: &str) -> Option<Vec<usize>> {
    let (_, found) = matcher.fuzzy(word_at(text, start), pattern, true)?;
    let offset = text[..start].chars().count();
    Some(found.into_iter().map(|p| p + offset).collect())
}

/// The word of `text` to score `pattern` in: its byte offset and score.
///
/// Scoring every word that holds the pattern would cost a matrix per word;
/// instead one word is picked cheaply, the one a reader would point at: the
/// first where the pattern occurs as written at the start of the word, else
/// the first where it occurs as written, else the first holding its chars in
/// order.
fn best_word(scorer: &mut Scorer, text: &str, pattern: Pattern<'_>) -> Option<(usize, i32)> {
    let start = contiguous_word(text, pattern.text).or_else(|| scattered_word(text, pattern))?;
    Some((start, scorer.score(word_at(text, start), pattern.text)?))
}

fn contiguous_word(text: &str, pattern: &str) -> Option<usize> {
    let word_start = |at: usize| text[..at].rfind(is_separator).map_or(0, |space| space + 1);
    let mut first = None;
    for (at, _) in text.match_indices(pattern) {
        let start = word_start(at);
        if start == at {
            return Some(start);
        }
        first.get_or_insert(start);
    }
    first
}

/// The first word holding the chars of `pattern` in order.
fn scattered_word(text: &str, pattern: Pattern<'_>) -> Option<usize> {
    if !pattern.ascii {
        return words(text)
            .find(|(_, word)| {
                let mut chars = word.chars();
                pattern.text.chars().all(|p| chars.any(|c| c == p))
            })
            .map(|(start, _)| start);
    }
    // ASCII pattern bytes only ever equal ASCII chars of the text, so a byte
    // scan finds exactly the words a char scan would.
    let wanted = pattern.text.as_bytes();
    let mut word_start = 0;
    let mut next = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii_whitespace() {
            word_start = i + 1;
            next = 0;
        } else if wanted.get(next) == Some(&b) {
            next += 1;
            if next == wanted.len() {
                return Some(word_start);
            }
        }
    }
    None
}

/// The words of `text` separated by ASCII whitespace, with byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split(is_separator).filter_map(move |word| {
        let start = offset;
        offset += word.len() + 1;
        (!word.is_empty()).then_some((start, word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fuzzy(text: &str) -> Pattern<'_> {
        Pattern {
            text,
            exact: false,
            ascii: text.is_ascii(),
        }
    }

    #[test]
    fn long_text_matches_inside_one_word_only() {
        let m = matcher();
        let text = "kondisi sosial keluarga, konseling keluarga";
        assert_eq!(check(text, fuzzy("konsel"), true), Some(true));
        assert_eq!(check(text, fuzzy("kslg"), true), Some(false));
        assert_eq!(
            positions(&m, text, fuzzy("konsel"), true),
            Some((25..31).collect())
        );
        let s = &mut Scorer::default();
        assert!(score(s, "kondisi sosial keluarga", fuzzy("konsel"), true).is_none());
        assert_eq!(
            check("kondisi sosial keluarga", fuzzy("konsel"), true),
            None
        );
        // In a short name, a term may also be the starts of its words.
        assert!(score(s, "kondisi sosial keluarga", fuzzy("konsokel"), false).is_some());
        assert_eq!(
            check("kondisi sosial keluarga", fuzzy("konsokel"), false),
            Some(false)
        );
    }

    #[test]
    fn short_names_match_across_words_only_at_word_starts() {
        let s = &mut Scorer::default();
        for (text, pattern) in [
            ("ketahanan sosial", "kesos"),
            ("ketahanan sosial", "ketsos"),
            ("pekerjaan sosial industri", "psi"),
            ("pekerjaan sosial industri", "sosind"),
            ("mediator", "mediatr"),
        ] {
            assert_eq!(check(text, fuzzy(pattern), false), Some(false), "{pattern}");
            assert!(score(s, text, fuzzy(pattern), false).is_some(), "{pattern}");
        }
        for (text, pattern) in [
            ("pemecah masalah", "pasal"),
            ("pekerjaan sosial sekolah", "pasal"),
            ("kondisi sosial keluarga", "konsel"),
        ] {
            assert_eq!(check(text, fuzzy(pattern), false), None, "{pattern}");
            assert!(score(s, text, fuzzy(pattern), false).is_none(), "{pattern}");
            assert!(positions(&matcher(), text, fuzzy(pattern), false).is_none());
        }
    }

    #[test]
    fn a_swap_is_one_edit_inside_one_word() {
        let s = &mut Scorer::default();
        let m = matcher();
        for (text, pattern, local) in [
            ("three-way handshake", "hnadshake", false),
            ("subnet", "subent", false),
            ("private addresses", "pirvate", false),
            ("private addresses", "pirvte", false),
        ] {
            assert_eq!(check(text, fuzzy(pattern), local), Some(false), "{pattern}");
            let swapped = score(s, text, fuzzy(pattern), local);
            assert!(swapped.is_some(), "{pattern}");
            let found = positions(&m, text, fuzzy(pattern), local).unwrap_or_default();
            assert_eq!(found.len(), pattern.chars().count(), "{pattern}");
        }
        // Not across words, not two swaps, not in an exact term.
        assert_eq!(check("hand shake", fuzzy("hnadshake"), false), None);
        assert_eq!(check("handshake", fuzzy("hnadhsake"), false), None);
        // Not in long text.
        assert_eq!(
            check("the three-way handshake of tcp", fuzzy("hnadshake"), true),
            None
        );
        let exact = Pattern {
            text: "subent",
            exact: true,
            ascii: true,
        };
        assert_eq!(check("subnet", exact, false), None);
        // A swapped match scores below the same word typed right.
        let right = score(s, "subnet", fuzzy("subnet"), false);
        assert!(score(s, "subnet", fuzzy("subent"), false) < right);
    }

    #[test]
    fn non_ascii_words_are_offset_in_chars() {
        let m = matcher();
        let text = "żółw 東京 tokyo";
        assert_eq!(positions(&m, text, fuzzy("東京"), true), Some(vec![5, 6]));
        assert_eq!(
            positions(&m, text, fuzzy("tky"), true),
            Some(vec![8, 10, 11])
        );
    }

    #[test]
    fn exact_needs_a_substring() {
        let m = matcher();
        let exact = Pattern {
            text: "konsel",
            exact: true,
            ascii: true,
        };
        assert!(
            score(
                &mut Scorer::default(),
                "kondisi sosial keluarga",
                exact,
                false
            )
            .is_none()
        );
        assert_eq!(check("kondisi sosial keluarga", exact, false), None);
        assert_eq!(
            positions(&m, "a konseling", exact, false),
            Some((2..8).collect())
        );
    }
}
