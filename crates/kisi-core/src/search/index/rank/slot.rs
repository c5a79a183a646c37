//! The checks and scores of single slots (one text of an entry) that the
//! ranking in the parent module builds on.

use super::{Buffers, Checks, EntryContext};
use crate::content::{Entry, Pack};
use crate::search::FieldKind;
use crate::search::index::Index;
use crate::search::matching;
use crate::search::query::{Query, Term, fold_keep_case, split_punctuation};
use crate::text::{has_old_spelling, spell};

impl Index {
    /// Which terms occur as written in one of an entry's own slots (as
    /// [`matching::check`] giving `Some(true)`), and which pass the char mask
    /// and so might match scattered.
    pub(super) fn contiguous(
        &self,
        pack: &Pack,
        query: &Query,
        slot: usize,
        owner: &Entry,
        lowered: &mut String,
    ) -> (u64, u64) {
        let info = self.slots[slot];
        let possible = query
            .terms
            .iter()
            .enumerate()
            .filter(|(_, term)| term.mask & !info.mask == 0)
            .fold(0, |possible, (t, _)| possible | 1 << t);
        if possible == 0 {
            return (0, 0);
        }
        let word_local = info.word_local();
        let text = self.text(pack, slot, Some(owner), lowered);
        let mut cased: Option<Option<String>> = None;
        let mut spelled: Option<String> = None;
        let mut contiguous = 0;
        for (t, term) in query.terms.iter().enumerate() {
            if possible & 1 << t == 0 {
                continue;
            }
            let pattern = term.pattern(false);
            let found = if query.case_sensitive {
                matching::check(text, pattern, word_local).is_some() && {
                    let original = cased.get_or_insert_with(|| {
                        self.original_text(pack, slot, Some(owner))
                            .map(fold_keep_case)
                    });
                    original.as_deref().is_some_and(|text| {
                        matching::contains(text, term.pattern(true), word_local)
                    })
                }
            } else {
                matching::contains(text, pattern, word_local)
            };
            let found = found
                || self.spelled_applies(slot, term, query.case_sensitive) && {
                    let spelled = spelled.get_or_insert_with(|| {
                        self.spelled_text(pack, slot, Some(owner), text, query.case_sensitive)
                    });
                    let pattern = term.spelled_pattern(query.case_sensitive);
                    matching::contains(spelled, pattern, word_local)
                };
            if found {
                contiguous |= 1 << t;
            }
        }
        (contiguous, possible)
    }

    /// Checks the terms in `terms` (bit `t` for term `t`) against one slot.
    /// `owner` is the entry owning the slot, `None` for shared slots.
    pub(super) fn check_slot(
        &self,
        pack: &Pack,
        query: &Query,
        slot: usize,
        owner: Option<&Entry>,
        terms: u64,
        lowered: &mut String,
    ) -> Checks {
        let info = self.slots[slot];
        let word_local = info.word_local();
        let text = self.text(pack, slot, owner, lowered);
        // Smart case: the folded text has lost case, so terms that match it
        // are checked again against the original folded with its case kept.
        let mut cased: Option<Option<String>> = None;
        let mut spelled: Option<String> = None;
        let mut checks = Checks::default();
        for (t, term) in query.terms.iter().enumerate() {
            if terms & 1 << t == 0 {
                continue;
            }
            let mut found = None;
            if term.mask & !info.mask == 0 {
                found = matching::check(text, term.pattern(false), word_local);
            }
            if found.is_some() && query.case_sensitive {
                let original = cased.get_or_insert_with(|| {
                    self.original_text(pack, slot, owner).map(fold_keep_case)
                });
                found = original
                    .as_deref()
                    .and_then(|text| matching::check(text, term.pattern(true), word_local));
            }
            if found != Some(true)
                && term.mask & !info.mask == 0
                && self.spelled_applies(slot, term, query.case_sensitive)
            {
                let spelled = spelled.get_or_insert_with(|| {
                    self.spelled_text(pack, slot, owner, text, query.case_sensitive)
                });
                let pattern = term.spelled_pattern(query.case_sensitive);
                found = match matching::check(spelled, pattern, word_local) {
                    Some(true) => Some(true),
                    other => found.or(other),
                };
            }
            if let Some(contiguous) = found {
                checks.found |= 1 << t;
                checks.scattered |= u64::from(!contiguous) << t;
            }
        }
        checks
    }

    pub(super) fn score_slot(
        &self,
        pack: &Pack,
        query: &Query,
        buffers: &mut Buffers,
        slot: usize,
        owner: Option<&Entry>,
        term: &Term,
    ) -> Option<i32> {
        let Buffers { scorer, lowered } = buffers;
        let word_local = self.slots[slot].word_local();
        let pattern = term.pattern(query.case_sensitive);
        let text = self.text(pack, slot, owner, lowered);
        let direct = if query.case_sensitive {
            let original = fold_keep_case(self.original_text(pack, slot, owner)?);
            matching::score(scorer, &original, pattern, word_local)
        } else {
            matching::score(scorer, text, pattern, word_local)
        };
        if !self.spelled_applies(slot, term, query.case_sensitive) {
            return direct;
        }
        let spelled = self.spelled_text(pack, slot, owner, text, query.case_sensitive);
        let other = matching::score(
            scorer,
            &spelled,
            term.spelled_pattern(query.case_sensitive),
            word_local,
        );
        direct.max(other)
    }

    /// Whether `term` may match a slot differently in today's spelling than
    /// as written: it or the slot's text holds an old spelling. Not when the
    /// only change is a `j` read as `y` and the term has neither: then it
    /// matches the same chars at the same places either way (and in long
    /// text the same word is scored: with a `j` in the term, "menjamin" may
    /// hold it as written and "menyamin" not, so another word would be).
    pub(super) fn spelled_applies(&self, slot: usize, term: &Term, case_sensitive: bool) -> bool {
        let info = self.slots[slot];
        !term.exact
            && (term.spelled.is_some()
                || info.old_spelling()
                    && (case_sensitive || !info.j_to_y() || term.folded.contains(['j', 'y'])))
    }

    /// The text of a slot in today's spelling, in the query's case mode;
    /// `folded` is its folded text.
    pub(super) fn spelled_text(
        &self,
        pack: &Pack,
        slot: usize,
        owner: Option<&Entry>,
        folded: &str,
        case_sensitive: bool,
    ) -> String {
        let old = self.slots[slot].old_spelling();
        if case_sensitive {
            let base = self
                .original_text(pack, slot, owner)
                .map(fold_keep_case)
                .unwrap_or_default();
            if old { spell(&base) } else { base }
        } else if old {
            spell(folded)
        } else {
            folded.to_owned()
        }
    }

    /// How the entry's title, aliases and English term compare with the
    /// query's words, the best of them: see [`name_tier`].
    pub(super) fn title_tier(
        &self,
        ctx: &EntryContext<'_>,
        entry: u32,
        lowered: &mut String,
    ) -> (u8, u32) {
        let first = self.entry_slots[entry as usize] as usize;
        let end = self.entry_slots[entry as usize + 1] as usize;
        let mut best = (NO_TIER, u32::MAX);
        for slot in first..end {
            let info = self.slots[slot];
            if info.kind() > FieldKind::English {
                break;
            }
            // Most names share no word with the query: their mask tells.
            if !ctx.query.word_masks.iter().any(|m| m & !info.mask == 0) {
                let words = u32::try_from(ctx.query.words.len()).unwrap_or(u32::MAX);
                best = best.min((NO_TIER, words));
                continue;
            }
            let text = self.text(ctx.pack, slot, Some(ctx.entry), lowered);
            best = best.min(name_tier(ctx.query, text, info.old_spelling()));
        }
        best
    }
}

/// The tier of a name that is none of the same words, starting with them,
/// or holding them in order.
const NO_TIER: u8 = 3;

/// How a folded name (title, alias, English term) compares with the query's
/// words: tier 0 when it is the same words, 1 when it starts with them (the
/// last may be the start of a word), 2 when it holds them in order (each
/// the start of a word), else [`NO_TIER`]; and how many query words start
/// no word of the name. Words are compared as written and in today's
/// spelling; case is ignored.
fn name_tier(query: &Query, name: &str, old_spelling: bool) -> (u8, u32) {
    let words = &query.words;
    let n = words.len();
    if n == 0 {
        return (NO_TIER, 0);
    }
    // Every tier and every covered word needs a word of the name starting
    // with a query word, which must then occur in the name: most names hold
    // none, and a substring search is far cheaper than splitting the name.
    // (A name in an old spelling is compared in today's too: always split.)
    let somewhere = |q: usize| name.contains(&words[q]) || name.contains(&query.spelled_words[q]);
    if !old_spelling && !(0..n).any(somewhere) {
        return (NO_TIER, u32::try_from(n).unwrap_or(u32::MAX));
    }
    let (mut same, mut starts) = (true, true);
    let mut in_order = 0;
    let mut covered = 0u64;
    let mut count = 0;
    for (i, word) in split_punctuation(name).enumerate() {
        count = i + 1;
        let spelled = (old_spelling && has_old_spelling(word)).then(|| spell(word));
        let spelled = spelled.as_deref().unwrap_or(word);
        let starts_with =
            |q: usize| word.starts_with(&words[q]) || spelled.starts_with(&query.spelled_words[q]);
        let equal = |q: usize| *word == words[q] || spelled == query.spelled_words[q];
        if i + 1 < n {
            same &= equal(i);
            starts &= equal(i);
        } else if i + 1 == n {
            same &= equal(i);
            starts &= starts_with(i);
        }
        if in_order < n && starts_with(in_order) {
            in_order += 1;
        }
        for q in 0..n.min(64) {
            if covered & 1 << q == 0 && starts_with(q) {
                covered |= 1 << q;
            }
        }
    }
    let tier = if same && count == n {
        0
    } else if starts && count >= n {
        1
    } else if in_order == n {
        2
    } else {
        NO_TIER
    };
    let uncovered = u32::try_from(n).unwrap_or(u32::MAX) - covered.count_ones();
    (tier, uncovered)
}
