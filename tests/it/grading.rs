//! Fair grading, over whole packs: a right answer is right in every form it
//! is accepted in, an order earns more as more of it is in order, each pair
//! and list item reaches the schedule with its own rating, and verdicts say
//! whether the student was right before what is true.

use std::io::Cursor;

use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::synthetic::synthetic_pack;
use kisi_core::i18n::Lang;
use kisi_core::plain::run_plain;
use kisi_core::progress::{Progress, Rating, Store, Timestamp, item_keys, item_ratings};
use kisi_core::quiz::wording::verdict;
use kisi_core::quiz::{
    Answer, Body, Outcome, Prompt, Question, QuestionKind, QuizOptions, generate, grade,
};
use proptest::prelude::*;

use crate::common;

use common::fixture::fixture_pack;
use common::model::right_answer;

fn packs() -> Vec<Pack> {
    vec![
        builtin_pack().unwrap(),
        fixture_pack(),
        synthetic_pack(30, 7),
    ]
}

/// The same text as another student might type it: in capitals, or with
/// "&" for "dan" / "and".
fn retyped(text: &str, variant: u8) -> String {
    match variant % 3 {
        0 => text.to_owned(),
        1 => text.to_uppercase(),
        _ => text.replace(" dan ", " & ").replace(" and ", " & "),
    }
}

fn quiz(pack: &Pack, kinds: &[QuestionKind], seed: u64) -> Vec<Question> {
    generate(
        pack,
        &QuizOptions {
            count: 25,
            kinds: kinds.to_vec(),
            seed,
            ..QuizOptions::default()
        },
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn a_right_answer_is_right_in_every_accepted_form(seed in any::<u64>(), variant in 0u8..3) {
        for pack in packs() {
            for question in quiz(&pack, &[], seed) {
                let answers: Vec<Answer> = match &question.body {
                    Body::Typed { candidates, correct } => candidates[*correct]
                        .iter()
                        .map(|s| Answer::Typed(retyped(s, variant)))
                        .collect(),
                    Body::ListAll { items, .. } => {
                        // Each item in one of its forms, last item first.
                        let given = items
                            .iter()
                            .rev()
                            .enumerate()
                            .map(|(k, forms)| retyped(&forms[(k + usize::from(variant)) % forms.len()], variant))
                            .collect();
                        vec![Answer::ListAll(given)]
                    }
                    _ => vec![right_answer(&question)],
                };
                for answer in answers {
                    let graded = grade(&question, &answer);
                    prop_assert_eq!(
                        graded.outcome,
                        Outcome::Correct,
                        "{:?} to {:?}",
                        answer,
                        question.prompt
                    );
                }
            }
        }
    }

    #[test]
    fn ordering_credit_is_monotone_in_correct_relative_pairs(
        order in (3usize..10).prop_flat_map(|n| Just((0..n).collect::<Vec<usize>>()).prop_shuffle()),
    ) {
        let n = order.len();
        let question = ordering_question(n);
        let credit = |given: &[usize]| grade(&question, &Answer::Ordering(given.to_vec())).outcome.credit();
        // Swapping two neighbours that are the wrong way round puts one
        // more pair in order and no other out of it: the credit never falls.
        let mut given = order;
        let mut last = credit(&given);
        while let Some(k) = (0..n - 1).find(|&k| given[k] > given[k + 1]) {
            given.swap(k, k + 1);
            let now = credit(&given);
            prop_assert!(now >= last, "{given:?}: {now} < {last}");
            last = now;
        }
        prop_assert_eq!(grade(&question, &Answer::Ordering(given)).outcome, Outcome::Correct);
        // Shifted by one is far from nothing.
        let shifted: Vec<usize> = (1..n).chain([0]).collect();
        let expected = f64::from(u32::try_from(n - 2).unwrap()) / f64::from(u32::try_from(n - 1).unwrap());
        prop_assert!((credit(&shifted) - expected).abs() < 1e-9);
    }
}

/// Items shown in the material's order, so that the answer is 0, 1, … n-1.
fn ordering_question(n: usize) -> Question {
    Question {
        key: "ordering:test".to_owned(),
        prompt: Prompt::OrderPoints {
            entry: "Tahap".to_owned(),
        },
        body: Body::Ordering {
            items: (0..n).map(|i| format!("tahap {i}")).collect(),
            order: (0..n).collect(),
        },
        targets: Vec::new(),
        explanation: String::new(),
        source: None,
    }
}

fn first_of(pack: &Pack, kind: QuestionKind) -> Question {
    (0..40)
        .flat_map(|seed| quiz(pack, &[kind], seed))
        .next()
        .unwrap()
}

#[test]
fn a_wrongly_matched_pair_is_rated_again_and_the_rest_on_their_own() {
    let pack = builtin_pack().unwrap();
    let question = first_of(&pack, QuestionKind::Matching);
    let Body::Matching { pairs, .. } = &question.body else {
        panic!()
    };
    // The first two pairs swapped, the rest right.
    let mut given = pairs.clone();
    given.swap(0, 1);
    let graded = grade(&question, &Answer::Matching(given));
    assert!(matches!(graded.outcome, Outcome::Partial(_)));
    let keys = item_keys(&pack, &question);
    let ratings = item_ratings(&pack, &question, &graded, true);
    assert_eq!(ratings.len(), keys.len());
    for (k, (key, rating)) in ratings.iter().enumerate() {
        assert_eq!(key, &keys[k]);
        let expected = if k < 2 { Rating::Again } else { Rating::Good };
        assert_eq!(*rating, expected, "pair {k}");
    }
    // And so it is saved: the swapped pairs are not logged as passed.
    let mut progress = Progress::new(Store::in_memory().pack(&pack.meta.id).0);
    let warning = progress.record_answer(
        &pack,
        &question,
        &graded,
        true,
        Timestamp(1_700_000_000_000),
    );
    assert!(warning.is_none());
    for (k, key) in keys.iter().enumerate() {
        let expected = if k < 2 { Rating::Again } else { Rating::Good };
        assert_eq!(progress.state().items[key].last_rating, expected, "{key}");
    }
}

#[test]
fn each_list_item_is_rated_on_its_own() {
    let pack = builtin_pack().unwrap();
    let question = first_of(&pack, QuestionKind::ListAll);
    let Body::ListAll { items, .. } = &question.body else {
        panic!()
    };
    // Every item but the first, and one line that names nothing.
    let mut given: Vec<String> = items[1..].iter().map(|forms| forms[0].clone()).collect();
    given.push("jawaban ngawur".to_owned());
    let graded = grade(&question, &Answer::ListAll(given));
    let ratings = item_ratings(&pack, &question, &graded, true);
    assert_eq!(ratings.len(), items.len() + 1);
    // The entry takes the overall rating; the missing point comes back.
    assert_eq!(
        ratings[0].1,
        kisi_core::progress::rating_for(&graded.outcome, true)
    );
    assert_eq!(ratings[1].1, Rating::Again);
    assert!(ratings[2..].iter().all(|(_, r)| *r == Rating::Good));
    // "I was right" counts every item as right.
    let mut overridden = graded.clone();
    overridden.outcome = Outcome::Overridden;
    let ratings = item_ratings(&pack, &question, &overridden, true);
    assert!(ratings.iter().all(|(_, r)| *r == Rating::Hard));
}

/// A generated false statement, the seed of the quiz it is in, and the
/// verdict on answering it "true".
fn false_statement(pack: &Pack, lang: Lang) -> (Question, u64, String) {
    let (seed, question) = (0..200)
        .flat_map(|seed| {
            quiz(pack, &[QuestionKind::TrueFalse], seed)
                .into_iter()
                .map(move |q| (seed, q))
        })
        .find(|(_, q)| {
            matches!(
                q.prompt,
                Prompt::Statement {
                    belongs_to: Some(_),
                    ..
                }
            )
        })
        .unwrap();
    let graded = grade(&question, &Answer::TrueFalse(true));
    let said = verdict(&question, &graded, lang);
    (question, seed, said)
}

#[test]
fn a_true_false_verdict_says_right_or_wrong_then_the_truth_then_the_fact() {
    let pack = builtin_pack().unwrap();
    let (question, _, id) = false_statement(&pack, Lang::Id);
    let Prompt::Statement {
        point,
        entry,
        belongs_to: Some(really),
    } = &question.prompt
    else {
        panic!()
    };
    assert_eq!(
        id,
        format!(
            "Jawaban Anda tidak tepat: pernyataan ini salah — \"{point}\" tidak termasuk dalam \
             {entry}, melainkan dalam {really}."
        )
    );
    let (_, _, en) = false_statement(&pack, Lang::En);
    assert_eq!(
        en,
        format!(
            "Your answer is wrong: the statement is false — \"{point}\" is not part of {entry} \
             but of {really}."
        )
    );
    let right = grade(&question, &Answer::TrueFalse(false));
    assert!(
        verdict(&question, &right, Lang::Id)
            .starts_with("Jawaban Anda tepat: pernyataan ini salah — ")
    );
    assert!(
        verdict(&question, &right, Lang::En)
            .starts_with("Your answer is right: the statement is false — ")
    );
}

#[test]
fn the_plain_quiz_gives_the_same_verdict() {
    let pack = builtin_pack().unwrap();
    for (lang, reply, opening) in [
        (
            Lang::Id,
            "b",
            "Jawaban Anda tidak tepat: pernyataan ini salah — ",
        ),
        (
            Lang::En,
            "t",
            "Your answer is wrong: the statement is false — ",
        ),
    ] {
        let (_, seed, said) = false_statement(&pack, lang);
        let options = QuizOptions {
            count: 25,
            kinds: vec![QuestionKind::TrueFalse],
            seed,
            lang,
            ..QuizOptions::default()
        };
        // Answer "true" to everything: the false statement is answered wrong.
        let input = format!("{reply}\n").repeat(25);
        let mut output = Vec::new();
        run_plain(&pack, &options, &mut Cursor::new(input), &mut output).unwrap();
        let output = String::from_utf8(output).unwrap();
        assert!(output.contains(&said), "{output}");
        assert!(said.starts_with(opening), "{said}");
    }
}

/// A point's `also` forms name it in a list as well as its own text does:
/// "first gap, synthesis phase, second gap" lists interphase's G1, S and G2.
#[test]
fn a_list_item_is_named_by_its_also_forms() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/biology");
    let pack = kisi_core::content::load::load_dir(std::path::Path::new(dir))
        .unwrap_or_else(|report| panic!("{report}"));
    let question = (0..200)
        .flat_map(|seed| quiz(&pack, &[QuestionKind::ListAll], seed))
        .find(|q| q.key == "list-all:interphase")
        .expect("a list question on interphase");
    let given = Answer::ListAll(vec![
        "first gap".into(),
        "synthesis phase".into(),
        "second gap".into(),
    ]);
    assert_eq!(grade(&question, &given).outcome, Outcome::Correct);
    let wrong = Answer::ListAll(vec!["first gap".into(), "anaphase".into()]);
    assert!(grade(&question, &wrong).outcome.credit() < 1.0);
}
