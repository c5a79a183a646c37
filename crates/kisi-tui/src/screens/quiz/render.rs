//! Drawing the quiz: the question laid out in a column (its lines, which
//! lines each clickable item holds, how far it is scrolled), the status line
//! and the verdict.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{Phase, QuizState, clock};
use crate::answer::{self, Hit};
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::quiz_setup::kind_name;
use crate::wrap::{truncate, wrap};
use kisi_core::quiz::session::Record;
use kisi_core::quiz::wording;

/// The question screen laid out in a column: its lines, which lines belong
/// to each clickable item, and how many lines are scrolled off the top.
pub(super) struct QuizLayout {
    pub(super) lines: Vec<Line<'static>>,
    pub(super) hits: Vec<(Range<usize>, Hit)>,
    pub(super) skip: usize,
    /// The skip that shows the end.
    pub(super) bottom_skip: usize,
}

impl QuizLayout {
    pub(super) fn hit_at(&self, column: Rect, x: u16, y: u16) -> Option<Hit> {
        if !(column.x..column.right()).contains(&x) || !(column.y..column.bottom()).contains(&y) {
            return None;
        }
        // The first and last rows may be "more" marks, not lines.
        let row = y - column.y;
        let marked = (row == 0 && self.skip > 0)
            || (row + 1 == column.height && self.skip < self.bottom_skip);
        if marked {
            return None;
        }
        let line = self.skip + usize::from(row);
        self.hits
            .iter()
            .find(|(lines, _)| lines.contains(&line))
            .map(|(_, hit)| *hit)
    }
}

pub(super) fn layout(state: &QuizState, context: &Context, column: Rect) -> Option<QuizLayout> {
    let width = usize::from(column.width);
    let strings = context.strings;
    let theme = context.theme;
    let lang = context.lang;
    let session = &state.session;
    let index = state.shown_question();
    let question = session.questions().get(index)?;
    let mut lines: Vec<Line> = Vec::new();
    let mut hits = Vec::new();
    if let (Some(asked), 0, Phase::Answering(_)) = (state.asked_for, index, &state.phase) {
        let made = session.questions().len();
        lines.extend(
            wrap(&(strings.quiz_fewer_questions)(made, asked), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note)),
        );
    }
    if let (Some((due, new)), 0, Phase::Answering(_)) = (state.review, index, &state.phase) {
        let made = session.questions().len();
        lines.extend(
            wrap(&lang.screen_words().review_intro(made, due, new), width)
                .into_iter()
                .map(|l| Line::styled(l, theme.note)),
        );
    }
    lines.push(Line::raw(""));
    lines.extend(
        wrap(&wording::prompt(&question.prompt, lang), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.heading)),
    );
    lines.push(Line::raw(""));
    // The line to bring into view: the verdict, or the end (the answer).
    let focus = lines.len();
    match &state.phase {
        Phase::Answering(input) => {
            answer::lines(&mut lines, &mut hits, input, question, context, width);
            if state.incomplete {
                lines.push(Line::styled(
                    truncate(answer::reminder(input, strings), width),
                    theme.error,
                ));
            }
        }
        Phase::Feedback { grade, .. } => {
            let answer = session
                .records()
                .get(index)
                .and_then(Option::as_ref)
                .map(Record::answer);
            answer::verdict_lines(&mut lines, question, answer, grade, context, width);
        }
    }
    let bottom_skip = lines.len().saturating_sub(column.height.into());
    let default = match state.phase {
        // One line above, for the "more above" mark.
        Phase::Feedback { .. } => focus.saturating_sub(1).min(bottom_skip),
        // The question is read first, as in the mock exam.
        Phase::Answering(_) => 0,
    };
    let skip = state.scroll.unwrap_or(default).min(bottom_skip);
    Some(QuizLayout {
        lines,
        hits,
        skip,
        bottom_skip,
    })
}

/// The line above the question, kept in view while the question scrolls:
/// the time left, which question of how many, its kind and topic.
fn status(state: &QuizState, context: &Context) -> Option<String> {
    let session = &state.session;
    let index = state.shown_question();
    let question = session.questions().get(index)?;
    let mut status = format!(
        "{}/{} · {}",
        index + 1,
        session.questions().len(),
        kind_name(question.kind(), context.strings)
    );
    if let Some(topic) = question.topic().and_then(|t| context.pack.topic(t)) {
        status.push_str(" · ");
        status.push_str(&topic.title);
    }
    if state.review.is_some() {
        status = format!("{} {status}", context.lang.screen_words().review);
    }
    if let Some(left) = session.time_left(state.elapsed) {
        // The same separator as the mock exam's header.
        status = format!(
            "{} {} · {status}",
            context.strings.quiz_time_left,
            clock(left)
        );
    }
    Some(status)
}

/// The status row at the top of the screen's column, and under it the area
/// where the question scrolls.
pub(super) fn areas(body: Rect) -> (Rect, Rect) {
    let column = reading_column(body);
    let status = Rect {
        height: column.height.min(1),
        ..column
    };
    let question = Rect {
        y: column.y + status.height,
        height: column.height - status.height,
        ..column
    };
    (status, question)
}
pub fn render(state: &QuizState, context: &Context, body: Rect, buf: &mut Buffer) {
    let (status_row, column) = areas(body);
    let Some(layout) = layout(state, context, column) else {
        return;
    };
    if let Some(status) = status(state, context) {
        Line::styled(
            truncate(&status, status_row.width.into()),
            context.theme.dim,
        )
        .render(status_row, buf);
    }
    let mut shown: Vec<Line> = layout
        .lines
        .into_iter()
        .skip(layout.skip)
        .take(column.height.into())
        .collect();
    // Say where more of the question is, and how to get to it.
    let theme = context.theme;
    crate::screens::mark_more(&mut shown, layout.skip, layout.bottom_skip, theme);
    Paragraph::new(shown).render(column, buf);
    if state.confirm_leave {
        crate::screens::render_prompt(context.strings.quiz_leave, column, theme.selected, buf);
    }
}
