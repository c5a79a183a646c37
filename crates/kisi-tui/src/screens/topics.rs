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

impl super::ScreenState for TopicsState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let len = context.pack.topics.len();
        if move_cursor(&mut self.cursor, action, len, context.body.height.into()) {
            return Nav::Stay;
        }
        let list = reading_column(context.body);
        let Some(action) = click_list(&mut self.cursor, action, list, len) else {
            return Nav::Stay;
        };
        match action {
            Action::Open if self.cursor.selected < len => Nav::Push(Screen::Entries(
                entries::EntriesState::new(self.cursor.selected),
            )),
            Action::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
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
            self.cursor,
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
            .topic(self.cursor.selected)
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

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::List
    }
}
