//! What makes a generated question unfair, checked against the pack alone
//! (not the generator's own bookkeeping): the asked item offered as an
//! option, a wrong option that is right under another reading the pack
//! gives (an overview and its members, a point two entries share, an
//! `also`), a statement true under another reading or trivially false, a
//! cloze without context or with its answer in sight, an entry asked twice
//! in a set that is not larger than the material, a question giving away
//! another of its set, and a topic title used as a noun the author did not
//! state. Each check returns what is wrong, so a test can count and show
//! them.

use std::collections::{HashMap, HashSet};

use kisi_core::content::{Entry, EntryRef, Pack, Topic, answer_key};
use kisi_core::quiz::{Body, Lang, Outcome, Prompt, Question, grade, wording};

use super::model::right_answer;

/// Fewest words a cloze keeps, as the generator promises.
const MIN_CLOZE_WORDS: usize = 5;

/// Equal, or one inside the other when the shorter has 4 letters or more.
fn overlap(a: &str, b: &str) -> bool {
    a == b || (a.len().min(b.len()) >= 4 && (a.contains(b) || b.contains(a)))
}

fn any_overlap<'a>(keys: impl IntoIterator<Item = &'a String>, text: &str) -> bool {
    let text = answer_key(text);
    keys.into_iter().any(|k| overlap(k, &text))
}

/// An entry's points with their `also`, folded.
fn point_keys(entry: &Entry) -> Vec<String> {
    entry
        .points
        .iter()
        .flat_map(|p| {
            std::iter::once(answer_key(p.item_text())).chain(p.also.iter().map(|a| answer_key(a)))
        })
        .filter(|k| !k.is_empty())
        .collect()
}

/// Everything that is one of the items of `at` under some reading: its
/// points, and for an overview its members' names and their points.
fn readings(pack: &Pack, at: EntryRef) -> Vec<String> {
    let topic = &pack.topics[at.topic];
    let entry = &topic.entries[at.entry];
    let mut keys = point_keys(entry);
    for m in topic.members_of(at.entry) {
        keys.extend(topic.entries[m].name_keys());
        keys.extend(point_keys(&topic.entries[m]));
    }
    keys
}

fn entry_by_title<'p>(topic: &'p Topic, title: &str) -> Option<&'p Entry> {
    topic.entries.iter().find(|e| *e.title == *title)
}

/// What is unfair about one question; empty when nothing is.
pub fn unfair_question(pack: &Pack, question: &Question) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{what} in {question:?}"));
    let Some(target) = question.targets.first() else {
        fail("no target".to_owned());
        return problems;
    };
    let at = target.entry;
    let Some(entry) = pack.entry(at) else {
        fail("a target outside the pack".to_owned());
        return problems;
    };
    let topic = &pack.topics[at.topic];
    let names = entry.name_keys();
    if grade(question, &right_answer(question)).outcome != Outcome::Correct {
        fail("the right answer is not graded right".to_owned());
    }
    match (&question.prompt, &question.body) {
        (prompt, Body::Choice { options, correct }) => {
            check_choice(pack, question, prompt, options, *correct, &mut fail);
        }
        (
            Prompt::Statement {
                point, belongs_to, ..
            },
            Body::TrueFalse { answer },
        ) => {
            let own = any_overlap(&point_keys(entry), point);
            if *answer != own {
                fail(format!("the statement is {own}, not {answer}"));
            }
            if !*answer {
                if any_overlap(&readings(pack, at), point) || any_overlap(&names, point) {
                    fail("a false statement true under another reading".to_owned());
                }
                let from_author = entry.distractors.iter().any(|d| **d == **point);
                let sibling = question
                    .targets
                    .get(1)
                    .is_some_and(|t| t.entry.topic == at.topic && belongs_to.is_some());
                if !from_author && !sibling {
                    fail("a trivially false statement (not from the topic)".to_owned());
                }
            }
        }
        (
            prompt,
            Body::Typed {
                candidates,
                correct,
            },
        ) => match prompt {
            Prompt::EntryOfPoint { point, .. } => {
                check_entry_of_point(topic, entry, point, &mut fail);
                if candidates[*correct][0] != *entry.title {
                    fail("the typed answer is not the entry".to_owned());
                }
            }
            Prompt::TermForDefinition { definition } => check_cloze(entry, definition, &mut fail),
            Prompt::Authored { .. } => {}
            other => fail(format!("a typed answer with the prompt {other:?}")),
        },
        (Prompt::OrderPoints { .. }, Body::Ordering { items, order }) => {
            let in_order: Vec<&str> = order.iter().map(|&i| items[i].as_str()).collect();
            let material: Vec<&str> = entry
                .points
                .iter()
                .map(kisi_core::content::Point::item_text)
                .collect();
            if !entry.ordered || in_order != material {
                fail("the order is not the material's".to_owned());
            }
        }
        (Prompt::MatchPoints { .. }, Body::Matching { left, right, pairs }) => {
            check_matching(pack, question, left, right, pairs, &mut fail);
        }
        (Prompt::MatchPairs { .. }, Body::Matching { left, right, pairs }) => {
            for (i, l) in left.iter().enumerate() {
                for (r, rt) in right.iter().enumerate() {
                    let listed = entry.pairs.iter().any(|(a, b)| **a == **l && **b == **rt);
                    if listed != (pairs[i] == r) {
                        fail(format!("the pair {l:?} → {rt:?} is {listed}"));
                    }
                }
            }
        }
        (Prompt::ListAll { .. }, Body::ListAll { decoys, .. }) => {
            let own = point_keys(entry);
            for decoy in decoys {
                if own.contains(&answer_key(decoy)) {
                    fail(format!("the decoy {decoy:?} is an item"));
                }
            }
        }
        // A hand-written question is as its author wrote it: its options,
        // pairs and items are the author's statement, not a reading of the
        // pack to check.
        (Prompt::Flashcard { .. }, Body::Flashcard { .. })
        | (Prompt::SelectAll { .. }, Body::SelectAll { .. })
        | (Prompt::Authored { .. }, _) => {}
        other => fail(format!("prompt and body do not fit: {other:?}")),
    }
    problems
}

/// A multiple-choice question: distinct options, one right under every
/// reading, the asked item not among them.
fn check_choice(
    pack: &Pack,
    question: &Question,
    prompt: &Prompt,
    options: &[String],
    correct: usize,
    fail: &mut impl FnMut(String),
) {
    let correct = &correct;
    let at = question.targets[0].entry;
    let entry = pack.entry(at).unwrap();
    let topic = &pack.topics[at.topic];
    let names = entry.name_keys();
    let keys: HashSet<String> = options.iter().map(|o| answer_key(o)).collect();
    if keys.len() != options.len() || *correct >= options.len() {
        fail("repeated options or no right one".to_owned());
        return;
    }
    let wrong = options
        .iter()
        .enumerate()
        .filter(|(i, _)| i != correct)
        .map(|(_, o)| o);
    match prompt {
        Prompt::PointInEntry { .. } => {
            if !any_overlap(&point_keys(entry), &options[*correct]) {
                fail("the right option is not a point of the entry".to_owned());
            }
            let readings = readings(pack, at);
            for option in wrong {
                if any_overlap(&readings, option) || any_overlap(&names, option) {
                    fail(format!("the wrong option {option:?} is right too"));
                }
            }
        }
        Prompt::EntryOfPoint { point, .. } => {
            check_entry_of_point(topic, entry, point, fail);
            if options[*correct] != *entry.title {
                fail("the right option is not the entry".to_owned());
            }
            for option in wrong {
                match entry_by_title(topic, option) {
                    None => fail(format!("{option:?} is no entry of the topic")),
                    Some(other) if other.overview => {
                        fail(format!("the overview {option:?} offered as a category"));
                    }
                    Some(other) => {
                        if any_overlap(&point_keys(other), point) {
                            fail(format!("{point:?} belongs to {option:?} too"));
                        }
                        if any_overlap(&other.name_keys(), point) {
                            fail(format!("the asked item {point:?} is an option"));
                        }
                    }
                }
            }
        }
        Prompt::TermForDefinition { definition } => {
            check_cloze(entry, definition, fail);
            if options[*correct] != *entry.title {
                fail("the right option is not the entry".to_owned());
            }
            let all = pack.entries().map(|(_, e)| e);
            let overviews: Vec<&Entry> = all.filter(|e| e.overview).collect();
            for option in wrong {
                if overviews.iter().any(|o| *o.title == **option) {
                    fail(format!("the overview {option:?} offered as a term"));
                }
            }
        }
        Prompt::Authored { .. } => {}
        other => fail(format!("a choice with the prompt {other:?}")),
    }
}

/// Matching points with entries: each point belongs to its own entry only
/// and names none of them; no overview is a category.
fn check_matching(
    pack: &Pack,
    question: &Question,
    left: &[String],
    right: &[String],
    pairs: &[usize],
    fail: &mut impl FnMut(String),
) {
    let owners: Vec<(EntryRef, &Entry)> = right
        .iter()
        .map(|title| {
            question
                .targets
                .iter()
                .map(|t| (t.entry, pack.entry(t.entry).unwrap()))
                .find(|(_, e)| *e.title == **title)
                .unwrap()
        })
        .collect();
    for (r, (_, owner)) in owners.iter().enumerate() {
        if owner.overview {
            fail(format!("the overview {:?} as a category", owner.title));
        }
        for (i, point) in left.iter().enumerate() {
            let belongs = any_overlap(&point_keys(owner), point);
            if belongs != (pairs[i] == r) {
                fail(format!("{point:?} and {:?}: {belongs}", owner.title));
            }
            if any_overlap(&owner.name_keys(), point) {
                fail(format!("{point:?} names {:?}", owner.title));
            }
        }
    }
}

/// "Which entry does <point> belong to?": the point is the entry's, no
/// sibling's, and does not name the answer.
fn check_entry_of_point(topic: &Topic, entry: &Entry, point: &str, fail: &mut impl FnMut(String)) {
    if entry.overview {
        fail("a point of an overview asked as a category".to_owned());
    }
    if !any_overlap(&point_keys(entry), point) {
        fail(format!("{point:?} is not a point of the entry"));
    }
    if any_overlap(&entry.name_keys(), point) {
        fail(format!("{point:?} gives its entry away"));
    }
    for other in topic
        .entries
        .iter()
        .filter(|o| o.id != entry.id && !o.overview)
    {
        if any_overlap(&point_keys(other), point) {
            fail(format!("{point:?} belongs to {:?} too", other.title));
        }
    }
}

/// A cloze keeps enough words and shows none of its entry's names.
fn check_cloze(entry: &Entry, definition: &str, fail: &mut impl FnMut(String)) {
    let kept = definition
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if kept < MIN_CLOZE_WORDS {
        fail(format!("a cloze of {kept} words: {definition:?}"));
    }
    let shown = answer_key(definition);
    let mut names: Vec<String> = entry.name_keys();
    names.extend(entry.english.iter().map(|e| answer_key(e)));
    for name in names {
        if name.chars().count() >= 5 && shown.contains(&name) {
            fail(format!("the cloze shows {name:?}: {definition:?}"));
        }
    }
}

/// What is unfair about a set of questions together: an entry asked twice
/// before every entry of `material` (the entries a set of every kind could
/// be drawn from; `None` for a set of chosen kinds, which may have fewer)
/// was asked once, a question whose whole-list solution (flashcard, list,
/// ordering) gives another away.
pub fn unfair_set(questions: &[Question], material: Option<&[EntryRef]>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut by_entry: HashMap<EntryRef, Vec<&Question>> = HashMap::new();
    for question in questions {
        let entries: HashSet<EntryRef> = question.targets.iter().map(|t| t.entry).collect();
        for at in entries {
            by_entry.entry(at).or_default().push(question);
        }
    }
    let keys: HashSet<&str> = questions.iter().map(|q| q.key.as_str()).collect();
    if keys.len() != questions.len() {
        problems.push("a question asked twice".to_owned());
    }
    for (at, asked) in &by_entry {
        if asked.len() < 2 {
            continue;
        }
        if let Some(missing) = material
            .into_iter()
            .flatten()
            .find(|m| !by_entry.contains_key(m))
        {
            problems.push(format!(
                "{at:?} asked {} times in a set of {} that never asks {missing:?}",
                asked.len(),
                questions.len()
            ));
        }
        let whole = |q: &&&Question| {
            matches!(
                q.body,
                Body::Flashcard { .. } | Body::ListAll { .. } | Body::Ordering { .. }
            )
        };
        if let Some(giver) = asked.iter().find(whole) {
            problems.push(format!(
                "{:?} gives away the other questions about {at:?}",
                giver.key
            ));
        }
    }
    problems
}

/// A topic title used as a noun in the rendered prompt: anywhere outside
/// quotes and the material's own text (a definition, a flashcard's front,
/// a hand-written prompt), unless it is the author's member noun.
pub fn title_as_noun(pack: &Pack, question: &Question, lang: Lang) -> Option<String> {
    let rendered = wording::prompt(&question.prompt, lang);
    let mut frame = match &question.prompt {
        Prompt::TermForDefinition { definition } => rendered.replace(definition.as_str(), ""),
        Prompt::Flashcard { .. } | Prompt::Authored { .. } | Prompt::SelectAll { .. } => {
            return None;
        }
        _ => rendered.clone(),
    };
    // Remove what is quoted: titles and points as names.
    let mut unquoted = String::new();
    for (i, part) in frame.split('"').enumerate() {
        if i % 2 == 0 {
            unquoted.push_str(part);
        }
    }
    frame = unquoted;
    for topic in &pack.topics {
        for member in [topic.member.noun(lang)]
            .into_iter()
            .chain(
                topic
                    .entries
                    .iter()
                    .map(|e| e.member.as_ref().and_then(|m| m.noun(lang))),
            )
            .flatten()
        {
            frame = frame.replace(member, "");
        }
    }
    let folded = kisi_core::text::fold(&frame);
    pack.topics
        .iter()
        .find(|t| {
            let title = kisi_core::text::fold(&t.title);
            title.split_whitespace().count() > 1 && folded.contains(&title)
        })
        .map(|t| format!("the topic title {:?} as a noun in {rendered:?}", t.title))
}
