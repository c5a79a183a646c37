//! Opening the full-screen interface: on which screen, with which pack,
//! theme and progress.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use kisi_core::i18n::{Lang, io_text};
use kisi_core::quiz::QuestionKind;
use kisi_tui as tui;
use kisi_tui::StartAt;
use kisi_tui::app::App;

use super::load::load_pack_with_index;
use super::progress::Study;
use super::{Cli, PresentArgs, QuizArgs, clock_seed, color_for};

/// The screen the TUI opens on.
#[derive(Clone, Copy)]
pub enum Start<'a> {
    Home,
    Quiz(&'a QuizArgs),
    Present(&'a PresentArgs),
}

impl Start<'_> {
    /// What to ask the TUI to open on.
    fn at(self) -> StartAt {
        match self {
            Start::Home => StartAt::Home,
            Start::Quiz(args) => StartAt::QuizSetup {
                topics: args.topics.clone(),
                kinds: args.kinds.iter().map(|k| QuestionKind::from(*k)).collect(),
                count: args.count,
                minutes: args.time_limit.unwrap_or(0),
            },
            Start::Present(args) if args.quiz => StartAt::ClassQuiz {
                topics: args.topics.clone(),
                count: args.count,
                seconds: args.seconds,
            },
            Start::Present(args) => StartAt::Present {
                topics: args.topics.clone(),
            },
        }
    }

    /// The seed the session's draws start from: the one given, or the clock.
    fn seed(self) -> u64 {
        match self {
            Start::Quiz(args) => args.seed,
            Start::Present(args) => args.seed,
            Start::Home => None,
        }
        .unwrap_or_else(clock_seed)
    }
}

pub fn open_tui(cli: &Cli, lang: Lang, start: Start) -> ExitCode {
    // Report bad content before the terminal switches to full screen. The
    // search index comes later, on the search thread.
    let (pack, search_index) = match load_pack_with_index(cli.content.as_deref(), cli.no_cache) {
        Ok(loaded) => loaded,
        Err(report) => {
            eprint!("{}", report.render(color_for(&io::stderr()), lang));
            return ExitCode::FAILURE;
        }
    };
    let no_color = std::env::var("NO_COLOR").ok();
    let theme = match tui::theme::Theme::resolve(cli.theme.as_deref(), no_color.as_deref()) {
        Ok(theme) => theme,
        Err(report) => {
            eprint!("{}", report.render(color_for(&io::stderr()), lang));
            return ExitCode::FAILURE;
        }
    };
    let mut app = match App::new(pack, lang, theme)
        .with_seed(start.seed())
        .start_at(start.at())
    {
        Ok(app) => app,
        Err(message) => {
            eprintln!("kisi: {message}");
            return ExitCode::FAILURE;
        }
    };
    app.search_index = search_index;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!("kisi: {}", lang.strings().not_a_terminal);
        return ExitCode::from(2);
    }
    let mut study = Study::open(&app.env.pack, cli.data_dir.as_deref(), cli.exam_date, lang);
    app.env.progress = study.progress.state().clone();
    app.env.exam_date = study.exam_date;
    app.env.warnings = std::mem::take(&mut study.warnings);
    app.env.warnings.extend(cli.notes.iter().cloned());
    app.env.content.clone_from(&cli.content);
    app.env.library = super::library::for_tui(cli);
    match tui::run(app, &mut study.progress) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kisi: {}", io_text(&error, lang));
            ExitCode::FAILURE
        }
    }
}
