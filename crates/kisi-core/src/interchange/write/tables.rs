//! The TOML tables an imported item becomes: its entry and its question.

use toml_edit::{Array, Table, value};

use crate::i18n::Lang;
use crate::interchange::{Answer, Item, ItemQuestion};

pub(super) fn entry_table(id: &str, source: &str, item: &Item, lang: Lang) -> Table {
    let words = lang.interchange_words();
    let body = item.body.clone().unwrap_or_else(|| {
        let Some(question) = &item.question else {
            return String::new();
        };
        let mut body = format!(
            "{}\n\n{}: {}",
            question.prompt,
            words.answer_word,
            question.answer.summary(lang)
        );
        if let Some(explanation) = &question.explanation {
            body.push('\n');
            body.push_str(explanation);
        }
        body
    });
    let mut table = Table::new();
    table.insert("id", value(id));
    table.insert("title", value(item.title.as_str()));
    table.insert("body", value(body));
    if !item.tags.is_empty() {
        table.insert("tags", value(strings(&item.tags)));
    }
    table.insert("source", value(source));
    table.insert(
        "locator",
        value(format!("{} {}", words.line_word, item.line)),
    );
    table
}

fn strings(texts: &[String]) -> Array {
    texts.iter().map(String::as_str).collect()
}

pub(super) fn question_table(id: &str, entry: &str, question: &ItemQuestion) -> Table {
    let mut table = Table::new();
    table.insert("id", value(id));
    table.insert("entry", value(entry));
    let kind = match question.answer {
        Answer::Choice { .. } => "choice",
        Answer::TrueFalse(_) => "true-false",
        Answer::Typed(_) => "typed",
        Answer::Matching(_) => "matching",
    };
    table.insert("kind", value(kind));
    table.insert("prompt", value(question.prompt.as_str()));
    match &question.answer {
        Answer::Choice {
            options,
            correct,
            several,
            shuffle,
        } => {
            table.insert("options", value(strings(options)));
            if *several {
                let indices: Array = correct
                    .iter()
                    .map(|&i| i64::try_from(i).unwrap_or(i64::MAX))
                    .collect();
                table.insert("correct", value(indices));
            } else if let Some(right) = correct.first().and_then(|&i| options.get(i)) {
                table.insert("answer", value(right.as_str()));
            }
            if !shuffle {
                table.insert("shuffle", value(false));
            }
        }
        Answer::TrueFalse(answer) => {
            table.insert("answer", value(*answer));
        }
        Answer::Typed(answers) => {
            table.insert("answers", value(strings(answers)));
        }
        Answer::Matching(pairs) => {
            let pairs: Array = pairs
                .iter()
                .map(|(left, right)| {
                    let pair: Array = [left.as_str(), right.as_str()].into_iter().collect();
                    toml_edit::Value::Array(pair)
                })
                .collect();
            table.insert("pairs", value(pairs));
        }
    }
    if let Some(explanation) = &question.explanation {
        table.insert("explanation", value(explanation.as_str()));
    }
    table
}
