//! Text folding shared by search and grading: accents and case must not matter
//! to a student typing fast, so both compare folded text. And the one edit
//! distance, for typo-tolerant grading and the loader's "did you mean".

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

/// The Levenshtein distance between two strings, counted in chars: the
/// fewest insertions, deletions and substitutions that turn `a` into `b`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("ketahanan", "ketahnan"), 1);
        assert_eq!(edit_distance("abc", "abd"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("body", "body"), 0);
        assert_eq!(edit_distance("sorce", "source"), 1);
    }

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
}
