#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;

mod extra_time;

use super::*;
use crate::content::EntryRef;
use crate::content::synthetic::synthetic_pack;
use crate::quiz::{Body, Prompt, QuizOptions, Target, generate};

fn pack() -> Pack {
    synthetic_pack(12, 3)
}

fn target(entry: usize) -> Vec<Target> {
    vec![Target {
        entry: EntryRef { topic: 0, entry },
        point: None,
    }]
}

/// One question of each kind a room asks, each with words found nowhere
/// else (`secret-N`, `because-N`), so a leak is seen in any message.
fn questions() -> Vec<Question> {
    let question = |n: usize, body: Body| Question {
        key: format!("q{n}"),
        prompt: Prompt::Authored {
            text: format!("Pertanyaan {n}?"),
        },
        body,
        targets: target(n),
        explanation: format!("because-{n}"),
        source: None,
    };
    let texts = |n: usize, k: usize| (0..k).map(|i| format!("item-{n}-{i}")).collect();
    vec![
        question(
            0,
            Body::Choice {
                options: texts(0, 4),
                correct: 2,
            },
        ),
        question(1, Body::TrueFalse { answer: false }),
        question(
            2,
            Body::Typed {
                candidates: vec![vec!["secret-2".into()], vec!["other".into()]],
                correct: 0,
            },
        ),
        question(
            3,
            Body::Ordering {
                items: texts(3, 3),
                order: vec![2, 0, 1],
            },
        ),
        question(
            4,
            Body::Matching {
                left: texts(4, 3),
                right: vec!["r0".into(), "r1".into(), "r2".into()],
                pairs: vec![1, 2, 0],
            },
        ),
        question(
            5,
            Body::ListAll {
                items: vec![vec!["secret-5a".into()], vec!["secret-5b".into()]],
                decoys: Vec::new(),
            },
        ),
        question(
            6,
            Body::Flashcard {
                back: "secret-6".into(),
            },
        ),
    ]
}

fn room(config: RoomConfig) -> Room {
    Room::new(&pack(), questions(), config, 42)
}

fn code(room: &Room) -> String {
    room.code().as_str().to_owned()
}

#[test]
fn flashcards_are_not_asked_and_items_have_labels() {
    let room = room(RoomConfig::default());
    assert_eq!(room.questions().len(), 6);
    let first = &room.questions()[0];
    assert_eq!(first.items.len(), 1);
    assert_eq!(first.items[0].key, *pack().topics[0].entries[0].id);
    assert_eq!(first.items[0].label, *pack().topics[0].entries[0].title);
}

#[test]
fn questions_from_the_class_quiz_generator_fit_a_room() {
    let pack = pack();
    let options = QuizOptions {
        count: 20,
        seed: 9,
        ..QuizOptions::default()
    };
    let questions = generate(&pack, &options).unwrap_or_default();
    let flashcards = questions
        .iter()
        .filter(|q| matches!(q.body, Body::Flashcard { .. }))
        .count();
    let room = Room::new(&pack, questions.clone(), RoomConfig::default(), 1);
    assert_eq!(room.questions().len(), questions.len() - flashcards);
    assert!(room.questions().iter().all(|q| !q.items.is_empty()));
}

#[test]
fn joins_clean_names_refuse_doubles_and_count_wrong_codes() {
    let mut room = room(RoomConfig {
        max_students: 2,
        max_wrong_codes: 3,
        ..RoomConfig::default()
    });
    let code = code(&room);
    let budi = room.join("a", &code.to_lowercase(), "\u{1b}[31mBudi\u{202e}", 0);
    assert_eq!(budi, Ok(StudentId(0)));
    assert_eq!(room.students()[0].name, "[31mBudi");
    assert_eq!(
        room.join("b", &code, "[31mbudi", 0),
        Err(Refused::NameTaken)
    );
    assert_eq!(room.join("b", &code, " \u{7} ", 0), Err(Refused::NameEmpty));
    assert_eq!(room.join("b", &code, "Ani", 0), Ok(StudentId(1)));
    assert_eq!(room.join("c", &code, "Citra", 0), Err(Refused::Full));
    assert_eq!(room.join("x", "AAAAAA", "X", 0), Err(Refused::WrongCode));
    assert_eq!(room.join("x", "AAAAAA", "X", 0), Err(Refused::WrongCode));
    assert_eq!(room.join("x", "AAAAAA", "X", 0), Err(Refused::CutOff));
    // Cut off, even with the right code now.
    assert_eq!(room.join("x", &code, "X", 0), Err(Refused::CutOff));
}

#[test]
fn the_host_clock_decides_and_one_answer_counts() {
    let mut room = room(RoomConfig {
        seconds: 10,
        ..RoomConfig::default()
    });
    let code = code(&room);
    let a = room.join("a", &code, "Ani", 0).unwrap();
    let b = room.join("b", &code, "Budi", 0).unwrap();
    assert_eq!(
        room.answer(a, 0, WireAnswer::Choice(2), 0),
        Err(NotTaken::NotOpen)
    );
    assert!(room.start(1_000));
    let taken = room.answer(a, 0, WireAnswer::Choice(2), 4_000);
    assert_eq!(taken.as_ref().map(|r| r.credit), Ok(1.0));
    assert_eq!(taken.map(|r| r.taken_ms), Ok(3_000));
    assert_eq!(
        room.answer(a, 0, WireAnswer::Choice(1), 5_000),
        Err(NotTaken::AlreadyAnswered)
    );
    assert_eq!(room.answers_in(0), 1);
    // Paused for 5 s: the deadline moves by 5 s.
    assert!(room.toggle_pause(6_000));
    assert!(!room.tick(20_000));
    assert!(room.toggle_pause(11_000));
    assert_eq!(room.left_ms(11_000), Some(5_000));
    assert!(room.extend(10, 11_000));
    assert_eq!(room.left_ms(11_000), Some(15_000));
    assert!(!room.tick(25_999));
    assert!(room.tick(26_000));
    assert_eq!(room.phase(), Phase::Revealed(0));
    assert_eq!(
        room.answer(b, 0, WireAnswer::Choice(2), 26_001),
        Err(NotTaken::TooLate)
    );
    let tally = room.tally(0).expect("a tally");
    assert_eq!((tally.answered, tally.students), (1, 2));
    assert_eq!(tally.bars[2].count, 1);
    assert!(tally.bars[2].correct);
    assert!((tally.score - 0.5).abs() < 1e-9);
}

#[test]
fn changes_are_allowed_until_the_deadline_when_the_room_says_so() {
    let mut room = room(RoomConfig {
        seconds: 10,
        allow_change: true,
        ..RoomConfig::default()
    });
    let code = code(&room);
    let a = room.join("a", &code, "Ani", 0).unwrap();
    room.start(0);
    assert!(room.answer(a, 0, WireAnswer::Choice(1), 1).is_ok());
    assert!(room.answer(a, 0, WireAnswer::Choice(2), 2).is_ok());
    // The second answer replaced the first.
    assert_eq!(room.score_of(a), (1.0, 1, 1));
    assert_eq!(
        room.answer(a, 0, WireAnswer::Choice(0), 10_000),
        Err(NotTaken::TooLate)
    );
}

#[test]
fn the_end_tells_each_student_what_they_missed_and_the_room_its_weakest_items() {
    let mut room = room(RoomConfig {
        seconds: 0,
        ..RoomConfig::default()
    });
    let code = code(&room);
    let a = room.join("a", &code, "Ani", 0).unwrap();
    room.start(0);
    room.answer(a, 0, WireAnswer::Choice(2), 5).ok();
    room.reveal();
    room.next(10);
    room.answer(a, 1, WireAnswer::TrueFalse(true), 15).ok();
    room.reveal();
    room.next(20);
    // Question 2 skipped: it neither counts nor is missed.
    room.skip(25);
    room.reveal();
    room.end();
    room.drain();
    let resumed = room.resume("a", &code, &room.students()[0].token.clone(), 30);
    assert_eq!(resumed, Ok(a));
    let end = room.drain().into_iter().find_map(|o| match o.msg {
        ServerMsg::End {
            earned,
            asked,
            tested,
            missed,
            ..
        } => Some((earned, asked, tested, missed)),
        _ => None,
    });
    let entry = |n: usize| pack().topics[0].entries[n].id.to_string();
    assert_eq!(
        end,
        Some((
            1.0,
            3,
            vec![entry(0), entry(1), entry(3)],
            vec![entry(1), entry(3)]
        ))
    );
    let least = room.least_known(3);
    assert_eq!(least.len(), 3);
    assert_eq!(least[2].key, entry(0));
    let topics = room.topic_scores();
    assert_eq!(topics.len(), 1);
    assert!((topics[0].score - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_removed_student_cannot_resume_and_stops_counting() {
    let mut room = room(RoomConfig::default());
    let code = code(&room);
    let a = room.join("a", &code, "Ani", 0).unwrap();
    let token = room.students()[0].token.clone();
    room.disconnect(a);
    assert_eq!(room.resume("a", &code, &token, 0), Ok(a));
    assert!(room.remove(a));
    assert_eq!(room.resume("a", &code, &token, 0), Err(Refused::Removed));
    assert_eq!(room.join("a", &code, "Ani", 0), Err(Refused::NameTaken));
    assert_eq!(room.present_count(), 0);
    assert_eq!(
        room.resume("a", &code, "0123", 0),
        Err(Refused::UnknownSession)
    );
}

#[test]
fn leaderboard_ranks_by_speed_points() {
    let mut room = room(RoomConfig {
        seconds: 10,
        leaderboard: true,
        ..RoomConfig::default()
    });
    let code = code(&room);
    let a = room.join("a", &code, "Ani", 0).unwrap();
    let b = room.join("b", &code, "Budi", 0).unwrap();
    room.start(0);
    room.answer(a, 0, WireAnswer::Choice(2), 9_000).ok();
    room.answer(b, 0, WireAnswer::Choice(2), 1_000).ok();
    assert_eq!((room.rank_of(b), room.rank_of(a)), (Some(1), Some(2)));
}

/// What the property test does to a room.
#[derive(Debug, Clone)]
enum Op {
    Join {
        peer: u8,
        name: u8,
        right_code: bool,
    },
    Resume(u8),
    Drop(u8),
    Answer {
        student: u8,
        ahead: u8,
        answer: u8,
    },
    Start,
    Reveal,
    Next,
    Skip,
    Pause,
    Extend,
    Remove(u8),
    End,
    Wait(u16),
    /// The lecturer steps a student's extra time.
    Grant(u8, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..4u8, 0..8u8, prop::bool::weighted(0.8))
            .prop_map(|(peer, name, right_code)| Op::Join { peer, name, right_code }),
        1 => (0..8u8).prop_map(Op::Resume),
        1 => (0..8u8).prop_map(Op::Drop),
        6 => (0..8u8, 0..3u8, 0..6u8)
            .prop_map(|(student, ahead, answer)| Op::Answer { student, ahead, answer }),
        1 => Just(Op::Start),
        2 => Just(Op::Reveal),
        2 => Just(Op::Next),
        1 => Just(Op::Skip),
        1 => Just(Op::Pause),
        1 => Just(Op::Extend),
        1 => (0..8u8).prop_map(Op::Remove),
        1 => Just(Op::End),
        3 => (0..6000u16).prop_map(Op::Wait),
        1 => (0..8u8, 0..4u8).prop_map(|(s, step)| Op::Grant(s, step)),
    ]
}

fn answer(n: u8) -> WireAnswer {
    match n {
        0 => WireAnswer::Choice(2),
        1 => WireAnswer::TrueFalse(false),
        2 => WireAnswer::Typed("secret-2".into()),
        3 => WireAnswer::Ordering(vec![2, 0, 1]),
        4 => WireAnswer::ListAll(vec!["secret-5a".into()]),
        _ => WireAnswer::Matching(vec![0, 0, 0]),
    }
}

/// The words of question `q` that only its reveal may carry.
fn secrets(room: &Room, q: usize) -> Vec<String> {
    let question = &room.questions()[q].question;
    let mut secrets = vec![question.explanation.clone()];
    match &question.body {
        Body::Typed { candidates, .. } => secrets.extend(candidates[0].iter().cloned()),
        Body::ListAll { items, .. } => secrets.extend(items.iter().flatten().cloned()),
        _ => {}
    }
    secrets
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_rules_hold_in_any_order(ops in prop::collection::vec(op(), 1..80), change in any::<bool>()) {
        let mut room = room(RoomConfig {
            seconds: 5,
            allow_change: change,
            max_students: 5,
            max_wrong_codes: 3,
            ..RoomConfig::default()
        });
        let code = code(&room);
        let mut now = 0u64;
        let mut revealed = vec![false; room.questions().len()];
        let mut cut_off = [false; 4];
        for op in ops {
            let phase_before = room.phase();
            match op {
                Op::Join { peer, name, right_code } => {
                    let typed = if right_code { code.clone() } else { "ZZZZZZ".to_owned() };
                    let result = room.join(&peer.to_string(), &typed, &format!("s{name}"), now);
                    if cut_off[usize::from(peer)] {
                        prop_assert_eq!(result, Err(Refused::CutOff));
                    }
                    if result == Err(Refused::CutOff) {
                        cut_off[usize::from(peer)] = true;
                    }
                    if right_code && result.is_ok() {
                        prop_assert!(phase_before != Phase::Ended);
                    }
                    if !right_code {
                        prop_assert!(result.is_err());
                    }
                }
                Op::Resume(s) => {
                    if let Some(student) = room.students().get(usize::from(s)).cloned() {
                        let result = room.resume("r", &code, &student.token, now);
                        prop_assert_eq!(result.is_ok(), !student.removed);
                    }
                }
                Op::Drop(s) => room.disconnect(StudentId(usize::from(s))),
                Op::Answer { student, ahead, answer: n } => {
                    let id = StudentId(usize::from(student));
                    let index = match room.phase() {
                        Phase::Open(q) | Phase::Revealed(q) => q + usize::from(ahead),
                        _ => usize::from(ahead),
                    };
                    let had = room.answer_of(index, id).is_some();
                    // Each student's own deadline, with their extra time.
                    let left = room.left_ms_of(id, now);
                    let result = room.answer(id, index, answer(n), now);
                    if result.is_ok() {
                        prop_assert_eq!(room.phase(), Phase::Open(index));
                        prop_assert!(left != Some(0));
                        prop_assert!(!room.students()[id.0].removed);
                        prop_assert!(change || !had);
                    }
                    if had && !change && room.phase() == Phase::Open(index) && left != Some(0) {
                        prop_assert_eq!(result, Err(NotTaken::AlreadyAnswered));
                    }
                }
                Op::Start => { room.start(now); }
                Op::Reveal => { room.reveal(); }
                Op::Next => { room.next(now); }
                Op::Skip => { room.skip(now); }
                Op::Pause => { room.toggle_pause(now); }
                Op::Extend => { room.extend(5, now); }
                Op::Remove(s) => { room.remove(StudentId(usize::from(s))); }
                Op::End => { room.end(); }
                Op::Wait(ms) => {
                    now += u64::from(ms);
                    room.tick(now);
                    // Still open after a tick: someone still has time.
                    if let Phase::Open(_) = room.phase() {
                        prop_assert!(
                            room.left_ms(now) != Some(0) || room.extra_left_ms(now).is_some()
                        );
                    }
                }
                Op::Grant(s, step) => {
                    let id = StudentId(usize::from(s));
                    let granted = room.set_extra_time(id, EXTRA_STEPS[usize::from(step)], now);
                    prop_assert_eq!(granted, usize::from(s) < room.students().len());
                }
            }
            for out in room.drain() {
                if let ServerMsg::Reveal { index, .. } = out.msg {
                    prop_assert_eq!(room.phase(), Phase::Revealed(index));
                    revealed[index] = true;
                }
                let json = serde_json::to_string(&out.msg).unwrap_or_default();
                for (q, shown) in revealed.iter().enumerate() {
                    if !shown {
                        for secret in secrets(&room, q) {
                            prop_assert!(!json.contains(&secret), "{} leaked in {}", secret, json);
                        }
                    }
                }
            }
            prop_assert!(room.present_count() <= 5);
            let keys: std::collections::HashSet<String> =
                room.students().iter().map(|s| identity::name_key(&s.name)).collect();
            prop_assert_eq!(keys.len(), room.students().len());
            for q in 0..room.questions().len() {
                prop_assert!(room.answers_in(q) <= room.present_count());
                if let Some(tally) = room.tally(q) {
                    prop_assert!((0.0..=1.0).contains(&tally.score));
                }
            }
        }
    }
}
