//! Study material: the model, the built-in pack, loading with validation.
//! The compiled cache of loaded pack folders is `crate::cache`, above this
//! and search (it keeps the search index too).

pub mod builtin;
pub mod diagnostic;
pub mod language;
pub mod library;
pub mod load;
pub mod model;
mod suggest;
pub mod synthetic;

pub use diagnostic::{Diagnostic, Related, Report};
pub use model::{
    AuthoredKind, AuthoredQuestion, Entry, EntryRef, ExamSpec, ExamTopic, Member, Pack, PackMeta,
    Point, Source, Topic, answer_key,
};
