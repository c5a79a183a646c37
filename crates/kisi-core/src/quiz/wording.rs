//! Every sentence the quiz shows, in one table per language, so that the
//! global i18n module can take them over in one move. Templates use named
//! `{placeholders}` filled by [`fill`].

pub use crate::i18n::Lang;

use super::grade::{Grade, Outcome};
use super::question::{Answer, Body, Prompt, Question};
use super::session::Score;

pub struct Words {
    pub point_in_entry: &'static str,
    pub entry_of_point: &'static str,
    pub term_for_definition: &'static str,
    pub statement: &'static str,
    pub order_points: &'static str,
    pub match_points: &'static str,
    pub match_entries: &'static str,
    pub list_all: &'static str,
    pub true_word: &'static str,
    pub false_word: &'static str,
    pub question_header: &'static str,
    pub ask_choice: &'static str,
    pub bad_choice: &'static str,
    pub ask_true_false: &'static str,
    pub bad_true_false: &'static str,
    pub ask_typed: &'static str,
    pub empty_answer: &'static str,
    pub ask_order: &'static str,
    pub bad_order: &'static str,
    pub ask_match: &'static str,
    pub bad_match: &'static str,
    pub ask_list: &'static str,
    pub ask_flip: &'static str,
    pub ask_knew: &'static str,
    pub bad_yes_no: &'static str,
    pub ask_override: &'static str,
    pub overridden: &'static str,
    pub correct: &'static str,
    pub close_enough: &'static str,
    pub partial: &'static str,
    pub wrong: &'static str,
    /// The verdict's opening, when the full answer follows as a list.
    pub partial_head: &'static str,
    /// Heads that list: each line marked ✓ where the student had it right.
    pub full_answer_marked: &'static str,
    /// The verdict's first word on a true/false answer, before what the
    /// statement is ("Wrong. The statement is false.").
    pub wrong_word: &'static str,
    pub statement_true: &'static str,
    pub statement_false: &'static str,
    /// A false statement, with the entry its item really belongs to.
    pub statement_false_belongs: &'static str,
    pub source: &'static str,
    pub no_questions: &'static str,
    pub time_up: &'static str,
    pub topic_line: &'static str,
    pub mistakes_header: &'static str,
    pub score_line: &'static str,
    pub score_overrides: &'static str,
    /// Replies accepted for true / false and yes / no, in lower case.
    pub true_replies: &'static [&'static str],
    pub false_replies: &'static [&'static str],
    pub yes_replies: &'static [&'static str],
    pub no_replies: &'static [&'static str],
    pub decimal_separator: char,
}

const INDONESIAN: Words = Words {
    point_in_entry: "Manakah yang termasuk dalam {entry}?",
    entry_of_point: "\"{point}\" termasuk {topic} yang mana?",
    term_for_definition: "Istilah apakah yang dijelaskan berikut?\n{definition}",
    statement: "Benar atau salah: \"{point}\" termasuk dalam {entry}.",
    order_points: "Urutkan butir-butir dari \"{entry}\".",
    match_points: "Pasangkan setiap butir dengan {topic} yang tepat.",
    match_entries: "Pasangkan setiap butir dengan entri yang tepat.",
    list_all: "Sebutkan {count} butir dari \"{entry}\".",
    true_word: "Benar",
    false_word: "Salah",
    question_header: "Soal {number} dari {total}",
    ask_choice: "Jawaban ({first}-{last}): ",
    bad_choice: "Pilihan itu tidak ada. Ketik satu huruf dari {first} sampai {last}.",
    ask_true_false: "Jawaban (b = benar, s = salah): ",
    bad_true_false: "Ketik b untuk benar atau s untuk salah.",
    ask_typed: "Jawaban: ",
    empty_answer: "Jawaban kosong. Ketik jawaban Anda.",
    ask_order: "Urutan nomor, misalnya 3 1 2: ",
    bad_order: "Ketik setiap nomor dari 1 sampai {count} tepat satu kali, dipisah spasi.",
    ask_match: "Huruf untuk setiap butir secara berurutan, misalnya {example}: ",
    bad_match: "Ketik {count} huruf, satu untuk setiap butir, dari {first} sampai {last}.",
    ask_list: "Ketik satu butir per baris; baris kosong untuk selesai.",
    ask_flip: "Tekan Enter untuk melihat jawabannya.",
    ask_knew: "Apakah Anda sudah tahu? (y = ya, t = tidak): ",
    bad_yes_no: "Ketik y untuk ya atau t untuk tidak.",
    ask_override: "Enter untuk lanjut, atau ketik ! jika jawaban Anda sebenarnya benar: ",
    overridden: "Dicatat sebagai benar (koreksi sendiri).",
    correct: "Benar!",
    close_enough: "Benar (ada salah ketik). Penulisan yang tepat: {expected}",
    partial: "Sebagian benar ({percent}%). Jawaban lengkap: {expected}",
    wrong: "Salah. Jawaban yang benar: {expected}",
    partial_head: "Sebagian benar ({percent}%).",
    full_answer_marked: "Jawaban lengkap (✓ yang Anda jawab benar):",
    wrong_word: "Salah.",
    statement_true: "Pernyataan ini benar.",
    statement_false: "Pernyataan ini salah.",
    statement_false_belongs: "Pernyataan ini salah: \"{point}\" termasuk dalam {entry}.",
    source: "Sumber: {source}",
    no_questions: "Tidak ada soal yang dapat dibuat dari materi yang dipilih.",
    time_up: "Waktu habis.",
    topic_line: "{topic}: {earned}/{asked}",
    mistakes_header: "Perlu diulang:",
    score_line: "Skor: {earned}/{asked} ({percent}%)",
    score_overrides: ", {count} di antaranya koreksi sendiri",
    true_replies: &["b", "benar"],
    false_replies: &["s", "salah"],
    yes_replies: &["y", "ya"],
    no_replies: &["t", "tidak"],
    decimal_separator: ',',
};

const ENGLISH: Words = Words {
    point_in_entry: "Which of these belongs to {entry}?",
    entry_of_point: "\"{point}\": which part of \"{topic}\" does it belong to?",
    term_for_definition: "Which term is described here?\n{definition}",
    statement: "True or false: \"{point}\" is part of {entry}.",
    order_points: "Put the items of \"{entry}\" in order.",
    match_points: "Match each item with its {topic}.",
    match_entries: "Match each item with its entry.",
    list_all: "Name the {count} items of \"{entry}\".",
    true_word: "True",
    false_word: "False",
    question_header: "Question {number} of {total}",
    ask_choice: "Answer ({first}-{last}): ",
    bad_choice: "There is no such option. Type one letter from {first} to {last}.",
    ask_true_false: "Answer (t = true, f = false): ",
    bad_true_false: "Type t for true or f for false.",
    ask_typed: "Answer: ",
    empty_answer: "The answer is empty. Type your answer.",
    ask_order: "The numbers in order, e.g. 3 1 2: ",
    bad_order: "Type every number from 1 to {count} exactly once, separated by spaces.",
    ask_match: "A letter for each item in turn, e.g. {example}: ",
    bad_match: "Type {count} letters, one per item, from {first} to {last}.",
    ask_list: "Type one item per line; an empty line to finish.",
    ask_flip: "Press Enter to see the answer.",
    ask_knew: "Did you know it? (y = yes, n = no): ",
    bad_yes_no: "Type y for yes or n for no.",
    ask_override: "Enter to go on, or type ! if your answer was actually right: ",
    overridden: "Counted as right (your own correction).",
    correct: "Correct!",
    close_enough: "Correct (with a typo). The exact spelling: {expected}",
    partial: "Partly right ({percent}%). The full answer: {expected}",
    wrong: "Wrong. The right answer: {expected}",
    partial_head: "Partly right ({percent}%).",
    full_answer_marked: "The full answer (✓ where yours was right):",
    wrong_word: "Wrong.",
    statement_true: "The statement is true.",
    statement_false: "The statement is false.",
    statement_false_belongs: "The statement is false: \"{point}\" is part of {entry}.",
    source: "Source: {source}",
    no_questions: "No questions can be made from the selected material.",
    time_up: "Time is up.",
    topic_line: "{topic}: {earned}/{asked}",
    mistakes_header: "To review:",
    score_line: "Score: {earned}/{asked} ({percent}%)",
    score_overrides: ", {count} of them by your own correction",
    true_replies: &["t", "true"],
    false_replies: &["f", "false"],
    yes_replies: &["y", "yes"],
    no_replies: &["n", "no"],
    decimal_separator: '.',
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Id => &INDONESIAN,
        Lang::En => &ENGLISH,
    }
}

/// Fills the `{name}` placeholders of `template` in one pass, so a value
/// that itself contains braces is left alone.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(name, _)| *name == &after[..close])
                .map(|(_, value)| (close, *value))
        });
        if let Some((close, value)) = value {
            text.push_str(value);
            rest = &after[close + 1..];
        } else {
            text.push('{');
            rest = after;
        }
    }
    text.push_str(rest);
    text
}

/// The question text in `lang`.
pub fn prompt(prompt: &Prompt, lang: Lang) -> String {
    let w = words(lang);
    match prompt {
        Prompt::PointInEntry { entry } => fill(w.point_in_entry, &[("entry", entry)]),
        Prompt::EntryOfPoint { point, topic } => fill(
            w.entry_of_point,
            &[("point", point), ("topic", &mid_sentence(topic))],
        ),
        Prompt::TermForDefinition { definition } => {
            fill(w.term_for_definition, &[("definition", definition)])
        }
        Prompt::Statement { point, entry, .. } => {
            fill(w.statement, &[("point", point), ("entry", entry)])
        }
        Prompt::OrderPoints { entry } => fill(w.order_points, &[("entry", entry)]),
        Prompt::MatchPoints { topic: Some(topic) } => {
            fill(w.match_points, &[("topic", &mid_sentence(topic))])
        }
        Prompt::MatchPoints { topic: None } => w.match_entries.to_owned(),
        Prompt::ListAll { entry, count } => fill(
            w.list_all,
            &[("entry", entry), ("count", &count.to_string())],
        ),
        Prompt::Flashcard { front } => front.clone(),
        Prompt::Authored { text } => text.clone(),
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

/// The solution as the student should see it after answering.
pub fn solution(body: &Body, lang: Lang) -> String {
    match body {
        Body::Choice { options, correct } => options.get(*correct).cloned().unwrap_or_default(),
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
        Body::ListAll { items, .. } => items.join("; "),
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
        // "The right answer: False" reads as if the answer were wrong;
        // say what the statement is instead.
        let first = if grade.outcome == Outcome::Correct {
            w.correct
        } else {
            w.wrong_word
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

/// Whether the statement is true, and for a false one that the generator
/// made, the entry its item really belongs to.
fn statement_verdict(question: &Question, answer: bool, w: &Words) -> String {
    match (&question.prompt, answer) {
        (_, true) => w.statement_true.to_owned(),
        (
            Prompt::Statement {
                point,
                belongs_to: Some(entry),
                ..
            },
            false,
        ) => fill(
            w.statement_false_belongs,
            &[("point", point), ("entry", entry)],
        ),
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
    fn topic_titles_read_well_inside_a_sentence() {
        assert_eq!(mid_sentence("Bidang garapan"), "bidang garapan");
        assert_eq!(mid_sentence("UU No. 11"), "UU No. 11");
        assert_eq!(mid_sentence("Éra"), "éra");
        assert_eq!(mid_sentence(""), "");
        let point = Prompt::EntryOfPoint {
            point: "konseling keluarga".to_owned(),
            topic: "Bidang garapan pekerjaan sosial".to_owned(),
        };
        assert_eq!(
            prompt(&point, Lang::Id),
            "\"konseling keluarga\" termasuk bidang garapan pekerjaan sosial yang mana?"
        );
    }

    #[test]
    fn fill_replaces_known_names_once() {
        assert_eq!(
            fill("{a} and {b} {c}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x {c}"
        );
    }
}
