//! Keys as data: every row of every mode's key table is hinted by some
//! screen in some state, and the footers keep the keys that matter most
//! when they are narrow.

use kisi_core::content::EntryRef;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use std::time::Duration;

use kisi_core::progress::ExamBlueprint;
use kisi_core::quiz::{QuestionKind, QuizOptions, Session, generate};
use kisi_tui::action::{Action, Mode};
use kisi_tui::app::{App, Screen};
use kisi_tui::draw::Draw;
use kisi_tui::keymap::KeyHint;
use kisi_tui::keymap::{self, Label};
use kisi_tui::screens::class_quiz::ClassQuizState;
use kisi_tui::screens::detail::DetailState;
use kisi_tui::screens::exam::ExamState;
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::screens::preparing::PreparingState;
use kisi_tui::screens::present::{Origin, PresentState};
use kisi_tui::screens::quiz::QuizState;
use kisi_tui::theme::Theme;

use crate::common;

use common::screen::{draw, run};

fn app(lang: Lang) -> App {
    App::new(builtin_pack().unwrap(), lang, Theme::mono()).with_seed(5)
}

fn open_menu(app: &mut App, item: MenuItem) {
    app.update(Action::First);
    let index = MENU.iter().position(|m| *m == item).unwrap();
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
}

fn quiz_of(lang: Lang, kind: QuestionKind) -> App {
    let mut app = app(lang);
    open_menu(&mut app, MenuItem::Quiz);
    let Screen::QuizSetup(setup) = &mut app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    setup.kinds = QuestionKind::ALL.map(|k| k == kind);
    setup.count = 2;
    app.update(Action::Open);
    assert!(matches!(app.stack.screen, Screen::Quiz(_)), "{kind:?}");
    app
}

/// A quiz and a mock exam of one select-all question, before and after a
/// tick.
fn select_all_states(hints: &mut Vec<(Mode, Vec<KeyHint>)>) {
    let question = common::model::select_all_question();
    let quiz = QuizState::new(Session::new(vec![question.clone()]));
    let blueprint = ExamBlueprint {
        questions: 1,
        per_topic: Vec::new(),
        time_limit: Duration::from_secs(600),
        pass_mark: 70,
    };
    let exam = ExamState::new(vec![question], blueprint);
    for screen in [Screen::Quiz(quiz), Screen::Exam(exam)] {
        let mut app = app(Lang::Id).with_screen(screen);
        seen(&app, hints);
        app.update(Action::Toggle);
        seen(&app, hints);
    }
}

fn type_text(app: &mut App, text: &str) {
    run(app, &text.chars().map(Action::Input).collect::<Vec<_>>());
}

/// An app on a pack whose first entry has related entries and whose
/// second has none (every entry of the built-in pack has some).
fn reading(lang: Lang, alone: bool) -> App {
    let mut pack = builtin_pack().unwrap();
    let lone = EntryRef { topic: 0, entry: 1 };
    pack.topics[0].entries[1].see_also = Box::default();
    let at = if alone {
        lone
    } else {
        EntryRef { topic: 0, entry: 0 }
    };
    assert!(!pack.topics[0].entries[0].see_also.is_empty());
    App::new(pack, lang, Theme::mono()).with_screen(Screen::Detail(DetailState::new(at)))
}

/// The mode and the hints of the screen on show.
fn seen(app: &App, into: &mut Vec<(Mode, Vec<KeyHint>)>) {
    into.push((app.mode(), app.screen_keys()));
}

/// Drives the app through every screen in the states that change its
/// keys, noting the hints each shows.
fn every_screen_state() -> Vec<(Mode, Vec<KeyHint>)> {
    let mut hints = Vec::new();
    let mut home = app(Lang::Id);
    seen(&home, &mut hints);
    open_menu(&mut home, MenuItem::Browse);
    seen(&home, &mut hints);
    for alone in [false, true] {
        seen(&reading(Lang::Id, alone), &mut hints);
    }
    for item in [MenuItem::Stats, MenuItem::Search, MenuItem::Quiz] {
        let mut app = app(Lang::Id);
        open_menu(&mut app, item);
        seen(&app, &mut hints);
    }
    for kind in QuestionKind::ALL {
        let mut quiz = quiz_of(Lang::Id, kind);
        seen(&quiz, &mut hints);
        match kind {
            QuestionKind::ListAll => {
                // Typing (Enter adds), then one item named (Enter sends).
                type_text(&mut quiz, "zzz");
                seen(&quiz, &mut hints);
                quiz.update(Action::Open);
                seen(&quiz, &mut hints);
            }
            QuestionKind::Typed => {
                // A wrong typed answer can be overridden.
                type_text(&mut quiz, "zzz");
                quiz.update(Action::Open);
                seen(&quiz, &mut hints);
                quiz.update(Action::Back);
                seen(&quiz, &mut hints);
            }
            QuestionKind::Choice => {
                // Two wrong answers: the results have mistakes to retry.
                for _ in 0..2 {
                    let Screen::Quiz(state) = &quiz.stack.screen else {
                        panic!()
                    };
                    let correct = match &state.session.current().unwrap().body {
                        kisi_core::quiz::Body::Choice { correct, .. } => *correct,
                        // Ticking the second of a select-all is wrong too.
                        _ => 0,
                    };
                    run(
                        &mut quiz,
                        &[Action::Choose((correct + 1) % 2), Action::Open],
                    );
                    seen(&quiz, &mut hints);
                    quiz.update(Action::Open);
                }
                seen(&quiz, &mut hints);
            }
            _ => {}
        }
    }
    select_all_states(&mut hints);
    let mut exam = app(Lang::Id);
    open_menu(&mut exam, MenuItem::Exam);
    let Screen::Exam(state) = &exam.stack.screen else {
        panic!("{:?}", exam.stack.screen)
    };
    for _ in 0..state.questions.len() {
        seen(&exam, &mut hints);
        exam.update(Action::NextItem);
    }
    // The hand-in page.
    seen(&exam, &mut hints);
    exam.update(Action::Open);
    seen(&exam, &mut hints);
    run(&mut exam, &[Action::No, Action::Back]);
    seen(&exam, &mut hints);
    let pack = builtin_pack().unwrap();
    let present = PresentState::new(&pack, &[0], Origin::CommandLine);
    seen(
        &app(Lang::Id).with_screen(Screen::Present(present)),
        &mut hints,
    );
    let options = QuizOptions {
        count: 2,
        seed: 7,
        kinds: vec![QuestionKind::Choice],
        ..QuizOptions::default()
    };
    let questions = generate(&pack, &options).unwrap();
    let mut class = app(Lang::Id).with_screen(Screen::ClassQuiz(ClassQuizState::new(
        questions,
        7,
        30,
        Origin::CommandLine,
    )));
    for _ in 0..4 {
        seen(&class, &mut hints);
        class.update(Action::Toggle);
    }
    seen(&class, &mut hints);
    let preparing = app(Lang::Id).with_screen(Screen::Preparing(PreparingState {
        id: 1,
        draw: Draw::Quiz {
            options: QuizOptions::default(),
            asked_for: 1,
        },
    }));
    seen(&preparing, &mut hints);
    live_states(&mut hints);
    hints
}

/// The live class quiz: the host's screens, and joining from Home.
fn live_states(hints: &mut Vec<(Mode, Vec<KeyHint>)>) {
    host_states(hints);
    join_form_states(hints);
}

/// Home's join form, filled in, then connecting.
fn join_form_states(hints: &mut Vec<(Mode, Vec<KeyHint>)>) {
    let mut form = app(Lang::Id);
    open_menu(&mut form, MenuItem::Join);
    seen(&form, hints);
    for c in "10.1.2.3\tK7XQ2P\tAni".chars() {
        form.update(if c == '\t' {
            Action::NextItem
        } else {
            Action::Input(c)
        });
    }
    form.update(Action::Open);
    seen(&form, hints);
}

#[test]
fn every_row_of_every_key_table_is_hinted_by_some_screen() {
    let strings = Lang::Id.strings();
    let hints = every_screen_state();
    // The help overlay's own keys are written on its border.
    for mode in keymap::MODES.into_iter().filter(|m| *m != Mode::Help) {
        let shown: Vec<&KeyHint> = hints
            .iter()
            .filter(|(m, _)| *m == mode)
            .flat_map(|(_, h)| h)
            .collect();
        for row in keymap::table(mode) {
            let words = (row.hint)(strings);
            let found = shown.iter().any(|hint| {
                hint.action == words
                    && match row.label {
                        Label::Keys(keys) => hint.keys == keys,
                        _ => true,
                    }
            });
            assert!(found, "{mode:?}: {:?} {words:?} is never hinted", row.label);
        }
    }
}

/// The live class quiz's host: the lobby, choosing whom to remove or to
/// give extra time, "quit?", a timed question, its reveal, "end?".
fn host_states(hints: &mut Vec<(Mode, Vec<KeyHint>)>) {
    let (mut host, _) = crate::live::host_app(30, Lang::Id);
    for keys in ["", "d", "\u{1b}x", "\u{1b}q", "ns", "r", "ne"] {
        for c in keys.chars() {
            if c == '\u{1b}' {
                host.update(Action::Back);
            } else {
                crate::live::key(&mut host, c);
            }
        }
        seen(&host, hints);
        if keys == "r" {
            // A reveal taller than 40x12 scrolls.
            host.update(Action::Resize(40, 12));
            seen(&host, hints);
            host.update(Action::Resize(80, 24));
        }
    }
    // A student waiting between questions.
    let (student, _server) = crate::live::student_app_in(Lang::Id);
    seen(&student, hints);
}

fn footer(screen: &str) -> &str {
    screen.lines().last().unwrap()
}

#[test]
fn after_a_wrong_typed_answer_at_40x12_the_footer_keeps_i_was_right_and_help() {
    let mut quiz = quiz_of(Lang::Id, QuestionKind::Typed);
    type_text(&mut quiz, "zzz");
    quiz.update(Action::Open);
    let screen = draw(&mut quiz, 40, 12);
    assert!(footer(&screen).contains("r saya benar"), "{screen}");
    assert!(footer(&screen).contains("? bantuan"), "{screen}");
}

#[test]
fn the_reading_footer_names_the_related_keys_only_when_there_are_related_entries() {
    let screen = draw(&mut reading(Lang::Id, false), 80, 24);
    assert!(
        footer(&screen).contains("1–9 buka entri terkait"),
        "{screen}"
    );
    let screen = draw(&mut reading(Lang::Id, true), 80, 24);
    assert!(!footer(&screen).contains("1–9"), "{screen}");
    assert!(footer(&screen).contains("? bantuan"), "{screen}");
}

#[test]
fn the_class_quiz_footer_at_60x18_keeps_r_f_and_help_once_the_answer_shows() {
    let pack = builtin_pack().unwrap();
    let options = QuizOptions {
        count: 2,
        seed: 7,
        kinds: vec![QuestionKind::Choice],
        ..QuizOptions::default()
    };
    let questions = generate(&pack, &options).unwrap();
    let mut class = app(Lang::Id).with_screen(Screen::ClassQuiz(ClassQuizState::new(
        questions,
        7,
        30,
        Origin::CommandLine,
    )));
    class.update(Action::Toggle);
    let screen = draw(&mut class, 60, 18);
    let footer = footer(&screen);
    for key in ["r ulang waktu", "f sembunyikan", "? bantuan"] {
        assert!(footer.contains(key), "{key}: {screen}");
    }
}

#[test]
fn the_english_true_false_footer_names_t_and_f() {
    let mut quiz = quiz_of(Lang::En, QuestionKind::TrueFalse);
    let screen = draw(&mut quiz, 80, 24);
    assert!(footer(&screen).contains("t/f 1/2 choose"), "{screen}");
    // And they answer.
    quiz.update(Action::Choose(1));
    assert_eq!(quiz.mode(), Mode::TrueFalse);
}

#[test]
fn the_exam_help_lists_its_scroll_keys_and_a_long_page_scrolls() {
    let mut exam = app(Lang::Id);
    open_menu(&mut exam, MenuItem::Exam);
    let hints = exam.screen_keys();
    assert!(
        hints
            .iter()
            .any(|h| h.keys == "PgUp PgDn" && h.action == "gulir"),
        "{hints:?}"
    );
    // At 40x8 the first question does not fit: it opens at its start,
    // marked, PgDn goes on to its end and PgUp back.
    let top = draw(&mut exam, 40, 8);
    assert!(!top.contains("▲ PgUp") && top.contains("▼ PgDn"), "{top}");
    exam.update(Action::PageDown);
    exam.update(Action::PageDown);
    let end = draw(&mut exam, 40, 8);
    assert!(end.contains("▲ PgUp") && !end.contains("▼ PgDn"), "{end}");
    exam.update(Action::PageUp);
    exam.update(Action::PageUp);
    assert_eq!(draw(&mut exam, 40, 8), top);
    // Choosing the second option (here "Salah") brings it into view.
    exam.update(Action::Choose(1));
    let chosen = draw(&mut exam, 40, 8);
    assert!(chosen.contains("▲ PgUp"), "{chosen}");
    assert!(chosen.contains("Salah"), "{chosen}");
}
