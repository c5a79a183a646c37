//! The TUI driven through `App::update` with real actions and drawn on
//! ratatui's `TestBackend`: snapshots of each screen, navigation, and a
//! property test of the state machine.

use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_core::search::Searcher;
use std::time::Duration;

use kisi_core::quiz::QuestionKind;
use kisi_tui::action::{Action, Mode};
use kisi_tui::answer::Input;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::screens::quiz::Phase;
use kisi_tui::screens::quiz_setup::QuizSetupState;
use kisi_tui::theme::{self, Theme};
use proptest::prelude::*;

use crate::common;

use common::screen::{draw, run};

fn app(lang: Lang) -> App {
    App::new(builtin_pack().unwrap(), lang, Theme::mono())
}

/// Opens the entry with this id through the menus, as a user would.
fn open_entry(app: &mut App, id: &str) {
    let at = app.pack.find_entry(id).unwrap();
    run(app, &[Action::Open]);
    for _ in 0..at.topic {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    for _ in 0..at.entry {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert!(matches!(&app.screen, Screen::Detail(d) if d.at == at));
}

const PASAL_3: &str = "uu-11-2009-pasal-3";

/// Types `query` into the search screen and runs the searches it asks for,
/// as the worker thread would.
fn search(app: &mut App, query: &str) {
    let mut searcher = Searcher::new(&app.pack);
    for c in query.chars() {
        app.update(Action::Input(c));
    }
    while let Some(query) = app.pending_search().map(str::to_owned) {
        let results = searcher.search(&app.pack, &query);
        app.show_search_results(query, results);
    }
}

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
fn entries_of_the_law_80x24() {
    let mut app = app(Lang::Id);
    let topic = app.pack.find_topic("uu-11-2009").unwrap();
    app.update(Action::Open);
    for _ in 0..topic {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn detail_of_pasal_3_80x24() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn detail_of_pasal_3_small_40x12_scrolled_to_the_end() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    app.update(Action::Resize(40, 12));
    app.update(Action::Last);
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

#[test]
fn detail_shows_every_goal_and_the_correction_note() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    // Tall enough to show the whole entry at once.
    let screen = draw(&mut app, 100, 80);
    for label in ["a.", "b.", "c.", "d.", "e.", "f."] {
        assert!(
            screen.contains(&format!(" {label} ")),
            "goal {label} missing:\n{screen}"
        );
    }
    assert!(screen.contains("Catatan"), "{screen}");
    assert!(screen.contains("Sumber"), "{screen}");
}

#[test]
fn help_overlay_lists_the_keys_of_the_screen() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(draw(&mut app, 80, 24));
    app.update(Action::ToggleHelp);
    assert!(!app.help_open);
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
    search(&mut app, "konsel");
    insta::assert_snapshot!(draw(&mut app, 80, 24));
}

#[test]
fn search_small_40x12() {
    let mut app = app(Lang::Id);
    app.update(Action::Search);
    search(&mut app, "pasal 3");
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

#[test]
fn a_point_hit_opens_the_entry_at_that_point_and_back_keeps_the_query() {
    let mut app = app(Lang::Id);
    app.update(Action::Resize(60, 10));
    app.update(Action::Search);
    search(&mut app, "pencegahan penelantaran");
    let searched = app.screen.clone();
    app.update(Action::Open);
    let expected = app.pack.find_entry("bidang-keluarga-anak").unwrap();
    let Screen::Detail(detail) = &app.screen else {
        panic!("not on detail: {:?}", app.screen)
    };
    assert_eq!(detail.at, expected);
    // The fifth activity is marked and scrolled into view.
    assert_eq!(detail.marked_point, Some(4));
    assert!(detail.scroll > 0);
    let screen = draw(&mut app, 60, 10);
    assert!(screen.contains("pencegahan penelantaran"), "{screen}");
    app.update(Action::Back);
    assert_eq!(app.screen, searched);
}

#[test]
fn slash_opens_search_from_any_screen_but_a_quiz_question() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    app.update(Action::Search);
    assert!(matches!(app.screen, Screen::Search(_)));
    app.update(Action::Back);
    assert!(matches!(app.screen, Screen::Detail(_)));
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
    let entries = app.screen.clone();
    run(&mut app, &[Action::Open, Action::PageDown, Action::Back]);
    assert_eq!(app.screen, entries);
    app.update(Action::Back);
    assert!(matches!(&app.screen, Screen::Topics(t) if t.cursor.selected == 2));
    app.update(Action::Back);
    assert!(matches!(app.screen, Screen::Home(_)));
    // Back on Home stays on Home; only quit leaves.
    app.update(Action::Back);
    assert!(matches!(app.screen, Screen::Home(_)) && !app.should_quit);
    app.update(Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn scrolling_stops_at_the_end_of_the_text() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    app.update(Action::Resize(60, 18));
    for _ in 0..500 {
        app.update(Action::Down);
    }
    let Screen::Detail(bottom) = app.screen.clone() else {
        panic!("not on detail")
    };
    app.update(Action::Last);
    assert_eq!(app.screen, Screen::Detail(bottom));
    app.update(Action::Up);
    assert!(matches!(&app.screen, Screen::Detail(d) if d.scroll > 0));
}

#[test]
fn reading_moves_to_the_next_and_previous_entry_and_back_lands_on_the_last_one_read() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    let depth = app.history.len();
    let detail_of = |app: &App| match &app.screen {
        Screen::Detail(d) => app.pack.entry(d.at).unwrap().id.to_string(),
        other => panic!("not on detail: {other:?}"),
    };
    // Pasal 3 is the last entry of its topic: there is no next one.
    app.update(Action::NextItem);
    assert_eq!(detail_of(&app), PASAL_3);
    run(&mut app, &[Action::PreviousItem, Action::PreviousItem]);
    assert_eq!(detail_of(&app), "uu-11-2009-pasal-1-angka-2");
    assert_eq!(app.history.len(), depth, "n and p replace, not stack");
    run(&mut app, &[Action::PreviousItem, Action::PreviousItem]);
    assert_eq!(detail_of(&app), "uu-11-2009-pasal-1-angka-1");
    app.update(Action::NextItem);
    app.update(Action::Back);
    let Screen::Entries(list) = &app.screen else {
        panic!("Back did not return to the list: {:?}", app.screen)
    };
    assert_eq!(
        list.cursor.selected, 1,
        "the list shows the entry last read"
    );
}

#[test]
fn related_entries_open_by_number_and_by_click_and_back_returns() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    let pasal_3 = app.screen.clone();
    app.update(Action::Choose(0));
    assert!(
        matches!(&app.screen, Screen::Detail(d) if &*app.pack.entry(d.at).unwrap().id == "glosarium-kemandirian"),
        "{:?}",
        app.screen
    );
    app.update(Action::Back);
    assert_eq!(app.screen, pasal_3);
    // A number past the list does nothing.
    app.update(Action::Choose(8));
    assert_eq!(app.screen, pasal_3);

    app.update(Action::Resize(80, 24));
    app.update(Action::Last);
    let screen = draw(&mut app, 80, 24);
    click(&mut app, &screen, "Ketahanan sosial");
    assert!(
        matches!(&app.screen, Screen::Detail(d) if &*app.pack.entry(d.at).unwrap().id == "glosarium-ketahanan-sosial"),
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
            let before = app.screen.clone();
            let depth = app.history.len();
            app.update(action);
            if app.history.len() == depth + 1 {
                app.update(Action::Back);
                // Leaving a quiz asks first.
                if app.mode() == Mode::Confirm {
                    app.update(Action::Yes);
                }
                prop_assert_eq!(&app.screen, &before);
                prop_assert_eq!(app.history.len(), depth);
                app.update(action);
            }
            if app.should_quit {
                // Only the menu's Quit item may end the app here.
                let on_quit_item = matches!(
                    &app.screen,
                    Screen::Home(h) if MENU[h.cursor.selected] == MenuItem::Quit
                );
                prop_assert!(on_quit_item, "quit from {:?}", app.screen);
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
    assert!(matches!(&app.screen, Screen::Home(h) if MENU[h.cursor.selected] == MenuItem::Search));
    let browse = app.strings().menu_browse;
    click(&mut app, &screen, browse);
    click(&mut app, &screen, browse);
    assert!(matches!(app.screen, Screen::Topics(_)), "{:?}", app.screen);

    let third = app.pack.topics[2].title.clone();
    let screen = draw(&mut app, 60, 18);
    click(&mut app, &screen, &third);
    assert!(matches!(&app.screen, Screen::Topics(t) if t.cursor.selected == 2));
    click(&mut app, &screen, &third);
    assert!(matches!(&app.screen, Screen::Entries(e) if e.topic == 2));

    // A click beside the list, on the header or the footer selects nothing.
    let before = app.screen.clone();
    for row in [0, 17] {
        app.update(Action::Click { column: 5, row });
    }
    assert_eq!(app.screen, before);
}

#[test]
fn a_click_on_a_search_result_opens_it() {
    let mut app = app(Lang::Id);
    app.update(Action::Search);
    search(&mut app, "pasal 3");
    let screen = draw(&mut app, 80, 24);
    let Screen::Search(state) = &app.screen else {
        panic!()
    };
    let second = state.results.get(1).unwrap().entry;
    let title = app.pack.entry(second).unwrap().title.clone();
    // The snippet line under the title belongs to the same result.
    let row = row_of(&screen, &title) + 1;
    app.update(Action::Click { column: 10, row });
    assert!(matches!(&app.screen, Screen::Search(s) if s.cursor.selected == 1));
    app.update(Action::Click { column: 10, row });
    assert!(matches!(&app.screen, Screen::Detail(d) if d.at == second));
}

/// A quiz of multiple-choice questions only, from a fixed seed.
fn choice_quiz(app: &mut App) {
    let mut setup = QuizSetupState::new(app.pack.topics.len());
    setup.count = 5;
    for (on, kind) in setup.kinds.iter_mut().zip(QuestionKind::ALL) {
        *on = kind == QuestionKind::Choice;
    }
    *app = app.clone().with_seed(7).with_quiz_setup(setup);
    app.update(Action::Open);
    assert!(matches!(app.screen, Screen::Quiz(_)));
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
        &app.screen,
        Screen::Quiz(q) if q.phase == Phase::Answering(Input::Pick { selected: Some(1) })
    ));
    app.update(Action::Click {
        column: 3,
        row: row_of(&screen, "b) "),
    });
    assert!(matches!(&app.screen, Screen::Quiz(q) if matches!(q.phase, Phase::Feedback { .. })));
    let feedback = draw(&mut app, 40, 12);
    insta::assert_snapshot!("quiz_feedback_40x12", feedback);
    // Scrolled down to the verdict, the question's status line stays on top.
    assert!(feedback.contains("▲ PgUp"), "{feedback}");
    assert!(feedback.contains("1/5 · Pilihan ganda"), "{feedback}");
    // Answer the rest with option a.
    while let Screen::Quiz(quiz) = &app.screen {
        let feedback = matches!(quiz.phase, Phase::Feedback { .. });
        if !feedback {
            app.update(Action::Choose(0));
        }
        app.update(Action::Open);
    }
    let screen = draw(&mut app, 40, 12);
    insta::assert_snapshot!("quiz_results_40x12", screen);
    let Screen::QuizResults(results) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    assert!(results.summary.mistakes.len() >= 2, "{screen}");
}

#[test]
fn quiz_results_mistakes_open_by_click() {
    let mut app = app(Lang::Id);
    choice_quiz(&mut app);
    while let Screen::Quiz(quiz) = &app.screen {
        if !matches!(quiz.phase, Phase::Feedback { .. }) {
            app.update(Action::Choose(3));
        }
        app.update(Action::Open);
    }
    let screen = draw(&mut app, 80, 30);
    let Screen::QuizResults(results) = &app.screen else {
        panic!("{:?}", app.screen)
    };
    let mistakes = results.summary.mistakes.clone();
    assert!(mistakes.len() >= 2, "{screen}");
    let target = mistakes[1].targets[0].entry;
    let title = app.pack.entry(target).unwrap().title.clone();
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
    assert!(matches!(&app.screen, Screen::QuizResults(r) if r.cursor.selected == 1));
    app.update(Action::Click { column: 20, row });
    assert!(matches!(&app.screen, Screen::Detail(d) if d.at == target));
}

#[test]
fn home_40x12_in_each_theme() {
    for (name, _) in theme::BUILTIN {
        let theme = Theme::resolve(Some(name), None).unwrap();
        let mut app = App::new(builtin_pack().unwrap(), Lang::Id, theme);
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
    open_entry(&mut app, PASAL_3);
    app.update(Action::Resize(40, 12));
    app.update(Action::ToggleHelp);
    let top = draw(&mut app, 40, 12);
    assert!(!top.contains("Ctrl-C"), "{top}");
    app.update(Action::Down);
    assert_eq!(app.help_scroll, 1);
    run(
        &mut app,
        &[Action::PageDown, Action::PageDown, Action::PageDown],
    );
    let bottom = draw(&mut app, 40, 12);
    insta::assert_snapshot!("help_overlay_scrolled_to_the_end_40x12", bottom);
    assert!(bottom.contains("Ctrl-C"), "{bottom}");
    assert!(bottom.contains("─ ↑ ┘"), "{bottom}");
    let end = app.help_scroll;
    app.update(Action::Down);
    assert_eq!(app.help_scroll, end, "scrolled past the last row");
    app.update(Action::Up);
    assert_eq!(app.help_scroll, end - 1);
    app.update(Action::Last);
    assert_eq!(app.help_scroll, end);
    app.update(Action::First);
    assert_eq!(app.help_scroll, 0);
    // The screen under the help did not move.
    assert!(matches!(app.screen, Screen::Detail(_)));
    // Opened again, the help starts at the top.
    run(
        &mut app,
        &[Action::Last, Action::ToggleHelp, Action::ToggleHelp],
    );
    assert_eq!(app.help_scroll, 0);
    // A help that fits does not scroll.
    app.update(Action::Resize(80, 40));
    app.update(Action::Down);
    assert_eq!(app.help_scroll, 0);
}

/// At the smallest size the help box scrolls by its two rows, and the
/// bottom border says only what fits whole.
#[test]
fn help_overlay_at_20x6_scrolls_and_keeps_its_border_whole() {
    let mut app = app(Lang::Id);
    open_entry(&mut app, PASAL_3);
    app.update(Action::Resize(20, 6));
    app.update(Action::ToggleHelp);
    let top = draw(&mut app, 20, 6);
    insta::assert_snapshot!("help_overlay_20x6", top);
    assert!(top.contains("└ Esc ─"), "{top}");
    assert!(!top.contains("bant┘"), "{top}");
    // A page is a whole key: its name and, under it, what it does.
    app.update(Action::PageDown);
    assert_eq!(app.help_scroll, 2);
    let next = draw(&mut app, 20, 6);
    insta::assert_snapshot!("help_overlay_20x6_next_page", next);
    assert_ne!(top, next);
}
