//! Home's pack chooser: the packs of the library as `kisi packs` lists
//! them (id, title, where each is from; hidden and broken ones marked, a
//! broken one with its first error, neither can be chosen) and the
//! built-in pack. Choosing one opens it off the UI thread
//! (`Effect::OpenPack`); Home then shows it. Esc goes back unchanged, also
//! while a pack is being opened.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{item_at, move_cursor};
use crate::action::{Action, Mode};
use crate::cursor::Cursor;
use crate::effect::Effect;
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::layout::reading_column;
use crate::library::Choice;
use crate::screens::Nav;
use crate::wrap::truncate;
use kisi_core::content::library::State;
use kisi_core::quiz::wording::fill;
use kisi_core::text::printable_line;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PacksState {
    pub cursor: Cursor,
    /// `None` while the library is being looked through.
    pub list: Option<Vec<Choice>>,
    /// The id of the pack being opened.
    pub opening: Option<String>,
    /// Why the pack chosen last could not be opened.
    pub error: Option<String>,
}

/// Each pack takes two rows: what it is, then where it is from.
const ROWS_PER_PACK: u16 = 2;

/// The title and status lines above the list.
const ABOVE: u16 = 2;

fn list_area(body: Rect) -> Rect {
    let column = reading_column(body);
    let top = ABOVE.min(column.height);
    Rect::new(column.x, column.y + top, column.width, column.height - top)
}

fn visible(body: Rect) -> usize {
    usize::from((list_area(body).height / ROWS_PER_PACK).max(1))
}

/// The cursor as shown in `body`: the window may have changed size since
/// it last moved.
fn shown_cursor(mut cursor: Cursor, body: Rect) -> Cursor {
    cursor.keep_visible(visible(body));
    cursor
}

/// Whether `choice` is the pack open now.
fn is_current(choice: &Choice, context: &Context) -> bool {
    choice.id == context.pack.meta.id && choice.dir.as_deref() == context.content
}

impl PacksState {
    /// The list, once found, with the cursor on the pack open now.
    pub fn show(&mut self, list: Vec<Choice>, context: &Context) {
        let at = list
            .iter()
            .position(|c| is_current(c, context))
            .unwrap_or(0);
        self.cursor = Cursor::at(at);
        self.cursor.keep_visible(visible(context.body));
        self.list = Some(list);
    }

    /// The pack chosen could not be opened: said here, the list stays.
    pub fn failed(&mut self, error: String) {
        self.opening = None;
        self.error = Some(error);
    }
}

/// One line of `column` at row `y`, cut to its width; nothing below it.
fn put(buf: &mut Buffer, column: Rect, y: u16, text: &str, style: ratatui::style::Style) {
    if y < column.bottom() {
        Line::styled(truncate(text, usize::from(column.width)), style)
            .render(Rect::new(column.x, y, column.width, 1), buf);
    }
}

impl super::ScreenState for PacksState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        if action == Action::Back {
            return Nav::Back;
        }
        let Some(list) = &self.list else {
            return Nav::Stay;
        };
        if self.opening.is_some() {
            return Nav::Stay;
        }
        let len = list.len();
        if move_cursor(&mut self.cursor, action, len, visible(context.body)) {
            return Nav::Stay;
        }
        let action = match action {
            Action::Click { column, row } => {
                self.cursor = shown_cursor(self.cursor, context.body);
                let area = list_area(context.body);
                let Some(index) =
                    item_at(area, self.cursor.offset, len, ROWS_PER_PACK, column, row)
                else {
                    return Nav::Stay;
                };
                if index != self.cursor.selected {
                    self.cursor.selected = index;
                    return Nav::Stay;
                }
                Action::Open
            }
            other => other,
        };
        if action != Action::Open {
            return Nav::Stay;
        }
        let Some(choice) = list.get(self.cursor.selected).filter(|c| c.usable()) else {
            return Nav::Stay;
        };
        if is_current(choice, context) {
            return Nav::Back;
        }
        self.error = None;
        self.opening = Some(choice.id.clone());
        effects.push(Effect::OpenPack(Box::new(choice.clone())));
        Nav::Stay
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
        let (theme, words) = (context.theme, context.lang.library_words());
        let column = reading_column(body);
        put(buf, column, column.y, words.choose_title, theme.heading);
        let status = if let Some(id) = &self.opening {
            Some((
                fill(words.opening, &[("id", &printable_line(id))]),
                theme.note,
            ))
        } else if let Some(error) = &self.error {
            Some((printable_line(error).into_owned(), theme.error))
        } else {
            self.list
                .is_none()
                .then(|| (words.scanning.to_owned(), theme.note))
        };
        if let Some((text, style)) = status {
            put(buf, column, column.y + 1, &text, style);
        }
        let Some(list) = &self.list else {
            return;
        };
        let area = list_area(body);
        let cursor = shown_cursor(self.cursor, body);
        for (shown, (index, choice)) in list
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(visible(body))
            .enumerate()
        {
            let y = area.y + u16::try_from(shown).unwrap_or(u16::MAX) * ROWS_PER_PACK;
            let selected = index == cursor.selected;
            let marker = if selected { "▸ " } else { "  " };
            let title = if choice.title.is_empty() {
                String::new()
            } else {
                format!("  {}", choice.title)
            };
            let first = printable_line(&format!("{marker}{}{title}", choice.id)).into_owned();
            let mut from = choice
                .dir
                .as_ref()
                .map_or_else(|| words.builtin.to_owned(), |d| d.display().to_string());
            if is_current(choice, context) {
                from = format!("{} · {from}", words.current);
            }
            let second = match &choice.state {
                State::Used => from,
                // What keeps it from being opened comes first, where it is after.
                State::Hidden { by } => {
                    format!(
                        "{} · {from}",
                        fill(words.hidden_by, &[("dir", &by.display().to_string())])
                    )
                }
                // The file of the error within the pack's folder, so that the
                // error itself shows.
                State::Broken { error } => {
                    let error = error.render(context.lang);
                    let inside = choice
                        .dir
                        .as_ref()
                        .and_then(|d| error.strip_prefix(&format!("{}/", d.display())));
                    fill(words.broken, &[("error", inside.unwrap_or(&error))])
                }
            };
            let style = match (&choice.state, selected) {
                (State::Used, true) => theme.selected,
                (State::Used, false) => theme.text,
                (State::Hidden { .. }, _) => theme.dim,
                (State::Broken { .. }, _) => theme.error,
            };
            if selected {
                buf.set_style(Rect::new(area.x, y, area.width, 1), theme.selected);
            }
            put(buf, column, y, &first, style);
            let second = format!("    {}", printable_line(&second));
            put(buf, column, y + 1, &second, theme.dim);
        }
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        // Search looks in the pack open now, not among the packs.
        keymap::hints(Mode::List, context.strings, 0, |id| id != Id::Search)
    }

    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opens_search(&self) -> bool {
        false
    }
}
