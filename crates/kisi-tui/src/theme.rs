//! Colours and text styles. A theme is a small TOML file (see
//! docs/themes.md); four are built in. With `NO_COLOR` set, only
//! bold/reverse/underline remain so every state is still visible without
//! colour.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use kisi_core::content::diagnostic::{Diagnostic, Report, SourceFile};
use kisi_core::content::load::read_capped;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub text: Style,
    pub dim: Style,
    pub selected: Style,
    pub label: Style,
    pub note: Style,
    pub marked: Style,
    pub highlight: Style,
    pub key: Style,
    pub border: Style,
    pub error: Style,
}

/// The built-in themes: name and TOML source, the default first.
pub const BUILTIN: [(&str, &str); 4] = [
    ("default", include_str!("../themes/default.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
    ("mono", include_str!("../themes/mono.toml")),
];

impl Theme {
    /// The default theme, for dark backgrounds (`themes/default.toml`).
    pub fn dark() -> Self {
        Self {
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            note: Style::new().fg(Color::Yellow),
            marked: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all (`themes/mono.toml`).
    pub fn mono() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            title: bold,
            heading: bold,
            text: Style::new(),
            dim: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            label: bold,
            note: Style::new().add_modifier(Modifier::ITALIC),
            marked: Style::new().add_modifier(Modifier::REVERSED),
            highlight: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: bold,
            border: Style::new(),
            error: bold,
        }
    }

    /// The theme `choice` names (a built-in name or the path of a theme
    /// file; none for the default). `NO_COLOR` (any non-empty value, see
    /// no-color.org) turns colour off whatever the choice, but a bad choice
    /// is still reported.
    ///
    /// # Errors
    /// When the file cannot be read or is not a valid theme.
    pub fn resolve(choice: Option<&str>, no_color: Option<&str>) -> Result<Self, Report> {
        let theme = match choice {
            None => Self::dark(),
            Some(choice) => match BUILTIN.iter().find(|(name, _)| *name == choice) {
                Some((name, source)) => Self::parse(&format!("themes/{name}.toml"), source)?,
                None => Self::read(choice)?,
            },
        };
        Ok(match no_color {
            Some(value) if !value.is_empty() => Self::mono(),
            _ => theme,
        })
    }

    /// Reads the theme file at `path` with the bounds of a pack file: a
    /// regular file (a FIFO or `/dev/zero` is refused unread) of at most
    /// `MAX_FILE_SIZE` bytes, in UTF-8.
    fn read(path: &str) -> Result<Self, Report> {
        let bytes = read_capped(Path::new(path), path).map_err(|diagnostic| {
            let names: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
            let diagnostic = diagnostic.with_help(format!(
                "give the path of a theme file, or one of the built-in themes: {}",
                names.join(", ")
            ));
            Report::new(vec![diagnostic], Vec::new())
        })?;
        match String::from_utf8(bytes) {
            Ok(text) => Self::parse(path, &text),
            Err(_) => Err(Report::new(
                vec![
                    Diagnostic::whole_file(path, "the theme file is not valid UTF-8")
                        .with_help("save the file with the UTF-8 encoding"),
                ],
                Vec::new(),
            )),
        }
    }

    /// Parses the theme TOML `text` of the file called `name`.
    ///
    /// # Errors
    /// A report of every problem, each at its line and column.
    pub fn parse(name: &str, text: &str) -> Result<Self, Report> {
        let file = SourceFile::new(name.to_string(), text.to_string());
        let raw: ThemeFile = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(error) => {
                let span = error.span().unwrap_or(0..0);
                let message = error.message().trim().to_string();
                let diagnostic = file.error(span, message, "here");
                return Err(Report::new(vec![diagnostic], vec![file]));
            }
        };
        let mut errors = Vec::new();
        let mut style =
            |spec: Option<StyleSpec>| spec.map_or(Style::new(), |s| s.style(&file, &mut errors));
        let theme = Self {
            title: style(raw.title),
            heading: style(raw.heading),
            text: style(raw.text),
            dim: style(raw.dim),
            selected: style(raw.selected),
            label: style(raw.label),
            note: style(raw.note),
            marked: style(raw.marked),
            highlight: style(raw.highlight),
            key: style(raw.key),
            border: style(raw.border),
            error: style(raw.error),
        };
        if errors.is_empty() {
            Ok(theme)
        } else {
            Err(Report::new(errors, vec![file]))
        }
    }
}

/// The one-line description of a built-in theme (its `description` key).
pub fn description(source: &str) -> String {
    toml::from_str::<ThemeFile>(source)
        .ok()
        .and_then(|raw| raw.description)
        .unwrap_or_default()
}

/// A theme file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    description: Option<String>,
    title: Option<StyleSpec>,
    heading: Option<StyleSpec>,
    text: Option<StyleSpec>,
    dim: Option<StyleSpec>,
    selected: Option<StyleSpec>,
    label: Option<StyleSpec>,
    note: Option<StyleSpec>,
    marked: Option<StyleSpec>,
    highlight: Option<StyleSpec>,
    key: Option<StyleSpec>,
    border: Option<StyleSpec>,
    error: Option<StyleSpec>,
}

/// One role's style as written.
#[allow(clippy::struct_excessive_bools)] // one per key of the file format
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<Spanned<toml::Value>>,
    bg: Option<Spanned<toml::Value>>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reversed: bool,
}

impl StyleSpec {
    fn style(&self, file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Style {
        let mut style = Style::new();
        if let Some(fg) = self.fg.as_ref().and_then(|c| color(c, file, errors)) {
            style = style.fg(fg);
        }
        if let Some(bg) = self.bg.as_ref().and_then(|c| color(c, file, errors)) {
            style = style.bg(bg);
        }
        for (on, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ] {
            if on {
                style = style.add_modifier(modifier);
            }
        }
        style
    }
}

/// A colour: a name, `#rrggbb`, or a palette index 0–255.
fn color(
    value: &Spanned<toml::Value>,
    file: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) -> Option<Color> {
    let parsed = match value.get_ref() {
        toml::Value::String(text) => Color::from_str(text).ok(),
        toml::Value::Integer(index) => u8::try_from(*index).ok().map(Color::Indexed),
        _ => None,
    };
    if parsed.is_none() {
        errors.push(
            file.error(value.span(), "not a colour", "unknown colour")
                .with_help(
                    "use a colour name (black, red, green, yellow, blue, magenta, cyan, gray, \
                     dark-gray, light-red, ..., white, reset), \"#rrggbb\", or 0-255",
                ),
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use kisi_core::i18n::Lang;

    fn builtin(name: &str) -> Theme {
        Theme::resolve(Some(name), None).unwrap()
    }

    #[test]
    fn every_builtin_theme_parses_and_the_code_ones_match_their_files() {
        for (name, source) in BUILTIN {
            assert!(Theme::parse(name, source).is_ok(), "{name}");
            assert!(!description(source).is_empty(), "{name} has no description");
        }
        assert_eq!(builtin("default"), Theme::dark());
        assert_eq!(builtin("mono"), Theme::mono());
        assert_eq!(Theme::resolve(None, None).unwrap(), Theme::dark());
    }

    #[test]
    fn high_contrast_has_no_grey() {
        let theme = builtin("high-contrast");
        assert_eq!(theme.text.fg, Some(Color::Indexed(231)));
        assert_eq!(theme.text.bg, Some(Color::Indexed(16)));
        for style in [theme.dim, theme.border, theme.note, theme.key] {
            assert_eq!(style.fg, None, "{style:?}");
        }
    }

    #[test]
    fn no_color_wins_over_any_theme() {
        for name in ["default", "light", "high-contrast"] {
            assert_eq!(
                Theme::resolve(Some(name), Some("1")).unwrap(),
                Theme::mono()
            );
        }
        // An empty NO_COLOR is not set (no-color.org).
        assert_eq!(
            Theme::resolve(Some("light"), Some("")).unwrap(),
            builtin("light")
        );
        // A bad choice is reported even so.
        assert!(Theme::resolve(Some("/no/such/theme.toml"), Some("1")).is_err());
    }

    #[test]
    fn colours_by_name_hex_and_index() {
        let theme = Theme::parse(
            "t.toml",
            "[title]\nfg = \"dark-gray\"\nbg = \"#102030\"\n[text]\nfg = 208\nitalic = true\n",
        )
        .unwrap();
        assert_eq!(
            theme.title,
            Style::new().fg(Color::DarkGray).bg(Color::Rgb(16, 32, 48))
        );
        assert_eq!(
            theme.text,
            Style::new()
                .fg(Color::Indexed(208))
                .add_modifier(Modifier::ITALIC)
        );
        assert_eq!(theme.dim, Style::new(), "a role left out is plain");
    }

    #[test]
    fn a_bad_colour_is_reported_at_its_line_and_column() {
        let report =
            Theme::parse("bad.toml", "[title]\nbold = true\n\n[key]\nfg = \"cyna\"\n").unwrap_err();
        let [diagnostic] = report.diagnostics.as_slice() else {
            panic!("{report:?}")
        };
        assert_eq!((diagnostic.line, diagnostic.column), (5, 6));
        assert_eq!(diagnostic.message, "not a colour");
        let rendered = report.render(false, Lang::En);
        assert!(rendered.contains("bad.toml:5:6"), "{rendered}");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_reported_at_their_place() {
        let report = Theme::parse("bad.toml", "[title]\nbolt = true\n").unwrap_err();
        let diagnostic = &report.diagnostics[0];
        assert_eq!((diagnostic.line, diagnostic.column), (2, 1));
        assert!(diagnostic.message.contains("bolt"), "{diagnostic:?}");

        let report = Theme::parse("bad.toml", "[titel]\n").unwrap_err();
        assert!(report.diagnostics[0].message.contains("titel"));
        assert_eq!(report.diagnostics[0].line, 1);

        let report = Theme::parse("bad.toml", "[text]\nfg = 256\nbold = \"yes\"\n").unwrap_err();
        assert_eq!(report.diagnostics[0].line, 3, "{report:?}");

        let report = Theme::parse("bad.toml", "[text]\nfg = 256\n").unwrap_err();
        assert_eq!(
            (report.diagnostics[0].line, report.diagnostics[0].column),
            (2, 6)
        );
    }
}
