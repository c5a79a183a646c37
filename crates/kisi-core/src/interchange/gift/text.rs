//! GIFT text: escapes, `[format]` markers, finding unescaped signs.

use super::Format;
use crate::interchange::html;

/// The question of a missing-word item: the blank where the answers stood.
pub(super) fn missing_word(before: &str, after: &str) -> String {
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
pub(super) fn marker(text: &str) -> Option<(Format, &str)> {
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
pub(super) fn clean(raw: &str, format: Format) -> String {
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

pub(super) fn unescape(text: &str) -> String {
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
pub(super) fn find(text: &str, from: usize, to: usize, pattern: &str) -> Option<usize> {
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
pub(super) fn find_any(text: &str, from: usize, to: usize, set: &[u8]) -> Option<(usize, u8)> {
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
