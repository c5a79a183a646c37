//! "Which of these belongs to <entry>?": a point among points of other
//! entries, and the shuffling every multiple-choice body shares.

use crate::content::EntryRef;
use crate::quiz::grade::normalize;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::{CHOICE_OPTIONS, Generator};

impl Generator<'_> {
    /// Shuffles `options` whose first element is the right one and returns
    /// a multiple-choice body, or nothing when there is no wrong option.
    pub(super) fn choice(&mut self, mut options: Vec<String>) -> Option<Body> {
        if options.len() < 2 {
            return None;
        }
        let mut order: Vec<usize> = (0..options.len()).collect();
        self.rng.shuffle(&mut order);
        let correct = order.iter().position(|&i| i == 0)?;
        let mut shuffled = Vec::with_capacity(options.len());
        for i in order {
            shuffled.push(std::mem::take(&mut options[i]));
        }
        Some(Body::Choice {
            options: shuffled,
            correct,
        })
    }

    pub(super) fn point_in_entry(&mut self, at: EntryRef, p: usize) -> Option<Question> {
        let entry = self.entry(at);
        let correct = entry.points.get(p)?.item_text().to_string();
        if normalize(&correct).is_empty() {
            return None;
        }
        let mut exclude = Self::point_set(entry);
        let [near, far] = self.other_points(at);
        let distractors = self.draw(near, far, &correct, &mut exclude, CHOICE_OPTIONS - 1);
        let options = std::iter::once(correct)
            .chain(distractors.into_iter().map(|(_, text)| text.to_owned()))
            .collect();
        let body = self.choice(options)?;
        let entry = self.entry(at);
        Some(self.question(
            format!("point-in-entry:{}", entry.point_key(p)),
            Prompt::PointInEntry {
                entry: entry.title.to_string(),
            },
            body,
            vec![Target {
                entry: at,
                point: Some(p),
            }],
        ))
    }
}
