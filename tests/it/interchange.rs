//! `kisi import` and `kisi export` through the real binary, on files shaped
//! like the ones Moodle, Anki and Quizlet write.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kisi_core::content::load::load_dir;

fn kisi(args: &[&str], lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("KISI_NO_CACHE", "1")
        .output()
        .unwrap()
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/interchange")
        .join(name)
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn import(format: &str, files: &[&str], into: &Path) -> Output {
    let into = into.display().to_string();
    let mut args = vec!["import", format];
    args.extend(files);
    args.extend(["--into", &into]);
    kisi(&args, "en_US.UTF-8")
}

/// `kisi check DIR` passes.
fn checks(dir: &Path) {
    let out = kisi(&["check", &dir.display().to_string()], "en_US.UTF-8");
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn moodle_s_gift_examples_become_a_checked_pack_and_re_importing_updates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("bank");
    let gift = fixture("moodle-basic.gift");
    let out = import("gift", &[&gift], &dir);
    let report = text(&out.stdout);
    assert!(out.status.success(), "{report}{}", text(&out.stderr));
    assert!(
        report.contains("15 imported, 0 updated, 0 unchanged, 2 skipped, 0 errors"),
        "{report}"
    );
    // Essay and description, each with its place; numerical ranges are
    // imported (tests/it/numbers.rs).
    for place in [":51:1: an essay", ":53:1: a description"] {
        assert!(report.contains(place), "{place}: {report}");
    }
    checks(&dir);
    let pack = load_dir(&dir).unwrap();
    let titles: Vec<&str> = pack.topics.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Grant", "Format"]);
    let questions: Vec<_> = pack.topics.iter().flat_map(|t| &t.questions).collect();
    assert_eq!(questions.len(), 15);
    let escapes = questions
        .iter()
        .find(|q| q.id == "format-escapes-q")
        .unwrap();
    assert_eq!(
        escapes.prompt,
        "Which of these is written {with braces}: 1 = 1?"
    );
    let html = questions.iter().find(|q| q.id == "format-html-q").unwrap();
    assert_eq!(html.prompt, "Which city is the capital of Indonesia?");
    // The source file and line are the entry's citation and locator.
    let entry = pack
        .entries()
        .find(|(_, e)| &*e.id == "grant-q2")
        .unwrap()
        .1;
    assert_eq!(entry.locator.as_deref(), Some("baris 7"));
    assert!(
        pack.citation(entry)
            .contains("moodle-basic.gift (Moodle GIFT)")
    );

    let again = import("gift", &[&gift], &dir);
    let report = text(&again.stdout);
    assert!(
        report.contains("0 imported, 0 updated, 15 unchanged"),
        "{report}"
    );
    assert_eq!(load_dir(&dir).unwrap(), pack);
}

#[test]
fn aiken_anki_quizlet_and_csv_files_become_checked_packs() {
    let tmp = tempfile::tempdir().unwrap();
    let aiken = tmp.path().join("aiken");
    assert!(
        import("aiken", &[&fixture("aiken.txt")], &aiken)
            .status
            .success()
    );
    checks(&aiken);
    assert_eq!(load_dir(&aiken).unwrap().topics[0].questions.len(), 2);

    let cards = tmp.path().join("cards");
    let out = import(
        "anki",
        &[&fixture("anki.txt"), &fixture("quizlet.txt")],
        &cards,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = import("csv", &[&fixture("cards.csv")], &cards);
    assert!(csv.status.success(), "{}", text(&csv.stderr));
    checks(&cards);
    let pack = load_dir(&cards).unwrap();
    let titles: Vec<&str> = pack.topics.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Pekerjaan Sosial / Istilah", "quizlet", "cards"]);
    let broker = &pack.topics[0].entries[1];
    assert_eq!(&*broker.title, "broker");
    assert_eq!(
        &*broker.body,
        "Peran menghubungkan klien dengan sumber;\nlihat juga \"advokat\""
    );
    assert_eq!(broker.tags.len(), 2);
    assert_eq!(pack.entry_count(), 2 + 3 + 2);
}

#[test]
fn malformed_gift_is_reported_at_its_place_with_a_hint_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.gift");
    fs::write(&bad, "Fine? {T}\n\nBroken {=a ~b\n\n::Open title {T}\n").unwrap();
    let dir = tmp.path().join("out");
    let args = [
        "import",
        "gift",
        bad.to_str().unwrap(),
        "--into",
        dir.to_str().unwrap(),
    ];
    let en = kisi(&args, "en_US.UTF-8");
    assert_eq!(en.status.code(), Some(1));
    let errors = text(&en.stderr);
    assert!(errors.contains("bad.gift:3:8"), "{errors}");
    assert!(
        errors.contains("help: close the answers with `}`"),
        "{errors}"
    );
    assert!(errors.contains("bad.gift:5:1"), "{errors}");
    assert!(
        text(&en.stdout).contains("1 imported"),
        "{}",
        text(&en.stdout)
    );
    fs::remove_dir_all(&dir).unwrap();
    let id = kisi(&args, "id_ID.UTF-8");
    let errors = text(&id.stderr);
    assert!(
        errors.contains("blok jawaban `{` tidak ditutup"),
        "{errors}"
    );
    assert!(errors.contains("tutup judul dengan `::`"), "{errors}");
    assert!(
        text(&id.stdout).contains("1 diimpor"),
        "{}",
        text(&id.stdout)
    );
}

#[test]
fn a_folder_that_is_no_pack_is_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let out = import("aiken", &[&fixture("aiken.txt")], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no pack.toml"),
        "{}",
        text(&out.stderr)
    );
    let left: Vec<PathBuf> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn the_anki_export_is_the_same_every_time_and_gift_round_trips_through_the_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("a.txt");
    let second = tmp.path().join("b.txt");
    for path in [&first, &second] {
        let out = kisi(
            &["export", "anki", "--out", path.to_str().unwrap()],
            "en_US.UTF-8",
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let notes = fs::read_to_string(&first).unwrap();
    assert_eq!(notes, fs::read_to_string(&second).unwrap());
    assert!(notes.starts_with("#separator:tab\n#html:true\n#notetype:Basic\n#deck:"));

    // Hand-written questions of one topic out to GIFT and back in.
    let gift = tmp.path().join("q.gift");
    let out = kisi(
        &[
            "export",
            "gift",
            "--topic",
            "peran",
            "--out",
            gift.to_str().unwrap(),
        ],
        "en_US.UTF-8",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let dir = tmp.path().join("bank");
    let imported = import("gift", &[gift.to_str().unwrap()], &dir);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    checks(&dir);
    let builtin = kisi_core::content::builtin::builtin_pack().unwrap();
    let original = &builtin.topics[builtin.find_topic("peran").unwrap()].questions;
    let pack = load_dir(&dir).unwrap();
    let back = &pack.topics[0].questions;
    assert_eq!(back.len(), original.len());
    for (a, b) in original.iter().zip(back) {
        assert_eq!(
            (&a.prompt, &a.kind, &a.explanation),
            (&b.prompt, &b.kind, &b.explanation)
        );
    }

    let unknown = kisi(
        // The built-in pack is Indonesian: English is asked for by flag.
        &[
            "--lang", "en", "export", "anki", "--topic", "nope", "--out", "-",
        ],
        "en_US.UTF-8",
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("no topic `nope`"));
}

/// Debian's chromium, or `None` when the run may go without it.
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() && std::env::var("KISI_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        return None;
    }
    Some(found.expect(
        "chromium is needed to render the printable sheet: apt-get install chromium \
         (or set KISI_SKIP_BROWSER=1)",
    ))
}

/// Runs chromium headless on `page` with `args`, killed after a minute.
/// Its output goes to files: a pipe nobody reads while it runs would fill.
fn render(browser: &str, page: &Path, args: &[String]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let stdout = profile.path().join("stdout");
    let stderr = profile.path().join("stderr");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(std::process::Stdio::null())
        .stdout(fs::File::create(&stdout).unwrap())
        .stderr(fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("chromium did not finish within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Output {
        status: child.wait().unwrap(),
        stdout: fs::read(&stdout).unwrap(),
        stderr: fs::read(&stderr).unwrap(),
    }
}

#[test]
fn chromium_renders_the_printable_sheet_with_every_topic() {
    let Some(browser) = chromium() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let pack = kisi_core::content::builtin::builtin_pack().unwrap();
    for blank in [false, true] {
        let page = tmp.path().join(format!("kisi-{blank}.html"));
        let mut args = vec!["export", "html", "--out", page.to_str().unwrap()];
        if blank {
            args.push("--blank");
        }
        let out = kisi(&args, "en_US.UTF-8");
        assert!(out.status.success(), "{}", text(&out.stderr));

        let png = tmp.path().join("sheet.png");
        let shot = render(
            browser,
            &page,
            &[
                format!("--screenshot={}", png.display()),
                "--window-size=1000,1400".into(),
            ],
        );
        assert!(shot.status.success(), "{}", text(&shot.stderr));
        let image = fs::read(&png).unwrap();
        assert!(
            image.starts_with(b"\x89PNG") && image.len() > 10_000,
            "{}",
            image.len()
        );

        let pdf = tmp.path().join("sheet.pdf");
        let printed = render(
            browser,
            &page,
            &[format!("--print-to-pdf={}", pdf.display())],
        );
        assert!(printed.status.success(), "{}", text(&printed.stderr));
        let bytes = fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        // Each topic starts a page of its own.
        let pages = bytes
            .windows(11)
            .filter(|w| w.starts_with(b"/Type /Page") && w[10] != b's')
            .count();
        assert!(pages >= pack.topics.len(), "{pages} pages");

        // The page as the browser laid it out holds every topic.
        let dom = render(browser, &page, &["--dump-dom".into()]);
        let dom = text(&dom.stdout);
        for topic in &pack.topics {
            let title = topic.title.replace('&', "&amp;");
            assert!(
                dom.contains(&format!("<h2>{title}</h2>")),
                "{}",
                topic.title
            );
        }
    }
}

#[test]
fn the_pack_library_lists_adds_opens_and_removes_packs() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let system = tmp.path().join("system");
    let share = tmp.path().join("share");
    // A course the administrator installed, one on a share, and a broken one.
    assert!(
        import("aiken", &[&fixture("aiken.txt")], &system.join("kuis"))
            .status
            .success()
    );
    assert!(
        import("anki", &[&fixture("quizlet.txt")], &share.join("kartu"))
            .status
            .success()
    );
    fs::create_dir_all(share.join("rusak")).unwrap();
    fs::write(share.join("rusak/pack.toml"), "[pack]\nid = 1\n").unwrap();
    let library = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kisi"))
            .args(["--lang", "en", "--data-dir", data.to_str().unwrap()])
            .args(args)
            .env("KISI_SYSTEM_PACKS", &system)
            .env("KISI_PATH", format!("{}:/no/such/folder", share.display()))
            .env("KISI_NO_CACHE", "1")
            .output()
            .unwrap()
    };
    // The same pack in the user's library hides the system's copy.
    let added = library(&["add", system.join("kuis").to_str().unwrap()]);
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(text(&added.stdout).contains("kuis added to the library"));
    let listed = text(&library(&["packs"]).stdout);
    let lines: Vec<&str> = listed.lines().collect();
    assert!(
        lines[1].starts_with("  kuis  0.1.0") && lines[1].contains("data/packs/kuis"),
        "{listed}"
    );
    assert!(lines[2].contains("system/kuis"), "{listed}");
    assert!(
        lines[3].contains("hidden by") && lines[3].contains("data/packs/kuis"),
        "{listed}"
    );
    assert!(listed.contains("kartu  0.1.0"), "{listed}");
    assert!(
        listed.contains("rusak") && listed.contains("broken: "),
        "{listed}"
    );
    assert!(
        listed.contains("pekerjaan-sosial") && listed.contains("(built-in)"),
        "{listed}"
    );

    let opened = library(&["--pack", "kartu", "list"]);
    assert!(opened.status.success(), "{}", text(&opened.stderr));
    assert!(
        text(&opened.stdout).contains("quizlet"),
        "{}",
        text(&opened.stdout)
    );
    assert!(
        library(&["--pack", "pekerjaan-sosial", "list"])
            .status
            .success()
    );
    let unknown = library(&["--pack", "nope", "list"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("kisi packs"));

    // Only the user's own copy can be removed; the system's stays.
    assert!(library(&["remove", "kuis"]).status.success());
    let again = library(&["remove", "kuis"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(system.join("kuis/pack.toml").is_file());
    assert!(!text(&library(&["packs"]).stdout).contains("hidden by"));
}
