//! A quiz in progress: one question at a time, answered in the way its kind
//! asks for, then the verdict with the right answer, an explanation, the
//! source, and a way to open the entry it tests.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::detail;
use super::quiz_results::QuizResultsState;
use crate::action::{Action, Mode};
use crate::answer::{self, Enter, Input};
use crate::effect::Effect;
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::screens::{Nav, Screen};
use kisi_core::i18n::Strings;
use kisi_core::progress::is_quick;
use kisi_core::quiz::grade::Grade;
use kisi_core::quiz::{Answer, Outcome, QuestionKind, Session};

mod render;

pub use render::render;
use render::{areas, layout};

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
    /// The first line shown of a question taller than the screen, once the
    /// student scrolled it or moved in the answer; `None` shows the top of
    /// a question being answered, and the verdict once it is answered.
    pub scroll: Option<usize>,
    /// Enter was pressed on an answer not yet complete (no option picked,
    /// items still unpaired); says so until the next key.
    pub incomplete: bool,
    /// How many questions the student asked for, when the material gave
    /// fewer; said on the first question.
    pub asked_for: Option<usize>,
    /// Set for a review: how many of its cards were due and how many new.
    pub review: Option<(usize, usize)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Answering(Input),
    /// The verdict on question `question`, until the student moves on.
    /// It is saved as soon as it is graded when final; an answer "I was
    /// right" can still change is saved when the student moves on, leaves
    /// or closes kisi, so the override counts and nothing is lost.
    Feedback {
        question: usize,
        grade: Grade,
        quick: bool,
        saved: bool,
    },
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
            review: None,
        }
    }

    /// Marks this quiz as the day's review of `due` due and `new` new cards:
    /// its status line, first question and results say so.
    #[must_use]
    pub fn review(mut self, due: usize, new: usize) -> Self {
        self.review = Some((due, new));
        self
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
            Phase::Answering(input) => input.mode(self.session.current()),
        }
    }
}

/// An action on the answer: submits it when complete, else keeps what
/// the cursor is on (or the reminder that the answer is not complete) in
/// view, scrolling the least from where the student left the question.
fn answering(
    state: &mut QuizState,
    action: Action,
    context: &Context,
    effects: &mut Vec<Effect>,
) -> Nav {
    let Phase::Answering(input) = &mut state.phase else {
        return Nav::Stay;
    };
    let Some(question) = state.session.current() else {
        return finish(state);
    };
    let incomplete = answer::is_incomplete(input);
    let before = input.clone();
    if let Some(answer) = answer::update(input, question, action) {
        state.scroll = None;
        return submit(state, answer, effects);
    }
    let moved = *input != before;
    state.incomplete = incomplete && action == Action::Open;
    let (_, column) = areas(context.body);
    if let (Some(layout), Phase::Answering(input)) = (layout(state, context, column), &state.phase)
    {
        if state.incomplete {
            state.scroll = Some(layout.bottom_skip);
        } else if moved {
            state.scroll = Some(answer::keep_in_view(
                input,
                &layout.hits,
                layout.skip,
                layout.bottom_skip,
                column.height.into(),
            ));
        }
    }
    Nav::Stay
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
        saved: false,
    };
    // A flashcard was graded by the student; there is nothing more to say.
    if is_flashcard {
        save_feedback(state, effects);
        return next_question(state);
    }
    if !can_override(&state.session, question) {
        save_feedback(state, effects);
    }
    Nav::Stay
}

/// Saves the answer whose verdict is shown, once, now that it is final.
fn save_feedback(state: &mut QuizState, effects: &mut Vec<Effect>) {
    if let Phase::Feedback {
        question,
        grade,
        quick,
        saved: saved @ false,
    } = &mut state.phase
        && let Some(asked) = state.session.questions().get(*question)
    {
        effects.push(Effect::RecordAnswer {
            question: Box::new(asked.clone()),
            grade: Box::new(grade.clone()),
            quick: *quick,
        });
        *saved = true;
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
    Nav::Replace(Screen::QuizResults(
        QuizResultsState::new(state.session.clone()).with_review(state.review.is_some()),
    ))
}

/// Minutes and seconds, e.g. `04:05`.
pub fn clock(left: Duration) -> String {
    // Round up, so the clock shows 00:00 only when time is really up.
    let seconds = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
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
    answer::click(input, hit)
}

pub fn keys(state: &QuizState, strings: &'static Strings) -> Vec<KeyHint> {
    let mode = state.mode();
    match (&state.phase, mode) {
        (_, Mode::Confirm) => keymap::hints(mode, strings, 0, |id| matches!(id, Id::Yes | Id::No)),
        (Phase::Feedback { question, .. }, _) => keymap::hints(mode, strings, 0, |id| {
            id != Id::Override || can_override(&state.session, *question)
        }),
        (Phase::Answering(input), _) => answer::keys(
            input,
            state.session.current(),
            Enter::Submit,
            strings,
            |id| matches!(id, Id::Scroll | Id::Leave | Id::Help),
        ),
    }
}

impl super::ScreenState for QuizState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        if let Action::Tick(passed) = action {
            self.elapsed += passed;
            self.question_elapsed += passed;
            if self.session.is_out_of_time(self.elapsed) {
                // The verdict on screen is final; the questions not reached
                // are not answers, so nothing is saved for them.
                save_feedback(self, effects);
                return Nav::Replace(Screen::QuizResults(
                    QuizResultsState::new(self.session.clone())
                        .with_time_up()
                        .with_review(self.review.is_some()),
                ));
            }
            return Nav::Stay;
        }
        self.incomplete = false;
        if self.confirm_leave {
            match action {
                Action::Yes => {
                    save_feedback(self, effects);
                    return Nav::Back;
                }
                Action::No => self.confirm_leave = false,
                _ => {}
            }
            return Nav::Stay;
        }
        if action == Action::Back {
            // Nothing answered yet: nothing to lose, so no question to ask.
            if self.session.records().iter().all(Option::is_none) {
                return Nav::Back;
            }
            self.confirm_leave = true;
            return Nav::Stay;
        }
        let action = match action {
            Action::Click { column, row } => match click(self, context, column, row) {
                Some(action) => action,
                None => return Nav::Stay,
            },
            action => action,
        };
        if scroll(self, action, context) {
            return Nav::Stay;
        }
        if matches!(self.phase, Phase::Answering(_)) {
            return answering(self, action, context, effects);
        }
        // Moving on brings the verdict back.
        self.scroll = None;
        match &mut self.phase {
            Phase::Feedback {
                question, grade, ..
            } => match action {
                Action::Open => {
                    save_feedback(self, effects);
                    next_question(self)
                }
                Action::OpenEntry => {
                    let target = self
                        .session
                        .questions()
                        .get(*question)
                        .and_then(|q| q.targets.first().copied());
                    match target {
                        Some(target) => Nav::Push(Screen::Detail(match target.point {
                            Some(point) => {
                                detail::DetailState::at_point(target.entry, point, context)
                            }
                            None => detail::DetailState::new(target.entry),
                        })),
                        None => Nav::Stay,
                    }
                }
                Action::Override if can_override(&self.session, *question) => {
                    if self.session.override_answer(*question) {
                        grade.outcome = Outcome::Overridden;
                    }
                    Nav::Stay
                }
                _ => Nav::Stay,
            },
            Phase::Answering(_) => Nav::Stay,
        }
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context.strings)
    }

    fn mode(&self) -> crate::action::Mode {
        QuizState::mode(self)
    }

    fn on_quit(&mut self, _context: &Context, effects: &mut Vec<Effect>) {
        save_feedback(self, effects);
    }

    fn wants_ticks(&self) -> bool {
        true
    }

    fn opens_search(&self) -> bool {
        false
    }
}
