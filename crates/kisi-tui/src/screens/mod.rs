//! One file per screen. Each has its own state, an `update` that turns an
//! `Action` into a `Nav`, a `render` that only draws, and `keys`: which
//! rows of its mode's key table (`keymap`) apply now, for the footer and
//! the help overlay. Its `impl ScreenState` (in its own file) is how the
//! app and the view reach them; `Screen` (one variant per screen) and `Nav`
//! are here, so the screens name them without importing the app.

pub mod class_quiz;
pub mod detail;
mod drawn;
pub mod entries;
pub mod exam;
pub mod home;
pub mod host;
pub mod join;
pub mod join_form;
pub mod packs;
pub mod preparing;
pub mod present;
pub mod quiz;
pub mod quiz_results;
pub mod quiz_setup;
pub mod search;
pub mod stats;
pub mod topics;

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::action::{Action, Mode};
use crate::cursor::Cursor;
use crate::draw::Draw;
use crate::effect::Effect;
use crate::env::Context;
use crate::keymap::{self, KeyHint};
use crate::theme::Theme;
use crate::wrap::truncate;
use kisi_core::content::EntryRef;
use kisi_core::i18n::Strings;
use kisi_core::search::Results;

/// The screen being shown, holding that screen's own state.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home(home::HomeState),
    Topics(topics::TopicsState),
    Entries(entries::EntriesState),
    Detail(detail::DetailState),
    QuizSetup(quiz_setup::QuizSetupState),
    Quiz(quiz::QuizState),
    QuizResults(quiz_results::QuizResultsState),
    Search(search::SearchState),
    Present(present::PresentState),
    ClassQuiz(class_quiz::ClassQuizState),
    Exam(exam::ExamState),
    Stats(stats::StatsState),
    Preparing(preparing::PreparingState),
    Host(host::HostState),
    Join(join::JoinState),
    Packs(packs::PacksState),
    JoinForm(join_form::JoinFormState),
}

/// Evaluates `$body` with `$state` bound to the state inside `$screen`:
/// the one place that names every screen.
macro_rules! with_state {
    ($screen:expr, $state:ident => $body:expr) => {
        match $screen {
            Screen::Home($state) => $body,
            Screen::Topics($state) => $body,
            Screen::Entries($state) => $body,
            Screen::Detail($state) => $body,
            Screen::QuizSetup($state) => $body,
            Screen::Quiz($state) => $body,
            Screen::QuizResults($state) => $body,
            Screen::Search($state) => $body,
            Screen::Present($state) => $body,
            Screen::ClassQuiz($state) => $body,
            Screen::Exam($state) => $body,
            Screen::Stats($state) => $body,
            Screen::Preparing($state) => $body,
            Screen::Host($state) => $body,
            Screen::Join($state) => $body,
            Screen::Packs($state) => $body,
            Screen::JoinForm($state) => $body,
        }
    };
}

impl Screen {
    /// The screen's state, behind the trait every screen implements.
    pub fn state(&self) -> &dyn ScreenState {
        with_state!(self, state => state)
    }

    pub fn state_mut(&mut self) -> &mut dyn ScreenState {
        with_state!(self, state => state)
    }
}

/// What a screen's update asks the app to do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Nav {
    Stay,
    /// Open a new screen; Back returns to the current one as it is now.
    Push(Screen),
    /// Show a new screen in place of the current one (quiz → results), so
    /// Back skips the finished one.
    Replace(Screen),
    Back,
    /// Draw questions and open the screen that asks them (see `draw`).
    Draw(Draw),
    ShowHelp,
    Quit,
}

/// What the app and the view ask of every screen. The state of each screen
/// implements it, delegating to the free functions of its file.
pub trait ScreenState {
    /// Applies an action; says where to go next. `effects` is for what the
    /// event loop must do (saving an answer).
    fn update(&mut self, action: Action, context: &Context, effects: &mut Vec<Effect>) -> Nav;

    /// Draws the screen's body in `area`.
    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer);

    /// The keys for the footer and the help overlay: by default every row
    /// of the mode's table; a screen whose rows depend on its state picks
    /// them with `keymap::hints`.
    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keymap::all_hints(self.mode(), context.strings)
    }

    /// The keymap in force.
    fn mode(&self) -> Mode;

    /// The pack title the header shows instead of the open pack's: a live
    /// room's, on the student's screen.
    fn pack_title(&self) -> Option<&str> {
        None
    }

    /// The topic and the entry the screen is about, after the pack's title
    /// in the header's breadcrumb.
    fn title(&self) -> (Option<usize>, Option<EntryRef>) {
        (None, None)
    }

    /// Whether the event loop should send `Tick`s (a countdown runs).
    fn wants_ticks(&self) -> bool {
        false
    }

    /// `Some(footer shown)` for a screen presented to a room, which has no
    /// header and a footer only on request.
    fn presentation_footer(&self) -> Option<bool> {
        None
    }

    /// Whether `/` opens search from here (not in the middle of a quiz).
    fn opens_search(&self) -> bool {
        true
    }

    /// The query the screen waits for results of.
    fn pending_search(&self) -> Option<&str> {
        None
    }

    /// Results of a search the screen asked for.
    fn show_search_results(&mut self, _query: String, _results: Results) {}

    /// A draw this screen asked for had nothing to ask.
    fn nothing_drawn(&mut self, _draw: &Draw, _strings: &'static Strings) {}

    /// kisi is closing (quit, Ctrl-C, a signal, a closed terminal): save
    /// what would otherwise be lost, such as an answer whose verdict shows.
    fn on_quit(&mut self, _context: &Context, _effects: &mut Vec<Effect>) {}
}

/// What a screen's state shares with a thread or the command line (the
/// room's host, a student's connection) instead of owning it: a copy of the
/// state shares it too, two states are equal only when they share the same
/// one, and it is not printed. So such a state can derive `Clone`,
/// `PartialEq` and `Debug` as every screen's state does.
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }
}

impl<T> From<Arc<T>> for Shared<T> {
    fn from(shared: Arc<T>) -> Self {
        Self(shared)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Shared(..)")
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// One row of a list: the main text and an optional dim text after it.
pub struct Row {
    pub text: String,
    pub detail: String,
}

/// Draws rows from the cursor's offset, the selected one highlighted.
pub fn render_rows(rows: &[Row], cursor: Cursor, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let above = cursor.offset > 0;
    let below = cursor.offset + usize::from(area.height) < rows.len();
    let last = usize::from(area.height).saturating_sub(1);
    for (line, (index, row)) in rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(area.height.into())
        .enumerate()
    {
        let y = area.y + u16::try_from(line).unwrap_or(u16::MAX);
        // A row with an arrow at its end is cut before it, so that the arrow
        // never stands in for a word's last letter.
        let arrow = (line == 0 && above) || (line == last && below);
        let width = usize::from(area.width).saturating_sub(if arrow { 2 } else { 0 });
        let selected = index == cursor.selected;
        let marker = if selected { "▸ " } else { "  " };
        let text = truncate(&format!("{marker}{}", row.text), width);
        let used = text.width();
        let mut spans = vec![Span::raw(text)];
        // A detail is a count or a shortcut: shown whole or not at all, as
        // "8 …" would say nothing.
        if !row.detail.is_empty() && used + 2 + row.detail.width() <= width {
            spans.push(Span::styled(format!("  {}", row.detail), theme.dim));
        }
        let style = if selected { theme.selected } else { theme.text };
        let row_area = Rect::new(area.x, y, area.width, 1);
        if selected {
            buf.set_style(row_area, style);
        }
        Line::from(spans).style(style).render(row_area, buf);
    }
    // Arrows at the right edge say there are more rows above or below.
    if area.width > 0 && area.height > 0 {
        let edge = area.right() - 1;
        if above {
            buf.set_string(edge, area.y, "▲", theme.dim);
        }
        if below {
            buf.set_string(edge, area.bottom() - 1, "▼", theme.dim);
        }
    }
}

/// Marks on the first and last rows of a scrolled text that say where more
/// of it is and how to get to it: `shown` are the rows on screen from line
/// `scroll`, `max` the scroll that shows the end. From three rows a mark
/// takes a whole row; a view of one or two rows keeps its text, the marks
/// put before it.
pub fn mark_more(shown: &mut [Line<'static>], scroll: usize, max: usize, theme: &Theme) {
    let (up, down) = (scroll > 0, scroll < max);
    if shown.len() >= 3 {
        if up && let Some(first) = shown.first_mut() {
            *first = Line::styled("▲ PgUp", theme.dim);
        }
        if down && let Some(last) = shown.last_mut() {
            *last = Line::styled("▼ PgDn", theme.dim);
        }
        return;
    }
    let last = shown.len().saturating_sub(1);
    for (row, line) in shown.iter_mut().enumerate() {
        let mark = match (up && row == 0, down && row == last) {
            (true, true) => "▲▼ ",
            (true, false) => "▲ ",
            (false, true) => "▼ ",
            (false, false) => continue,
        };
        line.spans.insert(0, Span::styled(mark, theme.dim));
    }
}

/// A question to the user (leave? hand in?) at the bottom of `area`,
/// highlighted: wrapped over as many rows as it needs, never cut silently
/// (in a window too small for it, the last row shown ends with `…`; the
/// footer keeps its keys).
pub fn render_prompt(text: &str, area: Rect, style: ratatui::style::Style, buf: &mut Buffer) {
    let width = usize::from(area.width);
    let mut lines = crate::wrap::wrap(text, width);
    let room = usize::from(area.height);
    if lines.len() > room && room > 0 {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            *last = crate::wrap::truncate(&format!("{last} …"), width);
        }
    }
    let rows = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(area.height);
    for (i, line) in lines.into_iter().take(rows.into()).enumerate() {
        let y = area.bottom() - rows + u16::try_from(i).unwrap_or(0);
        let row = Rect::new(area.x, y, area.width, 1);
        ratatui::widgets::Clear.render(row, buf);
        buf.set_style(row, style);
        Line::styled(line, style).render(row, buf);
    }
}

/// The item under screen row `row` and column `column`, for a list drawn in
/// `area` from item `offset` on, `rows_per_item` rows each (as `render_rows`
/// draws, with 1).
pub fn item_at(
    area: Rect,
    offset: usize,
    len: usize,
    rows_per_item: u16,
    column: u16,
    row: u16,
) -> Option<usize> {
    if !(area.x..area.right()).contains(&column) || !(area.y..area.bottom()).contains(&row) {
        return None;
    }
    let index = offset + usize::from((row - area.y) / rows_per_item.max(1));
    (index < len).then_some(index)
}

/// A click on a list drawn by `render_rows` in `area`: on a row that is not
/// selected, selects it and gives `None`; on the selected row gives `Open`,
/// as Enter would. Any other action is given back unchanged.
pub fn click_list(
    cursor: &mut Cursor,
    action: super::action::Action,
    area: Rect,
    len: usize,
) -> Option<super::action::Action> {
    use super::action::Action;
    let Action::Click { column, row } = action else {
        return Some(action);
    };
    let index = item_at(area, cursor.offset, len, 1, column, row)?;
    if index == cursor.selected {
        return Some(Action::Open);
    }
    cursor.selected = index;
    None
}

/// Moves a list cursor for a movement action; returns false for any other.
pub fn move_cursor(
    cursor: &mut Cursor,
    action: super::action::Action,
    len: usize,
    visible: usize,
) -> bool {
    use super::action::Action;
    let page = isize::try_from(visible.max(1)).unwrap_or(isize::MAX);
    match action {
        Action::Up | Action::ScrollUp => cursor.move_by(-1, len, visible),
        Action::Down | Action::ScrollDown => cursor.move_by(1, len, visible),
        Action::PageUp => cursor.move_by(-page, len, visible),
        Action::PageDown => cursor.move_by(page, len, visible),
        Action::First => cursor.first(visible),
        Action::Last => cursor.last(len, visible),
        _ => return false,
    }
    true
}

/// The bar is at least this wide; the names get the rest of the line.
const MIN_BAR: usize = 10;
const MAX_BAR: usize = 30;
/// " 100%" and the two spaces after the name.
const BAR_FIGURE: usize = 7;

/// How wide the names of a column of `percent_bar`s are: the longest name,
/// as long as a bar of `MIN_BAR` cells still fits beside it.
pub fn bar_name_width<'a>(names: impl Iterator<Item = &'a str>, width: usize) -> usize {
    let longest = names.map(UnicodeWidthStr::width).max().unwrap_or(0);
    longest.min(width.saturating_sub(MIN_BAR + BAR_FIGURE))
}

/// `name  ███████░░░  70%`: a name padded to `name_width`, a bar of up to 30
/// cells filled to `percent`, and the figure.
pub fn percent_bar(
    name: &str,
    name_width: usize,
    percent: f64,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let suffix = format!(" {percent:>3.0}%");
    let bar_width = width
        .saturating_sub(name_width + suffix.len() + 2)
        .min(MAX_BAR);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )] // a bar of at most 30 cells
    let filled =
        (((percent / 100.0).clamp(0.0, 1.0) * bar_width as f64).round() as usize).min(bar_width);
    Line::from(vec![
        Span::styled(
            format!("{:<name_width$}  ", truncate(name, name_width)),
            theme.text,
        ),
        Span::styled("█".repeat(filled), theme.title),
        Span::styled("░".repeat(bar_width - filled), theme.dim),
        Span::styled(suffix, theme.text),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    fn rows(n: usize) -> Vec<Line<'static>> {
        (1..=n).map(|i| Line::raw(format!("baris {i}"))).collect()
    }

    #[test]
    fn more_marks_take_rows_from_three_and_go_before_the_text_below() {
        let theme = Theme::mono();
        let mut three = rows(3);
        mark_more(&mut three, 1, 2, &theme);
        assert_eq!(texts(&three), ["▲ PgUp", "baris 2", "▼ PgDn"]);
        let mut two = rows(2);
        mark_more(&mut two, 1, 2, &theme);
        assert_eq!(texts(&two), ["▲ baris 1", "▼ baris 2"]);
        let mut one = rows(1);
        mark_more(&mut one, 1, 2, &theme);
        assert_eq!(texts(&one), ["▲▼ baris 1"]);
        let mut end = rows(1);
        mark_more(&mut end, 2, 2, &theme);
        assert_eq!(texts(&end), ["▲ baris 1"]);
        let mut all = rows(2);
        mark_more(&mut all, 0, 0, &theme);
        assert_eq!(texts(&all), ["baris 1", "baris 2"]);
        mark_more(&mut [], 1, 2, &theme);
    }
}
