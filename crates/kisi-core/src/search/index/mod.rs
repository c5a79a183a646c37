//! The index: every searchable text of a pack with its char mask, folded once
//! when the pack is loaded. Most texts need no folded copy: a text whose fold
//! is itself is read from the pack, and an ASCII text (whose fold is just its
//! lower case) is lowered into a buffer when it is looked at. Only the other
//! texts are folded into one string, back to back. So the index stays far
//! below the size of the pack's text.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::query::{Query, char_mask};
use super::{Field, FieldKind, own_field_text};
use crate::content::{Entry, EntryRef, Pack};
use crate::text::{fold, has_old_spelling, spell};

mod rank;

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
/// Set with `OLD_SPELLING_BIT` when today's spelling differs from the text
/// only in a `y` where it has a `j` ("lanjut", "lanyut"): the common case
/// (`nj`, `sj`), where a term with neither `j` nor `y` matches alike.
const J_TO_Y_BIT: u32 = 1 << (KIND_BITS + 4);
const POSITION_SHIFT: u32 = KIND_BITS + 5;

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

    fn j_to_y(self) -> bool {
        self.tag & J_TO_Y_BIT != 0
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

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Index {
    arena: String,
    /// Topic titles, then source citations, then topic summaries (one per
    /// topic, empty when it has none), then each entry's own fields, then one
    /// sentinel slot marking the end of the arena.
    slots: Vec<Slot>,
    topics: usize,
    sources: usize,
    entries: Vec<EntryInfo>,
    /// Entry `i` owns `slots[entry_slots[i]..entry_slots[i + 1]]`.
    entry_slots: Vec<u32>,
    /// Every point label of the pack, folded, numbers of unlabelled points
    /// included: a query holding one is narrowed only through its other
    /// terms (see [`Self::label_terms`]).
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
            slots: Vec::with_capacity(2 * pack.topics.len() + pack.sources.len() + entry_slots + 1),
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
        for topic in &pack.topics {
            let summary = topic.summary.as_deref().unwrap_or_default();
            index.push(summary, FieldKind::Summary, 0);
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
            let mut mask =
                index.slots[at.topic].mask | index.slots[index.summary_slot(at.topic)].mask;
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
            let spelled = spell(&folded);
            mask |= char_mask(&spelled);
            old = OLD_SPELLING_BIT;
            if only_j_to_y(&folded, &spelled) {
                old |= J_TO_Y_BIT;
            }
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

    /// The slots shared by entries: topic titles, citations, summaries.
    fn shared_slots(&self) -> usize {
        2 * self.topics + self.sources
    }

    /// The slot of the summary of topic `topic`.
    fn summary_slot(&self, topic: usize) -> usize {
        self.topics + self.sources + topic
    }

    fn slot_count(&self) -> u32 {
        to_u32(self.slots.len())
    }

    /// Whether an index read from the compiled pack cache can serve `pack`:
    /// every position it holds is inside the pack and inside the index, so
    /// that even a hostile file cannot make a search index out of bounds.
    pub fn fits(&self, pack: &Pack) -> bool {
        let slots = self.slots.len();
        let shared = self.shared_slots();
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

    /// The terms of `query` (bit `t` for term `t`) that are the label of
    /// some point of the pack. Such a term cannot narrow a search: a label
    /// stands for its point even where the text lacks it, so "3" may find
    /// an entry that the "3x" typed before it did not.
    pub fn label_terms(&self, query: &Query) -> u64 {
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
            FieldKind::Summary => Field::Summary,
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

    fn original_text<'p>(
        &self,
        pack: &'p Pack,
        slot: usize,
        owner: Option<&'p Entry>,
    ) -> Option<&'p str> {
        match owner {
            Some(entry) => own_field_text(entry, self.field(to_u32(slot))),
            None if slot < self.topics => pack.topics.get(slot).map(|t| t.title.as_str()),
            None if slot < self.topics + self.sources => pack
                .sources
                .get(slot - self.topics)
                .map(|s| s.citation.as_str()),
            None => pack
                .topics
                .get(slot - self.topics - self.sources)
                .and_then(|t| t.summary.as_deref()),
        }
    }
}

/// Whether `spelled` is `folded` with some `j` written `y`, char for char.
fn only_j_to_y(folded: &str, spelled: &str) -> bool {
    folded.len() == spelled.len()
        && folded
            .bytes()
            .zip(spelled.bytes())
            .all(|(f, s)| f == s || f == b'j' && s == b'y')
}

/// Index positions are stored as `u32`; a pack with four billion fields is
/// not a study pack, so larger values saturate instead of failing.
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}
