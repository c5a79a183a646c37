//! The `[[questions]]` of a topic file: quiz questions written by hand.
//!
//! Which answer fields a question needs depends on its `kind`; without a
//! `kind`, its answer fields name it (`pairs` a matching question, ...),
//! and a question has exactly one answer shape either way. The id and the
//! entry a question tests span files, so they are checked in `pack`. The
//! answer fields of each kind are read in `answers`.

mod answers;

use std::ops::Range;

use self::answers::{
    MIN_LIST, MIN_ORDERING, read_choice, read_items, read_pairs, read_true_false, read_typed,
};
use super::fields::{Checker, Table, Text, closest};
use crate::content::diagnostic::{Msg, SourceFile};
use crate::content::model::{AuthoredKind, AuthoredQuestion};
use crate::i18n::diagnostics::{LoadKey, QuestionKey};

pub(super) const QUESTION_FIELDS: &[&str] = &[
    "id",
    "entry",
    "kind",
    "prompt",
    "options",
    "answer",
    "correct",
    "shuffle",
    "answers",
    "pairs",
    "items",
    "ordered",
    "explanation",
];

/// The fields that hold the answer; each kind uses some of them.
const ANSWER_FIELDS: &[&str] = &["options", "answer", "correct", "answers", "pairs", "items"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Choice,
    TrueFalse,
    Typed,
    Matching,
    Ordering,
    ListAll,
}

impl Kind {
    const ALL: [Self; 6] = [
        Self::Choice,
        Self::TrueFalse,
        Self::Typed,
        Self::Matching,
        Self::Ordering,
        Self::ListAll,
    ];

    /// How the kind is written in TOML.
    fn name(self) -> &'static str {
        match self {
            Self::Choice => "choice",
            Self::TrueFalse => "true-false",
            Self::Typed => "typed",
            Self::Matching => "matching",
            Self::Ordering => "ordering",
            Self::ListAll => "list-all",
        }
    }

    /// For messages: "a choice question".
    fn described(self) -> QuestionKey {
        match self {
            Self::Choice => QuestionKey::AChoice,
            Self::TrueFalse => QuestionKey::ATrueFalse,
            Self::Typed => QuestionKey::ATyped,
            Self::Matching => QuestionKey::AMatching,
            Self::Ordering => QuestionKey::AnOrdering,
            Self::ListAll => QuestionKey::AListAll,
        }
    }

    /// The answer fields the kind may have; the other answer fields are not
    /// allowed. A choice question has `options` and one of `answer` and
    /// `correct`; the other kinds need all of theirs.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Choice => &["options", "answer", "correct"],
            Self::TrueFalse => &["answer"],
            Self::Typed => &["answers"],
            Self::Matching => &["pairs"],
            Self::Ordering | Self::ListAll => &["items"],
        }
    }

    /// How the answer fields of the kind are written, for help messages.
    fn example(self) -> QuestionKey {
        match self {
            Self::Choice => QuestionKey::ChoiceExample,
            Self::TrueFalse => QuestionKey::TrueFalseExample,
            Self::Typed => QuestionKey::TypedExample,
            Self::Matching => QuestionKey::MatchingExample,
            Self::Ordering => QuestionKey::OrderingExample,
            Self::ListAll => QuestionKey::ListAllExample,
        }
    }
}

/// A `[[questions]]` item as read from its file.
pub(super) struct ReadQuestion {
    pub id: Option<Text>,
    /// The id of the entry the question tests, not yet checked.
    pub entry: Option<Text>,
    /// `None` when a part of it is missing or wrong (and reported).
    pub question: Option<AuthoredQuestion>,
}

pub(super) fn read_question(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> ReadQuestion {
    checker.unknown_fields(table, QUESTION_FIELDS);
    let id = checker.required_text(table, "id");
    let entry = checker.required_text(table, "entry");
    let prompt = checker.required_text(table, "prompt");
    let explanation = checker.optional_text(table, "explanation");
    let kind = read_kind(checker, table).and_then(|kind| read_answer(checker, table, &kind));
    let question = match (&id, &entry, prompt, kind) {
        (Some(id), Some(entry), Some(prompt), Some(kind)) => Some(AuthoredQuestion {
            id: id.value.clone(),
            entry: entry.value.clone(),
            prompt: prompt.value,
            kind,
            explanation: explanation.map(|t| t.value),
        }),
        _ => None,
    };
    ReadQuestion {
        id,
        entry,
        question,
    }
}

/// The kind of a question and where it is given: its `kind`, or the answer
/// field that names it.
struct KindText {
    kind: Kind,
    span: Range<usize>,
    written: bool,
}

impl KindText {
    fn related(&self, file: &SourceFile) -> crate::content::diagnostic::Related {
        let label: Msg = if self.written {
            QuestionKey::KindSetHere.into()
        } else {
            QuestionKey::FieldMakesIt.with("kind", self.kind.described())
        };
        file.related(self.span.clone(), label)
    }
}

fn read_kind(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<KindText> {
    let kinds = QuestionKey::Kinds;
    if !table.map.contains_key("kind") {
        if let Some(kind) = implied_kind(table) {
            return Some(kind);
        }
        checker.push(
            checker
                .file
                .error(
                    table.span.clone(),
                    QuestionKey::MissingKind,
                    QuestionKey::MissingKindLabel,
                )
                .with_help(QuestionKey::MissingKindHelp.with("kinds", kinds)),
        );
        return None;
    }
    let text = checker.required_text(table, "kind")?;
    if let Some(kind) = Kind::ALL.into_iter().find(|k| k.name() == text.value) {
        return Some(KindText {
            kind,
            span: text.span,
            written: true,
        });
    }
    let help = match closest(&text.value, Kind::ALL.into_iter().map(Kind::name)) {
        Some(close) => LoadKey::DidYouMean.with("close", close),
        None => QuestionKey::TheKindsAre.with("kinds", kinds),
    };
    checker.push(
        checker
            .file
            .error(
                text.span,
                QuestionKey::UnknownKind.with("kind", &text.value),
                QuestionKey::UnknownKindLabel,
            )
            .with_help(help),
    );
    None
}

/// The kind the answer fields of a question without `kind` name: the first
/// of `options`, `correct`, `pairs`, `items`, `answers` and `answer`
/// (a boolean for true-false, a text for choice). Any other answer field
/// is then reported as not used by that kind.
fn implied_kind(table: &Table<'_, '_>) -> Option<KindText> {
    let ordered = table
        .map
        .get("ordered")
        .and_then(|v| v.get_ref().as_bool())
        .unwrap_or(false);
    let items = if ordered {
        Kind::Ordering
    } else {
        Kind::ListAll
    };
    let boolean = table
        .map
        .get("answer")
        .is_some_and(|v| v.get_ref().as_bool().is_some());
    let answer = if boolean {
        Kind::TrueFalse
    } else {
        Kind::Choice
    };
    [
        ("options", Kind::Choice),
        ("correct", Kind::Choice),
        ("pairs", Kind::Matching),
        ("items", items),
        ("answers", Kind::Typed),
        ("answer", answer),
    ]
    .into_iter()
    .find_map(|(field, kind)| {
        table.key_span(field).map(|span| KindText {
            kind,
            span,
            written: false,
        })
    })
}

/// Checks that the answer fields fit the kind, then reads them.
fn read_answer(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
    kind: &KindText,
) -> Option<AuthoredKind> {
    let allowed = kind.kind.fields();
    let mut fits = true;
    for &field in ANSWER_FIELDS.iter().filter(|f| !allowed.contains(f)) {
        let Some(span) = table.key_span(field) else {
            continue;
        };
        fits = false;
        let help = match twin(field).filter(|t| allowed.contains(t)) {
            Some(twin) => QuestionKey::TwinHelp
                .with("twin", twin)
                .with("kind", kind.kind.described())
                .with("example", kind.kind.example()),
            None => QuestionKey::OneAnswerHelp
                .with("kind", kind.kind.described())
                .with("example", kind.kind.example()),
        };
        let related = kind.related(checker.file);
        checker.push(
            checker
                .file
                .error(
                    span,
                    QuestionKey::NotUsedBy
                        .with("field", field)
                        .with("kind", kind.kind.described()),
                    QuestionKey::NotUsedByLabel,
                )
                .with_help(help)
                .with_related(related),
        );
    }
    fits &= modifiers_fit(checker, table, kind);
    // A misspelt twin (`answers` for `answer`) has been reported above.
    let written =
        |f: &str| table.map.contains_key(f) || twin(f).is_some_and(|t| table.map.contains_key(t));
    let needed: &[&str] = match kind.kind {
        Kind::Choice if written("answer") || table.map.contains_key("correct") => &["options"],
        Kind::Choice => &["options", "answer"],
        other => other.fields(),
    };
    for &field in needed {
        if written(field) {
            continue;
        }
        fits = false;
        let field: crate::content::diagnostic::Arg =
            if kind.kind == Kind::Choice && field == "answer" {
                QuestionKey::AnswerOrCorrect.into()
            } else {
                field.into()
            };
        checker.push(
            checker
                .file
                .error(
                    kind.span.clone(),
                    QuestionKey::MissingFor
                        .with("field", field.clone())
                        .with("kind", kind.kind.described()),
                    QuestionKey::MissingForLabel
                        .with("kind", kind.kind.described())
                        .with("field", field),
                )
                .with_help(QuestionKey::AddToQuestion.with("example", kind.kind.example())),
        );
    }
    let answer = match kind.kind {
        Kind::Choice => read_choice(checker, table),
        Kind::TrueFalse => read_true_false(checker, table),
        Kind::Typed => read_typed(checker, table),
        Kind::Matching => read_pairs(checker, table),
        Kind::Ordering => {
            read_items(checker, table, MIN_ORDERING).map(|items| AuthoredKind::Ordering { items })
        }
        Kind::ListAll => {
            read_items(checker, table, MIN_LIST).map(|items| AuthoredKind::ListAll { items })
        }
    };
    answer.filter(|_| fits)
}

/// `shuffle` belongs to a question with options, `ordered` to one with
/// items, and `ordered` must agree with a written kind.
fn modifiers_fit(checker: &mut Checker<'_>, table: &Table<'_, '_>, kind: &KindText) -> bool {
    let mut fits = true;
    for (field, owner, help) in [
        ("shuffle", Kind::Choice, QuestionKey::ShuffleHelp),
        ("ordered", Kind::Ordering, QuestionKey::OrderedHelp),
    ] {
        let Some(value) = table.map.get(field) else {
            continue;
        };
        let owns = kind.kind == owner || (field == "ordered" && kind.kind == Kind::ListAll);
        if !owns {
            fits = false;
            let related = kind.related(checker.file);
            checker.push(
                checker
                    .file
                    .error(
                        table.key_span(field).unwrap_or_else(|| value.span()),
                        QuestionKey::NotUsedBy
                            .with("field", field)
                            .with("kind", kind.kind.described()),
                        QuestionKey::NotUsedByLabel,
                    )
                    .with_help(help)
                    .with_related(related),
            );
            continue;
        }
        // `shuffle` is read (and its type checked) with the options.
        if field != "ordered" {
            continue;
        }
        let Some(on) = checker.optional_bool(table, field) else {
            fits = false;
            continue;
        };
        // Only a written kind can disagree: without one, `ordered` chose it.
        let contradicts = kind.written && on != (kind.kind == Kind::Ordering);
        if contradicts {
            fits = false;
            let (message, help) = if on {
                (
                    QuestionKey::OrderedTrueListAll,
                    QuestionKey::OrderedTrueListAllHelp,
                )
            } else {
                (
                    QuestionKey::OrderedFalseOrdering,
                    QuestionKey::OrderedFalseOrderingHelp,
                )
            };
            let related = kind.related(checker.file);
            checker.push(
                checker
                    .file
                    .error(value.span(), message, QuestionKey::ContradictsKind)
                    .with_help(help)
                    .with_related(related),
            );
        }
    }
    fits
}

/// `answer` and `answers` are easily confused.
fn twin(field: &str) -> Option<&'static str> {
    match field {
        "answer" => Some("answers"),
        "answers" => Some("answer"),
        _ => None,
    }
}
