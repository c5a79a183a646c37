//! True or false: "<point> is one of <entry>".

use crate::content::EntryRef;
use crate::quiz::grade::normalize;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::{Generator, point_explanation};

impl Generator<'_> {
    /// "'<point>' is one of <entry>": true with the entry's own point, false
    /// with one of the author's distractors or a point of a sibling entry
    /// swapped in (a point from another topic would be trivially false),
    /// never one that belongs to the entry under another reading (the
    /// members of an overview, a point two entries share).
    pub(super) fn statement(&mut self, at: EntryRef, p: usize, truth: bool) -> Option<Question> {
        let entry = self.entry(at);
        let own = entry.points.get(p)?.item_text().to_string();
        if normalize(&own).is_empty() {
            return None;
        }
        let mut targets = vec![Target {
            entry: at,
            point: truth.then_some(p),
        }];
        let (point, belongs_to) = if truth {
            (own, None)
        } else {
            let mut exclude = self.answer_set(at);
            if !entry.distractors.is_empty() && self.rng.coin() {
                (
                    self.authors_distractors(at, &own, &mut exclude).pop()?,
                    None,
                )
            } else {
                let [near, _] = self.other_points(at);
                let (from, text) = self.draw(near, Vec::new(), &own, &mut exclude, 1).pop()?;
                targets.push(from);
                (
                    text.to_owned(),
                    Some(self.entry(from.entry).title.to_string()),
                )
            }
        };
        let entry = self.entry(at);
        let mut question = self.question(
            format!("statement:{}", entry.point_key(p)),
            Prompt::Statement {
                point,
                entry: entry.title.to_string(),
                belongs_to,
            },
            Body::TrueFalse { answer: truth },
            targets,
        );
        if truth {
            question.explanation = point_explanation(entry, p);
        }
        Some(question)
    }
}
