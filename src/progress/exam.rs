//! Mock exams (Ujian): a blueprint says how many questions come from each
//! topic, the time allowed and the pass mark; the questions are generated
//! per topic and the result goes into the history.

use std::collections::HashSet;
use std::time::Duration;

use crate::content::Pack;
use crate::i18n::Lang;
use crate::quiz::rng::Rng;
use crate::quiz::{Question, QuizError};
use crate::quiz::{QuestionKind, QuizOptions, Session, generate};

use super::store::{ExamResult, TopicResult};

pub const DEFAULT_QUESTIONS: usize = 20;
pub const DEFAULT_MINUTES: u32 = 30;
pub const DEFAULT_PASS_MARK: u8 = 70;

/// How a mock exam is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamBlueprint {
    pub questions: usize,
    /// Questions per topic id, in pack order; they add up to `questions`.
    pub per_topic: Vec<(String, usize)>,
    pub time_limit: Duration,
    /// The score, in percent, needed to pass.
    pub pass_mark: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExamError {
    #[error("[exam] names topic '{0}', which the pack does not have")]
    UnknownTopic(String),
    #[error("[exam] lists topic '{0}' twice")]
    DuplicateTopic(String),
    #[error("[exam] asks for {total} questions but its topics add up to {sum}")]
    CountMismatch { total: usize, sum: usize },
    #[error("[exam] pass_mark must be from 0 to 100, not {0}")]
    PassMark(u8),
    #[error("[exam] must ask at least one question")]
    NoQuestions,
    #[error("[exam] time_limit_minutes must be at least 1")]
    NoTime,
}

impl ExamBlueprint {
    /// The blueprint of the pack's `[exam]` table, with defaults for what
    /// it leaves out; the default blueprint when there is none.
    ///
    /// # Errors
    /// When the `[exam]` table contradicts itself or the pack.
    pub fn for_pack(pack: &Pack) -> Result<Self, ExamError> {
        let Some(spec) = &pack.exam else {
            return Ok(Self::default_for(pack, DEFAULT_QUESTIONS));
        };
        let minutes = spec.time_limit_minutes.unwrap_or(DEFAULT_MINUTES);
        if minutes == 0 {
            return Err(ExamError::NoTime);
        }
        let pass_mark = spec.pass_mark.unwrap_or(DEFAULT_PASS_MARK);
        if pass_mark > 100 {
            return Err(ExamError::PassMark(pass_mark));
        }
        let mut blueprint = if spec.topics.is_empty() {
            Self::default_for(pack, spec.questions.unwrap_or(DEFAULT_QUESTIONS))
        } else {
            let mut seen = HashSet::new();
            let mut per_topic = Vec::new();
            for item in &spec.topics {
                let index = pack
                    .find_topic(&item.topic)
                    .ok_or_else(|| ExamError::UnknownTopic(item.topic.clone()))?;
                if !seen.insert(index) {
                    return Err(ExamError::DuplicateTopic(item.topic.clone()));
                }
                per_topic.push((index, item.topic.clone(), item.questions));
            }
            per_topic.sort_by_key(|(index, _, _)| *index);
            let sum = per_topic.iter().map(|(_, _, n)| n).sum();
            if let Some(total) = spec.questions.filter(|&total| total != sum) {
                return Err(ExamError::CountMismatch { total, sum });
            }
            Self {
                questions: sum,
                per_topic: per_topic.into_iter().map(|(_, id, n)| (id, n)).collect(),
                time_limit: Duration::ZERO,
                pass_mark,
            }
        };
        if blueprint.questions == 0 {
            return Err(ExamError::NoQuestions);
        }
        blueprint.time_limit = Duration::from_secs(u64::from(minutes) * 60);
        blueprint.pass_mark = pass_mark;
        Ok(blueprint)
    }

    /// `questions` spread over the topics in proportion to their entries
    /// (largest remainders), 30 minutes, 70% to pass.
    pub fn default_for(pack: &Pack, questions: usize) -> Self {
        let weights: Vec<usize> = pack.topics.iter().map(|t| t.entries.len()).collect();
        let counts = apportion(questions, &weights);
        Self {
            questions,
            per_topic: pack
                .topics
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(t, n)| (t.id.clone(), n))
                .collect(),
            time_limit: Duration::from_secs(u64::from(DEFAULT_MINUTES) * 60),
            pass_mark: DEFAULT_PASS_MARK,
        }
    }
}

/// Splits `total` in proportion to `weights` by the largest remainder
/// method; ties go to the earlier weight.
fn apportion(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let mut counts: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((total * weights[i]) % sum));
    let short = total - counts.iter().sum::<usize>();
    for &i in order.iter().take(short) {
        counts[i] += 1;
    }
    counts
}

/// The kinds of question an exam asks: all but self-graded flashcards.
const EXAM_KINDS: [QuestionKind; 6] = [
    QuestionKind::Choice,
    QuestionKind::TrueFalse,
    QuestionKind::Typed,
    QuestionKind::Ordering,
    QuestionKind::Matching,
    QuestionKind::ListAll,
];

/// The questions of a mock exam, shuffled. When a topic has too little
/// material for its share, the rest come from the other topics, so the
/// exam is short only when the whole pack runs out.
///
/// # Errors
/// When the blueprint names a topic the pack does not have.
pub fn build_exam(
    pack: &Pack,
    blueprint: &ExamBlueprint,
    seed: u64,
    lang: Lang,
) -> Result<Vec<Question>, QuizError> {
    let mut rng = Rng::new(seed);
    let mut questions: Vec<Question> = Vec::new();
    let mut keys = HashSet::new();
    let options = |topics: Vec<String>, count: usize, seed: u64| QuizOptions {
        topics,
        count,
        kinds: EXAM_KINDS.to_vec(),
        seed,
        lang,
        time_limit: Some(blueprint.time_limit),
    };
    for (topic, count) in &blueprint.per_topic {
        let drawn = generate(pack, &options(vec![topic.clone()], *count, rng.next_u64()))?;
        for question in drawn {
            if keys.insert(question.key.clone()) {
                questions.push(question);
            }
        }
    }
    if questions.len() < blueprint.questions {
        let topics = blueprint.per_topic.iter().map(|(t, _)| t.clone()).collect();
        for question in generate(pack, &options(topics, usize::MAX, rng.next_u64()))? {
            if questions.len() == blueprint.questions {
                break;
            }
            if keys.insert(question.key.clone()) {
                questions.push(question);
            }
        }
    }
    rng.shuffle(&mut questions);
    Ok(questions)
}

/// The result of a finished (or timed-out) exam session, for the history.
pub fn exam_result(
    pack: &Pack,
    session: &Session,
    blueprint: &ExamBlueprint,
    elapsed: Duration,
) -> ExamResult {
    let summary = session.summary();
    // Unanswered questions count as wrong: the score is over all of them.
    #[allow(clippy::cast_precision_loss)] // question counts are tiny
    let score_percent = if summary.questions == 0 {
        0.0
    } else {
        summary.score.earned * 100.0 / summary.questions as f64
    };
    ExamResult {
        questions: summary.questions,
        answered: summary.score.answered,
        score_percent,
        pass_mark: blueprint.pass_mark,
        passed: score_percent >= f64::from(blueprint.pass_mark),
        duration_secs: elapsed.as_secs(),
        by_topic: summary
            .by_topic
            .iter()
            .filter_map(|t| {
                Some(TopicResult {
                    topic: pack.topic(t.topic)?.id.clone(),
                    earned: t.score.earned,
                    answered: t.score.answered,
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_gives_every_question_to_someone() {
        assert_eq!(apportion(20, &[5, 5, 10]), vec![5, 5, 10]);
        assert_eq!(apportion(20, &[1, 1, 1]), vec![7, 7, 6]);
        assert_eq!(apportion(3, &[10, 0, 1]), vec![3, 0, 0]);
        assert_eq!(apportion(7, &[0, 0]), vec![0, 0]);
        for total in 0..50 {
            assert_eq!(
                apportion(total, &[3, 8, 1, 13]).iter().sum::<usize>(),
                total
            );
        }
    }
}
