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

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::content::diagnostic::Report;
use crate::content::load::{self, MAX_FILE_SIZE};
use crate::content::model::{Pack, Topic};
use crate::search::Searcher;

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

/// The key, pack and (if `with_index` and there is one) searcher in the
/// cache file at `path`, if it is whole; `None` on any doubt.
fn read_file(path: &Path, with_index: bool) -> Option<(Key, Pack, Option<Searcher>)> {
    let file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    if len > MAX_CACHE_SIZE {
        return None;
    }
    let mut frames = Frames {
        file: BufReader::new(file),
        left: len,
        buffer: Vec::new(),
    };
    let mut header = [0; HEADER_LEN];
    frames.read_exact(&mut header)?;
    let (magic, rest) = header.split_at(8);
    let (format, rest) = rest.split_at(4);
    let (key, rest) = rest.split_at(16);
    let (topics, has_index) = rest.split_at(8);
    if magic != MAGIC || format != FORMAT_VERSION.to_le_bytes() {
        return None;
    }
    let key: Key = key.try_into().ok()?;
    let topics = u64::from_le_bytes(topics.try_into().ok()?);
    let has_index = match has_index {
        [0] => false,
        [1] => true,
        _ => return None,
    };
    let mut pack: Pack = frames.decode()?;
    if !pack.topics.is_empty() {
        return None;
    }
    // Each topic is its own frame: memory holds the pack and one frame,
    // not the pack and the whole file.
    for _ in 0..topics {
        pack.topics.push(frames.decode::<Topic>()?);
    }
    let searcher = if has_index && with_index {
        Some(Searcher::decode_index(frames.next()?, &pack)?)
    } else {
        if has_index {
            frames.next()?;
        }
        None
    };
    (frames.left == 0).then_some((key, pack, searcher))
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

/// Reads the frames of a cache file, each checked before it is decoded.
struct Frames {
    file: BufReader<File>,
    /// Bytes of the file not read yet.
    left: u64,
    buffer: Vec<u8>,
}

impl Frames {
    fn read_exact(&mut self, bytes: &mut [u8]) -> Option<()> {
        self.left = self.left.checked_sub(bytes.len() as u64)?;
        self.file.read_exact(bytes).ok()
    }

    /// The bytes of the next frame, if its length fits in the file and its
    /// checksum is right.
    fn next(&mut self) -> Option<&[u8]> {
        let mut head = [0; 16];
        self.read_exact(&mut head)?;
        let (len, checksum) = head.split_at(8);
        let len = u64::from_le_bytes(len.try_into().ok()?);
        if len > self.left {
            return None;
        }
        self.buffer.resize(usize::try_from(len).ok()?, 0);
        let mut buffer = std::mem::take(&mut self.buffer);
        let read = self.read_exact(&mut buffer);
        self.buffer = buffer;
        read?;
        (xxh3_64(&self.buffer).to_le_bytes() == checksum).then_some(&self.buffer[..])
    }

    /// The next frame decoded. Decoding reads lengths from the bytes, but
    /// every string and list is bounded by what is left of them, so even
    /// hostile bytes cannot make it panic or allocate without bound.
    fn decode<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        match postcard::take_from_bytes::<T>(self.next()?) {
            Ok((value, [])) => Some(value),
            _ => None,
        }
    }
}

/// The key of the top-level `*.toml` files of the folder `canonical`.
fn files_key(canonical: &Path) -> Option<Key> {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::content::synthetic::synthetic_pack;
    use proptest::prelude::*;

    /// A cache for a folder that is never read: the tests call `read` and
    /// `write_file` directly.
    fn cache(root: &Path) -> Cache<'_> {
        Cache {
            root,
            path: root.join("p.bin"),
            key: [7; 16],
        }
    }

    /// A cache file with a right header for `topics` topic frames, then
    /// `frames`, each with its right length and checksum.
    fn write_raw(cache: &Cache<'_>, topics: u64, has_index: bool, frames: &[&[u8]]) {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&MAGIC);
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&cache.key);
        bytes.extend_from_slice(&topics.to_le_bytes());
        bytes.push(u8::from(has_index));
        for frame in frames {
            write_frame(&mut bytes, frame).unwrap();
        }
        fs::write(&cache.path, bytes).unwrap();
    }

    #[test]
    fn a_written_pack_and_index_read_back_equal() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache(dir.path());
        let pack = synthetic_pack(200, 1);
        cache.write_file(&pack, None).unwrap();
        let (read, searcher) = cache.read(true).unwrap();
        assert_eq!(read, pack);
        assert!(searcher.is_none());

        let mut built = Searcher::new(&pack);
        cache.write_file(&pack, Some(&built)).unwrap();
        let (read, searcher) = cache.read(true).unwrap();
        assert_eq!(read, pack);
        let mut searcher = searcher.unwrap();
        assert_eq!(searcher.encode_index(), built.encode_index());
        let query = "konseling";
        assert_eq!(
            searcher.search(&pack, query).hits(),
            built.search(&pack, query).hits()
        );
        // Without asking for the index, the pack alone.
        assert_eq!(
            cache.read(false).map(|(p, s)| (p, s.is_none())),
            Some((pack, true))
        );

        let other = Cache {
            key: [8; 16],
            ..cache
        };
        assert!(other.read(false).is_none(), "another key");
    }

    #[test]
    fn an_index_of_another_pack_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache(dir.path());
        let pack = synthetic_pack(20, 1);
        let other = Searcher::new(&synthetic_pack(30, 1));
        let skeleton = Pack {
            topics: Vec::new(),
            ..pack.clone()
        };
        let mut frames = vec![postcard::to_allocvec(&skeleton).unwrap()];
        frames.extend(
            pack.topics
                .iter()
                .map(|t| postcard::to_allocvec(t).unwrap()),
        );
        frames.push(other.encode_index().unwrap());
        let frames: Vec<&[u8]> = frames.iter().map(Vec::as_slice).collect();
        write_raw(&cache, pack.topics.len() as u64, true, &frames);
        assert!(cache.read(true).is_none());
    }

    #[test]
    fn lengths_beyond_the_bytes_fail_without_allocating_them() {
        let dir = tempfile::tempdir().unwrap();
        let cache = cache(dir.path());
        // Every string and list claims u64::MAX items (a varint of ten bytes).
        let mut huge = vec![0xff; 9];
        huge.push(0x01);
        write_raw(&cache, 0, false, &[&huge.repeat(50)]);
        assert!(cache.read(true).is_none());
        // A valid pack followed by more bytes is not this pack either.
        let mut skeleton = postcard::to_allocvec(&synthetic_pack(0, 1)).unwrap();
        write_raw(&cache, 0, false, &[&skeleton]);
        assert!(cache.read(true).is_some());
        skeleton.push(0);
        write_raw(&cache, 0, false, &[&skeleton]);
        assert!(cache.read(true).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Hostile bytes with a right header and checksums decode to some
        /// pack or to none, and never panic.
        #[test]
        fn hostile_frames_never_panic(
            frames in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..512), 1..4),
            has_index: bool,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let cache = cache(dir.path());
            let frames: Vec<&[u8]> = frames.iter().map(Vec::as_slice).collect();
            let topics = frames.len() as u64 - 1 - u64::from(has_index && frames.len() > 1);
            write_raw(&cache, topics, has_index, &frames);
            let _ = cache.read(true);
        }

        /// A real pack and index with some bytes changed: the same.
        #[test]
        fn damaged_frames_never_panic(
            changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let cache = cache(dir.path());
            let pack = synthetic_pack(5, 3);
            let skeleton = Pack { topics: Vec::new(), ..pack.clone() };
            let mut frames = vec![postcard::to_allocvec(&skeleton).unwrap()];
            frames.extend(pack.topics.iter().map(|t| postcard::to_allocvec(t).unwrap()));
            frames.push(Searcher::new(&pack).encode_index().unwrap());
            for (at, byte) in changes {
                let count = frames.len();
                let frame = &mut frames[at.index(count)];
                if !frame.is_empty() {
                    let i = at.index(frame.len());
                    frame[i] = byte;
                }
            }
            let frames: Vec<&[u8]> = frames.iter().map(Vec::as_slice).collect();
            write_raw(&cache, pack.topics.len() as u64, true, &frames);
            if let Some((read, Some(mut searcher))) = cache.read(true) {
                // An index that passed the checks searches without panicking.
                let _ = searcher.search(&read, "a");
            }
        }
    }
}
