#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::content::synthetic::synthetic_pack;
use proptest::prelude::*;
use std::fs::File;

/// A cache for a folder that is never read: the tests call `read` and
/// `write_file` directly.
fn cache(root: &Path) -> Cache {
    Cache {
        root: root.to_owned(),
        dir: root.to_owned(),
        path: root.join("p.bin"),
        key: [7; 16],
    }
}

/// A cache file with a right header for `count` entry frames, then
/// `frames`, each with its right length and checksum.
fn write_raw(cache: &Cache, count: u64, has_index: bool, frames: &[&[u8]]) {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&MAGIC);
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&cache.key);
    bytes.extend_from_slice(&count.to_le_bytes());
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

/// The frames of `pack` as the writer makes them, and how many hold entries.
fn frames_of(pack: &Pack) -> (Vec<Vec<u8>>, u64) {
    let mut frames = Vec::new();
    pack_frames(pack, |frame| {
        frames.push(frame.to_vec());
        Ok(())
    })
    .unwrap();
    let entry_frames = frames.len() as u64 - 1;
    assert_eq!(entry_frames, super::entry_frames(pack));
    (frames, entry_frames)
}

/// One big topic is split into frames of `CHUNK` entries, which two
/// threads decode: it reads back in order, through the real folder path too.
#[test]
fn a_big_topic_reads_back_in_order() {
    let mut pack = synthetic_pack(2 * CHUNK + 7, 2);
    let entries: Vec<_> = pack
        .topics
        .iter_mut()
        .flat_map(|t| t.entries.drain(..))
        .collect();
    pack.topics.truncate(2);
    pack.topics[0].entries = entries;
    pack.topics[1].entries.clear();
    let dir = tempfile::tempdir().unwrap();
    let cache = cache(dir.path());
    cache.write_file(&pack, None).unwrap();
    assert_eq!(entry_frames(&pack), 3);
    assert_eq!(cache.read(false).unwrap().0, pack);

    // Truncated by one frame's worth: never half a topic.
    let bytes = fs::read(&cache.path).unwrap();
    fs::write(&cache.path, &bytes[..bytes.len() - 100]).unwrap();
    assert!(cache.read(false).is_none());
}

/// A cache of a real folder: written by the first load, read on two
/// threads by the second, which gives the loader's pack.
#[test]
fn a_folder_loads_the_same_from_its_cache() {
    let packs = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    for (name, text) in crate::content::synthetic::synthetic_pack_files(1_500, 4) {
        fs::write(packs.path().join(name), text).unwrap();
    }
    let loaded = load::load_dir(packs.path()).unwrap();
    let first = load_dir_cached(packs.path(), Some(root.path())).unwrap();
    assert_eq!(first, loaded);
    let (_, cached) = Cache::open(root.path(), packs.path(), false).unwrap();
    assert_eq!(cached.unwrap().0, loaded, "read from the cache");
    assert_eq!(
        load_dir_cached(packs.path(), Some(root.path())).unwrap(),
        loaded
    );
}

#[test]
fn an_index_of_another_pack_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let cache = cache(dir.path());
    let pack = synthetic_pack(20, 1);
    let other = Searcher::new(&synthetic_pack(30, 1));
    let (mut frames, count) = frames_of(&pack);
    frames.push(other.encode_index().unwrap());
    let frames: Vec<&[u8]> = frames.iter().map(Vec::as_slice).collect();
    write_raw(&cache, count, true, &frames);
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
    let (frames, _) = frames_of(&synthetic_pack(0, 1));
    let mut skeleton = frames[0].clone();
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
        let count = frames.len() as u64 - 1 - u64::from(has_index && frames.len() > 1);
        write_raw(&cache, count, has_index, &frames);
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
        let (mut frames, count) = frames_of(&pack);
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
        write_raw(&cache, count, true, &frames);
        if let Some((read, Some(mut searcher))) = cache.read(true) {
            // An index that passed the checks searches without panicking.
            let _ = searcher.search(&read, "a");
        }
    }
}

/// The TUI's path: the pack at once, the index later. The first start
/// builds the index and adds it to the cache; the next decodes it.
#[test]
fn an_index_built_later_is_added_to_the_cache() {
    let packs = tempfile::tempdir().unwrap();
    let root = tempfile::tempdir().unwrap();
    for (name, text) in crate::content::synthetic::synthetic_pack_files(300, 5) {
        fs::write(packs.path().join(name), text).unwrap();
    }
    let (pack, index) = load_dir_cached_with_index(packs.path(), Some(root.path())).unwrap();
    assert!(index.bytes.is_none(), "a cold start has no index yet");
    let (_, cached) = Cache::open(root.path(), packs.path(), true).unwrap();
    assert!(
        cached.is_some(),
        "the pack is cached before the index is built"
    );
    let mut built = index.searcher(&pack);

    let (again, index) = load_dir_cached_with_index(packs.path(), Some(root.path())).unwrap();
    assert_eq!(again, pack);
    assert!(index.bytes.is_some(), "the index is in the cache now");
    let mut decoded = index.searcher(&again);
    for query in ["konseling", "k", "pasal 3"] {
        assert_eq!(
            decoded.search(&again, query).hits(),
            built.search(&pack, query).hits()
        );
    }
}

/// A temporary file left by a kisi that quit while writing goes once it is
/// old; one being written now stays.
#[test]
fn left_over_temporary_files_are_removed() {
    let root = tempfile::tempdir().unwrap();
    let old = root.path().join(".tmp-old.part");
    let fresh = root.path().join(".tmp-fresh.part");
    let other = root.path().join("notes.part");
    for path in [&old, &fresh, &other] {
        fs::write(path, b"x").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for path in [&old, &other] {
        File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    remove_oldest(root.path());
    assert!(!old.exists());
    assert!(fresh.exists());
    assert!(other.exists(), "only kisi's own temporary files");
}
