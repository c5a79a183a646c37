//! The end of a quiz: the score, a bar per topic, and the mistakes, each of
//! which opens the entry it tests; `r` retries the mistakes and the
//! questions left unanswered. A mock exam lists every question instead,
//! with the student's answer (or none) beside the right one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::quiz::QuizState;
use super::{
    Row, bar_name_width, click_list, detail, item_at, move_cursor, percent_bar, render_rows,
};
use crate::action::{Action, Mode};
use crate::cursor::Cursor;
use crate::env::Context;
use crate::keymap::KeyHint;
use crate::keymap::{self, Id};
use crate::layout::reading_column;
use crate::screens::{Nav, Screen};
use crate::wrap::truncate;
use kisi_core::i18n::Strings;
use kisi_core::progress::ExamResult;
use kisi_core::quiz::marks::outcome_mark;
use kisi_core::quiz::session::Record;
use kisi_core::quiz::wording::{self, score_line};
use kisi_core::quiz::{Session, Summary};

#[derive(Debug, Clone, PartialEq)]
pub struct QuizResultsState {
    pub session: Session,
    pub summary: Summary,
    /// The selected mistake.
    pub cursor: Cursor,
    /// Set when these are the results of a mock exam.
    pub exam: Option<ExamOutcome>,
    /// The quiz's time limit ended it, with questions perhaps unanswered.
    pub time_up: bool,
    /// These are the results of the day's review.
    pub review: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MistakesHeading {
    Mistakes,
    /// Every question answered, none wrong.
    NoMistakes,
    /// None of the answers given was wrong, but some questions were left.
    NoWrongAnswers,
    /// A mock exam: every question follows.
    EveryQuestion,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExamOutcome {
    pub result: ExamResult,
    /// Handed in by the clock, not the student.
    pub timed_out: bool,
}

impl QuizResultsState {
    pub fn new(session: Session) -> Self {
        let summary = session.summary();
        Self {
            session,
            summary,
            cursor: Cursor::default(),
            exam: None,
            time_up: false,
            review: false,
        }
    }

    #[must_use]
    pub fn with_review(mut self, review: bool) -> Self {
        self.review = review;
        self
    }

    #[must_use]
    pub fn with_time_up(mut self) -> Self {
        self.time_up = true;
        self
    }

    #[must_use]
    pub fn with_exam(mut self, result: ExamResult, timed_out: bool) -> Self {
        self.exam = Some(ExamOutcome { result, timed_out });
        self
    }

    /// Whether the bars per topic fit above a few rows of mistakes in a
    /// body `height` rows high; on small screens the mistakes come first.
    /// A quiz of questions without a topic has no bars, and no heading.
    fn shows_topics(&self, height: u16) -> bool {
        let mistakes = u16::try_from(self.list_len().min(3)).unwrap_or(3);
        !self.summary.by_topic.is_empty() && self.header_height(true) + mistakes <= height
    }

    /// How many lines the exam's verdict and the time-out notice take.
    fn notice_height(&self) -> u16 {
        match &self.exam {
            Some(outcome) => 1 + u16::from(outcome.timed_out),
            None => u16::from(self.time_up),
        }
    }

    fn header_height(&self, topics: bool) -> u16 {
        // Title, the notices, score, then when they fit: blank, heading, a bar
        // per topic, blank; then the mistakes' heading when there is one.
        let topics = if topics {
            3 + u16::try_from(self.summary.by_topic.len()).unwrap_or(u16::MAX)
        } else {
            0
        };
        let heading = u16::from(self.mistakes_heading().is_some());
        2 + self.notice_height() + topics + heading
    }

    /// The heading above the mistakes: no praise while questions were left
    /// unanswered, and nothing when none was answered.
    fn mistakes_heading(&self) -> Option<MistakesHeading> {
        let score = &self.summary.score;
        if self.exam.is_some() {
            Some(MistakesHeading::EveryQuestion)
        } else if !self.summary.mistakes.is_empty() {
            Some(MistakesHeading::Mistakes)
        } else if score.unanswered() == 0 {
            Some(MistakesHeading::NoMistakes)
        } else if score.answered > 0 {
            Some(MistakesHeading::NoWrongAnswers)
        } else {
            None
        }
    }

    /// What the list below the score holds: every question of a mock exam,
    /// the mistakes of a quiz.
    fn list_len(&self) -> usize {
        if self.exam.is_some() {
            self.session.questions().len()
        } else {
            self.summary.mistakes.len()
        }
    }

    /// Rows per item of the list: an exam's question has its answers below.
    fn rows_per_item(&self) -> u16 {
        if self.exam.is_some() { 2 } else { 1 }
    }

    /// Whether `r` has anything to ask again.
    fn can_retry(&self) -> bool {
        !self.summary.mistakes.is_empty() || self.summary.score.unanswered() > 0
    }

    /// Where the mistakes are listed, below the score and the bars.
    fn mistakes_area(&self, body: Rect) -> Rect {
        let column = reading_column(body);
        let header = self
            .header_height(self.shows_topics(column.height))
            .min(column.height);
        Rect::new(
            column.x,
            column.y + header,
            column.width,
            column.height - header,
        )
    }
}

/// The verdict of a mock exam (passed or not, against the pass mark) and
/// whether the clock ended the exam or the quiz.
fn notice_lines(state: &QuizResultsState, context: &Context, width: usize) -> Vec<Line<'static>> {
    let (strings, theme) = (context.strings, context.theme);
    let Some(outcome) = &state.exam else {
        return if state.time_up {
            vec![Line::styled(
                truncate(strings.quiz_time_up, width),
                theme.note,
            )]
        } else {
            Vec::new()
        };
    };
    let result = &outcome.result;
    let verdict = if result.passed {
        strings.exam_passed
    } else {
        strings.exam_failed
    };
    let mut lines = vec![Line::styled(
        truncate(
            &format!(
                "{verdict}: {:.0}% ({} {}%)",
                result.score_percent, strings.exam_pass_mark, result.pass_mark
            ),
            width,
        ),
        if result.passed {
            theme.title
        } else {
            theme.error
        },
    )];
    if outcome.timed_out {
        lines.push(Line::styled(
            truncate(strings.exam_time_up, width),
            theme.note,
        ));
    }
    lines
}

/// "Hasil kuis", "Hasil ulangan" or "Hasil ujian".
fn results_title(state: &QuizResultsState, context: &Context) -> &'static str {
    if state.exam.is_some() {
        context.strings.exam_results
    } else if state.review {
        context.lang.screen_words().review_results
    } else {
        context.strings.quiz_results
    }
}

/// Two rows per question of a mock exam: its mark, number and prompt; then
/// the student's answer (or that there was none) and the right one.
fn exam_rows(state: &QuizResultsState, context: &Context) -> Vec<Row> {
    let (strings, lang) = (context.strings, context.lang);
    let words = strings.exam;
    let row = |text: String| Row {
        text,
        detail: String::new(),
    };
    let mut rows = Vec::new();
    let records = state.session.records();
    for (index, question) in state.session.questions().iter().enumerate() {
        let record = records.get(index).and_then(Option::as_ref);
        let mark = outcome_mark(record.map(Record::outcome));
        let prompt = wording::prompt(&question.prompt, lang).replace('\n', " ");
        rows.push(row(format!("{mark} {}. {prompt}", index + 1)));
        let given = record.map_or_else(
            || words.not_answered.to_owned(),
            |r| {
                format!(
                    "{}: {}",
                    words.your_answer,
                    wording::given(&question.body, &r.grade, lang)
                )
            },
        );
        let right = wording::solution(&question.body, lang);
        rows.push(row(format!("   {given} · {}: {right}", words.right_answer)));
    }
    rows
}

/// Moving and opening need a list to work on, retrying something to ask.
pub fn keys(state: &QuizResultsState, strings: &'static Strings) -> Vec<KeyHint> {
    let list = state.list_len() > 0;
    let retry = state.can_retry();
    keymap::hints(Mode::Results, strings, 0, |id| match id {
        Id::Back | Id::Help | Id::Search => true,
        Id::Retry => retry,
        _ => list,
    })
}

impl super::ScreenState for QuizResultsState {
    fn update(
        &mut self,
        action: Action,
        context: &Context,
        _effects: &mut Vec<crate::effect::Effect>,
    ) -> Nav {
        let list = self.mistakes_area(context.body);
        let len = self.list_len();
        let per_item = self.rows_per_item();
        if move_cursor(
            &mut self.cursor,
            action,
            len,
            (list.height / per_item).into(),
        ) {
            return Nav::Stay;
        }
        let action = match action {
            Action::Click { column, row } if per_item > 1 => {
                match item_at(list, self.cursor.offset, len, per_item, column, row) {
                    Some(index) if index == self.cursor.selected => Action::Open,
                    Some(index) => {
                        self.cursor.selected = index;
                        return Nav::Stay;
                    }
                    None => return Nav::Stay,
                }
            }
            action => match click_list(&mut self.cursor, action, list, len) {
                Some(action) => action,
                None => return Nav::Stay,
            },
        };
        let selected = self.cursor.selected;
        let target = if self.exam.is_some() {
            self.session.questions().get(selected).map(|q| &q.targets)
        } else {
            self.summary.mistakes.get(selected).map(|m| &m.targets)
        };
        match action {
            Action::Open => {
                target
                    .and_then(|targets| targets.first())
                    .map_or(Nav::Stay, |target| {
                        Nav::Push(Screen::Detail(match target.point {
                            Some(point) => {
                                detail::DetailState::at_point(target.entry, point, context)
                            }
                            None => detail::DetailState::new(target.entry),
                        }))
                    })
            }
            Action::Retry => self.session.retry_mistakes().map_or(Nav::Stay, |retry| {
                Nav::Replace(Screen::Quiz(QuizState::new(retry)))
            }),
            Action::Back => Nav::Back,
            _ => Nav::Stay,
        }
    }

    fn render(&self, context: &Context, body: Rect, buf: &mut Buffer) {
        let column = reading_column(body);
        let width = usize::from(column.width);
        let strings = context.strings;
        let theme = context.theme;
        let summary = &self.summary;
        let mut lines = vec![
            Line::styled(truncate(results_title(self, context), width), theme.heading),
            Line::styled(
                truncate(&score_line(&summary.score, context.lang), width),
                theme.title,
            ),
        ];
        lines.splice(1..1, notice_lines(self, context, width));
        let score_row = lines.len() - 1;
        let unanswered = summary.score.unanswered();
        if unanswered > 0 {
            lines[score_row].spans.push(Span::styled(
                format!(" · {unanswered} {}", strings.quiz_unanswered),
                theme.dim,
            ));
        }
        let shows_topics = self.shows_topics(column.height);
        if shows_topics {
            lines.push(Line::raw(""));
            lines.push(Line::styled(strings.quiz_by_topic, theme.label));
        }
        let names: Vec<&str> = summary
            .by_topic
            .iter()
            .map(|t| context.pack.topic(t.topic).map_or("", |t| t.title.as_str()))
            .collect();
        let name_width = bar_name_width(names.iter().copied(), width);
        for (topic, name) in summary.by_topic.iter().zip(&names).filter(|_| shows_topics) {
            lines.push(percent_bar(
                name,
                name_width,
                topic.score.percent(),
                width,
                theme,
            ));
        }
        if shows_topics {
            lines.push(Line::raw(""));
        }
        if let Some(heading) = self.mistakes_heading() {
            let heading = match heading {
                MistakesHeading::Mistakes => strings.quiz_mistakes,
                MistakesHeading::NoMistakes => strings.quiz_no_mistakes,
                MistakesHeading::NoWrongAnswers => strings.quiz_no_wrong_answers,
                MistakesHeading::EveryQuestion => strings.exam.every_question,
            };
            lines.push(Line::styled(truncate(heading, width), theme.label));
        }
        let header = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .min(column.height);
        for (row, line) in lines.into_iter().take(header.into()).enumerate() {
            let y = column.y + u16::try_from(row).unwrap_or(u16::MAX);
            line.render(Rect::new(column.x, y, column.width, 1), buf);
        }
        if self.exam.is_some() {
            let rows = exam_rows(self, context);
            let cursor = Cursor {
                selected: self.cursor.selected * 2,
                offset: self.cursor.offset * 2,
            };
            render_rows(&rows, cursor, theme, self.mistakes_area(body), buf);
            return;
        }
        let questions = self.session.questions();
        let rows: Vec<Row> = summary
            .mistakes
            .iter()
            .map(|mistake| {
                let entry = mistake
                    .targets
                    .first()
                    .and_then(|t| context.pack.entry(t.entry))
                    .map_or("", |e| &*e.title);
                let prompt = questions
                    .get(mistake.question)
                    .map(|q| kisi_core::quiz::wording::prompt(&q.prompt, context.lang))
                    .unwrap_or_default();
                Row {
                    text: format!("{entry}: {}", prompt.replace('\n', " ")),
                    detail: String::new(),
                }
            })
            .collect();
        render_rows(&rows, self.cursor, theme, self.mistakes_area(body), buf);
    }

    fn keys(&self, context: &Context) -> Vec<KeyHint> {
        keys(self, context.strings)
    }

    fn mode(&self) -> crate::action::Mode {
        crate::action::Mode::Results
    }
}
