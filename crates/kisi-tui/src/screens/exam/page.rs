//! The exam's page laid out for a width: what is on it, where a click
//! lands, how it scrolls.

use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::text::Line;

use super::ExamState;
use crate::action::Action;
use crate::answer::{self, Hit};
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::quiz::clock;
use crate::screens::quiz_setup::kind_name;
use crate::wrap::{join_fitting, truncate, wrap};

/// After a move in the answer, scrolls the least needed to show the
/// option or item the cursor is on, and the line being typed.
pub(super) fn keep_in_view(state: &mut ExamState, context: &Context) {
    let column = reading_column(context.body);
    let area = page_area(column);
    let Page { lines, hits, .. } = page(state, context, column.width.into());
    let bottom = lines.len().saturating_sub(area.height.into());
    if let Some(input) = state.inputs.get(state.current) {
        state.scroll = answer::keep_in_view(input, &hits, state.scroll, bottom, area.height.into());
    }
}

/// The page of the current question (or the hand-in page) for `width`, and
/// which lines are options a click can choose.
pub(super) fn page(state: &ExamState, context: &Context, width: usize) -> Page {
    let mut hits = Vec::new();
    let (strings, theme) = (context.strings, context.theme);
    let total = state.questions.len();
    let left = state.blueprint.time_limit.saturating_sub(state.elapsed);
    let position = if state.on_hand_in_page() {
        strings.exam_hand_in.to_string()
    } else {
        format!("{}/{total}", state.current + 1)
    };
    // The countdown first, so that a narrow window still shows it; parts
    // that do not fit are left out whole.
    let time = format!("{} {}", strings.quiz_time_left, clock(left));
    let answered = format!("{} {}/{total}", strings.exam_answered, state.answered());
    let parts = [time.as_str(), &position, &answered, strings.exam_title];
    let status = Line::styled(join_fitting(&parts, width), theme.label);
    let mut lines = vec![Line::raw("")];
    if let (Some(question), Some(input)) = (
        state.questions.get(state.current),
        state.inputs.get(state.current),
    ) {
        {
            lines.push(Line::styled(
                truncate(kind_name(question.kind(), strings), width),
                theme.dim,
            ));
            lines.extend(
                wrap(
                    &kisi_core::quiz::wording::prompt(&question.prompt, context.lang),
                    width,
                )
                .into_iter()
                .map(|l| Line::styled(l, theme.heading)),
            );
            lines.push(Line::raw(""));
            answer::lines(&mut lines, &mut hits, input, question, context, width);
            if state.incomplete {
                lines.push(Line::styled(
                    truncate(answer::reminder(input, strings), width),
                    theme.error,
                ));
            }
            if state.shows_unsaved(state.current) {
                lines.push(Line::raw(""));
                lines.extend(
                    wrap(&format!("• {}", strings.exam.not_saved), width)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.note)),
                );
            } else if state.answers[state.current].is_some() {
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    truncate(&format!("✓ {}", strings.exam_saved), width),
                    theme.title,
                ));
            }
        }
    } else {
        {
            lines.push(Line::styled(
                truncate(strings.exam_hand_in, width),
                theme.heading,
            ));
            // What handing in now marks: blanks, and answers shown but
            // not saved, which count as shown.
            let numbers = |keep: &dyn Fn(usize) -> bool| -> Vec<String> {
                (0..state.questions.len())
                    .filter(|&i| keep(i))
                    .map(|i| (i + 1).to_string())
                    .collect()
            };
            let on_screen = state.answers_on_screen();
            let missing = numbers(&|i| on_screen[i].is_none());
            let unsaved = numbers(&|i| state.unsaved(i).is_some());
            for (label, list) in [
                (strings.exam_unanswered, missing),
                (strings.exam.hand_in_unsaved, unsaved),
            ] {
                if !list.is_empty() {
                    let text = format!("{label}: {}", list.join(", "));
                    lines.extend(
                        wrap(&text, width)
                            .into_iter()
                            .map(|l| Line::styled(l, theme.note)),
                    );
                }
            }
            lines.push(Line::raw(""));
            lines.extend(
                wrap(strings.exam_hand_in_hint, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.dim)),
            );
        }
    }
    Page {
        status,
        lines,
        hits,
    }
}

/// A question laid out: the status line, the lines below it, and which of
/// those lines a click can choose.
pub(super) struct Page {
    pub(super) status: Line<'static>,
    pub(super) lines: Vec<Line<'static>>,
    pub(super) hits: Vec<(Range<usize>, Hit)>,
}

/// Below the status line, which stays in view: the countdown must.
pub(super) fn page_area(column: Rect) -> Rect {
    let top = column.height.min(1);
    Rect::new(column.x, column.y + top, column.width, column.height - top)
}

/// The first line shown, and the furthest it can go.
pub(super) fn first_line(state: &ExamState, lines: usize, height: u16) -> (usize, usize) {
    let bottom = lines.saturating_sub(height.into());
    (state.scroll.min(bottom), bottom)
}

/// The wheel and PgUp/PgDn scroll a page taller than the screen; returns
/// whether the action was such a scroll.
pub(super) fn scroll(state: &mut ExamState, action: Action, context: &Context) -> bool {
    if !matches!(
        action,
        Action::ScrollUp | Action::PageUp | Action::ScrollDown | Action::PageDown
    ) {
        return false;
    }
    let column = reading_column(context.body);
    let area = page_area(column);
    let lines = page(state, context, column.width.into()).lines.len();
    let (skip, bottom) = first_line(state, lines, area.height);
    let page = usize::from(area.height.saturating_sub(1).max(1));
    let skip = match action {
        Action::ScrollUp => skip.saturating_sub(1),
        Action::PageUp => skip.saturating_sub(page),
        Action::ScrollDown => skip + 1,
        _ => skip + page,
    };
    state.scroll = skip.min(bottom);
    true
}

/// Whether row `row` of a page area `height` rows tall holds a "more" mark
/// rather than a line (`screens::mark_more`: below three rows the marks go
/// before the lines).
pub(super) fn marked(row: u16, height: u16, skip: usize, bottom: usize) -> bool {
    height >= 3 && ((row == 0 && skip > 0) || (row + 1 == height && skip < bottom))
}

/// A click on an option of the current question.
pub(super) fn click(state: &mut ExamState, context: &Context, x: u16, y: u16) -> Option<Action> {
    let column = reading_column(context.body);
    if !(column.x..column.right()).contains(&x) || !(column.y..column.bottom()).contains(&y) {
        return None;
    }
    let area = page_area(column);
    if y < area.y {
        return None;
    }
    let Page { lines, hits, .. } = page(state, context, column.width.into());
    let (skip, bottom) = first_line(state, lines.len(), area.height);
    let row = y - area.y;
    if marked(row, area.height, skip, bottom) {
        return None;
    }
    let line = skip + usize::from(row);
    let hit = hits
        .iter()
        .find(|(range, _)| range.contains(&line))
        .map(|(_, hit)| *hit)?;
    let index = state.current;
    let input = state.inputs.get_mut(index)?;
    let before = input.clone();
    let action = answer::click(input, hit);
    if *input != before {
        state.touched[index] = true;
    }
    action
}
