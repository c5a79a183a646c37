//! `kisi stats` outside the TUI: plain text in the UI language, or JSON.

use std::io::{self, Write};

use kisi_core::i18n::Lang;
use kisi_core::progress::Stats;
use kisi_core::progress::stats::percent;

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
    writeln!(out, "{} ({})", stats.pack_title, stats.pack_id)?;
    writeln!(out, "{}: {}", w.stats_today, stats.today)?;
    if let Some(exam) = stats.exam_date {
        writeln!(out, "{}: {exam}", w.stats_exam_date)?;
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
    writeln!(out, "{}: {}", w.stats_target, stats.daily_target)?;
    writeln!(out, "\n{}:", w.stats_mastery)?;
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
    for week in stats.reviews_per_day.chunks(7) {
        let (Some(first), Some(last)) = (week.first(), week.last()) else {
            continue;
        };
        let counts: Vec<String> = week
            .iter()
            .map(|d| format!("{:>width$}", d.count))
            .collect();
        writeln!(out, "  {} – {}  {}", first.day, last.day, counts.join(" "))?;
    }
    writeln!(out, "\n{}:", w.stats_due_ahead)?;
    for day in &stats.due_ahead {
        writeln!(out, "  {}  {}", day.day, day.count)?;
    }
    writeln!(out, "\n{}:", w.stats_exams)?;
    if stats.exams.is_empty() {
        writeln!(out, "  {}", w.stats_no_exams)?;
    }
    for exam in &stats.exams {
        let verdict = if exam.result.passed {
            w.stats_passed
        } else {
            w.stats_failed
        };
        writeln!(
            out,
            "  {}  {:.0}% ({}/{})  {verdict}",
            exam.day, exam.result.score_percent, exam.result.answered, exam.result.questions
        )?;
    }
    Ok(())
}
