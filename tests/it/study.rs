//! Progress in the TUI: answers become save effects only once final, the
//! mock exam hands itself in when time runs out, and Home and Statistics
//! show what was saved.

use std::time::Duration;

use kisi_core::i18n::Lang;
use kisi_core::progress::{Day, Progress, Rating, Store, Timestamp};
use kisi_core::quiz::Outcome;
use kisi_tui::action::{Action, Mode};
use kisi_tui::answer::Input;
use kisi_tui::app::{App, Screen};
use kisi_tui::carry_out_effects;
use kisi_tui::effect::Effect;
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::theme::Theme;

use crate::common;
use common::fixture::fixture_pack;

use common::screen::draw;

fn app() -> App {
    let mut app = App::new(fixture_pack(), Lang::Id, Theme::mono()).with_seed(3);
    app.env.today = Day::from_ymd(2026, 11, 28).unwrap();
    app
}

fn open_menu(app: &mut App, item: MenuItem) {
    app.update(Action::First);
    let index = MENU.iter().position(|m| *m == item).unwrap();
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
}

/// Starts a quiz of typed questions, which can be overridden.
fn typed_quiz(app: &mut App) {
    open_menu(app, MenuItem::Quiz);
    // Untick every kind but "typed" (the third of the seven).
    let Screen::QuizSetup(setup) = &mut app.stack.screen else {
        panic!("not on setup")
    };
    setup.kinds = [false, false, true, false, false, false, false];
    setup.count = 3;
    app.update(Action::Open);
    assert!(matches!(app.stack.screen, Screen::Quiz(_)));
}

#[test]
fn an_answer_is_saved_only_when_final_and_an_override_counts_honestly() {
    let mut app = app();
    typed_quiz(&mut app);
    for c in "zzzz".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::Feedback);
    assert!(app.effects.is_empty(), "saved before the student moved on");
    app.update(Action::Override);
    app.update(Action::Open);
    let [Effect::RecordAnswer { grade, .. }] = app.effects.as_slice() else {
        panic!("expected one answer saved: {:?}", app.effects)
    };
    assert_eq!(grade.outcome, Outcome::Overridden);
}

#[test]
fn saved_answers_show_on_home() {
    let mut app = app();
    let mut progress = Progress::new(Store::in_memory().pack("biologi-layar").0);
    typed_quiz(&mut app);
    for _ in 0..3 {
        for c in "zzzz".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Open);
        app.update(Action::Open);
        carry_out_effects(&mut app, &mut progress);
    }
    assert!(matches!(app.stack.screen, Screen::QuizResults(_)));
    assert!(!progress.state().items.is_empty());
    app.update(Action::Back);
    app.update(Action::Back);
    let screen = draw(&mut app, 80, 24);
    let seen = progress.state().items.len();
    assert!(
        screen.contains(&format!("{seen}/58 kartu dipelajari")),
        "{seen} items studied not shown:\n{screen}"
    );
}

#[test]
fn the_mock_exam_80x24() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Exam);
    assert!(matches!(app.stack.screen, Screen::Exam(_)));
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn the_mock_exam_hands_itself_in_when_time_runs_out() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Exam);
    app.update(Action::Choose(0));
    app.update(Action::Open);
    app.update(Action::Tick(Duration::from_secs(14 * 60)));
    assert!(matches!(app.stack.screen, Screen::Exam(_)));
    assert!(draw(&mut app, 80, 24).contains("Sisa waktu 01:00"));
    app.update(Action::Tick(Duration::from_secs(60)));
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("not handed in: {:?}", app.stack.screen)
    };
    let exam = results.exam.as_ref().unwrap();
    assert!(exam.timed_out);
    assert_eq!(exam.result.questions, 10);
    assert_eq!(exam.result.answered, 1);
    assert_eq!(crate::exam_screen::exams_recorded(&app).len(), 1);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("✗ Tidak lulus"), "{screen}");
    assert!(screen.contains("Waktu habis"), "{screen}");
}

#[test]
fn answers_can_be_changed_before_handing_in() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Exam);
    app.update(Action::Choose(1));
    app.update(Action::Open);
    app.update(Action::PreviousItem);
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!()
    };
    assert_eq!(exam.current, 0);
    assert!(exam.answers[0].is_some());
    app.update(Action::Choose(2));
    app.update(Action::Open);
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!()
    };
    assert_eq!(exam.answers.iter().filter(|a| a.is_some()).count(), 1);
    // Hand in from the last page, after confirming.
    while app.mode() != Mode::HandIn {
        app.update(Action::NextItem);
    }
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::Confirm);
    app.update(Action::Yes);
    assert!(matches!(app.stack.screen, Screen::QuizResults(_)));
}

#[test]
fn statistics_80x24() {
    let mut app = app();
    let mut progress = Progress::new(Store::in_memory().pack("biologi-layar").0);
    let day = |d: i64| Timestamp(app.env.today.plus(d).0 * 86_400_000 + 3_600_000);
    for (item, rating, at) in [
        ("pembelahan-siklus-sel#a", Rating::Good, day(-3)),
        ("pembelahan-siklus-sel#b", Rating::Again, day(-2)),
        ("pembelahan-siklus-sel#a", Rating::Good, day(-1)),
        ("sel-ribosom", Rating::Easy, day(0)),
    ] {
        assert!(progress.record_review(item, rating, at).is_none());
    }
    app.env.progress = progress.state().clone();
    open_menu(&mut app, MenuItem::Stats);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn exam_options_are_chosen_and_saved_with_the_mouse() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Exam);
    let screen = draw(&mut app, 80, 24);
    let row = screen
        .lines()
        .position(|line| line.contains(" b) "))
        .expect("no option b on screen");
    let click = Action::Click {
        column: 5,
        row: u16::try_from(row).unwrap(),
    };
    app.update(click);
    app.update(click);
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!("left the exam")
    };
    assert!(
        matches!(
            exam.answers[0],
            Some(kisi_core::quiz::Answer::Choice(1) | kisi_core::quiz::Answer::TrueFalse(false))
        ),
        "{:?}",
        exam.answers[0]
    );
    assert_eq!(exam.current, 1);
}

#[test]
fn exam_and_statistics_stay_usable_at_40x12() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Exam);
    let exam = draw(&mut app, 40, 12);
    app.update(Action::Back);
    app.update(Action::Yes);
    open_menu(&mut app, MenuItem::Stats);
    let stats = draw(&mut app, 40, 12);
    insta::assert_snapshot!(format!("{exam}\n{stats}"));
    // Enter saves; the way out is in help, which the footer always names.
    assert!(exam.contains("Enter"), "{exam}");
    assert!(exam.contains("? bantuan"), "{exam}");
    assert!(stats.contains("Esc"), "{stats}");
}

#[test]
fn leaving_the_exam_says_what_y_does() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Exam);
    app.update(Action::Back);
    let leave = draw(&mut app, 80, 24);
    // It says what leaving does: the exam is not marked nor kept.
    assert!(
        leave.contains("Tinggalkan ujian tanpa menyerahkan?"),
        "{leave}"
    );
    assert!(leave.contains("tidak dinilai"), "{leave}");
    // `y` leaves unmarked here; the hint must not call it "submit".
    assert!(leave.contains("y tinggalkan"), "{leave}");
    assert!(!leave.contains("y kirim"), "{leave}");
    app.update(Action::Yes);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
}

#[test]
fn enter_with_nothing_picked_in_the_exam_saves_nothing_and_says_so() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Exam);
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    let pick = exam
        .inputs
        .iter()
        .position(|i| matches!(i, Input::Pick { .. }))
        .expect("an exam with a multiple-choice or true/false question");
    for _ in 0..pick {
        app.update(Action::NextItem);
    }
    app.update(Action::Open);
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!()
    };
    assert_eq!(exam.current, pick, "Enter moved on without an answer");
    assert_eq!(exam.answers[pick], None);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Pilih salah satu jawaban dulu."),
        "{screen}"
    );
    app.update(Action::Choose(0));
    assert!(!draw(&mut app, 80, 24).contains("Pilih salah satu jawaban dulu."));
}

/// Each draw of a session takes the next seed: a second mock exam (or a
/// quiz after it) does not repeat the first one.
#[test]
fn a_second_mock_exam_in_a_session_asks_other_questions() {
    let mut app = app();
    let exam_questions = |app: &App| {
        let Screen::Exam(exam) = &app.stack.screen else {
            panic!("not in an exam: {:?}", app.stack.screen)
        };
        exam.questions.clone()
    };
    open_menu(&mut app, MenuItem::Exam);
    let first = exam_questions(&app);
    // Leave it, confirming.
    app.update(Action::Back);
    app.update(Action::Yes);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    open_menu(&mut app, MenuItem::Exam);
    let second = exam_questions(&app);
    assert_eq!(first.len(), second.len());
    assert_ne!(first, second, "the second mock exam repeats the first");
    // The same session again draws the same two exams, in order.
    let mut again = self::app();
    open_menu(&mut again, MenuItem::Exam);
    assert_eq!(exam_questions(&again), first);
    again.update(Action::Back);
    again.update(Action::Yes);
    open_menu(&mut again, MenuItem::Exam);
    assert_eq!(exam_questions(&again), second);
}

/// Issue 16: the review says it is one, what its cards are, and its end
/// screen is the review's, not a quiz's.
#[test]
fn the_review_says_it_is_a_review_of_new_cards() {
    for (lang, status, intro, results) in [
        (
            Lang::Id,
            "Ulangan 1/",
            "(0 jatuh tempo + 20 kartu baru).",
            "Hasil ulangan",
        ),
        (
            Lang::En,
            "Review 1/",
            "(0 due + 20 new cards).",
            "Review results",
        ),
    ] {
        let mut app = app();
        app.env.lang = lang;
        open_menu(&mut app, MenuItem::Review);
        let screen = draw(&mut app, 80, 24);
        assert!(screen.contains(status), "{screen}");
        assert!(screen.contains(intro), "{screen}");
        let Screen::Quiz(quiz) = &mut app.stack.screen else {
            panic!("not a review: {:?}", app.stack.screen)
        };
        // A second's limit brings the results at once.
        quiz.session = quiz.session.clone().with_time_limit(Duration::from_secs(1));
        app.update(Action::Tick(Duration::from_secs(2)));
        assert!(matches!(app.stack.screen, Screen::QuizResults(_)));
        let screen = draw(&mut app, 80, 24);
        assert!(screen.contains(results), "{screen}");
    }
}

/// Issue 16: the statistics say what "mastered" means and what today's
/// target is made of; Home writes the exam date with its month named and
/// counts days in the singular and plural.
#[test]
fn statistics_and_home_explain_their_numbers() {
    let mut app = app();
    app.env.exam_date = Some(app.env.today.plus(1));
    let home = draw(&mut app, 80, 24);
    assert!(
        home.contains("Ujian 29 November 2026: 1 hari lagi · target hari ini"),
        "{home}"
    );
    assert!(home.contains("jatuh tempo + "), "{home}");
    open_menu(&mut app, MenuItem::Stats);
    let stats = draw(&mut app, 80, 24);
    assert!(
        stats.contains("Dikuasai: kartu yang masih diingat"),
        "{stats}"
    );
    assert!(stats.contains("Target hari ini "), "{stats}");
    app.update(Action::Back);
    app.env.lang = Lang::En;
    app.env.exam_date = Some(app.env.today.plus(2));
    let home = draw(&mut app, 80, 24);
    assert!(
        home.contains("Exam 30 November 2026: 2 days left"),
        "{home}"
    );
    app.env.exam_date = Some(app.env.today.plus(1));
    let home = draw(&mut app, 80, 24);
    assert!(home.contains(": 1 day left"), "{home}");
}

/// Issue 16: Home shows the pack's title once (the header has it), and a
/// warning is wrapped, never cut: its last sentence says what to do.
#[test]
fn home_shows_the_title_once_and_wraps_warnings() {
    let mut app = app();
    let title = app.env.pack.meta.title.clone();
    app.env.warnings = vec![
        "Tidak bisa menulis ke /media/usb/kisi: sistem berkasnya hanya bisa dibaca. \
         Kemajuan hanya disimpan selama sesi ini; pilih folder yang bisa ditulis dengan --data-dir."
            .to_string(),
    ];
    let screen = draw(&mut app, 80, 24);
    assert_eq!(screen.matches(title.as_str()).count(), 1, "{screen}");
    assert!(screen.contains("--data-dir."), "{screen}");
    insta::assert_snapshot!(screen);
}
