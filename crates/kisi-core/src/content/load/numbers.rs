//! Accepted answers of a typed question written as a range (`1..5`) or a
//! number with a tolerance (`3.1415 ± 0.0005`): checked here, graded as a
//! number (`crate::number`).

use super::fields::Text;
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::i18n::diagnostics::QuestionKey;
use crate::number::{SpecError, spec};

/// The error of an answer that is meant as a range but is not one.
pub(super) fn check_range(file: &SourceFile, answer: &Text) -> Option<Diagnostic> {
    let error = spec(&answer.value)?.err()?;
    let (message, label) = match error {
        SpecError::NotANumber(part) => (
            QuestionKey::NotANumber
                .with("part", part)
                .with("answer", &answer.value),
            QuestionKey::NotANumberLabel,
        ),
        SpecError::NegativeTolerance => (
            QuestionKey::NegativeTolerance.with("answer", &answer.value),
            QuestionKey::NegativeToleranceLabel,
        ),
        SpecError::Reversed => (
            QuestionKey::ReversedRange.with("answer", &answer.value),
            QuestionKey::ReversedRangeLabel,
        ),
    };
    Some(
        file.error(answer.span.clone(), message, label)
            .with_help(QuestionKey::RangeHelp),
    )
}
