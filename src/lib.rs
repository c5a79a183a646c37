//! kisi: a terminal study guide.
//!
//! The domain core (`content`, `search`, `quiz`) knows nothing of the terminal;
//! `tui` is a thin layer over it and `cli` drives both.

pub mod authoring;
pub mod cli;
pub mod content;
pub mod i18n;
pub mod progress;
pub mod quiz;
pub mod search;
pub mod text;
pub mod tui;
