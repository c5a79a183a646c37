//! Colours and text styles. A theme is a small TOML file (see
//! docs/themes.md); four are built in. With `NO_COLOR` set, only
//! bold/reverse/underline remain so every state is still visible without
//! colour.

use std::path::Path;
use std::str::FromStr;

use kisi_core::content::diagnostic::{Diagnostic, Msg, Report, SourceFile};
use kisi_core::content::load::{Colour, RoleSpec, Written, read_capped, read_theme};
use kisi_core::i18n::Lang;
use kisi_core::i18n::diagnostics::{LoadKey, ThemeKey};
use ratatui::style::{Color, Modifier, Style};

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
            let diagnostic =
                diagnostic.with_help(ThemeKey::PathHelp.with("names", names.join(", ")));
            Report::new(vec![diagnostic], Vec::new())
        })?;
        match String::from_utf8(bytes) {
            Ok(text) => Self::parse(path, &text),
            Err(_) => Err(Report::new(
                vec![Diagnostic::whole_file(path, LoadKey::NotUtf8).with_help(LoadKey::SaveAsUtf8)],
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
        let spec = match read_theme(&file) {
            Ok(spec) => spec,
            Err(errors) => return Err(Report::new(errors, vec![file])),
        };
        let mut errors = Vec::new();
        let mut style = |role: &str| style(&spec.role(role), &file, &mut errors);
        let theme = Self {
            title: style("title"),
            heading: style("heading"),
            text: style("text"),
            dim: style("dim"),
            selected: style("selected"),
            label: style("label"),
            note: style("note"),
            marked: style("marked"),
            highlight: style("highlight"),
            key: style("key"),
            border: style("border"),
            error: style("error"),
        };
        if errors.is_empty() {
            Ok(theme)
        } else {
            Err(Report::new(errors, vec![file]))
        }
    }
}

/// What the built-in theme `name` is for, in `lang`.
pub fn description(name: &str, lang: Lang) -> String {
    let key = match name {
        "light" => ThemeKey::ForLight,
        "high-contrast" => ThemeKey::ForHighContrast,
        "mono" => ThemeKey::ForMono,
        _ => ThemeKey::ForDefault,
    };
    Msg::from(key).render(lang)
}

fn style(spec: &RoleSpec, file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Style {
    let mut style = Style::new();
    if let Some(fg) = spec.fg.as_ref().and_then(|c| color(c, file, errors)) {
        style = style.fg(fg);
    }
    if let Some(bg) = spec.bg.as_ref().and_then(|c| color(c, file, errors)) {
        style = style.bg(bg);
    }
    for (on, modifier) in [
        (spec.bold, Modifier::BOLD),
        (spec.italic, Modifier::ITALIC),
        (spec.underline, Modifier::UNDERLINED),
        (spec.reversed, Modifier::REVERSED),
    ] {
        if on {
            style = style.add_modifier(modifier);
        }
    }
    style
}

/// A colour: a name, `#rrggbb`, or a palette index 0–255.
fn color(colour: &Colour, file: &SourceFile, errors: &mut Vec<Diagnostic>) -> Option<Color> {
    let parsed = match &colour.written {
        Written::Name(text) => Color::from_str(text).ok(),
        Written::Index(index) => u8::try_from(*index).ok().map(Color::Indexed),
        Written::Other => None,
    };
    if parsed.is_none() {
        errors.push(
            file.error(
                colour.span.clone(),
                ThemeKey::NotAColour,
                ThemeKey::UnknownColour,
            )
            .with_help(ThemeKey::ColourHelp),
        );
    }
    parsed
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn builtin(name: &str) -> Theme {
        Theme::resolve(Some(name), None).unwrap()
    }

    #[test]
    fn every_builtin_theme_parses_and_the_code_ones_match_their_files() {
        for (name, source) in BUILTIN {
            assert!(Theme::parse(name, source).is_ok(), "{name}");
            // `kisi themes` says what the file says, in both languages.
            let file = read_theme(&SourceFile::new(name.into(), source.into())).unwrap();
            assert_eq!(
                file.description,
                Some(description(name, Lang::En)),
                "{name}"
            );
            assert_ne!(description(name, Lang::Id), description(name, Lang::En));
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
        let rendered = report.render(false, Lang::Id);
        assert!(
            rendered.contains("kesalahan: bukan warna") && rendered.contains("warna tidak dikenal"),
            "{rendered}"
        );
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
