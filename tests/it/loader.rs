//! Loading packs: one test per kind of problem, robustness against hostile
//! input, and property tests that the loader never panics.

use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use kisi_core::content::diagnostic::{Diagnostic, Report};
use kisi_core::content::load::{MAX_FILE_SIZE, load_dir, load_files};
use kisi_core::i18n::Lang;
use proptest::prelude::*;

use crate::common;

use common::files::MANIFEST;

const TOPIC: &str = r#"[topic]
id = "topic-a"
title = "Topic A"

[[entries]]
id = "entry-a"
title = "Entry A"
body = "Body A"
source = "book"
see_also = ["entry-b"]

[[entries]]
id = "entry-b"
title = "Entry B"
body = "Body B"
source = "book"
"#;

fn files(pairs: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
    pairs
        .iter()
        .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
        .collect()
}

/// The manifest plus one topic file `01-a.toml` with `topic`.
fn with_topic(topic: &str) -> Vec<(String, Vec<u8>)> {
    files(&[("pack.toml", MANIFEST), ("01-a.toml", topic)])
}

fn report(files: &[(String, Vec<u8>)]) -> Report {
    match load_files(files) {
        Ok(pack) => panic!("expected errors, got a pack: {pack:?}"),
        Err(report) => report,
    }
}

/// The single diagnostic of loading `files`.
fn only_error(files: &[(String, Vec<u8>)]) -> Diagnostic {
    let report = report(files);
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    report.diagnostics.into_iter().next().unwrap()
}

fn assert_at(d: &Diagnostic, file: &str, line: usize, column: usize) {
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        (file, line, column),
        "{d:#?}"
    );
}

#[test]
fn a_valid_pack_loads_with_topics_in_file_name_order() {
    let second = TOPIC
        .replace("topic-a", "topic-b")
        .replace("entry-a", "entry-c")
        .replace("entry-b", "entry-d");
    let pack = load_files(&files(&[
        ("02-b.toml", &second),
        ("pack.toml", MANIFEST),
        ("01-a.toml", TOPIC),
        ("notes.txt", "not toml, ignored"),
    ]))
    .unwrap();
    assert_eq!(pack.meta.id, "test-pack");
    assert_eq!(pack.sources[0].citation, "Author (2000). Book. Publisher.");
    let topics: Vec<_> = pack.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(topics, ["topic-a", "topic-b"]);
    assert_eq!(
        pack.topics[0].entries[0].see_also,
        Box::from(["entry-b".into()])
    );
    assert_eq!(pack.entry_count(), 4);
}

#[test]
fn all_optional_fields_are_read() {
    let topic = r#"[topic]
id = "t"
title = "T"
summary = "S"

[[entries]]
id = "e"
title = "E"
body = """
Line one
line two"""
ordered = true
english = "E in English"
aliases = ["alias"]
tags = ["tag"]
source = "book"
locator = "p. 3"
note = "N"

[[entries.points]]
label = "a"
text = "first"

[[entries.points]]
text = "second"
"#;
    let pack = load_files(&with_topic(topic)).unwrap();
    let entry = &pack.topics[0].entries[0];
    assert_eq!(pack.topics[0].summary.as_deref(), Some("S"));
    assert_eq!(&*entry.body, "Line one\nline two");
    assert!(entry.ordered);
    assert_eq!(entry.english.as_deref(), Some("E in English"));
    assert_eq!(entry.aliases, Box::from(["alias".into()]));
    assert_eq!(entry.tags, Box::from(["tag".into()]));
    assert_eq!(entry.locator.as_deref(), Some("p. 3"));
    assert_eq!(entry.note.as_deref(), Some("N"));
    assert_eq!(entry.points.len(), 2);
    assert_eq!(entry.points[0].label.as_deref(), Some("a"));
    assert_eq!(entry.points[1].label, None);
    assert_eq!(&*entry.points[1].text, "second");
}

#[test]
fn syntax_error_points_at_the_broken_place() {
    let topic = TOPIC.replace("title = \"Entry B\"", "title = \"Entry B");
    let d = only_error(&with_topic(&topic));
    assert!(d.message.starts_with("invalid TOML"), "{}", d.message);
    // The parser notices the missing quote at the end of the line.
    assert_at(&d, "01-a.toml", 14, 17);
    assert!(d.help.is_some());
}

#[test]
fn duplicate_toml_key_is_a_syntax_error() {
    let topic = TOPIC.replace("body = \"Body A\"", "body = \"Body A\"\nbody = \"again\"");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "duplicate key `body`");
    assert_at(&d, "01-a.toml", 9, 1);
    // The first place is shown too.
    assert_eq!(d.related.len(), 1, "{d:?}");
    assert_eq!((d.related[0].line, d.related[0].column), (8, 1));
    assert_eq!(d.related[0].label, "first written here");
}

#[test]
fn a_duplicate_key_in_another_table_is_not_taken_for_the_first() {
    // `body` of the first entry is not the first `body` of the second one.
    let topic = format!("{TOPIC}\n[[entries]]\nid = \"e2\"\nbody = \"x\"\nbody = \"y\"\n");
    let d = report(&with_topic(&topic))
        .diagnostics
        .into_iter()
        .find(|d| d.message.starts_with("duplicate key"))
        .unwrap();
    let first = &d.related[0];
    assert_eq!(first.line + 1, d.line, "{d:?}");
}

#[test]
fn unknown_field_suggests_the_closest_name() {
    let topic = TOPIC.replace(
        "title = \"Entry A\"",
        "titel = \"Entry A\"\ntitle = \"Entry A\"",
    );
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "unknown field `titel` in [[entries]]");
    assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
    assert_at(&d, "01-a.toml", 7, 1);
}

#[test]
fn unknown_field_without_a_close_name_lists_the_fields() {
    let d = only_error(&files(&[
        ("pack.toml", &format!("{MANIFEST}\n[extra]\nx = 1\n")),
        ("01-a.toml", TOPIC),
    ]));
    assert_eq!(d.message, "unknown field `extra` in pack.toml");
    assert!(
        d.help.as_deref().unwrap().contains("pack, sources"),
        "{d:?}"
    );
    assert_at(&d, "pack.toml", 12, 2);
}

#[test]
fn missing_required_field_points_at_the_table_header() {
    let topic = TOPIC.replace("body = \"Body B\"\n", "");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "missing field `body` in [[entries]]");
    assert_at(&d, "01-a.toml", 12, 1);
    assert!(d.help.as_deref().unwrap().contains("body = "), "{d:?}");
}

#[test]
fn missing_pack_table_is_reported() {
    let manifest = MANIFEST.replace("[pack]", "[pak]");
    let report = report(&files(&[("pack.toml", &manifest), ("01-a.toml", TOPIC)]));
    let messages: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.contains(&"missing table [pack] in the manifest"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"unknown field `pak` in pack.toml"),
        "{messages:?}"
    );
}

#[test]
fn missing_sources_is_reported() {
    let manifest = MANIFEST.split("[[sources]]").next().unwrap();
    let d = only_error(&files(&[("pack.toml", manifest), ("01-a.toml", TOPIC)]));
    assert_eq!(d.message, "pack.toml has no [[sources]]");
    assert_at(&d, "pack.toml", 1, 1);
}

#[test]
fn wrong_type_names_both_types() {
    let topic = TOPIC.replace("title = \"Entry B\"", "title = 3");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "expected a string, found an integer for `title`");
    assert_at(&d, "01-a.toml", 14, 9);
}

#[test]
fn wrong_type_for_a_table() {
    let manifest = MANIFEST.replace("[[sources]]", "[sources]");
    let d = only_error(&files(&[("pack.toml", &manifest), ("01-a.toml", TOPIC)]));
    assert_eq!(d.message, "expected an array, found a table for `sources`");
    assert_at(&d, "pack.toml", 8, 1);
}

#[test]
fn duplicate_id_across_files_points_at_both_definitions() {
    let second = TOPIC
        .replace("topic-a", "topic-b")
        .replace("entry-b", "entry-c");
    let d = only_error(&files(&[
        ("pack.toml", MANIFEST),
        ("01-a.toml", TOPIC),
        ("02-b.toml", &second),
    ]));
    assert_eq!(d.message, "duplicate entry id `entry-a`");
    assert_at(&d, "02-b.toml", 6, 6);
    assert_eq!(d.related.len(), 1);
    let first = &d.related[0];
    assert_eq!(
        (first.file.as_str(), first.line, first.column),
        ("01-a.toml", 6, 6)
    );
    assert_eq!(first.label, "first defined here");
}

#[test]
fn entry_may_not_reuse_a_topic_id() {
    let topic = TOPIC
        .replace("id = \"entry-b\"", "id = \"topic-a\"")
        .replace("see_also = [\"entry-b\"]", "");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "duplicate id `topic-a`");
    assert!(d.help.as_deref().unwrap().contains("share one set of ids"));
    assert_eq!(d.related[0].line, 2);
}

#[test]
fn duplicate_source_id_is_reported() {
    let manifest = format!("{MANIFEST}\n[[sources]]\nid = \"book\"\ncitation = \"Other\"\n");
    let d = only_error(&files(&[("pack.toml", &manifest), ("01-a.toml", TOPIC)]));
    assert_eq!(d.message, "duplicate source id `book`");
    assert_at(&d, "pack.toml", 13, 6);
    assert_eq!(d.related[0].line, 9);
}

#[test]
fn empty_title_is_reported() {
    let topic = TOPIC.replace("title = \"Topic A\"", "title = \"  \"");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "`title` is empty");
    assert_at(&d, "01-a.toml", 3, 9);
}

#[test]
fn empty_list_is_reported() {
    let topic = format!("{TOPIC}points = []\n");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "`points` is empty");
    assert_at(&d, "01-a.toml", 17, 10);
}

#[test]
fn topic_file_without_entries_is_reported() {
    let d = only_error(&with_topic("[topic]\nid = \"t\"\ntitle = \"T\"\n"));
    assert_eq!(d.message, "this topic file has no entries");
    assert_at(&d, "01-a.toml", 1, 1);
}

#[test]
fn unknown_source_suggests_a_close_id() {
    let topic = TOPIC.replacen("source = \"book\"", "source = \"bok\"", 1);
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "unknown source `bok`");
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `book`? The sources are: `book`")
    );
    assert_at(&d, "01-a.toml", 9, 10);
}

#[test]
fn unknown_see_also_is_reported() {
    let topic = TOPIC.replace("see_also = [\"entry-b\"]", "see_also = [\"entry-x\"]");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "unknown entry `entry-x` in see_also");
    assert_at(&d, "01-a.toml", 10, 13);
}

#[test]
fn see_also_must_name_an_entry_not_a_topic() {
    let topic = TOPIC.replace("see_also = [\"entry-b\"]", "see_also = [\"topic-a\"]");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "`topic-a` is a topic, not an entry");
}

#[test]
fn see_also_must_not_name_the_entry_itself() {
    let topic = TOPIC.replace("see_also = [\"entry-b\"]", "see_also = [\"entry-a\"]");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "an entry lists itself in see_also");
}

#[test]
fn invalid_id_is_reported_with_a_valid_suggestion() {
    let topic = TOPIC
        .replace("\"entry-b\"", "\"Entry_B\"")
        .replace("see_also = [\"Entry_B\"]", "");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "invalid id `Entry_B`");
    assert!(d.help.as_deref().unwrap().contains("`entry-b`"), "{d:?}");
    assert_at(&d, "01-a.toml", 13, 6);
}

#[test]
fn duplicate_point_labels_are_reported() {
    let topic = format!(
        "{TOPIC}\n[[entries.points]]\nlabel = \"a\"\ntext = \"x\"\n\n[[entries.points]]\nlabel = \"a\"\ntext = \"y\"\n"
    );
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "duplicate point label `a`");
    assert_at(&d, "01-a.toml", 23, 9);
    assert_eq!(d.related[0].line, 19);
}

#[test]
fn control_character_escape_in_a_string_is_rejected() {
    let topic = TOPIC.replace("Body A", "red \\u001b[31m text");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "`body` contains the control character U+001B");
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .contains("terminal control codes")
    );
    assert_at(&d, "01-a.toml", 8, 8);
}

#[test]
fn control_characters_in_keys_are_escaped_in_messages() {
    let topic = format!("{TOPIC}\"\\u001b[2J\" = 1\n");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "unknown field `\\u{1b}[2J` in [[entries]]");
}

#[test]
fn raw_c1_control_character_is_rejected() {
    let topic = TOPIC.replace("Body A", "csi \u{9b}31m");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "`body` contains the control character U+009B");
}

#[test]
fn escaped_carriage_return_alone_is_rejected() {
    let topic = TOPIC.replace("Body A", "a\\rb");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "`body` contains the control character U+000D");
}

#[test]
fn crlf_files_load_and_multiline_strings_use_plain_newlines() {
    let topic = TOPIC.replace(
        "body = \"Body A\"",
        "body = \"\"\"\nline one\nline two\"\"\"",
    );
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let pack = load_files(&files(&[
        ("pack.toml", &crlf(MANIFEST)),
        ("01-a.toml", &crlf(&topic)),
    ]))
    .unwrap();
    assert_eq!(&*pack.topics[0].entries[0].body, "line one\nline two");
    assert_eq!(pack.meta.title, "Test pack");
}

#[test]
fn non_utf8_points_at_the_first_invalid_byte() {
    let mut bytes = TOPIC.as_bytes().to_vec();
    let at = TOPIC.find("Body A").unwrap() + 2;
    bytes[at] = 0xff;
    let d = only_error(&[
        ("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
        ("01-a.toml".to_owned(), bytes),
    ]);
    assert_eq!(d.message, "the file is not valid UTF-8");
    assert_eq!(d.label, "invalid byte 0xFF");
    assert_at(&d, "01-a.toml", 8, 11);
}

#[test]
fn no_manifest_says_how_to_create_one() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("01-a.toml"), TOPIC).unwrap();
    let report = load_dir(dir.path()).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = &report.diagnostics[0];
    assert_eq!(d.message, "no manifest: the pack has no pack.toml");
    assert_eq!(d.file, dir.path().join("pack.toml").display().to_string());
    assert_eq!((d.line, d.column), (0, 0));
    assert!(d.help.as_deref().unwrap().contains("create pack.toml"));
}

#[test]
fn pack_without_topic_files_is_reported() {
    let d = only_error(&files(&[("pack.toml", MANIFEST)]));
    assert_eq!(d.message, "the pack has no topic files");
    assert_at(&d, "pack.toml", 0, 0);
}

#[test]
fn second_manifest_is_reported() {
    let report = report(&files(&[
        ("a/pack.toml", MANIFEST),
        ("b/pack.toml", MANIFEST),
        ("a/01-a.toml", TOPIC),
    ]));
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert_eq!(report.diagnostics[0].message, "a second manifest");
    assert_eq!(report.diagnostics[0].file, "b/pack.toml");
}

#[test]
fn missing_folder_is_reported_without_a_position() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let report = load_dir(&missing).unwrap_err();
    let d = &report.diagnostics[0];
    assert!(
        d.message.starts_with("cannot read the pack folder"),
        "{}",
        d.message
    );
    assert_at(d, &missing.display().to_string(), 0, 0);
    let text = report.render(false, Lang::En);
    assert!(
        text.contains(&format!("--> {}", missing.display())),
        "{text}"
    );
}

#[test]
fn load_dir_reads_top_level_toml_files_and_shows_joined_paths() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
    fs::write(dir.path().join("01-a.toml"), TOPIC.replace("Entry A", "")).unwrap();
    fs::write(dir.path().join("README.md"), "ignored").unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub").join("02-b.toml"), "not = [valid").unwrap();
    let d = &load_dir(dir.path()).unwrap_err().diagnostics;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].file,
        dir.path().join("01-a.toml").display().to_string()
    );
    assert_eq!(d[0].message, "`title` is empty");
}

#[test]
fn load_dir_shows_the_lines_of_files_with_problems_found_across_files() {
    // Files are dropped once read; a duplicate found later reads both again.
    let dir = tempfile::tempdir().unwrap();
    let second = TOPIC
        .replace("topic-a", "topic-b")
        .replace("entry-b", "entry-c");
    fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
    fs::write(dir.path().join("01-a.toml"), TOPIC).unwrap();
    fs::write(dir.path().join("02-b.toml"), second).unwrap();
    let report = load_dir(dir.path()).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let text = report.render(false, Lang::En);
    let path = |name: &str| dir.path().join(name).display().to_string();
    assert!(
        text.contains(&format!("--> {}:6:6", path("02-b.toml"))),
        "{text}"
    );
    assert!(
        text.contains(&format!("::: {}:6:6", path("01-a.toml"))),
        "{text}"
    );
    assert_eq!(text.matches("id = \"entry-a\"").count(), 2, "{text}");
}

#[test]
fn errors_are_collected_across_all_files() {
    let manifest = MANIFEST.replace("title = \"Test pack\"", "title = 1");
    let topic = TOPIC
        .replace("body = \"Body A\"", "body = \"\"")
        .replace("entry-b\"]", "missing\"]");
    let report = report(&files(&[("pack.toml", &manifest), ("01-a.toml", &topic)]));
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.as_str(), d.line))
        .collect();
    // Sorted by file, then position.
    assert_eq!(
        found,
        [("01-a.toml", 8), ("01-a.toml", 10), ("pack.toml", 3)]
    );
    assert!(
        report
            .render(false, Lang::En)
            .ends_with("error: 3 errors in 2 files\n")
    );
}

#[test]
fn rendered_report_shows_the_line_and_a_caret() {
    let topic = TOPIC.replace("source = \"book\"\nsee_also", "source = \"bok\"\nsee_also");
    let text = report(&with_topic(&topic)).to_string();
    let expected = "error: unknown source `bok`
 --> 01-a.toml:9:10
  |
9 | source = \"bok\"
  |          ^^^^^ no [[sources]] item of pack.toml has this id
  |
  = help: did you mean `book`? The sources are: `book`
";
    assert!(text.starts_with(expected), "{text}");
}

#[test]
fn empty_and_whitespace_files_are_reported_not_panicked_on() {
    for text in ["", "   \n\n", "# only a comment\n"] {
        let report = report(&with_topic(text));
        assert!(
            report.diagnostics.iter().all(|d| d.file == "01-a.toml"),
            "{report}"
        );
        let _ = report.render(true, Lang::En);
    }
}

#[test]
fn too_large_file_is_rejected_with_a_clear_error() {
    let big = vec![b'#'; usize::try_from(MAX_FILE_SIZE).unwrap() + 1];
    let d = only_error(&[
        ("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
        ("01-a.toml".to_owned(), big),
    ]);
    assert!(d.message.contains("larger than 16 MiB"), "{}", d.message);
}

#[test]
fn too_large_file_in_a_folder_is_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
    let file = fs::File::create(dir.path().join("01-a.toml")).unwrap();
    file.set_len(MAX_FILE_SIZE * 4).unwrap();
    let report = load_dir(dir.path()).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    assert!(report.diagnostics[0].message.contains("larger than"));
}

/// A 10 MB topic file with thousands of entries, loaded within seconds.
#[test]
fn big_file_loads() {
    let mut topic = String::from("[topic]\nid = \"big\"\ntitle = \"Big\"\n");
    let body = "lorem ipsum dolor sit amet ".repeat(20);
    let mut n = 0;
    while topic.len() < 10_000_000 {
        n += 1;
        write!(
            topic,
            "\n[[entries]]\nid = \"e-{n}\"\ntitle = \"Entry {n}\"\nbody = \"{body}\"\nsource = \"book\"\n"
        )
        .unwrap();
    }
    let start = Instant::now();
    let pack = load_files(&with_topic(&topic)).unwrap();
    assert_eq!(pack.entry_count(), n);
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn big_file_full_of_errors_renders_quickly() {
    let topic = "x = \n".repeat(500_000);
    let start = Instant::now();
    let report = report(&with_topic(&topic));
    let text = report.render(false, Lang::En);
    assert!(
        report.diagnostics.len() <= 25,
        "{}",
        report.diagnostics.len()
    );
    assert!(text.contains("more TOML syntax errors"), "{text}");
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn error_on_a_huge_single_line_renders_quickly() {
    let topic = format!("a = \"{}", "x".repeat(10_000_000));
    let start = Instant::now();
    let text = report(&with_topic(&topic)).render(false, Lang::En);
    assert!(
        text.contains("01-a.toml:1:"),
        "{}",
        &text[..text.len().min(2000)]
    );
    assert!(text.len() < 100_000, "{}", text.len());
    assert!(start.elapsed() < Duration::from_secs(60));
}

#[test]
fn deep_nesting_is_rejected_without_overflowing_the_stack() {
    let depth = 100_000;
    let keys = vec!["a"; depth].join(".");
    let cases = [
        format!("a = {}{}\n", "[".repeat(depth), "]".repeat(depth)),
        format!("a = {}{}\n", "{ b = ".repeat(depth), "}".repeat(depth)),
        format!("{}\n", "[".repeat(depth)),
        format!("[{keys}]\n"),
        format!("[[{keys}]]\n"),
        format!("{keys} = 1\n"),
    ];
    for case in cases {
        // Test threads have a small stack, so an unbounded recursion would crash here.
        let report = report(&with_topic(&case));
        assert!(!report.diagnostics.is_empty());
        let _ = report.render(false, Lang::En);
    }
}

fn assert_positions_inside(files: &[(String, Vec<u8>)], report: &Report) {
    for d in &report.diagnostics {
        let (_, bytes) = files.iter().find(|(name, _)| *name == d.file).unwrap();
        let text = String::from_utf8_lossy(bytes);
        assert!(
            d.span.start <= d.span.end && d.span.end <= bytes.len(),
            "{d:?}"
        );
        if d.line == 0 {
            assert_eq!(d.column, 0, "{d:?}");
            continue;
        }
        let line = text.split('\n').nth(d.line - 1);
        let line = line.unwrap_or_else(|| panic!("line out of file: {d:?}"));
        assert!(
            d.column >= 1 && d.column <= line.chars().count() + 1,
            "{d:?}"
        );
    }
}

fn check_no_panic(files: &[(String, Vec<u8>)]) {
    if let Err(report) = load_files(files) {
        assert!(!report.diagnostics.is_empty());
        assert_positions_inside(files, &report);
        let _ = report.render(true, Lang::En);
    }
}

/// TOML-shaped text: keys, tables, arrays, strings and numbers, sometimes
/// broken, often using the field names of the format.
fn toml_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("id".to_owned()),
        Just("title".to_owned()),
        Just("body".to_owned()),
        Just("source".to_owned()),
        Just("see_also".to_owned()),
        Just("points".to_owned()),
        Just("entries.points".to_owned()),
        Just("kind".to_owned()),
        Just("options".to_owned()),
        Just("answer".to_owned()),
        Just("answers".to_owned()),
        "[a-z_]{1,8}",
        "\"[^\"\\\\]{0,5}\"",
    ];
    let scalar = prop_oneof![
        "\"[a-z0-9 \\-]{0,10}\"",
        "'[^'\n]{0,10}'",
        "\"\"\"[a-z\n\r]{0,10}\"\"\"",
        "\"\\\\u00[0-9a-f]{2}\"",
        "-?[0-9]{1,5}",
        "[0-9]\\.[0-9]",
        Just("true".to_owned()),
        Just("entry-a".to_owned()),
        Just("\"book\"".to_owned()),
    ];
    let value = scalar.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(("[a-z]{1,4}", inner), 0..3).prop_map(|v| {
                let fields: Vec<_> = v.into_iter().map(|(k, v)| format!("{k} = {v}")).collect();
                format!("{{ {} }}", fields.join(", "))
            }),
        ]
    });
    let line = prop_oneof![
        (key.clone(), value).prop_map(|(k, v)| format!("{k} = {v}")),
        key.clone().prop_map(|k| format!("[{k}]")),
        key.prop_map(|k| format!("[[{k}]]")),
        Just("[topic]".to_owned()),
        Just("[[entries]]".to_owned()),
        Just("[[questions]]".to_owned()),
        Just("kind = \"choice\"".to_owned()),
        "[^\n]{0,12}",
    ];
    prop::collection::vec(line, 0..24).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_no_panic(&[
            ("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
            ("01-a.toml".to_owned(), bytes),
        ]);
    }

    #[test]
    fn arbitrary_toml_like_text_never_panics(topic in toml_like(), manifest in toml_like()) {
        check_no_panic(&with_topic(&topic));
        check_no_panic(&files(&[("pack.toml", &manifest), ("01-a.toml", TOPIC)]));
        check_no_panic(&with_topic(&format!("{TOPIC}\n{topic}")));
    }
}

#[test]
fn a_bidi_override_is_rejected_at_the_character() {
    let topic = TOPIC.replace("title = \"Entry A\"", "title = \"Entry \u{202e}A\"");
    let d = only_error(&with_topic(&topic));
    assert_eq!(
        d.message,
        "`title` contains the bidirectional control character U+202E"
    );
    // At the character itself: line 7, `title = "Entry ` is 16 chars.
    assert_at(&d, "01-a.toml", 7, 16);
    assert_eq!(d.span.len(), '\u{202e}'.len_utf8());
}

#[test]
fn invisible_and_filler_characters_are_rejected_even_when_escaped() {
    for c in [
        '\u{200b}', '\u{200d}', '\u{2060}', '\u{2066}', '\u{feff}', '\u{3164}', '\u{115f}',
        '\u{ffa0}',
    ] {
        // A title made only of a filler has no visible content.
        let escaped = format!("\\u{:04X}", u32::from(c));
        let topic = TOPIC.replace("title = \"Entry A\"", &format!("title = \"{escaped}\""));
        let d = only_error(&with_topic(&topic));
        assert!(
            d.message.starts_with("`title` contains the ")
                && d.message.ends_with(&format!("U+{:04X}", u32::from(c))),
            "{c:?}: {}",
            d.message
        );
        // Written as an escape, it is pointed at by its value.
        assert_at(&d, "01-a.toml", 7, 9);
    }
}

#[test]
fn line_breaks_are_rejected_in_one_line_fields_only() {
    for (field, value) in [
        (
            "title = \"Entry A\"",
            "title = \"\"\"\nEntry\nerror: fake\"\"\"",
        ),
        ("title = \"Entry A\"", "title = \"Entry\\nA\""),
        (
            "source = \"book\"\nsee_also",
            "source = \"bo\\nok\"\nsee_also",
        ),
    ] {
        let topic = TOPIC.replacen(field, value, 1);
        let d = only_error(&with_topic(&topic));
        assert!(d.message.ends_with("has a line break"), "{}", d.message);
    }
    let manifest = MANIFEST.replace("version = \"1.0.0\"", "version = \"1.0\\n2\"");
    let d = only_error(&files(&[("pack.toml", &manifest), ("01-a.toml", TOPIC)]));
    assert_eq!(d.message, "`version` has a line break");
    let topic =
        format!("{TOPIC}\n[[entries.points]]\nlabel = \"a\\nb\"\ntext = \"line one\\nline two\"\n");
    let d = only_error(&with_topic(&topic));
    assert_eq!(d.message, "`label` has a line break");
}

#[test]
fn accented_letters_and_other_scripts_still_load() {
    let topic = TOPIC
        .replace("Entry A", "Évaluasi sosial — «café» naïve 日本語 العربية")
        .replace("Body A", "Kesejahteraan\tsosial: ½, ©, ™, soft\u{ad}hyphen");
    let pack = load_files(&with_topic(&topic)).unwrap();
    assert!(pack.topics[0].entries[0].title.starts_with("Évaluasi"));
}

#[test]
fn ids_are_at_most_128_bytes() {
    let ok = "a".repeat(128);
    let topic = TOPIC.replace("\"entry-b\"", &format!("\"{ok}\""));
    assert!(load_files(&with_topic(&topic)).is_ok());
    let long = "a".repeat(129);
    let topic = TOPIC.replace("id = \"entry-b\"", &format!("id = \"{long}\""));
    let report = report(&with_topic(&topic));
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message == "the id is 129 characters long")
        .unwrap_or_else(|| panic!("{report}"));
    assert_at(d, "01-a.toml", 13, 6);
    assert!(d.help.as_deref().unwrap().contains("at most 128"));
    let manifest = MANIFEST.replace("id = \"test-pack\"", &format!("id = \"{long}\""));
    let d = only_error(&files(&[("pack.toml", &manifest), ("01-a.toml", TOPIC)]));
    assert_eq!(d.message, "the id is 129 characters long");
}

/// A topic file of `n` entries on one line, each with an invalid id and an
/// unknown `see_also`.
fn many_errors_on_one_line(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "{{id = \"Bad_{i}\", title = \"T\", body = \"B\", source = \"book\", \
                 see_also = [\"missing-{i}\"]}}"
            )
        })
        .collect();
    format!(
        "entries = [{}]\n[topic]\nid = \"t\"\ntitle = \"T\"\n",
        items.join(", ")
    )
}

#[test]
fn thousands_of_errors_show_the_first_of_each_kind_and_count_the_rest() {
    use kisi_core::content::diagnostic::SHOWN_PER_KIND;
    let n = 2_000;
    let report = report(&with_topic(&many_errors_on_one_line(n)));
    // Every problem is kept (for `--format json`)...
    assert_eq!(report.diagnostics.len(), 2 * n, "{report}");
    let text = report.render(false, Lang::En);
    // ... but only the first of each kind are rendered in full.
    assert_eq!(text.matches("error: invalid id `").count(), SHOWN_PER_KIND);
    assert_eq!(
        text.matches("error: unknown entry `").count(),
        SHOWN_PER_KIND
    );
    let more = n - SHOWN_PER_KIND;
    assert!(
        text.contains(&format!(
            "note: {more} more errors like \"invalid id `Bad_0`\" not shown"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "note: {more} more errors like \"unknown entry `missing-0` in see_also\" not shown"
        )),
        "{text}"
    );
    assert!(text.ends_with(&format!("error: {} errors in 1 file\n", 2 * n)));
    // Columns count the chars from the start of the line.
    let last = report.diagnostics.last().unwrap();
    let line = String::from_utf8(with_topic(&many_errors_on_one_line(n))[1].1.clone()).unwrap();
    assert_eq!(last.column, line[..last.span.start].chars().count() + 1);
}

#[test]
fn did_you_mean_is_looked_for_only_for_the_errors_shown() {
    use kisi_core::content::diagnostic::SHOWN_PER_KIND;
    // Every reference is one edit away from an entry id.
    let mut topic = String::from("[topic]\nid = \"t\"\ntitle = \"T\"\n");
    for i in 0..200 {
        write!(
            topic,
            "\n[[entries]]\nid = \"entry-{i}\"\ntitle = \"T\"\nbody = \"B\"\nsource = \"book\"\n\
             see_also = [\"entry-{i}x\"]\n"
        )
        .unwrap();
    }
    let report = report(&with_topic(&topic));
    let suggested = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("did you mean"))
        })
        .count();
    assert_eq!(suggested, SHOWN_PER_KIND);
}

/// A pack folder with a valid manifest and topic `01-a.toml`.
#[cfg(unix)]
fn pack_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
    fs::write(dir.path().join("01-a.toml"), TOPIC).unwrap();
    dir
}

#[cfg(unix)]
fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// The one diagnostic of loading `dir`, which must be about `name`.
#[cfg(unix)]
fn only_error_in(dir: &std::path::Path, name: &str) -> (Diagnostic, String) {
    let report = load_dir(dir).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{report}");
    let d = report.diagnostics[0].clone();
    assert_eq!(d.file, dir.join(name).display().to_string());
    (d, report.render(false, Lang::En))
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_pack_is_refused_and_its_target_never_quoted() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("environ");
    fs::write(&secret, "SECRET=hunter2\nHOME=/root\n").unwrap();
    let dir = pack_dir();
    symlink(&secret, dir.path().join("02-env.toml")).unwrap();
    let (d, text) = only_error_in(dir.path(), "02-env.toml");
    assert_eq!(
        d.message,
        "a symbolic link to a file outside the pack folder"
    );
    assert!(d.help.unwrap().contains("copy the file into the folder"));
    assert!(!text.contains("hunter2"), "{text}");
    // Nor the manifest through a link to a device.
    let dir = pack_dir();
    fs::remove_file(dir.path().join("pack.toml")).unwrap();
    symlink("/dev/zero", dir.path().join("pack.toml")).unwrap();
    let (d, _) = only_error_in(dir.path(), "pack.toml");
    assert_eq!(
        d.message,
        "a symbolic link to a file outside the pack folder"
    );
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_pack_is_followed() {
    use std::os::unix::fs::symlink;
    let dir = pack_dir();
    fs::create_dir(dir.path().join("src")).unwrap();
    let second = TOPIC
        .replace("topic-a", "topic-b")
        .replace("entry-a", "entry-c")
        .replace("entry-b", "entry-d");
    fs::write(dir.path().join("src").join("b.toml"), second).unwrap();
    symlink("src/b.toml", dir.path().join("02-b.toml")).unwrap();
    let pack = load_dir(dir.path()).unwrap();
    assert_eq!(pack.topics.len(), 2);
}

#[cfg(unix)]
#[test]
fn dangling_links_loops_and_fifos_are_reported_not_skipped() {
    use std::os::unix::fs::symlink;
    let dir = pack_dir();
    symlink("nowhere.toml", dir.path().join("02-dangling.toml")).unwrap();
    let (d, _) = only_error_in(dir.path(), "02-dangling.toml");
    assert!(
        d.message
            .starts_with("a symbolic link that cannot be followed"),
        "{}",
        d.message
    );
    let dir = pack_dir();
    symlink("03-b.toml", dir.path().join("02-a.toml")).unwrap();
    symlink("02-a.toml", dir.path().join("03-b.toml")).unwrap();
    let report = load_dir(dir.path()).unwrap_err();
    assert_eq!(report.diagnostics.len(), 2, "{report}");
    assert!(
        report.diagnostics.iter().all(|d| d
            .message
            .starts_with("a symbolic link that cannot be followed")),
        "{report}"
    );
    let dir = pack_dir();
    mkfifo(&dir.path().join("02-pipe.toml"));
    let (d, _) = only_error_in(dir.path(), "02-pipe.toml");
    assert_eq!(d.message, "not a regular file but a named pipe (FIFO)");
}

#[cfg(unix)]
#[test]
fn a_manifest_that_is_a_fifo_or_a_loop_is_named_not_missing() {
    use std::os::unix::fs::symlink;
    let dir = pack_dir();
    fs::remove_file(dir.path().join("pack.toml")).unwrap();
    mkfifo(&dir.path().join("pack.toml"));
    // Would block forever if the FIFO were opened.
    let (d, _) = only_error_in(dir.path(), "pack.toml");
    assert_eq!(d.message, "not a regular file but a named pipe (FIFO)");
    let dir = pack_dir();
    fs::remove_file(dir.path().join("pack.toml")).unwrap();
    symlink("pack.toml", dir.path().join("pack.toml")).unwrap();
    let (d, _) = only_error_in(dir.path(), "pack.toml");
    assert!(
        d.message
            .starts_with("a symbolic link that cannot be followed"),
        "{}",
        d.message
    );
}

#[cfg(unix)]
#[test]
fn a_folder_without_search_permission_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = pack_dir();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o600)).unwrap();
    let denied = fs::metadata(dir.path().join("pack.toml")).is_err();
    let result = load_dir(dir.path());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
    if !denied {
        // Running as root: permissions do not apply.
        return;
    }
    let report = result.unwrap_err();
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.message.starts_with("cannot read the file")
                && d.help.as_deref().unwrap().contains("permissions")),
        "{report}"
    );
    assert!(!report.to_string().contains("no manifest"), "{report}");
}
