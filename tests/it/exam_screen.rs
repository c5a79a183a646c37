//! The mock exam a student can trust (issue 12 #4, issue 15 #5, #8, #9):
//! what is on screen is what is marked, every question reads from its top
//! at any size, the results show every answer beside the right one, a
//! question can be reached by its number, and closing kisi or a failing
//! disk loses nothing silently.

use std::time::Duration;

use kisi_core::i18n::Lang;
use kisi_core::progress::{Day, EventKind, ExamBlueprint, ExamResult, Progress, Store};
use kisi_core::quiz::{Answer, Body, QuestionKind};
use kisi_tui::action::{Action, Mode};
use kisi_tui::answer::Input;
use kisi_tui::app::{App, Screen};
use kisi_tui::carry_out_effects;
use kisi_tui::effect::Effect;
use kisi_tui::screens::exam::ExamState;
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

fn exam() -> App {
    let mut app = app();
    app.update(Action::First);
    let index = MENU.iter().position(|m| *m == MenuItem::Exam).unwrap();
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert!(matches!(app.stack.screen, Screen::Exam(_)));
    app
}

fn state(app: &App) -> &ExamState {
    let Screen::Exam(exam) = &app.stack.screen else {
        panic!("not in the exam: {:?}", app.stack.screen)
    };
    exam
}

/// Goes to the first question answered by choosing an option.
fn to_pick(app: &mut App) -> usize {
    let pick = state(app)
        .questions
        .iter()
        .position(|q| matches!(q.body, Body::Choice { .. }))
        .expect("a multiple-choice question");
    for _ in 0..pick {
        app.update(Action::NextItem);
    }
    pick
}

fn hand_in(app: &mut App) {
    while app.mode() != Mode::HandIn {
        app.update(Action::NextItem);
    }
    app.update(Action::Open);
    app.update(Action::Yes);
}

#[test]
fn every_question_opens_at_its_top_and_scrolls_both_ways_at_every_size() {
    let mut shots = Vec::new();
    for (width, height) in [(80, 24), (60, 18), (40, 12)] {
        let mut app = exam();
        let count = state(&app).questions.len();
        for index in 0..count {
            let screen = draw(&mut app, width, height);
            let kind_line = screen.lines().nth(3).unwrap_or_default();
            // The status, a blank, then the kind of question: its top.
            assert!(
                !screen.contains("▲ PgUp"),
                "{index} at {width}x{height}:\n{screen}"
            );
            assert!(
                kind_line.trim().len() > 2,
                "{index} at {width}x{height} opens without its heading:\n{screen}"
            );
            if screen.contains("▼ PgDn") {
                app.update(Action::PageDown);
                let down = draw(&mut app, width, height);
                assert!(down.contains("▲ PgUp"), "{down}");
                app.update(Action::PageUp);
                assert_eq!(draw(&mut app, width, height), screen, "PgUp goes back");
            }
            if index == 0 {
                shots.push(screen);
            }
            app.update(Action::NextItem);
        }
    }
    insta::assert_snapshot!(shots.join("\n"));
}

#[test]
fn a_changed_answer_is_said_unsaved_and_what_shows_is_what_is_marked() {
    let mut app = exam();
    let pick = to_pick(&mut app);
    app.update(Action::Choose(1));
    app.update(Action::Open);
    app.update(Action::PreviousItem);
    assert_eq!(state(&app).current, pick);
    let saved = draw(&mut app, 80, 24);
    assert!(saved.contains("✓ Jawaban tersimpan"), "{saved}");
    // Another option highlighted: the saved mark goes, the screen says so.
    app.update(Action::Choose(2));
    let changed = draw(&mut app, 80, 24);
    assert!(!changed.contains("Jawaban tersimpan"), "{changed}");
    assert!(changed.contains("Belum disimpan"), "{changed}");
    insta::assert_snapshot!(changed);
    // Back to the saved one: saved again.
    app.update(Action::Choose(1));
    assert!(draw(&mut app, 80, 24).contains("✓ Jawaban tersimpan"));
    // Handed in with option c highlighted: c is what is marked, and the
    // hand-in page says so.
    app.update(Action::Choose(2));
    while app.mode() != Mode::HandIn {
        app.update(Action::NextItem);
    }
    let page = draw(&mut app, 80, 24);
    let number = (pick + 1).to_string();
    assert!(
        page.contains(&format!(
            "Belum disimpan, dinilai seperti yang tampil: {number}"
        )),
        "{page}"
    );
    let blanks = page
        .lines()
        .find_map(|l| l.split("Belum dijawab: ").nth(1))
        .unwrap_or_default();
    assert!(
        !blanks.split([',', ' ']).any(|n| n == number),
        "{number} is listed as a blank: {page}"
    );
    hand_in(&mut app);
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    let record = results.session.records()[pick].as_ref().unwrap();
    assert_eq!(*record.answer(), Answer::Choice(2));
}

#[test]
fn time_out_marks_an_answer_picked_or_typed_but_not_saved() {
    let mut app = exam();
    let pick = to_pick(&mut app);
    app.update(Action::Choose(0));
    let typed = state(&app)
        .inputs
        .iter()
        .position(|i| matches!(i, Input::Text { .. }));
    if let Some(typed) = typed {
        while state(&app).current != typed {
            app.update(Action::NextItem);
        }
        for c in "sitoplasma".chars() {
            app.update(Action::Input(c));
        }
    }
    assert_eq!(state(&app).answers.iter().flatten().count(), 0);
    app.update(Action::Tick(Duration::from_secs(3600)));
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("not handed in: {:?}", app.stack.screen)
    };
    let exam = results.exam.as_ref().unwrap();
    assert!(exam.timed_out);
    assert_eq!(exam.result.answered, 1 + usize::from(typed.is_some()));
    assert_eq!(
        *results.session.records()[pick].as_ref().unwrap().answer(),
        Answer::Choice(0)
    );
    let [saved] = exams_recorded(&app)[..] else {
        panic!("{:?}", app.effects)
    };
    assert_eq!(saved.answered, exam.result.answered);
}

#[test]
fn the_results_list_every_question_unanswered_too_and_retry_asks_them() {
    let mut app = exam();
    let count = state(&app).questions.len();
    let pick = to_pick(&mut app);
    app.update(Action::Choose(0));
    app.update(Action::Open);
    hand_in(&mut app);
    let screen = draw(&mut app, 80, 24);
    insta::assert_snapshot!(screen);
    assert!(screen.contains("Semua soal"), "{screen}");
    assert!(!screen.contains("Tidak ada jawaban yang salah"), "{screen}");
    assert!(
        screen.contains("tidak dijawab · Jawaban benar: "),
        "{screen}"
    );
    assert!(screen.contains("Jawaban Anda: "), "{screen}");
    // Every question is in the list, each with its answers below it.
    let mut seen = 0;
    for _ in 0..count {
        seen += usize::from(draw(&mut app, 80, 24).contains("▸ "));
        app.update(Action::Down);
    }
    assert_eq!(seen, count);
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!()
    };
    let wrong = usize::from(!matches!(
        results.session.records()[pick].as_ref().unwrap().outcome(),
        kisi_core::quiz::Outcome::Correct
    ));
    app.update(Action::Retry);
    let Screen::Quiz(retry) = &app.stack.screen else {
        panic!("retry did not start: {:?}", app.stack.screen)
    };
    assert_eq!(retry.session.questions().len(), count - 1 + wrong);
}

#[test]
fn ctrl_g_goes_to_a_question_by_number_and_tab_leaves_the_hand_in_page() {
    let mut app = exam();
    app.update(Action::GoTo);
    assert_eq!(app.mode(), Mode::TextInput);
    app.update(Action::Input('7'));
    let prompt = draw(&mut app, 80, 24);
    assert!(prompt.contains("Ke soal nomor (1-10): 7_"), "{prompt}");
    insta::assert_snapshot!(prompt);
    app.update(Action::Open);
    assert_eq!(state(&app).current, 6);
    assert!(draw(&mut app, 80, 24).contains("7/10"));
    // A number out of range is said, and nothing moves.
    app.update(Action::GoTo);
    app.update(Action::Input('4'));
    app.update(Action::Input('2'));
    app.update(Action::Open);
    assert!(draw(&mut app, 80, 24).contains("Ketik nomor dari 1 sampai 10."));
    app.update(Action::Back);
    assert_eq!(state(&app).current, 6);
    // From the hand-in page: g and a number, and Tab to the first
    // question not yet answered.
    let pick = {
        app.update(Action::GoTo);
        app.update(Action::Input('1'));
        app.update(Action::Open);
        to_pick(&mut app)
    };
    app.update(Action::Choose(0));
    app.update(Action::Open);
    while app.mode() != Mode::HandIn {
        app.update(Action::NextItem);
    }
    let hand_in = draw(&mut app, 80, 24);
    assert!(hand_in.contains("Tab"), "{hand_in}");
    app.update(Action::NextItem);
    let first_open = usize::from(pick == 0);
    assert_eq!(state(&app).current, first_open);
    while app.mode() != Mode::HandIn {
        app.update(Action::NextItem);
    }
    app.update(Action::GoTo);
    app.update(Action::Input('3'));
    app.update(Action::Open);
    assert_eq!(state(&app).current, 2);
}

/// Issue 15 #5: Ctrl-C, a signal or a closed terminal mid-exam hands it in
/// as it stands instead of dropping it.
#[test]
fn closing_kisi_mid_exam_keeps_it_in_the_history() {
    // Nothing answered: nothing to keep.
    let mut untouched = exam();
    untouched.update(Action::Quit);
    assert!(untouched.effects.is_empty(), "{:?}", untouched.effects);
    let mut app = exam();
    to_pick(&mut app);
    app.update(Action::Choose(0));
    app.update(Action::Open);
    app.update(Action::Quit);
    assert!(app.should_quit);
    // The journal went first: its start and the answer, as they came;
    // the hand-in closes it.
    let [
        Effect::ExamStep(EventKind::ExamStart(start)),
        Effect::ExamStep(EventKind::ExamAnswer(answer)),
        Effect::RecordExam(result),
    ] = app.effects.as_slice()
    else {
        panic!("{:?}", app.effects)
    };
    assert_eq!(result.answered, 1);
    assert_eq!(answer.exam, start.exam);
    assert_eq!(result.exam.as_ref(), Some(&start.exam));
}

/// The exams an app asked to record.
pub fn exams_recorded(app: &App) -> Vec<&ExamResult> {
    app.effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::RecordExam(result) => Some(result),
            _ => None,
        })
        .collect()
}

/// Issue 15 #9: a verdict that cannot change is saved when it shows; one
/// "I was right" can still change is saved on closing.
#[test]
fn a_quiz_saves_on_grading_and_on_closing() {
    let mut app = quiz_of(QuestionKind::Choice, 2);
    app.update(Action::Choose(0));
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::Feedback);
    assert!(
        matches!(app.effects.as_slice(), [Effect::RecordAnswer { .. }]),
        "{:?}",
        app.effects
    );
    // Moving on does not save it twice.
    app.update(Action::Open);
    assert_eq!(app.effects.len(), 1);
    // A wrong typed answer, on screen when kisi closes, is saved then.
    let mut typed = quiz_of(QuestionKind::Typed, 1);
    for c in "zzzz".chars() {
        typed.update(Action::Input(c));
    }
    typed.update(Action::Open);
    assert!(typed.effects.is_empty());
    typed.update(Action::Quit);
    assert!(matches!(
        typed.effects.as_slice(),
        [Effect::RecordAnswer { .. }]
    ));
}

fn quiz_of(kind: QuestionKind, count: usize) -> App {
    let app = app();
    let options = kisi_core::quiz::QuizOptions {
        count,
        seed: 5,
        kinds: vec![kind],
        ..kisi_core::quiz::QuizOptions::default()
    };
    let questions = kisi_core::quiz::generate(&app.env.pack, &options).unwrap();
    app.with_screen(Screen::Quiz(kisi_tui::screens::quiz::QuizState::new(
        kisi_core::quiz::Session::new(questions),
    )))
}

/// Issue 15 #8: a save that fails is said on the screen the student is
/// on, whole, and goes once saving works again.
#[test]
fn a_save_failure_shows_on_the_screen_on_show() {
    // A path of the same length every run, for the snapshot.
    let dir = tempfile::Builder::new()
        .prefix("kisi")
        .rand_bytes(6)
        .tempdir_in("/tmp")
        .unwrap();
    let (store, warnings) = Store::open(Some(dir.path()));
    assert!(warnings.is_empty(), "{warnings:?}");
    let (log, _) = store.pack(&fixture_pack().meta.id);
    let path = log.path().unwrap().to_path_buf();
    let _ = std::fs::remove_file(&path);
    // The log's place is taken by a folder: appending cannot work.
    std::fs::create_dir_all(&path).unwrap();
    let mut progress = Progress::new(log);
    let mut app = exam();
    let blueprint = ExamBlueprint::default_for(&app.env.pack, 10);
    assert_eq!(state(&app).blueprint.questions, blueprint.questions);
    app.update(Action::Tick(Duration::from_secs(3600)));
    carry_out_effects(&mut app, &mut progress);
    let screen = draw(&mut app, 60, 18);
    let name = dir.path().to_str().unwrap();
    insta::assert_snapshot!(screen.replace(name, "/tmp/kisiXXXXXX"));
    // Said whole above the footer, which keeps its keys.
    let rows: Vec<&str> = screen.lines().collect();
    let footer = rows[rows.len() - 1];
    assert!(footer.contains("? bantuan"), "{screen}");
    assert!(
        rows[rows.len() - 2].contains("jawaban berikutnya"),
        "{screen}"
    );
    assert!(screen.contains("⚠ Gagal menyimpan ke"), "{screen}");
    assert!(screen.contains("1 jawaban disimpan di memori"), "{screen}");
    // The obstacle goes; the next save takes the kept one with it.
    std::fs::remove_dir(&path).unwrap();
    app.update(Action::Back);
    let mut again = self::exam();
    again.env.save_failure = app.env.save_failure.clone();
    to_pick(&mut again);
    again.update(Action::Choose(0));
    again.update(Action::Quit);
    carry_out_effects(&mut again, &mut progress);
    assert_eq!(again.env.save_failure, None);
    assert!(!draw(&mut again, 60, 18).contains("Gagal menyimpan"));
}

#[test]
fn a_plain_exam_out_of_time_hands_in_with_nothing_answered() {
    let pack = kisi_core::content::builtin::builtin_pack().unwrap();
    let mut blueprint = ExamBlueprint::default_for(&pack, 3);
    blueprint.time_limit = Duration::ZERO;
    let mut output = Vec::new();
    let exam = kisi_core::plain::PlainExam::drawn(&pack, blueprint, 1, Lang::En).unwrap();
    let mut journal = Vec::new();
    let result = kisi_core::plain::run_plain_exam(
        exam,
        &pack,
        Lang::En,
        &mut std::io::Cursor::new("a\na\na\n"),
        &mut output,
        &mut |step| journal.push(step),
    )
    .unwrap();
    // The start line only: no answer counted after the time ran out.
    assert_eq!(journal.len(), 1, "{journal:?}");
    let text = String::from_utf8(output).unwrap();
    assert_eq!(result.answered, 0, "{text}");
    assert!(text.contains("Time is up"), "{text}");
    assert_eq!(text.matches("not answered").count(), 3, "{text}");
}

/// Issue 12 #5: the leave prompt says what leaving really does.
#[test]
fn leaving_a_quiz_says_the_marked_answers_stay_saved() {
    let mut quiz = quiz_of(QuestionKind::Choice, 2);
    quiz.update(Action::Choose(0));
    quiz.update(Action::Open);
    quiz.update(Action::Back);
    let screen = draw(&mut quiz, 80, 24);
    assert!(
        screen.contains("Jawaban yang sudah dinilai tetap tersimpan."),
        "{screen}"
    );
}

/// Issue 12 #6: plain feedback marks each item of an order ✓ or ✗.
#[test]
fn plain_feedback_marks_each_item_of_an_order() {
    let pack = kisi_core::content::builtin::builtin_pack().unwrap();
    let options = kisi_core::quiz::QuizOptions {
        count: 1,
        seed: 4,
        kinds: vec![QuestionKind::Ordering],
        lang: Lang::En,
        ..kisi_core::quiz::QuizOptions::default()
    };
    let question = kisi_core::quiz::generate(&pack, &options)
        .unwrap()
        .remove(0);
    let Body::Ordering { items, order } = &question.body else {
        panic!("{question:?}")
    };
    // The right order with its first two swapped: all but one in the right
    // order relative to the others (the grade keeps the longest such run).
    let mut reply: Vec<usize> = order.iter().map(|i| i + 1).collect();
    reply.swap(0, 1);
    let reply = reply.iter().map(ToString::to_string).collect::<Vec<_>>();
    let mut output = Vec::new();
    kisi_core::plain::run_plain(
        &pack,
        &options,
        &mut std::io::Cursor::new(format!("{}\n", reply.join(" "))),
        &mut output,
    )
    .unwrap();
    let text = String::from_utf8(output).unwrap();
    assert_eq!(text.matches("  ✗ ").count(), 1, "{text}");
    assert_eq!(text.matches("  ✓ ").count(), items.len() - 1, "{text}");
}

/// Issue 15 #5: the journal of an exam under way: its start before
/// anything else, each answer once (saving it again writes nothing), the
/// time used once a minute, and that it was left with Esc.
#[test]
fn the_journal_has_the_start_each_answer_once_the_time_and_the_leaving() {
    let steps = |app: &mut App| -> Vec<EventKind> {
        std::mem::take(&mut app.effects)
            .into_iter()
            .filter_map(|effect| match effect {
                Effect::ExamStep(step) => Some(step),
                _ => None,
            })
            .collect()
    };
    let mut app = exam();
    app.update(Action::Tick(Duration::from_secs(30)));
    let [EventKind::ExamStart(start)] = &steps(&mut app)[..] else {
        panic!("{:?}", app.effects)
    };
    assert_eq!(start.questions, state(&app).questions.len());
    let pick = to_pick(&mut app);
    app.update(Action::Choose(0));
    app.update(Action::Open);
    let [EventKind::ExamAnswer(answer)] = &steps(&mut app)[..] else {
        panic!("{:?}", app.effects)
    };
    assert_eq!((answer.question, answer.used_ms), (pick, 30_000));
    assert_eq!(answer.exam, start.exam);
    // The same answer saved again is not written again.
    app.update(Action::PreviousItem);
    app.update(Action::Open);
    assert!(steps(&mut app).is_empty());
    // 30 s after the answer: nothing; a minute after it: the time used.
    app.update(Action::Tick(Duration::from_secs(30)));
    assert!(steps(&mut app).is_empty());
    app.update(Action::Tick(Duration::from_secs(30)));
    let [EventKind::ExamTime { used_ms, .. }] = &steps(&mut app)[..] else {
        panic!("{:?}", app.effects)
    };
    assert_eq!(*used_ms, 90_000);
    app.update(Action::Back);
    app.update(Action::Yes);
    let [EventKind::ExamDropped { exam }] = &steps(&mut app)[..] else {
        panic!("{:?}", app.effects)
    };
    assert_eq!(exam, &start.exam);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
}

/// Ctrl-G goes to a question number from every kind of answer an exam
/// asks: a select-all question ignored it (found by the resume test).
#[test]
fn ctrl_g_works_in_every_answer_mode_of_the_exam() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let ctrl_g = Event::Key(KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL));
    for mode in [
        Mode::Pick,
        Mode::TrueFalse,
        Mode::Select,
        Mode::TextInput,
        Mode::Arrange,
        Mode::HandIn,
    ] {
        assert_eq!(
            kisi_tui::keymap::map_event(mode, &ctrl_g),
            Some(Action::GoTo),
            "{mode:?}"
        );
    }
}
