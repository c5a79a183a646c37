//! "Name the <n> items of <entry>", with the points of sibling entries as
//! decoys that must not count. The question tests the entry and each of
//! its points, so each point named or missed is rated on its own.

use crate::content::EntryRef;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::{Generator, all_distinct};

/// The most decoys a list question keeps: every sibling point in a topic of
/// ordinary size, and a bound on the work (each decoy is compared with the
/// ones taken) and the memory in a topic of thousands of entries.
const MAX_DECOYS: usize = 256;

impl Generator<'_> {
    pub(super) fn list_all(&mut self, at: EntryRef) -> Option<Question> {
        let entry = self.entry(at);
        let texts: Vec<String> = entry
            .points
            .iter()
            .map(|p| p.item_text().to_string())
            .collect();
        if texts.len() < 2 || !all_distinct(&texts) {
            return None;
        }
        let count = texts.len();
        // Each item with the author's other accepted forms (`also`).
        let items = texts
            .into_iter()
            .zip(entry.points.iter())
            .map(|(text, point)| {
                std::iter::once(text)
                    .chain(point.also.iter().map(ToString::to_string))
                    .collect()
            })
            .collect();
        let mut exclude = Self::point_set(entry);
        let [mut near, _] = self.other_points(at);
        // The author's distractors are decoys too.
        let entry = self.entry(at);
        near.extend(entry.distractors.iter().map(|d| {
            let target = Target {
                entry: at,
                point: None,
            };
            (target, &**d)
        }));
        let decoys = self
            .draw(near, Vec::new(), "", &mut exclude, MAX_DECOYS)
            .into_iter()
            .map(|(_, text)| text.to_owned())
            .collect();
        Some(
            self.question(
                format!("list-all:{}", entry.id),
                Prompt::ListAll {
                    entry: entry.title.to_string(),
                    count,
                },
                Body::ListAll { items, decoys },
                std::iter::once(Target {
                    entry: at,
                    point: None,
                })
                .chain((0..count).map(|p| Target {
                    entry: at,
                    point: Some(p),
                }))
                .collect(),
            ),
        )
    }
}
