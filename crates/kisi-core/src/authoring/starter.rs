//! `kisi new PACKDIR`: a small, valid pack with comments on every field, as a
//! starting point for lecturers.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::{Lang, path_io_text};
use crate::text::printable_line;

/// Stands for the pack id in the manifest template.
const PACK_ID: &str = "{{PACK_ID}}";

/// The schemas go with the pack so that the `#:schema` lines of the
/// templates work offline and outside this repository; the loader ignores
/// the sub-folder.
const SCHEMAS: [(&str, &str); 2] = [
    (
        "schema/kisi-pack.schema.json",
        include_str!("../../../../docs/kisi-pack.schema.json"),
    ),
    (
        "schema/kisi-topic.schema.json",
        include_str!("../../../../docs/kisi-topic.schema.json"),
    ),
];

/// The manifest and the topic file, (path inside the pack, contents), in
/// the language the lecturer works in: the comments and the example
/// material are in it, and so is the pack's `language`.
fn templates(lang: Lang) -> [(&'static str, &'static str); 2] {
    match lang {
        Lang::Id => [
            ("pack.toml", include_str!("templates/id/pack.toml")),
            (
                "01-contoh.toml",
                include_str!("templates/id/01-contoh.toml"),
            ),
        ],
        Lang::En => [
            ("pack.toml", include_str!("templates/en/pack.toml")),
            (
                "01-example.toml",
                include_str!("templates/en/01-example.toml"),
            ),
        ],
    }
}

/// Every file of the starter pack in `lang`: the templates, then the schemas.
fn files(lang: Lang) -> Vec<(&'static str, &'static str)> {
    templates(lang).into_iter().chain(SCHEMAS).collect()
}

/// Why a starter pack could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StarterError {
    #[error("`{0}` exists and is not an empty folder")]
    NotEmpty(PathBuf),
    #[error("`{path}`: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// Writes the starter pack in `lang` into `dir`, which must not exist or be
/// an empty folder; never overwrites a file. Returns the files written.
///
/// # Errors
/// When `dir` is a file or a non-empty folder, or on a write error.
pub fn write_starter(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, StarterError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| StarterError::Io { path, source }
    };
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(StarterError::NotEmpty(dir.to_owned()));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(_) if !dir.is_dir() => return Err(StarterError::NotEmpty(dir.to_owned())),
        Err(error) => return Err(io_error(dir)(error)),
    }
    let id = pack_id(dir);
    let files = files(lang);
    let mut written = Vec::with_capacity(files.len());
    for (name, contents) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        // `create_new`: a file that appeared meanwhile is left alone.
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(contents.replace(PACK_ID, &id).as_bytes()))
            .map_err(io_error(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// A pack id made from the folder's name: lower-case ASCII letters and
/// digits, with runs of anything else turned into one `-`.
pub(crate) fn pack_id(dir: &Path) -> String {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            // `kisi new .` in an empty folder: use the folder's real name.
            fs::canonicalize(dir)
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_default();
    let mut id = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "paket-baru".to_owned()
    } else {
        id.to_owned()
    }
}

/// Runs `kisi new`: writes the starter pack and tells what to do next.
pub fn run(dir: &Path, lang: Lang) -> ExitCode {
    let words = lang.starter_words();
    match write_starter(dir, lang) {
        Ok(files) => {
            let shown = shown_path(dir);
            println!("{}", words.created.replace("{dir}", &shown));
            for file in files {
                println!("  {}", shown_path(&file));
            }
            println!();
            println!("{}", words.next_steps);
            for step in words.steps {
                println!("{}", step.replace("{dir}", &shown));
            }
            ExitCode::SUCCESS
        }
        Err(StarterError::NotEmpty(path)) => {
            let shown = shown_path(&path);
            eprintln!("{}", words.not_empty.replace("{dir}", &shown));
            eprintln!("{}", words.not_empty_hint);
            ExitCode::FAILURE
        }
        Err(StarterError::Io { path, source }) => {
            eprintln!("kisi: {}", path_io_text(&path, &source, lang));
            ExitCode::FAILURE
        }
    }
}

/// A path as printed: the folder name comes from the command line.
fn shown_path(path: &Path) -> String {
    printable_line(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::content::AuthoredKind;
    use crate::content::load::load_dir;

    #[test]
    fn the_starter_pack_passes_the_check_in_both_languages() {
        for (lang, language, topic_file) in [
            (Lang::Id, "id", "01-contoh.toml"),
            (Lang::En, "en", "01-example.toml"),
        ] {
            let tmp = tempfile::tempdir().unwrap();
            let dir = tmp.path().join("Kuliah Kesos 2025");
            let files = write_starter(&dir, lang).unwrap();
            assert_eq!(files.len(), 4);
            assert!(dir.join(topic_file).is_file(), "{lang}");
            let pack = load_dir(&dir).unwrap_or_else(|report| panic!("{report}"));
            assert_eq!(pack.meta.id, "kuliah-kesos-2025");
            assert_eq!(pack.meta.language, language);
            assert_eq!(pack.topics.len(), 1);
            assert_eq!(pack.entry_count(), 2);
            assert!(pack.point_count() > 0);
            // A choice, a true/false and a typed question, and an exam.
            let kinds: Vec<_> = pack.topics[0].questions.iter().map(|q| &q.kind).collect();
            assert!(
                matches!(
                    kinds[..],
                    [
                        AuthoredKind::Choice { .. },
                        AuthoredKind::TrueFalse { answer: false },
                        AuthoredKind::Typed { .. }
                    ]
                ),
                "{lang}: {kinds:?}"
            );
            assert!(pack.exam.is_some(), "{lang}");
        }
    }

    #[test]
    fn an_empty_folder_is_filled() {
        let tmp = tempfile::tempdir().unwrap();
        write_starter(tmp.path(), Lang::En).unwrap();
        load_dir(tmp.path()).unwrap_or_else(|report| panic!("{report}"));
    }

    #[test]
    fn a_non_empty_folder_or_a_file_is_refused_and_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let manifest = tmp.path().join("pack.toml");
        fs::write(&manifest, "mine").unwrap();
        assert!(matches!(
            write_starter(tmp.path(), Lang::Id),
            Err(StarterError::NotEmpty(_))
        ));
        assert!(matches!(
            write_starter(&manifest, Lang::Id),
            Err(StarterError::NotEmpty(_))
        ));
        assert_eq!(fs::read_to_string(&manifest).unwrap(), "mine");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_templates_name_the_schemas_written_next_to_them() {
        for lang in [Lang::Id, Lang::En] {
            for (name, contents) in templates(lang) {
                let first = contents.lines().next().unwrap();
                let schema = first.strip_prefix("#:schema ./").unwrap();
                assert!(
                    SCHEMAS.iter().any(|(other, _)| *other == schema),
                    "{name} names {schema}"
                );
            }
        }
    }

    #[test]
    fn pack_ids_from_folder_names_are_valid() {
        for (name, id) in [
            ("kuliah", "kuliah"),
            ("Pekerjaan Sosial (2025)", "pekerjaan-sosial-2025"),
            ("__x__y", "x-y"),
            ("Ã©Ã©", "paket-baru"),
            ("", "paket-baru"),
        ] {
            assert_eq!(pack_id(Path::new(name)), id, "{name}");
        }
    }
}
