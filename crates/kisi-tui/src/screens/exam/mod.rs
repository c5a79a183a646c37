//! A mock exam (Ujian): questions built to the pack's blueprint, a visible
//! countdown, no feedback until the end. The student moves back and forth
//! between questions (Tab, or Ctrl-G and a number) and changes answers;
//! handing in, time running out or kisi being closed (Ctrl-C, a signal, a
//! closed terminal) marks the exam, saves it to the history and shows the
//! results. What is marked is what is on screen: an answer picked or typed
//! but not yet saved with Enter counts, and the screen says it is not saved.

mod page;
mod render;
mod resume;

pub use resume::Offer;

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::quiz_results::QuizResultsState;
use crate::action::{Action, Mode};
use crate::answer::{self, Input};
use crate::effect::Effect;
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::screens::{Nav, Screen};
use kisi_core::i18n::Lang;
use kisi_core::progress::journal::{CLOCK_EVERY, ExamAnswer, StoredAnswer};
use kisi_core::progress::{
    EventKind, ExamBlueprint, ExamResult, ExamStart, mark_exam, new_exam_id,
};
use kisi_core::quiz::{Answer, Question, Session};
use page::{click, keep_in_view, scroll};

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
    /// What the exam writes to the log as it goes, so that it can be
    /// resumed if kisi is killed; `None` for an exam built by hand.
    pub journal: Option<Journal>,
    /// A resumed exam first asks whether to go on or hand it in.
    pub offer: Option<Offer>,
}

/// The journal of an exam under way (`kisi_core::progress::journal`).
#[derive(Debug, Clone, PartialEq)]
pub struct Journal {
    pub id: String,
    /// The start line, until it is written.
    pub start: Option<ExamStart>,
    /// The time used when the last line was written.
    pub written_at: Duration,
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
            journal: None,
            offer: None,
        }
    }

    /// A new exam drawn from `seed`, which keeps a journal.
    pub fn drawn(
        questions: Vec<Question>,
        blueprint: ExamBlueprint,
        seed: u64,
        lang: Lang,
    ) -> Self {
        let id = new_exam_id();
        let start = ExamStart::new(id.clone(), seed, lang, &questions, &blueprint);
        Self {
            journal: Some(Journal {
                id,
                start: Some(start),
                written_at: Duration::ZERO,
            }),
            ..Self::new(questions, blueprint)
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
        if self.offer.is_some() {
            return Mode::List;
        }
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

/// Writes a saved answer to the journal, unless it is the one saved already.
fn write_answer(state: &mut ExamState, index: usize, answer: &Answer, effects: &mut Vec<Effect>) {
    let Some(journal) = state.journal.as_mut() else {
        return;
    };
    if state.answers[index].as_ref() == Some(answer) {
        return;
    }
    journal.written_at = state.elapsed;
    effects.push(Effect::ExamStep(EventKind::ExamAnswer(ExamAnswer {
        exam: journal.id.clone(),
        question: index,
        answer: StoredAnswer::from(answer),
        used_ms: millis(state.elapsed),
    })));
}

/// Writes the time used once [`CLOCK_EVERY`] has passed since the last
/// line, so that a resumed exam loses at most that much of its time.
fn write_clock(state: &mut ExamState, effects: &mut Vec<Effect>) {
    let Some(journal) = state.journal.as_mut() else {
        return;
    };
    if state.elapsed.saturating_sub(journal.written_at) >= CLOCK_EVERY {
        journal.written_at = state.elapsed;
        effects.push(Effect::ExamStep(EventKind::ExamTime {
            exam: journal.id.clone(),
            used_ms: millis(state.elapsed),
        }));
    }
}

fn millis(time: Duration) -> u64 {
    u64::try_from(time.as_millis()).unwrap_or(u64::MAX)
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

/// The exam marked as it stands, with the answers on screen; the result
/// closes its journal.
fn mark(state: &ExamState, context: &Context) -> (Session, ExamResult) {
    let elapsed = state.elapsed.min(state.blueprint.time_limit);
    let (session, mut result) = mark_exam(
        context.pack,
        state.questions.clone(),
        state.answers_on_screen(),
        &state.blueprint,
        elapsed,
        state.journal.as_ref().map_or("", |journal| &journal.id),
    );
    if state.journal.is_none() {
        result.exam = None;
    }
    (session, result)
}

impl super::ScreenState for ExamState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        if let Some(journal) = self.journal.as_mut()
            && let Some(start) = journal.start.take()
        {
            effects.push(Effect::ExamStep(EventKind::ExamStart(start)));
        }
        if self.offer.is_some() {
            return resume::update(self, action, context, effects);
        }
        if let Action::Tick(passed) = action {
            self.elapsed += passed;
            if self.elapsed >= self.blueprint.time_limit {
                return hand_in(self, context, effects, true);
            }
            write_clock(self, effects);
            return Nav::Stay;
        }
        if let Some(confirm) = self.confirm {
            match (action, confirm) {
                (Action::Yes, Confirm::Leave) => {
                    // Left without handing in: not to be offered again.
                    if let Some(journal) = &self.journal {
                        let exam = journal.id.clone();
                        effects.push(Effect::ExamStep(EventKind::ExamDropped { exam }));
                    }
                    return Nav::Back;
                }
                (Action::Yes, Confirm::HandIn) => return hand_in(self, context, effects, false),
                (Action::No, _) => self.confirm = None,
                _ => {}
            }
            return Nav::Stay;
        }
        self.incomplete = false;
        if self.go_to.is_some() {
            go_to(self, action);
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
        match action {
            // From the hand-in page, Tab goes back to what is left to do.
            Action::NextItem if self.on_hand_in_page() => self.show(self.first_unanswered()),
            Action::NextItem => self.show(self.current + 1),
            Action::PreviousItem => self.show(self.current.saturating_sub(1)),
            Action::GoTo => self.go_to = Some(GoTo::default()),
            Action::Back => self.confirm = Some(Confirm::Leave),
            Action::Open if self.on_hand_in_page() => self.confirm = Some(Confirm::HandIn),
            _ => {
                let index = self.current;
                if let (Some(input), Some(question)) =
                    (self.inputs.get_mut(index), self.questions.get(index))
                {
                    let before = input.clone();
                    let incomplete = answer::is_incomplete(input);
                    if let Some(answer) = answer::update(input, question, action) {
                        write_answer(self, index, &answer, effects);
                        self.answers[index] = Some(answer);
                        self.touched[index] = true;
                        self.show(index + 1);
                    } else {
                        self.touched[index] |= *input != before;
                        self.incomplete = incomplete && action == Action::Open;
                        keep_in_view(self, context);
                    }
                }
            }
        }
        Nav::Stay
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render::render(self, context, area, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        render::keys(self, context.strings)
    }

    fn mode(&self) -> crate::action::Mode {
        ExamState::mode(self)
    }

    fn wants_ticks(&self) -> bool {
        true
    }

    /// Closing kisi mid-exam (Ctrl-C, a signal, a closed terminal) hands
    /// it in as it stands, so the answers given are not lost; an exam with
    /// no answer at all is not worth a line in the history, and is not
    /// offered again. A resumed exam closed while its offer is on show
    /// stays as it was, to be offered next time.
    fn on_quit(&mut self, context: &Context, effects: &mut Vec<Effect>) {
        if self.offer.is_some() {
            return;
        }
        if self.answers_on_screen().iter().any(Option::is_some) {
            let (_, result) = mark(self, context);
            effects.push(Effect::RecordExam(result));
        } else if let Some(journal) = self.journal.as_ref().filter(|j| j.start.is_none()) {
            let exam = journal.id.clone();
            effects.push(Effect::ExamStep(EventKind::ExamDropped { exam }));
        }
    }

    fn opens_search(&self) -> bool {
        false
    }
}
