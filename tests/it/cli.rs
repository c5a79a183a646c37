//! The plain-text commands, run as a user would: the real binary, its
//! output and its exit status.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kisi(args: &[&str]) -> Output {
    kisi_with_input(args, "")
}

fn kisi_with_input(args: &[&str], input: &str) -> Output {
    // The plain study flows save progress: never to the user's own folder.
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("XDG_DATA_HOME", data.path())
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
    let output = kisi(&["--lang", "en", "check", dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains("pack.toml:1:1"), "{report}");
    assert!(report.contains("01-a.toml:3:1"), "{report}");
    assert!(report.contains("did you mean"), "{report}");
    assert!(!report.contains('\u{1b}'), "colour codes in piped output");
    // Indonesian by default.
    let output = kisi(&["check", dir.path().to_str().unwrap()]);
    let report = stdout(&output);
    assert!(report.contains("maksud Anda `title`?"), "{report}");
    assert!(
        report.contains("kesalahan: 8 kesalahan dalam 2 berkas"),
        "{report}"
    );
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
fn search_with_no_hit_says_so_and_fails() {
    let output = kisi(&["search", "zzqxv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    let message = stderr(&output);
    assert!(
        message.contains("Tidak ada hasil untuk \"zzqxv\""),
        "{message}"
    );
    assert!(message.contains("--content"), "{message}");
    let output = kisi(&["--lang", "en", "search", "zzqxv\u{1b}[2J"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.starts_with("No results for \"zzqxv\u{fffd}[2J\""),
        "{message}"
    );
    // JSON: an empty list, still status 1.
    let output = kisi(&["search", "--json", "zzqxv"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json, serde_json::json!([]));
    assert_eq!(stderr(&output), "");
    // A hit is status 0.
    assert_eq!(kisi(&["search", "mediator?"]).status.code(), Some(0));
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
fn plain_quiz_time_limit_zero_means_none_and_huge_ones_do_not_wrap() {
    // 0 used to end the quiz at once (the TUI took it as no limit), and
    // minutes × 60 wrapped round for huge values.
    for minutes in ["0", "307445734561825861"] {
        let args = [
            "quiz",
            "--plain",
            "--seed",
            "42",
            "--count",
            "2",
            "--kind",
            "true-false",
            "--time-limit",
            minutes,
        ];
        let output = kisi_with_input(
            &args, "b

b

",
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(
            !text.contains("Waktu habis"),
            "--time-limit {minutes}: {text}"
        );
        assert!(
            text.contains("Soal 2 dari 2"),
            "--time-limit {minutes}: {text}"
        );
    }
}

#[test]
fn plain_quiz_rejects_an_unknown_topic() {
    let output = kisi(&["quiz", "--plain", "--topic", "nope"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nope"));
}

/// Issue 16: a mistyped id is answered with what it may have meant (by
/// edit distance, or as a word of a longer id) and where every id is.
#[test]
fn a_mistyped_id_or_topic_gets_a_did_you_mean() {
    let networking = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/packs/networking");
    let output = kisi(&["show", "mediator"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "kisi: Tidak ada entri dengan id `mediator`.\n  Maksud Anda `peran-mediator`?\n  \
         Semua id: kisi list\n"
    );
    let output = kisi(&["--lang", "en", "--content", networking, "show", "udpp"]);
    assert!(
        stderr(&output).contains("Did you mean `udp`, `tcp-vs-udp`?"),
        "{}",
        stderr(&output)
    );
    // A topic by one of its entries, in the TUI's start and in the plain quiz.
    for args in [
        vec![
            "--content",
            networking,
            "--lang",
            "en",
            "quiz",
            "--plain",
            "--topic",
            "ports",
        ],
        vec![
            "--content",
            networking,
            "--lang",
            "en",
            "present",
            "--topic",
            "ports",
        ],
    ] {
        let output = kisi(&args);
        assert_eq!(output.status.code(), Some(1));
        let message = stderr(&output);
        assert!(message.contains("No topic with id `ports`."), "{message}");
        assert!(message.contains("Did you mean `transport`?"), "{message}");
        assert!(message.contains("Every id: kisi list"), "{message}");
    }
    // A typo of a topic's own id is offered before topics with a near entry.
    let output = kisi(&[
        "--content",
        networking,
        "quiz",
        "--plain",
        "--topic",
        "transprt",
    ]);
    // The networking pack is English, so it speaks English.
    assert!(
        stderr(&output).contains("Did you mean `transport`?"),
        "{}",
        stderr(&output)
    );
}

/// Issue 16: clap's help and errors in the UI language (Indonesian by
/// default, English with --lang en or an English LANG), and each
/// subcommand's help without the global options that do not apply to it.
#[test]
fn help_and_argument_errors_are_in_the_users_language() {
    let help = stdout(&kisi(&["--help"]));
    assert!(help.contains("Penggunaan: kisi"), "{help}");
    assert!(
        help.contains("Perintah:") && help.contains("Opsi:"),
        "{help}"
    );
    assert!(help.contains("Periksa paket"), "{help}");
    assert!(help.contains("Tampilkan bantuan ini"), "{help}");
    assert!(
        !help.contains("Usage:") && !help.contains("Print help"),
        "{help}"
    );
    let help = stdout(&kisi(&["--lang", "en", "--help"]));
    assert!(
        help.contains("Usage: kisi") && help.contains("Validate a pack"),
        "{help}"
    );
    // Each subcommand lists only the globals it uses.
    let check = stdout(&kisi(&["check", "--help"]));
    assert!(
        check.contains("Argumen:") && check.contains("--content"),
        "{check}"
    );
    for unused in ["--theme", "--data-dir", "--exam-date", "--no-cache"] {
        assert!(!check.contains(unused), "{unused}: {check}");
    }
    let new = stdout(&kisi(&["--lang", "en", "new", "--help"]));
    assert!(
        !new.contains("--content") && new.contains("--lang"),
        "{new}"
    );
    let quiz = stdout(&kisi(&["quiz", "--help"]));
    assert!(
        quiz.contains("--theme") && quiz.contains("--exam-date"),
        "{quiz}"
    );
    // A hidden global is still accepted.
    assert!(kisi(&["check", "--theme", "mono"]).status.success());
    // Errors.
    let output = kisi(&["chek"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.starts_with("galat: perintah `chek` tidak dikenal\n"),
        "{message}"
    );
    assert!(message.contains("Maksud Anda `check`?"), "{message}");
    assert!(
        message.contains("Untuk bantuan lengkap: kisi --help"),
        "{message}"
    );
    let message = stderr(&kisi(&["--lang", "xx"]));
    assert!(
        message.contains("nilai `xx` tidak sah untuk `--lang"),
        "{message}"
    );
    assert!(
        message.contains("nilai yang bisa dipakai: id, en"),
        "{message}"
    );
    let message = stderr(&kisi(&["--exam-date", "2026-02-30", "stats"]));
    assert!(
        message.contains("bukan tanggal berbentuk TTTT-BB-HH"),
        "{message}"
    );
    let message = stderr(&kisi(&["--lang", "en", "--frob"]));
    assert!(
        message.contains("unexpected argument '--frob'"),
        "{message}"
    );
    // An English LANG is English, without --lang.
    let output = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(["chek"])
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    let message = stderr(&output);
    assert!(
        message.contains("unrecognized subcommand 'chek'"),
        "{message}"
    );
    // A hostile argument in an error is escaped.
    let message = stderr(&kisi(&["--frob\u{1b}]52;c;x\u{7}"]));
    assert!(
        !message.contains('\u{1b}') && message.contains("\\u{1b}"),
        "{message}"
    );
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
    assert!(
        stdout(&first).contains("15 Januari 2030"),
        "{}",
        stdout(&first)
    );
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
    assert!(
        stderr(&output).contains("TTTT-BB-HH"),
        "{}",
        stderr(&output)
    );
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

/// Issue 15 #19: `kisi stats --json | head -c 100` said "Broken pipe" and
/// failed. A reader that closed the pipe has seen enough: quiet, exit 0.
/// The pipe is closed before kisi starts, so every write meets EPIPE.
#[test]
fn a_closed_pipe_ends_any_command_quietly_and_successfully() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let commands: [&[&str]; 7] = [
        &["--data-dir", dir, "stats", "--json"],
        &["--data-dir", dir, "stats"],
        &["list"],
        &["show", "uu-11-2009-pasal-3"],
        &["search", "--json", "pekerja"],
        &["check", "--format", "json"],
        &["man"],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = Command::new(env!("CARGO_BIN_EXE_kisi"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).is_empty(), "{args:?}: {}", stderr(&output));
    }
}

/// Issue 15 #22: counts of 100 or more ran together ("100150  0").
#[test]
fn stats_columns_stay_apart_for_large_counts() {
    let data = tempfile::tempdir().unwrap();
    let progress = data.path().join("progress");
    std::fs::create_dir(&progress).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let yesterday = now - 86_400_000;
    let line = |(n, at): (u32, u128)| {
        format!(
            "{{\"v\":1,\"id\":\"t-{n}\",\"pack\":\"pekerjaan-sosial\",\"at\":{at},\"kind\":\"review\",\"item\":\"x-{n}\",\"rating\":3}}\n"
        )
    };
    let log: String = (0..150)
        .map(|n| (n, now))
        .chain((150..250).map(|n| (n, yesterday)))
        .map(line)
        .collect();
    std::fs::write(progress.join("pekerjaan-sosial.jsonl"), log).unwrap();
    let output = kisi(&["--data-dir", data.path().to_str().unwrap(), "stats"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    // A week's row: its days ("24–30 November 2026"), then the counts.
    let week = text
        .lines()
        .find(|l| l.contains("150") && l.contains(" 20"))
        .unwrap_or_else(|| panic!("{text}"));
    let words: Vec<&str> = week.split_whitespace().collect();
    let year = words.iter().rposition(|w| w.len() == 4).unwrap();
    let counts = &words[year + 1..];
    assert!(counts.len() >= 2 && counts.len() <= 7, "{week}");
    assert!(counts.iter().all(|c| c.parse::<u32>().is_ok()), "{week}");
    assert_eq!(counts.last(), Some(&"150"), "{week}");
}

/// Issue 15 #10: this date overflowed, was saved, and the next start
/// moved settings.json aside as damaged.
#[test]
fn an_exam_date_out_of_range_is_refused_and_nothing_is_saved() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    for date in ["92233720368547758-01-01", "10000-01-01", "1969-12-31"] {
        let output = kisi(&["--data-dir", dir, "--exam-date", date, "stats"]);
        assert_eq!(output.status.code(), Some(2), "{date}");
        assert!(
            stderr(&output).contains("1970 sampai 9999"),
            "{}",
            stderr(&output)
        );
    }
    assert!(!data.path().join("settings.json").exists());
    let output = kisi(&["--data-dir", dir, "--exam-date", "9999-12-31", "stats"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let again = kisi(&["--data-dir", dir, "stats"]);
    assert!(stderr(&again).is_empty(), "{}", stderr(&again));
    assert!(stdout(&again).contains("31 Desember 9999"));
}

/// Issue 15 #1: what kisi creates is private whatever the umask.
#[cfg(unix)]
#[test]
fn the_store_is_private_under_umask_000() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("kisi");
    let output = Command::new("sh")
        .args(["-c", "umask 000 && exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_kisi"))
        .args([
            "--data-dir",
            dir.to_str().unwrap(),
            "--exam-date",
            "2027-01-15",
            "stats",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("progress")), 0o700);
    assert_eq!(mode(&dir.join("settings.json")), 0o600);
}

/// The default data folder is kisi's own: one an older kisi left group-
/// or world-writable is tightened, not refused.
#[cfg(unix)]
#[test]
fn the_default_data_folder_is_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("kisi");
    std::fs::create_dir_all(dir.join("progress")).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_kisi"))
        .env("XDG_DATA_HOME", home.path())
        .env("HOME", home.path())
        .args(["--exam-date", "2027-01-15", "stats"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755);
    assert!(dir.join("settings.json").exists());
}

/// `setpriv` and a folder others may enter, when the tests run as root and
/// can act as another user; otherwise the test says it is skipped.
#[cfg(unix)]
fn as_another_user() -> Option<(&'static Path, tempfile::TempDir)> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let probe = tempfile::NamedTempFile::new().unwrap();
    let is_root = std::fs::metadata(probe.path()).unwrap().uid() == 0;
    let setpriv = Path::new("/usr/bin/setpriv");
    if !is_root || !setpriv.exists() {
        eprintln!("skipped: needs root and setpriv to act as another user");
        return None;
    }
    let home = tempfile::tempdir().unwrap();
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    Some((setpriv, home))
}

/// kisi run as `nobody` (uid 65534) through setpriv.
#[cfg(unix)]
fn kisi_as_nobody(setpriv: &Path, home: &Path, args: &[&str]) -> Output {
    Command::new(setpriv)
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("HOME", home)
        .output()
        .unwrap()
}

/// Issue 15 #1 with two users: the attacker (root here, another uid than
/// the student's) plants links in the student's data folder, which the
/// attacker can write; the student (`nobody`) runs kisi. The victim file
/// is neither truncated nor overwritten.
#[cfg(unix)]
#[test]
fn links_planted_by_another_user_do_not_reach_the_students_files() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, chown, symlink};
    let Some((setpriv, home)) = as_another_user() else {
        return;
    };
    let victim = home.path().join("notes.txt");
    std::fs::write(&victim, "private\n").unwrap();
    let data = home.path().join("data");
    let progress = data.join("progress");
    std::fs::create_dir_all(&progress).unwrap();
    symlink(&victim, progress.join("pekerjaan-sosial.jsonl")).unwrap();
    symlink(&victim, data.join("settings.json")).unwrap();
    for path in [&victim, &data, &progress] {
        chown(path, Some(65534), Some(65534)).unwrap();
    }
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o600)).unwrap();
    for dir in [&data, &progress] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let args = [
        "--lang",
        "en",
        "--data-dir",
        data.to_str().unwrap(),
        "--exam-date",
        "2027-01-15",
        "stats",
    ];
    let output = kisi_as_nobody(setpriv, home.path(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "private\n");
    // The settings link was replaced by the student's own file.
    let meta = std::fs::symlink_metadata(data.join("settings.json")).unwrap();
    assert!(meta.is_file());
    assert_eq!(meta.uid(), 65534);
}

/// Issue 15 #21, as another user: run as root, the test drops to `nobody`
/// with setpriv so that permission bits apply. A log the student may not
/// read is reported as such and left where it is, not moved aside.
#[cfg(unix)]
#[test]
fn an_unreadable_log_is_left_alone_for_a_user_who_cannot_read_it() {
    use std::os::unix::fs::{PermissionsExt, chown};
    let Some((setpriv, home)) = as_another_user() else {
        return;
    };
    let data = home.path().join("data");
    let progress = data.join("progress");
    std::fs::create_dir_all(&progress).unwrap();
    let log = progress.join("pekerjaan-sosial.jsonl");
    std::fs::write(&log, "{\"v\":1,\"id\":\"a\",\"pack\":\"pekerjaan-sosial\",\"at\":1,\"kind\":\"review\",\"item\":\"x\",\"rating\":3}\n").unwrap();
    for path in [&data, &progress, &log] {
        chown(path, Some(65534), Some(65534)).unwrap();
    }
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(&progress, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o000)).unwrap();
    let output = kisi_as_nobody(
        setpriv,
        home.path(),
        &[
            "--lang",
            "en",
            "--data-dir",
            data.to_str().unwrap(),
            "stats",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let warning = stderr(&output);
    assert!(warning.contains("cannot be read"), "{warning}");
    assert!(warning.contains("not damage"), "{warning}");
    let names: Vec<String> = std::fs::read_dir(&progress)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["pekerjaan-sosial.jsonl"], "nothing moved aside");
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
        let output = kisi_within_10_s(&["--lang", "en", "--theme", path]);
        assert_eq!(output.status.code(), Some(1), "{path}");
        assert!(
            stderr(&output).contains(message),
            "{path}: {}",
            stderr(&output)
        );
    }
}

/// The lines of the progress log in `data`, one per saved event.
fn log_lines(data: &Path) -> Vec<serde_json::Value> {
    let log = data.join("progress").join("pekerjaan-sosial.jsonl");
    std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Issue 12 #6: a screen-reader user's answers count as a sighted one's:
/// the plain quiz saves a review per item with the TUI's ratings.
#[test]
fn plain_quiz_saves_progress_like_the_tui() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let args = [
        "--data-dir",
        dir,
        "quiz",
        "--plain",
        "--seed",
        "3",
        "--count",
        "3",
        "--kind",
        "choice",
    ];
    let output = kisi_with_input(&args, "a\na\na\n");
    assert!(output.status.success(), "{}", stderr(&output));
    let events = log_lines(data.path());
    assert!(events.len() >= 3, "{events:?}");
    assert!(events.iter().all(|e| e["kind"] == "review"), "{events:?}");
    // Right answers are rated above wrong ones (Again is 1).
    let score = stdout(&output);
    let right = score.matches("Benar!").count();
    let again = events.iter().filter(|e| e["rating"] == 1).count();
    assert!(events.len() - again >= right, "{score}\n{events:?}");
    // Answered at once: a right answer is Good (3), as in the TUI.
    assert!(
        events.iter().all(|e| e["rating"] == 1 || e["rating"] == 3),
        "{events:?}"
    );
    assert_eq!(
        right > 0,
        events.iter().any(|e| e["rating"] == 3),
        "{score}"
    );
    // Statistics see them.
    let stats = kisi(&["--data-dir", dir, "stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert!(stats["seen"].as_u64().unwrap() >= 3, "{stats}");
}

#[test]
fn plain_review_asks_what_is_due_and_saves_it() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let output = kisi_with_input(
        &["--data-dir", dir, "review", "--plain", "--seed", "1"],
        "a\n",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("Ulangan hari ini: 20 kartu."),
        "{}",
        stdout(&output)
    );
    assert!(!log_lines(data.path()).is_empty());
}

#[test]
fn plain_exam_marks_at_the_end_lists_every_question_and_keeps_the_result() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    // Every question skipped with an empty line.
    let output = kisi_with_input(
        &[
            "--data-dir",
            dir,
            "--lang",
            "en",
            "exam",
            "--plain",
            "--seed",
            "2",
        ],
        &"\n".repeat(20),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Mock exam: 20 questions, 30 minutes, pass mark 70%."),
        "{text}"
    );
    assert_eq!(text.matches("   not answered").count(), 20, "{text}");
    assert_eq!(text.matches("   Right answer: ").count(), 20, "{text}");
    assert!(text.contains("✗ Not passed: 0% (pass mark 70%)"), "{text}");
    // The journal's start line (issue 15 #5: a plain exam is journaled),
    // then the result, which closes it.
    let events = log_lines(data.path());
    let [start, exam] = events.as_slice() else {
        panic!("{events:?}")
    };
    assert_eq!(start["kind"], "exam_start");
    assert_eq!(exam["kind"], "exam");
    assert_eq!(exam["exam"], start["exam"]);
    assert_eq!(exam["answered"], 0);
    assert_eq!(exam["questions"], 20);
}

/// Issue 12 #5: a date already past plans nothing, is said, not saved.
#[test]
fn a_past_exam_date_is_said_and_not_saved() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap();
    let output = kisi(&["--data-dir", dir, "--exam-date", "2001-02-03", "stats"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Tanggal ujian 2001-02-03 sudah lewat"),
        "{}",
        stderr(&output)
    );
    let english = kisi(&[
        "--data-dir",
        dir,
        "--lang",
        "en",
        "--exam-date",
        "2001-02-03",
        "stats",
    ]);
    assert!(
        stderr(&english).contains("The exam date 2001-02-03 has passed"),
        "{}",
        stderr(&english)
    );
    let again = kisi(&["--data-dir", dir, "stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert!(stats["exam_date"].is_null(), "{stats}");
}
