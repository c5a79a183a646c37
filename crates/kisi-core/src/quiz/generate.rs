//! Generates questions from the structure of a pack: entries with their
//! points, topics with their entries. Every random choice comes from one
//! seeded generator, so the same options give the same quiz.

use std::collections::HashSet;
use std::time::Duration;

use crate::content::{AuthoredKind, AuthoredQuestion, Entry, EntryRef, Pack};
use crate::text::fold_with_map;

use super::grade::{normalize, without_shared_spellings};
use super::question::{Body, Prompt, Question, QuestionKind, Target};
use super::rng::Rng;
use crate::i18n::Lang;

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
enum Plan {
    PointInEntry(EntryRef, usize),
    EntryOfPoint(EntryRef, usize),
    TermChoice(EntryRef),
    Statement(EntryRef, usize, bool),
    TypedTerm(EntryRef),
    TypedEntryOfPoint(EntryRef, usize),
    Ordering(EntryRef),
    Matching(Vec<EntryRef>),
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

    let mut generator = Generator {
        pack,
        rng: Rng::new(options.seed),
    };
    let mut queues: Vec<Vec<Plan>> = Vec::new();
    for &kind in &kinds {
        let plans = generator.plans(&topics, kind);
        queues.push(plans);
    }
    queues.push(authored_plans(pack, &topics, &kinds));
    for queue in &mut queues {
        generator.rng.shuffle(queue);
    }
    generator.rng.shuffle(&mut queues);

    let mut questions = Vec::new();
    let mut seen = HashSet::new();
    while questions.len() < options.count && queues.iter().any(|q| !q.is_empty()) {
        for queue in &mut queues {
            if questions.len() == options.count {
                break;
            }
            while let Some(plan) = queue.pop() {
                if let Some(question) = generator.build(plan)
                    && seen.insert(question.key.clone())
                {
                    questions.push(question);
                    break;
                }
            }
        }
    }
    generator.rng.shuffle(&mut questions);
    Ok(questions)
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

fn authored_plans(pack: &Pack, topics: &[usize], kinds: &[QuestionKind]) -> Vec<Plan> {
    let mut plans = Vec::new();
    for &t in topics {
        for (i, question) in pack.topics[t].questions.iter().enumerate() {
            let kind = match question.kind {
                AuthoredKind::Choice { .. } => QuestionKind::Choice,
                AuthoredKind::TrueFalse { .. } => QuestionKind::TrueFalse,
                AuthoredKind::Typed { .. } => QuestionKind::Typed,
            };
            if kinds.contains(&kind) {
                plans.push(Plan::Authored(t, i));
            }
        }
    }
    plans
}

/// The spellings a typed answer may use for an entry: its title, the title
/// without a parenthesis and the parenthesis alone ("Broker (perantara)"),
/// the part before a colon ("Pasal 3: Tujuan …"), aliases and the English
/// term. The full title comes first.
/// The most words a typed answer asks for.
const TYPEABLE_WORDS: usize = 3;

/// Whether a student can be asked to type this entry's name: a name like
/// "Mediator" or "Ketahanan sosial" is, a descriptive title such as "Empat
/// peran pekerja sosial menurut blog" is not (it is asked as a choice).
/// A part in parentheses is an aside, not part of the name.
fn typeable(entry: &Entry) -> bool {
    let title = entry.title.trim();
    let name = match (title.find('('), title.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            format!("{} {}", &title[..open], &title[close + 1..])
        }
        _ => title.to_owned(),
    };
    name.split_whitespace().count() <= TYPEABLE_WORDS
}

fn spellings(entry: &Entry) -> Vec<String> {
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
fn mask(text: &str, terms: &[String]) -> String {
    let (folded, origin) = fold_with_map(text);
    let folded: Vec<char> = folded.chars().collect();
    let original: Vec<char> = text.chars().collect();
    let mut hidden = vec![false; original.len()];
    let is_word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    for term in terms {
        let term: Vec<char> = crate::text::fold(term.trim()).chars().collect();
        if term.len() < 3 || term.len() > folded.len() {
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

struct Generator<'a> {
    pack: &'a Pack,
    rng: Rng,
}

impl<'a> Generator<'a> {
    fn entry(&self, at: EntryRef) -> &'a Entry {
        &self.pack.topics[at.topic].entries[at.entry]
    }

    fn plans(&mut self, topics: &[usize], kind: QuestionKind) -> Vec<Plan> {
        let pack = self.pack;
        let entries: Vec<(EntryRef, &Entry)> = pack
            .entries()
            .filter(|(at, _)| topics.contains(&at.topic))
            .collect();
        let siblings = |at: EntryRef| pack.topics[at.topic].entries.len() > 1;
        let points = || {
            entries
                .iter()
                .flat_map(|(at, e)| (0..e.points.len()).map(move |p| (*at, p)))
        };
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
                .map(|(at, p)| Plan::Statement(at, p, self.rng.coin()))
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
            QuestionKind::Matching => matching_groups(pack, topics)
                .into_iter()
                .flat_map(|group| {
                    let plans = (group.len() / MIN_MATCHING).max(1);
                    std::iter::repeat_n(group, plans)
                })
                .map(Plan::Matching)
                .collect(),
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
        match plan {
            Plan::PointInEntry(at, p) => self.point_in_entry(at, p),
            Plan::EntryOfPoint(at, p) => self.entry_of_point(at, p, false),
            Plan::TypedEntryOfPoint(at, p) => self.entry_of_point(at, p, true),
            Plan::TermChoice(at) => self.term(at, false),
            Plan::TypedTerm(at) => self.term(at, true),
            Plan::Statement(at, p, truth) => self.statement(at, p, truth),
            Plan::Ordering(at) => self.ordering(at),
            Plan::Matching(group) => self.matching(&group),
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
    /// do not overlap any text in `exclude` (see [`overlaps`]), in random order but preferring texts about as
    /// long as `like` (a one-word option next to a long clause gives itself
    /// away), then those from `near` over `far`. The texts taken are added to
    /// `exclude`.
    fn draw<T>(
        &mut self,
        mut near: Vec<(T, String)>,
        mut far: Vec<(T, String)>,
        like: &str,
        exclude: &mut HashSet<String>,
        max: usize,
    ) -> Vec<(T, String)> {
        self.rng.shuffle(&mut near);
        self.rng.shuffle(&mut far);
        let words = |text: &str| text.split_whitespace().count();
        let length = words(like);
        let mut pool: Vec<(bool, T, String)> = near
            .into_iter()
            .map(|(item, text)| (false, item, text))
            .chain(far.into_iter().map(|(item, text)| (true, item, text)))
            .collect();
        pool.sort_by_key(|(is_far, _, text)| ((words(text).abs_diff(length) / 3).min(2), *is_far));
        let mut drawn = Vec::new();
        for (_, item, text) in pool {
            if drawn.len() == max {
                break;
            }
            let n = normalize(&text);
            if !n.is_empty() && !exclude.iter().any(|e| overlaps(e, &n)) {
                exclude.insert(n);
                drawn.push((item, text));
            }
        }
        drawn
    }

    /// Points of entries other than `at`, split into its topic and the rest.
    fn other_points(&self, at: EntryRef) -> [Vec<(Target, String)>; 2] {
        let mut near = Vec::new();
        let mut far = Vec::new();
        for (other, entry) in self.pack.entries().filter(|(o, _)| *o != at) {
            for (p, point) in entry.points.iter().enumerate() {
                let item = (
                    Target {
                        entry: other,
                        point: Some(p),
                    },
                    point.item_text().to_string(),
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

    /// Shuffles `options` whose first element is the right one and returns
    /// a multiple-choice body, or nothing when there is no wrong option.
    fn choice(&mut self, mut options: Vec<String>) -> Option<Body> {
        if options.len() < 2 {
            return None;
        }
        let mut order: Vec<usize> = (0..options.len()).collect();
        self.rng.shuffle(&mut order);
        let correct = order.iter().position(|&i| i == 0)?;
        let mut shuffled = Vec::with_capacity(options.len());
        for i in order {
            shuffled.push(std::mem::take(&mut options[i]));
        }
        Some(Body::Choice {
            options: shuffled,
            correct,
        })
    }

    fn point_set(entry: &Entry) -> HashSet<String> {
        entry
            .points
            .iter()
            .map(|p| normalize(p.item_text()))
            .collect()
    }

    fn point_in_entry(&mut self, at: EntryRef, p: usize) -> Option<Question> {
        let entry = self.entry(at);
        let correct = entry.points.get(p)?.item_text().to_string();
        if normalize(&correct).is_empty() {
            return None;
        }
        let mut exclude = Self::point_set(entry);
        let [near, far] = self.other_points(at);
        let distractors = self.draw(near, far, &correct, &mut exclude, CHOICE_OPTIONS - 1);
        let options = std::iter::once(correct)
            .chain(distractors.into_iter().map(|(_, text)| text))
            .collect();
        let body = self.choice(options)?;
        let entry = self.entry(at);
        Some(self.question(
            format!("point-in-entry:{}", entry.point_key(p)),
            Prompt::PointInEntry {
                entry: entry.title.to_string(),
            },
            body,
            vec![Target {
                entry: at,
                point: Some(p),
            }],
        ))
    }

    /// "Which entry of this topic does the point belong to?", as multiple
    /// choice among sibling entries or typed.
    fn entry_of_point(&mut self, at: EntryRef, p: usize, typed: bool) -> Option<Question> {
        let pack = self.pack;
        let entry = self.entry(at);
        let point = entry.points.get(p)?.item_text().to_string();
        let point_norm = normalize(&point);
        let title_norm = normalize(&entry.title);
        if point_norm.is_empty() || title_norm.is_empty() {
            return None;
        }
        // Siblings holding the same point would be right too; a sibling with
        // the same title could not be told apart.
        let siblings: Vec<(EntryRef, &Entry)> = pack.topics[at.topic]
            .entries
            .iter()
            .enumerate()
            .map(|(e, entry)| {
                (
                    EntryRef {
                        topic: at.topic,
                        entry: e,
                    },
                    entry,
                )
            })
            .filter(|(other, _)| *other != at)
            .collect();
        if siblings.iter().any(|(_, s)| {
            normalize(&s.title) == title_norm
                || Self::point_set(s).iter().any(|q| overlaps(q, &point_norm))
        }) {
            return None;
        }
        let topic = pack.topics[at.topic].title.clone();
        let target = vec![Target {
            entry: at,
            point: Some(p),
        }];
        let body = if typed {
            let mut candidates = vec![spellings(entry)];
            candidates.extend(siblings.iter().map(|(_, s)| spellings(s)));
            Body::Typed {
                candidates: without_shared_spellings(candidates),
                correct: 0,
            }
        } else {
            let near = siblings
                .iter()
                .map(|(o, s)| (*o, s.title.to_string()))
                .collect();
            let mut exclude = HashSet::from([title_norm]);
            let drawn = self.draw(
                near,
                Vec::new(),
                &entry.title,
                &mut exclude,
                CHOICE_OPTIONS - 1,
            );
            let options = std::iter::once(entry.title.to_string())
                .chain(drawn.into_iter().map(|(_, t)| t))
                .collect();
            self.choice(options)?
        };
        let key = format!(
            "{}:{}",
            if typed {
                "typed-entry-of-point"
            } else {
                "entry-of-point"
            },
            entry.point_key(p)
        );
        Some(self.question(key, Prompt::EntryOfPoint { point, topic }, body, target))
    }

    /// The term for a definition: the entry's body with its own names hidden.
    fn term(&mut self, at: EntryRef, typed: bool) -> Option<Question> {
        let pack = self.pack;
        let entry = self.entry(at);
        let own = spellings(entry);
        let definition = mask(entry.body.trim(), &own);
        let revealing = normalize(&definition).is_empty();
        let title_norm = normalize(&entry.title);
        let clash = pack
            .entries()
            .any(|(o, e)| o != at && normalize(&e.title) == title_norm);
        if revealing || clash {
            return None;
        }
        let body = if typed {
            let mut candidates = vec![own];
            candidates.extend(
                pack.entries()
                    .filter(|(o, _)| *o != at)
                    .map(|(_, e)| spellings(e)),
            );
            Body::Typed {
                candidates: without_shared_spellings(candidates),
                correct: 0,
            }
        } else {
            let (near, far): (Vec<_>, Vec<_>) = pack
                .entries()
                .filter(|(o, _)| *o != at)
                .map(|(o, e)| (o, e.title.to_string()))
                .partition(|(o, _)| o.topic == at.topic);
            let mut exclude: HashSet<String> = own.iter().map(|s| normalize(s)).collect();
            let drawn = self.draw(near, far, &entry.title, &mut exclude, CHOICE_OPTIONS - 1);
            let options = std::iter::once(entry.title.to_string())
                .chain(drawn.into_iter().map(|(_, t)| t))
                .collect();
            self.choice(options)?
        };
        let key = format!("{}:{}", if typed { "typed-term" } else { "term" }, entry.id);
        Some(self.question(
            key,
            Prompt::TermForDefinition { definition },
            body,
            vec![Target {
                entry: at,
                point: None,
            }],
        ))
    }

    /// "'<point>' is one of <entry>": true with the entry's own point, false
    /// with a point of another entry swapped in.
    fn statement(&mut self, at: EntryRef, p: usize, truth: bool) -> Option<Question> {
        let entry = self.entry(at);
        let own = entry.points.get(p)?.item_text().to_string();
        if normalize(&own).is_empty() {
            return None;
        }
        let mut targets = vec![Target {
            entry: at,
            point: truth.then_some(p),
        }];
        let (point, belongs_to) = if truth {
            (own, None)
        } else {
            let mut exclude = Self::point_set(entry);
            let [near, far] = self.other_points(at);
            let (from, text) = self.draw(near, far, &own, &mut exclude, 1).pop()?;
            targets.push(from);
            (text, Some(self.entry(from.entry).title.to_string()))
        };
        let entry = self.entry(at);
        let mut question = self.question(
            format!("statement:{}", entry.point_key(p)),
            Prompt::Statement {
                point,
                entry: entry.title.to_string(),
                belongs_to,
            },
            Body::TrueFalse { answer: truth },
            targets,
        );
        if truth {
            question.explanation = point_explanation(entry, p);
        }
        Some(question)
    }

    fn ordering(&mut self, at: EntryRef) -> Option<Question> {
        let entry = self.entry(at);
        let texts: Vec<String> = entry
            .points
            .iter()
            .map(|p| p.item_text().to_string())
            .collect();
        if texts.len() < 3 || !all_distinct(&texts) {
            return None;
        }
        let mut shown: Vec<usize> = (0..texts.len()).collect();
        self.rng.shuffle(&mut shown);
        if shown.iter().enumerate().all(|(k, &i)| k == i) {
            shown.rotate_left(1);
        }
        let items = shown.iter().map(|&i| texts[i].clone()).collect();
        let order = (0..texts.len())
            .map(|k| shown.iter().position(|&i| i == k))
            .collect::<Option<Vec<_>>>()?;
        Some(self.question(
            format!("ordering:{}", entry.id),
            Prompt::OrderPoints {
                entry: entry.title.to_string(),
            },
            Body::Ordering { items, order },
            vec![Target {
                entry: at,
                point: None,
            }],
        ))
    }

    /// Pairs 4–5 points with their entries: distinct titles, and each point
    /// found in none of the other chosen entries, so the pairing is unique.
    fn matching(&mut self, group: &[EntryRef]) -> Option<Question> {
        let mut pool = group.to_vec();
        self.rng.shuffle(&mut pool);
        let want = if pool.len() > MIN_MATCHING && self.rng.coin() {
            MAX_MATCHING
        } else {
            MIN_MATCHING
        };
        let mut chosen: Vec<(EntryRef, usize, HashSet<String>)> = Vec::new();
        let mut titles = HashSet::new();
        for at in pool {
            if chosen.len() == want {
                break;
            }
            let entry = self.entry(at);
            let points = Self::point_set(entry);
            let title = normalize(&entry.title);
            let taken_here = chosen.iter().any(|(o, p, _)| {
                let taken = normalize(self.entry(*o).points[*p].item_text());
                points.iter().any(|q| overlaps(q, &taken))
            });
            if title.is_empty() || titles.contains(&title) || taken_here {
                continue;
            }
            let mut order: Vec<usize> = (0..entry.points.len()).collect();
            self.rng.shuffle(&mut order);
            let unique = order.into_iter().find(|&p| {
                let n = normalize(entry.points[p].item_text());
                !n.is_empty()
                    && chosen
                        .iter()
                        .all(|(_, _, set)| !set.iter().any(|q| overlaps(q, &n)))
            });
            if let Some(p) = unique {
                titles.insert(title);
                chosen.push((at, p, points));
            }
        }
        if chosen.len() < MIN_MATCHING {
            return None;
        }
        self.rng.shuffle(&mut chosen);
        let mut right_order: Vec<usize> = (0..chosen.len()).collect();
        self.rng.shuffle(&mut right_order);
        let left = chosen
            .iter()
            .map(|(at, p, _)| self.entry(*at).points[*p].item_text().to_string())
            .collect();
        let right = right_order
            .iter()
            .map(|&i| self.entry(chosen[i].0).title.to_string())
            .collect();
        let pairs = (0..chosen.len())
            .map(|i| right_order.iter().position(|&r| r == i))
            .collect::<Option<Vec<_>>>()?;
        let first_topic = chosen[0].0.topic;
        let topic = chosen
            .iter()
            .all(|(at, _, _)| at.topic == first_topic)
            .then(|| self.pack.topics[first_topic].title.clone());
        let mut keys: Vec<String> = chosen
            .iter()
            .map(|(at, p, _)| self.entry(*at).point_key(*p))
            .collect();
        keys.sort();
        let targets = chosen
            .iter()
            .map(|(at, p, _)| Target {
                entry: *at,
                point: Some(*p),
            })
            .collect();
        let mut question = self.question(
            format!("matching:{}", keys.join(",")),
            Prompt::MatchPoints { topic },
            Body::Matching { left, right, pairs },
            targets,
        );
        question.explanation = chosen
            .iter()
            .map(|(at, p, _)| point_explanation(self.entry(*at), *p))
            .collect::<Vec<_>>()
            .join("\n");
        Some(question)
    }

    fn list_all(&mut self, at: EntryRef) -> Option<Question> {
        let entry = self.entry(at);
        let items: Vec<String> = entry
            .points
            .iter()
            .map(|p| p.item_text().to_string())
            .collect();
        if items.len() < 2 || !all_distinct(&items) {
            return None;
        }
        let mut exclude = Self::point_set(entry);
        let [near, _] = self.other_points(at);
        let decoys = self
            .draw(near, Vec::new(), "", &mut exclude, usize::MAX)
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        Some(self.question(
            format!("list-all:{}", entry.id),
            Prompt::ListAll {
                entry: entry.title.to_string(),
                count: items.len(),
            },
            Body::ListAll { items, decoys },
            vec![Target {
                entry: at,
                point: None,
            }],
        ))
    }

    fn flashcard(&self, at: EntryRef) -> Question {
        let entry = self.entry(at);
        self.question(
            format!("flashcard:{}", entry.id),
            Prompt::Flashcard {
                front: entry.title.to_string(),
            },
            Body::Flashcard {
                back: entry_explanation(entry),
            },
            vec![Target {
                entry: at,
                point: None,
            }],
        )
    }

    fn authored(&mut self, authored: &AuthoredQuestion) -> Option<Question> {
        let at = self.pack.find_entry(&authored.entry)?;
        let body = match &authored.kind {
            AuthoredKind::Choice { options, correct } => {
                if *correct >= options.len() || !all_distinct(options) {
                    return None;
                }
                let mut options = options.clone();
                options.swap(0, *correct);
                self.choice(options)?
            }
            AuthoredKind::TrueFalse { answer } => Body::TrueFalse { answer: *answer },
            AuthoredKind::Typed { answers } => {
                let answers: Vec<String> = answers
                    .iter()
                    .filter(|a| !normalize(a).is_empty())
                    .cloned()
                    .collect();
                if answers.is_empty() {
                    return None;
                }
                let accepted: HashSet<String> = answers.iter().map(|a| normalize(a)).collect();
                let mut candidates = vec![answers];
                candidates.extend(self.pack.entries().map(|(_, e)| {
                    let mut others = spellings(e);
                    others.retain(|s| !accepted.contains(&normalize(s)));
                    others
                }));
                Body::Typed {
                    candidates,
                    correct: 0,
                }
            }
        };
        let mut question = self.question(
            format!("authored:{}", authored.id),
            Prompt::Authored {
                text: authored.prompt.clone(),
            },
            body,
            vec![Target {
                entry: at,
                point: None,
            }],
        );
        if let Some(explanation) = &authored.explanation {
            question.explanation.clone_from(explanation);
        }
        Some(question)
    }
}

/// Entries (with points) of each chosen topic that has enough of them for a
/// matching question; the chosen topics together when none has.
fn matching_groups(pack: &Pack, topics: &[usize]) -> Vec<Vec<EntryRef>> {
    let with_points = |t: usize| -> Vec<EntryRef> {
        pack.topics[t]
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.points.is_empty())
            .map(|(e, _)| EntryRef { topic: t, entry: e })
            .collect()
    };
    let groups: Vec<Vec<EntryRef>> = topics
        .iter()
        .map(|&t| with_points(t))
        .filter(|g| g.len() >= MIN_MATCHING)
        .collect();
    if !groups.is_empty() {
        return groups;
    }
    let all: Vec<EntryRef> = topics.iter().flat_map(|&t| with_points(t)).collect();
    if all.len() >= MIN_MATCHING {
        vec![all]
    } else {
        Vec::new()
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
fn overlaps(a: &str, b: &str) -> bool {
    a.contains(b) || b.contains(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_hides_whole_words_whatever_their_case() {
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
    fn spellings_include_parts_of_the_title() {
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
        };
        assert_eq!(
            spellings(&entry),
            vec!["Broker (perantara)", "Broker", "perantara", "makelar"]
        );
    }

    #[test]
    fn shared_spellings_are_dropped_except_titles() {
        let candidates = vec![
            vec![
                "Pasal 3: Tujuan".to_owned(),
                "Pasal 3".to_owned(),
                "tujuan".to_owned(),
            ],
            vec!["Tujuan".to_owned()],
        ];
        assert_eq!(
            without_shared_spellings(candidates),
            vec![vec!["Pasal 3: Tujuan", "Pasal 3"], vec!["Tujuan"]]
        );
    }
}
