//! Progress that lasts: the log survives reopening, crashes, damage and
//! concurrent writers; the schedule follows FSRS and an exam date; mock
//! exams honour their blueprint.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use kisi::cli::stats_output::write_stats;
use kisi_core::content::{Entry, ExamSpec, ExamTopic, Pack};
use kisi_core::i18n::Lang;
use kisi_core::progress::{
    Day, Event, EventKind, ExamBlueprint, ExamError, ExamResult, Fsrs, PackLog, Progress, Rating,
    Settings, Store, Timestamp, Warning, build_exam, compute_stats, due_items, fold, item_keys,
    merge, pack_items, review_plan, review_questions,
};
use kisi_core::quiz::{Outcome, QuestionKind, QuizOptions, generate};
use proptest::prelude::*;

use crate::common;

use common::model::right_answer;

const PACK: &str = "uji";
const DAY_MS: i64 = 86_400_000;

fn entry(id: &str, points: usize) -> Entry {
    let texts: Vec<String> = (0..points)
        .map(|i| format!("butir {i} dari {id}"))
        .collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    common::model::entry(id, &format!("Judul {id}"), &format!("Isi {id}."), &texts)
}

/// `topics` topics of `entries` entries with 3 points each.
fn pack(topics: usize, entries: usize) -> Pack {
    let topics = (0..topics)
        .map(|t| {
            let entries = (0..entries)
                .map(|e| entry(&format!("e-{t}-{e}"), 3))
                .collect();
            common::model::topic(&format!("topik-{t}"), &format!("Topik {t}"), entries)
        })
        .collect();
    common::model::pack(PACK, "Sumber", topics)
}

fn builtin() -> Pack {
    kisi_core::content::builtin::builtin_pack().unwrap_or_else(|report| panic!("{report}"))
}

fn review(item: &str, rating: Rating) -> EventKind {
    EventKind::Review {
        item: item.to_owned(),
        rating,
    }
}

fn open(dir: &Path) -> PackLog {
    let (store, warnings) = Store::open(Some(dir));
    assert!(warnings.is_empty(), "{warnings:?}");
    let (log, warnings) = store.pack(PACK);
    assert!(warnings.is_empty(), "{warnings:?}");
    log
}

fn log_path(dir: &Path) -> std::path::PathBuf {
    dir.join("progress").join(format!("{PACK}.jsonl"))
}

fn exam_result(score: f64) -> ExamResult {
    ExamResult {
        questions: 20,
        answered: 20,
        score_percent: score,
        pass_mark: 70,
        passed: score >= 70.0,
        duration_secs: 900,
        by_topic: Vec::new(),
    }
}

#[test]
fn the_log_round_trips_through_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = open(dir.path());
    assert!(log.is_persistent());
    let t = Timestamp(1_700_000_000_000);
    assert!(log.append(review("e-0-0", Rating::Good), t).is_none());
    assert!(log.append(review("e-0-0#1", Rating::Again), t).is_none());
    assert!(
        log.append(EventKind::Exam(exam_result(85.0)), Timestamp(t.0 + 5))
            .is_none()
    );
    let reopened = open(dir.path());
    assert_eq!(reopened.events(), log.events());
    assert_eq!(reopened.events().len(), 3);
    let text = fs::read_to_string(log_path(dir.path())).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(text.lines().all(|l| l.starts_with("{\"v\":1,")), "{text}");
}

#[test]
fn progress_follows_stable_ids_and_ignores_removed_entries() {
    let dir = tempfile::tempdir().unwrap();
    let mut pack = pack(1, 3);
    let mut progress = Progress::new(open(dir.path()));
    let t = Timestamp(1_700_000_000_000);
    let question = generate(
        &pack,
        &QuizOptions {
            count: 1,
            ..QuizOptions::default()
        },
    )
    .unwrap()
    .remove(0);
    let keys = item_keys(&pack, &question);
    assert!(!keys.is_empty());
    assert!(
        progress
            .record_answer(&pack, &question, &Outcome::Correct, true, t)
            .is_none()
    );
    for key in &keys {
        assert_eq!(progress.state().items[key].last_rating, Rating::Good);
    }
    // Rewording the material keeps its progress.
    for entry in &mut pack.topics[0].entries {
        entry.title = format!("{} (diperbaiki)", entry.title).into();
        entry.body = "Isi baru.".into();
        for point in &mut entry.points {
            point.text = format!("{} lagi", point.text).into();
        }
    }
    let reopened = Progress::new(open(dir.path()));
    let unseen = review_plan(&pack, reopened.state(), t.day(), None).unseen;
    assert_eq!(unseen, pack_items(&pack).len() - keys.len());
    // A removed entry's progress is ignored, not an error.
    assert!(
        progress
            .record_review("e-0-0", Rating::Again, Timestamp(t.0 + DAY_MS))
            .is_none()
    );
    pack.topics[0].entries.remove(0);
    let later = Day(t.day().0 + 400);
    let due = due_items(&pack, progress.state(), later, None);
    assert!(!due.iter().any(|k| k.starts_with("e-0-0")), "{due:?}");
}

#[test]
fn the_review_queue_puts_the_most_overdue_first_then_new_items_in_pack_order() {
    let pack = pack(1, 4);
    let mut progress = Progress::new(PackLog::in_memory(PACK));
    let start = Timestamp(1_700_000_000_000);
    // e-0-2 answered Again (due tomorrow), e-0-1 Easy (due in weeks).
    let _ = progress.record_review("e-0-2", Rating::Again, start);
    let _ = progress.record_review("e-0-1", Rating::Easy, start);
    let _ = progress.record_review("e-0-3", Rating::Hard, Timestamp(start.0 + DAY_MS));
    let today = Day(start.day().0 + 3);
    let plan = progress.review_plan(&pack, today, None);
    assert_eq!(plan.due, vec!["e-0-2".to_owned(), "e-0-3".to_owned()]);
    assert_eq!(plan.new[..2], ["e-0-0".to_owned(), "e-0-0#1".to_owned()]);
    assert_eq!(plan.unseen, pack_items(&pack).len() - 3);
    assert_eq!(plan.queue()[..2], plan.due[..]);
    assert_eq!(plan.daily_target(), 2 + 13);
    assert_summary_matches_plan(&pack, progress.state(), today, None);
    assert_summary_matches_plan(&pack, progress.state(), today, Some(today.plus(2)));
    let questions = review_questions(&pack, &plan.queue(), 7);
    assert!(!questions.is_empty());
    let first = item_keys(&pack, &questions[0]);
    assert!(first.contains(&"e-0-2".to_owned()), "{first:?}");
}

/// Home draws the plan's figures on every frame from `plan_summary`, which
/// must count what `review_plan` lists.
fn assert_summary_matches_plan(
    pack: &Pack,
    state: &kisi_core::progress::ProgressState,
    today: Day,
    exam: Option<Day>,
) {
    let plan = review_plan(pack, state, today, exam);
    let summary = kisi_core::progress::plan_summary(pack, state, today, exam);
    let items = pack_items(pack);
    assert_eq!(summary.items, items.len());
    assert_eq!(
        summary.seen,
        items
            .iter()
            .filter(|k| state.items.contains_key(*k))
            .count()
    );
    assert_eq!(summary.due, plan.due.len());
    assert_eq!(summary.days_left, plan.days_left);
    assert_eq!(summary.daily_target, plan.daily_target());
}

/// A student studying every item the plan shows each day, right answers
/// only, gets through a pack of 240 items before an exam 10 days away.
#[test]
fn exam_mode_schedules_every_item_before_the_exam() {
    let pack = pack(4, 15);
    let items = pack_items(&pack);
    assert_eq!(items.len(), 240);
    let start = Day(20_000);
    let exam = start.plus(10);
    let mut progress = Progress::new(PackLog::in_memory(PACK));
    let mut targets = Vec::new();
    for offset in 0..10 {
        let today = start.plus(offset);
        let plan = progress.review_plan(&pack, today, Some(exam));
        assert_eq!(plan.days_left, Some(10 - offset));
        assert_summary_matches_plan(&pack, progress.state(), today, Some(exam));
        targets.push(plan.daily_target());
        let at = Timestamp(today.0 * DAY_MS + 3_600_000);
        for (i, item) in plan.queue().iter().enumerate() {
            let rating = if i % 3 == 0 {
                Rating::Hard
            } else {
                Rating::Good
            };
            let _ = progress.record_review(item, rating, at);
        }
    }
    let state = progress.state();
    for item in &items {
        let seen = state
            .items
            .get(item)
            .expect("every item seen before the exam");
        assert!(seen.last_review.day() < exam);
        assert!(
            seen.recall_on(exam) >= 0.9,
            "{item} is weak on the exam day: {:.2}",
            seen.recall_on(exam)
        );
    }
    // 240 items over 10 days: 24 new a day, plus the reviews.
    assert!(targets[0] >= 24, "{targets:?}");
    // Without the exam date, 20 new items a day would not be enough.
    let mut relaxed = Progress::new(PackLog::in_memory(PACK));
    for offset in 0..10 {
        let today = start.plus(offset);
        let at = Timestamp(today.0 * DAY_MS);
        for item in relaxed.review_plan(&pack, today, None).queue() {
            let _ = relaxed.record_review(&item, Rating::Good, at);
        }
    }
    assert!(relaxed.state().items.len() < items.len());
}

#[test]
fn the_daily_target_spreads_unseen_items_over_the_days_left() {
    let pack = pack(1, 10); // 40 items
    let state = fold(&[], &Fsrs::default());
    let today = Day(20_000);
    assert_eq!(
        kisi_core::progress::daily_target(&pack, &state, today, Some(today.plus(3))),
        14
    );
    assert_eq!(
        kisi_core::progress::daily_target(&pack, &state, today, Some(today.plus(1))),
        40
    );
    // An exam date in the past is no exam date.
    assert_eq!(
        kisi_core::progress::daily_target(&pack, &state, today, Some(today.plus(-1))),
        20
    );
}

// --- Crashes, damage, read-only folders, concurrent writers ---------------

const WRITER_DIR: &str = "KISI_PROGRESS_WRITER_DIR";
const WRITER_PREFIX: &str = "KISI_PROGRESS_WRITER_PREFIX";

/// Not a test: the child process of `a_writer_killed_at_any_moment_loses_no_saved_review`,
/// which runs it with `--ignored`. It appends reviews until killed and
/// reports each one once it is on disk.
#[test]
#[ignore = "run as a child process by the crash test"]
fn writer_child() {
    use std::io::Write;
    // Run by hand with --ignored, there is nothing to do.
    let (Ok(dir), Ok(prefix)) = (std::env::var(WRITER_DIR), std::env::var(WRITER_PREFIX)) else {
        return;
    };
    let (store, _) = Store::open(Some(Path::new(&dir)));
    let (mut log, _) = store.pack(PACK);
    let mut out = std::io::stdout().lock();
    for n in 0u64.. {
        let item = format!("{prefix}-{n}");
        assert!(
            log.append(review(&item, Rating::Good), Timestamp::now())
                .is_none()
        );
        writeln!(out, "saved {n}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_writer_killed_at_any_moment_loses_no_saved_review() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut random: u64 = 0x2545_F491_4F6C_DD1D;
    let mut total_saved = 0;
    for round in 0..200 {
        let prefix = format!("r{round}");
        let mut child = Command::new(&exe)
            .args([
                "progress::writer_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER_DIR, dir.path())
            .env(WRITER_PREFIX, &prefix)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("saved ") {
                    sender.send(n.parse::<u64>().unwrap()).unwrap();
                }
            }
        });
        let first = receiver.recv_timeout(Duration::from_secs(30));
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        std::thread::sleep(Duration::from_micros(random % 4000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        let saved: Vec<u64> = first.into_iter().chain(receiver.try_iter()).collect();
        total_saved += saved.len();

        let (store, warnings) = Store::open(Some(dir.path()));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (log, warnings) = store.pack(PACK);
        // A kill can land inside the one `write` of a line when the line
        // straddles a page of the file (Linux stops a write between pages
        // for a fatal signal). The next writer ends that torn line, and it is
        // then reported as damaged, by design (see
        // `a_torn_last_line_is_ignored_quietly_and_the_next_line_stays_whole`).
        // It never held a review reported saved; nothing else may be reported.
        assert!(
            warnings
                .iter()
                .all(|w| matches!(w, Warning::DamagedLines { .. })),
            "round {round}: {warnings:?}"
        );
        let items: HashSet<String> = log
            .events()
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Review { item, .. } => Some(item.clone()),
                EventKind::Exam(_) => None,
            })
            .collect();
        for n in saved {
            assert!(
                items.contains(&format!("{prefix}-{n}")),
                "round {round}: review {n} was reported saved but is missing"
            );
        }
    }
    assert!(total_saved >= 200, "the writer barely wrote: {total_saved}");
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut log = open(&dir);
                for n in 0..400 {
                    let item = format!("w{w}-{n}");
                    assert!(
                        log.append(review(&item, Rating::Good), Timestamp(n))
                            .is_none()
                    );
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let log = open(dir.path());
    assert_eq!(log.events().len(), 800);
    let text = fs::read_to_string(log_path(dir.path())).unwrap();
    // Every event is one whole line. A writer that finds the file not ending
    // in a newline (another write under way) starts with one, so a blank
    // line may appear; readers skip blank lines.
    assert_eq!(text.lines().filter(|l| !l.trim().is_empty()).count(), 800);
    assert!(
        text.lines()
            .all(|l| l.trim().is_empty() || l.starts_with("{\"v\":1"))
    );
}

#[test]
fn a_process_sees_what_another_appended_after_reloading() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Progress::new(open(dir.path()));
    let mut second = Progress::new(open(dir.path()));
    let _ = first.record_review("e-0-0", Rating::Good, Timestamp(1));
    let _ = second.record_review("e-0-1", Rating::Good, Timestamp(2));
    assert!(first.reload().is_empty());
    assert_eq!(first.state().items.len(), 2);
    assert!(second.reload().is_empty());
    assert_eq!(first.log().events(), second.log().events());
}

#[test]
fn a_torn_last_line_is_ignored_quietly_and_the_next_line_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = open(dir.path());
    let _ = log.append(review("a", Rating::Good), Timestamp(1));
    let path = log_path(dir.path());
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("{\"v\":1,\"id\":\"torn\",\"pa");
    fs::write(&path, &text).unwrap();
    let mut log = open(dir.path());
    assert_eq!(log.events().len(), 1);
    assert!(
        log.append(review("b", Rating::Good), Timestamp(2))
            .is_none()
    );
    // The torn line is now in the middle: reported, and both reviews kept.
    let (store, _) = Store::open(Some(dir.path()));
    let (log, warnings) = store.pack(PACK);
    assert_eq!(log.events().len(), 2);
    assert_eq!(
        warnings,
        vec![Warning::DamagedLines {
            path: path.clone(),
            count: 1
        }]
    );
}

#[test]
fn a_corrupt_log_is_moved_aside_and_kisi_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let path = log_path(dir.path());
    fs::write(&path, b"\x00\x01garbage\nmore garbage\n").unwrap();
    let (store, _) = Store::open(Some(dir.path()));
    let (mut log, warnings) = store.pack(PACK);
    let [Warning::MovedAside { path: from, to }] = warnings.as_slice() else {
        panic!("{warnings:?}");
    };
    assert_eq!(from, &path);
    assert!(to.to_string_lossy().contains(".corrupt-"));
    assert_eq!(fs::read(to).unwrap(), b"\x00\x01garbage\nmore garbage\n");
    assert!(log.events().is_empty());
    assert!(
        log.append(review("a", Rating::Good), Timestamp(1))
            .is_none()
    );
    assert_eq!(open(dir.path()).events().len(), 1);
    // A warning is readable in both languages.
    assert!(warnings[0].message(Lang::Id).contains("rusak"));
    assert!(warnings[0].message(Lang::En).contains("damaged"));
}

#[test]
fn a_log_with_some_damaged_lines_keeps_the_good_ones_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = open(dir.path());
    let _ = log.append(review("a", Rating::Good), Timestamp(1));
    let path = log_path(dir.path());
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("not json\n{\"v\":7,\"future\":1}\n");
    fs::write(&path, &text).unwrap();
    let (store, _) = Store::open(Some(dir.path()));
    let (log, warnings) = store.pack(PACK);
    assert_eq!(log.events().len(), 1);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(matches!(
        warnings[0],
        Warning::DamagedLines { count: 1, .. }
    ));
    assert!(matches!(warnings[1], Warning::NewerFormat { count: 1, .. }));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        text,
        "nothing rewritten"
    );
}

#[test]
fn an_unwritable_data_folder_means_progress_for_this_session_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, "").unwrap();
    // A folder under a regular file cannot exist, even for root.
    let (store, warnings) = Store::open(Some(&file.join("kisi")));
    assert!(matches!(warnings.as_slice(), [Warning::Unwritable { .. }]));
    assert!(store.root().is_none());
    let (log, warnings) = store.pack(PACK);
    assert!(warnings.is_empty());
    let mut progress = Progress::new(log);
    assert!(
        progress
            .record_review("e-0-0", Rating::Good, Timestamp(1))
            .is_none()
    );
    assert_eq!(progress.state().items.len(), 1);
    assert!(!progress.log().is_persistent());
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_means_progress_for_this_session_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    fs::set_permissions(&data, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(data.join("probe"), "").is_ok() {
        eprintln!("skipped: running as root, permission bits do not stop writes");
        return;
    }
    let (store, warnings) = Store::open(Some(&data));
    assert!(matches!(warnings.as_slice(), [Warning::Unwritable { .. }]));
    assert!(store.root().is_none());
}

#[test]
fn a_failing_write_keeps_the_review_for_the_session_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = open(dir.path());
    // The log's place is taken by a folder: appending cannot work.
    fs::create_dir(log_path(dir.path())).unwrap();
    let warning = log.append(review("a", Rating::Good), Timestamp(1));
    assert!(
        matches!(warning, Some(Warning::WriteFailed { .. })),
        "{warning:?}"
    );
    assert_eq!(log.events().len(), 1);
    assert!(!log.is_persistent());
    assert!(
        log.append(review("b", Rating::Good), Timestamp(2))
            .is_none()
    );
    assert_eq!(log.events().len(), 2);
}

#[test]
fn settings_are_saved_atomically_and_a_corrupt_file_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(Some(dir.path()));
    let (settings, warnings) = store.settings();
    assert_eq!(settings, Settings::default());
    assert!(warnings.is_empty());
    let mut settings = Settings::default();
    settings
        .exam_dates
        .insert(PACK.to_owned(), Day::parse("2025-07-01").unwrap());
    store.save_settings(&settings).unwrap();
    assert_eq!(store.settings(), (settings.clone(), Vec::new()));
    let text = fs::read_to_string(dir.path().join("settings.json")).unwrap();
    assert!(text.contains("\"2025-07-01\""), "{text}");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    fs::write(dir.path().join("settings.json"), "{ broken").unwrap();
    let (settings, warnings) = store.settings();
    assert_eq!(settings, Settings::default());
    assert!(matches!(warnings.as_slice(), [Warning::MovedAside { .. }]));
    assert!(!dir.path().join("settings.json").exists());
}

// --- Merging logs ----------------------------------------------------------

fn arb_reviews() -> impl Strategy<Value = Vec<(usize, u8, i64, bool)>> {
    // (item, rating, time in hours, which process writes it)
    prop::collection::vec((0usize..6, 1u8..=4, 0i64..2000, any::<bool>()), 0..60)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn written_reread_and_merged_logs_give_the_same_state(reviews in arb_reviews()) {
        let dir_a = tempfile::tempdir().unwrap();
        let dir_b = tempfile::tempdir().unwrap();
        let mut a = open(dir_a.path());
        let mut b = open(dir_b.path());
        for (item, grade, hours, first) in &reviews {
            let kind = review(&format!("e-0-{item}"), Rating::from_grade(*grade).unwrap());
            let at = Timestamp(hours * 3_600_000);
            let log = if *first { &mut a } else { &mut b };
            prop_assert!(log.append(kind, at).is_none());
        }
        let fsrs = Fsrs::default();
        let in_memory = merge(a.events(), b.events());
        let reread_a = open(dir_a.path());
        let reread_b = open(dir_b.path());
        prop_assert_eq!(reread_a.events(), a.events());
        let merged = merge(reread_a.events(), reread_b.events());
        prop_assert_eq!(&merged, &in_memory);
        prop_assert_eq!(merge(reread_b.events(), reread_a.events()), merged.clone());
        prop_assert_eq!(merge(&merged, reread_a.events()), merged.clone());
        let state = fold(&merged, &fsrs);
        prop_assert_eq!(&state, &fold(&in_memory, &fsrs));
        // The fold does not depend on the order the events come in.
        let mut reversed = merged.clone();
        reversed.reverse();
        prop_assert_eq!(&fold(&reversed, &fsrs), &state);
        let reviewed: HashSet<usize> = reviews.iter().map(|r| r.0).collect();
        prop_assert_eq!(state.items.len(), reviewed.len());
    }
}

// --- Mock exams and statistics -------------------------------------------

#[test]
fn the_default_blueprint_spreads_20_questions_by_entries() {
    let pack = builtin();
    let blueprint = ExamBlueprint::for_pack(&pack).unwrap();
    assert_eq!(blueprint.questions, 20);
    assert_eq!(blueprint.time_limit, Duration::from_secs(30 * 60));
    assert_eq!(blueprint.pass_mark, 70);
    assert_eq!(blueprint.per_topic.iter().map(|t| t.1).sum::<usize>(), 20);
    let biggest = pack.topics.iter().max_by_key(|t| t.entries.len()).unwrap();
    let smallest = pack.topics.iter().min_by_key(|t| t.entries.len()).unwrap();
    let count = |id: &str| {
        blueprint
            .per_topic
            .iter()
            .find(|t| t.0 == id)
            .map_or(0, |t| t.1)
    };
    assert!(count(&biggest.id) >= count(&smallest.id));
}

#[test]
fn an_exam_honours_its_blueprint() {
    let pack = pack(3, 6);
    let blueprint = ExamBlueprint {
        questions: 12,
        per_topic: vec![
            ("topik-0".to_owned(), 6),
            ("topik-1".to_owned(), 4),
            ("topik-2".to_owned(), 2),
        ],
        time_limit: Duration::from_secs(600),
        pass_mark: 60,
    };
    let questions = build_exam(&pack, &blueprint, 42, Lang::Id).unwrap();
    assert_eq!(questions.len(), 12);
    let mut per_topic: HashMap<usize, usize> = HashMap::new();
    for q in &questions {
        *per_topic.entry(q.topic().unwrap()).or_default() += 1;
        assert_ne!(
            q.kind(),
            QuestionKind::Flashcard,
            "exams are not self-graded"
        );
    }
    assert_eq!(per_topic, HashMap::from([(0, 6), (1, 4), (2, 2)]));
    let keys: HashSet<&str> = questions.iter().map(|q| q.key.as_str()).collect();
    assert_eq!(keys.len(), 12);
    assert_eq!(
        build_exam(&pack, &blueprint, 42, Lang::Id).unwrap(),
        questions
    );
}

#[test]
fn a_topic_short_of_material_is_made_up_from_the_others() {
    let mut pack = pack(2, 6);
    pack.topics[1].entries.truncate(1);
    pack.topics[1].entries[0].points = Box::default();
    let blueprint = ExamBlueprint {
        questions: 10,
        per_topic: vec![("topik-0".to_owned(), 5), ("topik-1".to_owned(), 5)],
        time_limit: Duration::from_secs(600),
        pass_mark: 70,
    };
    let questions = build_exam(&pack, &blueprint, 1, Lang::En).unwrap();
    assert_eq!(questions.len(), 10);
}

#[test]
fn the_exam_table_of_a_pack_makes_the_blueprint() {
    let mut pack = pack(3, 4);
    pack.exam = Some(ExamSpec {
        questions: None,
        time_limit_minutes: Some(45),
        pass_mark: Some(80),
        topics: vec![
            ExamTopic {
                topic: "topik-2".to_owned(),
                questions: 3,
            },
            ExamTopic {
                topic: "topik-0".to_owned(),
                questions: 5,
            },
        ],
    });
    // The listed topics get their questions; topik-1 takes the rest of 20.
    let blueprint = ExamBlueprint::for_pack(&pack).unwrap();
    assert_eq!(blueprint.questions, 20);
    assert_eq!(
        blueprint.per_topic,
        vec![
            ("topik-0".to_owned(), 5),
            ("topik-1".to_owned(), 12),
            ("topik-2".to_owned(), 3)
        ]
    );
    assert_eq!(blueprint.time_limit, Duration::from_secs(45 * 60));
    assert_eq!(blueprint.pass_mark, 80);

    let spec = pack.exam.as_mut().unwrap();
    spec.questions = Some(7);
    assert_eq!(
        ExamBlueprint::for_pack(&pack),
        Err(ExamError::CountMismatch { total: 7, sum: 8 })
    );
    let spec = pack.exam.as_mut().unwrap();
    spec.questions = Some(9);
    spec.topics.push(ExamTopic {
        topic: "topik-1".to_owned(),
        questions: 1,
    });
    let blueprint = ExamBlueprint::for_pack(&pack).unwrap();
    assert_eq!(blueprint.per_topic.iter().map(|t| t.1).sum::<usize>(), 9);
    // Every topic listed: nothing is left to take a rest.
    pack.exam.as_mut().unwrap().questions = Some(10);
    assert_eq!(
        ExamBlueprint::for_pack(&pack),
        Err(ExamError::CountMismatch { total: 10, sum: 9 })
    );
    let spec = pack.exam.as_mut().unwrap();
    spec.topics[2].topic = "topik-0".to_owned();
    assert_eq!(
        ExamBlueprint::for_pack(&pack),
        Err(ExamError::DuplicateTopic("topik-0".to_owned()))
    );
    let spec = pack.exam.as_mut().unwrap();
    spec.topics[0].topic = "tidak-ada".to_owned();
    assert_eq!(
        ExamBlueprint::for_pack(&pack),
        Err(ExamError::UnknownTopic("tidak-ada".to_owned()))
    );
    pack.exam = Some(ExamSpec {
        questions: Some(10),
        ..ExamSpec::default()
    });
    let blueprint = ExamBlueprint::for_pack(&pack).unwrap();
    assert_eq!(
        blueprint.per_topic.iter().map(|t| t.1).collect::<Vec<_>>(),
        vec![4, 3, 3]
    );
    assert_eq!(blueprint.time_limit, Duration::from_secs(30 * 60));
    assert_eq!(blueprint.pass_mark, 70);
}

#[test]
fn an_exam_result_counts_unanswered_questions_as_wrong_and_is_kept() {
    let pack = builtin();
    let blueprint = ExamBlueprint::for_pack(&pack).unwrap();
    let questions = build_exam(&pack, &blueprint, 3, Lang::Id).unwrap();
    let mut session = kisi_core::quiz::Session::new(questions);
    for _ in 0..15 {
        let q = session.current().unwrap().clone();
        session.submit(right_answer(&q));
    }
    let result =
        kisi_core::progress::exam_result(&pack, &session, &blueprint, Duration::from_secs(600));
    assert_eq!(result.questions, 20);
    assert_eq!(result.answered, 15);
    assert!((result.score_percent - 75.0).abs() < 1e-9, "{result:?}");
    assert!(result.passed);
    assert!(!result.by_topic.is_empty());

    let mut progress = Progress::new(PackLog::in_memory(&pack.meta.id));
    let _ = progress.record_exam(result.clone(), Timestamp(1_700_000_000_000));
    assert_eq!(
        progress.state().exams,
        vec![(Timestamp(1_700_000_000_000), result)]
    );
}

#[test]
fn stats_show_mastery_reviews_due_counts_and_exams() {
    let pack = pack(2, 2); // 16 items, 8 per topic
    let mut progress = Progress::new(PackLog::in_memory(PACK));
    let day0 = Day(20_000);
    let at = |day: Day| Timestamp(day.0 * DAY_MS + 1000);
    // e-0-0 learnt well over a month; e-1-0 seen once.
    let mut day = day0;
    for _ in 0..4 {
        let _ = progress.record_review("e-0-0", Rating::Good, at(day));
        let due = progress.state().items["e-0-0"].due;
        day = due;
    }
    let _ = progress.record_review("e-1-0", Rating::Again, at(day0));
    let _ = progress.record_exam(exam_result(65.0), at(day0));
    // The day before e-0-0 falls due again.
    let today = day.plus(-1);
    let stats = compute_stats(&pack, progress.state(), today, None, 2);
    assert_eq!((stats.items, stats.seen, stats.mastered), (16, 2, 1));
    assert_eq!(stats.topics[0].mastered, 1);
    assert!((stats.topics[0].mastery_percent() - 12.5).abs() < 1e-9);
    assert_eq!(stats.topics[1].mastered, 0);
    assert_eq!(stats.reviews_per_day.len(), 14);
    assert_eq!(stats.reviews_per_day.last().unwrap().day, today);
    assert_eq!(stats.due_ahead.len(), 7);
    // e-1-0 is long overdue: due today; e-0-0 tomorrow.
    assert_eq!(stats.due_ahead[0].count, 1);
    assert_eq!(stats.due_ahead[1].count, 1);
    assert_eq!(stats.due_ahead.iter().map(|d| d.count).sum::<usize>(), 2);
    assert_eq!(stats.exams.len(), 1);

    let mut text = Vec::new();
    write_stats(&stats, Lang::Id, false, &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("Penguasaan per topik"), "{text}");
    assert!(text.contains("65%"), "{text}");
    assert!(text.contains("belum lulus"), "{text}");
    let mut json = Vec::new();
    write_stats(&stats, Lang::En, true, &mut json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(value["items"], 16);
    assert_eq!(value["exams"][0]["score_percent"], 65.0);
    assert_eq!(value["today"], today.to_string());
}

#[test]
fn review_events_read_back_with_their_rating() {
    let mut log = PackLog::in_memory(PACK);
    let _ = log.append(review("x", Rating::Hard), Timestamp(3));
    let json = serde_json::to_string(&log.events()[0]).unwrap();
    assert!(json.contains("\"rating\":2"), "{json}");
    let back: Event = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log.events()[0]);
    let bad = json.replace("\"rating\":2", "\"rating\":9");
    assert!(serde_json::from_str::<Event>(&bad).is_err());
}
