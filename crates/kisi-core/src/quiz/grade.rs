//! Grading. Typed answers forgive case, accents, punctuation, spacing,
//! numbers in words and small typos (see `forms`), but never take a near
//! miss of another item for the right one and never forgive a wrong number.
//! Lists cost for what is missing and for what is wrong; an order earns
//! credit for the items in the right order relative to each other. A grade
//! is data; `wording` renders it.

use std::collections::{HashMap, HashSet};

use crate::text::{edit_distance, fold};

use super::forms::{Form, item_spellings};
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
        .and_then(|c| super::number::ranges(c))
    {
        let right = super::number::within(typed, &ranges);
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

/// Every spelling of a candidate with its shorter forms, the given ones
/// first.
fn forms_of(spellings: &[String]) -> Vec<String> {
    let mut all: Vec<String> = spellings.to_vec();
    for spelling in spellings {
        for form in item_spellings(spelling) {
            if !all.contains(&form) {
                all.push(form);
            }
        }
    }
    all
}

/// The result of a list-all answer: which item each typed line named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListGrade {
    /// For each typed answer, the index of the item it named the first time.
    pub matched: Vec<Option<usize>>,
    /// Indices of the items nobody named.
    pub missing: Vec<usize>,
    /// How many lines named no item at all (a decoy, or nothing): each costs
    /// as a missing item does. A line naming an item again costs nothing.
    pub wrong: usize,
}

impl ListGrade {
    /// Precision and recall together (their harmonic mean, F1): every item
    /// named and nothing else is right; 7 right and 4 wrong is not.
    pub fn outcome(&self) -> Outcome {
        let named = self.matched.iter().flatten().count();
        let misses = self.wrong + self.missing.len();
        if named == 0 {
            Outcome::Wrong
        } else if misses == 0 {
            Outcome::Correct
        } else {
            Outcome::from_fraction(2 * named, 2 * named + misses)
        }
    }
}

/// Grades typed list items, in any order. Each answer is compared with the
/// items (each with its accepted forms) and the decoys, each named in full
/// or by one of its shorter forms (see [`item_spellings`]) that no other
/// has; naming an item twice counts once.
pub fn grade_list(answers: &[String], items: &[Vec<String>], decoys: &[String]) -> ListGrade {
    let candidates = without_shared_spellings(
        items
            .iter()
            .map(|forms| forms_of(forms))
            .chain(decoys.iter().map(|text| item_spellings(text)))
            .collect(),
    );
    let mut named = vec![false; items.len()];
    let mut wrong = 0;
    let matched = answers
        .iter()
        .map(|answer| {
            let found = closest_candidate(answer, &candidates).map(|m| m.index);
            let Some(slot) = found.and_then(|i| named.get_mut(i)) else {
                wrong += 1;
                return None;
            };
            let first_time = !std::mem::replace(slot, true);
            first_time.then_some(found).flatten()
        })
        .collect();
    let missing = named
        .iter()
        .enumerate()
        .filter(|(_, n)| !**n)
        .map(|(i, _)| i)
        .collect();
    ListGrade {
        matched,
        missing,
        wrong,
    }
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

/// An order's credit: the items in the right order relative to each other
/// (the longest run of them, not necessarily side by side, that keeps the
/// material's order), beyond the one item that is always "in order". The
/// right order shifted by one loses one item, not everything; the order
/// reversed earns nothing. Each given position is marked when its item is
/// in that run.
fn ordering(order: &[usize], given: &[usize]) -> (Outcome, Vec<bool>) {
    // Where each given item stands in the material; an unknown one nowhere.
    let ranks: Vec<Option<usize>> = given
        .iter()
        .map(|g| order.iter().position(|o| o == g))
        .collect();
    let mut marks = in_order(&ranks);
    let kept = marks.iter().filter(|m| **m).count();
    let outcome = if kept == order.len() && given.len() == order.len() {
        Outcome::Correct
    } else if kept <= 1 {
        marks.fill(false);
        Outcome::Wrong
    } else {
        Outcome::from_fraction(kept - 1, order.len().saturating_sub(1))
    };
    (outcome, marks)
}

/// The positions of one longest strictly increasing run of `ranks` (a
/// longest increasing subsequence, by patience sorting in O(n log n)).
fn in_order(ranks: &[Option<usize>]) -> Vec<bool> {
    // tails[l]: the index of the smallest last rank of a run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; ranks.len()];
    for (k, rank) in ranks.iter().enumerate() {
        let Some(rank) = *rank else {
            continue;
        };
        let at = tails.partition_point(|&t| ranks[t].is_some_and(|r| r < rank));
        previous[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut marks = vec![false; ranks.len()];
    let mut at = tails.last().copied();
    while let Some(k) = at {
        marks[k] = true;
        at = previous[k];
    }
    marks
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

    fn each(items: &[&str]) -> Vec<Vec<String>> {
        items.iter().map(|s| vec![(*s).to_owned()]).collect()
    }

    #[test]
    fn normalize_ignores_case_accents_punctuation_and_spacing() {
        assert_eq!(normalize("  Pelayanan—SOSIAL;  (é) "), "pelayanansosiale");
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
    fn a_wrong_number_is_never_a_typo() {
        let candidates = vec![one(&["Pasal 3"]), one(&["Tujuan"])];
        assert_eq!(
            grade_typed("Pasal 4", &candidates, 0).outcome,
            Outcome::Wrong
        );
        assert_eq!(
            grade_typed("Pasal 03", &candidates, 0).outcome,
            Outcome::Correct
        );
    }

    #[test]
    fn numbers_match_with_or_without_their_noun_in_digits_or_words() {
        let candidates = vec![one(&["10 asas"]), one(&["Tujuan"])];
        for typed in ["10 asas", "10", "sepuluh", "Sepuluh asas", "10 ASAS."] {
            let graded = grade_typed(typed, &candidates, 0);
            assert_eq!(graded.outcome, Outcome::Correct, "{typed}");
            assert!(!graded.typo, "{typed}");
        }
        assert_eq!(grade_typed("11", &candidates, 0).outcome, Outcome::Wrong);
        assert_eq!(
            grade_typed("sembilan", &candidates, 0).outcome,
            Outcome::Wrong
        );
        // The other way round: the answer a bare number, typed with a noun.
        let bare = vec![one(&["Sepuluh"]), one(&["Tujuan"])];
        for typed in ["10 asas", "10", "sepuluh"] {
            assert_eq!(
                grade_typed(typed, &bare, 0).outcome,
                Outcome::Correct,
                "{typed}"
            );
        }
        let english = vec![one(&["twenty-one rules"]), one(&["Purpose"])];
        for typed in ["21", "twenty one", "21 rules"] {
            assert_eq!(
                grade_typed(typed, &english, 0).outcome,
                Outcome::Correct,
                "{typed}"
            );
        }
        // A number two candidates share names neither.
        let two = vec![one(&["10 asas"]), one(&["10 prinsip"])];
        assert_eq!(grade_typed("10", &two, 0).outcome, Outcome::Wrong);
        assert_eq!(grade_typed("10 asas", &two, 0).outcome, Outcome::Correct);
        // The item in full beats another that is its number alone.
        let list = grade_list(&one(&["10 asas", "10"]), &each(&["10 asas", "10"]), &[]);
        assert_eq!(list.matched, vec![Some(0), Some(1)]);
    }

    #[test]
    fn ampersand_is_and() {
        let candidates = vec![one(&["Hak dan kewajiban"]), one(&["Rights and duties"])];
        assert_eq!(
            grade_typed("hak & kewajiban", &candidates, 0).outcome,
            Outcome::Correct
        );
        assert_eq!(
            grade_typed("Rights & duties", &candidates, 1).outcome,
            Outcome::Correct
        );
        let list = grade_list(
            &one(&["hak dan kewajiban"]),
            &each(&["Hak & kewajiban", "Peran"]),
            &[],
        );
        assert_eq!(list.matched, vec![Some(0)]);
    }

    #[test]
    fn a_qualifier_in_parentheses_is_optional_unless_it_tells_items_apart() {
        let layers = each(&[
            "Transport layer (TCP/IP)",
            "Application layer",
            "Internet layer",
        ]);
        let list = grade_list(
            &one(&["transport layer", "application layer"]),
            &layers,
            &[],
        );
        assert_eq!(list.matched, vec![Some(0), Some(1)]);
        let candidates = vec![
            item_spellings("Transport layer (TCP/IP)"),
            one(&["Network layer"]),
        ];
        assert_eq!(
            grade_typed("transport layer", &candidates, 0).outcome,
            Outcome::Correct
        );
        // Two items told apart only by their qualifier: it must be given.
        let models = each(&["Transport layer (TCP/IP)", "Transport layer (OSI)"]);
        let list = grade_list(
            &one(&["transport layer", "Transport layer (OSI)"]),
            &models,
            &[],
        );
        assert_eq!(list.matched, vec![None, Some(1)]);
        assert_eq!(list.wrong, 1);
    }

    #[test]
    fn a_distinctive_part_of_a_name_names_it_unless_another_fits_too() {
        let founders = each(&["Mohammad Hatta", "Soekarno", "Mohammad Yamin"]);
        let list = grade_list(&one(&["Hatta", "soekarno", "Yamin"]), &founders, &[]);
        assert_eq!(list.matched, vec![Some(0), Some(1), Some(2)]);
        // "Mohammad" fits two of them: it names neither.
        let list = grade_list(&one(&["Mohammad"]), &founders, &[]);
        assert_eq!(list.matched, vec![None]);
        // A typed answer's candidates come with their shorter forms, those
        // two share dropped (as the generator makes them).
        let candidates = without_shared_spellings(vec![
            item_spellings("Mohammad Hatta"),
            item_spellings("Mohammad Yamin"),
        ]);
        assert_eq!(
            grade_typed("Hatta", &candidates, 0).outcome,
            Outcome::Correct
        );
        assert_eq!(
            grade_typed("Mohammad", &candidates, 0).outcome,
            Outcome::Wrong
        );
        // A decoy of the same surname makes the surname ambiguous.
        let list = grade_list(
            &one(&["Hatta"]),
            &each(&["Mohammad Hatta"]),
            &one(&["Meutia Hatta"]),
        );
        assert_eq!(list.matched, vec![None]);
    }

    #[test]
    fn list_items_are_named_by_any_of_their_accepted_forms() {
        let items = vec![
            one(&["fasilitator atau pendamping"]),
            one(&["Pembela (advocate)"]),
            one(&["perencana", "planner"]),
        ];
        // "pendamping" is also a decoy (another entry's item): it is not
        // taken as naming the first item.
        let decoys = one(&["pendamping"]);
        let answers = one(&["fasilitator", "advocate", "pendamping", "Planner"]);
        let list = grade_list(&answers, &items, &decoys);
        assert_eq!(list.matched, vec![Some(0), Some(1), None, Some(2)]);
        assert!(list.missing.is_empty());
        assert_eq!(list.wrong, 1);
    }

    #[test]
    fn list_counts_each_item_once_and_ignores_decoys() {
        let items = each(&["kesetiakawanan", "keadilan", "kemanfaatan"]);
        let decoys = one(&["keterbukaan"]);
        let answers = one(&["Keadilan", "keadilan", "keterbukan", "kesetiakawnan"]);
        let list = grade_list(&answers, &items, &decoys);
        assert_eq!(list.matched, vec![Some(1), None, None, Some(0)]);
        assert_eq!(list.missing, vec![2]);
        // The repeat costs nothing, the decoy as much as the missing item.
        assert_eq!(list.wrong, 1);
        assert_eq!(list.outcome(), Outcome::Partial(4.0 / 6.0));
    }

    #[test]
    fn extra_wrong_items_cost_in_a_list() {
        let items = each(&[
            "mawar", "melati", "anggrek", "kamboja", "dahlia", "tulip", "kenanga",
        ]);
        let mut answers = items.iter().map(|i| i[0].clone()).collect::<Vec<_>>();
        let list = grade_list(&answers, &items, &[]);
        assert_eq!(list.outcome(), Outcome::Correct);
        answers.extend(one(&["kucing", "meja", "awan", "pintu"]));
        let list = grade_list(&answers, &items, &[]);
        // Precision 7/11, recall 1: F1 = 14/18.
        assert_eq!(list.outcome(), Outcome::Partial(14.0 / 18.0));
        let junk = grade_list(&one(&["kucing"]), &items, &[]);
        assert_eq!(junk.outcome(), Outcome::Wrong);
    }

    #[test]
    fn ordering_credits_items_in_the_right_relative_order() {
        // Shown as items 0..5; the material's order is 0, 1, 2, 3, 4.
        let order = [0, 1, 2, 3, 4];
        let (outcome, marks) = ordering(&order, &[0, 1, 2, 3, 4]);
        assert_eq!((outcome, marks), (Outcome::Correct, vec![true; 5]));
        // Shifted by one: four of five in order, not nothing.
        let (outcome, marks) = ordering(&order, &[1, 2, 3, 4, 0]);
        assert_eq!(outcome, Outcome::Partial(3.0 / 4.0));
        assert_eq!(marks, vec![true, true, true, true, false]);
        let (outcome, marks) = ordering(&order, &[4, 3, 2, 1, 0]);
        assert_eq!((outcome, marks), (Outcome::Wrong, vec![false; 5]));
        // Two swapped pairs: three items keep their relative order.
        let (outcome, _) = ordering(&order, &[1, 0, 2, 4, 3]);
        assert_eq!(outcome, Outcome::Partial(2.0 / 4.0));
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
