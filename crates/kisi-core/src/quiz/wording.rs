//! Renders the quiz in the UI's language: prompts, solutions, the answer
//! given and verdicts, from the sentences of `i18n::QuizWords`. Templates
//! use named `{placeholders}` filled by [`fill`].

pub use crate::i18n::{Lang, QuizWords};

use super::grade::{Grade, Outcome};
use super::question::{Answer, Body, Prompt, Question};
use super::session::Score;
use crate::content::Member;

/// The quiz's sentences in `lang` (they live in `i18n` with every other
/// string of the UI).
pub fn words(lang: Lang) -> &'static QuizWords {
    lang.quiz_words()
}

// Filling templates belongs to the words (i18n); the quiz's callers keep
// this path.
pub use crate::i18n::fill;

/// The question text in `lang`. Titles are quoted as they are written,
/// never lower-cased (a proper noun would break); a category is named only
/// by the author's `member` noun for `lang`.
pub fn prompt(prompt: &Prompt, lang: Lang) -> String {
    let w = words(lang);
    let with_member = |template: &str, member: &Member, values: &[(&str, &str)]| {
        let noun = member.noun(lang)?;
        let article = with_article(noun, lang);
        let mut all = vec![("member", noun), ("a_member", article.as_str())];
        all.extend_from_slice(values);
        Some(fill(template, &all))
    };
    match prompt {
        Prompt::PointInEntry { entry, member } => with_member(w.point_in_entry_member, member, &[])
            .unwrap_or_else(|| fill(w.point_in_entry, &[("entry", entry)])),
        Prompt::EntryOfPoint {
            point,
            topic,
            member,
        } => with_member(w.entry_of_point_member, member, &[("point", point)])
            .unwrap_or_else(|| fill(w.entry_of_point, &[("point", point), ("topic", topic)])),
        Prompt::TermForDefinition { definition } => {
            fill(w.term_for_definition, &[("definition", definition)])
        }
        Prompt::Statement { point, entry, .. } => {
            fill(w.statement, &[("point", point), ("entry", entry)])
        }
        Prompt::OrderPoints { entry } => fill(w.order_points, &[("entry", entry)]),
        Prompt::MatchPoints {
            topic: Some(topic),
            member,
        } => with_member(w.match_points_member, member, &[])
            .unwrap_or_else(|| fill(w.match_points, &[("topic", topic)])),
        Prompt::MatchPoints { topic: None, .. } => w.match_entries.to_owned(),
        Prompt::MatchPairs { entry } => fill(w.match_pairs, &[("entry", entry)]),
        Prompt::ListAll { entry, count } => fill(
            w.list_all,
            &[("entry", entry), ("count", &count.to_string())],
        ),
        Prompt::Flashcard { front } => front.clone(),
        Prompt::Authored { text } => text.clone(),
        Prompt::SelectAll { text } => fill(lang.select_words().prompt, &[("text", text)]),
    }
}

/// A member noun after "is": with "a" or "an" in English (by its first
/// letter, so "an item", "a role"), as it is in Indonesian.
fn with_article(noun: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => noun.to_owned(),
        Lang::En => {
            let vowel = noun
                .chars()
                .next()
                .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o'));
            format!("{} {noun}", if vowel { "an" } else { "a" })
        }
    }
}

/// The solution as the student should see it after answering.
pub fn solution(body: &Body, lang: Lang) -> String {
    match body {
        Body::Choice { options, correct } => options.get(*correct).cloned().unwrap_or_default(),
        Body::SelectAll { options, correct } => picked(options, correct),
        Body::TrueFalse { answer } => true_false_word(*answer, lang).to_owned(),
        Body::Typed {
            candidates,
            correct,
        } => candidates
            .get(*correct)
            .and_then(|spellings| spellings.first())
            .cloned()
            .unwrap_or_default(),
        Body::Ordering { items, order } => arrows(items, order),
        Body::Matching { left, right, pairs } => pairs_text(left, right, pairs, ""),
        Body::ListAll { items, .. } => items
            .iter()
            .filter_map(|forms| forms.first().map(String::as_str))
            .collect::<Vec<_>>()
            .join("; "),
        Body::Flashcard { back } => back.clone(),
    }
}

/// The student's answer as they gave it, for "Jawaban Anda: …": a list
/// answer with each line marked ✓ where it counted. Empty for a flashcard
/// or an answer of the wrong shape.
pub fn given(body: &Body, grade: &Grade, lang: Lang) -> String {
    match (body, &grade.given) {
        (Body::Choice { options, .. }, Answer::Choice(chosen)) => {
            options.get(*chosen).cloned().unwrap_or_default()
        }
        (Body::SelectAll { options, .. }, Answer::SelectAll(ticked)) => ticked
            .iter()
            .enumerate()
            .filter_map(|(k, &i)| Some((options.get(i)?, grade.marks.get(k) == Some(&true))))
            .map(|(option, right)| format!("{option} {}", if right { '✓' } else { '✗' }))
            .collect::<Vec<_>>()
            .join("; "),
        (Body::TrueFalse { .. }, Answer::TrueFalse(said)) => {
            true_false_word(*said, lang).to_owned()
        }
        (Body::Typed { .. }, Answer::Typed(typed)) => typed.clone(),
        (Body::Ordering { items, .. }, Answer::Ordering(given)) => arrows(items, given),
        (Body::Matching { left, right, .. }, Answer::Matching(given)) => {
            pairs_text(left, right, given, "?")
        }
        (Body::ListAll { .. }, Answer::ListAll(given)) => given
            .iter()
            .enumerate()
            .map(|(k, answer)| {
                let mark = if grade.marks.get(k) == Some(&true) {
                    '✓'
                } else {
                    '✗'
                };
                format!("{answer} {mark}")
            })
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// The options at `indices`, joined by semicolons.
fn picked(options: &[String], indices: &[usize]) -> String {
    indices
        .iter()
        .filter_map(|&i| options.get(i).map(String::as_str))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `items` in the given order, joined by arrows.
fn arrows(items: &[String], order: &[usize]) -> String {
    order
        .iter()
        .filter_map(|&i| items.get(i).map(String::as_str))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// "left → right; …", with `missing` for a right index out of range.
fn pairs_text(left: &[String], right: &[String], pairs: &[usize], missing: &str) -> String {
    left.iter()
        .zip(pairs)
        .map(|(l, &r)| format!("{l} → {}", right.get(r).map_or(missing, String::as_str)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn true_false_word(value: bool, lang: Lang) -> &'static str {
    let w = words(lang);
    if value { w.true_word } else { w.false_word }
}

/// The one-line verdict on a graded answer to `question`, as the student
/// reads it.
pub fn verdict(question: &Question, grade: &Grade, lang: Lang) -> String {
    let w = words(lang);
    if let Body::TrueFalse { answer } = question.body
        && matches!(grade.outcome, Outcome::Correct | Outcome::Wrong)
    {
        // "Salah" is both "wrong" and "false": say first whether the
        // student was right, in other words, then what the statement is,
        // then the fact.
        let first = if grade.outcome == Outcome::Correct {
            w.answer_right
        } else {
            w.answer_wrong
        };
        return format!("{first} {}", statement_verdict(question, answer, w));
    }
    let solution = solution(&question.body, lang);
    let expected = [("expected", solution.as_str())];
    match grade.outcome {
        Outcome::Overridden => w.overridden.to_owned(),
        Outcome::Correct if grade.typo => fill(w.close_enough, &expected),
        Outcome::Correct => w.correct.to_owned(),
        Outcome::Partial(fraction) => {
            let percent = format!("{:.0}", fraction * 100.0);
            fill(w.partial, &[("percent", &percent), expected[0]])
        }
        Outcome::Wrong => fill(w.wrong, &expected),
    }
}

/// The verdict without the answer, for a screen that lists the answer on
/// lines of its own: "Sebagian benar (50%)." or "Salah.".
pub fn verdict_head(grade: &Grade, lang: Lang) -> String {
    let w = words(lang);
    match grade.outcome {
        Outcome::Overridden => w.overridden.to_owned(),
        Outcome::Correct => w.correct.to_owned(),
        Outcome::Partial(fraction) => fill(
            w.partial_head,
            &[("percent", &format!("{:.0}", fraction * 100.0))],
        ),
        Outcome::Wrong => w.wrong_word.to_owned(),
    }
}

/// Whether the statement is true, and the fact: for a true statement that
/// the generator made, that the item is indeed part of the entry; for a
/// false one, the entry it really belongs to instead.
fn statement_verdict(question: &Question, answer: bool, w: &QuizWords) -> String {
    match (&question.prompt, answer) {
        (
            Prompt::Statement {
                point,
                entry,
                belongs_to,
            },
            truth,
        ) => match (truth, belongs_to) {
            (true, _) => fill(w.statement_true_fact, &[("point", point), ("entry", entry)]),
            (false, Some(really)) => fill(
                w.statement_false_fact,
                &[("point", point), ("entry", entry), ("really", really)],
            ),
            (false, None) => w.statement_false.to_owned(),
        },
        (_, true) => w.statement_true.to_owned(),
        (_, false) => w.statement_false.to_owned(),
    }
}

/// "Skor: 7/10 (70%)", out of every question asked, with how many the
/// student corrected themselves.
pub fn score_line(score: &Score, lang: Lang) -> String {
    let w = words(lang);
    let earned = format_number(score.earned, w.decimal_separator);
    let asked = score.asked.to_string();
    let percent = format!("{:.0}", score.percent());
    let mut line = fill(
        w.score_line,
        &[
            ("earned", &earned),
            ("asked", &asked),
            ("percent", &percent),
        ],
    );
    if score.overridden > 0 {
        line.push_str(&fill(
            w.score_overrides,
            &[("count", &score.overridden.to_string())],
        ));
    }
    line
}

/// A credit such as 2.5 written the local way ("2,5" in Indonesian).
pub fn format_number(value: f64, separator: char) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}").replace('.', &separator.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_quoted_as_written_and_categories_named_by_the_member_noun() {
        let neutral = Prompt::EntryOfPoint {
            point: "Soekarno".to_owned(),
            topic: "Sejarah Perumusan Pancasila".to_owned(),
            member: Member::default(),
        };
        assert_eq!(
            prompt(&neutral, Lang::Id),
            "Dalam topik \"Sejarah Perumusan Pancasila\", \"Soekarno\" termasuk dalam entri \
             yang mana?"
        );
        let member = Member {
            id: Some("peran pekerja sosial".into()),
            en: Some("role of a social worker".into()),
        };
        let stated = Prompt::EntryOfPoint {
            point: "broker".to_owned(),
            topic: "Peran pekerja sosial".to_owned(),
            member: member.clone(),
        };
        assert_eq!(
            prompt(&stated, Lang::Id),
            "\"broker\" termasuk peran pekerja sosial yang mana?"
        );
        let point = Prompt::PointInEntry {
            entry: "Empat peran".to_owned(),
            member,
        };
        assert_eq!(
            prompt(&point, Lang::En),
            "Which of these is a role of a social worker?"
        );
        // Only the English noun: Indonesian falls back to the neutral form.
        let only_en = Prompt::MatchPoints {
            topic: Some("OSI model".to_owned()),
            member: Member {
                id: None,
                en: Some("item of the OSI model".into()),
            },
        };
        assert_eq!(
            prompt(&only_en, Lang::Id),
            "Pasangkan setiap butir dengan entri topik \"OSI model\" yang tepat."
        );
        assert_eq!(with_article("item", Lang::En), "an item");
    }

    #[test]
    fn fill_replaces_known_names_once() {
        assert_eq!(
            fill("{a} and {b} {c}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x {c}"
        );
    }
}
