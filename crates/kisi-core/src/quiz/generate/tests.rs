use super::set::{FAILURES_ALLOWED, FAILURES_PER_QUESTION};
use super::*;
use crate::content::synthetic::synthetic_pack;

/// A synthetic pack with all its entries in its first topic.
fn one_topic(entries: usize) -> Pack {
    let mut pack = synthetic_pack(entries, 5);
    let mut rest = pack.topics.split_off(1);
    for topic in &mut rest {
        pack.topics[0].entries.append(&mut topic.entries);
    }
    pack
}

fn quiz<'p>(
    pack: &'p Pack,
    kinds: &[QuestionKind],
    count: usize,
) -> (Vec<Question>, Generator<'p>) {
    let topics: Vec<usize> = (0..pack.topics.len()).collect();
    let mut generator = Generator::new(pack, 11);
    let questions = generator.quiz(&topics, kinds, None, count);
    (questions, generator)
}

#[test]
fn a_quiz_from_one_big_topic_costs_in_proportion_to_the_topic() {
    // Matching plans used to copy the topic's entries once per plan: a
    // topic four times as big cost sixteen times the memory.
    let (small_pack, big_pack) = (one_topic(500), one_topic(2_000));
    let (small_questions, small) = quiz(&small_pack, &QuestionKind::ALL, 3);
    let (big_questions, big) = quiz(&big_pack, &QuestionKind::ALL, 3);
    assert_eq!((small_questions.len(), big_questions.len()), (3, 3));
    assert!(big.work < small.work * 6, "{} → {}", small.work, big.work);
    let (_, matching) = quiz(&big_pack, &[QuestionKind::Matching], 3);
    assert!(matching.work < 2 * 2_000, "{}", matching.work);
}

#[test]
fn plans_that_fail_stop_being_tried_after_a_bound() {
    // Every definition is its title alone, so no term question can be
    // made: trying each of 2,000 entries, each weighing every title,
    // was quadratic.
    let mut pack = one_topic(2_000);
    for entry in &mut pack.topics[0].entries {
        entry.body = entry.title.clone();
        entry.points = Box::default();
    }
    let (questions, generator) = quiz(&pack, &[QuestionKind::Choice], 3);
    assert!(questions.is_empty());
    assert_eq!(
        generator.builds,
        3 * FAILURES_PER_QUESTION + FAILURES_ALLOWED
    );
}

#[test]
fn a_question_about_one_item_weighs_one_entry_plans() {
    let pack = one_topic(2_000);
    let target = Target {
        entry: EntryRef { topic: 0, entry: 7 },
        point: Some(0),
    };
    let mut generator = Generator::new(&pack, 3);
    let question = generator
        .quiz(&[0], &QuestionKind::ALL, Some(target), 1)
        .pop();
    assert_eq!(question.map(|q| q.targets[0]), Some(target));
    // At most the point's own plans, then one pool of the pack's points.
    let points: usize = pack.topics[0].entries.iter().map(|e| e.points.len()).sum();
    assert!(generator.builds <= 4, "{}", generator.builds);
    assert!(
        generator.work <= 4 * points,
        "{} > 4 × {points}",
        generator.work
    );
}
