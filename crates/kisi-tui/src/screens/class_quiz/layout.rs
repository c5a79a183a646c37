//! A class quiz question laid out for the room: whole on one screen, with
//! its options wrapped, one row each or side by side, or else page by page.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::ClassQuizState;
use crate::env::Context;
use crate::screens::present::{Title, big_lines, row};
use crate::wrap::hanging;
use crate::wrap::{truncate, wrap};
use kisi_core::quiz::wording::{self, true_false_word};
use kisi_core::quiz::{Body, Question};

/// The rows between the status row (and a blank) and a blank above the
/// bottom row.
fn body_rows(column: Rect) -> usize {
    usize::from(column.height.saturating_sub(4))
}

/// A question laid out to fit the screen whole: a big or plain prompt,
/// then the answer (when shown), the options and the explanation.
pub(super) struct Fitted {
    pub(super) title: Option<Title>,
    pub(super) sections: Vec<Section>,
    /// Whether there is room for a blank line between the sections.
    pub(super) gaps: bool,
}

/// The question laid out to fit whole, with options wrapped or, where
/// that cuts nothing, one row each or side by side; `None` when it does
/// not fit, and is read page by page.
pub(super) fn fit(
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
pub(super) fn pages(
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
pub(super) fn render_page(
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
pub(super) struct Section {
    pub(super) lines: Vec<(String, Style)>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_by_side_says_when_it_cuts() {
        let (lines, cut) = side_by_side(&["a".into()], &["b".into()], 40);
        assert_eq!(lines, ["1. a                 A. b"]);
        assert!(!cut);
        let (_, cut) = side_by_side(&["a very long item indeed".into()], &["b".into()], 40);
        assert!(cut);
    }
}
