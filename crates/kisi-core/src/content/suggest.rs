//! "Did you mean": the entries and topics a mistyped id on the command line
//! (`kisi show ID`, `--topic ID`) most likely meant.

use super::model::Pack;
use crate::text::typo_distance;

/// How many suggestions a message lists.
const SHOWN: usize = 3;

impl Pack {
    /// The entry ids `id` may have meant: near its id, or its title.
    pub fn entry_suggestions(&self, id: &str) -> Vec<&str> {
        nearest(self.entries().filter_map(|(_, entry)| {
            let distance = [&*entry.id, &*entry.title]
                .into_iter()
                .filter_map(|candidate| typo_distance(id, candidate))
                .min()?;
            Some((distance, &*entry.id))
        }))
    }

    /// The topic ids `id` may have meant: near the topic's id or title, or
    /// (ranked after those) near one of its entries, as `--topic ports`
    /// means the topic with `well-known-ports` in it.
    pub fn topic_suggestions(&self, id: &str) -> Vec<&str> {
        nearest(self.topics.iter().filter_map(|topic| {
            let own = [topic.id.as_str(), topic.title.as_str()]
                .into_iter()
                .filter_map(|candidate| typo_distance(id, candidate))
                .min();
            let by_entry = || {
                topic
                    .entries
                    .iter()
                    .filter_map(|entry| typo_distance(id, &entry.id))
                    .min()
                    .map(|d| d + BY_ENTRY)
            };
            Some((own.or_else(by_entry)?, topic.id.as_str()))
        }))
    }
}

/// Added to a topic's distance when only one of its entries is near: such
/// topics are offered only when no topic itself is.
const BY_ENTRY: usize = 1000;

/// The closest [`SHOWN`] candidates, ties in the pack's order.
fn nearest<'a>(candidates: impl Iterator<Item = (usize, &'a str)>) -> Vec<&'a str> {
    let mut near: Vec<(usize, &str)> = candidates.collect();
    near.sort_by_key(|&(distance, _)| distance);
    let own = near.first().is_some_and(|&(d, _)| d < BY_ENTRY);
    near.into_iter()
        .filter(|&(d, _)| !own || d < BY_ENTRY)
        .take(SHOWN)
        .map(|(_, id)| id)
        .collect()
}
