//! Detail: one entry in full (title, body, points, English term, other
//! names, tags, source, note, related entries), scrolling when it is
//! longer than the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::action::{Action, Mode};
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::layout::reading_column;
use crate::screens::{Nav, Screen};
use crate::theme::Theme;
use crate::wrap::wrap;
use kisi_core::content::{Entry, EntryRef, Pack};
use kisi_core::i18n::Strings;
use kisi_core::text::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailState {
    pub at: EntryRef,
    /// The first line shown.
    pub scroll: usize,
    /// A point to mark, e.g. the one a search hit landed on.
    pub marked_point: Option<usize>,
}

impl DetailState {
    pub fn new(at: EntryRef) -> Self {
        Self {
            at,
            scroll: 0,
            marked_point: None,
        }
    }

    /// Opens the entry scrolled so that point `point` is in view and marked.
    pub fn at_point(at: EntryRef, point: usize, context: &Context) -> Self {
        let mut state = Self {
            at,
            scroll: 0,
            marked_point: Some(point),
        };
        let column = reading_column(context.body);
        let layout = layout(
            context.pack,
            &state,
            context.strings,
            context.theme,
            column.width,
        );
        if let Some(&line) = layout.point_starts.get(point) {
            // Keep a little context above the point.
            state.scroll = line.saturating_sub(2).min(layout.max_scroll(column.height));
        }
        state
    }
}

/// The entry laid out for one width: its lines, where each point starts,
/// and where each related entry is listed (they come last).
struct Layout {
    lines: Vec<Line<'static>>,
    point_starts: Vec<usize>,
    related: Vec<(usize, EntryRef)>,
}

impl Layout {
    fn max_scroll(&self, height: u16) -> usize {
        self.lines.len().saturating_sub(height.into())
    }
}

/// The entry `step` places away in the same topic, in place of this one (so
/// Back still leads to the topic's list); none past either end.
fn neighbour(at: EntryRef, context: &Context, step: isize) -> Nav {
    let count = context.pack.topic(at.topic).map_or(0, |t| t.entries.len());
    match at.entry.checked_add_signed(step) {
        Some(entry) if entry < count => Nav::Replace(Screen::Detail(DetailState::new(EntryRef {
            topic: at.topic,
            entry,
        }))),
        _ => Nav::Stay,
    }
}

fn open_related(at: Option<&EntryRef>) -> Nav {
    at.map_or(Nav::Stay, |&at| {
        Nav::Push(Screen::Detail(DetailState::new(at)))
    })
}

/// A click on a related entry opens it.
fn click(state: &DetailState, context: &Context, column: u16, row: u16) -> Nav {
    let area = reading_column(context.body);
    if !area.contains(Position::new(column, row)) {
        return Nav::Stay;
    }
    let layout = layout(
        context.pack,
        state,
        context.strings,
        context.theme,
        area.width,
    );
    let (scroll, max) = (
        state.scroll.min(layout.max_scroll(area.height)),
        layout.max_scroll(area.height),
    );
    // The first and last rows may be "more" marks, not lines.
    let row = row - area.y;
    let marked =
        area.height >= 3 && ((row == 0 && scroll > 0) || (row + 1 == area.height && scroll < max));
    if marked {
        return Nav::Stay;
    }
    let line = scroll + usize::from(row);
    let clicked = layout
        .related
        .iter()
        .rev()
        .find(|&&(start, _)| start <= line)
        .filter(|_| line < layout.lines.len());
    open_related(clicked.map(|(_, at)| at))
}

/// The related entries that exist, in the order the entry lists them.
fn related(pack: &Pack, at: EntryRef) -> Vec<EntryRef> {
    pack.entry(at)
        .map(|entry| {
            entry
                .see_also
                .iter()
                .filter_map(|id| pack.find_entry(id))
                .collect()
        })
        .unwrap_or_default()
}

fn layout(
    pack: &Pack,
    state: &DetailState,
    strings: &Strings,
    theme: &Theme,
    width: u16,
) -> Layout {
    let width = usize::from(width);
    let mut lines = Vec::new();
    let mut point_starts = Vec::new();
    let mut related_starts = Vec::new();
    let Some(entry) = pack.entry(state.at) else {
        return Layout {
            lines,
            point_starts,
            related: related_starts,
        };
    };
    lines.extend(styled(wrap(&entry.title, width), theme.heading));
    lines.push(Line::raw(""));
    lines.extend(styled(wrap(&entry.body, width), theme.text));
    if !entry.points.is_empty() {
        lines.push(Line::raw(""));
        for (index, point) in entry.points.iter().enumerate() {
            point_starts.push(lines.len());
            let marked = state.marked_point == Some(index);
            lines.extend(point_lines(entry, index, &point.text, width, theme, marked));
        }
    }
    let mut fields: Vec<(&str, String, Style)> = Vec::new();
    // In an English pack the English term is one more name of the entry
    // (said once when an alias repeats it).
    let english_pack = pack.meta.language.split('-').next() == Some("en");
    let mut names: Vec<&str> = entry.aliases.iter().map(AsRef::as_ref).collect();
    match &entry.english {
        Some(english) if english_pack => {
            let said = names.iter().any(|name| fold(name) == fold(english));
            if !said {
                names.insert(0, english);
            }
        }
        Some(english) => fields.push((strings.english_term, english.to_string(), theme.text)),
        None => {}
    }
    if !names.is_empty() {
        fields.push((strings.aliases, names.join(", "), theme.text));
    }
    if !entry.tags.is_empty() {
        fields.push((
            strings.lang.screen_words().tags,
            entry.tags.join(", "),
            theme.dim,
        ));
    }
    fields.push((strings.source, pack.citation(entry), theme.dim));
    if let Some(note) = &entry.note {
        fields.push((strings.note, note.to_string(), theme.note));
    }
    for (label, value, style) in fields {
        lines.push(Line::raw(""));
        lines.extend(labeled(label, &value, width, theme.label, style));
    }
    let related = related(pack, state.at);
    if !related.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("{}:", strings.see_also), theme.label));
        // Numbered, so that 1–9 open them; those after the ninth, which no
        // key opens (a click does), get a bullet rather than a number
        // that reads as keys to type.
        for (index, at) in related.into_iter().enumerate() {
            let Some(title) = pack.entry(at).map(|e| &*e.title) else {
                continue;
            };
            related_starts.push((lines.len(), at));
            let number = if index < 9 {
                format!(" {}. ", index + 1)
            } else {
                " •  ".to_owned()
            };
            lines.extend(hanging(&number, title, width, theme.label, theme.text));
        }
    }
    Layout {
        lines,
        point_starts,
        related: related_starts,
    }
}

/// A point as `a. text`, continuation lines indented under the text.
fn point_lines(
    entry: &Entry,
    index: usize,
    text: &str,
    width: usize,
    theme: &Theme,
    marked: bool,
) -> Vec<Line<'static>> {
    let label = entry.points[index].display_label(index);
    let text_style = if marked { theme.marked } else { theme.text };
    hanging(&format!(" {label}. "), text, width, theme.label, text_style)
}

/// `prefix` then `text` wrapped, its continuation lines indented under the
/// text.
fn hanging(
    prefix: &str,
    text: &str,
    width: usize,
    prefix_style: Style,
    text_style: Style,
) -> Vec<Line<'static>> {
    let indent = prefix.width().min(width / 2);
    wrap(text, width.saturating_sub(indent).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 {
                Span::styled(prefix.to_owned(), prefix_style)
            } else {
                Span::raw(" ".repeat(indent))
            };
            Line::from(vec![lead, Span::styled(line, text_style)])
        })
        .collect()
}

/// `Label: value` wrapped to the width, the label styled apart.
fn labeled(
    label: &str,
    value: &str,
    width: usize,
    label_style: Style,
    value_style: Style,
) -> Vec<Line<'static>> {
    wrap(&format!("{label}: {value}"), width)
        .into_iter()
        .enumerate()
        .map(|(i, line)| match line.strip_prefix(label) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(label.to_string(), label_style),
                Span::styled(rest.to_string(), value_style),
            ]),
            _ => Line::styled(line, value_style),
        })
        .collect()
}

fn styled(lines: Vec<String>, style: Style) -> impl Iterator<Item = Line<'static>> {
    lines.into_iter().map(move |line| Line::styled(line, style))
}

impl super::ScreenState for DetailState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let column = reading_column(context.body);
        let page = usize::from(column.height.max(1));
        let max = layout(
            context.pack,
            self,
            context.strings,
            context.theme,
            column.width,
        )
        .max_scroll(column.height);
        self.scroll = match action {
            Action::Up | Action::ScrollUp => self.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.scroll + 1,
            Action::PageUp => self.scroll.saturating_sub(page.saturating_sub(1).max(1)),
            Action::PageDown => self.scroll + page.saturating_sub(1).max(1),
            Action::First => 0,
            Action::Last => max,
            Action::Back => return Nav::Back,
            Action::NextItem => return neighbour(self.at, context, 1),
            Action::PreviousItem => return neighbour(self.at, context, -1),
            Action::Choose(n) => return open_related(related(context.pack, self.at).get(n)),
            Action::Click { column, row } => return click(self, context, column, row),
            _ => self.scroll,
        }
        .min(max);
        Nav::Stay
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
        let column = reading_column(body);
        let layout = layout(
            context.pack,
            self,
            context.strings,
            context.theme,
            column.width,
        );
        let max = layout.max_scroll(column.height);
        let scroll = self.scroll.min(max);
        let mut shown: Vec<Line> = layout
            .lines
            .into_iter()
            .skip(scroll)
            .take(column.height.into())
            .collect();
        // Say where more of the entry is (its related entries are often below
        // the fold), and how to get to it.
        super::mark_more(&mut shown, scroll, max, context.theme);
        Paragraph::new(shown).render(column, buf);
    }

    /// The digits that open related entries are hinted when there are some.
    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        let related = !related(context.pack, self.at).is_empty();
        keymap::hints(Mode::Reader, context.strings, 0, |id| {
            id != Id::Related || related
        })
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::Reader
    }

    fn title(&self) -> (Option<usize>, Option<kisi_core::content::EntryRef>) {
        (Some(self.at.topic), Some(self.at))
    }
}
