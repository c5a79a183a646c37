//! Cutting a window out of long text around the match.

use super::Snippet;

/// Longest snippet, in chars, unless the match itself is longer.
const WIDTH: usize = 72;
/// Chars of context kept before the first highlight.
const BEFORE: usize = 20;
const ELLIPSIS: char = '…';

/// Builds the snippet of `text` given the highlighted char positions of each
/// query term (positions into `text`). The window is placed on the term that
/// matched first and always covers that term's whole match; highlights of
/// other terms outside the window are dropped.
pub(crate) fn window(text: &str, groups: &[Vec<usize>]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let mut all: Vec<usize> = groups
        .iter()
        .flatten()
        .copied()
        .filter(|&p| p < chars.len())
        .collect();
    all.sort_unstable();
    all.dedup();

    let (start, end) = if chars.len() <= WIDTH {
        (0, chars.len())
    } else {
        let anchor = groups
            .iter()
            .filter_map(|g| Some((*g.first()?, *g.last()?)))
            .min()
            .unwrap_or((0, 0));
        cut(
            &chars,
            anchor.0,
            anchor.1.min(chars.len().saturating_sub(1)),
        )
    };

    let mut snippet = String::with_capacity(WIDTH * 4);
    let prefix = usize::from(start > 0);
    if start > 0 {
        snippet.push(ELLIPSIS);
    }
    snippet.extend(chars[start..end].iter().map(
        |&c| {
            if c.is_ascii_whitespace() { ' ' } else { c }
        },
    ));
    if end < chars.len() {
        snippet.push(ELLIPSIS);
    }
    Snippet {
        text: snippet,
        highlights: all
            .into_iter()
            .filter(|p| (start..end).contains(p))
            .map(|p| p - start + prefix)
            .collect(),
    }
}

/// The char range to show so that `first..=last` is inside, starting a little
/// before `first` at a word start when there is one.
fn cut(chars: &[char], first: usize, last: usize) -> (usize, usize) {
    let mut start = first.saturating_sub(BEFORE);
    if start > 0
        && let Some(space) = chars[start..first]
            .iter()
            .position(char::is_ascii_whitespace)
    {
        start += space + 1;
    }
    let mut end = (start + WIDTH).max(last + 1).min(chars.len());
    if end < chars.len()
        && let Some(space) = chars[last + 1..end]
            .iter()
            .rposition(char::is_ascii_whitespace)
    {
        end = last + 1 + space;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        let s = window("Konseling\nkeluarga", &[vec![0, 1]]);
        assert_eq!(s.text, "Konseling keluarga");
        assert_eq!(s.highlights, vec![0, 1]);
    }

    #[test]
    fn long_text_is_cut_around_the_match_at_word_starts() {
        let text = format!("{} konseling {}", "awal ".repeat(20), "akhir ".repeat(20));
        let at = text.find("konseling").unwrap_or_default();
        let s = window(&text, &[(at..at + 9).collect()]);
        assert!(s.text.starts_with("…awal "), "{}", s.text);
        assert!(s.text.ends_with("akhir…"), "{}", s.text);
        assert!(s.text.chars().count() <= WIDTH + 2);
        let shown: String = s
            .highlights
            .iter()
            .filter_map(|&i| s.text.chars().nth(i))
            .collect();
        assert_eq!(shown, "konseling");
    }
}
