//! `kisi questions`, run as a lecturer would: the questions a seeded quiz
//! asks, with every right answer; and the pack's `language` choosing the
//! interface's (after `--lang`, before the environment), checked as a BCP 47
//! tag.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_core::quiz::wording::{prompt, true_false_word};
use kisi_core::quiz::{Body, QuizOptions, generate};
use serde_json::Value;

use crate::common;

use common::files::MANIFEST;

pub(crate) fn kisi(args: &[&str], lang_env: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("LANG", lang_env)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("KISI_NO_CACHE", "1")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The questions `kisi quiz --seed` would ask, as the library makes them.
fn quiz(seed: u64, count: usize) -> Vec<kisi_core::quiz::Question> {
    let options = QuizOptions {
        count,
        seed,
        ..QuizOptions::default()
    };
    generate(&builtin_pack().unwrap(), &options).unwrap()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn text_lists_each_question_with_its_answer_and_the_seed_to_ask_it() {
    let output = kisi(&["questions", "--seed", "5", "--count", "6"], "id_ID.UTF-8");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("6 soal dari benih (seed) 5"), "{text}");
    assert!(text.contains("kisi quiz --seed 5 --count 6"), "{text}");
    let questions = quiz(5, 6);
    assert_eq!(questions.len(), 6);
    for (k, question) in questions.iter().enumerate() {
        let first_line = prompt(&question.prompt, Lang::Id);
        let first_line = first_line.lines().next().unwrap();
        assert!(
            text.contains(&format!("{}. [", k + 1)) && text.contains(first_line),
            "{first_line}\n{text}"
        );
    }
    assert_eq!(text.matches("   Jawaban").count(), 6, "{text}");
    assert_eq!(text.matches("   Menguji: ").count(), 6, "{text}");
    let english = kisi(
        &["questions", "--seed", "5", "--count", "6", "--lang", "en"],
        "id_ID.UTF-8",
    );
    let text = stdout(&english);
    assert!(text.contains("6 questions from seed 5"), "{text}");
    assert_eq!(text.matches("   Answer").count(), 6, "{text}");
}

#[test]
fn json_has_every_right_answer_of_the_quiz_the_seed_asks() {
    for seed in [1, 2, 3] {
        let seed_text = seed.to_string();
        let output = kisi(
            &["questions", "--json", "--seed", &seed_text, "--count", "30"],
            "id_ID.UTF-8",
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let rows = json.as_array().unwrap();
        let questions = quiz(seed, 30);
        assert_eq!(rows.len(), questions.len());
        let pack = builtin_pack().unwrap();
        for (row, question) in rows.iter().zip(&questions) {
            assert_eq!(row["prompt"], prompt(&question.prompt, Lang::Id));
            let answers = strings(&row["answers"]);
            let options = strings(&row["options"]);
            assert!(!answers.is_empty(), "{row}");
            let kind = row["kind"].as_str().unwrap();
            match &question.body {
                Body::Choice {
                    options: shown,
                    correct,
                } => {
                    assert_eq!(kind, "choice");
                    assert_eq!(&options, shown);
                    assert_eq!(answers, vec![shown[*correct].clone()]);
                }
                Body::SelectAll {
                    options: shown,
                    correct,
                } => {
                    assert_eq!(kind, "choice");
                    assert_eq!(&options, shown);
                    let right: Vec<String> = correct.iter().map(|&i| shown[i].clone()).collect();
                    assert_eq!(answers, right);
                }
                Body::TrueFalse { answer } => {
                    assert_eq!(kind, "true-false");
                    assert_eq!(answers, vec![true_false_word(*answer, Lang::Id)]);
                }
                Body::Typed {
                    candidates,
                    correct,
                } => {
                    assert_eq!(kind, "typed");
                    assert_eq!(&answers, &candidates[*correct]);
                }
                Body::Ordering { items, order } => {
                    assert_eq!(kind, "ordering");
                    assert_eq!(&options, items);
                    let right: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
                    assert_eq!(answers, right);
                }
                Body::Matching { left, right, pairs } => {
                    assert_eq!(kind, "matching");
                    assert_eq!(&strings(&row["items"]), left);
                    assert_eq!(&options, right);
                    for (l, &r) in left.iter().zip(pairs) {
                        assert!(answers.contains(&format!("{l} → {}", right[r])), "{row}");
                    }
                }
                Body::ListAll { items, .. } => {
                    assert_eq!(kind, "list-all");
                    let first: Vec<String> = items.iter().map(|forms| forms[0].clone()).collect();
                    assert_eq!(answers, first);
                    let accepted: Vec<Vec<String>> = row["accepted"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(strings)
                        .collect();
                    assert_eq!(&accepted, items);
                }
                Body::Flashcard { back } => {
                    assert_eq!(kind, "flashcard");
                    assert_eq!(answers, vec![back.clone()]);
                }
            }
            // The entries and points tested, by id.
            let targets = row["targets"].as_array().unwrap();
            assert_eq!(targets.len(), question.targets.len());
            for (json, target) in targets.iter().zip(&question.targets) {
                let entry = pack.entry(target.entry).unwrap();
                assert_eq!(json["entry"], &*entry.id);
                match target.point {
                    Some(p) => assert_eq!(json["point"], entry.point_key(p)),
                    None => assert!(json["point"].is_null()),
                }
            }
        }
    }
}

#[test]
fn questions_can_be_narrowed_to_a_kind_and_a_topic() {
    let output = kisi(
        &[
            "questions",
            "--json",
            "--seed",
            "9",
            "--kind",
            "list-all",
            "--topic",
            "bidang-garapan",
        ],
        "id_ID.UTF-8",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let rows = json.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["kind"] == "list-all"));
    let unknown = kisi(&["questions", "--topic", "tidak-ada"], "id_ID.UTF-8");
    assert!(!unknown.status.success());
    assert!(
        stderr(&unknown).contains("tidak-ada"),
        "{}",
        stderr(&unknown)
    );
}

/// A small valid pack whose manifest says `language = "{language}"`.
fn pack_in(dir: &Path, language: &str) {
    let manifest = MANIFEST.replace("language = \"id\"", &format!("language = \"{language}\""));
    std::fs::write(dir.join("pack.toml"), manifest).unwrap();
    let mut topic = String::from("[topic]\nid = \"cells\"\ntitle = \"Cells\"\n");
    for (id, title) in [
        ("mitosis", "Mitosis"),
        ("meiosis", "Meiosis"),
        ("osmosis", "Osmosis"),
        ("diffusion", "Diffusion"),
    ] {
        write!(
            topic,
            "\n[[entries]]\nid = \"{id}\"\ntitle = \"{title}\"\nbody = \"What {title} is.\"\n\
             source = \"book\"\n"
        )
        .unwrap();
        for n in ["one", "two", "three"] {
            write!(topic, "\n[[entries.points]]\ntext = \"{id} {n}\"\n").unwrap();
        }
    }
    std::fs::write(dir.join("01-cells.toml"), topic).unwrap();
}

#[test]
fn the_pack_language_comes_after_the_flag_and_before_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    pack_in(dir.path(), "en");
    let path = dir.path().to_str().unwrap();
    let check = |args: &[&str], env: &str| stdout(&kisi(args, env));
    // An English pack speaks English in an Indonesian environment …
    assert!(check(&["check", path], "id_ID.UTF-8").starts_with("Pack is valid"));
    let questions = check(
        &["questions", "--content", path, "--seed", "1"],
        "id_ID.UTF-8",
    );
    assert!(questions.contains("questions from seed 1"), "{questions}");
    // … unless the flag says otherwise.
    let flagged = check(&["check", path, "--lang", "id"], "en_US.UTF-8");
    assert!(flagged.starts_with("Paket valid"), "{flagged}");
    // A language kisi does not speak is accepted; the environment decides.
    pack_in(dir.path(), "fr-CA");
    assert!(check(&["check", path], "en_US.UTF-8").starts_with("Pack is valid"));
    assert!(check(&["check", path], "id_ID.UTF-8").starts_with("Paket valid"));
    // An Indonesian pack in an English environment.
    pack_in(dir.path(), "id");
    assert!(check(&["check", path], "en_US.UTF-8").starts_with("Paket valid"));
}

#[test]
fn a_language_that_is_no_bcp_47_tag_is_an_error_at_its_place_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    pack_in(dir.path(), "en_US");
    let path = dir.path().to_str().unwrap();
    // `en_US` is read as English (the interface follows it), so the message
    // is English in an Indonesian environment, and Indonesian when asked.
    let output = kisi(&["check", path], "id_ID.UTF-8");
    assert!(!output.status.success());
    let text = stdout(&output);
    // Line 4, the value's column.
    assert!(text.contains("pack.toml:4:12"), "{text}");
    assert!(text.contains("is not a BCP 47 language tag"), "{text}");
    assert!(text.contains("\"en-GB\""), "{text}");
    let asked = stdout(&kisi(&["check", path, "--lang", "id"], "en_US.UTF-8"));
    assert!(asked.contains("bukan tag bahasa BCP 47"), "{asked}");
    assert!(asked.contains("pack.toml:4:12"), "{asked}");
    let json = kisi(&["check", path, "--format", "json"], "id_ID.UTF-8");
    let report: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(report["valid"], false);
}
