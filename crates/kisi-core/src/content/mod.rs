//! Study material: the model, the built-in pack, loading with validation,
//! and the compiled cache of loaded pack folders.

pub mod builtin;
pub mod cache;
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
