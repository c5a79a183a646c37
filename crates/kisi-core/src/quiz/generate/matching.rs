//! Match 4–5 points with their entries.

use std::collections::HashSet;

use crate::content::{EntryRef, Member, Pack};
use crate::quiz::grade::normalize;
use crate::quiz::question::{Body, Prompt, Question, Target};

use super::{Generator, MAX_MATCHING, MIN_MATCHING, overlaps, point_explanation};

impl Generator<'_> {
    /// Pairs 4–5 points with their entries: distinct titles, and each point
    /// found in none of the other chosen entries, so the pairing is unique.
    pub(super) fn matching(&mut self, mut pool: Vec<EntryRef>) -> Option<Question> {
        self.rng.shuffle(&mut pool);
        let want = if pool.len() > MIN_MATCHING && self.rng.coin() {
            MAX_MATCHING
        } else {
            MIN_MATCHING
        };
        // Each chosen entry with its point and what counts as its items or
        // its names: a point shown must belong to no other entry shown, nor
        // name one.
        let mut chosen: Vec<(EntryRef, usize, HashSet<String>)> = Vec::new();
        let mut titles = HashSet::new();
        for at in pool {
            if chosen.len() == want {
                break;
            }
            let entry = self.entry(at);
            let mut points = Self::point_set(entry);
            points.extend(entry.name_keys());
            let title = normalize(&entry.title);
            let taken_here = chosen.iter().any(|(o, p, _)| {
                let taken = normalize(self.entry(*o).points[*p].item_text());
                points.iter().any(|q| overlaps(q, &taken))
            });
            if title.is_empty() || titles.contains(&title) || taken_here {
                continue;
            }
            let mut order: Vec<usize> = (0..entry.points.len()).collect();
            self.rng.shuffle(&mut order);
            let names = entry.name_keys();
            let unique = order.into_iter().find(|&p| {
                let n = normalize(entry.points[p].item_text());
                !n.is_empty()
                    && !names.iter().any(|q| overlaps(q, &n))
                    && chosen
                        .iter()
                        .all(|(_, _, set)| !set.iter().any(|q| overlaps(q, &n)))
            });
            if let Some(p) = unique {
                titles.insert(title);
                chosen.push((at, p, points));
            }
        }
        if chosen.len() < MIN_MATCHING {
            return None;
        }
        self.rng.shuffle(&mut chosen);
        let mut right_order: Vec<usize> = (0..chosen.len()).collect();
        self.rng.shuffle(&mut right_order);
        let left = chosen
            .iter()
            .map(|(at, p, _)| self.entry(*at).points[*p].item_text().to_string())
            .collect();
        let right = right_order
            .iter()
            .map(|&i| self.entry(chosen[i].0).title.to_string())
            .collect();
        let pairs = (0..chosen.len())
            .map(|i| right_order.iter().position(|&r| r == i))
            .collect::<Option<Vec<_>>>()?;
        let first_topic = chosen[0].0.topic;
        let one_topic = chosen.iter().all(|(at, _, _)| at.topic == first_topic);
        let topic = one_topic.then(|| self.pack.topics[first_topic].title.clone());
        let member = if one_topic {
            self.pack.topics[first_topic].member.clone()
        } else {
            Member::default()
        };
        let mut keys: Vec<String> = chosen
            .iter()
            .map(|(at, p, _)| self.entry(*at).point_key(*p))
            .collect();
        keys.sort();
        let targets = chosen
            .iter()
            .map(|(at, p, _)| Target {
                entry: *at,
                point: Some(*p),
            })
            .collect();
        let mut question = self.question(
            format!("matching:{}", keys.join(",")),
            Prompt::MatchPoints { topic, member },
            Body::Matching { left, right, pairs },
            targets,
        );
        question.explanation = chosen
            .iter()
            .map(|(at, p, _)| point_explanation(self.entry(*at), *p))
            .collect::<Vec<_>>()
            .join("\n");
        Some(question)
    }

    /// Matches up to [`MAX_MATCHING`] of the author's `pairs` of an entry,
    /// each side shown once: pairs sharing a side are not shown together,
    /// nor two pairs whose sides the author also paired crosswise (a left
    /// with two rights would make both right).
    pub(super) fn match_pairs(&mut self, at: EntryRef) -> Option<Question> {
        let entry = self.entry(at);
        let all: HashSet<(String, String)> = entry
            .pairs
            .iter()
            .map(|(l, r)| (normalize(l), normalize(r)))
            .collect();
        let mut order: Vec<usize> = (0..entry.pairs.len()).collect();
        self.rng.shuffle(&mut order);
        let mut taken: Vec<(String, String)> = Vec::new();
        let mut chosen = Vec::new();
        for i in order {
            let (left, right) = &entry.pairs[i];
            let (l, r) = (normalize(left), normalize(right));
            let clashes = taken.iter().any(|(tl, tr)| {
                *tl == l
                    || *tr == r
                    || all.contains(&(l.clone(), tr.clone()))
                    || all.contains(&(tl.clone(), r.clone()))
            });
            if chosen.len() < MAX_MATCHING && !l.is_empty() && !r.is_empty() && !clashes {
                taken.push((l, r));
                chosen.push(i);
            }
        }
        if chosen.len() < MIN_PAIRS {
            return None;
        }
        let mut right_order: Vec<usize> = (0..chosen.len()).collect();
        self.rng.shuffle(&mut right_order);
        let left = chosen
            .iter()
            .map(|&i| entry.pairs[i].0.to_string())
            .collect();
        let right = right_order
            .iter()
            .map(|&k| entry.pairs[chosen[k]].1.to_string())
            .collect();
        let pairs = (0..chosen.len())
            .map(|i| right_order.iter().position(|&r| r == i))
            .collect::<Option<Vec<_>>>()?;
        let mut keys: Vec<String> = chosen.iter().map(ToString::to_string).collect();
        keys.sort();
        let mut question = self.question(
            format!("match-pairs:{}:{}", entry.id, keys.join(",")),
            Prompt::MatchPairs {
                entry: entry.title.to_string(),
            },
            Body::Matching { left, right, pairs },
            vec![Target {
                entry: at,
                point: None,
            }],
        );
        question.explanation = chosen
            .iter()
            .map(|&i| format!("{} → {}", entry.pairs[i].0, entry.pairs[i].1))
            .collect::<Vec<_>>()
            .join("\n");
        Some(question)
    }
}

/// The fewest pairs a matching question of an entry's `pairs` shows.
pub(super) const MIN_PAIRS: usize = 3;

/// Entries (with points) of each chosen topic that has enough of them for a
/// matching question; the chosen topics together when none has.
pub(super) fn matching_groups(pack: &Pack, topics: &[usize]) -> Vec<Vec<EntryRef>> {
    let with_points = |t: usize| -> Vec<EntryRef> {
        pack.topics[t]
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.points.is_empty() && !e.overview)
            .map(|(e, _)| EntryRef { topic: t, entry: e })
            .collect()
    };
    let groups: Vec<Vec<EntryRef>> = topics
        .iter()
        .map(|&t| with_points(t))
        .filter(|g| g.len() >= MIN_MATCHING)
        .collect();
    if !groups.is_empty() {
        return groups;
    }
    let all: Vec<EntryRef> = topics.iter().flat_map(|&t| with_points(t)).collect();
    if all.len() >= MIN_MATCHING {
        vec![all]
    } else {
        Vec::new()
    }
}
