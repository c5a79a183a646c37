//! From the log to a schedule: the memory state of every item is a fold of
//! the review events; what is due, what is new, and how much to do per day
//! to be ready by an exam date follow from it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use crate::content::{EntryRef, Pack};
use crate::quiz::grade::grade_list;
use crate::quiz::rng::Rng;
use crate::quiz::{Answer, Body, Grade, ItemQuestions, Outcome, Question, QuestionKind, Target};

use super::fsrs::{Fsrs, MemoryState, Rating, retrievability};
use super::store::{Event, EventKind, ExamResult, PackLog, Warning, order};
use super::time::{Day, Timestamp};

/// What progress is recorded against: an entry id, or a point key
/// (`Entry::point_key`), so that rewording material keeps its progress.
pub type ItemKey = String;

/// How many items one review session asks at most (the TUI's and plain
/// mode's).
pub const REVIEW_SIZE: usize = 20;
/// New items a day when no exam date is set.
pub const NEW_PER_DAY: usize = 20;
/// In exam mode, an item whose predicted recall on the exam day is below
/// this comes back before the exam even if FSRS would wait longer.
pub const EXAM_RETENTION: f64 = 0.95;

/// The rating an answer earns. `quick` is the UI's judgement that the
/// answer came without hesitation (see [`is_quick`]): a right answer is
/// Good when quick and Hard when slow; the student's own override and a
/// mostly right answer are Hard; anything less is Again.
pub fn rating_for(outcome: &Outcome, quick: bool) -> Rating {
    match *outcome {
        Outcome::Correct if quick => Rating::Good,
        Outcome::Correct | Outcome::Overridden => Rating::Hard,
        Outcome::Partial(fraction) if fraction >= 0.5 => Rating::Hard,
        Outcome::Partial(_) | Outcome::Wrong => Rating::Again,
    }
}

/// Whether an answer given after `elapsed` counts as quick for its kind of
/// question: longer answers get more time.
pub fn is_quick(kind: QuestionKind, elapsed: Duration) -> bool {
    let limit = match kind {
        QuestionKind::Choice | QuestionKind::TrueFalse => 15,
        QuestionKind::Typed | QuestionKind::Flashcard => 20,
        QuestionKind::Ordering | QuestionKind::Matching | QuestionKind::ListAll => 60,
    };
    elapsed <= Duration::from_secs(limit)
}

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

/// The rating of each item a graded answer tests. A matching or list-all
/// answer rates each of its items on its own: a pair matched wrong or an
/// item not named comes back as Again, whatever the rest earned (only the
/// entry a list is about takes the answer's overall rating). Any other
/// question rates every item it tests alike. An answer the student
/// corrected ("I was right") counts as right throughout.
pub fn item_ratings(
    pack: &Pack,
    question: &Question,
    grade: &Grade,
    quick: bool,
) -> Vec<(ItemKey, Rating)> {
    let overall = rating_for(&grade.outcome, quick);
    let right = rating_for(&Outcome::Correct, quick);
    let own = |named: bool| if named { right } else { Rating::Again };
    let parts: Option<Vec<Rating>> = match (&question.body, &grade.given) {
        _ if grade.outcome == Outcome::Overridden => None,
        (Body::Matching { pairs, .. }, _) if question.targets.len() == pairs.len() => Some(
            (0..pairs.len())
                .map(|i| own(grade.marks.get(i) == Some(&true)))
                .collect(),
        ),
        (Body::ListAll { items, decoys }, Answer::ListAll(given))
            if question.targets.len() == items.len() + 1 =>
        {
            let named = grade_list(given, items, decoys);
            Some(
                std::iter::once(overall)
                    .chain((0..items.len()).map(|i| own(!named.missing.contains(&i))))
                    .collect(),
            )
        }
        _ => None,
    };
    let mut ratings: Vec<(ItemKey, Rating)> = Vec::new();
    for (k, target) in question.targets.iter().enumerate() {
        let Some(key) = target_key(pack, target) else {
            continue;
        };
        let rating = parts
            .as_ref()
            .and_then(|p| p.get(k).copied())
            .unwrap_or(overall);
        match ratings.iter_mut().find(|(item, _)| *item == key) {
            // An item tested twice keeps the worse rating.
            Some(seen) => seen.1 = seen.1.min(rating),
            None => ratings.push((key, rating)),
        }
    }
    ratings
}

/// The item key of a target: its entry's id, or its point's key.
fn target_key(pack: &Pack, target: &Target) -> Option<ItemKey> {
    let entry = pack.entry(target.entry)?;
    Some(match target.point {
        Some(point) => entry.point_key(point),
        None => entry.id.to_string(),
    })
}

/// What is known of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemState {
    pub memory: MemoryState,
    pub last_review: Timestamp,
    pub last_rating: Rating,
    pub reviews: u32,
    /// Times the item was forgotten after having been learnt.
    pub lapses: u32,
    /// The next review as FSRS schedules it.
    pub due: Day,
}

impl ItemState {
    /// The day of the next review; with an exam date, an item that would
    /// be weak on the exam day comes back the day before at the latest.
    pub fn due_day(&self, exam: Option<Day>) -> Day {
        let last = self.last_review.day();
        match exam {
            Some(exam) if self.due >= exam && last < exam => {
                let days = exam.since(last);
                #[allow(clippy::cast_precision_loss)] // day counts are small
                let recall = retrievability(days as f64, self.memory.stability);
                if recall < EXAM_RETENTION {
                    exam.plus(-1).max(last.plus(1))
                } else {
                    self.due
                }
            }
            _ => self.due,
        }
    }

    /// The probability of recalling the item on `day`.
    pub fn recall_on(&self, day: Day) -> f64 {
        #[allow(clippy::cast_precision_loss)] // day counts are small
        let days = day.since(self.last_review.day()).max(0) as f64;
        retrievability(days, self.memory.stability)
    }
}

/// The fold of a pack's events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressState {
    pub items: HashMap<ItemKey, ItemState>,
    /// Mock exams, oldest first.
    pub exams: Vec<(Timestamp, ExamResult)>,
    pub reviews_per_day: BTreeMap<Day, usize>,
}

/// Replays events in time order (then id order, so any two processes agree)
/// into the state of every item.
pub fn fold(events: &[Event], fsrs: &Fsrs) -> ProgressState {
    let mut ordered: Vec<&Event> = events.iter().collect();
    ordered.sort_by(|x, y| order(x, y));
    let mut seen = HashSet::new();
    let mut state = ProgressState::default();
    for event in ordered {
        if seen.insert(event.id.as_str()) {
            state.apply(event, fsrs);
        }
    }
    state
}

impl ProgressState {
    /// Folds one more event, later in the order than every event folded
    /// so far.
    fn apply(&mut self, event: &Event, fsrs: &Fsrs) {
        match &event.kind {
            EventKind::Review { item, rating } => {
                *self.reviews_per_day.entry(event.at.day()).or_default() += 1;
                let next = review(self.items.get(item), *rating, event.at, fsrs);
                self.items.insert(item.clone(), next);
            }
            EventKind::Exam(result) => self.exams.push((event.at, result.clone())),
        }
    }
}

fn review(previous: Option<&ItemState>, rating: Rating, at: Timestamp, fsrs: &Fsrs) -> ItemState {
    let (memory, reviews, lapses) = match previous {
        None => (fsrs.initial_state(rating), 1, 0),
        Some(item) => {
            let elapsed = at.day().since(item.last_review.day()).max(0);
            let elapsed = u32::try_from(elapsed).unwrap_or(u32::MAX);
            let lapse = u32::from(rating == Rating::Again && item.last_rating != Rating::Again);
            (
                fsrs.next_state(item.memory, elapsed, rating),
                item.reviews + 1,
                item.lapses + lapse,
            )
        }
    };
    let interval = i64::from(fsrs.interval_days(memory.stability));
    ItemState {
        memory,
        last_review: at,
        last_rating: rating,
        reviews,
        lapses,
        due: at.day().plus(interval),
    }
}

/// The items of the pack due on `today` (overdue included), most overdue
/// first, then the least likely to be recalled. Items no longer in the pack
/// are ignored.
pub fn due_items(
    pack: &Pack,
    state: &ProgressState,
    today: Day,
    exam: Option<Day>,
) -> Vec<ItemKey> {
    let exam = exam.filter(|&e| e > today);
    let mut due: Vec<(Day, f64, usize, ItemKey)> = pack_items(pack)
        .into_iter()
        .enumerate()
        .filter_map(|(order, key)| {
            let item = state.items.get(&key)?;
            let day = item.due_day(exam);
            (day <= today).then(|| (day, item.recall_on(today), order, key))
        })
        .collect();
    due.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.1.total_cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
    });
    due.into_iter().map(|(_, _, _, key)| key).collect()
}

/// What to study on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewPlan {
    /// Due items, most overdue first.
    pub due: Vec<ItemKey>,
    /// New items to start today, in pack order.
    pub new: Vec<ItemKey>,
    /// Items never seen, today's new ones included.
    pub unseen: usize,
    /// Study days left before the exam (today included), in exam mode.
    pub days_left: Option<i64>,
}

impl ReviewPlan {
    /// The review queue: due items first, then new ones.
    pub fn queue(&self) -> Vec<ItemKey> {
        self.due.iter().chain(&self.new).cloned().collect()
    }

    /// How many items to study today.
    pub fn daily_target(&self) -> usize {
        self.due.len() + self.new.len()
    }
}

/// Today's plan. Without an exam date, up to [`NEW_PER_DAY`] new items a
/// day. With one, the unseen items are spread evenly over the days left
/// (`ceil(unseen / days_left)` a day, never fewer than without a date: a
/// far exam must not slow the student down), so every item is seen before
/// the exam, and weak items come back before it (see
/// [`ItemState::due_day`]). A date today or past plans as if there were none.
pub fn review_plan(
    pack: &Pack,
    state: &ProgressState,
    today: Day,
    exam: Option<Day>,
) -> ReviewPlan {
    let exam = exam.filter(|&e| e > today);
    let due = due_items(pack, state, today, exam);
    let unseen: Vec<ItemKey> = pack_items(pack)
        .into_iter()
        .filter(|key| !state.items.contains_key(key))
        .collect();
    let days_left = exam.map(|e| e.since(today));
    let new_today = new_per_day(unseen.len(), days_left);
    ReviewPlan {
        due,
        unseen: unseen.len(),
        new: unseen.into_iter().take(new_today).collect(),
        days_left,
    }
}

/// The figures of today's plan without its lists, for screens drawn on
/// every frame: a pack of 100,000 entries has 600,000 items, and building
/// their keys on each draw cost tens of MB and milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanSummary {
    /// Items in the pack: entries and their points.
    pub items: usize,
    /// Items answered at least once.
    pub seen: usize,
    /// Items due today, as [`ReviewPlan::due`] counts them.
    pub due: usize,
    pub days_left: Option<i64>,
    /// [`ReviewPlan::daily_target`].
    pub daily_target: usize,
}

/// The same counts as [`review_plan`], in one pass that allocates nothing
/// per item.
pub fn plan_summary(
    pack: &Pack,
    state: &ProgressState,
    today: Day,
    exam: Option<Day>,
) -> PlanSummary {
    let exam = exam.filter(|&e| e > today);
    let (mut items, mut seen, mut due) = (0usize, 0usize, 0usize);
    let mut key = String::new();
    // Home draws this every frame: only entries that some item of the state
    // may belong to get their point keys built (600,000 items at 100,000
    // entries; a student has seen a few hundred). Every key and each of its
    // parts before a `#` is a possible entry id.
    let owners: HashSet<&str> = state
        .items
        .keys()
        .flat_map(|k| {
            let prefixes = k.match_indices('#').map(|(at, _)| &k[..at]);
            std::iter::once(k.as_str()).chain(prefixes)
        })
        .collect();
    for (_, entry) in pack.entries() {
        if !owners.contains(&*entry.id) {
            items += 1 + entry.points.len();
            continue;
        }
        for point in std::iter::once(None).chain((0..entry.points.len()).map(Some)) {
            let found = match point {
                None => state.items.get(&*entry.id),
                Some(index) => {
                    entry.write_point_key(index, &mut key);
                    state.items.get(key.as_str())
                }
            };
            items += 1;
            if let Some(item) = found {
                seen += 1;
                due += usize::from(item.due_day(exam) <= today);
            }
        }
    }
    let unseen = items - seen;
    let days_left = exam.map(|e| e.since(today));
    let new_today = new_per_day(unseen, days_left);
    PlanSummary {
        items,
        seen,
        due,
        days_left,
        daily_target: due + new_today.min(unseen),
    }
}

/// New items for today: [`NEW_PER_DAY`], or more when the unseen ones
/// would not all be seen by the exam at that pace.
fn new_per_day(unseen: usize, days_left: Option<i64>) -> usize {
    let spread = days_left.map_or(0, |days| {
        unseen.div_ceil(usize::try_from(days).unwrap_or(1).max(1))
    });
    spread.max(NEW_PER_DAY)
}

/// Where an exam date stands against `today`, for a message when it is no
/// use for planning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExamDateStatus {
    Ahead,
    Today,
    Past,
}

pub fn exam_date_status(exam: Day, today: Day) -> ExamDateStatus {
    match exam.cmp(&today) {
        std::cmp::Ordering::Greater => ExamDateStatus::Ahead,
        std::cmp::Ordering::Equal => ExamDateStatus::Today,
        std::cmp::Ordering::Less => ExamDateStatus::Past,
    }
}

/// What to tell the student about an exam date that plans nothing (today
/// or past), in `lang`; `None` for a date ahead.
pub fn exam_date_message(exam: Day, today: Day, lang: crate::i18n::Lang) -> Option<String> {
    let words = crate::i18n::exam_words(lang);
    let template = match exam_date_status(exam, today) {
        ExamDateStatus::Ahead => return None,
        ExamDateStatus::Today => words.date_today,
        ExamDateStatus::Past => words.date_past,
    };
    Some(crate::quiz::wording::fill(
        template,
        &[("date", &exam.to_string())],
    ))
}

/// How many items to study today: `ceil(unseen / days_left) + due`.
pub fn daily_target(
    pack: &Pack,
    state: &ProgressState,
    today: Day,
    exam_date: Option<Day>,
) -> usize {
    plan_summary(pack, state, today, exam_date).daily_target
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

/// A pack's progress: its log and the state folded from it, kept in step.
/// An answer folds only the events it added (the log is kept in fold
/// order, and new events nearly always come last); only events landing
/// before the last (another process's, with an earlier clock) refold all.
#[derive(Debug)]
pub struct Progress {
    log: PackLog,
    fsrs: Fsrs,
    state: ProgressState,
    /// How many of the log's events `state` folds, and the log's
    /// [`PackLog::reordered`] when they were folded.
    folded: usize,
    reordered: u64,
}

impl Progress {
    pub fn new(log: PackLog) -> Self {
        let mut progress = Self {
            reordered: log.reordered(),
            state: log.base().cloned().unwrap_or_default(),
            log,
            fsrs: Fsrs::default(),
            folded: 0,
        };
        progress.refresh();
        progress.log.save_snapshot(&progress.state);
        progress
    }

    pub fn log(&self) -> &PackLog {
        &self.log
    }

    pub fn state(&self) -> &ProgressState {
        &self.state
    }

    /// Records the answer to `question`: one review per item it tests,
    /// each with its own rating (see [`item_ratings`]).
    #[must_use]
    pub fn record_answer(
        &mut self,
        pack: &Pack,
        question: &Question,
        grade: &Grade,
        quick: bool,
        at: Timestamp,
    ) -> Option<Warning> {
        let mut warning = None;
        for (item, rating) in item_ratings(pack, question, grade, quick) {
            let kind = EventKind::Review { item, rating };
            warning = warning.or(self.log.append(kind, at));
        }
        self.refresh();
        warning
    }

    #[must_use]
    pub fn record_review(&mut self, item: &str, rating: Rating, at: Timestamp) -> Option<Warning> {
        let kind = EventKind::Review {
            item: item.to_owned(),
            rating,
        };
        let warning = self.log.append(kind, at);
        self.refresh();
        warning
    }

    #[must_use]
    pub fn record_exam(&mut self, result: ExamResult, at: Timestamp) -> Option<Warning> {
        let warning = self.log.append(EventKind::Exam(result), at);
        self.refresh();
        warning
    }

    /// Picks up what other kisi processes saved meanwhile.
    pub fn reload(&mut self) -> Vec<Warning> {
        let warnings = self.log.reload();
        self.refresh();
        warnings
    }

    /// Retries saving the answers whose saving failed.
    #[must_use]
    pub fn retry(&mut self) -> Option<Warning> {
        self.log.retry()
    }

    fn refresh(&mut self) {
        if self.log.reordered() != self.reordered {
            self.state = self.log.base().cloned().unwrap_or_default();
            self.folded = 0;
            self.reordered = self.log.reordered();
        }
        // The log's events are ordered and unique: fold them as they come.
        for event in &self.log.events()[self.folded..] {
            self.state.apply(event, &self.fsrs);
        }
        self.folded = self.log.events().len();
    }

    pub fn review_plan(&self, pack: &Pack, today: Day, exam: Option<Day>) -> ReviewPlan {
        review_plan(pack, &self.state, today, exam)
    }

    pub fn due_items(&self, pack: &Pack, today: Day, exam: Option<Day>) -> Vec<ItemKey> {
        due_items(pack, &self.state, today, exam)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_follow_the_outcome() {
        assert_eq!(rating_for(&Outcome::Correct, true), Rating::Good);
        assert_eq!(rating_for(&Outcome::Correct, false), Rating::Hard);
        assert_eq!(rating_for(&Outcome::Overridden, true), Rating::Hard);
        assert_eq!(rating_for(&Outcome::Partial(0.5), true), Rating::Hard);
        assert_eq!(rating_for(&Outcome::Partial(0.49), true), Rating::Again);
        assert_eq!(rating_for(&Outcome::Wrong, true), Rating::Again);
    }

    #[test]
    fn long_questions_get_more_time_to_be_quick() {
        let half_minute = Duration::from_secs(30);
        assert!(!is_quick(QuestionKind::Choice, half_minute));
        assert!(is_quick(QuestionKind::ListAll, half_minute));
    }
}
