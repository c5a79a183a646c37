//! Marks for the student: the right order, or the right pairs, with each
//! item marked where the student had it right, and each question's mark in
//! a list of results; for the TUI and plain mode alike.

use super::grade::Outcome;
use super::question::{Answer, Body};

/// The right order, or the right pairs, one per item, each with whether
/// the student had it right; `None` for other kinds of question.
pub fn marked_solution(body: &Body, answer: &Answer) -> Option<Vec<(bool, String)>> {
    match (body, answer) {
        (Body::Ordering { items, order }, Answer::Ordering(given)) => Some(
            order
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let item = items.get(i).map_or("", String::as_str);
                    (given.get(k) == Some(&i), item.to_owned())
                })
                .collect(),
        ),
        (Body::Matching { left, right, pairs }, Answer::Matching(given)) => Some(
            left.iter()
                .zip(pairs)
                .enumerate()
                .map(|(k, (item, &r))| {
                    let other = right.get(r).map_or("", String::as_str);
                    (given.get(k) == Some(&r), format!("{item} → {other}"))
                })
                .collect(),
        ),
        _ => None,
    }
}

/// The mark of a question in a list of results: ✓ right, ~ partly right,
/// ✗ wrong, – not answered.
pub fn outcome_mark(outcome: Option<Outcome>) -> char {
    match outcome {
        Some(Outcome::Correct | Outcome::Overridden) => '✓',
        Some(Outcome::Partial(_)) => '~',
        Some(Outcome::Wrong) => '✗',
        None => '–',
    }
}
