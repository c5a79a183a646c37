//! Generated questions are fair (see `common::fairness`) over the built-in
//! pack, the two test packs (English networking, Indonesian Pancasila), a
//! small English biology pack and random packs, for many seeds and every
//! kind; prompts never use a topic title as a noun.

use std::path::Path;

use kisi_core::content::load::load_dir;
use kisi_core::content::{Entry, EntryRef, Member, Pack};
use kisi_core::quiz::{Lang, Prompt, Question, QuestionKind, QuizOptions, generate, wording};
use proptest::prelude::*;

use crate::common;

use common::fairness::{title_as_noun, unfair_question, unfair_set};
use common::model::{entry, pack, topic};

fn test_pack(name: &str) -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/packs")
        .join(name);
    load_dir(&dir).unwrap_or_else(|report| panic!("{report}"))
}

fn builtin() -> Pack {
    kisi_core::content::builtin::builtin_pack().unwrap_or_else(|report| panic!("{report}"))
}

fn options(count: usize, seed: u64, lang: Lang) -> QuizOptions {
    QuizOptions {
        count,
        seed,
        lang,
        ..QuizOptions::default()
    }
}

/// Every problem of `questions`, one set, in `lang`; `mixed` for a set of
/// every kind from the whole pack.
fn problems(pack: &Pack, questions: &[Question], lang: Lang, mixed: bool) -> Vec<String> {
    let material: Vec<EntryRef> = pack.entries().map(|(at, _)| at).collect();
    let mut found = unfair_set(questions, mixed.then_some(&material[..]));
    for question in questions {
        found.extend(unfair_question(pack, question));
        found.extend(title_as_noun(pack, question, lang));
    }
    found
}

/// 1,000 questions in sets of 20 (and sets of every single kind), none
/// unfair; returns them for the caller's own checks.
fn thousand_fair(pack: &Pack, lang: Lang) -> Vec<Question> {
    let mut all = Vec::new();
    let mut found = Vec::new();
    for seed in 0..50 {
        let questions = generate(pack, &options(20, seed, lang)).unwrap();
        assert_eq!(questions.len(), 20);
        found.extend(problems(pack, &questions, lang, true));
        all.extend(questions);
    }
    for kind in QuestionKind::ALL {
        for seed in 0..5 {
            let options = QuizOptions {
                kinds: vec![kind],
                ..options(10, seed, lang)
            };
            let questions = generate(pack, &options).unwrap();
            found.extend(problems(pack, &questions, lang, false));
        }
    }
    assert!(
        found.is_empty(),
        "{} unfair, e.g.:\n{}",
        found.len(),
        found[..found.len().min(8)].join("\n")
    );
    assert_eq!(all.len(), 1_000);
    all
}

#[test]
fn a_thousand_questions_from_the_builtin_pack_are_fair() {
    let pack = builtin();
    let questions = thousand_fair(&pack, Lang::Id);
    thousand_fair(&pack, Lang::En);
    // The overview of the seven settings is never a category: it is asked
    // about only as a list of its own.
    let overview = pack.find_entry("bidang-garapan-ikhtisar").unwrap();
    assert!(pack.entry(overview).unwrap().overview);
    for question in &questions {
        if let Prompt::EntryOfPoint { .. } | Prompt::MatchPoints { .. } = question.prompt {
            assert!(question.targets.iter().all(|t| t.entry != overview));
        }
    }
}

#[test]
fn a_thousand_questions_from_the_networking_pack_are_fair() {
    let pack = test_pack("networking");
    let questions = thousand_fair(&pack, Lang::En);
    thousand_fair(&pack, Lang::Id);
    // The author's pairs make matching questions of their own.
    assert!(
        questions
            .iter()
            .any(|q| matches!(q.prompt, Prompt::MatchPairs { .. }))
    );
}

#[test]
fn a_thousand_questions_from_the_pancasila_pack_are_fair() {
    let pack = test_pack("pancasila");
    let questions = thousand_fair(&pack, Lang::Id);
    thousand_fair(&pack, Lang::En);
    // A stated member noun is used; without one the topic is quoted.
    let rendered: Vec<String> = questions
        .iter()
        .map(|q| wording::prompt(&q.prompt, Lang::Id))
        .collect();
    assert!(
        rendered
            .iter()
            .any(|p| p == "Manakah yang merupakan anggota Panitia Sembilan?")
    );
    assert!(rendered.iter().all(|p| !p.contains("sejarah Perumusan")));
}

#[test]
fn a_thousand_questions_from_the_biology_pack_are_fair() {
    let pack = test_pack("biology");
    thousand_fair(&pack, Lang::En);
    thousand_fair(&pack, Lang::Id);
}

#[test]
fn an_entry_comes_once_per_set_unless_the_set_is_larger_than_the_material() {
    let pack = test_pack("networking");
    let one_topic = |count| QuizOptions {
        topics: vec!["services".to_owned()],
        ..options(count, 3, Lang::En)
    };
    let entries = pack.topics[pack.find_topic("services").unwrap()]
        .entries
        .len();
    let small = generate(&pack, &one_topic(entries)).unwrap();
    let mut asked: Vec<_> = small.iter().map(|q| q.targets[0].entry).collect();
    asked.sort();
    asked.dedup();
    assert_eq!(asked.len(), small.len());
    // Asked for more than the topic holds, entries come again, fairly.
    let large = generate(&pack, &one_topic(entries * 3)).unwrap();
    assert!(large.len() > entries);
    let material: Vec<EntryRef> = (0..entries)
        .map(|entry| EntryRef {
            topic: pack.find_topic("services").unwrap(),
            entry,
        })
        .collect();
    assert!(unfair_set(&large, Some(&material)).is_empty());
}

// ---- random packs ----------------------------------------------------------

fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "sosial",
        "Klien",
        "keluarga",
        "anak",
        "ODHA",
        "pasal 3",
        "layanan",
        "Jakarta",
        "IP",
        "masyarakat",
        "é",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..4).prop_map(|w| w.join(" "))
}

/// An entry with some of the structure fields; the body long enough that a
/// cloze may be made.
fn random_entry() -> impl Strategy<Value = Entry> {
    (
        text(),
        prop::collection::vec(text(), 4..12),
        prop::collection::vec(text(), 0..6),
        any::<bool>(),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec((text(), text()), 0..5),
    )
        .prop_map(|(title, body, points, ordered, distractors, pairs)| {
            let points: Vec<&str> = points.iter().map(String::as_str).collect();
            let mut e = entry("e", &title, &body.join(" "), &points);
            e.ordered = ordered;
            e.distractors = distractors
                .into_iter()
                .map(String::into_boxed_str)
                .collect();
            e.pairs = pairs
                .into_iter()
                .map(|(a, b)| (a.into_boxed_str(), b.into_boxed_str()))
                .collect();
            e
        })
}

/// Topics whose entries sometimes list their siblings (an overview,
/// detected as the loader does), some with member nouns.
fn random_pack() -> impl Strategy<Value = Pack> {
    let topic_entries = (
        prop::collection::vec(random_entry(), 1..8),
        any::<bool>(),
        any::<bool>(),
    );
    prop::collection::vec(topic_entries, 1..4).prop_map(|topics| {
        let mut n = 0;
        let topics = topics
            .into_iter()
            .enumerate()
            .map(|(t, (mut entries, overview, noun))| {
                for e in &mut entries {
                    n += 1;
                    e.id = format!("entry-{n}").into();
                }
                if overview && entries.len() > 2 {
                    let titles: Vec<&str> = entries[1..].iter().map(|e| &*e.title).collect();
                    let list = entry("overview", "Daftar semua", "Semua butir topik.", &titles);
                    entries.insert(
                        0,
                        Entry {
                            id: format!("overview-{t}").into(),
                            ..list
                        },
                    );
                }
                let mut topic = topic(
                    &format!("topic-{t}"),
                    &format!("Topik layanan {t}"),
                    entries,
                );
                if noun {
                    topic.member = Member {
                        id: Some("layanan".into()),
                        en: None,
                    };
                }
                topic.detect_overviews();
                topic
            })
            .collect();
        pack("acak", "Sumber", topics)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn random_packs_give_only_fair_questions(
        pack in random_pack(),
        seed in any::<u64>(),
        count in 1usize..30,
        english in any::<bool>(),
    ) {
        let lang = if english { Lang::En } else { Lang::Id };
        let questions = generate(&pack, &options(count, seed, lang)).unwrap();
        let found = problems(&pack, &questions, lang, true);
        prop_assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
