//! List-all answers: each typed line against every item and decoy, scored
//! by precision and recall.

use std::collections::{HashMap, HashSet};

use super::Outcome;
use super::typed::{closest_candidate, normalize};
use crate::quiz::forms::item_spellings;

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
pub(in crate::quiz) fn without_shared_spellings(candidates: Vec<Vec<String>>) -> Vec<Vec<String>> {
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
