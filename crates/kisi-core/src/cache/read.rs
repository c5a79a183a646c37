//! Reading a cache file back: every frame is checked (length, checksum)
//! before it is decoded. The entries come in frames of at most
//! [`CHUNK`] entries, which two threads decode at once (see [`Reader`]).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use xxhash_rust::xxh3::xxh3_64;

use super::{CHUNK, FORMAT_VERSION, HEADER_LEN, Key, MAGIC, MAX_CACHE_SIZE};
use crate::content::model::{Entry, Pack};

/// A cache file being read: its header and skeleton (the pack without its
/// entries) are read at once, the entry frames by [`Self::decode`] on any
/// number of threads, the rest by [`Self::finish`].
pub(super) struct Reader {
    pub(super) key: Key,
    has_index: bool,
    skeleton: Pack,
    /// Per entry frame: its topic and how many entries it holds.
    plan: Vec<(usize, usize)>,
    frames: Mutex<Next>,
    /// Set when a frame is damaged: the threads stop, the file is a miss.
    failed: AtomicBool,
}

/// The frames and the number of the next entry frame to read.
struct Next {
    frames: Frames,
    frame: usize,
}

/// Decoded entry frames, with their numbers.
pub(super) type Parts = Vec<(usize, Vec<Entry>)>;

impl Reader {
    /// The header and skeleton of the cache file at `path`; `None` on any
    /// doubt (no file, another format, a damaged frame).
    pub(super) fn open(path: &Path) -> Option<Self> {
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
        let (count, has_index) = rest.split_at(8);
        if magic != MAGIC || format != FORMAT_VERSION.to_le_bytes() {
            return None;
        }
        let key: Key = key.try_into().ok()?;
        let count = u64::from_le_bytes(count.try_into().ok()?);
        let has_index = match has_index {
            [0] => false,
            [1] => true,
            _ => return None,
        };
        let (skeleton, sizes): (Pack, Vec<u32>) = frames.decode()?;
        if sizes.len() != skeleton.topics.len()
            || skeleton.topics.iter().any(|t| !t.entries.is_empty())
        {
            return None;
        }
        let mut plan = Vec::new();
        for (topic, &size) in sizes.iter().enumerate() {
            let mut left = size as usize;
            while left > 0 {
                // Each frame takes at least 16 bytes of the file: a count
                // beyond that is damage, not a plan to allocate.
                if plan.len() as u64 >= count.min(len / 16) {
                    return None;
                }
                let here = left.min(CHUNK);
                plan.push((topic, here));
                left -= here;
            }
        }
        if plan.len() as u64 != count {
            return None;
        }
        Some(Self {
            key,
            has_index,
            skeleton,
            plan,
            frames: Mutex::new(Next { frames, frame: 0 }),
            failed: AtomicBool::new(false),
        })
    }

    /// Decodes entry frames until none is left. Frames are read one at a
    /// time under a lock (a copy from the page cache) and checked and
    /// decoded outside it, so threads calling this share the work.
    pub(super) fn decode(&self) -> Parts {
        let mut buffer = Vec::new();
        let mut parts = Vec::new();
        while !self.failed.load(Ordering::Relaxed) {
            let read = {
                let Ok(mut next) = self.frames.lock() else {
                    break;
                };
                let frame = next.frame;
                if frame == self.plan.len() {
                    return parts;
                }
                next.frame += 1;
                next.frames
                    .read_raw(&mut buffer)
                    .map(|checksum| (frame, checksum))
            };
            let entries = read.and_then(|(frame, checksum)| {
                let expected = self.plan[frame].1;
                let entries = checked(&buffer, checksum).and_then(decode::<Vec<Entry>>)?;
                (entries.len() == expected).then_some((frame, entries))
            });
            match entries {
                Some(part) => parts.push(part),
                None => break,
            }
        }
        self.failed.store(true, Ordering::Relaxed);
        parts
    }

    /// The pack from the skeleton and the decoded `parts` (of every thread,
    /// in any order), and the bytes of the index if `with_index` and the
    /// file has one (checked, not decoded); `None` if a frame was damaged
    /// or missing, or bytes follow.
    pub(super) fn finish(
        self,
        parts: impl IntoIterator<Item = (usize, Vec<Entry>)>,
        with_index: bool,
    ) -> Option<(Pack, Option<Vec<u8>>)> {
        if self.failed.into_inner() {
            return None;
        }
        let mut ordered: Vec<Option<Vec<Entry>>> = (0..self.plan.len()).map(|_| None).collect();
        for (frame, entries) in parts {
            *ordered.get_mut(frame)? = Some(entries);
        }
        let mut pack = self.skeleton;
        for (&(topic, _), entries) in self.plan.iter().zip(ordered) {
            let entries = entries?;
            let topic = pack.topics.get_mut(topic)?;
            if topic.entries.is_empty() {
                topic.entries = entries;
            } else {
                topic.entries.extend(entries);
            }
        }
        let Next { mut frames, frame } = self.frames.into_inner().ok()?;
        if frame != self.plan.len() {
            return None;
        }
        let index = if self.has_index {
            let mut bytes = std::mem::take(&mut frames.buffer);
            let checksum = frames.read_raw(&mut bytes)?;
            checked(&bytes, checksum)?;
            with_index.then_some(bytes)
        } else {
            None
        };
        (frames.left == 0).then_some((pack, index))
    }
}

/// `bytes` if their xxh3 checksum is `checksum`.
fn checked(bytes: &[u8], checksum: [u8; 8]) -> Option<&[u8]> {
    (xxh3_64(bytes).to_le_bytes() == checksum).then_some(bytes)
}

/// Decoding reads lengths from the bytes, but every string and list is
/// bounded by what is left of them, so even hostile bytes cannot make it
/// panic or allocate without bound.
fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// Reads the frames of a cache file in order.
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

    /// Reads the next frame's bytes into `buffer`, if its length fits in
    /// the file; returns the checksum they must have.
    fn read_raw(&mut self, buffer: &mut Vec<u8>) -> Option<[u8; 8]> {
        let mut head = [0; 16];
        self.read_exact(&mut head)?;
        let (len, checksum) = head.split_at(8);
        let len = u64::from_le_bytes(len.try_into().ok()?);
        if len > self.left {
            return None;
        }
        buffer.resize(usize::try_from(len).ok()?, 0);
        self.read_exact(buffer)?;
        checksum.try_into().ok()
    }

    /// The next frame decoded, if its length fits in the file and its
    /// checksum is right.
    fn decode<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        let mut buffer = std::mem::take(&mut self.buffer);
        let checksum = self.read_raw(&mut buffer);
        self.buffer = buffer;
        decode(checked(&self.buffer, checksum?)?)
    }
}
