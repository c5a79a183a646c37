//! An exam left unfinished (kisi was killed, the machine switched off),
//! rebuilt from its journal: the same questions in the same order, the
//! answers saved, the time used. It opens on an offer: go on with the time
//! left, or hand it in as it stands. Esc goes back and keeps it for later.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{ExamState, Journal, hand_in};
use crate::action::{Action, Mode};
use crate::answer::Input;
use crate::cursor::Cursor;
use crate::effect::Effect;
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::layout::reading_column;
use crate::screens::Nav;
use crate::screens::quiz::clock;
use crate::screens::{Row, click_list, move_cursor, render_rows};
use crate::wrap::wrap;
use kisi_core::i18n::{Strings, resume_words};
use kisi_core::progress::{ExamBlueprint, OpenExam, Timestamp};
use kisi_core::quiz::wording::fill;
use kisi_core::quiz::{Answer, Body, Question};

/// The offer's two choices: resume, or hand in as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Offer {
    pub cursor: Cursor,
}

const RESUME: usize = 0;
const HAND_IN: usize = 1;

impl ExamState {
    /// The exam `open` resumed with its `questions`, rebuilt from its seed,
    /// as of `now`: its answers restored as if just saved, the time used
    /// before kisi stopped, on the first question not answered.
    pub fn resumed(
        open: &OpenExam,
        questions: Vec<Question>,
        blueprint: ExamBlueprint,
        now: Timestamp,
    ) -> Self {
        let used = open.time_used(now).min(blueprint.time_limit);
        let mut state = Self::new(questions, blueprint);
        for (index, answer) in open.answers().into_iter().enumerate() {
            let Some((answer, question)) = answer.zip(state.questions.get(index)) else {
                continue;
            };
            if let Some(input) = restore(question, &answer) {
                state.inputs[index] = input;
                state.answers[index] = Some(answer);
            }
        }
        state.elapsed = used;
        state.journal = Some(Journal {
            id: open.id.clone(),
            start: None,
            written_at: used,
        });
        state.current = state
            .answers
            .iter()
            .position(Option::is_none)
            .unwrap_or(state.questions.len());
        state.offer = Some(Offer::default());
        state
    }
}

/// The input that shows `answer` to `question`, as it was when saved;
/// `None` when the answer does not fit the question.
fn restore(question: &Question, answer: &Answer) -> Option<Input> {
    let fits = |index: usize, len: usize| index < len;
    Some(match (&question.body, answer) {
        (Body::Choice { options, .. }, Answer::Choice(i)) if fits(*i, options.len()) => {
            Input::Pick { selected: Some(*i) }
        }
        (Body::TrueFalse { .. }, Answer::TrueFalse(true)) => Input::Pick { selected: Some(0) },
        (Body::TrueFalse { .. }, Answer::TrueFalse(false)) => Input::Pick { selected: Some(1) },
        (Body::SelectAll { options, .. }, Answer::SelectAll(chosen))
            if chosen.iter().all(|&i| fits(i, options.len())) =>
        {
            Input::Tick {
                cursor: None,
                ticked: (0..options.len()).map(|i| chosen.contains(&i)).collect(),
            }
        }
        (Body::Typed { .. }, Answer::Typed(text)) => Input::Text { text: text.clone() },
        (Body::ListAll { .. }, Answer::ListAll(items)) => Input::List {
            items: items.clone(),
            text: String::new(),
        },
        (Body::Ordering { items, .. }, Answer::Ordering(order))
            if order.len() == items.len() && (0..items.len()).all(|i| order.contains(&i)) =>
        {
            Input::Arrange {
                order: order.clone(),
                cursor: 0,
                grabbed: false,
            }
        }
        (Body::Matching { left, right, .. }, Answer::Matching(choices))
            if choices.len() == left.len() && choices.iter().all(|&i| fits(i, right.len())) =>
        {
            Input::Match {
                choices: choices.iter().copied().map(Some).collect(),
                cursor: 0,
            }
        }
        _ => return None,
    })
}

/// The offer's keys; the exam's clock stands still meanwhile.
pub(super) fn update(
    state: &mut ExamState,
    action: Action,
    context: &Context,
    effects: &mut Vec<Effect>,
) -> Nav {
    let menu = layout(state, context).1;
    let Some(offer) = state.offer.as_mut() else {
        return Nav::Stay;
    };
    if move_cursor(&mut offer.cursor, action, 2, menu.height.into()) {
        return Nav::Stay;
    }
    match click_list(&mut offer.cursor, action, menu, 2) {
        Some(Action::Open) if offer.cursor.selected == RESUME => state.offer = None,
        Some(Action::Open) if offer.cursor.selected == HAND_IN => {
            return hand_in(state, context, effects, false);
        }
        Some(Action::Back) => return Nav::Back,
        _ => {}
    }
    Nav::Stay
}

/// The text above the choices, and where the choices go.
fn layout(state: &ExamState, context: &Context) -> (Vec<Line<'static>>, Rect) {
    let (words, theme) = (resume_words(context.lang), context.theme);
    let column = reading_column(context.body);
    let width = usize::from(column.width);
    let left = state.blueprint.time_limit.saturating_sub(state.elapsed);
    let answered = state.answers.iter().filter(|a| a.is_some()).count();
    let mut lines: Vec<Line> = wrap(words.offer_title, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.heading))
        .collect();
    let figures = fill(
        words.offer_figures,
        &[
            ("answered", &answered.to_string()),
            ("total", &state.questions.len().to_string()),
            ("left", &clock(left)),
        ],
    );
    lines.extend(
        wrap(&figures, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.label)),
    );
    lines.push(Line::raw(""));
    let top = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let y = column.y + top.min(column.height);
    let menu = Rect::new(
        column.x,
        y,
        column.width,
        2.min(column.bottom().saturating_sub(y)),
    );
    (lines, menu)
}

pub(super) fn render(state: &ExamState, context: &Context, buf: &mut Buffer) {
    let (lines, menu) = layout(state, context);
    let column = reading_column(context.body);
    let words = resume_words(context.lang);
    for (row, line) in lines.into_iter().enumerate() {
        let y = column.y + u16::try_from(row).unwrap_or(u16::MAX);
        if y >= menu.y {
            break;
        }
        line.render(Rect::new(column.x, y, column.width, 1), buf);
    }
    let rows = [words.resume, words.hand_in].map(|text| Row {
        text: text.to_owned(),
        detail: String::new(),
    });
    let cursor = state.offer.map(|o| o.cursor).unwrap_or_default();
    render_rows(&rows, cursor, context.theme, menu, buf);
    // What Esc does: it keeps the exam, which the student may not expect.
    let below = menu.bottom() + 1;
    let width = usize::from(column.width);
    for (row, text) in wrap(words.later, width).into_iter().enumerate() {
        let y = below + u16::try_from(row).unwrap_or(u16::MAX);
        if y >= column.bottom() {
            break;
        }
        Line::styled(text, context.theme.dim).render(Rect::new(column.x, y, column.width, 1), buf);
    }
}

pub(super) fn keys(strings: &'static Strings) -> Vec<KeyHint> {
    keymap::hints(Mode::List, strings, 0, |id| {
        matches!(id, Id::Move | Id::Open | Id::Back | Id::Help)
    })
}
