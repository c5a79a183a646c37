//! Flashcards as plain text, the way Anki ("Notes in Plain Text") and
//! Quizlet export them: one card a line, front and back separated by a tab
//! or a chosen separator, fields in `"…"` when they hold the separator or a
//! line break. Anki's file headers at the top are honoured: `#separator:`,
//! `#html:`, `#deck:`, `#tags column:`, `#guid column:`, `#deck column:`,
//! `#notetype column:`. Each card becomes an entry: the front its title,
//! the back its text.

use std::ops::Range;

use super::{
    Item, Notice, Parsed, TopicInfo, content_key, file_topic, first_unsafe, html, one_line,
    settle_key, slug, topic_index,
};
use crate::i18n::InterchangeWords;

pub const ANKI: &str = "Anki";
pub const CSV: &str = "CSV";

/// How the file is to be read, before its headers say more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardOptions {
    pub separator: char,
    /// The name of the format, for citations: [`ANKI`] or [`CSV`].
    pub format: &'static str,
}

/// A separator as written on the command line or in an Anki header.
pub fn separator(name: &str) -> Option<char> {
    match name.trim().to_ascii_lowercase().as_str() {
        "tab" | "\\t" => Some('\t'),
        "comma" => Some(','),
        "semicolon" => Some(';'),
        "pipe" => Some('|'),
        "space" => Some(' '),
        "colon" => Some(':'),
        _ => {
            let mut chars = name.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c != '"' && c != '\n' => Some(c),
                _ => None,
            }
        }
    }
}

/// What the headers say.
struct Headers {
    separator: char,
    html: bool,
    deck: Option<TopicInfo>,
    /// 0-based columns.
    tags: Option<usize>,
    guid: Option<usize>,
    deck_column: Option<usize>,
    notetype: Option<usize>,
}

/// Reads a flashcard file. `name` is the file as shown in messages.
pub fn parse(name: &str, bytes: &[u8], words: &InterchangeWords, options: CardOptions) -> Parsed {
    let (text, mut parsed) = super::decode(name, bytes, words, options.format);
    let Some(text) = text else {
        return parsed;
    };
    let mut headers = Headers {
        separator: options.separator,
        html: false,
        deck: None,
        tags: None,
        guid: None,
        deck_column: None,
        notetype: None,
    };
    let mut at = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
    // Anki's headers; a line that starts with `#` but is none is a card.
    while text[at..].starts_with('#') {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        if !header(&mut headers, text[at + 1..end].trim()) {
            break;
        }
        at = end;
    }
    let default_topic = headers.deck.clone().unwrap_or_else(|| file_topic(name));
    while at < text.len() {
        let (fields, end) = match record(&text, at, headers.separator) {
            Ok(record) => record,
            Err(quote) => {
                let d = parsed
                    .file
                    .error(
                        quote..quote + 1,
                        words.card_quote_unclosed,
                        words.label_here,
                    )
                    .with_help(words.card_quote_unclosed_help);
                parsed.diagnostics.push(d);
                break;
            }
        };
        let start = at;
        at = end;
        if fields.iter().all(|f| text[f.clone()].trim().is_empty()) {
            continue;
        }
        card(
            &mut parsed,
            &text,
            start,
            &fields,
            &headers,
            &default_topic,
            words,
        );
    }
    parsed
}

/// Reads one header line; whether it is one of Anki's headers.
fn header(headers: &mut Headers, line: &str) -> bool {
    let Some((key, value)) = line.split_once(':') else {
        return false;
    };
    let column = || {
        value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
    };
    match key.trim().to_ascii_lowercase().as_str() {
        "separator" => {
            if let Some(c) = separator(value) {
                headers.separator = c;
            }
        }
        "html" => headers.html = value.trim().eq_ignore_ascii_case("true"),
        "deck" => headers.deck = deck_topic(value),
        "tags column" => headers.tags = column(),
        "guid column" => headers.guid = column(),
        "deck column" => headers.deck_column = column(),
        "notetype column" => headers.notetype = column(),
        "notetype" | "columns" | "tags" | "if matches" => {}
        _ => return false,
    }
    true
}

/// An Anki deck (`Kuliah::Bab 1`) as a topic.
fn deck_topic(deck: &str) -> Option<TopicInfo> {
    let title = deck
        .split("::")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    let id = slug(&title, 60);
    (!title.is_empty()).then(|| TopicInfo {
        id: if id.is_empty() {
            format!("dek-{}", super::short_hash(&title))
        } else {
            id
        },
        title: one_line(&title, 100),
    })
}

/// The fields of the record at `at` (byte ranges, quotes included) and where
/// the next record starts; `Err` with the offset of a quote never closed.
fn record(text: &str, mut at: usize, separator: char) -> Result<(Vec<Range<usize>>, usize), usize> {
    let mut fields = Vec::new();
    loop {
        let start = at;
        if text[at..].starts_with('"') {
            let mut end = at + 1;
            loop {
                match text[end..].find('"') {
                    None => return Err(start),
                    Some(i) if text[end + i + 1..].starts_with('"') => end += i + 2,
                    Some(i) => {
                        end += i + 1;
                        break;
                    }
                }
            }
            // Anything after the closing quote up to the separator belongs to
            // the field, as spreadsheets read it.
            at = end;
        }
        let stop = text[at..]
            .find([separator, '\n'])
            .map_or(text.len(), |i| at + i);
        fields.push(start..stop);
        if stop >= text.len() {
            return Ok((fields, text.len()));
        }
        let next = stop + text[stop..].chars().next().map_or(1, char::len_utf8);
        if text[stop..].starts_with('\n') {
            return Ok((fields, next));
        }
        at = next;
    }
}

/// A field's text: quotes removed, `""` as `"`, HTML reduced when the file
/// says it is HTML, white space tidied.
fn field(raw: &str, html: bool) -> String {
    let raw = raw.trim_end_matches('\r');
    let text = match raw.strip_prefix('"') {
        Some(quoted) => {
            let close = quoted.rfind('"').unwrap_or(quoted.len());
            format!(
                "{}{}",
                &quoted[..close],
                &quoted[(close + 1).min(quoted.len())..]
            )
            .replace("\"\"", "\"")
        }
        None => raw.to_owned(),
    };
    let text = if html { html::to_text(&text) } else { text };
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn card(
    parsed: &mut Parsed,
    text: &str,
    start: usize,
    fields: &[Range<usize>],
    headers: &Headers,
    default_topic: &TopicInfo,
    words: &InterchangeWords,
) {
    let error = |parsed: &mut Parsed, span: Range<usize>, message: &str, help: &str| {
        let d = parsed
            .file
            .error(span, message, words.label_here)
            .with_help(help);
        parsed.diagnostics.push(d);
    };
    let record = fields.first().map_or(start, |f| f.start)..fields.last().map_or(start, |f| f.end);
    if let Some(bad) = first_unsafe(&text[record.clone()]) {
        let bad = record.start + bad;
        error(
            parsed,
            bad..bad + 1,
            words.unsafe_char,
            words.unsafe_char_help,
        );
        return;
    }
    let special = [
        headers.tags,
        headers.guid,
        headers.deck_column,
        headers.notetype,
    ];
    let content: Vec<String> = fields
        .iter()
        .enumerate()
        .filter(|(i, _)| !special.contains(&Some(*i)))
        .map(|(_, f)| field(&text[f.clone()], headers.html))
        .collect();
    let (Some(front), Some(back)) = (
        content.first().filter(|f| !f.is_empty()),
        content.get(1).filter(|b| !b.is_empty()),
    ) else {
        error(
            parsed,
            record,
            words.card_one_field,
            words.card_one_field_help,
        );
        return;
    };
    let column = |index: Option<usize>| {
        index
            .and_then(|i| fields.get(i))
            .map(|f| field(&text[f.clone()], false))
            .filter(|v| !v.is_empty())
    };
    let topic = column(headers.deck_column)
        .and_then(|deck| deck_topic(&deck))
        .unwrap_or_else(|| default_topic.clone());
    let tags = column(headers.tags)
        .map(|t| t.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default();
    let key = match column(headers.guid) {
        Some(guid) => format!("kartu-{:016x}", xxhash_rust::xxh3::xxh3_64(guid.as_bytes())),
        None => content_key(front),
    };
    let title = one_line(front, 100);
    // A long front is cut in the title, so it stays whole in the text.
    let body = if title.ends_with('…') || front.contains('\n') {
        format!("{front}\n\n{back}")
    } else {
        back.clone()
    };
    let (line, column_at) = parsed.file.locate(start);
    let topic = topic_index(&mut parsed.topics, topic);
    let mut item = Item {
        topic,
        key,
        title,
        body: Some(body),
        tags,
        question: None,
        line,
    };
    if let Some(text) = settle_key(
        &parsed.items,
        &mut parsed.keys,
        &mut item,
        front,
        words,
        &parsed.file.name,
    ) {
        parsed.skipped.push(Notice {
            line,
            column: column_at,
            text,
        });
        return;
    }
    parsed.items.push(item);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::i18n::Lang;

    fn read(text: &str, separator: char) -> Parsed {
        let options = CardOptions {
            separator,
            format: ANKI,
        };
        parse(
            "kartu.txt",
            text.as_bytes(),
            Lang::En.interchange_words(),
            options,
        )
    }

    #[test]
    fn an_anki_export_with_headers() {
        let parsed = read(
            "#separator:tab\n#html:true\n#deck:Kuliah::Bab 1\n#guid column:1\n#tags column:4\n\
             f8Gk2*l#Z\tklien\t<b>Orang</b> yang &quot;dibantu&quot;<br>pekerja sosial\tistilah bab1\n\
             Q9x!\t\"broker; penghubung\"\t\"menghubungkan\nklien dengan sumber\"\tperan\n",
            ',',
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.topics[0].title, "Kuliah / Bab 1");
        assert_eq!(parsed.topics[0].id, "kuliah-bab-1");
        let first = &parsed.items[0];
        assert_eq!(first.title, "klien");
        assert_eq!(
            first.body.as_deref(),
            Some("Orang yang \"dibantu\"\npekerja sosial")
        );
        assert_eq!(first.tags, ["istilah", "bab1"]);
        assert!(first.key.starts_with("kartu-"));
        let second = &parsed.items[1];
        assert_eq!(second.title, "broker; penghubung");
        assert_eq!(
            second.body.as_deref(),
            Some("menghubungkan\nklien dengan sumber")
        );
        assert_eq!(second.line, 7);
        // The GUID, not the text, makes the key: an edited card keeps it.
        let edited = read("#guid column:1\nf8Gk2*l#Z\tklien (baru)\tteks baru\n", '\t');
        assert_eq!(edited.items[0].key, first.key);
    }

    #[test]
    fn a_quizlet_export_and_bad_lines() {
        let parsed = read(
            "sel\tunit terkecil makhluk hidup\nDNA\tasam deoksiribonukleat\n",
            '\t',
        );
        assert_eq!(parsed.items.len(), 2);
        assert_eq!(parsed.items[1].title, "DNA");
        let parsed = read("a,b\nonly one\n\"open,x\n", ',');
        assert_eq!(parsed.items.len(), 1);
        let places: Vec<(usize, usize)> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column))
            .collect();
        assert_eq!(places, [(2, 1), (3, 1)]);
    }

    #[test]
    fn a_line_starting_with_a_hash_that_is_no_header_is_a_card() {
        let parsed = read("#separator:tab\n#hashtag\tsebuah tanda pagar\n", ',');
        assert_eq!(parsed.items.len(), 1);
        assert_eq!(parsed.items[0].title, "#hashtag");
    }

    #[test]
    fn separators_by_name() {
        assert_eq!(separator("tab"), Some('\t'));
        assert_eq!(separator("Semicolon"), Some(';'));
        assert_eq!(separator("|"), Some('|'));
        assert_eq!(separator("ab"), None);
    }
}
