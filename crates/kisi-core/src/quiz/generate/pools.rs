//! Where wrong options come from: other entries' points or titles, from
//! the asked entry's topic (near) and from the rest of the pack (far). A
//! pool of a few hundred entries is taken whole and shuffled; a bigger one
//! is sampled, so that a question costs the same in a topic of 10,000
//! entries as in one of 100 (issue 15: a review of 20 items shuffled every
//! point of the pack 20 times).

use std::collections::HashSet;

use super::Generator;
use crate::content::{Entry, EntryRef};
use crate::quiz::question::Target;

/// Pools of up to this many entries are taken whole (every pack of the
/// tests and the built-in one: their seeds draw what they drew before).
const WHOLE_UP_TO: usize = 512;
/// How many entries a bigger pool is sampled down to.
const SAMPLE: usize = 256;

impl<'a> Generator<'a> {
    /// Points of entries other than `at`, split into its topic and the
    /// rest. An overview's points are other entries' names, not items like
    /// the rest, so they are left out.
    pub(super) fn other_points(&mut self, at: EntryRef) -> [Vec<(Target, &'a str)>; 2] {
        let pack = self.pack;
        let point = |rng: &mut crate::quiz::rng::Rng, other: EntryRef, entry: &'a Entry| {
            let p = rng.below(entry.points.len());
            (
                Target {
                    entry: other,
                    point: Some(p),
                },
                entry.points[p].item_text(),
            )
        };
        let keep = |other: EntryRef, entry: &Entry| {
            other != at && !entry.overview && !entry.points.is_empty()
        };
        let [near, far] = self.pools(at.topic);
        let near = match near {
            Some(sample) => sample
                .into_iter()
                .filter_map(|o| pack.entry(o).map(|e| (o, e)))
                .filter(|&(o, e)| keep(o, e))
                .map(|(o, e)| point(&mut self.rng, o, e))
                .collect(),
            None => whole_points(
                pack.entries()
                    .filter(|&(o, e)| o.topic == at.topic && keep(o, e)),
            )
            .collect(),
        };
        let far = match far {
            Some(sample) => sample
                .into_iter()
                .filter_map(|o| pack.entry(o).map(|e| (o, e)))
                .filter(|&(o, e)| keep(o, e))
                .map(|(o, e)| point(&mut self.rng, o, e))
                .collect(),
            None => whole_points(
                pack.entries()
                    .filter(|&(o, e)| o.topic != at.topic && keep(o, e)),
            )
            .collect(),
        };
        [near, far]
    }

    /// Titles of entries other than `at` (overviews left out: they are
    /// lists, not terms), split as [`Self::other_points`] splits points;
    /// `near` only when `near_only`.
    pub(super) fn other_titles(
        &mut self,
        at: EntryRef,
        near_only: bool,
    ) -> [Vec<(EntryRef, &'a str)>; 2] {
        let pack = self.pack;
        let keep = |o: EntryRef| o != at && pack.entry(o).is_some_and(|e| !e.overview);
        let title = |o: EntryRef| pack.entry(o).map(|e| (o, &*e.title));
        let [near, far] = self.pools(at.topic);
        let near = match near {
            Some(sample) => sample
                .into_iter()
                .filter(|&o| keep(o))
                .filter_map(title)
                .collect(),
            None => (0..pack.topics[at.topic].entries.len())
                .map(|entry| EntryRef {
                    topic: at.topic,
                    entry,
                })
                .filter(|&o| keep(o))
                .filter_map(title)
                .collect(),
        };
        let far = match (near_only, far) {
            (true, _) => Vec::new(),
            (false, Some(sample)) => sample
                .into_iter()
                .filter(|&o| keep(o))
                .filter_map(title)
                .collect(),
            (false, None) => pack
                .entries()
                .filter(|&(o, _)| o.topic != at.topic && keep(o))
                .map(|(o, e)| (o, &*e.title))
                .collect(),
        };
        [near, far]
    }

    /// The entries of `topic` and those of the rest of the pack, each
    /// `None` when small enough to be taken whole, else a random sample.
    fn pools(&mut self, topic: usize) -> [Option<Vec<EntryRef>>; 2] {
        let pack = self.pack;
        if self.topic_starts.is_empty() {
            let mut start = 0;
            for t in &pack.topics {
                self.topic_starts.push(start);
                start += t.entries.len();
            }
            self.topic_starts.push(start);
        }
        let inside = pack.topics[topic].entries.len();
        let total = self.topic_starts.last().copied().unwrap_or(0);
        let near = (inside > WHOLE_UP_TO).then(|| {
            let entries = self.sample(inside, |n| n);
            entries
                .into_iter()
                .map(|entry| EntryRef { topic, entry })
                .collect()
        });
        let far = (total - inside > WHOLE_UP_TO).then(|| {
            let starts = &self.topic_starts;
            let before = starts[topic];
            // An index among the entries outside `topic`, as one in the pack.
            let in_pack = |n: usize| if n < before { n } else { n + inside };
            let indices = self.sample(total - inside, in_pack);
            let starts = &self.topic_starts;
            indices
                .into_iter()
                .map(|n| {
                    let topic = starts.partition_point(|&s| s <= n) - 1;
                    EntryRef {
                        topic,
                        entry: n - starts[topic],
                    }
                })
                .collect()
        });
        #[cfg(test)]
        {
            self.work += near.as_ref().map_or(0, Vec::len) + far.as_ref().map_or(0, Vec::len);
        }
        [near, far]
    }

    /// [`SAMPLE`] distinct numbers below `n` (which is bigger), mapped.
    fn sample(&mut self, n: usize, map: impl Fn(usize) -> usize) -> Vec<usize> {
        let mut seen = HashSet::with_capacity(SAMPLE);
        let mut out = Vec::with_capacity(SAMPLE);
        while out.len() < SAMPLE.min(n) {
            let k = self.rng.below(n);
            if seen.insert(k) {
                out.push(map(k));
            }
        }
        out
    }
}

/// Every point of `entries`, as (target, text).
fn whole_points<'a>(
    entries: impl Iterator<Item = (EntryRef, &'a Entry)>,
) -> impl Iterator<Item = (Target, &'a str)> {
    entries.flat_map(|(other, entry)| {
        entry.points.iter().enumerate().map(move |(p, point)| {
            (
                Target {
                    entry: other,
                    point: Some(p),
                },
                point.item_text(),
            )
        })
    })
}
