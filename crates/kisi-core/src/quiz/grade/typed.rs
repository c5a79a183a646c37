//! Typed answers: one text against every candidate, so a near miss of
//! another item is never taken for the right one.

use crate::text::{edit_distance, fold};

use super::{Grade, Outcome};
use crate::quiz::forms::Form;
use crate::quiz::question::Answer;

/// Folds case and accents and drops everything but letters and digits
/// (punctuation, spaces): the form in which answers and options are
/// compared, so "O.D.H.A" is "ODHA" and "ketahanan  sosial" is
/// "Ketahanan sosial".
pub fn normalize(text: &str) -> String {
    // ASCII folds to its lower case: no decomposition to work out (a typed
    // answer is compared with every spelling of the pack).
    if text.is_ascii() {
        return text
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How many edits a typed answer may be away from `expected` (normalized):
/// none for up to 4 letters, 1 for 5 to 8, 2 for longer.
pub fn typo_budget(expected: &str) -> usize {
    match expected.chars().filter(|c| c.is_alphanumeric()).count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Which candidate a typed answer names, if any: an exact match (in the
/// compared [`Form`], so "sepuluh" is "10" and "&" is "dan"), a number alone
/// for the same number with its noun, or else the single closest candidate
/// if it is within the typo budget and has the same numbers. A tie between
/// candidates names none.
pub fn closest_candidate(typed: &str, candidates: &[Vec<String>]) -> Option<Match> {
    let typed = Form::new(typed);
    if typed.key.is_empty() {
        return None;
    }
    let form: fn(&str) -> Form = if typed.is_plain() {
        Form::plain
    } else {
        Form::new
    };
    // For every candidate, its closest spelling and how close: twice the
    // edit distance, so that the same number with or without its noun (1)
    // comes after an exact match (0) and before any typo.
    let nearest: Vec<Option<(usize, Form)>> = candidates
        .iter()
        .map(|spellings| {
            spellings
                .iter()
                .map(|s| form(s))
                .filter(|form| !form.key.is_empty())
                .map(|form| {
                    let distance = edit_distance(&typed.key, &form.key);
                    let rank = if distance > 0 && typed.same_number(&form) {
                        1
                    } else {
                        2 * distance
                    };
                    (rank, form)
                })
                .min_by_key(|(rank, _)| *rank)
        })
        .collect();
    let best = nearest.iter().flatten().map(|(d, _)| *d).min()?;
    let mut at_best = nearest
        .iter()
        .enumerate()
        .filter(|(_, n)| n.as_ref().is_some_and(|(d, _)| *d == best));
    let (index, Some((rank, form))) = at_best.next()? else {
        return None;
    };
    if at_best.next().is_some() {
        return None;
    }
    // A number with or without its noun is exact, not a typo.
    let exact = *rank <= 1;
    let close = exact || (rank / 2 <= typo_budget(&form.key) && typed.numbers == form.numbers);
    close.then_some(Match { index, exact })
}

/// A candidate named by a typed answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub index: usize,
    pub exact: bool,
}

/// Grades a typed answer against `candidates[correct]`, comparing it with
/// all candidates (whose spellings the generator gave their shorter forms,
/// once per quiz rather than once per answer: see `generate::spelling`).
pub fn grade_typed(typed: &str, candidates: &[Vec<String>], correct: usize) -> Grade {
    // Accepted ranges (`1..5`, `3.14 ± 0.01`): graded as a number.
    if let Some(ranges) = candidates
        .get(correct)
        .and_then(|c| crate::number::ranges(c))
    {
        let right = crate::number::within(typed, &ranges);
        return Grade {
            outcome: if right {
                Outcome::Correct
            } else {
                Outcome::Wrong
            },
            typo: false,
            given: Answer::Typed(typed.trim().to_owned()),
            marks: Vec::new(),
        };
    }
    let key = Form::new(typed).key;
    let exact = !key.is_empty()
        && candidates
            .get(correct)
            .is_some_and(|spellings| spellings.iter().any(|s| Form::new(s).key == key));
    let (outcome, typo) = if exact {
        (Outcome::Correct, false)
    } else {
        match closest_candidate(typed, candidates) {
            Some(found) if found.index == correct => (Outcome::Correct, !found.exact),
            _ => (Outcome::Wrong, false),
        }
    };
    Grade {
        outcome,
        typo,
        given: Answer::Typed(typed.trim().to_owned()),
        marks: Vec::new(),
    }
}
