//! Loading a pack from its TOML files, with every problem reported at once.
//!
//! Files are parsed into spanned TOML values and walked by hand (rather than
//! deserialized with serde) so that each problem points at its exact place.

mod exam;
mod fields;
mod numbers;
mod pack;
mod questions;
mod structure;
mod syntax;
mod theme;

use std::cell::OnceCell;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::content::diagnostic::{Arg, Diagnostic, Msg, Report, SourceFile};
use crate::content::model::Pack;
use crate::i18n::diagnostics::LoadKey;

pub use theme::{Colour, ROLES, RoleSpec, ThemeSpec, Written, read_theme};

/// Files larger than this are rejected unread: no real pack comes close.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The longest id, in bytes: progress is saved in files named after the
/// pack's id, and a file name has at most 255 bytes on common file systems.
pub const MAX_ID_LEN: usize = 128;

const MANIFEST: &str = "pack.toml";

/// At most this many TOML syntax errors are shown per file; a binary file
/// would otherwise produce thousands.
const MAX_SYNTAX_ERRORS: usize = 20;

/// Loads the pack in `dir`: `pack.toml` and the other top-level `*.toml`
/// files. Sub-folders and other files are ignored.
///
/// # Errors
/// A report of every problem found, in all files.
pub fn load_dir(dir: &Path) -> Result<Pack, Report> {
    let shown = dir.display().to_string();
    let entries = fs::read_dir(dir).map_err(|e| {
        let help = if dir.exists() {
            LoadKey::GiveFolderWithManifest
        } else {
            LoadKey::CheckPackPath
        };
        Report::new(
            vec![
                Diagnostic::whole_file(
                    &shown,
                    LoadKey::CannotReadFolder.with("error", Arg::io(&e)),
                )
                .with_help(help),
            ],
            Vec::new(),
        )
    })?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    // Sub-folders that hold a pack, for the help when this folder has none.
    let mut nested = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(
                    Diagnostic::whole_file(
                        &shown,
                        LoadKey::CannotListFolder.with("error", Arg::io(&e)),
                    )
                    .with_help(LoadKey::CheckFolderPermissions),
                );
                continue;
            }
        };
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            if path.join(MANIFEST).is_file() {
                nested.push(path);
            }
            continue;
        }
        let name = path.display().to_string();
        let origin = match pack_file(dir, &path, &name) {
            Ok(Some(path)) => Origin::Disk(path),
            // A folder named `*.toml`, ignored like every sub-folder.
            Ok(None) => continue,
            Err(diagnostic) => Origin::Unusable(diagnostic),
        };
        files.push(PackFile { name, origin });
    }
    let manifest = dir.join(MANIFEST).display().to_string();
    nested.sort();
    let nested = nested
        .iter()
        .map(|path| {
            LoadKey::NestedPack
                .with("dir", format!("{}/", path.display()))
                .with("manifest", path.join(MANIFEST).display().to_string())
        })
        .next();
    load(files, &manifest, problems, nested)
}

/// Loads a pack from in-memory files: (display name, bytes). The manifest is
/// the file named `pack.toml`; the other `*.toml` files are the topics, in
/// order of their names.
///
/// # Errors
/// A report of every problem found, in all files.
pub fn load_files(files: &[(String, Vec<u8>)]) -> Result<Pack, Report> {
    let files = files
        .iter()
        .map(|(name, bytes)| PackFile {
            name: name.clone(),
            origin: Origin::Memory(bytes),
        })
        .collect();
    load(files, MANIFEST, Vec::new(), None)
}

/// Where the bytes of a pack file come from.
enum Origin<'a> {
    /// A regular file inside the pack folder.
    Disk(PathBuf),
    Memory(&'a [u8]),
    /// A file that must not be read, and why.
    Unusable(Box<Diagnostic>),
}

struct PackFile<'a> {
    /// As shown in messages.
    name: String,
    origin: Origin<'a>,
}

impl PackFile<'_> {
    fn read(&self) -> Result<Vec<u8>, Box<Diagnostic>> {
        match &self.origin {
            Origin::Disk(path) => read_capped(path, &self.name),
            Origin::Memory(bytes) if bytes.len() as u64 > MAX_FILE_SIZE => {
                Err(Box::new(too_large(self.name.clone())))
            }
            Origin::Memory(bytes) => Ok(bytes.to_vec()),
            Origin::Unusable(diagnostic) => Err(diagnostic.clone()),
        }
    }
}

/// The files of a pack in reading order: the manifest, then the topics.
///
/// A big pack has about as much TOML as text in its model, so each file is
/// read only when its turn comes and its text is dropped once it is in the
/// model, unless a problem was found in it. A problem found later, across
/// files (a duplicate id, an unknown reference), reads its file again.
pub(super) struct Files<'a> {
    files: Vec<PackFile<'a>>,
    texts: Vec<OnceCell<SourceFile>>,
}

impl Files<'_> {
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Reads file `index`: its text, and whether it can be parsed. Problems
    /// reading or decoding it are pushed to `diagnostics`.
    pub fn open(&self, index: usize, diagnostics: &mut Vec<Diagnostic>) -> (SourceFile, bool) {
        let file = &self.files[index];
        match file.read() {
            Ok(bytes) => decode(&file.name, bytes, diagnostics),
            Err(diagnostic) => {
                diagnostics.push(*diagnostic);
                (SourceFile::new(file.name.clone(), String::new()), false)
            }
        }
    }

    /// Keeps the text of file `index`, which has problems to show.
    pub fn keep(&self, index: usize, file: SourceFile) {
        // Each file is read into the model once, so the cell is empty.
        let _ = self.texts[index].set(file);
    }

    /// The text of file `index` for a problem found after it was read: kept,
    /// or read again. A file that cannot be read again (it was changed
    /// meanwhile) is shown without its lines.
    pub fn get(&self, index: usize) -> &SourceFile {
        self.texts[index].get_or_init(|| self.open(index, &mut Vec::new()).0)
    }

    /// The texts the diagnostics point into.
    fn into_texts(self) -> Vec<SourceFile> {
        self.texts
            .into_iter()
            .filter_map(OnceCell::into_inner)
            .collect()
    }
}

/// The path to read the `*.toml` entry `path` of the pack folder `dir` from
/// (shown as `name`): the entry itself when it is a regular file, the target
/// of a symbolic link that stays inside the folder, `None` for a folder. Any
/// other kind of file (a link out of the folder, a dangling link or a loop,
/// a FIFO, a device) is refused unopened, with what is wrong: a link to
/// `/proc/self/environ` would print the environment in the error messages,
/// and a FIFO would block the read forever.
fn pack_file(dir: &Path, path: &Path, name: &str) -> Result<Option<PathBuf>, Box<Diagnostic>> {
    let refuse = |message: Msg, help: LoadKey| {
        Err(Box::new(
            Diagnostic::whole_file(name, message).with_help(help),
        ))
    };
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(e) => {
            return refuse(
                LoadKey::CannotReadFile.with("error", Arg::io(&e)),
                LoadKey::CheckPermissions,
            );
        }
    };
    if !metadata.file_type().is_symlink() {
        return Ok(check_file_type(&metadata, name)?.then(|| path.to_path_buf()));
    }
    let target = match fs::canonicalize(path) {
        Ok(target) => target,
        Err(e) => {
            return refuse(
                LoadKey::DanglingLink.with("error", Arg::io(&e)),
                LoadKey::DanglingLinkHelp,
            );
        }
    };
    if !fs::canonicalize(dir).is_ok_and(|dir| target.starts_with(dir)) {
        return refuse(LoadKey::LinkOutside.into(), LoadKey::LinkOutsideHelp);
    }
    match fs::metadata(&target) {
        Ok(metadata) => Ok(check_file_type(&metadata, name)?.then_some(target)),
        Err(e) => refuse(
            LoadKey::CannotReadFile.with("error", Arg::io(&e)),
            LoadKey::CheckReadable,
        ),
    }
}

/// `true` when `metadata` is that of a regular file, `false` for a folder,
/// else the error naming what the file is.
fn check_file_type(metadata: &fs::Metadata, name: &str) -> Result<bool, Box<Diagnostic>> {
    let file_type = metadata.file_type();
    if file_type.is_file() || file_type.is_dir() {
        return Ok(file_type.is_file());
    }
    let what = special_file_kind(file_type);
    Err(Box::new(
        Diagnostic::whole_file(name, LoadKey::NotRegularFile.with("what", what))
            .with_help(LoadKey::NotRegularFileHelp),
    ))
}

/// What a file that is neither a regular file nor a folder is, for messages.
#[cfg(unix)]
fn special_file_kind(file_type: fs::FileType) -> LoadKey {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        LoadKey::Fifo
    } else if file_type.is_socket() {
        LoadKey::Socket
    } else if file_type.is_char_device() || file_type.is_block_device() {
        LoadKey::Device
    } else {
        LoadKey::SpecialFile
    }
}

#[cfg(not(unix))]
fn special_file_kind(_: fs::FileType) -> LoadKey {
    LoadKey::SpecialFile
}

/// Reads at most `MAX_FILE_SIZE` bytes of the file shown as `name`, which
/// must be a regular file: the type is checked before opening (a FIFO is
/// never opened, so never waited on) and again on the opened file.
///
/// # Errors
/// When the file is not a regular file, cannot be read or is too large.
pub fn read_capped(path: &Path, name: &str) -> Result<Vec<u8>, Box<Diagnostic>> {
    let cannot_read = |e: std::io::Error| {
        Box::new(
            Diagnostic::whole_file(name, LoadKey::CannotReadFile.with("error", Arg::io(&e)))
                .with_help(LoadKey::CheckReadable),
        )
    };
    let a_folder = || {
        Box::new(Diagnostic::whole_file(name, LoadKey::AFolder).with_help(LoadKey::GiveFilePath))
    };
    if !check_file_type(&fs::metadata(path).map_err(cannot_read)?, name)? {
        return Err(a_folder());
    }
    let file = fs::File::open(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    // The file may have been replaced between the check and the opening.
    if !check_file_type(&metadata, name)? {
        return Err(a_folder());
    }
    let size = metadata.len().min(MAX_FILE_SIZE + 1);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Box::new(too_large(name.to_owned())));
    }
    Ok(bytes)
}

fn too_large(name: String) -> Diagnostic {
    let mib = (MAX_FILE_SIZE / 1024 / 1024).to_string();
    Diagnostic::whole_file(name, LoadKey::TooLarge.with("mib", mib))
        .with_help(LoadKey::TooLargeHelp)
}

pub(super) fn is_manifest(name: &str) -> bool {
    file_name(name) == MANIFEST
}

fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// `manifest_path` is where the manifest is expected, for the error when it
/// is missing, and `nested` where a pack is found below instead;
/// `diagnostics` holds the problems found so far.
fn load(
    files: Vec<PackFile<'_>>,
    manifest_path: &str,
    mut diagnostics: Vec<Diagnostic>,
    nested: Option<Msg>,
) -> Result<Pack, Report> {
    let mut manifest = None;
    let mut topics = Vec::new();
    for file in files {
        if is_manifest(&file.name) {
            if manifest.is_some() {
                diagnostics.push(
                    Diagnostic::whole_file(&file.name, LoadKey::SecondManifest)
                        .with_help(LoadKey::SecondManifestHelp),
                );
            } else {
                manifest = Some(file);
            }
        } else if Path::new(&file.name)
            .extension()
            .is_some_and(|ext| ext == "toml")
        {
            topics.push(file);
        }
    }
    topics.sort_by(|a, b| (file_name(&a.name), &a.name).cmp(&(file_name(&b.name), &b.name)));

    let Some(manifest) = manifest else {
        let help = nested.unwrap_or_else(|| LoadKey::NoManifestHelp.into());
        diagnostics
            .push(Diagnostic::whole_file(manifest_path, LoadKey::NoManifest).with_help(help));
        return Err(Report::new(diagnostics, Vec::new()));
    };
    if topics.is_empty() {
        diagnostics.push(
            Diagnostic::whole_file(&manifest.name, LoadKey::NoTopics)
                .with_help(LoadKey::NoTopicsHelp),
        );
    }

    let files: Vec<PackFile<'_>> = std::iter::once(manifest).chain(topics).collect();
    let files = Files {
        texts: files.iter().map(|_| OnceCell::new()).collect(),
        files,
    };
    let pack = pack::read(&files, &mut diagnostics);
    if diagnostics.is_empty() {
        Ok(pack)
    } else {
        Err(Report::new(diagnostics, files.into_texts()))
    }
}

/// The text of a file and whether it can be parsed. On a problem (too large,
/// not UTF-8) the diagnostic is pushed and the text is what can be shown.
fn decode(name: &str, bytes: Vec<u8>, diagnostics: &mut Vec<Diagnostic>) -> (SourceFile, bool) {
    match String::from_utf8(bytes) {
        Ok(text) => (SourceFile::new(name.to_owned(), text), true),
        Err(e) => {
            let bytes = e.as_bytes();
            let e = e.utf8_error();
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(bytes.len() - at);
            let file =
                SourceFile::new(name.to_owned(), String::from_utf8_lossy(bytes).into_owned());
            diagnostics.push(
                file.error(
                    at..at + len,
                    LoadKey::NotUtf8,
                    LoadKey::InvalidByte.with("byte", format!("{:02X}", bytes[at])),
                )
                .with_help(LoadKey::SaveAsUtf8),
            );
            (file, false)
        }
    }
}
