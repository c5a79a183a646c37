//! Loading the pack a command works on, and ending a command whose output
//! or pack failed.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kisi_core::content::diagnostic::Report;
use kisi_core::content::{Pack, builtin, cache};
use kisi_core::search::Searcher;
use kisi_core::text::printable_line;

use super::Cli;

/// Loads the pack from `dir` (through the compiled cache unless `no_cache`),
/// or the built-in one.
pub fn load_pack(dir: Option<&Path>, no_cache: bool) -> Result<Pack, Report> {
    match dir {
        Some(dir) => cache::load_dir_cached(dir, cache_root(no_cache).as_deref()),
        None => builtin::builtin_pack(),
    }
}

/// [`load_pack`] with a searcher, whose index comes from the cache too.
pub fn load_pack_with_searcher(
    dir: Option<&Path>,
    no_cache: bool,
) -> Result<(Pack, Searcher), Report> {
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

pub fn color_for(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Loads the pack, reporting any problem on stderr, then runs `print`.
pub fn with_pack(cli: &Cli, print: impl FnOnce(&Pack) -> io::Result<ExitCode>) -> ExitCode {
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
pub fn report_io(error: &io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("kisi: {}", printable_line(&error.to_string()));
    ExitCode::FAILURE
}
