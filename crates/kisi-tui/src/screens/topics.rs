//! Browse, first level: the topics of the pack, and under them the
//! summary of the one the cursor is on.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::present::{clip, row};
use super::{Row, click_list, entries, move_cursor, render_rows};
use crate::action::Action;
use crate::cursor::Cursor;
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::{Nav, Screen};
use crate::wrap::wrap;
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
    let column = reading_column(body);
    let list_rows = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .min(column.height);
    render_rows(
        &rows,
        state.cursor,
        context.theme,
        Rect {
            height: list_rows,
            ..column
        },
        buf,
    );
    // The chosen topic's summary under the list, when the whole list fits
    // with a blank row and at least one row of it below.
    let summary = context
        .pack
        .topic(state.cursor.selected)
        .and_then(|topic| topic.summary.as_deref());
    let room = usize::from(column.height - list_rows).saturating_sub(1);
    if let Some(summary) = summary
        && room > 0
    {
        let width = usize::from(column.width);
        let lines = clip(wrap(summary.trim(), width), room, width);
        for (y, line) in (column.y + list_rows + 1..).zip(lines) {
            Line::styled(line, context.theme.dim).render(row(column, y), buf);
        }
    }
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
