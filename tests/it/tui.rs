//! The TUI driven through `App::update` with real actions and drawn on
//! ratatui's `TestBackend`: snapshots of each screen, navigation, and a
//! property test of the state machine.

use kisi_core::i18n::Lang;
use std::time::Duration;

use kisi_core::quiz::{Body, QuestionKind};
use kisi_tui::action::{Action, Mode};
use kisi_tui::answer::Input;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::screens::quiz::Phase;
use kisi_tui::screens::quiz_setup::QuizSetupState;
use kisi_tui::theme::{self, Theme};
use proptest::prelude::*;

use crate::common;
use common::fixture::fixture_pack;

use common::screen::{draw, run, search};

fn app(lang: Lang) -> App {
    App::new(fixture_pack(), lang, Theme::mono())
}

/// Opens the entry with this id through the menus, as a user would.
fn open_entry(app: &mut App, id: &str) {
    let at = app.env.pack.find_entry(id).unwrap();
    run(app, &[Action::Open]);
    for _ in 0..at.topic {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    for _ in 0..at.entry {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert!(matches!(&app.stack.screen, Screen::Detail(d) if d.at == at));
}

/// The fixture's long entry: a body of two paragraphs, eight labelled
/// points, a long note and three related entries; last of its topic.
const LONG: &str = "pembelahan-siklus-sel";

#[test]
fn home_80x24() {
    let mut app = app(Lang::Id);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn home_small_40x12() {
    let mut app = app(Lang::Id);
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

#[test]
fn home_in_english() {
    let mut app = app(Lang::En);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Browse the material"), "{screen}");
    assert!(screen.contains("quit"), "{screen}");
}

#[test]
fn topics_80x24() {
    let mut app = app(Lang::Id);
    app.update(Action::Open);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn entries_of_a_topic_80x24() {
    let mut app = app(Lang::Id);
    let topic = app.env.pack.find_topic("pembelahan").unwrap();
    app.update(Action::Open);
    for _ in 0..topic {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn detail_of_the_long_entry_80x24() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn detail_of_the_long_entry_small_40x12_scrolled_to_the_end() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    app.update(Action::Resize(40, 12));
    app.update(Action::Last);
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

#[test]
fn detail_shows_every_labelled_point_and_the_note() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    // Tall enough to show the whole entry at once.
    let screen = draw(&mut app, 100, 80);
    for label in ["a.", "b.", "c.", "d.", "e.", "f.", "g.", "h."] {
        assert!(
            screen.contains(&format!(" {label} ")),
            "point {label} missing:\n{screen}"
        );
    }
    assert!(screen.contains("Catatan"), "{screen}");
    assert!(screen.contains("Sumber"), "{screen}");
}

#[test]
fn help_overlay_lists_the_keys_of_the_screen() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
    app.update(Action::ToggleHelp);
    assert!(!app.stack.help_open);
}

#[test]
fn search_before_typing_says_what_can_be_found() {
    let mut app = app(Lang::Id);
    app.update(Action::Search);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn search_for_a_fragment_80x24() {
    let mut app = app(Lang::Id);
    app.update(Action::Search);
    search(&mut app, "membr");
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn search_small_40x12() {
    let mut app = app(Lang::Id);
    app.update(Action::Search);
    search(&mut app, "sel anak");
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

/// Issue 15: a bidi override (or a zero-width space) typed or pasted into
/// the search box is dropped, by the same sanitiser the loader uses.
#[test]
fn a_bidi_override_typed_or_pasted_into_search_is_dropped() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use kisi_tui::keymap::{map_event, paste};
    let mut app = app(Lang::Id);
    app.update(Action::Search);
    for c in ['s', '\u{202E}', 'e', '\u{200B}', 'l'] {
        let key = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(action) = map_event(app.mode(), &key) {
            app.update(action);
        }
    }
    // Even an Input that bypasses the keymap is filtered by the screen.
    app.update(Action::Input('\u{2066}'));
    for action in paste(app.mode(), " a\u{202D}nak\n").collect::<Vec<_>>() {
        app.update(action);
    }
    let Screen::Search(state) = &app.stack.screen else {
        panic!("not on search: {:?}", app.stack.screen)
    };
    assert_eq!(state.query, "sel anak");
}

#[test]
fn a_point_hit_opens_the_entry_at_that_point_and_back_keeps_the_query() {
    let mut app = app(Lang::Id);
    app.update(Action::Resize(60, 10));
    app.update(Action::Search);
    search(&mut app, "kromatid saudara");
    let searched = app.stack.screen.clone();
    app.update(Action::Open);
    let expected = app.env.pack.find_entry(LONG).unwrap();
    let Screen::Detail(detail) = &app.stack.screen else {
        panic!("not on detail: {:?}", app.stack.screen)
    };
    assert_eq!(detail.at, expected);
    // Point f is marked and scrolled into view.
    assert_eq!(detail.marked_point, Some(5));
    assert!(detail.scroll > 0);
    let screen = draw(&mut app, 60, 10);
    assert!(screen.contains("kromatid saudara"), "{screen}");
    app.update(Action::Back);
    assert_eq!(app.stack.screen, searched);
}

#[test]
fn slash_opens_search_from_any_screen_but_a_quiz_question() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    app.update(Action::Search);
    assert!(matches!(app.stack.screen, Screen::Search(_)));
    app.update(Action::Back);
    assert!(matches!(app.stack.screen, Screen::Detail(_)));
}

#[test]
fn too_small_says_so() {
    let mut app = app(Lang::Id);
    let screen = draw(&mut app, 19, 3);
    assert!(screen.contains("Jendela ter"), "{screen}");
}

#[test]
fn back_returns_exactly_where_the_user_was() {
    let mut app = app(Lang::Id);
    run(
        &mut app,
        &[Action::Open, Action::Down, Action::Down, Action::Open],
    );
    run(&mut app, &[Action::Down, Action::Down]);
    let entries = app.stack.screen.clone();
    run(&mut app, &[Action::Open, Action::PageDown, Action::Back]);
    assert_eq!(app.stack.screen, entries);
    app.update(Action::Back);
    assert!(matches!(&app.stack.screen, Screen::Topics(t) if t.cursor.selected == 2));
    app.update(Action::Back);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    // Back on Home stays on Home; only quit leaves.
    app.update(Action::Back);
    assert!(matches!(app.stack.screen, Screen::Home(_)) && !app.should_quit);
    app.update(Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn scrolling_stops_at_the_end_of_the_text() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    app.update(Action::Resize(60, 18));
    for _ in 0..500 {
        app.update(Action::Down);
    }
    let Screen::Detail(bottom) = app.stack.screen.clone() else {
        panic!("not on detail")
    };
    app.update(Action::Last);
    assert_eq!(app.stack.screen, Screen::Detail(bottom));
    app.update(Action::Up);
    assert!(matches!(&app.stack.screen, Screen::Detail(d) if d.scroll > 0));
}

#[test]
fn reading_moves_to_the_next_and_previous_entry_and_back_lands_on_the_last_one_read() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    let depth = app.stack.history.len();
    let detail_of = |app: &App| match &app.stack.screen {
        Screen::Detail(d) => app.env.pack.entry(d.at).unwrap().id.to_string(),
        other => panic!("not on detail: {other:?}"),
    };
    // The long entry is the last of its topic: there is no next one.
    app.update(Action::NextItem);
    assert_eq!(detail_of(&app), LONG);
    app.update(Action::PreviousItem);
    assert_eq!(detail_of(&app), "pembelahan-meiosis");
    assert_eq!(app.stack.history.len(), depth, "n and p replace, not stack");
    // The first entry has no previous one.
    run(&mut app, &[Action::PreviousItem, Action::PreviousItem]);
    assert_eq!(detail_of(&app), "pembelahan-mitosis");
    app.update(Action::NextItem);
    app.update(Action::Back);
    let Screen::Entries(list) = &app.stack.screen else {
        panic!("Back did not return to the list: {:?}", app.stack.screen)
    };
    assert_eq!(
        list.cursor.selected, 1,
        "the list shows the entry last read"
    );
}

#[test]
fn related_entries_open_by_number_and_by_click_and_back_returns() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    let long = app.stack.screen.clone();
    app.update(Action::Choose(0));
    assert!(
        matches!(&app.stack.screen, Screen::Detail(d) if &*app.env.pack.entry(d.at).unwrap().id == "pembelahan-mitosis"),
        "{:?}",
        app.stack.screen
    );
    app.update(Action::Back);
    assert_eq!(app.stack.screen, long);
    // A number past the list does nothing.
    app.update(Action::Choose(8));
    assert_eq!(app.stack.screen, long);

    app.update(Action::Resize(80, 24));
    app.update(Action::Last);
    let screen = draw(&mut app, 80, 24);
    click(&mut app, &screen, "Inti sel (nukleus)");
    assert!(
        matches!(&app.stack.screen, Screen::Detail(d) if &*app.env.pack.entry(d.at).unwrap().id == "sel-inti"),
        "{screen}"
    );
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::First),
        Just(Action::Last),
        Just(Action::Open),
        Just(Action::Back),
        Just(Action::ToggleHelp),
        Just(Action::ScrollUp),
        Just(Action::ScrollDown),
        Just(Action::Left),
        Just(Action::Right),
        Just(Action::Toggle),
        (0usize..8).prop_map(Action::Choose),
        prop::char::any().prop_map(Action::Input),
        Just(Action::DeleteChar),
        Just(Action::ClearInput),
        Just(Action::OpenEntry),
        Just(Action::Override),
        Just(Action::Retry),
        Just(Action::Yes),
        Just(Action::No),
        Just(Action::Search),
        Just(Action::ToggleFooter),
        Just(Action::NextItem),
        Just(Action::PreviousItem),
        (0u64..120).prop_map(|s| Action::Tick(Duration::from_secs(s))),
        (1u16..=250, 1u16..=80).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..250, 0u16..80).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Any sequence of actions at any size draws without panicking, and every
    /// screen pushed can be left with Back to exactly the screen before it.
    #[test]
    fn random_actions_never_panic_and_back_returns(
        actions in prop::collection::vec(any_action(), 1..60),
        width in 1u16..=250,
        height in 1u16..=80,
    ) {
        let mut app = app(Lang::Id);
        app.update(Action::Resize(width, height));
        for action in actions {
            let before = app.stack.screen.clone();
            let depth = app.stack.history.len();
            app.update(action);
            if app.stack.history.len() == depth + 1 {
                app.update(Action::Back);
                // Leaving a quiz asks first.
                if app.mode() == Mode::Confirm {
                    app.update(Action::Yes);
                }
                prop_assert_eq!(&app.stack.screen, &before);
                prop_assert_eq!(app.stack.history.len(), depth);
                app.update(action);
            }
            if app.should_quit {
                // Only the menu's Quit item may end the app here.
                let on_quit_item = matches!(
                    &app.stack.screen,
                    Screen::Home(h) if MENU[h.cursor.selected] == MenuItem::Quit
                );
                prop_assert!(on_quit_item, "quit from {:?}", app.stack.screen);
                return Ok(());
            }
            let size = app.size;
            draw(&mut app, size.width, size.height);
        }
    }
}

/// The screen row on which `text` is drawn.
fn row_of(screen: &str, text: &str) -> u16 {
    let row = screen
        .lines()
        .position(|line| line.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"));
    u16::try_from(row).unwrap()
}

fn click(app: &mut App, screen: &str, text: &str) {
    let row = row_of(screen, text);
    let line = screen.lines().nth(row.into()).unwrap();
    // The middle of the text, in columns.
    let start = line.split(text).next().unwrap().chars().count();
    let column = u16::try_from(start + text.chars().count() / 2).unwrap();
    app.update(Action::Click { column, row });
}

#[test]
fn a_click_selects_a_row_and_a_click_on_the_selected_row_opens_it() {
    let mut app = app(Lang::Id);
    let screen = draw(&mut app, 60, 18);
    let search_item = app.strings().menu_search;
    click(&mut app, &screen, search_item);
    assert!(
        matches!(&app.stack.screen, Screen::Home(h) if MENU[h.cursor.selected] == MenuItem::Search)
    );
    let browse = app.strings().menu_browse;
    click(&mut app, &screen, browse);
    click(&mut app, &screen, browse);
    assert!(
        matches!(app.stack.screen, Screen::Topics(_)),
        "{:?}",
        app.stack.screen
    );

    let third = app.env.pack.topics[2].title.clone();
    let screen = draw(&mut app, 60, 18);
    click(&mut app, &screen, &third);
    assert!(matches!(&app.stack.screen, Screen::Topics(t) if t.cursor.selected == 2));
    click(&mut app, &screen, &third);
    assert!(matches!(&app.stack.screen, Screen::Entries(e) if e.topic == 2));

    // A click beside the list, on the header or the footer selects nothing.
    let before = app.stack.screen.clone();
    for row in [0, 17] {
        app.update(Action::Click { column: 5, row });
    }
    assert_eq!(app.stack.screen, before);
}

#[test]
fn a_click_on_a_search_result_opens_it() {
    let mut app = app(Lang::Id);
    app.update(Action::Search);
    search(&mut app, "sel anak");
    let screen = draw(&mut app, 80, 24);
    let Screen::Search(state) = &app.stack.screen else {
        panic!()
    };
    let second = state.results.get(1).unwrap().entry;
    let title = app.env.pack.entry(second).unwrap().title.clone();
    // The snippet line under the title belongs to the same result.
    let row = row_of(&screen, &title) + 1;
    app.update(Action::Click { column: 10, row });
    assert!(matches!(&app.stack.screen, Screen::Search(s) if s.cursor.selected == 1));
    app.update(Action::Click { column: 10, row });
    assert!(matches!(&app.stack.screen, Screen::Detail(d) if d.at == second));
}

/// A quiz of multiple-choice questions only, from a fixed seed.
fn choice_quiz(app: &mut App) {
    let mut setup = QuizSetupState::new(app.env.pack.topics.len());
    setup.count = 5;
    for (on, kind) in setup.kinds.iter_mut().zip(QuestionKind::ALL) {
        *on = kind == QuestionKind::Choice;
    }
    *app = app.clone().with_seed(7).with_quiz_setup(setup);
    app.update(Action::Open);
    assert!(matches!(app.stack.screen, Screen::Quiz(_)));
}

#[test]
fn quiz_by_mouse_at_40x12_question_feedback_and_results() {
    let mut app = app(Lang::Id);
    choice_quiz(&mut app);
    let screen = draw(&mut app, 40, 12);
    insta::assert_snapshot!("quiz_question_40x12", screen);
    // Click option b, then click it again to answer.
    click(&mut app, &screen, "b) ");
    assert!(matches!(
        &app.stack.screen,
        Screen::Quiz(q) if q.phase == Phase::Answering(Input::Pick { selected: Some(1) })
    ));
    app.update(Action::Click {
        column: 3,
        row: row_of(&screen, "b) "),
    });
    assert!(
        matches!(&app.stack.screen, Screen::Quiz(q) if matches!(q.phase, Phase::Feedback { .. }))
    );
    let feedback = draw(&mut app, 40, 12);
    insta::assert_snapshot!("quiz_feedback_40x12", feedback);
    // Scrolled down to the verdict, the question's status line stays on top.
    assert!(feedback.contains("▲ PgUp"), "{feedback}");
    assert!(feedback.contains("1/5 · Pilihan ganda"), "{feedback}");
    // Answer the rest with option a.
    while let Screen::Quiz(quiz) = &app.stack.screen {
        let feedback = matches!(quiz.phase, Phase::Feedback { .. });
        if !feedback {
            app.update(Action::Choose(0));
        }
        app.update(Action::Open);
    }
    let screen = draw(&mut app, 40, 12);
    insta::assert_snapshot!("quiz_results_40x12", screen);
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    assert!(results.summary.mistakes.len() >= 2, "{screen}");
}

#[test]
fn quiz_results_mistakes_open_by_click() {
    let mut app = app(Lang::Id);
    choice_quiz(&mut app);
    // Every answer wrong.
    while let Screen::Quiz(quiz) = &app.stack.screen {
        if !matches!(quiz.phase, Phase::Feedback { .. }) {
            let Some(Body::Choice { options, correct }) = quiz.session.current().map(|q| &q.body)
            else {
                panic!("not a multiple-choice question")
            };
            app.update(Action::Choose((correct + 1) % options.len()));
        }
        app.update(Action::Open);
    }
    let screen = draw(&mut app, 80, 30);
    let Screen::QuizResults(results) = &app.stack.screen else {
        panic!("{:?}", app.stack.screen)
    };
    let mistakes = results.summary.mistakes.clone();
    assert!(mistakes.len() >= 2, "{screen}");
    let target = mistakes[1].targets[0].entry;
    let title = app.env.pack.entry(target).unwrap().title.clone();
    // Mistake rows start with the entry's title; the topic bars do not.
    let row = screen
        .lines()
        .position(|line| {
            line.trim_start_matches(['"', ' '])
                .starts_with(&format!("{title}:"))
        })
        .unwrap_or_else(|| panic!("{title}\n{screen}"));
    let row = u16::try_from(row).unwrap();
    app.update(Action::Click { column: 20, row });
    assert!(matches!(&app.stack.screen, Screen::QuizResults(r) if r.cursor.selected == 1));
    app.update(Action::Click { column: 20, row });
    assert!(matches!(&app.stack.screen, Screen::Detail(d) if d.at == target));
}

#[test]
fn home_40x12_in_each_theme() {
    for (name, _) in theme::BUILTIN {
        let theme = Theme::resolve(Some(name), None).unwrap();
        let mut app = App::new(fixture_pack(), Lang::Id, theme);
        app.update(Action::Resize(40, 12));
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(40, 12)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(&app, frame.area()))
            .unwrap();
        // The buffer's Debug shows every cell's style.
        insta::assert_debug_snapshot!(format!("home_theme_{name}"), terminal.backend().buffer());
    }
}

#[test]
fn help_overlay_at_40x12_stacks_and_marks_what_is_cut() {
    let mut app = app(Lang::Id);
    app.update(Action::ToggleHelp);
    let screen = draw(&mut app, 40, 12);
    insta::assert_snapshot!(screen);
    // The bottom border says there is more below, and which key shows it.
    assert!(screen.contains("─ ↓ ┘"), "{screen}");
}

/// The overlay's last rows, which a small window cannot show at once, come
/// into view with the movement keys; the scroll stops at the last row.
#[test]
fn help_overlay_scrolls_when_it_does_not_fit_40x12() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    app.update(Action::Resize(40, 12));
    app.update(Action::ToggleHelp);
    let top = draw(&mut app, 40, 12);
    assert!(!top.contains("Ctrl-C"), "{top}");
    app.update(Action::Down);
    assert_eq!(app.stack.help_scroll, 1);
    run(
        &mut app,
        &[Action::PageDown, Action::PageDown, Action::PageDown],
    );
    let bottom = draw(&mut app, 40, 12);
    insta::assert_snapshot!("help_overlay_scrolled_to_the_end_40x12", bottom);
    assert!(bottom.contains("Ctrl-C"), "{bottom}");
    assert!(bottom.contains("─ ↑ ┘"), "{bottom}");
    let end = app.stack.help_scroll;
    app.update(Action::Down);
    assert_eq!(app.stack.help_scroll, end, "scrolled past the last row");
    app.update(Action::Up);
    assert_eq!(app.stack.help_scroll, end - 1);
    app.update(Action::Last);
    assert_eq!(app.stack.help_scroll, end);
    app.update(Action::First);
    assert_eq!(app.stack.help_scroll, 0);
    // The screen under the help did not move.
    assert!(matches!(app.stack.screen, Screen::Detail(_)));
    // Opened again, the help starts at the top.
    run(
        &mut app,
        &[Action::Last, Action::ToggleHelp, Action::ToggleHelp],
    );
    assert_eq!(app.stack.help_scroll, 0);
    // A help that fits does not scroll.
    app.update(Action::Resize(80, 40));
    app.update(Action::Down);
    assert_eq!(app.stack.help_scroll, 0);
}

/// At the smallest size the help box scrolls by its two rows, and the
/// bottom border says only what fits whole.
#[test]
fn help_overlay_at_20x6_scrolls_and_keeps_its_border_whole() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, LONG);
    app.update(Action::Resize(20, 6));
    app.update(Action::ToggleHelp);
    let top = draw(&mut app, 20, 6);
    insta::assert_snapshot!("help_overlay_20x6", top);
    assert!(top.contains("└ Esc ─"), "{top}");
    assert!(!top.contains("bant┘"), "{top}");
    // A page is a whole key: its name and, under it, what it does.
    app.update(Action::PageDown);
    assert_eq!(app.stack.help_scroll, 2);
    let next = draw(&mut app, 20, 6);
    insta::assert_snapshot!("help_overlay_20x6_next_page", next);
    assert_ne!(top, next);
}

/// The screen tests rely on the fixture having all of this; trimming it
/// would silently make them test less.
#[test]
fn the_fixture_pack_has_what_the_screen_tests_need() {
    use kisi_core::content::AuthoredKind;
    use kisi_core::quiz::{QuizOptions, generate};

    let pack = fixture_pack();
    for kind in QuestionKind::ALL {
        let options = QuizOptions {
            kinds: vec![kind],
            ..QuizOptions::default()
        };
        assert!(
            !generate(&pack, &options).unwrap().is_empty(),
            "no {kind:?}"
        );
    }
    let authored: Vec<&AuthoredKind> = pack
        .topics
        .iter()
        .flat_map(|t| t.questions.iter().map(|q| &q.kind))
        .collect();
    assert!(
        authored
            .iter()
            .any(|k| matches!(k, AuthoredKind::Choice { .. }))
    );
    assert!(
        authored
            .iter()
            .any(|k| matches!(k, AuthoredKind::TrueFalse { .. }))
    );
    assert!(
        authored
            .iter()
            .any(|k| matches!(k, AuthoredKind::Typed { .. }))
    );
    assert!(pack.exam.is_some());
    let long = pack.entry(pack.find_entry(LONG).unwrap()).unwrap();
    assert!(long.points.len() >= 8 && long.points.iter().all(|p| p.label.is_some()));
    assert!(long.note.is_some() && long.see_also.len() >= 3 && long.ordered);
    assert!(pack.entries().any(|(_, e)| e.english.is_some()));
    assert!(pack.entries().any(|(_, e)| !e.aliases.is_empty()));
}
