//! The house rules the source tree itself keeps (issue 11; docs/architecture.md,
//! "File size and layers"): no source file over 600 lines without a reason
//! written at its top, and no import cycle between the top-level modules of
//! a crate, read from the `crate::…` and `super::…` paths of its files.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The most lines a source file has without saying why.
const MAX_LINES: usize = 600;

/// How a long file says why: a line of its opening `//!` comment that
/// starts with these words.
const REASON: &str = "//! Long because";

/// The crates whose top-level modules must not import each other in a
/// circle.
const LAYERED: [&str; 4] = [
    "crates/kisi-core/src",
    "crates/kisi-live/src",
    "crates/kisi-tui/src",
    "src",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The source folders the size rule covers: src/ and every crates/*/src.
fn source_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![root().join("src")];
    let mut crates: Vec<PathBuf> = fs::read_dir(root().join("crates"))
        .unwrap()
        .map(|entry| entry.unwrap().path().join("src"))
        .filter(|src| src.is_dir())
        .collect();
    crates.sort();
    dirs.extend(crates);
    dirs
}

/// Whether the file's opening `//!` comment says why it is long.
fn says_why(text: &str) -> bool {
    text.lines()
        .take_while(|line| line.starts_with("//!"))
        .any(|line| line.starts_with(REASON))
}

#[test]
fn no_source_file_is_long_without_a_reason() {
    let mut long = Vec::new();
    for dir in source_dirs() {
        for file in rust_files(&dir) {
            let text = fs::read_to_string(&file).unwrap();
            let lines = text.lines().count();
            if lines > MAX_LINES && !says_why(&text) {
                let shown = file.strip_prefix(root()).unwrap_or(&file).display();
                long.push(format!("{shown}: {lines} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines with no `{REASON} …` line in the opening comment; split \
         them along their seams (a folder, a file per part) or write why not:\n  {}",
        long.join("\n  ")
    );
}

#[test]
fn the_reason_is_read_from_the_opening_comment_only() {
    assert!(says_why(
        "//! Tables.\n//! Long because it lists every key.\n\nuse x;\n"
    ));
    assert!(!says_why("//! Tables.\n\n//! Long because it is.\n"));
    assert!(!says_why("use x;\n//! Long because\n"));
    assert!(!says_why("//! Tables, long because of the keys.\n"));
}

/// A token of Rust source, as far as paths need: comments, strings,
/// characters and numbers are skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

/// At a raw string (`r"…"`, `r#"…"#`, `br"…"`): its number of `#` and
/// where its text starts.
fn raw_string(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let mut i = at + usize::from(chars.get(at) == Some(&'b'));
    if chars.get(i) != Some(&'r') {
        return None;
    }
    i += 1;
    let mut hashes = 0;
    while chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    (chars.get(i) == Some(&'"')).then_some((hashes, i + 1))
}

fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if i >= chars.len() {
                    break;
                } else if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if let Some((hashes, body)) = raw_string(&chars, i).filter(|_| !word_before) {
            i = body;
            while i < chars.len() && !(chars[i] == '"' && (1..=hashes).all(|h| at(i + h) == '#')) {
                i += 1;
            }
            i += hashes + 1;
        } else if c == '"' || (c == 'b' && at(i + 1) == '"' && !word_before) {
            i += if c == '"' { 1 } else { 2 };
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == '\'' {
            // A character ('x', '\n', '\u{1F600}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Ident(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else if c == ':' && at(i + 1) == ':' {
            out.push(Token::PathSep);
            i += 2;
        } else {
            if "{},;*".contains(c) {
                out.push(Token::Punct(c));
            }
            i += 1;
        }
    }
    out
}

/// The first names of the paths at `tokens[at..]`: `a` of `a::b`, and each
/// first name of a group, `a` and `b` of `{a::x, b}`.
fn first_names(tokens: &[Token], at: usize, names: &mut BTreeSet<String>) {
    match tokens.get(at) {
        Some(Token::Ident(name)) => {
            names.insert(name.clone());
        }
        Some(Token::Punct('{')) => {
            let mut depth = 0;
            let mut item_start = true;
            for token in &tokens[at + 1..] {
                match token {
                    Token::Punct('{') => depth += 1,
                    Token::Punct('}') if depth == 0 => break,
                    Token::Punct('}') => depth -= 1,
                    Token::Punct(',') if depth == 0 => {
                        item_start = true;
                        continue;
                    }
                    Token::Ident(name) if item_start && depth == 0 => {
                        names.insert(name.clone());
                    }
                    _ => {}
                }
                item_start = false;
            }
        }
        _ => {}
    }
}

/// The names right under the crate root that the code of the module at
/// `module` (its path from the root, `["quiz", "generate"]`) names through
/// `crate::…` or through enough `super::` to reach the root. Inline
/// modules (`mod tests { … }`) count as a level for `super`.
fn root_names(code: &str, module: &[String]) -> BTreeSet<String> {
    let tokens = tokens(code);
    let mut names = BTreeSet::new();
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    for (i, token) in tokens.iter().enumerate() {
        let after_sep = i > 0 && tokens[i - 1] == Token::PathSep;
        let ident = |j: usize| match tokens.get(j) {
            Some(Token::Ident(name)) => Some(name.as_str()),
            _ => None,
        };
        match token {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
            }
            Token::Ident(word) if word == "mod" => {
                if let (Some(name), Some(Token::Punct('{'))) = (ident(i + 1), tokens.get(i + 2)) {
                    inline.push((name.to_string(), depth + 1));
                }
            }
            Token::Ident(word)
                if word == "crate" && !after_sep && tokens.get(i + 1) == Some(&Token::PathSep) =>
            {
                first_names(&tokens, i + 2, &mut names);
            }
            Token::Ident(word) if word == "super" && !after_sep => {
                let mut ups = 0;
                let mut j = i;
                while ident(j) == Some("super") && tokens.get(j + 1) == Some(&Token::PathSep) {
                    ups += 1;
                    j += 2;
                }
                let here: Vec<&str> = module
                    .iter()
                    .map(String::as_str)
                    .chain(inline.iter().map(|(name, _)| name.as_str()))
                    .collect();
                match here.get(..here.len().saturating_sub(ups)) {
                    Some([]) if ups > 0 => first_names(&tokens, j, &mut names),
                    Some([top, ..]) => {
                        names.insert((*top).to_string());
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    names
}

/// For each top-level module of the crate in `src`, the other top-level
/// modules it imports, each with the files that do.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let files = rust_files(src);
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|file| {
            let first = file.strip_prefix(src).ok()?.components().next()?;
            let name = first.as_os_str().to_str()?;
            let name = name.strip_suffix(".rs").unwrap_or(name);
            (!["lib", "main"].contains(&name)).then(|| name.to_string())
        })
        .collect();
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(src).unwrap();
        let mut module: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module.last().is_some_and(|last| last == "mod") {
            module.pop();
        }
        let Some(top) = module.first().filter(|top| modules.contains(*top)).cloned() else {
            continue;
        };
        let code = fs::read_to_string(file).unwrap();
        for name in root_names(&code, &module) {
            if name != top && modules.contains(&name) {
                graph
                    .entry(top.clone())
                    .or_default()
                    .entry(name)
                    .or_default()
                    .insert(relative.display().to_string());
            }
        }
    }
    graph
}

/// Each import cycle of `graph`, one per set of modules that reach each
/// other, shortest first from its first module: `a → b (a/x.rs) → a (b.rs)`.
fn cycles(graph: &BTreeMap<String, BTreeMap<String, BTreeSet<String>>>) -> Vec<String> {
    let next = |from: &str| graph.get(from).into_iter().flat_map(BTreeMap::keys);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut found = Vec::new();
    for start in graph.keys() {
        if seen.contains(start) {
            continue;
        }
        // Breadth first from `start` back to `start`: the shortest cycle.
        let mut came_from: BTreeMap<String, String> = BTreeMap::new();
        let mut queue: VecDeque<String> = next(start).cloned().collect();
        for first in next(start) {
            came_from.insert(first.clone(), start.clone());
        }
        while let Some(module) = queue.pop_front() {
            if module == *start {
                break;
            }
            for to in next(&module) {
                if !came_from.contains_key(to) {
                    came_from.insert(to.clone(), module.clone());
                    queue.push_back(to.clone());
                }
            }
        }
        if !came_from.contains_key(start) {
            continue;
        }
        let mut path = vec![start.clone()];
        let mut at = came_from[start].clone();
        while at != *start {
            path.push(at.clone());
            at = came_from[&at].clone();
        }
        path.push(start.clone());
        path.reverse();
        let mut shown = path[0].clone();
        for pair in path.windows(2) {
            let files = &graph[&pair[0]][&pair[1]];
            let file = files.iter().next().map_or("", String::as_str);
            write!(shown, " → {} ({file})", pair[1]).unwrap();
        }
        seen.extend(path);
        found.push(shown);
    }
    found
}

#[test]
fn top_level_modules_import_each_other_in_no_cycle() {
    let mut found = Vec::new();
    for src in LAYERED {
        for cycle in cycles(&module_graph(&root().join(src))) {
            found.push(format!("{src}: {cycle}"));
        }
    }
    assert!(
        found.is_empty(),
        "import cycles between top-level modules; move what both need down a layer \
         (docs/architecture.md, \"File size and layers\"):\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn the_import_reader_finds_every_path_to_another_module() {
    let code = r#"
        use crate::content::Pack;
        use crate::{i18n::Lang, search};
        // use crate::room;
        const S: &str = "crate::interchange";
        const C: char = '"';
        fn f<'a>(x: &'a str) -> bool { crate::text::fold(x); super::super::progress::x() }
        mod tests {
            use super::*;
            use super::super::super::authoring;
        }
    "#;
    let names = root_names(code, &["quiz".to_string(), "generate".to_string()]);
    let expected = [
        "authoring",
        "content",
        "i18n",
        "progress",
        "quiz",
        "search",
        "text",
    ];
    assert_eq!(names, expected.iter().map(|n| (*n).to_string()).collect());
}

#[test]
fn a_cycle_is_named_with_the_files_that_make_it() {
    let mut graph: BTreeMap<String, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut edge = |from: &str, to: &str, file: &str| {
        graph
            .entry(from.to_string())
            .or_default()
            .entry(to.to_string())
            .or_default()
            .insert(file.to_string());
    };
    edge("content", "i18n", "content/model.rs");
    edge("i18n", "search", "i18n/strings.rs");
    edge("search", "content", "search/mod.rs");
    edge("quiz", "content", "quiz/mod.rs");
    assert_eq!(
        cycles(&graph),
        ["content → i18n (content/model.rs) → search (i18n/strings.rs) → content (search/mod.rs)"]
    );
    graph.get_mut("search").unwrap().remove("content");
    assert!(cycles(&graph).is_empty());
}
