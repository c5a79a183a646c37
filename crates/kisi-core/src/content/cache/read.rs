//! Reading a cache file back: every frame is checked (length, checksum)
//! before it is decoded.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64;

use super::{FORMAT_VERSION, HEADER_LEN, Key, MAGIC, MAX_CACHE_SIZE};
use crate::content::model::{Pack, Topic};
use crate::search::Searcher;

/// The key, pack and (if `with_index` and there is one) searcher in the
/// cache file at `path`, if it is whole; `None` on any doubt.
pub(super) fn read_file(path: &Path, with_index: bool) -> Option<(Key, Pack, Option<Searcher>)> {
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
