//! A mock exam (Ujian): questions built to the pack's blueprint, a visible
//! countdown, no feedback until the end. The student moves back and forth
//! between questions (Tab, or Ctrl-G and a number) and changes answers;
//! handing in, time running out or kisi being closed (Ctrl-C, a signal, a
//! closed terminal) marks the exam, saves it to the history and shows the
//! results. What is marked is what is on screen: an answer picked or typed
//! but not yet saved with Enter counts, and the screen says it is not saved.

use std::ops::Range;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::KeyHint;
use super::quiz::clock;
use super::quiz_results::QuizResultsState;
use super::quiz_setup::kind_name;
use crate::action::{Action, Mode};
use crate::answer::{self, Enter, Hit, Input};
use crate::app::{Context, Nav, Screen};
use crate::effect::Effect;
use crate::keymap::{self, Id};
use crate::view::reading_column;
use crate::wrap::{join_fitting, truncate, wrap};
use kisi_core::i18n::Strings;
use kisi_core::progress::{ExamBlueprint, ExamResult, exam_result};
use kisi_core::quiz::wording::fill;
use kisi_core::quiz::{Answer, Question, Session};

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
    /// The first line shown of a page taller than the screen: a question
    /// opens at its top.
    pub scroll: usize,
    /// The student changed the answer of each question since it opened.
    pub touched: Vec<bool>,
    /// Ctrl-G: the number typed so far, and whether the last one was bad.
    pub go_to: Option<GoTo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoTo {
    pub number: String,
    pub bad: bool,
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
            touched: vec![false; questions.len()],
            questions,
            current: 0,
            elapsed: Duration::ZERO,
            blueprint,
            confirm: None,
            incomplete: false,
            scroll: 0,
            go_to: None,
        }
    }

    fn on_hand_in_page(&self) -> bool {
        self.current >= self.questions.len()
    }

    fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// The answer on screen for question `index` when the student changed
    /// it and it differs from the one saved: what Enter would save.
    pub fn unsaved(&self, index: usize) -> Option<Answer> {
        let (input, question) = (self.inputs.get(index)?, self.questions.get(index)?);
        if !self.touched.get(index).copied().unwrap_or(false) {
            return None;
        }
        answer::current(input, question).filter(|shown| self.answers[index].as_ref() != Some(shown))
    }

    /// Whether the screen must say the answer shown is not the one saved.
    fn shows_unsaved(&self, index: usize) -> bool {
        let (Some(input), Some(question)) = (self.inputs.get(index), self.questions.get(index))
        else {
            return false;
        };
        self.touched.get(index).copied().unwrap_or(false)
            && answer::current(input, question) != self.answers[index]
    }

    /// Every answer as it is on screen: the unsaved ones take the place of
    /// what was saved, so what is marked is what the student sees.
    fn answers_on_screen(&self) -> Vec<Option<Answer>> {
        (0..self.questions.len())
            .map(|i| self.unsaved(i).or_else(|| self.answers[i].clone()))
            .collect()
    }

    /// The question Tab goes to from the hand-in page: the first without
    /// a saved answer, else the first.
    fn first_unanswered(&self) -> usize {
        self.answers.iter().position(Option::is_none).unwrap_or(0)
    }

    fn show(&mut self, index: usize) {
        self.current = index.min(self.questions.len());
        self.scroll = 0;
    }

    pub fn mode(&self) -> Mode {
        if self.confirm.is_some() {
            return Mode::Confirm;
        }
        if self.go_to.is_some() {
            return Mode::TextInput;
        }
        self.inputs.get(self.current).map_or(Mode::HandIn, |input| {
            input.mode(self.questions.get(self.current))
        })
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
    if state.go_to.is_some() {
        go_to(state, action);
        return Nav::Stay;
    }
    let action = match action {
        Action::Click { column, row } => match click(state, context, column, row) {
            Some(action) => action,
            None => return Nav::Stay,
        },
        action => action,
    };
    if scroll(state, action, context) {
        return Nav::Stay;
    }
    match action {
        // From the hand-in page, Tab goes back to what is left to do.
        Action::NextItem if state.on_hand_in_page() => state.show(state.first_unanswered()),
        Action::NextItem => state.show(state.current + 1),
        Action::PreviousItem => state.show(state.current.saturating_sub(1)),
        Action::GoTo => state.go_to = Some(GoTo::default()),
        Action::Back => state.confirm = Some(Confirm::Leave),
        Action::Open if state.on_hand_in_page() => state.confirm = Some(Confirm::HandIn),
        _ => {
            let index = state.current;
            if let (Some(input), Some(question)) =
                (state.inputs.get_mut(index), state.questions.get(index))
            {
                let before = input.clone();
                let incomplete = answer::is_incomplete(input);
                if let Some(answer) = answer::update(input, question, action) {
                    state.answers[index] = Some(answer);
                    state.touched[index] = true;
                    state.show(index + 1);
                } else {
                    state.touched[index] |= *input != before;
                    state.incomplete = incomplete && action == Action::Open;
                    keep_in_view(state, context);
                }
            }
        }
    }
    Nav::Stay
}

/// The number prompt of Ctrl-G: digits, Enter to go, Esc to stay.
fn go_to(state: &mut ExamState, action: Action) {
    let last = state.questions.len();
    let Some(prompt) = state.go_to.as_mut() else {
        return;
    };
    match action {
        Action::Input(c) if c.is_ascii_digit() && prompt.number.len() < 4 => {
            prompt.number.push(c);
            prompt.bad = false;
        }
        Action::DeleteChar => {
            prompt.number.pop();
        }
        Action::Open => match prompt.number.parse::<usize>() {
            Ok(n) if (1..=last).contains(&n) => {
                state.go_to = None;
                state.show(n - 1);
            }
            _ => {
                prompt.bad = true;
                prompt.number.clear();
            }
        },
        Action::Back | Action::GoTo => state.go_to = None,
        _ => {}
    }
}

/// After a move in the answer, scrolls the least needed to show the
/// option or item the cursor is on, and the line being typed.
fn keep_in_view(state: &mut ExamState, context: &Context) {
    let column = reading_column(context.body);
    let area = page_area(column);
    let Page { lines, hits, .. } = page(state, context, column.width.into());
    let bottom = lines.len().saturating_sub(area.height.into());
    if let Some(input) = state.inputs.get(state.current) {
        state.scroll = answer::keep_in_view(input, &hits, state.scroll, bottom, area.height.into());
    }
}

/// Marks the exam, asks for it to be saved, and shows the results.
fn hand_in(
    state: &ExamState,
    context: &Context,
    effects: &mut Vec<Effect>,
    timed_out: bool,
) -> Nav {
    let (session, result) = mark(state, context);
    effects.push(Effect::RecordExam(result.clone()));
    Nav::Replace(Screen::QuizResults(
        QuizResultsState::new(session).with_exam(result, timed_out),
    ))
}

/// The exam marked as it stands, with the answers on screen.
fn mark(state: &ExamState, context: &Context) -> (Session, ExamResult) {
    let mut session = Session::new(state.questions.clone());
    for answer in state.answers_on_screen() {
        match answer {
            Some(answer) => {
                session.submit(answer);
            }
            None => session.skip(),
        }
    }
    let elapsed = state.elapsed.min(state.blueprint.time_limit);
    let result = exam_result(context.pack, &session, &state.blueprint, elapsed);
    (session, result)
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

/// The first line shown, and the furthest it can go.
fn first_line(state: &ExamState, lines: usize, height: u16) -> (usize, usize) {
    let bottom = lines.saturating_sub(height.into());
    (state.scroll.min(bottom), bottom)
}

/// The wheel and PgUp/PgDn scroll a page taller than the screen; returns
/// whether the action was such a scroll.
fn scroll(state: &mut ExamState, action: Action, context: &Context) -> bool {
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
/// rather than a line.
fn marked(row: u16, height: u16, skip: usize, bottom: usize) -> bool {
    (row == 0 && skip > 0) || (row + 1 == height && skip < bottom)
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
    let (skip, bottom) = first_line(state, lines.len(), area.height);
    let mut shown: Vec<Line> = lines
        .into_iter()
        .skip(skip)
        .take(area.height.into())
        .collect();
    // Say where more of the page is, and how to get to it.
    if marked(0, area.height, skip, bottom)
        && let Some(first) = shown.first_mut()
    {
        *first = Line::styled("▲ PgUp", theme.dim);
    }
    if marked(area.height.saturating_sub(1), area.height, skip, bottom)
        && let Some(last) = shown.last_mut()
    {
        *last = Line::styled("▼ PgDn", theme.dim);
    }
    Paragraph::new(shown).render(area, buf);
    let last = state.questions.len().to_string();
    let prompt = match (&state.confirm, &state.go_to) {
        (Some(Confirm::Leave), _) => Some(strings.exam_leave.to_owned()),
        (Some(Confirm::HandIn), _) => Some(strings.exam_confirm.to_owned()),
        (None, Some(go_to)) if go_to.bad => Some(fill(strings.exam.go_to_bad, &[("last", &last)])),
        (None, Some(go_to)) => Some(format!(
            "{}{}_",
            fill(strings.exam.go_to_prompt, &[("last", &last)]),
            go_to.number
        )),
        (None, None) => None,
    };
    if let Some(text) = prompt {
        super::render_prompt(&text, column, theme.selected, buf);
    }
}

pub fn keys(state: &ExamState, strings: &'static Strings) -> Vec<KeyHint> {
    if state.go_to.is_some() && state.confirm.is_none() {
        let hint = |keys, action, priority| KeyHint {
            keys,
            action,
            in_footer: true,
            priority,
        };
        return vec![
            hint("0-9", strings.exam.key_digits, 2),
            hint("Enter", strings.exam.key_go, 1),
            hint("Esc", strings.exam.key_cancel, 0),
        ];
    }
    let mode = state.mode();
    match (mode, state.inputs.get(state.current)) {
        (Mode::Confirm, _) => keymap::hints(mode, strings, 0, |id| match id {
            Id::Yes => state.confirm == Some(Confirm::Leave),
            Id::YesHandIn => state.confirm == Some(Confirm::HandIn),
            _ => id == Id::No,
        }),
        (_, Some(input)) => answer::keys(
            input,
            state.questions.get(state.current),
            Enter::Save,
            strings,
            |id| {
                matches!(
                    id,
                    Id::Scroll | Id::Leave | Id::OtherQuestion | Id::GoTo | Id::Help
                )
            },
        ),
        (_, None) => keymap::all_hints(mode, strings),
    }
}

impl super::ScreenState for ExamState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        update(self, action, context, effects)
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context.strings)
    }

    fn mode(&self) -> crate::action::Mode {
        ExamState::mode(self)
    }

    fn wants_ticks(&self) -> bool {
        true
    }

    /// Closing kisi mid-exam (Ctrl-C, a signal, a closed terminal) hands
    /// it in as it stands, so the answers given are not lost; an exam with
    /// no answer at all is not worth a line in the history.
    fn on_quit(&mut self, context: &Context, effects: &mut Vec<Effect>) {
        if self.answers_on_screen().iter().any(Option::is_some) {
            let (_, result) = mark(self, context);
            effects.push(Effect::RecordExam(result));
        }
    }

    fn opens_search(&self) -> bool {
        false
    }
}
