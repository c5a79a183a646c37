//! Generates questions from the structure of a pack: entries with their
//! points, topics with their entries. Every random choice comes from one
//! seeded generator, so the same options give the same quiz. This file
//! holds the generator and what every question shares; `plans` lists what
//! could be asked, `set` puts a quiz together from it (kinds taking turns,
//! rounds that keep it fair), `texts` holds the normalized texts compared,
//! and a file per question builds it.

mod authored;
mod choice;
mod entry_of_point;
mod flashcard;
mod list_all;
mod matching;
mod ordering;
mod plans;
mod pools;
mod set;
mod siblings;
mod spelling;
mod term;
mod texts;
mod true_false;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use crate::content::{Entry, EntryRef, Pack};
use crate::i18n::Lang;

use super::grade::normalize;
use super::question::{Body, Prompt, Question, QuestionKind, Target};
use super::rng::Rng;
use siblings::SiblingTexts;
pub use term::body_gives_answer;
use texts::point_forms;

/// Most options a multiple-choice question shows.
const CHOICE_OPTIONS: usize = 4;
/// Longest list students are asked to put in order.
const MAX_ORDERING: usize = 10;
/// Longest list students are asked to name in full, and the longest item
/// (in words) that is reasonable to type.
const MAX_LIST_ALL: usize = 12;
const MAX_LIST_ITEM_WORDS: usize = 6;
const MIN_MATCHING: usize = 4;
const MAX_MATCHING: usize = 5;

/// What a quiz is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizOptions {
    /// Topic ids to draw from; empty means all topics.
    pub topics: Vec<String>,
    /// How many questions at most; fewer when the material runs out.
    pub count: usize,
    /// Kinds of question to ask; empty means all kinds.
    pub kinds: Vec<QuestionKind>,
    /// The same seed (with the same pack and options) gives the same quiz.
    pub seed: u64,
    pub lang: Lang,
    pub time_limit: Option<Duration>,
}

impl Default for QuizOptions {
    fn default() -> Self {
        Self {
            topics: Vec::new(),
            count: 10,
            kinds: Vec::new(),
            seed: 0,
            lang: Lang::default(),
            time_limit: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuizError {
    #[error("the pack has no topic with id '{0}'")]
    UnknownTopic(String),
}

impl QuizError {
    /// The error in `lang`, with the topics of `pack` it may have meant.
    pub fn message(&self, pack: &Pack, lang: Lang) -> String {
        match self {
            Self::UnknownTopic(id) => lang
                .cli_words()
                .topic_not_found(id, &pack.topic_suggestions(id)),
        }
    }
}

/// One question that could be asked, before its options are drawn.
#[derive(Clone, Copy)]
enum Plan {
    PointInEntry(EntryRef, usize),
    EntryOfPoint(EntryRef, usize),
    TermChoice(EntryRef),
    Statement(EntryRef, usize, bool),
    TypedTerm(EntryRef),
    TypedEntryOfPoint(EntryRef, usize),
    Ordering(EntryRef),
    /// An index into [`Generator::groups`]: a big group has many plans,
    /// which must not each hold a copy of it.
    Matching(usize),
    /// The author's `pairs` of an entry.
    MatchPairs(EntryRef),
    ListAll(EntryRef),
    Flashcard(EntryRef),
    Authored(usize, usize),
}

/// Generates a quiz. Kinds take turns so that a short quiz is varied; hand
/// written questions of the chosen topics take a turn of their own.
///
/// # Errors
/// When `options.topics` names a topic the pack does not have.
pub fn generate(pack: &Pack, options: &QuizOptions) -> Result<Vec<Question>, QuizError> {
    let topics = selected_topics(pack, &options.topics)?;
    let mut kinds = if options.kinds.is_empty() {
        QuestionKind::ALL.to_vec()
    } else {
        options.kinds.clone()
    };
    kinds.sort_unstable();
    kinds.dedup();
    let mut generator = Generator::new(pack, options.seed);
    Ok(generator.quiz(&topics, &kinds, None, options.count))
}

/// Questions about single items of one pack (a review), sharing the work
/// of normalizing the pack's texts between them.
pub struct ItemQuestions<'a> {
    generator: Generator<'a>,
}

impl<'a> ItemQuestions<'a> {
    pub fn new(pack: &'a Pack) -> Self {
        Self {
            generator: Generator::new(pack, 0),
        }
    }

    /// One question that tests `target` (an entry, or one of its points),
    /// of any kind the material allows, or `None` when it allows none. It
    /// costs what one question costs, whatever the size of the pack.
    pub fn about(&mut self, target: Target, seed: u64) -> Option<Question> {
        self.generator.pack.entry(target.entry)?;
        self.generator.rng = Rng::new(seed);
        self.generator
            .quiz(&[target.entry.topic], &QuestionKind::ALL, Some(target), 1)
            .pop()
    }
}

/// The entry a plan is about, known before it is built; `None` for a
/// matching question of several entries.
fn plan_entry(plan: Plan) -> Option<EntryRef> {
    match plan {
        Plan::PointInEntry(at, _)
        | Plan::EntryOfPoint(at, _)
        | Plan::TermChoice(at)
        | Plan::Statement(at, _, _)
        | Plan::TypedTerm(at)
        | Plan::TypedEntryOfPoint(at, _)
        | Plan::Ordering(at)
        | Plan::MatchPairs(at)
        | Plan::ListAll(at)
        | Plan::Flashcard(at) => Some(at),
        Plan::Matching(_) | Plan::Authored(..) => None,
    }
}

fn selected_topics(pack: &Pack, ids: &[String]) -> Result<Vec<usize>, QuizError> {
    if ids.is_empty() {
        return Ok((0..pack.topics.len()).collect());
    }
    let mut topics = ids
        .iter()
        .map(|id| {
            pack.find_topic(id)
                .ok_or_else(|| QuizError::UnknownTopic(id.clone()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    topics.sort_unstable();
    topics.dedup();
    Ok(topics)
}

struct Generator<'a> {
    pack: &'a Pack,
    rng: Rng,
    /// The groups of entries matching questions draw from.
    groups: Vec<Vec<EntryRef>>,
    /// Where each topic's entries start among the pack's, and their
    /// number last (see `pools`).
    topic_starts: Vec<usize>,
    /// Normalized texts, worked out once per quiz when first needed rather
    /// than once per question: titles and points per topic, how many
    /// entries of the pack share each title, and every entry's spellings.
    sibling_texts: Vec<Option<SiblingTexts>>,
    topic_spellings: Vec<Option<Vec<Vec<String>>>>,
    title_counts: Option<HashMap<String, usize>>,
    all_spellings: Option<Vec<Vec<String>>>,
    /// Plans tried and the items they weighed (plans made, entries of the
    /// matching groups, candidates drawn from), for the tests that keep
    /// generation in proportion to what is asked.
    #[cfg(test)]
    builds: usize,
    #[cfg(test)]
    work: usize,
}

impl<'a> Generator<'a> {
    fn new(pack: &'a Pack, seed: u64) -> Self {
        Self {
            pack,
            rng: Rng::new(seed),
            groups: Vec::new(),
            topic_starts: Vec::new(),
            sibling_texts: Vec::new(),
            topic_spellings: Vec::new(),
            title_counts: None,
            all_spellings: None,
            #[cfg(test)]
            builds: 0,
            #[cfg(test)]
            work: 0,
        }
    }

    fn entry(&self, at: EntryRef) -> &'a Entry {
        &self.pack.topics[at.topic].entries[at.entry]
    }

    fn build(&mut self, plan: Plan) -> Option<Question> {
        #[cfg(test)]
        {
            self.builds += 1;
        }
        match plan {
            Plan::PointInEntry(at, p) => self.point_in_entry(at, p),
            Plan::EntryOfPoint(at, p) => self.entry_of_point(at, p, false),
            Plan::TypedEntryOfPoint(at, p) => self.entry_of_point(at, p, true),
            Plan::TermChoice(at) => self.term(at, false),
            Plan::TypedTerm(at) => self.term(at, true),
            Plan::Statement(at, p, truth) => self.statement(at, p, truth),
            Plan::Ordering(at) => self.ordering(at),
            Plan::Matching(group) => {
                let group = self.groups.get(group)?.clone();
                self.matching(group)
            }
            Plan::MatchPairs(at) => self.match_pairs(at),
            Plan::ListAll(at) => self.list_all(at),
            Plan::Flashcard(at) => Some(self.flashcard(at)),
            Plan::Authored(topic, index) => {
                self.authored(self.pack.topics.get(topic)?.questions.get(index)?)
            }
        }
    }

    fn question(&self, key: String, prompt: Prompt, body: Body, targets: Vec<Target>) -> Question {
        let first = targets.first().map(|t| self.entry(t.entry));
        let explanation = match (first, targets.first().and_then(|t| t.point)) {
            (Some(entry), Some(p)) if targets.len() == 1 => point_explanation(entry, p),
            (Some(entry), _) => entry_explanation(entry),
            (None, _) => String::new(),
        };
        Question {
            key,
            prompt,
            body,
            targets,
            explanation,
            source: first.map(|e| self.pack.citation(e)),
        }
    }

    /// Up to `max` items (target, text) with distinct normalized texts that
    /// do not overlap any text in `exclude` (see [`overlaps`]), in random
    /// order but preferring texts about as long as `like` (a one-word option
    /// next to a long clause gives itself away), then those from `near` over
    /// `far`. The texts taken are added to `exclude`.
    fn draw<'t, T: Copy>(
        &mut self,
        mut near: Vec<(T, &'t str)>,
        mut far: Vec<(T, &'t str)>,
        like: &str,
        exclude: &mut HashSet<String>,
        max: usize,
    ) -> Vec<(T, &'t str)> {
        #[cfg(test)]
        {
            self.work += near.len() + far.len();
        }
        self.rng.shuffle(&mut near);
        self.rng.shuffle(&mut far);
        let words = |text: &str| text.split_whitespace().count();
        let length = words(like);
        let closeness = |text: &str| (words(text).abs_diff(length) / 3).min(2);
        // A pass per closeness in length, near before far within each: the
        // order of a stable sort on (closeness, far), without sorting the
        // whole pool when the first few will do.
        let mut drawn = Vec::new();
        for pass in 0..=2 {
            for &(item, text) in near.iter().chain(&far) {
                if drawn.len() == max {
                    return drawn;
                }
                if closeness(text) != pass {
                    continue;
                }
                let n = normalize(text);
                if !n.is_empty() && !exclude.iter().any(|e| overlaps(e, &n)) {
                    exclude.insert(n);
                    drawn.push((item, text));
                }
            }
        }
        drawn
    }

    fn point_set(entry: &Entry) -> HashSet<String> {
        point_forms(entry).into_iter().collect()
    }
}

fn all_distinct(texts: &[String]) -> bool {
    let mut seen = HashSet::new();
    texts.iter().all(|t| {
        let n = normalize(t);
        !n.is_empty() && seen.insert(n)
    })
}

fn point_explanation(entry: &Entry, p: usize) -> String {
    entry.points.get(p).map_or_else(
        || entry_explanation(entry),
        |point| {
            format!(
                "{} — {}. {}",
                entry.title,
                point.display_label(p),
                point.text
            )
        },
    )
}

/// The entry as a student reads it: title, body and its points.
fn entry_explanation(entry: &Entry) -> String {
    std::iter::once(format!("{}: {}", entry.title, entry.body.trim()))
        .chain(
            entry
                .points
                .iter()
                .enumerate()
                .map(|(i, point)| format!("{}. {}", point.display_label(i), point.text)),
        )
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether two normalized texts say the same thing as far as a question can
/// tell: equal, or one inside the other ("fasilitator" and "fasilitator atau
/// pendamping"). Such a pair must never be a right and a wrong answer.
/// A text of fewer than [`MIN_INSIDE`] letters counts only when equal: "ip"
/// is inside "partisipasi" without saying the same thing.
fn overlaps(a: &str, b: &str) -> bool {
    let shorter = a.len().min(b.len());
    a == b || (shorter >= MIN_INSIDE && (a.contains(b) || b.contains(a)))
}

/// See [`overlaps`]; in bytes of normalized text.
const MIN_INSIDE: usize = 4;

#[cfg(test)]
mod tests;
