//! Items (entries and their points) and the questions that test them.

use std::collections::{HashMap, HashSet};

use crate::content::{EntryRef, Pack};
use crate::quiz::rng::Rng;
use crate::quiz::{ItemQuestions, Question, Target};

use super::ItemKey;

/// Every item of the pack in pack order: each entry, then its points.
pub fn pack_items(pack: &Pack) -> Vec<ItemKey> {
    let mut items = Vec::new();
    for (_, entry) in pack.entries() {
        items.push(entry.id.to_string());
        items.extend((0..entry.points.len()).map(|i| entry.point_key(i)));
    }
    items
}

/// The items a question tests.
pub fn item_keys(pack: &Pack, question: &Question) -> Vec<ItemKey> {
    let mut keys = Vec::new();
    for target in &question.targets {
        let Some(key) = target_key(pack, target) else {
            continue;
        };
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The item key of a target: its entry's id, or its point's key.
pub(super) fn target_key(pack: &Pack, target: &Target) -> Option<ItemKey> {
    let entry = pack.entry(target.entry)?;
    Some(match target.point {
        Some(point) => entry.point_key(point),
        None => entry.id.to_string(),
    })
}

/// Questions for the given items, one per item where the material allows,
/// in the order of the items; a question testing several of them (such as
/// a false statement) covers them all. Each question is made for its item,
/// so a review costs what its questions cost, whatever the size of the pack.
pub fn review_questions(pack: &Pack, items: &[ItemKey], seed: u64) -> Vec<Question> {
    let ids: HashMap<&str, EntryRef> = pack.entries().map(|(at, e)| (&*e.id, at)).collect();
    let wanted: HashSet<&str> = items.iter().map(String::as_str).collect();
    let mut rng = Rng::new(seed);
    let mut about = ItemQuestions::new(pack);
    let mut covered: HashSet<String> = HashSet::new();
    let mut questions = Vec::new();
    for item in items {
        if covered.contains(item.as_str()) {
            continue;
        }
        let seed = rng.next_u64();
        let Some(question) =
            item_target(pack, &ids, item).and_then(|target| about.about(target, seed))
        else {
            continue;
        };
        covered.extend(
            item_keys(pack, &question)
                .into_iter()
                .filter(|key| wanted.contains(key.as_str())),
        );
        questions.push(question);
    }
    questions
}

/// What an item key names: an entry (`id`) or one of its points (`id#label`).
fn item_target(pack: &Pack, ids: &HashMap<&str, EntryRef>, item: &str) -> Option<Target> {
    let (id, point) = match item.split_once('#') {
        Some((id, _)) => (id, true),
        None => (item, false),
    };
    let at = *ids.get(id)?;
    let point = if point {
        let entry = pack.entry(at)?;
        Some((0..entry.points.len()).find(|&p| entry.point_key(p) == item)?)
    } else {
        None
    };
    Some(Target { entry: at, point })
}
