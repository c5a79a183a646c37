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
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains("[bidang-keluarga-anak]"),
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
    assert_eq!(stats["items"], 108);
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

/// The characters that must never reach a terminal raw from an argument, a
/// path or a pack: ESC, BEL, other C0 controls but line feed, DEL, C1,
/// bidi overrides and isolates, zero-width characters.
fn assert_no_raw_controls(output: &Output, what: &str) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| {
                (c.is_control() && c != '\n')
                    || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            })
            .collect();
        assert!(bad.is_empty(), "{what}: {bad:?} on {stream}: {text:?}");
    }
}

const HOSTILE: &str = "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}\u{200b}x";

#[test]
fn hostile_arguments_never_reach_the_terminal_raw() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("file");
    std::fs::write(&file, "").unwrap();
    let bad_data_dir = file.join(HOSTILE);
    let new_dir = data.path().join(format!("new{HOSTILE}"));
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("show", vec!["show", HOSTILE]),
        ("quiz --topic", vec!["quiz", "--plain", "--topic", HOSTILE]),
        ("present --topic", vec!["present", "--topic", HOSTILE]),
        ("themes NAME", vec!["themes", HOSTILE]),
        ("--theme PATH", vec!["--theme", HOSTILE]),
        ("check DIR", vec!["check", HOSTILE]),
        ("--content DIR", vec!["--content", HOSTILE, "list"]),
        ("--exam-date", vec!["--exam-date", HOSTILE, "stats"]),
        ("unknown subcommand", vec![HOSTILE]),
        ("man SUBCOMMAND", vec!["man", HOSTILE]),
        (
            "--data-dir",
            vec!["--data-dir", bad_data_dir.to_str().unwrap(), "stats"],
        ),
        ("new DIR", vec!["new", new_dir.to_str().unwrap()]),
        ("new DIR again", vec!["new", new_dir.to_str().unwrap()]),
    ];
    for (what, args) in cases {
        let output = kisi(&args);
        assert_no_raw_controls(&output, what);
        assert!(
            !output.stdout.is_empty() || !output.stderr.is_empty(),
            "{what}: no output"
        );
    }
}

#[test]
fn check_of_a_pack_with_hostile_file_names_prints_them_escaped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "pack.toml",
        "[pack]\nid = \"p\"\ntitle = \"P\"\nlanguage = \"id\"\nversion = \"1\"\n\
         description = \"D\"\n\n[[sources]]\nid = \"s\"\ncitation = \"C\"\n",
    );
    // A broken topic whose name would start a line of its own.
    let name = "01-\nerror: all is fine\u{85}\u{7f}\u{202e}.toml";
    write(dir.path(), name, "[topic]\nid = \"t\"\n");
    let output = kisi(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_no_raw_controls(&output, "check");
    let text = stdout(&output);
    assert!(
        !text
            .lines()
            .any(|line| line.starts_with("error: all is fine")),
        "{text}"
    );
    assert!(text.contains("01-\\u{a}error: all is fine"), "{text}");

    let output = kisi(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_no_raw_controls(&output, "check --format json");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let file = json["errors"][0]["file"].as_str().unwrap();
    // Escaped in the document, the same name once parsed.
    assert!(file.ends_with(name), "{file:?}");
    assert!(stdout(&output).contains("\\u0085\\u007f\\u202e"));
}

/// Runs kisi with `args`, failing (not hanging) when it takes over 10 s.
fn kisi_within_10_s(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("LANG", "en_GB.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("kisi {args:?} still running after 10 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn a_theme_path_is_read_with_the_bounds_of_a_pack_file() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("theme.toml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let big = dir.path().join("big.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(kisi_core::content::load::MAX_FILE_SIZE + 1)
        .unwrap();
    for (path, message) in [
        ("/dev/zero", "not a regular file but a device"),
        (
            fifo.to_str().unwrap(),
            "not a regular file but a named pipe",
        ),
        (big.to_str().unwrap(), "larger than 16 MiB"),
    ] {
        let output = kisi_within_10_s(&["--theme", path]);
        assert_eq!(output.status.code(), Some(1), "{path}");
        assert!(
            stderr(&output).contains(message),
            "{path}: {}",
            stderr(&output)
        );
    }
}
