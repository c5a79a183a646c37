//! Every screen at the sizes a classroom meets (20x6 to 200x50), in both
//! languages, on packs of every kind: the sweep of issue 16.

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

/// Every screen in the states a student or lecturer meets, by name.
pub fn states(pack: &Pack, lang: Lang, size: (u16, u16)) -> Vec<(String, String)> {
    let mut out = Vec::new();
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
pub fn live_states(lang: Lang, (w, h): (u16, u16)) -> Vec<(String, String)> {
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
    let long = "In a community where the youth organisation, the mosque's social committee and the \
                village office each run their own programme for older people living alone, which \
                role does the social worker take when she brings them to plan one visiting rota?";
    hear(
        &mut student,
        ServerMsg::Question {
            index: 2,
            total: 5,
            prompt: long.to_owned(),
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

#[test]
fn sweep_dump() {
    let dir = std::env::var("KISI_SWEEP_DUMP").unwrap_or_default();
    for (name, pack) in packs() {
        for lang in [Lang::Id, Lang::En] {
            for (w, h) in SIZES {
                let mut all = states(&pack, lang, (w, h));
                if name == "builtin" {
                    all.extend(live_states(lang, (w, h)));
                }
                for (state, screen) in all {
                    if !dir.is_empty() {
                        let path = format!("{dir}/{name}/{lang:?}/{state}/{w}x{h}.txt");
                        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap())
                            .unwrap();
                        std::fs::write(path, screen).unwrap();
                    }
                }
            }
        }
    }
}
