//! The plain-text commands, run as a user would: the real binary, its
//! output and its exit status.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kisi(args: &[&str]) -> Output {
    kisi_with_input(args, "")
}

fn kisi_with_input(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("LANG", "id_ID.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .current_dir(std::env::temp_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn check_passes_on_the_builtin_pack_from_any_directory() {
    let output = kisi(&["check"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(
        stdout(&output).starts_with("Paket valid"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_reports_every_error_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pack.toml", "[pack]\nid = \"x\"\n");
    write(
        dir.path(),
        "01-a.toml",
        "[topic]\nid = \"a\"\ntitel = \"A\"\n",
    );
    let output = kisi(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains("pack.toml:1:1"), "{report}");
    assert!(report.contains("01-a.toml:3:1"), "{report}");
    assert!(report.contains("did you mean"), "{report}");
    assert!(!report.contains('\u{1b}'), "colour codes in piped output");
}

#[test]
fn list_shows_every_topic_and_entry_id() {
    let output = kisi(&["list"]);
    assert!(output.status.success());
    let list = stdout(&output);
    for id in [
        "[peran]",
        "[uu-11-2009]",
        "uu-11-2009-pasal-3",
        "bidang-keluarga-anak",
        "bidang-industri",
        "glosarium-odha",
    ] {
        assert!(list.contains(id), "{id} missing from:\n{list}");
    }
}

#[test]
fn show_prints_an_entry_with_its_points_source_and_note() {
    let output = kisi(&["show", "uu-11-2009-pasal-3"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains("  f. meningkatkan kualitas manajemen penyelenggaraan"),
        "{text}"
    );
    assert!(text.contains("Sumber: Undang-Undang"), "{text}");
    assert!(text.contains("Catatan:"), "{text}");
}

#[test]
fn show_of_an_unknown_id_fails_with_a_hint() {
    let output = kisi(&["show", "pasal-3"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("uu-11-2009-pasal-3"), "{message}");
}

#[test]
fn english_on_request() {
    let output = kisi(&["--lang", "en", "check"]);
    assert!(stdout(&output).starts_with("Pack is valid"));
}

#[test]
fn search_prints_ranked_results_and_json() {
    let output = kisi(&["search", "konsel", "--limit", "3"]);
    assert!(output.status.success());
    let text = stdout(&output);
    // Three ranked hits, each a numbered line with its id in brackets.
    let hits: Vec<&str> = text.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(hits.len(), 3, "{text}");
    assert!(hits[0].starts_with("1. "), "{text}");
    assert!(
        hits.iter().any(|l| l.contains("[bidang-keluarga-anak]")),
        "{text}"
    );
    let output = kisi(&["search", "--json", "pasal", "3"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json[0]["id"], "uu-11-2009-pasal-3");
}

#[test]
fn plain_quiz_with_a_seed_prints_the_score() {
    // True/false questions answered "b" (benar) throughout: the score is
    // whatever share of the statements is true, and repeatable.
    let args = [
        "quiz",
        "--plain",
        "--seed",
        "42",
        "--count",
        "4",
        "--kind",
        "true-false",
    ];
    let answers = "b\n\nb\n\nb\n\nb\n\n";
    let first = kisi_with_input(&args, answers);
    assert!(first.status.success(), "{}", stderr(&first));
    let text = stdout(&first);
    let score = text.lines().last().unwrap();
    assert!(
        score.starts_with("Skor: ") && score.ends_with("%)"),
        "{text}"
    );
    assert!(score.contains("/4 ("), "{text}");
    let again = kisi_with_input(&args, answers);
    assert_eq!(stdout(&again), text, "the same seed must ask the same quiz");
}

#[test]
fn plain_quiz_survives_bad_input_and_end_of_input() {
    let args = [
        "quiz", "--plain", "--seed", "1", "--count", "3", "--kind", "choice",
    ];
    let output = kisi_with_input(&args, "z\n99\n\n");
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("Pilihan itu tidak ada"), "{text}");
    assert!(
        text.lines().last().unwrap().starts_with("Skor: 0/3"),
        "{text}"
    );
}

#[test]
fn plain_quiz_rejects_an_unknown_topic() {
    let output = kisi(&["quiz", "--plain", "--topic", "nope"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nope"));
}

#[test]
fn tui_without_a_terminal_explains_instead_of_drawing() {
    let output = kisi(&[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty(), "escape codes were written");
    assert!(stderr(&output).contains("kisi list"));
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn stats_remember_the_exam_date_and_print_json() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let first = kisi(&["--data-dir", dir, "--exam-date", "2030-01-15", "stats"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("2030-01-15"), "{}", stdout(&first));
    // The date is saved: the next run knows it without the flag.
    let json = kisi(&["--data-dir", dir, "stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(stats["exam_date"], "2030-01-15");
    let pack = kisi_core::content::builtin::builtin_pack().unwrap();
    assert_eq!(stats["items"], pack.entry_count() + pack.point_count());
}

#[test]
fn a_bad_exam_date_is_refused() {
    let output = kisi(&["--exam-date", "15-01-2030", "stats"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("YYYY-MM-DD"));
}

#[test]
fn an_unusable_data_dir_means_this_session_only_with_a_warning() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let inside_a_file = file.path().join("kisi");
    let output = kisi(&["--data-dir", inside_a_file.to_str().unwrap(), "stats"]);
    assert!(output.status.success());
    assert!(
        !stderr(&output).is_empty(),
        "no warning about the data folder"
    );
}
