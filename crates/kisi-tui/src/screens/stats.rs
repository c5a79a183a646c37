//! Statistics: mastery per topic, reviews per day over the last weeks, what
//! falls due in the coming days, and the mock exam history.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{bar_name_width, percent_bar};
use crate::action::{Action, Mode};
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::layout::reading_column;
use crate::screens::Nav;
use crate::wrap::truncate;
use kisi_core::i18n::Strings;
use kisi_core::progress::{Stats, compute_stats};
use kisi_core::text::capitalized;

/// How many weeks of reviews are shown.
pub const WEEKS: u32 = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct StatsState {
    pub stats: Stats,
    pub scroll: usize,
}

impl StatsState {
    /// The statistics as they stand when the screen opens.
    pub fn new(context: &Context) -> Self {
        Self {
            stats: compute_stats(
                context.pack,
                context.progress,
                context.today,
                context.exam_date,
                WEEKS,
            ),
            scroll: 0,
        }
    }
}

/// Eight heights of block for a sparkline, lowest first.
const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn wrap_styled(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    crate::wrap::wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

fn sparkline(counts: &[usize]) -> String {
    let max = counts.iter().copied().max().unwrap_or(0);
    counts
        .iter()
        .map(|&c| {
            if c == 0 || max == 0 {
                // The lowest block, so that days without reviews still draw
                // the baseline of the chart.
                LEVELS[0]
            } else {
                LEVELS[((c * (LEVELS.len() - 1)).div_ceil(max)).min(LEVELS.len() - 1)]
            }
        })
        .collect()
}

fn lines(state: &StatsState, context: &Context, width: u16) -> Vec<Line<'static>> {
    let (strings, theme) = (context.strings, context.theme);
    let width = usize::from(width);
    let figures = &state.stats;
    let mut lines = vec![
        Line::styled(truncate(strings.stats_title, width), theme.heading),
        Line::styled(
            truncate(
                &format!(
                    "{}/{} {} · {} {}",
                    figures.seen,
                    figures.items,
                    strings.home_seen,
                    figures.mastered,
                    strings.stats_mastered
                ),
                width,
            ),
            theme.dim,
        ),
    ];
    // Today's target, and what it is made of.
    let due_today = figures.due_ahead.first().map_or(0, |d| d.count);
    let words = context.lang.screen_words();
    let target = words.target(figures.daily_target, due_today.min(figures.daily_target));
    lines.extend(wrap_styled(&capitalized(&target), width, theme.dim));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate(strings.stats_mastery, width),
        theme.label,
    ));
    lines.extend(wrap_styled(words.mastered_means, width, theme.dim));
    let name_width = bar_name_width(figures.topics.iter().map(|t| t.title.as_str()), width);
    for topic in &figures.topics {
        lines.push(percent_bar(
            &topic.title,
            name_width,
            topic.mastery_percent(),
            width,
            theme,
        ));
    }
    lines.push(Line::raw(""));
    let counts: Vec<usize> = figures.reviews_per_day.iter().map(|d| d.count).collect();
    let total: usize = counts.iter().sum();
    lines.push(Line::styled(
        truncate(
            &format!(
                "{} ({}): {total}",
                strings.stats_reviews,
                (strings.stats_recent_weeks)(WEEKS)
            ),
            width,
        ),
        theme.label,
    ));
    // The most recent days that fit, today last, with their first and last
    // dates under them.
    let from = counts.len().saturating_sub(width);
    lines.push(Line::styled(sparkline(&counts[from..]), theme.title));
    if let (Some(first), Some(last)) = (
        figures.reviews_per_day.get(from),
        figures.reviews_per_day.last(),
    ) {
        let (first, last) = (
            context.lang.day_month(first.day),
            context.lang.day_month(last.day),
        );
        let span = counts.len() - from;
        if span > first.len() + last.len() {
            let gap = span - first.len() - last.len();
            lines.push(Line::styled(
                format!("{first}{}{last}", " ".repeat(gap)),
                theme.dim,
            ));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        truncate(strings.stats_due_ahead, width),
        theme.label,
    ));
    let due: Vec<String> = figures
        .due_ahead
        .iter()
        .map(|d| format!("{}: {}", context.lang.day_month(d.day), d.count))
        .collect();
    for line in crate::wrap::wrap(&due.join("  "), width) {
        lines.push(Line::styled(line, theme.text));
    }
    lines.push(Line::raw(""));
    lines.extend(exam_history(figures, context, width));
    lines
}

/// One line per mock exam, the latest first.
fn exam_history(figures: &Stats, context: &Context, width: usize) -> Vec<Line<'static>> {
    let (strings, theme) = (context.strings, context.theme);
    let mut lines = Vec::new();
    lines.push(Line::styled(
        truncate(strings.stats_exams, width),
        theme.label,
    ));
    if figures.exams.is_empty() {
        lines.push(Line::styled(
            truncate(strings.stats_no_exams, width),
            theme.dim,
        ));
    }
    for exam in figures.exams.iter().rev() {
        let verdict = if exam.result.passed {
            strings.exam_passed
        } else {
            strings.exam_failed
        };
        lines.push(Line::styled(
            truncate(
                &format!(
                    "{}  {:>3.0}%  {verdict}  ({})",
                    context.lang.date(exam.day),
                    exam.result.score_percent,
                    context
                        .lang
                        .screen_words()
                        .exam_answered(exam.result.answered, exam.result.questions)
                ),
                width,
            ),
            if exam.result.passed {
                theme.text
            } else {
                theme.note
            },
        ));
    }
    lines
}

/// The reader's keys but those that go to other entries.
pub fn keys(strings: &'static Strings) -> Vec<KeyHint> {
    keymap::hints(Mode::Reader, strings, 0, |id| {
        !matches!(id, Id::OtherEntry | Id::OtherEntryTab | Id::Related)
    })
}

impl super::ScreenState for StatsState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let column = reading_column(context.body);
        let max = lines(self, context, column.width)
            .len()
            .saturating_sub(column.height.into());
        let page = usize::from(column.height.max(2) - 1);
        self.scroll = match action {
            Action::Up | Action::ScrollUp => self.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.scroll + 1,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll + page,
            Action::First => 0,
            Action::Last => max,
            Action::Back => return Nav::Back,
            _ => self.scroll,
        }
        .min(max);
        Nav::Stay
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
        let column = reading_column(body);
        let all = lines(self, context, column.width);
        let max = all.len().saturating_sub(column.height.into());
        let scroll = self.scroll.min(max);
        let mut shown: Vec<Line> = all
            .into_iter()
            .skip(scroll)
            .take(column.height.into())
            .collect();
        super::mark_more(&mut shown, scroll, max, context.theme);
        Paragraph::new(shown).render(column, buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(context.strings)
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::Reader
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_to_the_busiest_day() {
        assert_eq!(sparkline(&[0, 1, 2, 4]), "▁▃▅█");
        // Days without reviews draw the baseline, so one busy day is not a
        // lone block floating in empty space.
        assert_eq!(sparkline(&[0, 0]), "▁▁");
    }
}
