//! Browse, second level: the entries of one topic.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Row, click_list, detail, move_cursor, render_rows};
use crate::action::Action;
use crate::cursor::Cursor;
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::{Nav, Screen};
use kisi_core::content::EntryRef;
use kisi_core::i18n::Noun;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntriesState {
    /// Index of the topic in the pack.
    pub topic: usize,
    pub cursor: Cursor,
}

impl EntriesState {
    pub fn new(topic: usize) -> Self {
        Self {
            topic,
            cursor: Cursor::default(),
        }
    }
}

impl super::ScreenState for EntriesState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let len = context
            .pack
            .topic(self.topic)
            .map_or(0, |t| t.entries.len());
        if move_cursor(&mut self.cursor, action, len, context.body.height.into()) {
            return Nav::Stay;
        }
        let list = reading_column(context.body);
        let Some(action) = click_list(&mut self.cursor, action, list, len) else {
            return Nav::Stay;
        };
        match action {
            Action::Open if self.cursor.selected < len => {
                let at = EntryRef {
                    topic: self.topic,
                    entry: self.cursor.selected,
                };
                Nav::Push(Screen::Detail(detail::DetailState::new(at)))
            }
            Action::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
        let Some(topic) = context.pack.topic(self.topic) else {
            return;
        };
        let strings = context.strings;
        let rows: Vec<Row> = topic
            .entries
            .iter()
            .map(|entry| Row {
                text: entry.title.to_string(),
                detail: if entry.points.is_empty() {
                    String::new()
                } else {
                    strings.lang.count(entry.points.len(), Noun::Point)
                },
            })
            .collect();
        render_rows(&rows, self.cursor, context.theme, reading_column(body), buf);
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::List
    }

    fn title(&self) -> (Option<usize>, Option<kisi_core::content::EntryRef>) {
        (Some(self.topic), None)
    }
}
