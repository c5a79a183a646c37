//! kisi's integration tests, in one binary (one link instead of one per
//! file): the command line, the loader, search, quizzes, progress, the
//! screens on a test backend and the real binary in a pseudo-terminal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod authored;
mod authoring;
mod cache;
mod check_words;
mod cli;
mod content_facts;
mod content_sources;
mod docs_commands;
mod e2e;
mod event_loop;
mod exam_plain;
mod exam_resume;
mod exam_screen;
mod exam_spec;
mod fairness;
mod grading;
mod interchange;
mod keys;
mod lang;
mod layout;
mod live;
mod loader;
mod numbers;
mod odd_args;
mod packs;
mod present;
mod progress;
mod questions;
mod questions_cli;
mod quiz;
mod quiz_tui;
mod relevance;
mod schema;
mod search;
mod sizes;
mod structure;
mod study;
mod styles;
mod system_words;
mod tui;
mod wording;
