//! The key of a pack folder's files as they are now: the folder's path,
//! kisi's version and build, the format version and, per top-level
//! `*.toml` file in name order, its name, size, modification time and an
//! xxh3 hash of its bytes. Each file is hashed on its own, so that the
//! files of a big pack can be hashed on two threads (see [`Hashing`]).

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, UNIX_EPOCH};

use xxhash_rust::xxh3::Xxh3;

use super::{FORMAT_VERSION, Key, MAGIC};
use crate::content::load::MAX_FILE_SIZE;

/// One pack file, as listed before its bytes are hashed.
#[derive(Debug)]
pub(super) struct PackFile {
    path: PathBuf,
    len: u64,
    modified: Duration,
}

/// The hash of one file's bytes and how many were read.
type FileHash = (u128, u64);

/// The top-level `*.toml` files of the folder `canonical`, by name; `None`
/// when the folder cannot be read or a file is too large for the loader
/// (which then says so).
pub(super) fn list(canonical: &Path) -> Option<Vec<PackFile>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(canonical).ok()? {
        let path = entry.ok()?.path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        // Follows symbolic links, as the loader does.
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        if meta.len() > MAX_FILE_SIZE {
            return None;
        }
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        files.push(PackFile {
            path,
            len: meta.len(),
            modified,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Some(files)
}

/// Hashing the bytes of the files, shared by threads: each takes the next
/// file not taken yet.
pub(super) struct Hashing<'a> {
    files: &'a [PackFile],
    next: AtomicUsize,
}

impl<'a> Hashing<'a> {
    pub(super) fn new(files: &'a [PackFile]) -> Self {
        Self {
            files,
            next: AtomicUsize::new(0),
        }
    }

    /// Hashes files until none is left: their numbers and hashes (`None`
    /// for a file that could not be read).
    pub(super) fn run(&self) -> Vec<(usize, Option<FileHash>)> {
        // One reused buffer per thread: a pack of 100,000 entries has 96 MB
        // of TOML, which is never held in memory at once.
        let mut buffer = vec![0; 256 * 1024];
        let mut hashed = Vec::new();
        loop {
            let i = self.next.fetch_add(1, Ordering::Relaxed);
            let Some(file) = self.files.get(i) else {
                return hashed;
            };
            hashed.push((i, hash_file(&file.path, &mut buffer)));
        }
    }
}

fn hash_file(path: &Path, buffer: &mut [u8]) -> Option<FileHash> {
    let mut file = File::open(path).ok()?;
    let mut hasher = Xxh3::new();
    let mut read = 0u64;
    loop {
        let n = file.read(buffer).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
        read += n as u64;
    }
    Some((hasher.digest128(), read))
}

/// The key of `files` (from [`list`] of `canonical`) with the hashes of
/// their bytes (`file_hashes`, in any order); `None` when a file could not be read.
pub(super) fn key(
    canonical: &Path,
    files: &[PackFile],
    file_hashes: impl IntoIterator<Item = (usize, Option<FileHash>)>,
) -> Option<Key> {
    let mut ordered = vec![None; files.len()];
    for (i, hash) in file_hashes {
        *ordered.get_mut(i)? = Some(hash?);
    }
    let mut hasher = Xxh3::new();
    let field = |hasher: &mut Xxh3, bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    field(&mut hasher, &MAGIC);
    field(&mut hasher, &FORMAT_VERSION.to_le_bytes());
    field(&mut hasher, env!("CARGO_PKG_VERSION").as_bytes());
    field(&mut hasher, build_identity()?);
    field(&mut hasher, canonical.as_os_str().as_encoded_bytes());
    for (file, hash) in files.iter().zip(ordered) {
        let (bytes, read) = hash?;
        field(&mut hasher, file.path.file_name()?.as_encoded_bytes());
        field(&mut hasher, &file.len.to_le_bytes());
        field(&mut hasher, &file.modified.as_nanos().to_le_bytes());
        field(&mut hasher, &bytes.to_le_bytes());
        hasher.update(&read.to_le_bytes());
    }
    Some(hasher.digest128().to_le_bytes())
}

/// The key of the files of the folder `canonical`, on this thread.
pub(super) fn files_key(canonical: &Path) -> Option<Key> {
    let files = list(canonical)?;
    key(canonical, &files, Hashing::new(&files).run())
}
/// The running executable's path, size and modification time: a rebuilt
/// kisi (a new model, a new format that someone forgot to give a new
/// version) never reads a cache written by another build.
fn build_identity() -> Option<&'static [u8]> {
    static IDENTITY: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    IDENTITY
        .get_or_init(|| {
            let exe = std::env::current_exe().ok()?;
            let meta = fs::metadata(&exe).ok()?;
            let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            let mut identity = exe.into_os_string().into_encoded_bytes();
            identity.extend_from_slice(&meta.len().to_le_bytes());
            identity.extend_from_slice(&mtime.as_nanos().to_le_bytes());
            Some(identity)
        })
        .as_deref()
}
