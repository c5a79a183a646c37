//! Fuzzy search over everything a pack says.
//!
//! Every text of every entry is searchable: title, aliases, English term,
//! tags, points, body, note, plus the title of its topic and the citation of
//! its source. A query is split into words; each word must match somewhere
//! in an entry (AND, in any order, possibly in different fields), and the
//! entry's row shows its best-matching field.
//!
//! Matching folds accents and case (`e` finds `é`), with smart case: a query
//! holding a capital letter is case-sensitive. `'word` or `"word` must occur
//! exactly; `"two words"` is an exact phrase.
//!
//! Ranking, best first:
//! 1. rows whose shown field matches all words, before those needing other
//!    fields of the entry;
//! 2. fields where every word occurs as written, before scattered fuzzy
//!    matches (so `konsel` ranks "konseling keluarga" in a point above a title
//!    that merely contains k‥o‥n‥s‥e‥l);
//! 3. the field kind, in the order of [`FieldKind`]: title, alias, English,
//!    tag, point, body, note, topic title, source citation;
//! 4. the fuzzy score, higher first;
//! 5. pack order.
//!
//! A query word that is exactly a point's explicit label (the law's a–f)
//! makes the hit open at that point: "pasal 3 e" lands on goal e.
//!
//! [`Searcher`] is incremental: when a query only grows (the student types
//! one more character), it looks only at the entries the previous query found,
//! and it remembers earlier steps so that backspace is cheap too. Highlights
//! are computed only when asked for, for the rows on screen
//! ([`Results::highlight`]).

mod index;
mod matching;
mod query;
#[cfg(test)]
mod reference;
mod score;
mod snippet;

use crate::content::{Entry, EntryRef, Pack};
use crate::text::{fold, fold_with_map};

use index::Index;
use query::{Query, fold_keep_case};

/// The kinds of searchable text, in ranking order (earlier ranks higher).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldKind {
    Title,
    Alias,
    English,
    Tag,
    Point,
    Body,
    Note,
    /// The title of the entry's topic; shared by all entries of the topic.
    Topic,
    /// The citation of the entry's source; shared by all entries citing it.
    Source,
}

impl FieldKind {
    const ALL: [Self; 9] = [
        Self::Title,
        Self::Alias,
        Self::English,
        Self::Tag,
        Self::Point,
        Self::Body,
        Self::Note,
        Self::Topic,
        Self::Source,
    ];

    /// A stable lower-case name, used in `--json` output.
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Alias => "alias",
            Self::English => "english",
            Self::Tag => "tag",
            Self::Point => "point",
            Self::Body => "body",
            Self::Note => "note",
            Self::Topic => "topic",
            Self::Source => "source",
        }
    }

    /// Long texts are matched word by word and shown as a snippet.
    fn is_long(self) -> bool {
        matches!(self, Self::Point | Self::Body | Self::Note | Self::Source)
    }

    /// Whether a term must match inside one word of `text`: always in long
    /// kinds of field, and in a title, alias or English term of more than
    /// `SHORT_FIELD_WORDS` words. Across the words of "social work roles in
    /// social accompaniment" nearly any short query is a scattered
    /// subsequence; a short name like "kesejahteraan sosial" still matches
    /// `kesos`.
    fn word_local(self, text: &str) -> bool {
        self.is_long()
            || text
                .split(query::is_separator)
                .filter(|w| !w.is_empty())
                .nth(SHORT_FIELD_WORDS)
                .is_some()
    }

    fn from_code(code: u32) -> Self {
        Self::ALL
            .get(code as usize)
            .copied()
            .unwrap_or(Self::Source)
    }
}

/// A title, alias or other short field of more words than this is matched
/// word by word, like a body.
const SHORT_FIELD_WORDS: usize = 4;

/// One searchable text of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    /// Index into `Entry::aliases`.
    Alias(usize),
    English,
    /// Index into `Entry::tags`.
    Tag(usize),
    /// Index into `Entry::points`.
    Point(usize),
    Body,
    Note,
    Topic,
    Source,
}

impl Field {
    pub fn kind(self) -> FieldKind {
        match self {
            Self::Title => FieldKind::Title,
            Self::Alias(_) => FieldKind::Alias,
            Self::English => FieldKind::English,
            Self::Tag(_) => FieldKind::Tag,
            Self::Point(_) => FieldKind::Point,
            Self::Body => FieldKind::Body,
            Self::Note => FieldKind::Note,
            Self::Topic => FieldKind::Topic,
            Self::Source => FieldKind::Source,
        }
    }

    /// The point index when the field is a point.
    pub fn point(self) -> Option<usize> {
        match self {
            Self::Point(i) => Some(i),
            _ => None,
        }
    }
}

/// The text of `field` of the entry at `at`, if both exist.
pub fn field_text(pack: &Pack, at: EntryRef, field: Field) -> Option<&str> {
    let entry = pack.entry(at)?;
    match field {
        Field::Topic => Some(&pack.topic(at.topic)?.title),
        Field::Source => Some(&pack.source(&entry.source)?.citation),
        _ => own_field_text(entry, field),
    }
}

/// The text of one of the entry's own fields (not its topic or source).
fn own_field_text(entry: &Entry, field: Field) -> Option<&str> {
    Some(match field {
        Field::Title => &entry.title,
        Field::Alias(i) => entry.aliases.get(i)?,
        Field::English => entry.english.as_deref()?,
        Field::Tag(i) => entry.tags.get(i)?,
        Field::Point(i) => &entry.points.get(i)?.text,
        Field::Body => &entry.body,
        Field::Note => entry.note.as_deref()?,
        Field::Topic | Field::Source => return None,
    })
}

/// One result row: an entry and the field that matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: EntryRef,
    pub field: Field,
    /// The fuzzy score of the query words matched in `field` (higher is better).
    pub score: i64,
}

/// A piece of text to show for a hit, with the chars to highlight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The field's text, or for long text a window around the match with `…`
    /// where it was cut. ASCII whitespace (newlines, tabs) became spaces.
    pub text: String,
    /// Char indices into `text` (not bytes), strictly increasing.
    pub highlights: Vec<usize>,
}

/// The ranked hits of one query. Cheap to produce; highlights are computed on
/// demand per row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    query: Query,
    hits: Vec<Hit>,
}

impl Results {
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&Hit> {
        self.hits.get(i)
    }

    /// The snippet and highlights of hit `i`. `pack` must be the pack the
    /// searcher was built from; `None` if `i` is out of range or the pack does
    /// not hold the field.
    pub fn highlight(&self, pack: &Pack, i: usize) -> Option<Snippet> {
        let hit = self.hits.get(i)?;
        let text = field_text(pack, hit.entry, hit.field)?;
        let (folded, origin) = fold_with_map(text);
        // Decided on the folded text, as the index does.
        let word_local = hit.field.kind().word_local(&folded);
        let searched = if self.query.case_sensitive {
            fold_keep_case(text)
        } else {
            folded
        };
        let groups = self
            .query
            .terms
            .iter()
            .filter_map(|term| {
                let pattern = term.pattern(self.query.case_sensitive);
                // A fresh matcher per term: a reused one can carry state
                // from the previous call (see `score`'s tests).
                matching::positions(&matching::matcher(), &searched, pattern, word_local)
            })
            .map(|found| {
                found
                    .into_iter()
                    .filter_map(|p| origin.get(p).copied())
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>();
        Some(snippet::window(text, &groups))
    }
}

/// Searches one pack, reusing the work of the previous keystrokes.
#[derive(Debug)]
pub struct Searcher {
    index: Index,
    /// Earlier queries of this typing session with the entries they matched,
    /// each narrowing the one before.
    history: Vec<Step>,
}

#[derive(Debug)]
struct Step {
    query: Query,
    /// Matching entries in pack order (indices over `Pack::entries`).
    matched: Vec<u32>,
    /// For each matched entry, its fields that may match a query refining
    /// this one (see `Query::refines`). Kept for the latest step only, to
    /// bound memory; empty otherwise.
    fields: Vec<u64>,
}

/// How many earlier keystrokes are kept for backspace.
const HISTORY: usize = 32;

impl Searcher {
    /// Builds the index: folds every text of the pack once.
    pub fn new(pack: &Pack) -> Self {
        Self {
            index: Index::new(pack),
            history: Vec::new(),
        }
    }

    /// The index in the compiled pack cache's form (postcard).
    pub(crate) fn encode_index(&self) -> Option<Vec<u8>> {
        postcard::to_allocvec(&self.index).ok()
    }

    /// A searcher over an index from [`Self::encode_index`] for `pack`;
    /// `None` for bytes that are not one, or not one of this pack.
    pub(crate) fn decode_index(bytes: &[u8], pack: &Pack) -> Option<Self> {
        match postcard::take_from_bytes::<Index>(bytes) {
            Ok((index, [])) if index.fits(pack) => Some(Self {
                index,
                history: Vec::new(),
            }),
            _ => None,
        }
    }

    /// Bytes of memory held by the index.
    pub fn index_bytes(&self) -> usize {
        self.index.heap_bytes()
    }

    /// Ranks the entries of `pack` (the pack this searcher was built from)
    /// against `input`. An empty query yields no results.
    pub fn search(&mut self, pack: &Pack, input: &str) -> Results {
        let query = Query::parse(input);
        if query.is_empty() {
            self.history.clear();
            return Results::default();
        }
        while self
            .history
            .last()
            .is_some_and(|step| !query.narrows(&step.query))
        {
            self.history.pop();
        }
        let mut ranked = if let Some(step) = self.history.last() {
            let fields = (step.fields.len() == step.matched.len() && query.refines(&step.query))
                .then_some(step.fields.as_slice());
            self.index.rank(pack, &query, &step.matched, fields)
        } else {
            let all: Vec<u32> = (0..self.index.entry_count())
                .map(|e| u32::try_from(e).unwrap_or(u32::MAX))
                .collect();
            self.index.rank(pack, &query, &all, None)
        };
        let matched = ranked.iter().map(|r| r.entry).collect();
        let fields = ranked.iter().map(|r| r.slots).collect();
        if let Some(last) = self.history.last_mut() {
            last.fields = Vec::new();
        }
        if self.history.len() == HISTORY {
            self.history.remove(0);
        }
        self.history.push(Step {
            query: query.clone(),
            matched,
            fields,
        });
        ranked.sort_unstable_by_key(|r| (r.key, r.entry));
        let hits = ranked
            .iter()
            .map(|r| {
                let entry = self.index.entry_ref(r.entry);
                let field = self.index.field(r.slot);
                Hit {
                    entry,
                    field: labelled_point(pack, entry, &query).unwrap_or(field),
                    score: i64::from(r.score),
                }
            })
            .collect();
        Results { query, hits }
    }
}

/// The point of the entry whose explicit label is a word of the query, so
/// that "pasal 3 e" opens Pasal 3 at its point e. Only explicit labels (the
/// law's a–f), not the numbers of unlabelled points: "pasal 3" must not
/// point at a third point. It changes where the hit opens, not its rank.
fn labelled_point(pack: &Pack, at: EntryRef, query: &Query) -> Option<Field> {
    let entry = pack.entry(at)?;
    if !entry.points.iter().any(|p| p.label.is_some()) {
        return None;
    }
    query.terms.iter().find_map(|term| {
        entry
            .points
            .iter()
            .position(|p| {
                p.label
                    .as_deref()
                    .is_some_and(|l| is_label(l, &term.folded))
            })
            .map(Field::Point)
    })
}

/// Whether `label` folds to `folded`, without allocating for ASCII labels
/// (whose fold is their lower case): this runs for every hit.
fn is_label(label: &str, folded: &str) -> bool {
    if label.is_ascii() {
        label.eq_ignore_ascii_case(folded)
    } else {
        fold(label) == folded
    }
}
