//! Presentation mode and the class quiz: snapshots at the sizes a lecturer's
//! enlarged font leaves, navigation through `App::update`, and the real
//! binary in a pseudo-terminal.

use crate::common;
use common::fixture::fixture_pack;

use std::time::Duration;

use common::Session;
use common::screen::{draw, run};

use kisi_core::i18n::Lang;
use kisi_core::quiz::{Body, QuestionKind, QuizOptions, generate};
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::class_quiz::ClassQuizState;
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::screens::present::{Origin, PresentState};
use kisi_tui::theme::Theme;

fn app() -> App {
    App::new(fixture_pack(), Lang::Id, Theme::mono())
}

/// Opens a Home menu item as a user would.
fn open_menu(app: &mut App, item: MenuItem) {
    let index = MENU.iter().position(|i| *i == item).unwrap();
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
}

fn presentation(app: &App) -> &PresentState {
    match &app.stack.screen {
        Screen::Present(state) => state,
        other => panic!("not presenting: {other:?}"),
    }
}

fn class_quiz(app: &App) -> &ClassQuizState {
    match &app.stack.screen {
        Screen::ClassQuiz(state) => state,
        other => panic!("not a class quiz: {other:?}"),
    }
}

/// A presentation of the whole pack, opened from the menu, at the slide of
/// the entry `id` with `points` points revealed.
fn at_slide(id: &str, points: usize) -> App {
    let mut app = app();
    open_menu(&mut app, MenuItem::Present);
    let at = app.env.pack.find_entry(id).unwrap();
    let slide = app.env.pack.entries().position(|(e, _)| e == at).unwrap();
    for _ in 0..slide {
        app.update(Action::Down);
    }
    for _ in 0..points {
        app.update(Action::Toggle);
    }
    assert_eq!(presentation(&app).slide(), slide);
    app
}

/// The fixture's long entry, with eight labelled points a–h.
const LONG: &str = "pembelahan-siklus-sel";
const POINTS: usize = 8;
/// An entry whose one-word title fits in big letters.
const RIBOSOM: &str = "sel-ribosom";

/// A class quiz of multiple-choice questions only, seed 7: the snapshots
/// show how options are laid out, whatever kinds the generator would
/// otherwise draw first.
fn class_quiz_app(seconds: u64) -> App {
    let app = app();
    let options = QuizOptions {
        count: 5,
        seed: 7,
        kinds: vec![QuestionKind::Choice],
        ..QuizOptions::default()
    };
    let questions = generate(&app.env.pack, &options).unwrap();
    let state = ClassQuizState::new(questions, 7, seconds, Origin::CommandLine);
    app.with_screen(Screen::ClassQuiz(state))
}

#[test]
fn slide_with_two_points_revealed_80x24() {
    let mut app = at_slide(LONG, 2);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn slide_with_big_title_60x18() {
    let mut app = at_slide(RIBOSOM, 0);
    insta::assert_snapshot!(draw(&mut app, 60, 18));
}

#[test]
fn slide_with_every_point_revealed_40x12() {
    let mut app = at_slide(LONG, POINTS);
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

#[test]
fn slide_at_200x60_is_a_centred_column() {
    let mut app = at_slide(LONG, POINTS);
    let screen = draw(&mut app, 200, 60);
    // Every line of the slide starts in the same, indented column.
    let starts: Vec<usize> = screen
        .lines()
        .filter(|l| l.contains("fase") || l.contains("Siklus sel adalah"))
        .map(|l| l.find(|c: char| c != ' ' && c != '"').unwrap())
        .collect();
    assert!(starts.len() >= 2, "{screen}");
    assert!(
        starts.iter().all(|&s| s == starts[0] && s > 40),
        "{starts:?}"
    );
}

#[test]
fn big_title_falls_back_to_plain_text_at_40x12() {
    let mut app = at_slide(RIBOSOM, 0);
    let big = draw(&mut app, 60, 18);
    // In big letters the word itself is not on screen as text.
    assert!(!big.lines().next().unwrap().contains("Ribosom"), "{big}");
    assert!(big.contains('▀') || big.contains('█'), "{big}");
    let small = draw(&mut app, 40, 12);
    assert!(small.lines().next().unwrap().contains("Ribosom"), "{small}");
    assert!(!small.contains('▀') && !small.contains('█'), "{small}");
}

#[test]
fn the_newest_point_stays_visible_when_not_all_fit() {
    let mut app = at_slide(LONG, POINTS);
    let screen = draw(&mut app, 40, 12);
    assert!(screen.contains("h. sitokinesis"), "{screen}");
    assert!(!screen.contains("a. fase G1"), "{screen}");
    // The points out of view are named, not silently dropped.
    assert!(screen.contains("▲ a–f: 6 butir di atas"), "{screen}");
    assert!(screen.contains("/15"), "{screen}");
}

/// At 60x18 not every point fits: the marker names the ones above (a–b),
/// and the points that fit whole fill the rows under it, the body (read
/// page by page before them) making way.
#[test]
fn slide_with_every_point_revealed_60x18_marks_the_points_above() {
    let mut app = at_slide(LONG, POINTS);
    assert_eq!(presentation(&app).shown(), POINTS);
    let screen = draw(&mut app, 60, 18);
    insta::assert_snapshot!(screen);
    assert!(screen.contains("▲ a–b: 2 butir di atas"), "{screen}");
    assert!(!screen.contains("lanjutan"), "{screen}");
    assert!(screen.contains(" f. anafase"), "{screen}");
    assert!(screen.contains(" h. sitokinesis"), "{screen}");
    // One more point revealed than fits: one marked, in English too.
    let mut app = at_slide(LONG, 3);
    app.env.lang = Lang::En;
    let screen = draw(&mut app, 40, 12);
    assert!(screen.contains("▲ a: 1 point above"), "{screen}");
    assert!(screen.contains("c. fase G2"), "{screen}");
    // All of them fit at 80x24: no marker.
    let mut app = at_slide(LONG, POINTS);
    let screen = draw(&mut app, 80, 24);
    assert!(!screen.contains('▲'), "{screen}");
    assert!(screen.contains("a. fase G1"), "{screen}");
}

#[test]
fn no_word_is_cut_without_an_ellipsis_on_small_screens() {
    for (width, height) in [(40, 12), (60, 18)] {
        let mut app = at_slide(LONG, POINTS);
        let screen = draw(&mut app, width, height);
        let words: Vec<&str> = app
            .env
            .pack
            .entries()
            .flat_map(|(_, e)| std::iter::once(&*e.body).chain(e.points.iter().map(|p| &*p.text)))
            .flat_map(str::split_whitespace)
            .collect();
        for line in screen.lines() {
            let Some(last) = line.trim_end().trim_end_matches('"').split(' ').next_back() else {
                continue;
            };
            if last.is_empty() || last.ends_with('…') || last.contains('/') {
                continue;
            }
            let word = last.trim_matches(|c: char| !c.is_alphanumeric());
            assert!(
                word.is_empty() || words.iter().any(|w| w.contains(word)),
                "{word:?} cut at {width}x{height}:\n{screen}"
            );
        }
    }
}

#[test]
fn points_reveal_one_at_a_time_then_the_next_slide_comes() {
    let mut app = at_slide(LONG, 0);
    let slide = presentation(&app).slide();
    for shown in 1..=POINTS {
        app.update(Action::Right);
        assert_eq!(presentation(&app).shown(), shown);
        assert_eq!(presentation(&app).slide(), slide);
    }
    app.update(Action::PageDown);
    assert_eq!(presentation(&app).slide(), slide + 1);
    assert_eq!(presentation(&app).shown(), 0);
    // Back a slide: as it was left, every point shown.
    app.update(Action::Left);
    assert_eq!(presentation(&app).slide(), slide);
    assert_eq!(presentation(&app).shown(), POINTS);
    // Down skips to the next slide without revealing.
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(presentation(&app).slide(), slide + 2);
    assert_eq!(presentation(&app).shown(), 0);
    run(&mut app, &[Action::First]);
    assert_eq!(presentation(&app).slide(), 0);
}

#[test]
fn back_returns_to_home_where_it_came_from() {
    let mut app = app();
    open_menu(&mut app, MenuItem::Present);
    let home_cursor = app.stack.history.last().cloned();
    run(&mut app, &[Action::Toggle, Action::Down, Action::Back]);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    assert_eq!(Some(app.stack.screen.clone()), home_cursor);
    assert!(!app.should_quit);
}

#[test]
fn back_from_the_command_line_quits() {
    let mut app = class_quiz_app(30);
    app.update(Action::Back);
    assert!(app.should_quit);
    let mut app = app_presenting_from_command_line();
    app.update(Action::Back);
    assert!(app.should_quit);
}

fn app_presenting_from_command_line() -> App {
    let app = app();
    let state = PresentState::new(&app.env.pack, &[0], Origin::CommandLine);
    assert_eq!(state.slide_count(), app.env.pack.topics[0].entries.len());
    app.with_screen(Screen::Present(state))
}

#[test]
fn f_hides_the_footer() {
    let mut app = at_slide(RIBOSOM, 0);
    let with = draw(&mut app, 80, 24);
    assert!(with.contains("Space →"), "{with}");
    app.update(Action::ToggleFooter);
    let without = draw(&mut app, 80, 24);
    assert!(!without.contains("Space →"), "{without}");
    assert!(without.contains("2/15"), "{without}");
}

#[test]
fn class_quiz_question_80x24() {
    let mut app = class_quiz_app(30);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn class_quiz_answer_revealed_60x18() {
    let mut app = class_quiz_app(30);
    app.update(Action::Toggle);
    insta::assert_snapshot!(draw(&mut app, 60, 18));
}

#[test]
fn class_quiz_answer_revealed_40x12() {
    let mut app = class_quiz_app(30);
    app.update(Action::Open);
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

#[test]
fn class_quiz_end_80x24() {
    let mut app = class_quiz_app(30);
    for _ in 0..10 {
        app.update(Action::Toggle);
    }
    assert!(class_quiz(&app).finished());
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn class_quiz_footer_keeps_the_way_out_at_40x12() {
    let mut app = class_quiz_app(30);
    let screen = draw(&mut app, 40, 12);
    let footer = screen.lines().last().unwrap();
    assert!(footer.contains("Space lanjut  q kembali"), "{screen}");
}

/// On the closing screen Space and r do nothing: the footer lists only
/// the keys that still work, and ← still goes back to the last question.
#[test]
fn class_quiz_end_lists_only_the_keys_that_work() {
    let mut app = class_quiz_app(30);
    for _ in 0..10 {
        app.update(Action::Toggle);
    }
    assert!(class_quiz(&app).finished());
    let screen = draw(&mut app, 80, 24);
    let footer = screen.lines().last().unwrap();
    assert!(
        !footer.contains("Space") && !footer.contains(" r "),
        "{footer}"
    );
    assert!(
        footer.contains("q kembali") && footer.contains("←"),
        "{footer}"
    );
    // Space and r indeed change nothing there.
    let before = app.stack.screen.clone();
    run(&mut app, &[Action::Toggle, Action::Retry]);
    assert_eq!(app.stack.screen, before);
    app.update(Action::Left);
    assert_eq!(class_quiz(&app).index(), 4);
    assert!(class_quiz(&app).revealed());
}

/// Going back shows the question with its answer and no clock (not a
/// misleading 00:00); r times it again from the full time.
#[test]
fn going_back_shows_the_answer_without_a_clock() {
    let mut app = class_quiz_app(30);
    run(
        &mut app,
        &[
            Action::Tick(Duration::from_secs(12)),
            Action::Toggle,
            Action::Toggle,
            Action::Left,
        ],
    );
    assert_eq!(class_quiz(&app).index(), 0);
    assert!(class_quiz(&app).revealed() && class_quiz(&app).returned());
    assert!(!app.wants_ticks());
    let screen = draw(&mut app, 60, 18);
    insta::assert_snapshot!(screen);
    assert!(!screen.contains("00:"), "{screen}");
    assert!(screen.contains("Jawaban:"), "{screen}");
    app.update(Action::Retry);
    assert!(!class_quiz(&app).returned() && !class_quiz(&app).revealed());
    assert_eq!(class_quiz(&app).time_left(), Duration::from_secs(30));
    assert!(draw(&mut app, 60, 18).contains("00:30"));
    // The help says so.
    app.update(Action::ToggleHelp);
    let help = draw(&mut app, 80, 24);
    assert!(help.contains("jawaban terbuka, tanpa waktu"), "{help}");
}

#[test]
fn one_question_is_singular_in_english() {
    let app = app();
    let options = QuizOptions {
        count: 1,
        seed: 7,
        ..QuizOptions::default()
    };
    let questions = generate(&app.env.pack, &options).unwrap();
    let state = ClassQuizState::new(questions, 7, 30, Origin::CommandLine);
    let mut app = app.with_screen(Screen::ClassQuiz(state));
    app.env.lang = Lang::En;
    run(&mut app, &[Action::Toggle, Action::Toggle]);
    assert!(class_quiz(&app).finished());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("1 question · seed 7"), "{screen}");
}

/// The matching question of the first `kisi present --quiz --seed N` that
/// has one, on screen.
fn class_quiz_at_matching() -> (App, usize, usize) {
    let app = app();
    let (seed, questions, at, (left, right)) = (0..100)
        .find_map(|seed| {
            let options = QuizOptions {
                count: 10,
                seed,
                ..QuizOptions::default()
            };
            let questions = generate(&app.env.pack, &options).unwrap();
            let (at, sizes) = questions
                .iter()
                .enumerate()
                .find_map(|(i, q)| match &q.body {
                    Body::Matching { left, right, .. } => Some((i, (left.len(), right.len()))),
                    _ => None,
                })?;
            Some((seed, questions, at, sizes))
        })
        .unwrap();
    let state = ClassQuizState::new(questions, seed, 30, Origin::CommandLine);
    let mut app = app.with_screen(Screen::ClassQuiz(state));
    for _ in 0..at {
        run(&mut app, &[Action::Toggle, Action::Toggle]);
    }
    assert_eq!(class_quiz(&app).index(), at);
    (app, left, right)
}

/// Every page of the question on screen, read with Space as a lecturer
/// would until the marker of more is gone; Space then goes on as before.
fn read_all_pages(app: &mut App, width: u16, height: u16) -> Vec<String> {
    let index = class_quiz(app).index();
    let revealed = class_quiz(app).revealed();
    let mut pages = vec![draw(app, width, height)];
    while pages.last().unwrap().contains("▼") {
        app.update(Action::Toggle);
        assert_eq!(class_quiz(app).index(), index, "paging moved on");
        assert_eq!(class_quiz(app).revealed(), revealed, "paging revealed");
        pages.push(draw(app, width, height));
        assert!(pages.len() < 20, "no end to the pages");
    }
    pages
}

/// At 40x12 the matching question showed items 1–4 only, then both lists
/// cut to their halves: now it is read page by page, nothing cut.
#[test]
fn class_quiz_matching_40x12_pages_through_both_lists_uncut() {
    let (mut app, left, right) = class_quiz_at_matching();
    let pages = read_all_pages(&mut app, 40, 12);
    assert!(pages.len() > 1, "{}", pages[0]);
    insta::assert_snapshot!(pages[0]);
    let all = pages.join("\n");
    for number in 1..=left {
        assert!(all.contains(&format!(" {number}. ")), "{number}:\n{all}");
    }
    for letter in ('A'..='Z').take(right) {
        assert!(all.contains(&format!(" {letter}. ")), "{letter}:\n{all}");
    }
    assert!(!all.contains('…'), "{all}");
    // The last page says how to go back up; ← does, before the previous question.
    assert!(
        pages.last().unwrap().contains("▲"),
        "{}",
        pages.last().unwrap()
    );
    app.update(Action::Left);
    assert!(draw(&mut app, 40, 12).contains("▼"));
    // Where the room allows, the lists are wrapped in full on one page.
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("  1. ") && screen.contains("  A. "),
        "{screen}"
    );
    assert!(!screen.contains('▼') && !screen.contains('…'), "{screen}");
}

/// At 60x18 the revealed matching answer showed 2 of its 5 rows: every
/// pair, and the explanation, are now read in full over its pages.
#[test]
fn class_quiz_matching_answer_60x18_is_read_in_full() {
    let (mut app, left, _) = class_quiz_at_matching();
    app.update(Action::Toggle);
    let pages = read_all_pages(&mut app, 60, 18);
    insta::assert_snapshot!(pages.join("\n======\n"));
    // The question's rows, above the source and the footer.
    let body = |page: &String| {
        let lines: Vec<&str> = page.lines().collect();
        lines[..lines.len() - 2].join("\n")
    };
    let all: String = pages.iter().map(body).collect::<Vec<_>>().join("\n");
    assert!(all.contains("Jawaban:"), "{all}");
    // Each pair of the answer, and each pair of the explanation's entries.
    assert!(all.matches('→').count() >= left, "{all}");
    assert!(!all.contains('…'), "{all}");
    // After the last page Space goes on to the next question.
    let index = class_quiz(&app).index();
    app.update(Action::Toggle);
    assert_eq!(class_quiz(&app).index(), index + 1);
}

#[test]
fn the_countdown_reveals_the_answer_when_time_is_up() {
    let mut app = class_quiz_app(30);
    assert!(app.wants_ticks());
    app.update(Action::Tick(Duration::from_secs(20)));
    assert_eq!(class_quiz(&app).time_left(), Duration::from_secs(10));
    assert!(draw(&mut app, 80, 24).contains("00:10"));
    assert!(!class_quiz(&app).revealed());
    app.update(Action::Tick(Duration::from_secs(11)));
    assert!(class_quiz(&app).revealed());
    assert!(!app.wants_ticks());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Waktu habis 00:00"), "{screen}");
    assert!(screen.contains("Jawaban:"), "{screen}");
    // r hides the answer and starts the countdown again.
    app.update(Action::Retry);
    assert!(!class_quiz(&app).revealed());
    assert_eq!(class_quiz(&app).time_left(), Duration::from_secs(30));
    // The next key reveals, the one after moves on; Left comes back revealed.
    run(&mut app, &[Action::Toggle, Action::Toggle]);
    assert_eq!(class_quiz(&app).index(), 1);
    assert!(!class_quiz(&app).revealed());
    app.update(Action::Left);
    assert_eq!(class_quiz(&app).index(), 0);
    assert!(class_quiz(&app).revealed());
}

#[test]
fn without_a_countdown_no_ticks_are_asked_for() {
    let mut app = class_quiz_app(0);
    assert!(!app.wants_ticks());
    assert!(!draw(&mut app, 80, 24).contains("00:"));
}

#[test]
fn the_same_seed_asks_the_same_questions() {
    let a = class_quiz_app(30);
    let b = class_quiz_app(30);
    assert_eq!(a.stack.screen, b.stack.screen);
}

#[test]
fn class_quiz_from_the_menu_and_back() {
    let mut app = app();
    open_menu(&mut app, MenuItem::ClassQuiz);
    assert!(class_quiz(&app).question_count() > 0);
    app.update(Action::Back);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
}

// The real binary in a pseudo-terminal.

#[test]
fn presents_reveals_points_moves_on_and_quits_to_the_shell() {
    let pack = common::fixture::fixture_dir();
    let args = [
        "--content",
        pack.to_str().unwrap(),
        "present",
        "--topic",
        "pembelahan",
    ];
    let mut kisi = Session::start(&args, 80, 24);
    kisi.wait_for("1/3");
    assert!(kisi.in_alternate_screen());
    // The cell cycle is the third slide of the topic; its points come one by one.
    kisi.keys(b"G");
    kisi.wait_for("3/3");
    assert!(!kisi.contents().contains("a. fase G1"));
    kisi.keys(b" ");
    kisi.wait_for("a. fase G1");
    assert!(!kisi.contents().contains("b. fase S"));
    kisi.keys(b"\x1b[C");
    kisi.wait_for("b. fase S");
    // PgUp goes back a slide.
    kisi.keys(b"\x1b[5~");
    kisi.wait_for("2/3");
    kisi.keys(b"f");
    kisi.keys(b"q");
    let status = kisi.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert!(!kisi.in_alternate_screen(), "alternate screen not left");
}

#[test]
fn an_unknown_topic_is_reported_before_full_screen() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(["present", "--topic", "nope"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("nope"), "{stderr}");
}

#[test]
fn a_click_advances_like_a_clicker() {
    let mut app = at_slide(LONG, 0);
    let slide = presentation(&app).slide();
    let click = Action::Click { column: 3, row: 3 };
    app.update(click);
    assert_eq!(presentation(&app).shown(), 1);
    for _ in 0..POINTS {
        app.update(click);
    }
    assert_eq!(presentation(&app).slide(), slide + 1);
}

/// Issue 16: at 40x12 a slide's body was cut mid-word with no way to read
/// the rest. It is read page by page now, with a marker, before its points.
#[test]
fn a_long_slide_body_is_read_page_by_page_at_40x12() {
    let mut app = at_slide(LONG, 0);
    let slide = presentation(&app).slide();
    let entry = app
        .env
        .pack
        .entry(app.env.pack.find_entry(LONG).unwrap())
        .unwrap()
        .clone();
    let mut pages = vec![draw(&mut app, 40, 12)];
    insta::assert_snapshot!(pages[0]);
    while pages.last().unwrap().contains("▼") {
        app.update(Action::Toggle);
        assert_eq!(presentation(&app).slide(), slide);
        assert_eq!(
            presentation(&app).shown(),
            0,
            "a point came before the body ended"
        );
        pages.push(draw(&mut app, 40, 12));
        assert!(pages.len() < 40, "no end to the pages");
    }
    assert!(pages.len() > 1);
    // Every word of the body is on some page, and no body line is cut.
    let all = pages.join("\n");
    for word in entry.body.split_whitespace() {
        assert!(all.contains(word), "{word}:\n{all}");
    }
    // ← goes back a page; then Space on the last page reveals the first point.
    app.update(Action::Left);
    assert_eq!(presentation(&app).slide(), slide);
    app.update(Action::Toggle);
    app.update(Action::Toggle);
    assert_eq!(presentation(&app).shown(), 1);
}

/// Issue 16: the class quiz's closing line asks the same set again: the
/// same pack, topics, language, seconds, seed and count.
#[test]
fn the_closing_line_repeats_pack_topics_language_and_seconds() {
    let app = app();
    let options = QuizOptions {
        count: 2,
        seed: 7,
        topics: vec!["sel".to_string()],
        ..QuizOptions::default()
    };
    let questions = generate(&app.env.pack, &options).unwrap();
    let state = ClassQuizState::new(questions, 7, 45, Origin::CommandLine)
        .with_topics(vec!["sel".to_string()]);
    let mut app = app.with_screen(Screen::ClassQuiz(state));
    app.env.content = Some("/tmp/my pack".into());
    app.env.lang = Lang::En;
    for _ in 0..4 {
        app.update(Action::Toggle);
    }
    assert!(class_quiz(&app).finished());
    let screen = draw(&mut app, 200, 50);
    assert!(
        screen.contains(
            "kisi --content '/tmp/my pack' --lang en present --quiz --topic sel --seed 7 \
             --count 2 --seconds 45"
        ),
        "{screen}"
    );
}
