//! The command line: `kisi` opens the TUI; subcommands print plain text for
//! scripts, checks and screen readers.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use shell::Shell;

mod export;
mod help;
mod host;
mod import;
mod join;
mod library;
mod questions;
pub mod search_output;
mod shell;
pub mod stats_output;
mod study;

use kisi_core::authoring::check::CheckFormat;
use kisi_core::authoring::{self, starter};
use kisi_core::content::diagnostic::Report;
use kisi_core::content::language::pack_language;
use kisi_core::content::{Pack, builtin, cache};
use kisi_core::i18n::{Lang, Strings};
use kisi_core::progress::{Day, Progress, Store, compute_stats};
use kisi_core::quiz::{QuestionKind, QuizOptions, minutes_limit};
use kisi_core::search::Searcher;
use kisi_core::text::printable_line;
use kisi_tui as tui;
use kisi_tui::StartAt;
use kisi_tui::app::App;
use kisi_tui::screens::class_quiz;

#[derive(Debug, Parser)]
#[command(
    name = "kisi",
    version,
    about = "A terminal study guide: browse, search and quiz yourself"
)]
pub struct Cli {
    /// Load the pack in DIR instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,
    /// Load --content from its TOML files every time, without the compiled
    /// copy kept in the user's cache folder (also `KISI_NO_CACHE=1`).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Open the pack ID from the library (see `kisi packs`) instead of the built-in one.
    #[arg(long, global = true, value_name = "ID", conflicts_with = "content")]
    pub pack: Option<String>,
    /// Keep progress in DIR (e.g. a USB stick) instead of the user's data folder.
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The date of your exam (YYYY-MM-DD): reviews are planned so that every
    /// item is seen, and weak ones come back, before it. Saved for next time.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub exam_date: Option<Day>,
    /// Language of the interface (default: the pack's `language` when it is Indonesian or
    /// English, else from `LC_ALL`, `LC_MESSAGES` or `LANG`, else Indonesian).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Colours of the interface: a built-in theme (see `kisi themes`) or the path of a theme file.
    /// `NO_COLOR` overrides it with `mono`.
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a pack and print every problem found (exit 0 when valid, 1 when not).
    Check {
        /// The pack folder (default: --content, else the built-in pack).
        dir: Option<PathBuf>,
        /// `human` (rustc-style messages) or `json` (for editors and CI).
        #[arg(long, value_enum, default_value_t)]
        format: FormatArg,
    },
    /// Print the topics and entries with their ids.
    List,
    /// Print one entry as plain text.
    Show {
        /// The entry's id, as `kisi list` prints it.
        id: String,
    },
    /// Search the pack and print the ranked results (no full-screen interface).
    Search {
        /// The words to look for; each must match (in any order). Quote a word for an exact match.
        #[arg(required = true)]
        query: Vec<String>,
        /// Print at most N results.
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print your progress: mastery per topic, reviews per day, what is due, mock exams.
    Stats {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Quiz yourself: opens quiz setup, or asks on stdin/stdout with --plain.
    Quiz(QuizArgs),
    /// Review what is due today (and new items), saving progress: opens kisi
    /// (choose Review on Home), or asks on stdin/stdout with --plain.
    Review(study::StudyArgs),
    /// Take a mock exam to the pack's blueprint, kept in the history: opens
    /// kisi (choose Mock exam on Home), or asks on stdin/stdout with --plain.
    Exam(study::StudyArgs),
    /// Print the questions a quiz would ask, with their options and right answers (to check before class).
    Questions(questions::QuestionsArgs),
    /// Present to a room: one entry per slide, or with --quiz a class quiz with a countdown.
    Present(PresentArgs),
    /// Create a small, valid starter pack in a new or empty folder, with comments on every field.
    New {
        /// The folder to create (it must not exist or be empty).
        #[arg(value_name = "PACKDIR")]
        dir: PathBuf,
    },
    /// Import questions or flashcards into a pack: Moodle GIFT or Aiken, Anki or Quizlet text, CSV.
    Import(import::ImportArgs),
    /// Write the pack out: Anki notes, Moodle GIFT questions, a printable kisi-kisi (HTML, Markdown).
    Export(export::ExportArgs),
    /// List the packs of the library: yours, the system's (/usr/share/kisi/packs) and `KISI_PATH`'s.
    Packs,
    /// Check the pack in DIR and copy it into your library.
    Add {
        /// The pack folder.
        #[arg(value_name = "PACKDIR")]
        dir: PathBuf,
    },
    /// Remove the pack ID from your library.
    Remove {
        /// The pack's id, as `kisi packs` prints it.
        id: String,
    },
    /// Print a shell completion script, e.g. `kisi completions bash > /etc/bash_completion.d/kisi`.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// List the built-in themes, or print one to copy and change: `kisi themes light > my.toml`.
    Themes {
        /// A built-in theme to print.
        name: Option<String>,
    },
    /// Open a live class quiz on the lab network: students answer with `kisi join`.
    Host(host::HostArgs),
    /// Join a live class quiz: `kisi join 10.1.2.3:7878 K7XQ2P`.
    Join(join::JoinArgs),
    /// Print the manual page (roff), e.g. `kisi man > kisi.1`, `kisi man check > kisi-check.1`.
    Man {
        /// A subcommand, for its own page.
        subcommand: Option<String>,
    },
}

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

/// Parses the command line in the language it asks for (flag or locale),
/// with clap's help and errors in that language too.
fn parse() -> Result<(Cli, Lang), ExitCode> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let asked = help::lang_of(&args, |name| std::env::var(name).ok());
    let mut command = help::localized(Cli::command(), asked);
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => Ok((cli, asked)),
        // clap quotes the arguments it rejects as they are: made safe there.
        Err(error) if error.use_stderr() => {
            eprint!("{}", help::render_error(&error, &mut command, asked));
            Err(ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2)))
        }
        Err(help_or_version) => help_or_version.exit(),
    }
}

/// The UI language: `--lang`, else the pack's `language`, else the
/// environment. Commands that open no pack (a new one, an import, the
/// library, joining a room) speak the environment's.
fn ui_lang(cli: &Cli) -> Lang {
    let pack_dir = match &cli.command {
        Some(
            Command::New { .. }
            | Command::Import(_)
            | Command::Packs
            | Command::Add { .. }
            | Command::Remove { .. }
            | Command::Join(_)
            | Command::Completions { .. }
            | Command::Man { .. },
        ) => None,
        Some(Command::Check { dir, .. }) => Some(dir.as_deref().or(cli.content.as_deref())),
        _ => Some(cli.content.as_deref()),
    };
    Lang::choose(
        cli.lang.map(Lang::from),
        pack_dir.and_then(pack_language).as_deref(),
        |name| std::env::var(name).ok(),
    )
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    if let Some(code) = tui::guard::run_if_guard() {
        return code;
    }
    let (mut cli, _) = match parse() {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    let lang = ui_lang(&cli);
    let strings = lang.strings();
    if let Some(id) = &cli.pack {
        match library::resolve(id, cli.data_dir.as_deref(), lang) {
            Ok(dir) => cli.content = dir,
            Err(code) => return code,
        }
    }
    if cli.theme.as_deref() == Some("list") {
        return themes(None);
    }
    match &cli.command {
        Some(Command::Check { dir, format }) => check(
            dir.as_deref().or(cli.content.as_deref()),
            (*format).into(),
            lang,
        ),
        Some(Command::List) => with_pack(&cli, print_list),
        Some(Command::Show { id }) => with_pack(&cli, |pack| print_entry(pack, id, lang)),
        Some(Command::Search { query, limit, json }) => {
            match load_pack_with_searcher(cli.content.as_deref(), cli.no_cache) {
                Ok((pack, mut searcher)) => print_search(
                    &pack,
                    &mut searcher,
                    &query.join(" "),
                    strings,
                    *limit,
                    *json,
                )
                .unwrap_or_else(|error| report_io(&error)),
                Err(report) => {
                    eprint!("{}", report.render(color_for(&io::stderr())));
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::New { dir }) => starter::run(dir, lang),
        Some(Command::Export(args)) => with_pack(&cli, |pack| export::run(pack, args, lang)),
        Some(Command::Packs) => library::packs(cli.data_dir.as_deref(), lang),
        Some(Command::Add { dir }) => {
            library::add(dir, cli.data_dir.as_deref(), lang, color_for(&io::stderr()))
        }
        Some(Command::Remove { id }) => library::remove(id, cli.data_dir.as_deref(), lang),
        Some(Command::Import(args)) => import::run(args, lang, color_for(&io::stderr())),
        Some(Command::Completions { shell }) => {
            shell::print(Ok(shell::completions(*shell, Cli::command())))
        }
        Some(Command::Man { subcommand }) => {
            shell::print(shell::man_page(Cli::command(), subcommand.as_deref()))
        }
        Some(Command::Questions(args)) => with_pack(&cli, |pack| questions::run(pack, args, lang)),
        Some(Command::Quiz(args)) if args.plain => {
            with_pack(&cli, |pack| study::plain_quiz(&cli, pack, args, lang))
        }
        Some(Command::Review(args)) if args.plain => {
            with_pack(&cli, |pack| study::plain_review(&cli, pack, args, lang))
        }
        Some(Command::Exam(args)) if args.plain => {
            with_pack(&cli, |pack| study::plain_exam(&cli, pack, args, lang))
        }
        Some(Command::Stats { json }) => with_pack(&cli, |pack| {
            let study = Study::open(pack, cli.data_dir.as_deref(), cli.exam_date, lang);
            study.print_warnings();
            let stats = compute_stats(
                pack,
                study.progress.state(),
                Day::today(),
                study.exam_date,
                STATS_WEEKS,
            );
            let mut out = io::stdout().lock();
            stats_output::write_stats(&stats, lang, *json, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }),
        Some(Command::Quiz(args)) => open_tui(&cli, lang, Start::Quiz(args)),
        Some(Command::Present(args)) => open_tui(&cli, lang, Start::Present(args)),
        // Review and exam open on Home, which has both.
        None | Some(Command::Review(_) | Command::Exam(_)) => open_tui(&cli, lang, Start::Home),
        Some(Command::Themes { name }) => themes(name.as_deref()),
        Some(Command::Host(args)) => host::run(&cli, args, lang),
        Some(Command::Join(args)) => join::run(&cli, args, lang),
    }
}

/// Loads the pack from `dir` (through the compiled cache unless `no_cache`),
/// or the built-in one.
fn load_pack(dir: Option<&Path>, no_cache: bool) -> Result<Pack, Report> {
    match dir {
        Some(dir) => cache::load_dir_cached(dir, cache_root(no_cache).as_deref()),
        None => builtin::builtin_pack(),
    }
}

/// [`load_pack`] with a searcher, whose index comes from the cache too.
fn load_pack_with_searcher(dir: Option<&Path>, no_cache: bool) -> Result<(Pack, Searcher), Report> {
    match dir {
        Some(dir) => cache::load_dir_cached_with_searcher(dir, cache_root(no_cache).as_deref()),
        None => builtin::builtin_pack().map(|pack| {
            let searcher = Searcher::new(&pack);
            (pack, searcher)
        }),
    }
}

/// The compiled pack cache's folder, unless `--no-cache` or `KISI_NO_CACHE`.
fn cache_root(no_cache: bool) -> Option<PathBuf> {
    let off = std::env::var_os("KISI_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0");
    if no_cache || off {
        None
    } else {
        cache::default_cache_root()
    }
}

fn color_for(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Loads the pack, reporting any problem on stderr, then runs `print`.
fn with_pack(cli: &Cli, print: impl FnOnce(&Pack) -> io::Result<ExitCode>) -> ExitCode {
    match load_pack(cli.content.as_deref(), cli.no_cache) {
        Ok(pack) => print(&pack).unwrap_or_else(|error| report_io(&error)),
        Err(report) => {
            eprint!("{}", report.render(color_for(&io::stderr())));
            ExitCode::FAILURE
        }
    }
}

/// The end of a command whose output failed. A closed pipe (`kisi list |
/// head`) is a reader that has seen enough: like standard tools, kisi stops
/// quietly, and with success (Rust ignores SIGPIPE, so the error is seen
/// here instead of the signal ending the process).
fn report_io(error: &io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("kisi: {}", printable_line(&error.to_string()));
    ExitCode::FAILURE
}

fn check(dir: Option<&Path>, format: CheckFormat, lang: Lang) -> ExitCode {
    let strings = lang.strings();
    // A check always validates the TOML itself, never a cached copy.
    let result = load_pack(dir, true);
    let warnings = result
        .as_ref()
        .ok()
        .map(|pack| authoring::lint::pack_warnings(dir, pack, lang));
    if format == CheckFormat::Json {
        return authoring::check::print_json(&result, warnings.as_ref());
    }
    let mut out = io::stdout().lock();
    let (written, verdict) = match result {
        Ok(pack) => (
            writeln!(
                out,
                "{}: {} ({})",
                strings.pack_valid,
                pack.meta.title,
                strings.pack_counts(pack.topics.len(), pack.entry_count(), pack.point_count())
            )
            .and_then(|()| authoring::lint::print_warnings(&mut out, warnings.as_ref(), lang)),
            ExitCode::SUCCESS,
        ),
        Err(report) => (
            write!(out, "{}", report.render(color_for(&io::stdout()))),
            ExitCode::FAILURE,
        ),
    };
    // The exit code is the verdict on the pack, closed pipe or not.
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => report_io(&error),
        _ => verdict,
    }
}

fn print_list(pack: &Pack) -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{} ({} {})",
        pack.meta.title, pack.meta.id, pack.meta.version
    )?;
    for topic in &pack.topics {
        writeln!(out)?;
        writeln!(out, "{}  [{}]", topic.title, topic.id)?;
        let width = topic.entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
        for entry in &topic.entries {
            writeln!(out, "  {:<width$}  {}", entry.id, entry.title)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print_entry(pack: &Pack, id: &str, lang: Lang) -> io::Result<ExitCode> {
    let strings = lang.strings();
    let Some(at) = pack.find_entry(id) else {
        let near = pack.entry_suggestions(id);
        eprintln!("kisi: {}", lang.cli_words().entry_not_found(id, &near));
        return Ok(ExitCode::FAILURE);
    };
    let (Some(topic), Some(entry)) = (pack.topic(at.topic), pack.entry(at)) else {
        return Ok(ExitCode::FAILURE);
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", entry.title)?;
    writeln!(out, "{} › {}  [{}]", pack.meta.title, topic.title, entry.id)?;
    writeln!(out)?;
    writeln!(out, "{}", entry.body)?;
    if !entry.points.is_empty() {
        writeln!(out)?;
        for (index, point) in entry.points.iter().enumerate() {
            writeln!(out, "  {}. {}", point.display_label(index), point.text)?;
        }
    }
    writeln!(out)?;
    if let Some(english) = &entry.english {
        writeln!(out, "{}: {english}", strings.english_term)?;
    }
    if !entry.aliases.is_empty() {
        writeln!(out, "{}: {}", strings.aliases, entry.aliases.join(", "))?;
    }
    writeln!(out, "{}: {}", strings.source, pack.citation(entry))?;
    if let Some(note) = &entry.note {
        writeln!(out, "{}: {note}", strings.note)?;
    }
    if !entry.see_also.is_empty() {
        writeln!(out, "{}: {}", strings.see_also, entry.see_also.join(", "))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn print_search(
    pack: &Pack,
    searcher: &mut Searcher,
    query: &str,
    strings: &Strings,
    limit: usize,
    json: bool,
) -> io::Result<ExitCode> {
    let results = searcher.search(pack, query);
    let mut out = io::stdout().lock();
    if json {
        search_output::write_json(&results, pack, limit, &mut out)?;
    } else if results.is_empty() {
        eprintln!("{}", strings.search_no_hit(query, &pack.meta.title));
    } else {
        search_output::write_plain(&results, pack, strings, limit, &mut out)?;
    }
    out.flush()?;
    // Like grep: 1 when nothing matched, so that scripts can tell.
    Ok(if results.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn quiz_options(args: &QuizArgs, lang: Lang) -> QuizOptions {
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
fn clock_seed() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() ^ u64::from(d.subsec_nanos()))
}

/// `--exam-date`'s parser as the derive names it; [`help::localized`] puts
/// in the one of the UI language.
fn parse_day(text: &str) -> Result<Day, String> {
    help::parse_day(text, Lang::En)
}

/// How many weeks of reviews the statistics show.
const STATS_WEEKS: u32 = 4;

/// The student's saved progress for one pack, and the exam date in force.
struct Study {
    progress: Progress,
    exam_date: Option<Day>,
    warnings: Vec<String>,
}

impl Study {
    /// Opens the store; never fails: a store that cannot be used means
    /// progress for this session only, with a warning.
    fn open(pack: &Pack, data_dir: Option<&Path>, exam_date: Option<Day>, lang: Lang) -> Self {
        let (store, mut warnings) = Store::open(data_dir);
        let (log, log_warnings) = store.pack(&pack.meta.id);
        warnings.extend(log_warnings);
        let (mut settings, settings_warnings) = store.settings();
        warnings.extend(settings_warnings);
        let today = Day::today();
        let date_message = exam_date
            .or_else(|| settings.exam_dates.get(&pack.meta.id).copied())
            .and_then(|day| kisi_core::progress::exam_date_message(day, today, lang));
        let exam_date = match exam_date {
            // A date already past plans nothing: said, and not saved over
            // the one kept.
            Some(day) if day < today => settings.exam_dates.get(&pack.meta.id).copied(),
            Some(day) => {
                settings.exam_dates.insert(pack.meta.id.clone(), day);
                if let Err(warning) = store.save_settings(&settings) {
                    warnings.push(warning);
                }
                Some(day)
            }
            None => settings.exam_dates.get(&pack.meta.id).copied(),
        };
        Self {
            progress: Progress::new(log),
            exam_date,
            // Paths in the warnings come from --data-dir.
            warnings: warnings
                .iter()
                .map(|w| printable_line(&w.message(lang)).into_owned())
                .chain(date_message)
                .collect(),
        }
    }

    fn print_warnings(&self) {
        for warning in &self.warnings {
            eprintln!("kisi: {warning}");
        }
    }
}

/// The screen the TUI opens on.
#[derive(Clone, Copy)]
enum Start<'a> {
    Home,
    Quiz(&'a QuizArgs),
    Present(&'a PresentArgs),
}

impl Start<'_> {
    /// What to ask the TUI to open on.
    fn at(self) -> StartAt {
        match self {
            Start::Home => StartAt::Home,
            Start::Quiz(args) => StartAt::QuizSetup {
                topics: args.topics.clone(),
                kinds: args.kinds.iter().map(|k| QuestionKind::from(*k)).collect(),
                count: args.count,
                minutes: args.time_limit.unwrap_or(0),
            },
            Start::Present(args) if args.quiz => StartAt::ClassQuiz {
                topics: args.topics.clone(),
                count: args.count,
                seconds: args.seconds,
            },
            Start::Present(args) => StartAt::Present {
                topics: args.topics.clone(),
            },
        }
    }

    /// The seed the session's draws start from: the one given, or the clock.
    fn seed(self) -> u64 {
        match self {
            Start::Quiz(args) => args.seed,
            Start::Present(args) => args.seed,
            Start::Home => None,
        }
        .unwrap_or_else(clock_seed)
    }
}

/// Lists the built-in themes, or prints the TOML of the one called `name`.
fn themes(name: Option<&str>) -> ExitCode {
    let result = match name {
        None => tui::theme::BUILTIN.iter().try_for_each(|(name, source)| {
            writeln!(
                io::stdout(),
                "{name:<14} {}",
                tui::theme::description(source)
            )
        }),
        Some(name) => {
            let Some((_, source)) = tui::theme::BUILTIN.iter().find(|(n, _)| *n == name) else {
                eprintln!(
                    "kisi: no built-in theme `{}`. kisi themes",
                    printable_line(name)
                );
                return ExitCode::FAILURE;
            };
            write!(io::stdout(), "{source}")
        }
    };
    result.map_or_else(|error| report_io(&error), |()| ExitCode::SUCCESS)
}

fn open_tui(cli: &Cli, lang: Lang, start: Start) -> ExitCode {
    // Report bad content before the terminal switches to full screen. The
    // search index comes later, on the search thread.
    let loaded = match cli.content.as_deref() {
        Some(dir) => cache::load_dir_cached_with_index(dir, cache_root(cli.no_cache).as_deref())
            .map(|(pack, index)| (pack, Some(index))),
        None => builtin::builtin_pack().map(|pack| (pack, None)),
    };
    let (pack, search_index) = match loaded {
        Ok(loaded) => loaded,
        Err(report) => {
            eprint!("{}", report.render(color_for(&io::stderr())));
            return ExitCode::FAILURE;
        }
    };
    let no_color = std::env::var("NO_COLOR").ok();
    let theme = match tui::theme::Theme::resolve(cli.theme.as_deref(), no_color.as_deref()) {
        Ok(theme) => theme,
        Err(report) => {
            eprint!("{}", report.render(color_for(&io::stderr())));
            return ExitCode::FAILURE;
        }
    };
    let mut app = match App::new(pack, lang, theme)
        .with_seed(start.seed())
        .start_at(start.at())
    {
        Ok(app) => app,
        Err(message) => {
            eprintln!("kisi: {message}");
            return ExitCode::FAILURE;
        }
    };
    app.search_index = search_index;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!("kisi: {}", lang.strings().not_a_terminal);
        return ExitCode::from(2);
    }
    let mut study = Study::open(&app.env.pack, cli.data_dir.as_deref(), cli.exam_date, lang);
    app.env.progress = study.progress.state().clone();
    app.env.exam_date = study.exam_date;
    app.env.warnings = std::mem::take(&mut study.warnings);
    app.env.content.clone_from(&cli.content);
    match tui::run(app, &mut study.progress) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kisi: {error}");
            ExitCode::FAILURE
        }
    }
}
