//! Class quiz: questions shown to a room, one at a time, with a countdown.
//! Nobody answers on the machine; the lecturer reveals the answer with its
//! explanation and source, then moves on. When the time runs out the answer
//! is revealed by itself. The seed is shown at the end so the same set can
//! be asked again.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::present::{Origin, render_bottom_row, render_title, row, stage};
use super::quiz::clock;
use crate::action::{Action, Mode};
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::screens::Nav;
use crate::wrap::truncate;
use kisi_core::i18n::Strings;
use kisi_core::quiz::Question;

mod end;
mod layout;

use end::render_end;
use layout::{fit, pages, render_page};

/// Seconds per question when the lecturer sets none.
pub const DEFAULT_SECONDS: u64 = 30;
/// How many questions the Home menu's class quiz asks.
pub const MENU_COUNT: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassQuizState {
    questions: Vec<Question>,
    /// The question on screen; `questions.len()` once the quiz is over.
    index: usize,
    answer: AnswerShown,
    /// Time per question; zero means no countdown.
    per_question: Duration,
    left: Duration,
    seed: u64,
    /// The topics asked for (none: all), to ask the same set again.
    topics: Vec<String>,
    /// The first line shown of a question too long for the screen, which
    /// is then read page by page.
    page: usize,
    footer: bool,
    origin: Origin,
}

/// Whether, and how, the answer of the question on screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AnswerShown {
    No,
    /// The lecturer revealed it; the clock stays where it stopped.
    Revealed,
    /// The countdown ran out and revealed it.
    TimeUp,
    /// The lecturer went back to this question: its answer is shown and no
    /// clock runs or shows until r times it again.
    GoneBack,
}

impl ClassQuizState {
    /// A class quiz of `questions` (generated with `seed`), `seconds` each
    /// (0 for no countdown).
    pub fn new(questions: Vec<Question>, seed: u64, seconds: u64, origin: Origin) -> Self {
        let per_question = Duration::from_secs(seconds);
        Self {
            questions,
            index: 0,
            answer: AnswerShown::No,
            per_question,
            left: per_question,
            seed,
            topics: Vec::new(),
            page: 0,
            footer: true,
            origin,
        }
    }

    /// The topics the questions were drawn from, by id (none: all).
    #[must_use]
    pub fn with_topics(mut self, topics: Vec<String>) -> Self {
        self.topics = topics;
        self
    }

    /// The index of the question on screen (the question count at the end).
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn question_count(&self) -> usize {
        self.questions.len()
    }

    pub fn revealed(&self) -> bool {
        self.answer != AnswerShown::No
    }

    pub fn time_left(&self) -> Duration {
        self.left
    }

    pub fn finished(&self) -> bool {
        self.index >= self.questions.len()
    }

    /// Whether the countdown runs now, so the event loop sends ticks.
    pub fn counting(&self) -> bool {
        !self.revealed() && !self.finished() && !self.per_question.is_zero()
    }

    pub fn footer_visible(&self) -> bool {
        self.footer
    }

    /// Whether this question was gone back to: answer shown, no clock.
    pub fn returned(&self) -> bool {
        self.answer == AnswerShown::GoneBack
    }

    /// Shows question `index`, fresh with its full time, or (going back to
    /// it) with its answer revealed and no clock.
    fn show(&mut self, index: usize, revealed: bool) {
        self.index = index;
        self.answer = if revealed {
            AnswerShown::GoneBack
        } else {
            AnswerShown::No
        };
        self.left = self.per_question;
        self.page = 0;
    }
}

fn render_status(
    left: &str,
    right: &str,
    area: Rect,
    style: Style,
    right_style: Style,
    buf: &mut Buffer,
) {
    let width = usize::from(area.width);
    let right = truncate(right, width);
    let right_width = unicode_width::UnicodeWidthStr::width(right.as_str());
    let left = truncate(left, width.saturating_sub(right_width + 1));
    Line::styled(left, style).render(row(area, area.y), buf);
    let x = area.x + u16::try_from(width - right_width).unwrap_or(0);
    Line::styled(right, right_style).render(
        Rect::new(
            x,
            area.y,
            u16::try_from(right_width).unwrap_or(0),
            area.height.min(1),
        ),
        buf,
    );
}

/// After the last question only the keys that still work are listed.
pub fn keys(state: &ClassQuizState, strings: &'static Strings) -> Vec<KeyHint> {
    let (finished, empty) = (state.finished(), state.questions.is_empty());
    let shown = state.revealed() && !finished;
    keymap::hints(Mode::ClassQuiz, strings, 0, |id| match id {
        Id::Next | Id::RevealNext => !finished,
        Id::RestartTimer => !finished && !shown,
        Id::AskAgain | Id::FooterRevealed => shown,
        Id::Footer => !shown,
        Id::PreviousQuestion | Id::PreviousMore => !empty,
        _ => true,
    })
}

impl super::ScreenState for ClassQuizState {
    /// Space, Enter, Right and Page Down reveal the answer, then go on to the next
    /// question; Left and Page Up go back to the previous one, answer shown; r
    /// hides the answer and starts the countdown again.
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        // A question longer than the screen is read page by page first.
        let paged = self
            .questions
            .get(self.index)
            .and_then(|question| pages(self, question, context, stage(context.body)));
        if let Some((lines, step)) = paged {
            let forward = matches!(
                action,
                Action::Open
                    | Action::Toggle
                    | Action::Right
                    | Action::PageDown
                    | Action::Down
                    | Action::Click { .. }
            );
            let back = matches!(action, Action::Left | Action::PageUp | Action::Up);
            if forward && self.page + step < lines.len() {
                self.page += step;
                return Nav::Stay;
            }
            if back && self.page > 0 {
                self.page = self.page.saturating_sub(step);
                return Nav::Stay;
            }
        }
        match action {
            Action::Tick(elapsed) if self.counting() => {
                self.left = self.left.saturating_sub(elapsed);
                if self.left.is_zero() {
                    self.answer = AnswerShown::TimeUp;
                }
            }
            // A click anywhere reveals, then moves on, like a presenter's clicker.
            Action::Open
            | Action::Toggle
            | Action::Right
            | Action::PageDown
            | Action::Down
            | Action::Click { .. } => {
                if self.finished() {
                    return Nav::Stay;
                }
                if self.revealed() {
                    self.show(self.index + 1, false);
                } else {
                    self.answer = AnswerShown::Revealed;
                    self.page = 0;
                }
            }
            Action::Left | Action::PageUp | Action::Up => {
                if let Some(previous) = self.index.checked_sub(1) {
                    self.show(previous, true);
                }
            }
            Action::Retry if !self.finished() => self.show(self.index, false),
            Action::ToggleFooter => self.footer = !self.footer,
            Action::Back => {
                return match self.origin {
                    Origin::Menu => Nav::Back,
                    Origin::CommandLine => Nav::Quit,
                };
            }
            _ => {}
        }
        Nav::Stay
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        let column = stage(area);
        let Some(question) = self.questions.get(self.index) else {
            render_end(self, context, column, buf);
            return;
        };
        let theme = context.theme;
        let strings = context.strings;

        let position = format!(
            "{} {}/{}",
            strings.class_quiz_question,
            self.index + 1,
            self.questions.len()
        );
        let clock = if self.per_question.is_zero() || self.returned() {
            String::new()
        } else if self.answer == AnswerShown::TimeUp {
            format!("{} {}", strings.class_quiz_time_up, clock(self.left))
        } else {
            clock(self.left)
        };
        let clock_style = if self.counting() && self.left <= Duration::from_secs(5) {
            theme.marked
        } else {
            theme.dim
        };
        render_status(&position, &clock, column, theme.dim, clock_style, buf);

        if self.revealed()
            && let Some(source) = &question.source
        {
            render_bottom_row(source, "", None, column, theme.dim, buf);
        }

        // Below the status row and a blank one, above a blank and the bottom row.
        let top = column.y + 2;
        if let Some((lines, step)) = pages(self, question, context, column) {
            render_page(self, &lines, step, context, Rect { y: top, ..column }, buf);
            return;
        }
        let Some(fitted) = fit(self, question, context, column) else {
            return;
        };
        let mut y = top;
        if let Some(title) = &fitted.title {
            let used = render_title(title, Rect { y, ..column }, theme.heading, buf);
            y += u16::try_from(used + 1).unwrap_or(u16::MAX);
        }
        for section in &fitted.sections {
            for (text, style) in &section.lines {
                Line::styled(text.clone(), *style).render(row(column, y), buf);
                y += 1;
            }
            if fitted.gaps {
                y += 1;
            }
        }
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context.strings)
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::ClassQuiz
    }

    fn wants_ticks(&self) -> bool {
        self.counting()
    }

    fn presentation_footer(&self) -> Option<bool> {
        Some(self.footer_visible())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clock_rounds_up() {
        assert_eq!(clock(Duration::from_secs(30)), "00:30");
        assert_eq!(clock(Duration::from_millis(200)), "00:01");
        assert_eq!(clock(Duration::ZERO), "00:00");
        assert_eq!(clock(Duration::from_secs(95)), "01:35");
    }
}
