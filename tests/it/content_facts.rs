//! The built-in pack holds the facts of ../shared/content-facts.md, with the
//! corrections of the source blog and of the audit (its sections 5 and 6) made
//! and visible as notes. The law is checked word for word against the
//! transcriptions of UU No. 11 Tahun 2009 and UU No. 14 Tahun 2019.

use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::{AuthoredKind, Entry, Pack};
use kisi_core::search::Searcher;

fn pack() -> Pack {
    builtin_pack().unwrap_or_else(|report| panic!("{report}"))
}

fn entry<'p>(pack: &'p Pack, id: &str) -> &'p Entry {
    pack.entry(
        pack.find_entry(id)
            .unwrap_or_else(|| panic!("no entry {id}")),
    )
    .unwrap()
}

fn points(entry: &Entry) -> Vec<&str> {
    entry.points.iter().map(|p| &*p.text).collect()
}

/// The points without what joins them to their list ("; dan", ".").
fn items(entry: &Entry) -> Vec<&str> {
    entry
        .points
        .iter()
        .map(kisi_core::content::Point::item_text)
        .collect()
}

fn labels(entry: &Entry) -> Vec<&str> {
    entry
        .points
        .iter()
        .map(|p| p.label.as_deref().unwrap())
        .collect()
}

fn note(entry: &Entry) -> &str {
    entry
        .note
        .as_deref()
        .unwrap_or_else(|| panic!("{} has no note", entry.id))
}

/// Every text a student can read in the pack: topics, entries and questions.
fn all_texts(pack: &Pack) -> Vec<String> {
    let mut texts = Vec::new();
    for topic in &pack.topics {
        texts.push(topic.title.clone());
        texts.extend(topic.summary.clone());
        for question in &topic.questions {
            texts.push(question.prompt.clone());
            texts.extend(question.explanation.clone());
            match &question.kind {
                AuthoredKind::Choice { options, .. } | AuthoredKind::SelectAll { options, .. } => {
                    texts.extend(options.iter().cloned());
                }
                AuthoredKind::Typed { answers } => texts.extend(answers.iter().cloned()),
                AuthoredKind::Ordering { items } | AuthoredKind::ListAll { items } => {
                    texts.extend(items.iter().cloned());
                }
                AuthoredKind::Matching { pairs } => {
                    texts.extend(pairs.iter().flat_map(|(l, r)| [l.clone(), r.clone()]));
                }
                AuthoredKind::TrueFalse { .. } => {}
            }
        }
    }
    for (_, e) in pack.entries() {
        texts.extend([e.title.to_string(), e.body.to_string()]);
        texts.extend(e.note.as_deref().map(str::to_owned));
        texts.extend(e.english.as_deref().map(str::to_owned));
        texts.extend(e.aliases.iter().map(ToString::to_string));
        texts.extend(e.points.iter().map(|p| p.text.to_string()));
    }
    texts
}

fn search_ids(pack: &Pack, query: &str) -> Vec<String> {
    Searcher::new(pack)
        .search(pack, query)
        .hits()
        .iter()
        .map(|h| pack.entry(h.entry).unwrap().id.to_string())
        .collect()
}

#[test]
fn every_topic_of_the_course_is_there() {
    let pack = pack();
    let topics: Vec<&str> = pack.topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        topics,
        [
            "peran",
            "fungsi",
            "uu-11-2009",
            "uu-11-2009-penyelenggaraan",
            "uu-14-2019",
            "bidang-garapan",
            "glosarium",
        ]
    );
    // Every entry carries a source that the manifest lists.
    for (_, entry) in pack.entries() {
        assert!(
            pack.source(&entry.source).is_some(),
            "{}: no source",
            entry.id
        );
    }
    for source in ["uu-11-2009", "uu-14-2019", "pp-39-2012"] {
        assert!(pack.source(source).is_some(), "source {source} missing");
    }
    let uu_14 = pack.source("uu-14-2019").unwrap();
    assert!(uu_14.citation.contains("Nomor 182"), "{}", uu_14.citation);
    assert!(uu_14.citation.contains("Nomor 6397"), "{}", uu_14.citation);
    assert!(
        uu_14.citation.contains("1 Oktober 2019"),
        "{}",
        uu_14.citation
    );
}

// ---- section 5: the corrections of the audit ------------------------------

#[test]
fn pasal_3_has_six_goals_a_to_f_in_order_with_the_correction_noted() {
    let pack = pack();
    let pasal_3 = entry(&pack, "uu-11-2009-pasal-3");
    assert!(pasal_3.ordered);
    assert_eq!(labels(pasal_3), ["a", "b", "c", "d", "e", "f"]);
    assert_eq!(
        points(pasal_3),
        [
            "meningkatkan taraf kesejahteraan, kualitas, dan kelangsungan hidup;",
            "memulihkan fungsi sosial dalam rangka mencapai kemandirian;",
            "meningkatkan ketahanan sosial masyarakat dalam mencegah dan menangani masalah kesejahteraan sosial;",
            // Audit 5.1: no comma before "dan", "tanggungjawab" as one word.
            "meningkatkan kemampuan, kepedulian dan tanggungjawab sosial dunia usaha dalam penyelenggaraan kesejahteraan sosial secara melembaga dan berkelanjutan;",
            // (e) is the goal the blog leaves out.
            "meningkatkan kemampuan dan kepedulian masyarakat dalam penyelenggaraan kesejahteraan sosial secara melembaga dan berkelanjutan; dan",
            // (f) says penyelenggaraan, where the blog says penyelenggara.
            "meningkatkan kualitas manajemen penyelenggaraan kesejahteraan sosial.",
        ]
    );
    let note = note(pasal_3);
    assert!(note.contains("ENAM"), "{note}");
    assert!(note.contains("(e)"), "{note}");
    assert!(note.contains("penyelenggara kesejahteraan"), "{note}");
    assert!(note.contains("tanggungjawab"), "{note}");
    assert_eq!(pasal_3.locator.as_deref(), Some("Pasal 3"));
    // The old wording of (d) is quoted nowhere as the law: not in a point, an
    // option, an answer or an explanation.
    for question in pack.topics.iter().flat_map(|t| &t.questions) {
        if let AuthoredKind::Choice { options, .. } = &question.kind {
            for option in options {
                assert!(!option.contains("kepedulian, dan tanggung"), "{option}");
            }
        }
    }
    for (_, e) in pack.entries() {
        for point in points(e) {
            assert!(!point.contains("kepedulian, dan tanggung"), "{}", e.id);
        }
    }
}

#[test]
fn the_five_roles_are_suhartos_selection_and_the_fifth_is_the_protector() {
    let pack = pack();
    let parsons = entry(&pack, "peran-parsons-dkk");
    assert_eq!(
        items(parsons),
        [
            "fasilitator",
            "broker (perantara)",
            "mediator",
            "pembela (advocate)",
            "pelindung (protector)",
        ]
    );
    assert!(parsons.body.contains(
        "Mengacu pada Parsons, Jorgensen dan Hernandez (1994), ada beberapa peran pekerjaan sosial dalam pembimbingan sosial. Lima peran di bawah ini sangat relevan"
    ));
    assert!(note(parsons).contains("pilihan Suharto"));
    // Audit 5.2: nowhere do Parsons et al. "name five roles".
    for text in all_texts(&pack) {
        assert!(!text.contains("menyebut lima peran"), "{text}");
    }
    // Audit 5.3: protector, with guardian only as an alias.
    let protector = entry(&pack, "peran-pelindung");
    assert_eq!(&*protector.title, "Pelindung (protector)");
    assert_eq!(protector.english.as_deref(), Some("protector"));
    assert!(protector.aliases.iter().any(|a| &**a == "guardian"));
    for (_, e) in pack.entries() {
        assert!(!e.title.contains("guardian"), "{}", e.id);
        assert!(
            !e.english.as_deref().unwrap_or("").contains("guardian"),
            "{}",
            e.id
        );
        for point in points(e) {
            assert!(!point.contains("guardian"), "{}: {point}", e.id);
        }
    }
}

#[test]
fn suhartos_sentence_is_quoted_whole_and_read_as_a_rejection() {
    let pack = pack();
    let sentence = "peranan seorang pekerja sosial seringkali diwujudkan dalam kapasitasnya sebagai pendamping, bukan sebagai penyembuh atau pemecah masalah (problem solver) secara langsung";
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    // Audit 5.4: the four places that quote it keep "seringkali".
    for id in [
        "peran-menurut-blog",
        "peran-fasilitator",
        "peran-pemecah-masalah",
    ] {
        assert!(
            flat(note(entry(&pack, id))).contains(sentence),
            "{id}: {}",
            note(entry(&pack, id))
        );
    }
    let question = pack
        .topics
        .iter()
        .flat_map(|t| &t.questions)
        .find(|q| q.id == "soal-peran-pendamping-bukan-pemecah-masalah")
        .unwrap();
    assert!(flat(question.explanation.as_deref().unwrap()).contains(sentence));
    assert!(matches!(
        question.kind,
        AuthoredKind::TrueFalse { answer: false }
    ));
    let solver = note(entry(&pack, "peran-pemecah-masalah"));
    assert!(
        solver.contains("bukan peran yang disebut atau dianjurkan Suharto"),
        "{solver}"
    );
    for text in all_texts(&pack) {
        // Whenever the passage is quoted, it is quoted with "seringkali" or
        // from "sebagai pendamping" on.
        if text.contains("bukan sebagai penyembuh") {
            let flat = flat(&text);
            assert!(
                flat.contains("seringkali") || flat.contains("\"sebagai pendamping, bukan"),
                "{text}"
            );
        }
        // The old claim that the word is not Suharto's is gone.
        assert!(!text.contains("bukan istilah Suharto"), "{text}");
    }
}

#[test]
fn dubois_and_miley_in_english_are_a_condensation_and_functioning_is_not_problem_solving() {
    let pack = pack();
    let purposes = entry(&pack, "fungsi-tujuan-dubois-miley");
    assert_eq!(purposes.points.len(), 4);
    assert!(points(purposes)[0].contains("enhance social functioning"));
    for point in points(purposes) {
        assert!(!point.contains("memecahkan masalah"), "{point}");
    }
    let note_text = note(purposes);
    assert!(
        note_text.contains("bukan kutipan kata demi kata"),
        "{note_text}"
    );
    let functions = entry(&pack, "fungsi-kinerja-pekerja-sosial");
    let functions_note = note(functions);
    assert!(
        functions_note.contains("rumusan ringkas penyusun"),
        "{functions_note}"
    );
    assert!(
        functions_note.contains("promote social justice"),
        "{functions_note}"
    );
    // Audit 5.10: "tidak menyebut", not "menghilangkan".
    assert!(
        functions_note.contains("tidak menyebut"),
        "{functions_note}"
    );
    for text in all_texts(&pack) {
        assert!(!text.contains("menghilangkan"), "{text}");
    }
    // Audit 5.8: the blog's "kinerja" is not given DuBois & Miley's term.
    assert_ne!(functions.english, purposes.english);
    for alias in &*functions.aliases {
        assert!(!purposes.aliases.contains(alias), "{alias}");
    }
    assert_eq!(functions.points.len(), 3);
    let texts = points(functions);
    assert!(texts[0].contains("rasa berkemampuan klien"));
    assert!(texts[1].contains("sumber-sumber"));
    assert!(texts[2].contains("responsif"));
}

#[test]
fn bantuan_sosial_is_kept_in_the_blogs_list_and_placed_by_the_law() {
    let pack = pack();
    let setting = entry(&pack, "bidang-jaminan-sosial");
    assert_eq!(
        items(setting),
        [
            "bantuan sosial",
            "social foundation",
            "JKSM",
            "jaring pengaman sosial"
        ]
    );
    let note = note(setting);
    for phrase in [
        "Pasal 14 ayat (2)",
        "perlindungan sosial",
        "a. bantuan sosial; b. advokasi sosial; dan/atau c. bantuan hukum",
        "asuransi kesejahteraan sosial dan bantuan langsung berkelanjutan",
        // Audit 5.10: JPS is the programme's name, "jaringan" a variant.
        "(JPS)",
        "varian",
    ] {
        assert!(note.contains(phrase), "{phrase}: {note}");
    }
    assert!(
        setting
            .see_also
            .iter()
            .any(|s| &**s == "uu-11-2009-pasal-14")
    );
}

#[test]
fn pendampingan_is_not_social_support_and_no_page_is_guessed() {
    let pack = pack();
    let glossary = entry(&pack, "glosarium-pendampingan");
    assert_eq!(glossary.english.as_deref(), Some("social accompaniment"));
    assert_eq!(glossary.locator, None);
    assert!(note(glossary).contains("dukungan sosial"));
    assert!(glossary.body.contains("\"sangat relevan\""));
    // Only the correction note still names "social support".
    for (_, e) in pack.entries() {
        let mut texts = vec![&*e.title, &*e.body, e.english.as_deref().unwrap_or("")];
        texts.extend(e.aliases.iter().map(|a| &**a));
        texts.extend(points(e));
        for text in texts {
            assert!(!text.contains("social support"), "{}: {text}", e.id);
        }
    }
    // hlm. 97 is where the five roles begin, and only that entry gives it.
    for (_, e) in pack.entries() {
        if e.locator.as_deref() == Some("hlm. 97") {
            assert_eq!(&*e.id, "peran-parsons-dkk");
        }
    }
    for id in [
        "peran-pemecah-masalah",
        "peran-fasilitator",
        "peran-menurut-blog",
    ] {
        assert!(!note(entry(&pack, id)).contains("hlm. 97"), "{id}");
    }
}

#[test]
fn the_laws_spelling_guncangan_is_used_everywhere() {
    let pack = pack();
    for text in all_texts(&pack) {
        assert!(!text.contains("goncangan"), "{text}");
        assert!(!text.contains("tergantung pada"), "{text}");
    }
    assert!(
        entry(&pack, "uu-11-2009-pasal-1-angka-9")
            .body
            .contains("guncangan dan kerentanan sosial")
    );
}

#[test]
fn unverified_sources_are_marked_and_the_primary_definitions_lead() {
    let pack = pack();
    let definition = "Keberfungsian Sosial adalah suatu kondisi yang memungkinkan individu, keluarga, kelompok, dan masyarakat mampu memenuhi kebutuhan dan hak dasarnya, melaksanakan tugas dan peranan sosialnya, serta mengatasi masalah dalam kehidupannya.";
    let functioning = entry(&pack, "fungsi-keberfungsian-sosial");
    assert_eq!(&*functioning.source, "uu-14-2019");
    assert_eq!(functioning.locator.as_deref(), Some("Pasal 1 angka 3"));
    assert!(functioning.body.contains(definition));
    assert_eq!(functioning.english.as_deref(), Some("social functioning"));
    let secondary = note(functioning);
    assert!(secondary.contains("Suharto"), "{secondary}");
    assert!(secondary.contains("belum dapat diperiksa"), "{secondary}");
    let glossary = entry(&pack, "glosarium-keberfungsian-sosial");
    assert_eq!(&*glossary.source, "uu-14-2019");
    assert!(note(glossary).contains("belum dapat diperiksa"));
    // Nothing cites the unverified page as a locator any more.
    for (_, e) in pack.entries() {
        assert_ne!(e.locator.as_deref(), Some("hlm. 28"), "{}", e.id);
    }
    let client = entry(&pack, "glosarium-klien");
    assert_eq!(&*client.source, "uu-14-2019");
    assert_eq!(client.locator.as_deref(), Some("Pasal 1 angka 9"));
    assert!(client.body.contains(
        "Klien adalah penerima manfaat pelayanan Praktik Pekerjaan Sosial yang meliputi individu, keluarga, kelompok, dan masyarakat."
    ));
    let odha = entry(&pack, "glosarium-odha");
    assert_eq!(&*odha.source, "uu-11-2009");
    assert_eq!(odha.locator.as_deref(), Some("Penjelasan Pasal 7 ayat (1)"));
    assert!(
        entry(&pack, "uu-11-2009-penjelasan-pasal-7-ayat-1")
            .body
            .contains("orang dengan HIV/AIDS (ODHA)")
    );
    // The compiler's own summaries say so.
    for id in [
        "glosarium-csr",
        "glosarium-ketahanan-sosial",
        "glosarium-sumber",
        "glosarium-pelayanan-sosial",
    ] {
        assert!(
            note(entry(&pack, id)).contains("rangkuman penyusun"),
            "{id}"
        );
    }
}

// ---- the blog's material ---------------------------------------------------

#[test]
fn pasal_1_and_the_ten_principles_of_pasal_2() {
    let pack = pack();
    let pasal_1 = entry(&pack, "uu-11-2009-pasal-1-angka-1");
    assert!(pasal_1.body.contains(
        "Kesejahteraan Sosial adalah kondisi terpenuhinya kebutuhan material, spiritual, dan sosial warga negara"
    ));
    let pasal_2 = entry(&pack, "uu-11-2009-pasal-2");
    assert_eq!(
        pasal_2.body.as_ref(),
        "Penyelenggaraan kesejahteraan sosial dilakukan berdasarkan asas:"
    );
    assert_eq!(
        items(pasal_2),
        [
            "kesetiakawanan",
            "keadilan",
            "kemanfaatan",
            "keterpaduan",
            "kemitraan",
            "keterbukaan",
            "akuntabilitas",
            "partisipasi",
            "profesionalitas",
            "keberlanjutan",
        ]
    );
    assert_eq!(
        labels(pasal_2),
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    );
}

#[test]
fn seven_practice_settings_each_with_its_activities() {
    let pack = pack();
    let settings = [
        ("bidang-keluarga-anak", "konseling keluarga", 5),
        ("bidang-kesehatan-rehabilitasi", "pendampingan ODHA", 5),
        (
            "bidang-pengembangan-masyarakat",
            "penguatan modal sosial",
            7,
        ),
        ("bidang-jaminan-sosial", "JKSM", 4),
        ("bidang-kedaruratan", "integrasi pengungsi", 4),
        ("bidang-sekolah", "konseling penyesuaian sekolah", 4),
        ("bidang-industri", "perencanaan pensiun", 4),
    ];
    for (id, activity, count) in settings {
        let setting = entry(&pack, id);
        let activities = points(setting);
        assert_eq!(activities.len(), count, "{id}: {activities:?}");
        assert!(
            activities.iter().any(|a| a.contains(activity)),
            "{id} lacks {activity}: {activities:?}"
        );
    }
    assert_eq!(entry(&pack, "bidang-garapan-ikhtisar").points.len(), 7);
    // The blog's typos are fixed.
    let all: String = pack
        .entries()
        .flat_map(|(_, e)| e.points.iter().map(|p| p.text.clone()))
        .collect::<Vec<_>>()
        .join("\n");
    for typo in ["masyarkat", "rehabilitas ", "coorporate"] {
        assert!(!all.contains(typo), "typo {typo} left in");
    }
}

#[test]
fn the_roles_of_the_blog() {
    let pack = pack();
    let blog = entry(&pack, "peran-menurut-blog");
    assert_eq!(
        items(blog),
        [
            "mediator",
            "fasilitator atau pendamping",
            "perencana",
            "pemecah masalah"
        ]
    );
    for id in [
        "peran-mediator",
        "peran-fasilitator",
        "peran-perencana",
        "peran-pemecah-masalah",
    ] {
        entry(&pack, id);
    }
}

#[test]
fn the_glossary_has_every_term() {
    let pack = pack();
    for term in [
        "keberfungsian-sosial",
        "pelayanan-sosial",
        "intervensi",
        "klien",
        "sumber",
        "kemandirian",
        "ketahanan-sosial",
        "pendampingan",
        "odha",
        "csr",
        "jksm",
    ] {
        entry(&pack, &format!("glosarium-{term}"));
    }
}

// ---- section 6: UU No. 11 Tahun 2009 ----------------------------------------

#[test]
fn the_definitions_of_pasal_1_angka_3_to_11_are_quoted() {
    let pack = pack();
    let terms = [
        (
            3,
            "Tenaga Kesejahteraan Sosial adalah seseorang yang dididik dan dilatih secara profesional",
        ),
        (
            4,
            "Pekerja Sosial Profesional adalah seseorang yang bekerja, baik di lembaga pemerintah maupun swasta",
        ),
        (
            5,
            "Relawan Sosial adalah seseorang dan/atau kelompok masyarakat",
        ),
        (
            6,
            "Pelaku Penyelenggaraan Kesejahteraan Sosial adalah individu, kelompok, lembaga kesejahteraan sosial, dan masyarakat",
        ),
        (
            7,
            "Lembaga Kesejahteraan Sosial adalah organisasi sosial atau perkumpulan sosial",
        ),
        (
            8,
            "Rehabilitasi Sosial adalah proses refungsionalisasi dan pengembangan untuk memungkinkan seseorang mampu melaksanakan fungsi sosialnya secara wajar dalam kehidupan masyarakat.",
        ),
        (
            9,
            "Perlindungan Sosial adalah semua upaya yang diarahkan untuk mencegah dan menangani risiko dari guncangan dan kerentanan sosial.",
        ),
        (
            10,
            "Pemberdayaan Sosial adalah semua upaya yang diarahkan untuk menjadikan warga negara yang mengalami masalah sosial mempunyai daya, sehingga mampu memenuhi kebutuhan dasarnya.",
        ),
        (
            11,
            "Jaminan Sosial adalah skema yang melembaga untuk menjamin seluruh rakyat agar dapat memenuhi kebutuhan dasar hidupnya yang layak.",
        ),
    ];
    for (angka, start) in terms {
        let id = format!("uu-11-2009-pasal-1-angka-{angka}");
        let e = entry(&pack, &id);
        assert_eq!(&*e.source, "uu-11-2009", "{id}");
        assert_eq!(
            e.locator.as_deref(),
            Some(format!("Pasal 1 angka {angka}").as_str())
        );
        assert!(
            e.body.starts_with(&format!("\"{start}")),
            "{id}: {}",
            e.body
        );
    }
}

#[test]
fn the_revocation_of_pasal_1_angka_4_by_uu_14_2019_is_noted() {
    let pack = pack();
    let revoked = entry(&pack, "uu-11-2009-pasal-1-angka-4");
    assert!(revoked.title.contains("dicabut"));
    assert!(revoked.tags.iter().any(|t| &**t == "dicabut"));
    let revoked_note = note(revoked);
    for phrase in [
        "DICABUT",
        "UU No. 14 Tahun 2019 Pasal 66",
        "dicabut dan dinyatakan tidak berlaku",
        "Pasal 59 huruf b",
        "harus dimaknai sebagai Pekerja Sosial",
    ] {
        assert!(revoked_note.contains(phrase), "{phrase}: {revoked_note}");
    }
    assert!(
        revoked
            .see_also
            .iter()
            .any(|s| &**s == "uu-14-2019-pasal-66")
    );
    let pasal_33 = entry(&pack, "uu-11-2009-pasal-33");
    assert!(note(pasal_33).contains("Pasal 66"));
    let pasal_66 = entry(&pack, "uu-14-2019-pasal-66");
    assert!(pasal_66.body.contains(
        "ketentuan yang mengatur mengenai pekerja sosial profesional dalam Pasal 1 angka 4, Pasal 33 ayat (2), Pasal 52 ayat (3) sampai dengan ayat (6) Undang-Undang Nomor 11 Tahun 2009"
    ));
    assert!(
        pasal_66
            .body
            .contains("dicabut dan dinyatakan tidak berlaku")
    );
    let pasal_59 = entry(&pack, "uu-14-2019-pasal-59");
    assert_eq!(labels(pasal_59), ["a", "b"]);
    assert!(points(pasal_59)[1].starts_with("Istilah pekerja sosial profesional"));
    assert!(points(pasal_59)[1].contains("harus dimaknai sebagai Pekerja Sosial"));
}

#[test]
fn pasal_4_to_6_responsibility_targets_criteria_and_the_four_forms() {
    let pack = pack();
    assert_eq!(
        entry(&pack, "uu-11-2009-pasal-4").body.as_ref(),
        "\"Negara bertanggung jawab atas penyelenggaraan kesejahteraan sosial.\""
    );
    assert_eq!(
        items(entry(&pack, "uu-11-2009-pasal-5-ayat-1")),
        ["perseorangan", "keluarga", "kelompok", "masyarakat"]
    );
    let criteria = entry(&pack, "uu-11-2009-pasal-5-ayat-2");
    assert_eq!(labels(criteria), ["a", "b", "c", "d", "e", "f", "g"]);
    assert_eq!(
        items(criteria),
        [
            "kemiskinan",
            "ketelantaran",
            "kecacatan",
            "keterpencilan",
            "ketunaan sosial dan penyimpangan perilaku",
            "korban bencana",
            "korban tindak kekerasan, eksploitasi dan diskriminasi",
        ]
    );
    assert!(criteria.body.contains(
        "diprioritaskan kepada mereka yang memiliki kehidupan yang tidak layak secara kemanusiaan"
    ));
    let pasal_6 = entry(&pack, "uu-11-2009-pasal-6");
    assert!(pasal_6.ordered);
    assert_eq!(
        items(pasal_6),
        [
            "rehabilitasi sosial",
            "jaminan sosial",
            "pemberdayaan sosial",
            "perlindungan sosial"
        ]
    );
    assert!(note(pasal_6).contains("UU No. 14 Tahun 2019 Pasal 4"));
}

#[test]
fn rehabilitasi_sosial_in_pasal_7() {
    let pack = pack();
    let pasal_7 = entry(&pack, "uu-11-2009-pasal-7");
    assert!(pasal_7.body.contains(
        "Rehabilitasi sosial dimaksudkan untuk memulihkan dan mengembangkan kemampuan seseorang yang mengalami disfungsi sosial agar dapat melaksanakan fungsi sosialnya secara wajar."
    ));
    assert!(pasal_7.body.contains(
        "dapat dilaksanakan secara persuasif, motivatif, koersif, baik dalam keluarga, masyarakat maupun panti sosial."
    ));
    let forms = entry(&pack, "uu-11-2009-pasal-7-ayat-3");
    assert_eq!(
        labels(forms),
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]
    );
    assert_eq!(items(forms)[0], "motivasi dan diagnosis psikososial");
    assert_eq!(
        items(forms)[2],
        "pelatihan vokasional dan pembinaan kewirausahaan"
    );
    assert_eq!(items(forms)[9], "bimbingan lanjut");
    assert_eq!(items(forms)[10], "rujukan");
}

#[test]
fn jaminan_sosial_pemberdayaan_sosial_and_perlindungan_sosial() {
    let pack = pack();
    let pasal_9 = entry(&pack, "uu-11-2009-pasal-9");
    assert_eq!(labels(pasal_9), ["a", "b"]);
    assert!(points(pasal_9)[0].starts_with("menjamin fakir miskin, anak yatim piatu terlantar"));
    assert!(points(pasal_9)[1].starts_with("menghargai pejuang, perintis kemerdekaan"));
    assert!(pasal_9.body.contains(
        "diberikan dalam bentuk asuransi kesejahteraan sosial dan bantuan langsung berkelanjutan."
    ));
    assert!(
        pasal_9
            .body
            .contains("diberikan dalam bentuk tunjangan berkelanjutan.")
    );
    assert!(
        entry(&pack, "uu-11-2009-pasal-10")
            .body
            .contains("diberikan dalam bentuk bantuan iuran oleh Pemerintah.")
    );
    let pasal_12 = entry(&pack, "uu-11-2009-pasal-12");
    assert_eq!(pasal_12.points.len(), 5);
    assert!(
        pasal_12
            .body
            .contains("agar mampu memenuhi kebutuhannya secara mandiri.")
    );
    let forms = entry(&pack, "uu-11-2009-pasal-12-ayat-3");
    assert_eq!(forms.points.len(), 9);
    assert_eq!(items(forms)[2], "pendampingan");
    assert_eq!(items(forms)[5], "supervisi dan advokasi sosial");
    assert_eq!(entry(&pack, "uu-11-2009-pasal-12-ayat-4").points.len(), 4);
    let pasal_14 = entry(&pack, "uu-11-2009-pasal-14");
    assert_eq!(
        items(pasal_14),
        ["bantuan sosial", "advokasi sosial", "bantuan hukum"]
    );
    assert!(pasal_14.body.contains(
        "agar kelangsungan hidupnya dapat dipenuhi sesuai dengan kebutuhan dasar minimal."
    ));
    assert_eq!(
        items(entry(&pack, "uu-11-2009-pasal-15")),
        [
            "bantuan langsung",
            "penyediaan aksesibilitas",
            "penguatan kelembagaan"
        ]
    );
    assert!(entry(&pack, "uu-11-2009-pasal-16").body.contains(
        "diberikan dalam bentuk penyadaran hak dan kewajiban, pembelaan, dan pemenuhan hak."
    ));
    assert!(
        entry(&pack, "uu-11-2009-pasal-17")
            .body
            .contains("diberikan dalam bentuk pembelaan dan konsultasi hukum.")
    );
}

#[test]
fn human_resources_the_community_business_and_the_old_law() {
    let pack = pack();
    assert_eq!(
        items(entry(&pack, "uu-11-2009-pasal-33")),
        [
            "tenaga kesejahteraan sosial",
            "pekerja sosial profesional",
            "relawan sosial",
            "penyuluh sosial"
        ]
    );
    let pasal_38 = entry(&pack, "uu-11-2009-pasal-38");
    assert_eq!(pasal_38.points.len(), 9);
    assert_eq!(items(pasal_38)[6], "badan usaha");
    assert_eq!(items(pasal_38)[8], "lembaga kesejahteraan sosial asing");
    let pasal_40 = entry(&pack, "uu-11-2009-pasal-40");
    assert!(
        pasal_40
            .body
            .contains("dilakukan sebagai tanggung jawab sosial dan lingkungan")
    );
    assert!(
        entry(&pack, "glosarium-csr")
            .see_also
            .iter()
            .any(|s| &**s == "uu-11-2009-pasal-40")
    );
    let pasal_57 = entry(&pack, "uu-11-2009-pasal-57");
    assert!(pasal_57.body.contains(
        "Undang-Undang Nomor 6 Tahun 1974 tentang Ketentuan-Ketentuan Pokok Kesejahteraan Sosial"
    ));
    assert!(
        pasal_57
            .body
            .contains("dicabut dan dinyatakan tidak berlaku.")
    );
    let pp = entry(&pack, "uu-11-2009-pp-39-2012");
    assert_eq!(&*pp.source, "pp-39-2012");
    assert!(pp.body.contains(
        "Peraturan Pemerintah No. 39 Tahun 2012 tentang Penyelenggaraan Kesejahteraan Sosial"
    ));
    assert!(note(pp).contains("tidak diperiksa"));
}

#[test]
fn the_penjelasan_of_pasal_2_and_pasal_3_huruf_b() {
    let pack = pack();
    let meanings = entry(&pack, "uu-11-2009-penjelasan-pasal-2");
    assert_eq!(
        labels(meanings),
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
    );
    // One meaning per asas, in the order of Pasal 2.
    let principles = items(entry(&pack, "uu-11-2009-pasal-2"));
    for (meaning, principle) in points(meanings).iter().zip(principles) {
        assert!(
            meaning.starts_with(&format!("Yang dimaksud dengan “asas {principle}” adalah")),
            "{meaning}"
        );
    }
    assert!(points(meanings)[0].ends_with("dengan empati dan kasih sayang (Tat Twam Asi)."));
    assert!(points(meanings)[9].ends_with("sehingga tercapai kemandirian."));
    assert_eq!(
        entry(&pack, "uu-11-2009-penjelasan-pasal-3-huruf-b")
            .body
            .as_ref(),
        "\"Yang dimaksud dengan “memulihkan fungsi sosial” adalah pengembangan dan peningkatan kualitas diri, baik secara psikologis, fisik, sosial, maupun potensi diri lainnya.\""
    );
}

// ---- section 6: UU No. 14 Tahun 2019 ----------------------------------------

#[test]
fn uu_14_2019_pasal_1_defines_the_terms_in_order() {
    let pack = pack();
    let pasal_1 = entry(&pack, "uu-14-2019-pasal-1");
    assert_eq!(
        labels(pasal_1),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
    );
    let terms: Vec<&str> = points(pasal_1)
        .iter()
        .map(|p| p.split(" adalah ").next().unwrap())
        .collect();
    assert_eq!(
        terms,
        [
            "Pekerja Sosial",
            "Praktik Pekerjaan Sosial",
            "Keberfungsian Sosial",
            "Pencegahan Disfungsi Sosial",
            "Rehabilitasi Sosial",
            "Pemberdayaan Sosial",
            "Pengembangan Sosial",
            "Pelindungan Sosial",
            "Klien",
        ]
    );
    let rest = entry(&pack, "uu-14-2019-pasal-1-angka-10-19");
    assert_eq!(rest.points.len(), 10);
    assert_eq!(rest.points[0].label.as_deref(), Some("10"));
    assert!(points(rest)[3].starts_with("Surat Tanda Registrasi yang selanjutnya disingkat STR"));
    assert_eq!(
        entry(&pack, "uu-14-2019-pasal-1-angka-1").body.as_ref(),
        "\"Pekerja Sosial adalah seseorang yang memiliki pengetahuan, keterampilan, dan nilai praktik pekerjaan sosial serta telah mendapatkan sertifikat kompetensi.\""
    );
    assert!(entry(&pack, "uu-14-2019-pasal-1-angka-2").body.contains(
        "penyelenggaraan pertolongan profesional yang terencana, terpadu, berkesinambungan dan tersupervisi"
    ));
}

#[test]
fn uu_14_2019_asas_tujuan_and_scope_are_told_apart_from_uu_11_2009() {
    let pack = pack();
    let asas = entry(&pack, "uu-14-2019-pasal-2");
    assert!(asas.ordered);
    assert_eq!(
        items(asas),
        [
            "nondiskriminatif",
            "kesetiakawanan",
            "keadilan",
            "profesionalitas",
            "kemanfaatan",
            "keterpaduan",
            "kemitraan",
            "aksesibilitas",
            "akuntabilitas",
        ]
    );
    let tujuan = entry(&pack, "uu-14-2019-pasal-3");
    assert_eq!(labels(tujuan), ["a", "b", "c", "d", "e"]);
    assert_eq!(
        points(tujuan)[0],
        "mencegah terjadinya disfungsi sosial individu, keluarga, kelompok, dan masyarakat;"
    );
    assert_eq!(
        points(tujuan)[4],
        "meningkatkan kemampuan dan kepedulian masyarakat dalam penyelenggaraan kesejahteraan sosial secara melembaga dan berkelanjutan."
    );
    // Each law's asas and tujuan note names the other law's list and count.
    let pairs = [
        (
            "uu-11-2009-pasal-2",
            "UU No. 14 Tahun 2019 Pasal 2",
            "sembilan",
        ),
        (
            "uu-14-2019-pasal-2",
            "UU No. 11 Tahun 2009 Pasal 2",
            "sepuluh",
        ),
        ("uu-11-2009-pasal-3", "UU No. 14 Tahun 2019 Pasal 3", "lima"),
        ("uu-14-2019-pasal-3", "UU No. 11 Tahun 2009 Pasal 3", "enam"),
    ];
    for (id, other, count) in pairs {
        let e = entry(&pack, id);
        let flat = note(e).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(other), "{id}: {flat}");
        assert!(flat.contains(count), "{id}: {flat}");
        assert!(
            flat.contains("Jangan tertukar") || flat.contains("jangan tertukar"),
            "{id}"
        );
        let partner = if id.starts_with("uu-11") {
            id.replace("uu-11-2009", "uu-14-2019")
        } else {
            id.replace("uu-14-2019", "uu-11-2009")
        };
        assert!(
            e.see_also.iter().any(|s| **s == *partner),
            "{id} → {partner}"
        );
    }
    let scope = entry(&pack, "uu-14-2019-pasal-4");
    assert!(scope.ordered);
    assert_eq!(
        items(scope),
        [
            "Pencegahan Disfungsi Sosial",
            "Pelindungan Sosial",
            "Rehabilitasi Sosial",
            "Pemberdayaan Sosial",
            "Pengembangan Sosial",
        ]
    );
}

#[test]
fn uu_14_2019_sop_duties_and_dates() {
    let pack = pack();
    let sop = entry(&pack, "uu-14-2019-pasal-16");
    assert!(sop.ordered);
    assert_eq!(
        items(sop),
        [
            "pendekatan awal",
            "asesmen",
            "perencanaan intervensi",
            "intervensi",
            "evaluasi, rujukan, dan terminasi",
        ]
    );
    assert_eq!(sop.locator.as_deref(), Some("Pasal 16 ayat (1)"));
    let duties = entry(&pack, "uu-14-2019-pasal-42");
    assert_eq!(labels(duties), ["a", "b", "c", "d", "e", "f", "g"]);
    assert_eq!(items(duties)[2], "menjaga kerahasiaan Klien");
    assert!(points(duties)[3].starts_with("merujuk Klien kepada pihak lain"));
    let topic = &pack.topics[pack.find_topic("uu-14-2019").unwrap()];
    let summary = topic.summary.as_deref().unwrap();
    assert!(summary.contains("1 Oktober 2019"), "{summary}");
    let uu_11 = &pack.topics[pack.find_topic("uu-11-2009").unwrap()];
    assert!(
        uu_11
            .summary
            .as_deref()
            .unwrap()
            .contains("16 Januari 2009")
    );
}

// ---- browsing: links, aliases, questions -------------------------------------

#[test]
fn the_roles_link_to_the_laws_advocacy_and_accompaniment() {
    let pack = pack();
    let links = |id: &str| -> Vec<String> {
        entry(&pack, id)
            .see_also
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    for (from, to) in [
        ("peran-pembela", "uu-11-2009-pasal-16"),
        ("uu-11-2009-pasal-16", "peran-pembela"),
        ("peran-fasilitator", "uu-11-2009-pasal-12-ayat-3"),
        ("glosarium-pendampingan", "uu-11-2009-pasal-12-ayat-3"),
        ("uu-11-2009-pasal-12-ayat-3", "peran-fasilitator"),
        ("uu-11-2009-pasal-12-ayat-3", "glosarium-pendampingan"),
        ("peran-pelindung", "uu-11-2009-pasal-14"),
        ("peran-broker", "uu-14-2019-pasal-42"),
        ("bidang-kesehatan-rehabilitasi", "uu-11-2009-pasal-7"),
    ] {
        assert!(links(from).iter().any(|l| l == to), "{from} ↛ {to}");
    }
}

#[test]
fn searches_find_the_law_and_the_setting_not_the_wrong_concept() {
    let pack = pack();
    let rehabilitasi = search_ids(&pack, "rehabilitasi");
    for id in [
        "uu-11-2009-pasal-7",
        "uu-11-2009-pasal-1-angka-8",
        "bidang-kesehatan-rehabilitasi",
    ] {
        assert!(
            rehabilitasi.iter().take(6).any(|r| r == id),
            "{id}: {rehabilitasi:?}"
        );
    }
    assert_eq!(search_ids(&pack, "advokasi")[0], "uu-11-2009-pasal-16");
    let perlindungan = search_ids(&pack, "perlindungan");
    assert!(
        perlindungan[0].starts_with("uu-11-2009-"),
        "{perlindungan:?}"
    );
    assert!(
        !entry(&pack, "peran-pelindung")
            .aliases
            .iter()
            .any(|a| a.starts_with("perlindungan"))
    );
    assert!(
        !entry(&pack, "peran-pembela")
            .aliases
            .iter()
            .any(|a| &**a == "advokasi")
    );
    assert_eq!(search_ids(&pack, "guardian")[0], "peran-pelindung");
    assert_eq!(search_ids(&pack, "pasal 3")[0], "uu-11-2009-pasal-3");
}

#[test]
fn enough_hand_written_questions_each_with_its_source() {
    let pack = pack();
    let questions: Vec<_> = pack.topics.iter().flat_map(|t| &t.questions).collect();
    assert!(questions.len() >= 25, "only {}", questions.len());
    for question in &questions {
        let explanation = question
            .explanation
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no explanation", question.id));
        assert!(
            ["UU No.", "Penjelasan", "Suharto", "DuBois", "blog", "Blog"]
                .iter()
                .any(|s| explanation.contains(s)),
            "{}: no source in {explanation}",
            question.id
        );
    }
    // The questions that keep the two laws' asas and tujuan apart.
    for id in [
        "soal-uu-14-jumlah-asas-tujuan",
        "soal-asas-uu-11-bukan-uu-14",
        "soal-uu-14-tujuan-bukan-uu-11",
    ] {
        let question = questions.iter().find(|q| q.id == id).unwrap();
        let text = format!(
            "{} {}",
            question.prompt,
            question.explanation.as_deref().unwrap()
        );
        assert!(text.contains("UU No. 11 Tahun 2009"), "{id}");
        assert!(text.contains("UU No. 14 Tahun 2019"), "{id}");
    }
    let counts = questions
        .iter()
        .find(|q| q.id == "soal-uu-14-jumlah-asas-tujuan")
        .unwrap();
    let AuthoredKind::Choice {
        options, correct, ..
    } = &counts.kind
    else {
        panic!("{counts:?}")
    };
    assert_eq!(options[*correct], "Sembilan asas dan lima tujuan");
}
