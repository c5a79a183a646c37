//! `kisi packs`, `kisi add DIR`, `kisi remove ID` and `--pack ID`: the
//! packs of every course on one machine (`kisi_core::content::library`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kisi_core::content::builtin;
use kisi_core::content::library::{self, Found, LibraryError, State};
use kisi_core::i18n::{Lang, io_text, path_io_text};
use kisi_core::progress::Store;
use kisi_core::quiz::wording::fill;
use kisi_core::text::printable_line;

use super::{Cli, Command};

/// The search path, nearest first: the user's library, the system folder
/// (`KISI_SYSTEM_PACKS` or /usr/share/kisi/packs), then `KISI_PATH`.
pub fn roots(data_dir: Option<&Path>) -> Vec<PathBuf> {
    let system = std::env::var_os("KISI_SYSTEM_PACKS")
        .filter(|v| !v.is_empty())
        .map_or_else(|| PathBuf::from(library::SYSTEM_FOLDER), PathBuf::from);
    let kisi_path = std::env::var("KISI_PATH").ok();
    library::search_path(
        library::user_folder(data_dir).as_deref(),
        Some(&system),
        kisi_path.as_deref(),
    )
}

/// Which pack the command opens: `--pack ID` from the library; for plain
/// `kisi`, the pack opened last while the library still has it, else the
/// built-in pack with a note for Home (and the gone pack forgotten). A
/// pack opened in the full-screen interface with `--pack` is remembered
/// for next time; one opened with `--content DIR` is not.
pub fn choose(cli: &mut Cli, lang: Lang) -> Result<(), ExitCode> {
    let data_dir = cli.data_dir.clone();
    let data_dir = data_dir.as_deref();
    if let Some(id) = cli.pack.clone() {
        cli.content = resolve(&id, data_dir, lang)?;
        let opens_tui = matches!(
            cli.command,
            None | Some(
                Command::Review(_) | Command::Exam(_) | Command::Quiz(_) | Command::Present(_)
            )
        );
        if opens_tui {
            Store::open(data_dir).0.remember_pack(&id);
        }
        return Ok(());
    }
    if cli.content.is_some() || cli.command.is_some() {
        return Ok(());
    }
    let (store, _) = Store::open(data_dir);
    let (mut settings, _) = store.settings();
    let Some(id) = settings.last_pack.clone() else {
        return Ok(());
    };
    let found = library::scan(&roots(data_dir));
    if let Some(dir) = library::find(&found, &id) {
        cli.content = Some(dir);
    } else if !builtin::builtin_pack().is_ok_and(|pack| pack.meta.id == id) {
        let words = lang.library_words();
        cli.notes
            .push(fill(words.last_missing, &[("id", &printable_line(&id))]));
        settings.last_pack = None;
        // Best effort, as remembering is.
        let _ = store.save_settings(&settings);
    }
    Ok(())
}

/// Where Home's pack chooser looks, and whether the UI keeps its language.
pub fn for_tui(cli: &Cli) -> kisi_tui::library::Library {
    kisi_tui::library::Library {
        roots: roots(cli.data_dir.as_deref()),
        data_dir: cli.data_dir.clone(),
        lang_fixed: cli.lang.is_some(),
    }
}

fn shown(path: &Path) -> String {
    printable_line(&path.display().to_string()).into_owned()
}

/// The folder of the pack `id` for `--pack`: `Ok(None)` for the built-in
/// pack when no folder on the path has its id.
pub fn resolve(id: &str, data_dir: Option<&Path>, lang: Lang) -> Result<Option<PathBuf>, ExitCode> {
    let found = library::scan(&roots(data_dir));
    if let Some(dir) = library::find(&found, id) {
        return Ok(Some(dir));
    }
    if builtin::builtin_pack().is_ok_and(|pack| pack.meta.id == id) {
        return Ok(None);
    }
    let words = lang.library_words();
    eprintln!(
        "kisi: {}",
        fill(words.unknown_pack, &[("id", &printable_line(id))])
    );
    Err(ExitCode::FAILURE)
}

pub fn packs(data_dir: Option<&Path>, lang: Lang) -> ExitCode {
    let found = library::scan(&roots(data_dir));
    let mut out = io::stdout().lock();
    let result = write_packs(&mut out, &found, lang).and_then(|()| out.flush());
    match result {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("kisi: {}", io_text(&error, lang));
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

fn write_packs(out: &mut impl Write, found: &[Found], lang: Lang) -> io::Result<()> {
    let words = lang.library_words();
    writeln!(out, "{}", words.header)?;
    for pack in found {
        let line =
            printable_line(&format!("{}  {}  {}", pack.id, pack.version, pack.title)).into_owned();
        writeln!(out, "  {}  [{}]", line.trim_end(), shown(&pack.dir))?;
        match &pack.state {
            State::Used => {}
            State::Hidden { by } => {
                writeln!(
                    out,
                    "      {}",
                    fill(words.hidden_by, &[("dir", &shown(by))])
                )?;
            }
            State::Broken { error } => {
                let error = error.render(lang);
                let error = printable_line(&error);
                writeln!(out, "      {}", fill(words.broken, &[("error", &error)]))?;
            }
        }
    }
    // The built-in pack is always there, behind every folder.
    if let Ok(pack) = builtin::builtin_pack() {
        let line = printable_line(&format!(
            "{}  {}  {}",
            pack.meta.id, pack.meta.version, pack.meta.title
        ))
        .into_owned();
        writeln!(out, "  {line}  ({})", words.builtin)?;
        if let Some(by) = library::find(found, &pack.meta.id) {
            writeln!(
                out,
                "      {}",
                fill(words.hidden_by, &[("dir", &shown(&by))])
            )?;
        }
    }
    Ok(())
}

pub fn add(dir: &Path, data_dir: Option<&Path>, lang: Lang, color: bool) -> ExitCode {
    let words = lang.library_words();
    let Some(user) = library::user_folder(data_dir) else {
        eprintln!("kisi: {}", words.no_library);
        return ExitCode::FAILURE;
    };
    match library::add(&user, dir) {
        Ok((id, at)) => {
            println!(
                "{}",
                fill(
                    words.added,
                    &[("id", &printable_line(&id)), ("dir", &shown(&at))]
                )
            );
            ExitCode::SUCCESS
        }
        Err(LibraryError::Invalid(report)) => {
            eprint!("{}", report.render(color, lang));
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("kisi: {}", failure(&error, lang));
            ExitCode::FAILURE
        }
    }
}

pub fn remove(id: &str, data_dir: Option<&Path>, lang: Lang) -> ExitCode {
    let words = lang.library_words();
    let Some(user) = library::user_folder(data_dir) else {
        eprintln!("kisi: {}", words.no_library);
        return ExitCode::FAILURE;
    };
    match library::remove(&user, id) {
        Ok(dir) => {
            println!(
                "{}",
                fill(
                    words.removed,
                    &[("id", &printable_line(id)), ("dir", &shown(&dir))]
                )
            );
            ExitCode::SUCCESS
        }
        Err(LibraryError::NotInLibrary(_)) => {
            eprintln!(
                "kisi: {}",
                fill(
                    words.not_in_library,
                    &[("id", &printable_line(id)), ("dir", &shown(&user))]
                )
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("kisi: {}", failure(&error, lang));
            ExitCode::FAILURE
        }
    }
}

/// What went wrong in `add` or `remove`, in `lang`; each says the errors it
/// expects in words of its own first.
fn failure(error: &LibraryError, lang: Lang) -> String {
    match error {
        LibraryError::Io { path, source } => path_io_text(path, source, lang),
        LibraryError::Invalid(report) => report.render(false, lang),
        LibraryError::NotInLibrary(id) => fill(
            lang.library_words().unknown_pack,
            &[("id", &printable_line(id))],
        ),
    }
}
