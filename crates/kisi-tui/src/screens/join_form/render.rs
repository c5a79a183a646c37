//! Drawing the join form: a row per field, then what is said.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{FIELDS, Field, JoinFormState};
use crate::app::Context;
use crate::live_room::DEFAULT_PORT;
use crate::view::reading_column;
use crate::wrap::{truncate, wrap};
use kisi_core::text::printable_line;

/// The form's lines for `width` columns and `height` rows: the title, a
/// row per field, then the error, the connecting line or the focused
/// field's hint. The blank lines go first when rows are short.
fn lines(
    state: &JoinFormState,
    context: &Context,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let (w, theme) = (context.strings.room, context.theme);
    let label_width = FIELDS.iter().map(|f| f.label(w).width()).max().unwrap_or(0);
    let mut fields = Vec::new();
    for field in FIELDS {
        let focused = field == state.focus && state.connecting.is_none();
        let marker = if focused { "▸ " } else { "  " };
        let label = format!("{marker}{:<label_width$}  ", field.label(w));
        let value = state.value(field);
        let value = if focused {
            format!("{value}▏")
        } else {
            value.to_owned()
        };
        // The end of a long value, where the student is typing.
        let room = width.saturating_sub(label.width());
        let count = value.chars().count();
        let shown: String = value.chars().skip(count.saturating_sub(room)).collect();
        let style = if focused { theme.selected } else { theme.text };
        fields.push(Line::from(vec![
            Span::styled(truncate(&label, width), theme.label),
            Span::styled(shown, style),
        ]));
    }
    let (said, style) = match (&state.connecting, &state.error) {
        (Some(c), _) => (
            (w.connecting)(&printable_line(&c.request.address)),
            theme.note,
        ),
        (None, Some(error)) => (error.clone(), theme.error),
        (None, None) => {
            let hint = match state.focus {
                Field::Address => (w.address_hint)(DEFAULT_PORT),
                Field::Code => w.code_hint.to_owned(),
                Field::Name => w.name_hint.to_owned(),
            };
            (hint, theme.dim)
        }
    };
    let said: Vec<Line<'static>> = wrap(&said, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    let blanks = 2 + fields.len() + 1 + said.len() <= height;
    let mut lines = vec![Line::styled(
        truncate(w.join_form_title, width),
        theme.title,
    )];
    if blanks {
        lines.push(Line::default());
    }
    lines.extend(fields);
    if blanks {
        lines.push(Line::default());
    }
    lines.extend(said);
    lines
}

pub fn render(state: &JoinFormState, context: &Context, area: Rect, buf: &mut Buffer) {
    let column = reading_column(area);
    let lines = lines(
        state,
        context,
        usize::from(column.width),
        usize::from(column.height),
    );
    for (y, line) in (column.y..column.bottom()).zip(lines) {
        line.render(Rect::new(column.x, y, column.width, 1), buf);
    }
}
