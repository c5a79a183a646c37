//! The rating an answer earns, for each item it tests.

use std::time::Duration;

use crate::content::Pack;
use crate::quiz::grade::grade_list;
use crate::quiz::{Answer, Body, Grade, Outcome, Question, QuestionKind};

use super::ItemKey;
use super::items::target_key;
use crate::progress::fsrs::Rating;

/// The rating an answer earns. `quick` is the UI's judgement that the
/// answer came without hesitation (see [`is_quick`]): a right answer is
/// Good when quick and Hard when slow; the student's own override and a
/// mostly right answer are Hard; anything less is Again.
pub fn rating_for(outcome: &Outcome, quick: bool) -> Rating {
    match *outcome {
        Outcome::Correct if quick => Rating::Good,
        Outcome::Correct | Outcome::Overridden => Rating::Hard,
        Outcome::Partial(fraction) if fraction >= 0.5 => Rating::Hard,
        Outcome::Partial(_) | Outcome::Wrong => Rating::Again,
    }
}

/// Whether an answer given after `elapsed` counts as quick for its kind of
/// question: longer answers get more time.
pub fn is_quick(kind: QuestionKind, elapsed: Duration) -> bool {
    let limit = match kind {
        QuestionKind::Choice | QuestionKind::TrueFalse => 15,
        QuestionKind::Typed | QuestionKind::Flashcard => 20,
        QuestionKind::Ordering | QuestionKind::Matching | QuestionKind::ListAll => 60,
    };
    elapsed <= Duration::from_secs(limit)
}

/// The rating of each item a graded answer tests. A matching or list-all
/// answer rates each of its items on its own: a pair matched wrong or an
/// item not named comes back as Again, whatever the rest earned (only the
/// entry a list is about takes the answer's overall rating). Any other
/// question rates every item it tests alike. An answer the student
/// corrected ("I was right") counts as right throughout.
pub fn item_ratings(
    pack: &Pack,
    question: &Question,
    grade: &Grade,
    quick: bool,
) -> Vec<(ItemKey, Rating)> {
    let overall = rating_for(&grade.outcome, quick);
    let right = rating_for(&Outcome::Correct, quick);
    let own = |named: bool| if named { right } else { Rating::Again };
    let parts: Option<Vec<Rating>> = match (&question.body, &grade.given) {
        _ if grade.outcome == Outcome::Overridden => None,
        (Body::Matching { pairs, .. }, _) if question.targets.len() == pairs.len() => Some(
            (0..pairs.len())
                .map(|i| own(grade.marks.get(i) == Some(&true)))
                .collect(),
        ),
        (Body::ListAll { items, decoys }, Answer::ListAll(given))
            if question.targets.len() == items.len() + 1 =>
        {
            let named = grade_list(given, items, decoys);
            Some(
                std::iter::once(overall)
                    .chain((0..items.len()).map(|i| own(!named.missing.contains(&i))))
                    .collect(),
            )
        }
        _ => None,
    };
    let mut ratings: Vec<(ItemKey, Rating)> = Vec::new();
    for (k, target) in question.targets.iter().enumerate() {
        let Some(key) = target_key(pack, target) else {
            continue;
        };
        let rating = parts
            .as_ref()
            .and_then(|p| p.get(k).copied())
            .unwrap_or(overall);
        match ratings.iter_mut().find(|(item, _)| *item == key) {
            // An item tested twice keeps the worse rating.
            Some(seen) => seen.1 = seen.1.min(rating),
            None => ratings.push((key, rating)),
        }
    }
    ratings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_follow_the_outcome() {
        assert_eq!(rating_for(&Outcome::Correct, true), Rating::Good);
        assert_eq!(rating_for(&Outcome::Correct, false), Rating::Hard);
        assert_eq!(rating_for(&Outcome::Overridden, true), Rating::Hard);
        assert_eq!(rating_for(&Outcome::Partial(0.5), true), Rating::Hard);
        assert_eq!(rating_for(&Outcome::Partial(0.49), true), Rating::Again);
        assert_eq!(rating_for(&Outcome::Wrong, true), Rating::Again);
    }

    #[test]
    fn long_questions_get_more_time_to_be_quick() {
        let half_minute = Duration::from_secs(30);
        assert!(!is_quick(QuestionKind::Choice, half_minute));
        assert!(is_quick(QuestionKind::ListAll, half_minute));
    }
}
