//! The key of a pack folder's files as they are now.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use xxhash_rust::xxh3::Xxh3;

use super::{FORMAT_VERSION, Key, MAGIC};
use crate::content::load::MAX_FILE_SIZE;

/// The key of the top-level `*.toml` files of the folder `canonical`.
pub(super) fn files_key(canonical: &Path) -> Option<Key> {
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
        if meta.is_file() {
            files.push((path, meta));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));

    let mut hasher = Xxh3::new();
    let field = |hasher: &mut Xxh3, bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    let mut buffer = vec![0; 256 * 1024];
    field(&mut hasher, &MAGIC);
    field(&mut hasher, &FORMAT_VERSION.to_le_bytes());
    field(&mut hasher, env!("CARGO_PKG_VERSION").as_bytes());
    field(&mut hasher, build_identity()?);
    field(&mut hasher, canonical.as_os_str().as_encoded_bytes());
    for (path, meta) in &files {
        // Too large for the loader: let it say so.
        if meta.len() > MAX_FILE_SIZE {
            return None;
        }
        let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        field(&mut hasher, path.file_name()?.as_encoded_bytes());
        field(&mut hasher, &meta.len().to_le_bytes());
        field(&mut hasher, &mtime.as_nanos().to_le_bytes());
        // The bytes through one reused buffer: a pack of 100,000 entries
        // has 96 MB of TOML, which is never held in memory at once.
        let mut file = File::open(path).ok()?;
        let mut read = 0u64;
        loop {
            let n = file.read(&mut buffer).ok()?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            read += n as u64;
        }
        hasher.update(&read.to_le_bytes());
    }
    Some(hasher.digest128().to_le_bytes())
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
