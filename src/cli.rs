//! The command line: `kisi` opens the TUI; subcommands print plain text for
//! scripts, checks and screen readers. This file holds clap's definitions
//! and the dispatch; each command's work is in a file of src/cli/.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use shell::Shell;

mod args;
mod check;
mod export;
mod help;
mod host;
mod import;
mod join;
mod library;
mod load;
mod open;
mod print;
mod progress;
mod questions;
pub mod search_output;
mod shell;
pub mod stats_output;
mod study;

pub use args::{FormatArg, KindArg, LangArg, PresentArgs, QuizArgs};
use args::{clock_seed, quiz_options};
use kisi_core::authoring::starter;
use kisi_core::content::language::pack_language;
use kisi_core::i18n::Lang;
use kisi_core::progress::{Day, compute_stats};
use kisi_tui as tui;
use load::{color_for, load_pack, load_pack_with_searcher, report_io, with_pack};
use open::{Start, open_tui};
use print::{print_entry, print_list, print_search, themes};
use progress::Study;

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
    /// Notes for Home about the pack chosen (the last one is gone).
    #[arg(skip)]
    pub notes: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a pack and print every problem found (exit 0 when valid, 1 when not).
    Check {
        /// The pack folders, checked one after another (default: --content, else the built-in pack).
        #[arg(value_name = "DIR")]
        dir: Vec<PathBuf>,
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

/// `--exam-date`'s parser as the derive names it; [`help::localized`] puts
/// in the one of the UI language.
fn parse_day(text: &str) -> Result<Day, String> {
    help::parse_day(text, Lang::En)
}

/// How many weeks of reviews the statistics show.
const STATS_WEEKS: u32 = 4;

/// Parses the command line in the language it asks for (flag or locale),
/// with clap's help and errors in that language too.
fn parse() -> Result<(Cli, Lang), ExitCode> {
    // Paths reach clap as they are (a file name need not be UTF-8); the
    // language is looked for in their text.
    let given: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let args: Vec<String> = given
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let asked = help::lang_of(&args, |name| std::env::var(name).ok());
    let mut command = help::localized(Cli::command(), asked);
    let parsed = command
        .try_get_matches_from_mut(&given)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(cli) => Ok((cli, asked)),
        // clap quotes the arguments it rejects as they are: made safe there.
        Err(error) if error.use_stderr() => {
            eprint!("{}", help::render_error(&error, &mut command, asked));
            Err(ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2)))
        }
        Err(help_or_version) if help_or_version.kind() == clap::error::ErrorKind::DisplayHelp => {
            let help = help_or_version.render().to_string();
            // A closed pipe (`kisi --help | head`) has read enough.
            let _ = io::stdout().write_all(help::in_words(&help, asked.cli_help()).as_bytes());
            Err(ExitCode::SUCCESS)
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
        Some(Command::Check { dir, .. }) => Some(
            cli.content
                .as_deref()
                .or_else(|| dir.first().map(PathBuf::as_path)),
        ),
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
    if let Err(code) = library::choose(&mut cli, lang) {
        return code;
    }
    // The pack found in the library speaks its language too.
    let lang = ui_lang(&cli);
    let strings = lang.strings();
    if cli.theme.as_deref() == Some("list") {
        return themes(None, lang);
    }
    match &cli.command {
        Some(Command::Check { dir, format }) => check::run(&cli, dir, (*format).into()),
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
                .unwrap_or_else(|error| report_io(&error, lang)),
                Err(report) => {
                    eprint!("{}", report.render(color_for(&io::stderr()), lang));
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
            shell::print(Ok(shell::completions(*shell, Cli::command())), lang)
        }
        Some(Command::Man { subcommand }) => shell::print(
            shell::man_page(Cli::command(), subcommand.as_deref(), lang),
            lang,
        ),
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
        Some(Command::Themes { name }) => themes(name.as_deref(), lang),
        Some(Command::Host(args)) => host::run(&cli, args, lang),
        Some(Command::Join(args)) => join::run(&cli, args, lang),
    }
}
