//! Plain mode: the quiz on standard input and output, without the TUI, for
//! scripts, screen readers and dumb terminals; review and the mock exam
//! (study.rs) with progress. Above both `quiz` and `progress`.

use std::io::{self, BufRead, Write};
use std::time::Instant;

use crate::content::Pack;
use crate::progress::is_quick;
use crate::quiz::generate::{QuizOptions, generate};
use crate::quiz::grade::{Grade, Outcome};
use crate::quiz::marks::marked_solution;
use crate::quiz::question::{Answer, Body, Question, QuestionKind};
use crate::quiz::session::{Score, Session, Summary};
use crate::quiz::wording::{
    Lang, QuizWords, fill, format_number, given, prompt, score_line, verdict, words,
};

mod study;

pub use study::{PlainExam, hand_in_plain, offer_unfinished, run_plain_exam, run_plain_review};

/// Hears of each answer once its grade is final (after any "I was right"),
/// with whether it came quickly (`progress::is_quick`), to save it as the
/// TUI does.
pub type Recorder<'a> = &'a mut dyn FnMut(&Question, &Grade, bool);

/// Asks a generated quiz on `input`/`output` and returns its summary. Bad
/// replies are explained and asked again; the end of input ends the quiz
/// with the score so far. The last line printed is the score.
///
/// # Errors
/// Reading or writing fails, or `options` names an unknown topic
/// (`InvalidInput`).
pub fn run_plain(
    pack: &Pack,
    options: &QuizOptions,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> io::Result<Summary> {
    run_plain_recorded(pack, options, input, output, &mut |_, _, _| {})
}

/// [`run_plain`], telling `record` of every answer as it is graded.
///
/// # Errors
/// As [`run_plain`].
pub fn run_plain_recorded(
    pack: &Pack,
    options: &QuizOptions,
    input: &mut impl BufRead,
    output: &mut impl Write,
    record: Recorder<'_>,
) -> io::Result<Summary> {
    let questions = generate(pack, options)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))?;
    let w = words(options.lang);
    if questions.is_empty() {
        writeln!(output, "{}", w.no_questions)?;
    }
    let mut session = Session::new(questions);
    if let Some(limit) = options.time_limit {
        session = session.with_time_limit(limit);
    }
    let mut plain = Plain::new(input, output, options.lang);
    plain.ask_session(pack, session, record)
}

impl<'io, R: BufRead, W: Write> Plain<'io, R, W> {
    pub(super) fn new(input: &'io mut R, output: &'io mut W, lang: Lang) -> Self {
        Self {
            input,
            output,
            w: words(lang),
            lang,
            skip_empty: false,
            skipped: false,
        }
    }

    /// "Question 3 of 10" and the question's text.
    pub(super) fn header(&mut self, session: &Session, question: &Question) -> io::Result<()> {
        let number = (session.current_index() + 1).to_string();
        let total = session.questions().len().to_string();
        writeln!(
            self.output,
            "\n{}\n{}",
            fill(
                self.w.question_header,
                &[("number", &number), ("total", &total)]
            ),
            prompt(&question.prompt, self.lang)
        )
    }

    /// Asks every question of `session` with its verdict, then the report.
    pub(super) fn ask_session(
        &mut self,
        pack: &Pack,
        mut session: Session,
        record: Recorder<'_>,
    ) -> io::Result<Summary> {
        let w = self.w;
        let started = Instant::now();
        let plain = self;
        while let Some(question) = session.current().cloned() {
            if session.is_out_of_time(started.elapsed()) {
                writeln!(plain.output, "{}", w.time_up)?;
                break;
            }
            plain.header(&session, &question)?;
            let asked = Instant::now();
            let Some(answer) = plain.ask(&question)? else {
                break;
            };
            let quick = is_quick(question.kind(), asked.elapsed());
            let index = session.current_index();
            let Some(mut grade) = session.submit(answer).cloned() else {
                break;
            };
            if question.kind() != QuestionKind::Flashcard {
                plain.feedback(&question, &grade)?;
            }
            let can_override =
                matches!(question.kind(), QuestionKind::Typed | QuestionKind::ListAll)
                    && matches!(grade.outcome, Outcome::Wrong | Outcome::Partial(_));
            if can_override {
                write!(plain.output, "{}", w.ask_override)?;
                plain.output.flush()?;
                let reply = plain.line()?;
                if reply.as_deref().is_some_and(|r| r.trim() == "!") {
                    session.override_answer(index);
                    grade.outcome = Outcome::Overridden;
                    writeln!(plain.output, "{}", w.overridden)?;
                }
                // Saved before the end of input ends the quiz.
                record(&question, &grade, quick);
                if reply.is_none() {
                    break;
                }
            } else {
                record(&question, &grade, quick);
            }
        }
        let summary = session.summary();
        plain.report(pack, &summary)?;
        Ok(summary)
    }
}

/// Asks one question on `input`/`output` as the plain quiz does (options
/// listed, bad replies explained and asked again) and returns the answer,
/// ungraded: for a client whose questions are graded elsewhere (`kisi join
/// --plain`). `None` at the end of input.
///
/// # Errors
/// Reading or writing fails.
pub fn ask_answer(
    question: &Question,
    lang: Lang,
    input: &mut impl BufRead,
    output: &mut impl Write,
) -> io::Result<Option<Answer>> {
    Plain::new(input, output, lang).ask(question)
}

pub(super) struct Plain<'io, R, W> {
    input: &'io mut R,
    pub(super) output: &'io mut W,
    w: &'static QuizWords,
    pub(super) lang: Lang,
    /// A mock exam: an empty reply leaves the question unanswered.
    pub(super) skip_empty: bool,
    /// The last `ask` gave nothing because the reply was empty.
    pub(super) skipped: bool,
}

fn letter(index: usize) -> String {
    u8::try_from(index)
        .ok()
        .and_then(|i| b'a'.checked_add(i))
        .map_or_else(|| (index + 1).to_string(), |b| char::from(b).to_string())
}

fn letter_index(reply: char, count: usize) -> Option<usize> {
    let c = reply.to_ascii_lowercase();
    let index = usize::from(u8::try_from(c).ok()?.checked_sub(b'a')?);
    (c.is_ascii_lowercase() && index < count).then_some(index)
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// One line of input without its line ending; `None` at end of input.
    fn line(&mut self) -> io::Result<Option<String>> {
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
    }

    /// Asks with `prompt` until `parse` accepts the reply; `None` at end of
    /// input.
    fn ask_until<T>(
        &mut self,
        prompt: &str,
        complaint: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> io::Result<Option<T>> {
        loop {
            write!(self.output, "{prompt}")?;
            self.output.flush()?;
            let Some(reply) = self.line()? else {
                writeln!(self.output)?;
                return Ok(None);
            };
            if self.skip_empty && reply.trim().is_empty() {
                self.skipped = true;
                return Ok(None);
            }
            if let Some(value) = parse(reply.trim()) {
                return Ok(Some(value));
            }
            writeln!(self.output, "{complaint}")?;
        }
    }

    /// The student's answer; `None` at the end of input, or for an empty
    /// reply in a mock exam (then `skipped` is set).
    pub(super) fn ask(&mut self, question: &Question) -> io::Result<Option<Answer>> {
        self.skipped = false;
        let w = self.w;
        match &question.body {
            Body::Choice { options, .. } => {
                for (i, option) in options.iter().enumerate() {
                    writeln!(self.output, "  {}) {option}", letter(i))?;
                }
                let last = letter(options.len().saturating_sub(1));
                let range = [("first", "a"), ("last", last.as_str())];
                let count = options.len();
                self.ask_until(
                    &fill(w.ask_choice, &range),
                    &fill(w.bad_choice, &range),
                    |r| {
                        let mut chars = r.chars();
                        let by_letter = match (chars.next(), chars.next()) {
                            (Some(c), None) => letter_index(c, count),
                            _ => None,
                        };
                        by_letter.or_else(|| {
                            r.parse::<usize>()
                                .ok()
                                .filter(|n| (1..=count).contains(n))
                                .map(|n| n - 1)
                        })
                    },
                )
                .map(|a| a.map(Answer::Choice))
            }
            Body::SelectAll { options, .. } => self.ask_select_all(options),
            Body::TrueFalse { .. } => self
                .ask_until(w.ask_true_false, w.bad_true_false, |r| {
                    let r = r.to_lowercase();
                    if w.true_replies.contains(&r.as_str()) {
                        Some(true)
                    } else if w.false_replies.contains(&r.as_str()) {
                        Some(false)
                    } else {
                        None
                    }
                })
                .map(|a| a.map(Answer::TrueFalse)),
            Body::Typed { .. } => self
                .ask_until(w.ask_typed, w.empty_answer, |r| {
                    (!r.is_empty()).then(|| r.to_owned())
                })
                .map(|a| a.map(Answer::Typed)),
            Body::Ordering { items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    writeln!(self.output, "  {}. {item}", i + 1)?;
                }
                let count = items.len();
                let complaint = fill(w.bad_order, &[("count", &count.to_string())]);
                self.ask_until(w.ask_order, &complaint, |r| parse_order(r, count))
                    .map(|a| a.map(Answer::Ordering))
            }
            Body::Matching { left, right, .. } => self.ask_matching(left, right),
            Body::ListAll { items, .. } => self.ask_list(items.len()),
            Body::Flashcard { back } => self.ask_flashcard(back),
        }
    }

    fn ask_select_all(&mut self, options: &[String]) -> io::Result<Option<Answer>> {
        for (i, option) in options.iter().enumerate() {
            writeln!(self.output, "  {}) {option}", letter(i))?;
        }
        let words = self.lang.select_words();
        let last = letter(options.len().saturating_sub(1));
        let complaint = fill(words.bad, &[("first", "a"), ("last", &last)]);
        let count = options.len();
        self.ask_until(words.ask, &complaint, |r| parse_ticks(r, count))
            .map(|a| a.map(Answer::SelectAll))
    }

    fn ask_matching(&mut self, left: &[String], right: &[String]) -> io::Result<Option<Answer>> {
        let w = self.w;
        for (i, item) in left.iter().enumerate() {
            writeln!(self.output, "  {}. {item}", i + 1)?;
        }
        for (i, item) in right.iter().enumerate() {
            writeln!(self.output, "  {}) {item}", letter(i))?;
        }
        let example: String = (0..left.len()).map(letter).collect();
        let last = letter(right.len().saturating_sub(1));
        let count = left.len().to_string();
        let complaint = fill(
            w.bad_match,
            &[("count", &count), ("first", "a"), ("last", &last)],
        );
        let options = right.len();
        let wanted = left.len();
        self.ask_until(
            &fill(w.ask_match, &[("example", &example)]),
            &complaint,
            |r| {
                let letters: Vec<char> = r
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != ',')
                    .collect();
                (letters.len() == wanted)
                    .then(|| letters.iter().map(|&c| letter_index(c, options)).collect())
                    .flatten()
            },
        )
        .map(|a| a.map(Answer::Matching))
    }

    /// Reads up to `count` items, one per line, until an empty line. The end
    /// of input after some items still grades them.
    fn ask_list(&mut self, count: usize) -> io::Result<Option<Answer>> {
        writeln!(self.output, "{}", self.w.ask_list)?;
        let mut given = Vec::new();
        while given.len() < count {
            write!(self.output, "{}. ", given.len() + 1)?;
            self.output.flush()?;
            match self.line()? {
                None if given.is_empty() => return Ok(None),
                None => break,
                Some(line) if line.trim().is_empty() && given.is_empty() && self.skip_empty => {
                    self.skipped = true;
                    return Ok(None);
                }
                Some(line) if line.trim().is_empty() => break,
                Some(line) => given.push(line.trim().to_owned()),
            }
        }
        Ok(Some(Answer::ListAll(given)))
    }

    fn ask_flashcard(&mut self, back: &str) -> io::Result<Option<Answer>> {
        let w = self.w;
        write!(self.output, "{}", w.ask_flip)?;
        self.output.flush()?;
        if self.line()?.is_none() {
            return Ok(None);
        }
        writeln!(self.output, "{back}")?;
        self.ask_until(w.ask_knew, w.bad_yes_no, |r| {
            let r = r.to_lowercase();
            if w.yes_replies.contains(&r.as_str()) {
                Some(true)
            } else if w.no_replies.contains(&r.as_str()) {
                Some(false)
            } else {
                None
            }
        })
        .map(|a| a.map(|knew| Answer::Flashcard { knew }))
    }

    fn feedback(&mut self, question: &Question, grade: &Grade) -> io::Result<()> {
        let w = self.w;
        writeln!(self.output, "{}", verdict(question, grade, self.lang))?;
        // Which items of an order, pairs or a list were right, each marked.
        if !matches!(grade.outcome, Outcome::Correct | Outcome::Overridden) {
            if let Some(solution) = marked_solution(&question.body, grade) {
                writeln!(self.output, "{}", w.full_answer_marked)?;
                for (k, (right, text)) in solution.iter().enumerate() {
                    let mark = if *right { '✓' } else { '✗' };
                    writeln!(self.output, "  {mark} {}. {text}", k + 1)?;
                }
            } else if question.kind() == QuestionKind::ListAll {
                let given = given(&question.body, grade, self.lang);
                let label = crate::i18n::exam_words(self.lang).your_answer;
                writeln!(self.output, "{label}: {given}")?;
            }
        }
        if !matches!(grade.outcome, Outcome::Correct) {
            writeln!(self.output, "{}", question.explanation)?;
            if let Some(source) = &question.source {
                writeln!(self.output, "{}", fill(w.source, &[("source", source)]))?;
            }
        }
        Ok(())
    }

    fn score_text(&self, score: &Score) -> [String; 2] {
        [
            format_number(score.earned, self.w.decimal_separator),
            score.asked.to_string(),
        ]
    }

    fn report(&mut self, pack: &Pack, summary: &Summary) -> io::Result<()> {
        let w = self.w;
        writeln!(self.output)?;
        if summary.by_topic.len() > 1 {
            for topic in &summary.by_topic {
                let [earned, asked] = self.score_text(&topic.score);
                let title = pack.topic(topic.topic).map_or("", |t| t.title.as_str());
                let values = [("topic", title), ("earned", &earned), ("asked", &asked)];
                writeln!(self.output, "{}", fill(w.topic_line, &values))?;
            }
        }
        let mut review: Vec<&str> = Vec::new();
        for mistake in &summary.mistakes {
            for target in &mistake.targets {
                if let Some(entry) = pack.entry(target.entry)
                    && !review.contains(&&*entry.title)
                {
                    review.push(&entry.title);
                }
            }
        }
        if !review.is_empty() {
            writeln!(self.output, "{}", w.mistakes_header)?;
            for title in review {
                writeln!(self.output, "- {title}")?;
            }
        }
        let line = score_line(&summary.score, self.lang);
        writeln!(self.output, "{line}")?;
        self.output.flush()
    }
}

/// Reads "3 1 2" (or "3,1,2") as a permutation of 1..=count, zero-based.
fn parse_order(reply: &str, count: usize) -> Option<Vec<usize>> {
    let numbers = reply
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<usize>()
                .ok()
                .filter(|n| (1..=count).contains(n))
                .map(|n| n - 1)
        })
        .collect::<Option<Vec<_>>>()?;
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    (sorted == (0..count).collect::<Vec<_>>()).then_some(numbers)
}

/// Reads "a,c", "a c", "ac" or "1,3" as the options ticked, zero-based,
/// ascending; at least one, each among the `count` options.
fn parse_ticks(reply: &str, count: usize) -> Option<Vec<usize>> {
    let mut ticks = Vec::new();
    for token in reply
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
    {
        if let Ok(n) = token.parse::<usize>() {
            ticks.push(n.checked_sub(1).filter(|&i| i < count)?);
        } else {
            for c in token.chars() {
                ticks.push(letter_index(c, count)?);
            }
        }
    }
    ticks.sort_unstable();
    ticks.dedup();
    (!ticks.is_empty()).then_some(ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_must_be_a_permutation() {
        assert_eq!(parse_order("3 1 2", 3), Some(vec![2, 0, 1]));
        assert_eq!(parse_order("3,1, 2", 3), Some(vec![2, 0, 1]));
        assert_eq!(parse_order("3 1 1", 3), None);
        assert_eq!(parse_order("3 1", 3), None);
        assert_eq!(parse_order("4 1 2", 3), None);
        assert_eq!(parse_order("", 3), None);
    }

    #[test]
    fn ticks_are_letters_or_numbers_in_range() {
        assert_eq!(parse_ticks("1,3", 4), Some(vec![0, 2]));
        assert_eq!(parse_ticks("c a", 4), Some(vec![0, 2]));
        assert_eq!(parse_ticks("ca, a", 4), Some(vec![0, 2]));
        assert_eq!(parse_ticks("B", 4), Some(vec![1]));
        assert_eq!(parse_ticks("", 4), None);
        assert_eq!(parse_ticks("5", 4), None);
        assert_eq!(parse_ticks("0", 4), None);
        assert_eq!(parse_ticks("a e", 4), None);
    }

    #[test]
    fn letters_and_numbers() {
        assert_eq!(letter(0), "a");
        assert_eq!(letter_index('C', 4), Some(2));
        assert_eq!(letter_index('e', 4), None);
        assert_eq!(format_number(6.5, ','), "6,5");
        assert_eq!(format_number(7.0, ','), "7");
    }
}
