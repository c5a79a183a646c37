#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::content::builtin::builtin_pack;
use crate::progress::fsrs::{Fsrs, Rating};
use crate::progress::schedule::fold;
use crate::progress::store::Store;

fn event(id: &str, at: i64, kind: EventKind) -> Event {
    Event {
        id: id.to_owned(),
        pack: "p".to_owned(),
        at: Timestamp(at),
        kind,
    }
}

fn start(exam: &str, questions: usize) -> EventKind {
    EventKind::ExamStart(ExamStart {
        exam: exam.to_owned(),
        seed: 7,
        lang: "en".to_owned(),
        questions,
        check: "0".to_owned(),
        time_limit_secs: 600,
        pass_mark: 70,
    })
}

fn answer(exam: &str, question: usize, choice: usize, used_ms: u64) -> EventKind {
    EventKind::ExamAnswer(ExamAnswer {
        exam: exam.to_owned(),
        question,
        answer: StoredAnswer::Choice(choice),
        used_ms,
    })
}

fn closing(exam: &str) -> EventKind {
    EventKind::Exam(ExamResult {
        questions: 3,
        answered: 1,
        score_percent: 33.3,
        pass_mark: 70,
        passed: false,
        duration_secs: 60,
        by_topic: Vec::new(),
        exam: Some(exam.to_owned()),
    })
}

fn journals(events: &[Event]) -> Journals {
    fold(events, &Fsrs::default()).journals
}

#[test]
fn an_exam_without_its_hand_in_is_unfinished_with_its_answers_and_time() {
    let events = [
        event("a", 1_000, start("x", 3)),
        event("b", 5_000, answer("x", 0, 2, 4_000)),
        event("c", 9_000, answer("x", 2, 1, 8_000)),
        event(
            "d",
            70_000,
            EventKind::ExamTime {
                exam: "x".to_owned(),
                used_ms: 69_000,
            },
        ),
    ];
    let journals = journals(&events);
    let open = journals.unfinished().expect("offered");
    assert_eq!(open.id, "x");
    assert_eq!(
        open.answers(),
        vec![Some(Answer::Choice(2)), None, Some(Answer::Choice(1))]
    );
    assert_eq!(open.used_ms, 69_000);
    // Restarted 5 s after the last line: it died within those 5 s.
    assert_eq!(open.time_used(Timestamp(75_000)), Duration::from_secs(74));
    // Restarted a day later: at most a minute more counts, not the day.
    assert_eq!(
        open.time_used(Timestamp(86_400_000)),
        Duration::from_secs(129)
    );
    assert!(!open.timed_out(Timestamp(86_400_000)));
    assert_eq!(open.time_limit(), Duration::from_secs(600));
}

#[test]
fn the_hand_in_closes_it_and_a_line_folded_after_does_not_open_it_again() {
    let events = [
        event("a", 1_000, start("x", 3)),
        event("b", 2_000, answer("x", 0, 2, 1_000)),
        event("c", 3_000, closing("x")),
        // Another kisi, still writing to it, with a clock ahead.
        event("d", 4_000, answer("x", 1, 0, 2_000)),
    ];
    let journals = journals(&events);
    assert!(journals.unfinished().is_none());
    assert!(journals.is_closed("x"));
    assert_eq!(journals.open().count(), 0);
    let state = fold(&events, &Fsrs::default());
    assert_eq!(state.exams.len(), 1, "the hand-in counts in the history");
}

#[test]
fn the_latest_answer_by_the_exams_clock_wins_whatever_the_line_order() {
    // The wall clock was set back between the two answers to question 0.
    let events = [
        event("a", 10_000, start("x", 2)),
        event("b", 20_000, answer("x", 0, 3, 10_000)),
        event("c", 15_000, answer("x", 0, 1, 40_000)),
    ];
    let journals = journals(&events);
    let open = journals.unfinished().unwrap();
    assert_eq!(open.answers()[0], Some(Answer::Choice(1)));
    assert_eq!(open.used_ms, 40_000);
}

#[test]
fn an_exam_whose_start_is_not_folded_is_not_offered_and_the_last_started_is() {
    let events = [
        event("a", 1_000, answer("lost", 0, 1, 500)),
        event("b", 2_000, start("old", 2)),
        event("c", 3_000, start("new", 2)),
        event(
            "d",
            4_000,
            EventKind::ExamDropped {
                exam: "gone".to_owned(),
            },
        ),
        event("e", 5_000, start("gone", 2)),
    ];
    let journals = journals(&events);
    assert_eq!(journals.unfinished().unwrap().id, "new");
    assert_eq!(journals.open().count(), 3, "lost, new, old: not gone");
    assert!(journals.is_closed("gone"));
}

#[test]
fn answers_out_of_range_or_with_unsafe_text_are_kept_out() {
    let mut events = vec![event("a", 1_000, start("x", 1))];
    events.push(event("b", 2_000, answer("x", 5, 0, 1_000)));
    events.push(event(
        "c",
        3_000,
        EventKind::ExamAnswer(ExamAnswer {
            exam: "x".to_owned(),
            question: 0,
            answer: StoredAnswer::Typed("a\u{1b}]52;c;x\u{7}\u{202e}b".to_owned()),
            used_ms: 2_000,
        }),
    ));
    let journals = journals(&events);
    let answers = journals.unfinished().unwrap().answers();
    assert_eq!(answers, vec![Some(Answer::Typed("a]52;c;xb".to_owned()))]);
}

#[test]
fn a_journal_survives_the_log_on_disk_and_an_old_kisi_would_skip_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (store, warnings) = Store::open(Some(dir.path()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let (mut log, _) = store.pack("p");
    let review = EventKind::Review {
        item: "e".to_owned(),
        rating: Rating::Good,
        due_now: false,
    };
    assert!(log.append(review, Timestamp(500)).is_none());
    assert!(log.append(start("x", 2), Timestamp(1_000)).is_none());
    assert!(
        log.append(answer("x", 1, 3, 900), Timestamp(2_000))
            .is_none()
    );
    let text = std::fs::read_to_string(log.path().unwrap()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("{\"v\":1,"), "{}", lines[0]);
    assert!(lines[1].starts_with("{\"v\":2,"), "{}", lines[1]);
    assert!(
        lines[2].contains("\"answer\":{\"choice\":3}"),
        "{}",
        lines[2]
    );
    // A torn line after them (killed mid-write) costs nothing saved.
    let torn = &lines[2][..40];
    std::fs::write(log.path().unwrap(), format!("{text}{torn}")).unwrap();
    let (log, warnings) = store.pack("p");
    assert!(warnings.is_empty(), "{warnings:?}");
    let state = fold(log.events(), &Fsrs::default());
    let open = state.journals.unfinished().unwrap();
    assert_eq!(open.answers(), vec![None, Some(Answer::Choice(3))]);
    assert_eq!(state.items.len(), 1);
}

#[test]
fn a_rebuilt_exam_asks_the_same_questions_and_hands_in_with_the_answers_saved() {
    let pack = builtin_pack().unwrap();
    let blueprint = ExamBlueprint::of_pack(&pack);
    let questions = build_exam(&pack, &blueprint, 11, Lang::Id).unwrap();
    let begun = ExamStart::new("x".to_owned(), 11, Lang::Id, &questions, &blueprint);
    let (index, right) = questions
        .iter()
        .enumerate()
        .find_map(|(i, q)| match q.body {
            crate::quiz::Body::Choice { correct, .. } => Some((i, StoredAnswer::Choice(correct))),
            crate::quiz::Body::TrueFalse { answer } => Some((i, StoredAnswer::TrueFalse(answer))),
            _ => None,
        })
        .unwrap();
    let events = [
        event("a", 1_000, EventKind::ExamStart(begun.clone())),
        event(
            "b",
            2_000,
            EventKind::ExamAnswer(ExamAnswer {
                exam: "x".to_owned(),
                question: index,
                answer: right,
                used_ms: 1_000,
            }),
        ),
    ];
    let journals = journals(&events);
    let open = journals.unfinished().unwrap();
    let (again, rebuilt) = open.rebuild(&pack).unwrap();
    assert_eq!(check_of(&again), check_of(&questions));
    assert_eq!(rebuilt.time_limit, blueprint.time_limit);
    let result = open.hand_in(&pack, Timestamp(3_000)).unwrap();
    assert_eq!(result.exam.as_deref(), Some("x"));
    assert_eq!((result.questions, result.answered), (questions.len(), 1));
    assert!(result.score_percent > 0.0, "{result:?}");
    assert_eq!(result.duration_secs, 2);
    // Drawn from another seed (or a pack changed since): not these answers.
    let mut other = begun;
    other.seed = 12;
    let journals = self::journals(&[event("a", 1_000, EventKind::ExamStart(other))]);
    assert!(journals.unfinished().unwrap().rebuild(&pack).is_none());
}
