//! Study material: the model, the built-in pack, and loading with validation.

pub mod model;
pub mod synthetic;

pub use model::{Entry, EntryRef, Pack, PackMeta, Point, Source, Topic};
