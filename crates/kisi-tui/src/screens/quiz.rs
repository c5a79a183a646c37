//! A quiz in progress: one question at a time, answered in the way its kind
//! asks for, then the verdict with the right answer, an explanation, the
//! source, and a way to open the entry it tests.

use std::ops::Range;
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::quiz_results::QuizResultsState;
use super::quiz_setup::kind_name;
use super::{KeyHint, choice_count, detail, match_keys, option_digits, option_letters};
use crate::action::{Action, Mode};
use crate::app::{Context, Nav, Screen};
use crate::effect::Effect;
use crate::theme::Theme;
use crate::view::reading_column;
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::Strings;
use kisi_core::progress::is_quick;
use kisi_core::quiz::grade::Grade;
use kisi_core::quiz::session::Record;
use kisi_core::quiz::wording::{self, verdict, verdict_head};
use kisi_core::quiz::{Answer, Body, Outcome, Question, QuestionKind, Session};
use kisi_core::text::fold;

#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    pub session: Session,
    /// Time spent in the quiz so far, for the time limit.
    pub elapsed: Duration,
    /// Time spent on the current question, to tell a quick answer.
    pub question_elapsed: Duration,
    pub phase: Phase,
    /// Asking whether to leave the quiz.
    pub confirm_leave: bool,
    /// The first line shown when the student scrolled a question taller
    /// than the screen; `None` shows the answer or the verdict.
    pub scroll: Option<usize>,
    /// Enter was pressed on an answer not yet complete (no option picked,
    /// items still unpaired); says so until the next key.
    pub incomplete: bool,
    /// How many questions the student asked for, when the material gave
    /// fewer; said on the first question.
    pub asked_for: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Answering(Input),
    /// The verdict on question `question`, until the student moves on;
    /// only then is it saved, so "I was right" counts.
    Feedback {
        question: usize,
        grade: Grade,
        quick: bool,
    },
}

/// The answer being put together, in the shape the question asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Choice and true/false: the highlighted option.
    Pick {
        /// None until the student picks one, so a second Enter after the
        /// verdict cannot answer the next question by accident.
        selected: Option<usize>,
    },
    Text {
        text: String,
    },
    /// List-all: the items named so far and the one being typed.
    List {
        items: Vec<String>,
        text: String,
    },
    /// Ordering: the shown items in the student's order.
    Arrange {
        order: Vec<usize>,
        cursor: usize,
        grabbed: bool,
    },
    /// Matching: for each left item, the chosen right item.
    Match {
        choices: Vec<Option<usize>>,
        cursor: usize,
    },
    Flash {
        revealed: bool,
    },
}

impl Input {
    pub fn for_question(question: &Question) -> Self {
        match &question.body {
            Body::Choice { .. } | Body::TrueFalse { .. } => Input::Pick { selected: None },
            Body::Typed { .. } => Input::Text {
                text: String::new(),
            },
            Body::ListAll { .. } => Input::List {
                items: Vec::new(),
                text: String::new(),
            },
            Body::Ordering { items, .. } => Input::Arrange {
                order: (0..items.len()).collect(),
                cursor: 0,
                grabbed: false,
            },
            Body::Matching { left, .. } => Input::Match {
                choices: vec![None; left.len()],
                cursor: 0,
            },
            Body::Flashcard { .. } => Input::Flash { revealed: false },
        }
    }
}

impl QuizState {
    pub fn new(session: Session) -> Self {
        let phase = Phase::Answering(
            session
                .current()
                .map_or(Input::Flash { revealed: false }, Input::for_question),
        );
        Self {
            session,
            elapsed: Duration::ZERO,
            question_elapsed: Duration::ZERO,
            phase,
            confirm_leave: false,
            scroll: None,
            incomplete: false,
            asked_for: None,
        }
    }

    /// The question on screen: the one answered while its verdict shows.
    fn shown_question(&self) -> usize {
        match &self.phase {
            Phase::Feedback { question, .. } => *question,
            Phase::Answering(_) => self.session.current_index(),
        }
    }

    /// Says on the first question that the material gave fewer questions
    /// than the `count` asked for, if it did.
    #[must_use]
    pub fn asked_for(mut self, count: usize) -> Self {
        self.asked_for = (self.session.questions().len() < count).then_some(count);
        self
    }

    pub fn mode(&self) -> Mode {
        if self.confirm_leave {
            return Mode::Confirm;
        }
        match &self.phase {
            Phase::Feedback { .. } => Mode::Feedback,
            Phase::Answering(input) => match input {
                Input::Pick { .. } => match self.session.current().map(Question::kind) {
                    Some(QuestionKind::TrueFalse) => Mode::TrueFalse,
                    _ => Mode::Pick,
                },
                Input::Text { .. } | Input::List { .. } => Mode::TextInput,
                Input::Arrange { .. } | Input::Match { .. } => Mode::Arrange,
                Input::Flash { .. } => Mode::Flashcard,
            },
        }
    }
}

pub fn update(
    state: &mut QuizState,
    action: Action,
    context: &Context,
    effects: &mut Vec<Effect>,
) -> Nav {
    if let Action::Tick(passed) = action {
        state.elapsed += passed;
        state.question_elapsed += passed;
        if state.session.is_out_of_time(state.elapsed) {
            // The verdict on screen is final; the questions not reached
            // are not answers, so nothing is saved for them.
            save_feedback(state, effects);
            return Nav::Replace(Screen::QuizResults(
                QuizResultsState::new(state.session.clone()).with_time_up(),
            ));
        }
        return Nav::Stay;
    }
    state.incomplete = false;
    if state.confirm_leave {
        match action {
            Action::Yes => {
                save_feedback(state, effects);
                return Nav::Back;
            }
            Action::No => state.confirm_leave = false,
            _ => {}
        }
        return Nav::Stay;
    }
    if action == Action::Back {
        state.confirm_leave = true;
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
    // Answering or moving on brings the answer or the verdict back.
    state.scroll = None;
    match &mut state.phase {
        Phase::Feedback {
            question, grade, ..
        } => match action {
            Action::Open => {
                save_feedback(state, effects);
                next_question(state)
            }
            Action::OpenEntry => {
                let target = state
                    .session
                    .questions()
                    .get(*question)
                    .and_then(|q| q.targets.first().copied());
                match target {
                    Some(target) => Nav::Push(Screen::Detail(match target.point {
                        Some(point) => detail::DetailState::at_point(target.entry, point, context),
                        None => detail::DetailState::new(target.entry),
                    })),
                    None => Nav::Stay,
                }
            }
            Action::Override if can_override(&state.session, *question) => {
                if state.session.override_answer(*question) {
                    grade.outcome = Outcome::Overridden;
                }
                Nav::Stay
            }
            _ => Nav::Stay,
        },
        Phase::Answering(input) => {
            let Some(question) = state.session.current() else {
                return finish(state);
            };
            let incomplete = is_incomplete(input);
            if let Some(answer) = answer_input(input, question, action) {
                return submit(state, answer, effects);
            }
            state.incomplete = incomplete && action == Action::Open;
            Nav::Stay
        }
    }
}

/// Whether Enter cannot submit this answer yet: no option picked, or items
/// still unpaired. The quiz and the mock exam then say so until the next key.
pub fn is_incomplete(input: &Input) -> bool {
    match input {
        Input::Match { choices, .. } => choices.contains(&None),
        Input::Pick { selected } => selected.is_none(),
        _ => false,
    }
}

/// What to say when Enter finds the answer incomplete.
pub fn reminder(input: &Input, strings: &Strings) -> &'static str {
    if matches!(input, Input::Pick { .. }) {
        strings.quiz_pick_first
    } else {
        strings.quiz_match_every_item
    }
}

/// "I was right" is for typed answers, where a fair grader can still miss
/// a right answer written differently; a chosen option is plainly right or not.
fn can_override(session: &Session, question: usize) -> bool {
    let typed = session
        .questions()
        .get(question)
        .is_some_and(|q| matches!(q.kind(), QuestionKind::Typed | QuestionKind::ListAll));
    let wrong = session
        .records()
        .get(question)
        .and_then(Option::as_ref)
        .is_some_and(|r| matches!(r.outcome(), Outcome::Wrong | Outcome::Partial(_)));
    typed && wrong
}

/// Applies an action to the answer being put together; returns the answer
/// when the student submits it.
pub fn answer_input(input: &mut Input, question: &Question, action: Action) -> Option<Answer> {
    match (input, &question.body) {
        (Input::Pick { selected }, Body::Choice { options, .. }) => {
            pick(selected, options.len(), action).map(Answer::Choice)
        }
        (Input::Pick { selected }, Body::TrueFalse { .. }) => {
            pick(selected, 2, action).map(|choice| Answer::TrueFalse(choice == 0))
        }
        (Input::Text { text }, _) => {
            if edit(text, action) || action != Action::Open || text.trim().is_empty() {
                return None;
            }
            Some(Answer::Typed(text.trim().to_string()))
        }
        (Input::List { items, text }, _) => list_answer(items, text, action),
        (
            Input::Arrange {
                order,
                cursor,
                grabbed,
            },
            _,
        ) => {
            let last = order.len().saturating_sub(1);
            match action {
                Action::Up | Action::Down => {
                    let next = if action == Action::Up {
                        cursor.saturating_sub(1)
                    } else {
                        (*cursor + 1).min(last)
                    };
                    if *grabbed {
                        order.swap(*cursor, next);
                    }
                    *cursor = next;
                }
                Action::Toggle => *grabbed = !*grabbed,
                Action::Open => return Some(Answer::Ordering(order.clone())),
                _ => {}
            }
            None
        }
        (Input::Match { choices, cursor }, Body::Matching { right, .. }) => {
            let last = choices.len().saturating_sub(1);
            match action {
                Action::Up => *cursor = cursor.saturating_sub(1),
                Action::Down => *cursor = (*cursor + 1).min(last),
                Action::Left | Action::Right if !right.is_empty() => {
                    let slot = &mut choices[*cursor];
                    *slot = Some(match (*slot, action) {
                        (None, Action::Right) => 0,
                        (None, _) => right.len() - 1,
                        (Some(c), Action::Right) => (c + 1) % right.len(),
                        (Some(c), _) => (c + right.len() - 1) % right.len(),
                    });
                }
                Action::Choose(n) if n < right.len() => {
                    choices[*cursor] = Some(n);
                    *cursor = (*cursor + 1).min(last);
                }
                Action::Open => {
                    let chosen: Option<Vec<usize>> = choices.iter().copied().collect();
                    // Not all paired yet: go to the first item still open.
                    if chosen.is_none()
                        && let Some(open) = choices.iter().position(Option::is_none)
                    {
                        *cursor = open;
                    }
                    return chosen.map(Answer::Matching);
                }
                _ => {}
            }
            None
        }
        (Input::Flash { revealed }, _) => match action {
            Action::Toggle | Action::Open => {
                *revealed = true;
                None
            }
            Action::Yes if *revealed => Some(Answer::Flashcard { knew: true }),
            Action::No if *revealed => Some(Answer::Flashcard { knew: false }),
            _ => None,
        },
        _ => None,
    }
}

/// "Name them all": Enter adds the line's item, or submits the list on an
/// empty line.
fn list_answer(items: &mut Vec<String>, text: &mut String, action: Action) -> Option<Answer> {
    // Backspace on an empty line takes the last item back to fix it.
    if action == Action::DeleteChar && text.is_empty() {
        if let Some(last) = items.pop() {
            *text = last;
        }
        return None;
    }
    if edit(text, action) || action != Action::Open {
        return None;
    }
    let item = text.trim().to_string();
    if item.is_empty() {
        return (!items.is_empty()).then(|| Answer::ListAll(items.clone()));
    }
    // An item named twice (in any case or accents) is listed once.
    let key = list_key(&item);
    if !items.iter().any(|named| list_key(named) == key) {
        items.push(item);
    }
    text.clear();
    None
}

/// A list item as compared for repeats: folded, spaces collapsed.
fn list_key(item: &str) -> String {
    fold(item).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Moves or chooses among `count` options; returns the choice on Enter.
fn pick(selected: &mut Option<usize>, count: usize, action: Action) -> Option<usize> {
    let last = count.checked_sub(1)?;
    match (action, *selected) {
        // The first arrow press lands on the first option.
        (Action::Up | Action::Down, None) => *selected = Some(0),
        (Action::Up, Some(at)) => *selected = Some(at.saturating_sub(1)),
        (Action::Down, Some(at)) => *selected = Some((at + 1).min(last)),
        (Action::Choose(n), _) if n <= last => *selected = Some(n),
        (Action::Open, Some(at)) if at <= last => return Some(at),
        _ => {}
    }
    None
}

/// Edits a text field; returns whether the action was an edit.
fn edit(text: &mut String, action: Action) -> bool {
    match action {
        Action::Input(c) if !c.is_control() => text.push(c),
        Action::DeleteChar => {
            text.pop();
        }
        Action::ClearInput => text.clear(),
        _ => return false,
    }
    true
}

fn submit(state: &mut QuizState, answer: Answer, effects: &mut Vec<Effect>) -> Nav {
    let question = state.session.current_index();
    let is_flashcard = matches!(answer, Answer::Flashcard { .. });
    let quick = state
        .session
        .current()
        .is_some_and(|q| is_quick(q.kind(), state.question_elapsed));
    let Some(grade) = state.session.submit(answer).cloned() else {
        return finish(state);
    };
    state.phase = Phase::Feedback {
        question,
        grade,
        quick,
    };
    // A flashcard was graded by the student; there is nothing more to say.
    if is_flashcard {
        save_feedback(state, effects);
        return next_question(state);
    }
    Nav::Stay
}

/// Saves the answer whose verdict is shown, now that it is final.
fn save_feedback(state: &QuizState, effects: &mut Vec<Effect>) {
    if let Phase::Feedback {
        question,
        grade,
        quick,
    } = &state.phase
        && let Some(asked) = state.session.questions().get(*question)
    {
        effects.push(Effect::RecordAnswer {
            question: Box::new(asked.clone()),
            outcome: grade.outcome,
            quick: *quick,
        });
    }
}

fn next_question(state: &mut QuizState) -> Nav {
    match state.session.current() {
        Some(question) => {
            state.phase = Phase::Answering(Input::for_question(question));
            state.question_elapsed = Duration::ZERO;
            Nav::Stay
        }
        None => finish(state),
    }
}

fn finish(state: &QuizState) -> Nav {
    Nav::Replace(Screen::QuizResults(QuizResultsState::new(
        state.session.clone(),
    )))
}

/// Minutes and seconds, e.g. `04:05`.
pub fn clock(left: Duration) -> String {
    // Round up, so the clock shows 00:00 only when time is really up.
    let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// Something on the question screen that a click can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// An option, an item to order, or a left item to match.
    Item(usize),
    /// A right item to match (the lettered ones).
    Right(usize),
}

/// The question screen laid out in a column: its lines, which lines belong
/// to each clickable item, and how many lines are scrolled off the top.
struct QuizLayout {
    lines: Vec<Line<'static>>,
    hits: Vec<(Range<usize>, Hit)>,
    skip: usize,
    /// The skip that shows the end.
    bottom_skip: usize,
}

impl QuizLayout {
    fn hit_at(&self, column: Rect, x: u16, y: u16) -> Option<Hit> {
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

fn layout(state: &QuizState, context: &Context, column: Rect) -> Option<QuizLayout> {
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
            answer_lines(&mut lines, &mut hits, input, question, context, width);
            if state.incomplete {
                lines.push(Line::styled(
                    truncate(reminder(input, strings), width),
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
            feedback_lines(&mut lines, question, answer, grade, context, width);
        }
    }
    let bottom_skip = lines.len().saturating_sub(column.height.into());
    let default = match state.phase {
        // One line above, for the "more above" mark.
        Phase::Feedback { .. } => focus.saturating_sub(1).min(bottom_skip),
        Phase::Answering(_) => bottom_skip,
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
fn areas(body: Rect) -> (Rect, Rect) {
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

/// The wheel and PgUp/PgDn scroll a question taller than the screen;
/// returns whether the action was such a scroll.
fn scroll(state: &mut QuizState, action: Action, context: &Context) -> bool {
    let (_, column) = areas(context.body);
    let page = usize::from(column.height.saturating_sub(1).max(1));
    if !matches!(
        action,
        Action::ScrollUp | Action::PageUp | Action::ScrollDown | Action::PageDown
    ) {
        return false;
    }
    let Some(layout) = layout(state, context, column) else {
        return true;
    };
    let skip = match action {
        Action::ScrollUp => layout.skip.saturating_sub(1),
        Action::PageUp => layout.skip.saturating_sub(page),
        Action::ScrollDown => layout.skip + 1,
        _ => layout.skip + page,
    };
    state.scroll = Some(skip.min(layout.bottom_skip));
    true
}

/// Turns a click into what the keys would do: a click picks an option (or
/// an item to move or match) and a click on the picked one submits it.
fn click(state: &mut QuizState, context: &Context, x: u16, y: u16) -> Option<Action> {
    let (_, column) = areas(context.body);
    let hit = layout(state, context, column)?.hit_at(column, x, y)?;
    let Phase::Answering(input) = &mut state.phase else {
        return None;
    };
    click_input(input, hit)
}

/// What a click on `hit` does to the answer being put together: choose an
/// option (Enter on the chosen one), pick up and put down an item, pair.
pub fn click_input(input: &mut Input, hit: Hit) -> Option<Action> {
    match (input, hit) {
        (Input::Pick { selected }, Hit::Item(i)) => Some(if Some(i) == *selected {
            Action::Open
        } else {
            Action::Choose(i)
        }),
        (
            Input::Arrange {
                order,
                cursor,
                grabbed,
            },
            Hit::Item(i),
        ) => {
            // Click an item to pick it up, then click where it goes.
            if *grabbed {
                let item = order.remove(*cursor);
                order.insert(i.min(order.len()), item);
                *grabbed = false;
            } else if i == *cursor {
                *grabbed = true;
            }
            *cursor = i;
            None
        }
        (Input::Match { cursor, .. }, Hit::Item(i)) => {
            if i == *cursor {
                return Some(Action::Right);
            }
            *cursor = i;
            None
        }
        (Input::Match { .. }, Hit::Right(n)) => Some(Action::Choose(n)),
        _ => None,
    }
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
    if layout.skip > 0
        && let Some(first) = shown.first_mut()
    {
        *first = Line::styled("▲ PgUp", theme.dim);
    }
    if layout.skip < layout.bottom_skip
        && let Some(last) = shown.last_mut()
    {
        *last = Line::styled("▼ PgDn", theme.dim);
    }
    Paragraph::new(shown).render(column, buf);
    if state.confirm_leave && column.height > 0 {
        let row = Rect::new(column.x, column.bottom() - 1, column.width, 1);
        buf.set_style(row, theme.selected);
        Line::styled(
            truncate(context.strings.quiz_leave, column.width.into()),
            theme.selected,
        )
        .render(row, buf);
    }
}

/// An option drawn by `option_lines` that a click picks as `hit`.
fn item_lines(
    lines: &mut Vec<Line<'static>>,
    hits: &mut Vec<(Range<usize>, Hit)>,
    hit: Hit,
    marker: &str,
    text: &str,
    width: usize,
    style: Style,
) {
    let start = lines.len();
    option_lines(lines, marker, text, width, style);
    hits.push((start..lines.len(), hit));
}

/// An option as `a) text`, wrapped with its continuation lines indented.
fn option_lines(
    lines: &mut Vec<Line<'static>>,
    marker: &str,
    text: &str,
    width: usize,
    style: Style,
) {
    let indent = marker.chars().count() + 1;
    for (i, line) in wrap(text, width.saturating_sub(indent).max(1))
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 {
            format!("{marker} ")
        } else {
            " ".repeat(indent)
        };
        lines.push(Line::styled(format!("{lead}{line}"), style));
    }
}

fn letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .and_then(|i| b'a'.checked_add(i))
        .map_or('?', char::from)
}

pub fn answer_lines(
    lines: &mut Vec<Line<'static>>,
    hits: &mut Vec<(Range<usize>, Hit)>,
    input: &Input,
    question: &Question,
    context: &Context,
    width: usize,
) {
    let theme = context.theme;
    let strings = context.strings;
    let words = kisi_core::quiz::wording::words(context.lang);
    let choose = |selected: bool| if selected { theme.selected } else { theme.text };
    match (input, &question.body) {
        (Input::Pick { selected }, Body::Choice { options, .. }) => {
            for (i, option) in options.iter().enumerate() {
                let marker = format!("{})", letter(i));
                item_lines(
                    lines,
                    hits,
                    Hit::Item(i),
                    &marker,
                    option,
                    width,
                    choose(Some(i) == *selected),
                );
            }
        }
        (Input::Pick { selected }, Body::TrueFalse { .. }) => {
            for (i, word) in [words.true_word, words.false_word].iter().enumerate() {
                item_lines(
                    lines,
                    hits,
                    Hit::Item(i),
                    &format!("{})", i + 1),
                    word,
                    width,
                    choose(Some(i) == *selected),
                );
            }
        }
        (Input::Text { text }, _) => {
            text_field(lines, strings.quiz_your_answer, text, width, theme);
        }
        (Input::List { items, text }, _) => {
            for (i, item) in items.iter().enumerate() {
                option_lines(lines, &format!("{}.", i + 1), item, width, theme.text);
            }
            text_field(lines, strings.quiz_your_answer, text, width, theme);
            lines.push(Line::styled(
                truncate(strings.quiz_list_hint, width),
                theme.dim,
            ));
        }
        (
            Input::Arrange {
                order,
                cursor,
                grabbed,
            },
            Body::Ordering { items, .. },
        ) => arrange_lines(
            lines,
            hits,
            (order, *cursor, *grabbed),
            items,
            context,
            width,
        ),
        (Input::Match { choices, cursor }, Body::Matching { left, right, .. }) => {
            match_lines(
                lines,
                hits,
                (choices, *cursor),
                (left, right),
                context,
                width,
            );
        }
        (Input::Flash { revealed }, Body::Flashcard { back }) => {
            if *revealed {
                lines.extend(
                    wrap(back, width)
                        .into_iter()
                        .map(|l| Line::styled(l, theme.text)),
                );
                lines.push(Line::raw(""));
                lines.push(Line::styled(
                    truncate(strings.quiz_knew_question, width),
                    theme.key,
                ));
            } else {
                lines.push(Line::styled(
                    truncate(strings.quiz_flip_hint, width),
                    theme.dim,
                ));
            }
        }
        _ => {}
    }
}

/// Ordering: the items in the student's order, the picked-up one marked.
fn arrange_lines(
    lines: &mut Vec<Line<'static>>,
    hits: &mut Vec<(Range<usize>, Hit)>,
    (order, cursor, grabbed): (&[usize], usize, bool),
    items: &[String],
    context: &Context,
    width: usize,
) {
    let (theme, strings) = (context.theme, context.strings);
    for (position, &item) in order.iter().enumerate() {
        let selected = position == cursor;
        let marker = if selected && grabbed {
            format!("⇅{}.", position + 1)
        } else {
            format!(" {}.", position + 1)
        };
        let text = items.get(item).map_or("", String::as_str);
        let style = if selected { theme.selected } else { theme.text };
        item_lines(
            lines,
            hits,
            Hit::Item(position),
            &marker,
            text,
            width,
            style,
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate(strings.quiz_arrange_hint, width),
        theme.dim,
    ));
}

/// Matching: the left items with the letter chosen for each, then the
/// lettered right items.
fn match_lines(
    lines: &mut Vec<Line<'static>>,
    hits: &mut Vec<(Range<usize>, Hit)>,
    (choices, cursor): (&[Option<usize>], usize),
    (left, right): (&[String], &[String]),
    context: &Context,
    width: usize,
) {
    let (theme, strings) = (context.theme, context.strings);
    let choose = |selected: bool| if selected { theme.selected } else { theme.text };
    for (i, item) in left.iter().enumerate() {
        let chosen = choices[i].map_or_else(|| "?".to_string(), |c| letter(c).to_string());
        let marker = format!("[{chosen}]");
        item_lines(
            lines,
            hits,
            Hit::Item(i),
            &marker,
            item,
            width,
            choose(i == cursor),
        );
    }
    lines.push(Line::raw(""));
    for (i, item) in right.iter().enumerate() {
        item_lines(
            lines,
            hits,
            Hit::Right(i),
            &format!("{})", letter(i)),
            item,
            width,
            theme.label,
        );
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate(strings.quiz_match_hint, width),
        theme.dim,
    ));
}

fn text_field(
    lines: &mut Vec<Line<'static>>,
    label: &str,
    text: &str,
    width: usize,
    theme: &Theme,
) {
    // Show the end of a long answer, where the student is typing.
    let field = format!("{text}▏");
    let room = width.saturating_sub(label.chars().count() + 2);
    let shown: String = {
        let count = field.chars().count();
        field.chars().skip(count.saturating_sub(room)).collect()
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{label}: "), theme.label),
        Span::styled(shown, theme.text),
    ]));
}

/// The right order, or the right pairs, one per line, each marked ✓ where
/// the student had it right; `None` for other kinds of question.
fn marked_solution(question: &Question, answer: Option<&Answer>) -> Option<Vec<(bool, String)>> {
    match (&question.body, answer) {
        (Body::Ordering { items, order }, Some(Answer::Ordering(given))) => Some(
            order
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    let item = items.get(i).map_or("", String::as_str);
                    (given.get(k) == Some(&i), item.to_owned())
                })
                .collect(),
        ),
        (Body::Matching { left, right, pairs }, Some(Answer::Matching(given))) => Some(
            left.iter()
                .zip(pairs)
                .enumerate()
                .map(|(k, (item, &r))| {
                    let other = right.get(r).map_or("", String::as_str);
                    (given.get(k) == Some(&r), format!("{item} → {other}"))
                })
                .collect(),
        ),
        _ => None,
    }
}

fn feedback_lines(
    lines: &mut Vec<Line<'static>>,
    question: &Question,
    answer: Option<&Answer>,
    grade: &Grade,
    context: &Context,
    width: usize,
) {
    let theme = context.theme;
    let strings = context.strings;
    let style = match grade.outcome {
        Outcome::Correct | Outcome::Overridden => theme.title,
        Outcome::Partial(_) => theme.note,
        Outcome::Wrong => theme.error,
    };
    let wrapped = |text: &str, style: Style| -> Vec<Line<'static>> {
        wrap(text, width)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect()
    };
    let solved = matches!(grade.outcome, Outcome::Correct | Outcome::Overridden);
    if let Some(solution) = marked_solution(question, answer).filter(|_| !solved) {
        // A long order or set of pairs reads better as a list than as one
        // paragraph, and the marks show which of the student's were right.
        let words = kisi_core::quiz::wording::words(context.lang);
        lines.extend(wrapped(&verdict_head(grade, context.lang), style));
        lines.extend(wrapped(words.full_answer_marked, theme.text));
        for (k, (right, text)) in solution.iter().enumerate() {
            let mark = if *right { '✓' } else { '✗' };
            let line_style = if *right { theme.text } else { theme.note };
            lines.extend(
                super::present::hanging(&format!("{mark} {}. ", k + 1), text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, line_style)),
            );
        }
    } else {
        lines.extend(wrapped(&verdict(question, grade, context.lang), style));
        let given = wording::given(&question.body, grade, context.lang);
        if !given.is_empty() && grade.outcome != Outcome::Correct {
            lines.extend(wrapped(
                &format!("{}: {given}", strings.quiz_your_answer),
                theme.text,
            ));
        }
    }
    if !question.explanation.is_empty() {
        lines.extend(wrapped("", theme.text));
        lines.extend(wrapped(&question.explanation, theme.text));
    }
    if let Some(source) = &question.source {
        lines.extend(wrapped("", theme.text));
        lines.extend(wrapped(&format!("{}: {source}", strings.source), theme.dim));
    }
}

pub fn keys(state: &QuizState, strings: &'static Strings) -> Vec<KeyHint> {
    let mode = state.mode();
    let choices = choice_count(state.session.current());
    let mut keys = match mode {
        Mode::Pick => vec![
            KeyHint::footer(option_digits(choices), strings.key_choose),
            KeyHint::help_only(option_letters(choices), strings.key_choose),
            KeyHint::footer("Enter", strings.key_submit),
            KeyHint::help_only("↑↓", strings.key_move),
        ],
        Mode::TrueFalse => vec![
            KeyHint::footer("b/s 1/2", strings.key_choose),
            KeyHint::footer("Enter", strings.key_submit),
            KeyHint::help_only("←→ ↑↓", strings.key_move),
        ],
        Mode::TextInput => match &state.phase {
            // Enter adds the line's item, or submits the list on an empty line.
            Phase::Answering(Input::List { items, text }) => vec![
                KeyHint::footer(
                    "Enter",
                    if text.trim().is_empty() && !items.is_empty() {
                        strings.key_submit
                    } else {
                        strings.key_add
                    },
                ),
                KeyHint::help_only("Backspace", strings.key_take_back),
                KeyHint::help_only("Ctrl-U", strings.key_clear),
            ],
            _ => vec![
                KeyHint::footer("Enter", strings.key_submit),
                KeyHint::help_only("Ctrl-U", strings.key_clear),
            ],
        },
        Mode::Arrange if matches!(state.phase, Phase::Answering(Input::Match { .. })) => vec![
            KeyHint::footer("↑↓", strings.key_move),
            KeyHint::footer(match_keys(choices), strings.key_choose),
            KeyHint::footer("Enter", strings.key_submit),
        ],
        Mode::Arrange => vec![
            KeyHint::footer("↑↓", strings.key_move),
            KeyHint::footer("Space", strings.key_grab),
            KeyHint::footer("Enter", strings.key_submit),
        ],
        Mode::Flashcard => vec![
            KeyHint::footer("Space", strings.key_flip),
            KeyHint::footer("y/n", strings.key_knew),
        ],
        Mode::Feedback => {
            let mut keys = vec![
                KeyHint::footer("Enter", strings.key_next),
                KeyHint::footer("o", strings.key_open_entry),
            ];
            if let Phase::Feedback { question, .. } = state.phase
                && can_override(&state.session, question)
            {
                keys.push(KeyHint::footer("r", strings.key_override));
            }
            keys
        }
        Mode::Confirm => vec![
            KeyHint::footer("y", strings.key_leave),
            KeyHint::footer("n Esc", strings.key_back),
        ],
        _ => Vec::new(),
    };
    if mode == Mode::Confirm {
        return keys;
    }
    keys.push(KeyHint::help_only("PgUp PgDn", strings.key_scroll));
    keys.push(KeyHint::footer("Esc", strings.key_leave));
    if mode == Mode::TextInput {
        keys.push(KeyHint::footer("F1", strings.key_help));
    } else {
        keys.push(KeyHint::footer("?", strings.key_help));
    }
    keys
}
