//! Statistics for `kisi stats` and the Home screen: mastery per topic,
//! reviews per day, what falls due in the coming week, mock exam history.

use serde::Serialize;

use crate::content::Pack;

use super::schedule::{ProgressState, due_items, review_plan};
use super::store::ExamResult;
use super::time::{Day, Timestamp};

/// An item is mastered once its stability reaches this many days: recall
/// stays above 90% for a week without review.
pub const MASTERED_STABILITY_DAYS: f64 = 7.0;
/// Days ahead in `due_ahead`.
const DAYS_AHEAD: i64 = 7;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub pack_id: String,
    pub pack_title: String,
    pub today: Day,
    pub exam_date: Option<Day>,
    pub items: usize,
    pub seen: usize,
    pub mastered: usize,
    /// Items to study today in the plan (due plus new).
    pub daily_target: usize,
    pub topics: Vec<TopicStats>,
    /// Reviews per day over the last weeks, oldest first, today last.
    pub reviews_per_day: Vec<DayCount>,
    /// Items due on each of the next 7 days; today's count includes the
    /// overdue ones.
    pub due_ahead: Vec<DayCount>,
    pub exams: Vec<ExamRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicStats {
    pub id: String,
    pub title: String,
    pub items: usize,
    pub seen: usize,
    pub mastered: usize,
}

impl TopicStats {
    /// Mastered items in percent.
    pub fn mastery_percent(&self) -> f64 {
        percent(self.mastered, self.items)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub day: Day,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExamRecord {
    pub day: Day,
    #[serde(flatten)]
    pub result: ExamResult,
}

pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        #[allow(clippy::cast_precision_loss)] // item counts are small
        let ratio = part as f64 / whole as f64;
        ratio * 100.0
    }
}

/// Statistics of a pack on `today`, with `weeks` of review history.
pub fn compute_stats(
    pack: &Pack,
    state: &ProgressState,
    today: Day,
    exam_date: Option<Day>,
    weeks: u32,
) -> Stats {
    let mut topics = Vec::new();
    for topic in &pack.topics {
        let mut topic_stats = TopicStats {
            id: topic.id.clone(),
            title: topic.title.clone(),
            items: 0,
            seen: 0,
            mastered: 0,
        };
        for entry in &topic.entries {
            let keys = std::iter::once(entry.id.to_string())
                .chain((0..entry.points.len()).map(|i| entry.point_key(i)));
            for key in keys {
                topic_stats.items += 1;
                if let Some(item) = state.items.get(&key) {
                    topic_stats.seen += 1;
                    if item.memory.stability >= MASTERED_STABILITY_DAYS {
                        topic_stats.mastered += 1;
                    }
                }
            }
        }
        topics.push(topic_stats);
    }
    let days = i64::from(weeks) * 7;
    let reviews_per_day = (0..days)
        .map(|back| {
            let day = today.plus(back - days + 1);
            DayCount {
                day,
                count: state.reviews_per_day.get(&day).copied().unwrap_or(0),
            }
        })
        .collect();
    let mut due_ahead = Vec::new();
    let mut counted = 0;
    for ahead in 0..DAYS_AHEAD {
        let day = today.plus(ahead);
        let due_by_then = due_items(pack, state, day, exam_date).len();
        due_ahead.push(DayCount {
            day,
            count: due_by_then.saturating_sub(counted),
        });
        counted = due_by_then;
    }
    let exams = state
        .exams
        .iter()
        .map(|(at, result): &(Timestamp, ExamResult)| ExamRecord {
            day: at.day(),
            result: result.clone(),
        })
        .collect();
    Stats {
        pack_id: pack.meta.id.clone(),
        pack_title: pack.meta.title.clone(),
        today,
        exam_date,
        items: topics.iter().map(|t| t.items).sum(),
        seen: topics.iter().map(|t| t.seen).sum(),
        mastered: topics.iter().map(|t| t.mastered).sum(),
        daily_target: review_plan(pack, state, today, exam_date).daily_target(),
        topics,
        reviews_per_day,
        due_ahead,
        exams,
    }
}
