#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeSet, HashSet};

use super::*;

/// The `{placeholders}` of a template.
fn placeholders(template: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            names.insert(name);
        }
        rest = &after[close + 1..];
    }
    names
}

/// The key with every placeholder filled by a value that is no word.
fn filled(key: Key) -> Msg {
    let names: BTreeSet<&str> = [Lang::En, Lang::Id]
        .iter()
        .flat_map(|&lang| placeholders(key.template(lang)))
        .collect();
    let mut msg = Msg::from(key);
    for name in names {
        msg = msg.with(name, "⟨x⟩");
    }
    msg
}

/// English words that give an untranslated text away. None of them is an
/// Indonesian word, and field names and TOML are written in backticks or
/// quotes, which are left out before looking.
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "are",
    "not",
    "must",
    "missing",
    "unknown",
    "mean",
    "remove",
    "add",
    "write",
    "with",
    "file",
    "field",
    "error",
    "errors",
    "warning",
    "warnings",
    "found",
    "expected",
    "here",
    "this",
    "that",
    "of",
    "and",
    "or",
    "to",
    "an",
    "in",
    "for",
    "be",
    "it",
    "has",
    "no",
    "one",
    "every",
    "more",
    "than",
    "only",
    "give",
    "check",
    "first",
    "again",
    "defined",
    "listed",
    "used",
    "written",
    "help",
    "note",
    "option",
    "options",
    "item",
    "items",
    "pairs",
    "pair",
    "answer",
    "left",
    "right",
    "question",
    "questions",
    "kind",
    "list",
    "empty",
    "text",
    "line",
    "table",
    "should",
    "need",
    "needs",
];

/// The words of `text` outside `backticks`, "quotes", [tables], ⟨filled
/// values⟩ and the code of TOML examples (a line with ` = `, whose comment
/// is prose).
fn prose_words(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut quoted: Option<char> = None;
    for c in text.chars() {
        match (quoted, c) {
            (None, '`' | '"') => quoted = Some(c),
            (None, '⟨') => quoted = Some('⟩'),
            (None, '[') => quoted = Some(']'),
            (Some(end), _) if c == end => quoted = None,
            (None, _) => prose.push(c),
            (Some(_), _) => {}
        }
    }
    prose
        .lines()
        // A TOML example line: its key is a field name; its comment is prose.
        .map(|line| match line.find(" = ") {
            Some(_) => line.split_once('#').map_or("", |(_, comment)| comment),
            None => line,
        })
        .flat_map(|line| {
            line.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_key_renders_in_both_languages_with_the_same_placeholders() {
    for key in Key::all() {
        let en = key.template(Lang::En);
        let id = key.template(Lang::Id);
        assert!(!en.is_empty() && !id.is_empty(), "{key:?}");
        assert_eq!(placeholders(en), placeholders(id), "{key:?}");
        let msg = filled(key);
        for lang in [Lang::En, Lang::Id] {
            let text = msg.render(lang);
            assert!(placeholders(&text).is_empty(), "{key:?} {lang}: {text}");
        }
    }
}

#[test]
fn no_english_is_left_in_the_indonesian_rendering() {
    let english: HashSet<&str> = ENGLISH.iter().copied().collect();
    let mut found = Vec::new();
    for key in Key::all() {
        let text = filled(key).render(Lang::Id);
        let words: Vec<String> = prose_words(&text)
            .into_iter()
            .filter(|w| english.contains(w.as_str()))
            .collect();
        if !words.is_empty() {
            found.push(format!("{key:?}: {words:?} in {text:?}"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The check itself finds English.
    let english_text = filled(Key::from(LoadKey::UnknownField)).render(Lang::En);
    assert!(
        !prose_words(&english_text)
            .iter()
            .all(|w| !english.contains(w.as_str()))
    );
}

#[test]
fn codes_are_unique_and_in_snake_case() {
    let mut seen = HashSet::new();
    for key in Key::all() {
        let code = key.code();
        assert!(
            code.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{code}"
        );
        assert!(seen.insert(code.clone()), "{code} twice");
    }
    assert_eq!(Key::from(LoadKey::UnknownField).code(), "unknown_field");
}

#[test]
fn arguments_that_are_words_are_translated_with_the_message() {
    let msg = LoadKey::MissingTable
        .with("name", "[pack]")
        .with("file", LoadKey::TheManifest);
    assert_eq!(msg.render(Lang::En), "missing table [pack] in the manifest");
    assert_eq!(msg.render(Lang::Id), "tabel [pack] tidak ada di manifes");
    // It reads as its English text.
    assert_eq!(msg, "missing table [pack] in the manifest");
    assert_eq!(msg.key(), Some(Key::from(LoadKey::MissingTable)));
    assert_eq!(msg.arg_keys(), [Key::from(LoadKey::TheManifest)]);
}

#[test]
fn plain_text_is_shown_as_it_is_in_every_language() {
    let msg = Msg::from("not a colour");
    assert_eq!(msg.render(Lang::Id), "not a colour");
    assert_eq!(msg.key(), None);
}
