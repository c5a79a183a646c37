//! What "which entry does this point belong to?" must check across a
//! topic: that no sibling holds the point or is named by it, and that no
//! sibling has the same title. A topic of 10,000 entries has some 60,000
//! such texts; folding each into a `String` of its own cost more than the
//! rest of a quiz, so they are folded once per quiz into one text, one
//! line each, searched for the point (a sibling's text holding it) and
//! probed by a rolling hash of the point's windows (the point holding a
//! sibling's text).

use std::collections::HashSet;

use super::MIN_INSIDE;
use crate::content::{Entry, Topic};
use crate::quiz::grade::normalize;

/// A topic's folded titles, and its entries' points (with `also`) and
/// names, overviews left out (they are never a category beside their
/// members).
pub(super) struct SiblingTexts {
    /// Every title, each as `\n<title>`, then a closing `\n`.
    titles: String,
    /// Where each title starts in `titles`, and its entry.
    title_at: Vec<(u32, u32)>,
    /// Every point and name, as `titles` is.
    texts: String,
    text_at: Vec<(u32, u32)>,
    /// The rolling hash of every text of at least [`MIN_INSIDE`] bytes,
    /// and their lengths: what a window of the point may be.
    hashes: HashSet<u64>,
    lengths: Vec<usize>,
}

/// The base of the rolling hash (odd, so that it is invertible mod 2^64).
const BASE: u64 = 0x100_0000_01b3;

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |h: u64, &b| {
        h.wrapping_mul(BASE).wrapping_add(u64::from(b))
    })
}

/// Appends `text` folded as [`normalize`] folds it, as a line; ASCII
/// without the allocation [`normalize`] makes.
fn push_line(out: &mut String, at: &mut Vec<(u32, u32)>, entry: usize, text: &str) {
    let start = out.len();
    out.push('\n');
    if text.is_ascii() {
        out.extend(
            text.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        out.push_str(&normalize(text));
    }
    if out.len() == start + 1 {
        out.truncate(start);
    } else {
        let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        at.push((index(start), index(entry)));
    }
}

/// The texts `Entry::name_keys` gives: the title, without its
/// parenthesis, the part after a colon, the aliases.
fn names(entry: &Entry) -> impl Iterator<Item = std::borrow::Cow<'_, str>> {
    let title = &*entry.title;
    let without = match (title.find('('), title.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            Some(format!("{}{}", &title[..open], &title[close + 1..]).into())
        }
        _ => None,
    };
    let after_colon = title.split_once(':').map(|(_, tail)| tail.into());
    std::iter::once(title.into())
        .chain(without)
        .chain(after_colon)
        .chain(entry.aliases.iter().map(|a| (&**a).into()))
}

impl SiblingTexts {
    pub(super) fn new(topic: &Topic) -> Self {
        let (mut titles, mut title_at) = (String::new(), Vec::new());
        let (mut texts, mut text_at) = (String::new(), Vec::new());
        for (e, entry) in topic.entries.iter().enumerate() {
            if entry.overview {
                continue;
            }
            push_line(&mut titles, &mut title_at, e, &entry.title);
            for point in &entry.points {
                push_line(&mut texts, &mut text_at, e, point.item_text());
                for also in &point.also {
                    push_line(&mut texts, &mut text_at, e, also);
                }
            }
            for name in names(entry) {
                push_line(&mut texts, &mut text_at, e, &name);
            }
        }
        titles.push('\n');
        texts.push('\n');
        let mut hashes = HashSet::new();
        let mut lengths = HashSet::new();
        for line in texts.split('\n').filter(|l| l.len() >= MIN_INSIDE) {
            hashes.insert(hash(line.as_bytes()));
            lengths.insert(line.len());
        }
        let mut lengths: Vec<usize> = lengths.into_iter().collect();
        lengths.sort_unstable();
        Self {
            titles,
            title_at,
            texts,
            text_at,
            hashes,
            lengths,
        }
    }

    /// Whether an entry other than `own` has the folded title `title`.
    pub(super) fn title_elsewhere(&self, own: usize, title: &str) -> bool {
        others_with(&self.titles, &self.title_at, &format!("\n{title}\n"), own)
    }

    /// Whether a text of an entry other than `own` overlaps the folded
    /// `point` (`super::overlaps`: equal, or one inside the other).
    pub(super) fn overlap_elsewhere(&self, own: usize, point: &str) -> bool {
        // A text holding the point, or equal to it.
        let whole = format!("\n{point}\n");
        let needle = if point.len() >= MIN_INSIDE {
            point
        } else {
            &whole
        };
        if others_with(&self.texts, &self.text_at, needle, own) {
            return true;
        }
        // The point holding a text: a window of the point whose hash is a
        // text's, then checked.
        let bytes = point.as_bytes();
        for &length in self.lengths.iter().take_while(|&&l| l < bytes.len()) {
            let high = (1..length).fold(1u64, |p, _| p.wrapping_mul(BASE));
            let mut h = hash(&bytes[..length]);
            for start in 0..=bytes.len() - length {
                if start > 0 {
                    h = h
                        .wrapping_sub(u64::from(bytes[start - 1]).wrapping_mul(high))
                        .wrapping_mul(BASE)
                        .wrapping_add(u64::from(bytes[start + length - 1]));
                }
                if self.hashes.contains(&h)
                    && let Some(window) = point.get(start..start + length)
                    && others_with(&self.texts, &self.text_at, &format!("\n{window}\n"), own)
                {
                    return true;
                }
            }
        }
        false
    }
}

/// Whether `needle` occurs in `lines` within a line of an entry other than
/// `own`. Matches may overlap: `\nx\n` twice in a row shares a `\n`.
fn others_with(lines: &str, at: &[(u32, u32)], needle: &str, own: usize) -> bool {
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let bytes = lines.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes.get(from..).and_then(|rest| finder.find(rest)) {
        let offset = from + found;
        // The line holding the match: the last to start at or before it
        // (a needle starting with `\n` starts with its line).
        let key = u32::try_from(offset).unwrap_or(u32::MAX);
        let line = at.partition_point(|&(start, _)| start <= key);
        if line
            .checked_sub(1)
            .and_then(|l| at.get(l))
            .is_some_and(|&(_, entry)| entry as usize != own)
        {
            return true;
        }
        from = offset + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::synthetic::synthetic_pack;
    use crate::quiz::generate::overlaps;
    use crate::quiz::generate::texts::point_forms;

    /// The index says what comparing every sibling's texts one by one says.
    #[test]
    fn the_index_agrees_with_comparing_every_text() {
        let mut pack = synthetic_pack(300, 9);
        // Neighbours with the same title and points: their lines share a
        // `\n`.
        let first = pack.topics[0].entries[0].clone();
        let second = &mut pack.topics[0].entries[1];
        (second.title, second.points) = (first.title, first.points);
        let topic = &pack.topics[0];
        let index = SiblingTexts::new(topic);
        let texts: Vec<Vec<String>> = topic
            .entries
            .iter()
            .map(|e| {
                let mut all = point_forms(e);
                all.extend(e.name_keys());
                all
            })
            .collect();
        let mut probes: Vec<String> = texts.iter().take(30).flatten().cloned().collect();
        // Parts and supersets of texts, and short ones.
        probes.extend(probes.clone().iter().map(|t| t.chars().skip(2).collect()));
        probes.extend(probes.clone().iter().map(|t| format!("x{t}yz")));
        probes.extend(["ab", "abc", "sos", "sosial"].map(String::from));
        for (own, entry) in topic.entries.iter().enumerate().take(10) {
            for probe in &probes {
                let naive = topic.entries.iter().enumerate().any(|(o, other)| {
                    o != own && !other.overview && texts[o].iter().any(|t| overlaps(t, probe))
                });
                assert_eq!(index.overlap_elsewhere(own, probe), naive, "{probe:?}");
            }
            let title = normalize(&entry.title);
            let naive =
                topic.entries.iter().enumerate().any(|(o, other)| {
                    o != own && !other.overview && normalize(&other.title) == title
                });
            assert_eq!(index.title_elsewhere(own, &title), naive);
        }
    }
}
