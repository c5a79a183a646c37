//! A printable kisi-kisi: the pack as one self-contained HTML file (its own
//! stylesheet, nothing fetched, A4, each topic on a new page, the points
//! with their labels, the sources as footnotes) or as Markdown. The blank
//! version leaves a line to fill in for every point: students remember
//! more of a sheet they complete themselves.

use std::fmt::Write as _;

use super::html::escape;
use crate::content::model::{Entry, Pack, Topic};

/// The stylesheet: screen and print, A4.
const STYLE: &str = "\
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 11pt; line-height: 1.45;
  color: #000; background: #fff; max-width: 48em; margin: 0 auto; padding: 1em; }
h1 { font-size: 20pt; margin: 0 0 .3em; }
h2 { font-size: 15pt; border-bottom: 1px solid #000; padding-bottom: .2em; }
h3 { font-size: 12pt; margin: 1.1em 0 .3em; }
.topic ~ .topic { break-before: page; page-break-before: always; }
.entry { break-inside: avoid; page-break-inside: avoid; }
ol.points { list-style: none; padding-left: 1.2em; margin: .3em 0; }
ol.points li { margin: .15em 0; }
.label { display: inline-block; min-width: 1.8em; font-weight: bold; }
.blank { display: inline-block; width: calc(100% - 2.4em); border-bottom: 1px solid #000;
  height: 1.3em; vertical-align: bottom; }
.note { font-style: italic; }
.footnotes { font-size: 9pt; border-top: 1px solid #000; margin-top: 1.2em; padding-top: .4em; }
sup a { text-decoration: none; color: inherit; }
@media print { body { max-width: none; padding: 0; } a { color: #000; } }
";

/// The sheet as one HTML document.
pub fn html(pack: &Pack, topics: &[&Topic], blank: bool) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        escape(&pack.meta.language),
        escape(&pack.meta.title),
        escape(&pack.meta.title)
    );
    let _ = writeln!(out, "{}</header>", paragraphs(&pack.meta.description));
    let mut footnote = 0;
    for topic in topics {
        let _ = writeln!(
            out,
            "<section class=\"topic\" id=\"topic-{}\">\n<h2>{}</h2>",
            escape(&topic.id),
            escape(&topic.title)
        );
        if let Some(summary) = &topic.summary {
            out.push_str(&paragraphs(summary));
        }
        let mut notes = String::new();
        for entry in &topic.entries {
            footnote += 1;
            html_entry(&mut out, entry, footnote, blank);
            let _ = writeln!(
                notes,
                "<li id=\"fn-{footnote}\" value=\"{footnote}\">{}</li>",
                escape(&pack.citation(entry))
            );
        }
        let _ = writeln!(out, "<ol class=\"footnotes\">\n{notes}</ol>\n</section>");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_entry(out: &mut String, entry: &Entry, footnote: usize, blank: bool) {
    let _ = writeln!(
        out,
        "<article class=\"entry\" id=\"{}\">\n<h3>{}<sup><a href=\"#fn-{footnote}\">{footnote}</a></sup></h3>",
        escape(&entry.id),
        escape(&entry.title)
    );
    out.push_str(&paragraphs(&entry.body));
    if !entry.points.is_empty() {
        out.push_str("<ol class=\"points\">\n");
        for (index, point) in entry.points.iter().enumerate() {
            let label = escape(&point.display_label(index));
            if blank {
                let _ = writeln!(
                    out,
                    "<li><span class=\"label\">{label}.</span><span class=\"blank\"></span></li>"
                );
            } else {
                let _ = writeln!(
                    out,
                    "<li><span class=\"label\">{label}.</span> {}</li>",
                    escape(&point.text)
                );
            }
        }
        out.push_str("</ol>\n");
    }
    if let Some(note) = &entry.note {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(note));
    }
    out.push_str("</article>\n");
}

/// Paragraphs at blank lines, line breaks kept.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            escape(paragraph.trim()).replace('\n', "<br>\n")
        );
    }
    out
}

/// The sheet as Markdown, with footnotes; markup characters in the pack's
/// texts are escaped, so that no text turns into a link, a heading or HTML.
pub fn markdown(pack: &Pack, topics: &[&Topic], blank: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n{}\n",
        md(&pack.meta.title),
        md(&pack.meta.description)
    );
    let mut footnote = 0;
    for topic in topics {
        let _ = writeln!(out, "## {}\n", md(&topic.title));
        if let Some(summary) = &topic.summary {
            let _ = writeln!(out, "{}\n", md(summary));
        }
        let mut notes = String::new();
        for entry in &topic.entries {
            footnote += 1;
            let _ = writeln!(
                out,
                "### {}[^{footnote}]\n\n{}\n",
                md(&entry.title),
                md(&entry.body)
            );
            for (index, point) in entry.points.iter().enumerate() {
                let label = md(&point.display_label(index));
                if blank {
                    let _ = writeln!(
                        out,
                        "- **{label}.** ________________________________________"
                    );
                } else {
                    let _ = writeln!(out, "- **{label}.** {}", md(&point.text));
                }
            }
            if !entry.points.is_empty() {
                out.push('\n');
            }
            if let Some(note) = &entry.note {
                let _ = writeln!(out, "*{}*\n", md(note));
            }
            let _ = writeln!(notes, "[^{footnote}]: {}", md(&pack.citation(entry)));
        }
        let _ = writeln!(out, "{notes}");
    }
    out
}

/// Text safe in Markdown: HTML's specials escaped as entities, Markdown's
/// with a backslash.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::builtin::builtin_pack;
    use crate::content::synthetic;

    fn hostile() -> Pack {
        let mut pack = builtin_pack().unwrap_or_else(|r| panic!("{r}"));
        pack.topics[0].title = "<script>alert(1)</script> & *bold*".to_owned();
        pack.topics[0].entries[0].body = "a <img src=x onerror=alert(2)> [link](http://x)".into();
        pack
    }

    #[test]
    fn every_topic_entry_and_point_is_on_the_sheet_and_escaped() {
        let pack = builtin_pack().unwrap_or_else(|r| panic!("{r}"));
        let topics: Vec<&Topic> = pack.topics.iter().collect();
        let page = html(&pack, &topics, false);
        let md_page = markdown(&pack, &topics, false);
        for topic in &pack.topics {
            assert!(page.contains(&escape(&topic.title)), "{}", topic.title);
            assert!(md_page.contains(&md(&topic.title)), "{}", topic.title);
            for entry in &topic.entries {
                assert!(page.contains(&escape(&entry.title)), "{}", entry.title);
                assert!(page.contains(&escape(&pack.citation(entry))));
                for point in &entry.points {
                    assert!(page.contains(&escape(&point.text)), "{}", point.text);
                    assert!(md_page.contains(&md(&point.text)), "{}", point.text);
                }
            }
        }
        // The law's letters stay.
        assert!(page.contains("<span class=\"label\">f.</span>"));
        // Self-contained: nothing to fetch.
        for outside in ["<script", "<link", "src=", "@import", "url(", "http"] {
            assert!(!page.contains(outside), "{outside}");
        }
        let hostile = hostile();
        let topics: Vec<&Topic> = hostile.topics.iter().collect();
        let page = html(&hostile, &topics, false);
        assert!(
            !page.contains("<script>") && !page.contains("<img"),
            "markup got through"
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*"));
        let md_page = markdown(&hostile, &topics, false);
        assert!(!md_page.contains("<img"));
        assert!(md_page.contains("\\[link\\](http://x)"), "{md_page}");
        assert!(md_page.contains("\\*bold\\*"));
    }

    #[test]
    fn the_blank_sheet_has_a_line_for_every_point_and_no_point_text() {
        let pack = synthetic::synthetic_pack(40, 5);
        let topics: Vec<&Topic> = pack.topics.iter().collect();
        let page = html(&pack, &topics, true);
        assert_eq!(page.matches("class=\"blank\"").count(), pack.point_count());
        let md_page = markdown(&pack, &topics, true);
        for (_, entry) in pack.entries() {
            assert!(page.contains(&escape(&entry.title)));
            for point in &entry.points {
                assert!(!page.contains(&escape(&point.text)), "{}", point.text);
                assert!(!md_page.contains(&md(&point.text)), "{}", point.text);
            }
        }
    }
}
