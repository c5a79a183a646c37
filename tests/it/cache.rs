//! The compiled pack cache: a hit gives the same pack as the TOML, any edit
//! is seen at once, a damaged or foreign cache file is rebuilt without a
//! word, concurrent writers never leave a torn file, and a cache folder that
//! cannot be written only means no cache.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};

use kisi_core::cache::load_dir_cached;
use kisi_core::content::Pack;
use kisi_core::content::load::load_dir;
use kisi_core::i18n::Lang;

use crate::common::files::MANIFEST;

const TOPIC: &str = r#"[topic]
id = "topic-a"
title = "Topic A"

[[entries]]
id = "entry-a"
title = "Entry A"
body = "Body of the first entry"
source = "book"

[[entries.points]]
text = "first point"

[[entries.points]]
text = "second point"

[[entries]]
id = "entry-b"
title = "Entry B"
body = "Body B"
source = "book"
see_also = ["entry-a"]
"#;

/// A pack folder and an empty cache folder next to it.
struct Fixture {
    _temp: tempfile::TempDir,
    pack: PathBuf,
    cache: PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let temp = tempfile::tempdir().unwrap();
        let pack = temp.path().join("pack");
        fs::create_dir(&pack).unwrap();
        fs::write(pack.join("pack.toml"), MANIFEST).unwrap();
        fs::write(pack.join("01-topic.toml"), TOPIC).unwrap();
        let cache = temp.path().join("cache").join("kisi").join("packs");
        Self {
            _temp: temp,
            pack,
            cache,
        }
    }

    fn load(&self) -> Pack {
        load_dir_cached(&self.pack, Some(&self.cache)).unwrap()
    }

    fn topic(&self) -> PathBuf {
        self.pack.join("01-topic.toml")
    }

    /// The one cache file.
    fn cache_file(&self) -> PathBuf {
        let files = cache_files(&self.cache);
        assert_eq!(files.len(), 1, "{files:?}");
        files.into_iter().next().unwrap()
    }
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

fn inode(path: &Path) -> u64 {
    fs::metadata(path).unwrap().ino()
}

#[test]
fn the_first_load_writes_the_cache_and_the_next_reads_it() {
    let fx = Fixture::new();
    let fresh = load_dir(&fx.pack).unwrap();
    assert_eq!(fx.load(), fresh);
    let file = fx.cache_file();
    assert_eq!(file.extension().unwrap(), "bin");
    let written = inode(&file);
    assert_eq!(fx.load(), fresh);
    // A hit reads the file and leaves it as it is.
    assert_eq!(inode(&fx.cache_file()), written);
}

#[test]
fn the_cache_folder_and_file_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let fx = Fixture::new();
    fx.load();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&fx.cache), 0o700);
    assert_eq!(mode(&fx.cache_file()), 0o600);
}

#[test]
fn an_edit_is_seen_at_once() {
    let fx = Fixture::new();
    fx.load();
    let before = inode(&fx.cache_file());
    fs::write(fx.topic(), TOPIC.replace("Entry A", "Entry A, edited")).unwrap();
    let pack = fx.load();
    assert_eq!(&*pack.topics[0].entries[0].title, "Entry A, edited");
    assert_ne!(inode(&fx.cache_file()), before, "the cache was rewritten");
    assert_eq!(fx.load(), pack);
}

#[test]
fn an_edit_that_keeps_size_and_time_is_seen() {
    let fx = Fixture::new();
    let mtime = fs::metadata(fx.topic()).unwrap().modified().unwrap();
    fx.load();
    let edited = TOPIC.replace("Entry A", "Entry Z");
    assert_eq!(edited.len(), TOPIC.len());
    fs::write(fx.topic(), &edited).unwrap();
    fs::File::options()
        .write(true)
        .open(fx.topic())
        .unwrap()
        .set_modified(mtime)
        .unwrap();
    assert_eq!(fs::metadata(fx.topic()).unwrap().modified().unwrap(), mtime);
    assert_eq!(&*fx.load().topics[0].entries[0].title, "Entry Z");
}

#[test]
fn a_new_or_removed_topic_file_is_seen() {
    let fx = Fixture::new();
    fx.load();
    let second = TOPIC
        .replace("topic-a", "topic-b")
        .replace("entry-a", "entry-c")
        .replace("entry-b", "entry-d");
    fs::write(fx.pack.join("02-more.toml"), second).unwrap();
    assert_eq!(fx.load().topics.len(), 2);
    fs::remove_file(fx.pack.join("02-more.toml")).unwrap();
    assert_eq!(fx.load().topics.len(), 1);
}

#[test]
fn a_damaged_or_foreign_cache_file_is_rebuilt_silently() {
    let fx = Fixture::new();
    let fresh = fx.load();
    let file = fx.cache_file();
    let good = fs::read(&file).unwrap();
    let mut damages: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("header only", good[..20].to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("one byte short", good[..good.len() - 1].to_vec()),
        ("one byte more", [&good[..], &[0]].concat()),
        (
            "foreign",
            b"\x89PNG\r\n\x1a\n not a kisi cache at all".to_vec(),
        ),
        ("zeros", vec![0; good.len()]),
    ];
    // A byte of each part of the header (magic, format, key, topic count,
    // index flag), of the first frame's length, checksum and bytes, and the
    // last byte, flipped.
    for at in [0, 8, 12, 28, 36, 40, 48, 60, good.len() - 1] {
        let mut bytes = good.clone();
        bytes[at] ^= 0x55;
        damages.push(("flipped", bytes));
    }
    for (what, bytes) in damages {
        fs::write(&file, &bytes).unwrap();
        assert_eq!(fx.load(), fresh, "{what}");
        assert_eq!(fs::read(&file).unwrap(), good, "{what}: rebuilt");
    }
}

#[test]
fn a_cache_of_an_older_format_is_rebuilt_never_read() {
    // Format 4 added topic summaries to the search index: a file of
    // format 3 (its layout otherwise alike) is a miss and is rewritten.
    let fx = Fixture::new();
    let fresh = fx.load();
    let file = fx.cache_file();
    let good = fs::read(&file).unwrap();
    assert_eq!(
        good[8..12],
        4u32.to_le_bytes(),
        "the format follows the magic"
    );
    for old in [1u32, 2, 3] {
        let mut bytes = good.clone();
        bytes[8..12].copy_from_slice(&old.to_le_bytes());
        fs::write(&file, &bytes).unwrap();
        assert_eq!(fx.load(), fresh, "format {old}");
        assert_eq!(fs::read(&file).unwrap(), good, "format {old}: rebuilt");
    }
}

#[test]
fn a_cache_written_for_other_files_is_not_used() {
    // The same pack folder path, other content: the key differs.
    let fx = Fixture::new();
    fx.load();
    let old = fs::read(fx.cache_file()).unwrap();
    fs::write(fx.topic(), TOPIC.replace("Topic A", "Topic B")).unwrap();
    fx.load();
    // Put the old file back, as a stale copy would be.
    fs::write(fx.cache_file(), &old).unwrap();
    assert_eq!(&*fx.load().topics[0].title, "Topic B");
}

#[test]
fn a_pack_that_fails_validation_is_never_cached() {
    let fx = Fixture::new();
    fs::write(
        fx.topic(),
        TOPIC.replace("source = \"book\"", "source = \"nope\""),
    )
    .unwrap();
    assert!(load_dir_cached(&fx.pack, Some(&fx.cache)).is_err());
    assert!(cache_files(&fx.cache).is_empty());

    // A pack cached while valid, then broken: the problem is reported, the
    // cached copy is not used.
    fs::write(fx.topic(), TOPIC).unwrap();
    fx.load();
    fs::write(
        fx.topic(),
        TOPIC.replace("source = \"book\"", "source = \"nope\""),
    )
    .unwrap();
    let report = load_dir_cached(&fx.pack, Some(&fx.cache)).unwrap_err();
    assert!(
        report.render(false, Lang::En).contains("nope"),
        "{}",
        report.render(false, Lang::En)
    );
}

#[test]
fn a_cache_folder_that_cannot_be_written_means_no_cache() {
    use std::os::unix::fs::PermissionsExt;
    let fx = Fixture::new();
    let fresh = load_dir(&fx.pack).unwrap();

    // Under a file: the folder cannot be created.
    let file = fx.pack.parent().unwrap().join("a-file");
    fs::write(&file, "").unwrap();
    let under_file = file.join("packs");
    assert_eq!(load_dir_cached(&fx.pack, Some(&under_file)).unwrap(), fresh);
    assert_eq!(load_dir_cached(&fx.pack, Some(&file)).unwrap(), fresh);
    assert_eq!(fs::read(&file).unwrap(), b"");

    // Read-only. Root may write there anyway; then only loading is checked.
    fs::create_dir_all(&fx.cache).unwrap();
    fs::set_permissions(&fx.cache, fs::Permissions::from_mode(0o500)).unwrap();
    let writable = fs::write(fx.cache.join("probe"), "").is_ok();
    let _ = fs::remove_file(fx.cache.join("probe"));
    assert_eq!(fx.load(), fresh);
    assert_eq!(fx.load(), fresh);
    if !writable {
        assert!(cache_files(&fx.cache).is_empty());
    }
    fs::set_permissions(&fx.cache, fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn concurrent_writers_never_leave_a_torn_file() {
    let fx = Fixture::new();
    let fresh = fx.load();
    let file = fx.cache_file();
    let good = fs::read(&file).unwrap();
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        // Writers: each load after the file was removed writes it anew.
        let writers: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    for _ in 0..40 {
                        let _ = fs::remove_file(&file);
                        assert_eq!(fx.load(), fresh);
                    }
                })
            })
            .collect();
        // A reader that looks at the file between and during writes: it is
        // either absent or whole, never part of a file.
        let reader = scope.spawn(|| {
            let mut seen = 0;
            while !done.load(Ordering::Relaxed) {
                if let Ok(bytes) = fs::read(&file) {
                    assert!(bytes == good, "a torn cache file of {} bytes", bytes.len());
                    seen += 1;
                }
            }
            seen
        });
        for writer in writers {
            writer.join().unwrap();
        }
        done.store(true, Ordering::Relaxed);
        assert!(reader.join().unwrap() > 0);
    });
    // No temporary files are left behind.
    assert_eq!(cache_files(&fx.cache), vec![file]);
}

/// `kisi list --content PACK` with the cache in `cache_home`.
fn kisi_list(pack: &Path, cache_home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kisi"));
    command
        .args(["list", "--content"])
        .arg(pack)
        .env("XDG_CACHE_HOME", cache_home)
        .env("LANG", "en_US.UTF-8")
        .env_remove("KISI_NO_CACHE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

#[test]
fn processes_writing_at_once_all_load_the_pack_and_say_nothing() {
    let fx = Fixture::new();
    let home = fx.pack.parent().unwrap().join("cache");
    let expected = kisi_list(&fx.pack, &home).output().unwrap();
    assert!(expected.status.success());
    assert!(expected.stderr.is_empty());
    let file = fx.cache_file();
    let good = fs::read(&file).unwrap();
    for round in 0..3 {
        if round == 1 {
            fs::write(&file, &good[..good.len() / 3]).unwrap();
        } else {
            fs::remove_file(&file).unwrap();
        }
        let children: Vec<_> = (0..4)
            .map(|_| kisi_list(&fx.pack, &home).spawn().unwrap())
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "round {round}");
            assert_eq!(output.stdout, expected.stdout, "round {round}");
            assert_eq!(String::from_utf8_lossy(&output.stderr), "", "round {round}");
        }
        assert_eq!(fs::read(&file).unwrap(), good, "round {round}");
    }
}

#[test]
fn no_cache_flag_and_env_leave_the_cache_alone() {
    let fx = Fixture::new();
    let home = fx.pack.parent().unwrap().join("cache");
    let output = kisi_list(&fx.pack, &home)
        .arg("--no-cache")
        .output()
        .unwrap();
    assert!(output.status.success());
    let output = kisi_list(&fx.pack, &home)
        .env("KISI_NO_CACHE", "1")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(cache_files(&fx.cache).is_empty());
    assert!(
        kisi_list(&fx.pack, &home)
            .output()
            .unwrap()
            .status
            .success()
    );
    assert_eq!(cache_files(&fx.cache).len(), 1);
}

#[test]
fn only_the_latest_caches_are_kept() {
    let fx = Fixture::new();
    let root = fx.pack.parent().unwrap();
    for i in 0..20 {
        let pack = root.join(format!("pack-{i}"));
        fs::create_dir(&pack).unwrap();
        fs::write(pack.join("pack.toml"), MANIFEST).unwrap();
        fs::write(pack.join("01-topic.toml"), TOPIC).unwrap();
        load_dir_cached(&pack, Some(&fx.cache)).unwrap();
    }
    let kept = cache_files(&fx.cache).len();
    assert!((1..=16).contains(&kept), "{kept} caches kept");
}

#[test]
fn kisi_search_reads_its_index_from_the_cache_and_sees_edits() {
    let fx = Fixture::new();
    let home = fx.pack.parent().unwrap().join("cache");
    let search = |query: &str| {
        let command = kisi_list(&fx.pack, &home);
        let mut args: Vec<std::ffi::OsString> = command.get_args().map(Into::into).collect();
        args[0] = "search".into();
        // The pack is Indonesian: its language would win over LANG.
        args.extend(["--lang".into(), "en".into()]);
        args.push(query.into());
        let mut search = Command::new(command.get_program());
        search
            .args(args)
            .env("XDG_CACHE_HOME", &home)
            .env("LANG", "en_US.UTF-8");
        let output = search.output().unwrap();
        // Nothing on stderr but the no-hit line: the cache path warns of nothing.
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.is_empty() || stderr.starts_with("No results for"),
            "{stderr}"
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let cold = search("second point");
    assert!(cold.contains("Entry A"), "{cold}");
    let with_index = fs::read(fx.cache_file()).unwrap();
    // The header's index flag: the search added the index.
    assert_eq!(with_index[36], 1);
    assert_eq!(search("second point"), cold);
    assert_eq!(fs::read(fx.cache_file()).unwrap(), with_index);
    assert!(!search("walrus").contains("Walrus"));
    fs::write(fx.topic(), TOPIC.replace("Entry A", "Walrus")).unwrap();
    assert!(search("walrus").contains("Walrus"));
}
