//! Reading the manifest and the topic files into the model, then the checks
//! that span files (in `ids`): unique ids and references to sources and
//! entries.

mod ids;

use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeTable;

use self::ids::{
    IdKind, Ids, Place, Reference, SEE_ALSO, TESTED, Texts, check_duplicates, check_entry_refs,
    check_sources, duplicate, first_definitions, to_u32,
};
use super::exam::{ReadExam, check_exam_topics, read_exam};
use super::fields::{Checker, Table, Text};
use super::questions::read_question;
use super::structure::{check_also, check_entry_structure, read_member, read_pairs};
use super::syntax::parse_toml;
use super::{Files, MAX_ID_LEN};
use crate::content::diagnostic::Diagnostic;
use crate::content::language::is_language_tag;
use crate::content::model::{Entry, Member, Pack, PackMeta, Point, Source, Topic, answer_key};
use crate::i18n::diagnostics::LoadKey;

const ROOT_MANIFEST_FIELDS: &[&str] = &["pack", "sources", "exam"];
const PACK_FIELDS: &[&str] = &[
    "id",
    "title",
    "language",
    "version",
    "description",
    "authors",
];
const SOURCE_FIELDS: &[&str] = &["id", "citation", "url"];
const ROOT_TOPIC_FIELDS: &[&str] = &["topic", "entries", "questions"];
const TOPIC_FIELDS: &[&str] = &["id", "title", "summary", "member"];
const ENTRY_FIELDS: &[&str] = &[
    "id",
    "title",
    "body",
    "points",
    "ordered",
    "english",
    "aliases",
    "tags",
    "source",
    "locator",
    "note",
    "see_also",
    "member",
    "overview",
    "distractors",
    "pairs",
];
const POINT_FIELDS: &[&str] = &["label", "text", "also"];

const PACK_EXAMPLE: &str = "[pack]\nid = \"my-pack\"\ntitle = \"...\"\nlanguage = \"id\"\n\
                            version = \"1.0.0\"\ndescription = \"...\"";
const TOPIC_EXAMPLE: &str = "[topic]\nid = \"my-topic\"\ntitle = \"...\"";

/// Reads `files` (the manifest first, then the topics) one at a time and
/// pushes every problem to `diagnostics`. The pack is only meaningful when no
/// problem was pushed.
pub(super) fn read(files: &Files<'_>, diagnostics: &mut Vec<Diagnostic>) -> Pack {
    let mut ids = Ids::default();
    let mut all_read = true;
    let mut meta = empty_meta();
    let mut sources = None;
    let mut exam: Option<ReadExam> = None;
    let mut topics = Vec::new();
    for index in 0..files.len() {
        let before = diagnostics.len();
        let (file, decoded) = files.open(index, diagnostics);
        let mut checker = Checker::new(&file);
        let root = if decoded { parse(&mut checker) } else { None };
        if let Some(root) = &root {
            let root = Table {
                map: root,
                span: 0..0,
                name: if index == 0 {
                    LoadKey::TheManifestTable
                } else {
                    LoadKey::ATopicFile
                }
                .into(),
            };
            if index == 0 {
                let (m, s) = read_manifest(&mut checker, &root);
                meta = m;
                sources = Some(s);
                exam = read_exam(&mut checker, &root);
            } else {
                let at = to_u32(topics.len());
                topics.push(read_topic(
                    &mut checker,
                    &root,
                    (to_u32(index), at),
                    &mut ids,
                ));
            }
        } else {
            all_read = false;
        }
        diagnostics.append(&mut checker.diagnostics);
        drop(root);
        if diagnostics.len() > before {
            files.keep(index, file);
        }
    }
    let texts = Texts {
        topics: &topics,
        owned: &ids.owned,
    };
    check_duplicates(files, &texts, &ids.definitions, diagnostics);
    // Without a readable list of sources every reference would be reported.
    if let Some(sources) = sources.as_ref().filter(|s| !s.is_empty()) {
        check_sources(files, &texts, sources, &ids.source_refs, diagnostics);
    }
    // A file that could not be read may define the entries referred to.
    if all_read {
        let first_definitions = first_definitions(&texts, &ids.definitions);
        for (refs, field) in [(&ids.see_also_refs, &SEE_ALSO), (&ids.tested_refs, &TESTED)] {
            let known = (&ids.definitions[..], &first_definitions);
            check_entry_refs(files, &texts, known, refs, field, diagnostics);
        }
        if let Some(exam) = &exam {
            let topic_ids: Vec<&str> = topics.iter().map(|t| t.id.as_str()).collect();
            let kind_of = |id: &str| first_definitions.get(id).map(|d| d.kind.a_name());
            check_exam_topics(files.get(0), exam, &topic_ids, kind_of, diagnostics);
        }
    }
    Pack {
        meta,
        sources: sources.unwrap_or_default(),
        topics,
        exam: exam.map(|e| e.spec),
    }
}

/// The TOML document of the checker's file, or `None` after reporting its
/// syntax errors: checking the rest of a broken file would mostly report
/// follow-up errors.
fn parse<'f>(checker: &mut Checker<'f>) -> Option<DeTable<'f>> {
    match parse_toml(checker.file) {
        Ok(root) => Some(root),
        Err(errors) => {
            checker.diagnostics.extend(errors);
            None
        }
    }
}

fn empty_meta() -> PackMeta {
    PackMeta {
        id: String::new(),
        title: String::new(),
        language: String::new(),
        version: String::new(),
        description: String::new(),
        authors: Vec::new(),
    }
}

fn value(text: Option<Text>) -> String {
    text.map(|t| t.value).unwrap_or_default()
}

/// The values of a list, in a slice of their number. Collecting in place
/// would keep the allocation of `texts`, several times larger: 40 MB more
/// for the aliases, tags and links of 100,000 entries.
fn values(texts: Vec<Text>) -> Box<[Box<str>]> {
    texts
        .into_iter()
        .map(|t| t.value.into_boxed_str())
        .collect()
}

fn read_manifest(checker: &mut Checker<'_>, root: &Table<'_, '_>) -> (PackMeta, Vec<Source>) {
    checker.unknown_fields(root, ROOT_MANIFEST_FIELDS);
    let meta = match checker.table(root, "pack", "[pack]", PACK_EXAMPLE) {
        Some(pack) => {
            checker.unknown_fields(&pack, PACK_FIELDS);
            let id = checker.required_text(&pack, "id");
            if let Some(id) = &id {
                check_id(checker, id);
            }
            let title = checker.required_text(&pack, "title");
            let language = checker.required_text(&pack, "language");
            if let Some(language) = &language {
                check_language(checker, language);
            }
            PackMeta {
                id: value(id),
                title: value(title),
                language: value(language),
                version: value(checker.required_text(&pack, "version")),
                description: value(checker.required_text(&pack, "description")),
                authors: checker
                    .optional_text_list(&pack, "authors")
                    .into_iter()
                    .map(|t| t.value)
                    .collect(),
            }
        }
        None => empty_meta(),
    };
    let mut sources = Vec::new();
    match checker.table_list(root, "sources", "[[sources]]") {
        Ok(Some(tables)) => {
            let mut seen: HashMap<String, Range<usize>> = HashMap::new();
            for table in tables {
                checker.unknown_fields(&table, SOURCE_FIELDS);
                let id = checker.required_text(&table, "id");
                if let Some(id) = &id {
                    check_id(checker, id);
                    if let Some(first) = seen.get(&id.value) {
                        let related = checker
                            .file
                            .related(first.clone(), LoadKey::FirstDefinedHere);
                        checker.push(
                            duplicate(checker.file, &id.value, id.span.clone(), LoadKey::SourceId)
                                .with_related(related),
                        );
                    } else {
                        seen.insert(id.value.clone(), id.span.clone());
                    }
                }
                sources.push(Source {
                    id: value(id),
                    citation: value(checker.required_text(&table, "citation")),
                    url: checker.optional_text(&table, "url").map(|t| t.value),
                });
            }
        }
        Ok(None) => checker.push(
            checker
                .file
                .error(0..0, LoadKey::NoSources, LoadKey::NoSourcesLabel)
                .with_help(LoadKey::NoSourcesHelp),
        ),
        Err(()) => {}
    }
    (meta, sources)
}

fn read_topic(
    checker: &mut Checker<'_>,
    root: &Table<'_, '_>,
    (file, at): (u32, u32),
    ids: &mut Ids,
) -> Topic {
    checker.unknown_fields(root, ROOT_TOPIC_FIELDS);
    let mut topic = Topic {
        id: String::new(),
        title: String::new(),
        summary: None,
        member: Member::default(),
        entries: Vec::new(),
        questions: Vec::new(),
    };
    let header = checker.table(root, "topic", "[topic]", TOPIC_EXAMPLE);
    if let Some(header) = &header {
        checker.unknown_fields(header, TOPIC_FIELDS);
        let id = checker.required_text(header, "id");
        if let Some(id) = &id {
            check_id(checker, id);
            ids.define(Place::Topic { topic: at }, file, id, IdKind::Topic);
        }
        topic.id = value(id);
        topic.title = value(checker.required_text(header, "title"));
        topic.summary = checker.optional_text(header, "summary").map(|t| t.value);
        topic.member = read_member(checker, header).unwrap_or_default();
    }
    match checker.table_list(root, "entries", "[[entries]]") {
        Ok(Some(tables)) => {
            topic.entries = tables
                .iter()
                .enumerate()
                .map(|(entry, table)| read_entry(checker, table, (file, at, to_u32(entry)), ids))
                .collect();
        }
        Ok(None) => {
            let span = header.map_or(0..0, |h| h.span);
            checker.push(
                checker
                    .file
                    .error(span, LoadKey::NoEntries, LoadKey::NoEntriesLabel)
                    .with_help(LoadKey::NoEntriesHelp),
            );
        }
        Err(()) => {}
    }
    topic.detect_overviews();
    if let Ok(Some(tables)) = checker.table_list(root, "questions", "[[questions]]") {
        for table in &tables {
            let read = read_question(checker, table);
            if let Some(id) = &read.id {
                check_id(checker, id);
                let place = ids.own(id);
                ids.define(place, file, id, IdKind::Question);
            }
            if let Some(entry) = read.entry {
                let place = ids.own(&entry);
                ids.tested_refs
                    .push(Reference::new(place, file, &entry.span));
            }
            topic.questions.extend(read.question);
        }
    }
    topic
}

fn read_entry(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
    (file, topic, entry): (u32, u32, u32),
    ids: &mut Ids,
) -> Entry {
    checker.unknown_fields(table, ENTRY_FIELDS);
    let id = checker.required_text(table, "id");
    if let Some(id) = &id {
        check_id(checker, id);
        ids.define(Place::Entry { topic, entry }, file, id, IdKind::Entry);
    }
    let source = checker.required_text(table, "source");
    if let Some(source) = &source {
        let place = Place::Source { topic, entry };
        ids.source_refs
            .push(Reference::new(place, file, &source.span));
    }
    let see_also = checker.optional_text_list(table, "see_also");
    for link in see_also
        .iter()
        .filter(|l| id.as_ref().is_some_and(|id| id.value == l.value))
    {
        checker.push(
            checker
                .file
                .error(
                    link.span.clone(),
                    LoadKey::ListsItself,
                    LoadKey::ListsItselfLabel,
                )
                .with_help(LoadKey::ListsItselfHelp),
        );
    }
    ids.see_also_refs
        .extend(see_also.iter().enumerate().map(|(item, target)| {
            let place = Place::SeeAlso {
                topic,
                entry,
                item: to_u32(item),
            };
            Reference::new(place, file, &target.span)
        }));
    let mut entry = Entry {
        id: value(id).into(),
        title: value(checker.required_text(table, "title")).into(),
        body: value(checker.required_text(table, "body")).into(),
        points: read_points(checker, table).into(),
        ordered: checker.optional_bool(table, "ordered").unwrap_or(false),
        aliases: values(checker.optional_text_list(table, "aliases")),
        tags: values(checker.optional_text_list(table, "tags")),
        english: checker
            .optional_text(table, "english")
            .map(|t| t.value.into()),
        source: value(source).into(),
        locator: checker
            .optional_text(table, "locator")
            .map(|t| t.value.into()),
        note: checker.optional_text(table, "note").map(|t| t.value.into()),
        see_also: values(see_also),
        member: read_member(checker, table).map(Box::new),
        overview: false,
        distractors: Box::default(),
        pairs: read_pairs(checker, table).into(),
    };
    let distractors = checker.optional_text_list(table, "distractors");
    entry.overview = check_entry_structure(checker, table, &entry, &distractors);
    entry.distractors = values(distractors);
    entry
}

/// The points of an entry; their labels (explicit or by number) must be
/// unique because progress is stored against them.
fn read_points(checker: &mut Checker<'_>, entry: &Table<'_, '_>) -> Vec<Point> {
    let Ok(Some(tables)) = checker.table_list(entry, "points", "[[entries.points]]") else {
        return Vec::new();
    };
    let mut labels: HashMap<String, Range<usize>> = HashMap::new();
    let mut points = Vec::with_capacity(tables.len());
    let mut alternatives = Vec::new();
    for (index, table) in tables.iter().enumerate() {
        checker.unknown_fields(table, POINT_FIELDS);
        let label = checker.optional_text(table, "label");
        let also = checker.optional_text_list(table, "also");
        let point = Point {
            label: label.as_ref().map(|l| l.value.as_str().into()),
            text: value(checker.required_text(table, "text")).into(),
            also: also.iter().map(|t| t.value.as_str().into()).collect(),
        };
        if !also.is_empty() {
            alternatives.push((index, also));
        }
        let span = label.map_or_else(|| table.span.clone(), |l| l.span);
        let key = point.display_label(index);
        if let Some(first) = labels.get(&key) {
            let related = checker.file.related(first.clone(), LoadKey::FirstUsedHere);
            checker.push(
                checker
                    .file
                    .error(
                        span,
                        LoadKey::DuplicatePointLabel.with("label", &key),
                        LoadKey::UsedAgainHere,
                    )
                    .with_help(LoadKey::DuplicatePointLabelHelp)
                    .with_related(related),
            );
        } else {
            labels.insert(key, span);
        }
        points.push(point);
    }
    // The points' keys are only needed to check an `also`.
    if alternatives.is_empty() {
        return points;
    }
    let texts: Vec<String> = points.iter().map(|p| answer_key(p.item_text())).collect();
    for (index, also) in &alternatives {
        check_also(checker, &texts, also, *index);
    }
    points
}

/// The pack's `language` must be a well-formed BCP 47 tag (any language:
/// the UI falls back to the environment's for one it does not speak).
fn check_language(checker: &mut Checker<'_>, language: &Text) {
    if is_language_tag(&language.value) {
        return;
    }
    checker.push(
        checker
            .file
            .error(
                language.span.clone(),
                LoadKey::NotLanguageTag.with("tag", &language.value),
                LoadKey::NotLanguageTagLabel,
            )
            .with_help(LoadKey::NotLanguageTagHelp),
    );
}

fn check_id(checker: &mut Checker<'_>, id: &Text) {
    if id.value.len() > MAX_ID_LEN {
        checker.push(
            checker
                .file
                .error(
                    id.span.clone(),
                    LoadKey::IdTooLong.with("length", id.value.len()),
                    LoadKey::IdTooLongLabel.with("max", MAX_ID_LEN),
                )
                .with_help(LoadKey::IdTooLongHelp.with("max", MAX_ID_LEN)),
        );
        return;
    }
    let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if id.value.chars().all(valid) {
        return;
    }
    let suggestion: String = id
        .value
        .to_lowercase()
        .chars()
        .map(|c| if valid(c) { c } else { '-' })
        .collect();
    checker.push(
        checker
            .file
            .error(
                id.span.clone(),
                LoadKey::InvalidId.with("id", &id.value),
                LoadKey::InvalidIdLabel,
            )
            .with_help(LoadKey::InvalidIdHelp.with("suggestion", suggestion)),
    );
}
