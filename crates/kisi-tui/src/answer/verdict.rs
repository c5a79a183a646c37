//! The verdict on an answer: right or not, the right answer (for an order
//! or pairs, as a list marking the student's right ones), the explanation
//! and the source.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::env::Context;
use crate::wrap::wrap;
use kisi_core::quiz::grade::Grade;
use kisi_core::quiz::wording::{self, verdict, verdict_head};
use kisi_core::quiz::{Answer, Outcome, Question};

/// The right order or pairs marked ✓ where the student had them right.
fn marked_solution(
    question: &Question,
    answer: Option<&Answer>,
    grade: &Grade,
) -> Option<Vec<(bool, String)>> {
    answer?;
    kisi_core::quiz::marks::marked_solution(&question.body, grade)
}

/// The verdict on `answer` to `question`, appended to `lines`.
pub fn verdict_lines(
    lines: &mut Vec<Line<'static>>,
    question: &Question,
    answer: Option<&Answer>,
    grade: &Grade,
    context: &Context,
    width: usize,
) {
    let theme = context.theme;
    let strings = context.strings;
    let style = match grade.outcome {
        Outcome::Correct | Outcome::Overridden => theme.title,
        Outcome::Partial(_) => theme.note,
        Outcome::Wrong => theme.error,
    };
    let wrapped = |text: &str, style: Style| -> Vec<Line<'static>> {
        wrap(text, width)
            .into_iter()
            .map(|l| Line::styled(l, style))
            .collect()
    };
    let solved = matches!(grade.outcome, Outcome::Correct | Outcome::Overridden);
    if let Some(solution) = marked_solution(question, answer, grade).filter(|_| !solved) {
        // A long order or set of pairs reads better as a list than as one
        // paragraph, and the marks show which of the student's were right.
        let words = kisi_core::quiz::wording::words(context.lang);
        lines.extend(wrapped(&verdict_head(grade, context.lang), style));
        lines.extend(wrapped(words.full_answer_marked, theme.text));
        for (k, (right, text)) in solution.iter().enumerate() {
            let mark = if *right { '✓' } else { '✗' };
            let line_style = if *right { theme.text } else { theme.note };
            lines.extend(
                crate::wrap::hanging(&format!("{mark} {}. ", k + 1), text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, line_style)),
            );
        }
    } else {
        lines.extend(wrapped(&verdict(question, grade, context.lang), style));
        let given = wording::given(&question.body, grade, context.lang);
        if !given.is_empty() && grade.outcome != Outcome::Correct {
            lines.extend(wrapped(
                &format!("{}: {given}", strings.quiz_your_answer),
                theme.text,
            ));
        }
    }
    if !question.explanation.is_empty() {
        lines.extend(wrapped("", theme.text));
        lines.extend(wrapped(&question.explanation, theme.text));
    }
    if let Some(source) = &question.source {
        lines.extend(wrapped("", theme.text));
        lines.extend(wrapped(&format!("{}: {source}", strings.source), theme.dim));
    }
}
