//! Errors found while loading a pack, rendered like rustc's diagnostics.
//!
//! A `Diagnostic` points at a byte span of one file; a `Report` keeps the
//! texts of the files so that it can show the offending lines with carets.

use std::cell::{Cell, OnceCell};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::i18n::Lang;
pub use crate::i18n::diagnostics::{Arg, Msg};
use crate::i18n::diagnostics::{CheckKey, Key};
use crate::text::{is_unsafe, printable, printable_line};

/// A second place that explains a diagnostic, e.g. the first definition of a
/// duplicate id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub file: String,
    /// 1-based; 0 when the place is a whole file rather than a position in it.
    pub line: usize,
    /// 1-based, counted in chars; 0 together with `line`.
    pub column: usize,
    /// Byte range in the file.
    pub span: Range<usize>,
    pub label: Msg,
}

/// One problem in a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as displayed to the user; for problems with a whole folder,
    /// the folder.
    pub file: String,
    /// 1-based; 0 when the problem concerns the file or folder as a whole.
    pub line: usize,
    /// 1-based, counted in chars; 0 together with `line`.
    pub column: usize,
    /// Byte range in the file.
    pub span: Range<usize>,
    pub message: Msg,
    /// Shown under the caret.
    pub label: Msg,
    /// What to do about it.
    pub help: Option<Msg>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// A problem with a file or folder as a whole, with no position in it.
    pub fn whole_file(file: impl Into<String>, message: impl Into<Msg>) -> Self {
        Self {
            file: file.into(),
            line: 0,
            column: 0,
            span: 0..0,
            message: message.into(),
            label: Msg::default(),
            help: None,
            related: Vec::new(),
        }
    }

    /// The stable machine code of the problem (its message's key), for
    /// `kisi check --format json`; `None` for a text made elsewhere.
    pub fn code(&self) -> Option<String> {
        self.message.key().map(Key::code)
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<Msg>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn with_related(mut self, related: Related) -> Self {
        self.related.push(related);
        self
    }
}

/// The text of one file with an index of its line starts, to turn byte
/// offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Made on the first problem: most files have none.
    line_starts: OnceCell<Vec<usize>>,
    /// The last offset located: (line index, offset, column). Problems are
    /// mostly found in reading order, so counting the chars of a line from
    /// there keeps thousands of problems on one long line linear.
    last: Cell<(usize, usize, usize)>,
}

impl SourceFile {
    pub fn new(name: String, text: String) -> Self {
        Self {
            name,
            text,
            line_starts: OnceCell::new(),
            last: Cell::new((usize::MAX, 0, 0)),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and char column of a byte offset (clamped to the text).
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset);
        let (last_line, last_offset, last_column) = self.last.get();
        let (start, before) = if last_line == line && last_offset <= offset {
            (last_offset, last_column)
        } else {
            let start = line_starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
            (start, 0)
        };
        let column = before
            + self
                .text
                .get(start..offset)
                .map_or(0, |s| s.chars().count());
        self.last.set((line, offset, column));
        (line.max(1), column + 1)
    }

    pub fn error(
        &self,
        span: Range<usize>,
        message: impl Into<Msg>,
        label: impl Into<Msg>,
    ) -> Diagnostic {
        let (line, column) = self.locate(span.start);
        Diagnostic {
            file: self.name.clone(),
            line,
            column,
            span,
            message: message.into(),
            label: label.into(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn related(&self, span: Range<usize>, label: impl Into<Msg>) -> Related {
        let (line, column) = self.locate(span.start);
        Related {
            file: self.name.clone(),
            line,
            column,
            span,
            label: label.into(),
        }
    }
}

fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// All problems found while loading a pack, with the file texts needed to
/// show them.
#[derive(Debug, Clone)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// The files the diagnostics point into, made printable.
    sources: Vec<SourceFile>,
}

impl Report {
    /// Sorts the diagnostics by file, then position.
    pub fn new(mut diagnostics: Vec<Diagnostic>, files: Vec<SourceFile>) -> Self {
        diagnostics.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.span.start, a.message.as_str()).cmp(&(
                &b.file,
                b.line,
                b.column,
                b.span.start,
                b.message.as_str(),
            ))
        });
        let sources = files
            .into_iter()
            .map(|f| {
                let text = make_printable(&f.text);
                SourceFile::new(f.name, text)
            })
            .collect();
        Self {
            diagnostics,
            sources,
        }
    }

    fn source_file(&self, file: &str) -> Option<&SourceFile> {
        self.sources.iter().find(|f| f.name == file)
    }

    fn source(&self, file: &str) -> Option<&str> {
        self.source_file(file).map(|f| f.text.as_str())
    }

    /// 1-based line and char column just past the end of `span` in `file`,
    /// like `Diagnostic::line` and `column` for its start; `None` when the
    /// report does not have the file's text.
    pub fn locate_end(&self, file: &str, span: &Range<usize>) -> Option<(usize, usize)> {
        self.source_file(file).map(|f| f.locate(span.end))
    }

    /// Renders the diagnostics like rustc does, in `lang`, then a summary
    /// line. Only the first [`SHOWN_PER_KIND`] of each kind are shown in
    /// full, the rest are counted: a pack with thousands of bad ids needs
    /// the first few to be fixed, not pages of the same message.
    pub fn render(&self, color: bool, lang: Lang) -> String {
        let renderer = renderer(color);
        let levels = Levels::new(lang);
        let mut out = String::new();
        // Kinds in order of their first diagnostic: (its message, how many).
        let mut kinds: Vec<(&Msg, usize)> = Vec::new();
        let mut index: HashMap<Kind, usize> = HashMap::new();
        for diagnostic in &self.diagnostics {
            let at = *index
                .entry(Kind::of(&diagnostic.message))
                .or_insert_with(|| {
                    kinds.push((&diagnostic.message, 0));
                    kinds.len() - 1
                });
            kinds[at].1 += 1;
            if kinds[at].1 <= SHOWN_PER_KIND {
                out.push_str(&self.render_one(&renderer, diagnostic, &levels, levels.error()));
                out.push_str("\n\n");
            }
        }
        for (first, count) in kinds.iter().filter(|(_, n)| *n > SHOWN_PER_KIND) {
            let more = count - SHOWN_PER_KIND;
            let first = printable_line(&first.render(lang)).into_owned();
            let note = if more == 1 {
                CheckKey::MoreLikeOne.with("first", first)
            } else {
                CheckKey::MoreLike.with("more", more).with("first", first)
            };
            let note = Group::with_title(levels.note().primary_title(note.render(lang)));
            out.push_str(&renderer.render(&[note]));
            out.push_str("\n\n");
        }
        let summary = self.summary().render(lang);
        out.push_str(&renderer.render(&[Group::with_title(levels.error().primary_title(summary))]));
        out.push('\n');
        out
    }

    /// "3 errors in 2 files".
    fn summary(&self) -> Msg {
        let errors = self.diagnostics.len();
        let files = self
            .diagnostics
            .iter()
            .map(|d| d.file.as_str())
            .collect::<BTreeSet<_>>()
            .len();
        match (errors, files) {
            (1, _) => CheckKey::SummaryOneOne.into(),
            (_, 1) => CheckKey::SummaryManyOne.with("errors", errors),
            _ => CheckKey::SummaryMany
                .with("errors", errors)
                .with("files", files),
        }
    }

    /// Renders the diagnostics as warnings in `lang` (`kisi check`'s advice
    /// on material that makes poor questions), each in full, without a
    /// summary.
    pub fn render_warnings(&self, color: bool, lang: Lang) -> String {
        let renderer = renderer(color);
        let levels = Levels::new(lang);
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&self.render_one(&renderer, diagnostic, &levels, levels.warning()));
            out.push_str("\n\n");
        }
        out
    }

    fn render_one(
        &self,
        renderer: &Renderer,
        diagnostic: &Diagnostic,
        levels: &Levels,
        level: Level<'_>,
    ) -> String {
        let lang = levels.lang;
        let message = printable_line(&diagnostic.message.render(lang)).into_owned();
        let mut group = level.primary_title(message).element(self.location(
            &diagnostic.file,
            diagnostic.line,
            diagnostic.span.clone(),
            AnnotationKind::Primary,
            &diagnostic.label.render(lang),
        ));
        for related in &diagnostic.related {
            group = group.element(self.location(
                &related.file,
                related.line,
                related.span.clone(),
                AnnotationKind::Context,
                &related.label.render(lang),
            ));
        }
        if let Some(help) = &diagnostic.help {
            group = group.element(
                levels
                    .help()
                    .message(printable(&help.render(lang)).into_owned()),
            );
        }
        renderer.render(&[group])
    }

    /// The lines of `file` around `span`, or just the file name when there is
    /// no position or no text to show.
    fn location<'a>(
        &'a self,
        file: &str,
        line: usize,
        span: Range<usize>,
        kind: AnnotationKind,
        label: &str,
    ) -> annotate_snippets::Element<'a> {
        let path = printable_line(file).into_owned();
        let Some(text) = self.source(file).filter(|_| line > 0) else {
            return Origin::path(path).into();
        };
        // Only the lines the span touches, so that big files render fast,
        // and of the last one only what a terminal can show after the span:
        // the renderer goes through all it is given, and a pack may have
        // thousands of problems on one line of a megabyte. (The text before
        // the span stays: the renderer counts the column from it.)
        let start = floor_char_boundary(text, span.start);
        let end = ceil_char_boundary(text, span.end.max(start));
        let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let last = text[end..]
            .find('\n')
            .map_or(text.len(), |i| end + i)
            .min(ceil_char_boundary(text, end + SHOWN_AFTER_SPAN));
        let excerpt = &text[first..last];
        let label = (!label.is_empty()).then(|| printable_line(label).into_owned());
        Snippet::source(excerpt)
            .line_start(line)
            .path(path)
            .annotation(kind.span(start - first..end - first).label(label))
            .into()
    }
}

/// At most this many bytes of a line are shown after the marked text.
const SHOWN_AFTER_SPAN: usize = 512;

/// How many diagnostics of one kind [`Report::render`] shows in full.
pub const SHOWN_PER_KIND: usize = 20;

/// The kind of a diagnostic: its key and the translated words among its
/// arguments (not the ids and numbers), or for a text made elsewhere the text
/// masked by [`kind_of`].
#[derive(Debug, PartialEq, Eq, Hash)]
enum Kind {
    Keyed(Key, Vec<Key>),
    Plain(String),
}

impl Kind {
    fn of(message: &Msg) -> Self {
        match message.key() {
            Some(key) => Kind::Keyed(key, message.arg_keys()),
            None => Kind::Plain(kind_of(message)),
        }
    }
}

/// The kind of a plain message: the message with what is quoted and the
/// numbers masked, so that "invalid id `a_1`" and "invalid id `b_2`" are of
/// one kind, and so are "the id is 130 characters long" and "... 200 ...".
fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        if c == '`' {
            if !quoted {
                kind.push_str("`…");
            }
            quoted = !quoted;
        }
        if quoted {
            continue;
        }
        if c.is_ascii_digit() {
            if !kind.ends_with('#') {
                kind.push('#');
            }
        } else {
            kind.push(c);
        }
    }
    kind
}

fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// The levels of the renderer, named in the user's language.
struct Levels {
    lang: Lang,
}

impl Levels {
    fn new(lang: Lang) -> Self {
        Self { lang }
    }

    fn name(&self, key: CheckKey) -> &'static str {
        key.template(self.lang)
    }

    fn error(&self) -> Level<'static> {
        Level::ERROR.with_name(self.name(CheckKey::LevelError))
    }

    fn warning(&self) -> Level<'static> {
        Level::WARNING.with_name(self.name(CheckKey::LevelWarning))
    }

    fn help(&self) -> Level<'static> {
        Level::HELP.with_name(self.name(CheckKey::LevelHelp))
    }

    fn note(&self) -> Level<'static> {
        Level::NOTE.with_name(self.name(CheckKey::LevelNote))
    }
}

/// Replaces the unsafe characters other than ASCII controls (C1 controls,
/// bidi controls, invisible characters) by a visible stand-in of the same
/// UTF-8 length, so that byte spans stay valid. The renderer itself shows
/// ASCII controls as control pictures (`␛`).
fn make_printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() || !is_unsafe(c) {
            out.push(c);
            continue;
        }
        match c.len_utf8() {
            2 => out.push('¿'),
            3 => out.push('\u{fffd}'),
            _ => out.push_str("¿¿"),
        }
    }
    out
}

/// In English, for logs and tests; users get [`Report::render`] in their
/// language.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false, Lang::En))
    }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests;
