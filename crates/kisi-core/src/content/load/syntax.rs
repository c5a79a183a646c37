//! TOML syntax errors, for every TOML file kisi reads (pack files, theme
//! files): each at its place, a duplicate key named with its first place,
//! the toml crate's own detail after a translated lead.

use std::ops::Range;

use toml::de::DeTable;

use super::MAX_SYNTAX_ERRORS;
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::i18n::diagnostics::LoadKey;
use crate::text::printable_line;

/// The TOML document of `file`, or its syntax errors (the first
/// [`MAX_SYNTAX_ERRORS`] and a count of the rest): checking the rest of a
/// broken file would mostly report follow-up errors.
///
/// # Errors
/// The diagnostics of the syntax errors.
pub fn parse_toml(file: &SourceFile) -> Result<DeTable<'_>, Vec<Diagnostic>> {
    let (root, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Ok(root.into_inner());
    }
    let mut diagnostics = Vec::new();
    for error in errors.iter().take(MAX_SYNTAX_ERRORS) {
        let span = error.span().unwrap_or(0..0);
        let diagnostic = match error.message() {
            "duplicate key" => duplicate_key(file, span),
            "recursion limit" => file
                .error(span, LoadKey::NestedTooDeeply, LoadKey::Here)
                .with_help(LoadKey::NestedTooDeeplyHelp),
            // The toml crate's detail stays as it is, after a translated lead.
            other => file
                .error(
                    span,
                    LoadKey::InvalidToml.with("detail", other.trim_end()),
                    LoadKey::Here,
                )
                .with_help(LoadKey::FixToml),
        };
        diagnostics.push(diagnostic);
    }
    if errors.len() > MAX_SYNTAX_ERRORS {
        diagnostics.push(
            Diagnostic::whole_file(
                file.name.clone(),
                LoadKey::MoreSyntaxErrors.with("count", errors.len() - MAX_SYNTAX_ERRORS),
            )
            .with_help(LoadKey::MoreSyntaxErrorsHelp),
        );
    }
    Err(diagnostics)
}

/// The error for a key written twice (the toml crate points at the second
/// one): named, with the first place when it is found in the same table.
fn duplicate_key(file: &SourceFile, span: Range<usize>) -> Diagnostic {
    let text = &file.text;
    let written = text.get(span.clone()).unwrap_or_default().trim();
    let key = written.trim_matches(|c| c == '"' || c == '\'' || c == '[' || c == ']');
    let mut diagnostic = file
        .error(
            span.clone(),
            LoadKey::DuplicateKey.with("key", printable_line(key).into_owned()),
            LoadKey::DuplicateKeyLabel,
        )
        .with_help(LoadKey::DuplicateKeyHelp);
    if let Some(first) = first_key(text, span.start, written) {
        diagnostic = diagnostic.with_related(file.related(first, LoadKey::DuplicateKeyFirst));
    }
    diagnostic
}

/// Where `written` (a key, or a table header such as `[pack]`) was first
/// written before `before`: a header anywhere above, a key between the
/// table header above it and it.
fn first_key(text: &str, before: usize, written: &str) -> Option<Range<usize>> {
    if written.is_empty() {
        return None;
    }
    let above = text.get(..before)?;
    let lines = above.split_inclusive('\n').scan(0, |start, line| {
        let at = *start;
        *start += line.len();
        Some((at, line))
    });
    let header = written.starts_with('[');
    let mut found = None;
    for (at, line) in lines {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if trimmed.starts_with('[') && !header {
            // A new table: a key above it belongs to another one.
            found = None;
            continue;
        }
        let rest = trimmed.strip_prefix(written);
        let matches = if header {
            rest.is_some_and(|r| r.trim().is_empty() || r.trim_start().starts_with('#'))
        } else {
            rest.is_some_and(|r| r.trim_start().starts_with(['=', '.']))
        };
        if matches && found.is_none() {
            found = Some(at + indent..at + indent + written.len());
        }
    }
    found
}
