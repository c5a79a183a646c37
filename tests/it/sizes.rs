//! Every screen at the sizes a classroom meets (20x6 to 200x50), in both
//! languages, on packs of every kind: the sweep of issue 16.

use std::collections::BTreeSet;
use std::path::PathBuf;

use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::load::load_dir;
use kisi_core::i18n::Lang;
use kisi_core::quiz::{QuestionKind, QuizOptions, generate};
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::screens::class_quiz::ClassQuizState;
use kisi_tui::screens::home::{MENU, MenuItem};
use kisi_tui::screens::present::{Origin, PresentState};
use kisi_tui::theme::Theme;

use crate::common;
use common::screen::{draw, run, search};

mod fixes;

/// Screens drawn, each with the name of its state.
pub type Screens = Vec<(String, String)>;

pub const SIZES: [(u16, u16); 5] = [(20, 6), (40, 12), (60, 18), (80, 24), (200, 50)];

pub fn pack_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/packs")
        .join(name)
}

pub fn packs() -> Vec<(&'static str, Pack)> {
    let mut packs = vec![("builtin", builtin_pack().unwrap())];
    for name in ["networking", "pancasila", "biology", "longform"] {
        packs.push((
            name,
            load_dir(&pack_dir(name)).unwrap_or_else(|r| panic!("{r}")),
        ));
    }
    packs
}

fn open_menu(app: &mut App, item: MenuItem) {
    app.update(Action::First);
    let index = MENU.iter().position(|m| *m == item).unwrap();
    for _ in 0..index {
        app.update(Action::Down);
    }
    app.update(Action::Open);
}

fn fresh(pack: &Pack, lang: Lang, (width, height): (u16, u16)) -> App {
    let mut app = App::new(pack.clone(), lang, Theme::mono()).with_seed(5);
    app.update(Action::Resize(width, height));
    app
}

/// A quiz of each kind: its question, a verdict, "leave?", the end.
fn quiz_states(pack: &Pack, lang: Lang, size: (u16, u16)) -> Screens {
    let mut out = Vec::new();
    let mut push = |name: &str, app: &App| {
        let mut app = app.clone();
        out.push((name.to_owned(), draw(&mut app, size.0, size.1)));
    };
    for kind in QuestionKind::ALL {
        let mut app = fresh(pack, lang, size);
        open_menu(&mut app, MenuItem::Quiz);
        let Screen::QuizSetup(setup) = &mut app.stack.screen else {
            panic!("{:?}", app.stack.screen)
        };
        setup.kinds = QuestionKind::ALL.map(|k| k == kind);
        setup.count = 2;
        app.update(Action::Open);
        if !matches!(app.stack.screen, Screen::Quiz(_)) {
            continue;
        }
        let name = format!("quiz-{kind:?}");
        push(&name, &app);
        run(
            &mut app,
            &[Action::Input('z'), Action::Choose(1), Action::Open],
        );
        push(&format!("{name}-verdict"), &app);
        app.update(Action::Back);
        push(&format!("{name}-leave"), &app);
        app.update(Action::No);
        run(
            &mut app,
            &[
                Action::Open,
                Action::Input('z'),
                Action::Choose(1),
                Action::Open,
                Action::Open,
            ],
        );
        push(&format!("{name}-end"), &app);
    }
    out
}

/// Every screen in the states a student or lecturer meets, by name.
pub fn states(pack: &Pack, lang: Lang, size: (u16, u16)) -> Screens {
    let mut out = quiz_states(pack, lang, size);
    let mut push = |name: &str, app: &App| {
        let mut app = app.clone();
        out.push((name.to_owned(), draw(&mut app, size.0, size.1)));
    };
    let mut app = fresh(pack, lang, size);
    push("home", &app);
    open_menu(&mut app, MenuItem::Browse);
    push("topics", &app);
    app.update(Action::Open);
    push("entries", &app);
    app.update(Action::Open);
    push("detail", &app);
    app.update(Action::Last);
    push("detail-end", &app);
    app.update(Action::ToggleHelp);
    push("help-detail", &app);
    let mut app = fresh(pack, lang, size);
    open_menu(&mut app, MenuItem::Search);
    push("search-empty", &app);
    search(&mut app, "the");
    push("search-results", &app);
    let mut app = fresh(pack, lang, size);
    open_menu(&mut app, MenuItem::Search);
    search(&mut app, "xyzzyq");
    push("search-none", &app);
    let mut app = fresh(pack, lang, size);
    open_menu(&mut app, MenuItem::Quiz);
    push("quiz-setup", &app);
    let mut app = fresh(pack, lang, size);
    open_menu(&mut app, MenuItem::Review);
    push("review", &app);
    let mut app = fresh(pack, lang, size);
    open_menu(&mut app, MenuItem::Exam);
    push("exam", &app);
    app.update(Action::NextItem);
    push("exam-2", &app);
    app.update(Action::Back);
    push("exam-leave", &app);
    app.update(Action::No);
    let count = match &app.stack.screen {
        Screen::Exam(exam) => exam.questions.len(),
        _ => 0,
    };
    for _ in 1..count {
        app.update(Action::NextItem);
    }
    push("exam-handin", &app);
    app.update(Action::Open);
    push("exam-handin-confirm", &app);
    app.update(Action::Yes);
    push("exam-results", &app);
    let mut app = fresh(pack, lang, size);
    open_menu(&mut app, MenuItem::Stats);
    push("stats", &app);
    let topics: Vec<usize> = (0..pack.topics.len()).collect();
    let present = PresentState::new(pack, &topics, Origin::Menu);
    let mut app = fresh(pack, lang, size).with_screen(Screen::Present(present));
    push("present", &app);
    for _ in 0..30 {
        app.update(Action::Toggle);
    }
    push("present-later", &app);
    for kind in QuestionKind::ALL {
        let options = QuizOptions {
            count: 2,
            seed: 7,
            kinds: vec![kind],
            ..QuizOptions::default()
        };
        let Ok(questions) = generate(pack, &options) else {
            continue;
        };
        let state = ClassQuizState::new(questions, 7, 30, Origin::Menu);
        let mut app = fresh(pack, lang, size).with_screen(Screen::ClassQuiz(state));
        let name = format!("class-{kind:?}");
        push(&name, &app);
        app.update(Action::Toggle);
        push(&format!("{name}-revealed"), &app);
    }
    let mut app = fresh(pack, lang, size);
    open_menu(&mut app, MenuItem::Join);
    push("join-form", &app);
    out
}

/// The live class quiz's host and student screens (on the built-in pack).
pub fn live_states(lang: Lang, (w, h): (u16, u16)) -> Screens {
    use crate::live::{hear, host_app, key, network, student_app_in};
    use kisi_core::room::{Ask, ClientMsg, ServerMsg, WireAnswer};
    use kisi_live::NetEvent;
    let mut out = Vec::new();
    let mut push = |name: &str, app: &mut App| out.push((name.to_owned(), draw(app, w, h)));
    let (mut host, conns) = host_app(30, lang);
    push("host-lobby", &mut host);
    key(&mut host, 's');
    push("host-question", &mut host);
    for conn in &conns {
        network(
            &mut host,
            NetEvent::Message {
                conn: *conn,
                msg: ClientMsg::Answer {
                    index: 0,
                    answer: WireAnswer::Choice(0),
                },
            },
        );
    }
    key(&mut host, 'r');
    push("host-reveal", &mut host);
    key(&mut host, 'e');
    push("host-confirm-end", &mut host);
    key(&mut host, 'y');
    push("host-end", &mut host);
    let (mut student, server) = student_app_in(lang);
    hear(&mut student, ServerMsg::Waiting { students: 12 });
    push("join-waiting", &mut student);
    let question = "In a community where the youth organisation, the mosque's social committee and the \
                village office each run their own programme for older people living alone, which \
                role does the social worker take when she brings them to plan one visiting rota?";
    hear(
        &mut student,
        ServerMsg::Question {
            index: 2,
            total: 5,
            prompt: question.to_owned(),
            ask: Ask::Choice {
                options: vec![
                    "Broker, linking people to the services they need".to_owned(),
                    "Mediator between groups whose interests conflict".to_owned(),
                    "Coordinator who brings separate efforts into one plan".to_owned(),
                    "Advocate speaking for the older people to the village".to_owned(),
                ],
            },
            left_ms: Some(41_000),
            paused: false,
            answered: false,
        },
    );
    push("join-question", &mut student);
    drop(server);
    out
}

/// The folders whose TOML the packs were read from, for their words.
fn pack_sources(name: &str) -> PathBuf {
    if name == "builtin" {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content")
    } else {
        pack_dir(name)
    }
}

/// Every word kisi itself may write: the sources of its strings.
fn ui_words() -> BTreeSet<String> {
    fn walk(dir: &std::path::Path, into: &mut BTreeSet<String>) {
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            if path.is_dir() {
                walk(&path, into);
            } else if path.extension().is_some_and(|e| e == "rs") {
                into.extend(words(&std::fs::read_to_string(path).unwrap()));
            }
        }
    }
    let mut words = BTreeSet::new();
    walk(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("crates/kisi-core/src/i18n"),
        &mut words,
    );
    words
}

/// The words of `text`, lower-cased: letters, digits, `'` and `-`.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| {
            w.trim_matches(|c| c == '\'' || c == '’' || c == '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
}

/// Words on `screen` that are only the beginning of a word kisi or the
/// pack writes (`vocabulary`), with no `…` after them: a word cut without a
/// marker. A word too long for the screen's width may be broken.
fn cut_words(screen: &str, width: usize, vocabulary: &BTreeSet<String>) -> Vec<String> {
    let mut cut = Vec::new();
    for line in screen.lines() {
        let mut rest = line;
        while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
            // A snippet's window starts with `…` before its first word.
            let opened = rest[..start].ends_with('…');
            rest = &rest[start..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
                .unwrap_or(rest.len());
            let (token, after) = rest.split_at(end);
            rest = after;
            let word = token
                .trim_matches(|c| c == '\'' || c == '’' || c == '-')
                .to_lowercase();
            let marked = opened || after.starts_with('…') || after.starts_with(" …");
            if marked
                || word.chars().count() < 2
                || word.chars().count() + 4 >= width
                || word.chars().all(|c| c.is_ascii_digit())
                || vocabulary.contains(&word)
            {
                continue;
            }
            let longer = vocabulary
                .range(word.clone()..)
                .next()
                .is_some_and(|w| w.starts_with(&word));
            if longer {
                cut.push(format!("{token:?} in {line:?}"));
            }
        }
    }
    cut
}

/// Issue 16's sweep: every screen of `states` (and the live class quiz's on
/// the built-in pack) at 20x6, 40x12, 60x18, 80x24 and 200x50, in both
/// languages, on the built-in pack, three test packs and one of long
/// titles, bodies, options and lists. Each draws; its footer keeps the help
/// key (a yes/no question its two answers); and no word of it is cut
/// without a marker. With `KISI_SWEEP_DUMP=DIR` set, every screen is written
/// under DIR to be read.
#[test]
fn every_screen_at_every_size_keeps_help_and_cuts_no_word_silently() {
    let dump = std::env::var("KISI_SWEEP_DUMP").ok();
    let mut faults = Vec::new();
    let ui = ui_words();
    for (name, pack) in packs() {
        let mut toml = String::new();
        for file in std::fs::read_dir(pack_sources(name)).unwrap() {
            let path = file.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                toml += &std::fs::read_to_string(path).unwrap();
            }
        }
        for lang in [Lang::Id, Lang::En] {
            let drawn: Vec<((u16, u16), Screens)> = SIZES
                .into_iter()
                .map(|size| {
                    let mut all = states(&pack, lang, size);
                    if name == "builtin" {
                        all.extend(live_states(lang, size));
                    }
                    (size, all)
                })
                .collect();
            // What is written whole: kisi's words, the pack's, and every
            // screen at 200x50.
            let mut vocabulary = ui.clone();
            vocabulary.extend(words(&toml));
            for (_, screen) in &drawn[SIZES.len() - 1].1 {
                vocabulary.extend(words(screen));
            }
            for ((width, height), screens) in &drawn {
                for (state, screen) in screens {
                    if let Some(dir) = &dump {
                        let path = PathBuf::from(dir)
                            .join(format!("{name}/{lang:?}/{state}/{width}x{height}.txt"));
                        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                        std::fs::write(path, screen).unwrap();
                    }
                    let at = format!("{name} {lang:?} {state} {width}x{height}");
                    let footer = screen.lines().last().unwrap_or_default();
                    let answers = footer.starts_with("\" y ");
                    if !(footer.contains(" ? ") || footer.contains(" F1 ") || answers) {
                        faults.push(format!("{at}: no help key in {footer:?}"));
                    }
                    // 20x6 is too small for most screens, and the help
                    // overlay covers the screen it explains.
                    if *width >= 40 && !state.starts_with("help") {
                        for cut in cut_words(screen, usize::from(*width), &vocabulary) {
                            faults.push(format!("{at}: {cut}"));
                        }
                    }
                }
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn a_word_cut_without_a_marker_is_found() {
    let vocabulary: BTreeSet<String> = ["kesepakatan", "sila"].map(str::to_owned).into();
    let found = |screen: &str| cut_words(screen, 40, &vocabulary).len();
    assert_eq!(found("\" sila kesepakata \""), 1);
    assert_eq!(found("\" sila kesepakata… \""), 0);
    assert_eq!(found("\" …epakatan sila kesepakatan \""), 0);
    assert_eq!(found("\" si \""), 1);
}
