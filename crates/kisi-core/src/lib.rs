//! kisi's domain core: study packs and their validation, search, quiz
//! generation and grading, progress. It knows nothing of the terminal or the
//! command line (its Cargo.toml has no ratatui, crossterm or clap), so the
//! layering is kept by the compiler. `kisi-tui` and the `kisi` binary sit on it.

pub mod authoring;
pub mod cache;
pub mod content;
pub mod i18n;
pub mod interchange;
pub mod number;
pub mod plain;
pub mod progress;
pub mod quiz;
pub mod room;
pub mod search;
pub mod text;
pub mod time;
