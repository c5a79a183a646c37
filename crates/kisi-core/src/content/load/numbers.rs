//! Accepted answers of a typed question written as a range (`1..5`) or a
//! number with a tolerance (`3.1415 ± 0.0005`): checked here, graded as a
//! number (`quiz::number`).

use super::fields::Text;
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::quiz::number::{SpecError, spec};

const HELP: &str = "write a number with a tolerance as `\"3.1415 ± 0.0005\"` (or `+-`), a \
                    range as `\"1..5\"` (both ends count), with a decimal point or comma";

/// The error of an answer that is meant as a range but is not one.
pub(super) fn check_range(file: &SourceFile, answer: &Text) -> Option<Diagnostic> {
    let error = spec(&answer.value)?.err()?;
    let (message, label) = match error {
        SpecError::NotANumber(part) => (
            format!("`{part}` in the answer `{}` is not a number", answer.value),
            "not a number",
        ),
        SpecError::NegativeTolerance => (
            format!("the tolerance of `{}` is below zero", answer.value),
            "negative tolerance",
        ),
        SpecError::Reversed => (
            format!("the range `{}` starts above where it ends", answer.value),
            "low end first",
        ),
    };
    Some(
        file.error(answer.span.clone(), message, label)
            .with_help(HELP),
    )
}
