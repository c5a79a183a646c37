//! What a quiz question is: its prompt, its answer format with the solution,
//! and the material it tests so that a mistake links back to the entry.

use crate::content::{EntryRef, Member};

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

/// The question text, kept as data so that it renders in the UI's language
/// (see `wording::prompt`). A title is only ever quoted as a name; what the
/// members of a topic or list are called comes from the author's `member`
/// nouns, and without one the wording is neutral.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Which option is one of the points of `entry`? `member` names the
    /// entry's points.
    PointInEntry {
        entry: String,
        member: Member,
    },
    /// Which entry of `topic` does `point` belong to? `member` names the
    /// topic's entries.
    EntryOfPoint {
        point: String,
        topic: String,
        member: Member,
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
        /// to, to say so after the answer (none for an author's
        /// distractor).
        belongs_to: Option<String>,
    },
    OrderPoints {
        entry: String,
    },
    /// Match points with entries, all of `topic` when they share one;
    /// `member` names that topic's entries.
    MatchPoints {
        topic: Option<String>,
        member: Member,
    },
    /// Match the two sides of the `pairs` of `entry`.
    MatchPairs {
        entry: String,
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
    /// A hand-written question with several right options: its text, which
    /// renders with "select all that apply".
    SelectAll {
        text: String,
    },
}

/// The answer format of a question together with its solution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Exactly one of `options` (distinct once folded) is right.
    Choice {
        options: Vec<String>,
        correct: usize,
    },
    /// Select all that apply: the options at `correct` (ascending, at least
    /// one) are right. Asked only by hand-written questions.
    SelectAll {
        options: Vec<String>,
        correct: Vec<usize>,
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
    /// `left[i]` belongs with `right[pairs[i]]`. A generated question's
    /// `targets[i]` is the point `left[i]` is, so each pair is rated on its
    /// own.
    Matching {
        left: Vec<String>,
        right: Vec<String>,
        pairs: Vec<usize>,
    },
    /// Name every item, in any order. Each item is the forms it is accepted
    /// in, the first the one shown in the solution. `decoys` are close
    /// material that must not count (such as the items of sibling entries).
    /// With one target per item after the first (the entry),
    /// `targets[1 + i]` is item `i`'s, so each is rated on its own.
    ListAll {
        items: Vec<Vec<String>>,
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
            // A choice with several right options: `--kind choice` asks it.
            Self::Choice { .. } | Self::SelectAll { .. } => QuestionKind::Choice,
            Self::TrueFalse { .. } => QuestionKind::TrueFalse,
            Self::Typed { .. } => QuestionKind::Typed,
            Self::Ordering { .. } => QuestionKind::Ordering,
            Self::Matching { .. } => QuestionKind::Matching,
            Self::ListAll { .. } => QuestionKind::ListAll,
            Self::Flashcard { .. } => QuestionKind::Flashcard,
        }
    }
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
    /// The options ticked, as indices into the shown options.
    SelectAll(Vec<usize>),
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
