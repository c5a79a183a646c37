//! The quiz screens on ratatui's `TestBackend`, driven through `App::update`:
//! setup, a question of every kind, feedback and results.

use std::fmt::Write;
use std::time::Duration;

use kisi_core::i18n::Lang;
use kisi_core::quiz::{Body, Outcome, Prompt, QuestionKind};
use kisi_tui::action::{Action, Mode};
use kisi_tui::app::{App, Screen};
use kisi_tui::effect::Effect;
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::theme::Theme;

use crate::common;
use common::fixture::fixture_pack;

use common::screen::draw;

fn setup() -> App {
    setup_seeded(11)
}

fn setup_seeded(seed: u64) -> App {
    let mut app = App::new(fixture_pack(), Lang::Id, Theme::mono()).with_seed(seed);
    let index = MENU.iter().position(|m| *m == MenuItem::Quiz).unwrap();
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert!(matches!(app.stack.screen, Screen::QuizSetup(_)));
    app
}

/// A quiz of one kind of question.
fn quiz_of(kind: QuestionKind, count: usize) -> App {
    quiz_of_seeded(kind, count, 11)
}

fn quiz_of_seeded(kind: QuestionKind, count: usize, seed: u64) -> App {
    let mut app = setup_seeded(seed);
    let Screen::QuizSetup(setup) = &mut app.stack.screen else {
        panic!()
    };
    setup.kinds = QuestionKind::ALL.map(|k| k == kind);
    setup.count = count;
    app.update(Action::Open);
    assert!(
        matches!(app.stack.screen, Screen::Quiz(_)),
        "{kind:?}: {:?}",
        app.stack.screen
    );
    app
}

#[test]
fn setup_80x24() {
    let mut app = setup();
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn setup_refuses_to_start_with_nothing_selected() {
    let mut app = setup();
    let Screen::QuizSetup(setup) = &mut app.stack.screen else {
        panic!()
    };
    setup.kinds = [false; 7];
    app.update(Action::Open);
    assert!(matches!(app.stack.screen, Screen::QuizSetup(_)));
    assert!(draw(&mut app, 80, 24).contains("Pilih sedikitnya satu"));
}

#[test]
fn every_kind_of_question_80x24() {
    let mut screens = String::new();
    for kind in QuestionKind::ALL {
        let mut app = quiz_of(kind, 1);
        writeln!(screens, "--- {kind:?}\n{}", draw(&mut app, 80, 24)).unwrap();
    }
    insta::assert_snapshot!(screens);
}

#[test]
fn a_wrong_choice_gets_the_right_answer_the_source_and_the_entry() {
    let mut app = quiz_of(QuestionKind::Choice, 2);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    let question = quiz.session.current().unwrap().clone();
    let Body::Choice { options, correct } = &question.body else {
        panic!()
    };
    let wrong = (correct + 1) % options.len();
    app.update(Action::Choose(wrong));
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::Feedback);
    let screen = draw(&mut app, 80, 24);
    insta::assert_snapshot!(screen);
    assert!(screen.contains("Salah"), "{screen}");
    assert!(screen.contains("Sumber:"), "{screen}");
    // `o` opens the entry the question tests; Back returns to the verdict.
    app.update(Action::OpenEntry);
    let Screen::Detail(detail) = &app.stack.screen else {
        panic!("not on the entry")
    };
    assert_eq!(detail.at, question.targets[0].entry);
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::Feedback);
}

#[test]
fn results_with_mistakes_80x24_and_retry() {
    let mut app = quiz_of(QuestionKind::TrueFalse, 4);
    for _ in 0..4 {
        app.update(Action::Choose(0));
        app.update(Action::Open);
        app.update(Action::Open);
    }
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("not on results: {:?}", app.stack.screen)
    };
    let mistakes = results.summary.mistakes.len();
    insta::assert_snapshot!(draw(&mut app, 80, 24));
    if mistakes > 0 {
        app.update(Action::Retry);
        let Screen::Quiz(retry) = &app.stack.screen else {
            panic!("retry did not start a quiz")
        };
        assert_eq!(retry.session.questions().len(), mistakes);
    }
}

#[test]
fn leaving_a_quiz_asks_first() {
    let mut app = quiz_of(QuestionKind::Choice, 3);
    // One answer given: leaving would end the quiz half done.
    app.update(Action::Choose(0));
    app.update(Action::Open);
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::Confirm);
    assert!(draw(&mut app, 80, 24).contains("Keluar dari kuis?"));
    app.update(Action::No);
    assert!(matches!(app.stack.screen, Screen::Quiz(_)));
    app.update(Action::Back);
    app.update(Action::Yes);
    assert!(matches!(app.stack.screen, Screen::QuizSetup(_)));
}

#[test]
fn ordering_is_answered_by_moving_items() {
    let mut app = quiz_of(QuestionKind::Ordering, 1);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    let Body::Ordering { order, .. } = &quiz.session.current().unwrap().body else {
        panic!()
    };
    // Build the right order by picking each item up and moving it into place.
    let order = order.clone();
    for (target, &item) in order.iter().enumerate() {
        let Screen::Quiz(quiz) = &app.stack.screen else {
            panic!()
        };
        let kisi_tui::screens::quiz::Phase::Answering(kisi_tui::answer::Input::Arrange {
            order: shown,
            ..
        }) = &quiz.phase
        else {
            panic!()
        };
        let from = shown.iter().position(|&i| i == item).unwrap();
        app.update(Action::First);
        for _ in 0..from {
            app.update(Action::Down);
        }
        app.update(Action::Toggle);
        for _ in target..from {
            app.update(Action::Up);
        }
        app.update(Action::Toggle);
    }
    app.update(Action::Open);
    assert!(draw(&mut app, 80, 24).contains("Benar!"));
}

#[test]
fn the_footer_names_the_letters_of_this_matching_question() {
    let mut sizes = Vec::new();
    for seed in 0..12 {
        let mut app = quiz_of_seeded(QuestionKind::Matching, 1, seed);
        let Screen::Quiz(quiz) = &app.stack.screen else {
            panic!()
        };
        let Some(Body::Matching { right, .. }) = quiz.session.current().map(|q| &q.body) else {
            panic!()
        };
        let count = right.len();
        let last = char::from(b'a' + u8::try_from(count - 1).unwrap());
        let screen = draw(&mut app, 80, 24);
        assert!(screen.contains(&format!("←→ a-{last} pilih")), "{screen}");
        sizes.push(count);
    }
    // Both sizes the generator makes were seen, so the hint really follows them.
    assert!(sizes.contains(&4) && sizes.contains(&5), "{sizes:?}");
}

/// A quiz of `kind` with a time limit of `minutes`.
fn timed_quiz_of(kind: QuestionKind, count: usize, minutes: u64) -> App {
    let mut app = setup();
    let Screen::QuizSetup(setup) = &mut app.stack.screen else {
        panic!()
    };
    setup.kinds = QuestionKind::ALL.map(|k| k == kind);
    setup.count = count;
    setup.limit = minutes;
    app.update(Action::Open);
    assert!(
        matches!(app.stack.screen, Screen::Quiz(_)),
        "{:?}",
        app.stack.screen
    );
    app
}

#[test]
fn the_timed_quiz_header_separates_the_clock_like_the_exam() {
    let mut app = timed_quiz_of(QuestionKind::TrueFalse, 10, 1);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Sisa waktu 01:00 · 1/10 · Benar/salah"),
        "{screen}"
    );
}

/// Answers the current true/false question right.
fn answer_right(app: &mut App) {
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!("not in the quiz: {:?}", app.stack.screen)
    };
    let Some(Body::TrueFalse { answer }) = quiz.session.current().map(|q| &q.body) else {
        panic!()
    };
    // Option 0 is true, 1 false.
    app.update(Action::Choose(usize::from(!*answer)));
    app.update(Action::Open);
}

#[test]
fn a_quiz_out_of_time_scores_every_question_and_says_the_time_ran_out() {
    let mut app = timed_quiz_of(QuestionKind::TrueFalse, 10, 1);
    answer_right(&mut app);
    app.update(Action::Open);
    // The second verdict is still on screen when the time runs out.
    answer_right(&mut app);
    app.update(Action::Tick(Duration::from_secs(59)));
    assert!(matches!(app.stack.screen, Screen::Quiz(_)));
    app.update(Action::Tick(Duration::from_secs(1)));
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("not on results: {:?}", app.stack.screen)
    };
    assert!(results.time_up);
    let score = results.summary.score;
    assert_eq!(
        (score.asked, score.answered, score.unanswered()),
        (10, 2, 8)
    );
    assert!((score.percent() - 20.0).abs() < 1e-9);
    // Every topic asked has its bar, over all its questions.
    let asked: usize = results.summary.by_topic.iter().map(|t| t.score.asked).sum();
    assert_eq!(asked, 10);
    // Both answers are saved (the one on screen too); the questions not
    // reached are not answers.
    let saved: Vec<_> = app
        .effects
        .iter()
        .map(|e| match e {
            Effect::RecordAnswer { grade, .. } => grade.outcome,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(saved, [kisi_core::quiz::Outcome::Correct; 2]);
    let screen = draw(&mut app, 80, 24);
    insta::assert_snapshot!(screen);
    assert!(screen.contains("Waktu habis."), "{screen}");
    assert!(
        screen.contains("Skor: 2/10 (20%) · 8 tidak dijawab"),
        "{screen}"
    );
    assert!(!screen.contains("Bagus"), "{screen}");
    assert!(screen.contains("Tidak ada jawaban yang salah."), "{screen}");
}

#[test]
fn a_quiz_out_of_time_with_nothing_answered_neither_praises_nor_saves() {
    let mut app = timed_quiz_of(QuestionKind::Typed, 10, 1);
    for c in "abc".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Tick(Duration::from_secs(60)));
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("not on results: {:?}", app.stack.screen)
    };
    assert!(results.time_up);
    assert!(app.effects.is_empty(), "{:?}", app.effects);
    assert!(!results.summary.by_topic.is_empty());
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Skor: 0/10 (0%) · 10 tidak dijawab"),
        "{screen}"
    );
    assert!(!screen.contains("Bagus"), "{screen}");
    assert!(!screen.contains("Tidak ada jawaban yang salah"), "{screen}");
    // The heading has its bars under it.
    let lines: Vec<&str> = screen.lines().collect();
    let heading = lines.iter().position(|l| l.contains("Per topik")).unwrap();
    assert!(lines[heading + 1].contains('%'), "{screen}");
}

#[test]
fn true_false_feedback_says_what_the_statement_is() {
    let (mut seen_true, mut seen_false) = (false, false);
    for seed in 0..8 {
        let mut app = quiz_of_seeded(QuestionKind::TrueFalse, 1, seed);
        let Screen::Quiz(quiz) = &app.stack.screen else {
            panic!()
        };
        let question = quiz.session.current().unwrap().clone();
        let Body::TrueFalse { answer } = question.body else {
            panic!()
        };
        // Answer wrong: option 0 is true, 1 false.
        app.update(Action::Choose(usize::from(answer)));
        app.update(Action::Open);
        let screen = draw(&mut app, 80, 24);
        assert!(!screen.contains("Jawaban yang benar"), "{screen}");
        if answer {
            seen_true = true;
            // Whether the student was right first, in other words than
            // "benar" and "salah", then the truth, then the fact.
            assert!(
                screen.contains("Jawaban Anda tidak tepat: pernyataan ini benar —"),
                "{screen}"
            );
            assert!(screen.contains("memang termasuk"), "{screen}");
        } else if let Prompt::Statement {
            belongs_to: Some(home),
            ..
        } = &question.prompt
        {
            let first = !seen_false;
            seen_false = true;
            assert!(
                screen.contains("Jawaban Anda tidak tepat: pernyataan ini salah —"),
                "{screen}"
            );
            assert!(screen.contains("tidak termasuk"), "{screen}");
            assert!(screen.contains("melainkan"), "{screen}");
            // Where the item really belongs (wrapped, so look at the end).
            let last_word = home.split_whitespace().last().unwrap();
            assert!(screen.contains(&format!("{last_word}.")), "{screen}");
            if first {
                insta::assert_snapshot!(screen);
            }
        } else {
            // A hand-written statement: the generator knows no more.
            assert!(
                screen.contains("Jawaban Anda tidak tepat: pernyataan ini salah."),
                "{screen}"
            );
        }
    }
    assert!(seen_true && seen_false);
}

#[test]
fn enter_with_items_unmatched_says_to_match_them_all_until_the_next_key() {
    let mut app = quiz_of(QuestionKind::Matching, 1);
    app.update(Action::Choose(0));
    app.update(Action::Open);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    assert!(quiz.incomplete);
    assert_eq!(app.mode(), Mode::Arrange, "not submitted");
    let screen = draw(&mut app, 80, 24);
    insta::assert_snapshot!(screen);
    assert!(screen.contains("Pasangkan semua butir dulu."), "{screen}");
    app.update(Action::Down);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    assert!(!quiz.incomplete);
    assert!(!draw(&mut app, 80, 24).contains("Pasangkan semua butir dulu."));
}

/// The items named so far and the line being typed of a "name them all".
fn list_input(app: &App) -> (Vec<String>, String) {
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    let kisi_tui::screens::quiz::Phase::Answering(kisi_tui::answer::Input::List { items, text }) =
        &quiz.phase
    else {
        panic!("{:?}", quiz.phase)
    };
    (items.clone(), text.clone())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

#[test]
fn name_them_all_enter_adds_or_submits_and_backspace_takes_back() {
    let mut app = quiz_of(QuestionKind::ListAll, 1);
    let footer = |app: &mut App| draw(app, 80, 24).lines().last().unwrap().to_owned();
    assert!(footer(&mut app).contains("Enter tambah"));
    type_text(&mut app, "Elang");
    assert!(footer(&mut app).contains("Enter tambah"));
    app.update(Action::Open);
    assert_eq!(list_input(&app), (vec!["Elang".to_owned()], String::new()));
    assert!(
        footer(&mut app).contains("Enter kirim"),
        "{}",
        footer(&mut app)
    );
    // The same item again, in other case, accents and spacing, is not added.
    type_text(&mut app, " ÉLANG ");
    app.update(Action::Open);
    assert_eq!(list_input(&app), (vec!["Elang".to_owned()], String::new()));
    type_text(&mut app, "jamur");
    app.update(Action::Open);
    // Backspace on the empty line takes the last item back to be fixed.
    app.update(Action::DeleteChar);
    assert_eq!(
        list_input(&app),
        (vec!["Elang".to_owned()], "jamur".to_owned())
    );
    app.update(Action::DeleteChar);
    assert_eq!(
        list_input(&app),
        (vec!["Elang".to_owned()], "jamu".to_owned())
    );
    // The help lists it.
    app.update(Action::ToggleHelp);
    let help = draw(&mut app, 80, 24);
    assert!(help.contains("Backspace"), "{help}");
    assert!(help.contains("ambil lagi butir terakhir"), "{help}");
}

#[test]
fn a_second_enter_after_the_verdict_does_not_answer_the_next_question() {
    let mut app = quiz_of(QuestionKind::Choice, 2);
    app.update(Action::Choose(0));
    app.update(Action::Open); // answer
    app.update(Action::Open); // on to the next question
    app.update(Action::Open); // one Enter too many: nothing is picked yet
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    assert_eq!(quiz.session.current_index(), 1);
    assert_eq!(
        quiz.session.records()[1],
        None,
        "the second question got answered"
    );
    assert!(quiz.incomplete);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Pilih salah satu jawaban dulu."),
        "{screen}"
    );
    // The first arrow press lands on the first option, and the reminder goes.
    app.update(Action::Down);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    assert!(!quiz.incomplete);
    assert!(!draw(&mut app, 80, 24).contains("Pilih salah satu jawaban dulu."));
}

#[test]
fn setup_at_60x15_marks_the_rows_out_of_view() {
    let mut app = setup();
    let top = draw(&mut app, 60, 15);
    assert!(top.contains('▼') && !top.contains('▲'), "{top}");
    assert!(!top.contains("Mulai kuis"), "{top}");
    app.update(Action::Last);
    let bottom = draw(&mut app, 60, 15);
    assert!(bottom.contains('▲') && !bottom.contains('▼'), "{bottom}");
    assert!(bottom.contains("Mulai kuis"), "{bottom}");
}

#[test]
fn a_quiz_with_fewer_questions_than_asked_for_says_so_on_the_first() {
    let mut app = quiz_of(QuestionKind::Ordering, 10);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    let made = quiz.session.questions().len();
    assert!(made < 10, "the pack has {made} ordering questions");
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("cukup untuk {made} soal, bukan 10")),
        "{screen}"
    );
    // Enough material: no notice.
    let mut app = quiz_of(QuestionKind::Choice, 3);
    assert!(!draw(&mut app, 80, 24).contains("bukan"));
}

#[test]
fn ordering_feedback_lists_the_right_order_and_marks_the_student_s() {
    let mut app = quiz_of(QuestionKind::Ordering, 1);
    // Submit the items as shown: shuffled, so not all in place.
    app.update(Action::Open);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    let outcome = quiz.session.records()[0].as_ref().unwrap().outcome();
    assert_ne!(
        outcome,
        Outcome::Correct,
        "the shuffle left every item in place"
    );
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("Jawaban lengkap (✓ yang Anda jawab benar):"),
        "{screen}"
    );
    assert!(screen.contains("✗ "), "{screen}");
    insta::assert_snapshot!(screen);
}

/// Nothing answered yet: Esc leaves at once, there is nothing to lose.
#[test]
fn leaving_a_quiz_before_any_answer_does_not_ask() {
    let mut app = quiz_of(QuestionKind::Choice, 3);
    app.update(Action::Back);
    assert!(matches!(app.stack.screen, Screen::QuizSetup(_)));
}

/// A choice question with a prompt of several lines at 40x12.
fn long_choice_quiz() -> App {
    let definition = "Kondisi terpenuhinya kebutuhan material, spiritual, dan sosial \
        warga negara agar dapat hidup layak dan mampu mengembangkan diri, sehingga \
        dapat melaksanakan fungsi sosialnya.";
    let question = kisi_core::quiz::Question {
        key: "long".to_owned(),
        prompt: Prompt::TermForDefinition {
            definition: definition.to_owned(),
        },
        body: Body::Choice {
            options: [
                "Kesejahteraan sosial",
                "Pelayanan sosial",
                "Jaminan sosial",
                "Rehabilitasi sosial",
            ]
            .map(str::to_owned)
            .to_vec(),
            correct: 0,
        },
        targets: Vec::new(),
        explanation: String::new(),
        source: None,
    };
    App::new(fixture_pack(), Lang::Id, Theme::mono()).with_screen(Screen::Quiz(
        kisi_tui::screens::quiz::QuizState::new(kisi_core::quiz::Session::new(vec![question])),
    ))
}

#[test]
fn a_long_question_at_40x12_opens_at_its_top_and_follows_the_cursor() {
    let mut app = long_choice_quiz();
    let top = draw(&mut app, 40, 12);
    // The question first, as in the mock exam; the options below the ▼.
    assert!(!top.contains("▲ PgUp"), "{top}");
    assert!(top.contains("▼ PgDn"), "{top}");
    assert!(top.contains("Istilah apakah"), "{top}");
    insta::assert_snapshot!("long_question_40x12", top);
    // Moving to the last option brings it into view, a row above it for ▲.
    for _ in 0..4 {
        app.update(Action::Down);
    }
    let last = draw(&mut app, 40, 12);
    assert!(last.contains("Rehabilitasi sosial"), "{last}");
    assert!(last.contains("▲ PgUp"), "{last}");
    // PgUp goes back to the question.
    app.update(Action::PageUp);
    app.update(Action::PageUp);
    let back = draw(&mut app, 40, 12);
    assert!(back.contains("Istilah apakah"), "{back}");
}

/// Issue 16: a hint under the answer wraps at a projector's 40x12, never
/// cut ("Enter pada bari…").
#[test]
fn the_list_hint_wraps_at_40x12() {
    let mut app = quiz_of(QuestionKind::ListAll, 1);
    let screen = draw(&mut app, 40, 12);
    assert!(
        screen.contains("Enter menambah butir;") && screen.contains("kosong mengirim."),
        "{screen}"
    );
}

/// Issue 16: at 40x12 (a projector's large font) an ordering question's
/// footer keeps the keys it needs, Space and Enter, beside help, in both
/// languages; at 60 columns ↑↓ too.
#[test]
fn an_ordering_question_keeps_space_and_enter_in_the_footer_at_40x12() {
    for (lang, space, enter, help, move_) in [
        (
            Lang::Id,
            "Space angkat",
            "Enter kirim",
            "? bantuan",
            "↑↓ pindah",
        ),
        (
            Lang::En,
            "Space grab/drop",
            "Enter submit",
            "? help",
            "↑↓ move",
        ),
    ] {
        let mut app = App::new(fixture_pack(), lang, Theme::mono()).with_seed(11);
        let index = MENU.iter().position(|m| *m == MenuItem::Quiz).unwrap();
        for _ in 0..index {
            app.update(Action::Down);
        }
        app.update(Action::Open);
        let Screen::QuizSetup(setup) = &mut app.stack.screen else {
            panic!()
        };
        setup.kinds = QuestionKind::ALL.map(|k| k == QuestionKind::Ordering);
        setup.count = 1;
        app.update(Action::Open);
        let screen = draw(&mut app, 40, 12);
        let footer = screen.lines().last().unwrap();
        for key in [space, enter, help] {
            assert!(footer.contains(key), "{key:?} not in {footer}");
        }
        insta::assert_snapshot!(format!("ordering_{lang:?}_40x12"), screen);
        let screen = draw(&mut app, 60, 18);
        let footer = screen.lines().last().unwrap();
        for key in [move_, space, enter, help] {
            assert!(footer.contains(key), "{key:?} not in {footer}");
        }
    }
}
