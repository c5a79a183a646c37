//! The pack's one id space and the references into it, kept compactly while
//! the files are read and checked once every file is read: unique ids, and
//! references to sources and entries.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::super::Files;
use super::super::fields::{Text, closest};
use crate::content::diagnostic::{Diagnostic, SHOWN_PER_KIND, SourceFile};
use crate::content::model::{Source, Topic};

/// What an id of the pack's one id space names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum IdKind {
    Topic,
    Entry,
    Question,
}

impl IdKind {
    pub(super) fn name(self) -> &'static str {
        match self {
            Self::Topic => "topic",
            Self::Entry => "entry",
            Self::Question => "question",
        }
    }

    /// The name with its indefinite article.
    pub(super) fn a_name(self) -> &'static str {
        match self {
            Self::Topic => "a topic",
            Self::Entry => "an entry",
            Self::Question => "a question",
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

pub(super) fn duplicate(file: &SourceFile, id: &str, span: Range<usize>, what: &str) -> Diagnostic {
    file.error(
        span,
        format!("duplicate {what} `{id}`"),
        "defined again here",
    )
    .with_help(format!(
        "every {what} must be unique in the pack; rename one of them"
    ))
}

pub(super) fn check_duplicates(
    files: &Files<'_>,
    texts: &Texts<'_>,
    definitions: &[Definition],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, &Definition> = HashMap::with_capacity(definitions.len());
    for definition in definitions {
        let id = texts.get(definition.place);
        let Some(earlier) = first.get(id) else {
            first.insert(id, definition);
            continue;
        };
        let file = files.get(definition.file as usize);
        let span = widen(&definition.span);
        let mut diagnostic = if earlier.kind == definition.kind {
            duplicate(file, id, span, &format!("{} id", definition.kind.name()))
        } else {
            duplicate(file, id, span, "id").with_help(format!(
                "topics, entries and questions share one set of ids; rename the {} or the {}",
                earlier.kind.name(),
                definition.kind.name()
            ))
        };
        diagnostic.related.push(
            files
                .get(earlier.file as usize)
                .related(widen(&earlier.span), "first defined here"),
        );
        diagnostics.push(diagnostic);
    }
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
    let some_ids = list(sources.iter().map(|s| s.id.as_str()));
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
            Some(close) => format!("did you mean `{close}`?"),
            None => format!(
                "add a [[sources]] item with id = \"{target}\" to pack.toml, or use one of: \
                 {some_ids}"
            ),
        };
        let file = files.get(reference.file as usize);
        diagnostics.push(
            file.error(
                widen(&reference.span),
                format!("unknown source `{target}`"),
                "no [[sources]] item of pack.toml has this id",
            )
            .with_help(help),
        );
    }
}

/// How references to entries from one field are reported.
pub(super) struct EntryField {
    /// Ends the message of an unknown id, e.g. `in see_also`.
    place: &'static str,
    /// The help when no entry has a similar id.
    unknown_help: &'static str,
    /// The help when the id names a topic or a question.
    not_entry_help: &'static str,
}

pub(super) const SEE_ALSO: EntryField = EntryField {
    place: "in see_also",
    unknown_help: "see_also lists ids of entries of this pack; check the spelling",
    not_entry_help: "see_also lists entry ids; name an entry instead",
};

pub(super) const TESTED: EntryField = EntryField {
    place: "tested by a question",
    unknown_help: "`entry` is the id of the entry of this pack that the question tests; \
                   check the spelling",
    not_entry_help: "`entry` names the entry the question tests; name an entry instead",
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
            let kind = definition.kind.name();
            file.error(
                span,
                format!("`{target}` is a {kind}, not an entry"),
                format!("a {kind} id"),
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
                Some(close) => format!("did you mean `{close}`?"),
                None => field.unknown_help.to_owned(),
            };
            file.error(
                span,
                format!("unknown entry `{target}` {}", field.place),
                "no entry has this id",
            )
            .with_help(help)
        };
        diagnostics.push(diagnostic);
    }
}

/// The first few items, for a help message.
fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    let shown = items
        .iter()
        .take(5)
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > 5 {
        format!("{shown}, ...")
    } else {
        shown
    }
}
