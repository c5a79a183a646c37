//! `kisi questions`: the questions a quiz would ask, with their options and
//! right answers, so that a lecturer can check every one before class. The
//! same generator and seed as `kisi quiz`, so the students get exactly
//! these.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use kisi_core::content::Pack;
use kisi_core::i18n::{Lang, Noun, QuestionsWords};
use kisi_core::quiz::wording::{self, fill, true_false_word};
use kisi_core::quiz::{Body, Question, QuestionKind, QuizOptions, generate};
use kisi_core::text::{escape_json_unsafe, printable, printable_line};

use super::{KindArg, clock_seed};

#[derive(Debug, clap::Args)]
pub struct QuestionsArgs {
    /// The seed of the quiz to show: `kisi quiz --seed N` asks the same
    /// questions (default: a new seed, printed in the heading).
    #[arg(long)]
    pub seed: Option<u64>,
    /// How many questions.
    #[arg(long, default_value_t = 10)]
    pub count: usize,
    /// Only this topic (by id, see `kisi list`); repeat for several.
    #[arg(long = "topic", value_name = "ID")]
    pub topics: Vec<String>,
    /// Only this kind of question; repeat for several.
    #[arg(long = "kind", value_enum)]
    pub kinds: Vec<KindArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Prints the questions of the quiz `args` describe.
///
/// # Errors
/// When writing to standard output fails (a closed pipe is no error: see
/// `cli::report_io`).
pub fn run(pack: &Pack, args: &QuestionsArgs, lang: Lang) -> io::Result<ExitCode> {
    for topic in &args.topics {
        if pack.find_topic(topic).is_none() {
            let near = pack.topic_suggestions(topic);
            eprintln!("kisi: {}", lang.cli_words().topic_not_found(topic, &near));
            return Ok(ExitCode::FAILURE);
        }
    }
    let options = QuizOptions {
        topics: args.topics.clone(),
        count: args.count,
        kinds: args.kinds.iter().map(|k| QuestionKind::from(*k)).collect(),
        seed: args.seed.unwrap_or_else(clock_seed),
        lang,
        time_limit: None,
    };
    let Ok(questions) = generate(pack, &options) else {
        return Ok(ExitCode::FAILURE);
    };
    let mut out = io::stdout().lock();
    let written = if args.json {
        write_json(pack, &questions, lang, &mut out)
    } else {
        write_text(pack, &questions, args, options.seed, lang, &mut out)
    };
    written?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A question as `--json` prints it.
#[derive(Debug, Serialize)]
struct QuestionJson {
    /// As `--kind` names it.
    kind: &'static str,
    prompt: String,
    /// What is shown to choose from or to arrange: the options of a choice,
    /// the items of an order (in the order shown), the right-hand side of a
    /// matching; empty for typed and list answers.
    options: Vec<String>,
    /// The left-hand items of a matching, in the order shown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    items: Vec<String>,
    /// The right answers: the option, the order, each pair as "item →
    /// option", each item of a list, or every accepted spelling of a typed
    /// answer (the shown one first).
    answers: Vec<String>,
    /// For a list, every item's accepted forms.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    accepted: Vec<Vec<String>>,
    /// What the question tests: entry ids, with point ids (`entry#label`).
    targets: Vec<TargetJson>,
    explanation: String,
}

#[derive(Debug, Serialize)]
struct TargetJson {
    entry: String,
    point: Option<String>,
}

/// The name `--kind` gives a kind.
fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Choice => "choice",
        QuestionKind::TrueFalse => "true-false",
        QuestionKind::Typed => "typed",
        QuestionKind::Ordering => "ordering",
        QuestionKind::Matching => "matching",
        QuestionKind::ListAll => "list-all",
        QuestionKind::Flashcard => "flashcard",
    }
}

/// What a question shows and what answers it: (options, items, answers,
/// accepted forms of list items).
type Shown = (Vec<String>, Vec<String>, Vec<String>, Vec<Vec<String>>);

fn shown(body: &Body, lang: Lang) -> Shown {
    match body {
        Body::Choice { options, correct } => (
            options.clone(),
            Vec::new(),
            options.get(*correct).cloned().into_iter().collect(),
            Vec::new(),
        ),
        Body::SelectAll { options, correct } => (
            options.clone(),
            Vec::new(),
            correct
                .iter()
                .filter_map(|&i| options.get(i).cloned())
                .collect(),
            Vec::new(),
        ),
        Body::TrueFalse { answer } => (
            vec![
                true_false_word(true, lang).to_owned(),
                true_false_word(false, lang).to_owned(),
            ],
            Vec::new(),
            vec![true_false_word(*answer, lang).to_owned()],
            Vec::new(),
        ),
        Body::Typed {
            candidates,
            correct,
        } => (
            Vec::new(),
            Vec::new(),
            candidates.get(*correct).cloned().unwrap_or_default(),
            Vec::new(),
        ),
        Body::Ordering { items, order } => (
            items.clone(),
            Vec::new(),
            order
                .iter()
                .filter_map(|&i| items.get(i).cloned())
                .collect(),
            Vec::new(),
        ),
        Body::Matching { left, right, pairs } => (
            right.clone(),
            left.clone(),
            left.iter()
                .zip(pairs)
                .map(|(l, &r)| format!("{l} → {}", right.get(r).map_or("", String::as_str)))
                .collect(),
            Vec::new(),
        ),
        Body::ListAll { items, .. } => (
            Vec::new(),
            Vec::new(),
            items
                .iter()
                .filter_map(|forms| forms.first().cloned())
                .collect(),
            items.clone(),
        ),
        Body::Flashcard { back } => (Vec::new(), Vec::new(), vec![back.clone()], Vec::new()),
    }
}

fn targets(pack: &Pack, question: &Question) -> Vec<TargetJson> {
    question
        .targets
        .iter()
        .filter_map(|target| {
            let entry = pack.entry(target.entry)?;
            Some(TargetJson {
                entry: entry.id.to_string(),
                point: target.point.map(|p| entry.point_key(p)),
            })
        })
        .collect()
}

/// The questions as one JSON array (see [`QuestionJson`]).
fn write_json(
    pack: &Pack,
    questions: &[Question],
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let rows: Vec<QuestionJson> = questions
        .iter()
        .map(|question| {
            let (options, items, answers, accepted) = shown(&question.body, lang);
            QuestionJson {
                kind: kind_name(question.kind()),
                prompt: wording::prompt(&question.prompt, lang),
                options,
                items,
                answers,
                accepted,
                targets: targets(pack, question),
                explanation: question.explanation.clone(),
            }
        })
        .collect();
    let json = serde_json::to_string_pretty(&rows)?;
    writeln!(out, "{}", escape_json_unsafe(&json))
}

/// A letter for option `index`: a, b, c …
fn letter(index: usize) -> String {
    u8::try_from(index).ok().filter(|i| *i < 26).map_or_else(
        || (index + 1).to_string(),
        |i| char::from(b'a' + i).to_string(),
    )
}

/// The questions as text: a heading with the seed, then each question with
/// what it shows, its answer marked and what it tests. Pack text is
/// sanitised.
fn write_text(
    pack: &Pack,
    questions: &[Question],
    args: &QuestionsArgs,
    seed: u64,
    lang: Lang,
    out: &mut impl Write,
) -> io::Result<()> {
    let w = QuestionsWords::of(lang);
    let seed = seed.to_string();
    let count = lang.count(questions.len(), Noun::Question);
    let heading = fill(
        w.heading,
        &[
            ("title", &printable_line(&pack.meta.title)),
            ("seed", &seed),
            ("count", &count),
        ],
    );
    writeln!(out, "{heading}")?;
    let mut options = vec![format!("--count {}", args.count)];
    options.extend(
        args.topics
            .iter()
            .map(|t| format!("--topic {}", printable_line(t))),
    );
    options.extend(
        args.kinds
            .iter()
            .map(|k| format!("--kind {}", kind_name(QuestionKind::from(*k)))),
    );
    writeln!(
        out,
        "{}",
        fill(
            w.same_as,
            &[("seed", &seed), ("options", &options.join(" "))]
        )
    )?;
    if questions.is_empty() {
        writeln!(out, "\n{}", w.none)?;
    }
    for (number, question) in questions.iter().enumerate() {
        writeln!(out)?;
        let prompt = wording::prompt(&question.prompt, lang);
        writeln!(
            out,
            "{}. [{}] {}",
            number + 1,
            kind_name(question.kind()),
            indented(&printable(&prompt))
        )?;
        write_body(&question.body, w, lang, out)?;
        let tested: Vec<String> = targets(pack, question)
            .into_iter()
            .map(|t| t.point.unwrap_or(t.entry))
            .collect();
        writeln!(
            out,
            "   {}: {}",
            w.tests,
            printable_line(&tested.join(", "))
        )?;
    }
    Ok(())
}

/// Later lines of a text indented under the first.
fn indented(text: &str) -> String {
    text.replace('\n', "\n   ")
}

fn write_body(body: &Body, w: &QuestionsWords, lang: Lang, out: &mut impl Write) -> io::Result<()> {
    let line = |text: &str| printable_line(text).into_owned();
    match body {
        Body::Choice { options, correct } => {
            for (i, option) in options.iter().enumerate() {
                let mark = if i == *correct { "  ✓" } else { "" };
                writeln!(out, "   {}) {}{mark}", letter(i), line(option))?;
            }
            let right = options.get(*correct).map_or("", String::as_str);
            writeln!(
                out,
                "   {}: {}) {}",
                w.answer,
                letter(*correct),
                line(right)
            )
        }
        Body::SelectAll { options, correct } => {
            for (i, option) in options.iter().enumerate() {
                let mark = if correct.contains(&i) { "  ✓" } else { "" };
                writeln!(out, "   {}) {}{mark}", letter(i), line(option))?;
            }
            let right: Vec<String> = correct.iter().map(|&i| format!("{})", letter(i))).collect();
            writeln!(out, "   {}: {}", w.answer, right.join(" "))
        }
        Body::TrueFalse { answer } => {
            writeln!(out, "   {}: {}", w.answer, true_false_word(*answer, lang))
        }
        Body::Typed {
            candidates,
            correct,
        } => {
            let spellings = candidates.get(*correct).map_or(&[][..], Vec::as_slice);
            let (first, rest) = spellings
                .split_first()
                .map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
            writeln!(out, "   {}: {}", w.answer, line(first))?;
            if !rest.is_empty() {
                writeln!(out, "   ({}: {})", w.also_accepted, line(&rest.join("; ")))?;
            }
            Ok(())
        }
        Body::Ordering { items, order } => {
            for (i, item) in items.iter().enumerate() {
                writeln!(out, "   {}. {}", i + 1, line(item))?;
            }
            let numbers: Vec<String> = order.iter().map(|i| (i + 1).to_string()).collect();
            writeln!(out, "   {}: {}", w.answer, numbers.join(" "))
        }
        Body::Matching { left, right, pairs } => {
            for (i, item) in left.iter().enumerate() {
                writeln!(out, "   {}. {}", i + 1, line(item))?;
            }
            for (i, item) in right.iter().enumerate() {
                writeln!(out, "   {}) {}", letter(i), line(item))?;
            }
            let answer: Vec<String> = pairs
                .iter()
                .enumerate()
                .map(|(i, &r)| format!("{}{}", i + 1, letter(r)))
                .collect();
            writeln!(out, "   {}: {}", w.answer, answer.join(" "))
        }
        Body::ListAll { items, decoys } => {
            writeln!(out, "   {}:", w.answer)?;
            for forms in items {
                writeln!(out, "   - {}", line(&forms.join(" / ")))?;
            }
            if !decoys.is_empty() {
                let shown: Vec<&str> = decoys.iter().take(8).map(String::as_str).collect();
                let more = if decoys.len() > shown.len() {
                    "; …"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "   ({}: {}{more})",
                    w.not_counted,
                    line(&shown.join("; "))
                )?;
            }
            Ok(())
        }
        Body::Flashcard { back } => {
            writeln!(out, "   {}:", w.answer)?;
            writeln!(out, "   {}", indented(&printable(back)))
        }
    }
}
