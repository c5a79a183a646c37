//! Issue 15 #5 in plain mode: `kisi exam --plain` journals each answer as
//! it is given, like the TUI's exam, so that one killed with SIGKILL is
//! offered at the next `kisi exam --plain` (and on Home): resumed with its
//! answers and the time left, or handed in as it stands.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn kisi(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kisi"));
    command
        .args(["--data-dir", data.to_str().unwrap(), "--lang", "en"])
        .args(["exam", "--plain", "--seed", "7"])
        .env_remove("LC_ALL");
    command
}

fn log(data: &Path) -> Vec<serde_json::Value> {
    let path = data.join("progress").join("pekerjaan-sosial.jsonl");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn of_kind<'a>(lines: &'a [serde_json::Value], kind: &str) -> Vec<&'a serde_json::Value> {
    lines.iter().filter(|l| l["kind"] == kind).collect()
}

/// Starts a plain exam (seed 7: its first three questions take "a"),
/// answers two questions, waits until both are in the journal, and kills
/// it with SIGKILL.
fn killed_after_two_answers(data: &Path) {
    let mut child = kisi(data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.starts_with("Question 1 of") {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "no first question"
        );
    }
    stdin.write_all(b"a\na\n").unwrap();
    stdin.flush().unwrap();
    let start = Instant::now();
    while of_kind(&log(data), "exam_answer").len() < 2 {
        assert!(start.elapsed() < Duration::from_secs(20), "{:?}", log(data));
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let lines = log(data);
    assert_eq!(of_kind(&lines, "exam_start").len(), 1, "{lines:?}");
    assert!(of_kind(&lines, "exam").is_empty(), "handed in: {lines:?}");
}

fn run_with(data: &Path, input: &str) -> String {
    let mut child = kisi(data)
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
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_plain_exam_killed_mid_way_is_resumed_with_its_answers() {
    let data = tempfile::tempdir().unwrap();
    killed_after_two_answers(data.path());
    let id = of_kind(&log(data.path()), "exam_start")[0]["exam"].clone();
    // Resume (a), answer the third question (a), then the end of input
    // hands it in.
    let text = run_with(data.path(), "a\na\n");
    assert!(text.contains("An unfinished exam"), "{text}");
    assert!(text.contains("2 of 20 answered"), "{text}");
    assert!(text.contains("Question 3 of 20"), "{text}");
    assert!(!text.contains("Question 1 of 20"), "asked again: {text}");
    assert!(!text.contains("Question 2 of 20"), "asked again: {text}");
    // The answers from before the kill are marked with the new one.
    assert!(text.contains("2. ✓"), "{text}");
    let lines = log(data.path());
    let exams = of_kind(&lines, "exam");
    assert_eq!(exams.len(), 1, "{lines:?}");
    assert_eq!(exams[0]["answered"], 3);
    assert_eq!(exams[0]["exam"], id);
    // Handed in: not offered again.
    let next = run_with(data.path(), "");
    assert!(!next.contains("An unfinished exam"), "{next}");
}

#[test]
fn a_plain_exam_killed_mid_way_can_be_handed_in_as_it_stands() {
    let data = tempfile::tempdir().unwrap();
    killed_after_two_answers(data.path());
    let text = run_with(data.path(), "b\n");
    assert!(text.contains("An unfinished exam"), "{text}");
    assert!(text.contains("Mock exam results"), "{text}");
    assert!(!text.contains("Question 3 of 20"), "{text}");
    let lines = log(data.path());
    let exams = of_kind(&lines, "exam");
    assert_eq!(exams.len(), 1, "{lines:?}");
    assert_eq!(exams[0]["answered"], 2);
}

#[test]
fn a_plain_exam_whose_time_ran_out_is_handed_in_at_the_next_start() {
    let data = tempfile::tempdir().unwrap();
    killed_after_two_answers(data.path());
    // As if the whole 30 minutes had gone before the kill.
    let path = data.path().join("progress").join("pekerjaan-sosial.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let used = last_used_ms(&text);
    std::fs::write(&path, text.replace(&used, "\"used_ms\":1800000")).unwrap();
    let output = kisi(data.path()).stdin(Stdio::null()).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    );
    assert!(stderr.contains("ran out while kisi was closed"), "{stderr}");
    assert!(!stdout.contains("An unfinished exam"), "{stdout}");
    let lines = log(data.path());
    let exams = of_kind(&lines, "exam");
    // The old one handed in with its two answers; then a new one, handed
    // in at once by the end of input.
    assert_eq!(exams.len(), 2, "{lines:?}");
    assert_eq!(exams[0]["answered"], 2);
    assert_eq!(exams[0]["duration_secs"], 30 * 60);
}

/// The `"used_ms":N` of the last answer line.
fn last_used_ms(log: &str) -> String {
    let line = log.lines().rfind(|l| l.contains("exam_answer")).unwrap();
    let at = line.find("\"used_ms\":").unwrap();
    let digits: String = line[at + 10..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    format!("\"used_ms\":{digits}")
}
