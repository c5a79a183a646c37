//! Hand-written quiz questions (`[[questions]]` in topic files): a valid
//! question of each kind loads, and each kind of mistake is reported at its
//! place with a help line.

use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::diagnostic::Diagnostic;
use kisi_core::content::load::load_files;
use kisi_core::content::{AuthoredKind, AuthoredQuestion};
use kisi_core::quiz::{QuizOptions, generate};

use crate::common;

use common::files::MANIFEST;

/// Lines 1 to 15; a question appended by `with_question` starts at line 17.
pub(crate) const TOPIC: &str = r#"[topic]
id = "topic-a"
title = "Topic A"

[[entries]]
id = "entry-a"
title = "Entry A"
body = "Body A"
source = "book"

[[entries]]
id = "entry-b"
title = "Entry B"
body = "Body B"
source = "book"
"#;

/// Lines 18 to 23 of the topic file.
const CHOICE: &str = r#"id = "q-count"
entry = "entry-a"
kind = "choice"
prompt = "How many?"
options = ["Five", "Six", "Seven"]
answer = "Six"
"#;

const TRUE_FALSE: &str = r#"id = "q-blog"
entry = "entry-b"
kind = "true-false"
prompt = "The blog lists every goal."
answer = false
"#;

const TYPED: &str = r#"id = "q-typed"
entry = "entry-a"
kind = "typed"
prompt = "How many goals?"
answers = ["six", "6"]
"#;

pub(crate) fn files(topic: &str) -> Vec<(String, Vec<u8>)> {
    vec![
        ("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
        ("01-a.toml".to_owned(), topic.as_bytes().to_vec()),
    ]
}

/// The topic file with one `[[questions]]` item (its header on line 17).
pub(crate) fn with_question(fields: &str) -> String {
    format!("{TOPIC}\n[[questions]]\n{fields}")
}

pub(crate) fn only_error(topic: &str) -> Diagnostic {
    let report = load_files(&files(topic)).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = report.diagnostics.into_iter().next().unwrap();
    assert!(d.help.is_some(), "no help: {d:#?}");
    d
}

pub(crate) fn assert_at(d: &Diagnostic, line: usize, column: usize) {
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        ("01-a.toml", line, column),
        "{d:#?}"
    );
}

pub(crate) fn help(d: &Diagnostic) -> &str {
    d.help.as_deref().unwrap()
}

// ---- valid questions --------------------------------------------------------

#[test]
fn a_question_of_each_kind_loads() {
    let topic = format!(
        "{}explanation = \"Pasal 3 a-f.\"\n\n[[questions]]\n{TRUE_FALSE}\n[[questions]]\n{TYPED}",
        with_question(CHOICE)
    );
    let pack = load_files(&files(&topic)).unwrap();
    let questions = &pack.topics[0].questions;
    assert_eq!(
        questions,
        &[
            AuthoredQuestion {
                id: "q-count".to_owned(),
                entry: "entry-a".to_owned(),
                prompt: "How many?".to_owned(),
                kind: AuthoredKind::Choice {
                    options: vec!["Five".to_owned(), "Six".to_owned(), "Seven".to_owned()],
                    correct: 1,
                    shuffle: true,
                },
                explanation: Some("Pasal 3 a-f.".to_owned()),
            },
            AuthoredQuestion {
                id: "q-blog".to_owned(),
                entry: "entry-b".to_owned(),
                prompt: "The blog lists every goal.".to_owned(),
                kind: AuthoredKind::TrueFalse { answer: false },
                explanation: None,
            },
            AuthoredQuestion {
                id: "q-typed".to_owned(),
                entry: "entry-a".to_owned(),
                prompt: "How many goals?".to_owned(),
                kind: AuthoredKind::Typed {
                    answers: vec!["six".to_owned(), "6".to_owned()],
                },
                explanation: None,
            },
        ]
    );
}

#[test]
fn the_answer_of_a_choice_may_differ_from_its_option_in_case_and_accents() {
    let topic = with_question(&CHOICE.replace("answer = \"Six\"", "answer = \"SÍX\""));
    let pack = load_files(&files(&topic)).unwrap();
    let AuthoredKind::Choice {
        options, correct, ..
    } = &pack.topics[0].questions[0].kind
    else {
        panic!("not a choice");
    };
    assert_eq!(options[*correct], "Six");
}

#[test]
fn a_question_may_test_an_entry_of_another_topic() {
    let second = "[topic]\nid = \"topic-b\"\ntitle = \"B\"\n\n[[entries]]\nid = \"entry-c\"\n\
                  title = \"C\"\nbody = \"C\"\nsource = \"book\"\n\n[[questions]]\n";
    let mut all = files(&with_question(CHOICE));
    all.push((
        "02-b.toml".to_owned(),
        format!("{second}{}", TRUE_FALSE.replace("q-blog", "q-other")).into_bytes(),
    ));
    let pack = load_files(&all).unwrap();
    assert_eq!(pack.topics[1].questions[0].entry, "entry-b");
}

// ---- the kind and its fields -----------------------------------------------

#[test]
fn unknown_kind_suggests_the_closest_kind() {
    let topic = with_question(&TRUE_FALSE.replace("\"true-false\"", "\"true_false\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "unknown question kind `true_false`");
    assert_eq!(help(&d), "did you mean `true-false`?");
    assert_at(&d, 20, 8);
}

#[test]
fn unknown_kind_without_a_close_one_lists_the_kinds() {
    let topic = with_question(&CHOICE.replace("\"choice\"", "\"multiple-choice\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "unknown question kind `multiple-choice`");
    for kind in ["`choice`", "`true-false`", "`typed`"] {
        assert!(help(&d).contains(kind), "{d:#?}");
    }
    assert_at(&d, 20, 8);
}

#[test]
fn missing_kind_points_at_the_question_and_lists_the_kinds() {
    let topic = with_question("id = \"q-none\"\nentry = \"entry-a\"\nprompt = \"How many?\"\n");
    let d = only_error(&topic);
    assert_eq!(d.message, "missing field `kind` in [[questions]]");
    assert!(help(&d).contains("`true-false`"), "{d:#?}");
    assert_at(&d, 17, 1);
}

#[test]
fn missing_prompt_is_reported() {
    let topic = with_question(&CHOICE.replace("prompt = \"How many?\"\n", ""));
    let d = only_error(&topic);
    assert_eq!(d.message, "missing field `prompt` in [[questions]]");
    assert_at(&d, 17, 1);
}

#[test]
fn choice_without_options_points_at_the_kind() {
    let topic = with_question(&CHOICE.replace("options = [\"Five\", \"Six\", \"Seven\"]\n", ""));
    let d = only_error(&topic);
    assert_eq!(d.message, "missing field `options` for a choice question");
    assert!(help(&d).contains("options = ["), "{d:#?}");
    assert_at(&d, 20, 8);
}

#[test]
fn true_false_without_answer_points_at_the_kind() {
    let topic = with_question(&TRUE_FALSE.replace("answer = false\n", ""));
    let d = only_error(&topic);
    assert_eq!(
        d.message,
        "missing field `answer` for a true-false question"
    );
    assert!(help(&d).contains("answer = true"), "{d:#?}");
    assert_at(&d, 20, 8);
}

#[test]
fn options_are_not_used_by_a_true_false_question() {
    let topic = with_question(&format!("{TRUE_FALSE}options = [\"a\", \"b\"]\n"));
    let d = only_error(&topic);
    assert_eq!(d.message, "`options` is not used by a true-false question");
    assert!(help(&d).starts_with("remove it;"), "{d:#?}");
    assert_at(&d, 23, 1);
    assert_eq!(d.related[0].line, 20, "the kind");
}

#[test]
fn answer_instead_of_answers_in_a_typed_question_is_one_error() {
    let topic = with_question(&TYPED.replace("answers = [\"six\", \"6\"]", "answer = \"six\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "`answer` is not used by a typed question");
    assert!(help(&d).starts_with("did you mean `answers`?"), "{d:#?}");
    assert_at(&d, 22, 1);
}

#[test]
fn answers_in_a_choice_question_suggests_answer() {
    let topic = with_question(&CHOICE.replace("answer = \"Six\"", "answers = [\"Six\"]"));
    let d = only_error(&topic);
    assert_eq!(d.message, "`answers` is not used by a choice question");
    assert!(help(&d).starts_with("did you mean `answer`?"), "{d:#?}");
    assert_at(&d, 23, 1);
}

// ---- choice questions --------------------------------------------------------

#[test]
fn answer_not_among_the_options_suggests_the_closest() {
    let topic = with_question(&CHOICE.replace("answer = \"Six\"", "answer = \"Sixx\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "the answer `Sixx` is not one of the options");
    assert_eq!(help(&d), "did you mean `Six`?");
    assert_at(&d, 23, 10);
    assert_eq!((d.related[0].line, d.related[0].column), (22, 11));
}

#[test]
fn answer_far_from_every_option_says_to_copy_one() {
    let topic = with_question(&CHOICE.replace("answer = \"Six\"", "answer = \"Ten\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "the answer `Ten` is not one of the options");
    assert!(help(&d).contains("copied from `options`"), "{d:#?}");
}

#[test]
fn an_answer_matching_two_options_is_reported_as_a_duplicate_option() {
    let topic = with_question(&CHOICE.replace("\"Seven\"", "\"six\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "duplicate option `six`");
    assert_at(&d, 22, 27);
}

#[test]
fn options_equal_after_folding_case_accents_and_punctuation_are_duplicates() {
    let topic = with_question(&CHOICE.replace("\"Seven\"", "\"  fíve.\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "duplicate option `  fíve.`");
    assert!(help(&d).contains("ignoring case, accents"), "{d:#?}");
    assert_at(&d, 22, 27);
    assert_eq!(d.related[0].label, "first written here");
    assert_eq!((d.related[0].line, d.related[0].column), (22, 12));
}

#[test]
fn empty_option_is_reported() {
    let topic = with_question(&CHOICE.replace("\"Seven\"", "\" \""));
    let d = only_error(&topic);
    assert_eq!(d.message, "an item of `options` is empty");
    assert_at(&d, 22, 27);
}

#[test]
fn option_without_letters_or_digits_is_reported() {
    let topic = with_question(&CHOICE.replace("\"Seven\"", "\"--\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "option `--` has no letters or digits");
    assert_at(&d, 22, 27);
}

#[test]
fn a_single_option_is_too_few() {
    let topic = with_question(&CHOICE.replace("\"Five\", \"Six\", \"Seven\"", "\"Six\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "a choice question needs 2 to 6 options, found 1");
    assert!(help(&d).contains("wrong option"), "{d:#?}");
    assert_at(&d, 22, 11);
}

#[test]
fn seven_options_are_too_many() {
    let topic = with_question(&CHOICE.replace(
        "\"Five\", \"Six\", \"Seven\"",
        "\"1\", \"2\", \"3\", \"4\", \"5\", \"Six\", \"7\"",
    ));
    let d = only_error(&topic);
    assert_eq!(d.message, "a choice question needs 2 to 6 options, found 7");
    assert_at(&d, 22, 11);
}

#[test]
fn empty_options_list_is_reported() {
    let topic = with_question(&CHOICE.replace("\"Five\", \"Six\", \"Seven\"", ""));
    let d = only_error(&topic);
    assert_eq!(d.message, "`options` is empty");
    assert_at(&d, 22, 11);
}

// ---- true-false and typed questions -----------------------------------------

#[test]
fn true_false_answer_in_quotes_is_a_wrong_type() {
    let topic = with_question(&TRUE_FALSE.replace("answer = false", "answer = \"false\""));
    let d = only_error(&topic);
    assert_eq!(
        d.message,
        "expected a boolean (`true` or `false`), found a string for `answer`"
    );
    assert!(help(&d).contains("without quotes"), "{d:#?}");
    assert_at(&d, 22, 10);
}

#[test]
fn typed_question_with_no_answers_is_reported() {
    let topic = with_question(&TYPED.replace("[\"six\", \"6\"]", "[]"));
    let d = only_error(&topic);
    assert_eq!(d.message, "`answers` is empty");
    assert_at(&d, 22, 11);
}

#[test]
fn typed_answer_without_letters_or_digits_is_reported() {
    let topic = with_question(&TYPED.replace("\"6\"", "\"?\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "answer `?` has no letters or digits");
    assert_at(&d, 22, 19);
}

// ---- ids and the tested entry -------------------------------------------------

#[test]
fn unknown_entry_suggests_a_close_id() {
    let topic = with_question(&CHOICE.replace("entry = \"entry-a\"", "entry = \"entry-x\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "unknown entry `entry-x` tested by a question");
    assert_eq!(help(&d), "did you mean `entry-a`?");
    assert_at(&d, 19, 9);
}

#[test]
fn the_tested_entry_must_not_be_a_topic() {
    let topic = with_question(&CHOICE.replace("entry = \"entry-a\"", "entry = \"topic-a\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "`topic-a` is a topic, not an entry");
    assert!(help(&d).contains("the entry the question tests"), "{d:#?}");
    assert_at(&d, 19, 9);
}

#[test]
fn the_tested_entry_must_not_be_a_question() {
    let topic = with_question(&CHOICE.replace("entry = \"entry-a\"", "entry = \"q-count\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "`q-count` is a question, not an entry");
    assert_at(&d, 19, 9);
}

#[test]
fn see_also_must_not_name_a_question() {
    let topic = with_question(CHOICE).replace(
        "source = \"book\"\n\n[[entries]]",
        "source = \"book\"\nsee_also = [\"q-count\"]\n\n[[entries]]",
    );
    let d = only_error(&topic);
    assert_eq!(d.message, "`q-count` is a question, not an entry");
    assert_at(&d, 10, 13);
}

#[test]
fn duplicate_question_id_across_files_points_at_both() {
    let mut all = files(&with_question(CHOICE));
    let second = "[topic]\nid = \"topic-b\"\ntitle = \"B\"\n\n[[entries]]\nid = \"entry-c\"\n\
                  title = \"C\"\nbody = \"C\"\nsource = \"book\"\n\n[[questions]]\n";
    all.push((
        "02-b.toml".to_owned(),
        format!("{second}{CHOICE}").into_bytes(),
    ));
    let report = load_files(&all).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = &report.diagnostics[0];
    assert_eq!(d.message, "duplicate question id `q-count`");
    assert!(help(d).contains("unique"), "{d:#?}");
    assert_eq!((d.file.as_str(), d.line, d.column), ("02-b.toml", 12, 6));
    let first = &d.related[0];
    assert_eq!(
        (first.file.as_str(), first.line, first.column),
        ("01-a.toml", 18, 6)
    );
}

#[test]
fn a_question_may_not_reuse_an_entry_id() {
    let topic = with_question(&CHOICE.replace("id = \"q-count\"", "id = \"entry-b\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "duplicate id `entry-b`");
    assert!(
        help(&d).contains("topics, entries and questions share one set of ids"),
        "{d:#?}"
    );
    assert_at(&d, 18, 6);
    assert_eq!(d.related[0].line, 12);
}

#[test]
fn invalid_question_id_is_reported() {
    let topic = with_question(&CHOICE.replace("id = \"q-count\"", "id = \"Q count\""));
    let d = only_error(&topic);
    assert_eq!(d.message, "invalid id `Q count`");
    assert!(help(&d).contains("`q-count`"), "{d:#?}");
    assert_at(&d, 18, 6);
}

#[test]
fn control_character_in_a_prompt_is_rejected() {
    let topic = with_question(&CHOICE.replace("How many?", "How \\u001b[2J many?"));
    let d = only_error(&topic);
    assert_eq!(d.message, "`prompt` contains the control character U+001B");
    assert_at(&d, 21, 10);
}

#[test]
fn empty_explanation_is_reported() {
    let topic = with_question(&format!("{CHOICE}explanation = \"\"\n"));
    let d = only_error(&topic);
    assert_eq!(d.message, "`explanation` is empty");
    assert_at(&d, 24, 15);
}

#[test]
fn unknown_field_in_a_question_suggests_the_closest() {
    let topic = with_question(&CHOICE.replace("prompt =", "prompt = \"x\"\npromt ="));
    let d = only_error(&topic);
    assert_eq!(d.message, "unknown field `promt` in [[questions]]");
    assert_eq!(help(&d), "did you mean `prompt`?");
    assert_at(&d, 22, 1);
}

#[test]
fn questions_must_be_tables() {
    let topic = format!("questions = [\"q\"]\n{TOPIC}");
    let d = only_error(&topic);
    assert_eq!(
        d.message,
        "expected a table ([[questions]]), found a string for `questions`"
    );
    assert_at(&d, 1, 14);
}

// ---- the built-in pack ---------------------------------------------------------

/// The generator drops a question it cannot ask; every question the loader
/// accepts must be askable.
#[test]
fn every_question_of_the_builtin_pack_is_asked() {
    let pack = builtin_pack().unwrap_or_else(|report| panic!("{report}"));
    let ids: Vec<&str> = pack
        .topics
        .iter()
        .flat_map(|t| &t.questions)
        .map(|q| q.id.as_str())
        .collect();
    assert!(ids.len() >= 6, "{ids:?}");
    let options = QuizOptions {
        count: 10_000,
        seed: 1,
        ..QuizOptions::default()
    };
    let asked = generate(&pack, &options).unwrap();
    for id in ids {
        let key = format!("authored:{id}");
        assert!(asked.iter().any(|q| q.key == key), "{key} not asked");
    }
}
