//! `kisi stats` outside the TUI: plain text in the UI language, or JSON.

use std::io::{self, Write};

use kisi_core::i18n::Lang;
use kisi_core::progress::Stats;
use kisi_core::progress::stats::percent;
use kisi_core::text::capitalized;

/// Writes the statistics as plain text in the UI language, or as JSON.
///
/// # Errors
/// When writing to `out` fails.
pub fn write_stats(stats: &Stats, lang: Lang, json: bool, out: &mut dyn Write) -> io::Result<()> {
    if json {
        // `io::Error::from` keeps the kind: a closed pipe stays one.
        serde_json::to_writer_pretty(&mut *out, stats).map_err(io::Error::from)?;
        return writeln!(out);
    }
    let w = lang.strings();
    let words = lang.screen_words();
    writeln!(out, "{} ({})", stats.pack_title, stats.pack_id)?;
    writeln!(out, "{}: {}", w.stats_today, lang.date(stats.today))?;
    if let Some(exam) = stats.exam_date {
        writeln!(out, "{}: {}", w.stats_exam_date, lang.date(exam))?;
    }
    writeln!(
        out,
        "{}: {}, {} {}, {} {} ({:.0}%)",
        w.stats_cards,
        stats.items,
        stats.seen,
        w.stats_seen,
        stats.mastered,
        w.stats_mastered,
        percent(stats.mastered, stats.items)
    )?;
    // Today's target, and what it is made of.
    let due_today = stats.due_ahead.first().map_or(0, |d| d.count);
    let target = words.target(stats.daily_target, due_today.min(stats.daily_target));
    writeln!(out, "{}", capitalized(&target))?;
    writeln!(out, "\n{}:", w.stats_mastery)?;
    writeln!(out, "  {}", words.mastered_means)?;
    for topic in &stats.topics {
        writeln!(
            out,
            "  {:>3.0}%  {}/{}  {}",
            topic.mastery_percent(),
            topic.mastered,
            topic.items,
            topic.title
        )?;
    }
    writeln!(out, "\n{}:", w.stats_reviews)?;
    // One width for every count, so that the columns line up, and a space
    // between them however large the counts are.
    let width = stats
        .reviews_per_day
        .iter()
        .map(|d| d.count.to_string().len())
        .max()
        .unwrap_or(1)
        .max(2);
    let weeks: Vec<(String, String)> = stats
        .reviews_per_day
        .chunks(7)
        .filter_map(|week| {
            let (first, last) = (week.first()?, week.last()?);
            let counts: Vec<String> = week
                .iter()
                .map(|d| format!("{:>width$}", d.count))
                .collect();
            Some((lang.date_range(first.day, last.day), counts.join(" ")))
        })
        .collect();
    write_column(out, &weeks)?;
    writeln!(out, "\n{}:", w.stats_due_ahead)?;
    let due: Vec<(String, String)> = stats
        .due_ahead
        .iter()
        .map(|day| (lang.date(day.day), day.count.to_string()))
        .collect();
    write_column(out, &due)?;
    writeln!(out, "\n{}:", w.stats_exams)?;
    if stats.exams.is_empty() {
        writeln!(out, "  {}", w.stats_no_exams)?;
    }
    let exams: Vec<(String, String)> = stats
        .exams
        .iter()
        .map(|exam| {
            let verdict = if exam.result.passed {
                w.stats_passed
            } else {
                w.stats_failed
            };
            let answered = words.exam_answered(exam.result.answered, exam.result.questions);
            (
                lang.date(exam.day),
                format!(
                    "{:>3.0}%  {verdict} ({answered})",
                    exam.result.score_percent
                ),
            )
        })
        .collect();
    write_column(out, &exams)
}

/// Rows of a date (or a span of dates) and what it holds, the dates padded
/// to one width so that what follows lines up.
fn write_column(out: &mut dyn Write, rows: &[(String, String)]) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|(day, _)| day.chars().count())
        .max()
        .unwrap_or(0);
    for (day, rest) in rows {
        let pad = width - day.chars().count();
        writeln!(out, "  {day}{}  {rest}", " ".repeat(pad))?;
    }
    Ok(())
}
