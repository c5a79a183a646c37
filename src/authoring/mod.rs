//! Tools for lecturers who write packs: a starter pack (`kisi new`), checks
//! in a machine-readable form (`kisi check --format json`), and shell
//! completions and a man page generated from the command line definition.

pub mod check;
pub mod shell;
pub mod starter;
