//! "Which term is described here?": the entry's body with its own names
//! hidden, asked as a choice among other titles or typed.

use std::collections::HashSet;

use crate::content::{Entry, EntryRef};
use crate::quiz::grade::normalize;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::spelling::{cloze, mask, spellings};
use super::{CHOICE_OPTIONS, Generator};

/// The names a definition hides: the entry's spellings and the name after a
/// colon ("Sila keempat: Kerakyatan").
fn hidden_names(entry: &Entry) -> Vec<String> {
    let mut hidden = spellings(entry);
    hidden.extend(
        entry
            .title
            .split_once(':')
            .map(|(_, tail)| tail.trim().to_owned()),
    );
    hidden
}

/// Whether the body of `entry` holds its own name so much that no fair
/// "which term is described here?" question can be made of it: hiding the
/// name leaves too little, or leaves it in sight. `kisi check` warns.
pub fn body_gives_answer(entry: &Entry) -> bool {
    let hidden = hidden_names(entry);
    let body = entry.body.trim();
    let names_itself = mask(body, &hidden) != body
        || hidden
            .iter()
            .any(|n| n.chars().count() >= 5 && normalize(body).contains(&normalize(n)));
    names_itself && cloze(body, &hidden).is_none()
}

impl Generator<'_> {
    /// The term for a definition: the entry's body with its own names hidden.
    pub(super) fn term(&mut self, at: EntryRef, typed: bool) -> Option<Question> {
        let pack = self.pack;
        let entry = self.entry(at);
        let own = spellings(entry);
        let definition = cloze(&entry.body, &hidden_names(entry))?;
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
            let [near, far] = self.other_titles(at, false);
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
