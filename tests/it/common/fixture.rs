//! The pack the screen tests and snapshots run on, tests/fixtures/screens:
//! small and made for them, so editing the built-in course material does
//! not change a single snapshot.

use std::path::PathBuf;

use kisi_core::content::Pack;
use kisi_core::content::load::load_dir;

/// The folder of the fixture pack, for the tests that run the real binary.
pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/screens")
}

pub fn fixture_pack() -> Pack {
    load_dir(&fixture_dir()).unwrap_or_else(|report| panic!("{report}"))
}
