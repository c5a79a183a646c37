//! The JSON Schemas of docs/ (used by editors through Taplo) against the
//! loader: the shipped pack satisfies them, and the schemas and the loader
//! reject the same bad files.

use std::fs;
use std::path::{Path, PathBuf};

use jsonschema::Validator;
use kisi_core::content::load::load_files;
use serde_json::Value;

const PACK_SCHEMA: &str = "docs/kisi-pack.schema.json";
const TOPIC_SCHEMA: &str = "docs/kisi-topic.schema.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator(schema: &str) -> Validator {
    let text = fs::read_to_string(root().join(schema)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("{e}"));
    jsonschema::draft7::new(&schema).unwrap()
}

/// The TOML document as the JSON value editors validate.
fn to_json(toml_text: &str) -> Value {
    let table: toml::Table = toml::from_str(toml_text).unwrap();
    serde_json::to_value(table).unwrap()
}

/// (keyword, instance path) of every schema error.
fn schema_errors(validator: &Validator, toml_text: &str) -> Vec<(String, String)> {
    let json = to_json(toml_text);
    validator
        .iter_errors(&json)
        .map(|e| (e.kind().keyword().to_owned(), e.instance_path().to_string()))
        .collect()
}

fn content_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

fn is_manifest(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "pack.toml")
}

#[test]
fn the_schemas_are_valid_draft_07() {
    for schema in [PACK_SCHEMA, TOPIC_SCHEMA] {
        let text = fs::read_to_string(root().join(schema)).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["$schema"], "http://json-schema.org/draft-07/schema#");
        validator(schema);
    }
}

#[test]
fn every_shipped_file_validates_against_its_schema() {
    let (pack, topic) = (validator(PACK_SCHEMA), validator(TOPIC_SCHEMA));
    let files = content_files();
    assert!(files.len() > 1);
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let validator = if is_manifest(&path) { &pack } else { &topic };
        let errors = schema_errors(validator, &text);
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

#[test]
fn every_shipped_file_names_its_schema_on_the_first_line() {
    for path in content_files() {
        let text = fs::read_to_string(&path).unwrap();
        let first = text.lines().next().unwrap();
        let schema = if is_manifest(&path) {
            PACK_SCHEMA
        } else {
            TOPIC_SCHEMA
        };
        assert_eq!(first, format!("#:schema ../{schema}"), "{}", path.display());
        // Taplo resolves the path relative to the file.
        assert!(path.parent().unwrap().join("..").join(schema).is_file());
    }
}

const MANIFEST: &str = r#"#:schema ../docs/kisi-pack.schema.json
[pack]
id = "agree-pack"
title = "Agreement"
language = "id"
version = "1.0.0"
description = "Every field of the format, for the agreement tests."
authors = ["A. Author"]

[[sources]]
id = "book"
citation = "Author (2000). Book. Publisher."
url = "https://example.org/book"

[exam]
questions = 10
time_limit_minutes = 20
pass_mark = 75

[[exam.topics]]
topic = "topic-a"
questions = 10
"#;

/// Uses every field of a topic file.
const TOPIC: &str = r#"#:schema ../docs/kisi-topic.schema.json
[topic]
id = "topic-a"
title = "Topic A"
summary = "What topic A is about."

[[entries]]
id = "entry-a"
title = "Entry A"
body = """
Body A,
on two lines."""
ordered = true
english = "entry A"
aliases = ["first entry"]
tags = ["tag-one"]
source = "book"
locator = "p. 1"
note = "A note."
see_also = ["entry-b"]

[[entries.points]]
label = "a"
text = "Point a"

[[entries.points]]
label = "b"
text = "Point b"

[[entries]]
id = "entry-b"
title = "Entry B"
body = "Body B"
source = "book"

[[entries.points]]
text = "An unlabelled point"
"#;

fn loader_result(manifest: &str, topic: &str) -> Result<(), Vec<String>> {
    let files = vec![
        ("pack.toml".to_owned(), manifest.as_bytes().to_vec()),
        ("01-topic-a.toml".to_owned(), topic.as_bytes().to_vec()),
    ];
    load_files(&files).map(|_| ()).map_err(|report| {
        report
            .diagnostics
            .into_iter()
            .map(|d| d.message.to_string())
            .collect()
    })
}

#[test]
fn the_agreement_pack_is_accepted_by_both() {
    loader_result(MANIFEST, TOPIC).unwrap();
    assert_eq!(schema_errors(&validator(PACK_SCHEMA), MANIFEST), []);
    assert_eq!(schema_errors(&validator(TOPIC_SCHEMA), TOPIC), []);
}

/// A bad edit of one file of the agreement pack, and what each side must say.
struct Case {
    name: &'static str,
    in_manifest: bool,
    from: &'static str,
    to: &'static str,
    loader_says: &'static str,
    schema_keyword: &'static str,
    schema_path: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "language that is no BCP 47 tag",
        in_manifest: true,
        from: "language = \"id\"",
        to: "language = \"en_US\"",
        loader_says: "is not a BCP 47 language tag",
        schema_keyword: "pattern",
        schema_path: "/pack/language",
    },
    Case {
        name: "unknown field in [pack]",
        in_manifest: true,
        from: "title = \"Agreement\"",
        to: "titel = \"Agreement\"",
        loader_says: "unknown field `titel`",
        schema_keyword: "additionalProperties",
        schema_path: "/pack",
    },
    Case {
        name: "unknown field in an entry",
        in_manifest: false,
        from: "locator = \"p. 1\"",
        to: "page = \"p. 1\"",
        loader_says: "unknown field `page`",
        schema_keyword: "additionalProperties",
        schema_path: "/entries/0",
    },
    Case {
        name: "unknown field in a point",
        in_manifest: false,
        from: "label = \"b\"",
        to: "letter = \"b\"",
        loader_says: "unknown field `letter`",
        schema_keyword: "additionalProperties",
        schema_path: "/entries/0/points/1",
    },
    Case {
        name: "unknown top-level table",
        in_manifest: false,
        from: "[topic]",
        to: "[extra]\nx = 1\n\n[topic]",
        loader_says: "unknown field `extra`",
        schema_keyword: "additionalProperties",
        schema_path: "",
    },
    Case {
        name: "missing pack description",
        in_manifest: true,
        from: "description = \"Every field of the format, for the agreement tests.\"",
        to: "",
        loader_says: "missing field `description`",
        schema_keyword: "required",
        schema_path: "/pack",
    },
    Case {
        name: "missing source citation",
        in_manifest: true,
        from: "citation = \"Author (2000). Book. Publisher.\"",
        to: "",
        loader_says: "missing field `citation`",
        schema_keyword: "required",
        schema_path: "/sources/0",
    },
    Case {
        name: "missing entry source",
        in_manifest: false,
        from: "body = \"Body B\"\nsource = \"book\"",
        to: "body = \"Body B\"",
        loader_says: "missing field `source`",
        schema_keyword: "required",
        schema_path: "/entries/1",
    },
    Case {
        name: "missing point text",
        in_manifest: false,
        from: "text = \"Point a\"",
        to: "",
        loader_says: "missing field `text`",
        schema_keyword: "required",
        schema_path: "/entries/0/points/0",
    },
    Case {
        name: "no [[sources]]",
        in_manifest: true,
        from: "[[sources]]\nid = \"book\"\ncitation = \"Author (2000). Book. Publisher.\"\nurl = \"https://example.org/book\"\n\n",
        to: "",
        loader_says: "pack.toml has no [[sources]]",
        schema_keyword: "required",
        schema_path: "",
    },
    Case {
        name: "unknown field in [exam]",
        in_manifest: true,
        from: "pass_mark = 75",
        to: "passmark = 75",
        loader_says: "unknown field `passmark` in [exam]",
        schema_keyword: "additionalProperties",
        schema_path: "/exam",
    },
    Case {
        name: "exam pass mark out of range",
        in_manifest: true,
        from: "pass_mark = 75",
        to: "pass_mark = 101",
        loader_says: "`pass_mark` must be from 1 to 100, not 101",
        schema_keyword: "maximum",
        schema_path: "/exam/pass_mark",
    },
    Case {
        name: "exam time limit as a string",
        in_manifest: true,
        from: "time_limit_minutes = 20",
        to: "time_limit_minutes = \"20\"",
        loader_says: "expected a whole number, found a string for `time_limit_minutes`",
        schema_keyword: "type",
        schema_path: "/exam/time_limit_minutes",
    },
    Case {
        name: "exam topic without questions",
        in_manifest: true,
        from: "topic = \"topic-a\"\nquestions = 10",
        to: "topic = \"topic-a\"\nquestions = 0",
        loader_says: "`questions` must be from 1 to 200, not 0",
        schema_keyword: "minimum",
        schema_path: "/exam/topics/0/questions",
    },
    Case {
        name: "empty list of exam topics",
        in_manifest: true,
        from: "[[exam.topics]]\ntopic = \"topic-a\"\nquestions = 10\n",
        to: "topics = []\n",
        loader_says: "`topics` is empty",
        schema_keyword: "minItems",
        schema_path: "/exam/topics",
    },
    Case {
        name: "wrong type: ordered as a string",
        in_manifest: false,
        from: "ordered = true",
        to: "ordered = \"yes\"",
        loader_says: "expected a boolean",
        schema_keyword: "type",
        schema_path: "/entries/0/ordered",
    },
    Case {
        name: "wrong type: version as a number",
        in_manifest: true,
        from: "version = \"1.0.0\"",
        to: "version = 1",
        loader_says: "expected a string",
        schema_keyword: "type",
        schema_path: "/pack/version",
    },
    Case {
        name: "wrong type: tags as a string",
        in_manifest: false,
        from: "tags = [\"tag-one\"]",
        to: "tags = \"tag-one\"",
        loader_says: "expected an array",
        schema_keyword: "type",
        schema_path: "/entries/0/tags",
    },
    Case {
        name: "wrong type: [topic] as a string",
        in_manifest: false,
        from: "[topic]\nid = \"topic-a\"\ntitle = \"Topic A\"\nsummary = \"What topic A is about.\"",
        to: "topic = \"Topic A\"",
        loader_says: "expected a table",
        schema_keyword: "type",
        schema_path: "/topic",
    },
    Case {
        name: "empty topic title",
        in_manifest: false,
        from: "title = \"Topic A\"",
        to: "title = \"\"",
        loader_says: "`title` is empty",
        schema_keyword: "minLength",
        schema_path: "/topic/title",
    },
    Case {
        name: "blank entry title",
        in_manifest: false,
        from: "title = \"Entry B\"",
        to: "title = \"   \"",
        loader_says: "`title` is empty",
        schema_keyword: "pattern",
        schema_path: "/entries/1/title",
    },
    Case {
        name: "empty list of aliases",
        in_manifest: false,
        from: "aliases = [\"first entry\"]",
        to: "aliases = []",
        loader_says: "`aliases` is empty",
        schema_keyword: "minItems",
        schema_path: "/entries/0/aliases",
    },
    Case {
        name: "control character in a note",
        in_manifest: false,
        from: "note = \"A note.\"",
        to: "note = \"A \\u001b[31mnote.\"",
        loader_says: "control character U+001B",
        schema_keyword: "pattern",
        schema_path: "/entries/0/note",
    },
    Case {
        name: "bidi override in a note",
        in_manifest: false,
        from: "note = \"A note.\"",
        to: "note = \"A \\u202Enote.\"",
        loader_says: "bidirectional control character U+202E",
        schema_keyword: "pattern",
        schema_path: "/entries/0/note",
    },
    Case {
        name: "zero-width space in a title",
        in_manifest: false,
        from: "title = \"Entry B\"",
        to: "title = \"Entry\\u200BB\"",
        loader_says: "invisible character U+200B",
        schema_keyword: "pattern",
        schema_path: "/entries/1/title",
    },
    Case {
        name: "entry id of 129 characters",
        in_manifest: false,
        from: "id = \"entry-b\"",
        to: "id = \"entry-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"",
        loader_says: "the id is 129 characters long",
        schema_keyword: "maxLength",
        schema_path: "/entries/1/id",
    },
    Case {
        name: "bad pack id",
        in_manifest: true,
        from: "id = \"agree-pack\"",
        to: "id = \"Agree Pack\"",
        loader_says: "invalid id `Agree Pack`",
        schema_keyword: "pattern",
        schema_path: "/pack/id",
    },
    Case {
        name: "bad source id",
        in_manifest: true,
        from: "id = \"book\"",
        to: "id = \"book_1\"",
        loader_says: "invalid id `book_1`",
        schema_keyword: "pattern",
        schema_path: "/sources/0/id",
    },
    Case {
        name: "bad entry id",
        in_manifest: false,
        from: "id = \"entry-b\"",
        to: "id = \"entry-B\"",
        loader_says: "invalid id `entry-B`",
        schema_keyword: "pattern",
        schema_path: "/entries/1/id",
    },
];

#[test]
fn the_schemas_and_the_loader_reject_the_same_bad_files() {
    let (pack, topic) = (validator(PACK_SCHEMA), validator(TOPIC_SCHEMA));
    for case in CASES {
        let original = if case.in_manifest { MANIFEST } else { TOPIC };
        assert_eq!(
            original.matches(case.from).count(),
            1,
            "{}: `from` must occur once",
            case.name
        );
        let broken = original.replacen(case.from, case.to, 1);
        let (manifest, topic_file) = if case.in_manifest {
            (broken.as_str(), TOPIC)
        } else {
            (MANIFEST, broken.as_str())
        };

        let messages = loader_result(manifest, topic_file)
            .expect_err(&format!("{}: the loader accepted it", case.name));
        assert!(
            messages.iter().any(|m| m.contains(case.loader_says)),
            "{}: loader said {messages:?}",
            case.name
        );

        let validator = if case.in_manifest { &pack } else { &topic };
        let errors = schema_errors(validator, &broken);
        assert!(
            errors
                .iter()
                .any(|(keyword, path)| keyword == case.schema_keyword && path == case.schema_path),
            "{}: schema said {errors:?}",
            case.name
        );
    }
}

/// Each kind of hand-written question, as the schema describes it.
const QUESTIONS: &str = r#"
[[questions]]
id = "q-choice"
entry = "entry-a"
kind = "choice"
prompt = "Which?"
options = ["Point a", "Point b"]
answer = "Point a"
explanation = "Because."

[[questions]]
id = "q-true-false"
entry = "entry-a"
kind = "true-false"
prompt = "True?"
answer = true

[[questions]]
id = "q-typed"
entry = "entry-b"
kind = "typed"
prompt = "Name it."
answers = ["An unlabelled point", "unlabelled"]

[[questions]]
id = "q-select"
entry = "entry-a"
prompt = "Which?"
options = ["Point a", "Point b", "Point c"]
correct = [0, 2]
shuffle = false

[[questions]]
id = "q-pairs"
entry = "entry-a"
prompt = "Match."
pairs = [["a", "1"], ["b", "2"]]

[[questions]]
id = "q-order"
entry = "entry-b"
kind = "ordering"
prompt = "In order."
items = ["one", "two", "three"]
ordered = true
"#;

#[test]
fn each_kind_of_question_is_accepted_by_both() {
    let topic_file = format!("{TOPIC}{QUESTIONS}");
    loader_result(MANIFEST, &topic_file).unwrap();
    assert_eq!(schema_errors(&validator(TOPIC_SCHEMA), &topic_file), []);
}

/// Each case (from, to, what the loader says, schema keyword, schema path)
/// breaks [`QUESTIONS`] one way; the loader and the schema must both say so.
fn reject_alike(cases: &[(&str, &str, &str, &str, &str)]) {
    let topic = validator(TOPIC_SCHEMA);
    for &(from, to, loader_says, keyword, path) in cases {
        assert_eq!(QUESTIONS.matches(from).count(), 1, "{from}");
        let broken = format!("{TOPIC}{}", QUESTIONS.replacen(from, to, 1));
        let messages = loader_result(MANIFEST, &broken)
            .expect_err(&format!("{from} -> {to}: the loader accepted it"));
        assert!(
            messages.iter().any(|m| m.contains(loader_says)),
            "{from} -> {to}: loader said {messages:?}"
        );
        let errors = schema_errors(&topic, &broken);
        assert!(
            errors.iter().any(|(k, p)| k == keyword && p == path),
            "{from} -> {to}: schema said {errors:?}"
        );
    }
}

#[test]
fn the_schemas_and_the_loader_reject_the_same_bad_questions_of_the_new_kinds() {
    reject_alike(&[
        (
            "correct = [0, 2]",
            "correct = [0, 2]\nanswer = \"Point a\"",
            "`answer` and `correct`",
            "oneOf",
            "/questions/3",
        ),
        (
            "shuffle = false",
            "shuffle = false\nitems = [\"x\", \"y\"]",
            "`items` is not used by a choice question",
            "falseSchema",
            "/questions/3/items",
        ),
        (
            "pairs = [[\"a\", \"1\"], [\"b\", \"2\"]]",
            "pairs = [[\"a\", \"1\"]]",
            "`pairs` needs 2 to 6",
            "minItems",
            "/questions/4/pairs",
        ),
        (
            "ordered = true",
            "ordered = false",
            "`ordered = false` makes a list-all question",
            "const",
            "/questions/5/ordered",
        ),
    ]);
}

#[test]
fn the_schemas_and_the_loader_reject_the_same_bad_questions() {
    // (from, to, what the loader says, schema keyword, schema path)
    let cases = [
        (
            "answer = true",
            "answer = \"yes\"",
            "expected a boolean",
            "type",
            "/questions/1/answer",
        ),
        (
            "answer = \"Point a\"",
            "answer = false",
            "expected a string",
            "type",
            "/questions/0/answer",
        ),
        (
            "answer = \"Point a\"\n",
            "answer = \"Point a\"\nanswers = [\"Point a\"]\n",
            "`answers`",
            "falseSchema",
            "/questions/0/answers",
        ),
        (
            "answer = true\n",
            "",
            "`answer`",
            "required",
            "/questions/1",
        ),
        (
            "answers = [\"An unlabelled point\", \"unlabelled\"]",
            "options = [\"x\", \"y\"]",
            "`answers`",
            "required",
            "/questions/2",
        ),
        (
            "kind = \"typed\"",
            "kind = \"open\"",
            "`open`",
            "enum",
            "/questions/2/kind",
        ),
        (
            "options = [\"Point a\", \"Point b\"]",
            "options = [\"Point a\"]",
            "option",
            "minItems",
            "/questions/0/options",
        ),
        (
            "options = [\"Point a\", \"Point b\"]",
            "options = [\"Point a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\"]",
            "option",
            "maxItems",
            "/questions/0/options",
        ),
        (
            "prompt = \"True?\"",
            "prompt = \" \"",
            "`prompt` is empty",
            "pattern",
            "/questions/1/prompt",
        ),
        (
            "id = \"q-typed\"",
            "id = \"Q typed\"",
            "invalid id `Q typed`",
            "pattern",
            "/questions/2/id",
        ),
        (
            "explanation = \"Because.\"",
            "explain = \"Because.\"",
            "unknown field `explain`",
            "additionalProperties",
            "/questions/0",
        ),
    ];
    reject_alike(&cases);
}

#[test]
fn the_starter_pack_of_kisi_new_validates_against_the_schemas_it_carries() {
    use kisi_core::i18n::Lang;
    let (pack, topic) = (validator(PACK_SCHEMA), validator(TOPIC_SCHEMA));
    for (lang, topic_file) in [(Lang::Id, "01-contoh.toml"), (Lang::En, "01-example.toml")] {
        let tmp = tempfile::tempdir().unwrap();
        kisi_core::authoring::starter::write_starter(tmp.path(), lang).unwrap();
        for name in ["pack.toml", topic_file] {
            let text = fs::read_to_string(tmp.path().join(name)).unwrap();
            let validator = if name == "pack.toml" { &pack } else { &topic };
            assert_eq!(schema_errors(validator, &text), [], "{name}");
            assert!(to_json(&text).get("questions").is_some() || name == "pack.toml");
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    kisi_core::authoring::starter::write_starter(tmp.path(), Lang::Id).unwrap();
    for schema in [PACK_SCHEMA, TOPIC_SCHEMA] {
        let file_name = Path::new(schema).file_name().unwrap();
        assert_eq!(
            fs::read(tmp.path().join("schema").join(file_name)).unwrap(),
            fs::read(root().join(schema)).unwrap()
        );
    }
}
