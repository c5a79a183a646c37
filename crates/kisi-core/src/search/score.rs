//! The fuzzy score of `fuzzy-matcher`'s `SkimMatcherV2` (case respected, no
//! positions), computed with reused buffers.
//!
//! Scoring every candidate is the hot loop of a keystroke. The crate's matcher
//! allocates on every call and looks up thread-local caches; this is the same
//! two-row dynamic programme, step for step, so the scores are identical
//! (checked against the crate in the tests below), just cheaper. Positions
//! for highlighting still come from the crate.

use std::cmp::max;

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const NEG_INFINITY: i32 = i16::MIN as i32;

#[derive(Debug, Clone, Copy)]
struct Cell {
    /// Best score of the pattern so far ending with a match at this char.
    matched: i32,
    /// Best score of the pattern so far with this char skipped.
    skipped: i32,
    /// The consecutive-match bonus carried to the next char.
    bonus: i32,
}

const RESET: Cell = Cell {
    matched: NEG_INFINITY,
    skipped: NEG_INFINITY,
    bonus: 0,
};

/// Buffers for scoring, reused across calls; one per thread.
#[derive(Debug, Default)]
pub(crate) struct Scorer {
    choice: Vec<char>,
    pattern: Vec<char>,
    first: Vec<usize>,
    bonus: Vec<i32>,
    rows: [Vec<Cell>; 2],
}

#[derive(Clone, Copy, PartialEq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

fn char_type(c: char) -> CharType {
    match c {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty | CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower | CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

impl Scorer {
    /// The score `SkimMatcherV2::default().respect_case().fuzzy(text,
    /// pattern, false)` gives, `None` when `pattern` is not a subsequence of
    /// `text`.
    pub fn score(&mut self, text: &str, pattern: &str) -> Option<i32> {
        if pattern.is_empty() {
            return Some(0);
        }
        self.choice.clear();
        self.choice.extend(text.chars());
        self.pattern.clear();
        self.pattern.extend(pattern.chars());
        self.first.clear();
        let mut next = self.pattern.iter().peekable();
        for (i, &c) in self.choice.iter().enumerate() {
            match next.peek() {
                Some(&&p) if p == c => {
                    self.first.push(i);
                    next.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        if next.peek().is_some() {
            return None;
        }

        let cols = self.choice.len() + 1;
        self.bonus.clear();
        self.bonus.push(0);
        let mut prev = CharType::Empty;
        for &c in &self.choice {
            let cur = char_type(c);
            self.bonus.push(in_place_bonus(prev, cur));
            prev = cur;
        }
        if let Some(first) = self.bonus.get_mut(1) {
            *first *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
        // Row 0 stands for "no pattern char yet": every char skipped.
        let [even, odd] = &mut self.rows;
        even.clear();
        even.resize(
            cols,
            Cell {
                skipped: GAP_EXTENSION,
                ..RESET
            },
        );
        odd.clear();
        odd.resize(cols, RESET);

        for (i, &p) in self.pattern.iter().enumerate() {
            // The two rows alternate; like the crate, cells left of where the
            // pattern char can first match keep what an earlier row wrote.
            let (row, prev_row) = if i.is_multiple_of(2) {
                (&mut *odd, &*even)
            } else {
                (&mut *even, &*odd)
            };
            let skip = self.first[i];
            for (offset, &c) in self.choice[skip..].iter().enumerate() {
                let col = skip + offset + 1;
                let last = col - 1;
                if c == p {
                    let in_place = self.bonus[col];
                    let consecutive = max(row[last].bonus, max(in_place, BONUS_CONSECUTIVE));
                    row[last].bonus = consecutive;
                    let by_match = prev_row[last].matched + consecutive;
                    let by_skip = prev_row[last].skipped + in_place;
                    row[col].matched = max(by_match, by_skip) + SCORE_MATCH;
                } else {
                    row[col].matched = NEG_INFINITY;
                    row[col].bonus = 0;
                }
                row[col].skipped = max(
                    GAP_START + GAP_EXTENSION + row[last].matched,
                    GAP_EXTENSION + row[last].skipped,
                );
            }
        }
        let last_row = if self.pattern.len().is_multiple_of(2) {
            even
        } else {
            odd
        };
        let from = self.first[self.pattern.len() - 1];
        last_row[from..].iter().map(|cell| cell.matched).max()
    }
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    use super::*;

    fn skim(matcher: &SkimMatcherV2, text: &str, pattern: &str) -> Option<i32> {
        let (score, _) = matcher.fuzzy(text, pattern, false)?;
        i32::try_from(score).ok()
    }

    #[test]
    fn scores_like_the_crate_on_known_cases() {
        let matcher = SkimMatcherV2::default().respect_case();
        let mut scorer = Scorer::default();
        for (text, pattern) in [
            ("konseling keluarga", "konsel"),
            ("kondisi sosial keluarga", "konsel"),
            ("a/b.c-d Foo(B)ar 123Bar", "fbb"),
            ("aaa bbb aaa", "aba"),
            ("xaxbxcxaxbxc", "abcab"),
            ("pasal 3: tujuan", "pasal 3"),
            ("", "a"),
            ("abc", ""),
            ("żółw 東京 tokyo", "東京"),
        ] {
            assert_eq!(
                scorer.score(text, pattern),
                skim(&matcher, text, pattern),
                "{text:?} {pattern:?}"
            );
        }
    }

    /// The crate's matcher keeps buffers between calls and, reused, can
    /// score a text differently than a fresh one does: after the first
    /// pair below it gives 93 for the second, a fresh matcher 89. The
    /// reference is the fresh matcher; this scorer must not carry anything
    /// over from one call to the next.
    #[test]
    fn a_reused_scorer_scores_like_a_fresh_matcher() {
        let mut scorer = Scorer::default();
        for (text, pattern) in [
            ("Aaaaaaa1a Aaaaaaaaaaaaa", "A"),
            ("aaaéé東aaaaaAaaaaaaaaaaaAbaaa", "éé東AAa"),
        ] {
            let fresh = SkimMatcherV2::default().respect_case();
            assert_eq!(scorer.score(text, pattern), skim(&fresh, text, pattern));
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec!['a', 'b', 'c', 'A', 'B', ' ', '.', '/', '1', 'é', '東']),
            0..40,
        )
        .prop_map(String::from_iter)
    }

    proptest! {
        #[test]
        fn scores_like_the_crate(
            pairs in prop::collection::vec((text(), text().prop_map(|p| p.chars().take(6).collect::<String>())), 1..8)
        ) {
            // One scorer over several calls, as in a search, so that buffers
            // left over from earlier calls are covered; against a fresh
            // matcher each time (see the test above).
            let mut scorer = Scorer::default();
            for (text, pattern) in &pairs {
                let fresh = SkimMatcherV2::default().respect_case();
                prop_assert_eq!(scorer.score(text, pattern), skim(&fresh, text, pattern));
            }
        }
    }
}
