//! `kisi check`'s warnings on a valid pack: material that makes poor
//! questions. A warning is advice, never an error: the pack still loads.
//! - a topic whose entries are asked as categories ("which … is it part
//!   of?", matching) without a `member` noun;
//! - a body that contains the answer it would be blanked from;
//! - near-duplicate titles, which options cannot tell apart;
//! - and the authoring traps of `traps`: valid TOML that does not say what
//!   was meant.
//!
//! The pack model keeps no positions, so the topic files are parsed again
//! here for the places to point at.

use std::collections::HashMap;
use std::fs;
use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use crate::content::builtin::builtin_files;
use crate::content::diagnostic::{Diagnostic, Report, SourceFile};
use crate::content::load::read_capped;
use crate::content::{Pack, answer_key};
use crate::i18n::Lang;
use crate::i18n::diagnostics::CheckKey;
use crate::quiz::generate::body_gives_answer;
use crate::text::edit_distance;

/// Topics larger than this are compared for near-duplicate titles only by
/// their folded form, not by edit distance (which costs the square of the
/// topic's size).
const MAX_COMPARED: usize = 400;

/// The warnings for `pack`, loaded from `dir` (`None`: the built-in pack).
pub fn pack_warnings(dir: Option<&Path>, pack: &Pack) -> Report {
    let files: Vec<(String, String)> = match dir {
        Some(dir) => fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension().is_some_and(|ext| ext == "toml")
                    && path.file_name().is_some_and(|name| name != "pack.toml")
            })
            .filter_map(|path| {
                let name = path.display().to_string();
                let bytes = read_capped(&path, &name).ok()?;
                Some((name, String::from_utf8(bytes).ok()?))
            })
            .collect(),
        None => builtin_files()
            .into_iter()
            .filter(|(name, _)| name != "pack.toml")
            .filter_map(|(name, bytes)| Some((name, String::from_utf8(bytes).ok()?)))
            .collect(),
    };
    warnings(pack, files)
}

/// Prints the warnings (if any) after the verdict, with their number.
///
/// # Errors
/// When writing fails.
pub fn print_warnings(
    out: &mut impl std::io::Write,
    warnings: Option<&Report>,
    lang: Lang,
) -> std::io::Result<()> {
    let Some(report) = warnings.filter(|r| !r.diagnostics.is_empty()) else {
        return Ok(());
    };
    let count = report.diagnostics.len();
    let summary = if count == 1 {
        CheckKey::WarningCountOne.into()
    } else {
        CheckKey::WarningCount.with("count", count)
    };
    writeln!(out)?;
    write!(out, "{}", report.render_warnings(false, lang))?;
    writeln!(out, "{}", summary.render(lang))
}

/// Where an entry's title and body are written.
struct EntryPlace {
    file: usize,
    title: Range<usize>,
    body: Range<usize>,
}

/// The warnings for `pack`, whose topic files are `files` (name, text).
pub fn warnings(pack: &Pack, files: Vec<(String, String)>) -> Report {
    let sources: Vec<SourceFile> = files
        .into_iter()
        .map(|(name, text)| SourceFile::new(name, text))
        .collect();
    // Per topic id: its file, the span of its `[topic]` key and its entries.
    let mut places: HashMap<String, (usize, Range<usize>, Vec<EntryPlace>)> = HashMap::new();
    for (f, source) in sources.iter().enumerate() {
        let Ok(root) = DeTable::parse(&source.text) else {
            continue;
        };
        let root = root.get_ref();
        let Some((key, topic)) = root.get_key_value("topic") else {
            continue;
        };
        let Some(id) = topic
            .get_ref()
            .as_table()
            .and_then(|t| t.get("id"))
            .and_then(|id| id.get_ref().as_str())
        else {
            continue;
        };
        let entries = root
            .get("entries")
            .and_then(|e| e.get_ref().as_array())
            .map(|items| {
                items
                    .iter()
                    .map(|item| {
                        let span = |field: &str| {
                            item.get_ref()
                                .as_table()
                                .and_then(|t| t.get(field))
                                .map_or_else(|| item.span(), toml::Spanned::span)
                        };
                        EntryPlace {
                            file: f,
                            title: span("title"),
                            body: span("body"),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        places.insert(id.to_owned(), (f, key.span(), entries));
    }
    let mut found: Vec<Diagnostic> = sources.iter().flat_map(super::traps::traps).collect();
    for topic in &pack.topics {
        let Some((file, header, entries)) = places.get(&topic.id) else {
            continue;
        };
        let source = &sources[*file];
        // Category questions need two entries with points besides overviews.
        let categories = topic
            .entries
            .iter()
            .filter(|e| !e.overview && !e.points.is_empty())
            .count();
        if categories >= 2 && topic.member.is_empty() {
            found.push(
                source
                    .error(
                        header.clone(),
                        CheckKey::NoMember.with("topic", &topic.title),
                        CheckKey::NoMemberLabel,
                    )
                    .with_help(CheckKey::NoMemberHelp),
            );
        }
        for (entry, place) in topic.entries.iter().zip(entries) {
            if body_gives_answer(entry) {
                found.push(
                    sources[place.file]
                        .error(
                            place.body.clone(),
                            CheckKey::BodyGivesAnswer.with("entry", &*entry.title),
                            CheckKey::BodyGivesAnswerLabel,
                        )
                        .with_help(CheckKey::BodyGivesAnswerHelp),
                );
            }
        }
        found.extend(near_duplicates(topic, entries, &sources));
    }
    Report::new(found, sources)
}

/// Titles of one topic that differ only in case, accents, punctuation or
/// a letter or two, with the same numbers ("Pasal 1 angka 8" and "Pasal 1
/// angka 9" are different articles).
fn near_duplicates(
    topic: &crate::content::Topic,
    places: &[EntryPlace],
    sources: &[SourceFile],
) -> Vec<Diagnostic> {
    let keys: Vec<String> = topic.entries.iter().map(|e| answer_key(&e.title)).collect();
    let digits = |key: &str| key.chars().filter(char::is_ascii_digit).collect::<String>();
    let near = |a: &str, b: &str| {
        if a == b {
            return true;
        }
        let length = a.chars().count().min(b.chars().count());
        let budget = match length {
            0..=5 => return false,
            6..=15 => 1,
            _ => 2,
        };
        digits(a) == digits(b)
            && a.chars().count().abs_diff(b.chars().count()) <= budget
            && edit_distance(a, b) <= budget
    };
    // A large topic: the first entry of each folded title, looked up, so
    // that 200,000 imported questions are not compared pair by pair.
    let mut firsts: HashMap<&str, usize> = HashMap::new();
    let compared = topic.entries.len() <= MAX_COMPARED;
    let mut found = Vec::new();
    for (later, key) in keys.iter().enumerate() {
        let first = if compared {
            (0..later).find(|&e| near(&keys[e], key))
        } else {
            Some(*firsts.entry(key).or_insert(later)).filter(|&e| e != later)
        };
        let Some(first) = first else {
            continue;
        };
        let (Some(at), Some(before)) = (places.get(later), places.get(first)) else {
            continue;
        };
        let related =
            sources[before.file].related(before.title.clone(), CheckKey::NearDuplicateFirst);
        found.push(
            sources[at.file]
                .error(
                    at.title.clone(),
                    CheckKey::NearDuplicate
                        .with("title", &*topic.entries[later].title)
                        .with("other", &*topic.entries[first].title),
                    CheckKey::NearDuplicateLabel,
                )
                .with_help(CheckKey::NearDuplicateHelp)
                .with_related(related),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::fmt::Write as _;

    use super::*;
    use crate::content::load::load_files;

    const MANIFEST: &str = "[pack]\nid = \"p\"\ntitle = \"P\"\nlanguage = \"en\"\n\
                            version = \"1.0.0\"\ndescription = \"D\"\n\n\
                            [[sources]]\nid = \"s\"\ncitation = \"C\"\n";

    fn warn(topic: &str) -> Vec<Diagnostic> {
        let files = vec![
            ("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
            ("01-t.toml".to_owned(), topic.as_bytes().to_vec()),
        ];
        let pack = load_files(&files).unwrap_or_else(|r| panic!("{r}"));
        warnings(&pack, vec![("01-t.toml".to_owned(), topic.to_owned())]).diagnostics
    }

    const TOPIC: &str = r#"[topic]
id = "t"
title = "Transport protocols"

[[entries]]
id = "tcp"
title = "TCP"
body = "TCP."
source = "s"

[[entries.points]]
text = "acknowledges"

[[entries]]
id = "udp"
title = "UDP"
body = "A connectionless protocol that sends datagrams without a handshake."
source = "s"

[[entries.points]]
text = "datagrams"

[[entries]]
id = "udp-2"
title = "U.D.P."
body = "The same again, with other words for the same thing."
source = "s"
"#;

    #[test]
    fn poor_material_is_warned_about_at_its_place() {
        let found = warn(TOPIC);
        let messages: Vec<(&str, usize, usize)> = found
            .iter()
            .map(|d| (d.message.as_str(), d.line, d.column))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "the topic \"Transport protocols\" does not name its members (`member`)",
                    1,
                    2
                ),
                ("the body of \"TCP\" contains its own answer", 8, 8),
                ("the title \"U.D.P.\" is nearly the same as \"UDP\"", 25, 9),
            ]
        );
        assert_eq!(found[2].related[0].line, 16);
        // In Indonesian too.
        let id = found[0].message.render(Lang::Id);
        assert!(id.contains("tidak menyebut nama anggotanya"), "{id}");
    }

    #[test]
    fn a_member_noun_and_different_numbers_silence_the_warnings() {
        let topic = TOPIC
            .replace(
                "title = \"Transport protocols\"",
                "title = \"Transport protocols\"\nmember = { en = \"protocol\" }",
            )
            .replace(
                "body = \"TCP.\"",
                "body = \"Reliable, ordered, with acknowledgements.\"",
            )
            .replace("title = \"U.D.P.\"", "title = \"UDP 2\"");
        assert_eq!(warn(&topic), []);
    }

    #[test]
    fn a_large_topic_finds_its_repeated_titles_in_linear_time() {
        // Imported questions in one topic were compared pair by pair (a GIFT
        // bank of 200,000 did not finish): four times the entries must cost
        // about four times as long, not sixteen.
        let time = |count: usize| {
            let mut topic = String::from("[topic]\nid = \"t\"\ntitle = \"T\"\n");
            for i in 0..count {
                let title = if i + 1 == count {
                    "Question 7".to_owned()
                } else {
                    format!("Question {i}")
                };
                let _ = write!(
                    topic,
                    "[[entries]]\nid = \"e{i}\"\ntitle = \"{title}\"\nbody = \"B\"\nsource = \"s\"\n"
                );
            }
            let files = vec![
                ("pack.toml".to_owned(), MANIFEST.as_bytes().to_vec()),
                ("01-t.toml".to_owned(), topic.as_bytes().to_vec()),
            ];
            let pack = load_files(&files).unwrap_or_else(|r| panic!("{r}"));
            let started = std::time::Instant::now();
            let found = warnings(&pack, vec![("01-t.toml".to_owned(), topic)]).diagnostics;
            let elapsed = started.elapsed();
            assert_eq!(found.len(), 1, "{found:?}");
            let message = found[0].message.render(Lang::En);
            assert!(
                message.contains("\"Question 7\" is nearly the same"),
                "{message}"
            );
            elapsed
        };
        let (small, large) = (time(2_000), time(8_000));
        assert!(large < small * 8, "{small:?} then {large:?}");
    }
}
