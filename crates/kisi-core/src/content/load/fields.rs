//! Typed access to the fields of a parsed TOML table, reporting every problem
//! (unknown field, missing field, wrong type, empty text, control codes) with
//! the span it concerns.

use std::fmt::Display;
use std::ops::{Range, RangeInclusive};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::content::diagnostic::{Arg, Diagnostic, Msg, SourceFile};
use crate::i18n::diagnostics::{Key, LoadKey, ThemeKey};
use crate::text::{is_unsafe, printable_line};

/// Fields shown on one line (a title, an id, a label): a line break in them
/// would break `kisi list` and every list on screen.
const SINGLE_LINE: &[&str] = &[
    "id",
    "title",
    "language",
    "version",
    "authors",
    "label",
    "source",
    "see_also",
    "entry",
    "topic",
    "kind",
    "aliases",
    "tags",
    "english",
    "locator",
    "url",
    "en",
    "also",
    "distractors",
    "pairs",
];

/// A text value with the span of its TOML value.
#[derive(Debug, Clone)]
pub(super) struct Text {
    pub value: String,
    pub span: Range<usize>,
}

/// A number value with the span of its TOML value.
#[derive(Debug, Clone)]
pub(super) struct Number<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// One table being read, e.g. an `[[entries]]` item: where it is and how to
/// name it in messages.
pub(super) struct Table<'t, 'i> {
    pub map: &'t DeTable<'i>,
    pub span: Range<usize>,
    pub name: TableName,
}

/// How a table is named in messages: as written in TOML (`[[entries]]`),
/// or in words (a topic file's root).
#[derive(Debug, Clone, Copy)]
pub(super) enum TableName {
    Written(&'static str),
    Words(Key),
}

impl From<&'static str> for TableName {
    fn from(name: &'static str) -> Self {
        TableName::Written(name)
    }
}

impl From<LoadKey> for TableName {
    fn from(key: LoadKey) -> Self {
        TableName::Words(key.into())
    }
}

impl From<ThemeKey> for TableName {
    fn from(key: ThemeKey) -> Self {
        TableName::Words(key.into())
    }
}

impl From<TableName> for Arg {
    fn from(name: TableName) -> Self {
        match name {
            TableName::Written(name) => Arg::from(name),
            TableName::Words(key) => Arg::from(key),
        }
    }
}

impl Table<'_, '_> {
    /// The span of the key `key`, if the table has it.
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.map.get_key_value(key).map(|(k, _)| k.span())
    }
}

/// Collects the diagnostics of one file.
pub(super) struct Checker<'f> {
    pub file: &'f SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'f> Checker<'f> {
    pub fn new(file: &'f SourceFile) -> Self {
        Self {
            file,
            diagnostics: Vec::new(),
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Reports every key of `table` that is not in `known`.
    pub fn unknown_fields(&mut self, table: &Table<'_, '_>, known: &[&str]) {
        for (key, _) in table.map {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let help = match closest(name, known.iter().copied()) {
                Some(close) => LoadKey::DidYouMean.with("close", close),
                None => LoadKey::FieldsOf
                    .with("table", table.name)
                    .with("fields", known.join(", ")),
            };
            self.push(
                self.file
                    .error(
                        key.span(),
                        LoadKey::UnknownField
                            .with("name", printable_line(name).into_owned())
                            .with("table", table.name),
                        LoadKey::UnknownFieldLabel,
                    )
                    .with_help(help),
            );
        }
    }

    fn missing(&mut self, table: &Table<'_, '_>, key: &str, example: &str) {
        self.push(
            self.file
                .error(
                    table.span.clone(),
                    LoadKey::MissingField
                        .with("key", key)
                        .with("table", table.name),
                    LoadKey::MissingFieldLabel.with("key", key),
                )
                .with_help(
                    LoadKey::MissingFieldHelp
                        .with("key", key)
                        .with("example", example),
                ),
        );
    }

    fn wrong_type(&mut self, value: &Spanned<DeValue<'_>>, key: &str, expected: impl Into<Msg>) {
        let diagnostic = self.type_error(value, key, expected);
        self.push(diagnostic);
    }

    /// The error for a value of the wrong type; its help may be replaced
    /// where the general one is not specific enough.
    pub fn type_error(
        &self,
        value: &Spanned<DeValue<'_>>,
        key: &str,
        expected: impl Into<Msg>,
    ) -> Diagnostic {
        let expected = expected.into();
        let found = article(value.get_ref().type_str());
        self.file
            .error(
                value.span(),
                LoadKey::WrongType
                    .with("expected", expected.clone())
                    .with("found", found)
                    .with("key", key),
                LoadKey::ThisIs.with("found", found),
            )
            .with_help(LoadKey::WriteAs.with("key", key).with("expected", expected))
    }

    /// A required string field that must not be empty.
    pub fn required_text(&mut self, table: &Table<'_, '_>, key: &str) -> Option<Text> {
        let Some(value) = table.map.get(key) else {
            self.missing(table, key, "\"...\"");
            return None;
        };
        self.text_value(value, key, false)
    }

    /// An optional string field; when present it must not be empty.
    pub fn optional_text(&mut self, table: &Table<'_, '_>, key: &str) -> Option<Text> {
        table
            .map
            .get(key)
            .and_then(|value| self.text_value(value, key, false))
    }

    pub fn optional_bool(&mut self, table: &Table<'_, '_>, key: &str) -> Option<bool> {
        let value = table.map.get(key)?;
        if let Some(b) = value.get_ref().as_bool() {
            Some(b)
        } else {
            self.wrong_type(value, key, LoadKey::ABoolean);
            None
        }
    }

    /// An optional list of strings; when present it must not be empty.
    pub fn optional_text_list(&mut self, table: &Table<'_, '_>, key: &str) -> Vec<Text> {
        let Some(value) = table.map.get(key) else {
            return Vec::new();
        };
        let Some(items) = self.non_empty_array(value, key) else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.text_value(item, key, true))
            .collect()
    }

    /// The tables of an array of tables (`[[key]]` or `key = [{...}]`).
    /// `Ok(None)` when the key is absent; `Err` when it is present but wrong.
    pub fn table_list<'t, 'i>(
        &mut self,
        table: &Table<'t, 'i>,
        key: &str,
        name: &'static str,
    ) -> Result<Option<Vec<Table<'t, 'i>>>, ()> {
        let Some(value) = table.map.get(key) else {
            return Ok(None);
        };
        let items = self.non_empty_array(value, key).ok_or(())?;
        let mut tables = Vec::with_capacity(items.len());
        for item in items {
            if let Some(inner) = item.get_ref().as_table() {
                tables.push(Table {
                    map: inner,
                    span: item.span(),
                    name: name.into(),
                });
            } else {
                self.wrong_type(item, key, LoadKey::ATable.with("name", name));
            }
        }
        Ok(Some(tables))
    }

    /// A sub-table such as `[pack]`; `None` (after reporting) when absent or
    /// not a table.
    pub fn table<'t, 'i>(
        &mut self,
        parent: &Table<'t, 'i>,
        key: &str,
        name: &'static str,
        example: &str,
    ) -> Option<Table<'t, 'i>> {
        let Some(value) = parent.map.get(key) else {
            self.push(
                self.file
                    .error(
                        parent.span.clone(),
                        LoadKey::MissingTable
                            .with("name", name)
                            .with("file", self.file_kind()),
                        LoadKey::MissingTableLabel.with("name", name),
                    )
                    .with_help(
                        LoadKey::MissingTableHelp
                            .with("name", name)
                            .with("example", example),
                    ),
            );
            return None;
        };
        self.table_value(value, key, name)
    }

    /// An optional sub-table such as `[exam]`; `None` when absent or (after
    /// reporting) not a table.
    pub fn optional_table<'t, 'i>(
        &mut self,
        parent: &Table<'t, 'i>,
        key: &str,
        name: &'static str,
    ) -> Option<Table<'t, 'i>> {
        let value = parent.map.get(key)?;
        self.table_value(value, key, name)
    }

    fn table_value<'t, 'i>(
        &mut self,
        value: &'t Spanned<DeValue<'i>>,
        key: &str,
        name: &'static str,
    ) -> Option<Table<'t, 'i>> {
        if let Some(table) = value.get_ref().as_table() {
            Some(Table {
                map: table,
                span: value.span(),
                name: name.into(),
            })
        } else {
            self.wrong_type(value, key, LoadKey::ATable.with("name", name));
            None
        }
    }

    /// A required whole number in `range`; `help` says what it means.
    pub fn required_number<T>(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        range: &RangeInclusive<T>,
        help: LoadKey,
    ) -> Option<Number<T>>
    where
        T: TryFrom<i64> + PartialOrd + Display,
    {
        if !table.map.contains_key(key) {
            self.missing(table, key, &range.start().to_string());
        }
        self.optional_number(table, key, range, help)
    }

    /// An optional whole number in `range`; `help` says what it means.
    pub fn optional_number<T>(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        range: &RangeInclusive<T>,
        help: LoadKey,
    ) -> Option<Number<T>>
    where
        T: TryFrom<i64> + PartialOrd + Display,
    {
        let value = table.map.get(key)?;
        let Some(integer) = value.get_ref().as_integer() else {
            self.wrong_type(value, key, LoadKey::AWholeNumber);
            return None;
        };
        // Beyond i64 or T the number is out of range all the same.
        let number = i64::from_str_radix(integer.as_str(), integer.radix())
            .ok()
            .and_then(|n| T::try_from(n).ok())
            .filter(|n| range.contains(n));
        if number.is_none() {
            self.push(
                self.file
                    .error(
                        value.span(),
                        LoadKey::OutOfRange
                            .with("key", key)
                            .with("min", range.start().to_string())
                            .with("max", range.end().to_string())
                            .with("value", printable_line(&integer.to_string()).into_owned()),
                        LoadKey::OutOfRangeLabel,
                    )
                    .with_help(
                        LoadKey::OutOfRangeHelp
                            .with("meaning", help)
                            .with("min", range.start().to_string())
                            .with("max", range.end().to_string()),
                    ),
            );
        }
        number.map(|number| Number {
            value: number,
            span: value.span(),
        })
    }

    /// The error for the character `c` in the string value at `span`: at
    /// the character itself when it is written as it is, else (written as an
    /// escape such as `\u202E`) at the value.
    fn forbidden_character(&self, span: Range<usize>, key: &str, c: char) -> Diagnostic {
        let raw = self.file.text.get(span.clone()).unwrap_or_default();
        let written = if c == '\n' { None } else { raw.find(c) };
        let at = written.map_or(span.clone(), |i| {
            span.start + i..span.start + i + c.len_utf8()
        });
        let code = format!("{:04X}", u32::from(c));
        let (message, label, help) = if c == '\n' {
            (
                LoadKey::LineBreak.with("key", key),
                LoadKey::LineBreakLabel,
                LoadKey::LineBreakHelp.with("key", key),
            )
        } else if c.is_control() {
            (
                LoadKey::ControlCharacter
                    .with("key", key)
                    .with("code", code),
                LoadKey::ControlCharacterLabel,
                LoadKey::ControlCharacterHelp.into(),
            )
        } else if matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            (
                LoadKey::BidiCharacter.with("key", key).with("code", code),
                LoadKey::BidiCharacterLabel,
                LoadKey::BidiCharacterHelp.into(),
            )
        } else {
            (
                LoadKey::InvisibleCharacter
                    .with("key", key)
                    .with("code", code),
                LoadKey::InvisibleCharacterLabel,
                LoadKey::InvisibleCharacterHelp.into(),
            )
        };
        self.file.error(at, message, label).with_help(help)
    }

    fn file_kind(&self) -> LoadKey {
        if super::is_manifest(&self.file.name) {
            LoadKey::TheManifest
        } else {
            LoadKey::ThisTopicFile
        }
    }

    fn non_empty_array<'v, 'i>(
        &mut self,
        value: &'v Spanned<DeValue<'i>>,
        key: &str,
    ) -> Option<&'v [Spanned<DeValue<'i>>]> {
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(value, key, LoadKey::AnArray);
            return None;
        };
        if items.is_empty() {
            self.push(
                self.file
                    .error(
                        value.span(),
                        LoadKey::EmptyList.with("key", key),
                        LoadKey::EmptyListLabel,
                    )
                    .with_help(LoadKey::EmptyListHelp.with("key", key)),
            );
            return None;
        }
        Some(items)
    }

    /// Checks a string value (`in_list`: an item of the list `key`): the
    /// right type, not blank, no control codes. Line breaks decoded from a
    /// CRLF file become plain `\n`.
    pub fn text_value(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        key: &str,
        in_list: bool,
    ) -> Option<Text> {
        let Some(raw) = value.get_ref().as_str() else {
            self.wrong_type(value, key, LoadKey::AString);
            return None;
        };
        let text = raw.replace("\r\n", "\n");
        if text.trim().is_empty() {
            let (message, help) = if in_list {
                (
                    LoadKey::EmptyItem.with("key", key),
                    LoadKey::EmptyItemHelp.into(),
                )
            } else {
                (
                    LoadKey::EmptyText.with("key", key),
                    LoadKey::EmptyTextHelp.with("key", key),
                )
            };
            self.push(
                self.file
                    .error(value.span(), message, LoadKey::EmptyTextLabel)
                    .with_help(help),
            );
            return None;
        }
        let single_line = SINGLE_LINE.contains(&key);
        if let Some(c) = text.chars().find(|&c| is_forbidden(c, single_line)) {
            self.push(self.forbidden_character(value.span(), key, c));
            return None;
        }
        Some(Text {
            value: text,
            span: value.span(),
        })
    }
}

/// The characters a text field must not contain: the [`is_unsafe`] ones
/// (control, bidi and invisible characters) except tabs, and line feeds
/// unless the field may have several lines.
fn is_forbidden(c: char, single_line: bool) -> bool {
    is_unsafe(c) && c != '\t' && (single_line || c != '\n')
}

/// A TOML type as named in messages, with its article.
fn article(type_name: &str) -> LoadKey {
    match type_name {
        "string" => LoadKey::AString,
        "integer" => LoadKey::AnInteger,
        "float" => LoadKey::AFloat,
        "boolean" => LoadKey::ABooleanFound,
        "datetime" => LoadKey::ADatetime,
        "array" => LoadKey::AnArray,
        _ => LoadKey::ATableFound,
    }
}

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a likely typo, or one with the same words in another order
/// (`book-social-work` for `social-work-book`).
pub(super) fn closest<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = word.chars().count();
    let limit = length.div_ceil(3).max(1);
    let words = sorted_words(word);
    // The distance is at least the difference in length, which is cheap.
    candidates
        .filter(|c| c.chars().count().abs_diff(length) <= limit)
        .filter_map(|c| {
            if c.len() == word.len() && words.len() > 1 && sorted_words(c) == words {
                // Swapped words: as close as a one-letter typo.
                return Some((1, c));
            }
            let distance = crate::text::edit_distance(word, c);
            (distance <= limit).then_some((distance, c))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// The words of an id, in order: split at `-`, `_`, `.` and spaces.
fn sorted_words(id: &str) -> Vec<&str> {
    let mut words: Vec<&str> = id
        .split(['-', '_', '.', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_suggests_only_near_candidates() {
        let known = ["title", "body", "source"];
        assert_eq!(closest("titel", known.iter().copied()), Some("title"));
        assert_eq!(closest("sorce", known.iter().copied()), Some("source"));
        assert_eq!(closest("xyz", known.iter().copied()), None);
    }

    #[test]
    fn closest_suggests_the_same_words_in_another_order() {
        let known = ["book-social-work", "law-2009", "other-book"];
        assert_eq!(
            closest("social-work-book", known.iter().copied()),
            Some("book-social-work")
        );
        assert_eq!(closest("2009-law", known.iter().copied()), Some("law-2009"));
        assert_eq!(closest("work-social", known.iter().copied()), None);
    }

    #[test]
    fn forbidden_characters_are_unsafe_ones_but_not_tabs_or_allowed_line_breaks() {
        for c in [
            '\u{0}', '\u{1b}', '\r', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{200b}',
        ] {
            assert!(is_forbidden(c, false), "{c:?}");
        }
        for c in ['\n', '\t', 'a', 'é', '\u{a0}'] {
            assert!(!is_forbidden(c, false), "{c:?}");
        }
        assert!(is_forbidden('\n', true));
        assert!(!is_forbidden('\t', true));
    }
}
