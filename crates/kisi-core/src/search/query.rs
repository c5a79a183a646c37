//! Parsing what the student typed into the terms every result must match.

use crate::text::{fold, spell};

/// One word (or quoted phrase) of a query, already folded for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// Folded without case: what is matched against the index.
    pub folded: String,
    /// Folded keeping upper case, used only when the query is case-sensitive.
    pub cased: String,
    /// Quoted: must occur as written (after folding), not fuzzily.
    pub exact: bool,
    /// `folded` in today's spelling (see [`crate::text::spell`]) when that
    /// differs: fuzzy terms only.
    pub spelled: Option<String>,
    /// `cased` in today's spelling, when `spelled` is set.
    pub spelled_cased: Option<String>,
    /// The chars both of `folded` and of its spelled form, see
    /// [`char_mask`]: a text whose mask (which holds the chars of both its
    /// forms) lacks one of them cannot match either way.
    pub mask: u64,
    pub ascii: bool,
}

/// A parsed query: every term must match somewhere in an entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Query {
    pub terms: Vec<Term>,
    /// Smart case: the query holds an upper-case letter.
    pub case_sensitive: bool,
    /// The folded words of all terms in order, quoted phrases split into
    /// their words: what titles are compared with for ranking.
    pub words: Vec<String>,
    /// `words` in today's spelling.
    pub spelled_words: Vec<String>,
    /// The chars of each of `words` in both spellings (as `Term::mask`): a
    /// name whose mask lacks one cannot have a word starting with it.
    pub word_masks: Vec<u64>,
}

/// More terms than this are ignored: the per-entry bookkeeping uses a `u64`.
const MAX_TERMS: usize = 64;

impl Query {
    /// Splits at ASCII whitespace. `'word` and `"word` are exact; `"two words"`
    /// is an exact phrase. Quotes with nothing inside are dropped. An unquoted
    /// word is split further at punctuation, which is dropped ("mediator?" is
    /// `mediator`), and between letters and digits ("pasal3" is `pasal 3`).
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
            if exact {
                terms.extend(Term::new(raw, true));
            } else {
                terms.extend(split_punctuation(raw).filter_map(|w| Term::new(w, false)));
            }
            rest = after.trim_start_matches(is_separator);
        }
        terms.truncate(MAX_TERMS);
        let case_sensitive = input.chars().any(char::is_uppercase);
        let words: Vec<String> = terms
            .iter()
            .flat_map(|t| split_punctuation(&t.folded).map(str::to_owned))
            .collect();
        let spelled_words: Vec<String> = words.iter().map(|w| spell(w)).collect();
        let word_masks = words
            .iter()
            .zip(&spelled_words)
            .map(|(w, s)| char_mask(w) & char_mask(s))
            .collect();
        Self {
            terms,
            case_sensitive,
            words,
            spelled_words,
            word_masks,
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
        self.narrows_without(earlier, 0)
    }

    /// [`Self::narrows`] with only the terms of `self` not in `skip` (bit `t`
    /// for term `t`) holding the earlier terms. A term that is a point label
    /// can match an entry without its text holding it, so it holds nothing:
    /// "pasal 3" still narrows "pasal" ("pasal" must be in the text), but
    /// "z buah" does not narrow "z".
    pub fn narrows_without(&self, earlier: &Query, skip: u64) -> bool {
        if earlier.case_sensitive && !self.case_sensitive {
            return false;
        }
        earlier.terms.iter().all(|old| {
            let usable = self.terms.iter().enumerate();
            let mut usable = usable.filter(|&(t, _)| skip & 1 << t.min(63) == 0);
            usable.any(|(_, new)| {
                let case = earlier.case_sensitive;
                let (old_text, new_text) = (old.text(case), new.text(case));
                old.exact == new.exact
                    && if old.exact {
                        new_text.contains(old_text)
                    } else {
                        is_subsequence(old_text, new_text) && spelled_contains(old, new)
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
                    && (old.exact || spelled_contains(old, new))
                    && (!earlier.case_sensitive || contains(&old.cased, &new.cased, old.exact))
            })
        })
    }
}

/// Whether the spelled form of a fuzzy term holds that of an earlier one as
/// a subsequence. Typing "so" then "soe" does not narrow: "soe" is spelled
/// `su`, which matches "Surabaya" where "so" matched nothing.
fn spelled_contains(old: &Term, new: &Term) -> bool {
    is_subsequence(old.spelled_text(), new.spelled_text())
}

impl Term {
    fn new(raw: &str, exact: bool) -> Option<Self> {
        let folded = fold(raw);
        if folded.is_empty() {
            return None;
        }
        let spelled = Some(spell(&folded)).filter(|s| !exact && *s != folded);
        let mask = char_mask(&folded) & spelled.as_deref().map_or(u64::MAX, char_mask);
        let cased = fold_keep_case(raw);
        Some(Self {
            mask,
            ascii: folded.is_ascii(),
            spelled_cased: spelled.as_ref().map(|_| spell(&cased)),
            cased,
            folded,
            spelled,
            exact,
        })
    }

    /// The term in today's spelling as matched in the given case mode.
    pub fn spelled_pattern(&self, case_sensitive: bool) -> super::matching::Pattern<'_> {
        let text = if case_sensitive {
            self.spelled_cased.as_deref().unwrap_or(&self.cased)
        } else {
            self.spelled_text()
        };
        super::matching::Pattern {
            text,
            exact: false,
            ascii: text.is_ascii(),
        }
    }

    /// The folded term in today's spelling.
    pub fn spelled_text(&self) -> &str {
        self.spelled.as_deref().unwrap_or(&self.folded)
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

/// A letter or digit, before or after folding: a query is cut at
/// punctuation before it is folded, and a compatibility character such as
/// U+2F00 (a radical, a symbol) folds to a letter (U+4E00), as the text it
/// is matched against is folded.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || crate::text::fold_char(c).any(char::is_alphanumeric)
    }
}

/// The pieces of a word between punctuation, also cut between letters and
/// digits: "pasal3," gives `pasal` and `3`.
pub(crate) fn split_punctuation(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        rest = rest.trim_start_matches(|c: char| !is_word_char(c));
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let digit = first.is_numeric();
        let end = chars
            .find(|&(_, c)| !is_word_char(c) || c.is_numeric() != digit)
            .map_or(rest.len(), |(at, _)| at);
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
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
    fn punctuation_is_dropped_and_digits_split_off() {
        assert_eq!(texts(&Query::parse("mediator?")), vec![("mediator", false)]);
        assert_eq!(texts(&Query::parse("mediator,")), vec![("mediator", false)]);
        assert_eq!(
            texts(&Query::parse("pasal3 (uu-11/2009)")),
            vec![
                ("pasal", false),
                ("3", false),
                ("uu", false),
                ("11", false),
                ("2009", false)
            ]
        );
        assert!(Query::parse("?! ...").is_empty());
        // Quoted text is matched as written, punctuation included.
        assert_eq!(texts(&Query::parse("'tcp/ip")), vec![("tcp/ip", true)]);
        assert_eq!(
            Query::parse("\"uu 11/2009\"").words,
            vec!["uu", "11", "2009"]
        );
    }

    #[test]
    fn old_spellings_narrow_only_when_their_spelling_grows() {
        let parse = Query::parse;
        assert_eq!(
            parse("soekarno").terms[0].spelled.as_deref(),
            Some("sukarno")
        );
        assert!(parse("soek").narrows(&parse("soe")));
        assert!(!parse("soe").narrows(&parse("so")));
        assert!(!parse("ch").narrows(&parse("c")));
        assert!(parse("nj").narrows(&parse("n")));
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
