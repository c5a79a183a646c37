//! How the room answered: a bar per option (or per item), the score per
//! question and per topic, and the items the room knew least.

use crate::quiz::{Answer, Body};

use super::Room;

/// What a bar stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BarLabel {
    /// An option, or an item of an ordering, matching or list.
    Text(String),
    True,
    False,
    /// Typed answers: right, and not.
    Right,
    Wrong,
}

/// One bar of a reveal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: BarLabel,
    /// Students who chose this option, or who had this item right.
    pub count: usize,
    /// The option is the right one (for items: always, the bar counts
    /// those who had it right).
    pub correct: bool,
}

/// How the room answered one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub answered: usize,
    pub students: usize,
    /// Credit earned over the students in the room, 0 to 1.
    pub score: f64,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicTally {
    pub topic: String,
    /// Mean credit over the topic's questions and the students, 0 to 1.
    pub score: f64,
    pub questions: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemScore {
    pub key: String,
    pub label: String,
    /// Mean credit of the questions testing it, 0 to 1.
    pub score: f64,
}

#[allow(clippy::cast_precision_loss)] // counts of students and questions
fn ratio(part: f64, whole: usize) -> f64 {
    // `+ 0.0` turns the -0.0 that an empty sum of floats gives into 0.
    if whole == 0 {
        0.0
    } else {
        part / whole as f64 + 0.0
    }
}

impl Room {
    /// The answers of the students still in the room to question `index`.
    fn room_answers(&self, index: usize) -> impl Iterator<Item = &super::Given> {
        self.answers
            .get(index)
            .into_iter()
            .flatten()
            .zip(&self.students)
            .filter(|(_, s)| !s.removed)
            .filter_map(|(a, _)| a.as_ref())
    }

    /// Mean credit of the room on question `index`, 0 to 1.
    fn question_score(&self, index: usize) -> f64 {
        let earned: f64 = self
            .room_answers(index)
            .map(|a| a.grade.outcome.credit())
            .sum();
        ratio(earned, self.present_count())
    }

    /// How the room answered question `index`.
    #[allow(clippy::too_many_lines)] // one arm per kind of question, each short
    pub fn tally(&self, index: usize) -> Option<Tally> {
        let question = &self.questions.get(index)?.question;
        let answers: Vec<&super::Given> = self.room_answers(index).collect();
        let count = |pick: &dyn Fn(&Answer) -> bool| {
            answers.iter().filter(|a| pick(&a.grade.given)).count()
        };
        // For the parts of an answer: how many had part `k` right.
        let part_right = |k: usize| {
            answers
                .iter()
                .filter(|a| a.grade.marks.get(k).copied().unwrap_or(false))
                .count()
        };
        let bars = match &question.body {
            Body::Choice { options, correct } => {
                option_bars(&answers, options, &|i| i == *correct, &|a, i| {
                    *a == Answer::Choice(i)
                })
            }
            // How many ticked each option.
            Body::SelectAll { options, correct } => option_bars(
                &answers,
                options,
                &|i| correct.contains(&i),
                &|a, i| matches!(a, Answer::SelectAll(picked) if picked.contains(&i)),
            ),
            Body::TrueFalse { answer } => [(BarLabel::True, true), (BarLabel::False, false)]
                .into_iter()
                .map(|(label, value)| Bar {
                    label,
                    count: count(&|a| *a == Answer::TrueFalse(value)),
                    correct: value == *answer,
                })
                .collect(),
            Body::Ordering { items, order } => order
                .iter()
                .enumerate()
                .map(|(k, &item)| Bar {
                    label: BarLabel::Text(items.get(item).cloned().unwrap_or_default()),
                    count: part_right(k),
                    correct: true,
                })
                .collect(),
            Body::Matching { left, .. } => left
                .iter()
                .enumerate()
                .map(|(k, item)| Bar {
                    label: BarLabel::Text(item.clone()),
                    count: part_right(k),
                    correct: true,
                })
                .collect(),
            Body::ListAll { items, decoys } => items
                .iter()
                .enumerate()
                .map(|(k, item)| Bar {
                    label: BarLabel::Text(item.first().cloned().unwrap_or_default()),
                    count: answers
                        .iter()
                        .filter(|a| match &a.grade.given {
                            Answer::ListAll(given) => {
                                crate::quiz::grade::grade_list(given, items, decoys)
                                    .matched
                                    .contains(&Some(k))
                            }
                            _ => false,
                        })
                        .count(),
                    correct: true,
                })
                .collect(),
            Body::Typed { .. } | Body::Flashcard { .. } => {
                let right = answers
                    .iter()
                    .filter(|a| a.grade.outcome.credit() >= 1.0)
                    .count();
                vec![
                    Bar {
                        label: BarLabel::Right,
                        count: right,
                        correct: true,
                    },
                    Bar {
                        label: BarLabel::Wrong,
                        count: answers.len() - right,
                        correct: false,
                    },
                ]
            }
        };
        Some(Tally {
            answered: answers.len(),
            students: self.present_count(),
            score: self.question_score(index),
            bars,
        })
    }

    /// The room's score per question that counts, 0 to 1.
    pub fn question_scores(&self) -> Vec<(usize, f64)> {
        self.counted()
            .map(|q| (q, self.question_score(q)))
            .collect()
    }

    /// The room's score per topic, in the order topics were first asked.
    pub fn topic_scores(&self) -> Vec<TopicTally> {
        let mut topics: Vec<(String, f64, usize)> = Vec::new();
        for q in self.counted() {
            let topic = self.questions[q].topic.clone().unwrap_or_default();
            let score = self.question_score(q);
            match topics.iter_mut().find(|(t, _, _)| *t == topic) {
                Some(entry) => {
                    entry.1 += score;
                    entry.2 += 1;
                }
                None => topics.push((topic, score, 1)),
            }
        }
        topics
            .into_iter()
            .map(|(topic, sum, questions)| TopicTally {
                topic,
                score: ratio(sum, questions),
                questions,
            })
            .collect()
    }

    /// The `n` items the room knew least, weakest first (ties in the order
    /// asked).
    pub fn least_known(&self, n: usize) -> Vec<ItemScore> {
        let mut items: Vec<(ItemScore, usize)> = Vec::new();
        for q in self.counted() {
            let score = self.question_score(q);
            for item in &self.questions[q].items {
                match items.iter_mut().find(|(i, _)| i.key == item.key) {
                    Some((known, times)) => {
                        known.score += score;
                        *times += 1;
                    }
                    None => items.push((
                        ItemScore {
                            key: item.key.clone(),
                            label: item.label.clone(),
                            score,
                        },
                        1,
                    )),
                }
            }
        }
        let mut items: Vec<ItemScore> = items
            .into_iter()
            .map(|(mut item, times)| {
                item.score = ratio(item.score, times);
                item
            })
            .collect();
        items.sort_by(|a, b| a.score.total_cmp(&b.score));
        items.truncate(n);
        items
    }
}

/// A bar per option: how many picked it (`picked`), and whether it is right.
fn option_bars(
    answers: &[&super::Given],
    options: &[String],
    right: &dyn Fn(usize) -> bool,
    picked: &dyn Fn(&Answer, usize) -> bool,
) -> Vec<Bar> {
    options
        .iter()
        .enumerate()
        .map(|(i, option)| Bar {
            label: BarLabel::Text(option.clone()),
            count: answers.iter().filter(|a| picked(&a.grade.given, i)).count(),
            correct: right(i),
        })
        .collect()
}
