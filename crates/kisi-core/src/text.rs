//! Text folding shared by search and grading: accents and case must not matter
//! to a student typing fast, so both compare folded text.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one character: lower case, accents removed (`É` becomes `e`).
///
/// Returns the folded characters; most characters fold to exactly one, a few
/// (such as `ß` lowercased or ligatures decomposed) to several or none.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    c.nfkd()
        .filter(|d| !is_combining_mark(*d))
        .flat_map(char::to_lowercase)
}

/// Folds a whole string, see [`fold_char`].
pub fn fold(text: &str) -> String {
    text.chars().flat_map(fold_char).collect()
}

/// Folds a string and records, for every char of the result, the index of the
/// char of `text` it came from, so that match positions found in the folded
/// text can be mapped back onto the original for highlighting.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, c) in text.chars().enumerate() {
        for f in fold_char(c) {
            folded.push(f);
            origin.push(index);
        }
    }
    (folded, origin)
}

/// The digraphs of the pre-1972 (Van Ophuijsen and Soewandi) spellings of
/// Indonesian and what they are written as today: "Soekarno" is "Sukarno",
/// "Djakarta" "Jakarta", "Tjokroaminoto" "Cokroaminoto", "sjarat" "syarat",
/// "achir" "akhir", "Njonja" "Nyonya".
const OLD_SPELLINGS: [(char, char, &str); 6] = [
    ('o', 'e', "u"),
    ('d', 'j', "j"),
    ('t', 'j', "c"),
    ('s', 'j', "sy"),
    ('c', 'h', "kh"),
    ('n', 'j', "ny"),
];

/// Whether [`spell`] would change `text`.
pub fn has_old_spelling(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|pair| digraph(char::from(pair[0]), Some(char::from(pair[1]))).is_some())
}

/// Today's spelling of the digraph `first` `second` (either case), if it is
/// an old one.
fn digraph(first: char, second: Option<char>) -> Option<&'static str> {
    let second = second?.to_ascii_lowercase();
    let first = first.to_ascii_lowercase();
    OLD_SPELLINGS
        .iter()
        .find(|&&(a, b, _)| first == a && second == b)
        .map(|&(_, _, today)| today)
}

/// Rewrites the old Indonesian spellings of a folded text to today's, for
/// search only: `soekarno` becomes `sukarno`, `Soekarno` `Sukarno` (each
/// char written keeps the case of the char it replaces).
///
/// A char written for a digraph may form a new one with the char before it
/// and is rewritten again: the old `mendjadi` is today's `menjadi`, whose
/// `nj` (old `ndj`) reads as the `ny` of the old `nj` — so both become
/// `menyadi`. The result is only ever compared with other results, so what
/// matters is that a word in either spelling gives the same one.
pub fn spell(text: &str) -> String {
    spell_with_map(text).0
}

/// Like [`spell`], and for every char of the result the index of the char
/// of `text` it came from (the chars written for a digraph map to its
/// first char), ascending.
pub fn spell_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        out.push(c);
        origin.push(i);
        while out.len() >= 2 {
            let at = out.len() - 2;
            let Some(today) = digraph(out[at], Some(out[at + 1])) else {
                break;
            };
            let from = origin[at];
            let cases = [out[at].is_uppercase(), out[at + 1].is_uppercase()];
            out.truncate(at);
            origin.truncate(at);
            for (k, c) in today.chars().enumerate() {
                out.push(if cases[k.min(1)] {
                    c.to_ascii_uppercase()
                } else {
                    c
                });
                origin.push(from);
            }
        }
    }
    (out.into_iter().collect(), origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Évaluasi SOSIAL"), "evaluasi sosial");
        assert_eq!(fold("naïve café"), "naive cafe");
    }

    #[test]
    fn ascii_folds_to_its_lower_case() {
        // The search index relies on it to keep no folded copy of ASCII text.
        let ascii: String = (0..=127u8).map(char::from).collect();
        assert_eq!(fold(&ascii), ascii.to_ascii_lowercase());
    }

    #[test]
    fn map_points_back_at_source_chars() {
        let (folded, origin) = fold_with_map("aÉb");
        assert_eq!(folded, "aeb");
        assert_eq!(origin, vec![0, 1, 2]);
        // A ligature folds to two chars that both map to the ligature.
        let (folded, origin) = fold_with_map("ﬁx");
        assert_eq!(folded, "fix");
        assert_eq!(origin, vec![0, 0, 1]);
    }

    #[test]
    fn old_spellings_become_todays() {
        for (old, today) in [
            ("soekarno", "sukarno"),
            ("soepomo", "supomo"),
            ("djakarta", "jakarta"),
            ("tjokroaminoto", "cokroaminoto"),
            ("sjahrir", "syahrir"),
            ("achmad", "akhmad"),
            ("njonja", "nyonya"),
            ("sukarno", "sukarno"),
            ("mendjadi", "menyadi"),
            ("menjadi", "menyadi"),
        ] {
            assert_eq!(spell(old), today);
            assert_eq!(has_old_spelling(old), old != today, "{old}");
        }
        assert_eq!(spell("Soekarno, SJAHRIR"), "Sukarno, SYAHRIR");
        let (spelled, origin) = spell_with_map("ir. soekarno");
        assert_eq!(spelled, "ir. sukarno");
        assert_eq!(origin, vec![0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
    }
}
