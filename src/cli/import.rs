//! `kisi import FORMAT FILE… --into DIR`: question banks and flashcards
//! from Moodle (GIFT, Aiken), Anki, Quizlet and spreadsheets into a pack.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use kisi_core::content::diagnostic::Report;
use kisi_core::content::load::read_capped;
use kisi_core::i18n::{InterchangeWords, Lang, Noun, io_text, path_io_text};
use kisi_core::interchange::cards::{self, CardOptions};
use kisi_core::interchange::write::{WriteError, import_into};
use kisi_core::interchange::{Parsed, aiken, gift};
use kisi_core::quiz::wording::fill;
use kisi_core::text::printable_line;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The format of the files.
    #[arg(value_enum)]
    pub format: ImportFormat,
    /// The files to import.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The pack folder: made when missing or empty, added to when it holds a pack.
    #[arg(long, value_name = "DIR")]
    pub into: PathBuf,
    /// The language of the material, for a new pack (BCP 47, e.g. `id` or `en`).
    #[arg(long, default_value = "id", value_name = "TAG")]
    pub language: String,
    /// Flashcards: the field separator (`tab`, `comma`, `semicolon`, or one character);
    /// an Anki `#separator:` header wins. Default: tab for anki, comma for csv.
    #[arg(long, value_name = "SEP")]
    pub separator: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// Moodle's GIFT question format.
    Gift,
    /// Moodle's Aiken multiple-choice format.
    Aiken,
    /// Anki's "Notes in Plain Text" export (and Quizlet's): one card a line.
    Anki,
    /// Cards as comma-separated values: front, back.
    Csv,
}

/// Runs the import and prints its report; 1 when anything was malformed or
/// nothing could be written.
pub fn run(args: &ImportArgs, lang: Lang, color: bool) -> ExitCode {
    let words = lang.interchange_words();
    let separator = match args.separator.as_deref().map(cards::separator) {
        Some(Some(c)) => Some(c),
        Some(None) => {
            eprintln!(
                "kisi: --separator `{}`: tab, comma, semicolon, pipe, space, colon, or one character",
                printable_line(args.separator.as_deref().unwrap_or_default())
            );
            return ExitCode::from(2);
        }
        None => None,
    };
    let mut parsed = Vec::new();
    let mut unreadable = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = match read_capped(path, &name) {
            Ok(bytes) => bytes,
            Err(diagnostic) => {
                unreadable.push(*diagnostic);
                continue;
            }
        };
        parsed.push(match args.format {
            ImportFormat::Gift => gift::parse(&name, &bytes, words),
            ImportFormat::Aiken => aiken::parse(&name, &bytes, words),
            ImportFormat::Anki => cards::parse(
                &name,
                &bytes,
                words,
                CardOptions {
                    separator: separator.unwrap_or('\t'),
                    format: cards::ANKI,
                },
            ),
            ImportFormat::Csv => cards::parse(
                &name,
                &bytes,
                words,
                CardOptions {
                    separator: separator.unwrap_or(','),
                    format: cards::CSV,
                },
            ),
        });
    }
    let errors = unreadable.len() + parsed.iter().map(|p| p.diagnostics.len()).sum::<usize>();
    let mut diagnostics = unreadable;
    let mut files = Vec::new();
    for file in &mut parsed {
        diagnostics.append(&mut file.diagnostics);
        files.push(file.file.clone());
    }
    if !diagnostics.is_empty() {
        eprint!("{}", Report::new(diagnostics, files).render(color, lang));
    }
    let result = if parsed.iter().any(|p| !p.items.is_empty()) {
        Some(import_into(&args.into, &parsed, &args.language, words))
    } else {
        None
    };
    let mut out = io::stdout().lock();
    let written = print_report(
        &mut out,
        &parsed,
        result.as_ref(),
        (errors, lang),
        args,
        words,
    );
    let failed = match result {
        Some(Err(error)) => {
            report_error(&error, words, color, lang);
            true
        }
        _ => false,
    };
    if let Err(error) = written.and_then(|()| out.flush())
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("kisi: {}", io_text(&error, lang));
        return ExitCode::FAILURE;
    }
    if failed || errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_report(
    out: &mut impl Write,
    parsed: &[Parsed],
    result: Option<&Result<kisi_core::interchange::write::Outcome, WriteError>>,
    (errors, lang): (usize, Lang),
    args: &ImportArgs,
    words: &InterchangeWords,
) -> io::Result<()> {
    let place = |file: &str, line: usize, column: usize| {
        if column == 0 {
            format!("{}:{line}", printable_line(file))
        } else {
            format!("{}:{line}:{column}", printable_line(file))
        }
    };
    let mut skipped = 0;
    for file in parsed {
        for notice in &file.skipped {
            skipped += 1;
            let at = place(&file.file.name, notice.line, notice.column);
            let line = fill(
                words.report_skipped,
                &[("place", &at), ("reason", &printable_line(&notice.text))],
            );
            writeln!(out, "{line}")?;
        }
        for notice in &file.notes {
            let at = place(&file.file.name, notice.line, notice.column);
            let line = fill(
                words.report_note,
                &[("place", &at), ("note", &printable_line(&notice.text))],
            );
            writeln!(out, "{line}")?;
        }
    }
    let outcome = result.and_then(|r| r.as_ref().ok());
    if let Some(outcome) = outcome {
        for (file, line, reason) in &outcome.conflicts {
            skipped += 1;
            let text = fill(
                words.report_skipped,
                &[
                    ("place", &place(file, *line, 0)),
                    ("reason", &printable_line(reason)),
                ],
            );
            writeln!(out, "{text}")?;
        }
        for file in &outcome.written {
            writeln!(
                out,
                "{}",
                fill(words.report_wrote, &[("file", &printable_line(file))])
            )?;
        }
    }
    let count = |n: usize| n.to_string();
    let (imported, updated, unchanged) =
        outcome.map_or((0, 0, 0), |o| (o.imported, o.updated, o.unchanged));
    let summary = fill(
        words.report_line,
        &[
            ("imported", &count(imported)),
            ("updated", &count(updated)),
            ("unchanged", &count(unchanged)),
            ("skipped", &count(skipped)),
            ("errors", &lang.count(errors, Noun::Error)),
        ],
    );
    writeln!(out, "{summary}")?;
    if outcome.is_some_and(|o| !o.written.is_empty()) {
        let dir = printable_line(&args.into.display().to_string()).into_owned();
        writeln!(out, "{}", fill(words.report_next, &[("dir", &dir)]))?;
    }
    Ok(())
}

fn report_error(error: &WriteError, words: &InterchangeWords, color: bool, lang: Lang) {
    match error {
        WriteError::NoPack(dir) => {
            let dir = printable_line(&dir.display().to_string()).into_owned();
            eprintln!("kisi: {}", fill(words.report_no_pack, &[("dir", &dir)]));
            eprintln!("  {}", words.report_no_pack_help);
        }
        WriteError::Invalid(report, made_by_import) => {
            eprint!("{}", report.render(color, lang));
            if *made_by_import {
                eprintln!("kisi: {}", words.report_invalid);
            }
        }
        WriteError::Io { path, source } => {
            eprintln!("kisi: {}", path_io_text(path, source, lang));
        }
    }
}
