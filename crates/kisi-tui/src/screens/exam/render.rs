//! Drawing the exam and its key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::page::{Page, first_line, page, page_area};
use super::{Confirm, ExamState};
use crate::action::Mode;
use crate::answer::{self, Enter};
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::layout::reading_column;
use kisi_core::i18n::Strings;
use kisi_core::quiz::wording::fill;

pub(super) fn render(state: &ExamState, context: &Context, body: Rect, buf: &mut Buffer) {
    if state.offer.is_some() {
        return super::resume::render(state, &Context { body, ..*context }, buf);
    }
    let column = reading_column(body);
    let width = usize::from(column.width);
    let (strings, theme) = (context.strings, context.theme);
    let Page { status, lines, .. } = page(state, &Context { body, ..*context }, width);
    status.render(
        Rect::new(column.x, column.y, column.width, column.height.min(1)),
        buf,
    );
    let area = page_area(column);
    let (skip, bottom) = first_line(state, lines.len(), area.height);
    let mut shown: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(area.height.into())
        .collect();
    // Say where more of the page is, and how to get to it.
    crate::screens::mark_more(&mut shown, skip, bottom, theme);
    Paragraph::new(shown).render(area, buf);
    let last = state.questions.len().to_string();
    let prompt = match (&state.confirm, &state.go_to) {
        (Some(Confirm::Leave), _) => Some(strings.exam_leave.to_owned()),
        (Some(Confirm::HandIn), _) => Some(strings.exam_confirm.to_owned()),
        (None, Some(go_to)) if go_to.bad => Some(fill(strings.exam.go_to_bad, &[("last", &last)])),
        (None, Some(go_to)) => Some(format!(
            "{}{}_",
            fill(strings.exam.go_to_prompt, &[("last", &last)]),
            go_to.number
        )),
        (None, None) => None,
    };
    if let Some(text) = prompt {
        crate::screens::render_prompt(&text, column, theme.selected, buf);
    }
}

pub(super) fn keys(state: &ExamState, strings: &'static Strings) -> Vec<KeyHint> {
    if state.offer.is_some() {
        return super::resume::keys(strings);
    }
    if state.go_to.is_some() && state.confirm.is_none() {
        let hint = |keys, action, priority| KeyHint {
            keys,
            action,
            in_footer: true,
            priority,
        };
        return vec![
            hint("0-9", strings.exam.key_digits, 2),
            hint("Enter", strings.exam.key_go, 1),
            hint("Esc", strings.exam.key_cancel, 0),
        ];
    }
    let mode = state.mode();
    match (mode, state.inputs.get(state.current)) {
        (Mode::Confirm, _) => keymap::hints(mode, strings, 0, |id| match id {
            Id::Yes => state.confirm == Some(Confirm::Leave),
            Id::YesHandIn => state.confirm == Some(Confirm::HandIn),
            _ => id == Id::No,
        }),
        (_, Some(input)) => answer::keys(
            input,
            state.questions.get(state.current),
            Enter::Save,
            strings,
            |id| {
                matches!(
                    id,
                    Id::Scroll | Id::Leave | Id::OtherQuestion | Id::GoTo | Id::Help
                )
            },
        ),
        (_, None) => keymap::all_hints(mode, strings),
    }
}
