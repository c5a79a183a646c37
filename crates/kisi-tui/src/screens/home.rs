//! Home: the pack's title and size, the student's progress (what is due,
//! the exam date), the description, and the main menu.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{
    Row, class_quiz, click_list, move_cursor, present, quiz_setup, render_rows, search, stats,
    topics,
};
use crate::action::Action;
use crate::cursor::Cursor;
use crate::draw::Draw;
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::{Nav, Screen};
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::{Lang, Strings, resume_words};
use kisi_core::progress::{ExamBlueprint, plan_summary};
use kisi_core::quiz::QuizOptions;
use kisi_core::quiz::wording::fill;
use unicode_width::UnicodeWidthStr;

/// The entries of the main menu, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Browse,
    Search,
    Review,
    Quiz,
    Exam,
    Stats,
    Present,
    ClassQuiz,
    Host,
    Join,
    Help,
    Quit,
}

pub const MENU: [MenuItem; 12] = [
    MenuItem::Browse,
    MenuItem::Search,
    MenuItem::Review,
    MenuItem::Quiz,
    MenuItem::Exam,
    MenuItem::Stats,
    MenuItem::Present,
    MenuItem::ClassQuiz,
    MenuItem::Host,
    MenuItem::Join,
    MenuItem::Help,
    MenuItem::Quit,
];

impl MenuItem {
    fn label(self, strings: &Strings, lang: Lang) -> &'static str {
        match self {
            MenuItem::Host => lang.room_words().menu_host,
            MenuItem::Join => lang.room_words().menu_join,
            MenuItem::Browse => strings.menu_browse,
            MenuItem::Search => strings.menu_search,
            MenuItem::Review => strings.menu_review,
            MenuItem::Quiz => strings.menu_quiz,
            MenuItem::Exam => strings.menu_exam,
            MenuItem::Stats => strings.menu_stats,
            MenuItem::Present => strings.menu_present,
            MenuItem::ClassQuiz => strings.menu_class_quiz,
            MenuItem::Help => strings.menu_help,
            MenuItem::Quit => strings.menu_quit,
        }
    }

    /// The key that does the same from Home, where there is one.
    fn shortcut(self) -> &'static str {
        match self {
            MenuItem::Search => "/",
            MenuItem::Help => "?",
            MenuItem::Quit => "q",
            _ => "",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    pub cursor: Cursor,
    /// A one-line message, e.g. that nothing is due.
    pub notice: Option<&'static str>,
    /// Why the room Home tried to open could not be.
    pub failure: Option<String>,
}

pub fn update(
    state: &mut HomeState,
    action: Action,
    context: &Context,
    effects: &mut Vec<crate::effect::Effect>,
) -> Nav {
    let menu = home_layout(context, state).menu;
    if move_cursor(&mut state.cursor, action, MENU.len(), menu.height.into()) {
        state.notice = None;
        state.failure = None;
        return Nav::Stay;
    }
    let Some(action) = click_list(&mut state.cursor, action, menu, MENU.len()) else {
        return Nav::Stay;
    };
    if action != Action::Open {
        return Nav::Stay;
    }
    match MENU.get(state.cursor.selected) {
        Some(MenuItem::Browse) => Nav::Push(Screen::Topics(topics::TopicsState::default())),
        Some(MenuItem::Search) => Nav::Push(Screen::Search(search::SearchState::default())),
        Some(MenuItem::Review) => Nav::Draw(Draw::Review {
            progress: Box::new(context.progress.clone()),
            today: context.today,
            exam_date: context.exam_date,
        }),
        Some(MenuItem::Quiz) => Nav::Push(Screen::QuizSetup(quiz_setup::QuizSetupState::new(
            context.pack.topics.len(),
        ))),
        Some(MenuItem::Exam) => match context.progress.journals.unfinished() {
            // An exam left unfinished is offered before a new one.
            Some(open) => Nav::Draw(Draw::ResumeExam {
                exam: Box::new(open.clone()),
            }),
            None => Nav::Draw(Draw::Exam {
                blueprint: ExamBlueprint::of_pack(context.pack),
            }),
        },
        Some(MenuItem::Stats) => Nav::Push(Screen::Stats(stats::StatsState::new(context))),
        Some(MenuItem::Present) => Nav::Push(Screen::Present(present::PresentState::new(
            context.pack,
            &[],
            present::Origin::Menu,
        ))),
        Some(MenuItem::ClassQuiz) => Nav::Draw(Draw::ClassQuiz {
            options: QuizOptions {
                count: class_quiz::MENU_COUNT,
                lang: context.lang,
                ..QuizOptions::default()
            },
            seconds: class_quiz::DEFAULT_SECONDS,
            origin: present::Origin::Menu,
        }),
        // Opened by the event loop: `App::room_opened` shows it.
        Some(MenuItem::Host) => {
            state.failure = None;
            effects.push(crate::effect::Effect::OpenRoom);
            Nav::Stay
        }
        // The form, with the name kept from last time filled in.
        Some(MenuItem::Join) => {
            effects.push(crate::effect::Effect::KeptName);
            Nav::Push(Screen::JoinForm(super::join_form::JoinFormState::default()))
        }
        Some(MenuItem::Help) => Nav::ShowHelp,
        Some(MenuItem::Quit) => Nav::Quit,
        None => Nav::Stay,
    }
}

/// Home from the top: the heading lines, as much of the description as
/// fits, then the menu. The menu always gets its rows first.
struct HomeLayout {
    column: Rect,
    heading: Vec<Line<'static>>,
    description: Vec<String>,
    menu: Rect,
}

/// The fewest rows the menu keeps (it scrolls) when notices and warnings
/// need the rest.
const MIN_MENU_ROWS: u16 = 2;

fn home_layout(context: &Context, state: &HomeState) -> HomeLayout {
    let column = reading_column(context.body);
    let width = usize::from(column.width);
    let menu_rows = u16::try_from(MENU.len()).unwrap_or(u16::MAX);
    // What Home says of the pack, then its notices and warnings. When they
    // do not all fit above the whole menu, the notices and warnings come
    // first: the menu gives way down to a few rows, then the rest goes.
    let mut heading = heading_lines(context);
    let alerts = alert_lines(context, state);
    let free = usize::from(column.height.saturating_sub(menu_rows));
    let squeezed = heading.len() + alerts.len() > free && !alerts.is_empty();
    if squeezed {
        let room = free.max(usize::from(column.height.saturating_sub(MIN_MENU_ROWS + 1)));
        if heading.len() + alerts.len() > room {
            heading = clip_lines(alerts, room, width);
        } else {
            heading.extend(alerts);
        }
    } else {
        heading.extend(alerts);
    }
    let rows = u16::try_from(heading.len()).unwrap_or(u16::MAX);
    // The heading, a blank line, the description, a blank line, the menu.
    let room = usize::from(column.height.saturating_sub(menu_rows + rows + 2));
    let wrapped = wrap(&context.pack.meta.description, width);
    let cut = wrapped.len() > room;
    let mut description: Vec<String> = wrapped.into_iter().take(room).collect();
    // Mark a cut-off description instead of ending mid-sentence.
    if cut && let Some(last) = description.last_mut() {
        *last = truncate(&format!("{last} …"), width);
    }
    let above = if description.is_empty() {
        rows + 1
    } else {
        rows + 2 + u16::try_from(description.len()).unwrap_or(u16::MAX)
    };
    let mut lowest = column.height.saturating_sub(menu_rows);
    if squeezed {
        lowest = lowest.max((rows + 1).min(column.height));
    }
    let top = column.y + above.min(lowest);
    let menu = Rect::new(
        column.x,
        top,
        column.width,
        menu_rows.min(column.bottom().saturating_sub(top)),
    );
    HomeLayout {
        column,
        heading,
        description,
        menu,
    }
}

/// `lines` cut to `rows`, the last kept one ending with `…` when some are
/// left out.
fn clip_lines(mut lines: Vec<Line<'static>>, rows: usize, width: usize) -> Vec<Line<'static>> {
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(truncate(&format!("{text} …"), width), last.style);
        }
    }
    lines
}

/// The width of the header's " kisi │ " before the pack's title.
const HEADER_LEAD: usize = 8;

/// Title (when the header cuts it), size, progress, the exam date and an
/// unfinished exam.
fn heading_lines(context: &Context) -> Vec<Line<'static>> {
    let (strings, theme, pack) = (context.strings, context.theme, context.pack);
    let width = usize::from(reading_column(context.body).width);
    let plan = plan_summary(pack, context.progress, context.today, context.exam_date);
    let mut lines = Vec::new();
    // The header says the title already, unless it is cut there.
    let header_width = usize::from(context.body.width);
    if pack.meta.title.width() + HEADER_LEAD > header_width {
        lines.extend(
            wrap(&pack.meta.title, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.heading)),
        );
    }
    lines.push(Line::styled(
        truncate(
            &strings.pack_counts(pack.topics.len(), pack.entry_count(), pack.point_count()),
            width,
        ),
        theme.dim,
    ));
    // Which pack this is: a student may have several (`p` switches).
    let words = context.lang.library_words();
    let from = context.content.map_or_else(
        || words.builtin.to_owned(),
        |dir| kisi_core::text::printable_line(&dir.display().to_string()).into_owned(),
    );
    let id = kisi_core::text::printable_line(&pack.meta.id).into_owned();
    lines.push(Line::styled(
        truncate(
            &kisi_core::quiz::wording::fill(words.home_pack, &[("id", &id), ("from", &from)]),
            width,
        ),
        theme.dim,
    ));
    lines.push(Line::styled(
        truncate(
            &format!(
                "{}/{} {} · {} {}",
                plan.seen, plan.items, strings.home_seen, plan.due, strings.home_due
            ),
            width,
        ),
        theme.label,
    ));
    if let (Some(exam), Some(days)) = (context.exam_date, plan.days_left) {
        let line = context.lang.screen_words().exam_line(
            &context.lang.date(exam),
            days,
            plan.daily_target,
            plan.due,
        );
        lines.extend(
            wrap(&line, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note)),
        );
    }
    if let Some(open) = context.progress.journals.unfinished() {
        let answered = open.answers().iter().flatten().count();
        let total = open.start.as_ref().map_or(0, |start| start.questions);
        let line = fill(
            resume_words(context.lang).home_unfinished,
            &[
                ("answered", &answered.to_string()),
                ("total", &total.to_string()),
            ],
        );
        lines.extend(
            wrap(&line, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note)),
        );
    }
    lines
}

/// Notices and warnings, wrapped, never cut: their last sentence is often
/// the one that says what to do.
fn alert_lines(context: &Context, state: &HomeState) -> Vec<Line<'static>> {
    let theme = context.theme;
    let width = usize::from(reading_column(context.body).width);
    let mut lines = Vec::new();
    if let Some(notice) = state.notice {
        lines.extend(
            wrap(notice, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note)),
        );
    }
    if let Some(failure) = &state.failure {
        lines.extend(
            wrap(failure, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.error)),
        );
    }
    for warning in context.warnings {
        lines.extend(
            wrap(warning, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.error)),
        );
    }
    lines
}

pub fn render(state: &HomeState, context: &Context, body: Rect, buf: &mut Buffer) {
    let theme = context.theme;
    let strings = context.strings;
    let context = Context { body, ..*context };
    let layout = home_layout(&context, state);
    let column = layout.column;

    let mut lines = layout.heading;
    if !layout.description.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(
            layout
                .description
                .into_iter()
                .map(|text| Line::styled(text, theme.text)),
        );
    }
    let room = usize::from(layout.menu.y - column.y);
    for (row, line) in lines.into_iter().take(room).enumerate() {
        let y = column.y + u16::try_from(row).unwrap_or(u16::MAX);
        line.render(Rect::new(column.x, y, column.width, 1), buf);
    }

    let rows: Vec<Row> = MENU
        .iter()
        .map(|item| Row {
            text: item.label(strings, context.lang).to_string(),
            detail: item.shortcut().to_string(),
        })
        .collect();
    render_rows(&rows, state.cursor, theme, layout.menu, buf);
}

impl super::ScreenState for HomeState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        if action == Action::SwitchPack {
            effects.push(crate::effect::Effect::ScanPacks);
            return Nav::Push(Screen::Packs(super::packs::PacksState::default()));
        }
        update(self, action, context, effects)
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::Home
    }

    fn nothing_drawn(&mut self, draw: &crate::draw::Draw, strings: &'static Strings) {
        if matches!(draw, crate::draw::Draw::Review { .. }) {
            self.notice = Some(strings.nothing_to_review);
        }
    }
}
