//! A pack out to other tools: Anki's plain-text notes (for Anki and its
//! Android app) and Moodle's GIFT (for a lecturer's question bank).

use std::fmt::Write as _;

use super::gift;
use super::html::escape;
use crate::content::model::{AuthoredKind, Entry, Pack, Topic};
use crate::i18n::Lang;
use crate::quiz::{Body, Question};
use crate::quiz::{number, wording};

/// The topics to export: all, or those named, in pack order.
pub fn chosen<'a>(pack: &'a Pack, topics: &[String]) -> Vec<&'a Topic> {
    pack.topics
        .iter()
        .filter(|t| topics.is_empty() || topics.contains(&t.id))
        .collect()
}

/// The language of the pack's material, for the words kisi adds to it.
pub fn pack_lang(pack: &Pack) -> Lang {
    if pack.meta.language.starts_with("id") {
        Lang::Id
    } else {
        Lang::En
    }
}

/// Anki's "Notes in Plain Text" with file headers: one Basic note per
/// entry (front: the title; back: the text, the points and the source),
/// and one per labelled point (the law's letters, which are learnt and
/// cited one by one). The GUID column holds `kisi:<pack>:<entry>` (and
/// `#<label>` for a point): Anki updates a note whose GUID it already has
/// instead of adding a second one, so importing a newer export again keeps
/// the student's review history. Every text is HTML-escaped.
pub fn anki(pack: &Pack, topics: &[&Topic]) -> (String, usize) {
    let mut out = String::new();
    out.push_str("#separator:tab\n#html:true\n#notetype:Basic\n");
    let _ = writeln!(out, "#deck:{}", one_field(&pack.meta.title));
    out.push_str("#guid column:1\n#tags column:4\n");
    let mut notes = 0;
    for topic in topics {
        let topic_tag = tag(&topic.id);
        for entry in &topic.entries {
            let tags = std::iter::once(topic_tag.clone())
                .chain(entry.tags.iter().map(|t| tag(t)))
                .collect::<Vec<_>>()
                .join(" ");
            let guid = format!("kisi:{}:{}", pack.meta.id, entry.id);
            let back = entry_back(pack, entry);
            let _ = writeln!(out, "{guid}\t{}\t{back}\t{tags}", html_field(&entry.title));
            notes += 1;
            for (index, point) in entry.points.iter().enumerate() {
                let Some(label) = &point.label else {
                    continue;
                };
                let guid = format!("kisi:{}:{}", pack.meta.id, entry.point_key(index));
                let front = format!("{} ({label})", entry.title);
                let back = format!(
                    "{}<br><br><small>{}</small>",
                    html_field(&point.text),
                    html_field(&pack.citation(entry))
                );
                let _ = writeln!(out, "{guid}\t{}\t{back}\t{tags}", html_field(&front));
                notes += 1;
            }
        }
    }
    (out, notes)
}

fn entry_back(pack: &Pack, entry: &Entry) -> String {
    let mut back = html_field(&entry.body);
    if !entry.points.is_empty() {
        back.push_str("<br>");
        for (index, point) in entry.points.iter().enumerate() {
            let _ = write!(
                back,
                "<br>{}. {}",
                html_field(&point.display_label(index)),
                html_field(&point.text)
            );
        }
    }
    let _ = write!(
        back,
        "<br><br><small>{}</small>",
        html_field(&pack.citation(entry))
    );
    back
}

/// Text for one field of an HTML note: escaped, line breaks as `<br>`,
/// tabs as spaces, so that it stays one field on one line.
fn html_field(text: &str) -> String {
    escape(text)
        .replace("\r\n", "\n")
        .replace('\n', "<br>")
        .replace('\t', " ")
}

/// Text for a header: one line.
fn one_field(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An Anki tag: no spaces.
fn tag(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("_")
}

/// The pack's hand-written questions of `topics` and `generated`, as GIFT:
/// a `$CATEGORY:` per topic, each question named by its id, the
/// explanation as general feedback. Returns the text and the number of
/// questions.
pub fn gift(pack: &Pack, topics: &[&Topic], generated: &[Question]) -> (String, usize) {
    let lang = pack_lang(pack);
    let mut out = String::new();
    let _ = writeln!(out, "// {}", one_field(&pack.meta.title));
    let mut count = 0;
    for topic in topics {
        let _ = writeln!(
            out,
            "\n$CATEGORY: $course$/top/{}\n",
            category(&topic.title)
        );
        for question in &topic.questions {
            let Some(answers) = authored_answers(&question.kind) else {
                continue;
            };
            write_question(
                &mut out,
                &question.id,
                &question.prompt,
                &answers,
                question.explanation.as_deref(),
            );
            count += 1;
        }
        let index = pack.find_topic(&topic.id);
        for question in generated.iter().filter(|q| q.topic() == index) {
            let Some(answers) = generated_answers(&question.body) else {
                continue;
            };
            let prompt = wording::prompt(&question.prompt, lang);
            let explanation = (!question.explanation.is_empty()).then_some(&*question.explanation);
            write_question(&mut out, &question.key, &prompt, &answers, explanation);
            count += 1;
        }
    }
    (out, count)
}

/// The GIFT answers of a hand-written question; `None` for the kinds GIFT
/// has no form for (ordering, listing).
fn authored_answers(kind: &AuthoredKind) -> Option<String> {
    match kind {
        AuthoredKind::Choice {
            options, correct, ..
        } => Some(choice(options, *correct)),
        AuthoredKind::SelectAll {
            options, correct, ..
        } => Some(select_all(options, correct)),
        AuthoredKind::TrueFalse { answer } => Some(truth(*answer)),
        AuthoredKind::Typed { answers } => Some(typed(answers)),
        AuthoredKind::Matching { pairs } => Some(matching(
            pairs.iter().map(|(l, r)| (l.as_str(), r.as_str())),
        )),
        AuthoredKind::Ordering { .. } | AuthoredKind::ListAll { .. } => None,
    }
}

/// Moodle's multiple-answer form: the right options share 100 % (in one
/// of the weights Moodle offers, e.g. 33.33333), each wrong one costs it.
fn select_all(options: &[String], correct: &[usize]) -> String {
    #[allow(clippy::cast_precision_loss)] // a handful of options
    let share = 100.0 / correct.len().max(1) as f64;
    let weight = format!("{share:.5}");
    let weight = weight.trim_end_matches('0').trim_end_matches('.');
    options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            if correct.contains(&i) {
                format!("~%{weight}%{}", gift::escape(o))
            } else {
                format!("~%-100%{}", gift::escape(o))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn matching<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .map(|(l, r)| format!("={} -> {}", gift::escape(l), gift::escape(r)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A category name: Moodle reads `/` as a sub-category and `//` as a
/// slash.
fn category(title: &str) -> String {
    gift::escape(&one_field(title).replace('/', "//"))
}

fn write_question(
    out: &mut String,
    name: &str,
    prompt: &str,
    answers: &str,
    explanation: Option<&str>,
) {
    let feedback = explanation.map_or_else(String::new, |e| format!(" ####{}", gift::escape(e)));
    let _ = writeln!(
        out,
        "::{}:: {} {{{answers}{feedback}}}\n",
        gift::escape(name),
        gift::escape(prompt)
    );
}

fn choice(options: &[String], correct: usize) -> String {
    options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            format!(
                "{}{}",
                if i == correct { '=' } else { '~' },
                gift::escape(o)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn truth(answer: bool) -> String {
    if answer { "TRUE" } else { "FALSE" }.to_owned()
}

/// Short answers; answers graded as a number are a numerical question.
fn typed(answers: &[String]) -> String {
    if number::ranges(answers).is_some() {
        let numbers: Vec<String> = answers.iter().filter_map(|a| number::to_gift(a)).collect();
        return match numbers.as_slice() {
            [one] => format!("#{one}"),
            several => format!("#={}", several.join(" =")),
        };
    }
    answers
        .iter()
        .map(|a| format!("={}", gift::escape(a)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The GIFT answers of a generated question; `None` for the kinds GIFT
/// has no form for (ordering, listing, flashcards).
fn generated_answers(body: &Body) -> Option<String> {
    match body {
        Body::Choice { options, correct } => Some(choice(options, *correct)),
        Body::TrueFalse { answer } => Some(truth(*answer)),
        Body::Typed {
            candidates,
            correct,
        } => candidates.get(*correct).map(|c| typed(c)),
        Body::Matching { left, right, pairs } => {
            Some(matching(left.iter().zip(pairs).filter_map(|(l, &r)| {
                right.get(r).map(|r| (l.as_str(), r.as_str()))
            })))
        }
        Body::SelectAll {
            options, correct, ..
        } => Some(select_all(options, correct)),
        Body::Ordering { .. } | Body::ListAll { .. } | Body::Flashcard { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::HashSet;

    use super::*;
    use crate::content::builtin::builtin_pack;
    use crate::interchange::{Answer, keeps_order};
    use crate::quiz::{QuestionKind, QuizOptions, generate};

    fn pack() -> Pack {
        builtin_pack().unwrap_or_else(|r| panic!("{r}"))
    }

    #[test]
    fn anki_notes_have_the_headers_and_stable_unique_guids() {
        let pack = pack();
        let topics = chosen(&pack, &[]);
        let (text, notes) = anki(&pack, &topics);
        assert_eq!(anki(&pack, &topics).0, text, "the same export twice");
        let mut lines = text.lines();
        let headers: Vec<&str> = lines.by_ref().take(6).collect();
        assert_eq!(
            headers,
            [
                "#separator:tab",
                "#html:true",
                "#notetype:Basic",
                &format!("#deck:{}", pack.meta.title),
                "#guid column:1",
                "#tags column:4"
            ]
        );
        let labelled: usize = pack
            .entries()
            .map(|(_, e)| e.points.iter().filter(|p| p.label.is_some()).count())
            .sum();
        assert_eq!(notes, pack.entry_count() + labelled);
        let mut guids = HashSet::new();
        for line in lines {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "{line}");
            assert!(fields[0].starts_with("kisi:pekerjaan-sosial:"), "{line}");
            assert!(guids.insert(fields[0].to_owned()), "twice: {}", fields[0]);
            assert!(
                !fields[2].contains('<')
                    || fields[2].contains("<br>")
                    || fields[2].contains("<small>")
            );
        }
        assert_eq!(guids.len(), notes);
        assert!(
            guids.contains("kisi:pekerjaan-sosial:uu-11-2009-pasal-3#f"),
            "{guids:?}"
        );
    }

    /// The answer a question of the pack gives, in the importer's terms.
    fn answer_of(kind: &AuthoredKind) -> Option<Answer> {
        Some(match kind {
            AuthoredKind::Choice {
                options, correct, ..
            } => Answer::Choice {
                options: options.clone(),
                correct: vec![*correct],
                several: false,
                shuffle: !keeps_order(options),
            },
            AuthoredKind::SelectAll {
                options, correct, ..
            } => Answer::Choice {
                options: options.clone(),
                correct: correct.clone(),
                several: true,
                shuffle: !keeps_order(options),
            },
            AuthoredKind::TrueFalse { answer } => Answer::TrueFalse(*answer),
            AuthoredKind::Typed { answers } => Answer::Typed(answers.clone()),
            AuthoredKind::Matching { pairs } => Answer::Matching(pairs.clone()),
            AuthoredKind::Ordering { .. } | AuthoredKind::ListAll { .. } => return None,
        })
    }

    #[test]
    fn gift_export_then_import_gives_the_same_questions() {
        let pack = pack();
        let topics = chosen(&pack, &[]);
        let options = QuizOptions {
            count: 40,
            kinds: vec![
                QuestionKind::Choice,
                QuestionKind::TrueFalse,
                QuestionKind::Typed,
            ],
            seed: 7,
            ..QuizOptions::default()
        };
        let generated: Vec<_> = generate(&pack, &options)
            .unwrap()
            .into_iter()
            .filter(|q| {
                !matches!(
                    q.prompt,
                    crate::quiz::Prompt::Authored { .. } | crate::quiz::Prompt::SelectAll { .. }
                )
            })
            .collect();
        assert!(generated.len() > 20);
        let (text, count) = gift(&pack, &topics, &generated);
        let authored = pack
            .topics
            .iter()
            .flat_map(|t| &t.questions)
            .filter(|q| answer_of(&q.kind).is_some())
            .count();
        assert_eq!(count, authored + generated.len());
        let parsed = crate::interchange::gift::parse(
            "x.gift",
            text.as_bytes(),
            Lang::En.interchange_words(),
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        assert_eq!(parsed.items.len(), count);
        let mut items = parsed.items.iter();
        for topic in &pack.topics {
            for question in &topic.questions {
                let Some(answer) = answer_of(&question.kind) else {
                    continue;
                };
                let item = items.next().unwrap();
                assert_eq!(parsed.topics[item.topic].title, topic.title);
                assert_eq!(item.key, question.id);
                let imported = item.question.as_ref().unwrap();
                assert_eq!(imported.prompt, question.prompt);
                assert_eq!(imported.answer, answer);
                assert_eq!(imported.explanation, question.explanation);
            }
            let index = pack.find_topic(&topic.id);
            for question in generated.iter().filter(|q| q.topic() == index) {
                let item = items.next().unwrap();
                let imported = item.question.as_ref().unwrap();
                assert_eq!(imported.prompt, wording::prompt(&question.prompt, Lang::Id));
                let expected = match &question.body {
                    Body::Choice { options, correct } => Answer::Choice {
                        options: options.clone(),
                        correct: vec![*correct],
                        several: false,
                        shuffle: !keeps_order(options),
                    },
                    Body::TrueFalse { answer } => Answer::TrueFalse(*answer),
                    Body::Typed {
                        candidates,
                        correct,
                    } => Answer::Typed(candidates[*correct].clone()),
                    other => panic!("{other:?}"),
                };
                assert_eq!(imported.answer, expected, "{}", question.key);
            }
        }
    }
}
