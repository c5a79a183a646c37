//! Arguments that are not UTF-8 (a file name from an old Windows share, a
//! Latin-1 USB stick): paths are used as they are, and nothing panics.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Output};

fn kisi(args: &[&OsStr], data: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("XDG_DATA_HOME", data)
        .env("LANG", "id_ID.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .current_dir(data)
        .output()
        .unwrap()
}

#[test]
fn a_file_whose_name_is_not_utf8_is_imported() {
    let temp = tempfile::tempdir().unwrap();
    let bank = temp.path().join(OsStr::from_bytes(b"bank-\xff.gift"));
    std::fs::write(&bank, "::q1:: Ibu kota Indonesia? {=Jakarta ~Bandung}\n").unwrap();
    let into = temp.path().join("pack");
    let output = kisi(
        &[
            OsStr::new("import"),
            OsStr::new("gift"),
            bank.as_os_str(),
            OsStr::new("--into"),
            into.as_os_str(),
        ],
        temp.path(),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The name was made lossy before: "file not found" for a file that is there.
    assert!(output.status.success(), "{stderr}");
    assert!(into.join("pack.toml").is_file(), "{stderr}");
}

#[test]
fn a_pack_one_folder_down_is_suggested_with_an_argument_that_is_not_utf8() {
    // `std::env::args()` panicked on it while the hint repeated the command.
    let temp = tempfile::tempdir().unwrap();
    let pack = temp.path().join("course").join("pack");
    std::fs::create_dir_all(&pack).unwrap();
    kisi(&[OsStr::new("new"), pack.as_os_str()], temp.path());
    let data = temp.path().join(OsStr::from_bytes(b"data-\xff"));
    let output = kisi(
        &[
            OsStr::new("--content"),
            temp.path().join("course").as_os_str(),
            OsStr::new("--data-dir"),
            data.as_os_str(),
            OsStr::new("list"),
        ],
        temp.path(),
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("course/pack"), "{stderr}");
}
