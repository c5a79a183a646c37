//! The pack's texts a quiz compares, normalized once per quiz when first
//! needed rather than once per question.

use std::collections::{HashMap, HashSet};

use super::Generator;
use super::spelling::spellings;
use crate::content::{Entry, EntryRef};
use crate::quiz::grade::{normalize, without_shared_spellings};

/// A topic's titles and points, normalized; `points[e]` are entry `e`'s.
pub(super) struct TopicTexts {
    pub(super) titles: Vec<String>,
    /// Each point's text and its `also`.
    pub(super) points: Vec<Vec<String>>,
    /// The names of each entry: title, title without its parenthesis,
    /// aliases.
    pub(super) names: Vec<Vec<String>>,
    /// What counts as one of an entry's items under any reading the pack
    /// gives: its points, and for an overview also its members' names and
    /// their points.
    pub(super) answers: Vec<HashSet<String>>,
    /// The entries' spellings, without those two of them share.
    pub(super) spellings: Vec<Vec<String>>,
}

impl Generator<'_> {
    /// The normalized titles and points of a topic's entries.
    pub(super) fn topic_texts(&mut self, topic: usize) -> &TopicTexts {
        if self.topic_texts.len() <= topic {
            self.topic_texts
                .resize_with(self.pack.topics.len(), || None);
        }
        let pack = self.pack;
        self.topic_texts[topic].get_or_insert_with(|| {
            let topic = &pack.topics[topic];
            let entries = &topic.entries;
            let points: Vec<Vec<String>> = entries.iter().map(point_forms).collect();
            let names: Vec<Vec<String>> = entries.iter().map(Entry::name_keys).collect();
            let answers = (0..entries.len())
                .map(|e| {
                    let mut set: HashSet<String> = points[e].iter().cloned().collect();
                    for m in topic.members_of(e) {
                        set.extend(names[m].iter().cloned());
                        set.extend(points[m].iter().cloned());
                    }
                    set
                })
                .collect();
            TopicTexts {
                titles: entries.iter().map(|e| normalize(&e.title)).collect(),
                points,
                names,
                answers,
                spellings: without_shared_spellings(entries.iter().map(spellings).collect()),
            }
        })
    }

    /// What must never be a wrong option of a question about the items of
    /// `at`: every answer under any reading ([`TopicTexts::answers`]) and
    /// the entry's own names (the asked item).
    pub(super) fn answer_set(&mut self, at: EntryRef) -> HashSet<String> {
        let texts = self.topic_texts(at.topic);
        let mut set = texts.answers[at.entry].clone();
        set.extend(texts.names[at.entry].iter().cloned());
        set
    }

    /// [`Self::topic_texts`]' spellings.
    pub(super) fn topic_spellings(&mut self, topic: usize) -> &[Vec<String>] {
        &self.topic_texts(topic).spellings
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
