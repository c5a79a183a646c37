//! `kisi check --format json`: the result of loading a pack as one JSON
//! document, for editors and CI.

use std::ops::Range;

use serde::Serialize;

use crate::content::diagnostic::{Related, Report};
use crate::content::{Diagnostic, Pack};
use crate::i18n::Lang;

/// How `kisi check` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckFormat {
    /// rustc-style messages with the offending lines.
    #[default]
    Human,
    /// One JSON document: `valid`, `errors` and `summary`.
    Json,
}

/// The JSON document of `kisi check --format json`.
///
/// Positions are 1-based, columns counted in chars; `end_line` and
/// `end_column` are just past the end of the marked text. All four are 0
/// when a problem concerns a whole file or folder.
#[derive(Debug, Serialize)]
pub struct CheckResult<'a> {
    pub valid: bool,
    pub errors: Vec<Error<'a>>,
    /// Advice on a valid pack: material that makes poor questions (see
    /// `lint`). Same shape as `errors`.
    pub warnings: Vec<Error<'a>>,
    pub summary: Summary<'a>,
}

/// One problem. `code` names its kind for programs, the same in every
/// language (e.g. `unknown_field`, `duplicate_id`); the texts are in the
/// user's language.
#[derive(Debug, Serialize)]
pub struct Error<'a> {
    pub code: Option<String>,
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    pub related: Vec<RelatedPlace<'a>>,
}

/// A second place that explains an error, e.g. the first definition of a
/// duplicate id.
#[derive(Debug, Serialize)]
pub struct RelatedPlace<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct Summary<'a> {
    pub errors: usize,
    pub files_with_errors: usize,
    /// Only for a valid pack.
    pub pack: Option<PackSummary<'a>>,
}

#[derive(Debug, Serialize)]
pub struct PackSummary<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub version: &'a str,
    pub topics: usize,
    pub entries: usize,
    pub points: usize,
    pub questions: usize,
}

impl<'a> CheckResult<'a> {
    /// The texts are rendered in `lang`.
    pub fn new(result: &'a Result<Pack, Report>, warnings: Option<&'a Report>, lang: Lang) -> Self {
        let warnings = warnings.map_or_else(Vec::new, |report| {
            report
                .diagnostics
                .iter()
                .map(|d| Error::new(report, d, lang))
                .collect()
        });
        match result {
            Ok(pack) => Self {
                valid: true,
                errors: Vec::new(),
                warnings,
                summary: Summary {
                    errors: 0,
                    files_with_errors: 0,
                    pack: Some(PackSummary {
                        id: &pack.meta.id,
                        title: &pack.meta.title,
                        version: &pack.meta.version,
                        topics: pack.topics.len(),
                        entries: pack.entry_count(),
                        points: pack.point_count(),
                        questions: pack.topics.iter().map(|t| t.questions.len()).sum(),
                    }),
                },
            },
            Err(report) => {
                let mut files: Vec<&str> =
                    report.diagnostics.iter().map(|d| d.file.as_str()).collect();
                files.sort_unstable();
                files.dedup();
                Self {
                    valid: false,
                    warnings,
                    errors: report
                        .diagnostics
                        .iter()
                        .map(|d| Error::new(report, d, lang))
                        .collect(),
                    summary: Summary {
                        errors: report.diagnostics.len(),
                        files_with_errors: files.len(),
                        pack: None,
                    },
                }
            }
        }
    }
}

impl<'a> Error<'a> {
    fn new(report: &Report, d: &'a Diagnostic, lang: Lang) -> Self {
        let (end_line, end_column) = end(report, &d.file, d.line, &d.span);
        Self {
            code: d.code(),
            file: &d.file,
            line: d.line,
            column: d.column,
            end_line,
            end_column,
            message: d.message.render(lang),
            label: d.label.render(lang),
            help: d.help.as_ref().map(|h| h.render(lang)),
            related: d
                .related
                .iter()
                .map(|r| RelatedPlace::new(report, r, lang))
                .collect(),
        }
    }
}

impl<'a> RelatedPlace<'a> {
    fn new(report: &Report, r: &'a Related, lang: Lang) -> Self {
        let (end_line, end_column) = end(report, &r.file, r.line, &r.span);
        Self {
            file: &r.file,
            line: r.line,
            column: r.column,
            end_line,
            end_column,
            label: r.label.render(lang),
        }
    }
}

fn end(report: &Report, file: &str, line: usize, span: &Range<usize>) -> (usize, usize) {
    if line == 0 {
        return (0, 0);
    }
    report.locate_end(file, span).unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use serde_json::{Value, json};

    use super::*;
    use crate::content::load::load_files;

    fn check(files: &[(&str, &str)]) -> Value {
        let files: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
            .collect();
        serde_json::to_value(CheckResult::new(&load_files(&files), None, Lang::En)).unwrap()
    }

    const MANIFEST: &str = "[pack]\nid = \"p\"\ntitle = \"P\"\nlanguage = \"id\"\n\
                            version = \"1.0.0\"\ndescription = \"D\"\n\n\
                            [[sources]]\nid = \"s\"\ncitation = \"C\"\n";

    #[test]
    fn a_valid_pack_has_no_errors_and_a_summary_of_its_contents() {
        let topic = "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[entries]]\nid = \"e\"\n\
                     title = \"E\"\nbody = \"B\"\nsource = \"s\"\n\n\
                     [[entries.points]]\ntext = \"x\"\n";
        let value = check(&[("pack.toml", MANIFEST), ("01-t.toml", topic)]);
        assert_eq!(
            value,
            json!({
                "valid": true,
                "errors": [],
                "warnings": [],
                "summary": {
                    "errors": 0,
                    "files_with_errors": 0,
                    "pack": {
                        "id": "p", "title": "P", "version": "1.0.0",
                        "topics": 1, "entries": 1, "points": 1, "questions": 0
                    }
                }
            })
        );
    }

    #[test]
    fn errors_carry_start_end_help_and_related_places() {
        let a = "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[entries]]\nid = \"dup\"\n\
                 title = \"E\"\nbody = \"B\"\nsource = \"s\"\n";
        let b = "[topic]\nid = \"u\"\ntitle = \"U\"\n\n[[entries]]\nid = \"dup\"\n\
                 titel = \"É\"\nbody = \"B\"\nsource = \"s\"\n";
        let value = check(&[("pack.toml", MANIFEST), ("01-a.toml", a), ("02-b.toml", b)]);
        assert_eq!(value["valid"], false);
        assert_eq!(
            value["summary"],
            json!({"errors": 3, "files_with_errors": 1, "pack": null})
        );
        let errors = value["errors"].as_array().unwrap();
        let by_message = |start: &str| {
            errors
                .iter()
                .find(|e| e["message"].as_str().unwrap().starts_with(start))
                .unwrap_or_else(|| panic!("no `{start}` in {errors:?}"))
        };
        let duplicate = by_message("duplicate entry id `dup`");
        assert_eq!(
            (&duplicate["file"], &duplicate["line"], &duplicate["column"]),
            (&json!("02-b.toml"), &json!(6), &json!(6))
        );
        assert_eq!(
            (&duplicate["end_line"], &duplicate["end_column"]),
            (&json!(6), &json!(11))
        );
        assert_eq!(
            duplicate["related"],
            json!([{
                "file": "01-a.toml", "line": 6, "column": 6, "end_line": 6, "end_column": 11,
                "label": "first defined here"
            }])
        );
        assert_eq!(duplicate["code"], "duplicate_id");
        let unknown = by_message("unknown field `titel`");
        assert_eq!(unknown["help"], "did you mean `title`?");
        assert_eq!(unknown["label"], "unknown field");
        assert_eq!(
            (
                &unknown["line"],
                &unknown["column"],
                &unknown["end_line"],
                &unknown["end_column"]
            ),
            (&json!(7), &json!(1), &json!(7), &json!(6))
        );
        by_message("missing field `title`");
    }

    #[test]
    fn whole_file_problems_have_no_position() {
        let value = check(&[("01-t.toml", "[topic]\n")]);
        let error = &value["errors"][0];
        assert!(error["message"].as_str().unwrap().contains("no manifest"));
        for key in ["line", "column", "end_line", "end_column"] {
            assert_eq!(error[key], 0, "{key}");
        }
        assert!(error["help"].is_string());
    }
}
