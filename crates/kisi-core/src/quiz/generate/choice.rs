//! "Which of these belongs to <entry>?": a point among points of other
//! entries, and the shuffling every multiple-choice body shares.

use std::collections::HashSet;

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
        // No other item of the entry, under any reading, and not the entry
        // itself: the author's distractors first, then other entries' points.
        let mut exclude = self.answer_set(at);
        let mut distractors = self.authors_distractors(at, &correct, &mut exclude);
        let [near, far] = self.other_points(at);
        let wanted = CHOICE_OPTIONS - 1 - distractors.len();
        distractors.extend(
            self.draw(near, far, &correct, &mut exclude, wanted)
                .into_iter()
                .map(|(_, text)| text.to_owned()),
        );
        let options = std::iter::once(correct).chain(distractors).collect();
        let body = self.choice(options)?;
        let entry = self.entry(at);
        Some(self.question(
            format!("point-in-entry:{}", entry.point_key(p)),
            Prompt::PointInEntry {
                entry: entry.title.to_string(),
                member: entry.member.as_deref().cloned().unwrap_or_default(),
            },
            body,
            vec![Target {
                entry: at,
                point: Some(p),
            }],
        ))
    }

    /// Up to the options a choice has of the author's distractors for
    /// `at`, drawn like the others; the texts taken join `exclude`.
    pub(super) fn authors_distractors(
        &mut self,
        at: EntryRef,
        like: &str,
        exclude: &mut HashSet<String>,
    ) -> Vec<String> {
        let own: Vec<(usize, &str)> = self
            .entry(at)
            .distractors
            .iter()
            .map(|d| (0, &**d))
            .collect();
        self.draw(own, Vec::new(), like, exclude, CHOICE_OPTIONS - 1)
            .into_iter()
            .map(|(_, text)| text.to_owned())
            .collect()
    }
}
