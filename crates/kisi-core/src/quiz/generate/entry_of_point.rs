//! "Which entry of this topic does <point> belong to?", asked as a choice
//! among sibling entries or typed.

use std::collections::HashSet;

use crate::content::{Entry, EntryRef};
use crate::quiz::grade::normalize;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::{CHOICE_OPTIONS, Generator, overlaps};

impl Generator<'_> {
    /// "Which entry of this topic does the point belong to?", as multiple
    /// choice among sibling entries or typed.
    pub(super) fn entry_of_point(
        &mut self,
        at: EntryRef,
        p: usize,
        typed: bool,
    ) -> Option<Question> {
        let pack = self.pack;
        let entry = self.entry(at);
        let point = entry.points.get(p)?.item_text().to_string();
        let point_norm = normalize(&point);
        let title_norm = normalize(&entry.title);
        if point_norm.is_empty() || title_norm.is_empty() {
            return None;
        }
        // Siblings holding the same point would be right too; a sibling with
        // the same title could not be told apart.
        let siblings: Vec<(EntryRef, &Entry)> = pack.topics[at.topic]
            .entries
            .iter()
            .enumerate()
            .map(|(e, entry)| {
                (
                    EntryRef {
                        topic: at.topic,
                        entry: e,
                    },
                    entry,
                )
            })
            .filter(|(other, _)| *other != at)
            .collect();
        let texts = self.topic_texts(at.topic);
        let ambiguous = (0..texts.titles.len()).filter(|&e| e != at.entry).any(|e| {
            texts.titles[e] == title_norm
                || texts.points[e].iter().any(|q| overlaps(q, &point_norm))
        });
        if ambiguous {
            return None;
        }
        let topic = pack.topics[at.topic].title.clone();
        let target = vec![Target {
            entry: at,
            point: Some(p),
        }];
        let body = if typed {
            // The topic's spellings without shared ones, in any order: its
            // entry's first, then its siblings'.
            let all = self.topic_spellings(at.topic);
            let mut candidates = Vec::with_capacity(all.len());
            candidates.push(all.get(at.entry)?.clone());
            candidates.extend(
                all.iter()
                    .enumerate()
                    .filter(|(e, _)| *e != at.entry)
                    .map(|(_, s)| s.clone()),
            );
            Body::Typed {
                candidates,
                correct: 0,
            }
        } else {
            let near = siblings.iter().map(|(o, s)| (*o, &*s.title)).collect();
            let mut exclude = HashSet::from([title_norm]);
            let drawn = self.draw(
                near,
                Vec::new(),
                &entry.title,
                &mut exclude,
                CHOICE_OPTIONS - 1,
            );
            let options = std::iter::once(entry.title.to_string())
                .chain(drawn.into_iter().map(|(_, t)| t.to_owned()))
                .collect();
            self.choice(options)?
        };
        let key = format!(
            "{}:{}",
            if typed {
                "typed-entry-of-point"
            } else {
                "entry-of-point"
            },
            entry.point_key(p)
        );
        Some(self.question(key, Prompt::EntryOfPoint { point, topic }, body, target))
    }
}
