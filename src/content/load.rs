//! Loading a pack from its TOML files, with every problem reported at once.
//!
//! Files are parsed into spanned TOML values and walked by hand (rather than
//! deserialized with serde) so that each problem points at its exact place.

mod exam;
mod fields;
mod pack;
mod questions;

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::content::diagnostic::{Diagnostic, Report, SourceFile};
use crate::content::model::Pack;

/// Files larger than this are rejected unread: no real pack comes close.
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

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
            "give the folder that holds pack.toml"
        } else {
            "check the path; a pack is a folder with pack.toml and one .toml file per topic"
        };
        Report::new(
            vec![
                Diagnostic::whole_file(&shown, format!("cannot read the pack folder: {e}"))
                    .with_help(help),
            ],
            Vec::new(),
        )
    })?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    // Files that exist but could not be read: they still count as the
    // manifest or a topic, so that they are not also reported as missing.
    let mut unreadable = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(
                    Diagnostic::whole_file(&shown, format!("cannot list the pack folder: {e}"))
                        .with_help("check the folder's permissions"),
                );
                continue;
            }
        };
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        // Follows symbolic links, so a linked file counts as a file.
        if !fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let name = path.display().to_string();
        match read_capped(&path, &name) {
            Ok(bytes) => files.push((name, bytes)),
            Err(diagnostic) => {
                problems.push(*diagnostic);
                unreadable.push(name);
            }
        }
    }
    let manifest = dir.join(MANIFEST).display().to_string();
    load(&files, &manifest, problems, &unreadable)
}

/// Loads a pack from in-memory files: (display name, bytes). The manifest is
/// the file named `pack.toml`; the other `*.toml` files are the topics, in
/// order of their names.
///
/// # Errors
/// A report of every problem found, in all files.
pub fn load_files(files: &[(String, Vec<u8>)]) -> Result<Pack, Report> {
    load(files, MANIFEST, Vec::new(), &[])
}

/// Reads at most `MAX_FILE_SIZE` bytes of the file shown as `name`.
fn read_capped(path: &Path, name: &str) -> Result<Vec<u8>, Box<Diagnostic>> {
    let cannot_read = |e: std::io::Error| {
        Box::new(
            Diagnostic::whole_file(name, format!("cannot read the file: {e}"))
                .with_help("check that the file exists and is readable"),
        )
    };
    let file = fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(Box::new(too_large(name.to_owned())));
    }
    Ok(bytes)
}

fn too_large(name: String) -> Diagnostic {
    Diagnostic::whole_file(
        name,
        format!(
            "the file is larger than {} MiB",
            MAX_FILE_SIZE / 1024 / 1024
        ),
    )
    .with_help("a pack file should be far smaller; split the material into several topic files")
}

pub(super) fn is_manifest(name: &str) -> bool {
    file_name(name) == MANIFEST
}

fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// `manifest_path` is where the manifest is expected, for the error when it
/// is missing; `unreadable` names files already reported as unreadable.
fn load(
    files: &[(String, Vec<u8>)],
    manifest_path: &str,
    mut diagnostics: Vec<Diagnostic>,
    unreadable: &[String],
) -> Result<Pack, Report> {
    let mut manifest = None;
    let mut topics = Vec::new();
    for (name, bytes) in files {
        if is_manifest(name) {
            if manifest.is_some() {
                diagnostics.push(
                    Diagnostic::whole_file(name, "a second manifest")
                        .with_help("a pack has exactly one pack.toml; load one pack at a time"),
                );
            } else {
                manifest = Some((name, bytes));
            }
        } else if Path::new(name).extension().is_some_and(|ext| ext == "toml") {
            topics.push((name, bytes));
        }
    }
    topics.sort_by(|a, b| (file_name(a.0), a.0).cmp(&(file_name(b.0), b.0)));

    let Some(manifest) = manifest else {
        if unreadable.iter().any(|name| is_manifest(name)) {
            return Err(Report::new(diagnostics, Vec::new()));
        }
        diagnostics.push(
            Diagnostic::whole_file(manifest_path, "no manifest: the pack has no pack.toml")
                .with_help(
                    "create pack.toml with a [pack] table (id, title, language, version, \
                     description) and at least one [[sources]] item (id, citation)",
                ),
        );
        return Err(Report::new(diagnostics, Vec::new()));
    };
    if topics.is_empty() && unreadable.is_empty() {
        diagnostics.push(
            Diagnostic::whole_file(manifest.0, "the pack has no topic files").with_help(
                "add a topic file next to pack.toml, e.g. 01-intro.toml with a [topic] table \
                 and [[entries]]",
            ),
        );
    }

    let decoded: Vec<(SourceFile, bool)> = std::iter::once(manifest)
        .chain(topics)
        .map(|(name, bytes)| decode(name, bytes, &mut diagnostics))
        .collect();
    let pack = pack::read(&decoded, &mut diagnostics);
    if diagnostics.is_empty() {
        Ok(pack)
    } else {
        Err(Report::new(
            diagnostics,
            decoded.into_iter().map(|(file, _)| file).collect(),
        ))
    }
}

/// The text of a file and whether it can be parsed. On a problem (too large,
/// not UTF-8) the diagnostic is pushed and the text is what can be shown.
fn decode(name: &str, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> (SourceFile, bool) {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        diagnostics.push(too_large(name.to_owned()));
        return (SourceFile::new(name.to_owned(), String::new()), false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (SourceFile::new(name.to_owned(), text.to_owned()), true),
        Err(e) => {
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(bytes.len() - at);
            let file =
                SourceFile::new(name.to_owned(), String::from_utf8_lossy(bytes).into_owned());
            diagnostics.push(
                file.error(
                    at..at + len,
                    "the file is not valid UTF-8",
                    format!("invalid byte 0x{:02X}", bytes[at]),
                )
                .with_help("save the file with the UTF-8 encoding"),
            );
            (file, false)
        }
    }
}
