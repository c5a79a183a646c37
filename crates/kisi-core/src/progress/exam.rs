//! Mock exams (Ujian): a blueprint says how many questions come from each
//! topic, the time allowed and the pass mark; the questions are generated
//! per topic and the result goes into the history.

use std::collections::HashSet;
use std::time::Duration;

use crate::content::{ExamSpec, Pack};
use crate::i18n::Lang;
use crate::i18n::diagnostics::LoadKey;
use crate::quiz::rng::Rng;
use crate::quiz::{Question, QuizError};
use crate::quiz::{QuestionKind, QuizOptions, Session, generate};
use crate::text::printable_line;

use super::store::{ExamResult, TopicResult};

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

/// Why no blueprint can be made of an `[exam]` table. The loader rejects
/// all of these (and the other breaches of the rules of `ExamSpec`), so
/// only a pack built by hand can have them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExamError {
    #[error("[exam] names topic '{0}', which the pack does not have")]
    UnknownTopic(String),
    #[error("[exam] lists topic '{0}' twice")]
    DuplicateTopic(String),
    #[error(
        "[exam] has {total} questions but its topics ask for {sum} and leave no topic for the rest"
    )]
    CountMismatch { total: usize, sum: usize },
}

impl ExamError {
    /// The error in `lang`, in the loader's words for the same problems.
    pub fn message(&self, lang: Lang) -> String {
        let msg = match self {
            Self::UnknownTopic(id) => LoadKey::UnknownExamTopic.with("id", id),
            Self::DuplicateTopic(topic) => LoadKey::ExamTopicTwice.with("topic", topic),
            Self::CountMismatch { total, sum } => {
                let key = if sum > total {
                    LoadKey::ExamTooMany
                } else {
                    LoadKey::ExamTooFew
                };
                key.with("sum", *sum).with("total", *total)
            }
        };
        printable_line(&msg.render(lang)).into_owned()
    }
}

impl ExamBlueprint {
    /// The blueprint of the pack's `[exam]` table, with defaults for what
    /// it leaves out; the default blueprint when there is none. Topics
    /// listed in the table get their number of questions; the others share
    /// the rest in proportion to their entries.
    ///
    /// # Errors
    /// When the listed topics cannot be given their questions (see
    /// `ExamError`); never for a pack the loader accepted.
    pub fn for_pack(pack: &Pack) -> Result<Self, ExamError> {
        let Some(spec) = &pack.exam else {
            return Ok(Self::default_for(pack, ExamSpec::DEFAULT_QUESTIONS));
        };
        let total = spec.total();
        let mut fixed: Vec<Option<usize>> = vec![None; pack.topics.len()];
        for item in &spec.topics {
            let index = pack
                .find_topic(&item.topic)
                .ok_or_else(|| ExamError::UnknownTopic(item.topic.clone()))?;
            if fixed[index].replace(item.questions).is_some() {
                return Err(ExamError::DuplicateTopic(item.topic.clone()));
            }
        }
        let weights: Vec<usize> = pack
            .topics
            .iter()
            .zip(&fixed)
            .map(|(topic, n)| if n.is_some() { 0 } else { topic.entries.len() })
            .collect();
        let sum: usize = fixed.iter().flatten().sum();
        let rest = total
            .checked_sub(sum)
            .filter(|&rest| rest == 0 || weights.iter().any(|&w| w > 0))
            .ok_or(ExamError::CountMismatch { total, sum })?;
        let shares = apportion(rest, &weights);
        let minutes = spec
            .time_limit_minutes
            .unwrap_or(ExamSpec::DEFAULT_TIME_LIMIT_MINUTES);
        Ok(Self {
            questions: total,
            per_topic: pack
                .topics
                .iter()
                .zip(fixed.iter().zip(shares))
                .map(|(topic, (n, share))| (topic.id.clone(), n.unwrap_or(share)))
                .filter(|(_, n)| *n > 0)
                .collect(),
            time_limit: Duration::from_secs(u64::from(minutes) * 60),
            pass_mark: spec.pass_mark.unwrap_or(ExamSpec::DEFAULT_PASS_MARK),
        })
    }

    /// The blueprint of the pack's `[exam]` table, or the default one of
    /// 20 questions when the table cannot be used (the loader checked it).
    pub fn of_pack(pack: &Pack) -> Self {
        Self::for_pack(pack).unwrap_or_else(|_| Self::default_for(pack, 20))
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
            time_limit: Duration::from_secs(u64::from(ExamSpec::DEFAULT_TIME_LIMIT_MINUTES) * 60),
            pass_mark: ExamSpec::DEFAULT_PASS_MARK,
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
        // As many as the exam has: enough to fill it even if every question
        // already taken is drawn again, and no more, since generation costs
        // what it is asked for.
        let count = blueprint.questions;
        for question in generate(pack, &options(topics, count, rng.next_u64()))? {
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
        exam: None,
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
