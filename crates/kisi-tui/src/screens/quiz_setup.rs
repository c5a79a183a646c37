//! Quiz setup: which topics, how many questions, which kinds, and an
//! optional time limit. Enter starts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::{Row, click_list, move_cursor, render_rows};
use crate::action::Action;
use crate::cursor::Cursor;
use crate::draw::Draw;
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::Nav;
use crate::wrap::truncate;
use kisi_core::i18n::Strings;
use kisi_core::quiz::{QuestionKind, QuizOptions};

/// The lengths a quiz can have.
pub const COUNTS: [usize; 6] = [5, 10, 15, 20, 30, 50];
/// Time limits in minutes; 0 is none.
pub const LIMITS: [u64; 6] = [0, 5, 10, 15, 30, 60];

impl super::ScreenState for QuizSetupState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let fields = self.fields();
        let list = list_area(context.body);
        if move_cursor(&mut self.cursor, action, fields.len(), list.height.into()) {
            return Nav::Stay;
        }
        // A click selects a row; a click on the selected row does what its
        // keys do: ticks a box, steps a value round, or starts.
        let clicked = matches!(action, Action::Click { .. });
        let Some(action) = click_list(&mut self.cursor, action, list, fields.len()) else {
            return Nav::Stay;
        };
        let field = fields.get(self.cursor.selected).copied();
        match (clicked, field) {
            (true, Some(Field::Count)) => self.count = cycle(&COUNTS, self.count),
            (true, Some(Field::Limit)) => self.limit = cycle(&LIMITS, self.limit),
            _ => {}
        }
        let action = match (clicked, field) {
            (true, Some(Field::Topic(_) | Field::Kind(_))) => Action::Toggle,
            (true, Some(Field::Count | Field::Limit)) => return Nav::Stay,
            _ => action,
        };
        match (action, field) {
            (Action::Left | Action::Right, Some(Field::Count)) => {
                self.count = step(&COUNTS, self.count, action == Action::Right);
            }
            (Action::Left | Action::Right, Some(Field::Limit)) => {
                self.limit = step(&LIMITS, self.limit, action == Action::Right);
            }
            (Action::Toggle, Some(Field::Topic(i))) => {
                if let Some(on) = self.topics.get_mut(i) {
                    *on = !*on;
                }
            }
            (Action::Toggle, Some(Field::Kind(i))) => {
                if let Some(on) = self.kinds.get_mut(i) {
                    *on = !*on;
                }
            }
            (Action::Open, _) => {
                // Empty lists mean "all" to the generator, so check the ticks here.
                let chosen = self.topics.contains(&true) && self.kinds.contains(&true);
                self.nothing_selected = !chosen;
                if chosen {
                    return Nav::Draw(Draw::Quiz {
                        options: self.options(context),
                        asked_for: self.count,
                    });
                }
            }
            (Action::Back, _) => return Nav::Back,
            _ => {}
        }
        Nav::Stay
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
        let strings = context.strings;
        let theme = context.theme;
        let column = reading_column(body);
        let width = usize::from(column.width);
        Line::styled(truncate(strings.quiz_setup_title, width), theme.heading)
            .render(Rect::new(column.x, column.y, column.width, 1), buf);
        let sections = [
            strings.quiz_count,
            strings.quiz_time_limit,
            strings.topics,
            strings.quiz_kinds,
        ];
        let label_width = sections.iter().map(|s| s.width()).max().unwrap_or(0) + 2;
        let label = |text: &str| format!("{text:<label_width$}");
        let blank = " ".repeat(label_width);
        let check = |on: bool| if on { "[x]" } else { "[ ]" };
        let limit = match self.limit {
            0 => strings.quiz_no_limit.to_string(),
            minutes => format!("{minutes} {}", strings.quiz_minutes),
        };
        let rows: Vec<Row> = self
            .fields()
            .into_iter()
            .map(|field| {
                let text = match field {
                    Field::Count => format!("{}◂ {} ▸", label(strings.quiz_count), self.count),
                    Field::Limit => format!("{}◂ {limit} ▸", label(strings.quiz_time_limit)),
                    Field::Topic(i) => format!(
                        "{}{} {}",
                        if i == 0 {
                            label(strings.topics)
                        } else {
                            blank.clone()
                        },
                        check(self.topics[i]),
                        context.pack.topics.get(i).map_or("", |t| t.title.as_str())
                    ),
                    Field::Kind(i) => format!(
                        "{}{} {}",
                        if i == 0 {
                            label(strings.quiz_kinds)
                        } else {
                            blank.clone()
                        },
                        check(self.kinds[i]),
                        kind_name(QuestionKind::ALL[i], strings)
                    ),
                    Field::Start => format!("{blank}▶ {}", strings.quiz_start),
                };
                Row {
                    text,
                    detail: String::new(),
                }
            })
            .collect();
        render_rows(&rows, self.cursor, theme, list_area(body), buf);
        if self.nothing_selected && column.height > 1 {
            Line::styled(truncate(strings.quiz_nothing_selected, width), theme.error)
                .render(Rect::new(column.x, column.y + 1, column.width, 1), buf);
        }
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::Setup
    }

    fn nothing_drawn(&mut self, _draw: &crate::draw::Draw, _strings: &'static Strings) {
        self.nothing_selected = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_step_from_anywhere() {
        assert_eq!(step(&COUNTS, 10, true), 15);
        assert_eq!(step(&COUNTS, 10, false), 5);
        assert_eq!(step(&COUNTS, 3, true), 5);
        assert_eq!(step(&COUNTS, 3, false), 3);
        assert_eq!(step(&COUNTS, 50, true), 50);
        assert_eq!(step(&LIMITS, 0, false), 0);
        assert_eq!(cycle(&COUNTS, 10), 15);
        assert_eq!(cycle(&COUNTS, 50), 5);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSetupState {
    pub cursor: Cursor,
    /// How many questions; ←→ step through `COUNTS`.
    pub count: usize,
    /// The time limit in minutes, 0 for none; ←→ step through `LIMITS`.
    pub limit: u64,
    /// Whether each topic of the pack is in the quiz.
    pub topics: Vec<bool>,
    /// Whether each kind of `QuestionKind::ALL` is in the quiz.
    pub kinds: [bool; QuestionKind::ALL.len()],
    /// Set when Enter was pressed with nothing to ask about.
    pub nothing_selected: bool,
}

/// One selectable row of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Count,
    Limit,
    Topic(usize),
    Kind(usize),
    Start,
}

impl QuizSetupState {
    /// All topics and kinds, ten questions, no time limit.
    pub fn new(topic_count: usize) -> Self {
        Self {
            cursor: Cursor::default(),
            count: 10,
            limit: 0,
            topics: vec![true; topic_count],
            kinds: [true; QuestionKind::ALL.len()],
            nothing_selected: false,
        }
    }

    fn fields(&self) -> Vec<Field> {
        let mut fields = vec![Field::Count, Field::Limit];
        fields.extend((0..self.topics.len()).map(Field::Topic));
        fields.extend((0..self.kinds.len()).map(Field::Kind));
        fields.push(Field::Start);
        fields
    }

    /// The quiz these settings ask for; its seed is the session's next,
    /// given when the questions are drawn.
    pub fn options(&self, context: &Context) -> QuizOptions {
        let all_topics = self.topics.iter().all(|on| *on);
        QuizOptions {
            topics: if all_topics {
                Vec::new()
            } else {
                context
                    .pack
                    .topics
                    .iter()
                    .zip(&self.topics)
                    .filter(|(_, on)| **on)
                    .map(|(topic, _)| topic.id.clone())
                    .collect()
            },
            count: self.count,
            kinds: QuestionKind::ALL
                .iter()
                .zip(self.kinds)
                .filter(|(_, on)| *on)
                .map(|(kind, _)| *kind)
                .collect(),
            seed: 0,
            lang: context.lang,
            time_limit: kisi_core::quiz::minutes_limit(self.limit),
        }
    }
}

/// Where the rows of the form are drawn, below the title and the message line.
fn list_area(body: Rect) -> Rect {
    let column = reading_column(body);
    Rect::new(
        column.x,
        column.y + 2.min(column.height),
        column.width,
        column.height.saturating_sub(2),
    )
}

/// The next value of `values` above (or below) `current`, which need not be
/// one of them (a count given on the command line); stays put at the ends.
fn step<T: Copy + Ord>(values: &[T], current: T, up: bool) -> T {
    let next = if up {
        values.iter().find(|&&v| v > current)
    } else {
        values.iter().rev().find(|&&v| v < current)
    };
    next.copied().unwrap_or(current)
}

/// The next value of `values` after `current`, back to the first after the
/// last: what a click on a value does.
fn cycle<T: Copy + Ord>(values: &[T], current: T) -> T {
    let next = step(values, current, true);
    if next == current {
        values.first().copied().unwrap_or(current)
    } else {
        next
    }
}

pub fn kind_name(kind: QuestionKind, strings: &Strings) -> &'static str {
    match kind {
        QuestionKind::Choice => strings.kind_choice,
        QuestionKind::TrueFalse => strings.kind_true_false,
        QuestionKind::Typed => strings.kind_typed,
        QuestionKind::Ordering => strings.kind_ordering,
        QuestionKind::Matching => strings.kind_matching,
        QuestionKind::ListAll => strings.kind_list_all,
        QuestionKind::Flashcard => strings.kind_flashcard,
    }
}
