//! `kisi export FORMAT --out PATH`: the pack for Anki, for Moodle, and as a
//! printable kisi-kisi.

use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use kisi_core::content::Pack;
use kisi_core::i18n::{Lang, path_io_text};
use kisi_core::interchange::{export, sheet};
use kisi_core::quiz::wording::fill;
use kisi_core::quiz::{self, Prompt, QuestionKind, QuizOptions};
use kisi_core::text::printable_line;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Only this topic (by id, see `kisi list`); repeat for several.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// The file to write; `-` for standard output.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// GIFT: add N questions generated from the material to the hand-written ones.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub generated: usize,
    /// GIFT: the seed of the generated questions (the same seed, the same questions).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// HTML, Markdown: leave a line to fill in for every point.
    #[arg(long)]
    pub blank: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Anki's notes in plain text, with GUIDs that update on a second import.
    Anki,
    /// Moodle's GIFT: hand-written (and --generated) questions.
    Gift,
    /// A printable kisi-kisi: one self-contained HTML file, A4.
    Html,
    /// The kisi-kisi as Markdown.
    Markdown,
}

pub fn run(pack: &Pack, args: &ExportArgs, lang: Lang) -> io::Result<ExitCode> {
    let words = lang.interchange_words();
    if let Some(unknown) = args.topics.iter().find(|t| pack.find_topic(t).is_none()) {
        eprintln!(
            "kisi: {}. kisi list",
            fill(words.export_no_topic, &[("id", &printable_line(unknown))])
        );
        return Ok(ExitCode::FAILURE);
    }
    let topics = export::chosen(pack, &args.topics);
    let (text, count) = match args.format {
        ExportFormat::Anki => export::anki(pack, &topics),
        ExportFormat::Gift => {
            let options = QuizOptions {
                topics: args.topics.clone(),
                count: args.generated,
                kinds: vec![
                    QuestionKind::Choice,
                    QuestionKind::TrueFalse,
                    QuestionKind::Typed,
                    QuestionKind::Matching,
                ],
                seed: args.seed,
                lang: export::pack_lang(pack),
                time_limit: None,
            };
            let mut generated = if args.generated == 0 {
                Vec::new()
            } else {
                quiz::generate(pack, &options).unwrap_or_default()
            };
            // The hand-written ones are all written anyway.
            generated.retain(|q| !matches!(q.prompt, Prompt::Authored { .. }));
            export::gift(pack, &topics, &generated)
        }
        ExportFormat::Html => (sheet::html(pack, &topics, args.blank), topics.len()),
        ExportFormat::Markdown => (sheet::markdown(pack, &topics, args.blank), topics.len()),
    };
    if args.out.as_os_str() == "-" {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Err(error) = fs::write(&args.out, text) {
        eprintln!("kisi: {}", path_io_text(&args.out, &error, lang));
        return Ok(ExitCode::FAILURE);
    }
    let shown = printable_line(&args.out.display().to_string()).into_owned();
    println!(
        "{}",
        fill(
            words.exported,
            &[("file", &shown), ("count", &count.to_string())]
        )
    );
    Ok(ExitCode::SUCCESS)
}
