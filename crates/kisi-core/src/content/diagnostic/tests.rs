#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

fn file(text: &str) -> SourceFile {
    SourceFile::new("f.toml".into(), text.into())
}

#[test]
fn locate_counts_lines_and_chars_from_one() {
    let f = file("ab\nçé = 1\n");
    assert_eq!(f.locate(0), (1, 1));
    assert_eq!(f.locate(3), (2, 1));
    // "çé" is four bytes but two chars: byte 7 is the space after them.
    assert_eq!(f.locate(7), (2, 3));
    assert_eq!(f.locate(1000), (3, 1));
}

#[test]
fn render_shows_the_line_with_a_caret_label_and_help() {
    let f = file("[pack]\ntitel = \"x\"\n");
    let d = f
        .error(7..12, "unknown field `titel`", "not a field of [pack]")
        .with_help("did you mean `title`?");
    let report = Report::new(vec![d], vec![f]);
    let text = report.render(false, Lang::En);
    assert!(text.contains("error: unknown field `titel`"), "{text}");
    assert!(text.contains("--> f.toml:2:1"), "{text}");
    assert!(text.contains("titel = \"x\""), "{text}");
    assert!(text.contains("^^^^^ not a field of [pack]"), "{text}");
    assert!(text.contains("= help: did you mean `title`?"), "{text}");
    assert!(text.ends_with("error: 1 error in 1 file\n"), "{text}");
}

#[test]
fn render_shows_related_spans_in_other_files() {
    let a = SourceFile::new("a.toml".into(), "id = \"x\"\n".into());
    let b = SourceFile::new("b.toml".into(), "\nid = \"x\"\n".into());
    let d = b
        .error(6..9, "duplicate id `x`", "defined again here")
        .with_related(a.related(5..8, "first defined here"));
    let text = Report::new(vec![d], vec![a, b]).render(false, Lang::En);
    assert!(text.contains("--> b.toml:2:6"), "{text}");
    assert!(text.contains("::: a.toml:1:6"), "{text}");
    assert!(text.contains("first defined here"), "{text}");
}

#[test]
fn whole_file_diagnostics_render_without_a_snippet() {
    let d = Diagnostic::whole_file("nowhere/", "cannot read folder").with_help("check the path");
    let text = Report::new(vec![d], Vec::new()).render(false, Lang::En);
    assert!(text.contains("error: cannot read folder"), "{text}");
    assert!(text.contains("--> nowhere/"), "{text}");
    assert!(text.contains("= help: check the path"), "{text}");
}

#[test]
fn control_characters_never_reach_the_output() {
    let f = file("a = \"\u{9b}31m\"\n");
    let d = f
        .error(4..11, "bad \u{1b}[31m", "here \u{7}")
        .with_help("help \u{85}");
    let text = Report::new(vec![d], vec![f]).render(false, Lang::En);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn color_output_uses_ansi_styles() {
    let f = file("x\n");
    let d = f.error(0..1, "m", "l");
    let report = Report::new(vec![d], vec![f]);
    assert!(report.render(true, Lang::En).contains('\u{1b}'));
    assert_eq!(report.to_string(), report.render(false, Lang::En));
}

#[test]
fn locate_end_gives_the_position_after_the_span() {
    let f = file("[pack]\ntitel = \"é\"\n");
    let d = f.error(15..19, "m", "l");
    let report = Report::new(vec![d], vec![f]);
    assert_eq!(report.locate_end("f.toml", &(7..12)), Some((2, 6)));
    // `"é"` is four bytes but three chars wide.
    assert_eq!(report.locate_end("f.toml", &(15..19)), Some((2, 12)));
    assert_eq!(report.locate_end("other.toml", &(0..1)), None);
}

#[test]
fn kinds_ignore_quoted_names_and_numbers() {
    assert_eq!(kind_of("invalid id `a_1`"), kind_of("invalid id `Bad_22`"));
    assert_eq!(
        kind_of("the id is 130 characters long"),
        kind_of("the id is 2000 characters long")
    );
    assert_ne!(
        kind_of("unknown entry `x` in see_also"),
        kind_of("unknown entry `x` tested by a question")
    );
    assert_ne!(kind_of("invalid id `x`"), kind_of("duplicate id `x`"));
}

#[test]
fn diagnostics_are_sorted_by_file_then_position() {
    let a = SourceFile::new("a".into(), "1\n2\n".into());
    let b = SourceFile::new("b".into(), "1\n2\n".into());
    let report = Report::new(
        vec![
            b.error(0..1, "b1", ""),
            a.error(2..3, "a2", ""),
            a.error(0..1, "a1", ""),
        ],
        vec![a, b],
    );
    let order: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(order, ["a1", "a2", "b1"]);
}

#[test]
fn a_report_renders_in_the_language_asked_levels_and_counts_too() {
    use crate::i18n::diagnostics::LoadKey;
    let f = file("[pack]\ntitel = \"x\"\n");
    let errors: Vec<Diagnostic> = (0..=SHOWN_PER_KIND)
        .map(|_| {
            f.error(
                7..12,
                LoadKey::UnknownField
                    .with("name", "titel")
                    .with("table", "[pack]"),
                LoadKey::UnknownFieldLabel,
            )
            .with_help(LoadKey::DidYouMean.with("close", "title"))
        })
        .collect();
    let report = Report::new(errors, vec![f]);
    let id = report.render(false, Lang::Id);
    assert!(
        id.starts_with("kesalahan: kolom `titel` tidak dikenal di [pack]"),
        "{id}"
    );
    assert!(id.contains("^^^^^ kolom tidak dikenal"), "{id}");
    assert!(id.contains("= bantuan: maksud Anda `title`?"), "{id}");
    assert!(id.contains("catatan: 1 kesalahan lagi seperti"), "{id}");
    assert!(
        id.ends_with("kesalahan: 21 kesalahan dalam 1 berkas\n"),
        "{id}"
    );
    let en = report.render(false, Lang::En);
    assert!(en.contains("note: 1 more error like"), "{en}");
    assert!(en.ends_with("error: 21 errors in 1 file\n"), "{en}");
    let warnings = report.render_warnings(false, Lang::Id);
    assert!(
        warnings.starts_with("peringatan: kolom `titel`"),
        "{warnings}"
    );
}
