//! The end of a quiz: the score, a bar per topic, and the mistakes, each of
//! which opens the entry it tests; `r` retries the mistakes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::quiz::QuizState;
use super::{KeyHint, Row, click_list, detail, move_cursor, render_rows};
use crate::i18n::Strings;
use crate::quiz::wording::score_line;
use crate::quiz::{Session, Summary};
use crate::tui::action::Action;
use crate::tui::app::{Context, Nav, Screen};
use crate::tui::cursor::Cursor;
use crate::tui::view::reading_column;
use crate::tui::wrap::truncate;

#[derive(Debug, Clone, PartialEq)]
pub struct QuizResultsState {
    pub session: Session,
    pub summary: Summary,
    /// The selected mistake.
    pub cursor: Cursor,
}

impl QuizResultsState {
    pub fn new(session: Session) -> Self {
        let summary = session.summary();
        Self {
            session,
            summary,
            cursor: Cursor::default(),
        }
    }

    /// Whether the bars per topic fit above a few rows of mistakes in a
    /// body `height` rows high; on small screens the mistakes come first.
    fn shows_topics(&self, height: u16) -> bool {
        let topics = u16::try_from(self.summary.by_topic.len()).unwrap_or(u16::MAX);
        let mistakes = u16::try_from(self.summary.mistakes.len().min(3)).unwrap_or(3);
        // Title, score, blank, heading, a bar per topic, blank, heading.
        6 + topics + mistakes <= height
    }

    fn header_height(&self, height: u16) -> u16 {
        let topics = u16::try_from(self.summary.by_topic.len()).unwrap_or(u16::MAX);
        if self.shows_topics(height) {
            6 + topics
        } else {
            // Title, score, heading.
            3
        }
    }

    /// Where the mistakes are listed, below the score and the bars.
    fn mistakes_area(&self, body: Rect) -> Rect {
        let column = reading_column(body);
        let header = self.header_height(column.height).min(column.height);
        Rect::new(
            column.x,
            column.y + header,
            column.width,
            column.height - header,
        )
    }
}

pub fn update(state: &mut QuizResultsState, action: Action, context: &Context) -> Nav {
    let list = state.mistakes_area(context.body);
    let len = state.summary.mistakes.len();
    if move_cursor(&mut state.cursor, action, len, list.height.into()) {
        return Nav::Stay;
    }
    let Some(action) = click_list(&mut state.cursor, action, list, len) else {
        return Nav::Stay;
    };
    match action {
        Action::Open => state
            .summary
            .mistakes
            .get(state.cursor.selected)
            .and_then(|m| m.targets.first())
            .map_or(Nav::Stay, |target| {
                Nav::Push(Screen::Detail(match target.point {
                    Some(point) => detail::DetailState::at_point(target.entry, point, context),
                    None => detail::DetailState::new(target.entry),
                }))
            }),
        Action::Retry => state.session.retry_mistakes().map_or(Nav::Stay, |retry| {
            Nav::Replace(Screen::Quiz(QuizState::new(retry)))
        }),
        Action::Back => Nav::Back,
        _ => Nav::Stay,
    }
}

pub fn render(state: &QuizResultsState, context: &Context, body: Rect, buf: &mut Buffer) {
    let column = reading_column(body);
    let width = usize::from(column.width);
    let strings = context.strings;
    let theme = context.theme;
    let summary = &state.summary;
    let mut lines = vec![
        Line::styled(truncate(strings.quiz_results, width), theme.heading),
        Line::styled(
            truncate(&score_line(&summary.score, context.lang), width),
            theme.title,
        ),
    ];
    let unanswered = summary.questions.saturating_sub(summary.score.answered);
    if unanswered > 0 {
        lines[1].spans.push(Span::styled(
            format!(" · {unanswered} {}", strings.quiz_unanswered),
            theme.dim,
        ));
    }
    let shows_topics = state.shows_topics(column.height);
    if shows_topics {
        lines.push(Line::raw(""));
        lines.push(Line::styled(strings.quiz_by_topic, theme.label));
    }
    let names: Vec<&str> = summary
        .by_topic
        .iter()
        .map(|t| context.pack.topic(t.topic).map_or("", |t| t.title.as_str()))
        .collect();
    let name_width = names
        .iter()
        .map(|n| n.width())
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for (topic, name) in summary.by_topic.iter().zip(&names).filter(|_| shows_topics) {
        let percent = topic.score.percent();
        let suffix = format!(" {percent:>3.0}%");
        let bar_width = width.saturating_sub(name_width + suffix.len() + 2).min(30);
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )] // a bar of at most 30 cells from a percentage
        let filled = ((percent / 100.0) * bar_width as f64).round() as usize;
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<name_width$}  ", truncate(name, name_width)),
                theme.text,
            ),
            Span::styled("█".repeat(filled.min(bar_width)), theme.title),
            Span::styled("░".repeat(bar_width - filled.min(bar_width)), theme.dim),
            Span::styled(suffix, theme.text),
        ]));
    }
    if shows_topics {
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        if summary.mistakes.is_empty() {
            strings.quiz_no_mistakes
        } else {
            strings.quiz_mistakes
        },
        theme.label,
    ));
    let header = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .min(column.height);
    for (row, line) in lines.into_iter().take(header.into()).enumerate() {
        let y = column.y + u16::try_from(row).unwrap_or(u16::MAX);
        line.render(Rect::new(column.x, y, column.width, 1), buf);
    }
    let questions = state.session.questions();
    let rows: Vec<Row> = summary
        .mistakes
        .iter()
        .map(|mistake| {
            let entry = mistake
                .targets
                .first()
                .and_then(|t| context.pack.entry(t.entry))
                .map_or("", |e| e.title.as_str());
            let prompt = questions
                .get(mistake.question)
                .map(|q| q.prompt.text(context.lang))
                .unwrap_or_default();
            Row {
                text: format!("{entry}: {}", prompt.replace('\n', " ")),
                detail: String::new(),
            }
        })
        .collect();
    render_rows(&rows, state.cursor, theme, state.mistakes_area(body), buf);
}

pub fn keys(state: &QuizResultsState, strings: &'static Strings) -> Vec<KeyHint> {
    let mut keys = Vec::new();
    if !state.summary.mistakes.is_empty() {
        keys.push(KeyHint::footer("↑↓", strings.key_move));
        keys.push(KeyHint::footer("Enter", strings.key_open_entry));
        keys.push(KeyHint::footer("r", strings.key_retry));
    }
    keys.push(KeyHint::footer("Esc", strings.key_back));
    keys.push(KeyHint::footer("?", strings.key_help));
    keys
}
