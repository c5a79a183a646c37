//! The structure fields a pack states for question making (`member`,
//! `overview`, `distractors`, `pairs`, a point's `also`): valid ones load
//! into the model, mistakes are reported at their place with a help line;
//! `kisi check` warns about material that makes poor questions.

use std::process::Command;

use kisi_core::content::diagnostic::Diagnostic;
use kisi_core::content::load::load_files;

use crate::common;

use common::files::MANIFEST;

fn files(topic: &str) -> Vec<(String, Vec<u8>)> {
    vec![
        ("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
        ("01-a.toml".to_owned(), topic.as_bytes().to_vec()),
    ]
}

/// A topic with a member noun, an overview of two entries, distractors,
/// pairs and a point's `also`; `extra` goes into the first entry (line 9).
fn topic(extra: &str) -> String {
    format!(
        r#"[topic]
id = "topic-a"
title = "Topic A"
member = {{ id = "bagian", en = "part" }}

[[entries]]
id = "all"
title = "Both parts"
{extra}body = "The two parts of the topic."
source = "book"
member = {{ en = "part of the topic" }}
distractors = ["Part C"]
pairs = [["one", "Part A"], ["two", "Part B"]]

[[entries.points]]
text = "Part A"
also = ["A"]

[[entries.points]]
text = "Part B"

[[entries]]
id = "part-a"
title = "Part A"
body = "The first part."
source = "book"

[[entries]]
id = "part-b"
title = "Part B"
body = "The second part."
source = "book"
"#
    )
}

fn only_error(topic: &str) -> Diagnostic {
    let report = load_files(&files(topic)).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = report.diagnostics.into_iter().next().unwrap();
    assert!(d.help.is_some(), "no help: {d:#?}");
    d
}

#[test]
fn the_structure_fields_load_into_the_model() {
    let pack = load_files(&files(&topic(""))).unwrap_or_else(|r| panic!("{r}"));
    let topic = &pack.topics[0];
    assert_eq!(topic.member.id.as_deref(), Some("bagian"));
    assert_eq!(topic.member.en.as_deref(), Some("part"));
    let all = &topic.entries[0];
    // Detected: its points are the other entries.
    assert!(all.overview);
    assert!(!topic.entries[1].overview);
    assert_eq!(topic.members_of(0), [1, 2]);
    let member = all.member.as_deref().unwrap();
    assert_eq!(
        (member.id.as_deref(), member.en.as_deref()),
        (None, Some("part of the topic"))
    );
    assert_eq!(&*all.distractors, [Box::from("Part C")]);
    assert_eq!(all.pairs.len(), 2);
    assert_eq!(&*all.points[0].also, [Box::from("A")]);
}

#[test]
fn mistakes_in_the_structure_fields_are_reported_at_their_place() {
    let cases = [
        // A distractor that is a right answer.
        (
            "distractors = [\"Part B\"]\n",
            "a distractor that is a right answer",
            9,
        ),
        (
            "pairs = [[\"one\"], [\"two\", \"2\"]]\n",
            "a pair must be two texts",
            9,
        ),
        (
            "pairs = [[\"x\", \"1\"], [\"x\", \"2\"]]\n",
            "the left side `x` is paired twice",
            9,
        ),
        (
            "member = { de = \"Teil\" }\n",
            "unknown field `de` in `member`",
            9,
        ),
        ("overview = \"yes\"\n", "expected a boolean", 9),
    ];
    for (extra, message, line) in cases {
        // The first entry states the field twice otherwise: replace its own.
        let mut text = topic(extra);
        for key in ["distractors", "pairs", "member", "overview"] {
            if extra.starts_with(key) {
                let own = text
                    .lines()
                    .skip(10)
                    .find(|l| l.starts_with(key))
                    .map(|l| format!("{l}\n"));
                if let Some(own) = own {
                    text = text.replacen(&own, "", 1);
                }
            }
        }
        let d = only_error(&text);
        assert!(d.message.starts_with(message), "{message}: {d:#?}");
        assert_eq!((d.file.as_str(), d.line), ("01-a.toml", line), "{d:#?}");
    }
    // An `also` that is another point.
    let d = only_error(&topic("").replace("also = [\"A\"]", "also = [\"Part B\"]"));
    assert!(d.message.contains("another point"), "{d:#?}");
    assert_eq!(d.line, 17);
    // An overview without points.
    let lonely = "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[entries]]\nid = \"e\"\ntitle = \"E\"\n\
                  body = \"B\"\nsource = \"book\"\noverview = true\n";
    let d = only_error(lonely);
    assert!(
        d.message.contains("overview entry without points"),
        "{d:#?}"
    );
    assert_eq!((d.line, d.column), (10, 1));
}

#[test]
fn check_warns_about_material_that_makes_poor_questions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
    // No member noun, though two entries with points are asked as
    // categories; a body made of its own title; two near-duplicate titles.
    let topic = r#"[topic]
id = "t"
title = "Protocols"

[[entries]]
id = "tcp"
title = "TCP"
body = "TCP."
source = "book"

[[entries.points]]
text = "acknowledges every segment"

[[entries]]
id = "udp"
title = "UDP"
body = "Sends datagrams without a handshake, an acknowledgement or any ordering."
source = "book"

[[entries.points]]
text = "no handshake"

[[entries]]
id = "udp-again"
title = "U.D.P."
body = "The same protocol, described again in other words for the test."
source = "book"
"#;
    std::fs::write(dir.path().join("01-t.toml"), topic).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(["--lang", "en", "check"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "warnings are not errors");
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "warning: the topic \"Protocols\" does not name its members (`member`)",
        "01-t.toml:1:2",
        "warning: the body of \"TCP\" contains its own answer",
        "01-t.toml:8:8",
        "warning: the title \"U.D.P.\" is nearly the same as \"UDP\"",
        "01-t.toml:25:9",
        "3 warnings about the pack",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    let json = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["valid"], true);
    assert_eq!(value["warnings"].as_array().unwrap().len(), 3);
    assert_eq!(value["warnings"][1]["line"], 8);
}
