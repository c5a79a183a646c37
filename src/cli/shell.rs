//! Shell completions and the man page, generated from the clap definition of
//! the command line so that they never fall behind it.

use std::io::{self, Write};
use std::process::ExitCode;

use kisi_core::i18n::{Lang, io_text};
use kisi_core::quiz::wording::fill;
use kisi_core::text::printable_line;

pub use clap_complete::Shell;

/// The completion script of `command` for `shell`.
pub fn completions(shell: Shell, mut command: clap::Command) -> Vec<u8> {
    let name = command.get_name().to_owned();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, name, &mut script);
    script
}

/// The man page of `command` (roff), or of one of its subcommands: the main
/// page refers to `kisi-SUBCOMMAND(1)` for each of them.
///
/// # Errors
/// When `subcommand` is not a subcommand of `command`: what to say, in
/// `lang`.
pub fn man_page(
    mut command: clap::Command,
    subcommand: Option<&str>,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    command.build();
    // The footer of every page, e.g. "kisi 0.1.0".
    let source = format!(
        "{} {}",
        command.get_name(),
        command.get_version().unwrap_or_default()
    );
    let page = match subcommand {
        None => command,
        Some(wanted) => {
            let Some(sub) = command.find_subcommand(wanted) else {
                let known: Vec<&str> = command
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .collect();
                return Err(fill(
                    lang.cli_words().not_a_subcommand,
                    &[
                        ("name", &printable_line(wanted)),
                        ("names", &known.join(", ")),
                    ],
                ));
            };
            // Built, it has the display name `kisi-SUBCOMMAND` the main page refers to.
            sub.clone()
        }
    };
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page)
        .source(source)
        .render(&mut bytes)
        .map_err(|error| io_text(&error, lang))?;
    Ok(bytes)
}

/// Writes `bytes` to stdout, or says why there are none; a closed pipe
/// (`kisi man | head`) is a reader that has seen enough, not an error
/// (`super::report_io`).
pub fn print(bytes: Result<Vec<u8>, String>, lang: Lang) -> ExitCode {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(said) => {
            eprintln!("kisi: {said}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = io::stdout().lock();
    let written = out.write_all(&bytes).and_then(|()| out.flush());
    written.map_or_else(
        |error| super::report_io(&error, lang),
        |()| ExitCode::SUCCESS,
    )
}
