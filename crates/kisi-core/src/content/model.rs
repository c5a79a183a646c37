//! The content model: a pack holds topics, a topic holds entries.
//!
//! This is what the rest of kisi works with once a pack has been loaded and
//! validated (see `load`). Nothing here knows about TOML or the terminal.

use std::fmt::Write as _;

use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

/// A whole study pack: the manifest (`pack.toml`) and its topics in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    pub meta: PackMeta,
    pub sources: Vec<Source>,
    pub topics: Vec<Topic>,
    /// The `[exam]` table of `pack.toml`: how a mock exam of this pack is
    /// made. `None` means the default blueprint.
    pub exam: Option<ExamSpec>,
}

/// The `[exam]` table of `pack.toml`. Every field is optional; what is
/// missing has a default. The loader accepts only a spec that keeps the
/// rules below, so a blueprint can always be made from a loaded pack.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ExamSpec {
    /// How many questions the exam has in all, in `QUESTIONS`.
    pub questions: Option<usize>,
    /// In `TIME_LIMIT_MINUTES`.
    pub time_limit_minutes: Option<u32>,
    /// The score, in percent, needed to pass, in `PASS_MARK`.
    pub pass_mark: Option<u8>,
    /// Fixed numbers of questions for some topics (`[[exam.topics]]`), each
    /// topic at most once and at least one question. They add up to at most
    /// the total; the topics not listed share the rest in proportion to
    /// their entries, so when every topic is listed they add up to exactly
    /// the total.
    pub topics: Vec<ExamTopic>,
}

impl ExamSpec {
    pub const DEFAULT_QUESTIONS: usize = 20;
    pub const DEFAULT_TIME_LIMIT_MINUTES: u32 = 30;
    pub const DEFAULT_PASS_MARK: u8 = 70;
    pub const QUESTIONS: RangeInclusive<usize> = 1..=200;
    pub const TIME_LIMIT_MINUTES: RangeInclusive<u32> = 1..=600;
    pub const PASS_MARK: RangeInclusive<u8> = 1..=100;

    /// The number of questions in all, with the default.
    pub fn total(&self) -> usize {
        self.questions.unwrap_or(Self::DEFAULT_QUESTIONS)
    }
}

/// One `[[exam.topics]]` item: how many questions to draw from a topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamTopic {
    /// Id of a topic of the pack.
    pub topic: String,
    pub questions: usize,
}

/// The `[pack]` table of `pack.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackMeta {
    /// Stable id of the pack; progress is stored per pack id.
    pub id: String,
    pub title: String,
    /// BCP 47 language tag of the material, e.g. `id` or `en`.
    pub language: String,
    pub version: String,
    pub description: String,
    pub authors: Vec<String>,
}

/// A `[[sources]]` item of `pack.toml`: a work that entries cite by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    /// The full citation as a student would write it in a bibliography.
    pub citation: String,
    pub url: Option<String>,
}

/// One topic file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub entries: Vec<Entry>,
    /// Quiz questions written by hand for this topic (`[[questions]]`).
    pub questions: Vec<AuthoredQuestion>,
}

/// One entry of a topic: the unit a student reads, searches and is quizzed on.
///
/// Texts are `Box<str>` and lists boxed slices: a loaded entry never grows,
/// and a pack of 100,000 entries holds millions of them, so the 8 bytes of
/// capacity each `String` or `Vec` would carry add up (≈ 20 MB there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique across the whole pack and stable across edits.
    pub id: Box<str>,
    pub title: Box<str>,
    pub body: Box<str>,
    pub points: Box<[Point]>,
    /// Whether the order of `points` is part of the material (e.g. Pasal 3 a–f).
    pub ordered: bool,
    pub aliases: Box<[Box<str>]>,
    pub tags: Box<[Box<str>]>,
    /// The English term, for students who read English textbooks.
    pub english: Option<Box<str>>,
    /// Id of a `Source` of the pack.
    pub source: Box<str>,
    /// Where in the source: a page, an article, a section.
    pub locator: Option<Box<str>>,
    /// A note for the student, e.g. where the pack corrects a secondary source.
    pub note: Option<Box<str>>,
    /// Ids of related entries.
    pub see_also: Box<[Box<str>]>,
}

/// One item of an entry's list of points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// An explicit label such as the law's `a`–`f`; numbered from 1 when absent.
    pub label: Option<Box<str>>,
    pub text: Box<str>,
}

/// A quiz question written by hand in a topic file, tied to the entry it tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoredQuestion {
    /// Unique within the pack; used to avoid asking it twice.
    pub id: String,
    /// Id of the entry the question tests; a wrong answer links back to it.
    pub entry: String,
    pub prompt: String,
    pub kind: AuthoredKind,
    pub explanation: Option<String>,
}

/// The answer format of an [`AuthoredQuestion`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthoredKind {
    /// Multiple choice; `correct` indexes `options`. Without `shuffle` the
    /// options keep the written order (ordinals, "all of the above").
    Choice {
        options: Vec<String>,
        correct: usize,
        shuffle: bool,
    },
    /// Select all that apply: the options at `correct` (at least one,
    /// ascending) are right, the others wrong.
    SelectAll {
        options: Vec<String>,
        correct: Vec<usize>,
        shuffle: bool,
    },
    TrueFalse {
        answer: bool,
    },
    /// A typed answer; any of `answers` is accepted (with the usual tolerance).
    Typed {
        answers: Vec<String>,
    },
    /// Match each left side with its right side; shown shuffled.
    Matching {
        pairs: Vec<(String, String)>,
    },
    /// Put `items`, written in the right order, in order.
    Ordering {
        items: Vec<String>,
    },
    /// Name every one of `items`, in any order; the prompt is the author's.
    ListAll {
        items: Vec<String>,
    },
}

/// Where an entry sits in a pack: indices into `topics` and `entries`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryRef {
    pub topic: usize,
    pub entry: usize,
}

impl Point {
    /// The label shown before the point: the explicit label, or its 1-based number.
    pub fn display_label(&self, index: usize) -> String {
        self.label
            .as_deref()
            .map_or_else(|| (index + 1).to_string(), str::to_owned)
    }

    /// The text on its own, without what joins it to the rest of its list:
    /// the law's "…kemandirian;", "…berkelanjutan; dan" and "…bencana;
    /// dan/atau" become "…kemandirian", "…berkelanjutan" and "…bencana". A
    /// quiz shows items this way, so
    /// that their punctuation does not give their order away.
    pub fn item_text(&self) -> &str {
        let mut text = self.text.trim_end();
        for conjunction in [
            " dan/atau",
            " dan",
            " atau",
            " serta",
            " and/or",
            " and",
            " or",
        ] {
            if let Some(head) = text.strip_suffix(conjunction)
                && head.ends_with([';', ','])
            {
                text = head;
                break;
            }
        }
        text.trim_end_matches([';', ',', '.', ':']).trim_end()
    }
}

impl Entry {
    /// A key for point `index` that survives rewording: the label when there is
    /// one, otherwise the 1-based position. Progress is stored against it.
    pub fn point_key(&self, index: usize) -> String {
        let mut key = String::new();
        self.write_point_key(index, &mut key);
        key
    }

    /// [`Self::point_key`] into a buffer the caller reuses, for loops over
    /// every item of a large pack.
    pub fn write_point_key(&self, index: usize, key: &mut String) {
        key.clear();
        key.push_str(&self.id);
        key.push('#');
        match self.points.get(index).and_then(|p| p.label.as_deref()) {
            Some(label) => key.push_str(label),
            None => {
                let _ = write!(key, "{}", index + 1);
            }
        }
    }
}

impl Pack {
    /// Bytes of text the entries hold (titles, bodies, points, aliases, tags,
    /// English terms, notes): what the search index's size is measured
    /// against.
    pub fn entry_text_bytes(&self) -> usize {
        self.entries()
            .map(|(_, e)| {
                let lists = e.aliases.iter().chain(&e.tags).map(|t| t.len());
                e.title.len()
                    + e.body.len()
                    + e.points.iter().map(|p| p.text.len()).sum::<usize>()
                    + lists.sum::<usize>()
                    + e.english.as_ref().map_or(0, |t| t.len())
                    + e.note.as_ref().map_or(0, |t| t.len())
            })
            .sum()
    }

    pub fn entry_count(&self) -> usize {
        self.topics.iter().map(|t| t.entries.len()).sum()
    }

    pub fn point_count(&self) -> usize {
        self.entries().map(|(_, e)| e.points.len()).sum()
    }

    /// Every entry in pack order with its position.
    pub fn entries(&self) -> impl Iterator<Item = (EntryRef, &Entry)> {
        self.topics.iter().enumerate().flat_map(|(t, topic)| {
            topic
                .entries
                .iter()
                .enumerate()
                .map(move |(e, entry)| (EntryRef { topic: t, entry: e }, entry))
        })
    }

    pub fn entry(&self, at: EntryRef) -> Option<&Entry> {
        self.topics.get(at.topic)?.entries.get(at.entry)
    }

    pub fn topic(&self, index: usize) -> Option<&Topic> {
        self.topics.get(index)
    }

    /// Finds an entry by its id.
    pub fn find_entry(&self, id: &str) -> Option<EntryRef> {
        self.entries().find(|(_, e)| &*e.id == id).map(|(at, _)| at)
    }

    pub fn find_topic(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The entry's source as a student would cite it, with the locator
    /// (page, article) after the citation.
    pub fn citation(&self, entry: &Entry) -> String {
        let citation = self
            .source(&entry.source)
            .map_or(&*entry.source, |s| s.citation.as_str());
        match &entry.locator {
            Some(locator) => format!("{citation} ({locator})"),
            None => citation.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Point;

    fn item(text: &str) -> String {
        let point = Point {
            label: None,
            text: text.into(),
        };
        point.item_text().to_owned()
    }

    #[test]
    fn item_text_drops_what_joins_the_item_to_its_list() {
        assert_eq!(
            item("memulihkan fungsi sosial dalam rangka mencapai kemandirian;"),
            "memulihkan fungsi sosial dalam rangka mencapai kemandirian"
        );
        assert_eq!(
            item("secara melembaga dan berkelanjutan; dan"),
            "secara melembaga dan berkelanjutan"
        );
        assert_eq!(item("usaha."), "usaha");
        assert_eq!(item("korban bencana; dan/atau"), "korban bencana");
        assert_eq!(item("fasilitator, atau "), "fasilitator");
        // "dan" inside the text, or not after a separator, stays.
        assert_eq!(item("kesejahteraan dan"), "kesejahteraan dan");
        assert_eq!(item("hak dan kewajiban"), "hak dan kewajiban");
    }
}
