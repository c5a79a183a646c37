//! The `[[questions]]` of a topic file: quiz questions written by hand.
//!
//! Which answer fields a question needs depends on its `kind`; without a
//! `kind`, its answer fields name it (`pairs` a matching question, ...),
//! and a question has exactly one answer shape either way. The id and the
//! entry a question tests span files, so they are checked in `pack`.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::fields::{Checker, Table, Text, closest};
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::content::model::{AuthoredKind, AuthoredQuestion};
use crate::text::{capitalized, fold};

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

/// One option is no choice, and more than six are hard to take in.
const MIN_OPTIONS: usize = 2;
const MAX_OPTIONS: usize = 6;
/// Pairs to match and items to order or name: enough to be a question,
/// few enough to fit a screen (pairs are lettered a to f).
const MIN_PAIRS: usize = 2;
const MAX_PAIRS: usize = 6;
const MIN_LIST: usize = 2;
/// Two items in order are a coin toss.
const MIN_ORDERING: usize = 3;
const MAX_ITEMS: usize = 12;

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
    fn described(self) -> &'static str {
        match self {
            Self::Choice => "a choice question",
            Self::TrueFalse => "a true-false question",
            Self::Typed => "a typed question",
            Self::Matching => "a matching question",
            Self::Ordering => "an ordering question",
            Self::ListAll => "a list-all question",
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
    fn example(self) -> &'static str {
        match self {
            Self::Choice => {
                "options = [\"...\", \"...\"]\nanswer = \"...\"   # the text of the correct option\n\
                 # or, for several right options (select all that apply):\n\
                 correct = [0, 2]   # their indices, the first option being 0"
            }
            Self::TrueFalse => "answer = true   # or false, without quotes",
            Self::Typed => "answers = [\"...\", \"...\"]   # every answer that counts as right",
            Self::Matching => "pairs = [[\"left\", \"right\"], [\"left\", \"right\"]]",
            Self::Ordering => {
                "items = [\"first\", \"second\", \"third\"]   # in the right order\n\
                 ordered = true"
            }
            Self::ListAll => "items = [\"...\", \"...\"]   # every item the student must name",
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

/// The kind of a question and where it is given: its `kind`, or the answer
/// field that names it.
struct KindText {
    kind: Kind,
    span: Range<usize>,
    written: bool,
}

impl KindText {
    fn related(&self, file: &SourceFile) -> crate::content::diagnostic::Related {
        let label = if self.written {
            "the kind is set here".to_owned()
        } else {
            format!("this field makes it {}", self.kind.described())
        };
        file.related(self.span.clone(), label)
    }
}

fn read_kind(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<KindText> {
    let kinds = "`choice` (pick one of `options`, or all the right ones), `true-false` (is \
                 the prompt right?), `typed` (type one of `answers`), `matching` (match the \
                 `pairs`), `ordering` (put the `items` in order) or `list-all` (name all the \
                 `items`)";
    if !table.map.contains_key("kind") {
        if let Some(kind) = implied_kind(table) {
            return Some(kind);
        }
        checker.push(
            checker
                .file
                .error(
                    table.span.clone(),
                    "missing field `kind` in [[questions]]",
                    "this table has no `kind` and no answer",
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
            written: true,
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
            Some(twin) => format!(
                "did you mean `{twin}`? {} is written as:\n{}",
                capitalized(kind.kind.described()),
                kind.kind.example()
            ),
            None => format!(
                "remove it; a question has one answer, and {} is written as:\n{}",
                kind.kind.described(),
                kind.kind.example()
            ),
        };
        let related = kind.related(checker.file);
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
        let field = if kind.kind == Kind::Choice && field == "answer" {
            "answer` or `correct"
        } else {
            field
        };
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
        (
            "shuffle",
            Kind::Choice,
            "only the options of a choice question can keep their written order; matching, \
             ordering and list-all questions always shuffle their items. Remove it",
        ),
        (
            "ordered",
            Kind::Ordering,
            "`ordered` says whether `items` must be put in order; remove it",
        ),
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
                        format!("`{field}` is not used by {}", kind.kind.described()),
                        "not used by this kind of question",
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
                    "`ordered = true` makes an ordering question, but the kind is `list-all`",
                    "write `kind = \"ordering\"` to ask for the order, or remove `ordered` to \
                     ask for the items in any order",
                )
            } else {
                (
                    "`ordered = false` makes a list-all question, but the kind is `ordering`",
                    "write `kind = \"list-all\"` to ask for the items in any order, or remove \
                     `ordered`",
                )
            };
            let related = kind.related(checker.file);
            checker.push(
                checker
                    .file
                    .error(value.span(), message, "contradicts the kind")
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

fn read_choice(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
    let options = read_options(checker, table);
    // Without `shuffle`, options are shown in a random order.
    let shuffle = match table.map.get("shuffle") {
        Some(_) => checker.optional_bool(table, "shuffle"),
        None => Some(true),
    };
    if let Some(correct) = table.map.get("correct") {
        if let Some(span) = table.key_span("answer") {
            let related = checker.file.related(span, "`answer` is here");
            checker.push(
                checker
                    .file
                    .error(
                        table.key_span("correct").unwrap_or_else(|| correct.span()),
                        "`answer` and `correct` both give the right answer",
                        "a second answer",
                    )
                    .with_help(
                        "keep one: `answer = \"...\"` (the text of the one right option) or \
                         `correct = [0, 2]` (the indices of every right option, the first \
                         being 0)",
                    )
                    .with_related(related),
            );
            return None;
        }
        let (options, shuffle) = (options?, shuffle?);
        return read_correct(checker, correct, options.len()).map(|indices| match indices {
            Indices::One(correct) => AuthoredKind::Choice {
                options: options.into_iter().map(|o| o.value).collect(),
                correct,
                shuffle,
            },
            Indices::All(correct) => AuthoredKind::SelectAll {
                options: options.into_iter().map(|o| o.value).collect(),
                correct,
                shuffle,
            },
        });
    }
    let answer = checker.optional_text(table, "answer");
    let (options, answer, shuffle) = (options?, answer?, shuffle?);
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
        shuffle,
    })
}

/// What `correct` says: one right option, or a list of every right one.
enum Indices {
    One(usize),
    All(Vec<usize>),
}

/// `correct`: an index of an option, or a list of distinct indices,
/// ascending once read.
fn read_correct(
    checker: &mut Checker<'_>,
    value: &Spanned<DeValue<'_>>,
    count: usize,
) -> Option<Indices> {
    let expected = "a whole number or a list of whole numbers";
    if value.get_ref().as_integer().is_some() {
        return index(checker, value, count).map(Indices::One);
    }
    let Some(items) = value.get_ref().as_array() else {
        wrong_type(
            checker,
            value,
            ("correct", expected),
            "write `correct = 1` for the one right option or `correct = [0, 2]` for several, \
             counting the options from 0",
        );
        return None;
    };
    if items.is_empty() {
        checker.push(
            checker
                .file
                .error(value.span(), "`correct` is empty", "no right option")
                .with_help("list the indices of the right options, e.g. `correct = [0, 2]`"),
        );
        return None;
    }
    let mut valid = true;
    let mut seen: HashMap<usize, Range<usize>> = HashMap::new();
    for item in items {
        let Some(i) = index(checker, item, count) else {
            valid = false;
            continue;
        };
        if let Some(first) = seen.get(&i) {
            valid = false;
            let diagnostic = repeated(
                checker.file,
                (item.span(), first.clone()),
                format!("option {i} is listed twice in `correct`"),
                "listed before",
            )
            .with_help("list each right option once");
            checker.push(diagnostic);
        } else {
            seen.insert(i, item.span());
        }
    }
    let mut indices: Vec<usize> = seen.into_keys().collect();
    indices.sort_unstable();
    valid.then_some(Indices::All(indices))
}

/// One index of `correct`: a whole number below `count`.
fn index(checker: &mut Checker<'_>, value: &Spanned<DeValue<'_>>, count: usize) -> Option<usize> {
    let Some(integer) = value.get_ref().as_integer() else {
        wrong_type(
            checker,
            value,
            ("correct", "a whole number"),
            "an option is given by its index, the first option being 0",
        );
        return None;
    };
    let parsed = i64::from_str_radix(integer.as_str(), integer.radix()).ok();
    let found = parsed
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n < count);
    // With bad options, `count` is 0 and the range is not known: let the
    // options' error speak.
    if found.is_none() && count > 0 {
        let written = parsed.map_or_else(|| integer.as_str().to_owned(), |n| n.to_string());
        checker.push(
            checker
                .file
                .error(
                    value.span(),
                    format!(
                        "`correct` names option {written}, but there are {count} options, \
                         numbered 0 to {}",
                        count - 1
                    ),
                    "no such option",
                )
                .with_help("options are counted from 0: `correct = 0` is the first option"),
        );
    }
    found
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
    valid &= distinct(checker, &options, "option");
    valid.then_some(options)
}

/// The error for something written again: at `span`, pointing back at
/// `first`.
fn repeated(
    file: &SourceFile,
    (span, first): (Range<usize>, Range<usize>),
    message: String,
    label: &str,
) -> Diagnostic {
    file.error(span, message, label)
        .with_related(file.related(first, "first written here"))
}

/// A value of the wrong type, with a help saying how to write it.
fn wrong_type(
    checker: &mut Checker<'_>,
    value: &Spanned<DeValue<'_>>,
    (key, expected): (&str, &str),
    help: &str,
) {
    let diagnostic = checker.type_error(value, key, expected).with_help(help);
    checker.push(diagnostic);
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
    for answer in &answers {
        if let Some(diagnostic) = super::numbers::check_range(checker.file, answer) {
            valid = false;
            checker.push(diagnostic);
        }
    }
    valid.then(|| AuthoredKind::Typed {
        answers: answers.into_iter().map(|a| a.value).collect(),
    })
}

/// `pairs`: a list of `[left, right]` texts, `MIN_PAIRS..=MAX_PAIRS` of them,
/// the left sides all different and the right sides too.
fn read_pairs(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
    let value = table.map.get("pairs")?;
    let Some(items) = value.get_ref().as_array() else {
        wrong_type(
            checker,
            value,
            ("pairs", "a list of pairs"),
            "write `pairs = [[\"left\", \"right\"], [\"left\", \"right\"]]`",
        );
        return None;
    };
    let mut valid = count_fits(checker, value, items.len(), MIN_PAIRS..=MAX_PAIRS, "pairs");
    let mut pairs = Vec::new();
    for item in items {
        let Some([left, right]) = item.get_ref().as_array().map(|pair| &pair[..]) else {
            valid = false;
            checker.push(
                checker
                    .file
                    .error(
                        item.span(),
                        "an item of `pairs` is not a pair of texts",
                        "not [\"left\", \"right\"]",
                    )
                    .with_help("write each pair as two texts in brackets: [\"left\", \"right\"]"),
            );
            continue;
        };
        let left = checker.text_value(left, "pairs", true);
        let right = checker.text_value(right, "pairs", true);
        match (left, right) {
            (Some(left), Some(right)) => pairs.push((left, right)),
            _ => valid = false,
        }
    }
    let (lefts, rights): (Vec<Text>, Vec<Text>) = pairs.into_iter().unzip();
    valid &= distinct(checker, &lefts, "left side");
    valid &= distinct(checker, &rights, "right side");
    valid.then(|| AuthoredKind::Matching {
        pairs: lefts
            .into_iter()
            .zip(rights)
            .map(|(l, r)| (l.value, r.value))
            .collect(),
    })
}

/// `items` of an ordering or list-all question: `min..=MAX_ITEMS` distinct
/// texts.
fn read_items(checker: &mut Checker<'_>, table: &Table<'_, '_>, min: usize) -> Option<Vec<String>> {
    let value = table.map.get("items")?;
    let items = checker.optional_text_list(table, "items");
    let count = value.get_ref().as_array().map_or(0, |items| items.len());
    // Wrong types, an empty list or empty items have been reported.
    let mut valid = count > 0 && items.len() == count;
    valid &= count == 0 || count_fits(checker, value, count, min..=MAX_ITEMS, "items");
    valid &= distinct(checker, &items, "item");
    valid.then(|| items.into_iter().map(|t| t.value).collect())
}

/// Whether `count` (of the list `value` of `field`) is in `range`; reports
/// it when not.
fn count_fits(
    checker: &mut Checker<'_>,
    value: &Spanned<DeValue<'_>>,
    count: usize,
    range: std::ops::RangeInclusive<usize>,
    field: &str,
) -> bool {
    if range.contains(&count) {
        return true;
    }
    let help = if count < *range.start() {
        format!("add {} more", range.start() - count)
    } else {
        format!(
            "keep the {} most useful; more are hard to read",
            range.end()
        )
    };
    checker.push(
        checker
            .file
            .error(
                value.span(),
                format!(
                    "`{field}` needs {} to {}, found {count}",
                    range.start(),
                    range.end()
                ),
                format!("{count} in the list"),
            )
            .with_help(help),
    );
    false
}

/// Whether `texts` all differ as the quiz compares them and each has a
/// letter or digit; reports those that do not.
fn distinct(checker: &mut Checker<'_>, texts: &[Text], what: &str) -> bool {
    let mut valid = true;
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for text in texts {
        let key = comparable(&text.value);
        if key.is_empty() {
            valid = false;
            checker.push(no_letters(checker.file, text, what));
        } else if let Some(first) = seen.get(&key) {
            valid = false;
            let diagnostic = repeated(
                checker.file,
                (text.span.clone(), first.clone()),
                format!("duplicate {what} `{}`", text.value),
                &format!("the same as an earlier {what}"),
            )
            .with_help(format!(
                "{what}s are compared ignoring case, accents, spaces and punctuation; make \
                 every {what} different"
            ));
            checker.push(diagnostic);
        } else {
            seen.insert(key, text.span.clone());
        }
    }
    valid
}
