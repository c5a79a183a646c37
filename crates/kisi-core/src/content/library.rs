//! The pack library: every course on one machine. Packs are folders (each
//! with its `pack.toml`) in the folders of a search path, nearest first:
//! the user's own library (`<data folder>/packs`), the system-wide folder
//! an administrator fills once for all users (`/usr/share/kisi/packs`), and
//! the folders of `KISI_PATH` (colon-separated: a faculty's network share).
//! Two packs with the same id: the nearer one is used and the other listed
//! as hidden. A pack that fails the check is listed as broken with its
//! first error and never keeps the others from being found.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::content::diagnostic::{Msg, Report};
use crate::content::load::load_dir;
use crate::i18n::Lang;
use crate::i18n::diagnostics::CheckKey;

/// Where the system-wide packs are, unless `KISI_SYSTEM_PACKS` says.
pub const SYSTEM_FOLDER: &str = "/usr/share/kisi/packs";

/// The user's own library: `packs` in the data folder (`--data-dir`, else
/// `$XDG_DATA_HOME/kisi`).
pub fn user_folder(data_dir: Option<&Path>) -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    if let Some(dir) = data_dir {
        return Some(dir.join("packs"));
    }
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.data_dir().join("kisi").join("packs"))
}

/// The folders to look in, nearest first.
pub fn search_path(
    user: Option<&Path>,
    system: Option<&Path>,
    kisi_path: Option<&str>,
) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = user.into_iter().map(Path::to_owned).collect();
    roots.extend(system.map(Path::to_owned));
    roots.extend(
        kisi_path
            .unwrap_or_default()
            .split(':')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from),
    );
    roots.dedup();
    roots
}

/// What a folder of the path holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Found first on the path: this one is used.
    Used,
    /// The same id was found nearer, in this folder.
    Hidden { by: PathBuf },
    /// The pack fails the check: its first problem.
    Broken { error: FirstError },
}

/// The first problem of a pack that fails the check, shown on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstError {
    /// `file:line:column`, or the file alone.
    pub place: String,
    pub message: Msg,
}

impl FirstError {
    /// `file:line:column: message`, the message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        CheckKey::AtPlace
            .with("place", self.place.as_str())
            .with("message", self.message.clone())
            .render(lang)
    }
}

/// One pack found on the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The pack's id; for a broken pack, its folder's name.
    pub id: String,
    pub title: String,
    pub version: String,
    pub dir: PathBuf,
    pub state: State,
}

/// Every pack in the folders of `roots`, in path order and, within a
/// folder, by name. A folder that does not exist or cannot be read holds
/// none.
pub fn scan(roots: &[PathBuf]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for root in roots {
        let Ok(entries) = fs::read_dir(root) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join("pack.toml").is_file())
            .collect();
        dirs.sort();
        for dir in dirs {
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let pack = match load_dir(&dir) {
                Ok(pack) => pack,
                Err(report) => {
                    let error = first_error(&report);
                    found.push(Found {
                        id: name,
                        title: String::new(),
                        version: String::new(),
                        dir,
                        state: State::Broken { error },
                    });
                    continue;
                }
            };
            let nearer = found
                .iter()
                .find(|f| f.id == pack.meta.id && f.state == State::Used)
                .map(|f| f.dir.clone());
            found.push(Found {
                id: pack.meta.id,
                title: pack.meta.title,
                version: pack.meta.version,
                dir,
                state: nearer.map_or(State::Used, |by| State::Hidden { by }),
            });
        }
    }
    found
}

/// The first problem of a pack that fails the check.
pub fn first_error(report: &Report) -> FirstError {
    report.diagnostics.first().map_or_else(
        || FirstError {
            place: String::new(),
            message: Msg::default(),
        },
        |d| FirstError {
            place: if d.line == 0 {
                d.file.clone()
            } else {
                format!("{}:{}:{}", d.file, d.line, d.column)
            },
            message: d.message.clone(),
        },
    )
}
/// The folder of the pack `id` that is used, if the path has one.
pub fn find(found: &[Found], id: &str) -> Option<PathBuf> {
    found
        .iter()
        .find(|f| f.id == id && f.state == State::Used)
        .map(|f| f.dir.clone())
}

/// Loads a pack the library offers: the one in `dir`, or (`None`) the
/// built-in pack.
///
/// # Errors
/// The report of a pack that fails the check.
pub fn load(
    dir: Option<&Path>,
) -> Result<crate::content::Pack, crate::content::diagnostic::Report> {
    dir.map_or_else(crate::content::builtin::builtin_pack, load_dir)
}

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The pack to add fails the check.
    #[error("the pack fails the check")]
    Invalid(Box<crate::content::diagnostic::Report>),
    /// No pack with this id in the user's library.
    #[error("no pack `{0}` in the library")]
    NotInLibrary(String),
    #[error("`{path}`: {source}")]
    Io { path: PathBuf, source: io::Error },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> LibraryError + '_ {
    move |source| LibraryError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Copies the pack in `dir` into the user's library `user` after checking
/// it, replacing an older copy of the same id. Returns the id and where
/// it now is. Only the pack's own files are copied (`pack.toml` and the
/// topic files), and the old copy is replaced only once the new one is
/// complete.
///
/// # Errors
/// When the pack fails the check, or on an I/O error.
pub fn add(user: &Path, dir: &Path) -> Result<(String, PathBuf), LibraryError> {
    let pack = load_dir(dir).map_err(|report| LibraryError::Invalid(Box::new(report)))?;
    fs::create_dir_all(user).map_err(io_error(user))?;
    let staging = tempfile::Builder::new()
        .prefix(".adding-")
        .tempdir_in(user)
        .map_err(io_error(user))?;
    let entries = fs::read_dir(dir).map_err(io_error(dir))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            let target = staging.path().join(entry.file_name());
            fs::copy(&path, &target).map_err(io_error(&path))?;
        }
    }
    let target = user.join(&pack.meta.id);
    if target.exists() {
        fs::remove_dir_all(&target).map_err(io_error(&target))?;
    }
    let staged = staging.keep();
    fs::rename(&staged, &target).map_err(io_error(&target))?;
    Ok((pack.meta.id, target))
}

/// Removes the pack `id` from the user's library `user` (never from the
/// system or shared folders).
///
/// # Errors
/// When the library has no such pack, or on an I/O error.
pub fn remove(user: &Path, id: &str) -> Result<PathBuf, LibraryError> {
    let found = scan(&[user.to_owned()]);
    let Some(pack) = found.iter().find(|f| f.id == id) else {
        return Err(LibraryError::NotInLibrary(id.to_owned()));
    };
    fs::remove_dir_all(&pack.dir).map_err(io_error(&pack.dir))?;
    Ok(pack.dir.clone())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn pack(dir: &Path, id: &str, title: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(
            dir.join("pack.toml"),
            format!(
                "[pack]\nid = \"{id}\"\ntitle = \"{title}\"\nlanguage = \"id\"\nversion = \"1.0.0\"\n\
                 description = \"d\"\n\n[[sources]]\nid = \"s\"\ncitation = \"c\"\n"
            ),
        )
        .unwrap();
        fs::write(
            dir.join("01-t.toml"),
            format!(
                "[topic]\nid = \"{id}-t\"\ntitle = \"T\"\n\n[[entries]]\nid = \"{id}-e\"\n\
                 title = \"E\"\nbody = \"B\"\nsource = \"s\"\n"
            ),
        )
        .unwrap();
    }

    #[test]
    fn the_nearer_pack_wins_and_broken_ones_are_listed() {
        let tmp = tempfile::tempdir().unwrap();
        let (user, system, share) = (
            tmp.path().join("user"),
            tmp.path().join("system"),
            tmp.path().join("share"),
        );
        pack(&user.join("mine"), "kesos", "Mine");
        pack(&system.join("kesos"), "kesos", "System");
        pack(&system.join("bio"), "bio", "Biologi");
        pack(&share.join("broken"), "broken", "B");
        fs::write(share.join("broken/01-t.toml"), "[topic]\nid = \"x\"\n").unwrap();
        let share_str = share.display().to_string();
        let roots = search_path(
            Some(&user),
            Some(&system),
            Some(&format!("{share_str}:/no/such/folder")),
        );
        assert_eq!(roots.len(), 4);
        let found = scan(&roots);
        let summary: Vec<(&str, &str)> = found
            .iter()
            .map(|f| {
                let state = match &f.state {
                    State::Used => "used",
                    State::Hidden { .. } => "hidden",
                    State::Broken { .. } => "broken",
                };
                (f.id.as_str(), state)
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("kesos", "used"),
                ("bio", "used"),
                ("kesos", "hidden"),
                ("broken", "broken")
            ]
        );
        assert_eq!(
            found[2].state,
            State::Hidden {
                by: user.join("mine")
            }
        );
        let State::Broken { error } = &found[3].state else {
            panic!()
        };
        let (id, en) = (error.render(Lang::Id), error.render(Lang::En));
        assert!(
            id.contains("01-t.toml:1:1: kolom `title` tidak ada"),
            "{id}"
        );
        assert!(en.contains("01-t.toml:1:1: missing field `title`"), "{en}");
        assert_eq!(find(&found, "kesos"), Some(user.join("mine")));
        assert_eq!(find(&found, "broken"), None);
    }

    #[test]
    fn add_checks_copies_and_replaces_and_remove_only_touches_the_library() {
        let tmp = tempfile::tempdir().unwrap();
        let user = tmp.path().join("library");
        let source = tmp.path().join("src");
        pack(&source, "kuliah", "Kuliah");
        fs::write(source.join("notes.txt"), "not copied").unwrap();
        let (id, at) = add(&user, &source).unwrap();
        assert_eq!((id.as_str(), at.clone()), ("kuliah", user.join("kuliah")));
        assert!(at.join("01-t.toml").is_file() && !at.join("notes.txt").exists());
        // A second add replaces the copy; nothing is left half-way.
        add(&user, &source).unwrap();
        let left: Vec<_> = fs::read_dir(&user).unwrap().collect();
        assert_eq!(left.len(), 1);
        fs::write(source.join("01-t.toml"), "broken").unwrap();
        assert!(matches!(add(&user, &source), Err(LibraryError::Invalid(_))));
        assert!(at.join("01-t.toml").is_file(), "the old copy stays");
        assert!(matches!(
            remove(&user, "other"),
            Err(LibraryError::NotInLibrary(_))
        ));
        remove(&user, "kuliah").unwrap();
        assert!(!at.exists());
    }
}
