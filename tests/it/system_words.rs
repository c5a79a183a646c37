//! Issue 16, "in the user's language everywhere": what the system says of
//! a failed read or write ("Read-only file system (os error 30)") is in
//! English whatever the UI language; kisi keeps the error's kind and says
//! it in the user's words, in the progress store's warnings (on Home,
//! wrapped, never cut) and in every command's errors.

use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use kisi_core::i18n::{IoFault, Lang};
use kisi_core::progress::{Store, Warning};
use kisi_tui::app::App;
use kisi_tui::theme::Theme;

use crate::common::fixture::fixture_pack;
use crate::common::screen::draw;
use crate::questions_cli::{kisi, stderr};

/// The system's English for the common kinds (Linux and macOS), and words
/// that only the system's messages use.
const SYSTEM_ENGLISH: [&str; 10] = [
    "No such file",
    "Permission denied",
    "Read-only file system",
    "File exists",
    "Not a directory",
    "Is a directory",
    "No space left",
    "os error",
    "invalid data",
    "valid UTF-8",
];

fn no_system_english(text: &str) {
    for words in SYSTEM_ENGLISH {
        assert!(!text.contains(words), "{words:?} in:\n{text}");
    }
}

/// The common kinds as the system gives them: ENOENT, EACCES, EROFS,
/// EEXIST (Linux numbers), and invalid data (which has none).
fn common_errors() -> Vec<io::Error> {
    vec![
        io::Error::from_raw_os_error(2),
        io::Error::from_raw_os_error(13),
        io::Error::from_raw_os_error(30),
        io::Error::from_raw_os_error(17),
        io::Error::new(ErrorKind::InvalidData, "stream did not contain valid UTF-8"),
    ]
}

/// Every warning that holds an I/O error, with `error`.
fn warnings_with(error: &io::Error) -> Vec<Warning> {
    let path = PathBuf::from("/media/usb/kisi");
    let error = IoFault::from(error);
    vec![
        Warning::Unwritable {
            path: path.clone(),
            error,
        },
        Warning::Unreadable {
            path: path.join("settings.json"),
            error,
        },
        Warning::Unusable {
            path: path.join("progress/uji.jsonl"),
            error,
        },
        Warning::WriteFailed {
            path: path.join("progress/uji.jsonl"),
            error,
            unsaved: 2,
        },
    ]
}

#[test]
fn store_warnings_say_the_common_errors_in_the_users_words() {
    for error in common_errors() {
        for warning in warnings_with(&error) {
            let indonesian = warning.message(Lang::Id);
            no_system_english(&indonesian);
            assert!(!indonesian.contains(&error.to_string()), "{indonesian}");
            let english = warning.message(Lang::En);
            assert!(!english.contains("os error"), "{english}");
            assert_ne!(indonesian, english);
        }
    }
    let read_only = io::Error::from_raw_os_error(30);
    let [unwritable, unreadable, unusable, failed] = &warnings_with(&read_only)[..] else {
        unreachable!()
    };
    assert_eq!(
        unwritable.message(Lang::Id),
        "Tidak bisa menulis ke /media/usb/kisi: sistem berkasnya hanya bisa dibaca. \
         Kemajuan hanya disimpan selama sesi ini; pilih folder yang bisa ditulis dengan --data-dir."
    );
    assert_eq!(
        unwritable.message(Lang::En),
        "Cannot write to /media/usb/kisi: the file system is read-only. \
         Progress is kept for this session only; choose a writable folder with --data-dir."
    );
    let denied = io::Error::from_raw_os_error(13);
    let unreadable_denied = &warnings_with(&denied)[1];
    assert!(
        unreadable_denied
            .message(Lang::Id)
            .contains("tidak bisa dibaca (izin akses ditolak)"),
        "{unreadable:?}"
    );
    assert!(
        unusable
            .message(Lang::Id)
            .contains("(sistem berkasnya hanya bisa dibaca)")
    );
    assert!(
        failed
            .message(Lang::En)
            .contains("Could not save to /media/usb/kisi/progress/uji.jsonl: the file system is read-only. 2 answers")
    );
}

/// A data folder that cannot be made (a file stands where a folder must
/// be, which stops root too): the system's error kind, in words.
#[test]
fn an_unusable_data_folder_is_said_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("berkas");
    fs::write(&file, "").unwrap();
    let (_, warnings) = Store::open(Some(&file.join("kisi")));
    let [warning @ Warning::Unwritable { .. }] = warnings.as_slice() else {
        panic!("{warnings:?}")
    };
    let indonesian = warning.message(Lang::Id);
    no_system_english(&indonesian);
    assert!(
        indonesian.contains("salah satu bagian jalurnya bukan folder")
            && indonesian.ends_with("dengan --data-dir."),
        "{indonesian}"
    );
    let english = warning.message(Lang::En);
    assert!(
        english.contains("a part of the path is not a folder") && english.ends_with("--data-dir."),
        "{english}"
    );
}

/// Home with the read-only warning and a corrupt settings file's: wrapped
/// at 80 and 40 columns, never cut, the last words (`--data-dir.`) shown.
#[test]
fn home_wraps_store_warnings_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("settings.json"), "{rusak").unwrap();
    let (store, mut warnings) = Store::open(Some(dir.path()));
    warnings.extend(store.settings().1);
    assert!(
        matches!(warnings.as_slice(), [Warning::MovedAside { .. }]),
        "{warnings:?}"
    );
    let read_only = Warning::Unwritable {
        path: PathBuf::from("/media/usb/kisi"),
        error: IoFault::from(ErrorKind::ReadOnlyFilesystem),
    };
    for lang in [Lang::Id, Lang::En] {
        let mut app = App::new(fixture_pack(), lang, Theme::mono());
        app.env.warnings = vec![read_only.message(lang)];
        for (width, height) in [(80, 24), (40, 12)] {
            let screen = draw(&mut app, width, height);
            no_system_english(&screen);
            assert!(screen.contains("--data-dir."), "{screen}");
            insta::assert_snapshot!(format!("read_only_{lang:?}_{width}x{height}"), screen);
        }
        // The corrupt file's warning names where it went, in the language.
        let moved = warnings[0].message(lang);
        let said = match lang {
            Lang::Id => "rusak; dipindahkan ke",
            Lang::En => "was damaged; it was moved to",
        };
        assert!(moved.contains(said), "{moved}");
    }
}

fn kisi_with_stdout(args: &[&str], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("LANG", "id_ID.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("KISI_NO_CACHE", "1")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// With `LANG=id`, no command shows the system's English: a file that is
/// not there, a data folder under a file, a full disk, a folder where a
/// file must be written, a man page of no command.
#[test]
fn commands_say_system_errors_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("berkas");
    fs::write(&file, "").unwrap();
    let missing = dir.path().join("tiada/kisi-kisi.md");
    let said = stderr(&kisi(
        &["export", "markdown", "--out", path(&missing)],
        "id_ID.UTF-8",
    ));
    assert!(said.contains("berkas atau folder itu tidak ada"), "{said}");
    no_system_english(&said);
    let said = stderr(&kisi(
        &["export", "markdown", "--out", path(dir.path())],
        "id_ID.UTF-8",
    ));
    assert!(said.contains("itu folder, bukan berkas"), "{said}");
    no_system_english(&said);
    let under_file = file.join("kisi");
    let said = stderr(&kisi(
        &["--data-dir", path(&under_file), "stats"],
        "id_ID.UTF-8",
    ));
    assert!(
        said.contains("bukan folder") && said.contains("--data-dir"),
        "{said}"
    );
    no_system_english(&said);
    let said = stderr(&kisi(&["man", "tiada"], "id_ID.UTF-8"));
    assert!(said.contains("`tiada` bukan subperintah kisi"), "{said}");
    if let Ok(full) = fs::File::create("/dev/full") {
        let output = kisi_with_stdout(&["list"], Stdio::from(full));
        let said = stderr(&output);
        assert!(said.contains("disknya penuh"), "{said}");
        no_system_english(&said);
        assert!(!output.status.success());
    }
    // A starter pack under a file: the folder cannot be made.
    let said = stderr(&kisi(
        &["new", path(&under_file.join("paket"))],
        "id_ID.UTF-8",
    ));
    no_system_english(&said);
    let said = stderr(&kisi(
        &[
            "--lang",
            "en",
            "export",
            "markdown",
            "--out",
            path(&missing),
        ],
        "id_ID.UTF-8",
    ));
    assert!(said.contains("there is no such file or folder"), "{said}");
}
