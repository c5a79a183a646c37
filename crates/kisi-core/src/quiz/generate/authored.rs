//! Hand-written questions of a pack, checked and shuffled like generated
//! ones.

use std::collections::HashSet;

use crate::content::{AuthoredKind, AuthoredQuestion, Pack};
use crate::quiz::grade::normalize;
use crate::quiz::question::{Body, Prompt, Question, QuestionKind, Target};

use super::spelling::spellings;
use super::{Generator, Plan, all_distinct};

impl Generator<'_> {
    pub(super) fn authored(&mut self, authored: &AuthoredQuestion) -> Option<Question> {
        let at = self.pack.find_entry(&authored.entry)?;
        let text = authored.prompt.clone();
        let (prompt, body) = match &authored.kind {
            AuthoredKind::Choice {
                options,
                correct,
                shuffle,
            } => {
                if *correct >= options.len() || !all_distinct(options) {
                    return None;
                }
                let body = if *shuffle {
                    let mut options = options.clone();
                    options.swap(0, *correct);
                    self.choice(options)?
                } else {
                    Body::Choice {
                        options: options.clone(),
                        correct: *correct,
                    }
                };
                (Prompt::Authored { text }, body)
            }
            AuthoredKind::SelectAll {
                options,
                correct,
                shuffle,
            } => (
                Prompt::SelectAll { text },
                self.select_all(options, correct, *shuffle)?,
            ),
            AuthoredKind::TrueFalse { answer } => (
                Prompt::Authored { text },
                Body::TrueFalse { answer: *answer },
            ),
            AuthoredKind::Typed { answers } => (Prompt::Authored { text }, self.typed(answers)?),
            AuthoredKind::Matching { pairs } => (Prompt::Authored { text }, self.pairs(pairs)?),
            AuthoredKind::Ordering { items } => (Prompt::Authored { text }, self.order(items)?),
            // The author's prompt says what to name; no decoys, as the
            // items need not be points of the pack.
            AuthoredKind::ListAll { items } => {
                if items.len() < 2 || !all_distinct(items) {
                    return None;
                }
                let body = Body::ListAll {
                    items: items.iter().map(|i| vec![i.clone()]).collect(),
                    decoys: Vec::new(),
                };
                (Prompt::Authored { text }, body)
            }
        };
        let mut question = self.question(
            format!("authored:{}", authored.id),
            prompt,
            body,
            vec![Target {
                entry: at,
                point: None,
            }],
        );
        if let Some(explanation) = &authored.explanation {
            question.explanation.clone_from(explanation);
        }
        Some(question)
    }

    fn select_all(&mut self, options: &[String], correct: &[usize], shuffle: bool) -> Option<Body> {
        let fits = !correct.is_empty() && correct.iter().all(|&c| c < options.len());
        if !fits || !all_distinct(options) {
            return None;
        }
        let shown = if shuffle {
            self.shown_order(options.len())
        } else {
            (0..options.len()).collect()
        };
        let mut right: Vec<usize> = correct
            .iter()
            .filter_map(|c| shown.iter().position(|i| i == c))
            .collect();
        right.sort_unstable();
        Some(Body::SelectAll {
            options: shown.iter().map(|&i| options[i].clone()).collect(),
            correct: right,
        })
    }

    /// Every accepted answer, graded against every entry of the pack so
    /// that a near miss of another entry is not taken for it.
    fn typed(&self, answers: &[String]) -> Option<Body> {
        let answers: Vec<String> = answers
            .iter()
            .filter(|a| !normalize(a).is_empty())
            .cloned()
            .collect();
        if answers.is_empty() {
            return None;
        }
        let accepted: HashSet<String> = answers.iter().map(|a| normalize(a)).collect();
        let mut candidates = vec![answers];
        candidates.extend(self.pack.entries().map(|(_, e)| {
            let mut others = spellings(e);
            others.retain(|s| !accepted.contains(&normalize(s)));
            others
        }));
        Some(Body::Typed {
            candidates,
            correct: 0,
        })
    }

    fn pairs(&mut self, pairs: &[(String, String)]) -> Option<Body> {
        let (lefts, rights): (Vec<String>, Vec<String>) = pairs.iter().cloned().unzip();
        if pairs.len() < 2 || !all_distinct(&lefts) || !all_distinct(&rights) {
            return None;
        }
        let left_order = self.shown_order(pairs.len());
        let right_order = self.shown_order(pairs.len());
        Some(Body::Matching {
            left: left_order.iter().map(|&i| lefts[i].clone()).collect(),
            right: right_order.iter().map(|&i| rights[i].clone()).collect(),
            pairs: left_order
                .iter()
                .map(|l| right_order.iter().position(|r| r == l))
                .collect::<Option<Vec<_>>>()?,
        })
    }

    fn order(&mut self, items: &[String]) -> Option<Body> {
        if items.len() < 2 || !all_distinct(items) {
            return None;
        }
        let shown = self.shown_order(items.len());
        Some(Body::Ordering {
            items: shown.iter().map(|&i| items[i].clone()).collect(),
            order: (0..items.len())
                .map(|k| shown.iter().position(|&i| i == k))
                .collect::<Option<Vec<_>>>()?,
        })
    }

    /// A random order of `count` items that is not the written one, so an
    /// order to restore is never shown solved.
    fn shown_order(&mut self, count: usize) -> Vec<usize> {
        let mut shown: Vec<usize> = (0..count).collect();
        self.rng.shuffle(&mut shown);
        if shown.iter().enumerate().all(|(k, &i)| k == i) {
            shown.rotate_left(1);
        }
        shown
    }
}

pub(super) fn authored_plans(pack: &Pack, topics: &[usize], kinds: &[QuestionKind]) -> Vec<Plan> {
    let mut plans = Vec::new();
    for &t in topics {
        for (i, question) in pack.topics[t].questions.iter().enumerate() {
            let kind = match question.kind {
                AuthoredKind::Choice { .. } | AuthoredKind::SelectAll { .. } => {
                    QuestionKind::Choice
                }
                AuthoredKind::TrueFalse { .. } => QuestionKind::TrueFalse,
                AuthoredKind::Typed { .. } => QuestionKind::Typed,
                AuthoredKind::Matching { .. } => QuestionKind::Matching,
                AuthoredKind::Ordering { .. } => QuestionKind::Ordering,
                AuthoredKind::ListAll { .. } => QuestionKind::ListAll,
            };
            if kinds.contains(&kind) {
                plans.push(Plan::Authored(t, i));
            }
        }
    }
    plans
}
