//! What a quiz question is: its prompt, its answer format with the solution,
//! and the material it tests so that a mistake links back to the entry.

use crate::content::EntryRef;

use super::wording::{Lang, fill, words};

/// The kinds of question a quiz can be restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuestionKind {
    Choice,
    TrueFalse,
    Typed,
    Ordering,
    Matching,
    ListAll,
    Flashcard,
}

impl QuestionKind {
    pub const ALL: [Self; 7] = [
        Self::Choice,
        Self::TrueFalse,
        Self::Typed,
        Self::Ordering,
        Self::Matching,
        Self::ListAll,
        Self::Flashcard,
    ];
}

/// A piece of material a question tests: an entry, and a point of it when the
/// question is about one point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target {
    pub entry: EntryRef,
    pub point: Option<usize>,
}

/// The question text, kept as data so that it renders in the UI's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Which option is one of the points of `entry`?
    PointInEntry {
        entry: String,
    },
    /// Which entry of `topic` does `point` belong to?
    EntryOfPoint {
        point: String,
        topic: String,
    },
    /// Which term does `definition` describe?
    TermForDefinition {
        definition: String,
    },
    /// True or false: `point` is one of the points of `entry`.
    Statement {
        point: String,
        entry: String,
        /// When the statement is false, the entry `point` really belongs
        /// to, to say so after the answer.
        belongs_to: Option<String>,
    },
    OrderPoints {
        entry: String,
    },
    /// Match points with entries, all of `topic` when they share one.
    MatchPoints {
        topic: Option<String>,
    },
    ListAll {
        entry: String,
        count: usize,
    },
    Flashcard {
        front: String,
    },
    /// A hand-written question's own text.
    Authored {
        text: String,
    },
}

impl Prompt {
    pub fn text(&self, lang: Lang) -> String {
        let w = words(lang);
        match self {
            Self::PointInEntry { entry } => fill(w.point_in_entry, &[("entry", entry)]),
            Self::EntryOfPoint { point, topic } => fill(
                w.entry_of_point,
                &[("point", point), ("topic", &mid_sentence(topic))],
            ),
            Self::TermForDefinition { definition } => {
                fill(w.term_for_definition, &[("definition", definition)])
            }
            Self::Statement { point, entry, .. } => {
                fill(w.statement, &[("point", point), ("entry", entry)])
            }
            Self::OrderPoints { entry } => fill(w.order_points, &[("entry", entry)]),
            Self::MatchPoints { topic: Some(topic) } => {
                fill(w.match_points, &[("topic", &mid_sentence(topic))])
            }
            Self::MatchPoints { topic: None } => w.match_entries.to_owned(),
            Self::ListAll { entry, count } => fill(
                w.list_all,
                &[("entry", entry), ("count", &count.to_string())],
            ),
            Self::Flashcard { front } => front.clone(),
            Self::Authored { text } => text.clone(),
        }
    }
}

/// A title as it reads inside a sentence: "Bidang garapan" becomes "bidang
/// garapan", while "UU No. 11" and "ODHA" keep their capitals.
fn mid_sentence(title: &str) -> String {
    let mut chars = title.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(title.chars().skip(1)).collect()
        }
        _ => title.to_owned(),
    }
}

/// The answer format of a question together with its solution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Exactly one of `options` (distinct once folded) is right.
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    TrueFalse {
        answer: bool,
    },
    /// A typed answer, graded against every candidate so that a near miss of
    /// another item is not taken for the right one. Each candidate is a list
    /// of accepted spellings (title, aliases, English); `correct` indexes it.
    Typed {
        candidates: Vec<Vec<String>>,
        correct: usize,
    },
    /// `items` are shown in this (shuffled) order; `order[k]` is the index in
    /// `items` of the k-th item of the material.
    Ordering {
        items: Vec<String>,
        order: Vec<usize>,
    },
    /// `left[i]` belongs with `right[pairs[i]]`.
    Matching {
        left: Vec<String>,
        right: Vec<String>,
        pairs: Vec<usize>,
    },
    /// Name every item, in any order. `decoys` are close material that must
    /// not count (such as the items of sibling entries).
    ListAll {
        items: Vec<String>,
        decoys: Vec<String>,
    },
    /// Self-graded.
    Flashcard {
        back: String,
    },
}

impl Body {
    pub fn kind(&self) -> QuestionKind {
        match self {
            Self::Choice { .. } => QuestionKind::Choice,
            Self::TrueFalse { .. } => QuestionKind::TrueFalse,
            Self::Typed { .. } => QuestionKind::Typed,
            Self::Ordering { .. } => QuestionKind::Ordering,
            Self::Matching { .. } => QuestionKind::Matching,
            Self::ListAll { .. } => QuestionKind::ListAll,
            Self::Flashcard { .. } => QuestionKind::Flashcard,
        }
    }

    /// The solution as the student should see it after answering.
    pub fn solution(&self, lang: Lang) -> String {
        match self {
            Self::Choice { options, correct } => options.get(*correct).cloned().unwrap_or_default(),
            Self::TrueFalse { answer } => true_false_word(*answer, lang).to_owned(),
            Self::Typed {
                candidates,
                correct,
            } => candidates
                .get(*correct)
                .and_then(|spellings| spellings.first())
                .cloned()
                .unwrap_or_default(),
            Self::Ordering { items, order } => order
                .iter()
                .filter_map(|&i| items.get(i).map(String::as_str))
                .collect::<Vec<_>>()
                .join(" → "),
            Self::Matching { left, right, pairs } => left
                .iter()
                .zip(pairs)
                .map(|(l, &r)| format!("{l} → {}", right.get(r).map_or("", String::as_str)))
                .collect::<Vec<_>>()
                .join("; "),
            Self::ListAll { items, .. } => items.join("; "),
            Self::Flashcard { back } => back.clone(),
        }
    }
}

pub fn true_false_word(value: bool, lang: Lang) -> &'static str {
    let w = words(lang);
    if value { w.true_word } else { w.false_word }
}

/// One question of a quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Two questions with the same key ask the same thing; a quiz holds each
    /// key at most once.
    pub key: String,
    pub prompt: Prompt,
    pub body: Body,
    /// The material tested; the first target's topic is the question's topic.
    pub targets: Vec<Target>,
    /// Why the answer is right, quoted from the material.
    pub explanation: String,
    /// The citation (and locator) of the material's source.
    pub source: Option<String>,
}

impl Question {
    pub fn kind(&self) -> QuestionKind {
        self.body.kind()
    }

    /// The index of the topic the question belongs to.
    pub fn topic(&self) -> Option<usize> {
        self.targets.first().map(|t| t.entry.topic)
    }
}

/// A student's answer, in the shape of the question's [`Body`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Choice(usize),
    TrueFalse(bool),
    Typed(String),
    /// Indices into the shown `items`, in the order the student puts them.
    Ordering(Vec<usize>),
    /// For each left item, the index of the chosen right item.
    Matching(Vec<usize>),
    ListAll(Vec<String>),
    Flashcard {
        knew: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_titles_read_well_inside_a_sentence() {
        assert_eq!(mid_sentence("Bidang garapan"), "bidang garapan");
        assert_eq!(mid_sentence("UU No. 11"), "UU No. 11");
        assert_eq!(mid_sentence("Éra"), "éra");
        assert_eq!(mid_sentence(""), "");
        let prompt = Prompt::EntryOfPoint {
            point: "konseling keluarga".to_owned(),
            topic: "Bidang garapan pekerjaan sosial".to_owned(),
        };
        assert_eq!(
            prompt.text(Lang::Id),
            "\"konseling keluarga\" termasuk bidang garapan pekerjaan sosial yang mana?"
        );
    }
}
