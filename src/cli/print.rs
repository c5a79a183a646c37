//! The plain-text commands that print the pack: `kisi list`,
//! `show`, `search` and `themes`.

use std::io::{self, Write};
use std::process::ExitCode;

use kisi_core::content::Pack;
use kisi_core::i18n::diagnostics::ThemeKey;
use kisi_core::i18n::{Lang, Strings};
use kisi_core::search::Searcher;
use kisi_core::text::printable_line;
use kisi_tui as tui;

use super::report_io;
use super::search_output;

pub fn print_list(pack: &Pack) -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{} ({} {})",
        pack.meta.title, pack.meta.id, pack.meta.version
    )?;
    for topic in &pack.topics {
        writeln!(out)?;
        writeln!(out, "{}  [{}]", topic.title, topic.id)?;
        let width = topic.entries.iter().map(|e| e.id.len()).max().unwrap_or(0);
        for entry in &topic.entries {
            writeln!(out, "  {:<width$}  {}", entry.id, entry.title)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn print_entry(pack: &Pack, id: &str, lang: Lang) -> io::Result<ExitCode> {
    let strings = lang.strings();
    let Some(at) = pack.find_entry(id) else {
        let near = pack.entry_suggestions(id);
        eprintln!("kisi: {}", lang.cli_words().entry_not_found(id, &near));
        return Ok(ExitCode::FAILURE);
    };
    let (Some(topic), Some(entry)) = (pack.topic(at.topic), pack.entry(at)) else {
        return Ok(ExitCode::FAILURE);
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", entry.title)?;
    writeln!(out, "{} › {}  [{}]", pack.meta.title, topic.title, entry.id)?;
    writeln!(out)?;
    writeln!(out, "{}", entry.body)?;
    if !entry.points.is_empty() {
        writeln!(out)?;
        for (index, point) in entry.points.iter().enumerate() {
            writeln!(out, "  {}. {}", point.display_label(index), point.text)?;
        }
    }
    writeln!(out)?;
    if let Some(english) = &entry.english {
        writeln!(out, "{}: {english}", strings.english_term)?;
    }
    if !entry.aliases.is_empty() {
        writeln!(out, "{}: {}", strings.aliases, entry.aliases.join(", "))?;
    }
    writeln!(out, "{}: {}", strings.source, pack.citation(entry))?;
    if let Some(note) = &entry.note {
        writeln!(out, "{}: {note}", strings.note)?;
    }
    if !entry.see_also.is_empty() {
        writeln!(out, "{}: {}", strings.see_also, entry.see_also.join(", "))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn print_search(
    pack: &Pack,
    searcher: &mut Searcher,
    query: &str,
    strings: &Strings,
    limit: usize,
    json: bool,
) -> io::Result<ExitCode> {
    let results = searcher.search(pack, query);
    let mut out = io::stdout().lock();
    if json {
        search_output::write_json(&results, pack, limit, &mut out)?;
    } else if results.is_empty() {
        eprintln!("{}", strings.search_no_hit(query, &pack.meta.title));
    } else {
        search_output::write_plain(&results, pack, strings, limit, &mut out)?;
    }
    out.flush()?;
    // Like grep: 1 when nothing matched, so that scripts can tell.
    Ok(if results.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Lists the built-in themes (what each is for, in `lang`), or prints the
/// TOML of the one called `name`.
pub fn themes(name: Option<&str>, lang: Lang) -> ExitCode {
    let result = match name {
        None => tui::theme::BUILTIN.iter().try_for_each(|(name, _)| {
            writeln!(
                io::stdout(),
                "{name:<14} {}",
                tui::theme::description(name, lang)
            )
        }),
        Some(name) => {
            let Some((_, source)) = tui::theme::BUILTIN.iter().find(|(n, _)| *n == name) else {
                let names: Vec<&str> = tui::theme::BUILTIN.iter().map(|(n, _)| *n).collect();
                let message = ThemeKey::NoBuiltin
                    .with("name", printable_line(name).into_owned())
                    .with("names", names.join(", "));
                eprintln!("kisi: {}", message.render(lang));
                return ExitCode::FAILURE;
            };
            write!(io::stdout(), "{source}")
        }
    };
    result.map_or_else(|error| report_io(&error, lang), |()| ExitCode::SUCCESS)
}
