//! The answer input: one component for every way of answering a question
//! (choose, true/false, order, match, type, name them all, flashcard). The
//! quiz (and review, which is a quiz of due items) and the mock exam, and
//! later a live class-quiz client, keep an `Input` per question, hand it
//! actions with `update`, draw it with `lines`, turn clicks into actions
//! with `click` and hint its keys with `keys`; `verdict_lines` draws the
//! verdict on an answer.

mod render;
mod scroll;
#[cfg(test)]
mod tests;
mod verdict;

pub use render::lines;
pub use scroll::keep_in_view;
pub use verdict::verdict_lines;

use crate::action::{Action, Mode};
use crate::keymap::{self, Id};
use crate::screens::KeyHint;
use kisi_core::i18n::Strings;
use kisi_core::quiz::{Answer, Body, Question, QuestionKind};
use kisi_core::text::{fold, is_unsafe};

/// The answer being put together, in the shape the question asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Choice and true/false: the highlighted option.
    Pick {
        /// None until the student picks one, so a second Enter after the
        /// verdict cannot answer the next question by accident.
        selected: Option<usize>,
    },
    /// Select all that apply: the highlighted option and which are ticked.
    Tick {
        cursor: Option<usize>,
        ticked: Vec<bool>,
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
            Body::SelectAll { options, .. } => Input::Tick {
                cursor: None,
                ticked: vec![false; options.len()],
            },
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

    /// The keymap this input takes for `question`.
    pub fn mode(&self, question: Option<&Question>) -> Mode {
        match self {
            Input::Pick { .. } => match question.map(Question::kind) {
                Some(QuestionKind::TrueFalse) => Mode::TrueFalse,
                _ => Mode::Pick,
            },
            Input::Tick { .. } => Mode::Select,
            Input::Text { .. } | Input::List { .. } => Mode::TextInput,
            Input::Arrange { .. } | Input::Match { .. } => Mode::Arrange,
            Input::Flash { .. } => Mode::Flashcard,
        }
    }
}

/// Whether Enter cannot submit this answer yet: no option picked, or items
/// still unpaired. The quiz and the mock exam then say so until the next key.
pub fn is_incomplete(input: &Input) -> bool {
    match input {
        Input::Match { choices, .. } => choices.contains(&None),
        Input::Pick { selected } => selected.is_none(),
        Input::Tick { ticked, .. } => !ticked.contains(&true),
        _ => false,
    }
}

/// The answer the input holds now, as Enter would save it; `None` while
/// it is incomplete or empty (no option picked, nothing typed, items
/// unpaired, a card not graded). An order is always complete: whether the
/// student touched it is for the screen to know.
pub fn current(input: &Input, question: &Question) -> Option<Answer> {
    match (input, &question.body) {
        (Input::Pick { selected }, Body::Choice { .. }) => selected.map(Answer::Choice),
        (Input::Pick { selected }, Body::TrueFalse { .. }) => {
            selected.map(|choice| Answer::TrueFalse(choice == 0))
        }
        (Input::Text { text }, _) => {
            let text = text.trim();
            (!text.is_empty()).then(|| Answer::Typed(text.to_owned()))
        }
        (Input::List { items, text }, _) => {
            let mut items = items.clone();
            let text = text.trim();
            if !text.is_empty() && !items.iter().any(|named| list_key(named) == list_key(text)) {
                items.push(text.to_owned());
            }
            (!items.is_empty()).then_some(Answer::ListAll(items))
        }
        (Input::Arrange { order, .. }, _) => Some(Answer::Ordering(order.clone())),
        (Input::Match { choices, .. }, _) => choices
            .iter()
            .copied()
            .collect::<Option<Vec<usize>>>()
            .map(Answer::Matching),
        _ => None,
    }
}

/// What to say when Enter finds the answer incomplete.
pub fn reminder(input: &Input, strings: &Strings) -> &'static str {
    if matches!(input, Input::Pick { .. }) {
        strings.quiz_pick_first
    } else if matches!(input, Input::Tick { .. }) {
        strings.quiz_tick_first
    } else {
        strings.quiz_match_every_item
    }
}

/// Applies an action to the answer being put together; returns the answer
/// when the student submits it.
pub fn update(input: &mut Input, question: &Question, action: Action) -> Option<Answer> {
    match (input, &question.body) {
        (Input::Pick { selected }, Body::Choice { options, .. }) => {
            pick(selected, options.len(), action).map(Answer::Choice)
        }
        (Input::Pick { selected }, Body::TrueFalse { .. }) => {
            pick(selected, 2, action).map(|choice| Answer::TrueFalse(choice == 0))
        }
        (Input::Tick { cursor, ticked }, _) => tick(cursor, ticked, action),
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

/// Moves among the options and ticks them; returns the ticked ones on
/// Enter, when there are any.
fn tick(cursor: &mut Option<usize>, ticked: &mut [bool], action: Action) -> Option<Answer> {
    let last = ticked.len().checked_sub(1)?;
    match (action, *cursor) {
        (Action::Up | Action::Down, None) => *cursor = Some(0),
        (Action::Up, Some(at)) => *cursor = Some(at.saturating_sub(1)),
        (Action::Down, Some(at)) => *cursor = Some((at + 1).min(last)),
        // Space before any move ticks the first option, where it lands.
        (Action::Toggle, at) => {
            let at = at.unwrap_or(0).min(last);
            ticked[at] = !ticked[at];
            *cursor = Some(at);
        }
        (Action::Choose(n), _) if n <= last => {
            ticked[n] = !ticked[n];
            *cursor = Some(n);
        }
        (Action::Open, _) if ticked.contains(&true) => {
            let indices = (0..ticked.len()).filter(|&i| ticked[i]).collect();
            return Some(Answer::SelectAll(indices));
        }
        _ => {}
    }
    None
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

/// Edits a text field; returns whether the action was an edit. The one
/// editor of a line of text: answers, and the fields of Home's join form.
pub fn edit(text: &mut String, action: Action) -> bool {
    match action {
        Action::Input(c) if !is_unsafe(c) => text.push(c),
        Action::DeleteChar => {
            text.pop();
        }
        Action::ClearInput => text.clear(),
        _ => return false,
    }
    true
}

/// Something on the question screen that a click can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// An option, an item to order, or a left item to match.
    Item(usize),
    /// A right item to match (the lettered ones).
    Right(usize),
}

/// What a click on `hit` does to the answer being put together: choose an
/// option (Enter on the chosen one), pick up and put down an item, pair.
pub fn click(input: &mut Input, hit: Hit) -> Option<Action> {
    match (input, hit) {
        (Input::Pick { selected }, Hit::Item(i)) => Some(if Some(i) == *selected {
            Action::Open
        } else {
            Action::Choose(i)
        }),
        // A click ticks or unticks; Enter submits.
        (Input::Tick { .. }, Hit::Item(i)) => Some(Action::Choose(i)),
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

/// What Enter does when the answer is complete: submit it (quiz) or save
/// it and go on (mock exam).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enter {
    Submit,
    Save,
}

/// How many options (choice) or matches (matching) a question offers.
pub fn choice_count(question: Option<&Question>) -> usize {
    match question.map(|q| &q.body) {
        Some(Body::Choice { options, .. } | Body::SelectAll { options, .. }) => options.len(),
        Some(Body::Matching { right, .. }) => right.len(),
        _ => 0,
    }
}

/// Whether the row `id` of the input's mode applies to `input` now; the
/// screen adds its own rows (scrolling, leaving, help).
pub fn applies(input: &Input, enter: Enter, id: Id) -> bool {
    let enter_row = match enter {
        Enter::Submit => Id::Submit,
        Enter::Save => Id::Save,
    };
    match input {
        Input::Pick { .. } => {
            matches!(id, Id::Choose | Id::ChooseLetters | Id::Move) || id == enter_row
        }
        Input::Tick { .. } => {
            matches!(id, Id::Toggle | Id::Choose | Id::ChooseLetters | Id::Move) || id == enter_row
        }
        Input::Text { .. } => matches!(id, Id::Delete | Id::Clear | Id::Type) || id == enter_row,
        // Enter adds the line's item, or submits the list on an empty line.
        Input::List { items, text } => {
            let submits = text.trim().is_empty() && !items.is_empty();
            matches!(id, Id::TakeBack | Id::Clear | Id::Type)
                || (id == Id::Add && !submits)
                || (id == enter_row && submits)
        }
        Input::Arrange { .. } => matches!(id, Id::Move | Id::Grab) || id == enter_row,
        Input::Match { .. } => matches!(id, Id::Move | Id::Match) || id == enter_row,
        Input::Flash { .. } => matches!(id, Id::Flip | Id::Knew),
    }
}

/// The keys of `input` for `question`, with the screen's own rows that
/// `screen` keeps, in the order of the mode's table.
pub fn keys(
    input: &Input,
    question: Option<&Question>,
    enter: Enter,
    strings: &'static Strings,
    screen: impl Fn(Id) -> bool,
) -> Vec<KeyHint> {
    keymap::hints(
        input.mode(question),
        strings,
        choice_count(question),
        |id| applies(input, enter, id) || screen(id),
    )
}
