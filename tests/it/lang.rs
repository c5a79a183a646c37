//! Issue 16, "in the user's language everywhere": the texts that were left
//! in English (theme files, `kisi themes`, the broken-pack line of `kisi
//! packs`) and the hints around the pack folder (`--content PARENT`),
//! through the binary in both languages.

use std::path::Path;

use crate::questions_cli::{kisi, stderr, stdout};

/// A theme file with an unknown role, an unknown key and a bad colour.
const BAD_THEME: &str = "[titel]\nbold = true\n\n[key]\nbolt = true\nfg = \"cyna\"\n";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn theme_file_errors_are_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "kelas.toml", BAD_THEME);
    let indonesian = stderr(&kisi(&["--theme", &bad], "id_ID.UTF-8"));
    for expected in [
        "kesalahan: kolom `titel` tidak dikenal di berkas tema",
        "= bantuan: maksud Anda `title`?",
        "kolom `bolt` tidak dikenal di [key]",
        "kelas.toml:5:1",
    ] {
        assert!(indonesian.contains(expected), "{expected}:\n{indonesian}");
    }
    let english = stderr(&kisi(&["--lang", "en", "--theme", &bad], "id_ID.UTF-8"));
    assert!(
        english.contains("error: unknown field `titel` in the theme file"),
        "{english}"
    );
    // With its roles right, the colour is the problem, at its place.
    let colour = write(dir.path(), "warna.toml", "[key]\nfg = \"cyna\"\n");
    let indonesian = stderr(&kisi(&["--theme", &colour], "id_ID.UTF-8"));
    assert!(
        indonesian.contains("kesalahan: bukan warna")
            && indonesian.contains("warna.toml:2:6")
            && indonesian.contains("^^^^^^ warna tidak dikenal")
            && indonesian.contains("atau 0-255"),
        "{indonesian}"
    );
    // A file that is not there: the system's error in words too.
    let missing = dir.path().join("tiada.toml");
    let indonesian = stderr(&kisi(
        &["--theme", missing.to_str().unwrap()],
        "id_ID.UTF-8",
    ));
    assert!(
        indonesian.contains("berkas atau folder itu tidak ada")
            && indonesian.contains("salah satu tema bawaan: default, light"),
        "{indonesian}"
    );
    assert!(!indonesian.contains("No such file"), "{indonesian}");
    let syntax = write(dir.path(), "rusak.toml", "x = \n");
    let indonesian = stderr(&kisi(&["--theme", &syntax], "id_ID.UTF-8"));
    assert!(
        indonesian.contains("kesalahan: TOML tidak sah"),
        "{indonesian}"
    );
}

#[test]
fn kisi_themes_says_what_each_theme_is_for_in_both_languages() {
    let indonesian = stdout(&kisi(&["themes"], "id_ID.UTF-8"));
    assert!(
        indonesian.contains("high-contrast  putih murni di atas hitam"),
        "{indonesian}"
    );
    let english = stdout(&kisi(&["--lang", "en", "themes"], "id_ID.UTF-8"));
    assert!(
        english.contains("high-contrast  pure white on black with bold, for projectors"),
        "{english}"
    );
    let output = kisi(&["themes", "terang"], "id_ID.UTF-8");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "kisi: tidak ada tema bawaan `terang`; tema bawaan adalah: default, light, high-contrast, mono\n"
    );
}

#[test]
fn the_broken_pack_line_of_kisi_packs_is_in_the_users_language() {
    let library = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let broken = library.path().join("rusak");
    std::fs::create_dir(&broken).unwrap();
    std::fs::write(broken.join("pack.toml"), "[pack]\nid = 1\n").unwrap();
    let packs = |lang: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_kisi"))
            .args(lang)
            .args(["--data-dir", data.path().to_str().unwrap(), "packs"])
            .env("KISI_PATH", library.path())
            .env("KISI_NO_CACHE", "1")
            .env("LANG", "id_ID.UTF-8")
            .output()
            .unwrap();
        stdout(&output)
    };
    let indonesian = packs(&[]);
    assert!(
        indonesian.contains("rusak/pack.toml: paket ini tidak punya berkas topik"),
        "{indonesian}"
    );
    let english = packs(&["--lang", "en"]);
    assert!(
        english.contains("broken: ") && english.contains("pack.toml: the pack has no topic files"),
        "{english}"
    );
}

#[test]
fn content_of_a_parent_folder_points_at_the_pack_below_in_the_command_given() {
    let parent = tempfile::tempdir().unwrap();
    let below = parent.path().join("bio");
    std::fs::create_dir(&below).unwrap();
    for file in ["pack.toml", "01-organelles.toml", "02-mitosis.toml"] {
        std::fs::copy(
            Path::new("tests/packs/biology").join(file),
            below.join(file),
        )
        .unwrap();
    }
    let path = parent.path().to_str().unwrap();
    let listed = stderr(&kisi(&["--content", path, "list"], "id_ID.UTF-8"));
    assert!(
        listed.contains(&format!("maksud Anda `kisi --content {path}/bio/ list`?")),
        "{listed}"
    );
    // The TUI's start reports it before the terminal is needed.
    let tui = stderr(&kisi(&["--lang", "en", "--content", path], "id_ID.UTF-8"));
    assert!(
        tui.contains(&format!(
            "did you mean `kisi --lang en --content {path}/bio/`?"
        )),
        "{tui}"
    );
    let quiz = stderr(&kisi(
        &["--content", path, "quiz", "--plain"],
        "id_ID.UTF-8",
    ));
    assert!(
        quiz.contains(&format!("`kisi --content {path}/bio/ quiz --plain`")),
        "{quiz}"
    );
}

#[test]
fn clap_usage_lines_and_its_hints_are_in_indonesian_by_default() {
    let help = stdout(&kisi(&["quiz", "--help"], "id_ID.UTF-8"));
    assert!(help.contains("Penggunaan: kisi quiz [OPSI]"), "{help}");
    assert!(!help.contains("[OPTIONS]"), "{help}");
    let english = stdout(&kisi(&["--lang", "en", "quiz", "--help"], "id_ID.UTF-8"));
    assert!(english.contains("Usage: kisi quiz [OPTIONS]"), "{english}");
    // An option written before its command is pointed at, in words.
    let misplaced = stderr(&kisi(&["--topic", "peran", "quiz"], "id_ID.UTF-8"));
    assert!(
        misplaced.contains("galat: argumen `--topic` tidak dikenal")
            && misplaced.contains("`quiz --topic` ada: tulis opsi itu sesudah nama perintahnya")
            && misplaced.contains("Penggunaan: kisi [OPSI] [PERINTAH]"),
        "{misplaced}"
    );
    let count = stderr(&kisi(&["quiz", "--count", "abc"], "id_ID.UTF-8"));
    assert!(
        count.contains("`abc` tidak sah untuk `--count <COUNT>`: bukan bilangan bulat yang sah"),
        "{count}"
    );
    assert!(!count.contains("invalid digit"), "{count}");
}

#[test]
fn search_with_no_hit_names_the_pack_in_indonesian() {
    let output = kisi(&["search", "xyzzy"], "id_ID.UTF-8");
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(
        said.contains("Tidak ada hasil untuk \"xyzzy\" di paket \""),
        "{said}"
    );
    assert!(!said.contains(" pack "), "{said}");
}

#[test]
fn one_is_singular_in_english_headings() {
    let text = stdout(&kisi(
        &["--lang", "en", "questions", "--count", "1", "--seed", "2"],
        "id_ID.UTF-8",
    ));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(": 1 question from seed 2"),
        "{text}"
    );
    let text = stdout(&kisi(
        &["questions", "--count", "1", "--seed", "2"],
        "id_ID.UTF-8",
    ));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(": 1 soal dari benih (seed) 2"),
        "{text}"
    );
}
