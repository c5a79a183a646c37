//! The Aiken format: a question's text, its options `A. …` or `A) …` one a
//! line, and `ANSWER: X`; blank lines between questions are optional.

use super::{
    Answer, Item, ItemQuestion, Notice, Parsed, content_key, file_topic, first_unsafe, keeps_order,
    one_line, settle_key, topic_index, unfit,
};
use crate::i18n::InterchangeWords;
use crate::quiz::wording::fill;

pub const FORMAT: &str = "Aiken";

/// A question being read: where it starts, its text and options.
#[derive(Default)]
struct Open {
    start: usize,
    prompt: Vec<String>,
    /// (letter, text).
    options: Vec<(char, String)>,
}

/// Reads an Aiken file. `name` is the file as shown in messages.
pub fn parse(name: &str, bytes: &[u8], words: &InterchangeWords) -> Parsed {
    let (text, mut parsed) = super::decode(name, bytes, words, FORMAT);
    let Some(text) = text else {
        return parsed;
    };
    let topic = file_topic(name);
    let mut open: Option<Open> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let at = offset;
        offset += raw.len();
        let line = raw
            .trim_end_matches(['\n', '\r'])
            .trim_start_matches('\u{feff}');
        let lead = line.len() - line.trim_start().len();
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let line_at = at + (raw.len() - raw.trim_start_matches('\u{feff}').len()) + lead;
        if let Some(bad) = first_unsafe(line) {
            let d = parsed
                .file
                .error(
                    line_at + bad..line_at + bad + 1,
                    words.unsafe_char,
                    words.label_here,
                )
                .with_help(words.unsafe_char_help);
            parsed.diagnostics.push(d);
            open = None;
            continue;
        }
        if let Some(letter) = answer_line(line) {
            let Some(question) = open.take() else {
                let d = parsed
                    .file
                    .error(
                        line_at..line_at + line.len(),
                        words.empty_text,
                        words.label_here,
                    )
                    .with_help(words.empty_text_help);
                parsed.diagnostics.push(d);
                continue;
            };
            finish(&mut parsed, question, letter, line_at, words, &topic);
            continue;
        }
        if let Some((letter, option)) = option_line(line) {
            match open.as_mut() {
                Some(question) if !question.prompt.is_empty() => {
                    question.options.push((letter, option.to_owned()));
                    continue;
                }
                _ => {}
            }
        }
        // Question text: a new question, unless one is being written.
        if open.as_ref().is_some_and(|q| !q.options.is_empty())
            && let Some(question) = open.take()
        {
            missing_answer(&mut parsed, question.start, words);
        }
        open.get_or_insert_with(|| Open {
            start: line_at,
            ..Open::default()
        })
        .prompt
        .push(line.to_owned());
    }
    if let Some(question) = open {
        missing_answer(&mut parsed, question.start, words);
    }
    parsed
}

fn missing_answer(parsed: &mut Parsed, at: usize, words: &InterchangeWords) {
    let d = parsed
        .file
        .error(at..at + 1, words.aiken_no_answer, words.label_here)
        .with_help(words.aiken_no_answer_help);
    parsed.diagnostics.push(d);
}

/// `ANSWER: B` gives `B`.
fn answer_line(line: &str) -> Option<char> {
    let head = line.get(..7)?;
    if !head.eq_ignore_ascii_case("ANSWER:") {
        return None;
    }
    line[7..].trim().chars().next().or(Some(' '))
}

/// `B. text` or `B) text` gives `('B', "text")`.
fn option_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let text = rest.strip_prefix(['.', ')'])?;
    (text.starts_with([' ', '\t']) && !text.trim().is_empty()).then(|| (letter, text.trim()))
}

fn finish(
    parsed: &mut Parsed,
    question: Open,
    letter: char,
    answer_at: usize,
    words: &InterchangeWords,
    topic: &super::TopicInfo,
) {
    let Some(correct) = question.options.iter().position(|(l, _)| *l == letter) else {
        let shown = letter.to_string();
        let d = parsed
            .file
            .error(
                answer_at..answer_at + 7,
                fill(words.aiken_bad_answer, &[("letter", shown.trim())]),
                words.label_here,
            )
            .with_help(words.aiken_bad_answer_help);
        parsed.diagnostics.push(d);
        return;
    };
    let prompt = question.prompt.join(" ");
    let options: Vec<String> = question.options.into_iter().map(|(_, t)| t).collect();
    let shuffle = !keeps_order(&options);
    let answer = Answer::Choice {
        options,
        correct: vec![correct],
        several: false,
        shuffle,
    };
    let (line, column) = parsed.file.locate(question.start);
    if let Some(reason) = unfit(&answer, words) {
        parsed.skipped.push(Notice {
            line,
            column,
            text: reason,
        });
        return;
    }
    let topic = topic_index(&mut parsed.topics, topic.clone());
    let mut item = Item {
        topic,
        key: content_key(&prompt),
        title: one_line(&prompt, 100),
        body: None,
        tags: Vec::new(),
        question: Some(ItemQuestion {
            prompt: prompt.clone(),
            answer,
            explanation: None,
        }),
        line,
    };
    if let Some(text) = settle_key(
        &parsed.items,
        &mut parsed.keys,
        &mut item,
        &prompt,
        words,
        &parsed.file.name,
    ) {
        parsed.skipped.push(Notice { line, column, text });
        return;
    }
    parsed.items.push(item);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::i18n::Lang;

    fn read(text: &str) -> Parsed {
        parse("kuis.txt", text.as_bytes(), Lang::En.interchange_words())
    }

    #[test]
    fn moodle_s_example_reads_as_choice_questions() {
        let parsed = read(
            "What is the correct answer to this question?\n\
             A. Is it this one?\nB. Maybe this answer?\nC. Possibly this one?\nD. Must be this one!\n\
             ANSWER: D\n\n\
             Which LMS has the most quiz import formats?\n\
             A) Moodle\nB) ATutor\nC) Claroline\nD) Blackboard\nE) WebCT\nF) Ilias\nANSWER: A\n",
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.items.len(), 2);
        let q = parsed.items[0].question.as_ref().unwrap();
        assert_eq!(q.prompt, "What is the correct answer to this question?");
        let Answer::Choice {
            options, correct, ..
        } = &q.answer
        else {
            panic!()
        };
        assert_eq!(options.len(), 4);
        assert_eq!(options[*correct.first().unwrap()], "Must be this one!");
        assert_eq!(parsed.items[1].line, 8);
    }

    #[test]
    fn a_missing_or_wrong_answer_line_is_reported() {
        let parsed = read("Q one?\nA. x\nB. y\n\nQ two?\nA. x\nB. y\nANSWER: C\n");
        let places: Vec<(usize, usize)> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column))
            .collect();
        assert_eq!(places, [(1, 1), (8, 1)]);
        assert!(parsed.diagnostics[0].message.contains("ANSWER:"));
        assert!(parsed.diagnostics[1].message.contains("`ANSWER: C`"));
        assert!(parsed.items.is_empty());
    }
}
