//! What is due, what is new, and how much to do per day to be ready by
//! an exam date.

use std::collections::HashSet;

use crate::content::Pack;

use super::items::pack_items;
use super::{ItemKey, NEW_PER_DAY, ProgressState};
use crate::progress::time::Day;

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
