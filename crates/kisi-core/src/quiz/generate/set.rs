//! How a quiz is put together from its plans: kinds take turns, each entry
//! at most once in a first round, and a second round (only when the set is
//! larger than the material) that asks again only what nothing gave away.

use std::collections::HashSet;

use super::authored::authored_plans;
use super::{Generator, Plan, plan_entry};
use crate::content::EntryRef;
use crate::quiz::question::{Body, Prompt, Question, QuestionKind, Target};

/// At most this many plans per question asked (and this many more) may
/// fail to give a question before a quiz makes do with what it has, so a
/// pack whose material mostly cannot be asked about costs time in
/// proportion to the questions asked, not to its size squared.
pub(super) const FAILURES_PER_QUESTION: usize = 8;
pub(super) const FAILURES_ALLOWED: usize = 64;
/// At most this many failures in a row before the next kind takes its turn.
pub(super) const FAILURES_PER_TURN: usize = 4;

/// What [`Generator::take_turns`] fills and its limits.
struct Rounds<'s> {
    set: &'s mut QuizSet,
    count: usize,
    failures_left: &'s mut usize,
}

/// The questions of a quiz so far, with what keeps them fair together.
#[derive(Default)]
struct QuizSet {
    questions: Vec<Question>,
    keys: HashSet<String>,
    /// Every entry a question tests or names in its answer.
    asked: HashSet<EntryRef>,
    /// Entries whose whole list some question shows (a flashcard's back,
    /// the solution of a list or an ordering): any other question about
    /// them would be given away.
    shown: HashSet<EntryRef>,
}

impl QuizSet {
    /// A question of the first round: new, about entries not yet asked.
    fn fresh(&self, question: &Question) -> bool {
        !self.keys.contains(&question.key)
            && question
                .targets
                .iter()
                .all(|t| !self.asked.contains(&t.entry))
    }

    /// A question of the second round, asking again about an entry: never
    /// about an entry whose whole list was shown, and never showing the
    /// whole list of an entry already asked about.
    fn fits_again(&self, question: &Question) -> bool {
        let shows = shows_whole_list(question);
        !self.keys.contains(&question.key)
            && (is_authored(question)
                || question.targets.iter().all(|t| {
                    !(self.shown.contains(&t.entry) || (shows && self.asked.contains(&t.entry)))
                }))
    }

    fn add(&mut self, question: Question) {
        let shows = shows_whole_list(&question);
        for target in &question.targets {
            self.asked.insert(target.entry);
            if shows {
                self.shown.insert(target.entry);
            }
        }
        self.keys.insert(question.key.clone());
        self.questions.push(question);
    }
}

/// Whether a question shows all of its entry, before or after the answer.
/// A hand-written one shows only what its author wrote.
fn shows_whole_list(question: &Question) -> bool {
    !is_authored(question)
        && matches!(
            question.body,
            Body::Flashcard { .. } | Body::ListAll { .. } | Body::Ordering { .. }
        )
}

/// A hand-written question: each is asked once per quiz as its author
/// wrote it, however many are about one entry.
fn is_authored(question: &Question) -> bool {
    matches!(
        question.prompt,
        Prompt::Authored { .. } | Prompt::SelectAll { .. }
    )
}

impl Generator<'_> {
    /// Up to `count` questions of `kinds` about `topics`, or about `focus`
    /// alone (then only questions whose first target it is).
    pub(super) fn quiz(
        &mut self,
        topics: &[usize],
        kinds: &[QuestionKind],
        focus: Option<Target>,
        count: usize,
    ) -> Vec<Question> {
        let mut queues: Vec<Vec<Plan>> = Vec::new();
        for &kind in kinds {
            let plans = self.plans(topics, kind, focus);
            #[cfg(test)]
            {
                self.work += plans.len();
            }
            queues.push(plans);
        }
        let mut authored = authored_plans(self.pack, topics, kinds);
        if let Some(focus) = focus {
            let id = &self.entry(focus.entry).id;
            authored.retain(|plan| {
                focus.point.is_none()
                    && matches!(plan, Plan::Authored(t, i)
                        if self.pack.topics[*t].questions[*i].entry.as_str() == &**id)
            });
        }
        queues.push(authored);
        for queue in &mut queues {
            self.rng.shuffle(queue);
        }
        self.rng.shuffle(&mut queues);

        let mut failures_left = count
            .saturating_mul(FAILURES_PER_QUESTION)
            .saturating_add(FAILURES_ALLOWED);
        let mut set = QuizSet::default();
        // First each entry at most once; plans about an entry already asked
        // wait for a second round, which runs only when the material is
        // smaller than the quiz. Kinds take turns in both.
        let mut waiting: Vec<Vec<Plan>> = vec![Vec::new(); queues.len()];
        let mut rounds = Rounds {
            set: &mut set,
            count,
            failures_left: &mut failures_left,
        };
        self.take_turns(&mut queues, &mut rounds, Some(&mut waiting));
        for queue in &mut waiting {
            queue.reverse();
        }
        self.take_turns(&mut waiting, &mut rounds, None);
        let mut questions = set.questions;
        self.rng.shuffle(&mut questions);
        questions
    }

    /// Takes a question from each queue in turn until `rounds.count` are
    /// taken, the queues are empty or too many plans failed. In the first
    /// round (`waiting` given) only questions about entries not yet asked
    /// are taken, the others wait there; in the second a question may ask
    /// about an entry again when it gives nothing away.
    fn take_turns(
        &mut self,
        queues: &mut [Vec<Plan>],
        rounds: &mut Rounds<'_>,
        mut waiting: Option<&mut Vec<Vec<Plan>>>,
    ) {
        while *rounds.failures_left > 0
            && rounds.set.questions.len() < rounds.count
            && queues.iter().any(|q| !q.is_empty())
        {
            for (q, queue) in queues.iter_mut().enumerate() {
                if rounds.set.questions.len() == rounds.count {
                    return;
                }
                let mut failures_this_turn = 0;
                while let Some(plan) = queue.pop() {
                    let asked = plan_entry(plan).is_some_and(|at| rounds.set.asked.contains(&at));
                    if let (true, Some(waiting)) = (asked, waiting.as_deref_mut()) {
                        waiting[q].push(plan);
                        continue;
                    }
                    match (self.build(plan), waiting.as_deref_mut()) {
                        (Some(question), Some(_)) if rounds.set.fresh(&question) => {
                            rounds.set.add(question);
                            break;
                        }
                        (Some(question), None) if rounds.set.fits_again(&question) => {
                            rounds.set.add(question);
                            break;
                        }
                        (Some(question), Some(waiting))
                            if !rounds.set.keys.contains(&question.key) =>
                        {
                            waiting[q].push(plan);
                        }
                        _ => {}
                    }
                    *rounds.failures_left -= 1;
                    if *rounds.failures_left == 0 {
                        return;
                    }
                    // A kind whose plans keep failing (definitions that
                    // cannot be made clozes) must not use up the budget of
                    // the others.
                    failures_this_turn += 1;
                    if failures_this_turn == FAILURES_PER_TURN {
                        break;
                    }
                }
            }
        }
    }
}
