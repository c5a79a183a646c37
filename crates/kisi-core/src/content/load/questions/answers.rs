//! The answer fields of a `[[questions]]` item, once its kind is known:
//! options and `correct`, a true-false `answer`, typed `answers`, `pairs`
//! and `items`, each checked as the quiz will compare them.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::super::fields::{Checker, Table, Text, closest};
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::content::model::AuthoredKind;
use crate::text::fold;

/// One option is no choice, and more than six are hard to take in.
const MIN_OPTIONS: usize = 2;
const MAX_OPTIONS: usize = 6;
/// Pairs to match and items to order or name: enough to be a question,
/// few enough to fit a screen (pairs are lettered a to f).
const MIN_PAIRS: usize = 2;
const MAX_PAIRS: usize = 6;
pub(super) const MIN_LIST: usize = 2;
/// Two items in order are a coin toss.
pub(super) const MIN_ORDERING: usize = 3;
const MAX_ITEMS: usize = 12;

/// How the quiz compares options and typed answers: case, accents, spaces
/// and punctuation do not count.
fn comparable(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

pub(super) fn read_choice(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
) -> Option<AuthoredKind> {
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

pub(super) fn read_true_false(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
) -> Option<AuthoredKind> {
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

pub(super) fn read_typed(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
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

/// `pairs`: a list of `[left, right]` texts, `MIN_PAIRS..=MAX_PAIRS` of them,
/// the left sides all different and the right sides too.
pub(super) fn read_pairs(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
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
pub(super) fn read_items(
    checker: &mut Checker<'_>,
    table: &Table<'_, '_>,
    min: usize,
) -> Option<Vec<String>> {
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
