//! Issue 16, "README and docs/authoring.md agree with the program": every
//! `kisi …` line of their code blocks is a command line kisi accepts (its
//! placeholders filled in), and the walk-through of docs/authoring.md runs
//! as written, in both languages, from `kisi new` to the exports.

use std::fs;
use std::path::Path;

use clap::Parser;
use kisi::cli::Cli;

use crate::authoring::kisi;

const DOCS: [&str; 2] = ["README.md", "docs/authoring.md"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `kisi` lines of a Markdown text's fenced code blocks, without their
/// comments, redirections and what follows `&&`.
fn command_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let line = line.trim();
        if !fenced || !(line == "kisi" || line.starts_with("kisi ")) {
            continue;
        }
        let line = line.split(" #").next().unwrap_or(line);
        let line = line.split(['>', '&']).next().unwrap_or(line);
        lines.push(line.trim().to_owned());
    }
    lines
}

/// A documented command line as arguments: optional parts kept, repeats
/// (`...`) once, placeholders given a value of their kind.
fn arguments(line: &str) -> Vec<String> {
    line.split_whitespace()
        .filter(|word| *word != "..." && *word != "--plain...")
        .map(|word| {
            let word = word.trim_start_matches('[').trim_end_matches([']', '.']);
            let word = word.split('|').next().unwrap_or(word);
            match word {
                "N" | "MIN" => "7",
                "S" => "30",
                "P" => "7878",
                "KIND" | "K" => "choice",
                "ADDR" => "127.0.0.1",
                "HOST[:PORT" | "HOST[:PORT]" => "10.1.2.3:7878",
                "NAME=FACTOR" => "Ani=1.5",
                other => other,
            }
            .to_owned()
        })
        .collect()
}

#[test]
fn every_documented_command_line_is_accepted() {
    let mut checked = 0;
    for doc in DOCS {
        let text = fs::read_to_string(root().join(doc)).unwrap();
        let lines = command_lines(&text);
        assert!(lines.len() > 10, "{doc}: {lines:?}");
        for line in lines {
            let args = arguments(&line);
            if let Err(error) = Cli::try_parse_from(&args) {
                panic!("{doc}: `{line}` ({args:?}):\n{error}");
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
}

/// The commands of docs/authoring.md that need no terminal, in the order
/// given, each run as written in a fresh folder: the Indonesian part, then
/// the English.
#[test]
fn the_authoring_walk_through_runs_as_written() {
    let text = fs::read_to_string(root().join("docs/authoring.md")).unwrap();
    let runs = |line: &str| {
        let args = arguments(line);
        let plain = ["new", "check", "list", "export", "completions", "man"];
        args.iter().any(|a| plain.contains(&a.as_str())) && !args.iter().any(|a| a == "import")
    };
    let dir = tempfile::tempdir().unwrap();
    let mut ran = Vec::new();
    for line in command_lines(&text).into_iter().filter(|l| runs(l)) {
        let args = arguments(&line);
        let args: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
        let output = kisi(&args, dir.path());
        assert!(
            output.status.success(),
            "`{line}`:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        ran.push(line);
    }
    for made in [
        "kuliah-kesos/pack.toml",
        "course-pack/pack.toml",
        "kisi-kisi.html",
        "bank.gift",
        "cards.txt",
    ] {
        assert!(dir.path().join(made).exists(), "{made} after {ran:#?}");
    }
    let english = fs::read_to_string(dir.path().join("course-pack/pack.toml")).unwrap();
    assert!(english.contains("language = \"en\""), "{english}");
}
