//! The spelling rules of typed answers: which names a student can be asked
//! to type, the spellings accepted for an entry, and hiding a term in its
//! own definition.

use std::collections::HashSet;

use crate::content::Entry;
use crate::quiz::forms::name_parts;
use crate::quiz::grade::normalize;
use crate::text::{fold, fold_with_map};

/// The most words a typed answer asks for.
const TYPEABLE_WORDS: usize = 3;

/// Whether a student can be asked to type this entry's name: a name like
/// "Mediator" or "Ketahanan sosial" is, a descriptive title such as "Empat
/// peran pekerja sosial menurut blog" is not (it is asked as a choice).
/// A part in parentheses is an aside, not part of the name.
pub(super) fn typeable(entry: &Entry) -> bool {
    let title = entry.title.trim();
    let name = match (title.find('('), title.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            format!("{} {}", &title[..open], &title[close + 1..])
        }
        _ => title.to_owned(),
    };
    name.split_whitespace().count() <= TYPEABLE_WORDS
}

/// The spellings a typed answer may use for an entry: its title, the title
/// without a parenthesis and the parenthesis alone ("Broker (perantara)"),
/// the part before a colon ("Pasal 3: Tujuan …"), a distinctive part of a
/// name ("Hatta" for "Mohammad Hatta", see `forms::name_parts`), aliases and
/// the English term. The full title comes first. The caller drops what
/// another entry also has (`without_shared_spellings`).
pub(super) fn spellings(entry: &Entry) -> Vec<String> {
    let title = entry.title.trim();
    let mut all = vec![title.to_owned()];
    if let (Some(open), Some(close)) = (title.find('('), title.rfind(')'))
        && open < close
    {
        all.push(
            format!("{}{}", &title[..open], &title[close + 1..])
                .trim()
                .to_owned(),
        );
        all.push(title[open + 1..close].trim().to_owned());
    }
    if let Some((head, tail)) = title.split_once(':')
        && !head.trim().is_empty()
        && !tail.trim().is_empty()
    {
        all.push(head.trim().to_owned());
    }
    all.extend(name_parts(title).into_iter().map(str::to_owned));
    all.extend(entry.aliases.iter().map(ToString::to_string));
    all.extend(entry.english.iter().map(ToString::to_string));
    let mut seen = HashSet::new();
    all.retain(|s| {
        let n = normalize(s);
        !n.is_empty() && seen.insert(n)
    });
    all
}

/// Replaces every whole-word occurrence of `terms` in `text` with "…", so a
/// definition does not give its term away. Case and accents do not matter.
pub(super) fn mask(text: &str, terms: &[String]) -> String {
    let (folded, origin) = fold_with_map(text);
    let folded: Vec<char> = folded.chars().collect();
    let original: Vec<char> = text.chars().collect();
    let mut hidden = vec![false; original.len()];
    let is_word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    for term in terms {
        let term: Vec<char> = fold(term.trim()).chars().collect();
        if term.len() < 2 || term.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - term.len() {
            let end = start + term.len();
            if folded[start..end] == term[..]
                && !is_word(start.checked_sub(1).and_then(|i| folded.get(i)))
                && !is_word(folded.get(end))
            {
                for &o in &origin[start..end] {
                    hidden[o] = true;
                }
            }
        }
    }
    let mut masked = String::with_capacity(text.len());
    for (i, c) in original.iter().enumerate() {
        if !hidden[i] {
            masked.push(*c);
        } else if i == 0 || !hidden[i - 1] {
            masked.push('…');
        }
    }
    masked
}

/// Fewest words a definition must keep once its term is hidden, and the
/// share of hidden places allowed (one per this many words kept).
const MIN_CONTEXT_WORDS: usize = 5;
const WORDS_PER_GAP: usize = 4;
/// Shortest spelling (in letters) looked for inside other words.
const MIN_INSIDE_WORD: usize = 5;

/// The definition a "which term is described here?" question shows: the
/// body with the entry's names hidden, or `None` when that would be unfair:
/// too few words left to answer from ("…, the …. … (TCP)."), or a name
/// still in sight (inside a longer word, across punctuation).
pub(super) fn cloze(body: &str, own: &[String]) -> Option<String> {
    let before = body.matches('…').count();
    let masked = mask(body.trim(), own);
    let gaps = masked.matches('…').count().saturating_sub(before);
    let kept = masked
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if kept < MIN_CONTEXT_WORDS || gaps > (kept / WORDS_PER_GAP).max(1) {
        return None;
    }
    let shown = normalize(&masked);
    let visible = own.iter().any(|name| {
        let key = normalize(name);
        key.chars().count() >= MIN_INSIDE_WORD && shown.contains(&key)
    });
    (!visible).then_some(masked)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn mask_hides_whole_words_whatever_their_case() {
        let terms = vec!["Mediator".to_owned(), "ODHA".to_owned()];
        assert_eq!(
            mask(
                "Sebagai MEDIATOR, pekerja sosial; mediatorship odha.",
                &terms
            ),
            "Sebagai …, pekerja sosial; mediatorship ….",
        );
    }

    #[test]
    fn a_cloze_keeps_context_and_never_shows_its_term() {
        let tcp = vec![
            "Transmission Control Protocol (TCP)".to_owned(),
            "TCP".to_owned(),
            "transport".to_owned(),
        ];
        // Too little left once the term is hidden.
        assert_eq!(cloze("TCP, the transport protocol (TCP).", &tcp), None);
        let mediator = vec!["Mediator".to_owned()];
        // The term inside a longer word is still in sight.
        assert_eq!(
            cloze(
                "Dalam mediatorship pekerja sosial menengahi konflik antara pihak.",
                &mediator
            ),
            None
        );
        assert_eq!(
            cloze(
                "Mediator menengahi konflik antara klien dan pihak lain.",
                &mediator
            )
            .as_deref(),
            Some("… menengahi konflik antara klien dan pihak lain.")
        );
        // Two-letter names are hidden too.
        assert_eq!(
            mask("IP routes packets; zip stays.", &["IP".to_owned()]),
            "… routes packets; zip stays."
        );
    }

    #[test]
    pub(super) fn spellings_include_parts_of_the_title() {
        let entry = Entry {
            id: "broker".into(),
            title: "Broker (perantara)".into(),
            body: "…".into(),
            points: Box::default(),
            ordered: false,
            aliases: Box::new(["perantara".into(), "makelar".into()]),
            tags: Box::default(),
            english: Some("broker".into()),
            source: "s".into(),
            locator: None,
            note: None,
            see_also: Box::default(),
            member: None,
            overview: false,
            distractors: Box::default(),
            pairs: Box::default(),
        };
        assert_eq!(
            spellings(&entry),
            vec!["Broker (perantara)", "Broker", "perantara", "makelar"]
        );
        let hatta = Entry {
            title: "Mohammad Hatta".into(),
            aliases: Box::default(),
            english: None,
            ..entry
        };
        assert_eq!(
            spellings(&hatta),
            vec!["Mohammad Hatta", "Mohammad", "Hatta"]
        );
    }
}
