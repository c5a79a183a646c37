//! Numerical questions: Moodle's GIFT numerical examples imported through
//! the binary, graded as numbers in a quiz (inside, outside, the edges, a
//! decimal comma), checked by the loader and exported back to GIFT.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use kisi_core::content::Pack;
use kisi_core::content::load::load_dir;
use kisi_core::quiz::{Answer, Outcome, Prompt, QuestionKind, QuizOptions, generate, grade};

fn kisi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kisi"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("KISI_NO_CACHE", "1")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn import(file: &str, into: &Path) -> String {
    let into = into.display().to_string();
    let out = kisi(&["import", "gift", file, "--into", &into]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

/// The grade of `typed` for the hand-written question whose prompt starts
/// with `prompt`, as a quiz asks it.
fn outcome(pack: &Pack, prompt: &str, typed: &str) -> Outcome {
    let options = QuizOptions {
        count: 100,
        kinds: vec![QuestionKind::Typed],
        seed: 1,
        ..QuizOptions::default()
    };
    let questions = generate(pack, &options).unwrap();
    let question = questions
        .iter()
        .find(|q| matches!(&q.prompt, Prompt::Authored { text } if text.starts_with(prompt)))
        .unwrap_or_else(|| panic!("no question {prompt}"));
    grade(question, &Answer::Typed(typed.to_owned())).outcome
}

#[test]
fn moodle_s_numerical_examples_are_graded_as_numbers_and_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/interchange/moodle-numerical.gift")
        .display()
        .to_string();
    let dir = tmp.path().join("angka");
    let report = import(&fixture, &dir);
    assert!(
        report.contains("6 imported, 0 updated, 0 unchanged, 0 skipped, 0 errors"),
        "{report}"
    );
    // The half-credit answer is said to be dropped, with its line.
    assert!(report.contains(":20:5:"), "{report}");
    let check = kisi(&["check", &dir.display().to_string()]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let pack = load_dir(&dir).unwrap();

    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "When was Ulysses S. Grant born?",
            &["1822", "1817", "1827", "1820,5"],
            &["1816", "1828", "eighteen"],
        ),
        (
            "What is the value of pi",
            &["3.1415", "3.141", "3.142", "3,1412"],
            &["3.14", "3.1421", "3.1409", "3,15"],
        ),
        (
            "What is a number from 1 to 5?",
            &["1", "5", "2,5"],
            &["0.99", "5.01", "-3"],
        ),
        (
            "When was Ulysses S. Grant born the second",
            &["1822"],
            &["1821", "1823"],
        ),
        (
            "Sebutkan bilangan",
            &["2", "2,5", "3", "10", "10,0"],
            &["1,9", "3.01", "9"],
        ),
    ];
    for (prompt, right, wrong) in cases {
        for typed in *right {
            assert_eq!(
                outcome(&pack, prompt, typed),
                Outcome::Correct,
                "{prompt} {typed}"
            );
        }
        for typed in *wrong {
            assert_eq!(
                outcome(&pack, prompt, typed),
                Outcome::Wrong,
                "{prompt} {typed}"
            );
        }
    }

    // Out to GIFT as numerical questions, and back in as the same.
    let gift = tmp.path().join("out.gift");
    let out = kisi(&[
        "--content",
        &dir.display().to_string(),
        "export",
        "gift",
        "--out",
        gift.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = fs::read_to_string(&gift).unwrap();
    for form in [
        "{#1822:5",
        "{#3.1415:0.0005",
        "{#3:2",
        "{#1..5",
        "{#=2..3 =10",
    ] {
        assert!(written.contains(form), "{form}: {written}");
    }
    let back = tmp.path().join("back");
    import(gift.to_str().unwrap(), &back);
    let again = load_dir(&back).unwrap();
    let kinds = |pack: &Pack| -> Vec<_> {
        pack.topics
            .iter()
            .flat_map(|t| &t.questions)
            .map(|q| (q.prompt.clone(), q.kind.clone()))
            .collect()
    };
    assert_eq!(kinds(&again), kinds(&pack));
}

#[test]
fn a_range_that_is_wrong_is_reported_where_it_is() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(
        dir.join("pack.toml"),
        "[pack]\nid = \"p\"\ntitle = \"P\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n\
         description = \"d\"\n\n[[sources]]\nid = \"s\"\ncitation = \"c\"\n",
    )
    .unwrap();
    fs::write(
        dir.join("01-t.toml"),
        "[topic]\nid = \"t\"\ntitle = \"T\"\n\n[[entries]]\nid = \"e\"\ntitle = \"E\"\n\
         body = \"B\"\nsource = \"s\"\n\n[[questions]]\nid = \"q\"\nentry = \"e\"\n\
         prompt = \"A number from 1 to 5?\"\nanswers = [\"3 ± 2\", \"5..1\", \"4 +- x\"]\n",
    )
    .unwrap();
    let out = kisi(&["check", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out.stdout) + &text(&out.stderr);
    assert!(report.contains("01-t.toml:15:21"), "{report}");
    assert!(report.contains("starts above where it ends"), "{report}");
    assert!(
        report.contains("`x` in the answer `4 +- x` is not a number"),
        "{report}"
    );
    assert!(
        !report.contains("`3 ± 2`"),
        "a good range is no error: {report}"
    );
}
