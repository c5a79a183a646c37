//! Browse, first level: the topics of the pack.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Row, click_list, entries, move_cursor, render_rows};
use crate::action::Action;
use crate::app::{Context, Nav, Screen};
use crate::cursor::Cursor;
use crate::view::reading_column;
use kisi_core::i18n::Noun;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicsState {
    pub cursor: Cursor,
}

pub fn update(state: &mut TopicsState, action: Action, context: &Context) -> Nav {
    let len = context.pack.topics.len();
    if move_cursor(&mut state.cursor, action, len, context.body.height.into()) {
        return Nav::Stay;
    }
    let list = reading_column(context.body);
    let Some(action) = click_list(&mut state.cursor, action, list, len) else {
        return Nav::Stay;
    };
    match action {
        Action::Open if state.cursor.selected < len => Nav::Push(Screen::Entries(
            entries::EntriesState::new(state.cursor.selected),
        )),
        Action::Back => Nav::Back,
        _ => Nav::Stay,
    }
}

pub fn render(state: &TopicsState, context: &Context, body: Rect, buf: &mut Buffer) {
    let strings = context.strings;
    let rows: Vec<Row> = context
        .pack
        .topics
        .iter()
        .map(|topic| Row {
            text: topic.title.clone(),
            detail: strings.lang.count(topic.entries.len(), Noun::Entry),
        })
        .collect();
    render_rows(
        &rows,
        state.cursor,
        context.theme,
        reading_column(body),
        buf,
    );
}

impl super::ScreenState for TopicsState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        update(self, action, context)
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::List
    }
}
