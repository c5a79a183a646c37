//! Merging imported items into a pack folder: a new pack in a new or empty
//! folder, or more entries and questions in an existing one.
//!
//! Each item becomes an entry (its text, the source file as citation and
//! the line as locator) and, for a question, a `[[questions]]` item that
//! tests it. Ids come from the items' names or texts, so importing the same
//! file again updates those items where they are, in whichever file they
//! were put, and leaves everything else as it was: files are edited with
//! `toml_edit`, which keeps comments and layout. The whole result is
//! checked by the loader before anything is written.

mod tables;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item as TomlItem, Table, value};

use super::{Item, Parsed, TopicInfo, slug};
use crate::authoring::starter::pack_id;
use crate::content::diagnostic::Report;
use crate::content::load::{load_dir, load_files};
use crate::i18n::{InterchangeWords, Lang};
use crate::quiz::wording::fill;
use tables::{entry_table, question_table};

/// What an import did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Items not imported because their id is taken: (file, line, reason).
    pub conflicts: Vec<(String, usize, String)>,
    /// The files written, as shown.
    pub written: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The folder holds files but is no pack.
    #[error("{0} is not a pack folder")]
    NoPack(PathBuf),
    /// The pack in the folder, or the result of the import, fails the check.
    #[error("{0}")]
    Invalid(Box<Report>, bool),
    #[error("`{path}`: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// One TOML file of the pack being edited.
struct Doc {
    /// The file name inside the pack folder.
    name: String,
    toml: DocumentMut,
    /// The text read, to tell whether it changed; empty for a new file.
    before: String,
}

impl Doc {
    /// The array of tables under `key`, made when missing; an inline array
    /// of tables is turned into one. `None` when the key holds something else.
    fn array(&mut self, key: &str) -> Option<&mut ArrayOfTables> {
        let item = self
            .toml
            .as_table_mut()
            .entry(key)
            .or_insert_with(|| TomlItem::ArrayOfTables(ArrayOfTables::new()));
        if !item.is_array_of_tables()
            && let Ok(tables) = item.clone().into_array_of_tables()
        {
            *item = TomlItem::ArrayOfTables(tables);
        }
        item.as_array_of_tables_mut()
    }

    fn topic_id(&self) -> Option<&str> {
        self.toml.get("topic")?.get("id")?.as_str()
    }
}

/// Where an item with an id already is: the file and its position in the
/// file's `entries` or `questions`.
#[derive(Clone, Copy)]
struct Place {
    doc: usize,
    index: usize,
}

/// The ids of a pack, by what they name.
#[derive(Default)]
struct Ids {
    topics: HashMap<String, usize>,
    entries: HashMap<String, Place>,
    questions: HashMap<String, Place>,
}

/// Imports `parsed` into the pack in `dir` (made when `dir` is missing or
/// empty, with `language` as the material's language).
///
/// # Errors
/// When `dir` holds files but no `pack.toml`, when the pack there or the
/// result fails the check (nothing is written then), or on an I/O error.
pub fn import_into(
    dir: &Path,
    parsed: &[Parsed],
    language: &str,
    words: &InterchangeWords,
) -> Result<Outcome, WriteError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| WriteError::Io { path, source }
    };
    let fresh = match fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(error) if error.kind() == io::ErrorKind::NotFound => true,
        Err(error) => return Err(io_error(dir)(error)),
    };
    let mut docs = Vec::new();
    let language = if fresh {
        docs.push(new_manifest(dir, parsed, language, words));
        language.to_owned()
    } else {
        if !dir.join("pack.toml").is_file() {
            return Err(WriteError::NoPack(dir.to_owned()));
        }
        let pack = load_dir(dir).map_err(|report| WriteError::Invalid(Box::new(report), false))?;
        docs.extend(read_docs(dir)?);
        pack.meta.language
    };
    let pack_lang = if language.starts_with("id") {
        Lang::Id
    } else {
        Lang::En
    };
    let mut ids = index(&docs);
    let mut outcome = Outcome::default();
    for file in parsed {
        let source = add_source(&mut docs[0], file, pack_lang.interchange_words());
        for item in &file.items {
            let Some(topic) = file.topics.get(item.topic) else {
                continue;
            };
            place(
                &mut docs,
                &mut ids,
                &mut outcome,
                (&file.file.name, &source, pack_lang, words),
                topic,
                item,
            );
        }
    }
    let files: Vec<(String, Vec<u8>)> = docs
        .iter()
        .map(|d| {
            (
                dir.join(&d.name).display().to_string(),
                d.toml.to_string().into_bytes(),
            )
        })
        .collect();
    load_files(&files).map_err(|report| WriteError::Invalid(Box::new(report), true))?;
    fs::create_dir_all(dir).map_err(io_error(dir))?;
    for (doc, (shown, bytes)) in docs.iter().zip(&files) {
        if doc.before.as_bytes() == bytes.as_slice() {
            continue;
        }
        let path = dir.join(&doc.name);
        let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io_error(dir))?;
        temp.write_all(bytes).map_err(io_error(&path))?;
        temp.persist(&path)
            .map_err(|error| io_error(&path)(error.error))?;
        outcome.written.push(shown.clone());
    }
    Ok(outcome)
}

/// The manifest of a new pack: named after its folder, one source per file.
fn new_manifest(dir: &Path, parsed: &[Parsed], language: &str, words: &InterchangeWords) -> Doc {
    let files: Vec<String> = parsed.iter().map(|p| base_name(&p.file.name)).collect();
    let title = dir
        .file_name()
        .map_or_else(|| pack_id(dir), |n| n.to_string_lossy().into_owned());
    let mut pack = Table::new();
    pack.insert("id", value(pack_id(dir)));
    pack.insert("title", value(super::one_line(&title, 100)));
    pack.insert("language", value(language));
    pack.insert("version", value("0.1.0"));
    pack.insert(
        "description",
        value(fill(
            words.imported_description,
            &[("files", &files.join(", "))],
        )),
    );
    let mut doc = DocumentMut::new();
    doc.insert("pack", TomlItem::Table(pack));
    Doc {
        name: "pack.toml".to_owned(),
        toml: doc,
        before: String::new(),
    }
}

fn base_name(shown: &str) -> String {
    Path::new(shown)
        .file_name()
        .map_or_else(|| shown.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// The manifest first, then the topic files in name order.
fn read_docs(dir: &Path) -> Result<Vec<Doc>, WriteError> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|source| WriteError::Io {
            path: dir.to_owned(),
            source,
        })?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "toml") && n != "pack.toml")
        .collect();
    names.sort();
    names.insert(0, "pack.toml".to_owned());
    let mut docs = Vec::with_capacity(names.len());
    for name in names {
        let path = dir.join(&name);
        let before = fs::read_to_string(&path).map_err(|source| WriteError::Io {
            path: path.clone(),
            source,
        })?;
        // The loader has just accepted the file, so it parses.
        let doc = before.parse::<DocumentMut>().unwrap_or_default();
        docs.push(Doc {
            name,
            toml: doc,
            before,
        });
    }
    Ok(docs)
}

fn index(docs: &[Doc]) -> Ids {
    let mut ids = Ids::default();
    for (at, doc) in docs.iter().enumerate().skip(1) {
        if let Some(id) = doc.topic_id() {
            ids.topics.insert(id.to_owned(), at);
        }
        for (key, map) in [
            ("entries", &mut ids.entries),
            ("questions", &mut ids.questions),
        ] {
            let tables = doc.toml.get(key).and_then(TomlItem::as_array_of_tables);
            for (index, table) in tables.into_iter().flat_map(|a| a.iter()).enumerate() {
                if let Some(id) = table.get("id").and_then(TomlItem::as_str) {
                    map.insert(id.to_owned(), Place { doc: at, index });
                }
            }
        }
    }
    ids
}

/// The id of the source for `file`, added to the manifest unless there.
fn add_source(manifest: &mut Doc, file: &Parsed, words: &InterchangeWords) -> String {
    let name = base_name(&file.file.name);
    let id = match slug(&name, 100) {
        id if id.is_empty() => "impor".to_owned(),
        id => id,
    };
    let Some(sources) = manifest.array("sources") else {
        // Left to the check, which reports the unknown source.
        return id;
    };
    let known = sources
        .iter()
        .any(|s| s.get("id").and_then(TomlItem::as_str) == Some(id.as_str()));
    if !known {
        let mut source = Table::new();
        source.insert("id", value(id.as_str()));
        source.insert(
            "citation",
            value(fill(
                words.imported_citation,
                &[("file", &name), ("format", file.format)],
            )),
        );
        sources.push(source);
    }
    id
}

/// The context of one import file: its name as shown, its source id, the
/// pack's language and the words of the report.
type Origin<'a> = (&'a str, &'a str, Lang, &'a InterchangeWords);

/// Puts one item into the pack: replaces the entry and question of the same
/// ids, or adds them to the item's topic.
fn place(
    docs: &mut Vec<Doc>,
    ids: &mut Ids,
    outcome: &mut Outcome,
    (file, source, lang, words): Origin<'_>,
    topic: &TopicInfo,
    item: &Item,
) {
    let entry_id = format!("{}-{}", topic.id, item.key);
    let question_id = format!("{entry_id}-q");
    let existing = ids.entries.get(&entry_id).copied();
    let foreign = existing.and_then(|place| {
        let table = docs[place.doc].array("entries")?.get(place.index)?;
        let theirs = table.get("source").and_then(TomlItem::as_str);
        (theirs != Some(source)).then(|| docs[place.doc].name.clone())
    });
    let taken = [&entry_id, &question_id]
        .iter()
        .any(|id| ids.topics.contains_key(*id))
        || ids.questions.contains_key(&entry_id)
        || ids.entries.contains_key(&question_id);
    if taken || foreign.is_some() {
        let owner = foreign.unwrap_or_else(|| "pack".to_owned());
        let reason = fill(words.skip_id_taken, &[("id", &entry_id), ("file", &owner)]);
        outcome.conflicts.push((file.to_owned(), item.line, reason));
        return;
    }
    let doc_at = match existing {
        Some(place) => place.doc,
        None => topic_doc(docs, ids, topic),
    };
    let entry = entry_table(&entry_id, source, item, lang);
    let question = item
        .question
        .as_ref()
        .map(|q| question_table(&question_id, &entry_id, q));
    let mut changed = put(docs, &mut ids.entries, "entries", doc_at, &entry_id, entry);
    if let Some(question) = question {
        let at = ids.questions.get(&question_id).map_or(doc_at, |p| p.doc);
        changed |= put(
            docs,
            &mut ids.questions,
            "questions",
            at,
            &question_id,
            question,
        );
    }
    match (existing, changed) {
        (None, _) => outcome.imported += 1,
        (Some(_), true) => outcome.updated += 1,
        (Some(_), false) => outcome.unchanged += 1,
    }
}

/// Replaces the table with `id` in `key` of the doc it is in, keeping its
/// place and comments, or appends it to doc `at`. Whether anything changed.
fn put(
    docs: &mut [Doc],
    map: &mut HashMap<String, Place>,
    key: &str,
    at: usize,
    id: &str,
    mut table: Table,
) -> bool {
    if let Some(place) = map.get(id).copied() {
        let Some(array) = docs[place.doc].array(key) else {
            return false;
        };
        let Some(old) = array.get(place.index) else {
            return false;
        };
        if same_table(old, &table) {
            return false;
        }
        table.set_position(old.position());
        *table.decor_mut() = old.decor().clone();
        array.replace(place.index, table);
        return true;
    }
    let Some(array) = docs[at].array(key) else {
        return false;
    };
    array.push(table);
    map.insert(
        id.to_owned(),
        Place {
            doc: at,
            index: array.len() - 1,
        },
    );
    true
}

/// Whether two tables hold the same keys and values, whatever their layout.
fn same_table(a: &Table, b: &Table) -> bool {
    let plain = |t: &Table| {
        t.iter()
            .map(|(k, v)| {
                let mut v = v.clone();
                if let Some(v) = v.as_value_mut() {
                    v.decor_mut().clear();
                }
                (k.to_owned(), v.to_string().trim().to_owned())
            })
            .collect::<Vec<_>>()
    };
    plain(a) == plain(b)
}

/// The doc of `topic`, made when the pack has no such topic yet: the next
/// number after the highest numbered file, then the topic's id.
fn topic_doc(docs: &mut Vec<Doc>, ids: &mut Ids, topic: &TopicInfo) -> usize {
    if let Some(&at) = ids.topics.get(&topic.id) {
        return at;
    }
    let next = docs
        .iter()
        .filter_map(|d| {
            let digits: String = d.name.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0)
        + 1;
    let mut table = Table::new();
    table.insert("id", value(topic.id.as_str()));
    table.insert("title", value(topic.title.as_str()));
    let mut doc = DocumentMut::new();
    doc.insert("topic", TomlItem::Table(table));
    docs.push(Doc {
        name: format!("{next:02}-{}.toml", topic.id),
        toml: doc,
        before: String::new(),
    });
    ids.topics.insert(topic.id.clone(), docs.len() - 1);
    docs.len() - 1
}
