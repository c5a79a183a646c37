//! The study flows in plain mode (`kisi quiz --plain`, `kisi review
//! --plain`, `kisi exam --plain`): the same questions as the TUI's, asked on
//! standard input and output, with progress saved to the same store with
//! the same ratings, so a screen-reader user keeps a schedule, statistics
//! and an exam plan. A save that fails is said at once on stderr.

use std::io::{self, Write};
use std::process::ExitCode;

use kisi_core::content::Pack;
use kisi_core::i18n::Lang;
use kisi_core::i18n::resume_words;
use kisi_core::plain::{self, PlainExam};
use kisi_core::progress::{Day, ExamBlueprint, Settled, Timestamp, Warning};
use kisi_core::quiz::wording::fill;
use kisi_core::quiz::{Grade, Question};
use kisi_core::text::printable_line;

use super::{Cli, QuizArgs, Study, clock_seed, quiz_options};

#[derive(Debug, clap::Args)]
pub struct StudyArgs {
    /// Ask on standard input and output, without the full-screen interface.
    #[arg(long)]
    pub plain: bool,
    /// Make it exactly repeatable: the same seed asks the same questions.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// Opens the student's progress for `pack` as the TUI does, saying on
/// stderr what is wrong with the store (and a past exam date).
fn open_study(cli: &Cli, pack: &Pack, lang: Lang) -> Study {
    let study = Study::open(pack, cli.data_dir.as_deref(), cli.exam_date, lang);
    study.print_warnings();
    study
}

/// Saves one graded answer, saying at once when saving failed.
fn record(
    study: &mut Study,
    pack: &Pack,
    lang: Lang,
    question: &Question,
    grade: &Grade,
    quick: bool,
) {
    if let Some(warning) =
        study
            .progress
            .record_answer(pack, question, grade, quick, Timestamp::now())
    {
        eprintln!("kisi: {}", printable_line(&warning.message(lang)));
    }
}

pub(super) fn plain_quiz(
    cli: &Cli,
    pack: &Pack,
    args: &QuizArgs,
    lang: Lang,
) -> io::Result<ExitCode> {
    let options = quiz_options(args, lang);
    for topic in &options.topics {
        if pack.find_topic(topic).is_none() {
            let near = pack.topic_suggestions(topic);
            eprintln!("kisi: {}", lang.cli_words().topic_not_found(topic, &near));
            return Ok(ExitCode::FAILURE);
        }
    }
    let mut study = open_study(cli, pack, lang);
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut output = io::stdout().lock();
    plain::run_plain_recorded(
        pack,
        &options,
        &mut input,
        &mut output,
        &mut |question, grade, quick| record(&mut study, pack, lang, question, grade, quick),
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn plain_review(
    cli: &Cli,
    pack: &Pack,
    args: &StudyArgs,
    lang: Lang,
) -> io::Result<ExitCode> {
    let mut study = open_study(cli, pack, lang);
    let state = study.progress.state().clone();
    let exam_date = study.exam_date;
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut output = io::stdout().lock();
    plain::run_plain_review(
        pack,
        &state,
        Day::today(),
        exam_date,
        args.seed.unwrap_or_else(clock_seed),
        lang,
        &mut input,
        &mut output,
        &mut |question, grade, quick| record(&mut study, pack, lang, question, grade, quick),
    )?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn plain_exam(
    cli: &Cli,
    pack: &Pack,
    args: &StudyArgs,
    lang: Lang,
) -> io::Result<ExitCode> {
    let blueprint = match ExamBlueprint::for_pack(pack) {
        Ok(blueprint) => blueprint,
        Err(error) => {
            eprintln!("kisi: {}", error.message(lang));
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut study = open_study(cli, pack, lang);
    let warn = |warning: Option<Warning>| {
        if let Some(warning) = warning {
            eprintln!("kisi: {}", printable_line(&warning.message(lang)));
        }
    };
    // As the TUI's Home does: an exam whose time ran out meanwhile is
    // handed in, one whose pack changed is dropped, one left unfinished is
    // offered.
    let words = resume_words(lang);
    let (settled, warnings) = study.progress.settle_exams(pack, Timestamp::now());
    for done in settled {
        let text = match done {
            Settled::HandedIn(result) => fill(
                words.timed_out,
                &[("score", &format!("{:.0}", result.score_percent))],
            ),
            Settled::Dropped => words.dropped.to_owned(),
        };
        eprintln!("kisi: {text}");
    }
    for warning in warnings {
        warn(Some(warning));
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut output = io::stdout().lock();
    let now = Timestamp::now();
    let unfinished = study.progress.state().journals.unfinished().cloned();
    let exam = match unfinished {
        Some(open) => match plain::offer_unfinished(&open, now, lang, &mut input, &mut output)? {
            None => return Ok(ExitCode::SUCCESS),
            Some(false) => {
                if let Some(result) = plain::hand_in_plain(&open, pack, now, lang, &mut output)? {
                    output.flush()?;
                    warn(study.progress.record_exam(result, Timestamp::now()));
                }
                return Ok(ExitCode::SUCCESS);
            }
            Some(true) => PlainExam::resumed(&open, pack, now),
        },
        None => None,
    };
    let exam = match exam {
        Some(exam) => exam,
        None => {
            match PlainExam::drawn(pack, blueprint, args.seed.unwrap_or_else(clock_seed), lang) {
                Ok(exam) => exam,
                Err(error) => {
                    eprintln!("kisi: {}", error.message(pack, lang));
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    };
    let result = plain::run_plain_exam(exam, pack, lang, &mut input, &mut output, &mut |step| {
        warn(study.progress.record_exam_step(step, Timestamp::now()));
    })?;
    output.flush()?;
    warn(study.progress.record_exam(result, Timestamp::now()));
    Ok(ExitCode::SUCCESS)
}
