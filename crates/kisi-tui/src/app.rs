//! The application state and the one `update` function that changes it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ratatui::layout::Rect;

use kisi_core::cache::LazyIndex;
use kisi_core::content::Pack;
use kisi_core::i18n::{Lang, Strings};
use kisi_core::progress::{Day, ProgressState};

use super::action::{Action, Mode};
use super::draw::Draw;
use super::effect::Effect;
use super::screens::{
    ScreenState, class_quiz, detail, entries, exam, home, host, join, join_form, packs, preparing,
    present, quiz, quiz_results, quiz_setup, search, stats, topics,
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
    Preparing(preparing::PreparingState),
    Host(host::HostState),
    Join(join::JoinState),
    Packs(packs::PacksState),
    JoinForm(join_form::JoinFormState),
}

/// Evaluates `$body` with `$state` bound to the state inside `$screen`:
/// the one place that names every screen.
macro_rules! with_state {
    ($screen:expr, $state:ident => $body:expr) => {
        match $screen {
            Screen::Home($state) => $body,
            Screen::Topics($state) => $body,
            Screen::Entries($state) => $body,
            Screen::Detail($state) => $body,
            Screen::QuizSetup($state) => $body,
            Screen::Quiz($state) => $body,
            Screen::QuizResults($state) => $body,
            Screen::Search($state) => $body,
            Screen::Present($state) => $body,
            Screen::ClassQuiz($state) => $body,
            Screen::Exam($state) => $body,
            Screen::Stats($state) => $body,
            Screen::Preparing($state) => $body,
            Screen::Host($state) => $body,
            Screen::Join($state) => $body,
            Screen::Packs($state) => $body,
            Screen::JoinForm($state) => $body,
        }
    };
}

impl Screen {
    /// The screen's state, behind the trait every screen implements.
    pub fn state(&self) -> &dyn ScreenState {
        with_state!(self, state => state)
    }

    pub fn state_mut(&mut self) -> &mut dyn ScreenState {
        with_state!(self, state => state)
    }
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
    /// Draw questions and open the screen that asks them (see `draw`).
    Draw(Draw),
    ShowHelp,
    Quit,
}

/// What every screen may read: the environment, the words of the UI, and
/// the area the screen body gets.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub pack: &'a Pack,
    pub strings: &'static Strings,
    pub theme: &'a Theme,
    pub lang: Lang,
    pub progress: &'a ProgressState,
    pub today: Day,
    pub exam_date: Option<Day>,
    pub warnings: &'a [String],
    /// The pack's folder as given with `--content` (none: built in).
    pub content: Option<&'a Path>,
    pub body: Rect,
}

/// The seeds questions are drawn from: the session's first (`--seed`), then
/// one more for each draw, so a session can be repeated and no two draws in
/// it ask the same questions in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Seeds {
    first: u64,
    drawn: u64,
}

impl Seeds {
    pub fn new(first: u64) -> Self {
        Self { first, drawn: 0 }
    }

    /// The seed of the next draw, which is then used up.
    pub fn take(&mut self) -> u64 {
        let seed = self.first.wrapping_add(self.drawn);
        self.drawn += 1;
        seed
    }
}

/// What the screens work in and on: the pack, the language and theme, the
/// student's progress and dates, and the seed source. Screens read it
/// through a `Context`; only the app and the event loop change it.
#[derive(Debug, Clone)]
pub struct Env {
    /// Shared with the threads that search and draw questions.
    pub pack: Arc<Pack>,
    pub lang: Lang,
    pub theme: Theme,
    /// What the student knows, as saved (refreshed after each save).
    pub progress: ProgressState,
    pub today: Day,
    pub exam_date: Option<Day>,
    /// Problems with saving progress, shown on Home.
    pub warnings: Vec<String>,
    /// The last save failed: shown on every screen until one succeeds.
    pub save_failure: Option<String>,
    pub seeds: Seeds,
    /// The pack's folder as given with `--content` (none: built in), for
    /// commands that repeat what was done.
    pub content: Option<PathBuf>,
    /// Where Home's pack chooser looks for packs.
    pub library: crate::library::Library,
    /// Where a room opened from Home listens (`kisi host`'s default; tests
    /// use a free loopback port).
    pub room_bind: std::net::SocketAddr,
}

impl Env {
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// What a screen may read, with `body` as the area it gets.
    pub fn context(&self, body: Rect) -> Context<'_> {
        Context {
            pack: &self.pack,
            strings: self.strings(),
            theme: &self.theme,
            lang: self.lang,
            progress: &self.progress,
            today: self.today,
            exam_date: self.exam_date,
            warnings: &self.warnings,
            content: self.content.as_deref(),
            body,
        }
    }
}

/// Where the user is: the screen on show, the ones to go back to, and the
/// help overlay over them.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    pub screen: Screen,
    /// The screens to go back to, most recent last.
    pub history: Vec<Screen>,
    pub help_open: bool,
    /// The first line of the help overlay in view, when it does not fit.
    pub help_scroll: usize,
}

/// The whole state of the TUI.
#[derive(Debug, Clone)]
pub struct App {
    pub env: Env,
    pub stack: Stack,
    /// The terminal size, as last reported.
    pub size: Rect,
    pub should_quit: bool,
    /// Build drawn questions on a thread (`Effect::Draw`) instead of inside
    /// `update`: set by the event loop, off in tests that drive `update`.
    pub draw_in_background: bool,
    /// Draws handed out so far, to tell their results apart.
    draws: u64,
    /// Joins started from Home's form so far, likewise (`join_form`).
    pub(crate) joins: u64,
    /// Effects for the event loop to carry out.
    pub effects: Vec<Effect>,
    /// The search index from the pack cache, for the event loop's search
    /// thread; `None` builds it there.
    pub search_index: Option<LazyIndex>,
}

impl App {
    pub fn new(pack: Pack, lang: Lang, theme: Theme) -> Self {
        Self {
            env: Env {
                pack: Arc::new(pack),
                lang,
                theme,
                progress: ProgressState::default(),
                today: Day::today(),
                exam_date: None,
                warnings: Vec::new(),
                save_failure: None,
                seeds: Seeds::default(),
                content: None,
                library: crate::library::Library::default(),
                room_bind: crate::live_room::DEFAULT_BIND,
            },
            stack: Stack {
                screen: Screen::Home(home::HomeState::default()),
                history: Vec::new(),
                help_open: false,
                help_scroll: 0,
            },
            size: Rect::new(0, 0, 80, 24),
            should_quit: false,
            draw_in_background: false,
            draws: 0,
            joins: 0,
            effects: Vec::new(),
            search_index: None,
        }
    }

    pub fn strings(&self) -> &'static Strings {
        self.env.strings()
    }

    /// Draws questions from this seed on (`--seed`), for repeatable quizzes.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.env.seeds = Seeds::new(seed);
        self
    }

    /// Opens on quiz setup, with Home to go back to (`kisi quiz`).
    #[must_use]
    pub fn with_quiz_setup(mut self, setup: quiz_setup::QuizSetupState) -> Self {
        let home = std::mem::replace(&mut self.stack.screen, Screen::QuizSetup(setup));
        self.stack.history.push(home);
        self
    }

    /// Opens directly on a presentation or class quiz (`kisi present`),
    /// which quits when left.
    #[must_use]
    pub fn with_screen(mut self, screen: Screen) -> Self {
        self.stack.screen = screen;
        self
    }

    pub fn context(&self) -> Context<'_> {
        self.env.context(view::screen_body(self, self.size))
    }

    /// Whether time matters now (a quiz times each answer and may have a
    /// limit), so the event loop sends `Tick`s.
    pub fn wants_ticks(&self) -> bool {
        self.stack.screen.state().wants_ticks()
    }

    /// The keymap in force now.
    pub fn mode(&self) -> Mode {
        if self.stack.help_open {
            return Mode::Help;
        }
        self.stack.screen.state().mode()
    }

    /// Applies one action. Pure: no I/O, the same state and action always
    /// give the same result.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                // Every screen open, the ones underneath too (a quiz under
                // the entry its verdict opened), saves what it holds.
                let context = self.env.context(view::body_area(self.size));
                let stack = &mut self.stack;
                for screen in stack.history.iter_mut().chain([&mut stack.screen]) {
                    screen.state_mut().on_quit(&context, &mut self.effects);
                }
                self.should_quit = true;
                return;
            }
            Action::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                return;
            }
            Action::ToggleHelp => {
                self.stack.help_open = !self.stack.help_open;
                self.stack.help_scroll = 0;
                return;
            }
            _ if self.stack.help_open => {
                self.scroll_help(action);
                return;
            }
            // Search opens from anywhere but the middle of a quiz.
            Action::Search => {
                if self.stack.screen.state().opens_search() {
                    self.navigate(Nav::Push(Screen::Search(search::SearchState::default())));
                }
                return;
            }
            _ => {}
        }
        let body = view::screen_body(self, self.size);
        let context = self.env.context(body);
        let nav = self
            .stack
            .screen
            .state_mut()
            .update(action, &context, &mut self.effects);
        self.navigate(nav);
    }

    /// Scrolls the help overlay when it does not fit the window.
    fn scroll_help(&mut self, action: Action) {
        let (max, step, page) = view::help_scrolling(self);
        let scroll = self.stack.help_scroll.min(max);
        self.stack.help_scroll = match action {
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

    /// The query the screen on show waits for, if any.
    pub fn pending_search(&self) -> Option<&str> {
        self.stack.screen.state().pending_search()
    }

    /// Delivers the results of a search (from the worker) to the search
    /// screen, if it is still open.
    pub fn show_search_results(&mut self, query: String, results: kisi_core::search::Results) {
        self.stack
            .screen
            .state_mut()
            .show_search_results(query, results);
    }

    /// Delivers drawn questions: the screen that asks them takes the place
    /// of the one that showed the preparing, if that is still on show. With
    /// nothing to ask, back to the screen that asked, which says so.
    pub fn show_drawn(&mut self, id: u64, screen: Option<Screen>) {
        let Screen::Preparing(preparing) = &self.stack.screen else {
            return;
        };
        if preparing.id != id {
            return;
        }
        let draw = preparing.draw.clone();
        if let Some(screen) = screen {
            self.stack.screen = screen;
        } else {
            self.navigate(Nav::Back);
            self.nothing_drawn(&draw);
        }
    }

    /// Delivers the packs of the library to the chooser, if it is still
    /// open.
    pub fn show_packs(&mut self, list: Vec<crate::library::Choice>) {
        let context = self.env.context(view::screen_body(self, self.size));
        if let Screen::Packs(packs) = &mut self.stack.screen {
            packs.show(list, &context);
        }
    }

    /// Shows the room Home opened, or on Home why it could not be opened.
    pub fn room_opened(&mut self, opened: Result<host::HostState, String>) {
        let Screen::Home(home) = &mut self.stack.screen else {
            return;
        };
        match opened {
            Ok(host) => self.navigate(Nav::Push(Screen::Host(host))),
            Err(error) => home.failure = Some(error),
        }
    }

    /// Delivers a pack the chooser opened: Home on it, with the student's
    /// progress on it (put in `progress`) and, unless `--lang` was given,
    /// in its language. Ignored when the chooser was left meanwhile.
    pub fn pack_opened(
        &mut self,
        result: Result<crate::library::Opened, String>,
        progress: &mut kisi_core::progress::Progress,
    ) {
        let Screen::Packs(packs) = &mut self.stack.screen else {
            return;
        };
        if packs.opening.is_none() {
            return;
        }
        match result {
            Err(error) => {
                let id = packs.opening.clone().unwrap_or_default();
                let words = self.env.lang.library_words();
                packs.failed(kisi_core::quiz::wording::fill(
                    words.cannot_open,
                    &[("id", &id), ("error", &error)],
                ));
            }
            Ok(opened) => {
                *progress = opened.progress;
                let env = &mut self.env;
                env.pack = Arc::new(opened.pack);
                env.lang = opened.lang;
                env.progress = progress.state().clone();
                env.exam_date = opened.exam_date;
                env.warnings = opened.warnings;
                env.save_failure = None;
                env.content = opened.dir;
                self.stack.history.clear();
                self.stack.screen = Screen::Home(home::HomeState::default());
                // Its unfinished exams, as at start (`run_with`).
                self.settle_exams(progress);
            }
        }
    }

    fn nothing_drawn(&mut self, draw: &Draw) {
        let strings = self.strings();
        self.stack.screen.state_mut().nothing_drawn(draw, strings);
    }

    /// Starts a draw with the session's next seed: built here, or handed to
    /// the event loop with a preparing screen shown meanwhile.
    fn draw(&mut self, draw: Draw) {
        let seed = self.env.seeds.take();
        if self.draw_in_background {
            self.draws += 1;
            let id = self.draws;
            self.effects.push(Effect::Draw {
                id,
                draw: draw.clone(),
                seed,
            });
            self.navigate(Nav::Push(Screen::Preparing(preparing::PreparingState {
                id,
                draw,
            })));
            return;
        }
        match draw.build(&self.env.pack, seed, self.env.lang) {
            Some(screen) => self.navigate(Nav::Push(screen)),
            None => self.nothing_drawn(&draw),
        }
    }

    fn navigate(&mut self, nav: Nav) {
        if let Nav::Draw(draw) = nav {
            self.draw(draw);
            return;
        }
        let stack = &mut self.stack;
        match nav {
            Nav::Stay | Nav::Draw(_) => {}
            Nav::Push(next) => {
                let previous = std::mem::replace(&mut stack.screen, next);
                stack.history.push(previous);
            }
            Nav::Replace(next) => stack.screen = next,
            Nav::Back => {
                if let Some(mut previous) = stack.history.pop() {
                    // Back from an entry lands on it in its topic's list, also
                    // after n / p moved on from the one opened there.
                    if let (Screen::Detail(detail), Screen::Entries(list)) =
                        (&stack.screen, &mut previous)
                        && list.topic == detail.at.topic
                    {
                        list.cursor.selected = detail.at.entry;
                        list.cursor
                            .keep_visible(view::body_area(self.size).height.into());
                    }
                    stack.screen = previous;
                }
            }
            Nav::ShowHelp => {
                stack.help_open = true;
                stack.help_scroll = 0;
            }
            Nav::Quit => self.should_quit = true,
        }
    }
}
