//! Fuzzy search over everything a pack says.
//!
//! Every text of every entry is searchable: title, aliases, English term,
//! tags, points, body, note, plus the title and summary of its topic and the
//! citation of its source. A query is split into words; each word must match somewhere
//! in an entry (AND, in any order, possibly in different fields), and the
//! entry's row shows its best-matching field.
//!
//! Matching folds accents and case (`e` finds `é`), with smart case: a query
//! holding a capital letter is case-sensitive. `'word` or `"word` must occur
//! exactly; `"two words"` is an exact phrase. Outside quotes, punctuation is
//! dropped ("mediator?" is `mediator`) and digits stuck to letters are words
//! of their own ("pasal3" is `pasal 3`).
//!
//! Typos: a word may miss letters (`mediatr`), as a subsequence of one word
//! of the text (or, in a short name, of the starts of its words: `kesos`);
//! or have two neighbouring letters swapped, one Damerau edit (`hnadshake`,
//! `subent`), inside one word of a title, alias, English term, tag or topic
//! title of up to four words (not in bodies, points, notes, topic summaries
//! or citations); a
//! swapped match counts as scattered and scores one matched char less.
//! Quoted words get neither.
//!
//! Old Indonesian spellings: the pre-1972 (Van Ophuijsen, Soewandi)
//! digraphs oe, dj, tj, sj, ch, nj are also read as today's u, j, c, sy, kh,
//! ny ([`crate::text::spell`]), in the text and in the query alike, so
//! `sukarno` finds "Soekarno" and `soekarno` finds "Sukarno". A word matches
//! if it matches as written *or* both in today's spelling; it is never only
//! rewritten. So English is safe: `chat` still finds "chat" as written (and
//! "khat" both ways, harmlessly), and while typing, `c` or `sc` still find
//! "chat" and "school", which a one-way rewrite to `khat`, `skhool` would
//! lose. Display always keeps the pack's text; the highlight of `sukarno`
//! covers "Soekarno" with both chars of "oe". A typed digraph ("so" to
//! "soe") is searched afresh, since its spelled form changes.
//!
//! Labels: a query word that names a point of an entry (its label, or the
//! number it is shown with when it has none: "tujuan negara 3", "daftar buah
//! z") counts as matched in that entry even where its text lacks it, and
//! makes the hit open at that point ("pasal 3 e" lands on goal e). Some word
//! must still match the entry's text: "z" alone finds only texts holding z.
//! A number that is a word of the entry's title names the entry, not a point:
//! "pasal 3" opens "Pasal 3" at its title. A query holding a label is
//! narrowed from the previous keystroke only through its other words
//! ("pasal 3" looks at what "pasal" found; see [`Searcher`]).
//!
//! Ranking, best first (lexicographic; each rule only breaks the ties of
//! the ones above it):
//! 1. the entry's title tier, the best over its title, aliases and English
//!    term, compared word by word with the query's words (case, accents,
//!    punctuation and old spelling ignored): an exact title or alias ("tcp"
//!    for "TCP"); then a title starting with the query ("TCP vs UDP"; the
//!    last word may be a start); then one holding the query's words in
//!    order, each the start of one of its words;
//! 2. entries of a topic whose title holds every query word as written
//!    ("uu 11 2009" puts the UU topic's entries above glossary entries that
//!    mention the law);
//! 3. fewer query words that start no word of the title, alias or English
//!    term ("dhcp port" puts "DHCP" above "Application layer", whose body
//!    has both words);
//! 4. rows whose shown field matches all words (labels count as matched),
//!    before those needing other fields of the entry;
//! 5. fields where every word occurs as written (as typed or in today's
//!    spelling), before scattered fuzzy matches (so `konsel` ranks "konseling
//!    keluarga" in a point above a title that merely contains k‥o‥n‥s‥e‥l);
//! 6. the field kind, in the order of [`FieldKind`]: title, alias, English,
//!    tag, point, body, note, topic title, topic summary, source citation
//!    (so an entry found only through its topic's summary comes after every
//!    entry matching in a field of its own, and after those matching the
//!    topic's title);
//! 7. the fuzzy score, higher first;
//! 8. pack order.
//!
//! `reference.rs` applies these rules naively to every field of every entry
//! and a property test checks the fast search against it on every keystroke.
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

use crate::content::{Entry, EntryRef, Pack, Point};
use crate::i18n::Strings;
use crate::text::{fold, fold_with_map, spell_with_map};

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
    /// The summary of the entry's topic; shared likewise.
    Summary,
    /// The citation of the entry's source; shared by all entries citing it.
    Source,
}

impl FieldKind {
    const ALL: [Self; 10] = [
        Self::Title,
        Self::Alias,
        Self::English,
        Self::Tag,
        Self::Point,
        Self::Body,
        Self::Note,
        Self::Topic,
        Self::Summary,
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
            Self::Summary => "summary",
            Self::Source => "source",
        }
    }

    /// Long texts are matched word by word and shown as a snippet.
    fn is_long(self) -> bool {
        matches!(
            self,
            Self::Point | Self::Body | Self::Note | Self::Summary | Self::Source
        )
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
    Summary,
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
            Self::Summary => FieldKind::Summary,
            Self::Source => FieldKind::Source,
        }
    }

    /// What a search hit matched, as the results name it.
    pub fn name(self, strings: &Strings) -> &'static str {
        match self {
            Self::Title => strings.field_title,
            Self::Alias(_) => strings.field_alias,
            Self::English => strings.field_english,
            Self::Tag(_) => strings.field_tag,
            Self::Point(_) => strings.field_point,
            Self::Body => strings.field_body,
            Self::Note => strings.field_note,
            Self::Topic => strings.field_topic,
            Self::Summary => strings.field_summary,
            Self::Source => strings.field_source,
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
        Field::Summary => pack.topic(at.topic)?.summary.as_deref(),
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
        Field::Topic | Field::Summary | Field::Source => return None,
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
        let spelled = spell_with_map(&searched);
        let origin_len = searched.chars().count();
        let groups = self
            .query
            .terms
            .iter()
            .filter_map(|term| {
                let case = self.query.case_sensitive;
                // A fresh matcher per term: a reused one can carry state
                // from the previous call (see `score`'s tests).
                let direct = || {
                    matching::positions(
                        &matching::matcher(),
                        &searched,
                        term.pattern(case),
                        word_local,
                    )
                };
                // Else in today's spelling, mapped back onto `searched`.
                let respelled = || {
                    let (text, origin) = &spelled;
                    let pattern = term.spelled_pattern(case);
                    let found =
                        matching::positions(&matching::matcher(), text, pattern, word_local)?;
                    // A char written for a digraph ("u" for "oe") covers
                    // every char up to where the next one came from.
                    let mut found: Vec<usize> = found
                        .into_iter()
                        .filter_map(|p| {
                            let from = *origin.get(p)?;
                            let next = origin.get(p + 1).copied().unwrap_or(origin_len);
                            Some(from..next.max(from + 1))
                        })
                        .flatten()
                        .collect();
                    found.dedup();
                    Some(found)
                };
                if term.exact {
                    direct()
                } else {
                    direct().or_else(respelled)
                }
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
        self.search_unless(pack, input, &|| false)
            .unwrap_or_default()
    }

    /// [`Self::search`], given up (`None`) as soon as `cancelled` says so:
    /// the TUI's search thread stops a search once a newer query has come.
    /// A search given up adds no step to the typing session (results never
    /// depend on the steps kept, only its speed does).
    pub fn search_unless(
        &mut self,
        pack: &Pack,
        input: &str,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        let query = Query::parse(input);
        if query.is_empty() {
            self.history.clear();
            return Some(Results::default());
        }
        while self
            .history
            .last()
            .is_some_and(|step| !query.narrows(&step.query))
        {
            self.history.pop();
        }
        // Only terms that are no point label can stand for an earlier term.
        let labels = self.index.label_terms(&query);
        let base = self
            .history
            .last()
            .filter(|step| labels == 0 || query.narrows_without(&step.query, labels));
        let mut ranked = if let Some(step) = base {
            let fields = (step.fields.len() == step.matched.len() && query.refines(&step.query))
                .then_some(step.fields.as_slice());
            self.index
                .rank(pack, &query, &step.matched, fields, cancelled)?
        } else {
            let all: Vec<u32> = (0..self.index.entry_count())
                .map(|e| u32::try_from(e).unwrap_or(u32::MAX))
                .collect();
            self.index.rank(pack, &query, &all, None, cancelled)?
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
                    // No term is a label anywhere in the pack: none names a point.
                    field: (labels != 0)
                        .then(|| labelled_point(pack, entry, &query))
                        .flatten()
                        .unwrap_or(field),
                    score: i64::from(r.score),
                }
            })
            .collect();
        Some(Results { query, hits })
    }
}

/// The point of the entry named by a word of the query, so that "pasal 3 e"
/// opens Pasal 3 at its point e and "tujuan negara 3" the third goal: see
/// [`is_point_label`]. The first word naming a point wins. A number that is
/// a word of the title names the entry, not a point: "pasal 3" opens "Pasal
/// 3" at its title even when its points are unlabelled.
fn labelled_point(pack: &Pack, at: EntryRef, query: &Query) -> Option<Field> {
    let entry = pack.entry(at)?;
    query.terms.iter().find_map(|term| {
        let point = entry
            .points
            .iter()
            .enumerate()
            .position(|(i, p)| is_point_label(p, i, &term.folded))?;
        let numbers_title = entry.points[point].label.is_none()
            && query::split_punctuation(&fold(&entry.title)).any(|w| w == term.folded);
        (!numbers_title).then_some(Field::Point(point))
    })
}

/// Whether a folded query word names point `index`: it is the point's label,
/// or, for a point without one, its 1-based number (the number it is shown
/// with). "Pasal 3" of a law whose points are a–f has no point "3".
pub(crate) fn is_point_label(point: &Point, index: usize, folded: &str) -> bool {
    match point.label.as_deref() {
        Some(label) => is_label(label, folded),
        None => {
            !folded.starts_with('0')
                && folded.bytes().all(|b| b.is_ascii_digit())
                && folded.parse::<usize>() == Ok(index + 1)
        }
    }
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
