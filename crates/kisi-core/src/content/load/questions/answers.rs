//! The answer fields of a `[[questions]]` item, once its kind is known:
//! options and `correct`, a true-false `answer`, typed `answers`, `pairs`
//! and `items`, each checked as the quiz will compare them.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::super::fields::{Checker, Table, Text, closest};
use crate::content::diagnostic::Msg;
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::content::model::{AuthoredKind, answer_key};
use crate::i18n::diagnostics::{LoadKey, QuestionKey};

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
            let related = checker.file.related(span, QuestionKey::AnswerIsHere);
            checker.push(
                checker
                    .file
                    .error(
                        table.key_span("correct").unwrap_or_else(|| correct.span()),
                        QuestionKey::AnswerAndCorrect,
                        QuestionKey::ASecondAnswer,
                    )
                    .with_help(QuestionKey::AnswerAndCorrectHelp)
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
    let key = answer_key(&answer.value);
    // Options are distinct when compared, so at most one can match.
    let Some(correct) = options.iter().position(|o| answer_key(&o.value) == key) else {
        let help = match closest(&answer.value, options.iter().map(|o| o.value.as_str())) {
            Some(close) => LoadKey::DidYouMean.with("close", close),
            None => QuestionKey::AnswerIsOptionText.into(),
        };
        let mut diagnostic = checker
            .file
            .error(
                answer.span,
                QuestionKey::AnswerNotOption.with("answer", &answer.value),
                QuestionKey::NoOptionHasText,
            )
            .with_help(help);
        if let Some(span) = table.map.get("options").map(toml::Spanned::span) {
            diagnostic =
                diagnostic.with_related(checker.file.related(span, QuestionKey::TheOptions));
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
    let expected = QuestionKey::WholeNumberOrList;
    if value.get_ref().as_integer().is_some() {
        return index(checker, value, count).map(Indices::One);
    }
    let Some(items) = value.get_ref().as_array() else {
        wrong_type(
            checker,
            value,
            ("correct", expected.into()),
            QuestionKey::CorrectHelp,
        );
        return None;
    };
    if items.is_empty() {
        checker.push(
            checker
                .file
                .error(
                    value.span(),
                    QuestionKey::CorrectEmpty,
                    QuestionKey::NoRightOption,
                )
                .with_help(QuestionKey::CorrectEmptyHelp),
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
                QuestionKey::OptionTwice.with("index", i),
                QuestionKey::ListedBefore.into(),
            )
            .with_help(QuestionKey::ListOnce);
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
            ("correct", LoadKey::AWholeNumber.into()),
            QuestionKey::IndexHelp,
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
                    QuestionKey::NoSuchOption
                        .with("written", written)
                        .with("count", count)
                        .with("last", count - 1),
                    QuestionKey::NoSuchOptionLabel,
                )
                .with_help(QuestionKey::CountFromZero),
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
            QuestionKey::AddWrongOption.into()
        } else {
            QuestionKey::KeepOptions.with("max", MAX_OPTIONS)
        };
        let label = if count == 1 {
            QuestionKey::OneOption.into()
        } else {
            QuestionKey::OptionCountLabel.with("count", count)
        };
        checker.push(
            checker
                .file
                .error(
                    value.span(),
                    QuestionKey::OptionCount
                        .with("min", MIN_OPTIONS)
                        .with("max", MAX_OPTIONS)
                        .with("count", count),
                    label,
                )
                .with_help(help),
        );
    }
    valid &= distinct(checker, &options, QuestionKey::Option);
    valid.then_some(options)
}

/// The error for something written again: at `span`, pointing back at
/// `first`.
fn repeated(
    file: &SourceFile,
    (span, first): (Range<usize>, Range<usize>),
    message: Msg,
    label: Msg,
) -> Diagnostic {
    file.error(span, message, label)
        .with_related(file.related(first, QuestionKey::FirstWrittenHere))
}

/// A value of the wrong type, with a help saying how to write it.
fn wrong_type(
    checker: &mut Checker<'_>,
    value: &Spanned<DeValue<'_>>,
    (key, expected): (&str, Msg),
    help: QuestionKey,
) {
    let diagnostic = checker.type_error(value, key, expected).with_help(help);
    checker.push(diagnostic);
}

fn no_letters(file: &SourceFile, text: &Text, what: QuestionKey) -> Diagnostic {
    file.error(
        text.span.clone(),
        QuestionKey::NoLetters
            .with("what", what)
            .with("text", &text.value),
        QuestionKey::NothingToCompare,
    )
    .with_help(QuestionKey::NoLettersHelp)
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
        .type_error(value, "answer", QuestionKey::BooleanAnswer)
        .with_help(QuestionKey::TrueFalseHelp);
    checker.push(diagnostic);
    None
}

pub(super) fn read_typed(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
    let value = table.map.get("answers")?;
    let answers = checker.optional_text_list(table, "answers");
    let count = value.get_ref().as_array().map_or(0, |items| items.len());
    let mut valid = count > 0 && answers.len() == count;
    for answer in answers.iter().filter(|a| answer_key(&a.value).is_empty()) {
        valid = false;
        checker.push(no_letters(checker.file, answer, QuestionKey::Answer));
    }
    for answer in &answers {
        if let Some(diagnostic) = super::super::numbers::check_range(checker.file, answer) {
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
pub(super) fn read_pairs(checker: &mut Checker<'_>, table: &Table<'_, '_>) -> Option<AuthoredKind> {
    let value = table.map.get("pairs")?;
    let Some(items) = value.get_ref().as_array() else {
        wrong_type(
            checker,
            value,
            ("pairs", QuestionKey::AListOfPairs.into()),
            QuestionKey::QuestionPairsHelp,
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
                        QuestionKey::NotPairOfTexts,
                        QuestionKey::NotLeftRight,
                    )
                    .with_help(QuestionKey::PairOfTextsHelp),
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
    valid &= distinct(checker, &lefts, QuestionKey::LeftSide);
    valid &= distinct(checker, &rights, QuestionKey::RightSide);
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
    valid &= distinct(checker, &items, QuestionKey::Item);
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
        QuestionKey::AddMore.with("count", range.start() - count)
    } else {
        QuestionKey::KeepMostUseful.with("max", *range.end())
    };
    checker.push(
        checker
            .file
            .error(
                value.span(),
                QuestionKey::CountOutOfRange
                    .with("field", field)
                    .with("min", *range.start())
                    .with("max", *range.end())
                    .with("count", count),
                QuestionKey::InTheList.with("count", count),
            )
            .with_help(help),
    );
    false
}

/// Whether `texts` all differ as the quiz compares them and each has a
/// letter or digit; reports those that do not.
fn distinct(checker: &mut Checker<'_>, texts: &[Text], what: QuestionKey) -> bool {
    let mut valid = true;
    let mut seen: HashMap<String, Range<usize>> = HashMap::new();
    for text in texts {
        let key = answer_key(&text.value);
        if key.is_empty() {
            valid = false;
            checker.push(no_letters(checker.file, text, what));
        } else if let Some(first) = seen.get(&key) {
            valid = false;
            let diagnostic = repeated(
                checker.file,
                (text.span.clone(), first.clone()),
                QuestionKey::DuplicateText
                    .with("what", what)
                    .with("text", &text.value),
                QuestionKey::SameAsEarlier.with("what", what),
            )
            .with_help(QuestionKey::DuplicateTextHelp.with("what", what));
            checker.push(diagnostic);
        } else {
            seen.insert(key, text.span.clone());
        }
    }
    valid
}
