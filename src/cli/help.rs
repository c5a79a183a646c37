//! clap in the user's language: the `Command` gets the help texts, headings
//! and argument errors of the UI language before it parses, and each
//! subcommand's help lists only the global options that apply to it.

use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use kisi_core::i18n::{CliHelp, Lang};
use kisi_core::progress::Day;
use kisi_core::text::printable_line;

/// The global options, by id.
const GLOBALS: [&str; 7] = [
    "content",
    "no_cache",
    "pack",
    "data_dir",
    "exam_date",
    "lang",
    "theme",
];

/// The global options each subcommand uses; the others are hidden from its
/// help (they are still accepted, so a script that passes them keeps working).
/// A subcommand not named here lists them all.
fn applies(subcommand: &str, global: &str) -> bool {
    // The pack to open: --content DIR, or --pack ID of the library.
    let pack = matches!(global, "content" | "no_cache" | "pack");
    match subcommand {
        "check" => matches!(global, "content" | "pack" | "lang"),
        "list" | "show" | "search" | "questions" | "export" => pack || global == "lang",
        "stats" => global != "theme",
        "present" => pack || matches!(global, "lang" | "theme"),
        "host" | "join" => pack || matches!(global, "data_dir" | "lang" | "theme"),
        "packs" | "add" | "remove" => matches!(global, "data_dir" | "lang"),
        "new" | "import" => global == "lang",
        "completions" | "man" | "themes" => false,
        _ => true,
    }
}

/// The UI language as the command line asks for it, read before clap
/// parses (its help and errors are in that language): `--lang X` or
/// `--lang=X`, else the environment.
pub fn lang_of(args: &[String], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut asked = None;
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = if word == "--lang" {
            words.next().map(String::as_str)
        } else {
            word.strip_prefix("--lang=")
        };
        match value {
            Some("en") => asked = Some(Lang::En),
            Some("id") => asked = Some(Lang::Id),
            _ => {}
        }
    }
    asked.unwrap_or_else(|| Lang::from_env(env))
}

/// `command` with its help in `lang`, each subcommand's help showing only
/// the global options that apply to it.
pub fn localized(command: Command, lang: Lang) -> Command {
    let words = lang.cli_help();
    let mut command = command.mut_arg("exam_date", move |a| {
        a.value_parser(move |text: &str| parse_day(text, lang))
    });
    if words.translated {
        command = translate(command, "", words);
    }
    // A subcommand that has an argument of a global's id keeps its own
    // (clap propagates only the missing ones): a hidden copy hides it.
    let globals: Vec<clap::Arg> = command
        .get_arguments()
        .filter(|a| GLOBALS.contains(&a.get_id().as_str()))
        .cloned()
        .collect();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |mut sub| {
            for global in &globals {
                if !applies(&name, global.get_id().as_str()) {
                    sub = sub.arg(global.clone().hide(true));
                }
            }
            sub
        });
    }
    if words.translated {
        // The help subcommand is made as the command is built.
        command.build();
        command = command.mut_subcommand("help", |sub| sub.about(words.help_command));
    }
    command
}

/// Gives `command` (whose path is `path`, "" for the top) and its
/// subcommands the words of `words`.
fn translate(mut command: Command, path: &str, words: &'static CliHelp) -> Command {
    if let Some(about) = words.text(path, "") {
        command = command.about(about).long_about(None);
    }
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = if positional {
            words.arguments
        } else {
            words.options
        };
        let help = words.text(path, &id);
        command = command.mut_arg(&id, |a| {
            // The values and defaults are named in the translated text.
            let values = a.get_action().takes_values() && !a.get_possible_values().is_empty();
            let default = a.get_action().takes_values() && !a.get_default_values().is_empty();
            let a = a
                .help_heading(heading)
                .hide_possible_values(values)
                .hide_default_value(default);
            match help {
                Some(help) => a.help(help).long_help(None),
                None => a,
            }
        });
    }
    command = command
        .help_template(words.template)
        .subcommand_help_heading(words.commands)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .help(words.help)
                .help_heading(words.options)
                .action(ArgAction::Help),
        );
    if path.is_empty() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .help(words.version)
                .help_heading(words.options)
                .action(ArgAction::Version),
        );
    }
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        command = command.mut_subcommand(&sub, |s| translate(s, &sub, words));
    }
    command
}

/// A `YYYY-MM-DD` date in [`Day::YEARS`], or why `text` is not one.
pub fn parse_day(text: &str, lang: Lang) -> Result<Day, String> {
    Day::parse(text).ok_or_else(|| {
        lang.cli_help()
            .bad_date
            .replace("{value}", &printable_line(text))
    })
}

/// A clap error as the user's language says it; English keeps clap's own.
pub fn render_error(error: &clap::Error, command: &mut Command, lang: Lang) -> String {
    let words = lang.cli_help();
    if !words.translated {
        return printable_line_keep_newlines(&error.render().to_string());
    }
    let get = |kind| error.get(kind).map(context_text);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::UnknownArgument => words.unknown_argument.replace("{arg}", &arg),
        ErrorKind::InvalidSubcommand => words.unknown_command.replace(
            "{arg}",
            &get(ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::InvalidValue => words
            .invalid_value
            .replace("{value}", &value)
            .replace("{arg}", &arg),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error).map(ToString::to_string);
            let invalid = words
                .invalid_value
                .replace("{value}", &value)
                .replace("{arg}", &arg);
            // Rust's own words for a number that is none are English.
            let why = match std::error::Error::source(error) {
                Some(source) if source.is::<std::num::ParseIntError>() => {
                    Some(words.not_a_number.to_owned())
                }
                _ => why,
            };
            why.map_or(invalid.clone(), |why| format!("{invalid}: {why}"))
        }
        ErrorKind::MissingRequiredArgument => words.missing_argument.replace("{arg}", &arg),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            words.missing_command.to_string()
        }
        ErrorKind::ArgumentConflict => words
            .conflict
            .replace("{arg}", &arg)
            .replace("{other}", &get(ContextKind::PriorArg).unwrap_or_default()),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            words.wrong_values.replace("{arg}", &arg)
        }
        _ => words.other.to_string(),
    };
    if let Some(valid) = get(ContextKind::ValidValue) {
        let _ = write!(message, "\n  {} {valid}", words.possible_values);
    }
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(suggested) = get(kind) {
            let _ = write!(message, "\n  {} `{suggested}`?", words.did_you_mean);
        }
    }
    if let Some(hint) = get(ContextKind::Suggested) {
        // clap's "'quiz --topic' exists": the quoted part is the hint.
        let hint = hint.split('\'').nth(1).unwrap_or(&hint).to_owned();
        let _ = write!(message, "\n  {}", words.exists_in.replace("{hint}", &hint));
    }
    let usage = get(ContextKind::Usage).unwrap_or_else(|| command.render_usage().to_string());
    let usage = in_words(usage.trim_start_matches("Usage:").trim(), words);
    format!(
        "{} {}\n\n{} {usage}\n\n{}\n",
        words.error,
        kisi_core::text::printable(&message),
        words.usage,
        words.more_help
    )
}

/// A usage line with clap's `[OPTIONS]` and `[COMMAND]` in the language's
/// words.
pub fn in_words(usage: &str, words: &CliHelp) -> String {
    words
        .placeholders
        .iter()
        .fold(usage.to_owned(), |usage, (clap, ours)| {
            usage.replace(clap, ours)
        })
}

/// clap's rendered message, unsafe characters of the arguments escaped.
fn printable_line_keep_newlines(text: &str) -> String {
    kisi_core::text::printable(text).into_owned()
}

fn context_text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(text) => text.clone(),
        ContextValue::Strings(texts) => texts.join(", "),
        ContextValue::StyledStr(text) => styled(text),
        ContextValue::StyledStrs(texts) => texts.iter().map(styled).collect::<Vec<_>>().join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn styled(text: &StyledStr) -> String {
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_string()).collect()
    }

    #[test]
    fn the_language_is_read_from_the_arguments_before_the_environment() {
        let english = |name: &str| (name == "LANG").then(|| "en_US.UTF-8".to_string());
        let none = |_: &str| None;
        assert_eq!(
            lang_of(&args(&["kisi", "--lang", "en", "check"]), none),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["kisi", "check", "--lang=en"]), none),
            Lang::En
        );
        assert_eq!(lang_of(&args(&["kisi", "--lang", "id"]), english), Lang::Id);
        assert_eq!(lang_of(&args(&["kisi", "check"]), english), Lang::En);
        assert_eq!(
            lang_of(&args(&["kisi", "--", "--lang", "en"]), none),
            Lang::Id
        );
    }
}

#[cfg(test)]
mod translated {
    use clap::CommandFactory;

    use kisi_core::i18n::CLI_HELP_INDONESIAN;

    /// Issue 16: `--help` is in Indonesian all through, not only the
    /// words clap has: every command and every argument a user sees has
    /// its text.
    #[test]
    fn every_command_and_argument_has_an_indonesian_text() {
        let words = &CLI_HELP_INDONESIAN;
        let command = super::super::Cli::command();
        let mut missing = Vec::new();
        let subcommands = command.get_subcommands().map(|s| (s.get_name(), s));
        for (path, cmd) in std::iter::once(("", &command)).chain(subcommands) {
            if words.text(path, "").is_none() {
                missing.push(format!("{path}: (about)"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if arg.is_hide_set() || matches!(id, "help" | "version") {
                    continue;
                }
                if words.text(path, id).is_none() {
                    missing.push(format!("{path}: {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}
