//! The fields that state how questions are made from the material: how the
//! members of a topic or list are named (`member`), overview entries,
//! distractors, pairs and the accepted alternatives of points (`also`).

use toml::de::DeValue;

use super::fields::{Checker, Table, Text};
use crate::content::model::{Entry, Member, answer_key};
use crate::i18n::diagnostics::LoadKey;
use crate::text::printable_line;

const MEMBER_FIELDS: &[&str] = &["id", "en"];

/// The `member` table of a `[topic]` or an `[[entries]]` item, if it has one
/// with at least one noun.
pub(super) fn read_member(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<Member> {
    let member = checker.optional_table(table, "member", "`member`")?;
    checker.unknown_fields(&member, MEMBER_FIELDS);
    let noun = |checker: &mut Checker<'_>, key| {
        checker
            .optional_text(&member, key)
            .map(|t| t.value.trim().into())
    };
    let read = Member {
        id: noun(checker, "id"),
        en: noun(checker, "en"),
    };
    if member.map.is_empty() {
        checker.push(
            checker
                .file
                .error(
                    member.span.clone(),
                    LoadKey::MemberEmpty,
                    LoadKey::EmptyTable,
                )
                .with_help(LoadKey::MemberEmptyHelp),
        );
    }
    (!read.is_empty()).then_some(read)
}

/// The `pairs` of an entry: an array of two-text arrays, no left side twice.
pub(super) fn read_pairs(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
) -> Vec<(Box<str>, Box<str>)> {
    let Some(value) = table.map.get("pairs") else {
        return Vec::new();
    };
    let Some(items) = value.get_ref().as_array() else {
        let diagnostic = checker
            .type_error(value, "pairs", LoadKey::AnArrayOfPairs)
            .with_help(LoadKey::PairsHelp);
        checker.push(diagnostic);
        return Vec::new();
    };
    let mut pairs: Vec<(Box<str>, Box<str>)> = Vec::new();
    let mut lefts: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for item in items {
        let sides = item.get_ref().as_array().filter(|a| a.len() == 2);
        let texts: Option<Vec<String>> = sides.and_then(|sides| {
            sides
                .iter()
                .map(|side| match side.get_ref() {
                    DeValue::String(text) if !text.trim().is_empty() => Some(text.to_string()),
                    _ => None,
                })
                .collect()
        });
        let Some([left, right]) = texts.map(<[String; 2]>::try_from).and_then(Result::ok) else {
            checker.push(
                checker
                    .file
                    .error(item.span(), LoadKey::PairNotTwoTexts, LoadKey::NotAPair)
                    .with_help(LoadKey::PairNotTwoTextsHelp),
            );
            continue;
        };
        if left
            .chars()
            .chain(right.chars())
            .any(crate::text::is_unsafe)
        {
            checker.push(
                checker
                    .file
                    .error(item.span(), LoadKey::PairUnsafe, LoadKey::Here)
                    .with_help(LoadKey::PairUnsafeHelp),
            );
            continue;
        }
        let key = answer_key(&left);
        if let Some((_, first)) = lefts.iter().find(|(k, _)| *k == key) {
            let related = checker.file.related(first.clone(), LoadKey::FirstUsedHere);
            checker.push(
                checker
                    .file
                    .error(
                        item.span(),
                        LoadKey::LeftPairedTwice.with("left", printable_line(&left).into_owned()),
                        LoadKey::PairedAgainHere,
                    )
                    .with_help(LoadKey::LeftPairedTwiceHelp)
                    .with_related(related),
            );
            continue;
        }
        lefts.push((key, item.span()));
        pairs.push((left.into(), right.into()));
    }
    if items.len() < 2 {
        checker.push(
            checker
                .file
                .error(
                    value.span(),
                    LoadKey::TooFewPairs,
                    LoadKey::TooFewPairsLabel,
                )
                .with_help(LoadKey::TooFewPairsHelp),
        );
    }
    pairs
}

/// Checks `overview` and `distractors` against the entry and returns the
/// stated `overview`: an overview lists other entries, so it has points; a
/// distractor must not be one of the entry's right answers.
pub(super) fn check_entry_structure(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
    entry: &Entry,
    distractors: &[Text],
) -> bool {
    let overview = checker.optional_bool(table, "overview").unwrap_or(false);
    if overview
        && !table.map.contains_key("points")
        && let Some(span) = table.key_span("overview")
    {
        checker.push(
            checker
                .file
                .error(span, LoadKey::OverviewWithoutPoints, "overview = true")
                .with_help(LoadKey::OverviewWithoutPointsHelp),
        );
    }
    let right: Vec<String> = entry
        .points
        .iter()
        .flat_map(|p| {
            std::iter::once(&*p.text)
                .chain(std::iter::once(p.item_text()))
                .chain(p.also.iter().map(|a| &**a))
        })
        .chain(std::iter::once(&*entry.title))
        .chain(entry.aliases.iter().map(|a| &**a))
        .map(answer_key)
        .collect();
    for distractor in distractors {
        if right.contains(&answer_key(&distractor.value)) {
            checker.push(
                checker
                    .file
                    .error(
                        distractor.span.clone(),
                        LoadKey::RightDistractor,
                        LoadKey::RightDistractorLabel,
                    )
                    .with_help(LoadKey::RightDistractorHelp),
            );
        }
    }
    overview
}

/// An `also` that is the text of another point of the same entry would make
/// two points one answer.
pub(super) fn check_also(checker: &mut Checker<'_>, texts: &[String], also: &[Text], own: usize) {
    for alternative in also {
        let key = answer_key(&alternative.value);
        if texts.iter().enumerate().any(|(i, t)| i != own && *t == key) {
            checker.push(
                checker
                    .file
                    .error(
                        alternative.span.clone(),
                        LoadKey::AlsoIsPoint,
                        LoadKey::AlsoIsPointLabel,
                    )
                    .with_help(LoadKey::AlsoIsPointHelp),
            );
        }
    }
}
