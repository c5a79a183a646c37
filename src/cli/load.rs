//! Loading the pack a command works on, and ending a command whose output
//! or pack failed.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kisi_core::cache::{self, LazyIndex};
use kisi_core::content::diagnostic::{Arg, Report};
use kisi_core::content::{Pack, builtin};
use kisi_core::i18n::diagnostics::{Key, LoadKey};
use kisi_core::i18n::{Lang, io_text};
use kisi_core::search::Searcher;
use kisi_core::text::shell_word;

use super::Cli;

/// Loads the pack from `dir` (through the compiled cache unless `no_cache`),
/// or the built-in one. A folder with a pack below it is pointed at in the
/// command as typed (`did you mean kisi --content parent/pack/ list?`).
pub fn load_pack(dir: Option<&Path>, no_cache: bool) -> Result<Pack, Report> {
    match dir {
        Some(dir) => cache::load_dir_cached(dir, cache_root(no_cache).as_deref())
            .map_err(|report| nested_content(report, dir)),
        None => builtin::builtin_pack(),
    }
}

/// [`load_pack`] for `kisi check`, whose own hint names `kisi check`.
pub fn load_pack_to_check(dir: Option<&Path>) -> Result<Pack, Report> {
    match dir {
        Some(dir) => cache::load_dir_cached(dir, None),
        None => builtin::builtin_pack(),
    }
}

/// [`load_pack`] with a searcher, whose index comes from the cache too.
pub fn load_pack_with_searcher(
    dir: Option<&Path>,
    no_cache: bool,
) -> Result<(Pack, Searcher), Report> {
    match dir {
        Some(dir) => cache::load_dir_cached_with_searcher(dir, cache_root(no_cache).as_deref())
            .map_err(|report| nested_content(report, dir)),
        None => builtin::builtin_pack().map(|pack| {
            let searcher = Searcher::new(&pack);
            (pack, searcher)
        }),
    }
}

/// [`load_pack`] for the TUI: the search index (from the cache when it has
/// one) is made later, on the search thread; `None` builds it there.
pub fn load_pack_with_index(
    dir: Option<&Path>,
    no_cache: bool,
) -> Result<(Pack, Option<LazyIndex>), Report> {
    match dir {
        Some(dir) => cache::load_dir_cached_with_index(dir, cache_root(no_cache).as_deref())
            .map(|(pack, index)| (pack, Some(index)))
            .map_err(|report| nested_content(report, dir)),
        None => builtin::builtin_pack().map(|pack| (pack, None)),
    }
}

/// The loader's "did you mean `kisi check pack/`" for a folder given with
/// `--content`: the command line as typed, with the folder below in place
/// of `dir`.
fn nested_content(mut report: Report, dir: &Path) -> Report {
    for diagnostic in &mut report.diagnostics {
        let Some(help) = &diagnostic.help else {
            continue;
        };
        if help.key() != Some(Key::Load(LoadKey::NestedPack)) {
            continue;
        }
        let (Some(Arg::Text(below)), Some(manifest)) = (help.arg("dir"), help.arg("manifest"))
        else {
            continue;
        };
        let command = command_with(
            // `args()` would panic on an argument that is not UTF-8.
            std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned()),
            dir,
            below,
        );
        diagnostic.help = Some(
            LoadKey::NestedContent
                .with("command", command)
                .with("manifest", manifest.clone()),
        );
    }
    report
}

/// `kisi ARGS`, with the value of `--content` (`dir`) replaced by `below`,
/// each word quoted where the shell would need it (and made printable).
fn command_with(args: impl Iterator<Item = String>, dir: &Path, below: &str) -> String {
    let given = dir.as_os_str();
    let mut words = vec!["kisi".to_owned()];
    let mut after_flag = false;
    for arg in args {
        let word = if after_flag && std::ffi::OsStr::new(&arg) == given {
            below.to_owned()
        } else if let Some(value) = arg.strip_prefix("--content=")
            && std::ffi::OsStr::new(value) == given
        {
            format!("--content={below}")
        } else {
            arg
        };
        after_flag = word == "--content";
        words.push(shell_word(&word));
    }
    words.join(" ")
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
        Ok(pack) => print(&pack).unwrap_or_else(|error| report_io(&error, super::ui_lang(cli))),
        Err(report) => {
            eprint!(
                "{}",
                report.render(color_for(&io::stderr()), super::ui_lang(cli))
            );
            ExitCode::FAILURE
        }
    }
}

/// The end of a command whose output failed. A closed pipe (`kisi list |
/// head`) is a reader that has seen enough: like standard tools, kisi stops
/// quietly, and with success (Rust ignores SIGPIPE, so the error is seen
/// here instead of the signal ending the process).
pub fn report_io(error: &io::Error, lang: Lang) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("kisi: {}", io_text(error, lang));
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_given_back_with_the_folder_below() {
        let args = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
        let dir = Path::new("kuliah");
        assert_eq!(
            command_with(
                args(&["--content", "kuliah", "quiz", "--count", "5"]).into_iter(),
                dir,
                "kuliah/bio/"
            ),
            "kisi --content kuliah/bio/ quiz --count 5"
        );
        assert_eq!(
            command_with(
                args(&["--content=kuliah", "search", "sel inti"]).into_iter(),
                dir,
                "kuliah/bio/"
            ),
            "kisi --content=kuliah/bio/ search 'sel inti'"
        );
        // Only the value of --content is replaced.
        assert_eq!(
            command_with(
                args(&["show", "kuliah", "--content", "kuliah"]).into_iter(),
                dir,
                "k/b/"
            ),
            "kisi show kuliah --content k/b/"
        );
    }
}
