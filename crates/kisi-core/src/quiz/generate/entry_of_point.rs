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
        // An overview's points are its siblings: asking which entry lists
        // one is asking nothing about it.
        if point_norm.is_empty() || title_norm.is_empty() || entry.overview {
            return None;
        }
        // An overview is never a category beside its own members.
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
            .filter(|(other, e)| *other != at && !e.overview)
            .collect();
        let texts = self.topic_texts(at.topic);
        // Siblings holding the same point would be right too; a sibling with
        // the same title could not be told apart; a point that names an
        // entry (its own or a sibling) gives the answer or is one.
        let own_names = texts.names[at.entry].iter();
        let ambiguous = own_names.clone().any(|n| overlaps(n, &point_norm))
            || siblings.iter().any(|(o, _)| {
                let e = o.entry;
                texts.titles[e] == title_norm
                    || texts.points[e].iter().any(|q| overlaps(q, &point_norm))
                    || texts.names[e].iter().any(|n| overlaps(n, &point_norm))
            });
        if ambiguous {
            return None;
        }
        let kept: HashSet<usize> = siblings.iter().map(|(o, _)| o.entry).collect();
        let topic = &pack.topics[at.topic];
        let (member, topic) = (topic.member.clone(), topic.title.clone());
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
                    .filter(|(e, _)| *e != at.entry && kept.contains(e))
                    .map(|(_, s)| s.clone()),
            );
            Body::Typed {
                candidates,
                correct: 0,
            }
        } else {
            let near = siblings.iter().map(|(o, s)| (*o, &*s.title)).collect();
            // A title an overview shares would name it too.
            let mut exclude = HashSet::from([title_norm]);
            exclude.extend(
                pack.topics[at.topic]
                    .entries
                    .iter()
                    .filter(|e| e.overview)
                    .map(|e| normalize(&e.title)),
            );
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
        let prompt = Prompt::EntryOfPoint {
            point,
            topic,
            member,
        };
        Some(self.question(key, prompt, body, target))
    }
}
