//! Preparing: shown while the questions of a review, quiz, mock exam or
//! class quiz are drawn off the UI thread. Esc goes back (the draw's result
//! is then dropped); Ctrl-C and signals quit as anywhere.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::ScreenState;
use crate::action::{Action, Mode};
use crate::draw::Draw;
use crate::env::Context;
use crate::keymap;
use crate::keymap::KeyHint;
use crate::screens::Nav;
use crate::wrap::truncate;
use kisi_core::i18n::Strings;

#[derive(Debug, Clone, PartialEq)]
pub struct PreparingState {
    /// The draw whose result this screen waits for.
    pub id: u64,
    pub draw: Draw,
}

pub fn keys(strings: &'static Strings) -> Vec<KeyHint> {
    // Nothing to scroll while questions are drawn.
    keymap::hints(Mode::Wait, strings, 0, |id| id != keymap::Id::Scroll)
}

impl ScreenState for PreparingState {
    fn update(
        &mut self,
        action: Action,
        _context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        match action {
            Action::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        let row = Rect::new(area.x, area.y + area.height / 2, area.width, 1);
        Line::styled(
            truncate(context.strings.preparing, area.width.into()),
            context.theme.dim,
        )
        .centered()
        .render(row, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(context.strings)
    }

    fn mode(&self) -> Mode {
        Mode::Wait
    }

    fn opens_search(&self) -> bool {
        false
    }
}
