//! The plans of each kind: which questions the chosen material could give.

use super::matching::{MIN_PAIRS, matching_groups};
use super::spelling::typeable;
use super::{Generator, MAX_LIST_ALL, MAX_LIST_ITEM_WORDS, MAX_ORDERING, MIN_MATCHING, Plan};
use crate::content::{Entry, EntryRef};
use crate::quiz::question::{QuestionKind, Target};

impl Generator<'_> {
    /// The plans of one kind: about the entries of `topics`, or only about
    /// `focus` (an entry, or one of its points) when there is one.
    pub(super) fn plans(
        &mut self,
        topics: &[usize],
        kind: QuestionKind,
        focus: Option<Target>,
    ) -> Vec<Plan> {
        let pack = self.pack;
        let entries: Vec<(EntryRef, &Entry)> = if let Some(target) = focus {
            pack.entry(target.entry)
                .map(|entry| (target.entry, entry))
                .into_iter()
                .collect()
        } else {
            let mut selected = vec![false; pack.topics.len()];
            for &t in topics {
                selected[t] = true;
            }
            pack.entries()
                .filter(|(at, _)| selected[at.topic])
                .collect()
        };
        // With a focus on a point, no question about the whole entry; with
        // one on an entry, none about one of its points.
        let whole_entries = focus.is_none_or(|target| target.point.is_none());
        let entries_asked: &[(EntryRef, &Entry)] = if whole_entries { &entries } else { &[] };
        let siblings = |at: EntryRef| pack.topics[at.topic].entries.len() > 1;
        let points = || {
            entries.iter().flat_map(move |(at, e)| {
                (0..e.points.len())
                    .filter(move |&p| focus.is_none_or(|target| target.point == Some(p)))
                    .map(move |p| (*at, p))
            })
        };
        let entries = entries_asked;
        match kind {
            QuestionKind::Choice => {
                let mut plans: Vec<Plan> =
                    points().map(|(at, p)| Plan::PointInEntry(at, p)).collect();
                plans.extend(
                    points()
                        .filter(|(at, _)| siblings(*at))
                        .map(|(at, p)| Plan::EntryOfPoint(at, p)),
                );
                plans.extend(entries.iter().map(|(at, _)| Plan::TermChoice(*at)));
                plans
            }
            QuestionKind::TrueFalse => points()
                .collect::<Vec<_>>()
                .into_iter()
                // A question about one point states it truly: a false
                // statement tests the entry, not the point.
                .map(|(at, p)| Plan::Statement(at, p, focus.is_some() || self.rng.coin()))
                .collect(),
            QuestionKind::Typed => {
                let typeable = |at: EntryRef| typeable(&pack.topics[at.topic].entries[at.entry]);
                let mut plans: Vec<Plan> = entries
                    .iter()
                    .filter(|(at, _)| typeable(*at))
                    .map(|(at, _)| Plan::TypedTerm(*at))
                    .collect();
                plans.extend(
                    points()
                        .filter(|(at, _)| siblings(*at) && typeable(*at))
                        .map(|(at, p)| Plan::TypedEntryOfPoint(at, p)),
                );
                plans
            }
            QuestionKind::Ordering => entries
                .iter()
                .filter(|(_, e)| e.ordered && (3..=MAX_ORDERING).contains(&e.points.len()))
                .map(|(at, _)| Plan::Ordering(*at))
                .collect(),
            // A matching question is about several entries, never one alone.
            QuestionKind::Matching if focus.is_some() => Vec::new(),
            QuestionKind::Matching => {
                let mut plans: Vec<Plan> = entries
                    .iter()
                    .filter(|(_, e)| e.pairs.len() >= MIN_PAIRS)
                    .map(|(at, _)| Plan::MatchPairs(*at))
                    .collect();
                self.groups = matching_groups(pack, topics);
                #[cfg(test)]
                {
                    self.work += self.groups.iter().map(Vec::len).sum::<usize>();
                }
                plans.extend(self.groups.iter().enumerate().flat_map(|(g, group)| {
                    let plans = (group.len() / MIN_MATCHING).max(1);
                    std::iter::repeat_n(Plan::Matching(g), plans)
                }));
                plans
            }
            QuestionKind::ListAll => entries
                .iter()
                .filter(|(_, e)| {
                    (2..=MAX_LIST_ALL).contains(&e.points.len())
                        && e.points
                            .iter()
                            .all(|p| p.text.split_whitespace().count() <= MAX_LIST_ITEM_WORDS)
                })
                .map(|(at, _)| Plan::ListAll(*at))
                .collect(),
            QuestionKind::Flashcard => entries.iter().map(|(at, _)| Plan::Flashcard(*at)).collect(),
        }
    }
}
