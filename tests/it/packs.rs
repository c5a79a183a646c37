//! Home's pack chooser on the test backend (choosing, cancelling, a broken
//! pack, the language following the pack) and the last pack used opening
//! next time, through the binary with a data folder in a tempdir.

use std::path::{Path, PathBuf};
use std::process::Command;

use kisi_core::content::builtin::builtin_pack;
use kisi_core::i18n::Lang;
use kisi_core::progress::{Progress, Store};
use kisi_tui::action::Action;
use kisi_tui::app::{App, Screen};
use kisi_tui::carry_out_effects;
use kisi_tui::library::Library;
use kisi_tui::theme::Theme;

use crate::common;
use common::screen::{draw, run};

/// The chooser's library: tests/packs (biology, longform, networking, pancasila),
/// then tests/fixtures/library (a broken pack, an older networking copy),
/// then the built-in pack. Relative paths, so that the screens are the
/// same on every machine.
fn library(data_dir: &Path, lang_fixed: bool) -> Library {
    Library {
        roots: vec![
            PathBuf::from("tests/packs"),
            PathBuf::from("tests/fixtures/library"),
        ],
        data_dir: Some(data_dir.to_owned()),
        lang_fixed,
    }
}

fn app(data_dir: &Path, lang_fixed: bool) -> (App, Progress) {
    let mut app = App::new(builtin_pack().unwrap(), Lang::Id, Theme::mono());
    app.env.library = library(data_dir, lang_fixed);
    let progress = Progress::new(Store::in_memory().pack("pekerjaan-sosial").0);
    (app, progress)
}

/// Opens the chooser from Home with its key, the library looked through.
fn open_chooser(app: &mut App, progress: &mut Progress) {
    app.update(Action::SwitchPack);
    carry_out_effects(app, progress);
    assert!(matches!(app.stack.screen, Screen::Packs(_)));
}

fn select(app: &mut App, id: &str) {
    let Screen::Packs(packs) = &app.stack.screen else {
        panic!("not the chooser")
    };
    let at = packs
        .list
        .as_ref()
        .unwrap()
        .iter()
        .position(|c| c.id == id)
        .unwrap();
    run(app, &[Action::First]);
    for _ in 0..at {
        app.update(Action::Down);
    }
}

/// Opens the pack `id` through the chooser, as a student would.
fn choose(app: &mut App, progress: &mut Progress, id: &str) {
    open_chooser(app, progress);
    select(app, id);
    app.update(Action::Open);
    carry_out_effects(app, progress);
}

#[test]
fn the_chooser_80x24() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut progress) = app(data.path(), false);
    open_chooser(&mut app, &mut progress);
    let screen = draw(&mut app, 80, 24);
    insta::assert_snapshot!(screen);
    for marked in [
        "rusak: 01-topik.toml:1:1: kolom `title` tidak ada di [topic]",
        "tertutup oleh tests/packs/networking",
        "sedang dibuka · bawaan",
    ] {
        assert!(screen.contains(marked), "{marked}");
    }
}

#[test]
fn the_chooser_40x12() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut progress) = app(data.path(), false);
    open_chooser(&mut app, &mut progress);
    insta::assert_snapshot!(draw(&mut app, 40, 12));
}

#[test]
fn home_names_the_pack_and_its_key() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, _) = app(data.path(), false);
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("paket pekerjaan-sosial · bawaan"),
        "{screen}"
    );
    assert!(screen.contains("p ganti paket"), "{screen}");
}

#[test]
fn choosing_a_pack_opens_it_in_its_language_with_its_progress_and_remembers_it() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut progress) = app(data.path(), false);
    choose(&mut app, &mut progress, "networking-basics");
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    assert!(app.stack.history.is_empty(), "Back from Home quits");
    assert_eq!(app.env.pack.meta.id, "networking-basics");
    assert_eq!(app.env.lang, Lang::En, "the UI follows the pack's language");
    assert_eq!(
        app.env.content.as_deref(),
        Some(Path::new("tests/packs/networking"))
    );
    assert_eq!(progress.state(), &app.env.progress);
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("Computer Networking Basics"), "{screen}");
    assert!(
        screen.contains("pack networking-basics · tests/packs/networking"),
        "{screen}"
    );
    assert!(screen.contains("Browse the material"), "{screen}");
    let (settings, _) = Store::open(Some(data.path())).0.settings();
    assert_eq!(settings.last_pack.as_deref(), Some("networking-basics"));

    // And back to the built-in pack, in Indonesian again.
    choose(&mut app, &mut progress, "pekerjaan-sosial");
    assert_eq!(
        (app.env.pack.meta.id.as_str(), app.env.lang),
        ("pekerjaan-sosial", Lang::Id)
    );
    assert_eq!(app.env.content, None);
}

/// Progress stays per pack: what was answered on networking is there when
/// the chooser opens it, and Home says so; the built-in pack's is its own.
#[test]
fn each_pack_opens_with_its_own_progress() {
    use kisi_core::content::load::load_dir;
    use kisi_core::progress::Timestamp;
    use kisi_core::quiz::{QuestionKind, QuizOptions, generate, grade};
    let data = tempfile::tempdir().unwrap();
    let networking = load_dir(Path::new("tests/packs/networking")).unwrap();
    {
        let (store, _) = Store::open(Some(data.path()));
        let mut saved = Progress::new(store.pack("networking-basics").0);
        let options = QuizOptions {
            count: 1,
            kinds: vec![QuestionKind::Flashcard],
            seed: 1,
            ..QuizOptions::default()
        };
        let question = &generate(&networking, &options).unwrap()[0];
        let knew = grade(question, &kisi_core::quiz::Answer::Flashcard { knew: true });
        assert!(
            saved
                .record_answer(&networking, question, &knew, false, Timestamp::now())
                .is_none()
        );
    }
    let (mut app, mut progress) = app(data.path(), false);
    assert!(app.env.progress.items.is_empty());
    choose(&mut app, &mut progress, "networking-basics");
    assert!(!app.env.progress.items.is_empty());
    let screen = draw(&mut app, 80, 24);
    assert!(screen.contains("1/69 cards studied"), "{screen}");
    choose(&mut app, &mut progress, "pekerjaan-sosial");
    assert!(app.env.progress.items.is_empty());
}

#[test]
fn with_lang_given_the_ui_keeps_its_language() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut progress) = app(data.path(), true);
    choose(&mut app, &mut progress, "networking-basics");
    assert_eq!(
        (app.env.pack.meta.id.as_str(), app.env.lang),
        ("networking-basics", Lang::Id)
    );
}

#[test]
fn cancelling_leaves_the_pack_as_it_was() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut progress) = app(data.path(), false);
    open_chooser(&mut app, &mut progress);
    select(&mut app, "cell-biology");
    app.update(Action::Back);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    // Esc while the pack is being opened: what arrives later is dropped.
    open_chooser(&mut app, &mut progress);
    select(&mut app, "cell-biology");
    app.update(Action::Open);
    app.update(Action::Back);
    carry_out_effects(&mut app, &mut progress);
    assert!(matches!(app.stack.screen, Screen::Home(_)));
    assert_eq!(app.env.pack.meta.id, "pekerjaan-sosial");
    assert_eq!(app.env.lang, Lang::Id);
    let (settings, _) = Store::open(Some(data.path())).0.settings();
    assert_ne!(settings.last_pack.as_deref(), Some("pekerjaan-sosial"));
}

#[test]
fn a_broken_or_hidden_pack_is_not_opened() {
    let data = tempfile::tempdir().unwrap();
    let (mut app, mut progress) = app(data.path(), false);
    open_chooser(&mut app, &mut progress);
    for id in ["broken", "networking-basics"] {
        // The second networking-basics is the hidden copy.
        let Screen::Packs(packs) = &app.stack.screen else {
            panic!()
        };
        let list = packs.list.as_ref().unwrap();
        let at = list.iter().rposition(|c| c.id == id).unwrap();
        assert!(!list[at].usable(), "{id}");
        run(&mut app, &[Action::First]);
        for _ in 0..at {
            app.update(Action::Down);
        }
        app.update(Action::Open);
        assert!(app.effects.is_empty(), "{id}");
        assert!(matches!(app.stack.screen, Screen::Packs(_)), "{id}");
    }
}

#[test]
fn a_pack_that_broke_since_the_list_says_why_and_stays_in_the_chooser() {
    let data = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let copy = shared.path().join("bio");
    std::fs::create_dir(&copy).unwrap();
    for file in std::fs::read_dir("tests/packs/biology").unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, copy.join(file.file_name().unwrap())).unwrap();
    }
    let (mut app, mut progress) = app(data.path(), false);
    app.env.library.roots = vec![shared.path().to_owned()];
    open_chooser(&mut app, &mut progress);
    select(&mut app, "cell-biology");
    std::fs::write(copy.join("pack.toml"), "[pack]\nid = \"cell-biology\"\n").unwrap();
    app.update(Action::Open);
    carry_out_effects(&mut app, &mut progress);
    assert!(matches!(app.stack.screen, Screen::Packs(_)));
    assert_eq!(app.env.pack.meta.id, "pekerjaan-sosial");
    let screen = draw(&mut app, 80, 24);
    assert!(
        screen.contains("cell-biology tidak dapat dibuka"),
        "{screen}"
    );
}

/// A pack of tests/packs, by an absolute path (the pseudo-terminal runs
/// kisi elsewhere).
fn test_pack(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/packs")
        .join(name)
        .display()
        .to_string()
}

fn kisi(data_dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kisi"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("KISI_SYSTEM_PACKS", data_dir.join("no-system"))
        .env_remove("KISI_PATH")
        .env("KISI_NO_CACHE", "1")
        .output()
        .unwrap()
}

#[test]
fn the_last_pack_used_opens_next_time_until_it_is_removed() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let added = kisi(dir, &["add", &test_pack("pancasila")]);
    assert!(added.status.success());
    // `--pack` with the full-screen interface remembers it (the TUI then
    // refuses the pipe, after the choice was made).
    let opened = kisi(dir, &["--pack", "pancasila-uud-1945"]);
    assert_eq!(opened.status.code(), Some(2));
    let (settings, _) = Store::open(Some(dir)).0.settings();
    assert_eq!(settings.last_pack.as_deref(), Some("pancasila-uud-1945"));
    // A plain command with `--pack` does not.
    kisi(dir, &["--pack", "pancasila-uud-1945", "list"]);

    let mut next = common::Session::start(&["--data-dir", dir.to_str().unwrap()], 80, 24);
    next.wait_for("paket pancasila-uud-1945");
    next.keys(b"q");
    assert!(next.wait_exit().success());

    // --content overrides it, and is not remembered.
    let mut other = common::Session::start(
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "--content",
            &test_pack("biology"),
        ],
        80,
        24,
    );
    other.wait_for("Cell Biology Basics");
    other.keys(b"q");
    assert!(other.wait_exit().success());
    let (settings, _) = Store::open(Some(dir)).0.settings();
    assert_eq!(settings.last_pack.as_deref(), Some("pancasila-uud-1945"));

    // Gone from the library: the built-in pack, with a one-line note, once.
    assert!(
        kisi(dir, &["remove", "pancasila-uud-1945"])
            .status
            .success()
    );
    let mut gone = common::Session::start(&["--data-dir", dir.to_str().unwrap()], 100, 24);
    gone.wait_for("paket terakhir, pancasila-uud-1945, tidak ada lagi di pustaka");
    gone.wait_for("paket pekerjaan-sosial · bawaan");
    gone.keys(b"q");
    assert!(gone.wait_exit().success());
    let (settings, _) = Store::open(Some(dir)).0.settings();
    assert_eq!(settings.last_pack, None);
}

/// A data folder where settings cannot be written: read-only, or (as
/// root, whom permissions do not stop) with a folder where settings.json
/// would be. kisi opens the pack all the same and just does not remember it.
#[test]
fn a_data_folder_that_cannot_keep_settings_just_does_not_remember() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    assert!(kisi(dir, &["add", &test_pack("biology")]).status.success());
    let root = std::fs::metadata(dir).unwrap().uid() == 0;
    if root {
        std::fs::create_dir(dir.join("settings.json")).unwrap();
    } else {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    }
    let opened = kisi(dir, &["--pack", "cell-biology"]);
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    // Refused only for want of a terminal, after the choice.
    assert_eq!(
        opened.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&opened.stderr)
    );
    assert!(!dir.join("settings.json").is_file());
    let (settings, _) = Store::open(Some(dir)).0.settings();
    assert_eq!(settings.last_pack, None);
}

/// The real binary: the chooser lists and opens off the UI thread, and
/// search then looks in the pack opened.
#[test]
fn switching_packs_in_the_real_binary_then_searching_the_new_one() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    assert!(
        kisi(dir, &["add", &test_pack("networking")])
            .status
            .success()
    );
    let mut session = common::Session::start(
        &[
            "--data-dir",
            dir.to_str().unwrap(),
            "--content",
            &test_pack("pancasila"),
        ],
        80,
        24,
    );
    session.wait_for("Jelajahi materi");
    session.keys(b"p");
    session.wait_for("Pilih paket");
    session.wait_for("pekerjaan-sosial");
    // networking-basics, then the built-in pack: the first is chosen.
    session.keys(b"g");
    session.keys(b"\r");
    session.wait_for("Browse the material");
    session.wait_for("pack networking-basics");
    session.keys(b"/");
    for c in "router".bytes() {
        session.keys(&[c]);
    }
    session.wait_for("Default gateway");
    session.keys(b"\x1b");
    session.keys(b"q");
    assert!(session.wait_exit().success());
    let (settings, _) = Store::open(Some(dir)).0.settings();
    assert_eq!(settings.last_pack.as_deref(), Some("networking-basics"));
}
