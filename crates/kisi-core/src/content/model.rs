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
    /// How the topic's entries are named in a question (`member`), e.g.
    /// "peran pekerja sosial" for the entries of "Peran pekerja sosial".
    pub member: Member,
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
    /// How the entry's points are named in a question (`member`). Boxed:
    /// few entries have one.
    pub member: Option<Box<Member>>,
    /// Whether the points are other entries of the topic (`overview`, or
    /// detected: see [`Topic::is_overview`]).
    pub overview: bool,
    /// Wrong options the author supplies for questions about the entry.
    pub distractors: Box<[Box<str>]>,
    /// Pairs for a matching question about the entry, e.g. port ↔ protocol.
    pub pairs: Box<[(Box<str>, Box<str>)]>,
}

/// How the members of a topic (its entries) or of a list entry (its points)
/// are named inside a question, per UI language: `id` for Indonesian, `en`
/// for English. A missing one means the neutral wording in that language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: Option<Box<str>>,
    pub en: Option<Box<str>>,
}

impl Member {
    /// The noun for the UI language `code` (`id` or `en`).
    pub fn noun(&self, lang: crate::i18n::Lang) -> Option<&str> {
        match lang {
            crate::i18n::Lang::Id => self.id.as_deref(),
            crate::i18n::Lang::En => self.en.as_deref(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.id.is_none() && self.en.is_none()
    }
}

/// One item of an entry's list of points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// An explicit label such as the law's `a`–`f`; numbered from 1 when absent.
    pub label: Option<Box<str>>,
    pub text: Box<str>,
    /// Other accepted answers for the point (`also`): spellings, short
    /// forms, surnames.
    pub also: Box<[Box<str>]>,
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

/// The form in which answers are compared: case and accents folded, only
/// letters and digits kept (the quiz's `normalize`).
pub fn answer_key(text: &str) -> String {
    // In one pass, ASCII lowered directly: `fold` and then filtering cost
    // most of loading a pack (the loader keys every point, name and option).
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else {
            key.extend(crate::text::fold_char(c).filter(|f| f.is_alphanumeric()));
        }
    }
    key
}

/// A name without its parenthesis: "Broker (perantara)" is "Broker".
fn without_parenthesis(text: &str) -> Option<String> {
    let (open, close) = (text.find('(')?, text.rfind(')')?);
    (open < close).then(|| format!("{}{}", &text[..open], &text[close + 1..]))
}

/// Least share (in quarters) of an entry's points that must name sibling
/// entries for it to be taken for an overview without `overview = true`.
const OVERVIEW_QUARTERS: usize = 3;

impl Topic {
    /// Marks as overviews the entries whose points are, in the obvious
    /// case, the topic's other entries: at least two points, and at least
    /// three quarters of them name a sibling (title, title without its
    /// parenthesis or alias, folded).
    pub fn detect_overviews(&mut self) {
        let names: Vec<Vec<String>> = self.entries.iter().map(Entry::name_keys).collect();
        for (e, entry) in self.entries.iter_mut().enumerate() {
            if entry.overview || entry.points.len() < 2 {
                continue;
            }
            let naming = entry
                .points
                .iter()
                .filter(|point| {
                    let forms = point_forms(point);
                    names
                        .iter()
                        .enumerate()
                        .any(|(o, keys)| o != e && keys.iter().any(|k| forms.contains(k)))
                })
                .count();
            entry.overview = naming >= 2 && naming * 4 >= entry.points.len() * OVERVIEW_QUARTERS;
        }
    }

    /// The entries an overview entry lists: siblings named by one of its
    /// points. Empty for an entry that is not an overview.
    pub fn members_of(&self, overview: usize) -> Vec<usize> {
        let Some(entry) = self.entries.get(overview).filter(|e| e.overview) else {
            return Vec::new();
        };
        let forms: Vec<String> = entry.points.iter().flat_map(point_forms).collect();
        self.entries
            .iter()
            .enumerate()
            .filter(|(o, other)| {
                *o != overview && other.name_keys().iter().any(|k| forms.contains(k))
            })
            .map(|(o, _)| o)
            .collect()
    }
}

/// A point's folded forms: its text, without its parenthesis, and its
/// `also`.
fn point_forms(point: &Point) -> Vec<String> {
    let text = point.item_text();
    std::iter::once(answer_key(text))
        .chain(without_parenthesis(text).map(|t| answer_key(&t)))
        .chain(point.also.iter().map(|a| answer_key(a)))
        .filter(|k| !k.is_empty())
        .collect()
}

impl Entry {
    /// The entry's names, folded: title, title without its parenthesis, the
    /// part after a colon ("Sila pertama: Ketuhanan Yang Maha Esa") and
    /// aliases.
    pub fn name_keys(&self) -> Vec<String> {
        let after_colon = self.title.split_once(':').map(|(_, tail)| answer_key(tail));
        std::iter::once(answer_key(&self.title))
            .chain(without_parenthesis(&self.title).map(|t| answer_key(&t)))
            .chain(after_colon)
            .chain(self.aliases.iter().map(|a| answer_key(a)))
            .filter(|k| !k.is_empty())
            .collect()
    }

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
            also: Box::default(),
        };
        point.item_text().to_owned()
    }

    fn entry(title: &str, points: &[&str]) -> super::Entry {
        super::Entry {
            id: title.into(),
            title: title.into(),
            body: "b".into(),
            points: points
                .iter()
                .map(|p| Point {
                    label: None,
                    text: (*p).into(),
                    also: Box::default(),
                })
                .collect(),
            ordered: false,
            aliases: Box::default(),
            tags: Box::default(),
            english: None,
            source: "s".into(),
            locator: None,
            note: None,
            see_also: Box::default(),
            member: None,
            overview: false,
            distractors: Box::default(),
            pairs: Box::default(),
        }
    }

    #[test]
    fn an_entry_listing_its_siblings_is_an_overview() {
        let mut topic = super::Topic {
            id: "t".into(),
            title: "Bidang garapan".into(),
            summary: None,
            member: super::Member::default(),
            entries: vec![
                entry(
                    "Tiga bidang",
                    &["Keluarga", "Kesehatan (rumah sakit)", "Sekolah"],
                ),
                entry("Keluarga", &["konseling"]),
                entry("Kesehatan", &["rehabilitasi"]),
                entry("Sekolah", &["bimbingan", "konseling"]),
                entry("Layanan", &["konseling", "Sekolah"]),
            ],
            questions: Vec::new(),
        };
        topic.detect_overviews();
        let overviews: Vec<bool> = topic.entries.iter().map(|e| e.overview).collect();
        // "Layanan" names one sibling of two points: not the obvious case.
        assert_eq!(overviews, [true, false, false, false, false]);
        assert_eq!(topic.members_of(0), [1, 2, 3]);
        assert!(topic.members_of(4).is_empty());
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

    proptest::proptest! {
        /// The one-pass key is the folded text's letters and digits.
        #[test]
        fn answer_key_keeps_the_folded_letters_and_digits(text in "[ -~À-ɏ\\u{300}-\\u{36F}ßﬁİ²]{0,40}") {
            let slow: String = crate::text::fold(&text).chars().filter(|c| c.is_alphanumeric()).collect();
            proptest::prop_assert_eq!(super::answer_key(&text), slow);
        }
    }
}
