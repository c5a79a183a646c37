//! Theme files (`--theme PATH`, docs/themes.md) read with the loader's
//! checks, so that their problems are told as a pack's are: at their line
//! and column, in the user's language. What a colour name means is the
//! terminal's (kisi-tui's theme.rs): here a colour is what was written.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::fields::{Checker, Table};
use super::syntax::parse_toml;
use crate::content::diagnostic::{Diagnostic, SourceFile};
use crate::i18n::diagnostics::ThemeKey;

/// The keys of a theme file: its description, then the roles it styles.
const FIELDS: &[&str] = &[
    "description",
    "title",
    "heading",
    "text",
    "dim",
    "selected",
    "label",
    "note",
    "marked",
    "highlight",
    "key",
    "border",
    "error",
];

/// Each role's table as messages name it.
const ROLE_TABLES: &[&str] = &[
    "[title]",
    "[heading]",
    "[text]",
    "[dim]",
    "[selected]",
    "[label]",
    "[note]",
    "[marked]",
    "[highlight]",
    "[key]",
    "[border]",
    "[error]",
];

/// The roles a theme styles.
pub const ROLES: &[&str] = FIELDS.split_at(1).1;

const STYLE_KEYS: &[&str] = &["fg", "bg", "bold", "italic", "underline", "reversed"];

/// A colour as written (a name or `#rrggbb`, a palette index, or neither),
/// with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colour {
    pub written: Written,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    Name(String),
    Index(i64),
    /// A value of another type, or an integer beyond i64.
    Other,
}

/// One role's style as written; a role left out is all default.
#[allow(clippy::struct_excessive_bools)] // one per key of the file format
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleSpec {
    pub fg: Option<Colour>,
    pub bg: Option<Colour>,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub reversed: bool,
}

/// A theme file as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeSpec {
    pub description: Option<String>,
    /// The roles the file styles, by name (one of [`ROLES`]).
    pub roles: Vec<(&'static str, RoleSpec)>,
}

impl ThemeSpec {
    /// The style of `role`, default when the file leaves it out.
    pub fn role(&self, role: &str) -> RoleSpec {
        self.roles
            .iter()
            .find(|(name, _)| *name == role)
            .map(|(_, spec)| spec.clone())
            .unwrap_or_default()
    }
}

/// Reads the theme TOML of `file`: every problem of syntax, fields and
/// types is reported, each at its place. Colour names are not checked here.
///
/// # Errors
/// The diagnostics of every problem found.
pub fn read_theme(file: &SourceFile) -> Result<ThemeSpec, Vec<Diagnostic>> {
    let root = parse_toml(file)?;
    let mut checker = Checker::new(file);
    let table = Table {
        map: &root,
        span: 0..file.text.len(),
        name: ThemeKey::TheThemeFile.into(),
    };
    checker.unknown_fields(&table, FIELDS);
    let description = checker
        .optional_text(&table, "description")
        .map(|text| text.value);
    let mut roles = Vec::new();
    for (&role, &name) in ROLES.iter().zip(ROLE_TABLES) {
        if let Some(style) = checker.optional_table(&table, role, name) {
            roles.push((role, role_spec(&mut checker, &style)));
        }
    }
    if checker.diagnostics.is_empty() {
        Ok(ThemeSpec { description, roles })
    } else {
        Err(checker.diagnostics)
    }
}

fn role_spec(checker: &mut Checker<'_>, style: &Table<'_, '_>) -> RoleSpec {
    checker.unknown_fields(style, STYLE_KEYS);
    let mut flag = |key| checker.optional_bool(style, key).unwrap_or(false);
    let (bold, italic, underline, reversed) = (
        flag("bold"),
        flag("italic"),
        flag("underline"),
        flag("reversed"),
    );
    RoleSpec {
        fg: style.map.get("fg").map(colour),
        bg: style.map.get("bg").map(colour),
        bold,
        italic,
        underline,
        reversed,
    }
}

fn colour(value: &Spanned<DeValue<'_>>) -> Colour {
    let written = match value.get_ref() {
        DeValue::String(text) => Written::Name(text.to_string()),
        DeValue::Integer(integer) => i64::from_str_radix(integer.as_str(), integer.radix())
            .map_or(Written::Other, Written::Index),
        _ => Written::Other,
    };
    Colour {
        written,
        span: value.span(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::i18n::Lang;

    fn read(text: &str) -> Result<ThemeSpec, Vec<Diagnostic>> {
        read_theme(&SourceFile::new("t.toml".to_owned(), text.to_owned()))
    }

    #[test]
    fn roles_and_colours_are_read_as_written() {
        let spec =
            read("description = \"d\"\n[title]\nfg = \"cyan\"\nbg = 208\nbold = true\n").unwrap();
        assert_eq!(spec.description.as_deref(), Some("d"));
        let title = spec.role("title");
        assert_eq!(title.fg.unwrap().written, Written::Name("cyan".into()));
        assert_eq!(title.bg.unwrap().written, Written::Index(208));
        assert!(title.bold && !title.italic);
        assert_eq!(spec.role("dim"), RoleSpec::default());
    }

    #[test]
    fn problems_are_told_in_both_languages_at_their_place() {
        let errors = read("[titel]\n[key]\nbolt = true\nbold = \"yes\"\n").unwrap_err();
        let [role, key, bool] = errors.as_slice() else {
            panic!("{errors:?}")
        };
        assert_eq!((role.line, key.line, bool.line), (1, 3, 4));
        assert_eq!(
            role.message.render(Lang::Id),
            "kolom `titel` tidak dikenal di berkas tema"
        );
        assert_eq!(
            role.help.as_ref().unwrap().render(Lang::En),
            "did you mean `title`?"
        );
        assert_eq!(
            key.message.render(Lang::En),
            "unknown field `bolt` in [key]"
        );
        assert!(
            bool.message
                .render(Lang::Id)
                .starts_with("`bold` harus boolean")
        );
        let syntax = read("x = \n").unwrap_err();
        assert!(
            syntax[0]
                .message
                .render(Lang::Id)
                .starts_with("TOML tidak sah"),
            "{syntax:?}"
        );
    }
}
