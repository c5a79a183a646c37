//! Output of `kisi search` outside the TUI: plain text and JSON.

use std::io::{self, Write};

use serde::Serialize;

use kisi_core::content::Pack;
use kisi_core::i18n::Strings;
use kisi_core::search::{Field, Hit, Results};

/// Prints up to `limit` results, two lines each: rank, title, entry id and
/// topic; then the matched field (named in the UI language) and its
/// snippet. Plain text, no escape codes.
///
/// # Errors
/// When writing to `out` fails.
pub fn write_plain(
    results: &Results,
    pack: &Pack,
    strings: &Strings,
    limit: usize,
    out: &mut impl Write,
) -> io::Result<()> {
    for (rank, row) in rows(results, pack, limit).enumerate() {
        writeln!(
            out,
            "{}. {} [{}] ({})",
            rank + 1,
            row.title,
            row.id,
            row.topic_title
        )?;
        let name = row.matched.name(strings);
        let field = match row.point_label {
            Some(label) => format!("{name} {label}"),
            None => name.to_owned(),
        };
        writeln!(out, "   {field}: {}", row.snippet)?;
    }
    Ok(())
}

/// Prints up to `limit` results as a JSON array of objects with `id`,
/// `title`, `topic` (topic id), `topic_title`, `field` (see
/// [`kisi_core::search::FieldKind::name`]), `point` (0-based index or null), `snippet`,
/// `highlights` (char indices into `snippet`) and `score`.
///
/// # Errors
/// When writing to `out` fails.
pub fn write_json(
    results: &Results,
    pack: &Pack,
    limit: usize,
    out: &mut impl Write,
) -> io::Result<()> {
    let rows: Vec<Row<'_>> = rows(results, pack, limit).collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    title: &'a str,
    topic: &'a str,
    topic_title: &'a str,
    field: &'static str,
    #[serde(skip)]
    matched: Field,
    point: Option<usize>,
    #[serde(skip)]
    point_label: Option<String>,
    snippet: String,
    highlights: Vec<usize>,
    score: i64,
}

fn rows<'a>(results: &'a Results, pack: &'a Pack, limit: usize) -> impl Iterator<Item = Row<'a>> {
    results
        .hits()
        .iter()
        .enumerate()
        .take(limit)
        .filter_map(|(i, hit)| row(results, pack, i, hit))
}

fn row<'a>(results: &Results, pack: &'a Pack, i: usize, hit: &Hit) -> Option<Row<'a>> {
    let entry = pack.entry(hit.entry)?;
    let topic = pack.topic(hit.entry.topic)?;
    let snippet = results.highlight(pack, i)?;
    let point = hit.field.point();
    Some(Row {
        id: &entry.id,
        title: &entry.title,
        topic: &topic.id,
        topic_title: &topic.title,
        field: hit.field.kind().name(),
        matched: hit.field,
        point,
        point_label: point.and_then(|p| Some(entry.points.get(p)?.display_label(p))),
        snippet: snippet.text,
        highlights: snippet.highlights,
        score: hit.score,
    })
}
