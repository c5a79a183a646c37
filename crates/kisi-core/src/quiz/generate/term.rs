//! "Which term is described here?": the entry's body with its own names
//! hidden, asked as a choice among other titles or typed.

use std::collections::HashSet;

use crate::content::EntryRef;
use crate::quiz::grade::normalize;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::spelling::{cloze, spellings};
use super::{CHOICE_OPTIONS, Generator};

impl Generator<'_> {
    /// The term for a definition: the entry's body with its own names hidden.
    pub(super) fn term(&mut self, at: EntryRef, typed: bool) -> Option<Question> {
        let pack = self.pack;
        let entry = self.entry(at);
        let own = spellings(entry);
        // The name after a colon ("Sila keempat: Kerakyatan") is hidden too.
        let mut hidden = own.clone();
        hidden.extend(
            entry
                .title
                .split_once(':')
                .map(|(_, tail)| tail.trim().to_owned()),
        );
        let definition = cloze(&entry.body, &hidden)?;
        if self.title_count(&normalize(&entry.title)) > 1 {
            return None;
        }
        let body = if typed {
            // Removing shared spellings does not depend on the order of the
            // candidates: the pack's, worked out once, serve every question.
            let all = self.all_spellings();
            let index = pack.entries().position(|(o, _)| o == at)?;
            let mut candidates = Vec::with_capacity(all.len());
            candidates.push(all.get(index)?.clone());
            candidates.extend(
                all.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != index)
                    .map(|(_, s)| s.clone()),
            );
            Body::Typed {
                candidates,
                correct: 0,
            }
        } else {
            // Overviews are lists, not terms; an entry with no points may
            // have wrong terms of the author's.
            let (near, far): (Vec<_>, Vec<_>) = pack
                .entries()
                .filter(|(o, e)| *o != at && !e.overview)
                .map(|(o, e)| (o, &*e.title))
                .partition(|(o, _)| o.topic == at.topic);
            let mut exclude: HashSet<String> = own.iter().map(|s| normalize(s)).collect();
            let mut wrong = if entry.points.is_empty() {
                self.authors_distractors(at, &entry.title, &mut exclude)
            } else {
                Vec::new()
            };
            let wanted = CHOICE_OPTIONS - 1 - wrong.len();
            wrong.extend(
                self.draw(near, far, &entry.title, &mut exclude, wanted)
                    .into_iter()
                    .map(|(_, t)| t.to_owned()),
            );
            let options = std::iter::once(entry.title.to_string())
                .chain(wrong)
                .collect();
            self.choice(options)?
        };
        let key = format!("{}:{}", if typed { "typed-term" } else { "term" }, entry.id);
        Some(self.question(
            key,
            Prompt::TermForDefinition { definition },
            body,
            vec![Target {
                entry: at,
                point: None,
            }],
        ))
    }
}
