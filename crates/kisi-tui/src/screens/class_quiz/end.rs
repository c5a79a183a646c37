//! The end of a class quiz: how many questions, and the command that asks
//! the same set again.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::ClassQuizState;
use crate::env::Context;
use crate::screens::present::{fit_title, render_title, row};
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::Noun;
use kisi_core::text::shell_word;

/// After the last question: done, how many, and the seed to ask them again.
pub(super) fn render_end(
    state: &ClassQuizState,
    context: &Context,
    column: Rect,
    buf: &mut Buffer,
) {
    let strings = context.strings;
    let theme = context.theme;
    let width = usize::from(column.width);
    if state.questions.is_empty() {
        Line::styled(truncate(strings.class_quiz_no_questions, width), theme.text)
            .render(row(column, column.y), buf);
        return;
    }
    let rows = usize::from(column.height);
    let title = fit_title(strings.class_quiz_done, width, rows / 2);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_read_back_as_written() {
        assert_eq!(shell_word("packs/networking"), "packs/networking");
        assert_eq!(shell_word("my pack"), "'my pack'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("a\u{1b}b"), "'a\\u{1b}b'");
    }
}
