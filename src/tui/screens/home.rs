//! Home: the pack's title, description and size, and the main menu.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{KeyHint, Row, list_keys, move_cursor, render_rows, topics};
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
    Help,
    Quit,
}

pub const MENU: [MenuItem; 3] = [MenuItem::Browse, MenuItem::Help, MenuItem::Quit];

impl MenuItem {
    fn label(self, strings: &Strings) -> &'static str {
        match self {
            MenuItem::Browse => strings.menu_browse,
            MenuItem::Help => strings.menu_help,
            MenuItem::Quit => strings.menu_quit,
        }
    }

    fn shortcut(self) -> &'static str {
        match self {
            MenuItem::Browse => "Enter",
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
    let visible = menu_area(context.body).height.into();
    if move_cursor(&mut state.cursor, action, MENU.len(), visible) {
        return Nav::Stay;
    }
    match (action, MENU.get(state.cursor.selected)) {
        (Action::Open, Some(MenuItem::Browse)) => {
            Nav::Push(Screen::Topics(topics::TopicsState::default()))
        }
        (Action::Open, Some(MenuItem::Help)) => Nav::ShowHelp,
        (Action::Open, Some(MenuItem::Quit)) => Nav::Quit,
        _ => Nav::Stay,
    }
}

/// The menu sits at the bottom of the reading column, as many rows as it has.
fn menu_area(body: Rect) -> Rect {
    let column = reading_column(body);
    let rows = u16::try_from(MENU.len())
        .unwrap_or(u16::MAX)
        .min(column.height);
    Rect::new(
        column.x,
        column.y + column.height - rows,
        column.width,
        rows,
    )
}

pub fn render(state: &HomeState, context: &Context, body: Rect, buf: &mut Buffer) {
    let theme = context.theme;
    let strings = context.strings;
    let pack = context.pack;
    let column = reading_column(body);
    let menu = menu_area(body);
    let width = usize::from(column.width);

    // Above the menu: title, counts, then as much of the description as fits.
    let room = usize::from(menu.y - column.y).saturating_sub(1);
    let mut lines = vec![Line::styled(
        truncate(&pack.meta.title, width),
        theme.heading,
    )];
    lines.push(Line::styled(
        truncate(
            &strings.pack_counts(pack.topics.len(), pack.entry_count(), pack.point_count()),
            width,
        ),
        theme.dim,
    ));
    let description = wrap(&pack.meta.description, width);
    if room > lines.len() + 1 {
        lines.push(Line::raw(""));
        let space = room - lines.len();
        let cut = description.len() > space;
        let mut shown: Vec<String> = description.into_iter().take(space).collect();
        // Mark a cut-off description instead of ending mid-sentence.
        if cut && let Some(last) = shown.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
        lines.extend(shown.into_iter().map(|text| Line::styled(text, theme.text)));
    }
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
    render_rows(&rows, state.cursor, theme, menu, buf);
}

pub fn keys(strings: &'static Strings) -> Vec<KeyHint> {
    let mut keys = list_keys(strings);
    keys.push(KeyHint::footer("Enter", strings.key_open));
    keys.push(KeyHint::footer("?", strings.key_help));
    keys.push(KeyHint::footer("q", strings.key_quit));
    keys
}
