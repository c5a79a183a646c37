//! What the reading screens say about a pack's own fields, on packs other
//! than the built-in one and in both languages: the topic summary where a
//! topic is chosen, an entry's tags, and the `english` field of an English
//! pack.

use std::path::Path;

use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::load::load_dir;
use kisi_core::i18n::Lang;
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::theme::Theme;

use crate::common::screen::{draw, run};

fn test_pack(name: &str) -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/packs")
        .join(name);
    load_dir(&dir).unwrap_or_else(|report| panic!("{report}"))
}

/// The topic list of `pack`, the cursor `down` rows from the top.
fn topics(pack: Pack, lang: Lang, down: usize) -> App {
    let mut app = App::new(pack, lang, Theme::mono());
    app.update(Action::Open);
    assert!(matches!(app.stack.screen, Screen::Topics(_)));
    for _ in 0..down {
        app.update(Action::Down);
    }
    app
}

#[test]
fn the_topic_list_shows_the_chosen_topics_summary() {
    let mut app = topics(test_pack("networking"), Lang::En, 1);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("TCP and UDP, how they differ, and how ports tell processes apart."),
        "{screen}"
    );
    insta::assert_snapshot!("topics_summary_networking_80x24", screen);
    let mut app = topics(test_pack("pancasila"), Lang::Id, 0);
    let screen = draw(&mut app, 60, 18);
    assert!(
        screen.contains("Lima sila Pancasila, lambangnya"),
        "{screen}"
    );
    // The built-in pack's long summaries are cut with a visible ellipsis at
    // 40x12, never silently; at 20x6 the list keeps every row it has.
    let mut app = topics(builtin_pack().unwrap(), Lang::Id, 0);
    let small = draw(&mut app, 40, 12);
    assert!(small.contains("Peran-peran yang"), "{small}");
    assert!(small.contains('…'), "{small}");
    insta::assert_snapshot!("topics_summary_builtin_40x12", small);
    let tiny = draw(&mut app, 20, 6);
    assert!(!tiny.contains("Peran-peran"), "{tiny}");
}

/// The entry `id` of `pack`, opened from its topic.
fn entry(pack: Pack, lang: Lang, id: &str) -> App {
    let at = pack.find_entry(id).unwrap();
    let mut app = topics(pack, lang, at.topic);
    app.update(Action::Open);
    for _ in 0..at.entry {
        app.update(Action::Down);
    }
    run(&mut app, &[Action::Open]);
    app
}

#[test]
fn an_entry_shows_its_tags_and_an_english_packs_english_as_another_name() {
    let mut app = entry(test_pack("networking"), Lang::En, "tcp");
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Tags: rfc-793"), "{screen}");
    // The English term of an English pack is another name, said once.
    assert!(
        screen.contains("Also known as: Transmission Control Protocol"),
        "{screen}"
    );
    assert!(!screen.contains("English term"), "{screen}");
    assert_eq!(
        screen.matches("Transmission Control Protocol").count(),
        1,
        "{screen}"
    );
    // An Indonesian pack keeps its English term apart, in either language.
    for (lang, label) in [(Lang::Id, "Istilah Inggris:"), (Lang::En, "English term:")] {
        let mut app = entry(test_pack("pancasila"), lang, "pancasila-lima-sila");
        let screen = draw(&mut app, 80, 40);
        assert!(screen.contains(label), "{screen}");
    }
    let mut app = entry(builtin_pack().unwrap(), Lang::Id, "peran-fasilitator");
    let screen = draw(&mut app, 80, 40);
    assert!(screen.contains("Label: peran"), "{screen}");
}

/// `kisi ARGS` in the environment's language (Indonesian).
fn kisi(args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("LANG", "id_ID.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn each_subcommands_help_lists_only_the_global_options_it_uses() {
    let cases: [(&[&str], &[&str], &[&str]); 6] = [
        (
            &["--lang", "en", "packs", "--help"],
            &["--data-dir", "--lang"],
            &[
                "--content",
                "--pack",
                "--theme",
                "--exam-date",
                "--no-cache",
            ],
        ),
        (
            &["export", "--help"],
            &["--content", "--pack", "--lang", "Opsi:"],
            &["--theme", "--data-dir", "--exam-date"],
        ),
        (
            &["--lang", "en", "questions", "--help"],
            &["--content", "--no-cache", "--lang"],
            &["--theme", "--data-dir", "--exam-date"],
        ),
        (
            &["host", "--help"],
            &["--content", "--data-dir", "--theme", "--lang"],
            &["--exam-date"],
        ),
        (
            &["--lang", "en", "present", "--help"],
            &["--content", "--theme"],
            &["--data-dir", "--exam-date"],
        ),
        (
            &["completions", "--help"],
            &[],
            &["--content", "--pack", "--lang", "--theme", "--data-dir"],
        ),
    ];
    for (args, listed, hidden) in cases {
        let help = kisi(args);
        for option in listed {
            assert!(help.contains(option), "{args:?} lacks {option}:\n{help}");
        }
        for option in hidden {
            assert!(!help.contains(option), "{args:?} lists {option}:\n{help}");
        }
    }
    // A global hidden from a subcommand's help is still accepted there.
    kisi(&["--lang", "en", "completions", "bash"]);
    kisi(&[
        "packs",
        "--theme",
        "mono",
        "--data-dir",
        "/nonexistent-kisi-dir",
    ]);
}

#[test]
fn an_entry_longer_than_the_screen_marks_what_is_below_and_above() {
    for lang in [Lang::Id, Lang::En] {
        let mut app = entry(builtin_pack().unwrap(), lang, "peran-menurut-blog");
        let top = draw(&mut app, 80, 24);
        // "Lihat juga" is below the fold: the last row says so.
        assert!(
            !top.contains("Lihat juga") && !top.contains("See also"),
            "{top}"
        );
        assert!(top.contains("▼ PgDn") && !top.contains("▲ PgUp"), "{top}");
        app.update(Action::Last);
        let end = draw(&mut app, 80, 24);
        assert!(end.contains("▲ PgUp") && !end.contains("▼ PgDn"), "{end}");
        assert!(end.contains("1. Mediator"), "{end}");
    }
}

/// The screen's text with its rows joined, to find a sentence wrapped
/// over several rows.
fn joined(screen: &str) -> String {
    screen
        .lines()
        .map(|line| line.trim().trim_matches('"').trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn leaving_a_quiz_or_the_exam_asks_in_full_at_every_size() {
    use kisi_tui::screens::home::{MENU, MenuItem};
    for lang in [Lang::Id, Lang::En] {
        let strings = lang.strings();
        for (item, question) in [
            (MenuItem::Quiz, strings.quiz_leave),
            (MenuItem::Exam, strings.exam_leave),
        ] {
            let mut app = App::new(builtin_pack().unwrap(), lang, Theme::mono()).with_seed(3);
            let index = MENU.iter().position(|m| *m == item).unwrap();
            for _ in 0..index {
                app.update(Action::Down);
            }
            app.update(Action::Open);
            if item == MenuItem::Quiz {
                app.update(Action::Open);
            }
            // Answer one question, so that leaving asks.
            app.update(Action::Choose(0));
            app.update(Action::Open);
            app.update(Action::Back);
            for (width, height) in [(80, 24), (60, 18), (40, 12)] {
                let screen = draw(&mut app, width, height);
                assert!(
                    joined(&screen).contains(question),
                    "{item:?} at {width}x{height}:\n{screen}\n{}",
                    joined(&screen)
                );
            }
        }
    }
}

#[test]
fn the_statistics_mark_what_is_below_the_fold() {
    use kisi_tui::screens::home::{MENU, MenuItem};
    let mut app = App::new(builtin_pack().unwrap(), Lang::En, Theme::mono());
    let index = MENU.iter().position(|m| *m == MenuItem::Stats).unwrap();
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let top = draw(&mut app, 80, 24);
    assert!(top.contains("▼ PgDn") && !top.contains("▲ PgUp"), "{top}");
    app.update(Action::Last);
    let end = draw(&mut app, 80, 24);
    assert!(
        end.contains("No mock exams yet.") && !end.contains("▼ PgDn"),
        "{end}"
    );
}
