//! The ranking rules of this module's docs applied the slow, obvious way,
//! every term checked and scored against every field of every entry, and a
//! property test that the fast, incremental [`Searcher`] agrees with it on
//! every keystroke. The shortcuts of the index (first pass, skipped fields,
//! narrowing) must never change a result.

use proptest::prelude::*;

use super::matching::{check, score};
use super::query::{Query, fold_keep_case};
use super::score::Scorer;
use super::{Field, Hit, Searcher, field_text};
use crate::content::builtin::builtin_pack;
use crate::content::synthetic::synthetic_pack;
use crate::content::{EntryRef, Pack};
use crate::text::fold;

/// Every field of an entry in the order the index visits them.
fn fields(pack: &Pack, at: EntryRef) -> Vec<Field> {
    let Some(entry) = pack.entry(at) else {
        return Vec::new();
    };
    let mut fields = vec![Field::Title];
    fields.extend((0..entry.aliases.len()).map(Field::Alias));
    fields.extend(entry.english.iter().map(|_| Field::English));
    fields.extend((0..entry.tags.len()).map(Field::Tag));
    fields.extend((0..entry.points.len()).map(Field::Point));
    fields.push(Field::Body);
    fields.extend(entry.note.iter().map(|_| Field::Note));
    fields.extend([Field::Topic, Field::Source]);
    fields
}

/// One field of an entry with its text folded both ways, prepared once per
/// pack rather than once per keystroke.
struct Prepared {
    field: Field,
    folded: String,
    cased: String,
}

fn prepare(pack: &Pack) -> Vec<(EntryRef, Vec<Prepared>)> {
    pack.entries()
        .map(|(at, _)| {
            let prepared = fields(pack, at)
                .into_iter()
                .filter_map(|field| {
                    let original = field_text(pack, at, field)?;
                    Some(Prepared {
                        field,
                        folded: fold(original),
                        cased: fold_keep_case(original),
                    })
                })
                .collect();
            (at, prepared)
        })
        .collect()
}

/// The best field of one entry: (class, score, field), or `None` when some
/// term matches no field.
fn rank_entry(query: &Query, fields: &[Prepared]) -> Option<(u64, i32, Field)> {
    let all = u64::MAX >> (64 - query.terms.len());
    let mut scorer = Scorer::default();
    let mut found_anywhere = 0;
    let mut best: Option<(u64, i32, Field)> = None;
    for prepared in fields {
        let field = prepared.field;
        let text = if query.case_sensitive {
            &prepared.cased
        } else {
            &prepared.folded
        };
        let word_local = field.kind().word_local(&prepared.folded);
        let (mut found, mut scattered, mut total) = (0u64, 0u64, 0i64);
        for (t, term) in query.terms.iter().enumerate() {
            let pattern = term.pattern(query.case_sensitive);
            if let Some(contiguous) = check(text, pattern, word_local) {
                found |= 1 << t;
                scattered |= u64::from(!contiguous) << t;
                total += i64::from(score(&mut scorer, text, pattern, word_local).unwrap_or(0));
            }
        }
        if found == 0 {
            continue;
        }
        found_anywhere |= found;
        let missing = u64::from((all & !found).count_ones());
        let class = missing << 11 | u64::from(scattered.count_ones()) << 4 | field.kind() as u64;
        let total = i32::try_from(total).unwrap_or(i32::MAX);
        if best.is_none_or(|(c, s, _)| class < c || class == c && total > s) {
            best = Some((class, total, field));
        }
    }
    best.filter(|_| found_anywhere == all)
}

fn reference_search(pack: &Pack, prepared: &[(EntryRef, Vec<Prepared>)], input: &str) -> Vec<Hit> {
    let query = Query::parse(input);
    if query.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(u64, usize, Hit)> = prepared
        .iter()
        .enumerate()
        .filter_map(|(order, (at, fields))| {
            let (class, score, field) = rank_entry(&query, fields)?;
            // A query word that is a point's explicit label opens the entry there.
            let field = labelled(pack, *at, &query).unwrap_or(field);
            let key = class << 32 | u64::from(score.abs_diff(i32::MAX));
            let hit = Hit {
                entry: *at,
                field,
                score: i64::from(score),
            };
            Some((key, order, hit))
        })
        .collect();
    ranked.sort_by_key(|&(key, order, _)| (key, order));
    ranked.into_iter().map(|(_, _, hit)| hit).collect()
}

fn labelled(pack: &Pack, at: EntryRef, query: &Query) -> Option<Field> {
    let points = &pack.entry(at)?.points;
    query.terms.iter().find_map(|term| {
        points
            .iter()
            .position(|p| p.label.as_deref().map(fold) == Some(term.folded.clone()))
            .map(Field::Point)
    })
}

/// Words of the pack to build queries from.
fn vocabulary(pack: &Pack) -> Vec<String> {
    let mut words: Vec<String> = pack
        .entries()
        .flat_map(|(_, e)| {
            let points = e.points.iter().map(|p| &*p.text);
            [&*e.title, &*e.body]
                .into_iter()
                .chain(points)
                .chain(e.aliases.iter().map(|a| &**a))
                .flat_map(str::split_whitespace)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

/// One query word: a piece of a pack word, perhaps with letters dropped (a
/// typo), quoted or capitalised.
fn term(words: &[String], pick: usize, start: usize, len: usize, style: u8) -> String {
    let word: Vec<char> = words[pick % words.len()].chars().collect();
    let start = start % word.len();
    let end = (start + 1 + len).min(word.len());
    let mut piece: String = word[start..end].iter().collect();
    match style % 6 {
        0 if piece.chars().count() > 2 => {
            piece = piece
                .chars()
                .enumerate()
                .filter(|&(i, _)| i != 1)
                .map(|(_, c)| c)
                .collect();
        }
        1 => piece.insert(0, '\''),
        2 => piece = piece.to_uppercase(),
        _ => {}
    }
    piece
}

fn check_every_keystroke(pack: &Pack, query: &str) -> Result<(), TestCaseError> {
    let mut searcher = Searcher::new(pack);
    let prepared = prepare(pack);
    let prefixes: Vec<&str> = query
        .char_indices()
        .skip(1)
        .map(|(end, _)| &query[..end])
        .chain([query])
        .collect();
    // Typing forward, then backspacing to the middle, then typing again.
    let middle = prefixes.len() / 2;
    let steps = prefixes
        .iter()
        .chain(prefixes[middle..].iter().rev())
        .chain(&prefixes[middle..]);
    for input in steps {
        let fast = searcher.search(pack, input);
        let slow = reference_search(pack, &prepared, input);
        prop_assert_eq!(fast.hits(), slow.as_slice(), "query {:?}", input);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn fast_search_ranks_like_the_reference(
        seed in 0u64..1_000,
        builtin in any::<bool>(),
        terms in prop::collection::vec((any::<usize>(), any::<usize>(), 0usize..8, any::<u8>()), 1..4),
    ) {
        let pack = if builtin {
            builtin_pack().map_err(|e| TestCaseError::fail(format!("{e:?}")))?
        } else {
            synthetic_pack(60, seed)
        };
        let words = vocabulary(&pack);
        let query = terms
            .iter()
            .map(|&(pick, start, len, style)| term(&words, pick, start, len, style))
            .collect::<Vec<_>>()
            .join(" ");
        check_every_keystroke(&pack, &query)?;
    }
}
