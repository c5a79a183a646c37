//! Extra time granted per student: a later deadline by the host's clock,
//! each student told their own time, the reveal waiting for them.

use super::*;

/// The time left the latest message to `id` told them.
fn left_in(msgs: &[Outgoing], id: StudentId) -> Option<u64> {
    msgs.iter().rev().find_map(|out| match (&out.to, &out.msg) {
        (To::One(to), ServerMsg::Question { left_ms, .. } | ServerMsg::Clock { left_ms, .. })
            if *to == id =>
        {
            *left_ms
        }
        _ => None,
    })
}

#[test]
fn a_student_with_extra_time_gets_a_later_deadline_of_their_own() {
    let mut room = room(RoomConfig {
        seconds: 30,
        ..RoomConfig::default()
    });
    let code = code(&room);
    // Granted before Ani joins, by name (`kisi host --extra-time Ani=1.5`).
    assert_eq!(room.grant_extra_time("ani", 150, 0), None);
    let ani = room.join("a", &code, "Ani", 0).unwrap();
    let budi = room.join("b", &code, "Budi", 0).unwrap();
    assert_eq!(room.extra_time(ani), 150);
    assert_eq!(room.extra_time(budi), NO_EXTRA);
    room.drain();
    assert!(room.start(0));
    let opened = room.drain();
    assert_eq!(left_in(&opened, ani), Some(45_000));
    assert_eq!(left_in(&opened, budi), Some(30_000));
    assert!(
        opened.iter().all(|o| o.to != To::All),
        "each student hears their own clock"
    );

    // The room's time is up: Budi is too late, the question stays open
    // for Ani, and the host sees how long it waits.
    assert!(!room.tick(31_000));
    assert_eq!(room.left_ms(31_000), Some(0));
    assert_eq!(room.extra_left_ms(31_000), Some(14_000));
    assert_eq!(
        room.answer(budi, 0, WireAnswer::Choice(2), 31_000),
        Err(NotTaken::TooLate)
    );
    assert!(room.answer(ani, 0, WireAnswer::Choice(2), 40_000).is_ok());
    // Ani answered: nobody is left answering, so it reveals.
    assert_eq!(room.extra_left_ms(40_001), None);
    assert!(room.tick(40_001));

    // Next question: Ani does not answer; it reveals at her deadline.
    assert!(room.next(50_000));
    assert!(!room.tick(94_999));
    assert!(room.tick(95_000));
    assert_eq!(
        room.answer(ani, 1, WireAnswer::TrueFalse(false), 95_001),
        Err(NotTaken::TooLate)
    );
}

#[test]
fn extra_time_granted_mid_question_is_told_and_pause_and_extend_follow_it() {
    let mut room = room(RoomConfig {
        seconds: 20,
        ..RoomConfig::default()
    });
    let code = code(&room);
    let ani = room.join("a", &code, "Ani", 0).unwrap();
    let budi = room.join("b", &code, "Budi", 0).unwrap();
    assert!(room.start(0));
    room.drain();
    assert!(room.set_extra_time(ani, 200, 5_000));
    let told = room.drain();
    assert_eq!(told.len(), 1, "only Ani hears: {told:?}");
    assert_eq!(left_in(&told, ani), Some(35_000));
    // Extend by 10 s: Ani's factor applies to the whole limit.
    assert!(room.extend(10, 5_000));
    let told = room.drain();
    assert_eq!(left_in(&told, ani), Some(55_000));
    assert_eq!(left_in(&told, budi), Some(25_000));
    assert!(!room.set_extra_time(StudentId(9), 150, 0));
    // Back to no extra time: one message for all again.
    assert!(room.set_extra_time(ani, NO_EXTRA, 6_000));
    room.drain();
    assert!(room.toggle_pause(6_000));
    let told = room.drain();
    assert!(told.iter().all(|o| o.to == To::All), "{told:?}");
}
