//! `kisi check` through the binary: its diagnostics in the user's language
//! (`--lang`, else the pack's `language`, else `LANG`), and the authoring
//! traps a lecturer writing a pack from the docs fell into.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::common::files::MANIFEST;
use crate::questions_cli::{kisi, stdout};

const TOPIC: &str = r#"[topic]
id = "cells"
title = "Cells"

[[entries]]
id = "mitosis"
title = "Mitosis"
body = "How a cell divides in two."
source = "book"
"#;

/// A pack in `dir` in `language`, with `topic` as its one topic file.
fn pack_in(dir: &Path, language: &str, topic: &str) {
    let manifest = MANIFEST.replace("language = \"id\"", &format!("language = \"{language}\""));
    std::fs::write(dir.join("pack.toml"), manifest).unwrap();
    std::fs::write(dir.join("01-cells.toml"), topic).unwrap();
}

/// A topic with one problem of many kinds: an unknown field, a wrong
/// type, an unknown source, a bad id, a bad question.
fn broken_topic() -> String {
    TOPIC
        .replace("title = \"Mitosis\"", "titel = \"Mitosis\"\ntitle = 3")
        .replace("source = \"book\"", "source = \"bok\"\nid_x = 1")
        + "\n[[questions]]\nid = \"Q 1\"\nentry = \"mitosis\"\nprompt = \"P\"\nkind = \"choise\"\n"
}

/// English words that would give an untranslated Indonesian report away
/// (outside quoted names and the lines of the file shown).
const ENGLISH: &[&str] = &[
    "error",
    "help",
    "note",
    "unknown",
    "missing",
    "expected",
    "found",
    "the",
    "is",
    "not",
    "did you mean",
    "field",
    "remove",
    "write",
    "with",
    "errors in",
];

/// The lines of a report that are its own words: the messages, labels and
/// helps, without the quoted file lines and names.
fn own_words(report: &str) -> String {
    report
        .lines()
        .filter(|line| !line.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .map(|line| {
            let mut kept = String::new();
            let mut quoted = false;
            for c in line.chars() {
                if c == '`' || c == '"' {
                    quoted = !quoted;
                } else if !quoted {
                    kept.push(c);
                }
            }
            kept
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn has_word(text: &str, word: &str) -> bool {
    let text = format!(
        " {} ",
        text.to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), " ")
    );
    text.contains(&format!(" {word} "))
}

#[test]
fn the_report_follows_lang_when_the_pack_speaks_neither_language() {
    let dir = tempfile::tempdir().unwrap();
    pack_in(dir.path(), "fr", &broken_topic());
    let path = dir.path().to_str().unwrap();

    let indonesian = stdout(&kisi(&["check", path], "id_ID.UTF-8"));
    for expected in [
        "kesalahan: kolom `titel` tidak dikenal di [[entries]]",
        "= bantuan: maksud Anda `title`?",
        "sumber `bok` tidak dikenal",
        "id `Q 1` tidak sah",
        "jenis soal `choise` tidak dikenal",
        "kesalahan dalam 1 berkas",
    ] {
        assert!(
            indonesian.contains(expected),
            "{expected} not in:\n{indonesian}"
        );
    }
    let words = own_words(&indonesian);
    for word in ENGLISH {
        assert!(
            !has_word(&words, word),
            "English `{word}` in:\n{indonesian}"
        );
    }

    let english = stdout(&kisi(&["check", path], "en_GB.UTF-8"));
    for expected in [
        "error: unknown field `titel` in [[entries]]",
        "= help: did you mean `title`?",
        "unknown source `bok`",
        "errors in 1 file",
    ] {
        assert!(english.contains(expected), "{expected} not in:\n{english}");
    }
    // The flag wins over the environment.
    let flagged = stdout(&kisi(&["--lang", "en", "check", path], "id_ID.UTF-8"));
    assert_eq!(flagged, english);
}

#[test]
fn the_pack_language_wins_over_lang_and_the_flag_over_both() {
    let dir = tempfile::tempdir().unwrap();
    pack_in(dir.path(), "en", &broken_topic());
    let path = dir.path().to_str().unwrap();
    let report = stdout(&kisi(&["check", path], "id_ID.UTF-8"));
    assert!(report.contains("error: unknown field"), "{report}");
    let report = stdout(&kisi(&["check", path, "--lang", "id"], "en_GB.UTF-8"));
    assert!(report.contains("kesalahan: kolom"), "{report}");
}

#[test]
fn json_keeps_a_stable_code_per_problem_and_speaks_the_language() {
    let dir = tempfile::tempdir().unwrap();
    pack_in(dir.path(), "fr", &broken_topic());
    let path = dir.path().to_str().unwrap();
    let json = |lang_env| -> Value {
        serde_json::from_str(&stdout(&kisi(
            &["check", path, "--format", "json"],
            lang_env,
        )))
        .unwrap()
    };
    let (id, en) = (json("id_ID.UTF-8"), json("en_GB.UTF-8"));
    let codes = |value: &Value| -> Vec<String> {
        value["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(codes(&id), codes(&en));
    for code in [
        "unknown_field",
        "wrong_type",
        "unknown_source",
        "invalid_id",
        "unknown_kind",
    ] {
        assert!(
            codes(&en).iter().any(|c| c == code),
            "{code} in {:?}",
            codes(&en)
        );
    }
    let unknown = |value: &Value| {
        value["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"] == "unknown_field")
            .unwrap()["message"]
            .clone()
    };
    assert_eq!(unknown(&en), "unknown field `titel` in [[entries]]");
    assert_eq!(unknown(&id), "kolom `titel` tidak dikenal di [[entries]]");
}

#[test]
fn a_toml_syntax_error_keeps_the_parsers_detail_after_a_translated_lead() {
    let dir = tempfile::tempdir().unwrap();
    pack_in(
        dir.path(),
        "fr",
        &TOPIC.replace("title = \"Mitosis\"", "title = \"Mitosis"),
    );
    let report = stdout(&kisi(
        &["check", dir.path().to_str().unwrap()],
        "id_ID.UTF-8",
    ));
    assert!(report.contains("kesalahan: TOML tidak sah: "), "{report}");
    assert!(
        report.contains("bantuan: perbaiki sintaks TOML di sini"),
        "{report}"
    );
}

#[test]
fn content_and_a_folder_are_both_checked() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    pack_in(a.path(), "en", TOPIC);
    pack_in(b.path(), "en", &broken_topic());
    let (a, b) = (a.path().to_str().unwrap(), b.path().to_str().unwrap());
    let output = kisi(&["--lang", "en", "check", "--content", a, b], "en_GB.UTF-8");
    assert_eq!(output.status.code(), Some(1), "one of them is broken");
    let text = stdout(&output);
    let first = text.find(&format!("Checking {a}")).expect(&text);
    let second = text.find(&format!("Checking {b}")).expect(&text);
    assert!(first < second, "{text}");
    assert!(text[first..second].contains("Pack is valid"), "{text}");
    assert!(text[second..].contains("unknown field `titel`"), "{text}");
    // Two folders, in JSON: an array of two documents.
    let json: Value = serde_json::from_str(&stdout(&kisi(
        &["check", a, b, "--format", "json"],
        "en_GB.UTF-8",
    )))
    .unwrap();
    assert_eq!(json[0]["valid"], true);
    assert_eq!(json[1]["valid"], false);
}

#[test]
fn a_parent_folder_says_where_the_pack_is() {
    let parent = tempfile::tempdir().unwrap();
    let pack = parent.path().join("pack");
    std::fs::create_dir(&pack).unwrap();
    pack_in(&pack, "en", TOPIC);
    let path = parent.path().to_str().unwrap();
    let text = stdout(&kisi(&["--lang", "en", "check", path], "en_GB.UTF-8"));
    assert!(
        text.contains(&format!("did you mean `kisi check {path}/pack/`?")),
        "{text}"
    );
    let text = stdout(&kisi(&["check", path], "id_ID.UTF-8"));
    assert!(
        text.contains(&format!("maksud Anda `kisi check {path}/pack/`?")),
        "{text}"
    );
}

#[test]
fn a_stray_copy_of_a_topic_file_is_one_error_naming_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let topic = format!(
        "{TOPIC}\n[[entries]]\nid = \"meiosis\"\ntitle = \"Meiosis\"\nbody = \"B\"\nsource = \"book\"\n"
    );
    pack_in(dir.path(), "en", &topic);
    std::fs::write(dir.path().join("01-cells - Copy.toml"), &topic).unwrap();
    let output = kisi(&["check", dir.path().to_str().unwrap()], "en_GB.UTF-8");
    let text = stdout(&output);
    assert!(text.contains("error: 1 error in 1 file"), "{text}");
    assert!(
        text.contains("3 ids of `") && text.contains("01-cells - Copy.toml` are already defined"),
        "{text}"
    );
    assert!(text.contains("looks like a copy of"), "{text}");
    assert!(
        text.contains("01-cells - Copy.toml:2:6"),
        "points at the copy: {text}"
    );
}

#[test]
fn an_unknown_source_lists_every_source_and_finds_swapped_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut manifest = MANIFEST.replace("language = \"id\"", "language = \"en\"");
    for i in 1..=7 {
        write!(
            manifest,
            "\n[[sources]]\nid = \"source-{i}\"\ncitation = \"C\"\n"
        )
        .unwrap();
    }
    manifest.push_str("\n[[sources]]\nid = \"social-work-law\"\ncitation = \"C\"\n");
    std::fs::write(dir.path().join("pack.toml"), manifest).unwrap();
    let topic = TOPIC.replace("source = \"book\"", "source = \"law-social-work\"")
        + "\n[[entries]]\nid = \"e2\"\ntitle = \"E\"\nbody = \"B\"\nsource = \"zzz\"\n";
    std::fs::write(dir.path().join("01-cells.toml"), topic).unwrap();
    let text = stdout(&kisi(
        &["check", dir.path().to_str().unwrap()],
        "en_GB.UTF-8",
    ));
    assert!(text.contains("did you mean `social-work-law`?"), "{text}");
    assert!(
        text.contains("`source-7`, `social-work-law`"),
        "every id listed: {text}"
    );
    assert!(!text.contains(", ..."), "{text}");
}

#[test]
fn a_duplicate_key_is_named_with_its_first_place() {
    let dir = tempfile::tempdir().unwrap();
    pack_in(
        dir.path(),
        "fr",
        &TOPIC.replace("body = \"How", "title = \"Again\"\nbody = \"How"),
    );
    let text = stdout(&kisi(
        &["check", dir.path().to_str().unwrap()],
        "id_ID.UTF-8",
    ));
    assert!(text.contains("kesalahan: kunci `title` ganda"), "{text}");
    assert!(text.contains("01-cells.toml:8:1"), "{text}");
    assert!(text.contains("pertama ditulis di sini"), "{text}");
    assert!(
        text.contains("7 | title = \"Mitosis\""),
        "the first place shown: {text}"
    );
}

#[test]
fn authoring_traps_are_warned_about_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let topic = TOPIC.replace(
        "body = \"How a cell divides in two.\"",
        "body = '''How a cell \\\ndivides in two.'''",
    ) + "\n[[questions]]\nid = \"q1\"\nentry = \"mitosis\"\nprompt = \"P\"\n\
         answers = [\"x\"]\n\n[[entries.points]]\ntext = \"a point for mitosis?\"\n";
    pack_in(dir.path(), "en", &topic);
    let path = dir.path().to_str().unwrap();
    let output = kisi(&["check", path], "en_GB.UTF-8");
    assert!(output.status.success(), "warnings are not errors");
    let text = stdout(&output);
    for expected in [
        "warning: a line of a '''literal''' string ends in `\\`",
        "01-cells.toml:8:22",
        "warning: this `[[entries.points]]` comes after `[[questions]]`, so it belongs to the \
         entry `mitosis`",
        "01-cells.toml:18:1",
        "move it up under its entry",
        "2 warnings about the pack",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    let text = stdout(&kisi(&["check", path, "--lang", "id"], "en_GB.UTF-8"));
    assert!(
        text.contains("peringatan: `[[entries.points]]` ini ada sesudah"),
        "{text}"
    );
    assert!(text.contains("2 peringatan tentang paket ini"), "{text}");
}
