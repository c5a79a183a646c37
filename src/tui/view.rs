//! Drawing: the frame around every screen (header, footer, help overlay) and
//! the dispatch to each screen's own `render`. Nothing here changes state.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::app::{App, Screen};
use super::screens::{
    KeyHint, class_quiz, detail, entries, exam, home, present, quiz, quiz_results, quiz_setup,
    search, stats, topics,
};
use super::wrap::truncate;
use unicode_width::UnicodeWidthStr;

/// Below this size a screen cannot show its content and a footer.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// The widest a column of reading text gets, so lines stay readable on wide
/// terminals.
pub const READING_WIDTH: u16 = 100;

/// The area between the header and the footer.
pub fn body_area(area: Rect) -> Rect {
    let [_, body, _] = frame_layout(area);
    body
}

fn frame_layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

fn presentation_layout(area: Rect, footer: bool) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(0),
        Constraint::Min(0),
        Constraint::Length(u16::from(footer)),
    ])
    .areas(area)
}

/// A column at most `READING_WIDTH` wide, centred in `area`, with a margin of
/// one column on each side when there is room.
pub fn reading_column(area: Rect) -> Rect {
    let margin = u16::from(area.width >= MIN_WIDTH + 2);
    let width = area.width.saturating_sub(2 * margin).min(READING_WIDTH);
    let x = area.x + (area.width - width) / 2;
    Rect::new(x, area.y, width, area.height)
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let strings = self.strings();
        // A theme may give text a background (high-contrast): fill the screen.
        buf.set_style(area, self.theme.text);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let message = truncate(strings.too_small, area.width.into());
            let row = Rect::new(area.x, area.y + area.height / 2, area.width, 1);
            Line::styled(message, self.theme.error)
                .centered()
                .render(row, buf);
            return;
        }
        // Presenting to a room: no header, and the footer only on request.
        let presenting = match &self.screen {
            Screen::Present(state) => Some(state.footer_visible()),
            Screen::ClassQuiz(state) => Some(state.footer_visible()),
            _ => None,
        };
        let [header, body, footer] = match presenting {
            Some(footer) => presentation_layout(area, footer),
            None => frame_layout(area),
        };
        let context = self.context();
        if presenting.is_none() {
            render_header(self, header, buf);
        }
        let hints = match &self.screen {
            Screen::Home(state) => {
                home::render(state, &context, body, buf);
                home::keys(strings)
            }
            Screen::Topics(state) => {
                topics::render(state, &context, body, buf);
                topics::keys(strings)
            }
            Screen::Entries(state) => {
                entries::render(state, &context, body, buf);
                entries::keys(strings)
            }
            Screen::Detail(state) => {
                detail::render(state, &context, body, buf);
                detail::keys(strings)
            }
            Screen::QuizSetup(state) => {
                quiz_setup::render(state, &context, body, buf);
                quiz_setup::keys(strings)
            }
            Screen::Quiz(state) => {
                quiz::render(state, &context, body, buf);
                quiz::keys(state, strings)
            }
            Screen::QuizResults(state) => {
                quiz_results::render(state, &context, body, buf);
                quiz_results::keys(state, strings)
            }
            Screen::Search(state) => {
                search::render(state, &context, body, buf);
                search::keys(strings)
            }
            Screen::Present(state) => {
                present::render(state, &context, body, buf);
                present::keys(strings)
            }
            Screen::ClassQuiz(state) => {
                class_quiz::render(state, &context, body, buf);
                class_quiz::keys(strings)
            }
            Screen::Exam(state) => {
                exam::render(state, &context, body, buf);
                exam::keys(state, strings)
            }
            Screen::Stats(state) => {
                stats::render(state, &context, body, buf);
                stats::keys(strings)
            }
        };
        render_footer(self, &hints, footer, buf);
        if self.help_open {
            render_help(self, &hints, body, buf);
        }
    }
}

/// The breadcrumb of where the user is: pack, topic, entry.
fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let mut crumbs = vec![app.pack.meta.title.clone()];
    let (topic, entry) = match &app.screen {
        Screen::Home(_)
        | Screen::Topics(_)
        | Screen::QuizSetup(_)
        | Screen::Quiz(_)
        | Screen::QuizResults(_)
        | Screen::Search(_)
        | Screen::Present(_)
        | Screen::ClassQuiz(_)
        | Screen::Exam(_)
        | Screen::Stats(_) => (None, None),
        Screen::Entries(state) => (Some(state.topic), None),
        Screen::Detail(state) => (Some(state.at.topic), Some(state.at)),
    };
    if let Some(topic) = topic.and_then(|t| app.pack.topic(t)) {
        crumbs.push(topic.title.clone());
    }
    if let Some(entry) = entry.and_then(|e| app.pack.entry(e)) {
        crumbs.push(entry.title.to_string());
    }
    let lead = format!(" {} │ ", app.strings().app_name);
    let width = usize::from(area.width);
    // When the whole trail does not fit, the crumbs nearest the screen are
    // the ones worth keeping: drop from the pack's title on.
    let text = (0..crumbs.len())
        .map(|first| {
            let trail = crumbs[first..].join(" › ");
            if first == 0 {
                format!("{lead}{trail}")
            } else {
                format!("{lead}… › {trail}")
            }
        })
        .find(|text| text.width() <= width)
        .unwrap_or_else(|| format!("{lead}{}", crumbs.last().map_or("", String::as_str)));
    Line::styled(truncate(&text, width), app.theme.title).render(area, buf);
}

/// The keys that matter on this screen, as many as fit.
fn render_footer(app: &App, hints: &[KeyHint], area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for hint in hints.iter().filter(|h| h.in_footer) {
        let width = hint.keys.chars().count() + hint.action.chars().count() + 3;
        // The two spaces after a hint only matter if another one follows.
        if used + width - 2 > usize::from(area.width) {
            break;
        }
        used += width;
        spans.push(Span::styled(hint.keys, app.theme.key));
        spans.push(Span::styled(format!(" {}  ", hint.action), app.theme.dim));
    }
    Line::from(spans).render(area, buf);
}

/// A box over the screen listing every key of the current screen.
fn render_help(app: &App, hints: &[KeyHint], body: Rect, buf: &mut Buffer) {
    let strings = app.strings();
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for hint in hints {
        if !rows.contains(&(hint.keys, hint.action)) {
            rows.push((hint.keys, hint.action));
        }
    }
    rows.push(("Ctrl-C", strings.key_force_quit));
    rows.push((strings.key_mouse, strings.key_scroll));
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let text_width = rows
        .iter()
        .map(|(_, a)| a.chars().count())
        .max()
        .unwrap_or(0);
    let width = u16::try_from(key_width + text_width + 6)
        .unwrap_or(u16::MAX)
        .min(body.width);
    let inner_width = usize::from(width.saturating_sub(2));
    // When a key and its action do not fit side by side, the action goes on
    // a line of its own under the key.
    let side_by_side = key_width + text_width + 4 <= inner_width;
    let mut lines: Vec<Line> = Vec::new();
    for (keys, action) in &rows {
        if side_by_side {
            lines.push(Line::from(vec![
                Span::styled(format!(" {keys:<key_width$}  "), app.theme.key),
                Span::styled(*action, app.theme.text),
            ]));
        } else {
            lines.push(Line::styled(
                truncate(&format!(" {keys}"), inner_width),
                app.theme.key,
            ));
            lines.push(Line::styled(
                truncate(&format!("   {action}"), inner_width),
                app.theme.text,
            ));
        }
    }
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    // Mark a list cut short by a small window.
    let inner_height = usize::from(height.saturating_sub(2));
    if lines.len() > inner_height && inner_height > 0 {
        lines.truncate(inner_height - 1);
        lines.push(Line::styled(" …", app.theme.dim));
    }
    let area = Rect::new(
        body.x + (body.width - width) / 2,
        body.y + (body.height - height) / 2,
        width,
        height,
    );
    Clear.render(area, buf);
    buf.set_style(area, app.theme.text);
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(app.theme.border)
                .title(Span::styled(
                    format!(" {} ", strings.help_title),
                    app.theme.heading,
                ))
                // How to close it stays in view however short the window.
                .title_bottom(Span::styled(
                    format!(" ? Esc: {} ", strings.help_close),
                    app.theme.key,
                )),
        )
        .render(area, buf);
}
