//! The pack's one id space and the references into it, kept compactly while
//! the files are read and checked once every file is read: unique ids, and
//! references to sources and entries.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::super::Files;
use super::super::fields::{Text, closest};
use crate::content::diagnostic::{Diagnostic, SHOWN_PER_KIND, SourceFile};
use crate::content::model::{Source, Topic};
use crate::i18n::diagnostics::LoadKey;

/// What an id of the pack's one id space names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IdKind {
    Topic,
    Entry,
    Question,
}

impl IdKind {
    /// The name, for "`x` is a topic, not an entry".
    pub(super) fn key(self) -> LoadKey {
        match self {
            Self::Topic => LoadKey::Topic,
            Self::Entry => LoadKey::Entry,
            Self::Question => LoadKey::Question,
        }
    }

    /// What its id is called, for "duplicate entry id".
    pub(super) fn id_key(self) -> LoadKey {
        match self {
            Self::Topic => LoadKey::TopicId,
            Self::Entry => LoadKey::EntryId,
            Self::Question => LoadKey::QuestionId,
        }
    }

    /// The name with its indefinite article.
    pub(super) fn a_name(self) -> LoadKey {
        match self {
            Self::Topic => LoadKey::ATopicArticle,
            Self::Entry => LoadKey::AnEntryArticle,
            Self::Question => LoadKey::AQuestionArticle,
        }
    }
}

/// Where an id or a reference read from a file is kept once read: in the
/// model (indices into the topics and their entries), or in `Ids::owned`
/// (questions, which a problem may keep out of the model). A pack of 100,000
/// entries has some 300,000 ids and references; a copy of each would cost
/// tens of megabytes while loading.
#[derive(Debug, Clone, Copy)]
pub(super) enum Place {
    Topic { topic: u32 },
    Entry { topic: u32, entry: u32 },
    Source { topic: u32, entry: u32 },
    SeeAlso { topic: u32, entry: u32, item: u32 },
    Owned(u32),
}

/// An id defined somewhere in the pack: files are indices into the files.
pub(super) struct Definition {
    pub(super) place: Place,
    pub(super) file: u32,
    pub(super) span: Range<u32>,
    pub(super) kind: IdKind,
}

/// A reference to a source or an entry.
pub(super) struct Reference {
    place: Place,
    file: u32,
    span: Range<u32>,
}

impl Reference {
    pub(super) fn new(place: Place, file: u32, span: &Range<usize>) -> Self {
        Self {
            place,
            file,
            span: narrow(span),
        }
    }
}

#[derive(Default)]
pub(super) struct Ids {
    pub(super) definitions: Vec<Definition>,
    pub(super) source_refs: Vec<Reference>,
    pub(super) see_also_refs: Vec<Reference>,
    /// The `entry` of each question.
    pub(super) tested_refs: Vec<Reference>,
    /// Texts kept outside the model, see [`Place::Owned`].
    pub(super) owned: Vec<String>,
}

impl Ids {
    pub(super) fn define(&mut self, place: Place, file: u32, id: &Text, kind: IdKind) {
        self.definitions.push(Definition {
            place,
            file,
            span: narrow(&id.span),
            kind,
        });
    }

    pub(super) fn own(&mut self, text: &Text) -> Place {
        self.owned.push(text.value.clone());
        Place::Owned(to_u32(self.owned.len() - 1))
    }
}

/// The texts that [`Place`]s point at, once every file is read.
pub(super) struct Texts<'a> {
    pub(super) topics: &'a [Topic],
    pub(super) owned: &'a [String],
}

impl<'a> Texts<'a> {
    pub(super) fn get(&self, place: Place) -> &'a str {
        let entry = |topic: u32, entry: u32| {
            self.topics
                .get(topic as usize)
                .and_then(|t| t.entries.get(entry as usize))
        };
        let text = match place {
            Place::Topic { topic } => self.topics.get(topic as usize).map(|t| t.id.as_str()),
            Place::Entry { topic, entry: e } => entry(topic, e).map(|e| &*e.id),
            Place::Source { topic, entry: e } => entry(topic, e).map(|e| &*e.source),
            Place::SeeAlso {
                topic,
                entry: e,
                item,
            } => entry(topic, e)
                .and_then(|e| e.see_also.get(item as usize))
                .map(|id| &**id),
            Place::Owned(i) => self.owned.get(i as usize).map(String::as_str),
        };
        text.unwrap_or_default()
    }
}

/// Spans are kept as `u32`: files are at most `MAX_FILE_SIZE` bytes.
pub(super) fn narrow(span: &Range<usize>) -> Range<u32> {
    to_u32(span.start)..to_u32(span.end)
}

pub(super) fn widen(span: &Range<u32>) -> Range<usize> {
    span.start as usize..span.end as usize
}

pub(super) fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

pub(super) fn duplicate(
    file: &SourceFile,
    id: &str,
    span: Range<usize>,
    what: LoadKey,
) -> Diagnostic {
    file.error(
        span,
        LoadKey::DuplicateId.with("what", what).with("id", id),
        LoadKey::DefinedAgainHere,
    )
    .with_help(LoadKey::DuplicateIdHelp.with("what", what))
}

/// A file that repeats this many ids of one other file is reported once:
/// it is most likely a copy ("04-x - Copy.toml"), and ten errors that do not
/// say so hide the cause.
const GROUPED: usize = 2;

pub(super) fn check_duplicates(
    files: &Files<'_>,
    texts: &Texts<'_>,
    definitions: &[Definition],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, &Definition> = HashMap::with_capacity(definitions.len());
    // The duplicates, and how many of them each pair of files (the later,
    // the earlier) has.
    let mut duplicates: Vec<(&Definition, &Definition)> = Vec::new();
    let mut pairs: HashMap<(u32, u32), usize> = HashMap::new();
    for definition in definitions {
        let id = texts.get(definition.place);
        let Some(earlier) = first.get(id) else {
            first.insert(id, definition);
            continue;
        };
        duplicates.push((definition, earlier));
        if definition.file != earlier.file {
            *pairs.entry((definition.file, earlier.file)).or_default() += 1;
        }
    }
    let mut grouped: HashSet<(u32, u32)> = HashSet::new();
    for (definition, earlier) in duplicates {
        let pair = (definition.file, earlier.file);
        let count = pairs.get(&pair).copied().unwrap_or(0);
        if count >= GROUPED {
            if grouped.insert(pair) {
                diagnostics.push(copied_ids(files, definitions, (definition, earlier), count));
            }
            continue;
        }
        let file = files.get(definition.file as usize);
        let span = widen(&definition.span);
        let id = texts.get(definition.place);
        let mut diagnostic = if earlier.kind == definition.kind {
            duplicate(file, id, span, definition.kind.id_key())
        } else {
            duplicate(file, id, span, LoadKey::AnyId).with_help(
                LoadKey::SharedIdsHelp
                    .with("first", earlier.kind.key())
                    .with("second", definition.kind.key()),
            )
        };
        diagnostic.related.push(
            files
                .get(earlier.file as usize)
                .related(widen(&earlier.span), LoadKey::FirstDefinedHere),
        );
        diagnostics.push(diagnostic);
    }
}

/// The one error for a file that repeats `count` ids of another, at the
/// first of them (`first`: the repeated definition and the earlier one).
fn copied_ids(
    files: &Files<'_>,
    definitions: &[Definition],
    (definition, earlier): (&Definition, &Definition),
    count: usize,
) -> Diagnostic {
    // "x - Copy.toml" sorts before "x.toml": the copy is the one to delete,
    // whichever was read first.
    let copy_first = looks_like_a_copy(&files.get(earlier.file as usize).name)
        && !looks_like_a_copy(&files.get(definition.file as usize).name);
    let (definition, earlier) = if copy_first {
        (earlier, definition)
    } else {
        (definition, earlier)
    };
    let file = files.get(definition.file as usize);
    let earlier_file = files.get(earlier.file as usize);
    let name = format!("`{}`", file.name);
    let earlier_name = format!("`{}`", earlier_file.name);
    let defined_in_file = definitions
        .iter()
        .filter(|d| d.file == definition.file)
        .count();
    let help = if count == defined_in_file || looks_like_a_copy(&file.name) {
        LoadKey::CopiedIdsHelp
            .with("file", name.clone())
            .with("first", earlier_name.clone())
    } else {
        LoadKey::RepeatedIdsHelp.with("file", name.clone())
    };
    file.error(
        widen(&definition.span),
        LoadKey::CopiedIds
            .with("count", count)
            .with("file", name)
            .with("first", earlier_name),
        LoadKey::CopiedIdsLabel,
    )
    .with_help(help)
    .with_related(earlier_file.related(widen(&earlier.span), LoadKey::FirstDefinedHere))
}

/// Whether a file name is that of a copy a file manager or an editor makes:
/// "x - Copy.toml", "x (1).toml", "x copy.toml", "Salinan x.toml", "x~".
fn looks_like_a_copy(name: &str) -> bool {
    let name = super::super::file_name(name).to_lowercase();
    ["copy", "kopie", "salinan", "backup", "~", ".bak", ".orig"]
        .iter()
        .any(|mark| name.contains(mark))
        || name
            .split(" (")
            .skip(1)
            .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Only the first [`SHOWN_PER_KIND`] unknown references of a field get a
/// "did you mean" (here and in [`check_entry_refs`]): the others are not
/// shown in full, and looking for the closest of 10,000 ids for each of
/// 10,000 references took minutes.
pub(super) fn check_sources(
    files: &Files<'_>,
    texts: &Texts<'_>,
    sources: &[Source],
    refs: &[Reference],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let known: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let all_ids = list(sources.iter().map(|s| s.id.as_str()));
    let mut unknown = 0;
    for reference in refs {
        let target = texts.get(reference.place);
        if known.contains(target) {
            continue;
        }
        unknown += 1;
        let close = if unknown <= SHOWN_PER_KIND {
            closest(target, sources.iter().map(|s| s.id.as_str()))
        } else {
            None
        };
        let help = match close {
            Some(close) => LoadKey::DidYouMeanOrOneOf
                .with("close", close)
                .with("ids", &all_ids),
            None => LoadKey::UnknownSourceHelp
                .with("id", target)
                .with("ids", &all_ids),
        };
        let file = files.get(reference.file as usize);
        diagnostics.push(
            file.error(
                widen(&reference.span),
                LoadKey::UnknownSource.with("id", target),
                LoadKey::UnknownSourceLabel,
            )
            .with_help(help),
        );
    }
}

/// How references to entries from one field are reported.
pub(super) struct EntryField {
    /// The message of an unknown id.
    unknown: LoadKey,
    /// The help when no entry has a similar id.
    unknown_help: LoadKey,
    /// The help when the id names a topic or a question.
    not_entry_help: LoadKey,
}

pub(super) const SEE_ALSO: EntryField = EntryField {
    unknown: LoadKey::UnknownEntrySeeAlso,
    unknown_help: LoadKey::SeeAlsoUnknownHelp,
    not_entry_help: LoadKey::SeeAlsoNotEntryHelp,
};

pub(super) const TESTED: EntryField = EntryField {
    unknown: LoadKey::UnknownEntryTested,
    unknown_help: LoadKey::TestedUnknownHelp,
    not_entry_help: LoadKey::TestedNotEntryHelp,
};

/// The first definition of every id, by id: a pack may have tens of
/// thousands of references to look up.
pub(super) fn first_definitions<'a>(
    texts: &Texts<'a>,
    definitions: &'a [Definition],
) -> HashMap<&'a str, &'a Definition> {
    let mut first = HashMap::with_capacity(definitions.len());
    for definition in definitions {
        first
            .entry(texts.get(definition.place))
            .or_insert(definition);
    }
    first
}

/// The ids of the pack: every definition, and the first of each id.
pub(super) type Known<'k, 'a> = (&'k [Definition], &'k HashMap<&'a str, &'a Definition>);

pub(super) fn check_entry_refs(
    files: &Files<'_>,
    texts: &Texts<'_>,
    (definitions, first_definitions): Known<'_, '_>,
    refs: &[Reference],
    field: &EntryField,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let entry_ids = || {
        definitions
            .iter()
            .filter(|d| d.kind == IdKind::Entry)
            .map(|d| texts.get(d.place))
    };
    let mut unknown = 0;
    for reference in refs {
        let target = texts.get(reference.place);
        let definition = first_definitions.get(target).copied();
        if definition.is_some_and(|d| d.kind == IdKind::Entry) {
            continue;
        }
        let file = files.get(reference.file as usize);
        let span = widen(&reference.span);
        let diagnostic = if let Some(definition) = definition {
            let kind = definition.kind.key();
            file.error(
                span,
                LoadKey::NotAnEntry.with("id", target).with("kind", kind),
                LoadKey::AKindId.with("kind", kind),
            )
            .with_help(field.not_entry_help)
        } else {
            unknown += 1;
            let close = if unknown <= SHOWN_PER_KIND {
                closest(target, entry_ids())
            } else {
                None
            };
            let help = match close {
                Some(close) => LoadKey::DidYouMean.with("close", close),
                None => field.unknown_help.into(),
            };
            file.error(
                span,
                field.unknown.with("id", target),
                LoadKey::NoEntryHasId,
            )
            .with_help(help)
        };
        diagnostics.push(diagnostic);
    }
}

/// Every item, quoted, for a help message.
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
