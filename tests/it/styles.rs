//! What the screens say through style and not only through text: the
//! selected row, the letters a search matched, the option picked, the items
//! a verdict marks wrong, the answer revealed to a class, the point a search
//! led to. Drawn on the fixture pack in the mono theme, whose styles are
//! modifiers only: selected = reversed and bold, marked = reversed, a search
//! hit = bold and underlined, a note = italic.

use kisi_core::i18n::Lang;
use kisi_core::quiz::{Body, QuestionKind, QuizOptions, generate};
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::class_quiz::ClassQuizState;
use kisi_tui::screens::present::Origin;
use kisi_tui::screens::quiz_setup::QuizSetupState;
use kisi_tui::theme::Theme;
use ratatui::style::Modifier;

use crate::common;

use common::fixture::fixture_pack;
use common::screen::{draw_buffer, search};

fn app() -> App {
    App::new(fixture_pack(), Lang::Id, Theme::mono())
}

/// A quiz of `count` questions of one kind, from `seed`.
fn quiz_of(kind: QuestionKind, count: usize, seed: u64) -> App {
    let app = app();
    let mut setup = QuizSetupState::new(app.env.pack.topics.len());
    setup.count = count;
    setup.kinds = QuestionKind::ALL.map(|k| k == kind);
    let mut app = app.with_seed(seed).with_quiz_setup(setup);
    app.update(Action::Open);
    assert!(
        matches!(app.stack.screen, Screen::Quiz(_)),
        "{:?}",
        app.stack.screen
    );
    app
}

#[test]
fn the_selected_row_is_reversed_and_moves_with_the_cursor() {
    let mut app = app();
    app.update(Action::Open);
    let topics = draw_buffer(&mut app, 60, 12);
    assert!(topics.all_have("Organel sel", Modifier::REVERSED));
    assert!(topics.none_has("Pembelahan sel", Modifier::REVERSED));
    app.update(Action::Down);
    let topics = draw_buffer(&mut app, 60, 12);
    assert!(topics.none_has("Organel sel", Modifier::REVERSED));
    assert!(topics.all_have("Pembelahan sel", Modifier::REVERSED));
}

#[test]
fn a_search_hit_underlines_the_letters_matched_and_nothing_else() {
    let mut app = app();
    app.update(Action::Search);
    search(&mut app, "membr");
    let screen = draw_buffer(&mut app, 80, 24);
    // "bermembran ganda", a point of the second result (not selected): only
    // "membr" is underlined, in the word and in the snippet.
    let cells = screen.find("bermembran ganda");
    let underlined: Vec<bool> = cells
        .iter()
        .map(|&(x, y)| screen.0[(x, y)].modifier.contains(Modifier::UNDERLINED))
        .collect();
    let expected: Vec<bool> = "bermembran ganda"
        .char_indices()
        .map(|(i, _)| (3..8).contains(&i))
        .collect();
    assert_eq!(underlined, expected, "{}", screen.text());
    // The first result is the selected one: its title row is reversed, the
    // other results' titles are not.
    assert!(screen.all_have("▸ Membran sel", Modifier::REVERSED));
    assert!(screen.none_has("Mitokondria", Modifier::REVERSED));
}

#[test]
fn the_option_picked_is_reversed_and_only_it() {
    let mut app = quiz_of(QuestionKind::Choice, 3, 7);
    let Screen::Quiz(quiz) = &app.stack.screen else {
        panic!()
    };
    let Some(Body::Choice { options, .. }) = quiz.session.current().map(|q| &q.body) else {
        panic!("not a multiple-choice question")
    };
    let options = options.clone();
    let before = draw_buffer(&mut app, 80, 24);
    for (letter, option) in ['a', 'b'].iter().zip(&options) {
        assert!(before.none_has(&format!("{letter}) {option}"), Modifier::REVERSED));
    }
    app.update(Action::Choose(1));
    let picked = draw_buffer(&mut app, 80, 24);
    assert!(picked.all_have(&format!("b) {}", options[1]), Modifier::REVERSED));
    assert!(picked.none_has(&format!("a) {}", options[0]), Modifier::REVERSED));
}

#[test]
fn the_ordering_verdict_sets_the_items_out_of_place_apart() {
    // Seed 11 shuffles the food chain with one item in its place.
    let mut app = quiz_of(QuestionKind::Ordering, 1, 11);
    // Submitted as shown.
    app.update(Action::Open);
    let screen = draw_buffer(&mut app, 80, 24);
    let text = screen.text();
    let marked = |mark: char| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.trim_start().strip_prefix(&format!("{mark} ")))
            .map(|rest| format!("{mark} {}", rest.trim_end()))
            .collect()
    };
    let (right, wrong) = (marked('✓'), marked('✗'));
    assert!(!right.is_empty() && !wrong.is_empty(), "{text}");
    for line in &wrong {
        assert!(screen.all_have(line, Modifier::ITALIC), "{line}\n{text}");
    }
    for line in &right {
        assert!(screen.none_has(line, Modifier::ITALIC), "{line}\n{text}");
    }
}

#[test]
fn the_revealed_answer_of_a_class_quiz_is_reversed() {
    let app = app();
    let options = QuizOptions {
        count: 3,
        seed: 7,
        kinds: vec![QuestionKind::Choice],
        ..QuizOptions::default()
    };
    let questions = generate(&app.env.pack, &options).unwrap();
    let Body::Choice { options, correct } = &questions[0].body else {
        panic!("not a multiple-choice question")
    };
    let letter = char::from(b'A' + u8::try_from(*correct).unwrap());
    let right = format!("✓ {letter}. {}", options[*correct]);
    let other = options[(correct + 1) % options.len()].clone();
    let state = ClassQuizState::new(questions, 7, 30, Origin::CommandLine);
    let mut app = app.with_screen(Screen::ClassQuiz(state));
    let asked = draw_buffer(&mut app, 80, 24);
    assert!(!asked.text().contains('✓'), "{}", asked.text());
    app.update(Action::Toggle);
    let revealed = draw_buffer(&mut app, 80, 24);
    // Past the "Jawaban:" line, in the list of options.
    let list = revealed.find("Jawaban:")[0].1 + 1;
    let reversed = |cells: Vec<(u16, u16)>| {
        cells
            .into_iter()
            .map(|(x, y)| revealed.0[(x, y)].modifier.contains(Modifier::REVERSED))
            .collect::<Vec<_>>()
    };
    assert!(
        reversed(revealed.find_from(list, &right))
            .iter()
            .all(|&r| r)
    );
    assert!(
        reversed(revealed.find_from(list, &other))
            .iter()
            .all(|&r| !r)
    );
}

#[test]
fn the_point_a_search_led_to_is_marked_in_the_entry() {
    let mut app = app();
    app.update(Action::Search);
    search(&mut app, "kromatid saudara");
    app.update(Action::Open);
    assert!(
        matches!(app.stack.screen, Screen::Detail(_)),
        "{:?}",
        app.stack.screen
    );
    let screen = draw_buffer(&mut app, 80, 40);
    assert!(screen.all_have("anafase: kromatid saudara", Modifier::REVERSED));
    assert!(screen.none_has("telofase: selaput inti", Modifier::REVERSED));
    assert!(screen.none_has("metafase: kromosom", Modifier::REVERSED));
}
