//! kisi's command line: clap definitions and the plain-text commands, over
//! `kisi-core` (the domain) and `kisi-tui` (the full-screen interface). A
//! library so that the integration tests can call the output functions;
//! `main.rs` only calls [`cli::main`].

pub mod cli;
