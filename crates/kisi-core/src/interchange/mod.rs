//! Material in and out of kisi's own format: question banks and flashcards
//! from other tools are read into [`Parsed`] items (`gift`, `aiken`,
//! `cards`), which `write` merges into a pack folder; `export` and `sheet`
//! write a loaded pack out again (Anki, GIFT, a printable kisi-kisi).
//!
//! Nothing here prints: the command line (`src/cli/import.rs`,
//! `src/cli/export.rs`) shows the reports.

pub mod aiken;
pub mod cards;
pub mod export;
pub mod gift;
pub mod html;
pub mod sheet;
pub mod write;

use std::collections::HashMap;

use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::i18n::{InterchangeWords, Lang};
use crate::quiz::grade::normalize;
use crate::quiz::wording::fill;
use crate::text::fold;

/// What one import file holds, ready to be merged into a pack.
#[derive(Debug)]
pub struct Parsed {
    /// The format, as named in citations: "Moodle GIFT", "Aiken", ...
    pub format: &'static str,
    pub items: Vec<Item>,
    /// Topics in the order the items first use them.
    pub topics: Vec<TopicInfo>,
    /// Items that were read but are not imported, and why.
    pub skipped: Vec<Notice>,
    /// What an imported item lost on the way (partial credit, ...).
    pub notes: Vec<Notice>,
    /// Malformed constructs: those items are not imported.
    pub diagnostics: Vec<Diagnostic>,
    /// The file's text, for showing the diagnostics.
    pub file: SourceFile,
    /// The first item of each key, while reading.
    pub(crate) keys: Keys,
}

/// A place in the import file and what is said of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub line: usize,
    pub column: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicInfo {
    pub id: String,
    pub title: String,
}

/// One item found: it becomes an entry, and a question when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Index into [`Parsed::topics`].
    pub topic: usize,
    /// Stable across imports of the same file: from the item's name, or its
    /// text. The entry's id is the topic's id, `-`, this key.
    pub key: String,
    pub title: String,
    /// The entry's text; `None` for a question, whose entry text is made
    /// from the question and its answer.
    pub body: Option<String>,
    pub tags: Vec<String>,
    pub question: Option<ItemQuestion>,
    /// 1-based line in the import file, kept as the entry's locator.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemQuestion {
    pub prompt: String,
    pub answer: Answer,
    pub explanation: Option<String>,
}

/// The answer of an imported question, in kisi's terms.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// `correct` indexes `options`. `several`: select all that apply.
    /// `shuffle`: false when an option refers to the others ("all of the
    /// above").
    Choice {
        options: Vec<String>,
        correct: Vec<usize>,
        several: bool,
        shuffle: bool,
    },
    TrueFalse(bool),
    Typed(Vec<String>),
    Matching(Vec<(String, String)>),
}

impl Answer {
    /// The right answer as a line of text, for the entry that holds it.
    pub fn summary(&self, lang: Lang) -> String {
        let quiz = lang.quiz_words();
        match self {
            Answer::Choice {
                options, correct, ..
            } => correct
                .iter()
                .filter_map(|&i| options.get(i).map(String::as_str))
                .collect::<Vec<_>>()
                .join("; "),
            Answer::TrueFalse(true) => quiz.true_word.to_owned(),
            Answer::TrueFalse(false) => quiz.false_word.to_owned(),
            Answer::Typed(answers) => answers.join(" / "),
            Answer::Matching(pairs) => pairs
                .iter()
                .map(|(left, right)| format!("{left} → {right}"))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// Why a question cannot be a kisi question as it is, if it cannot: the
/// rules the loader applies to options and answers.
pub(crate) fn unfit(answer: &Answer, words: &InterchangeWords) -> Option<String> {
    let texts: Vec<&str> = match answer {
        Answer::Choice { options, .. } => {
            if !(2..=6).contains(&options.len()) {
                let count = options.len().to_string();
                return Some(fill(words.skip_options_count, &[("count", &count)]));
            }
            let mut seen: Vec<String> = options.iter().map(|o| normalize(o)).collect();
            seen.sort_unstable();
            if seen.windows(2).any(|w| w[0] == w[1]) {
                return Some(words.skip_options_alike.to_owned());
            }
            options.iter().map(String::as_str).collect()
        }
        Answer::TrueFalse(_) => Vec::new(),
        Answer::Typed(answers) => answers.iter().map(String::as_str).collect(),
        Answer::Matching(pairs) => pairs
            .iter()
            .flat_map(|(l, r)| [l.as_str(), r.as_str()])
            .collect(),
    };
    texts
        .iter()
        .any(|t| normalize(t).is_empty())
        .then(|| words.skip_no_letter.to_owned())
}

/// Whether the options must keep their order: one of them refers to the
/// others by place ("all of the above", "A dan B").
pub(crate) fn keeps_order(options: &[String]) -> bool {
    options.iter().any(|option| {
        let folded = fold(option);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let text = words.join(" ");
        [
            "of the above",
            "semua benar",
            "semua salah",
            "semua jawaban",
            "tidak ada yang benar",
            "semua di atas",
        ]
        .iter()
        .any(|phrase| text.contains(phrase))
            || matches!(
                words.as_slice(),
                [a, "dan" | "and" | "atau" | "or", b] if a.len() == 1 && b.len() == 1
            )
    })
}

/// An id made of `text`: lower-case ASCII letters and digits, runs of
/// anything else as one `-`, at most `max` bytes.
pub fn slug(text: &str, max: usize) -> String {
    let mut id = String::new();
    for c in fold(text).chars() {
        if id.len() >= max {
            break;
        }
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_owned()
}

/// A short stable hash of `text`, for ids made of content.
pub fn short_hash(text: &str) -> String {
    format!(
        "{:06x}",
        xxhash_rust::xxh3::xxh3_64(text.as_bytes()) & 0xff_ffff
    )
}

/// The key of an item without a name: its first words and a hash of its
/// whole text, so that the same text gets the same id every time.
pub fn content_key(text: &str) -> String {
    let words: String = text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    let head = slug(&words, 48);
    if head.is_empty() {
        short_hash(text)
    } else {
        format!("{head}-{}", short_hash(text))
    }
}

/// One line of at most `max` chars, for a title.
pub fn one_line(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

/// The topic a file's items go to when it names none: the file's stem.
pub(crate) fn file_topic(name: &str) -> TopicInfo {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned());
    let id = slug(&stem, 60);
    TopicInfo {
        id: if id.is_empty() {
            "impor".to_owned()
        } else {
            id
        },
        title: one_line(&stem, 100),
    }
}

impl Parsed {
    fn empty(format: &'static str, file: SourceFile) -> Self {
        Self {
            format,
            items: Vec::new(),
            topics: Vec::new(),
            skipped: Vec::new(),
            notes: Vec::new(),
            diagnostics: Vec::new(),
            file,
            keys: Keys::new(),
        }
    }
}

/// The text of an import file, or (`None`) a diagnostic at its first byte
/// that is not UTF-8.
pub(crate) fn decode(
    name: &str,
    bytes: &[u8],
    words: &InterchangeWords,
    format: &'static str,
) -> (Option<String>, Parsed) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (
            Some(text.to_owned()),
            Parsed::empty(format, SourceFile::new(name.to_owned(), text.to_owned())),
        ),
        Err(error) => {
            let file =
                SourceFile::new(name.to_owned(), String::from_utf8_lossy(bytes).into_owned());
            let at = error.valid_up_to();
            let diagnostic = file
                .error(at..at + 1, words.not_utf8, words.label_here)
                .with_help(words.not_utf8_help);
            let mut parsed = Parsed::empty(format, file);
            parsed.diagnostics.push(diagnostic);
            (None, parsed)
        }
    }
}

/// The first char of `text` that a pack may not hold (line feeds and tabs
/// aside), as a byte offset.
pub(crate) fn first_unsafe(text: &str) -> Option<usize> {
    text.char_indices()
        .find(|&(_, c)| crate::text::is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r'))
        .map(|(i, _)| i)
}

/// Adds `topic` to `topics` unless it is there; returns its index.
pub(crate) fn topic_index(topics: &mut Vec<TopicInfo>, topic: TopicInfo) -> usize {
    topics
        .iter()
        .position(|t| t.id == topic.id)
        .unwrap_or_else(|| {
            topics.push(topic);
            topics.len() - 1
        })
}

/// Where each key of a topic is first used among the items read so far:
/// (topic, key) → index in the items. A bank of 200,000 questions was
/// compared item by item (quadratic, minutes).
pub(crate) type Keys = HashMap<(usize, String), usize>;

/// Makes `key` unique among `items` of the same topic: an item with the
/// same key but another text gets the hash of its text appended. When an
/// earlier item of `file` is the very same, why `item` is skipped. `keys`
/// indexes `items`; the caller pushes `item` when `None` is returned.
pub(crate) fn settle_key(
    items: &[Item],
    keys: &mut Keys,
    item: &mut Item,
    text: &str,
    words: &InterchangeWords,
    file: &str,
) -> Option<String> {
    let earlier = keys
        .get(&(item.topic, item.key.clone()))
        .and_then(|&at| items.get(at));
    if let Some(other) = earlier {
        if other.question == item.question && other.body == item.body {
            let line = other.line.to_string();
            return Some(fill(
                words.skip_duplicate,
                &[("file", file), ("line", &line)],
            ));
        }
        item.key = format!("{}-{}", item.key, short_hash(text));
    }
    keys.entry((item.topic, item.key.clone()))
        .or_insert(items.len());
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Soal 1: Pasal 3 (UU)", 60), "soal-1-pasal-3-uu");
        assert_eq!(slug("Émile's  café", 60), "emile-s-cafe");
        assert_eq!(slug("日本", 60), "");
        assert!(slug(&"a b ".repeat(100), 20).len() <= 20);
    }

    #[test]
    fn content_keys_are_stable_and_differ_by_text() {
        let a = content_key("Who is buried in Grant's tomb?");
        assert_eq!(a, content_key("Who is buried in Grant's tomb?"));
        assert!(a.starts_with("who-is-buried-in-grant-s-"), "{a}");
        assert_ne!(a, content_key("Who is buried in Grant's tomb? No one."));
    }

    #[test]
    fn options_that_name_the_others_keep_their_order() {
        let own = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(keeps_order(&own(&["x", "y", "All of the above"])));
        assert!(keeps_order(&own(&["x", "y", "A dan B"])));
        assert!(keeps_order(&own(&["x", "Semua benar"])));
        assert!(!keeps_order(&own(&["Jakarta", "Bandung"])));
    }

    #[test]
    fn titles_are_one_short_line() {
        assert_eq!(one_line("a\n b  c", 10), "a b c");
        assert_eq!(one_line("one two three four", 9), "one two…");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::{Parsed, aiken, cards, gift};
    use crate::i18n::Lang;

    /// Text made of the pieces of syntax the readers look for, and anything.
    fn syntax() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("{".to_owned()),
            Just("}".to_owned()),
            Just("=".to_owned()),
            Just("~".to_owned()),
            Just("#".to_owned()),
            Just("####".to_owned()),
            Just("\\".to_owned()),
            Just("::".to_owned()),
            Just("->".to_owned()),
            Just("%".to_owned()),
            Just("%50%".to_owned()),
            Just("\n".to_owned()),
            Just("\n\n".to_owned()),
            Just("//".to_owned()),
            Just("$CATEGORY:".to_owned()),
            Just("T".to_owned()),
            Just("..".to_owned()),
            Just(":".to_owned()),
            Just("[html]".to_owned()),
            Just("<b>".to_owned()),
            Just("&amp;".to_owned()),
            Just("ANSWER: A".to_owned()),
            Just("A. ".to_owned()),
            Just("\t".to_owned()),
            Just("\"".to_owned()),
            Just("#guid column:1\n".to_owned()),
            "[a-z0-9 ]{0,6}",
            any::<char>().prop_map(|c| c.to_string()),
        ];
        prop::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
    }

    fn all_readers(bytes: &[u8]) -> Vec<Parsed> {
        let words = Lang::Id.interchange_words();
        let options = cards::CardOptions {
            separator: '\t',
            format: cards::ANKI,
        };
        vec![
            gift::parse("f.gift", bytes, words),
            aiken::parse("f.txt", bytes, words),
            cards::parse("f.txt", bytes, words, options),
        ]
    }

    fn well_placed(parsed: &Parsed) -> Result<(), TestCaseError> {
        for d in &parsed.diagnostics {
            prop_assert!(d.line >= 1 && d.column >= 1, "{d:?}");
            prop_assert!(d.span.start <= parsed.file.text.len(), "{d:?}");
            prop_assert!(d.help.is_some(), "{d:?}");
        }
        for item in &parsed.items {
            prop_assert!(item.topic < parsed.topics.len());
            prop_assert!(!item.key.is_empty() && !item.title.is_empty());
            prop_assert!(item.line >= 1);
        }
        for notice in parsed.skipped.iter().chain(&parsed.notes) {
            prop_assert!(notice.line >= 1 && notice.column >= 1, "{notice:?}");
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn no_text_makes_a_reader_panic_and_every_problem_has_a_place(text in syntax()) {
            for parsed in all_readers(text.as_bytes()) {
                well_placed(&parsed)?;
            }
        }

        #[test]
        fn no_bytes_make_a_reader_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            for parsed in all_readers(&bytes) {
                well_placed(&parsed)?;
            }
        }
    }
}
