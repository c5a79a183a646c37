//! Matching one query term against one folded text.
//!
//! Short fields (titles, aliases, tags, English terms, topic titles) are
//! matched fuzzily as a whole, so `kesos` finds "kesejahteraan sosial". In long
//! fields (points, body, notes, citations) a fuzzy term must match inside one
//! word: across hundreds of chars almost any short query is a scattered
//! subsequence, which would only be noise (and slow).

use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::is_separator;

/// How well a term matched a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermMatch {
    pub score: i32,
    /// The term occurs as written (a substring), not just as scattered chars.
    pub contiguous: bool,
}

/// The matcher used for scores and positions. Case is handled by folding the
/// texts beforehand, so it compares chars exactly.
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

/// Scores `pattern` against `text`, or `None` if it does not match.
pub(crate) fn score(
    matcher: &SkimMatcherV2,
    text: &str,
    pattern: Pattern<'_>,
    word_local: bool,
) -> Option<TermMatch> {
    if pattern.exact {
        let at = text.find(pattern.text)?;
        let found = &text[at..at + pattern.text.len()];
        let score = fuzzy_score(matcher, found, pattern.text)?;
        return Some(TermMatch {
            score,
            contiguous: true,
        });
    }
    let score = if word_local {
        best_word(matcher, text, pattern)?.1
    } else {
        fuzzy_score(matcher, text, pattern.text)?
    };
    Some(TermMatch {
        score,
        contiguous: text.contains(pattern.text),
    })
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
        let (start, _) = best_word(matcher, text, pattern)?;
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

fn fuzzy_score(matcher: &SkimMatcherV2, text: &str, pattern: &str) -> Option<i32> {
    let (score, _) = matcher.fuzzy(text, pattern, false)?;
    Some(i32::try_from(score).unwrap_or(i32::MAX))
}

/// The word of `text` in which `pattern` scores best: its byte offset and
/// score. Words are checked with a cheap in-order scan before being scored.
fn best_word(matcher: &SkimMatcherV2, text: &str, pattern: Pattern<'_>) -> Option<(usize, i32)> {
    let mut best: Option<(usize, i32)> = None;
    let mut consider = |start: usize, word: &str| {
        if let Some(score) = fuzzy_score(matcher, word, pattern.text)
            && best.is_none_or(|(_, top)| score > top)
        {
            best = Some((start, score));
        }
    };
    if pattern.ascii {
        // ASCII pattern bytes only ever equal ASCII chars of the text, so a
        // byte scan finds exactly the words a char scan would.
        let bytes = text.as_bytes();
        let wanted = pattern.text.as_bytes();
        let mut word_start = 0;
        let mut next = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                word_start = i + 1;
                next = 0;
            } else if wanted.get(next) == Some(&b) {
                next += 1;
                if next == wanted.len() {
                    let end = bytes[i..]
                        .iter()
                        .position(u8::is_ascii_whitespace)
                        .map_or(bytes.len(), |end| i + end);
                    consider(word_start, &text[word_start..end]);
                    next = 0;
                    i = end;
                    word_start = end;
                    continue;
                }
            }
            i += 1;
        }
    } else {
        for (start, word) in words(text) {
            let mut chars = word.chars();
            if pattern.text.chars().all(|p| chars.any(|c| c == p)) {
                consider(start, word);
            }
        }
    }
    best
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
        assert!(score(&m, text, fuzzy("konsel"), false).is_some());
        assert_eq!(
            positions(&m, text, fuzzy("konsel"), true),
            Some((25..31).collect())
        );
        assert!(score(&m, "kondisi sosial keluarga", fuzzy("konsel"), true).is_none());
        assert!(score(&m, "kondisi sosial keluarga", fuzzy("konsel"), false).is_some());
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
        assert!(score(&m, "kondisi sosial keluarga", exact, false).is_none());
        assert_eq!(
            positions(&m, "a konseling", exact, false),
            Some((2..8).collect())
        );
    }
}
