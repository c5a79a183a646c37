//! Home: the pack's title, description and size, and the main menu.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{
    KeyHint, Row, click_list, list_keys, move_cursor, quiz_setup, render_rows, search, topics,
};
use crate::i18n::Strings;
use crate::tui::action::Action;
use crate::tui::app::{Context, Nav, Screen};
use crate::tui::cursor::Cursor;
use crate::tui::view::reading_column;
use crate::tui::wrap::{truncate, wrap};

/// The entries of the main menu, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Browse,
    Search,
    Quiz,
    Help,
    Quit,
}

pub const MENU: [MenuItem; 5] = [
    MenuItem::Browse,
    MenuItem::Search,
    MenuItem::Quiz,
    MenuItem::Help,
    MenuItem::Quit,
];

impl MenuItem {
    fn label(self, strings: &Strings) -> &'static str {
        match self {
            MenuItem::Browse => strings.menu_browse,
            MenuItem::Search => strings.menu_search,
            MenuItem::Quiz => strings.menu_quiz,
            MenuItem::Help => strings.menu_help,
            MenuItem::Quit => strings.menu_quit,
        }
    }

    fn shortcut(self) -> &'static str {
        match self {
            MenuItem::Browse | MenuItem::Quiz => "Enter",
            MenuItem::Search => "/",
            MenuItem::Help => "?",
            MenuItem::Quit => "q",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeState {
    pub cursor: Cursor,
}

pub fn update(state: &mut HomeState, action: Action, context: &Context) -> Nav {
    let menu = home_layout(context).menu;
    if move_cursor(&mut state.cursor, action, MENU.len(), menu.height.into()) {
        return Nav::Stay;
    }
    let Some(action) = click_list(&mut state.cursor, action, menu, MENU.len()) else {
        return Nav::Stay;
    };
    match (action, MENU.get(state.cursor.selected)) {
        (Action::Open, Some(MenuItem::Browse)) => {
            Nav::Push(Screen::Topics(topics::TopicsState::default()))
        }
        (Action::Open, Some(MenuItem::Search)) => {
            Nav::Push(Screen::Search(search::SearchState::default()))
        }
        (Action::Open, Some(MenuItem::Quiz)) => Nav::Push(Screen::QuizSetup(
            quiz_setup::QuizSetupState::new(context.pack.topics.len()),
        )),
        (Action::Open, Some(MenuItem::Help)) => Nav::ShowHelp,
        (Action::Open, Some(MenuItem::Quit)) => Nav::Quit,
        _ => Nav::Stay,
    }
}

/// Home from the top: title, counts, as much of the description as fits,
/// then the menu. The menu always gets its rows first.
struct HomeLayout {
    column: Rect,
    description: Vec<String>,
    menu: Rect,
}

fn home_layout(context: &Context) -> HomeLayout {
    let column = reading_column(context.body);
    let width = usize::from(column.width);
    let menu_rows = u16::try_from(MENU.len()).unwrap_or(u16::MAX);
    // Title and counts, a blank line, the description, a blank line, the menu.
    let room = usize::from(column.height.saturating_sub(menu_rows + 4));
    let wrapped = wrap(&context.pack.meta.description, width);
    let cut = wrapped.len() > room;
    let mut description: Vec<String> = wrapped.into_iter().take(room).collect();
    // Mark a cut-off description instead of ending mid-sentence.
    if cut && let Some(last) = description.last_mut() {
        *last = truncate(&format!("{last} …"), width);
    }
    let above = if description.is_empty() {
        3
    } else {
        4 + u16::try_from(description.len()).unwrap_or(u16::MAX)
    };
    let top = column.y + above.min(column.height.saturating_sub(menu_rows));
    let menu = Rect::new(
        column.x,
        top,
        column.width,
        menu_rows.min(column.bottom().saturating_sub(top)),
    );
    HomeLayout {
        column,
        description,
        menu,
    }
}

pub fn render(state: &HomeState, context: &Context, body: Rect, buf: &mut Buffer) {
    let theme = context.theme;
    let strings = context.strings;
    let pack = context.pack;
    let layout = home_layout(&Context { body, ..*context });
    let column = layout.column;
    let width = usize::from(column.width);

    let mut lines = vec![
        Line::styled(truncate(&pack.meta.title, width), theme.heading),
        Line::styled(
            truncate(
                &strings.pack_counts(pack.topics.len(), pack.entry_count(), pack.point_count()),
                width,
            ),
            theme.dim,
        ),
    ];
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
            text: item.label(strings).to_string(),
            detail: item.shortcut().to_string(),
        })
        .collect();
    render_rows(&rows, state.cursor, theme, layout.menu, buf);
}

pub fn keys(strings: &'static Strings) -> Vec<KeyHint> {
    let mut keys = list_keys(strings);
    keys.push(KeyHint::footer("Enter", strings.key_open));
    keys.push(KeyHint::footer("?", strings.key_help));
    keys.push(KeyHint::footer("q", strings.key_quit));
    keys
}
