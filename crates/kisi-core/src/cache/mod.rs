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
//!
//! The layout: a header (magic, format, key, the number of entry frames,
//! whether an index follows), then frames, each its length, an xxh3
//! checksum and postcard bytes: the skeleton (the pack with its topics but
//! without their entries, and each topic's number of entries), the entries
//! in pack order in frames of at most [`CHUNK`], then the search index if
//! there is one. On a warm start the files are hashed and the entry frames
//! decoded on two threads at once (see `Cache::open`).

mod key;
mod read;
#[cfg(test)]
mod tests;

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::xxh3_64;

use crate::content::diagnostic::Report;
use crate::content::load;
use crate::content::model::{Pack, Topic};
use crate::search::Searcher;

use key::{Hashing, files_key};
use read::Reader;

const MAGIC: [u8; 8] = *b"KISIPACK";
/// Changed whenever the layout of the file changes.
/// 4: the search index holds topic summaries.
const FORMAT_VERSION: u32 = 4;
/// Magic, format version, key (16 bytes), number of entry frames, whether
/// a search index follows them.
const HEADER_LEN: usize = 8 + 4 + 16 + 8 + 1;
/// A cache file larger than this is not read: a pack of 100,000 entries
/// makes about 95 MB with its index.
const MAX_CACHE_SIZE: u64 = 1 << 30;
/// Caches kept; the oldest beyond this are removed when one is written, so
/// the folder does not fill up with one file for every folder ever opened.
const MAX_CACHES: usize = 16;
const EXTENSION: &str = "bin";
const TEMP_PREFIX: &str = ".tmp-";
const TEMP_SUFFIX: &str = ".part";
/// Entries per frame: small enough that two threads share the decoding of
/// even one big topic evenly, large enough that a frame's head (16 bytes)
/// and its lock are nothing beside it (a 100,000-entry pack: 196 frames).
const CHUNK: usize = 512;

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
    cache.write(&pack, None);
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
    // Cached once, with the index, when the pack had to be loaded.
    let (pack, index) = load_with_index(dir, cache_root, false)?;
    let searcher = index.searcher(&pack);
    Ok((pack, searcher))
}

/// [`load_dir_cached`] with the search index to come: the TUI needs the
/// pack for its first frame, and the index only when the student searches,
/// so it is decoded (or built) later, on the search thread.
///
/// # Errors
/// The loader's report of every problem found.
pub fn load_dir_cached_with_index(
    dir: &Path,
    cache_root: Option<&Path>,
) -> Result<(Pack, LazyIndex), Report> {
    // The pack is cached at once: a student who quits before the index is
    // built still finds the pack in the cache next time.
    load_with_index(dir, cache_root, true)
}

fn load_with_index(
    dir: &Path,
    cache_root: Option<&Path>,
    write_pack: bool,
) -> Result<(Pack, LazyIndex), Report> {
    let Some((cache, cached)) = cache_root.and_then(|root| Cache::open(root, dir, true)) else {
        return Ok((load::load_dir(dir)?, LazyIndex::default()));
    };
    let (pack, bytes) = if let Some(cached) = cached {
        cached
    } else {
        let pack = load::load_dir(dir)?;
        if write_pack {
            cache.write(&pack, None);
        }
        (pack, None)
    };
    Ok((
        pack,
        LazyIndex {
            bytes,
            cache: Some(cache),
        },
    ))
}

/// The search index of a pack, made when first needed: decoded from the
/// cache when the cache holds one, else built and then added to the cache,
/// so that the next start finds it there. The default has no cache: it
/// builds the index.
#[derive(Clone, Default)]
pub struct LazyIndex {
    /// The index frame's bytes, checksum checked.
    bytes: Option<Vec<u8>>,
    cache: Option<Cache>,
}

impl std::fmt::Debug for LazyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LazyIndex")
            .field("bytes", &self.bytes.as_ref().map(Vec::len))
            .field("cached", &self.cache.is_some())
            .finish()
    }
}

impl LazyIndex {
    /// A searcher over `pack`, the pack this index was loaded with.
    pub fn searcher(self, pack: &Pack) -> Searcher {
        if let Some(searcher) = self
            .bytes
            .and_then(|bytes| Searcher::decode_index(&bytes, pack))
        {
            return searcher;
        }
        let searcher = Searcher::new(pack);
        if let Some(cache) = self.cache {
            cache.write(pack, Some(&searcher));
        }
        searcher
    }
}

/// Where the cache of one pack folder is, and the key of its files now.
#[derive(Debug, Clone)]
struct Cache {
    root: PathBuf,
    /// The pack folder.
    dir: PathBuf,
    path: PathBuf,
    key: Key,
}

/// A pack read from the cache, with the bytes of its index if they were
/// asked for and the cache holds an index.
type Cached = (Pack, Option<Vec<u8>>);

impl Cache {
    /// The cache of `dir` in `root`, with what it holds for the files as
    /// they are now; `None` when the folder cannot be read (the loader then
    /// says why).
    ///
    /// Hashing the pack files and decoding the cache file cost about as
    /// much CPU each (at 100,000 entries tens of milliseconds each), so two
    /// threads share both: a helper hashes files first, this thread decodes
    /// entry frames first, and each then helps with what the other has left.
    /// What was decoded is kept only if the keys agree.
    fn open(root: &Path, dir: &Path, with_index: bool) -> Option<(Self, Option<Cached>)> {
        let canonical = fs::canonicalize(dir).ok()?;
        let path_bytes = canonical.as_os_str().as_encoded_bytes();
        let name = format!("{:016x}.{EXTENSION}", xxh3_64(path_bytes));
        let path = root.join(name);
        let files = key::list(&canonical)?;
        let hashing = Hashing::new(&files);
        let reader = Reader::open(&path);
        let decode = || reader.as_ref().map(Reader::decode).unwrap_or_default();
        let two = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        let (hashes, parts) = std::thread::scope(|scope| {
            // The decoding allocates 1.5 million strings at 100,000 entries:
            // on this thread they come from the main heap, which grows in
            // bigger steps than a thread's (whose every step is an mprotect).
            let helper = two.then(|| {
                scope.spawn(|| {
                    let hashes = hashing.run();
                    (hashes, decode())
                })
            });
            let mut parts = decode();
            let mut hashes = hashing.run();
            match helper.map(std::thread::ScopedJoinHandle::join) {
                Some(Ok((more_hashes, more_parts))) => {
                    hashes.extend(more_hashes);
                    parts.extend(more_parts);
                }
                // A helper only panics on a bug: no key, no cache.
                Some(Err(_)) => hashes.clear(),
                None => {}
            }
            (hashes, parts)
        });
        let key = key::key(&canonical, &files, hashes)?;
        let cached = reader
            .filter(|reader| reader.key == key)
            .and_then(|reader| reader.finish(parts, with_index));
        let cache = Self {
            root: root.to_owned(),
            dir: dir.to_owned(),
            path,
            key,
        };
        Some((cache, cached))
    }

    /// The pack and searcher in the cache file, as a start would use them.
    #[cfg(test)]
    fn read(&self, with_index: bool) -> Option<(Pack, Option<Searcher>)> {
        let reader = Reader::open(&self.path).filter(|reader| reader.key == self.key)?;
        let parts = reader.decode();
        let (pack, bytes) = reader.finish(parts, with_index)?;
        let searcher = match bytes {
            Some(bytes) => Some(Searcher::decode_index(&bytes, &pack)?),
            None => None,
        };
        Some((pack, searcher))
    }

    /// Writes the cache file, unless a file changed while the pack was
    /// loading (the new pack would be stored under the old files' key). A
    /// cache that cannot be written is no error: the next start loads from
    /// the TOML again.
    fn write(&self, pack: &Pack, searcher: Option<&Searcher>) {
        let unchanged = fs::canonicalize(&self.dir)
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
        create_private_dir(&self.root)?;
        let temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(&self.root)?;
        let mut out = BufWriter::new(temp);
        out.write_all(&MAGIC)?;
        out.write_all(&FORMAT_VERSION.to_le_bytes())?;
        out.write_all(&self.key)?;
        out.write_all(&entry_frames(pack).to_le_bytes())?;
        out.write_all(&[u8::from(index.is_some())])?;
        pack_frames(pack, |frame| write_frame(&mut out, frame))?;
        if let Some(index) = &index {
            write_frame(&mut out, index)?;
        }
        let temp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        remove_oldest(&self.root);
        Ok(())
    }
}

/// How many entry frames the pack makes.
fn entry_frames(pack: &Pack) -> u64 {
    pack.topics
        .iter()
        .map(|t| t.entries.len().div_ceil(CHUNK) as u64)
        .sum()
}

/// The frames of the pack, in order, to `each`: the skeleton, then the
/// entries.
fn pack_frames(pack: &Pack, mut each: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
    let skeleton = Pack {
        meta: pack.meta.clone(),
        sources: pack.sources.clone(),
        topics: pack
            .topics
            .iter()
            .map(|t| Topic {
                id: t.id.clone(),
                title: t.title.clone(),
                summary: t.summary.clone(),
                member: t.member.clone(),
                entries: Vec::new(),
                questions: t.questions.clone(),
            })
            .collect(),
        exam: pack.exam.clone(),
    };
    let sizes = pack
        .topics
        .iter()
        .map(|t| u32::try_from(t.entries.len()).map_err(io::Error::other))
        .collect::<io::Result<Vec<u32>>>()?;
    each(&encode(&(&skeleton, &sizes))?)?;
    for topic in &pack.topics {
        for chunk in topic.entries.chunks(CHUNK) {
            each(&encode(chunk)?)?;
        }
    }
    Ok(())
}

fn encode<T: serde::Serialize + ?Sized>(value: &T) -> io::Result<Vec<u8>> {
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

/// Removes the least recently written caches beyond [`MAX_CACHES`], and
/// temporary files left by a kisi that ended while writing (the TUI writes
/// the index on its search thread, which quitting does not wait for).
fn remove_oldest(root: &Path) {
    /// A write takes seconds; a temporary file this old is left over.
    const LEFT_OVER: std::time::Duration = std::time::Duration::from_secs(600);
    let Ok(entries) = fs::read_dir(root) else {
        return;
    };
    let mut caches = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let Some(modified) = entry.metadata().ok().and_then(|m| m.modified().ok()) else {
            continue;
        };
        if path.extension().is_some_and(|ext| ext == EXTENSION) {
            caches.push((modified, path));
        } else if is_temporary(&path) && modified.elapsed().is_ok_and(|age| age > LEFT_OVER) {
            let _ = fs::remove_file(path);
        }
    }
    if caches.len() <= MAX_CACHES {
        return;
    }
    caches.sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
    for (_, path) in caches.drain(MAX_CACHES..) {
        let _ = fs::remove_file(path);
    }
}

/// A file named like the temporary files of [`Cache::write_file`].
fn is_temporary(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX))
}
