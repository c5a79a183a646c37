//! Plain mode for the review and the mock exam: the same questions as the
//! TUI's, asked on standard input and output for screen readers and
//! scripts. The caller saves what they report, to the same store.

use std::io::{self, BufRead, Write};
use std::time::Instant;

use crate::content::Pack;
use crate::i18n::{Noun, exam_words};
use crate::progress::{
    Day, ExamBlueprint, ExamResult, ProgressState, REVIEW_SIZE, build_exam, exam_result,
    review_plan, review_questions,
};

use super::{Plain, Recorder};
use crate::quiz::marks::outcome_mark;
use crate::quiz::session::{Record, Session, Summary};
use crate::quiz::wording::{Lang, fill, given, prompt, score_line, solution};

/// Asks today's review (what is due, then new items, as the TUI's review
/// does) with a verdict after each answer; `record` hears of every answer.
/// Says so, and asks nothing, when there is nothing to review.
///
/// # Errors
/// Reading or writing fails.
#[allow(clippy::too_many_arguments)] // the review's inputs, as the TUI has them
pub fn run_plain_review(
    pack: &Pack,
    state: &ProgressState,
    today: Day,
    exam_date: Option<Day>,
    seed: u64,
    lang: Lang,
    input: &mut impl BufRead,
    output: &mut impl Write,
    record: Recorder<'_>,
) -> io::Result<Summary> {
    let plan = review_plan(pack, state, today, exam_date);
    let items: Vec<String> = plan.queue().into_iter().take(REVIEW_SIZE).collect();
    let questions = review_questions(pack, &items, seed);
    if questions.is_empty() {
        writeln!(output, "{}", lang.strings().nothing_to_review)?;
        output.flush()?;
        return Ok(Session::new(Vec::new()).summary());
    }
    let count = lang.count(questions.len(), Noun::Card);
    writeln!(
        output,
        "{}",
        fill(exam_words(lang).plain_review_header, &[("count", &count)])
    )?;
    Plain::new(input, output, lang).ask_session(pack, Session::new(questions), record)
}

/// Asks a mock exam to `blueprint` with no feedback until the end (an empty
/// reply leaves a question unanswered; the end of input or the time limit
/// hands it in), then lists every question with the answer given and the
/// right one, the verdict against the pass mark and the score. Returns the
/// result for the history.
///
/// # Errors
/// Reading or writing fails, or the blueprint names a topic the pack does
/// not have (`InvalidInput`).
pub fn run_plain_exam(
    pack: &Pack,
    blueprint: &ExamBlueprint,
    seed: u64,
    lang: Lang,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> io::Result<ExamResult> {
    let questions = build_exam(pack, blueprint, seed, lang)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))?;
    let e = exam_words(lang);
    let total = lang.count(questions.len(), Noun::Question);
    let minutes = lang.count(
        usize::try_from(blueprint.time_limit.as_secs() / 60).unwrap_or(usize::MAX),
        Noun::Minute,
    );
    let pass = blueprint.pass_mark.to_string();
    writeln!(
        output,
        "{}\n{}",
        fill(
            e.plain_exam_header,
            &[("count", &total), ("minutes", &minutes), ("pass", &pass)]
        ),
        e.plain_exam_no_feedback
    )?;
    let mut session = Session::new(questions).with_time_limit(blueprint.time_limit);
    let started = Instant::now();
    let mut plain = Plain::new(input, output, lang);
    plain.skip_empty = true;
    let mut timed_out = false;
    while let Some(question) = session.current().cloned() {
        if session.is_out_of_time(started.elapsed()) {
            timed_out = true;
            break;
        }
        plain.header(&session, &question)?;
        match plain.ask(&question)? {
            Some(answer) => {
                session.submit(answer);
            }
            None if plain.skipped => session.skip(),
            None => break,
        }
    }
    // An answer typed after the time ran out is not counted.
    timed_out |= session.is_out_of_time(started.elapsed()) && !session.is_finished();
    while !session.is_finished() {
        session.skip();
    }
    let elapsed = started.elapsed().min(blueprint.time_limit);
    let result = exam_result(pack, &session, blueprint, elapsed);
    report(plain.output, &session, &result, timed_out, lang)?;
    Ok(result)
}

/// Every question with its mark, the answer given and the right one; the
/// verdict; the score last.
fn report(
    output: &mut impl Write,
    session: &Session,
    result: &ExamResult,
    timed_out: bool,
    lang: Lang,
) -> io::Result<()> {
    let (strings, e) = (lang.strings(), exam_words(lang));
    writeln!(output)?;
    if timed_out {
        writeln!(output, "{}", strings.exam_time_up)?;
    }
    writeln!(output, "{}", strings.exam_results)?;
    for (index, (question, record)) in session
        .questions()
        .iter()
        .zip(session.records())
        .enumerate()
    {
        let mark = outcome_mark(record.as_ref().map(Record::outcome)).to_string();
        let number = (index + 1).to_string();
        let text = prompt(&question.prompt, lang).replace('\n', " ");
        writeln!(
            output,
            "{}",
            fill(
                e.plain_result_line,
                &[("number", &number), ("mark", &mark), ("prompt", &text)]
            )
        )?;
        match record {
            Some(record) => writeln!(
                output,
                "   {}: {}",
                e.your_answer,
                given(&question.body, &record.grade, lang)
            )?,
            None => writeln!(output, "   {}", e.not_answered)?,
        }
        writeln!(
            output,
            "   {}: {}",
            e.right_answer,
            solution(&question.body, lang)
        )?;
    }
    let verdict = if result.passed {
        strings.exam_passed
    } else {
        strings.exam_failed
    };
    writeln!(
        output,
        "\n{verdict}: {:.0}% ({} {}%)",
        result.score_percent, strings.exam_pass_mark, result.pass_mark
    )?;
    writeln!(output, "{}", score_line(&session.score(), lang))?;
    output.flush()
}
