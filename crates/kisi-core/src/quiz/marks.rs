//! Marks for the student: the right order, or the right pairs, with each
//! item marked where the student had it right, and each question's mark in
//! a list of results; for the TUI and plain mode alike.

use super::grade::{Grade, Outcome};
use super::question::{Answer, Body};

/// The right order, or the right pairs, one per item, each with whether
/// the student had it right (an item of an order when it stood in the
/// right order relative to the others, as graded); `None` for other kinds
/// of question.
pub fn marked_solution(body: &Body, grade: &Grade) -> Option<Vec<(bool, String)>> {
    match (body, &grade.given) {
        (Body::Ordering { items, order }, Answer::Ordering(given)) => Some(
            order
                .iter()
                .map(|&i| {
                    let item = items.get(i).map_or("", String::as_str);
                    let kept = given
                        .iter()
                        .position(|&g| g == i)
                        .is_some_and(|k| grade.marks.get(k) == Some(&true));
                    (kept, item.to_owned())
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
