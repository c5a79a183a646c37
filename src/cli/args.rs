//! The arguments that several commands share, as clap names them, and their
//! conversions into kisi-core's types.

use std::time::{SystemTime, UNIX_EPOCH};

use clap::ValueEnum;
use kisi_core::authoring::check::CheckFormat;
use kisi_core::i18n::Lang;
use kisi_core::quiz::{QuestionKind, QuizOptions, minutes_limit};
use kisi_tui::screens::class_quiz;

#[derive(Debug, clap::Args)]
pub struct QuizArgs {
    /// Ask on standard input and output, without the full-screen interface.
    #[arg(long)]
    pub plain: bool,
    /// Make the quiz exactly repeatable: the same seed asks the same questions.
    #[arg(long)]
    pub seed: Option<u64>,
    /// How many questions.
    #[arg(long, default_value_t = 10)]
    pub count: usize,
    /// Only this topic (by id, see `kisi list`); repeat for several.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// Only this kind of question; repeat for several.
    #[arg(long = "kind", value_enum)]
    pub kinds: Vec<KindArg>,
    /// A time limit in minutes; 0 for none.
    #[arg(long, value_name = "MINUTES")]
    pub time_limit: Option<u64>,
}

#[derive(Debug, clap::Args)]
pub struct PresentArgs {
    /// Only this topic (by id, see `kisi list`); repeat for several.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// A class quiz instead of slides: one question at a time, answers revealed on a key.
    #[arg(long)]
    pub quiz: bool,
    /// Class quiz: the same seed asks the same questions, to prepare and repeat a set.
    #[arg(long, requires = "quiz")]
    pub seed: Option<u64>,
    /// Class quiz: how many questions.
    #[arg(long, default_value_t = 10, requires = "quiz")]
    pub count: usize,
    /// Class quiz: seconds per question before the answer is revealed (0: no countdown).
    #[arg(long, default_value_t = class_quiz::DEFAULT_SECONDS, value_name = "N", requires = "quiz")]
    pub seconds: u64,
}

/// Question kinds as they are named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Choice,
    TrueFalse,
    Typed,
    Ordering,
    Matching,
    ListAll,
    Flashcard,
}

impl From<KindArg> for QuestionKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Choice => QuestionKind::Choice,
            KindArg::TrueFalse => QuestionKind::TrueFalse,
            KindArg::Typed => QuestionKind::Typed,
            KindArg::Ordering => QuestionKind::Ordering,
            KindArg::Matching => QuestionKind::Matching,
            KindArg::ListAll => QuestionKind::ListAll,
            KindArg::Flashcard => QuestionKind::Flashcard,
        }
    }
}

/// The interface languages as they are named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia (the default).
    Id,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

/// `kisi check`'s output formats as they are named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum FormatArg {
    /// rustc-style messages with the offending lines.
    #[default]
    Human,
    /// One JSON document: `valid`, `errors` and `summary`.
    Json,
}

impl From<FormatArg> for CheckFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Human => CheckFormat::Human,
            FormatArg::Json => CheckFormat::Json,
        }
    }
}

pub fn quiz_options(args: &QuizArgs, lang: Lang) -> QuizOptions {
    QuizOptions {
        topics: args.topics.clone(),
        count: args.count,
        kinds: args.kinds.iter().map(|k| QuestionKind::from(*k)).collect(),
        seed: args.seed.unwrap_or_else(clock_seed),
        lang,
        time_limit: args.time_limit.and_then(minutes_limit),
    }
}

/// A seed that differs from run to run, for when none is given.
pub fn clock_seed() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
}
