//! Search: live fuzzy search over the whole pack. Each result shows its
//! entry, topic and the matched text with the matched letters highlighted;
//! Enter opens the entry (scrolled to the point that matched).
//!
//! The search itself runs outside `update` (see `tui::search_worker`), so a
//! slow search on a huge pack never blocks typing: `update` only edits the
//! query, and results arrive through `App::show_search_results`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{detail, item_at, move_cursor};
use crate::action::Action;
use crate::cursor::Cursor;
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::{Nav, Screen};
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::Noun;
use kisi_core::search::{Field, Results, Snippet};
use kisi_core::text::is_unsafe;

/// Rows above the results: the query line and the count line.
const HEADER_ROWS: u16 = 2;
/// Each result takes a title line and a snippet line.
const ROWS_PER_RESULT: u16 = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    /// The results shown, and the query they are for (which lags behind
    /// `query` while a search runs).
    pub results: Results,
    pub results_query: String,
    pub cursor: Cursor,
}

impl SearchState {
    /// The query still to be searched, if the results shown are not for it.
    pub fn pending_query(&self) -> Option<&str> {
        (self.query != self.results_query).then_some(self.query.as_str())
    }

    /// Takes results for `query`; a new query starts at the top.
    pub fn show_results(&mut self, query: String, results: Results) {
        if query != self.results_query {
            self.cursor = Cursor::default();
        }
        self.results = results;
        self.results_query = query;
    }
}

/// Where the results are drawn, below the query and the count.
fn results_area(body: Rect) -> Rect {
    let column = reading_column(body);
    Rect::new(
        column.x,
        column.y + HEADER_ROWS.min(column.height),
        column.width,
        column.height.saturating_sub(HEADER_ROWS),
    )
}

fn visible_results(body: Rect) -> usize {
    usize::from(results_area(body).height / ROWS_PER_RESULT)
}

/// Two lines a result: its entry and topic, then the matched text.
fn render_hits(state: &SearchState, context: &Context, list: Rect, buf: &mut Buffer) {
    let (strings, theme, pack) = (context.strings, context.theme, context.pack);
    let width = usize::from(list.width);
    let column = list;
    let list_top = list.y;
    let list_height = list.height;
    let visible = usize::from(list_height / ROWS_PER_RESULT).max(1);
    for (slot, index) in (state.cursor.offset..state.results.len())
        .take(visible)
        .enumerate()
    {
        let Some(hit) = state.results.get(index) else {
            break;
        };
        let y = list_top + u16::try_from(slot).unwrap_or(u16::MAX) * ROWS_PER_RESULT;
        if y >= column.bottom() {
            break;
        }
        let selected = index == state.cursor.selected;
        let title_style = if selected {
            theme.selected
        } else {
            theme.heading
        };
        let entry = pack.entry(hit.entry);
        let topic = pack.topic(hit.entry.topic);
        let marker = if selected { "▸ " } else { "  " };
        let title = format!("{marker}{}", entry.map_or("", |e| &*e.title));
        let title = truncate(&title, width);
        let used = UnicodeWidthStr::width(title.as_str());
        let title_row = Rect::new(column.x, y, column.width, 1);
        if selected {
            buf.set_style(title_row, theme.selected);
        }
        let mut spans = vec![Span::styled(title, title_style)];
        if let Some(topic) = topic
            && used + 4 < width
        {
            spans.push(Span::styled(
                truncate(&format!(" · {}", topic.title), width - used),
                theme.dim,
            ));
        }
        Line::from(spans).render(title_row, buf);
        if y + 1 >= column.bottom() {
            break;
        }
        // Highlights are worked out only for the rows on screen.
        let snippet = state.results.highlight(pack, index).unwrap_or_default();
        let mut field = hit.field.name(strings).to_string();
        if let (Field::Point(point), Some(entry)) = (hit.field, entry)
            && let Some(p) = entry.points.get(point)
        {
            field = format!("{field} {}", p.display_label(point));
        }
        snippet_line(&field, &snippet, width, context)
            .render(Rect::new(column.x, y + 1, column.width, 1), buf);
    }
}

/// `   field: snippet` with the matched characters highlighted. When the
/// snippet is wider than the room, it is cut around the first match and the
/// cuts are marked with `…`.
fn snippet_line(field: &str, snippet: &Snippet, width: usize, context: &Context) -> Line<'static> {
    let theme = context.theme;
    let lead = format!("    {field}: ");
    let room = width.saturating_sub(UnicodeWidthStr::width(lead.as_str()));
    let chars: Vec<(char, bool)> = {
        let mut marks = snippet.highlights.iter().copied().peekable();
        snippet
            .text
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let marked = marks.peek() == Some(&i);
                if marked {
                    marks.next();
                }
                (c, marked)
            })
            .collect()
    };
    let char_width = |c: char| UnicodeWidthChar::width(c).unwrap_or(0);
    let total: usize = chars.iter().map(|(c, _)| char_width(*c)).sum();
    let mut start = 0;
    if total > room {
        // Start a third of the room before the first match, so it shows.
        let first = snippet.highlights.first().copied().unwrap_or(0);
        let mut before = 0;
        start = first;
        while start > 0 && before + char_width(chars[start - 1].0) <= room / 3 {
            start -= 1;
            before += char_width(chars[start].0);
        }
    }
    let mut spans = vec![Span::styled(lead, theme.dim)];
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", theme.dim));
        used += 1;
    }
    let mut run = String::new();
    let mut run_marked = false;
    let mut cut = false;
    for (index, &(c, marked)) in chars.iter().enumerate().skip(start) {
        let w = char_width(c);
        // Keep a column for the closing `…` unless this is the last char.
        let reserve = usize::from(index + 1 < chars.len());
        if used + w + reserve > room {
            cut = true;
            break;
        }
        used += w;
        if marked != run_marked && !run.is_empty() {
            let style = if run_marked {
                theme.highlight
            } else {
                theme.text
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = marked;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_marked {
            theme.highlight
        } else {
            theme.text
        };
        spans.push(Span::styled(run, style));
    }
    if cut && room > 0 {
        spans.push(Span::styled("…", theme.dim));
    }
    Line::from(spans)
}

impl super::ScreenState for SearchState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let visible = visible_results(context.body);
        if move_cursor(&mut self.cursor, action, self.results.len(), visible) {
            return Nav::Stay;
        }
        // A click selects a result; a click on the selected one opens it.
        let action = match action {
            Action::Click { column, row } => {
                let area = results_area(context.body);
                let len = self.results.len();
                match item_at(area, self.cursor.offset, len, ROWS_PER_RESULT, column, row) {
                    Some(index) if index == self.cursor.selected => Action::Open,
                    Some(index) => {
                        self.cursor.selected = index;
                        return Nav::Stay;
                    }
                    None => return Nav::Stay,
                }
            }
            action => action,
        };
        match action {
            Action::Input(c) if !is_unsafe(c) => self.query.push(c),
            Action::DeleteChar => {
                self.query.pop();
            }
            Action::ClearInput => self.query.clear(),
            Action::Open => {
                if let Some(hit) = self.results.get(self.cursor.selected) {
                    let detail = match hit.field {
                        Field::Point(point) => {
                            detail::DetailState::at_point(hit.entry, point, context)
                        }
                        _ => detail::DetailState::new(hit.entry),
                    };
                    return Nav::Push(Screen::Detail(detail));
                }
            }
            Action::Back => return Nav::Back,
            _ => {}
        }
        Nav::Stay
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
        let column = reading_column(body);
        let width = usize::from(column.width);
        let strings = context.strings;
        let theme = context.theme;
        if column.height == 0 {
            return;
        }

        // The query line shows its end, where the cursor is.
        let label = format!("{}: ", strings.search_label);
        let room = width.saturating_sub(label.chars().count() + 1);
        let query: String = {
            let count = self.query.chars().count();
            self.query
                .chars()
                .skip(count.saturating_sub(room))
                .collect()
        };
        Line::from(vec![
            Span::styled(label, theme.label),
            Span::styled(query, theme.text),
            Span::styled("▏", theme.key),
        ])
        .render(Rect::new(column.x, column.y, column.width, 1), buf);
        if column.height < HEADER_ROWS {
            return;
        }

        let status = if self.query.trim().is_empty() {
            None
        } else if self.results.is_empty() && self.pending_query().is_none() {
            Some(strings.search_none.to_string())
        } else {
            let mut status = strings.lang.count(self.results.len(), Noun::Result);
            if self.pending_query().is_some() {
                status.push_str(" · ");
                status.push_str(strings.search_searching);
            }
            Some(status)
        };
        let list = results_area(body);
        let Some(status) = status else {
            // No query yet: say what can be searched.
            for (row, line) in wrap(strings.search_hint, width)
                .into_iter()
                .take(list.height.into())
                .enumerate()
            {
                let y = list.y + u16::try_from(row).unwrap_or(u16::MAX);
                Line::styled(line, theme.dim).render(Rect::new(list.x, y, list.width, 1), buf);
            }
            return;
        };
        Line::styled(truncate(&status, width), theme.dim)
            .render(Rect::new(column.x, column.y + 1, column.width, 1), buf);
        render_hits(self, context, list, buf);
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::Search
    }

    fn opens_search(&self) -> bool {
        false
    }

    fn pending_search(&self) -> Option<&str> {
        self.pending_query()
    }

    fn show_search_results(&mut self, query: String, results: kisi_core::search::Results) {
        SearchState::show_results(self, query, results);
    }
}
