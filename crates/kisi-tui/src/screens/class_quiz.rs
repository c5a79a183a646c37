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
    Origin, Title, big_lines, hanging, render_bottom_row, render_title, row, stage,
};
use super::quiz::clock;
use crate::action::{Action, Mode};
use crate::app::{Context, Nav};
use crate::keymap::{self, Id};
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::{Noun, Strings};
use kisi_core::quiz::wording::{self, true_false_word};
use kisi_core::quiz::{Body, Question};
use unicode_width::UnicodeWidthStr;

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

/// Space, Enter, Right and Page Down reveal the answer, then go on to the next
/// question; Left and Page Up go back to the previous one, answer shown; r
/// hides the answer and starts the countdown again.
pub fn update(state: &mut ClassQuizState, action: Action, context: &Context) -> Nav {
    // A question longer than the screen is read page by page first.
    let paged = state
        .questions
        .get(state.index)
        .and_then(|question| pages(state, question, context, stage(context.body)));
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
        if forward && state.page + step < lines.len() {
            state.page += step;
            return Nav::Stay;
        }
        if back && state.page > 0 {
            state.page = state.page.saturating_sub(step);
            return Nav::Stay;
        }
    }
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
                state.page = 0;
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
    if let Some((lines, step)) = pages(state, question, context, column) {
        render_page(state, &lines, step, context, Rect { y: top, ..column }, buf);
        return;
    }
    let Some(fitted) = fit(state, question, context, column) else {
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

/// The rows between the status row (and a blank) and a blank above the
/// bottom row.
fn body_rows(column: Rect) -> usize {
    usize::from(column.height.saturating_sub(4))
}

/// A question laid out to fit the screen whole: a big or plain prompt,
/// then the answer (when shown), the options and the explanation.
struct Fitted {
    title: Option<Title>,
    sections: Vec<Section>,
    /// Whether there is room for a blank line between the sections.
    gaps: bool,
}

/// The question laid out to fit whole, with options wrapped or, where
/// that cuts nothing, one row each or side by side; `None` when it does
/// not fit, and is read page by page.
fn fit(
    state: &ClassQuizState,
    question: &Question,
    context: &Context,
    column: Rect,
) -> Option<Fitted> {
    let width = usize::from(column.width);
    let room = body_rows(column);
    let prompt = wording::prompt(&question.prompt, context.lang);
    let big = big_lines(&prompt, width, room / 3).map(|(lines, size)| Title::Big { lines, size });
    for title in [big, None] {
        let title_rows = title.as_ref().map_or(0, |t| t.rows() + 1);
        let rest = room.saturating_sub(title_rows);
        for layout in [Layout::Full, Layout::OneRow, Layout::Columns] {
            let sections = sections(state, question, context, width, layout, title.is_none());
            if sections.iter().any(|s| s.cut) {
                continue;
            }
            let needed: usize = sections.iter().map(|s| s.lines.len()).sum();
            if needed <= rest {
                let gaps = rest - needed >= sections.len().saturating_sub(1);
                return Some(Fitted {
                    title,
                    sections,
                    gaps,
                });
            }
        }
    }
    None
}

/// The parts of a question in order, in `layout`, with the prompt as a
/// section when it is not shown big.
fn sections(
    state: &ClassQuizState,
    question: &Question,
    context: &Context,
    width: usize,
    layout: Layout,
    with_prompt: bool,
) -> Vec<Section> {
    let theme = context.theme;
    let mut sections = Vec::new();
    if with_prompt {
        let prompt = wording::prompt(&question.prompt, context.lang);
        sections.push(Section::new(wrap(&prompt, width), theme.heading.bold()));
    }
    if state.revealed() {
        let answer = format!(
            "{}: {}",
            context.strings.class_quiz_answer,
            answer(question, context)
        );
        sections.push(Section::new(hanging("", &answer, width), theme.selected));
    }
    sections.push(items(question, state.revealed(), context, width, layout));
    if state.revealed() {
        sections.push(Section::new(wrap(&question.explanation, width), theme.text));
    }
    sections.retain(|s| !s.lines.is_empty());
    sections
}

/// The whole question as lines to read page by page, and how far a page
/// moves, when it does not fit the screen whole.
fn pages(
    state: &ClassQuizState,
    question: &Question,
    context: &Context,
    column: Rect,
) -> Option<(Vec<(String, Style)>, usize)> {
    if fit(state, question, context, column).is_some() {
        return None;
    }
    let width = usize::from(column.width);
    let mut lines = Vec::new();
    for section in sections(state, question, context, width, Layout::Full, true) {
        if !lines.is_empty() {
            lines.push((String::new(), context.theme.text));
        }
        lines.extend(section.lines);
    }
    // One row is the marker that says there is more.
    let step = body_rows(column).saturating_sub(1).max(1);
    Some((lines, step))
}

/// One page of a long question, with a marker of what is below or above.
fn render_page(
    state: &ClassQuizState,
    lines: &[(String, Style)],
    step: usize,
    context: &Context,
    area: Rect,
    buf: &mut Buffer,
) {
    let words = context.lang.screen_words();
    let first = state.page.min(lines.len().saturating_sub(1));
    for (y, (text, style)) in (area.y..).zip(lines.iter().skip(first).take(step)) {
        Line::styled(text.clone(), *style).render(row(area, y), buf);
    }
    let marker = if first + step < lines.len() {
        Some(words.more_below)
    } else if first > 0 {
        Some(words.more_above)
    } else {
        None
    };
    if let Some(marker) = marker {
        let y = area.y + u16::try_from(step).unwrap_or(u16::MAX);
        let width = usize::from(area.width);
        Line::styled(truncate(marker, width), context.theme.dim).render(row(area, y), buf);
    }
}

/// Lines of one part of a question, each with its style.
struct Section {
    lines: Vec<(String, Style)>,
    /// Some text was cut to fit a compact layout.
    cut: bool,
}

impl Section {
    fn new(lines: Vec<String>, style: Style) -> Self {
        Self {
            lines: lines.into_iter().map(|l| (l, style)).collect(),
            cut: false,
        }
    }
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
    let cut = std::cell::Cell::new(false);
    let fit = |prefix: &str, text: &str| {
        if layout == Layout::Full {
            hanging(prefix, text, width)
        } else {
            let line = format!("{prefix}{text}");
            cut.set(cut.get() || line.width() > width);
            vec![truncate(&line, width)]
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
            let (lines, columns_cut) = side_by_side(left, right, width);
            cut.set(columns_cut);
            lines.into_iter().map(|l| (l, theme.text)).collect()
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
    Section {
        lines,
        cut: cut.get(),
    }
}

/// `1. item     A. match`: the numbered items on the left half, the
/// lettered matches on the right, each cut to its half; and whether any
/// was cut.
fn side_by_side(left: &[String], right: &[String], width: usize) -> (Vec<String>, bool) {
    let half = width.saturating_sub(2) / 2;
    let cut = (0..left.len()).any(|i| format!("{}. {}", i + 1, left[i]).width() > half)
        || (0..right.len()).any(|i| {
            format!("{}. {}", letter(i), right[i]).width() > width.saturating_sub(half + 2)
        });
    let lines = (0..left.len().max(right.len()))
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
        .collect();
    (lines, cut)
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
    let summary = format!(
        "{} · seed {}",
        strings.lang.count(state.questions.len(), Noun::Question),
        state.seed
    );
    let repeat = repeat_command(state, context);
    let mut y = column.y + u16::try_from(used + 1).unwrap_or(u16::MAX);
    for (text, style) in [(summary, theme.text), (repeat, theme.dim)] {
        for line in wrap(&text, width) {
            Line::styled(line, style).render(row(column, y), buf);
            y += 1;
        }
    }
}

/// The command that asks the same questions again: the same pack, topics,
/// language, count, seed and time per question.
fn repeat_command(state: &ClassQuizState, context: &Context) -> String {
    let mut words = vec!["kisi".to_string()];
    if let Some(dir) = context.content {
        words.push("--content".into());
        words.push(shell_word(&dir.to_string_lossy()));
    }
    words.push(format!("--lang {}", context.lang));
    words.push("present --quiz".into());
    for topic in &state.topics {
        words.push(format!("--topic {}", shell_word(topic)));
    }
    words.push(format!(
        "--seed {} --count {} --seconds {}",
        state.seed,
        state.questions.len(),
        state.per_question.as_secs()
    ));
    words.join(" ")
}

/// `word` as a shell reads it back: quoted when it has anything but
/// letters, digits and `-_./`, and with unsafe characters escaped.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if plain {
        kisi_core::text::printable_line(word).into_owned()
    } else {
        let quoted = format!("'{}'", word.replace('\'', "'\\''"));
        kisi_core::text::printable_line(&quoted).into_owned()
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
    fn side_by_side_says_when_it_cuts() {
        let (lines, cut) = side_by_side(&["a".into()], &["b".into()], 40);
        assert_eq!(lines, ["1. a                 A. b"]);
        assert!(!cut);
        let (_, cut) = side_by_side(&["a very long item indeed".into()], &["b".into()], 40);
        assert!(cut);
    }

    #[test]
    fn shell_words_read_back_as_written() {
        assert_eq!(shell_word("packs/networking"), "packs/networking");
        assert_eq!(shell_word("my pack"), "'my pack'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("a\u{1b}b"), "'a\\u{1b}b'");
    }
}
