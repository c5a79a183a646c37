//! The authoring commands through the real binary: `kisi new`, `kisi check
//! --format json`, `kisi completions` and `kisi man`.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

pub(crate) fn kisi(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .current_dir(cwd)
        .env("LANG", "id_ID.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const SUBCOMMANDS: &[&str] = &["check", "list", "show", "new", "completions", "man"];

#[test]
fn new_writes_a_pack_that_check_accepts() {
    let tmp = tempfile::tempdir().unwrap();
    let created = kisi(&["new", "kuliah"], tmp.path());
    assert!(created.status.success(), "{}", stderr(&created));
    assert!(stdout(&created).contains("kisi check kuliah"));
    for file in [
        "pack.toml",
        "01-contoh.toml",
        "schema/kisi-topic.schema.json",
    ] {
        assert!(tmp.path().join("kuliah").join(file).is_file(), "{file}");
    }
    let checked = kisi(&["check", "kuliah"], tmp.path());
    assert!(checked.status.success(), "{}", stdout(&checked));
    assert!(stdout(&checked).starts_with("Paket valid"));
    assert_eq!(stderr(&checked), "", "no warning either");
}

#[test]
fn new_in_english_writes_an_english_pack_with_every_kind_of_example() {
    let tmp = tempfile::tempdir().unwrap();
    let created = kisi(&["--lang", "en", "new", "course"], tmp.path());
    assert!(created.status.success(), "{}", stderr(&created));
    assert!(stdout(&created).contains("Edit pack.toml and 01-example.toml"));
    let dir = tmp.path().join("course");
    assert!(!dir.join("01-contoh.toml").exists());
    let manifest = fs::read_to_string(dir.join("pack.toml")).unwrap();
    assert!(manifest.contains("language = \"en\""), "{manifest}");
    assert!(manifest.contains("\n[exam]\n"), "{manifest}");
    let topic = fs::read_to_string(dir.join("01-example.toml")).unwrap();
    for kind in ["\"choice\"", "\"true-false\"", "\"typed\""] {
        assert!(topic.contains(&format!("kind = {kind}")), "{kind}");
    }
    // The comments and the material are English: no Indonesian word of the
    // Indonesian starter's comments.
    assert!(
        !topic.contains("Opsional") && !topic.contains("Judul"),
        "{topic}"
    );
    // The pack speaks English without --lang, and check accepts it whole.
    let checked = kisi(&["check", "course"], tmp.path());
    assert!(checked.status.success(), "{}", stdout(&checked));
    assert!(
        stdout(&checked).starts_with("Pack is valid"),
        "{}",
        stdout(&checked)
    );
    assert_eq!(stderr(&checked), "", "no warning either");
    // The Indonesian starter has the same kinds of example, and its exam.
    assert!(kisi(&["new", "kuliah"], tmp.path()).status.success());
    let topic = fs::read_to_string(tmp.path().join("kuliah/01-contoh.toml")).unwrap();
    assert!(topic.contains("kind = \"true-false\"") && topic.contains("kind = \"typed\""));
    let manifest = fs::read_to_string(tmp.path().join("kuliah/pack.toml")).unwrap();
    assert!(manifest.contains("\n[exam]\n"), "{manifest}");
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "keep me").unwrap();
    let refused = kisi(&["--lang", "en", "new", "."], tmp.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is not an empty folder; nothing was overwritten"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    assert_eq!(
        fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn check_json_of_a_valid_pack() {
    let tmp = tempfile::tempdir().unwrap();
    let output = kisi(&["check", "--format", "json"], tmp.path());
    assert!(output.status.success());
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["valid"], true);
    assert_eq!(value["errors"], Value::Array(Vec::new()));
    assert_eq!(value["summary"]["errors"], 0);
    assert_eq!(value["summary"]["pack"]["id"], "pekerjaan-sosial");
    assert!(value["summary"]["pack"]["entries"].as_u64().unwrap() > 0);
}

#[test]
fn check_json_of_a_broken_pack() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(kisi(&["new", "p"], tmp.path()).status.success());
    let topic = tmp.path().join("p/01-contoh.toml");
    let text = fs::read_to_string(&topic).unwrap();
    fs::write(
        &topic,
        text.replace("source = \"uu-11-2009\"", "source = \"uu\""),
    )
    .unwrap();

    let output = kisi(&["check", "--format", "json", "p"], tmp.path());
    assert_eq!(output.status.code(), Some(1));
    // Nothing but the JSON document on stdout, and nothing on stderr.
    assert_eq!(stderr(&output), "");
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["valid"], false);
    assert_eq!(value["summary"]["errors"], 2);
    assert_eq!(value["summary"]["files_with_errors"], 1);
    assert_eq!(value["summary"]["pack"], Value::Null);
    for error in value["errors"].as_array().unwrap() {
        assert_eq!(
            error["file"],
            Path::new("p").join("01-contoh.toml").display().to_string()
        );
        assert!(
            error["message"].as_str().unwrap().contains("`uu`"),
            "{error}"
        );
        let line = error["line"].as_u64().unwrap();
        assert!(line > 1);
        assert_eq!(error["end_line"].as_u64().unwrap(), line);
        assert_eq!(
            error["end_column"].as_u64().unwrap() - error["column"].as_u64().unwrap(),
            "\"uu\"".len() as u64
        );
    }
}

#[test]
fn check_human_is_the_default_format() {
    let tmp = tempfile::tempdir().unwrap();
    let default = kisi(&["check"], tmp.path());
    let human = kisi(&["check", "--format", "human"], tmp.path());
    assert!(default.status.success());
    assert_eq!(stdout(&default), stdout(&human));
    assert!(stdout(&default).starts_with("Paket valid"));
}

#[test]
fn completions_cover_every_subcommand() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let output = kisi(&["completions", shell], tmp.path());
        assert!(output.status.success(), "{shell}");
        let script = stdout(&output);
        for subcommand in SUBCOMMANDS {
            assert!(script.contains(subcommand), "{shell}: no `{subcommand}`");
        }
        assert!(script.contains("content"), "{shell}");
    }
    let unknown = kisi(&["completions", "cmd-exe"], tmp.path());
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn man_page_lists_the_subcommands() {
    let tmp = tempfile::tempdir().unwrap();
    let output = kisi(&["man"], tmp.path());
    assert!(output.status.success());
    let page = stdout(&output);
    assert!(
        page.starts_with(".ie") || page.contains(".TH kisi"),
        "{page}"
    );
    assert!(page.contains(".TH kisi 1"));
    for subcommand in SUBCOMMANDS {
        assert!(page.contains(subcommand), "no `{subcommand}`");
    }
}

#[test]
fn man_pages_of_subcommands_exist_for_the_references_of_the_main_page() {
    let tmp = tempfile::tempdir().unwrap();
    let main = stdout(&kisi(&["man"], tmp.path()));
    for subcommand in ["check", "new", "completions"] {
        assert!(
            main.contains(&format!("kisi\\-{subcommand}(1)")),
            "{subcommand}"
        );
        let output = kisi(&["man", subcommand], tmp.path());
        assert!(output.status.success(), "{subcommand}");
        let page = stdout(&output);
        assert!(
            page.contains(&format!(
                ".TH kisi-{subcommand} 1  \"kisi {}\"",
                env!("CARGO_PKG_VERSION")
            )),
            "{page}"
        );
        assert!(
            page.contains(&format!("\\fBkisi {subcommand}\\fR")),
            "{page}"
        );
    }
    let check = stdout(&kisi(&["man", "check"], tmp.path()));
    assert!(check.contains("\\-\\-format"));
    let unknown = kisi(&["man", "nope"], tmp.path());
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("`nope` bukan subperintah kisi; salah satu dari: check,"));
}
