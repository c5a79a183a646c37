//! A flashcard: the entry's title, then the whole entry; self-graded.

use crate::content::EntryRef;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::{Generator, entry_explanation};

impl Generator<'_> {
    pub(super) fn flashcard(&self, at: EntryRef) -> Question {
        let entry = self.entry(at);
        self.question(
            format!("flashcard:{}", entry.id),
            Prompt::Flashcard {
                front: entry.title.to_string(),
            },
            Body::Flashcard {
                back: entry_explanation(entry),
            },
            vec![Target {
                entry: at,
                point: None,
            }],
        )
    }
}
