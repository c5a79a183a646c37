//! A mock exam (Ujian): questions built to the pack's blueprint, a visible
//! countdown, no feedback until the end. The student moves back and forth
//! between questions and changes answers; handing in, or time running out,
//! marks the exam, saves it to the history and shows the results.

use std::ops::Range;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::quiz::{
    Hit, Input, answer_input, answer_lines, click_input, clock, is_incomplete, reminder,
};
use super::quiz_results::QuizResultsState;
use super::quiz_setup::kind_name;
use super::{KeyHint, choice_count, match_keys, option_digits, option_letters};
use crate::action::{Action, Mode};
use crate::app::{Context, Nav, Screen};
use crate::effect::Effect;
use crate::view::reading_column;
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::Strings;
use kisi_core::progress::{ExamBlueprint, exam_result};
use kisi_core::quiz::{Answer, Question, QuestionKind, Session};

#[derive(Debug, Clone, PartialEq)]
pub struct ExamState {
    pub questions: Vec<Question>,
    /// What the student is putting together for each question.
    pub inputs: Vec<Input>,
    /// The answers saved so far.
    pub answers: Vec<Option<Answer>>,
    /// The question shown; `questions.len()` is the hand-in page.
    pub current: usize,
    pub elapsed: Duration,
    pub blueprint: ExamBlueprint,
    pub confirm: Option<Confirm>,
    /// Enter was pressed on an incomplete answer; says so until the next key.
    pub incomplete: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Leave,
    HandIn,
}

impl ExamState {
    pub fn new(questions: Vec<Question>, blueprint: ExamBlueprint) -> Self {
        Self {
            inputs: questions.iter().map(Input::for_question).collect(),
            answers: vec![None; questions.len()],
            questions,
            current: 0,
            elapsed: Duration::ZERO,
            blueprint,
            confirm: None,
            incomplete: false,
        }
    }

    fn on_hand_in_page(&self) -> bool {
        self.current >= self.questions.len()
    }

    fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    pub fn mode(&self) -> Mode {
        if self.confirm.is_some() {
            return Mode::Confirm;
        }
        match (
            self.inputs.get(self.current),
            self.questions.get(self.current),
        ) {
            (Some(Input::Text { .. } | Input::List { .. }), _) => Mode::TextInput,
            (Some(Input::Arrange { .. } | Input::Match { .. }), _) => Mode::Arrange,
            (Some(Input::Pick { .. }), Some(q)) if q.kind() == QuestionKind::TrueFalse => {
                Mode::TrueFalse
            }
            (Some(Input::Pick { .. }), _) => Mode::Pick,
            (Some(Input::Flash { .. }), _) => Mode::Flashcard,
            (None, _) => Mode::Results,
        }
    }
}

pub fn update(
    state: &mut ExamState,
    action: Action,
    context: &Context,
    effects: &mut Vec<Effect>,
) -> Nav {
    if let Action::Tick(passed) = action {
        state.elapsed += passed;
        if state.elapsed >= state.blueprint.time_limit {
            return hand_in(state, context, effects, true);
        }
        return Nav::Stay;
    }
    if let Some(confirm) = state.confirm {
        match (action, confirm) {
            (Action::Yes, Confirm::Leave) => return Nav::Back,
            (Action::Yes, Confirm::HandIn) => return hand_in(state, context, effects, false),
            (Action::No, _) => state.confirm = None,
            _ => {}
        }
        return Nav::Stay;
    }
    state.incomplete = false;
    let last = state.questions.len();
    let action = match action {
        Action::Click { column, row } => match click(state, context, column, row) {
            Some(action) => action,
            None => return Nav::Stay,
        },
        action => action,
    };
    match action {
        Action::NextItem => state.current = (state.current + 1).min(last),
        Action::PreviousItem => state.current = state.current.saturating_sub(1),
        Action::Back => state.confirm = Some(Confirm::Leave),
        Action::Open if state.on_hand_in_page() => state.confirm = Some(Confirm::HandIn),
        _ => {
            let index = state.current;
            if let (Some(input), Some(question)) =
                (state.inputs.get_mut(index), state.questions.get(index))
            {
                let incomplete = is_incomplete(input);
                if let Some(answer) = answer_input(input, question, action) {
                    state.answers[index] = Some(answer);
                    state.current = (index + 1).min(last);
                } else {
                    state.incomplete = incomplete && action == Action::Open;
                }
            }
        }
    }
    Nav::Stay
}

/// Marks the exam, asks for it to be saved, and shows the results.
fn hand_in(
    state: &ExamState,
    context: &Context,
    effects: &mut Vec<Effect>,
    timed_out: bool,
) -> Nav {
    let mut session = Session::new(state.questions.clone());
    for answer in &state.answers {
        match answer {
            Some(answer) => {
                session.submit(answer.clone());
            }
            None => session.skip(),
        }
    }
    let elapsed = state.elapsed.min(state.blueprint.time_limit);
    let result = exam_result(context.pack, &session, &state.blueprint, elapsed);
    effects.push(Effect::RecordExam(result.clone()));
    Nav::Replace(Screen::QuizResults(
        QuizResultsState::new(session).with_exam(result, timed_out),
    ))
}

/// The page of the current question (or the hand-in page) for `width`, and
/// which lines are options a click can choose.
fn page(state: &ExamState, context: &Context, width: usize) -> Page {
    let mut hits = Vec::new();
    let (strings, theme) = (context.strings, context.theme);
    let total = state.questions.len();
    let left = state.blueprint.time_limit.saturating_sub(state.elapsed);
    let position = if state.on_hand_in_page() {
        strings.exam_hand_in.to_string()
    } else {
        format!("{}/{total}", state.current + 1)
    };
    // The countdown first, so that a narrow window still shows it.
    let status = format!(
        "{} {} · {position} · {} {}/{total} · {}",
        strings.quiz_time_left,
        clock(left),
        strings.exam_answered,
        state.answered(),
        strings.exam_title,
    );
    let status = Line::styled(truncate(&status, width), theme.label);
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
            answer_lines(&mut lines, &mut hits, input, question, context, width);
            if state.incomplete {
                lines.push(Line::styled(
                    truncate(reminder(input, strings), width),
                    theme.error,
                ));
            }
            if state.answers[state.current].is_some() {
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
            let missing: Vec<String> = state
                .answers
                .iter()
                .enumerate()
                .filter(|(_, a)| a.is_none())
                .map(|(i, _)| (i + 1).to_string())
                .collect();
            if !missing.is_empty() {
                let text = format!("{}: {}", strings.exam_unanswered, missing.join(", "));
                lines.extend(
                    wrap(&text, width)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.note)),
                );
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
struct Page {
    status: Line<'static>,
    lines: Vec<Line<'static>>,
    hits: Vec<(Range<usize>, Hit)>,
}

/// Below the status line, which stays in view: the countdown must.
fn page_area(column: Rect) -> Rect {
    let top = column.height.min(1);
    Rect::new(column.x, column.y + top, column.width, column.height - top)
}

/// The first line shown: the end of a page longer than the screen.
fn first_line(lines: usize, height: u16) -> usize {
    lines.saturating_sub(height.into())
}

/// A click on an option of the current question.
fn click(state: &mut ExamState, context: &Context, x: u16, y: u16) -> Option<Action> {
    let column = reading_column(context.body);
    if !(column.x..column.right()).contains(&x) || !(column.y..column.bottom()).contains(&y) {
        return None;
    }
    let area = page_area(column);
    if y < area.y {
        return None;
    }
    let Page { lines, hits, .. } = page(state, context, column.width.into());
    let line = first_line(lines.len(), area.height) + usize::from(y - area.y);
    let hit = hits
        .iter()
        .find(|(range, _)| range.contains(&line))
        .map(|(_, hit)| *hit)?;
    click_input(state.inputs.get_mut(state.current)?, hit)
}

pub fn render(state: &ExamState, context: &Context, body: Rect, buf: &mut Buffer) {
    let column = reading_column(body);
    let width = usize::from(column.width);
    let (strings, theme) = (context.strings, context.theme);
    let Page { status, lines, .. } = page(state, &Context { body, ..*context }, width);
    status.render(
        Rect::new(column.x, column.y, column.width, column.height.min(1)),
        buf,
    );
    let area = page_area(column);
    let skip = first_line(lines.len(), area.height);
    let shown: Vec<Line> = lines.into_iter().skip(skip).collect();
    Paragraph::new(shown).render(area, buf);
    if let Some(confirm) = state.confirm
        && column.height > 0
    {
        let text = match confirm {
            Confirm::Leave => strings.exam_leave,
            Confirm::HandIn => strings.exam_confirm,
        };
        let row = Rect::new(column.x, column.bottom() - 1, column.width, 1);
        buf.set_style(row, theme.selected);
        Line::styled(truncate(text, width), theme.selected).render(row, buf);
    }
}

pub fn keys(state: &ExamState, strings: &'static Strings) -> Vec<KeyHint> {
    let mode = state.mode();
    let choices = choice_count(state.questions.get(state.current));
    match mode {
        Mode::Confirm => vec![
            KeyHint::footer(
                "y",
                match state.confirm {
                    Some(Confirm::Leave) => strings.key_leave,
                    _ => strings.key_submit,
                },
            ),
            KeyHint::footer("n Esc", strings.key_back),
        ],
        Mode::Results => vec![
            KeyHint::footer("Enter", strings.exam_hand_in),
            KeyHint::footer("Shift-Tab", strings.key_prev_next),
            KeyHint::footer("Esc", strings.key_leave),
        ],
        _ => {
            let mut keys = match mode {
                Mode::Pick => vec![
                    KeyHint::footer(option_digits(choices), strings.key_choose),
                    KeyHint::help_only(option_letters(choices), strings.key_choose),
                ],
                Mode::TrueFalse => vec![KeyHint::footer("b/s", strings.key_choose)],
                Mode::Arrange => match state.inputs.get(state.current) {
                    Some(Input::Match { .. }) => vec![
                        KeyHint::footer("↑↓", strings.key_move),
                        KeyHint::footer(match_keys(choices), strings.key_choose),
                    ],
                    _ => vec![
                        KeyHint::footer("↑↓", strings.key_move),
                        KeyHint::footer("Space", strings.key_grab),
                    ],
                },
                _ => Vec::new(),
            };
            keys.push(KeyHint::footer("Enter", strings.key_save));
            keys.push(KeyHint::footer("Esc", strings.key_leave));
            keys.push(KeyHint::footer("Tab Shift-Tab", strings.key_prev_next));
            keys.push(KeyHint::footer(
                if mode == Mode::TextInput { "F1" } else { "?" },
                strings.key_help,
            ));
            keys
        }
    }
}
