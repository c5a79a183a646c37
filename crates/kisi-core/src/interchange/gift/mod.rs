//! Moodle's GIFT format: questions separated by blank lines, `//` comment
//! lines, an optional `::title::`, the answers in `{…}` (`=` right, `~`
//! wrong, `%50%` weights, `#` feedback, `####` general feedback, `->`
//! pairs, `T`/`F`, `#` numbers), `$CATEGORY:` lines, backslash escapes and
//! `[html]`/`[markdown]`/`[plain]`/`[moodle]` text formats.
//!
//! The reader never fails and never loops back: each question is read once
//! from left to right, and what cannot be read is reported where it is.

mod answers;
#[cfg(test)]
mod tests;
mod text;

use std::ops::Range;

use super::{
    Answer, Item, ItemQuestion, Keys, Notice, Parsed, TopicInfo, content_key, file_topic,
    first_unsafe, one_line, settle_key, slug, topic_index, unfit,
};
use crate::content::diagnostic::SourceFile;
use crate::i18n::InterchangeWords;
use crate::quiz::wording::fill;
pub use text::escape;
use text::{clean, find, find_any, marker, missing_word};

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
        keys: Keys::new(),
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
    keys: Keys,
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
        if let Some(reason) = settle_key(
            &self.items,
            &mut self.keys,
            &mut item,
            &prompt,
            words,
            &self.file.name,
        ) {
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
