//! Parsing what the student typed into the terms every result must match.

use crate::text::fold;

/// One word (or quoted phrase) of a query, already folded for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// Folded without case: what is matched against the index.
    pub folded: String,
    /// Folded keeping upper case, used only when the query is case-sensitive.
    pub cased: String,
    /// Quoted: must occur as written (after folding), not fuzzily.
    pub exact: bool,
    /// The chars of `folded`, see [`char_mask`].
    pub mask: u64,
    pub ascii: bool,
}

/// A parsed query: every term must match somewhere in an entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Query {
    pub terms: Vec<Term>,
    /// Smart case: the query holds an upper-case letter.
    pub case_sensitive: bool,
}

/// More terms than this are ignored: the per-entry bookkeeping uses a `u64`.
const MAX_TERMS: usize = 64;

impl Query {
    /// Splits at ASCII whitespace. `'word` and `"word` are exact; `"two words"`
    /// is an exact phrase. Quotes with nothing inside are dropped.
    pub fn parse(input: &str) -> Self {
        let mut terms = Vec::new();
        let mut rest = input.trim_start_matches(is_separator);
        while !rest.is_empty() && terms.len() < MAX_TERMS {
            let (raw, exact, after) = if let Some(quoted) = rest.strip_prefix('"') {
                match quoted.find('"') {
                    // A closed quote may hold spaces: an exact phrase.
                    Some(close) => (&quoted[..close], true, &quoted[close + 1..]),
                    None => split_word(quoted, true),
                }
            } else if let Some(quoted) = rest.strip_prefix('\'') {
                split_word(quoted, true)
            } else {
                split_word(rest, false)
            };
            if let Some(term) = Term::new(raw, exact) {
                terms.push(term);
            }
            rest = after.trim_start_matches(is_separator);
        }
        let case_sensitive = input.chars().any(char::is_uppercase);
        Self {
            terms,
            case_sensitive,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every entry matching `self` also matches `earlier`, so that a
    /// search for `self` only needs to look at the entries `earlier` found.
    /// Holds when each earlier term is contained in some term of `self`
    /// (a subsequence for fuzzy terms, a substring for exact ones) and case
    /// sensitivity was not dropped.
    pub fn narrows(&self, earlier: &Query) -> bool {
        if earlier.case_sensitive && !self.case_sensitive {
            return false;
        }
        earlier.terms.iter().all(|old| {
            self.terms.iter().any(|new| {
                let case = earlier.case_sensitive;
                let (old_text, new_text) = (old.text(case), new.text(case));
                old.exact == new.exact
                    && if old.exact {
                        new_text.contains(old_text)
                    } else {
                        is_subsequence(old_text, new_text)
                    }
            })
        })
    }

    /// Whether every term of `self` contains (as in [`Self::narrows`]) a term
    /// of `earlier`, in `earlier`'s case mode and without case. Then a field
    /// where some term of `self` matches is one where some term of `earlier`
    /// matched, so fields `earlier` did not match can be skipped.
    pub fn refines(&self, earlier: &Query) -> bool {
        if earlier.case_sensitive && !self.case_sensitive {
            return false;
        }
        let contains = |old: &str, new: &str, exact: bool| {
            if exact {
                new.contains(old)
            } else {
                is_subsequence(old, new)
            }
        };
        self.terms.iter().all(|new| {
            earlier.terms.iter().any(|old| {
                old.exact == new.exact
                    && contains(&old.folded, &new.folded, old.exact)
                    && (!earlier.case_sensitive || contains(&old.cased, &new.cased, old.exact))
            })
        })
    }
}

impl Term {
    fn new(raw: &str, exact: bool) -> Option<Self> {
        let folded = fold(raw);
        if folded.is_empty() {
            return None;
        }
        Some(Self {
            mask: char_mask(&folded),
            ascii: folded.is_ascii(),
            cased: fold_keep_case(raw),
            folded,
            exact,
        })
    }

    /// The term as matched in the given case mode.
    pub fn pattern(&self, case_sensitive: bool) -> super::matching::Pattern<'_> {
        let text = self.text(case_sensitive);
        super::matching::Pattern {
            text,
            exact: self.exact,
            ascii: text.is_ascii(),
        }
    }

    /// The text to match in the given case mode.
    pub fn text(&self, case_sensitive: bool) -> &str {
        if case_sensitive {
            &self.cased
        } else {
            &self.folded
        }
    }
}

/// Word separators of queries and of the "within one word" matching of long
/// text. ASCII only, so byte-wise and char-wise scans agree.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_ascii_whitespace()
}

fn split_word(text: &str, exact: bool) -> (&str, bool, &str) {
    let end = text.find(is_separator).unwrap_or(text.len());
    (&text[..end], exact, &text[end..])
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|n| rest.any(|h| h == n))
}

/// Like [`crate::text::fold`] but upper-case source chars stay upper case.
/// It yields exactly as many chars as `fold`, in the same order, so positions
/// found in one are valid in the other.
pub(crate) fn fold_keep_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let upper = c.is_uppercase();
        for f in crate::text::fold_char(c) {
            let mut up = f.to_uppercase();
            match (upper, up.next(), up.next()) {
                (true, Some(single), None) => out.push(single),
                _ => out.push(f),
            }
        }
    }
    out
}

/// A set of the chars of `text` as 64 buckets: a–z, 0–9 each get their own,
/// other chars share the rest. If a term's mask is not a subset of a text's
/// mask, the term cannot match the text.
pub(crate) fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| mask | char_bit(c))
}

fn char_bit(c: char) -> u64 {
    let bucket = match c {
        'a'..='z' => u32::from(c) - u32::from('a'),
        '0'..='9' => 26 + u32::from(c) - u32::from('0'),
        c if is_separator(c) => return 0,
        c => 36 + u32::from(c) % 28,
    };
    1 << bucket
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(query: &Query) -> Vec<(&str, bool)> {
        query
            .terms
            .iter()
            .map(|t| (t.folded.as_str(), t.exact))
            .collect()
    }

    #[test]
    fn splits_words_and_quotes() {
        let q = Query::parse("  konsel 'Pasal \"ketahanan sosial\" \"uu  ");
        assert_eq!(
            texts(&q),
            vec![
                ("konsel", false),
                ("pasal", true),
                ("ketahanan sosial", true),
                ("uu", true)
            ]
        );
        assert!(q.case_sensitive);
        assert!(Query::parse("  ' \"\" ").is_empty());
        // Only combining marks (a variation selector, an acute accent): they
        // fold to nothing, so the query is empty and finds nothing.
        assert!(Query::parse("\u{e0100} \u{301}").is_empty());
    }

    #[test]
    fn keeps_case_and_length_of_fold() {
        assert_eq!(fold_keep_case("ÉcoLe ß"), "EcoLe ß");
        assert_eq!(
            fold_keep_case("ﬁ İx").chars().count(),
            fold("ﬁ İx").chars().count()
        );
    }

    #[test]
    fn narrowing_follows_typing_not_backspace() {
        let parse = Query::parse;
        assert!(parse("kons").narrows(&parse("kon")));
        assert!(parse("ketahanan s").narrows(&parse("ketahanan")));
        assert!(parse("kn").narrows(&parse("k")));
        assert!(!parse("kon").narrows(&parse("kons")));
        assert!(!parse("'kon").narrows(&parse("kon")));
        assert!(!parse("kon").narrows(&parse("Kon")));
        assert!(parse("Kon").narrows(&parse("kon")));
    }

    #[test]
    fn mask_rejects_missing_chars() {
        let text = char_mask("konseling keluarga");
        assert_eq!(char_mask("konsel") & !text, 0);
        assert_ne!(char_mask("pasal 3") & !text, 0);
    }
}
