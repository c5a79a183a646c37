//! The `[[questions]]` of a topic file: quiz questions written by hand.
//!
//! Which answer fields a question needs depends on its `kind`. The id and
//! the entry a question tests span files, so they are checked in `pack`.

use std::collections::HashMap;
use std::ops::Range;

use super::fields::{Checker, Table, Text, closest};
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::content::model::{AuthoredKind, AuthoredQuestion};
use crate::text::fold;

pub(super) const QUESTION_FIELDS: &[&str] = &[
    "id",
    "entry",
    "kind",
    "prompt",
    "options",
    "answer",
    "answers",
    "explanation",
];

/// The fields that hold the answer; each kind uses some of them.
const ANSWER_FIELDS: &[&str] = &["options", "answer", "answers"];

/// One option is no choice, and more than six are hard to take in.
const MIN_OPTIONS: usize = 2;
const MAX_OPTIONS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Choice,
    TrueFalse,
    Typed,
}

impl Kind {
    const ALL: [Self; 3] = [Self::Choice, Self::TrueFalse, Self::Typed];

    /// How the kind is written in TOML.
    fn name(self) -> &'static str {
        match self {
            Self::Choice => "choice",
            Self::TrueFalse => "true-false",
            Self::Typed => "typed",
        }
    }

    /// For messages: "a choice question".
    fn described(self) -> &'static str {
        match self {
            Self::Choice => "a choice question",
            Self::TrueFalse => "a true-false question",
            Self::Typed => "a typed question",
        }
    }

    /// The answer fields the kind needs; the other answer fields are not
    /// allowed.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Self::Choice => &["options", "answer"],
            Self::TrueFalse => &["answer"],
            Self::Typed => &["answers"],
        }
    }

    /// How the answer fields of the kind are written, for help messages.
    fn example(self) -> &'static str {
        match self {
            Self::Choice => {
                "options = [\"...\", \"...\"]\nanswer = \"...\"   # the text of the correct option"
            }
            Self::TrueFalse => "answer = true   # or false, without quotes",
            Self::Typed => "answers = [\"...\", \"...\"]   # every answer that counts as right",
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

/// How the quiz compares options and typed answers: case, accents, spaces
/// and punctuation do not count.
fn comparable(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

struct KindText {
    kind: Kind,
    span: Range<usize>,
}

fn read_kind(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<KindText> {
    let kinds = "`choice` (pick one of `options`), `true-false` (is the prompt right?) or \
                 `typed` (type one of `answers`)";
    if !table.map.contains_key("kind") {
        checker.push(
            checker
                .file
                .error(
                    table.span.clone(),
                    "missing field `kind` in [[questions]]",
                    "this table has no `kind`",
                )
                .with_help(format!("add `kind = \"...\"` with one of: {kinds}")),
        );
        return None;
    }
    let text = checker.required_text(table, "kind")?;
    if let Some(kind) = Kind::ALL.into_iter().find(|k| k.name() == text.value) {
        return Some(KindText {
            kind,
            span: text.span,
        });
    }
    let help = match closest(&text.value, Kind::ALL.into_iter().map(Kind::name)) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("the kinds of question are {kinds}"),
    };
    checker.push(
        checker
            .file
            .error(
                text.span,
                format!("unknown question kind `{}`", text.value),
                "not a kind of question",
            )
            .with_help(help),
    );
    None
}

/// Checks that the answer fields fit the kind, then reads them.
fn read_answer(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
    kind: &KindText,
) -> Option<AuthoredKind> {
    let needed = kind.kind.fields();
    let mut fits = true;
    for &field in ANSWER_FIELDS.iter().filter(|f| !needed.contains(f)) {
        let Some(span) = table.key_span(field) else {
            continue;
        };
        fits = false;
        let help = match twin(field).filter(|t| needed.contains(t)) {
            Some(twin) => format!(
                "did you mean `{twin}`? {} is written as:\n{}",
                capitalized(kind.kind.described()),
                kind.kind.example()
            ),
            None => format!(
                "remove it; {} is written as:\n{}",
                kind.kind.described(),
                kind.kind.example()
            ),
        };
        let related = checker
            .file
            .related(kind.span.clone(), "the kind is set here");
        checker.push(
            checker
                .file
                .error(
                    span,
                    format!("`{field}` is not used by {}", kind.kind.described()),
                    "not used by this kind of question",
                )
                .with_help(help)
                .with_related(related),
        );
    }
    for &field in needed {
        // A misspelt twin (`answers` for `answer`) has been reported above.
        let written = |f: &str| table.map.contains_key(f);
        if written(field) || twin(field).is_some_and(written) {
            continue;
        }
        fits = false;
        checker.push(
            checker
                .file
                .error(
                    kind.span.clone(),
                    format!("missing field `{field}` for {}", kind.kind.described()),
                    format!("{} needs `{field}`", kind.kind.described()),
                )
                .with_help(format!("add to this question:\n{}", kind.kind.example())),
        );
    }
    let answer = match kind.kind {
        Kind::Choice => read_choice(checker, table),
        Kind::TrueFalse => read_true_false(checker, table),
        Kind::Typed => read_typed(checker, table),
    };
    answer.filter(|_| fits)
}

/// `answer` and `answers` are easily confused.
fn twin(field: &str) -> Option<&'static str> {
    match field {
        "answer" => Some("answers"),
        "answers" => Some("answer"),
        _ => None,
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn read_choice(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
    let options = read_options(checker, table);
    let answer = checker.optional_text(table, "answer");
    let (options, answer) = (options?, answer?);
    let key = comparable(&answer.value);
    // Options are distinct when compared, so at most one can match.
    let Some(correct) = options.iter().position(|o| comparable(&o.value) == key) else {
        let help = match closest(&answer.value, options.iter().map(|o| o.value.as_str())) {
            Some(close) => format!("did you mean `{close}`?"),
            None => "`answer` is the text of the correct option, copied from `options`".to_owned(),
        };
        let mut diagnostic = checker
            .file
            .error(
                answer.span,
                format!("the answer `{}` is not one of the options", answer.value),
                "no option has this text",
            )
            .with_help(help);
        if let Some(span) = table.map.get("options").map(toml::Spanned::span) {
            diagnostic = diagnostic.with_related(checker.file.related(span, "the options"));
        }
        checker.push(diagnostic);
        return None;
    };
    Some(AuthoredKind::Choice {
        options: options.into_iter().map(|o| o.value).collect(),
        correct,
    })
}

/// The options of a choice question: `MIN_OPTIONS..=MAX_OPTIONS` texts that
/// differ when compared as the quiz compares them.
fn read_options(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<Vec<Text>> {
    let value = table.map.get("options")?;
    let options = checker.optional_text_list(table, "options");
    let count = value.get_ref().as_array().map_or(0, |items| items.len());
    // Wrong types, an empty list or empty items have been reported.
    let mut valid = count > 0 && options.len() == count;
    if count > 0 && !(MIN_OPTIONS..=MAX_OPTIONS).contains(&count) {
        valid = false;
        let help = if count < MIN_OPTIONS {
            "add at least one wrong option a student might pick".to_owned()
        } else {
            format!("keep the {MAX_OPTIONS} most plausible options; more are hard to read")
        };
        checker.push(
            checker
                .file
                .error(
                    value.span(),
                    format!(
                        "a choice question needs {MIN_OPTIONS} to {MAX_OPTIONS} options, \
                         found {count}"
                    ),
                    format!("{count} option{}", if count == 1 { "" } else { "s" }),
                )
                .with_help(help),
        );
    }
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for option in &options {
        let key = comparable(&option.value);
        if key.is_empty() {
            valid = false;
            checker.push(no_letters(checker.file, option, "option"));
        } else if let Some(first) = seen.get(&key) {
            valid = false;
            let related = checker.file.related(first.clone(), "first written here");
            checker.push(
                checker
                    .file
                    .error(
                        option.span.clone(),
                        format!("duplicate option `{}`", option.value),
                        "the same as an earlier option",
                    )
                    .with_help(
                        "options are compared ignoring case, accents, spaces and punctuation; \
                         make every option different",
                    )
                    .with_related(related),
            );
        } else {
            seen.insert(key, option.span.clone());
        }
    }
    valid.then_some(options)
}

fn no_letters(file: &SourceFile, text: &Text, what: &str) -> Diagnostic {
    file.error(
        text.span.clone(),
        format!("{what} `{}` has no letters or digits", text.value),
        "nothing to compare",
    )
    .with_help(
        "the quiz compares answers by their letters and digits only; write this one in \
             words or numbers",
    )
}

fn read_true_false(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
    let value = table.map.get("answer")?;
    if let Some(answer) = value.get_ref().as_bool() {
        return Some(AuthoredKind::TrueFalse { answer });
    }
    let diagnostic = checker
        .type_error(value, "answer", "a boolean (`true` or `false`)")
        .with_help(
            "write `answer = true` if the prompt states something right, `answer = false` if \
             it states something wrong, without quotes",
        );
    checker.push(diagnostic);
    None
}

fn read_typed(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
    let value = table.map.get("answers")?;
    let answers = checker.optional_text_list(table, "answers");
    let count = value.get_ref().as_array().map_or(0, |items| items.len());
    let mut valid = count > 0 && answers.len() == count;
    for answer in answers.iter().filter(|a| comparable(&a.value).is_empty()) {
        valid = false;
        checker.push(no_letters(checker.file, answer, "answer"));
    }
    valid.then(|| AuthoredKind::Typed {
        answers: answers.into_iter().map(|a| a.value).collect(),
    })
}
