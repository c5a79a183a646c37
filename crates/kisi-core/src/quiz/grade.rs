//! Grading. Typed answers forgive case, accents, punctuation, spacing and
//! small typos, but never take a near miss of another item for the right one
//! and never forgive a wrong number. A grade is data; `wording` renders it.

use std::collections::{HashMap, HashSet};

use crate::text::{edit_distance, fold};

use super::question::{Answer, Body, Question};

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

/// Folds case and accents and drops everything but letters and digits
/// (punctuation, spaces): the form in which answers and options are
/// compared, so "O.D.H.A" is "ODHA" and "ketahanan  sosial" is
/// "Ketahanan sosial".
pub fn normalize(text: &str) -> String {
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

/// The numbers in a text: `Pasal 3 ayat 12` gives 3 and 12. Leading zeros do
/// not matter; digits of other scripts count as their ASCII values do not.
fn numbers(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .map(|run| {
            let trimmed = run.trim_start_matches('0');
            if trimmed.is_empty() { "0" } else { trimmed }.to_owned()
        })
        .collect()
}

/// Which candidate a typed answer names, if any: an exact (normalized) match,
/// or else the single closest candidate if it is within the typo budget and
/// has the same numbers. A tie between candidates names none.
pub fn closest_candidate(typed: &str, candidates: &[Vec<String>]) -> Option<Match> {
    let typed_numbers = numbers(typed);
    let typed = normalize(typed);
    if typed.is_empty() {
        return None;
    }
    // For every candidate, its closest spelling and the distance to it.
    let nearest: Vec<Option<(usize, &String)>> = candidates
        .iter()
        .map(|spellings| {
            spellings
                .iter()
                .map(|s| (normalize(s), s))
                .filter(|(n, _)| !n.is_empty())
                .map(|(n, s)| (edit_distance(&typed, &n), s))
                .min_by_key(|(distance, _)| *distance)
        })
        .collect();
    let best = nearest.iter().flatten().map(|(d, _)| *d).min()?;
    let mut at_best = nearest
        .iter()
        .enumerate()
        .filter(|(_, n)| n.as_ref().is_some_and(|(d, _)| *d == best));
    let (index, Some((distance, spelling))) = at_best.next()? else {
        return None;
    };
    if at_best.next().is_some() {
        return None;
    }
    let close =
        *distance <= typo_budget(&normalize(spelling)) && typed_numbers == numbers(spelling);
    close.then_some(Match {
        index,
        exact: *distance == 0,
    })
}

/// A candidate named by a typed answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub index: usize,
    pub exact: bool,
}

/// Grades a typed answer against `candidates[correct]`, comparing it with
/// all candidates.
pub fn grade_typed(typed: &str, candidates: &[Vec<String>], correct: usize) -> Grade {
    let normalized = normalize(typed);
    let exact = !normalized.is_empty()
        && candidates
            .get(correct)
            .is_some_and(|spellings| spellings.iter().any(|s| normalize(s) == normalized));
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

/// The result of a list-all answer: which item each typed line named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListGrade {
    /// For each typed answer, the index of the item it named the first time.
    pub matched: Vec<Option<usize>>,
    /// Indices of the items nobody named.
    pub missing: Vec<usize>,
}

/// Grades typed list items, in any order. Each answer is compared with the
/// items and the decoys, each named in full or by one of its other spellings
/// (see [`item_spellings`]); naming an item twice counts once.
pub fn grade_list(answers: &[String], items: &[String], decoys: &[String]) -> ListGrade {
    let candidates = without_shared_spellings(
        items
            .iter()
            .chain(decoys)
            .map(|text| item_spellings(text))
            .collect(),
    );
    let mut named = vec![false; items.len()];
    let matched = answers
        .iter()
        .map(|answer| {
            let found = closest_candidate(answer, &candidates)?.index;
            let first_time = !std::mem::replace(named.get_mut(found)?, true);
            first_time.then_some(found)
        })
        .collect();
    let missing = named
        .iter()
        .enumerate()
        .filter(|(_, n)| !**n)
        .map(|(i, _)| i)
        .collect();
    ListGrade { matched, missing }
}

/// The ways a list item may be named: in full, each side of an "atau" / "or"
/// / "/", and without its part in parentheses or only that part. The
/// material's "fasilitator atau pendamping" is named by "fasilitator" too,
/// "Pembela (advocate)" by "pembela" or "advocate".
fn item_spellings(item: &str) -> Vec<String> {
    let mut all = vec![item.trim().to_owned()];
    let mut add = |spelling: &str| {
        let spelling = spelling.trim();
        if !spelling.is_empty() && !all.iter().any(|s| s == spelling) {
            all.push(spelling.to_owned());
        }
    };
    if let (Some(open), Some(close)) = (item.find('('), item.rfind(')'))
        && open < close
    {
        add(&format!("{}{}", &item[..open], &item[close + 1..]));
        add(&item[open + 1..close]);
    }
    for separator in [" atau ", " or ", "/"] {
        if item.contains(separator) {
            item.split(separator).for_each(&mut add);
        }
    }
    all
}

/// Removes from every candidate the spellings another candidate also has, so
/// a typed answer never names two candidates at once. The first spelling (the
/// full title) is kept. Linear in the spellings: a typed question may hold
/// every entry of a large pack.
pub(super) fn without_shared_spellings(candidates: Vec<Vec<String>>) -> Vec<Vec<String>> {
    let normalized: Vec<Vec<String>> = candidates
        .iter()
        .map(|c| c.iter().map(|s| normalize(s)).collect())
        .collect();
    // How many candidates have each spelling.
    let mut holders: HashMap<&str, usize> = HashMap::new();
    for spellings in &normalized {
        let own: HashSet<&str> = spellings.iter().map(String::as_str).collect();
        for spelling in own {
            *holders.entry(spelling).or_default() += 1;
        }
    }
    let shared = |spelling: &str| holders.get(spelling).is_some_and(|&n| n > 1);
    candidates
        .into_iter()
        .zip(&normalized)
        .map(|(spellings, normal)| {
            spellings
                .into_iter()
                .zip(normal)
                .enumerate()
                .filter(|(k, (_, n))| *k == 0 || !shared(n))
                .map(|(_, (s, _))| s)
                .collect()
        })
        .collect()
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
        (Body::Ordering { order, .. }, Answer::Ordering(given)) => {
            let marks = marks(order, given);
            let right = marks.iter().filter(|m| **m).count();
            (Outcome::from_fraction(right, order.len()), marks)
        }
        (Body::Matching { pairs, .. }, Answer::Matching(given)) => {
            let marks = marks(pairs, given);
            let right = marks.iter().filter(|m| **m).count();
            (Outcome::from_fraction(right, pairs.len()), marks)
        }
        (Body::ListAll { items, decoys }, Answer::ListAll(given)) => {
            let list = grade_list(given, items, decoys);
            let named = list.matched.iter().flatten().count();
            // Each line marked, so the student sees which ones counted.
            let marks = list.matched.iter().map(Option::is_some).collect();
            (Outcome::from_fraction(named, items.len()), marks)
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
mod tests {
    use super::*;

    fn one(spellings: &[&str]) -> Vec<String> {
        spellings.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn normalize_ignores_case_accents_punctuation_and_spacing() {
        assert_eq!(normalize("  Pelayanan—SOSIAL;  (é) "), "pelayanansosiale");
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(numbers("Pasal 03 ayat 12"), vec!["3", "12"]);
        assert_eq!(numbers("angka 0"), vec!["0"]);
        assert!(numbers("tanpa angka").is_empty());
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget("odha"), 0);
        assert_eq!(typo_budget("broker"), 1);
        assert_eq!(typo_budget("mediator"), 1);
        assert_eq!(typo_budget("fasilitator"), 2);
    }

    #[test]
    fn short_words_need_exact_spelling() {
        let candidates = vec![one(&["ODHA"]), one(&["JKSM"])];
        assert_eq!(grade_typed("odah", &candidates, 0).outcome, Outcome::Wrong);
        assert_eq!(
            grade_typed("O.D.H.A", &candidates, 0).outcome,
            Outcome::Correct
        );
    }

    #[test]
    fn list_items_are_named_by_either_of_their_words() {
        let items = one(&[
            "fasilitator atau pendamping",
            "Pembela (advocate)",
            "perencana",
        ]);
        // "pendamping" is also a decoy (another entry's item): it is not
        // taken as naming the first item.
        let decoys = one(&["pendamping"]);
        let answers = one(&["fasilitator", "advocate", "pendamping"]);
        let list = grade_list(&answers, &items, &decoys);
        assert_eq!(list.matched, vec![Some(0), Some(1), None]);
        assert_eq!(list.missing, vec![2]);
        assert_eq!(
            item_spellings("Pembela (advocate)"),
            vec!["Pembela (advocate)", "Pembela", "advocate"]
        );
    }

    #[test]
    fn list_counts_each_item_once_and_ignores_decoys() {
        let items = one(&["kesetiakawanan", "keadilan", "kemanfaatan"]);
        let decoys = one(&["keterbukaan"]);
        let answers = one(&["Keadilan", "keadilan", "keterbukan", "kesetiakawnan"]);
        let list = grade_list(&answers, &items, &decoys);
        assert_eq!(list.matched, vec![Some(1), None, None, Some(0)]);
        assert_eq!(list.missing, vec![2]);
    }

    #[test]
    fn shared_spellings_are_dropped_except_titles() {
        let candidates = vec![
            vec![
                "Pasal 3: Tujuan".to_owned(),
                "Pasal 3".to_owned(),
                "tujuan".to_owned(),
            ],
            vec!["Tujuan".to_owned()],
        ];
        assert_eq!(
            without_shared_spellings(candidates),
            vec![vec!["Pasal 3: Tujuan", "Pasal 3"], vec!["Tujuan"]]
        );
    }
}
