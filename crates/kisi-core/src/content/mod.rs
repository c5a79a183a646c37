//! Study material: the model, the built-in pack, and loading with validation.

pub mod builtin;
pub mod diagnostic;
pub mod load;
pub mod model;
pub mod synthetic;

pub use diagnostic::{Diagnostic, Related, Report};
pub use model::{
    AuthoredKind, AuthoredQuestion, Entry, EntryRef, ExamSpec, ExamTopic, Pack, PackMeta, Point,
    Source, Topic,
};
