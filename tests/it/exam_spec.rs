//! The `[exam]` table of pack.toml: one test per kind of problem (message,
//! place, help), valid tables read back, and the agreement with
//! `ExamBlueprint::for_pack`, which must accept every pack the loader does.

use std::path::Path;

use kisi_core::content::diagnostic::{Diagnostic, Report};
use kisi_core::content::load::{load_dir, load_files};
use kisi_core::content::{ExamSpec, ExamTopic, Pack};
use kisi_core::progress::ExamBlueprint;

const MANIFEST: &str = r#"[pack]
id = "exam-pack"
title = "Exam pack"
language = "id"
version = "1.0.0"
description = "A pack for the [exam] tests"

[[sources]]
id = "book"
citation = "Author (2000). Book. Publisher."
"#;

/// Three entries: the law.
const LAW: &str = r#"[topic]
id = "uu-11-2009"
title = "The law"

[[entries]]
id = "pasal-1"
title = "Pasal 1"
body = "Body"
source = "book"

[[entries]]
id = "pasal-2"
title = "Pasal 2"
body = "Body"
source = "book"

[[entries]]
id = "pasal-3"
title = "Pasal 3"
body = "Body"
source = "book"
"#;

/// One entry: the roles.
const ROLES: &str = r#"[topic]
id = "peran"
title = "Roles"

[[entries]]
id = "peran-broker"
title = "Broker"
body = "Body"
source = "book"
"#;

/// The line of pack.toml on which line 1 of the `[exam]` text starts.
fn first_exam_line() -> usize {
    MANIFEST.lines().count() + 2
}

fn load(exam: &str) -> Result<Pack, Report> {
    load_manifest(&format!("{MANIFEST}\n{exam}"))
}

fn load_manifest(manifest: &str) -> Result<Pack, Report> {
    load_files(&[
        ("pack.toml".to_owned(), manifest.as_bytes().to_vec()),
        ("01-law.toml".to_owned(), LAW.as_bytes().to_vec()),
        ("02-roles.toml".to_owned(), ROLES.as_bytes().to_vec()),
    ])
}

fn errors(exam: &str) -> Vec<Diagnostic> {
    match load(exam) {
        Ok(pack) => panic!("expected errors, got {:?}", pack.exam),
        Err(report) => report.diagnostics,
    }
}

/// The single error of `exam`, checked: its message, its place (line of the
/// `[exam]` text, column) in pack.toml, and that its help says `help`.
fn only_error(exam: &str, message: &str, line: usize, column: usize, help: &str) -> Diagnostic {
    let mut errors = errors(exam);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let error = errors.remove(0);
    assert_eq!(error.message, message, "{error:#?}");
    assert_eq!(
        (error.file.as_str(), error.line, error.column),
        ("pack.toml", first_exam_line() + line - 1, column),
        "{error:#?}"
    );
    let given = error.help.as_deref().unwrap_or_default();
    assert!(given.contains(help), "help: {given}");
    error
}

/// The blueprint of a pack the loader accepted; it must exist.
fn blueprint(exam: &str) -> (Pack, ExamBlueprint) {
    let pack = load(exam).unwrap_or_else(|report| panic!("{exam}\n{report}"));
    let blueprint = ExamBlueprint::for_pack(&pack)
        .unwrap_or_else(|e| panic!("the loader accepted it, for_pack did not: {e}\n{exam}"));
    assert_eq!(
        blueprint.per_topic.iter().map(|t| t.1).sum::<usize>(),
        blueprint.questions,
        "{exam}"
    );
    (pack, blueprint)
}

#[test]
fn a_full_exam_table_is_read_back_and_makes_its_blueprint() {
    let exam = r#"[exam]
questions = 12
time_limit_minutes = 45
pass_mark = 80

[[exam.topics]]
topic = "peran"
questions = 5

[[exam.topics]]
topic = "uu-11-2009"
questions = 7
"#;
    let (pack, blueprint) = blueprint(exam);
    assert_eq!(
        pack.exam,
        Some(ExamSpec {
            questions: Some(12),
            time_limit_minutes: Some(45),
            pass_mark: Some(80),
            topics: vec![
                ExamTopic {
                    topic: "peran".to_owned(),
                    questions: 5
                },
                ExamTopic {
                    topic: "uu-11-2009".to_owned(),
                    questions: 7
                },
            ],
        })
    );
    assert_eq!(blueprint.questions, 12);
    assert_eq!(
        blueprint.per_topic,
        vec![("uu-11-2009".to_owned(), 7), ("peran".to_owned(), 5)]
    );
    assert_eq!(blueprint.time_limit.as_secs(), 45 * 60);
    assert_eq!(blueprint.pass_mark, 80);
}

#[test]
fn without_an_exam_table_the_default_blueprint_applies() {
    let pack = load("").unwrap();
    assert_eq!(pack.exam, None);
    let (pack_with_empty_table, from_empty_table) = blueprint("[exam]\n");
    assert_eq!(pack_with_empty_table.exam, Some(ExamSpec::default()));
    let default = ExamBlueprint::default_for(&pack, 20);
    assert_eq!(ExamBlueprint::for_pack(&pack).unwrap(), default);
    assert_eq!(from_empty_table, default);
    assert_eq!(default.time_limit.as_secs(), 30 * 60);
    assert_eq!(default.pass_mark, 70);
    // 20 questions by entries: 3 to 1.
    assert_eq!(
        default.per_topic,
        vec![("uu-11-2009".to_owned(), 15), ("peran".to_owned(), 5)]
    );
}

#[test]
fn every_valid_exam_table_makes_a_blueprint() {
    let valid = [
        "[exam]\nquestions = 1\n",
        "[exam]\nquestions = 200\ntime_limit_minutes = 600\npass_mark = 100\n",
        "[exam]\ntime_limit_minutes = 1\npass_mark = 1\n",
        // A listed topic takes its share; the other one the rest.
        "[exam]\nquestions = 10\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 4\n",
        // Without `questions` the listed topics share the default 20.
        "[exam]\n[[exam.topics]]\ntopic = \"uu-11-2009\"\nquestions = 20\n",
        // Every topic listed, adding up exactly.
        "[exam]\nquestions = 3\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 1\n\
         [[exam.topics]]\ntopic = \"uu-11-2009\"\nquestions = 2\n",
        // The inline form of the list.
        "[exam]\nquestions = 3\ntopics = [{ topic = \"peran\", questions = 3 }]\n",
    ];
    for exam in valid {
        blueprint(exam);
    }
    let (_, listed) = blueprint(valid[3]);
    assert_eq!(
        listed.per_topic,
        vec![("uu-11-2009".to_owned(), 6), ("peran".to_owned(), 4)]
    );
    // A topic left out of a list that adds up to the total gets nothing.
    let (_, inline) = blueprint(valid[6]);
    assert_eq!(inline.per_topic, vec![("peran".to_owned(), 3)]);
}

#[test]
fn the_built_in_pack_has_an_exam_that_makes_its_blueprint() {
    let pack = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).unwrap();
    let spec = pack.exam.as_ref().expect("content/pack.toml has an [exam]");
    assert_eq!(spec.questions, Some(20));
    let blueprint = ExamBlueprint::for_pack(&pack).unwrap();
    assert_eq!(blueprint.questions, 20);
    assert_eq!(blueprint.time_limit.as_secs(), 30 * 60);
    assert_eq!(blueprint.pass_mark, 70);
    assert_eq!(blueprint.per_topic.len(), pack.topics.len());
    let count = |id: &str| blueprint.per_topic.iter().find(|t| t.0 == id).unwrap().1;
    // The law and the settings are asked most.
    for other in ["peran", "fungsi", "glosarium"] {
        assert!(count("uu-11-2009") > count(other));
        assert!(count("bidang-garapan") > count(other));
    }
}

#[test]
fn an_unknown_field_suggests_the_closest_one() {
    only_error(
        "[exam]\npass_mrak = 70\n",
        "unknown field `pass_mrak` in [exam]",
        2,
        1,
        "did you mean `pass_mark`?",
    );
    let errors = errors("[exam]\n[[exam.topics]]\ntopic = \"peran\"\nquestion = 1\n");
    let unknown = errors
        .iter()
        .find(|e| e.message == "unknown field `question` in [[exam.topics]]")
        .unwrap();
    assert_eq!(unknown.help.as_deref(), Some("did you mean `questions`?"));
    assert_eq!(unknown.line, first_exam_line() + 3);
    let missing = errors
        .iter()
        .find(|e| e.message == "missing field `questions` in [[exam.topics]]")
        .unwrap();
    assert_eq!(missing.line, first_exam_line() + 1);
}

#[test]
fn a_wrong_type_names_both_types() {
    only_error(
        "[exam]\nquestions = \"20\"\n",
        "expected a whole number, found a string for `questions`",
        2,
        13,
        "write `questions` as a whole number",
    );
    only_error(
        "[exam]\npass_mark = 70.5\n",
        "expected a whole number, found a float for `pass_mark`",
        2,
        13,
        "whole number",
    );
    only_error(
        "[exam]\ntopics = \"peran\"\n",
        "expected an array, found a string for `topics`",
        2,
        10,
        "write `topics` as an array",
    );
}

#[test]
fn an_exam_that_is_not_a_table_is_reported() {
    let report = load_manifest(&format!("exam = true\n{MANIFEST}")).unwrap_err();
    let [error] = report.diagnostics.as_slice() else {
        panic!("{report}");
    };
    assert_eq!(
        error.message,
        "expected a table ([exam]), found a boolean for `exam`"
    );
    assert_eq!((error.line, error.column), (1, 8));
    assert_eq!(
        error.help.as_deref(),
        Some("write `exam` as a table ([exam])")
    );
}

#[test]
fn numbers_out_of_range_point_at_the_value() {
    let cases = [
        ("questions = 0", "`questions` must be from 1 to 200, not 0"),
        (
            "questions = 201",
            "`questions` must be from 1 to 200, not 201",
        ),
        (
            "time_limit_minutes = 601",
            "`time_limit_minutes` must be from 1 to 600, not 601",
        ),
        ("pass_mark = 0", "`pass_mark` must be from 1 to 100, not 0"),
        (
            "pass_mark = -5",
            "`pass_mark` must be from 1 to 100, not -5",
        ),
        (
            "pass_mark = 256",
            "`pass_mark` must be from 1 to 100, not 256",
        ),
    ];
    for (line, message) in cases {
        let column = line.find('=').unwrap() + 3;
        let error = only_error(&format!("[exam]\n{line}\n"), message, 2, column, "");
        let help = error.help.unwrap();
        assert!(help.starts_with('`'), "says what the field means: {help}");
        assert!(help.contains("write a whole number from 1 to"), "{help}");
    }
    only_error(
        "[exam]\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 0\n",
        "`questions` must be from 1 to 200, not 0",
        4,
        13,
        "leave it out",
    );
}

#[test]
fn all_problems_of_the_table_are_reported_at_once() {
    let errors = errors("[exam]\nquestions = 0\ntime_limit_minutes = 0\npass_mark = 101\n");
    let lines: Vec<usize> = errors.iter().map(|e| e.line - first_exam_line()).collect();
    assert_eq!(lines, [1, 2, 3], "{errors:#?}");
}

#[test]
fn an_unknown_topic_suggests_the_closest_id() {
    only_error(
        "[exam]\n[[exam.topics]]\ntopic = \"uu-11-2090\"\nquestions = 2\n",
        "unknown topic `uu-11-2090` in [exam]",
        3,
        9,
        "did you mean `uu-11-2009`?",
    );
    only_error(
        "[exam]\n[[exam.topics]]\ntopic = \"glosarium\"\nquestions = 2\n",
        "unknown topic `glosarium` in [exam]",
        3,
        9,
        "the id of a [topic] of this pack: `uu-11-2009`, `peran`",
    );
}

#[test]
fn an_entry_id_is_not_a_topic() {
    only_error(
        "[exam]\n[[exam.topics]]\ntopic = \"pasal-1\"\nquestions = 2\n",
        "`pasal-1` is an entry, not a topic",
        3,
        9,
        "name the topic it belongs to",
    );
}

#[test]
fn a_topic_listed_twice_points_at_both() {
    let error = only_error(
        "[exam]\nquestions = 4\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 1\n\
         [[exam.topics]]\ntopic = \"peran\"\nquestions = 2\n",
        "topic `peran` is listed twice in [exam]",
        7,
        9,
        "list each topic once",
    );
    assert_eq!(error.related.len(), 1);
    assert_eq!(error.related[0].line, first_exam_line() + 3);
    assert_eq!(error.related[0].label, "first listed here");
}

#[test]
fn topics_asking_for_more_than_the_exam_point_at_its_questions_and_the_list() {
    let error = only_error(
        "[exam]\nquestions = 5\n\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 2\n\n\
         [[exam.topics]]\ntopic = \"uu-11-2009\"\nquestions = 4\n",
        "the topics of [exam] ask for 6 questions, more than the 5 of the exam",
        2,
        13,
        "give the topics fewer questions, or set `questions = 6`",
    );
    assert_eq!(error.label, "the exam has 5 questions");
    assert_eq!(error.related.len(), 1);
    assert_eq!(
        (error.related[0].line, error.related[0].column),
        (first_exam_line() + 3, 1)
    );
    assert_eq!(error.related[0].label, "these topics ask for 6 questions");
}

#[test]
fn without_questions_the_default_total_is_compared_at_the_header() {
    only_error(
        "[exam]\npass_mark = 60\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 21\n",
        "the topics of [exam] ask for 21 questions, more than the 20 of the exam",
        1,
        1,
        "add `questions = 21` to [exam]",
    );
}

#[test]
fn when_every_topic_is_listed_they_must_add_up_to_the_total() {
    let error = only_error(
        "[exam]\nquestions = 10\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 2\n\
         [[exam.topics]]\ntopic = \"uu-11-2009\"\nquestions = 3\n",
        "the topics of [exam] ask for 5 questions, fewer than the 10 of the exam",
        2,
        13,
        "none is left to take the other 5; set `questions = 5`",
    );
    assert_eq!(error.related.len(), 1);
}

#[test]
fn an_empty_list_of_topics_is_reported() {
    only_error(
        "[exam]\ntopics = []\n",
        "`topics` is empty",
        2,
        10,
        "add at least one item, or remove `topics`",
    );
}

#[test]
fn a_wrong_total_is_not_compared_with_the_topics() {
    // Only the range is reported, not a follow-up about the sum.
    only_error(
        "[exam]\nquestions = 0\n[[exam.topics]]\ntopic = \"peran\"\nquestions = 3\n",
        "`questions` must be from 1 to 200, not 0",
        2,
        13,
        "",
    );
}
