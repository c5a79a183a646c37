//! `kisi check`'s warnings about valid TOML that does not say what its
//! author meant, found in the text of a topic file:
//! - a `[[entries.points]]` (or any `[entries.…]` table) after
//!   `[[questions]]`: TOML adds it to the last entry, although the questions
//!   seem to have ended the entry;
//! - a line of a `'''` literal string that ends in `\`: only `"""` strings
//!   join lines with it, so the backslash stays in the text.

use std::ops::Range;

use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::i18n::diagnostics::CheckKey;

/// Where the scanner is: in TOML, or in a multi-line string.
#[derive(Clone, Copy, PartialEq, Eq)]
enum In {
    Toml,
    /// `"""`: a backslash at the end of a line joins it with the next.
    Basic,
    /// `'''`: nothing is escaped.
    Literal,
}

impl In {
    fn closer(self) -> &'static str {
        match self {
            In::Basic => "\"\"\"",
            In::Literal | In::Toml => "'''",
        }
    }
}

/// The entry the tables are read into, as the scanner goes.
#[derive(Default)]
struct Entry {
    /// Its `id`, once read.
    id: Option<String>,
    /// The first `[[questions]]` header after it.
    questions: Option<Range<usize>>,
}

/// The warnings for the topic file `file`.
pub(super) fn traps(file: &SourceFile) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut state = In::Toml;
    let mut entry: Option<Entry> = None;
    // Whether the last header is `[[entries]]`: its `id` names the entry.
    let mut in_entry_table = false;
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let mut from = 0;
        if state == In::Toml {
            let trimmed = content.trim_start();
            let at = start + content.len() - trimmed.len();
            if let Some(name) = header(trimmed) {
                let span = at..at + trimmed.trim_end().len();
                in_entry_table = name == "[[entries]]";
                if in_entry_table {
                    entry = Some(Entry::default());
                } else if name == "[[questions]]" {
                    if let Some(entry) = entry.as_mut().filter(|e| e.questions.is_none()) {
                        entry.questions = Some(span);
                    }
                } else if is_entry_part(name)
                    && let Some(Entry {
                        id: Some(id),
                        questions: Some(questions),
                    }) = &entry
                {
                    found.push(points_after_questions(file, span, id, questions.clone()));
                }
                continue;
            }
            if in_entry_table && let Some(entry) = entry.as_mut().filter(|e| e.id.is_none()) {
                entry.id = id_value(trimmed);
            }
        }
        // Through the line: strings opened and closed on it, and the one
        // left open at its end.
        loop {
            let rest = &content[from..];
            if state == In::Toml {
                let Some((i, opened)) = opener(rest) else {
                    break;
                };
                state = opened;
                from += i + 3;
                continue;
            }
            if let Some(i) = rest.find(state.closer()) {
                from += i + 3;
                state = In::Toml;
                continue;
            }
            // TOML allows spaces after a joining backslash; so do authors.
            let kept = rest.trim_end_matches([' ', '\t']);
            if state == In::Literal && ends_in_lone_backslash(kept) {
                let at = start + from + kept.len() - 1;
                found.push(literal_backslash(file, at..at + 1));
            }
            break;
        }
    }
    found
}

/// The header a line of TOML starts with (`[topic]`, `[[entries]]`), without
/// spaces inside the brackets.
fn header(line: &str) -> Option<&'static str> {
    if !line.starts_with('[') {
        return None;
    }
    let close = line.find(']')?;
    let double = line.starts_with("[[");
    let name: String = line[..=close + usize::from(double)]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some(match name.as_str() {
        "[[entries]]" => "[[entries]]",
        "[[questions]]" => "[[questions]]",
        other if other.starts_with("[[entries.") || other.starts_with("[entries.") => "[entries.…]",
        _ => "other",
    })
}

fn is_entry_part(name: &str) -> bool {
    name == "[entries.…]"
}

/// The text of `id = "…"` on a line, if it is one.
fn id_value(line: &str) -> Option<String> {
    let rest = line.strip_prefix("id")?.trim_start().strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let end = value.find(quote)?;
    Some(value[..end].to_owned())
}

/// The first multi-line string opened in `text` outside a one-line string
/// or a comment: where, and which kind.
fn opener(text: &str) -> Option<(usize, In)> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' && q == '"' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '#' => return None,
            '"' if text[i..].starts_with("\"\"\"") => return Some((i, In::Basic)),
            '\'' if text[i..].starts_with("'''") => return Some((i, In::Literal)),
            '"' | '\'' => quote = Some(c),
            _ => {}
        }
    }
    None
}

/// Whether a line ends in one backslash (`\\` is two, a backslash meant).
fn ends_in_lone_backslash(line: &str) -> bool {
    let backslashes = line.chars().rev().take_while(|&c| c == '\\').count();
    backslashes % 2 == 1
}

fn points_after_questions(
    file: &SourceFile,
    span: Range<usize>,
    entry: &str,
    questions: Range<usize>,
) -> Diagnostic {
    file.error(
        span,
        CheckKey::PointsAfterQuestions.with("entry", entry),
        CheckKey::PointsAfterQuestionsLabel.with("entry", entry),
    )
    .with_help(CheckKey::PointsAfterQuestionsHelp)
    .with_related(file.related(questions, CheckKey::PointsAfterQuestionsFirst))
}

fn literal_backslash(file: &SourceFile, span: Range<usize>) -> Diagnostic {
    file.error(
        span,
        CheckKey::LiteralBackslash,
        CheckKey::LiteralBackslashLabel,
    )
    .with_help(CheckKey::LiteralBackslashHelp)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn warn(text: &str) -> Vec<Diagnostic> {
        traps(&SourceFile::new("01-t.toml".into(), text.into()))
    }

    const TOPIC: &str = r#"[topic]
id = "t"
title = "T"

[[entries]]
id = "first"
title = "First"
body = "B"
source = "s"

[[entries]]
id = "second"
title = "Second"
body = "B"
source = "s"

[[entries.points]]
text = "a point of second, in its place"

[[questions]]
id = "q1"
entry = "first"
prompt = "P"
answers = ["x"]

[[entries.points]]
text = "meant for another entry"
"#;

    #[test]
    fn points_after_questions_are_warned_about_naming_the_entry() {
        let found = warn(TOPIC);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        assert_eq!((d.line, d.column), (26, 1));
        assert!(d.message.contains("entry `second`"), "{}", d.message);
        assert_eq!(d.related[0].line, 20);
        assert!(
            d.help
                .as_deref()
                .unwrap()
                .contains("before the first [[questions]]")
        );
    }

    #[test]
    fn points_before_questions_and_headers_in_strings_are_fine() {
        let text = TOPIC.replace(
            "[[entries.points]]\ntext = \"meant for another entry\"\n",
            "explanation = \"\"\"\n[[entries.points]]\n\"\"\"\n",
        );
        assert_eq!(warn(&text), []);
    }

    #[test]
    fn a_line_join_in_a_literal_string_is_warned_about_at_the_backslash() {
        let text = "body = '''one \\\ntwo\nthree \\\\\n'''\nnote = \"\"\"a \\\nb\"\"\"\n";
        let found = warn(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].line, found[0].column), (1, 15));
        assert!(found[0].message.contains("'''literal'''"));
        // Spaces after the backslash do not hide it.
        let spaced = warn("body = '''one \\  \ntwo'''\n");
        assert_eq!((spaced[0].line, spaced[0].column), (1, 15), "{spaced:?}");
        // One line, opened and closed: no line to join.
        assert_eq!(warn("body = '''a \\''' \n"), []);
        // A `'''` in a comment or a one-line string opens nothing.
        assert_eq!(warn("# '''\ntitle = \"'''\"\nx = 1 \\\n"), []);
    }
}
