//! The built-in pack quotes its sources as they read (issue 13, items 1 and 2).
//! Every quotation a student can see is found word for word in the text it
//! comes from: UU No. 11 Tahun 2009 with its Penjelasan, UU No. 14 Tahun 2019,
//! or the blog the pack is built on; a quotation of anything else (Suharto, the
//! pack's earlier wording, a fixed spelling) is listed below with what it
//! quotes. Every list of the law stands in the article its locator names, under
//! the same letters, and none is cut short.
//!
//! The texts are in tests/fixtures/sources/: the articles the pack quotes or
//! cites, each whole, copied from the transcriptions in the GitHub repository
//! mblonyox/data-peraturan (uu/2009/11.md at bccf50b, uu/2019/14/fulltext.md
//! at 6f3fa07), and the blog's course text up to "About these ads"
//! (docs/content-audit.md). The transcriptions' line-break spaces after hyphens
//! ("seluas- luasnya") and the italics of "_Tat Twam Asi_" are undone on both
//! sides, as the pack's source citations say.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::{AuthoredKind, Entry, Pack};

/// Quotations that are not from the two laws or the blog, each with what it
/// quotes. An entry no text uses any more fails the test, so the list stays
/// true.
const OTHER_QUOTES: &[(&str, &str)] = &[
    (
        "peranan seorang pekerja sosial seringkali diwujudkan dalam kapasitasnya sebagai pendamping, bukan sebagai penyembuh atau pemecah masalah (problem solver) secara langsung",
        "Suharto (2005), from secondary copies",
    ),
    (
        "sebagai pendamping, bukan sebagai penyembuh atau pemecah masalah",
        "Suharto (2005), from secondary copies",
    ),
    (
        "peranan seorang community worker seringkali diwujudkan",
        "Suharto (2002), the paper on pendampingan sosial",
    ),
    (
        "Pendampingan Sosial dalam Pengembangan Masyarakat",
        "the title of Suharto's 2002 paper",
    ),
    (
        "Mengacu pada Parsons, Jorgensen dan Hernandez (1994), ada beberapa peran pekerjaan sosial dalam pembimbingan sosial. Lima peran di bawah ini sangat relevan",
        "Suharto (2005), from secondary copies",
    ),
    (
        "Lima peran di bawah ini sangat relevan diketahui oleh para pekerja sosial yang akan melakukan pendampingan sosial",
        "Suharto (2005), from secondary copies",
    ),
    ("beberapa peran", "Suharto (2005)"),
    ("sangat relevan", "Suharto (2005)"),
    ("pembimbingan sosial", "Suharto (2005)"),
    ("guardian", "the pack's earlier English for pelindung"),
    (
        "social support",
        "the pack's earlier English for pendampingan",
    ),
    (
        "kemampuan memecahkan masalah",
        "the pack's earlier gloss of keberfungsian sosial",
    ),
    (
        "Suharto (2009, hlm. 28)",
        "the pack's earlier, unverified reference",
    ),
    (
        "kepedulian, dan tanggung jawab",
        "the pack's earlier wording of Pasal 3 huruf d",
    ),
    (
        "individu, keluarga, kelompok, organisasi, atau masyarakat",
        "the pack's earlier summary of klien",
    ),
    (
        "meningkatkan kualitas manajemen penyelenggara kesejahteraan sosial",
        "a false statement a question asks about",
    ),
    ("responsif", "the pack's fix of the blog's \"responsive\""),
    (
        "perencanaan sosial",
        "the pack's fix of the blog's \"perencana sosial\"",
    ),
    (
        "ketetanggaan",
        "the pack's fix of the blog's \"ketetangaan\"",
    ),
    (
        "social foundation",
        "the pack's fix of the blog's \"sosial foundation\"",
    ),
    (
        "jaring pengaman sosial",
        "the programme's name, for the blog's \"jaringan pengaman sosial\"",
    ),
    (
        "Pekerjaan sosial industri",
        "the pack's fix of the blog's \"Pekerja sosial industri\"",
    ),
    (
        "corporate social responsibility",
        "the pack's fix of the blog's \"coorporate social responsibility\"",
    ),
];

fn pack() -> Pack {
    builtin_pack().unwrap_or_else(|report| panic!("{report}"))
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sources")
        .join(name);
    normalise(&fs::read_to_string(&path).unwrap())
}

/// One line of whitespace, the transcription's "seluas- luasnya" joined and
/// its italics dropped, as the pack writes them.
fn normalise(text: &str) -> String {
    let text = text.replace("( _Tat Twam Asi_ )", "(Tat Twam Asi)");
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut joined = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let previous = words[i - 1];
            let hyphen_break = previous.len() > 1
                && previous.ends_with('-')
                && word.starts_with(char::is_alphabetic);
            if !hyphen_break {
                joined.push(' ');
            }
        }
        joined.push_str(word);
    }
    joined
}

/// The sources a quotation may come from.
struct Sources {
    uu_11: String,
    uu_11_penjelasan: String,
    uu_14: String,
    blog_folded: String,
}

impl Sources {
    fn load() -> Self {
        Self {
            uu_11: fixture("uu-11-2009.txt"),
            uu_11_penjelasan: fixture("uu-11-2009-penjelasan.txt"),
            uu_14: fixture("uu-14-2019.txt"),
            blog_folded: fixture("blog-fungsi-tujuan.txt").to_lowercase(),
        }
    }

    /// Whether `part` is in one of the laws as written, or in the blog in any
    /// case (a quoted heading of the blog may start a sentence in the pack).
    fn has(&self, part: &str) -> bool {
        [&self.uu_11, &self.uu_11_penjelasan, &self.uu_14]
            .iter()
            .any(|law| law.contains(part))
            || self.blog_folded.contains(&part.to_lowercase())
    }

    /// The text of the article a locator such as "Pasal 7 ayat (3)" or
    /// "Penjelasan Pasal 2" names, in the law `source`.
    fn article(&self, source: &str, locator: &str) -> String {
        let (text, rest) = match (source, locator.strip_prefix("Penjelasan ")) {
            ("uu-11-2009", Some(rest)) => (&self.uu_11_penjelasan, rest),
            ("uu-11-2009", None) => (&self.uu_11, locator),
            ("uu-14-2019", None) => (&self.uu_14, locator),
            _ => panic!("no text for {source} {locator}"),
        };
        let number = rest
            .strip_prefix("Pasal ")
            .and_then(|r| r.split(' ').next())
            .unwrap_or_else(|| panic!("{locator}: not a Pasal"));
        article_text(text, number)
            .unwrap_or_else(|| panic!("{source} {locator}: Pasal {number} not in the fixture"))
    }
}

/// Where the article headings of `law` begin, with their numbers: "Pasal N"
/// followed by the article's text, which starts with a capital or "(" ("...
/// dalam Pasal 32 huruf a" is a reference, not a heading), and the chapter and
/// part headings and the closing formula, which end the article before them.
fn headings(law: &str) -> Vec<(usize, Option<&str>)> {
    let mut found = Vec::new();
    for (at, _) in law.match_indices("Pasal ") {
        let after = &law[at + "Pasal ".len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let next = after[digits..]
            .strip_prefix(' ')
            .and_then(|t| t.chars().next());
        if digits > 0 && next.is_some_and(|c| c.is_uppercase() || c == '(') {
            found.push((at, Some(&after[..digits])));
        }
    }
    for marker in ["BAB ", "Bagian ", "Disahkan "] {
        found.extend(law.match_indices(marker).map(|(at, _)| (at, None)));
    }
    found.sort_unstable();
    found
}

/// The text of article `number`, from its heading to the next heading.
fn article_text(law: &str, number: &str) -> Option<String> {
    let headings = headings(law);
    let index = headings.iter().position(|(_, n)| *n == Some(number))?;
    let start = headings[index].0 + "Pasal ".len() + number.len();
    let end = headings.get(index + 1).map_or(law.len(), |(at, _)| *at);
    Some(law[start..end].trim().to_owned())
}

/// The quotations in `text`: what stands between straight quotes, and between
/// curly ones outside them, each cut at "..." into the parts it quotes.
fn quotations(owner: &str, text: &str) -> Vec<String> {
    let text = normalise(text);
    let straight: Vec<&str> = text.split('"').collect();
    assert!(
        straight.len() % 2 == 1,
        "{owner}: a quotation mark is not closed in {text}"
    );
    let mut quoted = Vec::new();
    for (i, segment) in straight.iter().enumerate() {
        if i % 2 == 1 {
            quoted.push((*segment).to_owned());
        } else {
            let mut rest = *segment;
            while let Some(open) = rest.find('“') {
                let inner = &rest[open + '“'.len_utf8()..];
                let close = inner
                    .find('”')
                    .unwrap_or_else(|| panic!("{owner}: “ not closed in {text}"));
                quoted.push(inner[..close].to_owned());
                rest = &inner[close + '”'.len_utf8()..];
            }
        }
    }
    quoted
        .iter()
        .flat_map(|q| q.split("...").map(str::to_owned).collect::<Vec<_>>())
        .map(|part| part.trim().trim_end_matches([' ', '.']).to_owned())
        .filter(|part| !part.is_empty())
        .collect()
}

/// Every text a student can read, with the id of what it belongs to.
fn texts(pack: &Pack) -> Vec<(String, String)> {
    let mut texts = vec![("pack".to_owned(), pack.meta.description.clone())];
    for source in &pack.sources {
        texts.push((source.id.clone(), source.citation.clone()));
    }
    for topic in &pack.topics {
        texts.push((topic.id.clone(), topic.title.clone()));
        texts.extend(topic.summary.iter().map(|s| (topic.id.clone(), s.clone())));
        for question in &topic.questions {
            let id = question.id.clone();
            texts.push((id.clone(), question.prompt.clone()));
            texts.extend(question.explanation.iter().map(|e| (id.clone(), e.clone())));
            let mut answers: Vec<String> = Vec::new();
            match &question.kind {
                AuthoredKind::Choice { options, .. } | AuthoredKind::SelectAll { options, .. } => {
                    answers.extend(options.iter().cloned());
                }
                AuthoredKind::Typed { answers: typed } => answers.extend(typed.iter().cloned()),
                AuthoredKind::Ordering { items } | AuthoredKind::ListAll { items } => {
                    answers.extend(items.iter().cloned());
                }
                AuthoredKind::Matching { pairs } => {
                    answers.extend(pairs.iter().flat_map(|(l, r)| [l.clone(), r.clone()]));
                }
                AuthoredKind::TrueFalse { .. } => {}
            }
            texts.extend(answers.into_iter().map(|a| (id.clone(), a)));
        }
    }
    for (_, e) in pack.entries() {
        let id = e.id.to_string();
        for text in [Some(&*e.title), Some(&*e.body), e.note.as_deref()]
            .into_iter()
            .flatten()
        {
            texts.push((id.clone(), text.to_owned()));
        }
        texts.extend(e.points.iter().map(|p| (id.clone(), p.text.to_string())));
    }
    texts
}

#[test]
fn every_quotation_is_found_word_for_word_in_what_it_quotes() {
    let pack = pack();
    let sources = Sources::load();
    let mut unknown = Vec::new();
    let mut used = BTreeSet::new();
    for (owner, text) in texts(&pack) {
        for part in quotations(&owner, &text) {
            if let Some((quote, _)) = OTHER_QUOTES.iter().find(|(q, _)| *q == part) {
                used.insert(*quote);
            } else if !sources.has(&part) {
                unknown.push(format!("{owner}: \"{part}\""));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "quoted, but not in the law, the blog or OTHER_QUOTES:\n{}",
        unknown.join("\n")
    );
    for (quote, what) in OTHER_QUOTES {
        assert!(
            used.contains(quote),
            "no text quotes {quote} ({what}) any more"
        );
        assert!(
            !sources.has(quote),
            "{quote} is in the law or the blog: it needs no place in OTHER_QUOTES"
        );
    }
}

/// The law entries: an article (or part of one) of UU 11/2009 or UU 14/2019.
fn law_entries(pack: &Pack) -> Vec<&Entry> {
    pack.entries()
        .map(|(_, e)| e)
        .filter(|e| e.source.starts_with("uu-"))
        .filter(|e| e.tags.iter().any(|t| &**t == "undang-undang"))
        .collect()
}

#[test]
fn every_law_entry_quotes_the_article_its_locator_names() {
    let pack = pack();
    let sources = Sources::load();
    let law = law_entries(&pack);
    assert!(law.len() >= 45, "only {} law entries", law.len());
    for e in law {
        let locator = e
            .locator
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no locator", e.id));
        let article = sources.article(&e.source, locator);
        // A single definition of Pasal 1 is quoted with its number.
        let angka = locator
            .strip_prefix("Pasal 1 angka ")
            .filter(|a| !a.contains('-'));
        for part in quotations(&e.id, &e.body) {
            let needle = angka.map_or_else(|| part.clone(), |a| format!("{a}. {part}"));
            assert!(
                article.contains(&needle),
                "{}: \"{needle}\" is not in {locator}: {article}",
                e.id
            );
        }
        if e.points.is_empty() {
            continue;
        }
        let penjelasan = locator.starts_with("Penjelasan");
        for point in &e.points {
            let label = point
                .label
                .as_deref()
                .unwrap_or_else(|| panic!("{}: a point of the law without its letter", e.id));
            let needle = if penjelasan {
                format!("Huruf {label} {}", point.text)
            } else {
                format!("{label}. {}", point.text)
            };
            assert!(
                article.contains(&needle),
                "{}: \"{needle}\" is not in {locator}: {article}",
                e.id
            );
        }
        // The list is not cut short: the law has no item after the last one,
        // unless the locator names a range of Pasal 1's definitions.
        if locator.starts_with("Pasal 1 angka ") {
            let range = locator.trim_start_matches("Pasal 1 angka ");
            let (first, last) = range.split_once('-').unwrap();
            let labels: Vec<&str> = e.points.iter().filter_map(|p| p.label.as_deref()).collect();
            assert_eq!(labels.first(), Some(&first), "{}", e.id);
            assert_eq!(labels.last(), Some(&last), "{}", e.id);
            continue;
        }
        let last = e.points.last().unwrap();
        let label = last.label.as_deref().unwrap();
        let next = if penjelasan {
            format!("Huruf {}", next_letter(label))
        } else {
            format!("{}. ", next_letter(label))
        };
        let at = article.find(&*last.text).unwrap() + last.text.len();
        let after = article[at..].trim_start();
        assert!(
            !after.starts_with(&next),
            "{}: the list of {locator} goes on: {after}",
            e.id
        );
        if !penjelasan {
            assert!(
                last.text.ends_with('.'),
                "{}: {} is not the end",
                e.id,
                last.text
            );
        }
    }
}

fn next_letter(label: &str) -> char {
    let c = label.chars().next().unwrap();
    char::from_u32(c as u32 + 1).unwrap()
}

#[test]
fn every_article_of_the_audit_has_an_entry_at_that_locator() {
    // content-facts.md, section 6, and the primary definitions of section 5.
    let required: &[(&str, &[&str])] = &[
        (
            "uu-11-2009",
            &[
                "Pasal 1 angka 1",
                "Pasal 1 angka 2",
                "Pasal 1 angka 3",
                "Pasal 1 angka 4",
                "Pasal 1 angka 5",
                "Pasal 1 angka 6",
                "Pasal 1 angka 7",
                "Pasal 1 angka 8",
                "Pasal 1 angka 9",
                "Pasal 1 angka 10",
                "Pasal 1 angka 11",
                "Pasal 2",
                "Pasal 3",
                "Pasal 4",
                "Pasal 5 ayat (1)",
                "Pasal 5 ayat (2)",
                "Pasal 6",
                "Pasal 7 ayat (1) dan (2)",
                "Pasal 7 ayat (3)",
                "Pasal 9",
                "Pasal 10",
                "Pasal 12 ayat (1) dan (2)",
                "Pasal 12 ayat (3)",
                "Pasal 14",
                "Pasal 15",
                "Pasal 16",
                "Pasal 17",
                "Pasal 33 ayat (1)",
                "Pasal 38 ayat (1) dan (2)",
                "Pasal 40",
                "Pasal 57",
                "Penjelasan Pasal 2",
                "Penjelasan Pasal 3 huruf b",
                "Penjelasan Pasal 7 ayat (1)",
            ],
        ),
        (
            "uu-14-2019",
            &[
                "Pasal 1 angka 1",
                "Pasal 1 angka 2",
                "Pasal 1 angka 3",
                "Pasal 1 angka 9",
                "Pasal 1 angka 1-9",
                "Pasal 2",
                "Pasal 3",
                "Pasal 4",
                "Pasal 16 ayat (1)",
                "Pasal 42",
                "Pasal 59",
                "Pasal 66",
            ],
        ),
    ];
    let pack = pack();
    for (source, locators) in required {
        for locator in *locators {
            assert!(
                pack.entries()
                    .any(|(_, e)| &*e.source == *source && e.locator.as_deref() == Some(locator)),
                "no entry quotes {source} {locator}"
            );
        }
    }
}
