//! Moodle's GIFT format: questions separated by blank lines, `//` comment
//! lines, an optional `::title::`, the answers in `{…}` (`=` right, `~`
//! wrong, `%50%` weights, `#` feedback, `####` general feedback, `->`
//! pairs, `T`/`F`, `#` numbers), `$CATEGORY:` lines, backslash escapes and
//! `[html]`/`[markdown]`/`[plain]`/`[moodle]` text formats.
//!
//! The reader never fails and never loops back: each question is read once
//! from left to right, and what cannot be read is reported where it is.

use std::ops::Range;

use super::{
    Answer, Item, ItemQuestion, Notice, Parsed, TopicInfo, content_key, file_topic, first_unsafe,
    html, keeps_order, one_line, settle_key, slug, topic_index, unfit,
};
use crate::content::diagnostic::SourceFile;
use crate::i18n::InterchangeWords;
use crate::quiz::wording::fill;

pub const FORMAT: &str = "Moodle GIFT";

/// Reads a GIFT file. `name` is the file as shown in messages.
pub fn parse(name: &str, bytes: &[u8], words: &InterchangeWords) -> Parsed {
    let (text, mut parsed) = super::decode(name, bytes, words, FORMAT);
    let Some(text) = text else {
        return parsed;
    };
    let masked = mask(&text);
    let mut reader = Reader {
        words,
        masked: &masked,
        file: &parsed.file,
        current: file_topic(name),
        items: Vec::new(),
        topics: Vec::new(),
        skipped: Vec::new(),
        notes: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut offset = 0;
    let mut start = None;
    for line in masked.split_inclusive('\n') {
        let blank = text[offset..offset + line.len()].trim().is_empty();
        match (blank, start) {
            (true, Some(from)) => {
                reader.block(from, offset);
                start = None;
            }
            (false, None) => start = Some(offset),
            _ => {}
        }
        offset += line.len();
    }
    if let Some(from) = start {
        reader.block(from, masked.len());
    }
    let Reader {
        items,
        topics,
        skipped,
        notes,
        diagnostics,
        ..
    } = reader;
    parsed.items = items;
    parsed.topics = topics;
    parsed.skipped = skipped;
    parsed.notes = notes;
    parsed.diagnostics = diagnostics;
    parsed
}

/// The text with comment lines, a byte order mark, carriage returns and
/// tabs turned into spaces of the same length, so that offsets into it are
/// offsets into the file.
fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let comment = line
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with("//");
        for c in line.chars() {
            if c == '\n' {
                out.push('\n');
            } else if comment || matches!(c, '\r' | '\t' | '\u{feff}') {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Moodle's own format and `[plain]`/`[markdown]`: kept as written.
    Text,
    Html,
}

/// A numerical answer: a number as written, or a range or tolerance.
enum Number {
    Exact(String),
    Range,
}

/// One answer of a list: its sign, weight, text and feedback.
struct Piece {
    sign: u8,
    /// The offset of the sign (`=`, `~`), or of the text when there is none.
    at: usize,
    /// The raw text, after the weight and before the feedback.
    raw: Range<usize>,
    weight: Option<f64>,
    text: String,
    feedback: Option<String>,
}

struct Reader<'a> {
    words: &'a InterchangeWords,
    masked: &'a str,
    file: &'a SourceFile,
    current: TopicInfo,
    items: Vec<Item>,
    topics: Vec<TopicInfo>,
    skipped: Vec<Notice>,
    notes: Vec<Notice>,
    diagnostics: Vec<crate::content::diagnostic::Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, span: Range<usize>, message: &str, help: &str) {
        let diagnostic = self
            .file
            .error(span, message, self.words.label_here)
            .with_help(help);
        self.diagnostics.push(diagnostic);
    }

    fn notice(&self, at: usize, text: String) -> Notice {
        let (line, column) = self.file.locate(at);
        Notice { line, column, text }
    }

    fn skip(&mut self, at: usize, reason: String) {
        let notice = self.notice(at, reason);
        self.skipped.push(notice);
    }

    fn note(&mut self, at: usize, text: String) {
        let notice = self.notice(at, text);
        self.notes.push(notice);
    }

    /// One block of lines between blank lines: a category, a question, or
    /// only comments.
    fn block(&mut self, from: usize, to: usize) {
        let m = self.masked;
        let start = to - m[from..to].trim_start().len();
        if start >= to {
            return;
        }
        if m[start..to].starts_with("$CATEGORY:") {
            let line_end = m[start..to].find('\n').map_or(to, |i| start + i);
            self.current = category_topic(&m[start + "$CATEGORY:".len()..line_end])
                .unwrap_or_else(|| file_topic(&self.file.name));
            if !m[line_end..to].trim().is_empty() {
                self.block(line_end, to);
            }
            return;
        }
        self.question(start, to);
    }

    fn question(&mut self, start: usize, end: usize) {
        let m = self.masked;
        let words = self.words;
        if let Some(at) = first_unsafe(&m[start..end]) {
            let at = start + at;
            let len = m[at..].chars().next().map_or(1, char::len_utf8);
            self.error(at..at + len, words.unsafe_char, words.unsafe_char_help);
            return;
        }
        let mut pos = start;
        let mut name = None;
        if m[pos..end].starts_with("::") {
            let Some(close) = find(m, pos + 2, end, "::") else {
                self.error(
                    pos..pos + 2,
                    words.title_unclosed,
                    words.title_unclosed_help,
                );
                return;
            };
            name = Some(clean(&m[pos + 2..close], Format::Text)).filter(|n| !n.is_empty());
            pos = close + 2;
        }
        let open = match find_any(m, pos, end, b"{}") {
            None => {
                self.skip(start, words.skip_description.to_owned());
                return;
            }
            Some((at, b'}')) => {
                self.error(at..at + 1, words.stray_close, words.stray_close_help);
                return;
            }
            Some((at, _)) => at,
        };
        let close = match find_any(m, open + 1, end, b"{}") {
            None => {
                self.error(
                    open..open + 1,
                    words.answers_unclosed,
                    words.answers_unclosed_help,
                );
                return;
            }
            Some((at, b'{')) => {
                self.error(at..at + 1, words.nested_open, words.nested_open_help);
                return;
            }
            Some((at, _)) => at,
        };
        match find_any(m, close + 1, end, b"{}") {
            Some((at, b'{')) => {
                self.error(at..at + 1, words.second_block, words.second_block_help);
                return;
            }
            Some((at, _)) => {
                self.error(at..at + 1, words.stray_close, words.stray_close_help);
                return;
            }
            None => {}
        }
        let format = marker(m[pos..open].trim_start()).map_or(Format::Text, |(f, _)| f);
        let before = clean(&m[pos..open], format);
        let after = clean(&m[close + 1..end], format);
        let prompt = if after.is_empty() {
            before
        } else {
            missing_word(&before, &after)
        };
        let mut to = close;
        let general = find(m, open + 1, close, "####").map(|at| {
            to = at;
            clean(&m[at + 4..close], format)
        });
        if m[open + 1..to].trim().is_empty() {
            self.skip(start, words.skip_essay.to_owned());
            return;
        }
        if prompt.is_empty() {
            self.error(open..open + 1, words.empty_text, words.empty_text_help);
            return;
        }
        let Some((answer, feedback)) = self.classify(open, to, format) else {
            return;
        };
        let explanation = general
            .into_iter()
            .filter(|g| !g.is_empty())
            .chain(feedback)
            .collect::<Vec<_>>()
            .join("\n");
        let question = ItemQuestion {
            prompt,
            answer,
            explanation: (!explanation.is_empty()).then_some(explanation),
        };
        self.push_item(start, name.as_deref(), question);
    }

    /// The kind of question the answers in `open + 1..to` make, and its
    /// answer with the feedback given for the answers.
    fn classify(
        &mut self,
        open: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let m = self.masked;
        let from = to - m[open + 1..to].trim_start().len();
        if m[from..to].starts_with('#') {
            self.numeric(open, from + 1, to, format)
        } else if find_any(m, from, to, b"~").is_some() {
            self.choice(open, from, to, format)
        } else if find(m, from, to, "=").is_some() && find(m, from, to, "->").is_some() {
            self.matching(from, to, format)
        } else if let Some(answer) = self.true_false(from, to, format) {
            Some(answer)
        } else {
            self.short(open, from, to, format)
        }
    }

    /// Adds the question that starts at `start`, unless kisi cannot ask it
    /// or it repeats an earlier one.
    fn push_item(&mut self, start: usize, name: Option<&str>, question: ItemQuestion) {
        let words = self.words;
        if let Some(reason) = unfit(&question.answer, words) {
            self.skip(start, reason);
            return;
        }
        let key = name
            .map(|n| slug(n, 60))
            .filter(|k| !k.is_empty())
            .unwrap_or_else(|| content_key(&question.prompt));
        let title = one_line(&question.prompt, 100);
        let topic = topic_index(&mut self.topics, self.current.clone());
        let (line, _) = self.file.locate(start);
        let prompt = question.prompt.clone();
        let mut item = Item {
            topic,
            key,
            title,
            body: None,
            tags: Vec::new(),
            question: Some(question),
            line,
        };
        if let Some(reason) = settle_key(&self.items, &mut item, &prompt, words, &self.file.name) {
            self.skip(start, reason);
            return;
        }
        self.items.push(item);
    }

    /// The answers in `from..to`, each begun by `=` or `~`.
    fn pieces(&mut self, from: usize, to: usize, format: Format) -> Option<Vec<Piece>> {
        let m = self.masked;
        let mut signs = Vec::new();
        let mut at = from;
        while let Some((sign_at, sign)) = find_any(m, at, to, b"=~") {
            signs.push((sign_at, sign));
            at = sign_at + 1;
        }
        let first = signs.first().map_or(to, |&(at, _)| at);
        if !m[from..first].trim().is_empty() {
            let at = first - m[from..first].trim_start().len();
            self.error(
                at..at + 1,
                self.words.unsigned_answer,
                self.words.unsigned_answer_help,
            );
            return None;
        }
        let mut pieces = Vec::with_capacity(signs.len());
        for (index, &(sign_at, sign)) in signs.iter().enumerate() {
            let end = signs.get(index + 1).map_or(to, |&(at, _)| at);
            pieces.push(self.piece(sign, sign_at, sign_at + 1, end, format)?);
        }
        Some(pieces)
    }

    /// One answer: `%weight%`, text, `#feedback`.
    fn piece(
        &mut self,
        sign: u8,
        at: usize,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<Piece> {
        let m = self.masked;
        let mut start = to - m[from..to].trim_start().len();
        let mut weight = None;
        if m[start..to].starts_with('%') {
            let close = m[start + 1..to].find('%').map(|i| start + 1 + i);
            let value = close.and_then(|close| m[start + 1..close].trim().parse::<f64>().ok());
            match (close, value) {
                (Some(close), Some(value)) if (-100.0..=100.0).contains(&value) => {
                    weight = Some(value);
                    start = close + 1;
                }
                _ => {
                    let end = close.map_or(start + 1, |c| c + 1);
                    let shown = &m[start..end];
                    self.error(
                        start..end,
                        &fill(self.words.bad_weight, &[("weight", shown)]),
                        self.words.bad_weight_help,
                    );
                    return None;
                }
            }
        }
        let hash = find(m, start, to, "#");
        let text_end = hash.unwrap_or(to);
        let text = clean(&m[start..text_end], format);
        let feedback = hash
            .map(|h| clean(&m[h + 1..to], format))
            .filter(|f| !f.is_empty());
        if text.is_empty() {
            self.error(
                at..at + 1,
                self.words.empty_answer,
                self.words.empty_answer_help,
            );
            return None;
        }
        Some(Piece {
            sign,
            at,
            raw: start..text_end,
            weight,
            text,
            feedback,
        })
    }

    fn choice(
        &mut self,
        open: usize,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let pieces = self.pieces(from, to, format)?;
        let single = pieces.iter().any(|p| p.sign == b'=');
        let correct: Vec<usize> = if single {
            let right: Vec<usize> = (0..pieces.len())
                .filter(|&i| pieces[i].sign == b'=')
                .collect();
            if let Some(&second) = right.get(1) {
                let at = pieces[second].at;
                self.error(
                    at..at + 1,
                    self.words.several_equal,
                    self.words.several_equal_help,
                );
                return None;
            }
            for piece in pieces.iter().filter(|p| p.sign == b'~') {
                if let Some(weight) = piece.weight.filter(|w| *w > 0.0) {
                    let text = partial(self.words, weight, &piece.text);
                    self.note(piece.at, text);
                }
            }
            right
        } else {
            (0..pieces.len())
                .filter(|&i| pieces[i].weight.is_some_and(|w| w > 0.0))
                .collect()
        };
        if correct.is_empty() {
            self.error(
                open..open + 1,
                self.words.no_right,
                self.words.no_right_help,
            );
            return None;
        }
        let feedback = pieces
            .iter()
            .filter_map(|p| p.feedback.as_ref().map(|f| format!("{}: {f}", p.text)))
            .collect();
        let options: Vec<String> = pieces.into_iter().map(|p| p.text).collect();
        let shuffle = !keeps_order(&options);
        Some((
            Answer::Choice {
                options,
                correct,
                several: !single,
                shuffle,
            },
            feedback,
        ))
    }

    fn matching(
        &mut self,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let m = self.masked;
        let pieces = self.pieces(from, to, format)?;
        let mut pairs = Vec::new();
        for piece in pieces {
            let Some(arrow) = find(m, piece.raw.start, piece.raw.end, "->") else {
                self.error(
                    piece.at..piece.at + 1,
                    self.words.pair_without_arrow,
                    self.words.pair_without_arrow_help,
                );
                return None;
            };
            let left = clean(&m[piece.raw.start..arrow], format);
            let right = clean(&m[arrow + 2..piece.raw.end], format);
            if right.is_empty() {
                self.error(
                    arrow..arrow + 2,
                    self.words.empty_answer,
                    self.words.empty_answer_help,
                );
                return None;
            }
            if left.is_empty() {
                let text = fill(self.words.note_pair_dropped, &[("answer", &right)]);
                self.note(piece.at, text);
            } else {
                pairs.push((left, right));
            }
        }
        Some((Answer::Matching(pairs), Vec::new()))
    }

    /// `T`, `TRUE`, `F` or `FALSE`, then feedback for a wrong and for a
    /// right answer; `None` when the answers are not a truth value.
    fn true_false(
        &mut self,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let m = self.masked;
        let first = find(m, from, to, "#");
        let head = m[from..first.unwrap_or(to)].trim().to_ascii_uppercase();
        let value = match head.as_str() {
            "T" | "TRUE" => true,
            "F" | "FALSE" => false,
            _ => return None,
        };
        let mut feedback = Vec::new();
        if let Some(first) = first {
            let second = find(m, first + 1, to, "#");
            let wrong = clean(&m[first + 1..second.unwrap_or(to)], format);
            if let Some(second) = second {
                let right = clean(&m[second + 1..to], format);
                feedback.extend(Some(right).filter(|r| !r.is_empty()));
            }
            feedback.extend(Some(wrong).filter(|w| !w.is_empty()));
        }
        Some((Answer::TrueFalse(value), feedback))
    }

    fn short(
        &mut self,
        open: usize,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let pieces = self.pieces(from, to, format)?;
        let mut answers = Vec::new();
        let mut feedback = Vec::new();
        for piece in pieces {
            match piece.weight {
                None => {}
                Some(w) if w >= 100.0 => {}
                Some(w) if w > 0.0 => {
                    let text = partial(self.words, w, &piece.text);
                    self.note(piece.at, text);
                    continue;
                }
                Some(_) => continue,
            }
            feedback.extend(piece.feedback);
            answers.push(piece.text);
        }
        if answers.is_empty() {
            self.error(
                open..open + 1,
                self.words.no_right,
                self.words.no_right_help,
            );
            return None;
        }
        Some((Answer::Typed(answers), feedback))
    }

    /// `{#…}`: exact numbers become typed answers; a range or a tolerance
    /// cannot be graded by kisi and skips the question.
    fn numeric(
        &mut self,
        open: usize,
        from: usize,
        to: usize,
        format: Format,
    ) -> Option<(Answer, Vec<String>)> {
        let m = self.masked;
        let pieces = if find_any(m, from, to, b"=~").is_some() {
            self.pieces(from, to, format)?
        } else {
            vec![self.piece(b'=', from, from, to, format)?]
        };
        let mut answers = Vec::new();
        let mut feedback = Vec::new();
        let mut ranged = false;
        for piece in pieces.into_iter().filter(|p| p.sign == b'=') {
            let number = self.number(&piece)?;
            match piece.weight {
                Some(w) if w <= 0.0 => continue,
                Some(w) if w < 100.0 => {
                    let text = partial(self.words, w, &piece.text);
                    self.note(piece.at, text);
                    continue;
                }
                _ => {}
            }
            match number {
                Number::Exact(number) => {
                    feedback.extend(piece.feedback);
                    answers.push(number);
                }
                Number::Range => ranged = true,
            }
        }
        if ranged {
            self.skip(open, self.words.skip_numeric_range.to_owned());
            return None;
        }
        if answers.is_empty() {
            self.error(
                open..open + 1,
                self.words.no_right,
                self.words.no_right_help,
            );
            return None;
        }
        Some((Answer::Typed(answers), feedback))
    }

    /// The number of a numerical answer; a diagnostic and `None` when it is
    /// not a number.
    fn number(&mut self, piece: &Piece) -> Option<Number> {
        let text = piece.text.trim();
        let is_number = |t: &str| t.trim().parse::<f64>().is_ok_and(f64::is_finite);
        let (value, exact) = if let Some((low, high)) = text.split_once("..") {
            (low.trim(), low.trim() == high.trim() && is_number(high))
        } else if let Some((value, tolerance)) = text.split_once(':') {
            let zero = tolerance.trim().parse::<f64>().ok();
            if zero.is_none() {
                self.bad_number(piece, tolerance.trim());
                return None;
            }
            (value.trim(), zero == Some(0.0))
        } else {
            (text, true)
        };
        if !is_number(value) {
            self.bad_number(piece, value);
            return None;
        }
        Some(if exact {
            Number::Exact(value.to_owned())
        } else {
            Number::Range
        })
    }

    fn bad_number(&mut self, piece: &Piece, text: &str) {
        let span = piece.raw.clone();
        self.error(
            span,
            &fill(self.words.bad_number, &[("text", text)]),
            self.words.bad_number_help,
        );
    }
}

fn partial(words: &InterchangeWords, weight: f64, answer: &str) -> String {
    fill(
        words.note_partial_dropped,
        &[("weight", &weight.to_string()), ("answer", answer)],
    )
}

/// `$CATEGORY: $course$/top/Bab 1/Sub` as a topic: the path without
/// Moodle's `$…$` and `top` parts (`//` is a slash in a name), `None` when
/// nothing is left.
fn category_topic(path: &str) -> Option<TopicInfo> {
    let mut parts = vec![String::new()];
    let mut chars = path.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                chars.next();
                if let Some(part) = parts.last_mut() {
                    part.push('/');
                }
            }
            '/' => parts.push(String::new()),
            _ => {
                if let Some(part) = parts.last_mut() {
                    part.push(c);
                }
            }
        }
    }
    let parts: Vec<String> = parts
        .iter()
        .map(|part| clean(part, Format::Text))
        .filter(|part| {
            !part.is_empty() && part != "top" && !(part.starts_with('$') && part.ends_with('$'))
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    let title = one_line(&parts.join(" / "), 100);
    let id = slug(&parts.join(" "), 60);
    let id = if id.is_empty() {
        format!("topik-{}", super::short_hash(&title))
    } else {
        id
    };
    Some(TopicInfo { id, title })
}

/// The question of a missing-word item: the blank where the answers stood.
fn missing_word(before: &str, after: &str) -> String {
    let mut prompt = before.to_owned();
    if !prompt.is_empty() {
        prompt.push(' ');
    }
    prompt.push_str("_____");
    if !after.starts_with(['.', ',', ';', ':', '!', '?', ')']) {
        prompt.push(' ');
    }
    prompt.push_str(after);
    prompt
}

/// A `[format]` marker at the start of `text`, and the text after it.
fn marker(text: &str) -> Option<(Format, &str)> {
    [
        ("[html]", Format::Html),
        ("[markdown]", Format::Text),
        ("[plain]", Format::Text),
        ("[moodle]", Format::Text),
    ]
    .iter()
    .find_map(|(name, format)| text.strip_prefix(name).map(|rest| (*format, rest)))
}

/// A piece of GIFT as text: its own `[format]` marker honoured, white space
/// collapsed, escapes resolved, HTML reduced to text.
fn clean(raw: &str, format: Format) -> String {
    let raw = raw.trim_start();
    let (format, raw) = marker(raw).unwrap_or((format, raw));
    let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = unescape(&collapsed);
    match format {
        Format::Html => html::to_text(&text),
        Format::Text => text
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned(),
    }
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(e @ ('\\' | '~' | '=' | '#' | '{' | '}' | ':')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The offset of the first `pattern` in `text[from..to]` that no backslash
/// escapes.
fn find(text: &str, from: usize, to: usize, pattern: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < to {
        if bytes[at] == b'\\' {
            at += 2;
            continue;
        }
        if bytes[at..to].starts_with(pattern.as_bytes()) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// The first unescaped byte of `set` in `text[from..to]`, and which.
fn find_any(text: &str, from: usize, to: usize, set: &[u8]) -> Option<(usize, u8)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < to {
        if bytes[at] == b'\\' {
            at += 2;
            continue;
        }
        if set.contains(&bytes[at]) {
            return Some((at, bytes[at]));
        }
        at += 1;
    }
    None
}

/// A GIFT question for `answer`, with `\`-escapes where GIFT needs them;
/// the inverse of [`parse`] for what kisi holds.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::i18n::Lang;

    fn read(text: &str) -> Parsed {
        parse("bank.gift", text.as_bytes(), Lang::En.interchange_words())
    }

    fn one(text: &str) -> ItemQuestion {
        let parsed = read(text);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.items.len(), 1, "{parsed:?}");
        parsed.items[0].question.clone().unwrap()
    }

    #[test]
    fn escapes_and_unescapes_are_inverse() {
        let text = "a = b ~ c # d {e} f: g \\ h\nnext";
        assert_eq!(unescape(&escape(text)), text);
    }

    #[test]
    fn masking_keeps_offsets() {
        let text = "\u{feff}// é comment\r\nQ {T}\r\n";
        let masked = mask(text);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked.trim(), "Q {T}");
    }

    #[test]
    fn a_multiple_choice_question_keeps_its_right_answer_and_feedback() {
        let q = one("::Q2:: What's between orange and green in the spectrum?\n\
                     { =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }");
        assert_eq!(q.prompt, "What's between orange and green in the spectrum?");
        let Answer::Choice {
            options,
            correct,
            several,
            shuffle,
        } = &q.answer
        else {
            panic!("{q:?}")
        };
        assert_eq!(options, &["yellow", "red", "blue"]);
        assert_eq!(correct, &[0]);
        assert!(!several && *shuffle);
        let explanation = q.explanation.unwrap();
        assert!(
            explanation.contains("yellow: right; good!"),
            "{explanation}"
        );
        assert!(
            explanation.contains("red: wrong, it's yellow"),
            "{explanation}"
        );
    }

    #[test]
    fn weights_without_an_equal_sign_make_several_right_answers() {
        let q = one("What two people are entombed in Grant's tomb? {\n\
                     ~%-100%No one\n~%50%Grant\n~%50%Grant's wife\n~%-100%Grant's father\n}");
        assert_eq!(
            q.answer,
            Answer::Choice {
                options: vec![
                    "No one".into(),
                    "Grant".into(),
                    "Grant's wife".into(),
                    "Grant's father".into()
                ],
                correct: vec![1, 2],
                several: true,
                shuffle: true,
            }
        );
    }

    #[test]
    fn true_false_short_answer_matching_and_missing_word() {
        let tf = one("Grant was buried in a tomb in New York City.{T#No, he was.#Yes.}");
        assert_eq!(tf.answer, Answer::TrueFalse(true));
        assert_eq!(tf.explanation.as_deref(), Some("Yes.\nNo, he was."));
        assert_eq!(
            one("The sun rises in the west.{FALSE}").answer,
            Answer::TrueFalse(false)
        );
        let short = one("Who's buried in Grant's tomb?{=Grant =Ulysses S. Grant =Ulysses Grant}");
        assert_eq!(
            short.answer,
            Answer::Typed(vec![
                "Grant".into(),
                "Ulysses S. Grant".into(),
                "Ulysses Grant".into()
            ])
        );
        let matching = one(
            "Match the following countries with their corresponding capitals. {\n\
             =Canada -> Ottawa\n=Italy  -> Rome\n=Japan  -> Tokyo\n=India  -> New Delhi\n}",
        );
        assert_eq!(
            matching.answer,
            Answer::Matching(vec![
                ("Canada".into(), "Ottawa".into()),
                ("Italy".into(), "Rome".into()),
                ("Japan".into(), "Tokyo".into()),
                ("India".into(), "New Delhi".into()),
            ])
        );
        let missing = one("Moodle costs {~lots of money =nothing ~a small amount} to download.");
        assert_eq!(missing.prompt, "Moodle costs _____ to download.");
        let two = one("Two plus {=two =2} equals four.");
        assert_eq!(two.prompt, "Two plus _____ equals four.");
        assert_eq!(two.answer, Answer::Typed(vec!["two".into(), "2".into()]));
    }

    #[test]
    fn numbers_exact_become_typed_answers_ranges_are_skipped() {
        assert_eq!(
            one("When was Ulysses S. Grant born?{#1822}").answer,
            Answer::Typed(vec!["1822".into()])
        );
        assert_eq!(
            one("When was Grant born? {#=1822:0 =%50%1822:2}").answer,
            Answer::Typed(vec!["1822".into()])
        );
        let parsed = read(
            "What is the value of pi (to 3 decimal places)? {#3.1415:0.0005}.\n\n\
                           What is a number from 1 to 5? {#1..5}",
        );
        assert!(parsed.items.is_empty());
        assert_eq!(parsed.skipped.len(), 2, "{parsed:?}");
        assert_eq!((parsed.skipped[1].line, parsed.skipped[1].column), (3, 31));
    }

    #[test]
    fn escapes_formats_categories_and_comments() {
        let parsed = read(
            "// a comment {not an answer}\n$CATEGORY: $course$/top/Bab 1\\: Dasar\n\n\
             ::Q\\:1:: [html]<p>1 + 2 \\= ? <b>Pilih</b>&amp;jawab</p>{\n// comment inside\n=3 ~4 ~\\{5\\}}\n\n\
             $CATEGORY: $course$/Bab 2\n\n[markdown]Is *this* true?{T}",
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.topics.len(), 2);
        assert_eq!(parsed.topics[0].title, "Bab 1: Dasar");
        assert_eq!(parsed.topics[0].id, "bab-1-dasar");
        let first = &parsed.items[0];
        assert_eq!(first.key, "q-1");
        assert_eq!(first.line, 4);
        let q = first.question.as_ref().unwrap();
        assert_eq!(q.prompt, "1 + 2 = ? Pilih&jawab");
        let Answer::Choice { options, .. } = &q.answer else {
            panic!()
        };
        assert_eq!(options, &["3", "4", "{5}"]);
        assert_eq!(parsed.items[1].topic, 1);
        assert_eq!(
            parsed.items[1].question.as_ref().unwrap().prompt,
            "Is *this* true?"
        );
    }

    #[test]
    fn essays_and_descriptions_are_skipped_with_their_line() {
        let parsed = read(
            "Write a short biography of Dag Hammarskjöld. {}\n\n\
                           You can use your pencil and paper for these next math questions.",
        );
        assert!(parsed.items.is_empty());
        let lines: Vec<usize> = parsed.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, [1, 3]);
    }

    #[test]
    fn malformed_constructs_are_reported_where_they_are() {
        let cases = [
            ("::Q1 What? {T}", (1, 1), "title"),
            ("What? {=a ~b", (1, 7), "not closed"),
            ("What? } {T}", (1, 7), "without an opening"),
            ("What? {=a {b} }", (1, 11), "inside"),
            ("What? {=a ~%x%b}", (1, 12), "weight"),
            ("What? {~a ~b}", (1, 7), "no answer is right"),
            ("What? {=a =b ~c}", (1, 11), "more than one"),
            ("What? {#abc}", (1, 9), "not a number"),
            ("What? {=a -> b =c}", (1, 16), "without `->`"),
            ("What? {yes}", (1, 8), "without `=` or `~`"),
            ("What? {=a ~ }", (1, 11), "empty"),
            ("{T}", (1, 1), "without text"),
            ("Wh\u{202e}at? {T}", (1, 3), "control or invisible"),
        ];
        for (text, place, message) in cases {
            let parsed = read(text);
            assert!(parsed.items.is_empty(), "{text}");
            let d = parsed
                .diagnostics
                .first()
                .unwrap_or_else(|| panic!("no diagnostic for {text}"));
            assert_eq!((d.line, d.column), place, "{text}: {d:?}");
            assert!(d.message.contains(message), "{text}: {}", d.message);
            assert!(d.help.is_some(), "{text}");
        }
    }

    #[test]
    fn names_and_texts_give_stable_distinct_keys() {
        let parsed =
            read("::Same:: A? {T}\n\n::Same:: B? {F}\n\nNo name here? {T}\n\n::Same:: A? {T}");
        let keys: Vec<&str> = parsed.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[0], "same");
        assert!(keys[1].starts_with("same-"));
        assert!(keys[2].starts_with("no-name-here-"));
        // The exact repeat is reported, not imported twice.
        assert_eq!(parsed.skipped.len(), 1);
        assert_eq!(read("No name here? {T}").items[0].key, keys[2]);
    }
}
