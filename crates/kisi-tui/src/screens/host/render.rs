//! Drawing the host's screen: the lobby, a question with its countdown
//! and "answers in", a reveal with a bar per option or item, and the end
//! with the room's scores, below which the log's latest lines fill what
//! room is left.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{Confirm, HostState, Pick};
use crate::env::Context;
use crate::layout::reading_column;
use crate::screens::quiz::clock;
use crate::wrap::{truncate, wrap};
use kisi_core::i18n::RoomWords;
use kisi_core::room::{Ask, BarLabel, NO_EXTRA, Phase, Room, StudentId, Tally, factor_words};
use kisi_core::text::{printable, printable_line};

/// Lines to draw, each with its style.
struct Lines {
    lines: Vec<(String, Style)>,
    width: usize,
}

impl Lines {
    fn new(width: usize) -> Self {
        Self {
            lines: Vec::new(),
            width,
        }
    }

    /// `text` wrapped to the width.
    fn text(&mut self, text: &str, style: Style) {
        for line in wrap(text, self.width) {
            self.lines.push((line, style));
        }
    }

    /// `text` on one line, cut to the width.
    fn one(&mut self, text: &str, style: Style) {
        self.lines.push((truncate(text, self.width), style));
    }

    fn blank(&mut self) {
        self.lines.push((String::new(), Style::default()));
    }

    /// The lines from `skip` on that fit in `area`; when some are out of
    /// view, the first row or the last says where (`▲ PgUp`, `▼ PgDn`).
    fn render(self, skip: usize, area: Rect, dim: Style, buf: &mut Buffer) {
        let rows = usize::from(area.height);
        let total = self.lines.len();
        let skip = skip.min(total.saturating_sub(rows));
        let mut shown: Vec<(String, Style)> =
            self.lines.into_iter().skip(skip).take(rows).collect();
        if skip > 0
            && let Some(first) = shown.first_mut()
        {
            *first = ("▲ PgUp".to_owned(), dim);
        }
        if skip + rows < total
            && let Some(last) = shown.last_mut()
        {
            *last = ("▼ PgDn".to_owned(), dim);
        }
        for (y, (text, style)) in (area.y..area.bottom()).zip(shown) {
            Line::styled(text, style).render(Rect::new(area.x, y, area.width, 1), buf);
        }
    }
}

/// The column the host's screen is drawn in: the reading column, so that a
/// wide projector does not spread a question over 200 columns.
pub(super) fn column(body: Rect) -> Rect {
    reading_column(body)
}

/// How many lines the host's screen has in `body`, and how many fit.
pub(super) fn extent(state: &HostState, context: &Context, body: Rect) -> (usize, usize) {
    let area = column(body);
    (
        lines(state, context, area).lines.len(),
        usize::from(area.height),
    )
}

pub fn render(state: &HostState, context: &Context, area: Rect, buf: &mut Buffer) {
    let area = column(area);
    let skip = state.skip();
    lines(state, context, area).render(skip, area, context.theme.dim, buf);
}

/// Everything the screen says in `area`, before it is scrolled.
fn lines(state: &HostState, context: &Context, area: Rect) -> Lines {
    let host = state.host();
    let room = host.room();
    let w = context.lang.room_words();
    let theme = context.theme;
    let mut out = Lines::new(usize::from(area.width));
    if let Some((what, cursor)) = state.picking {
        let heading = match what {
            Pick::Remove => w.pick_student,
            Pick::ExtraTime => w.pick_extra_time,
        };
        out.text(heading, theme.heading);
        // The cursor's row stays in view in a long list.
        let rows = usize::from(area.height)
            .saturating_sub(out.lines.len())
            .max(1);
        let first = cursor.saturating_sub(rows - 1);
        for (k, (id, student)) in room.present().enumerate().skip(first).take(rows) {
            let style = if k == cursor {
                theme.selected
            } else {
                theme.text
            };
            out.one(&named(room, id, &student.name, context), style);
        }
        return out;
    }
    if let Some(confirm) = state.confirm {
        let question = match confirm {
            Confirm::End => w.confirm_end,
            Confirm::Quit => w.confirm_quit,
        };
        out.text(question, theme.error);
        out.blank();
    }
    match room.phase() {
        Phase::Lobby => lobby(state, room, w, context, &mut out),
        Phase::Open(index) => question(room, index, host.now_ms(), w, context, &mut out),
        Phase::Revealed(index) => reveal(room, index, w, context, &mut out),
        Phase::Ended => end(
            room,
            host.results().map(|r| r.csv_path().display().to_string()),
            w,
            context,
            &mut out,
        ),
    }
    // The log's latest lines fill what room is left, below a blank.
    let used = out.lines.len() + 1;
    let free = usize::from(area.height).saturating_sub(used);
    if free > 0 && host.log().next().is_some() {
        out.blank();
        let latest: Vec<&str> = host.log().rev().take(free).collect();
        for line in latest.into_iter().rev() {
            out.one(line, theme.dim);
        }
    }
    out
}

fn lobby(state: &HostState, room: &Room, w: &RoomWords, context: &Context, out: &mut Lines) {
    let theme = context.theme;
    out.one(
        &format!("{} — {}", w.title, printable_line(&room.pack().title)),
        theme.title,
    );
    out.blank();
    out.one(
        &format!("{}: {}", w.room_code, room.code().as_str()),
        theme.heading,
    );
    out.one(&format!("{}:", w.join_with), theme.label);
    out.one(
        &format!("  {}", state.join_command(room.code().as_str())),
        theme.selected,
    );
    if state.addresses.is_empty() {
        out.text(&format!("{}: {}", w.addresses, w.no_addresses), theme.dim);
    } else {
        out.text(
            &format!("{}: {}", w.addresses, state.addresses.join(", ")),
            theme.text,
        );
    }
    out.text(&(w.firewall)(state.port), theme.dim);
    out.blank();
    let count = room.present_count();
    if count == 0 {
        out.one(w.nobody_yet, theme.dim);
    } else {
        out.one(&(w.students_joined)(count), theme.heading);
        let names: Vec<String> = room
            .present()
            .map(|(id, s)| named(room, id, &s.name, context))
            .collect();
        out.text(&names.join(" · "), theme.text);
    }
}

/// A student's name, with the extra time granted them ("Ani ×1.5").
fn named(room: &Room, id: StudentId, name: &str, context: &Context) -> String {
    match room.extra_time(id) {
        NO_EXTRA => name.to_owned(),
        extra => format!("{name} {}", factor_words(extra, context.lang)),
    }
}

fn status(room: &Room, index: usize, right: &str, w: &RoomWords, out: &mut Lines, style: Style) {
    let left = (w.question_of)(index + 1, room.questions().len());
    let width = out.width;
    let right = truncate(right, width / 2);
    let left = truncate(&left, width.saturating_sub(right.chars().count() + 1));
    let gap = width.saturating_sub(left.chars().count() + right.chars().count());
    out.lines
        .push((format!("{left}{}{right}", " ".repeat(gap)), style));
}

fn letter(index: usize) -> char {
    u8::try_from(index)
        .ok()
        .filter(|i| *i < 26)
        .map_or('?', |i| char::from(b'A' + i))
}

fn question(
    room: &Room,
    index: usize,
    now: u64,
    w: &RoomWords,
    context: &Context,
    out: &mut Lines,
) {
    let theme = context.theme;
    let Some(asked) = room.questions().get(index) else {
        return;
    };
    let clock_text = match room.left_ms(now) {
        _ if room.paused() => format!(
            "{} {}",
            w.paused,
            room.left_ms(now)
                .map(|ms| clock(Duration::from_millis(ms)))
                .unwrap_or_default()
        ),
        // The room's time is up; students with extra time still answer.
        Some(0) => room.extra_left_ms(now).map_or_else(
            || clock(Duration::ZERO),
            |ms| (w.extra_wait)(&clock(Duration::from_millis(ms))),
        ),
        Some(ms) => clock(Duration::from_millis(ms)),
        None => w.no_limit.to_owned(),
    };
    status(room, index, &clock_text, w, out, theme.dim);
    out.one(
        &(w.answers_in)(room.answers_in(index), room.present_count()),
        theme.selected,
    );
    out.blank();
    out.text(&printable(&asked.prompt), theme.heading);
    out.blank();
    match &asked.ask {
        Ask::Choice { options } | Ask::SelectAll { options } => {
            for (k, option) in options.iter().enumerate() {
                out.text(
                    &format!("{}. {}", letter(k), printable_line(option)),
                    theme.text,
                );
            }
        }
        Ask::TrueFalse => out.one(&format!("{} / {}", w.true_word, w.false_word), theme.text),
        Ask::Ordering { items } => {
            for item in items {
                out.text(&format!("• {}", printable_line(item)), theme.text);
            }
        }
        Ask::Matching { left, right } => {
            for (k, item) in left.iter().enumerate() {
                out.text(&format!("{}. {}", k + 1, printable_line(item)), theme.text);
            }
            for (k, item) in right.iter().enumerate() {
                out.text(
                    &format!("{}. {}", letter(k), printable_line(item)),
                    theme.text,
                );
            }
        }
        Ask::Typed | Ask::ListAll { .. } => {}
    }
}

fn bar_label(label: &BarLabel, w: &RoomWords) -> String {
    match label {
        BarLabel::Text(text) => printable_line(text).into_owned(),
        BarLabel::True => w.true_word.to_owned(),
        BarLabel::False => w.false_word.to_owned(),
        BarLabel::Right => w.right.to_owned(),
        BarLabel::Wrong => w.wrong.to_owned(),
    }
}

/// A bar per option or item: its label, cut to a third of the width, a bar
/// in proportion to the most chosen, and the count.
fn bars(tally: &Tally, w: &RoomWords, context: &Context, out: &mut Lines) {
    let width = out.width;
    let label_width = (width / 3).max(4);
    let most = tally.bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let room_for_bar = width.saturating_sub(label_width + 8);
    for bar in &tally.bars {
        let label = truncate(&bar_label(&bar.label, w), label_width);
        let pad = label_width.saturating_sub(unicode_width::UnicodeWidthStr::width(label.as_str()));
        let length = bar.count * room_for_bar / most;
        let mark = if bar.correct { "✓" } else { " " };
        let style = if bar.correct {
            context.theme.selected
        } else {
            context.theme.text
        };
        out.one(
            &format!(
                "{label}{} {}{}{} {mark}",
                " ".repeat(pad),
                "█".repeat(length),
                if length > 0 { " " } else { "" },
                bar.count
            ),
            style,
        );
    }
}

fn reveal(room: &Room, index: usize, w: &RoomWords, context: &Context, out: &mut Lines) {
    let theme = context.theme;
    let Some(asked) = room.questions().get(index) else {
        return;
    };
    let answered = (w.answers_in)(room.answers_in(index), room.present_count());
    status(room, index, &answered, w, out, theme.dim);
    out.text(&printable(&asked.prompt), theme.heading);
    let solution = kisi_core::quiz::wording::solution(&asked.question.body, context.lang);
    out.text(
        &format!("{}: {}", w.right_answer, printable_line(&solution)),
        theme.selected,
    );
    // The bars before the explanation: on a small screen they matter more.
    if let Some(tally) = room.tally(index) {
        out.one(&format!("{}:", w.how_the_room_answered), theme.label);
        bars(&tally, w, context, out);
    }
    out.text(&printable(&asked.question.explanation), theme.text);
}

fn percent(score: f64) -> String {
    format!("{:.0}%", score * 100.0)
}

fn end(room: &Room, results: Option<String>, w: &RoomWords, context: &Context, out: &mut Lines) {
    let theme = context.theme;
    out.one(&format!("{} — {}", w.title, w.the_end), theme.title);
    if room.questions().is_empty() {
        out.one(w.nothing_to_ask, theme.text);
        return;
    }
    let scores: Vec<String> = room
        .question_scores()
        .iter()
        .map(|(q, score)| format!("{}: {}", q + 1, percent(*score)))
        .collect();
    out.one(&format!("{}:", w.per_question), theme.label);
    out.text(&scores.join(" · "), theme.text);
    out.one(&format!("{}:", w.per_topic), theme.label);
    for topic in room.topic_scores() {
        out.one(
            &format!(
                "  {} {}",
                percent(topic.score),
                printable_line(&topic.topic)
            ),
            theme.text,
        );
    }
    out.one(&format!("{}:", w.least_known), theme.label);
    for (k, item) in room.least_known(3).iter().enumerate() {
        out.one(
            &format!(
                "  {}. {} ({})",
                k + 1,
                printable_line(&item.label),
                percent(item.score)
            ),
            theme.text,
        );
    }
    if room.config().leaderboard {
        let mut ranked: Vec<(&str, f64)> = room
            .present()
            .map(|(_, s)| (s.name.as_str(), s.points))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        out.one(&format!("{}:", w.leaderboard), theme.label);
        for (k, (name, points)) in ranked.iter().take(5).enumerate() {
            out.one(&format!("  {}. {name} {points:.0}", k + 1), theme.text);
        }
    }
    if let Some(path) = results {
        out.text(&(w.results_in)(&printable_line(&path)), theme.dim);
    }
}
