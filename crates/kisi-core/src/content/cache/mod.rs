//! The compiled pack cache: a loaded and validated pack folder kept in the
//! user's cache folder in a binary form (postcard), so that the next start
//! skips parsing and validating the TOML.
//!
//! A cache file is used only when it belongs to the files as they are now:
//! its key covers the folder's path, kisi's version and build, the format
//! version and, for every top-level `*.toml` file, its name, size,
//! modification time and a hash of its bytes, so any edit (even one that
//! keeps the size and the time) misses. A file that is stale, truncated, foreign or damaged (magic,
//! format, key, length or checksum wrong, or bytes that do not decode) is a
//! miss too: the pack is loaded from its TOML and the cache written anew.
//! Nothing about the cache is ever shown: a folder that cannot be written
//! just means no cache.
//!
//! `key.rs` computes the key of the files, `read.rs` reads a cache file
//! back frame by frame; writing is here.

mod key;
mod read;
#[cfg(test)]
mod tests;

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use super::diagnostic::Report;
use super::load;
use super::model::Pack;
use crate::search::Searcher;

use key::files_key;
use read::read_file;

const MAGIC: [u8; 8] = *b"KISIPACK";
/// Changed whenever the layout of the file changes.
const FORMAT_VERSION: u32 = 2;
/// Magic, format version, key (16 bytes), number of topics, whether a
/// search index follows them.
const HEADER_LEN: usize = 8 + 4 + 16 + 8 + 1;
/// A cache file larger than this is not read: a pack of 100,000 entries
/// makes about 95 MB with its index.
const MAX_CACHE_SIZE: u64 = 1 << 30;
/// Caches kept; the oldest beyond this are removed when one is written, so
/// the folder does not fill up with one file for every folder ever opened.
const MAX_CACHES: usize = 16;
const EXTENSION: &str = "bin";

/// Identifies the pack files as they are now.
type Key = [u8; 16];

/// The default cache folder: `kisi/packs` in the user's cache folder
/// (`$XDG_CACHE_HOME`, else `~/.cache` on Linux).
pub fn default_cache_root() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.cache_dir().join("kisi").join("packs"))
}

/// Loads the pack in `dir` like [`load::load_dir`], from the cache in
/// `cache_root` when it holds this pack as its files are now, and writes the
/// cache after a load from the TOML. `None` (or a cache folder that cannot
/// be used) loads without a cache. A pack with problems is never cached.
///
/// # Errors
/// The loader's report of every problem found.
pub fn load_dir_cached(dir: &Path, cache_root: Option<&Path>) -> Result<Pack, Report> {
    let Some((cache, cached)) = cache_root.and_then(|root| Cache::open(root, dir, false)) else {
        return load::load_dir(dir);
    };
    if let Some((pack, _)) = cached {
        return Ok(pack);
    }
    let pack = load::load_dir(dir)?;
    cache.write(dir, &pack, None);
    Ok(pack)
}

/// [`load_dir_cached`] with a searcher over the pack: its index comes from
/// the cache too, and is added to the cache when it had to be built.
///
/// # Errors
/// The loader's report of every problem found.
pub fn load_dir_cached_with_searcher(
    dir: &Path,
    cache_root: Option<&Path>,
) -> Result<(Pack, Searcher), Report> {
    let Some((cache, cached)) = cache_root.and_then(|root| Cache::open(root, dir, true)) else {
        let pack = load::load_dir(dir)?;
        let searcher = Searcher::new(&pack);
        return Ok((pack, searcher));
    };
    let pack = match cached {
        Some((pack, Some(searcher))) => return Ok((pack, searcher)),
        Some((pack, None)) => pack,
        None => load::load_dir(dir)?,
    };
    let searcher = Searcher::new(&pack);
    cache.write(dir, &pack, Some(&searcher));
    Ok((pack, searcher))
}

/// Where the cache of one pack folder is, and the key of its files now.
struct Cache<'a> {
    root: &'a Path,
    path: PathBuf,
    key: Key,
}

/// A pack read from the cache, with its searcher if one was asked for and
/// the cache holds an index.
type Cached = (Pack, Option<Searcher>);

impl<'a> Cache<'a> {
    /// The cache of `dir` in `root`, with what it holds for the files as
    /// they are now; `None` when the folder cannot be read (the loader then
    /// says why).
    ///
    /// On two cores, hashing the pack files and decoding the cache file take
    /// about as long each, so the cache is decoded while the files are
    /// hashed, and what was decoded is kept only if the keys agree.
    fn open(root: &'a Path, dir: &Path, with_index: bool) -> Option<(Self, Option<Cached>)> {
        let canonical = fs::canonicalize(dir).ok()?;
        let path_bytes = canonical.as_os_str().as_encoded_bytes();
        let name = format!("{:016x}.{EXTENSION}", xxh3_64(path_bytes));
        let path = root.join(name);
        let (key, cached) = std::thread::scope(|scope| {
            let key = scope.spawn(|| files_key(&canonical));
            let cached = read_file(&path, with_index);
            (key.join().ok().flatten(), cached)
        });
        let key = key?;
        let cached =
            cached.and_then(|(stored, pack, searcher)| (stored == key).then_some((pack, searcher)));
        Some((Self { root, path, key }, cached))
    }

    #[cfg(test)]
    fn read(&self, with_index: bool) -> Option<Cached> {
        let (stored, pack, searcher) = read_file(&self.path, with_index)?;
        (stored == self.key).then_some((pack, searcher))
    }

    /// Writes the cache file, unless a file changed while the pack was
    /// loading (the new pack would be stored under the old files' key). A
    /// cache that cannot be written is no error: the next start loads from
    /// the TOML again.
    fn write(&self, dir: &Path, pack: &Pack, searcher: Option<&Searcher>) {
        let unchanged = fs::canonicalize(dir)
            .ok()
            .and_then(|canonical| files_key(&canonical))
            .is_some_and(|key| key == self.key);
        if unchanged {
            let _ = self.write_file(pack, searcher);
        }
    }

    /// Into a temporary file in the same folder (mode 0600), renamed over
    /// the old one, so that a reader, or a second kisi writing at the same
    /// moment, never sees part of a file.
    fn write_file(&self, pack: &Pack, searcher: Option<&Searcher>) -> io::Result<()> {
        let index = match searcher {
            Some(searcher) => Some(
                searcher
                    .encode_index()
                    .ok_or_else(|| io::Error::other("index"))?,
            ),
            None => None,
        };
        create_private_dir(self.root)?;
        let temp = tempfile::Builder::new()
            .prefix(".tmp-")
            .suffix(".part")
            .tempfile_in(self.root)?;
        let mut out = BufWriter::new(temp);
        out.write_all(&MAGIC)?;
        out.write_all(&FORMAT_VERSION.to_le_bytes())?;
        out.write_all(&self.key)?;
        out.write_all(&(pack.topics.len() as u64).to_le_bytes())?;
        out.write_all(&[u8::from(index.is_some())])?;
        let skeleton = Pack {
            meta: pack.meta.clone(),
            sources: pack.sources.clone(),
            topics: Vec::new(),
            exam: pack.exam.clone(),
        };
        write_frame(&mut out, &encode(&skeleton)?)?;
        for topic in &pack.topics {
            write_frame(&mut out, &encode(topic)?)?;
        }
        if let Some(index) = &index {
            write_frame(&mut out, index)?;
        }
        let temp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        remove_oldest(self.root);
        Ok(())
    }
}

fn encode<T: serde::Serialize>(value: &T) -> io::Result<Vec<u8>> {
    postcard::to_allocvec(value).map_err(io::Error::other)
}

/// A frame: its length, the xxh3 checksum of its bytes, the bytes.
fn write_frame(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(&xxh3_64(bytes).to_le_bytes())?;
    out.write_all(bytes)
}

/// The cache folder, made readable by its owner only (0700).
fn create_private_dir(root: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(root)
}

/// Removes the least recently written caches beyond [`MAX_CACHES`].
fn remove_oldest(root: &Path) {
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let mut caches: Vec<_> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|ext| ext == EXTENSION))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if caches.len() <= MAX_CACHES {
        return;
    }
    caches.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
    for (_, path) in caches.drain(MAX_CACHES..) {
        let _ = fs::remove_file(path);
    }
}
