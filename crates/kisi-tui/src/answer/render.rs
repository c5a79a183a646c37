//! Drawing the answer being put together: options, items to order or
//! match, a text field, and which lines a click can pick.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Hit, Input};
use crate::env::Context;
use crate::theme::Theme;
use crate::wrap::{truncate, wrap};
use kisi_core::quiz::{Body, Question};

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

/// The lines of `input` for `question`, `width` wide, appended to
/// `lines`; the lines of each item a click can pick go to `hits`.
pub fn lines(
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
        (Input::Tick { cursor, ticked }, Body::SelectAll { options, .. }) => {
            tick_lines(lines, hits, (*cursor, ticked), options, context, width);
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
            hint_lines(lines, strings.quiz_list_hint, width, theme.dim);
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
                hint_lines(lines, strings.quiz_knew_question, width, theme.key);
            } else {
                hint_lines(lines, strings.quiz_flip_hint, width, theme.dim);
            }
        }
        _ => {}
    }
}

/// Select all that apply: each option with its box, ticked or not.
fn tick_lines(
    lines: &mut Vec<Line<'static>>,
    hits: &mut Vec<(Range<usize>, Hit)>,
    (cursor, ticked): (Option<usize>, &[bool]),
    options: &[String],
    context: &Context,
    width: usize,
) {
    let theme = context.theme;
    for (i, option) in options.iter().enumerate() {
        let tick = if ticked.get(i) == Some(&true) {
            'x'
        } else {
            ' '
        };
        let style = if Some(i) == cursor {
            theme.selected
        } else {
            theme.text
        };
        let marker = format!("[{tick}] {})", letter(i));
        item_lines(lines, hits, Hit::Item(i), &marker, option, width, style);
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate(context.lang.select_words().hint, width),
        theme.dim,
    ));
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
    hint_lines(lines, strings.quiz_arrange_hint, width, theme.dim);
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
    hint_lines(lines, strings.quiz_match_hint, width, theme.dim);
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

/// A hint under the answer, wrapped: never cut at a narrow width.
fn hint_lines(lines: &mut Vec<Line<'static>>, hint: &str, width: usize, style: Style) {
    lines.extend(
        wrap(hint, width)
            .into_iter()
            .map(|line| Line::styled(line, style)),
    );
}
