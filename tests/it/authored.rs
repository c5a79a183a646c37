//! Hand-written questions beyond one right option: select all that apply
//! (`correct = [..]`), a fixed option order (`shuffle = false`), matching
//! (`pairs`), ordering and list-all (`items`, `ordered`). Each loads, each
//! mistake is reported at its place, and each is asked and graded right.

use std::fmt::Write as _;
use std::time::Duration;

use kisi_core::content::AuthoredKind;
use kisi_core::content::load::load_files;
use kisi_core::i18n::Lang;
use kisi_core::progress::ExamBlueprint;
use kisi_core::quiz::grade::grade;
use kisi_core::quiz::wording::{given, prompt, verdict};
use kisi_core::quiz::{
    Answer, Body, Outcome, Prompt, Question, QuestionKind, QuizOptions, Session, generate,
};
use kisi_tui::action::{Action, Mode};
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::exam::ExamState;
use kisi_tui::screens::quiz::QuizState;
use kisi_tui::theme::Theme;
use proptest::prelude::*;

use super::questions::{TOPIC, assert_at, files, help, only_error, with_question};
use crate::common;
use common::files::MANIFEST;
use common::fixture::fixture_pack;
use common::model::{right_answer, select_all_question};
use common::screen::{draw, run};

/// Lines 18 to 22 of the topic file.
const SELECT: &str = r#"id = "q-select"
entry = "entry-a"
prompt = "Which are even?"
options = ["Two", "Three", "Four", "Five"]
correct = [0, 2]
"#;

/// Lines 18 to 21.
const PAIRS: &str = r#"id = "q-pairs"
entry = "entry-a"
prompt = "Match each protocol with its port."
pairs = [["HTTP", "80"], ["SSH", "22"], ["DNS", "53"]]
"#;

/// Lines 18 to 22.
const ORDER: &str = r#"id = "q-order"
entry = "entry-b"
prompt = "Put the handshake in order."
items = ["SYN", "SYN-ACK", "ACK"]
ordered = true
"#;

fn kind_of(fields: &str) -> AuthoredKind {
    let pack = load_files(&files(&with_question(fields))).unwrap_or_else(|r| panic!("{r}"));
    pack.topics[0].questions[0].kind.clone()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|&s| s.to_owned()).collect()
}

// ---- valid questions --------------------------------------------------------

#[test]
fn a_list_of_indices_makes_a_select_all_question() {
    assert_eq!(
        kind_of(SELECT),
        AuthoredKind::SelectAll {
            options: strings(&["Two", "Three", "Four", "Five"]),
            correct: vec![0, 2],
            shuffle: true,
        }
    );
    // Any order of the indices, and a written kind, mean the same.
    let written = format!("kind = \"choice\"\n{}", SELECT.replace("[0, 2]", "[2, 0]"));
    assert_eq!(kind_of(&written), kind_of(SELECT));
}

#[test]
fn an_integer_index_stays_single_answer_and_shuffle_false_keeps_the_order() {
    let one = SELECT.replace("correct = [0, 2]", "correct = 1\nshuffle = false");
    assert_eq!(
        kind_of(&one),
        AuthoredKind::Choice {
            options: strings(&["Two", "Three", "Four", "Five"]),
            correct: 1,
            shuffle: false,
        }
    );
    // A one-element list is still "select all": the student is not told
    // how many are right.
    let listed = SELECT.replace("[0, 2]", "[3]");
    assert!(matches!(kind_of(&listed), AuthoredKind::SelectAll { correct, .. } if correct == [3]));
}

#[test]
fn pairs_items_and_ordered_name_their_kinds() {
    assert_eq!(
        kind_of(PAIRS),
        AuthoredKind::Matching {
            pairs: vec![
                ("HTTP".to_owned(), "80".to_owned()),
                ("SSH".to_owned(), "22".to_owned()),
                ("DNS".to_owned(), "53".to_owned()),
            ]
        }
    );
    assert_eq!(
        kind_of(ORDER),
        AuthoredKind::Ordering {
            items: strings(&["SYN", "SYN-ACK", "ACK"])
        }
    );
    let list = ORDER.replace("ordered = true\n", "");
    assert_eq!(
        kind_of(&list),
        AuthoredKind::ListAll {
            items: strings(&["SYN", "SYN-ACK", "ACK"])
        }
    );
    // A written kind agrees with them.
    assert_eq!(
        kind_of(&format!("kind = \"matching\"\n{PAIRS}")),
        kind_of(PAIRS)
    );
    assert_eq!(
        kind_of(&format!("kind = \"list-all\"\n{list}")),
        kind_of(&list)
    );
    let ordering = format!(
        "kind = \"ordering\"\n{}",
        ORDER.replace("ordered = true\n", "")
    );
    assert_eq!(kind_of(&ordering), kind_of(ORDER));
    // Without `kind`, `answer = true` is a true-false question.
    let statement = "id = \"q-tf\"\nentry = \"entry-a\"\nprompt = \"Right?\"\nanswer = true\n";
    assert_eq!(kind_of(statement), AuthoredKind::TrueFalse { answer: true });
}

// ---- mistakes ---------------------------------------------------------------

#[test]
fn an_index_beyond_the_options_is_reported_at_the_index() {
    let d = only_error(&with_question(&SELECT.replace("[0, 2]", "[0, 4]")));
    assert_eq!(
        d.message,
        "`correct` names option 4, but there are 4 options, numbered 0 to 3"
    );
    assert!(help(&d).contains("counted from 0"), "{d:#?}");
    assert_at(&d, 22, 15);
    let d = only_error(&with_question(&SELECT.replace("[0, 2]", "-1")));
    assert_eq!(
        d.message,
        "`correct` names option -1, but there are 4 options, numbered 0 to 3"
    );
    assert_at(&d, 22, 11);
}

#[test]
fn an_index_listed_twice_is_reported_with_the_first() {
    let d = only_error(&with_question(&SELECT.replace("[0, 2]", "[2, 2]")));
    assert_eq!(d.message, "option 2 is listed twice in `correct`");
    assert_at(&d, 22, 15);
    assert_eq!((d.related[0].line, d.related[0].column), (22, 12));
}

#[test]
fn correct_of_the_wrong_type_or_empty_is_reported() {
    let d = only_error(&with_question(&SELECT.replace("[0, 2]", "\"Two\"")));
    assert_eq!(
        d.message,
        "expected a whole number or a list of whole numbers, found a string for `correct`"
    );
    assert_at(&d, 22, 11);
    let d = only_error(&with_question(&SELECT.replace("[0, 2]", "[]")));
    assert_eq!(d.message, "`correct` is empty");
    assert_at(&d, 22, 11);
    let d = only_error(&with_question(&SELECT.replace("[0, 2]", "[0, \"Four\"]")));
    assert_eq!(
        d.message,
        "expected a whole number, found a string for `correct`"
    );
    assert_at(&d, 22, 15);
}

#[test]
fn answer_and_correct_together_are_one_error() {
    let d = only_error(&with_question(&format!("{SELECT}answer = \"Two\"\n")));
    assert_eq!(
        d.message,
        "`answer` and `correct` both give the right answer"
    );
    assert!(help(&d).starts_with("keep one"), "{d:#?}");
    assert_at(&d, 22, 1);
    assert_eq!(d.related[0].line, 23);
}

#[test]
fn correct_without_options_names_the_missing_field() {
    let d = only_error(&with_question(
        &SELECT.replace("options = [\"Two\", \"Three\", \"Four\", \"Five\"]\n", ""),
    ));
    assert_eq!(d.message, "missing field `options` for a choice question");
    assert!(help(&d).contains("correct = [0, 2]"), "{d:#?}");
    assert_at(&d, 21, 1);
}

#[test]
fn shuffle_belongs_to_options_only_and_is_a_boolean() {
    let d = only_error(&with_question(&format!("{ORDER}shuffle = false\n")));
    assert_eq!(d.message, "`shuffle` is not used by an ordering question");
    assert!(help(&d).contains("always shuffle"), "{d:#?}");
    assert_at(&d, 23, 1);
    assert_eq!(
        d.related[0].label,
        "this field makes it an ordering question"
    );
    let d = only_error(&with_question(&format!("{SELECT}shuffle = \"no\"\n")));
    assert_eq!(
        d.message,
        "expected a boolean (`true` or `false`), found a string for `shuffle`"
    );
    assert_at(&d, 23, 11);
}

#[test]
fn two_answer_shapes_are_reported_at_the_second() {
    let d = only_error(&with_question(&format!("{PAIRS}items = [\"a\", \"b\"]\n")));
    assert_eq!(d.message, "`items` is not used by a matching question");
    assert!(
        help(&d).starts_with("remove it; a question has one answer"),
        "{d:#?}"
    );
    assert_at(&d, 22, 1);
    assert_eq!((d.related[0].line, d.related[0].column), (21, 1));
    let d = only_error(&with_question(&format!("{ORDER}answers = [\"SYN\"]\n")));
    assert_eq!(d.message, "`answers` is not used by an ordering question");
    assert_at(&d, 23, 1);
}

#[test]
fn ordered_must_agree_with_the_kind_and_belongs_to_items() {
    let list = format!("kind = \"list-all\"\n{ORDER}");
    let d = only_error(&with_question(&list));
    assert_eq!(
        d.message,
        "`ordered = true` makes an ordering question, but the kind is `list-all`"
    );
    assert_at(&d, 23, 11);
    assert_eq!(d.related[0].label, "the kind is set here");
    let ordering = format!("kind = \"ordering\"\n{}", ORDER.replace("true", "false"));
    let d = only_error(&with_question(&ordering));
    assert_eq!(
        d.message,
        "`ordered = false` makes a list-all question, but the kind is `ordering`"
    );
    assert_at(&d, 23, 11);
    let d = only_error(&with_question(&format!("{SELECT}ordered = true\n")));
    assert_eq!(d.message, "`ordered` is not used by a choice question");
    assert_at(&d, 23, 1);
}

#[test]
fn pairs_need_two_distinct_pairs_of_texts() {
    let d = only_error(&with_question(&PAIRS.replace(
        "[[\"HTTP\", \"80\"], [\"SSH\", \"22\"], [\"DNS\", \"53\"]]",
        "[[\"HTTP\", \"80\"]]",
    )));
    assert_eq!(d.message, "`pairs` needs 2 to 6, found 1");
    assert_at(&d, 21, 9);
    let d = only_error(&with_question(
        &PAIRS.replace("[\"SSH\", \"22\"]", "[\"SSH\"]"),
    ));
    assert_eq!(d.message, "an item of `pairs` is not a pair of texts");
    assert_at(&d, 21, 26);
    let d = only_error(&with_question(&PAIRS.replace("\"SSH\"", "\"http\"")));
    assert_eq!(d.message, "duplicate left side `http`");
    assert_at(&d, 21, 27);
    assert_eq!((d.related[0].line, d.related[0].column), (21, 11));
    let d = only_error(&with_question(&PAIRS.replace("\"53\"", "\"22\"")));
    assert_eq!(d.message, "duplicate right side `22`");
    assert_at(&d, 21, 49);
    let d = only_error(&with_question(&PAIRS.replace("\"80\"", "\"  \"")));
    assert_eq!(d.message, "an item of `pairs` is empty");
    assert_at(&d, 21, 19);
}

#[test]
fn items_need_enough_distinct_texts() {
    let d = only_error(&with_question(&ORDER.replace(", \"ACK\"]", "]")));
    assert_eq!(d.message, "`items` needs 3 to 12, found 2");
    assert_at(&d, 21, 9);
    // Two items are enough to name.
    let two = ORDER
        .replace(", \"ACK\"]", "]")
        .replace("ordered = true\n", "");
    assert!(matches!(kind_of(&two), AuthoredKind::ListAll { .. }));
    let d = only_error(&with_question(&ORDER.replace("\"ACK\"", "\"syn\"")));
    assert_eq!(d.message, "duplicate item `syn`");
    assert_at(&d, 21, 28);
    let thirteen: Vec<String> = (1..=13).map(|i| format!("\"item {i}\"")).collect();
    let long = two.replace(
        "[\"SYN\", \"SYN-ACK\"]",
        &format!("[{}]", thirteen.join(", ")),
    );
    let d = only_error(&with_question(&long));
    assert_eq!(d.message, "`items` needs 2 to 12, found 13");
}

#[test]
fn an_unknown_kind_lists_the_new_kinds() {
    let d = only_error(&with_question(&format!("kind = \"match\"\n{PAIRS}")));
    assert_eq!(d.message, "unknown question kind `match`");
    let d = only_error(&with_question(&format!(
        "kind = \"multiple-answer\"\n{SELECT}"
    )));
    for kind in ["`matching`", "`ordering`", "`list-all`"] {
        assert!(help(&d).contains(kind), "{d:#?}");
    }
    // The topic is unchanged by these tests.
    assert!(TOPIC.starts_with("[topic]"));
}

// ---- asking and grading -----------------------------------------------------

fn select_all(correct: &[usize]) -> Question {
    Question {
        key: "authored:q".to_owned(),
        prompt: Prompt::SelectAll {
            text: "Which are even?".to_owned(),
        },
        body: Body::SelectAll {
            options: strings(&["Two", "Three", "Four", "Five"]),
            correct: correct.to_vec(),
        },
        targets: Vec::new(),
        explanation: String::new(),
        source: None,
    }
}

#[test]
fn select_all_credits_right_ticks_minus_wrong_ones_never_below_nothing() {
    let question = select_all(&[0, 2]);
    let outcome = |ticked: &[usize]| grade(&question, &Answer::SelectAll(ticked.to_vec())).outcome;
    assert_eq!(outcome(&[0, 2]), Outcome::Correct);
    assert_eq!(outcome(&[2, 0]), Outcome::Correct);
    // One missing, or one extra wrong: half.
    assert_eq!(outcome(&[0]), Outcome::Partial(0.5));
    assert_eq!(outcome(&[0, 1, 2]), Outcome::Partial(0.5));
    // Nothing, every option, or only wrong ones: nothing.
    assert_eq!(outcome(&[]), Outcome::Wrong);
    assert_eq!(outcome(&[0, 1, 2, 3]), Outcome::Wrong);
    assert_eq!(outcome(&[1, 3]), Outcome::Wrong);
    // A tick repeated counts once.
    assert_eq!(outcome(&[0, 0]), Outcome::Partial(0.5));
    // Another shape of answer is wrong.
    assert_eq!(grade(&question, &Answer::Choice(0)).outcome, Outcome::Wrong);
}

#[test]
fn select_all_verdicts_say_the_whole_answer_and_mark_each_tick() {
    let question = select_all(&[0, 2]);
    assert_eq!(
        prompt(&question.prompt, Lang::Id),
        "Which are even? (Pilih semua yang benar.)"
    );
    assert_eq!(
        prompt(&question.prompt, Lang::En),
        "Which are even? (Select all that apply.)"
    );
    let graded = grade(&question, &Answer::SelectAll(vec![0, 1]));
    assert_eq!(graded.marks, vec![true, false]);
    assert_eq!(
        verdict(&question, &graded, Lang::Id),
        "Salah. Jawaban yang benar: Two; Four"
    );
    assert_eq!(given(&question.body, &graded, Lang::En), "Two ✓; Three ✗");
    let half = grade(&question, &Answer::SelectAll(vec![2]));
    assert_eq!(
        verdict(&question, &half, Lang::En),
        "Partly right (50%). The full answer: Two; Four"
    );
}

/// A pack whose topic holds one question of every new kind.
fn pack_with_every_kind() -> kisi_core::content::Pack {
    let questions = [
        SELECT.to_owned(),
        SELECT
            .replace("q-select", "q-fixed")
            .replace("correct = [0, 2]", "correct = 3\nshuffle = false"),
        PAIRS.to_owned(),
        ORDER.to_owned(),
        ORDER
            .replace("q-order", "q-list")
            .replace("ordered = true\n", ""),
    ];
    let mut topic = TOPIC.to_owned();
    for question in questions {
        topic.push_str("\n[[questions]]\n");
        topic.push_str(&question);
    }
    load_files(&files(&topic)).unwrap_or_else(|r| panic!("{r}"))
}

#[test]
fn each_new_kind_is_asked_with_the_authors_prompt_and_a_fixed_order_stays() {
    let pack = pack_with_every_kind();
    let options = QuizOptions {
        count: 100,
        seed: 3,
        ..QuizOptions::default()
    };
    let asked = generate(&pack, &options).unwrap();
    let find = |id: &str| {
        asked
            .iter()
            .find(|q| q.key == format!("authored:{id}"))
            .unwrap_or_else(|| panic!("{id} not asked"))
    };
    assert_eq!(find("q-select").kind(), QuestionKind::Choice);
    assert_eq!(
        find("q-fixed").body,
        Body::Choice {
            options: strings(&["Two", "Three", "Four", "Five"]),
            correct: 3
        }
    );
    assert_eq!(find("q-pairs").kind(), QuestionKind::Matching);
    assert_eq!(find("q-order").kind(), QuestionKind::Ordering);
    let list = find("q-list");
    assert_eq!(
        list.prompt,
        Prompt::Authored {
            text: "Put the handshake in order.".to_owned()
        }
    );
    assert!(matches!(&list.body, Body::ListAll { items, .. } if items.len() == 3));
    // `--kind matching` asks the hand-written pairs too.
    let matching = QuizOptions {
        kinds: vec![QuestionKind::Matching],
        ..options
    };
    let only = generate(&pack, &matching).unwrap();
    assert!(only.iter().any(|q| q.key == "authored:q-pairs"), "{only:?}");
}

// ---- the answer screens -------------------------------------------------------

/// A quiz screen on the select-all question of `common::model`.
fn select_all_quiz() -> App {
    let question = select_all_question();
    App::new(fixture_pack(), Lang::Id, Theme::mono())
        .with_screen(Screen::Quiz(QuizState::new(Session::new(vec![question]))))
}

#[test]
fn a_select_all_question_at_80x24_and_40x12() {
    let mut app = select_all_quiz();
    assert_eq!(app.mode(), Mode::Select);
    // The first and the fourth ticked, the cursor on the fourth.
    run(&mut app, &[Action::Toggle, Action::Choose(3)]);
    let wide = draw(&mut app, 80, 24);
    assert!(wide.contains("(Pilih semua yang"), "{wide}");
    assert!(wide.contains("[x] a) Perseorangan"), "{wide}");
    assert!(wide.contains("[ ] b) Keluarga"), "{wide}");
    insta::assert_snapshot!("select_all_80x24", wide);
    insta::assert_snapshot!("select_all_40x12", draw(&mut app, 40, 12));
}

#[test]
fn enter_with_nothing_ticked_reminds_and_a_partial_answer_gets_its_verdict() {
    let mut app = select_all_quiz();
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::Select);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Centang setidaknya satu jawaban dulu."),
        "{screen}"
    );
    // Two right, one wrong: (2 - 1) / 3 of the credit.
    run(
        &mut app,
        &[
            Action::Choose(0),
            Action::Choose(1),
            Action::Choose(2),
            Action::Open,
        ],
    );
    assert_eq!(app.mode(), Mode::Feedback);
    let screen = draw(&mut app, 80, 24);
    insta::assert_snapshot!("select_all_verdict_80x24", screen);
    assert!(screen.contains("Sebagian benar (33%)"), "{screen}");
    assert!(
        screen.contains("Perseorangan ✓; Keluarga ✓; Badan usaha ✗"),
        "{screen}"
    );
}

#[test]
fn the_mock_exam_saves_the_ticked_options() {
    let blueprint = ExamBlueprint {
        questions: 1,
        per_topic: Vec::new(),
        time_limit: Duration::from_secs(600),
        pass_mark: 70,
    };
    let exam = ExamState::new(vec![select_all_question()], blueprint);
    let mut app = App::new(fixture_pack(), Lang::Id, Theme::mono()).with_screen(Screen::Exam(exam));
    assert_eq!(app.mode(), Mode::Select);
    run(
        &mut app,
        &[
            Action::Choose(0),
            Action::Choose(1),
            Action::Choose(3),
            Action::Open,
        ],
    );
    let Screen::Exam(state) = &app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    assert_eq!(state.answers[0], Some(Answer::SelectAll(vec![0, 1, 3])));
}

#[test]
fn the_plain_quiz_takes_letters_or_numbers_of_every_right_option() {
    let pack = pack_with_every_kind();
    // The first seed whose one question is the select-all one.
    let (options, question) = (0..100)
        .find_map(|seed| {
            let options = QuizOptions {
                kinds: vec![QuestionKind::Choice],
                count: 1,
                seed,
                lang: Lang::En,
                ..QuizOptions::default()
            };
            let question = generate(&pack, &options).unwrap().pop()?;
            matches!(question.body, Body::SelectAll { .. }).then_some((options, question))
        })
        .unwrap();
    let Body::SelectAll {
        options: shown,
        correct,
    } = &question.body
    else {
        unreachable!()
    };
    let right: Vec<String> = correct.iter().map(|i| (i + 1).to_string()).collect();
    // A bad reply is explained and asked again; then the right numbers.
    let input = format!("z\n{}\n", right.join(","));
    let mut output = Vec::new();
    let summary = kisi_core::plain::run_plain(
        &pack,
        &options,
        &mut std::io::Cursor::new(input),
        &mut output,
    )
    .unwrap();
    let output = String::from_utf8(output).unwrap();
    assert!(
        output.contains("Which are even? (Select all that apply.)"),
        "{output}"
    );
    assert!(output.contains(&format!("  a) {}", shown[0])), "{output}");
    assert!(
        output.contains("The letters or numbers of every right answer"),
        "{output}"
    );
    assert!(output.contains("Type letters from a to d"), "{output}");
    assert!(output.contains("Correct!"), "{output}");
    assert!((summary.score.earned - 1.0).abs() < f64::EPSILON);
}

#[test]
fn a_select_all_question_is_answered_in_the_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let topic = r#"[topic]
id = "sasaran"
title = "Sasaran"

[[entries]]
id = "pasal-5"
title = "Pasal 5 ayat (1)"
body = "Penyelenggaraan kesejahteraan sosial ditujukan kepada perseorangan, keluarga, kelompok, dan/atau masyarakat."
source = "book"

[[questions]]
id = "soal-sasaran"
entry = "pasal-5"
prompt = "Kepada siapa penyelenggaraan kesejahteraan sosial ditujukan?"
options = ["Perseorangan", "Keluarga", "Badan usaha", "Kelompok"]
correct = [0, 1, 3]
shuffle = false
"#;
    std::fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
    std::fs::write(dir.path().join("01-sasaran.toml"), topic).unwrap();
    let content = dir.path().to_str().unwrap();
    let args = [
        "--content",
        content,
        "quiz",
        "--seed",
        "1",
        "--count",
        "1",
        "--kind",
        "choice",
    ];
    let mut kisi = common::Session::start(&args, 80, 24);
    kisi.wait_for("Pengaturan kuis");
    kisi.keys(b"\r");
    kisi.wait_for("[ ] d) Kelompok");
    // Space ticks the first, j moves down, Space ticks the second, 4 the
    // fourth.
    kisi.keys(b" ");
    kisi.keys(b"j");
    kisi.keys(b" ");
    kisi.keys(b"4");
    kisi.wait_for("[x] d) Kelompok");
    kisi.keys(b"\r");
    kisi.wait_for("Benar!");
    kisi.keys(b"\r");
    kisi.wait_for("Hasil kuis");
    kisi.keys(b"\x1b");
    kisi.keys(b"\x1b");
    kisi.wait_for("Jelajahi materi");
    kisi.keys(b"q");
    assert!(kisi.wait_exit().success());
}

// ---- every right answer is graded right ---------------------------------------

/// A hand-written question of one of the new kinds: its fields in TOML.
fn authored_fields() -> impl Strategy<Value = String> {
    let words = || proptest::collection::btree_set("[a-z]{3,8}", 2..=6);
    prop_oneof![
        (words(), any::<u64>(), any::<bool>()).prop_map(|(options, mask, shuffle)| {
            let options: Vec<String> = options.into_iter().collect();
            let mut correct: Vec<usize> =
                (0..options.len()).filter(|i| mask >> i & 1 == 1).collect();
            if correct.is_empty() {
                correct.push(0);
            }
            format!("options = {options:?}\ncorrect = {correct:?}\nshuffle = {shuffle}\n")
        }),
        (words(), any::<usize>()).prop_map(|(options, pick)| {
            let options: Vec<String> = options.into_iter().collect();
            let correct = pick % options.len();
            format!("options = {options:?}\ncorrect = {correct}\nshuffle = false\n")
        }),
        (words(), words()).prop_map(|(left, right)| {
            let pairs: Vec<[String; 2]> = left
                .into_iter()
                .zip(right)
                .map(|(l, r)| [l, format!("{r} {r}")])
                .collect();
            if pairs.len() < 2 {
                return "items = [\"one\", \"two\"]\n".to_owned();
            }
            format!("pairs = {pairs:?}\n")
        }),
        (words(), any::<bool>()).prop_map(|(items, ordered)| {
            let items: Vec<String> = items.into_iter().collect();
            let ordered = ordered && items.len() >= 3;
            format!("items = {items:?}\nordered = {ordered}\n")
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_hand_written_question_grades_right_under_its_right_answer(
        fields in proptest::collection::vec(authored_fields(), 1..6),
        seed in any::<u64>(),
    ) {
        let mut topic = TOPIC.to_owned();
        for (i, question) in fields.iter().enumerate() {
            write!(
                topic,
                "\n[[questions]]\nid = \"q-{i}\"\nentry = \"entry-a\"\nprompt = \"Q{i}?\"\n{question}"
            )
            .unwrap();
        }
        let pack = load_files(&files(&topic)).unwrap_or_else(|r| panic!("{r}\n{topic}"));
        let options = QuizOptions { count: 100, seed, ..QuizOptions::default() };
        let asked = generate(&pack, &options).unwrap();
        for (i, written) in pack.topics[0].questions.iter().enumerate() {
            let key = format!("authored:q-{i}");
            let question = asked.iter().find(|q| q.key == key);
            prop_assert!(question.is_some(), "{key} not asked");
            let question = question.unwrap();
            prop_assert_eq!(
                grade(question, &right_answer(question)).outcome,
                Outcome::Correct,
                "{:?}",
                question
            );
            // The shown question holds what the author wrote.
            match (&written.kind, &question.body) {
                (
                    AuthoredKind::SelectAll { options, correct, shuffle },
                    Body::SelectAll { options: shown, correct: right },
                ) => {
                    let mut want: Vec<&String> = correct.iter().map(|&c| &options[c]).collect();
                    let mut got: Vec<&String> = right.iter().map(|&c| &shown[c]).collect();
                    want.sort();
                    got.sort();
                    prop_assert_eq!(want, got);
                    if !shuffle {
                        prop_assert_eq!(options, shown);
                    }
                }
                (AuthoredKind::Choice { options, correct, .. }, Body::Choice { options: shown, correct: right }) => {
                    prop_assert_eq!(&options[*correct], &shown[*right]);
                }
                (AuthoredKind::Matching { pairs }, Body::Matching { left, right, pairs: solution }) => {
                    for (l, &r) in left.iter().zip(solution) {
                        prop_assert!(pairs.contains(&(l.clone(), right[r].clone())));
                    }
                }
                (AuthoredKind::Ordering { items }, Body::Ordering { items: shown, order }) => {
                    let in_order: Vec<&String> = order.iter().map(|&i| &shown[i]).collect();
                    prop_assert_eq!(in_order, items.iter().collect::<Vec<_>>());
                    prop_assert_ne!(shown, items, "shown already in order");
                }
                (AuthoredKind::ListAll { items }, Body::ListAll { items: asked, .. }) => {
                    let shown: Vec<&String> = asked.iter().filter_map(|forms| forms.first()).collect();
                    prop_assert_eq!(items.iter().collect::<Vec<_>>(), shown);
                }
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }
}
