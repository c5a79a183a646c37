//! The plain-text commands that print the pack: `kisi check`, `list`,
//! `show`, `search` and `themes`.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use kisi_core::authoring;
use kisi_core::authoring::check::CheckFormat;
use kisi_core::content::Pack;
use kisi_core::i18n::{Lang, Strings};
use kisi_core::search::Searcher;
use kisi_core::text::printable_line;
use kisi_tui as tui;

use super::search_output;
use super::{color_for, load_pack, report_io};

pub fn check(dir: Option<&Path>, format: CheckFormat, lang: Lang) -> ExitCode {
    let strings = lang.strings();
    // A check always validates the TOML itself, never a cached copy.
    let result = load_pack(dir, true);
    let warnings = result
        .as_ref()
        .ok()
        .map(|pack| authoring::lint::pack_warnings(dir, pack, lang));
    if format == CheckFormat::Json {
        return authoring::check::print_json(&result, warnings.as_ref());
    }
    let mut out = io::stdout().lock();
    let (written, verdict) = match result {
        Ok(pack) => (
            writeln!(
                out,
                "{}: {} ({})",
                strings.pack_valid,
                pack.meta.title,
                strings.pack_counts(pack.topics.len(), pack.entry_count(), pack.point_count())
            )
            .and_then(|()| authoring::lint::print_warnings(&mut out, warnings.as_ref(), lang)),
            ExitCode::SUCCESS,
        ),
        Err(report) => (
            write!(out, "{}", report.render(color_for(&io::stdout()))),
            ExitCode::FAILURE,
        ),
    };
    // The exit code is the verdict on the pack, closed pipe or not.
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => report_io(&error),
        _ => verdict,
    }
}

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

/// Lists the built-in themes, or prints the TOML of the one called `name`.
pub fn themes(name: Option<&str>) -> ExitCode {
    let result = match name {
        None => tui::theme::BUILTIN.iter().try_for_each(|(name, source)| {
            writeln!(
                io::stdout(),
                "{name:<14} {}",
                tui::theme::description(source)
            )
        }),
        Some(name) => {
            let Some((_, source)) = tui::theme::BUILTIN.iter().find(|(n, _)| *n == name) else {
                eprintln!(
                    "kisi: no built-in theme `{}`. kisi themes",
                    printable_line(name)
                );
                return ExitCode::FAILURE;
            };
            write!(io::stdout(), "{source}")
        }
    };
    result.map_or_else(|error| report_io(&error), |()| ExitCode::SUCCESS)
}
