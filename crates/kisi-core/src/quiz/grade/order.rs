//! Ordering answers: credit for the items in the right relative order.

use super::Outcome;

/// An order's credit: the items in the right order relative to each other
/// (the longest run of them, not necessarily side by side, that keeps the
/// material's order), beyond the one item that is always "in order". The
/// right order shifted by one loses one item, not everything; the order
/// reversed earns nothing. Each given position is marked when its item is
/// in that run.
pub(super) fn ordering(order: &[usize], given: &[usize]) -> (Outcome, Vec<bool>) {
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
