//! The pack compiled into the binary, so that kisi works without any files.

use crate::content::diagnostic::Report;
use crate::content::load::load_files;
use crate::content::model::Pack;

const MANIFEST: &[u8] = include_bytes!("../../../../content/pack.toml");

/// Every file of `content/`, embedded at compile time. A test checks that no
/// `*.toml` file of `content/` is missing here.
const FILES: &[(&str, &[u8])] = &[
    ("pack.toml", MANIFEST),
    (
        "01-peran.toml",
        include_bytes!("../../../../content/01-peran.toml"),
    ),
    (
        "02-fungsi.toml",
        include_bytes!("../../../../content/02-fungsi.toml"),
    ),
    (
        "03-uu-11-2009.toml",
        include_bytes!("../../../../content/03-uu-11-2009.toml"),
    ),
    (
        "04-uu-11-2009-penyelenggaraan.toml",
        include_bytes!("../../../../content/04-uu-11-2009-penyelenggaraan.toml"),
    ),
    (
        "05-uu-14-2019.toml",
        include_bytes!("../../../../content/05-uu-14-2019.toml"),
    ),
    (
        "06-bidang-garapan.toml",
        include_bytes!("../../../../content/06-bidang-garapan.toml"),
    ),
    (
        "07-glosarium.toml",
        include_bytes!("../../../../content/07-glosarium.toml"),
    ),
];

/// The built-in files as (name, bytes), ready for `load_files`.
pub fn builtin_files() -> Vec<(String, Vec<u8>)> {
    FILES
        .iter()
        .map(|(name, bytes)| ((*name).to_owned(), bytes.to_vec()))
        .collect()
}

/// The built-in pack's manifest.
pub fn manifest() -> &'static [u8] {
    MANIFEST
}

/// The built-in pack, loaded and validated like any other.
///
/// # Errors
/// Only if the embedded files are invalid, which the tests rule out.
pub fn builtin_pack() -> Result<Pack, Report> {
    load_files(&builtin_files())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn every_content_file_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let embedded: Vec<String> = builtin_files().into_iter().map(|(name, _)| name).collect();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.extension().is_some_and(|ext| ext == "toml") {
                assert!(
                    embedded.contains(&name),
                    "content/{name} is not in builtin.rs FILES"
                );
            }
        }
    }

    #[test]
    fn builtin_pack_loads_without_errors() {
        let pack = builtin_pack().unwrap_or_else(|report| panic!("{report}"));
        assert_eq!(pack.topics.len(), FILES.len() - 1);
        assert!(pack.entry_count() > 0);
    }

    #[test]
    fn embedded_files_match_the_content_folder() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        assert_eq!(
            builtin_pack().unwrap(),
            crate::content::load::load_dir(&dir).unwrap()
        );
    }
}
