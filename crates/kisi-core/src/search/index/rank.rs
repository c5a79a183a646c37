//! Ranking: which entries match a query, how well, and which of their
//! texts to show; the index itself is built in the parent module.

use super::{Index, NO_SLOT, to_u32};
use crate::content::{Entry, EntryRef, Pack};
use crate::search::is_point_label;
use crate::search::matching::TermMatch;
use crate::search::query::{Query, Term};
use crate::search::score::Scorer;

mod slot;

/// Bit `t` set for each query term `t` that matched a slot (`found`), and
/// among them those that matched only scattered, not as written.
#[derive(Debug, Clone, Copy, Default)]
struct Checks {
    found: u64,
    scattered: u64,
}

/// A matched entry before it becomes a public `Hit`: its sort key, and which
/// slot is shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub key: u64,
    pub entry: u32,
    pub slot: u32,
    pub score: i32,
    /// The entry's slots that may match a query whose every term contains a
    /// term of this one: bit `i` for its own slot `i` (slots from
    /// `OVERFLOW_BIT` on share that bit), then its topic's title and
    /// summary and its source.
    pub slots: u64,
}

/// Asked while ranking whether the search is still wanted (the TUI's
/// search thread says no once a newer query has come).
pub(crate) type Cancel<'a> = dyn Fn() -> bool + Sync + 'a;

/// How many candidates are ranked between two questions to [`Cancel`]: a
/// few milliseconds of work at most.
const CANCEL_EVERY: usize = 4096;

const OVERFLOW_BIT: u32 = 60;
const TOPIC_BIT: u64 = 1 << 61;
const SUMMARY_BIT: u64 = 1 << 62;
const SOURCE_BIT: u64 = 1 << 63;
const ALL_SLOTS: u64 = u64::MAX;

/// A slot looked at while ranking one entry.
#[derive(Debug, Clone, Copy)]
struct Seen {
    slot: u32,
    bit: u64,
    kind: u64,
    shared: bool,
    /// Terms that occur as written.
    contiguous: u64,
    /// Terms whose chars all occur.
    possible: u64,
}

/// What scoring one slot needs, reused from slot to slot.
#[derive(Debug, Default)]
struct Buffers {
    scorer: Scorer,
    /// The folded text of a `Folded::Lowered` slot.
    lowered: String,
}

/// Buffers of one ranking thread, reused from entry to entry.
#[derive(Debug, Default)]
struct Scratch {
    buffers: Buffers,
    seen: Vec<Seen>,
    /// Slots tied for best, with the terms each matches.
    tied: Vec<(u32, u64)>,
}

/// What ranking one entry needs to know besides the index.
struct EntryContext<'a> {
    pack: &'a Pack,
    query: &'a Query,
    shared: &'a Shared,
    /// The terms that are labels of the entry's points.
    labels: u64,
    /// Looked up once: every slot of the entry reads its texts.
    entry: &'a Entry,
    all_terms: u64,
}

/// What every entry of one search shares.
#[derive(Debug)]
struct Shared {
    /// How each term matches each shared slot (topic title, citation,
    /// summary): row `slot`,
    /// column `term`.
    matches: Vec<Option<TermMatch>>,
    /// The terms that are a point label somewhere in the pack.
    labels: u64,
    /// Per topic: its title holds every term as written.
    topics: Vec<bool>,
}

impl EntryContext<'_> {
    /// Whether a slot holding `contiguous` as written wins outright: it holds
    /// every term that is not a label of the entry, and at least one such
    /// term (a query of labels alone must match some text, see `full_pass`).
    fn complete(&self, contiguous: u64) -> bool {
        let content = self.all_terms & !self.labels;
        content != 0 && contiguous & content == content
    }
}

/// Bits of the row class (`full_pass`): missing terms, scattered terms, kind.
const CLASS_BITS: u32 = 18;

/// The terms among `candidates` (bit `t` for term `t`) that name a point of
/// `entry` by its label, or by its number when it has none.
fn entry_labels(entry: &Entry, query: &Query, candidates: u64) -> u64 {
    if candidates == 0 {
        return 0;
    }
    query
        .terms
        .iter()
        .enumerate()
        .filter(|&(t, term)| {
            candidates & 1 << t != 0
                && entry
                    .points
                    .iter()
                    .enumerate()
                    .any(|(i, p)| is_point_label(p, i, &term.folded))
        })
        .fold(0, |mask, (t, _)| mask | 1 << t)
}

fn all_terms(query: &Query) -> u64 {
    u64::MAX >> (64 - query.terms.len().clamp(1, 64))
}

impl Index {
    /// Ranks the given entries (indices in pack order) against `query`.
    /// `allowed` holds, per candidate, the slots that may match (see
    /// [`Ranked::slots`]); `None` means all of them.
    /// `None` when `cancelled` said so (it is asked every
    /// [`CANCEL_EVERY`] candidates).
    pub fn rank(
        &self,
        pack: &Pack,
        query: &Query,
        candidates: &[u32],
        allowed: Option<&[u64]>,
        cancelled: &Cancel<'_>,
    ) -> Option<Vec<Ranked>> {
        const PARALLEL_FROM: usize = 2048;
        let shared = self.match_shared(pack, query);
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        if threads < 2 || candidates.len() < PARALLEL_FROM {
            return self.rank_chunk(pack, query, &shared, candidates, allowed, cancelled);
        }
        let chunk = candidates.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = candidates
                .chunks(chunk)
                .enumerate()
                .map(|(i, part)| {
                    let allowed = allowed.and_then(|a| a.get(i * chunk..i * chunk + part.len()));
                    let shared = &shared;
                    scope.spawn(move || {
                        self.rank_chunk(pack, query, shared, part, allowed, cancelled)
                    })
                })
                .collect();
            let mut ranked = Vec::with_capacity(candidates.len());
            let mut stopped = false;
            for worker in workers {
                // A worker only panics on a bug; its part is then missing,
                // which beats taking the whole program down.
                match worker.join() {
                    Ok(Some(part)) => ranked.extend(part),
                    Ok(None) => stopped = true,
                    Err(_) => {}
                }
            }
            (!stopped).then_some(ranked)
        })
    }

    /// Matches every term against the topic titles, citations and summaries
    /// once, since many entries share them.
    fn match_shared(&self, pack: &Pack, query: &Query) -> Shared {
        let mut buffers = Buffers::default();
        let all_terms = all_terms(query);
        let mut shared = Vec::with_capacity(self.shared_slots() * query.terms.len());
        for slot in 0..self.shared_slots() {
            let checks = self.check_slot(pack, query, slot, None, all_terms, &mut buffers.lowered);
            for (t, term) in query.terms.iter().enumerate() {
                let matched = (checks.found & 1 << t != 0)
                    .then(|| self.score_slot(pack, query, &mut buffers, slot, None, term))
                    .flatten()
                    .map(|score| TermMatch {
                        score,
                        contiguous: checks.scattered & 1 << t == 0,
                    });
                shared.push(matched);
            }
        }
        let terms = query.terms.len();
        let topics = shared
            .chunks(terms.max(1))
            .take(self.topics)
            .map(|row| row.iter().all(|m| m.is_some_and(|m| m.contiguous)))
            .collect();
        Shared {
            matches: shared,
            labels: self.label_terms(query),
            topics,
        }
    }

    fn rank_chunk(
        &self,
        pack: &Pack,
        query: &Query,
        shared: &Shared,
        candidates: &[u32],
        allowed: Option<&[u64]>,
        cancelled: &Cancel<'_>,
    ) -> Option<Vec<Ranked>> {
        let mut scratch = Scratch::default();
        let mut ranked = Vec::new();
        for (i, &entry) in candidates.iter().enumerate() {
            if i % CANCEL_EVERY == 0 && cancelled() {
                return None;
            }
            let allowed = allowed.and_then(|a| a.get(i).copied()).unwrap_or(ALL_SLOTS);
            ranked.extend(self.rank_entry(pack, query, shared, &mut scratch, entry, allowed));
        }
        Some(ranked)
    }

    /// The checks of a shared (topic or citation) slot, from [`Self::match_shared`].
    fn shared_checks(shared: &Shared, terms: usize, slot: u32) -> Checks {
        let row = shared
            .matches
            .get(slot as usize * terms..(slot as usize + 1) * terms);
        let mut checks = Checks::default();
        for (t, m) in row.unwrap_or_default().iter().enumerate() {
            if let Some(m) = m {
                checks.found |= 1 << t;
                checks.scattered |= u64::from(!m.contiguous) << t;
            }
        }
        checks
    }

    /// An entry matches when every term matches one of its fields (topic title
    /// and citation included). The field shown is the one that matches most
    /// terms, then most of them as written, then by kind, then by score.
    ///
    /// Checking is done in two passes. The first only looks for terms as
    /// written (a fast substring search), in kind order: the first field
    /// holding every term as written wins outright, and only fields of the
    /// same kind can tie with it. Only when there is none are the other terms
    /// checked as scattered chars. Scoring is the costly part, so only the
    /// fields tied for best are scored. `allowed` skips fields known not to
    /// match from the previous keystroke.
    fn rank_entry(
        &self,
        pack: &Pack,
        query: &Query,
        shared: &Shared,
        scratch: &mut Scratch,
        entry: u32,
        allowed: u64,
    ) -> Option<Ranked> {
        let info = self.entries.get(entry as usize)?;
        if query.is_empty() {
            return None;
        }
        let owner = pack.entry(EntryRef {
            topic: info.topic as usize,
            entry: info.entry as usize,
        })?;
        let labels = entry_labels(owner, query, shared.labels);
        let absent =
            |(t, term): (usize, &Term)| labels & 1 << t == 0 && term.mask & !info.mask != 0;
        if query.terms.iter().enumerate().any(absent) {
            return None;
        }
        let ctx = EntryContext {
            pack,
            query,
            shared,
            labels,
            entry: owner,
            all_terms: all_terms(query),
        };
        let (best_class, slots) = match self.first_pass(&ctx, scratch, entry, allowed) {
            Some(kind) => Self::outright(&ctx, scratch, kind, allowed),
            None => self.full_pass(&ctx, scratch)?,
        };
        let (slot, score) = self.score_tied(&ctx, scratch)?;
        let (tier, uncovered) = self.title_tier(&ctx, entry, &mut scratch.buffers.lowered);
        let topic = u64::from(
            !shared
                .topics
                .get(info.topic as usize)
                .copied()
                .unwrap_or(false),
        );
        let entry_class = (u64::from(tier) << 1 | topic) << 7 | u64::from(uncovered.min(127));
        // Lower sorts first; the score is flipped so that higher comes first.
        let key =
            (entry_class << CLASS_BITS | best_class) << 32 | u64::from(score.abs_diff(i32::MAX));
        Some(Ranked {
            key,
            entry,
            slot,
            score,
            slots,
        })
    }

    /// Checks the allowed slots of `entry` for terms as written, in kind
    /// order, into `scratch.seen`. Returns the kind of the first slot holding
    /// every term as written, having stopped at the next kind.
    fn first_pass(
        &self,
        ctx: &EntryContext<'_>,
        scratch: &mut Scratch,
        entry: u32,
        allowed: u64,
    ) -> Option<u64> {
        let info = self.entries.get(entry as usize)?;
        let first = self.entry_slots[entry as usize];
        let own = (first..self.entry_slots[entry as usize + 1])
            .map(|s| (s, 1u64 << (s - first).min(OVERFLOW_BIT), false));
        let summary = to_u32(self.summary_slot(info.topic as usize));
        let slots = own.chain([
            (info.topic, TOPIC_BIT, true),
            (summary, SUMMARY_BIT, true),
            (info.source_slot, SOURCE_BIT, true),
        ]);
        let terms = ctx.query.terms.len();
        scratch.seen.clear();
        let mut top_kind = None;
        for (slot, bit, is_shared) in slots {
            if slot == NO_SLOT || allowed & bit == 0 {
                continue;
            }
            let kind = self.slots[slot as usize].kind() as u64;
            if top_kind.is_some_and(|top| top < kind) {
                break;
            }
            let (contiguous, possible) = if is_shared {
                let checks = Self::shared_checks(ctx.shared, terms, slot);
                (checks.found & !checks.scattered, checks.found)
            } else {
                let lowered = &mut scratch.buffers.lowered;
                self.contiguous(ctx.pack, ctx.query, slot as usize, ctx.entry, lowered)
            };
            if ctx.complete(contiguous) && top_kind.is_none() {
                top_kind = Some(kind);
            }
            scratch.seen.push(Seen {
                slot,
                bit,
                kind,
                shared: is_shared,
                contiguous,
                possible,
            });
        }
        top_kind
    }

    /// A slot of `kind` holds every term as written: the slots tied with it
    /// are those of the same kind that do too. Returns the class and the
    /// slots that may match a longer query.
    fn outright(
        ctx: &EntryContext<'_>,
        scratch: &mut Scratch,
        kind: u64,
        allowed: u64,
    ) -> (u64, u64) {
        scratch.tied.clear();
        let mut cannot = 0;
        let mut can = 0;
        for seen in &scratch.seen {
            if ctx.complete(seen.contiguous) {
                scratch.tied.push((seen.slot, ctx.all_terms));
            }
            if seen.possible == 0 {
                cannot |= seen.bit;
            } else {
                can |= seen.bit;
            }
        }
        // Slots not reached, or checked only for terms as written, may still
        // match a longer query.
        (kind, allowed & !(cannot & !can))
    }

    /// No slot holds every term as written: checks the rest of the terms as
    /// scattered chars and ranks every slot. Returns the best class and the
    /// slots that matched, or `None` if some term matches nowhere.
    fn full_pass(&self, ctx: &EntryContext<'_>, scratch: &mut Scratch) -> Option<(u64, u64)> {
        let terms = ctx.query.terms.len();
        let mut found = 0u64;
        let mut matched_slots = 0;
        // Rank of a slot before scoring: missing terms, scattered terms, kind.
        let mut best_class = u64::MAX;
        scratch.tied.clear();
        for seen in &scratch.seen {
            let rest = seen.possible & !seen.contiguous;
            let checks = if seen.shared {
                Self::shared_checks(ctx.shared, terms, seen.slot)
            } else if rest == 0 {
                Checks {
                    found: seen.contiguous,
                    scattered: 0,
                }
            } else {
                let slot = seen.slot as usize;
                let lowered = &mut scratch.buffers.lowered;
                let rest =
                    self.check_slot(ctx.pack, ctx.query, slot, Some(ctx.entry), rest, lowered);
                Checks {
                    found: seen.contiguous | rest.found,
                    scattered: rest.scattered,
                }
            };
            let here = checks.found;
            if here == 0 {
                continue;
            }
            matched_slots |= seen.bit;
            found |= here;
            let missing = u64::from((ctx.all_terms & !(here | ctx.labels)).count_ones());
            let scattered = u64::from((checks.scattered & !ctx.labels).count_ones());
            let class = missing << 11 | scattered << 4 | seen.kind;
            if class < best_class {
                best_class = class;
                scratch.tied.clear();
            }
            if class == best_class {
                scratch.tied.push((seen.slot, here));
            }
        }
        (found | ctx.labels == ctx.all_terms).then_some((best_class, matched_slots))
    }

    /// Scores the tied slots; the first with the highest score wins.
    fn score_tied(&self, ctx: &EntryContext<'_>, scratch: &mut Scratch) -> Option<(u32, i32)> {
        let terms = ctx.query.terms.len();
        let mut best: Option<(u32, i32)> = None;
        for &(slot, here) in &scratch.tied {
            let mut score = 0i64;
            for (t, term) in ctx.query.terms.iter().enumerate() {
                if here & 1 << t == 0 {
                    continue;
                }
                let matched = if slot < self.first_entry_slot() {
                    ctx.shared
                        .matches
                        .get(slot as usize * terms + t)
                        .copied()
                        .flatten()
                        .map(|m| m.score)
                } else {
                    let slot = slot as usize;
                    let buffers = &mut scratch.buffers;
                    self.score_slot(ctx.pack, ctx.query, buffers, slot, Some(ctx.entry), term)
                };
                score += i64::from(matched.unwrap_or_default());
            }
            let score = i32::try_from(score).unwrap_or(i32::MAX);
            if best.is_none_or(|(_, top)| score > top) {
                best = Some((slot, score));
            }
        }
        best
    }

    /// Slots below this are the shared slots (topics, sources, summaries).
    fn first_entry_slot(&self) -> u32 {
        to_u32(self.shared_slots())
    }
}
