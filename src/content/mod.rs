//! Study material: the model, the built-in pack, and loading with validation.

pub mod model;

pub use model::{
    AuthoredKind, AuthoredQuestion, Entry, EntryRef, Pack, PackMeta, Point, Source, Topic,
};
