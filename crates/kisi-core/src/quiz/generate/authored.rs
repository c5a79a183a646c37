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
        let body = match &authored.kind {
            AuthoredKind::Choice { options, correct } => {
                if *correct >= options.len() || !all_distinct(options) {
                    return None;
                }
                let mut options = options.clone();
                options.swap(0, *correct);
                self.choice(options)?
            }
            AuthoredKind::TrueFalse { answer } => Body::TrueFalse { answer: *answer },
            AuthoredKind::Typed { answers } => {
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
                Body::Typed {
                    candidates,
                    correct: 0,
                }
            }
        };
        let mut question = self.question(
            format!("authored:{}", authored.id),
            Prompt::Authored {
                text: authored.prompt.clone(),
            },
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
}

pub(super) fn authored_plans(pack: &Pack, topics: &[usize], kinds: &[QuestionKind]) -> Vec<Plan> {
    let mut plans = Vec::new();
    for &t in topics {
        for (i, question) in pack.topics[t].questions.iter().enumerate() {
            let kind = match question.kind {
                AuthoredKind::Choice { .. } => QuestionKind::Choice,
                AuthoredKind::TrueFalse { .. } => QuestionKind::TrueFalse,
                AuthoredKind::Typed { .. } => QuestionKind::Typed,
            };
            if kinds.contains(&kind) {
                plans.push(Plan::Authored(t, i));
            }
        }
    }
    plans
}
