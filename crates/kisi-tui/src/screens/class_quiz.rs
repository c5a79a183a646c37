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

use super::KeyHint;
use super::present::{
    Origin, Title, big_lines, clip, hanging, render_bottom_row, render_title, row, stage,
};
use super::quiz::clock;
use crate::action::{Action, Mode};
use crate::app::{Context, Nav};
use crate::keymap::{self, Id};
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::Strings;
use kisi_core::quiz::wording::{self, true_false_word};
use kisi_core::quiz::{Body, Question};

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
            footer: true,
            origin,
        }
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
    }
}

/// Space, Enter, Right and Page Down reveal the answer, then go on to the next
/// question; Left and Page Up go back to the previous one, answer shown; r
/// hides the answer and starts the countdown again.
pub fn update(state: &mut ClassQuizState, action: Action, _context: &Context) -> Nav {
    match action {
        Action::Tick(elapsed) if state.counting() => {
            state.left = state.left.saturating_sub(elapsed);
            if state.left.is_zero() {
                state.answer = AnswerShown::TimeUp;
            }
        }
        // A click anywhere reveals, then moves on, like a presenter's clicker.
        Action::Open
        | Action::Toggle
        | Action::Right
        | Action::PageDown
        | Action::Down
        | Action::Click { .. } => {
            if state.finished() {
                return Nav::Stay;
            }
            if state.revealed() {
                state.show(state.index + 1, false);
            } else {
                state.answer = AnswerShown::Revealed;
            }
        }
        Action::Left | Action::PageUp | Action::Up => {
            if let Some(previous) = state.index.checked_sub(1) {
                state.show(previous, true);
            }
        }
        Action::Retry if !state.finished() => state.show(state.index, false),
        Action::ToggleFooter => state.footer = !state.footer,
        Action::Back => {
            return match state.origin {
                Origin::Menu => Nav::Back,
                Origin::CommandLine => Nav::Quit,
            };
        }
        _ => {}
    }
    Nav::Stay
}

pub fn render(state: &ClassQuizState, context: &Context, area: Rect, buf: &mut Buffer) {
    let column = stage(area);
    let Some(question) = state.questions.get(state.index) else {
        render_end(state, context, column, buf);
        return;
    };
    let theme = context.theme;
    let strings = context.strings;
    let width = usize::from(column.width);

    let position = format!(
        "{} {}/{}",
        strings.class_quiz_question,
        state.index + 1,
        state.questions.len()
    );
    let clock = if state.per_question.is_zero() || state.returned() {
        String::new()
    } else if state.answer == AnswerShown::TimeUp {
        format!("{} {}", strings.class_quiz_time_up, clock(state.left))
    } else {
        clock(state.left)
    };
    let clock_style = if state.counting() && state.left <= Duration::from_secs(5) {
        theme.marked
    } else {
        theme.dim
    };
    render_status(&position, &clock, column, theme.dim, clock_style, buf);

    if state.revealed()
        && let Some(source) = &question.source
    {
        render_bottom_row(source, "", None, column, theme.dim, buf);
    }

    // Below the status row and a blank one, above a blank and the bottom row.
    let top = column.y + 2;
    let room = usize::from(column.height.saturating_sub(4));
    let prompt = wording::prompt(&question.prompt, context.lang);
    let mut y = top;
    let mut rest = room;
    let mut sections: Vec<Section> = Vec::new();
    if let Some((lines, size)) = big_lines(&prompt, width, room / 3) {
        let used = render_title(
            &Title::Big { lines, size },
            Rect { y, ..column },
            theme.heading,
            buf,
        );
        y += u16::try_from(used + 1).unwrap_or(u16::MAX);
        rest = rest.saturating_sub(used + 1);
    } else {
        sections.push(Section::new(wrap(&prompt, width), theme.heading.bold()));
    }
    let choices = items(question, state.revealed(), context, width, Layout::Full);
    if state.revealed() {
        let answer = format!(
            "{}: {}",
            strings.class_quiz_answer,
            answer(question, context)
        );
        sections.push(Section::new(hanging("", &answer, width), theme.selected));
    }
    sections.push(choices);
    if state.revealed() {
        sections.push(Section::new(wrap(&question.explanation, width), theme.text));
    }
    sections.retain(|s| !s.lines.is_empty());

    let mut heights = allocate(&sections, rest);
    // Options or items cut short would leave some unseen: one row each, or
    // a matching question's two lists side by side, shows them all.
    if let Some(at) = sections.iter().position(|s| s.items)
        && heights[at] < sections[at].lines.len()
    {
        for layout in [Layout::OneRow, Layout::Columns] {
            let compact = items(question, state.revealed(), context, width, layout);
            if compact.lines.len() <= heights[at] || layout == Layout::Columns {
                sections[at] = compact;
                heights = allocate(&sections, rest);
                break;
            }
        }
    }
    let gaps = rest.saturating_sub(heights.iter().sum()) >= sections.len().saturating_sub(1);
    for (section, &height) in sections.iter().zip(&heights) {
        if height == 0 {
            continue;
        }
        for (text, style) in section.clipped(height, width) {
            Line::styled(text, style).render(row(column, y), buf);
            y += 1;
        }
        if gaps {
            y += 1;
        }
    }
}

/// Lines of one part of a question, each with its style.
struct Section {
    lines: Vec<(String, Style)>,
    /// The options or items, which have a compact layout.
    items: bool,
}

impl Section {
    fn new(lines: Vec<String>, style: Style) -> Self {
        Self {
            lines: lines.into_iter().map(|l| (l, style)).collect(),
            items: false,
        }
    }

    /// The first `rows` lines, the last marked with an ellipsis when cut.
    fn clipped(&self, rows: usize, width: usize) -> Vec<(String, Style)> {
        let style = self.lines.first().map(|(_, s)| *s).unwrap_or_default();
        let texts: Vec<String> = self.lines.iter().map(|(t, _)| t.clone()).collect();
        clip(texts, rows, width)
            .into_iter()
            .zip(
                self.lines
                    .iter()
                    .map(|(_, s)| *s)
                    .chain(std::iter::repeat(style)),
            )
            .collect()
    }
}

/// Rows for each section, in order of importance: first one row each as far
/// as they go, then the rest to each in turn.
fn allocate(sections: &[Section], rows: usize) -> Vec<usize> {
    let mut heights = vec![0; sections.len()];
    let mut left = rows;
    for height in &mut heights {
        if left == 0 {
            break;
        }
        *height = 1;
        left -= 1;
    }
    for (height, section) in heights.iter_mut().zip(sections) {
        let more = section.lines.len().saturating_sub(*height).min(left);
        *height += more;
        left -= more;
    }
    heights
}

/// How options or items are laid out: wrapped in full; one row each, cut
/// with an ellipsis; or (matching) the two lists side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    Full,
    OneRow,
    Columns,
}

/// The options or items a question shows; with the answer revealed, the
/// right option is marked.
fn items(
    question: &Question,
    revealed: bool,
    context: &Context,
    width: usize,
    layout: Layout,
) -> Section {
    let theme = context.theme;
    let fit = |prefix: &str, text: &str| {
        if layout == Layout::Full {
            hanging(prefix, text, width)
        } else {
            vec![truncate(&format!("{prefix}{text}"), width)]
        }
    };
    let lettered = |options: &[String], correct: &[usize]| {
        let mut lines = Vec::new();
        for (i, option) in options.iter().enumerate() {
            let right = revealed && correct.contains(&i);
            let marker = if right { "✓ " } else { "  " };
            let style = if right { theme.selected } else { theme.text };
            let prefix = format!("{marker}{}. ", letter(i));
            lines.extend(fit(&prefix, option).into_iter().map(|l| (l, style)));
        }
        lines
    };
    let lines = match &question.body {
        Body::Choice { options, correct } => lettered(options, &[*correct]),
        Body::SelectAll { options, correct } => lettered(options, correct),
        Body::TrueFalse { answer } => {
            let words = [
                true_false_word(true, context.lang).to_owned(),
                true_false_word(false, context.lang).to_owned(),
            ];
            lettered(&words, &[usize::from(!*answer)])
        }
        Body::Ordering { items, .. } => lettered(items, &[]),
        Body::Matching { left, right, .. } if layout == Layout::Columns => {
            side_by_side(left, right, width)
                .into_iter()
                .map(|l| (l, theme.text))
                .collect()
        }
        Body::Matching { left, right, .. } => {
            let mut lines: Vec<(String, Style)> = left
                .iter()
                .enumerate()
                .flat_map(|(i, item)| fit(&format!("  {}. ", i + 1), item))
                .map(|l| (l, theme.text))
                .collect();
            if layout == Layout::Full {
                lines.push((String::new(), theme.text));
            }
            lines.extend(lettered(right, &[]));
            lines
        }
        Body::Typed { .. } | Body::ListAll { .. } | Body::Flashcard { .. } => Vec::new(),
    };
    Section { lines, items: true }
}

/// `1. item     A. match`: the numbered items on the left half, the
/// lettered matches on the right, each cut to its half.
fn side_by_side(left: &[String], right: &[String], width: usize) -> Vec<String> {
    let half = width.saturating_sub(2) / 2;
    (0..left.len().max(right.len()))
        .map(|i| {
            let item = left
                .get(i)
                .map(|t| truncate(&format!("{}. {t}", i + 1), half))
                .unwrap_or_default();
            let used = unicode_width::UnicodeWidthStr::width(item.as_str());
            let pad = " ".repeat(half.saturating_sub(used) + 2);
            let Some(choice) = right.get(i) else {
                return item;
            };
            let choice = truncate(
                &format!("{}. {choice}", letter(i)),
                width.saturating_sub(half + 2),
            );
            format!("{item}{pad}{choice}")
        })
        .collect()
}

/// The answer as the room should hear it: for lettered options, the letter
/// with the option.
fn answer(question: &Question, context: &Context) -> String {
    let solution = wording::solution(&question.body, context.lang);
    match &question.body {
        Body::Choice { correct, .. } => format!("{}. {solution}", letter(*correct)),
        Body::SelectAll { correct, .. } => {
            let letters: Vec<String> = correct.iter().map(|&i| letter(i).to_string()).collect();
            format!("{}. {solution}", letters.join(", "))
        }
        Body::TrueFalse { answer } => format!("{}. {solution}", letter(usize::from(!*answer))),
        _ => solution,
    }
}

fn letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .filter(|i| *i < 26)
        .map_or('?', |i| char::from(b'A' + i))
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

/// After the last question: done, how many, and the seed to ask them again.
fn render_end(state: &ClassQuizState, context: &Context, column: Rect, buf: &mut Buffer) {
    let strings = context.strings;
    let theme = context.theme;
    let width = usize::from(column.width);
    if state.questions.is_empty() {
        Line::styled(truncate(strings.class_quiz_no_questions, width), theme.text)
            .render(row(column, column.y), buf);
        return;
    }
    let rows = usize::from(column.height);
    let title = super::present::fit_title(strings.class_quiz_done, width, rows / 2);
    let used = render_title(&title, column, theme.heading, buf);
    let unit = if state.questions.len() == 1 {
        strings.class_quiz_one_question
    } else {
        strings.class_quiz_questions
    };
    let summary = format!("{} {unit} · seed {}", state.questions.len(), state.seed);
    let repeat = format!(
        "kisi present --quiz --seed {} --count {}",
        state.seed,
        state.questions.len()
    );
    let mut y = column.y + u16::try_from(used + 1).unwrap_or(u16::MAX);
    for (text, style) in [(summary, theme.text), (repeat, theme.dim)] {
        for line in wrap(&text, width) {
            Line::styled(line, style).render(row(column, y), buf);
            y += 1;
        }
    }
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
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        update(self, action, context)
    }

    fn render(&self, context: &Context, area: Rect, buf: &mut Buffer) {
        render(self, context, area, buf);
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

    #[test]
    fn every_section_gets_a_row_before_any_gets_more() {
        let section = |n: usize| Section::new(vec!["x".to_owned(); n], Style::default());
        let sections = [section(5), section(3), section(2)];
        assert_eq!(allocate(&sections, 2), [1, 1, 0]);
        assert_eq!(allocate(&sections, 6), [4, 1, 1]);
        assert_eq!(allocate(&sections, 20), [5, 3, 2]);
    }
}
