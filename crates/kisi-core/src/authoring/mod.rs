//! Tools for lecturers who write packs: a starter pack (`kisi new`), checks
//! in a machine-readable form (`kisi check --format json`).

pub mod check;
pub mod starter;
