//! Tools for lecturers who write packs: a starter pack (`kisi new`), checks
//! in a machine-readable form (`kisi check --format json`), and the
//! warnings on material that makes poor questions (`lint`).

pub mod check;
pub mod lint;
pub mod starter;
mod traps;
