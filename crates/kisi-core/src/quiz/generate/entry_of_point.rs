//! "Which entry of this topic does <point> belong to?", asked as a choice
//! among sibling entries or typed.

use std::collections::HashSet;

use crate::content::EntryRef;
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
        // Siblings holding the same point would be right too; a sibling with
        // the same title could not be told apart; a point that names an
        // entry (its own or a sibling) gives the answer or is one.
        let ambiguous = entry.name_keys().iter().any(|n| overlaps(n, &point_norm)) || {
            let texts = self.sibling_texts(at.topic);
            texts.title_elsewhere(at.entry, &title_norm)
                || texts.overlap_elsewhere(at.entry, &point_norm)
        };
        if ambiguous {
            return None;
        }
        // An overview is never a category beside its own members.
        let entries = &pack.topics[at.topic].entries;
        let sibling = |e: usize| e != at.entry && !entries[e].overview;
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
                    .filter(|(e, _)| sibling(*e))
                    .map(|(_, s)| s.clone()),
            );
            Body::Typed {
                candidates,
                correct: 0,
            }
        } else {
            let [near, _] = self.other_titles(at, true);
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
