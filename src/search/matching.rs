//! Matching one query term against one folded text.
//!
//! Short fields (titles, aliases, tags, English terms, topic titles) are
//! matched fuzzily as a whole, so `kesos` finds "kesejahteraan sosial". In long
//! fields (points, body, notes, citations) a fuzzy term must match inside one
//! word: across hundreds of chars almost any short query is a scattered
//! subsequence, which would only be noise (and slow).

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
        is_subsequence(pattern, text)
    };
    found.then_some(false)
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
        Some(best_word(scorer, text, pattern)?.1)
    } else {
        scorer.score(text, pattern.text)
    }
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
    if word_local {
        if pattern.text.contains(is_separator) {
            return None;
        }
        let (start, _) = best_word(&mut Scorer::default(), text, pattern)?;
        let word_end = text[start..]
            .find(is_separator)
            .map_or(text.len(), |end| start + end);
        let (_, found) = matcher.fuzzy(&text[start..word_end], pattern.text, true)?;
        let offset = text[..start].chars().count();
        Some(found.into_iter().map(|p| p + offset).collect())
    } else {
        matcher
            .fuzzy(text, pattern.text, true)
            .map(|(_, found)| found)
    }
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
    let end = text[start..]
        .find(is_separator)
        .map_or(text.len(), |end| start + end);
    Some((start, scorer.score(&text[start..end], pattern.text)?))
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
        assert!(score(s, "kondisi sosial keluarga", fuzzy("konsel"), false).is_some());
        assert_eq!(
            check("kondisi sosial keluarga", fuzzy("konsel"), false),
            Some(false)
        );
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
