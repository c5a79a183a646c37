//! The application state and the one `update` function that changes it.

use std::sync::Arc;

use ratatui::layout::Rect;

use kisi_core::content::Pack;
use kisi_core::i18n::{Lang, Strings};
use kisi_core::progress::{Day, ProgressState};

use super::action::{Action, Mode};
use super::effect::Effect;
use super::screens::{
    class_quiz, detail, entries, exam, home, present, quiz, quiz_results, quiz_setup, search,
    stats, topics,
};
use super::theme::Theme;
use super::view;

/// The screen being shown, holding that screen's own state.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home(home::HomeState),
    Topics(topics::TopicsState),
    Entries(entries::EntriesState),
    Detail(detail::DetailState),
    QuizSetup(quiz_setup::QuizSetupState),
    Quiz(quiz::QuizState),
    QuizResults(quiz_results::QuizResultsState),
    Search(search::SearchState),
    Present(present::PresentState),
    ClassQuiz(class_quiz::ClassQuizState),
    Exam(exam::ExamState),
    Stats(stats::StatsState),
}

/// What a screen's update asks the app to do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Nav {
    Stay,
    /// Open a new screen; Back returns to the current one as it is now.
    Push(Screen),
    /// Show a new screen in place of the current one (quiz → results), so
    /// Back skips the finished one.
    Replace(Screen),
    Back,
    ShowHelp,
    Quit,
}

/// What every screen may read: the pack, the words of the UI, the theme, and
/// the area the screen body gets.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub pack: &'a Pack,
    pub strings: &'static Strings,
    pub theme: &'a Theme,
    pub lang: Lang,
    /// The seed quizzes start from, so a session can be repeated.
    pub seed: u64,
    pub progress: &'a ProgressState,
    pub today: Day,
    pub exam_date: Option<Day>,
    pub warnings: &'a [String],
    pub body: Rect,
}

/// The whole state of the TUI.
#[derive(Debug, Clone)]
pub struct App {
    /// Shared with the search worker thread.
    pub pack: Arc<Pack>,
    pub lang: Lang,
    pub theme: Theme,
    pub screen: Screen,
    /// The screens to go back to, most recent last.
    pub history: Vec<Screen>,
    pub help_open: bool,
    /// The first line of the help overlay in view, when it does not fit.
    pub help_scroll: usize,
    /// The terminal size, as last reported.
    pub size: Rect,
    pub should_quit: bool,
    pub seed: u64,
    /// Quizzes started so far; each gets the next seed.
    pub quizzes_started: u64,
    /// What the student knows, as saved (refreshed after each save).
    pub progress: ProgressState,
    pub today: Day,
    pub exam_date: Option<Day>,
    /// Problems with saving progress, shown on Home.
    pub warnings: Vec<String>,
    /// Effects for the event loop to carry out.
    pub effects: Vec<Effect>,
}

impl App {
    pub fn new(pack: Pack, lang: Lang, theme: Theme) -> Self {
        Self {
            pack: Arc::new(pack),
            lang,
            theme,
            screen: Screen::Home(home::HomeState::default()),
            history: Vec::new(),
            help_open: false,
            help_scroll: 0,
            size: Rect::new(0, 0, 80, 24),
            should_quit: false,
            seed: 0,
            quizzes_started: 0,
            progress: ProgressState::default(),
            today: Day::today(),
            exam_date: None,
            warnings: Vec::new(),
            effects: Vec::new(),
        }
    }

    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// Starts quizzes from this seed (`--seed`), for repeatable quizzes.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Opens on quiz setup, with Home to go back to (`kisi quiz`).
    #[must_use]
    pub fn with_quiz_setup(mut self, setup: quiz_setup::QuizSetupState) -> Self {
        let home = std::mem::replace(&mut self.screen, Screen::QuizSetup(setup));
        self.history.push(home);
        self
    }

    /// Opens directly on a presentation or class quiz (`kisi present`),
    /// which quits when left.
    #[must_use]
    pub fn with_screen(mut self, screen: Screen) -> Self {
        self.screen = screen;
        self
    }

    pub fn context(&self) -> Context<'_> {
        Context {
            pack: &self.pack,
            strings: self.strings(),
            theme: &self.theme,
            lang: self.lang,
            seed: self.seed.wrapping_add(self.quizzes_started),
            progress: &self.progress,
            today: self.today,
            exam_date: self.exam_date,
            warnings: &self.warnings,
            body: view::body_area(self.size),
        }
    }

    /// Whether time matters now (a quiz times each answer and may have a
    /// limit), so the event loop sends `Tick`s.
    pub fn wants_ticks(&self) -> bool {
        match &self.screen {
            Screen::Quiz(_) | Screen::Exam(_) => true,
            Screen::ClassQuiz(q) => q.counting(),
            _ => false,
        }
    }

    /// The keymap in force now.
    pub fn mode(&self) -> Mode {
        if self.help_open {
            return Mode::Help;
        }
        match &self.screen {
            Screen::Home(_) => Mode::Home,
            Screen::Topics(_) | Screen::Entries(_) => Mode::List,
            Screen::Detail(_) | Screen::Stats(_) => Mode::Reader,
            Screen::QuizSetup(_) => Mode::Setup,
            Screen::Quiz(state) => state.mode(),
            Screen::QuizResults(_) => Mode::Results,
            Screen::Search(_) => Mode::Search,
            Screen::Present(_) => Mode::Present,
            Screen::ClassQuiz(_) => Mode::ClassQuiz,
            Screen::Exam(state) => state.mode(),
        }
    }

    /// Applies one action. Pure: no I/O, the same state and action always
    /// give the same result.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.should_quit = true;
                return;
            }
            Action::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                return;
            }
            Action::ToggleHelp => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
                return;
            }
            _ if self.help_open => {
                self.scroll_help(action);
                return;
            }
            // Search opens from anywhere but the middle of a quiz.
            Action::Search => {
                if !matches!(
                    self.screen,
                    Screen::Search(_) | Screen::Quiz(_) | Screen::Exam(_)
                ) {
                    self.navigate(Nav::Push(Screen::Search(search::SearchState::default())));
                }
                return;
            }
            _ => {}
        }
        let context = Context {
            pack: &self.pack,
            strings: self.lang.strings(),
            theme: &self.theme,
            lang: self.lang,
            seed: self.seed.wrapping_add(self.quizzes_started),
            progress: &self.progress,
            today: self.today,
            exam_date: self.exam_date,
            warnings: &self.warnings,
            body: view::body_area(self.size),
        };
        let nav = match &mut self.screen {
            Screen::Home(state) => home::update(state, action, &context),
            Screen::Topics(state) => topics::update(state, action, &context),
            Screen::Entries(state) => entries::update(state, action, &context),
            Screen::Detail(state) => detail::update(state, action, &context),
            Screen::QuizSetup(state) => quiz_setup::update(state, action, &context),
            Screen::Quiz(state) => quiz::update(state, action, &context, &mut self.effects),
            Screen::QuizResults(state) => quiz_results::update(state, action, &context),
            Screen::Search(state) => search::update(state, action, &context),
            Screen::Present(state) => present::update(state, action, &context),
            Screen::ClassQuiz(state) => class_quiz::update(state, action, &context),
            Screen::Exam(state) => exam::update(state, action, &context, &mut self.effects),
            Screen::Stats(state) => stats::update(state, action, &context),
        };
        self.navigate(nav);
    }

    /// Scrolls the help overlay when it does not fit the window.
    fn scroll_help(&mut self, action: Action) {
        let (max, step, page) = view::help_scrolling(self);
        let scroll = self.help_scroll.min(max);
        self.help_scroll = match action {
            Action::Up | Action::ScrollUp => scroll.saturating_sub(step),
            Action::Down | Action::ScrollDown => scroll + step,
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll + page,
            Action::First => 0,
            Action::Last => max,
            _ => scroll,
        }
        .min(max);
    }

    /// The query the search screen waits for, if any.
    pub fn pending_search(&self) -> Option<&str> {
        match &self.screen {
            Screen::Search(state) => state.pending_query(),
            _ => None,
        }
    }

    /// Delivers the results of a search (from the worker) to the search
    /// screen, if it is still open.
    pub fn show_search_results(&mut self, query: String, results: kisi_core::search::Results) {
        if let Screen::Search(state) = &mut self.screen {
            state.show_results(query, results);
        }
    }

    fn navigate(&mut self, nav: Nav) {
        match nav {
            Nav::Stay => {}
            Nav::Push(next) => {
                if matches!(next, Screen::Quiz(_)) {
                    self.quizzes_started += 1;
                }
                let previous = std::mem::replace(&mut self.screen, next);
                self.history.push(previous);
            }
            Nav::Replace(next) => self.screen = next,
            Nav::Back => {
                if let Some(mut previous) = self.history.pop() {
                    // Back from an entry lands on it in its topic's list, also
                    // after n / p moved on from the one opened there.
                    if let (Screen::Detail(detail), Screen::Entries(list)) =
                        (&self.screen, &mut previous)
                        && list.topic == detail.at.topic
                    {
                        list.cursor.selected = detail.at.entry;
                        list.cursor
                            .keep_visible(view::body_area(self.size).height.into());
                    }
                    self.screen = previous;
                }
            }
            Nav::ShowHelp => {
                self.help_open = true;
                self.help_scroll = 0;
            }
            Nav::Quit => self.should_quit = true,
        }
    }
}
