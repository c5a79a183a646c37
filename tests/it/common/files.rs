//! Pack files as text, for the loader tests.

/// A valid `pack.toml` with one source, `book`.
pub const MANIFEST: &str = r#"[pack]
id = "test-pack"
title = "Test pack"
language = "id"
version = "1.0.0"
description = "A pack for tests"

[[sources]]
id = "book"
citation = "Author (2000). Book. Publisher."
"#;
