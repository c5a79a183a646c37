#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use super::text::{escape, unescape};
use super::*;
use crate::i18n::Lang;

fn read(text: &str) -> Parsed {
    parse("bank.gift", text.as_bytes(), Lang::En.interchange_words())
}

fn one(text: &str) -> ItemQuestion {
    let parsed = read(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.items.len(), 1, "{parsed:?}");
    parsed.items[0].question.clone().unwrap()
}

#[test]
fn escapes_and_unescapes_are_inverse() {
    let text = "a = b ~ c # d {e} f: g \\ h\nnext";
    assert_eq!(unescape(&escape(text)), text);
}

#[test]
fn masking_keeps_offsets() {
    let text = "\u{feff}// é comment\r\nQ {T}\r\n";
    let masked = mask(text);
    assert_eq!(masked.len(), text.len());
    assert_eq!(masked.trim(), "Q {T}");
}

#[test]
fn a_multiple_choice_question_keeps_its_right_answer_and_feedback() {
    let q = one("::Q2:: What's between orange and green in the spectrum?\n\
                 { =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }");
    assert_eq!(q.prompt, "What's between orange and green in the spectrum?");
    let Answer::Choice {
        options,
        correct,
        several,
        shuffle,
    } = &q.answer
    else {
        panic!("{q:?}")
    };
    assert_eq!(options, &["yellow", "red", "blue"]);
    assert_eq!(correct, &[0]);
    assert!(!several && *shuffle);
    let explanation = q.explanation.unwrap();
    assert!(
        explanation.contains("yellow: right; good!"),
        "{explanation}"
    );
    assert!(
        explanation.contains("red: wrong, it's yellow"),
        "{explanation}"
    );
}

#[test]
fn weights_without_an_equal_sign_make_several_right_answers() {
    let q = one("What two people are entombed in Grant's tomb? {\n\
                 ~%-100%No one\n~%50%Grant\n~%50%Grant's wife\n~%-100%Grant's father\n}");
    assert_eq!(
        q.answer,
        Answer::Choice {
            options: vec![
                "No one".into(),
                "Grant".into(),
                "Grant's wife".into(),
                "Grant's father".into()
            ],
            correct: vec![1, 2],
            several: true,
            shuffle: true,
        }
    );
}

#[test]
fn true_false_short_answer_matching_and_missing_word() {
    let tf = one("Grant was buried in a tomb in New York City.{T#No, he was.#Yes.}");
    assert_eq!(tf.answer, Answer::TrueFalse(true));
    assert_eq!(tf.explanation.as_deref(), Some("Yes.\nNo, he was."));
    assert_eq!(
        one("The sun rises in the west.{FALSE}").answer,
        Answer::TrueFalse(false)
    );
    let short = one("Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}");
    assert_eq!(
        short.answer,
        Answer::Typed(vec![
            "Grant".into(),
            "Ulysses S. Grant".into(),
            "Ulysses Grant".into()
        ])
    );
    let matching = one(
        "Match the following countries with their corresponding capitals. {\n\
         =Canada -> Ottawa\n=Italy  -> Rome\n=Japan  -> Tokyo\n=India  -> New Delhi\n}",
    );
    assert_eq!(
        matching.answer,
        Answer::Matching(vec![
            ("Canada".into(), "Ottawa".into()),
            ("Italy".into(), "Rome".into()),
            ("Japan".into(), "Tokyo".into()),
            ("India".into(), "New Delhi".into()),
        ])
    );
    let missing = one("Moodle costs {~lots of money =nothing ~a small amount} to download.");
    assert_eq!(missing.prompt, "Moodle costs _____ to download.");
    let two = one("Two plus {=two =2} equals four.");
    assert_eq!(two.prompt, "Two plus _____ equals four.");
    assert_eq!(two.answer, Answer::Typed(vec!["two".into(), "2".into()]));
}

#[test]
fn numbers_ranges_and_tolerances_become_typed_answers_graded_as_numbers() {
    assert_eq!(
        one("When was Ulysses S. Grant born?{#1822}").answer,
        Answer::Typed(vec!["1822".into()])
    );
    // A partial-credit answer is dropped with a note; a zero tolerance is
    // the number alone.
    let parsed = read("When was Grant born? {#=1822:0 =%50%1822:2}");
    assert_eq!(
        parsed.items[0].question.as_ref().unwrap().answer,
        Answer::Typed(vec!["1822".into()])
    );
    assert_eq!(parsed.notes.len(), 1, "{parsed:?}");
    assert_eq!(
        one("What is the value of pi (to 3 decimal places)? {#3.1415:0.0005}.").answer,
        Answer::Typed(vec!["3.1415 ± 0.0005".into()])
    );
    assert_eq!(
        one("What is a number from 1 to 5? {#1..5}").answer,
        Answer::Typed(vec!["1..5".into()])
    );
    assert_eq!(
        one("When was Grant born? {#=1822:0 =1820..1825 =%-50%1900}").answer,
        Answer::Typed(vec!["1822".into(), "1820..1825".into()])
    );
    for (text, column) in [("Q? {#5..1}", 6), ("Q? {#5:-1}", 6), ("Q? {#1..x}", 6)] {
        let parsed = read(text);
        assert!(parsed.items.is_empty(), "{text}");
        let d = &parsed.diagnostics[0];
        assert_eq!((d.line, d.column), (1, column), "{text}: {d:?}");
        assert!(d.help.is_some());
    }
}

#[test]
fn escapes_formats_categories_and_comments() {
    let parsed = read(
        "// a comment {not an answer}\n$CATEGORY: $course$/top/Bab 1\\: Dasar\n\n\
         ::Q\\:1:: [html]<p>1 + 2 \\= ? <b>Pilih</b>&amp;jawab</p>{\n// comment inside\n=3 ~4 ~\\{5\\}}\n\n\
         $CATEGORY: $course$/Bab 2\n\n[markdown]Is *this* true?{T}",
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.topics.len(), 2);
    assert_eq!(parsed.topics[0].title, "Bab 1: Dasar");
    assert_eq!(parsed.topics[0].id, "bab-1-dasar");
    let first = &parsed.items[0];
    assert_eq!(first.key, "q-1");
    assert_eq!(first.line, 4);
    let q = first.question.as_ref().unwrap();
    assert_eq!(q.prompt, "1 + 2 = ? Pilih&jawab");
    let Answer::Choice { options, .. } = &q.answer else {
        panic!()
    };
    assert_eq!(options, &["3", "4", "{5}"]);
    assert_eq!(parsed.items[1].topic, 1);
    assert_eq!(
        parsed.items[1].question.as_ref().unwrap().prompt,
        "Is *this* true?"
    );
}

#[test]
fn essays_and_descriptions_are_skipped_with_their_line() {
    let parsed = read(
        "Write a short biography of Dag Hammarskjöld. {}\n\n\
                       You can use your pencil and paper for these next math questions.",
    );
    assert!(parsed.items.is_empty());
    let lines: Vec<usize> = parsed.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [1, 3]);
}

#[test]
fn malformed_constructs_are_reported_where_they_are() {
    let cases = [
        ("::Q1 What? {T}", (1, 1), "title"),
        ("What? {=a ~b", (1, 7), "not closed"),
        ("What? } {T}", (1, 7), "without an opening"),
        ("What? {=a {b} }", (1, 11), "inside"),
        ("What? {=a ~%x%b}", (1, 12), "weight"),
        ("What? {~a ~b}", (1, 7), "no answer is right"),
        ("What? {=a =b ~c}", (1, 11), "more than one"),
        ("What? {#abc}", (1, 9), "not a number"),
        ("What? {=a -> b =c}", (1, 16), "without `->`"),
        ("What? {yes}", (1, 8), "without `=` or `~`"),
        ("What? {=a ~ }", (1, 11), "empty"),
        ("{T}", (1, 1), "without text"),
        ("Wh\u{202e}at? {T}", (1, 3), "control or invisible"),
    ];
    for (text, place, message) in cases {
        let parsed = read(text);
        assert!(parsed.items.is_empty(), "{text}");
        let d = parsed
            .diagnostics
            .first()
            .unwrap_or_else(|| panic!("no diagnostic for {text}"));
        assert_eq!((d.line, d.column), place, "{text}: {d:?}");
        assert!(d.message.contains(message), "{text}: {}", d.message);
        assert!(d.help.is_some(), "{text}");
    }
}

#[test]
fn names_and_texts_give_stable_distinct_keys() {
    let parsed = read("::Same:: A? {T}\n\n::Same:: B? {F}\n\nNo name here? {T}\n\n::Same:: A? {T}");
    let keys: Vec<&str> = parsed.items.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys.len(), 3);
    assert_eq!(keys[0], "same");
    assert!(keys[1].starts_with("same-"));
    assert!(keys[2].starts_with("no-name-here-"));
    // The exact repeat is reported, not imported twice.
    assert_eq!(parsed.skipped.len(), 1);
    assert_eq!(read("No name here? {T}").items[0].key, keys[2]);
}

#[test]
fn a_bank_of_many_questions_is_read_in_linear_time() {
    // Each question's key was compared with every earlier one: 200,000
    // questions did not finish in 5 minutes. Four times the questions must
    // cost about four times as long, not sixteen.
    let time = |count: usize| {
        let mut bank = String::new();
        for i in 0..count {
            let _ = write!(bank, "::q{i}:: Question {i}? {{=a{i} ~b{i}}}\n\n");
        }
        bank.push_str("::q7:: Question 7? {=a7 ~b7}\n");
        let started = std::time::Instant::now();
        let parsed = read(&bank);
        assert_eq!(parsed.items.len(), count);
        assert_eq!(parsed.skipped.len(), 1, "the repeat of q7");
        started.elapsed()
    };
    let (small, large) = (time(8_000), time(32_000));
    assert!(large < small * 8, "{small:?} then {large:?}");
}
