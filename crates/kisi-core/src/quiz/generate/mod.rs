//! Generates questions from the structure of a pack: entries with their
//! points, topics with their entries. Every random choice comes from one
//! seeded generator, so the same options give the same quiz. This file
//! plans (which questions could be asked, kinds taking turns); a file per
//! question builds it.

mod authored;
mod choice;
mod entry_of_point;
mod flashcard;
mod list_all;
mod matching;
mod ordering;
mod spelling;
mod term;
mod true_false;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use crate::content::{Entry, EntryRef, Pack};
use crate::i18n::Lang;

use super::grade::{normalize, without_shared_spellings};
use super::question::{Body, Prompt, Question, QuestionKind, Target};
use super::rng::Rng;
use authored::authored_plans;
use matching::{MIN_PAIRS, matching_groups};
use spelling::{spellings, typeable};
pub use term::body_gives_answer;

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

/// At most this many plans per question asked (and this many more) may
/// fail to give a question before a quiz makes do with what it has, so a
/// pack whose material mostly cannot be asked about costs time in
/// proportion to the questions asked, not to its size squared.
const FAILURES_PER_QUESTION: usize = 8;
const FAILURES_ALLOWED: usize = 64;
/// At most this many failures in a row before the next kind takes its turn.
const FAILURES_PER_TURN: usize = 4;

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

/// What [`Generator::take_turns`] fills and its limits.
struct Rounds<'s> {
    set: &'s mut QuizSet,
    count: usize,
    failures_left: &'s mut usize,
}

/// The questions of a quiz so far, with what keeps them fair together.
#[derive(Default)]
struct QuizSet {
    questions: Vec<Question>,
    keys: HashSet<String>,
    /// Every entry a question tests or names in its answer.
    asked: HashSet<EntryRef>,
    /// Entries whose whole list some question shows (a flashcard's back,
    /// the solution of a list or an ordering): any other question about
    /// them would be given away.
    shown: HashSet<EntryRef>,
}

impl QuizSet {
    /// A question of the first round: new, about entries not yet asked.
    fn fresh(&self, question: &Question) -> bool {
        !self.keys.contains(&question.key)
            && question
                .targets
                .iter()
                .all(|t| !self.asked.contains(&t.entry))
    }

    /// A question of the second round, asking again about an entry: never
    /// about an entry whose whole list was shown, and never showing the
    /// whole list of an entry already asked about.
    fn fits_again(&self, question: &Question) -> bool {
        let shows = shows_whole_list(question);
        !self.keys.contains(&question.key)
            && (is_authored(question)
                || question.targets.iter().all(|t| {
                    !(self.shown.contains(&t.entry) || (shows && self.asked.contains(&t.entry)))
                }))
    }

    fn add(&mut self, question: Question) {
        let shows = shows_whole_list(&question);
        for target in &question.targets {
            self.asked.insert(target.entry);
            if shows {
                self.shown.insert(target.entry);
            }
        }
        self.keys.insert(question.key.clone());
        self.questions.push(question);
    }
}

/// Whether a question shows all of its entry, before or after the answer.
/// A hand-written one shows only what its author wrote.
fn shows_whole_list(question: &Question) -> bool {
    !is_authored(question)
        && matches!(
            question.body,
            Body::Flashcard { .. } | Body::ListAll { .. } | Body::Ordering { .. }
        )
}

/// A hand-written question: each is asked once per quiz as its author
/// wrote it, however many are about one entry.
fn is_authored(question: &Question) -> bool {
    matches!(
        question.prompt,
        Prompt::Authored { .. } | Prompt::SelectAll { .. }
    )
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

/// A topic's titles and points, normalized; `points[e]` are entry `e`'s.
struct TopicTexts {
    titles: Vec<String>,
    /// Each point's text and its `also`.
    points: Vec<Vec<String>>,
    /// The names of each entry: title, title without its parenthesis,
    /// aliases.
    names: Vec<Vec<String>>,
    /// What counts as one of an entry's items under any reading the pack
    /// gives: its points, and for an overview also its members' names and
    /// their points.
    answers: Vec<HashSet<String>>,
    /// The entries' spellings, without those two of them share.
    spellings: Vec<Vec<String>>,
}

struct Generator<'a> {
    pack: &'a Pack,
    rng: Rng,
    /// The groups of entries matching questions draw from.
    groups: Vec<Vec<EntryRef>>,
    /// Normalized texts, worked out once per quiz when first needed rather
    /// than once per question: titles and points per topic, how many
    /// entries of the pack share each title, and every entry's spellings.
    topic_texts: Vec<Option<TopicTexts>>,
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
            topic_texts: Vec::new(),
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

    /// The normalized titles and points of a topic's entries.
    fn topic_texts(&mut self, topic: usize) -> &TopicTexts {
        if self.topic_texts.len() <= topic {
            self.topic_texts
                .resize_with(self.pack.topics.len(), || None);
        }
        let pack = self.pack;
        self.topic_texts[topic].get_or_insert_with(|| {
            let topic = &pack.topics[topic];
            let entries = &topic.entries;
            let points: Vec<Vec<String>> = entries.iter().map(point_forms).collect();
            let names: Vec<Vec<String>> = entries.iter().map(Entry::name_keys).collect();
            let answers = (0..entries.len())
                .map(|e| {
                    let mut set: HashSet<String> = points[e].iter().cloned().collect();
                    for m in topic.members_of(e) {
                        set.extend(names[m].iter().cloned());
                        set.extend(points[m].iter().cloned());
                    }
                    set
                })
                .collect();
            TopicTexts {
                titles: entries.iter().map(|e| normalize(&e.title)).collect(),
                points,
                names,
                answers,
                spellings: without_shared_spellings(entries.iter().map(spellings).collect()),
            }
        })
    }

    /// What must never be a wrong option of a question about the items of
    /// `at`: every answer under any reading ([`TopicTexts::answers`]) and
    /// the entry's own names (the asked item).
    fn answer_set(&mut self, at: EntryRef) -> HashSet<String> {
        let texts = self.topic_texts(at.topic);
        let mut set = texts.answers[at.entry].clone();
        set.extend(texts.names[at.entry].iter().cloned());
        set
    }

    /// [`Self::topic_texts`]' spellings.
    fn topic_spellings(&mut self, topic: usize) -> &[Vec<String>] {
        &self.topic_texts(topic).spellings
    }

    /// How many entries of the pack have this normalized title.
    fn title_count(&mut self, title: &str) -> usize {
        let pack = self.pack;
        let counts = self.title_counts.get_or_insert_with(|| {
            let mut counts = HashMap::new();
            for (_, entry) in pack.entries() {
                *counts.entry(normalize(&entry.title)).or_default() += 1;
            }
            counts
        });
        counts.get(title).copied().unwrap_or(0)
    }

    /// Every entry's spellings in pack order, without those two entries
    /// share (see [`without_shared_spellings`]).
    fn all_spellings(&mut self) -> &[Vec<String>] {
        let pack = self.pack;
        self.all_spellings.get_or_insert_with(|| {
            without_shared_spellings(pack.entries().map(|(_, e)| spellings(e)).collect())
        })
    }

    /// Up to `count` questions of `kinds` about `topics`, or about `focus`
    /// alone (then only questions whose first target it is).
    fn quiz(
        &mut self,
        topics: &[usize],
        kinds: &[QuestionKind],
        focus: Option<Target>,
        count: usize,
    ) -> Vec<Question> {
        let mut queues: Vec<Vec<Plan>> = Vec::new();
        for &kind in kinds {
            let plans = self.plans(topics, kind, focus);
            #[cfg(test)]
            {
                self.work += plans.len();
            }
            queues.push(plans);
        }
        let mut authored = authored_plans(self.pack, topics, kinds);
        if let Some(focus) = focus {
            let id = &self.entry(focus.entry).id;
            authored.retain(|plan| {
                focus.point.is_none()
                    && matches!(plan, Plan::Authored(t, i)
                        if self.pack.topics[*t].questions[*i].entry.as_str() == &**id)
            });
        }
        queues.push(authored);
        for queue in &mut queues {
            self.rng.shuffle(queue);
        }
        self.rng.shuffle(&mut queues);

        let mut failures_left = count
            .saturating_mul(FAILURES_PER_QUESTION)
            .saturating_add(FAILURES_ALLOWED);
        let mut set = QuizSet::default();
        // First each entry at most once; plans about an entry already asked
        // wait for a second round, which runs only when the material is
        // smaller than the quiz. Kinds take turns in both.
        let mut waiting: Vec<Vec<Plan>> = vec![Vec::new(); queues.len()];
        let mut rounds = Rounds {
            set: &mut set,
            count,
            failures_left: &mut failures_left,
        };
        self.take_turns(&mut queues, &mut rounds, Some(&mut waiting));
        for queue in &mut waiting {
            queue.reverse();
        }
        self.take_turns(&mut waiting, &mut rounds, None);
        let mut questions = set.questions;
        self.rng.shuffle(&mut questions);
        questions
    }

    /// Takes a question from each queue in turn until `rounds.count` are
    /// taken, the queues are empty or too many plans failed. In the first
    /// round (`waiting` given) only questions about entries not yet asked
    /// are taken, the others wait there; in the second a question may ask
    /// about an entry again when it gives nothing away.
    fn take_turns(
        &mut self,
        queues: &mut [Vec<Plan>],
        rounds: &mut Rounds<'_>,
        mut waiting: Option<&mut Vec<Vec<Plan>>>,
    ) {
        while *rounds.failures_left > 0
            && rounds.set.questions.len() < rounds.count
            && queues.iter().any(|q| !q.is_empty())
        {
            for (q, queue) in queues.iter_mut().enumerate() {
                if rounds.set.questions.len() == rounds.count {
                    return;
                }
                let mut failures_this_turn = 0;
                while let Some(plan) = queue.pop() {
                    let asked = plan_entry(plan).is_some_and(|at| rounds.set.asked.contains(&at));
                    if let (true, Some(waiting)) = (asked, waiting.as_deref_mut()) {
                        waiting[q].push(plan);
                        continue;
                    }
                    match (self.build(plan), waiting.as_deref_mut()) {
                        (Some(question), Some(_)) if rounds.set.fresh(&question) => {
                            rounds.set.add(question);
                            break;
                        }
                        (Some(question), None) if rounds.set.fits_again(&question) => {
                            rounds.set.add(question);
                            break;
                        }
                        (Some(question), Some(waiting))
                            if !rounds.set.keys.contains(&question.key) =>
                        {
                            waiting[q].push(plan);
                        }
                        _ => {}
                    }
                    *rounds.failures_left -= 1;
                    if *rounds.failures_left == 0 {
                        return;
                    }
                    // A kind whose plans keep failing (definitions that
                    // cannot be made clozes) must not use up the budget of
                    // the others.
                    failures_this_turn += 1;
                    if failures_this_turn == FAILURES_PER_TURN {
                        break;
                    }
                }
            }
        }
    }

    /// The plans of one kind: about the entries of `topics`, or only about
    /// `focus` (an entry, or one of its points) when there is one.
    fn plans(&mut self, topics: &[usize], kind: QuestionKind, focus: Option<Target>) -> Vec<Plan> {
        let pack = self.pack;
        let entries: Vec<(EntryRef, &Entry)> = if let Some(target) = focus {
            pack.entry(target.entry)
                .map(|entry| (target.entry, entry))
                .into_iter()
                .collect()
        } else {
            let mut selected = vec![false; pack.topics.len()];
            for &t in topics {
                selected[t] = true;
            }
            pack.entries()
                .filter(|(at, _)| selected[at.topic])
                .collect()
        };
        // With a focus on a point, no question about the whole entry; with
        // one on an entry, none about one of its points.
        let whole_entries = focus.is_none_or(|target| target.point.is_none());
        let entries_asked: &[(EntryRef, &Entry)] = if whole_entries { &entries } else { &[] };
        let siblings = |at: EntryRef| pack.topics[at.topic].entries.len() > 1;
        let points = || {
            entries.iter().flat_map(move |(at, e)| {
                (0..e.points.len())
                    .filter(move |&p| focus.is_none_or(|target| target.point == Some(p)))
                    .map(move |p| (*at, p))
            })
        };
        let entries = entries_asked;
        match kind {
            QuestionKind::Choice => {
                let mut plans: Vec<Plan> =
                    points().map(|(at, p)| Plan::PointInEntry(at, p)).collect();
                plans.extend(
                    points()
                        .filter(|(at, _)| siblings(*at))
                        .map(|(at, p)| Plan::EntryOfPoint(at, p)),
                );
                plans.extend(entries.iter().map(|(at, _)| Plan::TermChoice(*at)));
                plans
            }
            QuestionKind::TrueFalse => points()
                .collect::<Vec<_>>()
                .into_iter()
                // A question about one point states it truly: a false
                // statement tests the entry, not the point.
                .map(|(at, p)| Plan::Statement(at, p, focus.is_some() || self.rng.coin()))
                .collect(),
            QuestionKind::Typed => {
                let typeable = |at: EntryRef| typeable(&pack.topics[at.topic].entries[at.entry]);
                let mut plans: Vec<Plan> = entries
                    .iter()
                    .filter(|(at, _)| typeable(*at))
                    .map(|(at, _)| Plan::TypedTerm(*at))
                    .collect();
                plans.extend(
                    points()
                        .filter(|(at, _)| siblings(*at) && typeable(*at))
                        .map(|(at, p)| Plan::TypedEntryOfPoint(at, p)),
                );
                plans
            }
            QuestionKind::Ordering => entries
                .iter()
                .filter(|(_, e)| e.ordered && (3..=MAX_ORDERING).contains(&e.points.len()))
                .map(|(at, _)| Plan::Ordering(*at))
                .collect(),
            // A matching question is about several entries, never one alone.
            QuestionKind::Matching if focus.is_some() => Vec::new(),
            QuestionKind::Matching => {
                let mut plans: Vec<Plan> = entries
                    .iter()
                    .filter(|(_, e)| e.pairs.len() >= MIN_PAIRS)
                    .map(|(at, _)| Plan::MatchPairs(*at))
                    .collect();
                self.groups = matching_groups(pack, topics);
                #[cfg(test)]
                {
                    self.work += self.groups.iter().map(Vec::len).sum::<usize>();
                }
                plans.extend(self.groups.iter().enumerate().flat_map(|(g, group)| {
                    let plans = (group.len() / MIN_MATCHING).max(1);
                    std::iter::repeat_n(Plan::Matching(g), plans)
                }));
                plans
            }
            QuestionKind::ListAll => entries
                .iter()
                .filter(|(_, e)| {
                    (2..=MAX_LIST_ALL).contains(&e.points.len())
                        && e.points
                            .iter()
                            .all(|p| p.text.split_whitespace().count() <= MAX_LIST_ITEM_WORDS)
                })
                .map(|(at, _)| Plan::ListAll(*at))
                .collect(),
            QuestionKind::Flashcard => entries.iter().map(|(at, _)| Plan::Flashcard(*at)).collect(),
        }
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

    /// Points of entries other than `at`, split into its topic and the
    /// rest. An overview's points are other entries' names, not items like
    /// the rest, so they are left out.
    fn other_points(&self, at: EntryRef) -> [Vec<(Target, &'a str)>; 2] {
        let mut near = Vec::new();
        let mut far = Vec::new();
        let pack = self.pack;
        for (other, entry) in pack.entries().filter(|(o, e)| *o != at && !e.overview) {
            for (p, point) in entry.points.iter().enumerate() {
                let item = (
                    Target {
                        entry: other,
                        point: Some(p),
                    },
                    point.item_text(),
                );
                if other.topic == at.topic {
                    near.push(item);
                } else {
                    far.push(item);
                }
            }
        }
        [near, far]
    }

    fn point_set(entry: &Entry) -> HashSet<String> {
        point_forms(entry).into_iter().collect()
    }
}

/// A point's folded text and its `also`, per point of `entry`, flattened.
fn point_forms(entry: &Entry) -> Vec<String> {
    entry
        .points
        .iter()
        .flat_map(|p| {
            std::iter::once(normalize(p.item_text())).chain(p.also.iter().map(|a| normalize(a)))
        })
        .filter(|k| !k.is_empty())
        .collect()
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
mod tests {
    use super::*;
    use crate::content::synthetic::synthetic_pack;

    /// A synthetic pack with all its entries in its first topic.
    fn one_topic(entries: usize) -> Pack {
        let mut pack = synthetic_pack(entries, 5);
        let mut rest = pack.topics.split_off(1);
        for topic in &mut rest {
            pack.topics[0].entries.append(&mut topic.entries);
        }
        pack
    }

    fn quiz<'p>(
        pack: &'p Pack,
        kinds: &[QuestionKind],
        count: usize,
    ) -> (Vec<Question>, Generator<'p>) {
        let topics: Vec<usize> = (0..pack.topics.len()).collect();
        let mut generator = Generator::new(pack, 11);
        let questions = generator.quiz(&topics, kinds, None, count);
        (questions, generator)
    }

    #[test]
    fn a_quiz_from_one_big_topic_costs_in_proportion_to_the_topic() {
        // Matching plans used to copy the topic's entries once per plan: a
        // topic four times as big cost sixteen times the memory.
        let (small_pack, big_pack) = (one_topic(500), one_topic(2_000));
        let (small_questions, small) = quiz(&small_pack, &QuestionKind::ALL, 3);
        let (big_questions, big) = quiz(&big_pack, &QuestionKind::ALL, 3);
        assert_eq!((small_questions.len(), big_questions.len()), (3, 3));
        assert!(big.work < small.work * 6, "{} → {}", small.work, big.work);
        let (_, matching) = quiz(&big_pack, &[QuestionKind::Matching], 3);
        assert!(matching.work < 2 * 2_000, "{}", matching.work);
    }

    #[test]
    fn plans_that_fail_stop_being_tried_after_a_bound() {
        // Every definition is its title alone, so no term question can be
        // made: trying each of 2,000 entries, each weighing every title,
        // was quadratic.
        let mut pack = one_topic(2_000);
        for entry in &mut pack.topics[0].entries {
            entry.body = entry.title.clone();
            entry.points = Box::default();
        }
        let (questions, generator) = quiz(&pack, &[QuestionKind::Choice], 3);
        assert!(questions.is_empty());
        assert_eq!(
            generator.builds,
            3 * FAILURES_PER_QUESTION + FAILURES_ALLOWED
        );
    }

    #[test]
    fn a_question_about_one_item_weighs_one_entry_plans() {
        let pack = one_topic(2_000);
        let target = Target {
            entry: EntryRef { topic: 0, entry: 7 },
            point: Some(0),
        };
        let mut generator = Generator::new(&pack, 3);
        let question = generator
            .quiz(&[0], &QuestionKind::ALL, Some(target), 1)
            .pop();
        assert_eq!(question.map(|q| q.targets[0]), Some(target));
        // At most the point's own plans, then one pool of the pack's points.
        let points: usize = pack.topics[0].entries.iter().map(|e| e.points.len()).sum();
        assert!(generator.builds <= 4, "{}", generator.builds);
        assert!(
            generator.work <= 4 * points,
            "{} > 4 × {points}",
            generator.work
        );
    }
}
