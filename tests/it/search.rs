//! Ranking, matching rules, snippets and output of the search domain.

use kisi::cli::search_output::{write_json, write_plain};
use kisi_core::content::synthetic::synthetic_pack;
use kisi_core::content::{EntryRef, Pack};
use kisi_core::i18n::Lang;
use kisi_core::search::{Field, FieldKind, Results, Searcher};
use kisi_core::text::{fold, spell};
use proptest::prelude::*;

use crate::common;

use common::model::{entry, topic};

fn pack() -> Pack {
    let mut mediator = entry(
        "peran-mediator",
        "Mediator",
        "Pekerja sosial menjadi penengah bila ada konflik antara klien dan lingkungannya.",
        &[],
    );
    mediator.aliases = Box::new(["penengah".into()]);
    mediator.english = Some("mediator".into());
    let mut pasal_3 = entry(
        "uu-11-2009-pasal-3",
        "Pasal 3: Tujuan penyelenggaraan kesejahteraan sosial",
        "Penyelenggaraan kesejahteraan sosial bertujuan:",
        &[
            "meningkatkan taraf kesejahteraan, kualitas, dan kelangsungan hidup;",
            "memulihkan fungsi sosial dalam rangka mencapai kemandirian;",
            "meningkatkan ketahanan sosial masyarakat dalam mencegah dan menangani masalah kesejahteraan sosial;",
        ],
    );
    pasal_3.tags = Box::new(["undang-undang".into()]);
    let mut pasal_1 = entry(
        "uu-11-2009-pasal-1",
        "Pasal 1: Pengertian",
        "Kesejahteraan sosial adalah kondisi terpenuhinya kebutuhan warga negara; tujuannya ada di pasal 3.",
        &[],
    );
    pasal_1.note = Some("Blog sumber keliru menyebut pasal 30.".into());
    common::model::pack(
        "uji",
        "Dubois, B. & Miley, K. K. (2005). Social Work: An Empowering Profession.",
        vec![
            topic(
                "peran",
                "Peran pekerja sosial",
                vec![
                    mediator,
                    entry(
                        "peran-fasilitator",
                        "Fasilitator",
                        "Memfasilitasi kelompok dalam kondisi sosial keluarga yang sulit.",
                        &[],
                    ),
                    entry(
                        "evaluasi",
                        "Évaluasi program",
                        "Menilai hasil pelayanan.",
                        &[],
                    ),
                ],
            ),
            topic(
                "uu-11-2009",
                "UU No. 11 Tahun 2009 tentang Kesejahteraan Sosial",
                vec![pasal_1, pasal_3],
            ),
            topic(
                "bidang-garapan",
                "Bidang garapan pekerjaan sosial",
                vec![
                    entry(
                        "bidang-keluarga",
                        "Keluarga dan pelayanan anak",
                        "Setting pelayanan bagi keluarga dan anak.",
                        &[
                            "penguatan keluarga",
                            "konseling keluarga",
                            "pemeliharaan anak dan adopsi",
                        ],
                    ),
                    entry(
                        "bidang-sekolah",
                        "Pekerjaan sosial sekolah",
                        "Pekerja sosial di sekolah.",
                        &["konseling penyesuaian sekolah"],
                    ),
                ],
            ),
        ],
    )
}

fn search(pack: &Pack, query: &str) -> Results {
    Searcher::new(pack).search(pack, query)
}

fn ids(pack: &Pack, results: &Results) -> Vec<String> {
    results
        .hits()
        .iter()
        .map(|h| pack.entry(h.entry).unwrap().id.to_string())
        .collect()
}

/// The highlighted chars of hit `i`, as a string.
fn highlighted(pack: &Pack, results: &Results, i: usize) -> String {
    let snippet = results.highlight(pack, i).unwrap();
    let chars: Vec<char> = snippet.text.chars().collect();
    snippet.highlights.iter().map(|&h| chars[h]).collect()
}

#[test]
fn konsel_finds_family_counseling_point_first() {
    let pack = pack();
    let results = search(&pack, "konsel");
    let first = results.get(0).unwrap();
    assert_eq!(&*pack.entry(first.entry).unwrap().id, "bidang-keluarga");
    assert_eq!(first.field, Field::Point(1));
    assert_eq!(first.field.point(), Some(1));
    assert_eq!(highlighted(&pack, &results, 0), "konsel");
    // The scattered k‥o‥n‥s‥e‥l in "kondisi sosial keluarga" is not a match
    // inside a body.
    assert!(!ids(&pack, &results).contains(&"peran-fasilitator".to_owned()));
}

#[test]
fn pasal_3_title_comes_before_mentions() {
    let pack = pack();
    let results = search(&pack, "pasal 3");
    let first = results.get(0).unwrap();
    assert_eq!(&*pack.entry(first.entry).unwrap().id, "uu-11-2009-pasal-3");
    assert_eq!(first.field.kind(), FieldKind::Title);
    assert_eq!(
        ids(&pack, &results)[1],
        "uu-11-2009-pasal-1",
        "the body mention ranks next"
    );
}

#[test]
fn a_word_that_is_a_point_label_opens_the_entry_at_that_point() {
    let pack = kisi_core::content::builtin::builtin_pack().unwrap();
    let results = search(&pack, "pasal 3 e");
    let first = results.get(0).unwrap();
    let entry = pack.entry(first.entry).unwrap();
    assert_eq!(&*entry.id, "uu-11-2009-pasal-3");
    assert_eq!(first.field, Field::Point(4), "point e is the fifth");
    assert_eq!(entry.points[4].label.as_deref(), Some("e"));
    // Numbers of unlabelled points do not count: "pasal 3" is the title.
    let results = search(&pack, "pasal 3");
    assert_eq!(results.get(0).unwrap().field, Field::Title);
}

#[test]
fn typo_still_finds_mediator_title() {
    let pack = pack();
    let results = search(&pack, "mediatr");
    let first = results.get(0).unwrap();
    assert_eq!(first.entry, EntryRef { topic: 0, entry: 0 });
    assert_eq!(first.field, Field::Title);
    assert_eq!(highlighted(&pack, &results, 0), "Mediatr");
}

#[test]
fn short_names_match_across_words_long_titles_only_within_a_word() {
    let pack = kisi_core::content::builtin::builtin_pack().unwrap();
    // k‥e‥s from "Ketahanan", o‥s from "sosial": a short name still matches.
    let results = search(&pack, "kesos");
    let first = results.get(0).unwrap();
    assert_eq!(
        pack.entry(first.entry).unwrap().id.as_ref(),
        "glosarium-ketahanan-sosial"
    );
    assert_eq!(first.field, Field::Title);
    // "konsel" is a word of one setting's point; it is not the scattered
    // k‥o‥n‥s‥e‥l across "social work roles in social accompaniment:
    // facilitator, …" (an English term of many words).
    let results = search(&pack, "konsel");
    for (i, hit) in results.hits().iter().enumerate() {
        assert!(
            !matches!(hit.field, Field::English | Field::Title | Field::Topic)
                || highlighted(&pack, &results, i)
                    .to_lowercase()
                    .contains("konsel"),
            "{:?} of {} matched across words",
            hit.field,
            pack.entry(hit.entry).unwrap().id
        );
    }
}

#[test]
fn kinds_rank_title_alias_english_body() {
    let pack = pack();
    // "penengah" is an alias and in the body of the mediator: the alias shows.
    let results = search(&pack, "penengah");
    assert_eq!(results.get(0).unwrap().field, Field::Alias(0));
    // p‥e‥n‥e‥n‥g‥a‥h scattered across the words of the long Pasal 3 title
    // is no match: a title of more than four words is matched word by word.
    assert_eq!(ids(&pack, &results), vec!["peran-mediator"]);
    assert!(FieldKind::Title < FieldKind::Alias);
    assert!(FieldKind::Alias < FieldKind::Point);
    assert!(FieldKind::Point < FieldKind::Body);
}

#[test]
fn accents_do_not_matter() {
    let pack = pack();
    let results = search(&pack, "evaluasi");
    assert_eq!(ids(&pack, &results), vec!["evaluasi"]);
    let snippet = results.highlight(&pack, 0).unwrap();
    assert_eq!(snippet.text, "Évaluasi program");
    assert_eq!(snippet.highlights, (0..8).collect::<Vec<_>>());
    // And the other way round: an accented query finds plain text.
    assert_eq!(ids(&pack, &search(&pack, "mediatór"))[0], "peran-mediator");
}

#[test]
fn words_must_all_match_in_any_order_and_field() {
    let pack = pack();
    let one = search(&pack, "ketahanan sosial");
    let other = search(&pack, "sosial ketahanan");
    assert_eq!(ids(&pack, &one), vec!["uu-11-2009-pasal-3"]);
    assert_eq!(one.hits(), other.hits());
    assert_eq!(one.get(0).unwrap().field, Field::Point(2));
    // Words from different fields of one entry: title and body.
    assert_eq!(
        ids(&pack, &search(&pack, "konflik mediator")),
        vec!["peran-mediator"]
    );
    assert!(search(&pack, "mediator adopsi").is_empty());
}

#[test]
fn quoted_words_match_exactly() {
    let pack = pack();
    assert!(!search(&pack, "kslg").is_empty(), "fuzzy finds konseling");
    assert!(search(&pack, "'kslg").is_empty());
    assert!(search(&pack, "\"kslg").is_empty());
    let exact = search(&pack, "'konsel");
    assert_eq!(ids(&pack, &exact)[0], "bidang-keluarga");
    let phrase = search(&pack, "\"ketahanan sosial\"");
    assert_eq!(ids(&pack, &phrase), vec!["uu-11-2009-pasal-3"]);
    assert!(search(&pack, "\"sosial ketahanan\"").is_empty());
}

#[test]
fn capitals_make_the_query_case_sensitive() {
    let pack = pack();
    assert_eq!(
        ids(&pack, &search(&pack, "konflik")),
        vec!["peran-mediator"]
    );
    // Only the lower-case body holds it.
    assert!(search(&pack, "Konflik").is_empty());
    assert_eq!(
        ids(&pack, &search(&pack, "Mediator")),
        vec!["peran-mediator"]
    );
    assert!(search(&pack, "MEDIATOR").is_empty());
    // A capital accented letter matches its unaccented capital.
    assert_eq!(ids(&pack, &search(&pack, "Eval")), vec!["evaluasi"]);
}

#[test]
fn empty_query_finds_nothing() {
    let pack = pack();
    assert!(search(&pack, "").is_empty());
    assert!(search(&pack, "   ").is_empty());
    assert!(search(&pack, "'").is_empty());
}

#[test]
fn topic_titles_and_citations_are_searchable() {
    let pack = pack();
    let results = search(&pack, "tahun 2009");
    assert_eq!(
        ids(&pack, &results),
        vec!["uu-11-2009-pasal-1", "uu-11-2009-pasal-3"]
    );
    assert!(results.hits().iter().all(|h| h.field == Field::Topic));
    let cited = search(&pack, "dubois");
    assert_eq!(cited.len(), pack.entry_count());
    assert_eq!(cited.get(0).unwrap().field, Field::Source);
    assert_eq!(highlighted(&pack, &cited, 0), "Dubois");
}

#[test]
fn a_topic_summary_finds_its_entries_below_their_own_matches() {
    let mut pack = pack();
    pack.topics[0].summary = Some("Peran penengah dan perantara dalam pertolongan.".into());
    // Only the summary holds "pertolongan": every entry of the topic, and
    // only those, with the summary shown and highlighted.
    let results = search(&pack, "pertolongan");
    let topic: Vec<String> = pack.topics[0]
        .entries
        .iter()
        .map(|e| e.id.to_string())
        .collect();
    assert_eq!(ids(&pack, &results), topic);
    assert!(results.hits().iter().all(|h| h.field == Field::Summary));
    assert_eq!(highlighted(&pack, &results, 0), "pertolongan");
    // "penengah" is Mediator's alias too: that entry comes first, through
    // its own field; the others of the topic follow through the summary.
    let results = search(&pack, "penengah");
    assert_eq!(ids(&pack, &results)[0], "peran-mediator");
    assert_eq!(results.get(0).unwrap().field, Field::Alias(0));
    assert!(
        results.hits()[1..]
            .iter()
            .all(|h| h.field == Field::Summary)
    );
    assert_eq!(results.len(), topic.len());
    assert_eq!(Field::Summary.kind().name(), "summary");
}

#[test]
fn body_snippets_are_windows_with_char_highlights() {
    let mut pack = pack();
    let long = format!(
        "{} rehabilitasi sosial bagi pecandu {}",
        "pembuka ".repeat(30),
        "penutup ".repeat(30)
    );
    pack.topics[0].entries[1].body = long.into();
    let results = search(&pack, "pecandu");
    let snippet = results.highlight(&pack, 0).unwrap();
    assert!(snippet.text.starts_with('…') && snippet.text.ends_with('…'));
    assert!(snippet.text.chars().count() < 80);
    assert_eq!(highlighted(&pack, &results, 0), "pecandu");
    assert_eq!(results.highlight(&pack, 1), None);
}

#[test]
fn typing_incrementally_equals_searching_afresh() {
    let pack = synthetic_pack(600, 11);
    let mut typing = Searcher::new(&pack);
    let keys = "ketahanan sosial";
    let mut prefixes: Vec<&str> = (1..=keys.len()).map(|n| &keys[..n]).collect();
    // Then backspace down to "ket" and a new word.
    prefixes.extend([
        "ketahanan sosia",
        "ketahanan",
        "ket",
        "ketx",
        "Ket",
        "ket 'a",
    ]);
    for query in prefixes {
        let incremental = typing.search(&pack, query);
        let fresh = search(&pack, query);
        assert_eq!(incremental.hits(), fresh.hits(), "query {query:?}");
    }
}

/// A search given up (the TUI's newer keystroke) returns nothing, and the
/// searches after it give what a fresh searcher gives.
#[test]
fn a_search_given_up_changes_no_later_result() {
    let pack = synthetic_pack(9_000, 12);
    let mut typing = Searcher::new(&pack);
    typing.search(&pack, "ke");
    let count = std::sync::atomic::AtomicUsize::new(0);
    let give_up = || {
        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        true
    };
    assert!(typing.search_unless(&pack, "ket", &give_up).is_none());
    assert!(count.into_inner() > 0, "asked while ranking");
    assert_eq!(
        typing
            .search_unless(&pack, "kata", &|| false)
            .map(|r| r.hits().to_vec()),
        Some(search(&pack, "kata").hits().to_vec())
    );
    for query in ["ket", "keta", "k"] {
        assert_eq!(
            typing.search(&pack, query).hits(),
            search(&pack, query).hits(),
            "{query:?}"
        );
    }
}

#[test]
fn plain_and_json_output() {
    let pack = pack();
    let results = search(&pack, "konsel");
    let mut plain = Vec::new();
    write_plain(&results, &pack, Lang::En.strings(), 1, &mut plain).unwrap();
    let plain = String::from_utf8(plain).unwrap();
    assert_eq!(
        plain,
        "1. Keluarga dan pelayanan anak [bidang-keluarga] (Bidang garapan pekerjaan sosial)\n   point 2: konseling keluarga\n"
    );
    // The field is named in the UI language, as in the TUI.
    let mut plain = Vec::new();
    write_plain(&results, &pack, Lang::Id.strings(), 1, &mut plain).unwrap();
    let plain = String::from_utf8(plain).unwrap();
    assert!(
        plain.ends_with("   butir 2: konseling keluarga\n"),
        "{plain}"
    );
    let mut json = Vec::new();
    write_json(&results, &pack, 10, &mut json).unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), results.len());
    assert_eq!(rows[0]["id"], "bidang-keluarga");
    assert_eq!(rows[0]["topic"], "bidang-garapan");
    assert_eq!(rows[0]["field"], "point");
    assert_eq!(rows[0]["point"], 1);
    assert_eq!(rows[0]["snippet"], "konseling keluarga");
    assert_eq!(rows[0]["highlights"], serde_json::json!([0, 1, 2, 3, 4, 5]));
    assert!(rows[0]["score"].as_i64().unwrap() > 0);
}

#[test]
fn index_copies_no_ascii_text() {
    let pack = synthetic_pack(1000, 5);
    let text = pack.entry_text_bytes();
    // The budget is twice the text; ASCII texts are read from the pack, so
    // only the slots (16 bytes per text) and entry records remain.
    let index = Searcher::new(&pack).index_bytes();
    assert!(
        index <= text / 2,
        "index {index} bytes for {text} bytes of text"
    );
}

/// Chars that make matches likely, mixed with anything at all.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec!['a', 'k', 'o', 'n', 's', 'e', ' ', '\n', 'é', 'É', '東', 'ﬁ', 'ß', 'İ']),
        1 => any::<char>(),
    ]
}

fn query_char() -> impl Strategy<Value = char> {
    text_char().prop_filter("a single word", |c| {
        !c.is_ascii_whitespace() && *c != '\'' && *c != '"'
    })
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|n| rest.any(|h| h == n))
}

/// Whether `shown` holds the chars of a query word, perhaps with one swap
/// of neighbours, as typed or both in today's spelling.
fn spelled_out(word: &str, shown: &str) -> bool {
    let holds = |word: &str, shown: &str| {
        let chars: Vec<char> = word.chars().collect();
        is_subsequence(word, shown)
            || (0..chars.len().saturating_sub(1)).any(|i| {
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                is_subsequence(&swapped.iter().collect::<String>(), shown)
            })
    };
    holds(word, shown) || holds(&spell(word), &spell(shown))
}

/// The words of a folded query as the search reads them: runs of letters
/// or of digits ("pasal3" is "pasal" and "3").
fn query_words(query: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut last_digit = None;
    for c in query.chars() {
        if !c.is_alphanumeric() {
            last_digit = None;
            continue;
        }
        let digit = c.is_numeric();
        match words.last_mut() {
            Some(word) if last_digit == Some(digit) => word.push(c),
            _ => words.push(c.to_string()),
        }
        last_digit = Some(digit);
    }
    words
}

proptest! {
    #[test]
    fn highlights_are_valid_and_spell_the_query(
        text in prop::collection::vec(text_char(), 0..200).prop_map(String::from_iter),
        query in prop::collection::vec(query_char(), 1..5).prop_map(String::from_iter),
    ) {
        let mut pack = pack();
        pack.topics.truncate(1);
        pack.topics[0].entries.truncate(1);
        pack.topics[0].title = "-".to_owned();
        pack.sources[0].citation = "-".to_owned();
        let only = &mut pack.topics[0].entries[0];
        only.title = "-".into();
        only.aliases = Box::default();
        only.english = None;
        only.body = text.as_str().into();

        let results = search(&pack, &query);
        let folded_query = fold(&query);
        // A query that folds to nothing (only combining marks) is an empty
        // query, which finds nothing.
        if !query.chars().any(char::is_uppercase)
            && folded_query.chars().any(char::is_alphanumeric)
            && fold(&text).split(|c: char| c.is_ascii_whitespace()).any(|w| is_subsequence(&folded_query, w))
        {
            prop_assert_eq!(results.len(), 1, "the body holds the query in one word");
        }
        for i in 0..results.len() {
            let snippet = results.highlight(&pack, i).unwrap();
            let chars: Vec<char> = snippet.text.chars().collect();
            prop_assert!(snippet.highlights.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(snippet.highlights.iter().all(|&h| h < chars.len()));
            let shown = fold(&snippet.highlights.iter().map(|&h| chars[h]).collect::<String>());
            // A word of the query (punctuation dropped, digits stuck to
            // letters split off as the search does; the window may cut off
            // the others) is highlighted: as typed, with two neighbouring
            // chars swapped, or in today's spelling.
            let words = query_words(&folded_query);
            prop_assert!(
                words.iter().any(|word| spelled_out(word, &shown)),
                "{:?} highlights {:?} for {:?}", snippet.text, shown, query
            );
        }
    }
}

/// One entry, "Daftar buah", whose points are labelled z, b, c and 4: the
/// labels occur nowhere in the text.
fn fruit_pack() -> Pack {
    let mut fruit = entry(
        "daftar-buah",
        "Daftar buah",
        "Buah yang dijual di pasar.",
        &["apel", "mangga", "jeruk", "nanas"],
    );
    for (point, label) in fruit.points.iter_mut().zip(["z", "b", "c", "4"]) {
        point.label = Some(label.into());
    }
    let plain = entry(
        "tujuan-negara",
        "Tujuan negara",
        "Empat tujuan negara.",
        &[
            "melindungi",
            "memajukan",
            "mencerdaskan",
            "ikut melaksanakan",
        ],
    );
    common::model::pack(
        "buah",
        "Sumber uji.",
        vec![topic("buah", "Buah", vec![fruit, plain])],
    )
}

#[test]
fn every_point_label_and_number_opens_its_point() {
    let pack = fruit_pack();
    for (query, point) in [
        ("daftar buah z", 0),
        ("daftar buah b", 1),
        ("daftar buah c", 2),
        ("daftar buah 4", 3),
        ("buah z", 0),
    ] {
        let results = search(&pack, query);
        assert_eq!(ids(&pack, &results), vec!["daftar-buah"], "{query}");
        assert_eq!(
            results.get(0).unwrap().field,
            Field::Point(point),
            "{query}"
        );
    }
    // Unlabelled points by their number.
    let results = search(&pack, "tujuan negara 3");
    assert_eq!(ids(&pack, &results), vec!["tujuan-negara"]);
    assert_eq!(results.get(0).unwrap().field, Field::Point(2));
    // A label is not enough on its own: some word must match the text.
    assert!(search(&pack, "z").is_empty());
    // A number no point has must occur in the text.
    assert!(search(&pack, "tujuan negara 5").is_empty());
}

#[test]
fn a_number_of_the_title_names_the_entry_not_a_point() {
    let pack = pack();
    // The test pack's Pasal 3 has three unlabelled points.
    let results = search(&pack, "pasal 3");
    let first = results.get(0).unwrap();
    assert_eq!(&*pack.entry(first.entry).unwrap().id, "uu-11-2009-pasal-3");
    assert_eq!(first.field, Field::Title);
}

#[test]
fn swaps_punctuation_and_stuck_digits() {
    let pack = pack();
    for query in [
        "meidator",
        "mediator?",
        "mediator,",
        "(mediator)",
        "mediatro",
    ] {
        let results = search(&pack, query);
        assert_eq!(ids(&pack, &results)[0], "peran-mediator", "{query}");
        assert_eq!(results.get(0).unwrap().field, Field::Title, "{query}");
    }
    assert_eq!(
        ids(&pack, &search(&pack, "pasal3"))[0],
        "uu-11-2009-pasal-3"
    );
    // A swap is forgiven only inside one word: "pasal 3" is not "pas al3".
    assert!(
        search(&pack, "mdeiatro").is_empty(),
        "two swaps are two edits"
    );
}

#[test]
fn old_spellings_find_todays_and_back() {
    let pack = common::model::pack(
        "ejaan",
        "Sumber uji.",
        vec![topic(
            "tokoh",
            "Tokoh",
            vec![
                entry("soekarno", "Ir. Soekarno", "Presiden pertama.", &[]),
                entry(
                    "jakarta",
                    "Piagam Jakarta",
                    "Ditandatangani 22 Juni 1945.",
                    &[],
                ),
                entry("chat", "Chat", "Obrolan daring (chat).", &[]),
            ],
        )],
    );
    for (query, id) in [
        ("sukarno", "soekarno"),
        ("soekarno", "soekarno"),
        ("Sukarno", "soekarno"),
        ("piagam djakarta", "jakarta"),
        ("chat", "chat"),
        ("cha", "chat"),
    ] {
        let results = search(&pack, query);
        assert_eq!(ids(&pack, &results), vec![id], "{query}");
    }
    // Display keeps the pack's text; the highlight covers "Soe…".
    let results = search(&pack, "sukarno");
    let snippet = results.highlight(&pack, 0).unwrap();
    assert_eq!(snippet.text, "Ir. Soekarno");
    assert_eq!(highlighted(&pack, &results, 0), "Soekarno");
}

#[test]
fn exact_titles_then_title_starts_then_topics() {
    let pack = common::model::pack(
        "net",
        "Sumber uji.",
        vec![
            topic(
                "app",
                "Application protocols",
                vec![
                    entry(
                        "app-layer",
                        "Application layer",
                        "DHCP uses port 67; DNS port 53.",
                        &[],
                    ),
                    entry("tcp-vs-udp", "TCP vs UDP", "Which to choose.", &[]),
                    entry("tcp", "TCP", "Reliable stream.", &[]),
                    entry("dhcp", "DHCP", "Leases addresses over UDP port 67.", &[]),
                ],
            ),
            topic(
                "uu",
                "UU 11/2009",
                vec![entry("pasal-1", "Pasal 1", "Pengertian.", &[])],
            ),
            topic(
                "glosarium",
                "Glosarium",
                vec![entry(
                    "kesos",
                    "Kesejahteraan sosial",
                    "Menurut UU 11 2009.",
                    &[],
                )],
            ),
        ],
    );
    let first = |query: &str| ids(&pack, &search(&pack, query))[0].clone();
    assert_eq!(
        ids(&pack, &search(&pack, "tcp"))[..2],
        ["tcp", "tcp-vs-udp"]
    );
    assert_eq!(first("dhcp port"), "dhcp");
    assert_eq!(first("uu 11 2009"), "pasal-1");
}
