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

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item as TomlItem, Table, value};

use super::{Answer, Item, Parsed, TopicInfo, slug};
use crate::authoring::starter::pack_id;
use crate::content::diagnostic::Report;
use crate::content::load::{load_dir, load_files};
use crate::i18n::{InterchangeWords, Lang};
use crate::quiz::wording::fill;

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

fn entry_table(id: &str, source: &str, item: &Item, lang: Lang) -> Table {
    let words = lang.interchange_words();
    let body = item.body.clone().unwrap_or_else(|| {
        let Some(question) = &item.question else {
            return String::new();
        };
        let mut body = format!(
            "{}\n\n{}: {}",
            question.prompt,
            words.answer_word,
            question.answer.summary(lang)
        );
        if let Some(explanation) = &question.explanation {
            body.push('\n');
            body.push_str(explanation);
        }
        body
    });
    let mut table = Table::new();
    table.insert("id", value(id));
    table.insert("title", value(item.title.as_str()));
    table.insert("body", value(body));
    if !item.tags.is_empty() {
        table.insert("tags", value(strings(&item.tags)));
    }
    table.insert("source", value(source));
    table.insert(
        "locator",
        value(format!("{} {}", words.line_word, item.line)),
    );
    table
}

fn strings(texts: &[String]) -> Array {
    texts.iter().map(String::as_str).collect()
}

fn question_table(id: &str, entry: &str, question: &super::ItemQuestion) -> Table {
    let mut table = Table::new();
    table.insert("id", value(id));
    table.insert("entry", value(entry));
    let kind = match question.answer {
        Answer::Choice { .. } => "choice",
        Answer::TrueFalse(_) => "true-false",
        Answer::Typed(_) => "typed",
        Answer::Matching(_) => "matching",
    };
    table.insert("kind", value(kind));
    table.insert("prompt", value(question.prompt.as_str()));
    match &question.answer {
        Answer::Choice {
            options,
            correct,
            several,
            shuffle,
        } => {
            table.insert("options", value(strings(options)));
            if *several {
                let indices: Array = correct
                    .iter()
                    .map(|&i| i64::try_from(i).unwrap_or(i64::MAX))
                    .collect();
                table.insert("correct", value(indices));
            } else if let Some(right) = correct.first().and_then(|&i| options.get(i)) {
                table.insert("answer", value(right.as_str()));
            }
            if !shuffle {
                table.insert("shuffle", value(false));
            }
        }
        Answer::TrueFalse(answer) => {
            table.insert("answer", value(*answer));
        }
        Answer::Typed(answers) => {
            table.insert("answers", value(strings(answers)));
        }
        Answer::Matching(pairs) => {
            let pairs: Array = pairs
                .iter()
                .map(|(left, right)| {
                    let pair: Array = [left.as_str(), right.as_str()].into_iter().collect();
                    toml_edit::Value::Array(pair)
                })
                .collect();
            table.insert("pairs", value(pairs));
        }
    }
    if let Some(explanation) = &question.explanation {
        table.insert("explanation", value(explanation.as_str()));
    }
    table
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::interchange::gift;

    fn words() -> &'static InterchangeWords {
        Lang::En.interchange_words()
    }

    fn gift(name: &str, text: &str) -> Parsed {
        gift::parse(name, text.as_bytes(), words())
    }

    const BANK: &str = "$CATEGORY: $course$/top/Dasar\n\n\
        ::Q1:: 1 + 1 = 2 {T}\n\n\
        ::Q2:: Ibu kota Indonesia? {=Jakarta ~Bandung ~Surabaya #Bukan ibu kota.}\n\n\
        Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant}\n";

    #[test]
    fn a_new_pack_passes_the_check_and_a_second_import_changes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("Bank Soal");
        let outcome = import_into(&dir, &[gift("bank.gift", BANK)], "id", words()).unwrap();
        assert_eq!((outcome.imported, outcome.updated), (3, 0));
        assert_eq!(outcome.written.len(), 2);
        let pack = load_dir(&dir).unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(pack.meta.id, "bank-soal");
        assert_eq!(pack.topics[0].id, "dasar");
        assert_eq!(pack.topics[0].questions.len(), 3);
        let entry = &pack.topics[0].entries[1];
        assert_eq!(&*entry.id, "dasar-q2");
        assert_eq!(entry.locator.as_deref(), Some("baris 5"));
        assert!(entry.body.contains("Jawaban: Jakarta"), "{}", entry.body);
        assert!(pack.sources[0].citation.contains("bank.gift (Moodle GIFT)"));

        let again = import_into(&dir, &[gift("bank.gift", BANK)], "id", words()).unwrap();
        assert_eq!((again.imported, again.updated, again.unchanged), (0, 0, 3));
        assert!(again.written.is_empty());
    }

    #[test]
    fn re_importing_an_edited_file_updates_in_place_and_keeps_comments() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("bank");
        import_into(&dir, &[gift("bank.gift", BANK)], "en", words()).unwrap();
        let topic = dir.join("01-dasar.toml");
        let text = fs::read_to_string(&topic).unwrap();
        fs::write(&topic, format!("# my own comment\n{text}")).unwrap();
        let edited = BANK.replace("~Surabaya", "~Medan") + "\n::Q9:: New? {F}\n";
        let outcome = import_into(&dir, &[gift("bank.gift", &edited)], "en", words()).unwrap();
        assert_eq!(
            (outcome.imported, outcome.updated, outcome.unchanged),
            (1, 1, 2)
        );
        let text = fs::read_to_string(&topic).unwrap();
        assert!(text.starts_with("# my own comment\n"), "{text}");
        assert!(
            text.contains("Medan") && !text.contains("Surabaya"),
            "{text}"
        );
        let pack = load_dir(&dir).unwrap_or_else(|r| panic!("{r}"));
        assert_eq!(pack.entry_count(), 4);
        assert_eq!(pack.topics[0].entries[3].locator.as_deref(), Some("line 9"));
    }

    #[test]
    fn several_right_answers_and_pairs_are_written_as_the_new_fields() {
        // The loader on this branch does not know `correct` and `pairs` yet,
        // so the emitted TOML is checked as text.
        let parsed = gift(
            "b.gift",
            "::M:: Two right? {~%50%A ~%50%B ~%-100%C ~All of the above}\n\n\
             ::P:: Match {=cat -> cat food =dog -> dog food}",
        );
        let question = |i: usize| {
            question_table("x-q", "x", parsed.items[i].question.as_ref().unwrap()).to_string()
        };
        let multi = question(0);
        assert!(multi.contains("kind = \"choice\""), "{multi}");
        assert!(multi.contains("correct = [0, 1]"), "{multi}");
        assert!(multi.contains("shuffle = false"), "{multi}");
        assert!(!multi.contains("answer ="), "{multi}");
        let pairs = question(1);
        assert!(pairs.contains("kind = \"matching\""), "{pairs}");
        assert!(
            pairs.contains("pairs = [[\"cat\", \"cat food\"], [\"dog\", \"dog food\"]]"),
            "{pairs}"
        );
    }

    #[test]
    fn moodle_s_multiple_answer_and_matching_examples_emit_the_new_fields() {
        // To run `kisi check` on once `correct` and `pairs` are in the loader:
        // kisi import gift tests/fixtures/interchange/moodle-full.gift --into DIR
        let parsed = gift(
            "moodle-full.gift",
            include_str!("../../../../tests/fixtures/interchange/moodle-full.gift"),
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let tables: Vec<String> = parsed
            .items
            .iter()
            .map(|item| question_table("x-q", "x", item.question.as_ref().unwrap()).to_string())
            .collect();
        assert_eq!(tables.len(), 4);
        assert!(tables[0].contains("correct = [1, 2]"), "{}", tables[0]);
        assert!(
            tables[1].contains(
                "pairs = [[\"cat\", \"cat food\"], [\"dog\", \"dog food\"], [\"bird\", \"seeds\"]]"
            ),
            "{}",
            tables[1]
        );
        assert!(
            tables[2].contains("[\"India\", \"New Delhi\"]]"),
            "{}",
            tables[2]
        );
        assert!(tables[3].contains("correct = [0, 1]"), "{}", tables[3]);
        assert!(tables[3].contains("shuffle = false"), "{}", tables[3]);
        // The answer without a question (`= -> Canberra`) is reported.
        assert_eq!(parsed.notes.len(), 1);
        assert!(parsed.notes[0].text.contains("Canberra"));
        assert_eq!(parsed.notes[0].line, 16);
    }

    #[test]
    fn a_folder_that_is_no_pack_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("notes.txt"), "x").unwrap();
        let result = import_into(tmp.path(), &[gift("b.gift", BANK)], "id", words());
        assert!(matches!(result, Err(WriteError::NoPack(_))));
    }

    #[test]
    fn an_id_of_a_hand_written_entry_is_never_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("p");
        import_into(&dir, &[gift("bank.gift", BANK)], "id", words()).unwrap();
        // Another file whose category and names give the same ids.
        let outcome = import_into(&dir, &[gift("other.gift", BANK)], "id", words()).unwrap();
        assert_eq!(outcome.imported, 0);
        assert_eq!(outcome.conflicts.len(), 3);
        assert!(
            outcome.conflicts[0].2.contains("dasar-q1"),
            "{:?}",
            outcome.conflicts
        );
    }
}
