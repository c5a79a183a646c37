//! Shell completions and the man page, generated from the clap definition of
//! the command line so that they never fall behind it.

use std::io::{self, Write};
use std::process::ExitCode;

pub use clap_complete::Shell;

/// The completion script of `command` for `shell`.
pub fn completions(shell: Shell, mut command: clap::Command) -> Vec<u8> {
    let name = command.get_name().to_owned();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, name, &mut script);
    script
}

/// The man page of `command` (roff), with its subcommands.
///
/// # Errors
/// Only if the page cannot be rendered into memory.
pub fn man_page(command: clap::Command) -> io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    Ok(page)
}

/// Writes `bytes` to stdout; a closed pipe (`kisi man | head`) is no error
/// worth a message.
pub fn print(bytes: io::Result<Vec<u8>>) -> ExitCode {
    let written = bytes.and_then(|bytes| {
        let mut out = io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if error.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("kisi: {error}");
            }
            ExitCode::FAILURE
        }
    }
}
