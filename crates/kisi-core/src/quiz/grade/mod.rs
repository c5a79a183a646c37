//! Grading. Typed answers forgive case, accents, punctuation, spacing,
//! numbers in words and small typos (see `forms`), but never take a near
//! miss of another item for the right one and never forgive a wrong number.
//! Lists cost for what is missing and for what is wrong; an order earns
//! credit for the items in the right order relative to each other. A grade
//! is data; `wording` renders it. This file dispatches on the answer's
//! shape; a file per shape that needs more than a comparison grades it.

mod list;
mod order;
mod typed;

use std::collections::HashSet;

use super::question::{Answer, Body, Question};
use order::ordering;

pub(super) use list::without_shared_spellings;
pub use list::{ListGrade, grade_list};
pub use typed::{Match, closest_candidate, grade_typed, normalize, typo_budget};

/// How a question was answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Correct,
    /// Part of the answer was right: the fraction in `(0, 1)` earned.
    Partial(f64),
    Wrong,
    /// Graded wrong or partial, then the student said "I was right".
    Overridden,
}

impl Outcome {
    /// The credit earned, from 0 to 1.
    pub fn credit(self) -> f64 {
        match self {
            Self::Correct | Self::Overridden => 1.0,
            Self::Partial(fraction) => fraction,
            Self::Wrong => 0.0,
        }
    }

    /// Turns a fraction of right parts into an outcome.
    fn from_fraction(right: usize, total: usize) -> Self {
        if total > 0 && right == total {
            Self::Correct
        } else if right == 0 {
            Self::Wrong
        } else {
            #[allow(clippy::cast_precision_loss)] // counts are tiny
            let fraction = right as f64 / total as f64;
            Self::Partial(fraction)
        }
    }
}

/// The result of grading one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub outcome: Outcome,
    /// The answer was accepted despite a typo; show the exact spelling.
    pub typo: bool,
    /// The answer as given (a typed one trimmed).
    pub given: Answer,
    /// For the parts of an ordering, matching or list answer, in the order
    /// given, whether each was right; empty for other kinds.
    pub marks: Vec<bool>,
}

/// Grades any answer. An answer of the wrong shape (or an index out of range)
/// is simply wrong.
pub fn grade(question: &Question, answer: &Answer) -> Grade {
    grade_owned(question, answer.clone())
}

/// [`grade`], keeping the answer given in the grade without a copy.
pub(super) fn grade_owned(question: &Question, answer: Answer) -> Grade {
    if let (
        Body::Typed {
            candidates,
            correct,
        },
        Answer::Typed(typed),
    ) = (&question.body, &answer)
    {
        return grade_typed(typed, candidates, *correct);
    }
    let (outcome, marks) = outcome_and_marks(&question.body, &answer);
    Grade {
        outcome,
        typo: false,
        given: answer,
        marks,
    }
}

/// The outcome of any answer but a typed one, with the marks of its parts.
fn outcome_and_marks(body: &Body, answer: &Answer) -> (Outcome, Vec<bool>) {
    let right_or_wrong = |right: bool| {
        if right {
            Outcome::Correct
        } else {
            Outcome::Wrong
        }
    };
    match (body, answer) {
        (Body::Choice { correct, .. }, Answer::Choice(chosen)) => {
            (right_or_wrong(chosen == correct), Vec::new())
        }
        (Body::SelectAll { correct, .. }, Answer::SelectAll(ticked)) => select_all(correct, ticked),
        (Body::TrueFalse { answer: truth }, Answer::TrueFalse(said)) => {
            (right_or_wrong(truth == said), Vec::new())
        }
        (Body::Ordering { order, .. }, Answer::Ordering(given)) => ordering(order, given),
        (Body::Matching { pairs, .. }, Answer::Matching(given)) => {
            let marks = marks(pairs, given);
            let right = marks.iter().filter(|m| **m).count();
            (Outcome::from_fraction(right, pairs.len()), marks)
        }
        (Body::ListAll { items, decoys }, Answer::ListAll(given)) => {
            let list = grade_list(given, items, decoys);
            // Each line marked, so the student sees which ones counted.
            let marks = list.matched.iter().map(Option::is_some).collect();
            (list.outcome(), marks)
        }
        (Body::Flashcard { .. }, Answer::Flashcard { knew }) => (right_or_wrong(*knew), Vec::new()),
        // A typed answer is graded by `grade_typed`; any other pair is of the
        // wrong shape.
        _ => (Outcome::Wrong, Vec::new()),
    }
}

/// Select all that apply: each right option ticked earns a share, each
/// wrong one ticked takes a share back, never below nothing, so ticking
/// every option is not a way to score. Marks: for each tick, whether it is
/// a right option ticked the first time.
fn select_all(correct: &[usize], ticked: &[usize]) -> (Outcome, Vec<bool>) {
    let mut seen = HashSet::new();
    let marks: Vec<bool> = ticked
        .iter()
        .map(|t| seen.insert(*t) && correct.contains(t))
        .collect();
    let right = marks.iter().filter(|m| **m).count();
    let wrong = seen.iter().filter(|t| !correct.contains(t)).count();
    (
        Outcome::from_fraction(right.saturating_sub(wrong), correct.len()),
        marks,
    )
}
/// For each position given, whether it holds what `expected` has there.
fn marks(expected: &[usize], given: &[usize]) -> Vec<bool> {
    given
        .iter()
        .enumerate()
        .map(|(k, g)| expected.get(k) == Some(g))
        .collect()
}

#[cfg(test)]
mod tests;
