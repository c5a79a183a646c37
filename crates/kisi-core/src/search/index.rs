//! The index: every searchable text of a pack with its char mask, folded once
//! when the pack is loaded. Most texts need no folded copy: a text whose fold
//! is itself is read from the pack, and an ASCII text (whose fold is just its
//! lower case) is lowered into a buffer when it is looked at. Only the other
//! texts are folded into one string, back to back. So the index stays far
//! below the size of the pack's text.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::matching::{self, TermMatch};
use super::query::{Query, Term, char_mask, fold_keep_case, split_punctuation};
use super::score::Scorer;
use super::{Field, FieldKind, is_point_label, own_field_text};
use crate::content::{Entry, EntryRef, Pack};
use crate::text::{fold, has_old_spelling, spell};

/// One indexed text: its chars, which field it is, where its folded form is,
/// and, for a folded copy, where it starts in the arena (it ends where the
/// next slot starts). 16 bytes: a pack has millions of slots.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Slot {
    /// Byte offset; an arena past 4 GiB saturates (and its texts read empty).
    start: u32,
    mask: u64,
    /// `FieldKind` in the low 4 bits, the `Folded` code in the next 2 bits,
    /// then `WORD_LOCAL_BIT`, `OLD_SPELLING_BIT`, the alias/tag/point index
    /// above.
    tag: u32,
}

/// Where the folded form of a slot's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Folded {
    /// The text folds to itself: the pack's text is its fold.
    AsIs = 0,
    /// An ASCII text: its fold is its ASCII lower case.
    Lowered = 1,
    /// In the arena.
    Copied = 2,
}

const KIND_BITS: u32 = 4;
const FOLDED_SHIFT: u32 = KIND_BITS;
/// Set when terms must match inside one word (`FieldKind::word_local`),
/// worked out once here rather than on every keystroke.
const WORD_LOCAL_BIT: u32 = 1 << (KIND_BITS + 2);
/// Set when the folded text holds an old spelling (`text::spell` changes it).
const OLD_SPELLING_BIT: u32 = 1 << (KIND_BITS + 3);
const POSITION_SHIFT: u32 = KIND_BITS + 4;

impl Slot {
    fn kind(self) -> FieldKind {
        FieldKind::from_code(self.tag & 0xf)
    }

    fn word_local(self) -> bool {
        self.tag & WORD_LOCAL_BIT != 0
    }

    fn old_spelling(self) -> bool {
        self.tag & OLD_SPELLING_BIT != 0
    }

    fn folded(self) -> Folded {
        match self.tag >> FOLDED_SHIFT & 3 {
            0 => Folded::AsIs,
            1 => Folded::Lowered,
            _ => Folded::Copied,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct EntryInfo {
    topic: u32,
    entry: u32,
    /// Slot of the cited source's citation, `NO_SLOT` when the source is unknown.
    source_slot: u32,
    /// Chars of all the entry's texts, including its topic title and citation.
    mask: u64,
}

const NO_SLOT: u32 = u32::MAX;

/// Bit `t` set for each query term `t` that matched a slot (`found`), and
/// among them those that matched only scattered, not as written.
#[derive(Debug, Clone, Copy, Default)]
struct Checks {
    found: u64,
    scattered: u64,
}

/// A matched entry before it becomes a public `Hit`: its sort key, and which
/// slot is shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub key: u64,
    pub entry: u32,
    pub slot: u32,
    pub score: i32,
    /// The entry's slots that may match a query whose every term contains a
    /// term of this one: bit `i` for its own slot `i` (slots from
    /// `OVERFLOW_BIT` on share that bit), then its topic and its source.
    pub slots: u64,
}

const OVERFLOW_BIT: u32 = 61;
const TOPIC_BIT: u64 = 1 << 62;
const SOURCE_BIT: u64 = 1 << 63;
const ALL_SLOTS: u64 = u64::MAX;

/// A slot looked at while ranking one entry.
#[derive(Debug, Clone, Copy)]
struct Seen {
    slot: u32,
    bit: u64,
    kind: u64,
    shared: bool,
    /// Terms that occur as written.
    contiguous: u64,
    /// Terms whose chars all occur.
    possible: u64,
}

/// What scoring one slot needs, reused from slot to slot.
#[derive(Debug, Default)]
struct Buffers {
    scorer: Scorer,
    /// The folded text of a `Folded::Lowered` slot.
    lowered: String,
}

/// Buffers of one ranking thread, reused from entry to entry.
#[derive(Debug, Default)]
struct Scratch {
    buffers: Buffers,
    seen: Vec<Seen>,
    /// Slots tied for best, with the terms each matches.
    tied: Vec<(u32, u64)>,
}

/// What ranking one entry needs to know besides the index.
struct EntryContext<'a> {
    pack: &'a Pack,
    query: &'a Query,
    shared: &'a Shared,
    /// The terms that are labels of the entry's points.
    labels: u64,
    /// Looked up once: every slot of the entry reads its texts.
    entry: &'a Entry,
    all_terms: u64,
}

/// What every entry of one search shares.
#[derive(Debug)]
struct Shared {
    /// How each term matches each topic title and citation: row `slot`,
    /// column `term`.
    matches: Vec<Option<TermMatch>>,
    /// The terms that are a point label somewhere in the pack.
    labels: u64,
    /// Per topic: its title holds every term as written.
    topics: Vec<bool>,
}

impl EntryContext<'_> {
    /// Whether a slot holding `contiguous` as written wins outright: it holds
    /// every term that is not a label of the entry, and at least one such
    /// term (a query of labels alone must match some text, see `full_pass`).
    fn complete(&self, contiguous: u64) -> bool {
        let content = self.all_terms & !self.labels;
        content != 0 && contiguous & content == content
    }
}

/// Bits of the row class (`full_pass`): missing terms, scattered terms, kind.
const CLASS_BITS: u32 = 18;

/// The terms among `candidates` (bit `t` for term `t`) that name a point of
/// `entry` by its label, or by its number when it has none.
fn entry_labels(entry: &Entry, query: &Query, candidates: u64) -> u64 {
    if candidates == 0 {
        return 0;
    }
    query
        .terms
        .iter()
        .enumerate()
        .filter(|&(t, term)| {
            candidates & 1 << t != 0
                && entry
                    .points
                    .iter()
                    .enumerate()
                    .any(|(i, p)| is_point_label(p, i, &term.folded))
        })
        .fold(0, |mask, (t, _)| mask | 1 << t)
}

fn all_terms(query: &Query) -> u64 {
    u64::MAX >> (64 - query.terms.len().clamp(1, 64))
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Index {
    arena: String,
    /// Topic titles, then source citations, then each entry's own fields,
    /// then one sentinel slot marking the end of the arena.
    slots: Vec<Slot>,
    topics: usize,
    sources: usize,
    entries: Vec<EntryInfo>,
    /// Entry `i` owns `slots[entry_slots[i]..entry_slots[i + 1]]`.
    entry_slots: Vec<u32>,
    /// Every point label of the pack, folded, numbers of unlabelled points
    /// included: a query holding one is searched afresh (see
    /// [`Self::has_label`]).
    labels: BTreeSet<String>,
}

impl Index {
    pub fn new(pack: &Pack) -> Self {
        // Sized up front: a vector grown by doubling would need up to half
        // as much again while it grows.
        let entry_slots: usize = pack
            .entries()
            .map(|(_, e)| {
                2 + e.aliases.len()
                    + e.tags.len()
                    + e.points.len()
                    + usize::from(e.english.is_some())
                    + usize::from(e.note.is_some())
            })
            .sum();
        let entries = pack.entry_count();
        let mut index = Self {
            topics: pack.topics.len(),
            sources: pack.sources.len(),
            slots: Vec::with_capacity(pack.topics.len() + pack.sources.len() + entry_slots + 1),
            entries: Vec::with_capacity(entries),
            entry_slots: Vec::with_capacity(entries + 1),
            ..Self::default()
        };
        for topic in &pack.topics {
            index.push(&topic.title, FieldKind::Topic, 0);
        }
        for source in &pack.sources {
            index.push(&source.citation, FieldKind::Source, 0);
        }
        let mut most_unlabelled = 0;
        for (at, entry) in pack.entries() {
            for (i, point) in entry.points.iter().enumerate() {
                match &point.label {
                    Some(label) => {
                        index.labels.insert(fold(label));
                    }
                    None => most_unlabelled = most_unlabelled.max(i + 1),
                }
            }
            index.entry_slots.push(index.slot_count());
            index.push(&entry.title, FieldKind::Title, 0);
            for (i, alias) in entry.aliases.iter().enumerate() {
                index.push(alias, FieldKind::Alias, i);
            }
            if let Some(english) = &entry.english {
                index.push(english, FieldKind::English, 0);
            }
            for (i, tag) in entry.tags.iter().enumerate() {
                index.push(tag, FieldKind::Tag, i);
            }
            for (i, point) in entry.points.iter().enumerate() {
                index.push(&point.text, FieldKind::Point, i);
            }
            index.push(&entry.body, FieldKind::Body, 0);
            if let Some(note) = &entry.note {
                index.push(note, FieldKind::Note, 0);
            }
            let source_slot = pack
                .sources
                .iter()
                .position(|s| *s.id == *entry.source)
                .map_or(NO_SLOT, |s| to_u32(index.topics + s));
            let own = index.entry_slots[index.entry_slots.len() - 1] as usize..index.slots.len();
            let mut mask = index.slots[at.topic].mask;
            if source_slot != NO_SLOT {
                mask |= index.slots[source_slot as usize].mask;
            }
            for slot in &index.slots[own] {
                mask |= slot.mask;
            }
            index.entries.push(EntryInfo {
                topic: to_u32(at.topic),
                entry: to_u32(at.entry),
                source_slot,
                mask,
            });
        }
        index
            .labels
            .extend((1..=most_unlabelled).map(|n| n.to_string()));
        index.entry_slots.push(index.slot_count());
        index.slots.push(Slot {
            start: to_u32(index.arena.len()),
            mask: 0,
            tag: 0,
        });
        index.arena.shrink_to_fit();
        index.slots.shrink_to_fit();
        index
    }

    fn push(&mut self, text: &str, kind: FieldKind, position: usize) {
        let start = self.arena.len();
        let folded = fold(text);
        let place = if folded == text {
            Folded::AsIs
        } else if text.is_ascii() {
            Folded::Lowered
        } else {
            self.arena.push_str(&folded);
            Folded::Copied
        };
        let word_local = if kind.word_local(&folded) {
            WORD_LOCAL_BIT
        } else {
            0
        };
        // The mask holds the chars of both spellings, so that it rules out
        // only what matches neither.
        let mut mask = char_mask(&folded);
        let mut old = 0;
        if has_old_spelling(&folded) {
            mask |= char_mask(&spell(&folded));
            old = OLD_SPELLING_BIT;
        }
        self.slots.push(Slot {
            start: to_u32(start),
            mask,
            tag: kind as u32
                | (place as u32) << FOLDED_SHIFT
                | word_local
                | old
                | to_u32(position) << POSITION_SHIFT,
        });
    }

    fn slot_count(&self) -> u32 {
        to_u32(self.slots.len())
    }

    /// Whether an index read from the compiled pack cache can serve `pack`:
    /// every position it holds is inside the pack and inside the index, so
    /// that even a hostile file cannot make a search index out of bounds.
    pub fn fits(&self, pack: &Pack) -> bool {
        let slots = self.slots.len();
        let shared = self.topics + self.sources;
        let entry_refs = pack.entries().map(|(at, _)| at);
        self.topics == pack.topics.len()
            && self.sources == pack.sources.len()
            && self.entries.len() == pack.entry_count()
            && self.entry_slots.len() == self.entries.len() + 1
            && self
                .entry_slots
                .first()
                .is_some_and(|&s| s as usize == shared)
            && self
                .entry_slots
                .last()
                .is_some_and(|&s| s as usize + 1 == slots)
            && self.entry_slots.windows(2).all(|w| w[0] <= w[1])
            && self.slots.windows(2).all(|w| w[0].start <= w[1].start)
            && self
                .slots
                .last()
                .is_some_and(|s| s.start as usize <= self.arena.len())
            && self
                .slots
                .iter()
                .all(|s| self.arena.is_char_boundary(s.start as usize))
            && self.entries.iter().zip(entry_refs).all(|(info, at)| {
                info.topic as usize == at.topic
                    && info.entry as usize == at.entry
                    && (info.source_slot == NO_SLOT
                        || (self.topics..shared).contains(&(info.source_slot as usize)))
            })
    }

    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// Whether a term of `query` is the label of some point of the pack.
    /// Such a query is searched afresh rather than narrowed: a label stands
    /// for its point even where the text lacks it, so "3" may find an entry
    /// that the "3x" typed before it did not.
    pub fn has_label(&self, query: &Query) -> bool {
        self.label_terms(query) != 0
    }

    fn label_terms(&self, query: &Query) -> u64 {
        query
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| self.labels.contains(&t.folded))
            .fold(0, |mask, (t, _)| mask | 1 << t)
    }

    /// Bytes held by the index, for the memory budget in the docs and tests.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.slots.capacity() * size_of::<Slot>()
            + self.entries.capacity() * size_of::<EntryInfo>()
            + self.entry_slots.capacity() * size_of::<u32>()
    }

    pub fn entry_ref(&self, entry: u32) -> EntryRef {
        let info = self.entries[entry as usize];
        EntryRef {
            topic: info.topic as usize,
            entry: info.entry as usize,
        }
    }

    /// The field a slot stands for.
    pub fn field(&self, slot: u32) -> Field {
        let info = self.slots[slot as usize];
        let position = (info.tag >> POSITION_SHIFT) as usize;
        match info.kind() {
            FieldKind::Title => Field::Title,
            FieldKind::Alias => Field::Alias(position),
            FieldKind::English => Field::English,
            FieldKind::Tag => Field::Tag(position),
            FieldKind::Point => Field::Point(position),
            FieldKind::Body => Field::Body,
            FieldKind::Note => Field::Note,
            FieldKind::Topic => Field::Topic,
            FieldKind::Source => Field::Source,
        }
    }

    /// The folded text of a slot; `owner` is the entry owning it, `None` for
    /// shared slots. `lowered` is the buffer for an ASCII text's lower case.
    fn text<'a>(
        &'a self,
        pack: &'a Pack,
        slot: usize,
        owner: Option<&'a Entry>,
        lowered: &'a mut String,
    ) -> &'a str {
        let original = || self.original_text(pack, slot, owner).unwrap_or_default();
        match self.slots[slot].folded() {
            Folded::AsIs => original(),
            Folded::Lowered => {
                lowered.clear();
                lowered.push_str(original());
                lowered.make_ascii_lowercase();
                lowered
            }
            Folded::Copied => {
                let (start, end) = (self.slots[slot].start, self.slots[slot + 1].start);
                self.arena
                    .get(start as usize..end as usize)
                    .unwrap_or_default()
            }
        }
    }

    /// Ranks the given entries (indices in pack order) against `query`.
    /// `allowed` holds, per candidate, the slots that may match (see
    /// [`Ranked::slots`]); `None` means all of them.
    pub fn rank(
        &self,
        pack: &Pack,
        query: &Query,
        candidates: &[u32],
        allowed: Option<&[u64]>,
    ) -> Vec<Ranked> {
        const PARALLEL_FROM: usize = 2048;
        let shared = self.match_shared(pack, query);
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        if threads < 2 || candidates.len() < PARALLEL_FROM {
            return self.rank_chunk(pack, query, &shared, candidates, allowed);
        }
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = candidates
                .chunks(chunk)
                .enumerate()
                .map(|(i, part)| {
                    let allowed = allowed.and_then(|a| a.get(i * chunk..i * chunk + part.len()));
                    let shared = &shared;
                    scope.spawn(move || self.rank_chunk(pack, query, shared, part, allowed))
                })
                .collect();
            let mut ranked = Vec::with_capacity(candidates.len());
            for worker in workers {
                // A worker only panics on a bug; its part is then missing,
                // which beats taking the whole program down.
                if let Ok(part) = worker.join() {
                    ranked.extend(part);
                }
            }
            ranked
        })
    }

    /// Matches every term against the topic titles and citations once, since
    /// many entries share them.
    fn match_shared(&self, pack: &Pack, query: &Query) -> Shared {
        let mut buffers = Buffers::default();
        let all_terms = all_terms(query);
        let mut shared = Vec::with_capacity((self.topics + self.sources) * query.terms.len());
        for slot in 0..self.topics + self.sources {
            let checks = self.check_slot(pack, query, slot, None, all_terms, &mut buffers.lowered);
            for (t, term) in query.terms.iter().enumerate() {
                let matched = (checks.found & 1 << t != 0)
                    .then(|| self.score_slot(pack, query, &mut buffers, slot, None, term))
                    .flatten()
                    .map(|score| TermMatch {
                        score,
                        contiguous: checks.scattered & 1 << t == 0,
                    });
                shared.push(matched);
            }
        }
        let terms = query.terms.len();
        let topics = shared
            .chunks(terms.max(1))
            .take(self.topics)
            .map(|row| row.iter().all(|m| m.is_some_and(|m| m.contiguous)))
            .collect();
        Shared {
            matches: shared,
            labels: self.label_terms(query),
            topics,
        }
    }

    fn rank_chunk(
        &self,
        pack: &Pack,
        query: &Query,
        shared: &Shared,
        candidates: &[u32],
        allowed: Option<&[u64]>,
    ) -> Vec<Ranked> {
        let mut scratch = Scratch::default();
        candidates
            .iter()
            .enumerate()
            .filter_map(|(i, &entry)| {
                let allowed = allowed.and_then(|a| a.get(i).copied()).unwrap_or(ALL_SLOTS);
                self.rank_entry(pack, query, shared, &mut scratch, entry, allowed)
            })
            .collect()
    }

    /// The checks of a shared (topic or citation) slot, from [`Self::match_shared`].
    fn shared_checks(shared: &Shared, terms: usize, slot: u32) -> Checks {
        let row = shared
            .matches
            .get(slot as usize * terms..(slot as usize + 1) * terms);
        let mut checks = Checks::default();
        for (t, m) in row.unwrap_or_default().iter().enumerate() {
            if let Some(m) = m {
                checks.found |= 1 << t;
                checks.scattered |= u64::from(!m.contiguous) << t;
            }
        }
        checks
    }

    /// An entry matches when every term matches one of its fields (topic title
    /// and citation included). The field shown is the one that matches most
    /// terms, then most of them as written, then by kind, then by score.
    ///
    /// Checking is done in two passes. The first only looks for terms as
    /// written (a fast substring search), in kind order: the first field
    /// holding every term as written wins outright, and only fields of the
    /// same kind can tie with it. Only when there is none are the other terms
    /// checked as scattered chars. Scoring is the costly part, so only the
    /// fields tied for best are scored. `allowed` skips fields known not to
    /// match from the previous keystroke.
    fn rank_entry(
        &self,
        pack: &Pack,
        query: &Query,
        shared: &Shared,
        scratch: &mut Scratch,
        entry: u32,
        allowed: u64,
    ) -> Option<Ranked> {
        let info = self.entries.get(entry as usize)?;
        if query.is_empty() {
            return None;
        }
        let owner = pack.entry(EntryRef {
            topic: info.topic as usize,
            entry: info.entry as usize,
        })?;
        let labels = entry_labels(owner, query, shared.labels);
        let absent =
            |(t, term): (usize, &Term)| labels & 1 << t == 0 && term.mask & !info.mask != 0;
        if query.terms.iter().enumerate().any(absent) {
            return None;
        }
        let ctx = EntryContext {
            pack,
            query,
            shared,
            labels,
            entry: owner,
            all_terms: all_terms(query),
        };
        let (best_class, slots) = match self.first_pass(&ctx, scratch, entry, allowed) {
            Some(kind) => Self::outright(&ctx, scratch, kind, allowed),
            None => self.full_pass(&ctx, scratch)?,
        };
        let (slot, score) = self.score_tied(&ctx, scratch)?;
        let (tier, uncovered) = self.title_tier(&ctx, entry, &mut scratch.buffers.lowered);
        let topic = u64::from(
            !shared
                .topics
                .get(info.topic as usize)
                .copied()
                .unwrap_or(false),
        );
        let entry_class = (u64::from(tier) << 1 | topic) << 7 | u64::from(uncovered.min(127));
        // Lower sorts first; the score is flipped so that higher comes first.
        let key =
            (entry_class << CLASS_BITS | best_class) << 32 | u64::from(score.abs_diff(i32::MAX));
        Some(Ranked {
            key,
            entry,
            slot,
            score,
            slots,
        })
    }

    /// Checks the allowed slots of `entry` for terms as written, in kind
    /// order, into `scratch.seen`. Returns the kind of the first slot holding
    /// every term as written, having stopped at the next kind.
    fn first_pass(
        &self,
        ctx: &EntryContext<'_>,
        scratch: &mut Scratch,
        entry: u32,
        allowed: u64,
    ) -> Option<u64> {
        let info = self.entries.get(entry as usize)?;
        let first = self.entry_slots[entry as usize];
        let own = (first..self.entry_slots[entry as usize + 1])
            .map(|s| (s, 1u64 << (s - first).min(OVERFLOW_BIT), false));
        let slots = own.chain([
            (info.topic, TOPIC_BIT, true),
            (info.source_slot, SOURCE_BIT, true),
        ]);
        let terms = ctx.query.terms.len();
        scratch.seen.clear();
        let mut top_kind = None;
        for (slot, bit, is_shared) in slots {
            if slot == NO_SLOT || allowed & bit == 0 {
                continue;
            }
            let kind = self.slots[slot as usize].kind() as u64;
            if top_kind.is_some_and(|top| top < kind) {
                break;
            }
            let (contiguous, possible) = if is_shared {
                let checks = Self::shared_checks(ctx.shared, terms, slot);
                (checks.found & !checks.scattered, checks.found)
            } else {
                let lowered = &mut scratch.buffers.lowered;
                self.contiguous(ctx.pack, ctx.query, slot as usize, ctx.entry, lowered)
            };
            if ctx.complete(contiguous) && top_kind.is_none() {
                top_kind = Some(kind);
            }
            scratch.seen.push(Seen {
                slot,
                bit,
                kind,
                shared: is_shared,
                contiguous,
                possible,
            });
        }
        top_kind
    }

    /// A slot of `kind` holds every term as written: the slots tied with it
    /// are those of the same kind that do too. Returns the class and the
    /// slots that may match a longer query.
    fn outright(
        ctx: &EntryContext<'_>,
        scratch: &mut Scratch,
        kind: u64,
        allowed: u64,
    ) -> (u64, u64) {
        scratch.tied.clear();
        let mut cannot = 0;
        let mut can = 0;
        for seen in &scratch.seen {
            if ctx.complete(seen.contiguous) {
                scratch.tied.push((seen.slot, ctx.all_terms));
            }
            if seen.possible == 0 {
                cannot |= seen.bit;
            } else {
                can |= seen.bit;
            }
        }
        // Slots not reached, or checked only for terms as written, may still
        // match a longer query.
        (kind, allowed & !(cannot & !can))
    }

    /// No slot holds every term as written: checks the rest of the terms as
    /// scattered chars and ranks every slot. Returns the best class and the
    /// slots that matched, or `None` if some term matches nowhere.
    fn full_pass(&self, ctx: &EntryContext<'_>, scratch: &mut Scratch) -> Option<(u64, u64)> {
        let terms = ctx.query.terms.len();
        let mut found = 0u64;
        let mut matched_slots = 0;
        // Rank of a slot before scoring: missing terms, scattered terms, kind.
        let mut best_class = u64::MAX;
        scratch.tied.clear();
        for seen in &scratch.seen {
            let rest = seen.possible & !seen.contiguous;
            let checks = if seen.shared {
                Self::shared_checks(ctx.shared, terms, seen.slot)
            } else if rest == 0 {
                Checks {
                    found: seen.contiguous,
                    scattered: 0,
                }
            } else {
                let slot = seen.slot as usize;
                let lowered = &mut scratch.buffers.lowered;
                let rest =
                    self.check_slot(ctx.pack, ctx.query, slot, Some(ctx.entry), rest, lowered);
                Checks {
                    found: seen.contiguous | rest.found,
                    scattered: rest.scattered,
                }
            };
            let here = checks.found;
            if here == 0 {
                continue;
            }
            matched_slots |= seen.bit;
            found |= here;
            let missing = u64::from((ctx.all_terms & !(here | ctx.labels)).count_ones());
            let scattered = u64::from((checks.scattered & !ctx.labels).count_ones());
            let class = missing << 11 | scattered << 4 | seen.kind;
            if class < best_class {
                best_class = class;
                scratch.tied.clear();
            }
            if class == best_class {
                scratch.tied.push((seen.slot, here));
            }
        }
        (found | ctx.labels == ctx.all_terms).then_some((best_class, matched_slots))
    }

    /// Scores the tied slots; the first with the highest score wins.
    fn score_tied(&self, ctx: &EntryContext<'_>, scratch: &mut Scratch) -> Option<(u32, i32)> {
        let terms = ctx.query.terms.len();
        let mut best: Option<(u32, i32)> = None;
        for &(slot, here) in &scratch.tied {
            let mut score = 0i64;
            for (t, term) in ctx.query.terms.iter().enumerate() {
                if here & 1 << t == 0 {
                    continue;
                }
                let matched = if slot < self.first_entry_slot() {
                    ctx.shared
                        .matches
                        .get(slot as usize * terms + t)
                        .copied()
                        .flatten()
                        .map(|m| m.score)
                } else {
                    let slot = slot as usize;
                    let buffers = &mut scratch.buffers;
                    self.score_slot(ctx.pack, ctx.query, buffers, slot, Some(ctx.entry), term)
                };
                score += i64::from(matched.unwrap_or_default());
            }
            let score = i32::try_from(score).unwrap_or(i32::MAX);
            if best.is_none_or(|(_, top)| score > top) {
                best = Some((slot, score));
            }
        }
        best
    }

    /// Slots below this are the shared topic and source slots.
    fn first_entry_slot(&self) -> u32 {
        to_u32(self.topics + self.sources)
    }

    /// Which terms occur as written in one of an entry's own slots (as
    /// [`matching::check`] giving `Some(true)`), and which pass the char mask
    /// and so might match scattered.
    fn contiguous(
        &self,
        pack: &Pack,
        query: &Query,
        slot: usize,
        owner: &Entry,
        lowered: &mut String,
    ) -> (u64, u64) {
        let info = self.slots[slot];
        let possible = query
            .terms
            .iter()
            .enumerate()
            .filter(|(_, term)| term.mask & !info.mask == 0)
            .fold(0, |possible, (t, _)| possible | 1 << t);
        if possible == 0 {
            return (0, 0);
        }
        let word_local = info.word_local();
        let text = self.text(pack, slot, Some(owner), lowered);
        let mut cased: Option<Option<String>> = None;
        let mut spelled: Option<String> = None;
        let mut contiguous = 0;
        for (t, term) in query.terms.iter().enumerate() {
            if possible & 1 << t == 0 {
                continue;
            }
            let pattern = term.pattern(false);
            let found = if query.case_sensitive {
                matching::check(text, pattern, word_local).is_some() && {
                    let original = cased.get_or_insert_with(|| {
                        self.original_text(pack, slot, Some(owner))
                            .map(fold_keep_case)
                    });
                    original.as_deref().is_some_and(|text| {
                        matching::contains(text, term.pattern(true), word_local)
                    })
                }
            } else {
                matching::contains(text, pattern, word_local)
            };
            let found = found
                || self.spelled_applies(slot, term) && {
                    let spelled = spelled.get_or_insert_with(|| {
                        self.spelled_text(pack, slot, Some(owner), text, query.case_sensitive)
                    });
                    let pattern = term.spelled_pattern(query.case_sensitive);
                    matching::contains(spelled, pattern, word_local)
                };
            if found {
                contiguous |= 1 << t;
            }
        }
        (contiguous, possible)
    }

    /// Checks the terms in `terms` (bit `t` for term `t`) against one slot.
    /// `owner` is the entry owning the slot, `None` for shared slots.
    fn check_slot(
        &self,
        pack: &Pack,
        query: &Query,
        slot: usize,
        owner: Option<&Entry>,
        terms: u64,
        lowered: &mut String,
    ) -> Checks {
        let info = self.slots[slot];
        let word_local = info.word_local();
        let text = self.text(pack, slot, owner, lowered);
        // Smart case: the folded text has lost case, so terms that match it
        // are checked again against the original folded with its case kept.
        let mut cased: Option<Option<String>> = None;
        let mut spelled: Option<String> = None;
        let mut checks = Checks::default();
        for (t, term) in query.terms.iter().enumerate() {
            if terms & 1 << t == 0 {
                continue;
            }
            let mut found = None;
            if term.mask & !info.mask == 0 {
                found = matching::check(text, term.pattern(false), word_local);
            }
            if found.is_some() && query.case_sensitive {
                let original = cased.get_or_insert_with(|| {
                    self.original_text(pack, slot, owner).map(fold_keep_case)
                });
                found = original
                    .as_deref()
                    .and_then(|text| matching::check(text, term.pattern(true), word_local));
            }
            if found != Some(true)
                && term.mask & !info.mask == 0
                && self.spelled_applies(slot, term)
            {
                let spelled = spelled.get_or_insert_with(|| {
                    self.spelled_text(pack, slot, owner, text, query.case_sensitive)
                });
                let pattern = term.spelled_pattern(query.case_sensitive);
                found = match matching::check(spelled, pattern, word_local) {
                    Some(true) => Some(true),
                    other => found.or(other),
                };
            }
            if let Some(contiguous) = found {
                checks.found |= 1 << t;
                checks.scattered |= u64::from(!contiguous) << t;
            }
        }
        checks
    }

    fn score_slot(
        &self,
        pack: &Pack,
        query: &Query,
        buffers: &mut Buffers,
        slot: usize,
        owner: Option<&Entry>,
        term: &Term,
    ) -> Option<i32> {
        let Buffers { scorer, lowered } = buffers;
        let word_local = self.slots[slot].word_local();
        let pattern = term.pattern(query.case_sensitive);
        let text = self.text(pack, slot, owner, lowered);
        let direct = if query.case_sensitive {
            let original = fold_keep_case(self.original_text(pack, slot, owner)?);
            matching::score(scorer, &original, pattern, word_local)
        } else {
            matching::score(scorer, text, pattern, word_local)
        };
        if !self.spelled_applies(slot, term) {
            return direct;
        }
        let spelled = self.spelled_text(pack, slot, owner, text, query.case_sensitive);
        let other = matching::score(
            scorer,
            &spelled,
            term.spelled_pattern(query.case_sensitive),
            word_local,
        );
        direct.max(other)
    }

    /// Whether `term` may match a slot differently in today's spelling than
    /// as written: it or the slot's text holds an old spelling.
    fn spelled_applies(&self, slot: usize, term: &Term) -> bool {
        !term.exact && (term.spelled.is_some() || self.slots[slot].old_spelling())
    }

    /// The text of a slot in today's spelling, in the query's case mode;
    /// `folded` is its folded text.
    fn spelled_text(
        &self,
        pack: &Pack,
        slot: usize,
        owner: Option<&Entry>,
        folded: &str,
        case_sensitive: bool,
    ) -> String {
        let base = if case_sensitive {
            self.original_text(pack, slot, owner)
                .map(fold_keep_case)
                .unwrap_or_default()
        } else {
            folded.to_owned()
        };
        if self.slots[slot].old_spelling() {
            spell(&base)
        } else {
            base
        }
    }

    /// How the entry's title, aliases and English term compare with the
    /// query's words, the best of them: see [`name_tier`].
    fn title_tier(&self, ctx: &EntryContext<'_>, entry: u32, lowered: &mut String) -> (u8, u32) {
        let first = self.entry_slots[entry as usize] as usize;
        let end = self.entry_slots[entry as usize + 1] as usize;
        let mut best = (NO_TIER, u32::MAX);
        for slot in first..end {
            let info = self.slots[slot];
            if info.kind() > FieldKind::English {
                break;
            }
            // Most names share no word with the query: their mask tells.
            if !ctx.query.word_masks.iter().any(|m| m & !info.mask == 0) {
                let words = u32::try_from(ctx.query.words.len()).unwrap_or(u32::MAX);
                best = best.min((NO_TIER, words));
                continue;
            }
            let text = self.text(ctx.pack, slot, Some(ctx.entry), lowered);
            best = best.min(name_tier(ctx.query, text, info.old_spelling()));
        }
        best
    }

    fn original_text<'p>(
        &self,
        pack: &'p Pack,
        slot: usize,
        owner: Option<&'p Entry>,
    ) -> Option<&'p str> {
        match owner {
            Some(entry) => own_field_text(entry, self.field(to_u32(slot))),
            None if slot < self.topics => pack.topics.get(slot).map(|t| t.title.as_str()),
            None => pack
                .sources
                .get(slot - self.topics)
                .map(|s| s.citation.as_str()),
        }
    }
}

/// The tier of a name that is none of the same words, starting with them,
/// or holding them in order.
const NO_TIER: u8 = 3;

/// How a folded name (title, alias, English term) compares with the query's
/// words: tier 0 when it is the same words, 1 when it starts with them (the
/// last may be the start of a word), 2 when it holds them in order (each
/// the start of a word), else [`NO_TIER`]; and how many query words start
/// no word of the name. Words are compared as written and in today's
/// spelling; case is ignored.
pub(crate) fn name_tier(query: &Query, name: &str, old_spelling: bool) -> (u8, u32) {
    let words = &query.words;
    let n = words.len();
    if n == 0 {
        return (NO_TIER, 0);
    }
    let (mut same, mut starts) = (true, true);
    let mut in_order = 0;
    let mut covered = 0u64;
    let mut count = 0;
    for (i, word) in split_punctuation(name).enumerate() {
        count = i + 1;
        let spelled = old_spelling.then(|| spell(word));
        let spelled = spelled.as_deref().unwrap_or(word);
        let starts_with =
            |q: usize| word.starts_with(&words[q]) || spelled.starts_with(&query.spelled_words[q]);
        let equal = |q: usize| *word == words[q] || spelled == query.spelled_words[q];
        if i + 1 < n {
            same &= equal(i);
            starts &= equal(i);
        } else if i + 1 == n {
            same &= equal(i);
            starts &= starts_with(i);
        }
        if in_order < n && starts_with(in_order) {
            in_order += 1;
        }
        for q in 0..n.min(64) {
            if covered & 1 << q == 0 && starts_with(q) {
                covered |= 1 << q;
            }
        }
    }
    let tier = if same && count == n {
        0
    } else if starts && count >= n {
        1
    } else if in_order == n {
        2
    } else {
        NO_TIER
    };
    let uncovered = u32::try_from(n).unwrap_or(u32::MAX) - covered.count_ones();
    (tier, uncovered)
}

/// Index positions are stored as `u32`; a pack with four billion fields is
/// not a study pack, so larger values saturate instead of failing.
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
