//! Writes a synthetic pack for `scripts/bench-vs-fzf.sh`:
//!
//! `cargo run --release --example gen_pack -- [--one-topic] ENTRIES DIR [LINES_FILE]`
//!
//! `DIR` receives the pack folder (`pack.toml` and topic files: one per 100
//! entries, or with `--one-topic` a single one holding every entry);
//! `LINES_FILE`, if given, receives every searchable text of the pack, one
//! per line, for fzf.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use kisi_core::content::Pack;
use kisi_core::content::synthetic::{pack_files, synthetic_pack, synthetic_pack_one_topic};

const SEED: u64 = 2009;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let one_topic = args.first().is_some_and(|a| a == "--one-topic");
    if one_topic {
        args.remove(0);
    }
    let (Some(entries), Some(dir)) = (args.first().and_then(|n| n.parse().ok()), args.get(1))
    else {
        eprintln!("usage: gen_pack [--one-topic] ENTRIES DIR [LINES_FILE]");
        return ExitCode::FAILURE;
    };
    let pack = if one_topic {
        synthetic_pack_one_topic(entries, SEED)
    } else {
        synthetic_pack(entries, SEED)
    };
    match write(&pack, &PathBuf::from(dir), args.get(2).map(PathBuf::from)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen_pack: {error}");
            ExitCode::FAILURE
        }
    }
}

fn write(pack: &Pack, dir: &PathBuf, lines: Option<PathBuf>) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in pack_files(pack) {
        std::fs::write(dir.join(name), text)?;
    }
    let Some(lines) = lines else {
        return Ok(());
    };
    let mut out = BufWriter::new(std::fs::File::create(lines)?);
    let mut line = |text: &str| writeln!(out, "{}", text.replace(['\n', '\r'], " "));
    for topic in &pack.topics {
        line(&topic.title)?;
    }
    for source in &pack.sources {
        line(&source.citation)?;
    }
    for (_, entry) in pack.entries() {
        line(&entry.title)?;
        for text in entry.aliases.iter().chain(&entry.tags) {
            line(text)?;
        }
        if let Some(english) = &entry.english {
            line(english)?;
        }
        for point in &entry.points {
            line(&point.text)?;
        }
        line(&entry.body)?;
        if let Some(note) = &entry.note {
            line(note)?;
        }
    }
    Ok(())
}
