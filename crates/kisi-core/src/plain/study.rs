//! Plain mode for the review and the mock exam: the same questions as the
//! TUI's, asked on standard input and output for screen readers and
//! scripts. The caller saves what they report, to the same store.

use std::io::{self, BufRead, Write};
use std::time::{Duration, Instant};

use crate::content::Pack;
use crate::i18n::{Noun, exam_words, resume_words};
use crate::progress::journal::{CLOCK_EVERY, ExamAnswer, StoredAnswer};
use crate::progress::{
    Day, EventKind, ExamBlueprint, ExamResult, ExamStart, OpenExam, ProgressState, REVIEW_SIZE,
    Timestamp, build_exam, exam_result, mark_exam, new_exam_id, review_plan, review_questions,
};
use crate::quiz::{Answer, Question, QuizError};

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

/// A mock exam to ask in plain mode: a new one drawn from a seed, or one
/// left unfinished and rebuilt from its journal.
pub struct PlainExam {
    pub questions: Vec<Question>,
    pub blueprint: ExamBlueprint,
    /// Its journal's id, which the result closes.
    pub id: String,
    /// The start line still to write (a new exam).
    pub start: Option<ExamStart>,
    /// The answers saved before (a resumed exam), one place per question.
    pub answers: Vec<Option<Answer>>,
    /// The time used before (a resumed exam).
    pub used: Duration,
}

impl PlainExam {
    /// A new exam to `blueprint`, drawn from `seed`.
    ///
    /// # Errors
    /// The blueprint names a topic the pack does not have.
    pub fn drawn(
        pack: &Pack,
        blueprint: ExamBlueprint,
        seed: u64,
        lang: Lang,
    ) -> Result<Self, QuizError> {
        let questions = build_exam(pack, &blueprint, seed, lang)?;
        let id = new_exam_id();
        let start = ExamStart::new(id.clone(), seed, lang, &questions, &blueprint);
        Ok(Self {
            answers: vec![None; questions.len()],
            questions,
            blueprint,
            id,
            start: Some(start),
            used: Duration::ZERO,
        })
    }

    /// The exam `open` left unfinished, as of `now`; `None` when it cannot
    /// be rebuilt (its pack changed).
    pub fn resumed(open: &OpenExam, pack: &Pack, now: Timestamp) -> Option<Self> {
        let (questions, blueprint) = open.rebuild(pack)?;
        Some(Self {
            answers: open.answers(),
            used: open.time_used(now).min(blueprint.time_limit),
            questions,
            blueprint,
            id: open.id.clone(),
            start: None,
        })
    }
}

/// Asks a mock exam with no feedback until the end (an empty reply leaves
/// a question unanswered; the end of input or the time limit hands it in),
/// then lists every question with the answer given and the right one, the
/// verdict against the pass mark and the score. Each answer is written to
/// the exam's journal as it is given (`journal` hears each line), so that
/// an exam killed mid-way can be resumed; a resumed exam asks only what was
/// not answered, with the time that was left. Returns the result for the
/// history, which closes the journal.
///
/// # Errors
/// Reading or writing fails.
pub fn run_plain_exam(
    exam: PlainExam,
    pack: &Pack,
    lang: Lang,
    input: &mut impl BufRead,
    output: &mut impl Write,
    journal: &mut dyn FnMut(EventKind),
) -> io::Result<ExamResult> {
    let PlainExam {
        questions,
        blueprint,
        id,
        start,
        answers,
        used,
    } = exam;
    if let Some(start) = start {
        journal(EventKind::ExamStart(start));
    }
    let e = exam_words(lang);
    let total = lang.count(questions.len(), Noun::Question);
    let minutes = lang.count(
        usize::try_from(blueprint.time_limit.saturating_sub(used).as_secs() / 60)
            .unwrap_or(usize::MAX),
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
    let elapsed = || used + started.elapsed();
    let mut written = used;
    let mut plain = Plain::new(input, output, lang);
    plain.skip_empty = true;
    let mut timed_out = false;
    while let Some(question) = session.current().cloned() {
        if session.is_out_of_time(elapsed()) {
            timed_out = true;
            break;
        }
        let index = session.current_index();
        if let Some(answer) = answers.get(index).cloned().flatten() {
            session.submit(answer);
            continue;
        }
        // The time used, at least once a minute of it.
        if elapsed().saturating_sub(written) >= CLOCK_EVERY {
            written = elapsed();
            journal(EventKind::ExamTime {
                exam: id.clone(),
                used_ms: millis(written),
            });
        }
        plain.header(&session, &question)?;
        match plain.ask(&question)? {
            Some(answer) => {
                // An answer typed after the time ran out is not counted.
                if session.is_out_of_time(elapsed()) {
                    break;
                }
                written = elapsed();
                journal(EventKind::ExamAnswer(ExamAnswer {
                    exam: id.clone(),
                    question: index,
                    answer: StoredAnswer::from(&answer),
                    used_ms: millis(written),
                }));
                session.submit(answer);
            }
            None if plain.skipped => session.skip(),
            None => break,
        }
    }
    timed_out |= session.is_out_of_time(elapsed()) && !session.is_finished();
    while !session.is_finished() {
        session.skip();
    }
    let elapsed = elapsed().min(blueprint.time_limit);
    let mut result = exam_result(pack, &session, &blueprint, elapsed);
    result.exam = Some(id);
    report(plain.output, &session, &result, timed_out, lang)?;
    Ok(result)
}

/// An unfinished exam handed in as it stands, as of `now`: its report, as
/// at the end of [`run_plain_exam`], and its result; `None` when it cannot
/// be rebuilt.
///
/// # Errors
/// Writing fails.
pub fn hand_in_plain(
    open: &OpenExam,
    pack: &Pack,
    now: Timestamp,
    lang: Lang,
    output: &mut impl Write,
) -> io::Result<Option<ExamResult>> {
    let Some((questions, blueprint)) = open.rebuild(pack) else {
        return Ok(None);
    };
    let elapsed = open.time_used(now).min(blueprint.time_limit);
    let (session, result) = mark_exam(
        pack,
        questions,
        open.answers(),
        &blueprint,
        elapsed,
        &open.id,
    );
    report(output, &session, &result, false, lang)?;
    Ok(Some(result))
}

/// Offers the unfinished exam `open`: resume it (a), or hand it in as it
/// stands (b); `None` at the end of input.
///
/// # Errors
/// Reading or writing fails.
pub fn offer_unfinished(
    open: &OpenExam,
    now: Timestamp,
    lang: Lang,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> io::Result<Option<bool>> {
    let words = resume_words(lang);
    let total = open.start.as_ref().map_or(0, |s| s.questions);
    let left = open
        .time_limit()
        .saturating_sub(open.time_used(now))
        .as_secs();
    writeln!(
        output,
        "{}\n{}\n  a) {}\n  b) {}",
        words.offer_title,
        fill(
            words.offer_figures,
            &[
                ("answered", &open.answers.len().to_string()),
                ("total", &total.to_string()),
                ("left", &format!("{}:{:02}", left / 60, left % 60)),
            ]
        ),
        words.resume,
        words.hand_in
    )?;
    let mut plain = Plain::new(input, output, lang);
    let range = [("first", "a"), ("last", "b")];
    let (ask, bad) = (
        fill(plain.w.ask_choice, &range),
        fill(plain.w.bad_choice, &range),
    );
    plain.ask_until(&ask, &bad, |reply| match reply.trim() {
        "a" | "A" | "1" => Some(true),
        "b" | "B" | "2" => Some(false),
        _ => None,
    })
}

fn millis(time: Duration) -> u64 {
    u64::try_from(time.as_millis()).unwrap_or(u64::MAX)
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
