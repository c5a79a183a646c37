//! Put the points of an ordered entry in order.

use crate::content::EntryRef;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::{Generator, all_distinct};

impl Generator<'_> {
    pub(super) fn ordering(&mut self, at: EntryRef) -> Option<Question> {
        let entry = self.entry(at);
        let texts: Vec<String> = entry
            .points
            .iter()
            .map(|p| p.item_text().to_string())
            .collect();
        if texts.len() < 3 || !all_distinct(&texts) {
            return None;
        }
        let mut shown: Vec<usize> = (0..texts.len()).collect();
        self.rng.shuffle(&mut shown);
        if shown.iter().enumerate().all(|(k, &i)| k == i) {
            shown.rotate_left(1);
        }
        let items = shown.iter().map(|&i| texts[i].clone()).collect();
        let order = (0..texts.len())
            .map(|k| shown.iter().position(|&i| i == k))
            .collect::<Option<Vec<_>>>()?;
        Some(self.question(
            format!("ordering:{}", entry.id),
            Prompt::OrderPoints {
                entry: entry.title.to_string(),
            },
            Body::Ordering { items, order },
            vec![Target {
                entry: at,
                point: None,
            }],
        ))
    }
}
