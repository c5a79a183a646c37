//! The pack's texts a quiz compares: those across a topic or the pack
//! normalized once per quiz when first needed rather than once per
//! question, those of one entry when it is asked about.

use std::collections::{HashMap, HashSet};

use super::Generator;
use super::siblings::SiblingTexts;
use super::spelling::spellings;
use crate::content::{Entry, EntryRef};
use crate::quiz::grade::{normalize, without_shared_spellings};

impl Generator<'_> {
    /// What entry-of-point questions check across a topic, folded once
    /// per quiz when first needed.
    pub(super) fn sibling_texts(&mut self, topic: usize) -> &SiblingTexts {
        if self.sibling_texts.len() <= topic {
            self.sibling_texts
                .resize_with(self.pack.topics.len(), || None);
        }
        let pack = self.pack;
        self.sibling_texts[topic].get_or_insert_with(|| SiblingTexts::new(&pack.topics[topic]))
    }

    /// What must never be a wrong option of a question about the items of
    /// `at`: every answer under any reading the pack gives (its points, and
    /// for an overview also its members' names and their points) and the
    /// entry's own names (the asked item). Worked out for `at` alone: a
    /// question about one entry of a big topic does not fold the topic.
    pub(super) fn answer_set(&self, at: EntryRef) -> HashSet<String> {
        let topic = &self.pack.topics[at.topic];
        let entry = &topic.entries[at.entry];
        let mut set: HashSet<String> = point_forms(entry).into_iter().collect();
        set.extend(entry.name_keys());
        for m in topic.members_of(at.entry) {
            set.extend(topic.entries[m].name_keys());
            set.extend(point_forms(&topic.entries[m]));
        }
        set
    }

    /// A topic's spellings per entry, without those two of its entries
    /// share; worked out once per quiz, only for typed questions.
    pub(super) fn topic_spellings(&mut self, topic: usize) -> &[Vec<String>] {
        if self.topic_spellings.len() <= topic {
            self.topic_spellings
                .resize_with(self.pack.topics.len(), || None);
        }
        let pack = self.pack;
        self.topic_spellings[topic].get_or_insert_with(|| {
            without_shared_spellings(pack.topics[topic].entries.iter().map(spellings).collect())
        })
    }

    /// How many entries of the pack have this normalized title.
    pub(super) fn title_count(&mut self, title: &str) -> usize {
        let pack = self.pack;
        let counts = self.title_counts.get_or_insert_with(|| {
            let mut counts = HashMap::new();
            for (_, entry) in pack.entries() {
                *counts.entry(normalize(&entry.title)).or_default() += 1;
            }
            counts
        });
        counts.get(title).copied().unwrap_or(0)
    }

    /// Every entry's spellings in pack order, without those two entries
    /// share (see [`without_shared_spellings`]).
    pub(super) fn all_spellings(&mut self) -> &[Vec<String>] {
        let pack = self.pack;
        self.all_spellings.get_or_insert_with(|| {
            without_shared_spellings(pack.entries().map(|(_, e)| spellings(e)).collect())
        })
    }
}

/// A point's folded text and its `also`, per point of `entry`, flattened.
pub(super) fn point_forms(entry: &Entry) -> Vec<String> {
    entry
        .points
        .iter()
        .flat_map(|p| {
            std::iter::once(normalize(p.item_text())).chain(p.also.iter().map(|a| normalize(a)))
        })
        .filter(|k| !k.is_empty())
        .collect()
}
