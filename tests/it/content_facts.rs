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
    // Only what was revoked is tagged so: Pasal 66, which revokes, is not.
    for (_, e) in pack.entries() {
        if e.tags.iter().any(|t| &**t == "dicabut") {
            assert_eq!(&*e.id, "uu-11-2009-pasal-1-angka-4");
        }
    }
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

// ---- second review: the law word for word, notes that say only what the sources say ----

// Checked character by character against the transcriptions (uu/2009/11.md,
// uu/2019/14/fulltext.md in mblonyox/data-peraturan); only the line-break spaces
// after hyphens ("seluas- luasnya") and the italics of "Tat Twam Asi" are dropped.

/// A note's text with its line wrapping undone, to look for a phrase in it.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that the note of entry `id` holds every one of `phrases`.
fn assert_note_has(pack: &Pack, id: &str, phrases: &[&str]) {
    let note = flat(note(entry(pack, id)));
    for phrase in phrases {
        assert!(note.contains(phrase), "{id}: {phrase} not in {note}");
    }
}
const LAW_LISTS: &[(&str, &[&str])] = &[
    (
        "uu-11-2009-pasal-7-ayat-3",
        &[
            "motivasi dan diagnosis psikososial;",
            "perawatan dan pengasuhan;",
            "pelatihan vokasional dan pembinaan kewirausahaan;",
            "bimbingan mental spiritual;",
            "bimbingan fisik;",
            "bimbingan sosial dan konseling psikososial;",
            "pelayanan aksesibilitas;",
            "bantuan dan asistensi sosial;",
            "bimbingan resosialisasi;",
            "bimbingan lanjut; dan/atau",
            "rujukan.",
        ],
    ),
    (
        "uu-11-2009-pasal-9",
        &[
            "menjamin fakir miskin, anak yatim piatu terlantar, lanjut usia terlantar, penyandang cacat fisik, cacat mental, cacat fisik dan mental, eks penderita penyakit kronis yang mengalami masalah ketidakmampuan sosial-ekonomi agar kebutuhan dasarnya terpenuhi.",
            "menghargai pejuang, perintis kemerdekaan, dan keluarga pahlawan atas jasa-jasanya.",
        ],
    ),
    (
        "uu-11-2009-pasal-12",
        &[
            "peningkatan kemauan dan kemampuan;",
            "penggalian potensi dan sumber daya;",
            "penggalian nilai-nilai dasar;",
            "pemberian akses; dan/atau",
            "pemberian bantuan usaha.",
        ],
    ),
    (
        "uu-11-2009-pasal-12-ayat-3",
        &[
            "diagnosis dan pemberian motivasi;",
            "pelatihan keterampilan;",
            "pendampingan;",
            "pemberian stimulan modal, peralatan usaha, dan tempat usaha;",
            "peningkatan akses pemasaran hasil usaha;",
            "supervisi dan advokasi sosial;",
            "penguatan keserasian sosial;",
            "penataan lingkungan; dan/atau",
            "bimbingan lanjut.",
        ],
    ),
    (
        "uu-11-2009-pasal-12-ayat-4",
        &[
            "diagnosis dan pemberian motivasi;",
            "penguatan kelembagaan masyarakat;",
            "kemitraan dan penggalangan dana; dan/atau",
            "pemberian stimulan.",
        ],
    ),
    (
        "uu-11-2009-pasal-38",
        &[
            "perseorangan;",
            "keluarga;",
            "organisasi keagamaan;",
            "organisasi sosial kemasyarakatan;",
            "lembaga swadaya masyarakat;",
            "organisasi profesi;",
            "badan usaha;",
            "lembaga kesejahteraan sosial; dan",
            "lembaga kesejahteraan sosial asing.",
        ],
    ),
    (
        "uu-11-2009-penjelasan-pasal-2",
        &[
            "Yang dimaksud dengan “asas kesetiakawanan” adalah dalam penyelenggaraan kesejahteraan sosial harus dilandasi oleh kepedulian sosial untuk membantu orang yang membutuhkan pertolongan dengan empati dan kasih sayang (Tat Twam Asi).",
            "Yang dimaksud dengan “asas keadilan” adalah dalam penyelenggaraan kesejahteraan sosial harus menekankan pada aspek pemerataan, tidak diskriminatif dan keseimbangan antara hak dan kewajiban.",
            "Yang dimaksud dengan “asas kemanfaatan” adalah dalam penyelenggaraan kesejahteraan sosial harus memberi manfaat bagi peningkatan kualitas hidup warga negara.",
            "Yang dimaksud dengan “asas keterpaduan” adalah dalam penyelenggaraan kesejahteraan sosial harus mengintegrasikan berbagai komponen yang terkait sehingga dapat berjalan secara terkoordinir dan sinergis.",
            "Yang dimaksud dengan “asas kemitraan” adalah dalam menangani masalah kesejahteraan sosial diperlukan kemitraan antara Pemerintah dan masyarakat, Pemerintah sebagai penanggung jawab dan masyarakat sebagai mitra Pemerintah dalam menangani permasalahan kesejahteraan sosial dan peningkatan kesejahteraan sosial.",
            "Yang dimaksud dengan “asas keterbukaan” adalah memberikan akses yang seluas-luasnya kepada masyarakat untuk mendapatkan informasi yang terkait dengan penyelenggaraan kesejahteraan sosial.",
            "Yang dimaksud dengan “asas akuntabilitas” adalah dalam setiap penyelenggaraan kesejahteraan sosial harus dapat dipertanggungjawabkan sesuai dengan ketentuan peraturan perundang-undangan.",
            "Yang dimaksud dengan “asas partisipasi” adalah dalam setiap penyelenggaraan kesejahteraan sosial harus melibatkan seluruh komponen masyarakat.",
            "Yang dimaksud dengan “asas profesionalitas” adalah dalam setiap penyelenggaraan kesejahteraan sosial kepada masyarakat agar dilandasi dengan profesionalisme sesuai dengan lingkup tugasnya dan dilaksanakan seoptimal mungkin.",
            "Yang dimaksud dengan “asas keberlanjutan” adalah dalam menyelenggarakan kesejahteraan sosial dilaksanakan secara berkesinambungan, sehingga tercapai kemandirian.",
        ],
    ),
    (
        "uu-14-2019-pasal-1",
        &[
            "Pekerja Sosial adalah seseorang yang memiliki pengetahuan, keterampilan, dan nilai praktik pekerjaan sosial serta telah mendapatkan sertifikat kompetensi.",
            "Praktik Pekerjaan Sosial adalah penyelenggaraan pertolongan profesional yang terencana, terpadu, berkesinambungan dan tersupervisi untuk mencegah disfungsi sosial, serta memulihkan dan meningkatkan keberfungsian sosial individu, keluarga, kelompok, dan masyarakat.",
            "Keberfungsian Sosial adalah suatu kondisi yang memungkinkan individu, keluarga, kelompok, dan masyarakat mampu memenuhi kebutuhan dan hak dasarnya, melaksanakan tugas dan peranan sosialnya, serta mengatasi masalah dalam kehidupannya.",
            "Pencegahan Disfungsi Sosial adalah upaya untuk mencegah keterbatasan individu, keluarga, kelompok, dan masyarakat dalam menjalankan keberfungsian sosialnya.",
            "Rehabilitasi Sosial adalah proses refungsionalisasi dan pengembangan untuk memungkinkan seseorang mampu melaksanakan fungsi sosialnya secara wajar dalam kehidupan masyarakat.",
            "Pemberdayaan Sosial adalah upaya yang diarahkan untuk menjadikan individu, keluarga, kelompok, dan masyarakat yang mengalami masalah sosial agar berdaya sehingga mampu memenuhi kebutuhan dasarnya.",
            "Pengembangan Sosial adalah upaya untuk meningkatkan dan mengembangkan kemampuan atau daya guna individu, keluarga, kelompok, dan masyarakat yang sudah berfungsi dengan baik.",
            "Pelindungan Sosial adalah upaya yang diarahkan untuk mencegah dan menangani risiko dari guncangan dan kerentanan sosial.",
            "Klien adalah penerima manfaat pelayanan Praktik Pekerjaan Sosial yang meliputi individu, keluarga, kelompok, dan masyarakat.",
        ],
    ),
    (
        "uu-14-2019-pasal-1-angka-10-19",
        &[
            "Sertifikat Kompetensi adalah surat tanda pengakuan secara hukum terhadap kompetensi Pekerja Sosial untuk dapat menjalankan praktik di seluruh Indonesia setelah lulus Uji Kompetensi.",
            "Uji Kompetensi adalah proses penilaian kompetensi secara terukur dan objektif untuk menilai capaian kompetensi dalam Praktik Pekerjaan Sosial dengan mengacu pada standar kompetensi.",
            "Registrasi adalah pencatatan resmi terhadap Pekerja Sosial yang memiliki Sertifikat Kompetensi untuk menjalankan Praktik Pekerjaan Sosial di Organisasi Pekerja Sosial.",
            "Surat Tanda Registrasi yang selanjutnya disingkat STR adalah bukti tertulis yang diberikan oleh Organisasi Pekerja Sosial kepada Pekerja Sosial yang telah diregistrasi.",
            "Registrasi Ulang adalah pencatatan ulang terhadap Pekerja Sosial yang telah diregistrasi setelah memenuhi persyaratan yang berlaku.",
            "Surat Izin Praktik Pekerja Sosial yang selanjutnya disingkat SIPPS adalah bukti tertulis yang diberikan oleh pemerintah daerah kabupaten/kota kepada Pekerja Sosial sebagai pemberian kewenangan untuk menjalankan Praktik Pekerjaan Sosial.",
            "Organisasi Pekerja Sosial adalah wadah berhimpun Pekerja Sosial yang bersifat independen, mandiri, dan berbadan hukum.",
            "Pemerintah Pusat adalah Presiden Republik Indonesia yang memegang kekuasaan pemerintahan negara Republik Indonesia yang dibantu oleh Wakil Presiden dan menteri sebagaimana dimaksud dalam Undang-Undang Dasar Negara Republik Indonesia Tahun 1945.",
            "Pemerintah Daerah adalah kepala daerah sebagai unsur penyelenggara pemerintahan daerah yang memimpin pelaksanaan urusan pemerintahan yang menjadi kewenangan daerah otonom.",
            "Menteri adalah menteri yang menyelenggarakan urusan pemerintahan di bidang sosial.",
        ],
    ),
    (
        "uu-14-2019-pasal-3",
        &[
            "mencegah terjadinya disfungsi sosial individu, keluarga, kelompok, dan masyarakat;",
            "memulihkan dan meningkatkan Keberfungsian Sosial individu, keluarga, kelompok, dan masyarakat;",
            "meningkatkan ketahanan sosial masyarakat dalam menghadapi masalah kesejahteraan sosial;",
            "meningkatkan kualitas manajemen penyelenggaraan kesejahteraan sosial dalam rangka mencapai kemandirian individu, keluarga, kelompok, dan masyarakat; dan",
            "meningkatkan kemampuan dan kepedulian masyarakat dalam penyelenggaraan kesejahteraan sosial secara melembaga dan berkelanjutan.",
        ],
    ),
    (
        "uu-14-2019-pasal-42",
        &[
            "memberikan pelayanan sesuai dengan standar Praktik Pekerjaan Sosial;",
            "memberikan informasi yang lengkap dan benar mengenai pelayanan kepada Klien, keluarga, dan/atau pihak lain sesuai dengan kewenangannya;",
            "menjaga kerahasiaan Klien;",
            "merujuk Klien kepada pihak lain yang mempunyai keahlian atau kemampuan sesuai dengan penanganan masalah;",
            "meningkatkan mutu pelayanan pekerjaan sosial;",
            "meningkatkan dan mengembangkan kompetensi serta pengetahuan secara berkelanjutan dan/atau keterampilan melalui pendidikan dan/atau pelatihan; dan",
            "bertindak objektif dan tidak diskriminatif atas dasar pertimbangan jenis kelamin, agama, suku, ras, latar belakang keluarga, disabilitas, dan status sosial ekonomi kepada Klien dalam menjalankan tugas keprofesionalan.",
        ],
    ),
    (
        "uu-14-2019-pasal-59",
        &[
            "Pekerja Sosial yang merupakan kelompok jabatan fungsional sebelum Undang-Undang ini diundangkan tetap diakui sebagai Pekerja Sosial sesuai dengan ketentuan peraturan perundang-undangan; dan",
            "Istilah pekerja sosial profesional yang digunakan dalam peraturan perundang-undangan yang sudah ada sebelum Undang-Undang ini berlaku, harus dimaknai sebagai Pekerja Sosial, sepanjang tidak bertentangan dengan Undang-Undang ini.",
        ],
    ),
];

const LAW_BODIES: &[(&str, &str)] = &[
    (
        "uu-11-2009-pasal-1-angka-1",
        "\"Kesejahteraan Sosial adalah kondisi terpenuhinya kebutuhan material, spiritual, dan sosial warga negara agar dapat hidup layak dan mampu mengembangkan diri, sehingga dapat melaksanakan fungsi sosialnya.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-2",
        "\"Penyelenggaraan Kesejahteraan Sosial adalah upaya yang terarah, terpadu, dan berkelanjutan yang dilakukan Pemerintah, pemerintah daerah, dan masyarakat dalam bentuk pelayanan sosial guna memenuhi kebutuhan dasar setiap warga negara, yang meliputi rehabilitasi sosial, jaminan sosial, pemberdayaan sosial, dan perlindungan sosial.\"",
    ),
    (
        "uu-11-2009-penjelasan-pasal-3-huruf-b",
        "\"Yang dimaksud dengan “memulihkan fungsi sosial” adalah pengembangan dan peningkatan kualitas diri, baik secara psikologis, fisik, sosial, maupun potensi diri lainnya.\"",
    ),
    (
        "uu-11-2009-pasal-57",
        "\"Pada saat mulai berlakunya Undang-Undang ini, Undang-Undang Nomor 6 Tahun 1974 tentang Ketentuan-Ketentuan Pokok Kesejahteraan Sosial (Lembaran Negara Republik Indonesia Tahun 1974 Nomor 53, Tambahan Lembaran Negara Republik Indonesia Nomor 3039) dicabut dan dinyatakan tidak berlaku.\"",
    ),
    (
        "uu-11-2009-pasal-4",
        "\"Negara bertanggung jawab atas penyelenggaraan kesejahteraan sosial.\"",
    ),
    (
        "uu-11-2009-pasal-5-ayat-2",
        "\"Penyelenggaraan kesejahteraan sosial sebagaimana dimaksud pada ayat (1) diprioritaskan kepada mereka yang memiliki kehidupan yang tidak layak secara kemanusiaan dan memiliki kriteria masalah sosial:\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-8",
        "\"Rehabilitasi Sosial adalah proses refungsionalisasi dan pengembangan untuk memungkinkan seseorang mampu melaksanakan fungsi sosialnya secara wajar dalam kehidupan masyarakat.\"",
    ),
    (
        "uu-11-2009-pasal-7",
        "Ayat (1): \"Rehabilitasi sosial dimaksudkan untuk memulihkan dan mengembangkan kemampuan seseorang yang mengalami disfungsi sosial agar dapat melaksanakan fungsi sosialnya secara wajar.\" Ayat (2): \"Rehabilitasi sosial sebagaimana dimaksud pada ayat (1) dapat dilaksanakan secara persuasif, motivatif, koersif, baik dalam keluarga, masyarakat maupun panti sosial.\"",
    ),
    (
        "uu-11-2009-penjelasan-pasal-7-ayat-1",
        "\"Seseorang yang mengalami disfungsi sosial antara lain penyandang cacat fisik, cacat mental, cacat fisik dan mental, tuna susila, gelandangan, pengemis, eks penderita penyakit kronis, eks narapidana, eks pecandu narkotika, pengguna psikotropika sindroma ketergantungan, orang dengan HIV/AIDS (ODHA), korban tindak kekerasan, korban bencana, korban perdagangan orang, anak terlantar, dan anak dengan kebutuhan khusus.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-11",
        "\"Jaminan Sosial adalah skema yang melembaga untuk menjamin seluruh rakyat agar dapat memenuhi kebutuhan dasar hidupnya yang layak.\"",
    ),
    (
        "uu-11-2009-pasal-9",
        "Ayat (1): \"Jaminan sosial dimaksudkan untuk:\" (huruf a dan b di bawah). Ayat (2): \"Jaminan sosial sebagaimana dimaksud pada ayat (1) huruf a diberikan dalam bentuk asuransi kesejahteraan sosial dan bantuan langsung berkelanjutan.\" Ayat (3): \"Jaminan sosial sebagaimana dimaksud pada ayat (1) huruf b diberikan dalam bentuk tunjangan berkelanjutan.\"",
    ),
    (
        "uu-11-2009-pasal-10",
        "Ayat (1): \"Asuransi kesejahteraan sosial diselenggarakan untuk melindungi warga negara yang tidak mampu membayar premi agar mampu memelihara dan mempertahankan taraf kesejahteraan sosialnya.\" Ayat (2): \"Asuransi kesejahteraan sosial sebagaimana dimaksud pada ayat (1) diberikan dalam bentuk bantuan iuran oleh Pemerintah.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-10",
        "\"Pemberdayaan Sosial adalah semua upaya yang diarahkan untuk menjadikan warga negara yang mengalami masalah sosial mempunyai daya, sehingga mampu memenuhi kebutuhan dasarnya.\"",
    ),
    (
        "uu-11-2009-pasal-12",
        "Ayat (1): \"Pemberdayaan sosial dimaksudkan untuk: a. memberdayakan seseorang, keluarga, kelompok, dan masyarakat yang mengalami masalah kesejahteraan sosial agar mampu memenuhi kebutuhannya secara mandiri. b. meningkatkan peran serta lembaga dan/atau perseorangan sebagai potensi dan sumber daya dalam penyelenggaraan kesejahteraan sosial.\" Ayat (2): \"Pemberdayaan sosial sebagaimana dimaksud pada ayat (1) dilakukan melalui:\" (huruf a sampai e di bawah).",
    ),
    (
        "uu-11-2009-pasal-1-angka-9",
        "\"Perlindungan Sosial adalah semua upaya yang diarahkan untuk mencegah dan menangani risiko dari guncangan dan kerentanan sosial.\"",
    ),
    (
        "uu-11-2009-pasal-14",
        "Ayat (1): \"Perlindungan sosial dimaksudkan untuk mencegah dan menangani risiko dari guncangan dan kerentanan sosial seseorang, keluarga, kelompok, dan/atau masyarakat agar kelangsungan hidupnya dapat dipenuhi sesuai dengan kebutuhan dasar minimal.\" Ayat (2): \"Perlindungan sosial sebagaimana dimaksud pada ayat (1) dilaksanakan melalui:\"",
    ),
    (
        "uu-11-2009-pasal-15",
        "Ayat (1): \"Bantuan sosial dimaksudkan agar seseorang, keluarga, kelompok, dan/atau masyarakat yang mengalami guncangan dan kerentanan sosial dapat tetap hidup secara wajar.\" Ayat (2): \"Bantuan sosial sebagaimana dimaksud pada ayat (1) bersifat sementara dan/atau berkelanjutan dalam bentuk:\"",
    ),
    (
        "uu-11-2009-pasal-16",
        "Ayat (1): \"Advokasi sosial dimaksudkan untuk melindungi dan membela seseorang, keluarga, kelompok, dan/atau masyarakat yang dilanggar haknya.\" Ayat (2): \"Advokasi sosial sebagaimana dimaksud pada ayat (1) diberikan dalam bentuk penyadaran hak dan kewajiban, pembelaan, dan pemenuhan hak.\"",
    ),
    (
        "uu-11-2009-pasal-17",
        "Ayat (1): \"Bantuan hukum diselenggarakan untuk mewakili kepentingan warga negara yang menghadapi masalah hukum dalam pembelaan atas hak, baik di dalam maupun di luar pengadilan.\" Ayat (2): \"Bantuan hukum sebagaimana dimaksud pada ayat (1) diberikan dalam bentuk pembelaan dan konsultasi hukum.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-3",
        "\"Tenaga Kesejahteraan Sosial adalah seseorang yang dididik dan dilatih secara profesional untuk melaksanakan tugas-tugas pelayanan dan penanganan masalah sosial dan/atau seseorang yang bekerja, baik di lembaga pemerintah maupun swasta yang ruang lingkup kegiatannya di bidang kesejahteraan sosial.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-4",
        "\"Pekerja Sosial Profesional adalah seseorang yang bekerja, baik di lembaga pemerintah maupun swasta yang memiliki kompetensi dan profesi pekerjaan sosial, dan kepedulian dalam pekerjaan sosial yang diperoleh melalui pendidikan, pelatihan, dan/atau pengalaman praktek pekerjaan sosial untuk melaksanakan tugas-tugas pelayanan dan penanganan masalah sosial.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-5",
        "\"Relawan Sosial adalah seseorang dan/atau kelompok masyarakat, baik yang berlatar belakang pekerjaan sosial maupun bukan berlatar belakang pekerjaan sosial, tetapi melaksanakan kegiatan penyelenggaraan di bidang sosial bukan di instansi sosial pemerintah atas kehendak sendiri dengan atau tanpa imbalan.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-6",
        "\"Pelaku Penyelenggaraan Kesejahteraan Sosial adalah individu, kelompok, lembaga kesejahteraan sosial, dan masyarakat yang terlibat dalam penyelenggaraan kesejahteraan sosial.\"",
    ),
    (
        "uu-11-2009-pasal-1-angka-7",
        "\"Lembaga Kesejahteraan Sosial adalah organisasi sosial atau perkumpulan sosial yang melaksanakan penyelenggaraan kesejahteraan sosial yang dibentuk oleh masyarakat, baik yang berbadan hukum maupun yang tidak berbadan hukum.\"",
    ),
    (
        "uu-11-2009-pasal-38",
        "Ayat (1): \"Masyarakat mempunyai kesempatan yang seluas-luasnya untuk berperan dalam penyelenggaraan kesejahteraan sosial.\" Ayat (2): \"Peran sebagaimana dimaksud pada ayat (1) dapat dilakukan oleh:\"",
    ),
    (
        "uu-11-2009-pasal-40",
        "\"Peran badan usaha sebagaimana dimaksud dalam Pasal 38 huruf g dalam penyelenggaraan kesejahteraan sosial dilakukan sebagai tanggung jawab sosial dan lingkungan sesuai dengan ketentuan peraturan perundang-undangan.\"",
    ),
    (
        "uu-14-2019-pasal-1-angka-1",
        "\"Pekerja Sosial adalah seseorang yang memiliki pengetahuan, keterampilan, dan nilai praktik pekerjaan sosial serta telah mendapatkan sertifikat kompetensi.\"",
    ),
    (
        "uu-14-2019-pasal-1-angka-2",
        "\"Praktik Pekerjaan Sosial adalah penyelenggaraan pertolongan profesional yang terencana, terpadu, berkesinambungan dan tersupervisi untuk mencegah disfungsi sosial, serta memulihkan dan meningkatkan keberfungsian sosial individu, keluarga, kelompok, dan masyarakat.\"",
    ),
    (
        "uu-14-2019-pasal-66",
        "\"Pada saat Undang-Undang ini mulai berlaku, ketentuan yang mengatur mengenai pekerja sosial profesional dalam Pasal 1 angka 4, Pasal 33 ayat (2), Pasal 52 ayat (3) sampai dengan ayat (6) Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial (Lembaran Negara Republik Indonesia Tahun 2009 Nomor 12, Tambahan Lembaran Negara Republik Indonesia Nomor 4967), dicabut dan dinyatakan tidak berlaku.\"",
    ),
];

#[test]
fn every_quoted_list_and_article_of_the_law_is_word_for_word() {
    let pack = pack();
    for (id, expected) in LAW_LISTS {
        assert_eq!(points(entry(&pack, id)), *expected, "{id}");
    }
    for (id, expected) in LAW_BODIES {
        assert_eq!(entry(&pack, id).body.as_ref(), *expected, "{id}");
    }
    // Every labelled list of the law runs a, b, c ... (or 1, 2, 3 ... from its first
    // angka) with no letter skipped or swapped.
    for (_, e) in pack.entries() {
        if !e.source.starts_with("uu-") || e.points.is_empty() {
            continue;
        }
        let labels = labels(e);
        if let Ok(first) = labels[0].parse::<usize>() {
            let expected: Vec<String> = (first..first + labels.len())
                .map(|n| n.to_string())
                .collect();
            assert_eq!(labels, expected, "{}", e.id);
        } else {
            let expected: Vec<String> = ('a'..='z').take(labels.len()).map(String::from).collect();
            assert_eq!(labels, expected, "{}", e.id);
        }
    }
}

#[test]
fn the_notes_tell_the_two_laws_asas_and_tujuan_apart_by_what_each_list_holds() {
    let pack = pack();
    let asas_11 = items(entry(&pack, "uu-11-2009-pasal-2"));
    let asas_14 = items(entry(&pack, "uu-14-2019-pasal-2"));
    let only_11: Vec<&str> = asas_11
        .iter()
        .copied()
        .filter(|a| !asas_14.contains(a))
        .collect();
    let only_14: Vec<&str> = asas_14
        .iter()
        .copied()
        .filter(|a| !asas_11.contains(a))
        .collect();
    assert_eq!(only_11, ["keterbukaan", "partisipasi", "keberlanjutan"]);
    assert_eq!(only_14, ["nondiskriminatif", "aksesibilitas"]);
    for id in ["uu-11-2009-pasal-2", "uu-14-2019-pasal-2"] {
        let note = flat(note(entry(&pack, id)));
        for asas in only_11.iter().chain(&only_14) {
            assert!(note.contains(asas), "{id} does not name {asas}: {note}");
        }
    }
    // The 2009 note no longer says the 2019 law "adds" to it.
    assert!(!note(entry(&pack, "uu-11-2009-pasal-2")).contains("menambah"));
    // Huruf e of both tujuan is the same text, and both notes say so.
    let tujuan_11 = items(entry(&pack, "uu-11-2009-pasal-3"));
    let tujuan_14 = items(entry(&pack, "uu-14-2019-pasal-3"));
    assert_eq!(tujuan_11[4], tujuan_14[4]);
    assert_ne!(tujuan_11[0], tujuan_14[0]);
    for id in ["uu-11-2009-pasal-3", "uu-14-2019-pasal-3"] {
        let note = flat(note(entry(&pack, id)));
        assert!(note.contains("sama kata demi kata"), "{id}: {note}");
        assert!(!note.contains("hampir sama"), "{id}: {note}");
    }
    // Hand-written questions keep them apart.
    let questions: Vec<_> = pack.topics.iter().flat_map(|t| &t.questions).collect();
    for id in [
        "soal-asas-huruf-a-dua-uu",
        "soal-uu-14-tujuan-huruf-e-sama",
        "soal-uu-14-pelindungan-sosial",
    ] {
        let question = questions.iter().find(|q| q.id == id).unwrap();
        let explanation = question.explanation.as_deref().unwrap();
        assert!(explanation.contains("UU No. 11 Tahun 2009"), "{id}");
        assert!(explanation.contains("UU No. 14 Tahun 2019"), "{id}");
    }
}

#[test]
fn the_pasal_3_note_says_what_the_blog_wrote_for_each_difference() {
    let pack = pack();
    let pasal_3 = entry(&pack, "uu-11-2009-pasal-3");
    let note = flat(note(pasal_3));
    for phrase in [
        // (d): the law's one word against the blog's two.
        "\"kepedulian dan tanggungjawab sosial dunia usaha\"",
        "blog menulis \"tanggung jawab\" (dua kata)",
        // (a): the law's comma.
        "\"kualitas, dan kelangsungan hidup\"",
        "\"kualitas dan kelangsungan hidup\"",
        // (f) and the missing (e).
        "\"manajemen penyelenggaraan kesejahteraan sosial\"",
        "huruf (e)",
    ] {
        assert!(note.contains(phrase), "{phrase}: {note}");
    }
    assert!(points(pasal_3)[0].contains("kualitas, dan kelangsungan hidup"));
}

#[test]
fn bantuan_sosial_is_not_said_to_be_excluded_by_words_the_law_does_not_use() {
    let pack = pack();
    for text in all_texts(&pack) {
        assert!(!text.contains("TIDAK termasuk jaminan sosial"), "{text}");
    }
    assert_note_has(
        &pack,
        "uu-11-2009-pasal-9",
        &[
            "tidak disebut di antara bentuk jaminan sosial",
            "\"asuransi kesejahteraan sosial dan bantuan langsung berkelanjutan\" (ayat (2))",
            "\"tunjangan berkelanjutan\" (ayat (3))",
            "Pasal 14 ayat (2) huruf a",
            // Penjelasan Pasal 9 ayat (2), word for word.
            "\"asuransi yang secara khusus diberikan kepada warga negara tidak mampu dan tidak terakses oleh sistem asuransi sosial pada umumnya yang berbasis pada kontribusi peserta\"",
        ],
    );
    let pasal_14 = flat(note(entry(&pack, "uu-11-2009-pasal-14")));
    assert!(pasal_14.contains("tidak di antara bentuk jaminan sosial dalam Pasal 9"));
    assert!(pasal_14.contains(
        "\"Yang dimaksud dengan “guncangan dan kerentanan sosial” yaitu keadaan tidak stabil yang terjadi secara tiba-tiba sebagai akibat dari situasi krisis sosial, ekonomi, politik, bencana, dan fenomena alam.\""
    ));
    let pasal_15 = flat(note(entry(&pack, "uu-11-2009-pasal-15")));
    assert!(pasal_15.contains("perawatan kesehatan dan obat-obatan, akses pelayanan dasar"));
    assert!(note(entry(&pack, "uu-11-2009-pasal-7")).contains(
        "\"Yang dimaksud dengan “koersif” yaitu tindakan pemaksaan dalam proses rehabilitasi sosial.\""
    ));
}

#[test]
fn the_revocation_is_told_in_the_laws_words_wherever_it_is_mentioned() {
    let pack = pack();
    let pasal_33 = flat(note(entry(&pack, "uu-11-2009-pasal-33")));
    assert!(
        pasal_33.contains("\"ketentuan yang mengatur mengenai pekerja sosial profesional dalam Pasal 1 angka 4, Pasal 33 ayat (2), Pasal 52 ayat (3) sampai dengan ayat (6)\""),
        "{pasal_33}"
    );
    assert!(!pasal_33.contains("sejauh"), "{pasal_33}");
    let definition = flat(note(entry(&pack, "uu-14-2019-pasal-1-angka-1")));
    for phrase in [
        "Pasal 1 angka 4 dicabut oleh Pasal 66",
        "Pasal 59 huruf b",
        "\"harus dimaknai sebagai Pekerja Sosial\"",
    ] {
        assert!(definition.contains(phrase), "{phrase}: {definition}");
    }
    // Who else UU 14/2019 recognises as Pekerja Sosial, in its words.
    for id in ["uu-11-2009-pasal-1-angka-3", "uu-11-2009-pasal-1-angka-5"] {
        assert_note_has(
            &pack,
            id,
            &[
                "Pasal 60 huruf b: \"Pekerja sosial profesional yang belum tersertifikasi, tenaga kesejahteraan sosial, penyuluh sosial, dan relawan sosial yang telah melakukan pelayanan sosial diakui sebagai Pekerja Sosial setelah lulus Uji Kompetensi sebagaimana dimaksud dalam Pasal 23\"",
            ],
        );
    }
    // The law does not say the new definition "replaces" the old one.
    for text in all_texts(&pack) {
        assert!(!text.contains("menggantikan definisi"), "{text}");
    }
    let question = pack
        .topics
        .iter()
        .flat_map(|t| &t.questions)
        .find(|q| q.id == "soal-uu-14-pasal-59-istilah")
        .unwrap();
    let AuthoredKind::Choice {
        options, correct, ..
    } = &question.kind
    else {
        panic!("{question:?}")
    };
    assert_eq!(options[*correct], "Pekerja Sosial");
}

#[test]
fn what_the_sources_do_not_confirm_is_marked_as_unchecked() {
    let pack = pack();
    for (source, phrase) in [
        ("blog-fungsi-tujuan", "tidak diketahui"),
        ("suharto-2006", "tidak dapat dipastikan"),
        ("suharto-2009", "belum dicocokkan"),
        ("pp-39-2012", "tidak diperiksa"),
        ("dubois-miley-2005", "belum dicocokkan"),
        ("suharto-2005", "salinan sekunder"),
        ("parsons-jorgensen-hernandez-1994", "tidak diperiksa"),
        ("uu-11-2009", "seluas- luasnya"),
        ("uu-14-2019", "tidak ikut disalin"),
    ] {
        let citation = &pack.source(source).unwrap().citation;
        assert!(citation.contains(phrase), "{source}: {citation}");
    }
    // Suharto's five roles: the elided end of his sentence and the page come from
    // secondary copies, and the note says so.
    assert_note_has(
        &pack,
        "peran-parsons-dkk",
        &[
            "\"pembimbingan sosial\"",
            "menurut salinan sekunder",
            "pendampingan sosial",
            "belum dicocokkan dengan cetakan 2005",
        ],
    );
    // His sentence on the pendamping is quoted from secondary copies of the 2005
    // book; his 2002 paper has "community worker" where they have "pekerja sosial".
    let solver = flat(note(entry(&pack, "peran-pemecah-masalah")));
    assert!(
        solver.contains("salinan sekunder Suharto (2005)"),
        "{solver}"
    );
    assert!(
        solver.contains("\"peranan seorang community worker seringkali diwujudkan"),
        "{solver}"
    );
    // The compiler's own explanations of the roles and glossary terms say so.
    for id in [
        "peran-mediator",
        "peran-fasilitator",
        "peran-perencana",
        "peran-pemecah-masalah",
        "peran-broker",
        "peran-pembela",
        "peran-pelindung",
        "glosarium-intervensi",
        "glosarium-kemandirian",
        "glosarium-pendampingan",
        "fungsi-tujuan-dubois-miley",
    ] {
        assert!(
            note(entry(&pack, id)).contains("penyusun"),
            "{id}: {}",
            note(entry(&pack, id))
        );
    }
    assert!(
        note(entry(&pack, "fungsi-tujuan-dubois-miley")).contains("halamannya belum diperiksa")
    );
    // Every note that quotes Suharto's sentence on the pendamping says where the
    // quotation comes from.
    for id in [
        "peran-menurut-blog",
        "peran-fasilitator",
        "peran-pemecah-masalah",
    ] {
        assert_note_has(&pack, id, &["salinan sekunder Suharto (2005)"]);
    }
    // DuBois & Miley's four purposes were not checked against the book.
    for id in [
        "fungsi-tujuan-dubois-miley",
        "fungsi-kinerja-pekerja-sosial",
    ] {
        assert_note_has(&pack, id, &["belum dicocokkan dengan bukunya"]);
    }
}

#[test]
fn nothing_says_more_than_the_law_does() {
    let pack = pack();
    // Pasal 66 revokes the provisions on pekerja sosial profesional; it says
    // nothing about the rest of UU 11/2009 being in force.
    for text in all_texts(&pack) {
        let text = flat(&text);
        assert!(!text.contains("lainnya tetap berlaku"), "{text}");
        assert!(!text.contains("Tahun 2009 tetap berlaku"), "{text}");
    }
    assert_note_has(
        &pack,
        "uu-14-2019-pasal-66",
        &["pasal-pasal lain UU No. 11 Tahun 2009 tidak dicabut olehnya"],
    );
    // UU 11/2009 does not use the word CSR: the notes that call Pasal 40 its
    // legal anchor say so.
    assert_note_has(
        &pack,
        "uu-11-2009-pasal-40",
        &[
            "tidak memakai istilah CSR",
            "\"tanggung jawab sosial dan lingkungan\"",
        ],
    );
    assert!(
        flat(&entry(&pack, "glosarium-csr").body).contains("tidak memakai istilah CSR"),
        "glosarium-csr"
    );
}

#[test]
fn every_spelling_the_pack_corrects_in_the_blog_is_named_in_a_note_with_its_fix() {
    let pack = pack();
    // (entry, what the blog wrote, what the pack writes)
    let fixes = [
        ("fungsi-kinerja-pekerja-sosial", "responsive", "responsif"),
        (
            "fungsi-tugas-utama",
            "sosial function",
            "social functioning",
        ),
        (
            "uu-11-2009-pasal-3",
            "manajemen penyelenggara kesejahteraan",
            "manajemen penyelenggaraan kesejahteraan sosial",
        ),
        (
            "bidang-kesehatan-rehabilitasi",
            "rehabilitas vokasional",
            "rehabilitasi",
        ),
        (
            "bidang-pengembangan-masyarakat",
            "perencana sosial",
            "perencanaan sosial",
        ),
        ("bidang-pengembangan-masyarakat", "masyarkat", "masyarakat"),
        (
            "bidang-pengembangan-masyarakat",
            "ketetangaan",
            "ketetanggaan",
        ),
        (
            "bidang-jaminan-sosial",
            "sosial foundation",
            "social foundation",
        ),
        (
            "bidang-jaminan-sosial",
            "jaringan pengaman sosial",
            "jaring pengaman sosial",
        ),
        (
            "bidang-sekolah",
            "peningkatan partisipasi keluarga dan masyarkata",
            "masyarakat dalam pendidikan",
        ),
        (
            "bidang-industri",
            "Pekerja sosial industri",
            "Pekerjaan sosial industri",
        ),
        (
            "bidang-industri",
            "perencanaan pensiunan",
            "perencanaan pensiun",
        ),
        ("bidang-industri", "coorporate social", "corporate social"),
    ];
    for (id, blog, fixed) in fixes {
        let e = entry(&pack, id);
        let note = flat(note(e));
        assert!(
            note.contains(&format!("\"{blog}")),
            "{id}: {blog} in {note}"
        );
        assert!(note.contains(fixed), "{id}: {fixed} in {note}");
        // The blog's spelling is in the note only, never in what is studied.
        for text in points(e).into_iter().chain([&*e.title, &*e.body]) {
            assert!(!text.contains(blog), "{id}: {text}");
        }
    }
}

#[test]
fn searches_for_the_laws_terms_find_both_laws_and_the_matching_setting() {
    let pack = pack();
    let top = |query: &str, n: usize| -> Vec<String> {
        search_ids(&pack, query).into_iter().take(n).collect()
    };
    for (query, n, ids) in [
        ("asas", 2, &["uu-11-2009-pasal-2", "uu-14-2019-pasal-2"][..]),
        (
            "tujuan",
            3,
            &["uu-11-2009-pasal-3", "uu-14-2019-pasal-3"][..],
        ),
        (
            "jaminan sosial",
            3,
            &["uu-11-2009-pasal-9", "bidang-jaminan-sosial"][..],
        ),
        (
            "pendampingan",
            2,
            &["glosarium-pendampingan", "uu-11-2009-pasal-12-ayat-3"][..],
        ),
        ("bantuan sosial", 1, &["uu-11-2009-pasal-15"][..]),
        (
            "pekerja sosial profesional",
            1,
            &["uu-11-2009-pasal-1-angka-4"][..],
        ),
    ] {
        let found = top(query, n);
        for id in ids {
            assert!(
                found.iter().any(|f| f == id),
                "{query}: {id} not in {found:?}"
            );
        }
    }
}

#[test]
fn where_the_two_laws_define_the_same_thing_the_notes_compare_their_words() {
    let pack = pack();
    let uu_14 = points(entry(&pack, "uu-14-2019-pasal-1"));
    let body = |id: &str| entry(&pack, id).body.trim_matches('"').to_owned();
    // Rehabilitasi sosial: the same words in both laws, and the note says so.
    assert_eq!(body("uu-11-2009-pasal-1-angka-8"), uu_14[4]);
    assert_note_has(
        &pack,
        "uu-11-2009-pasal-1-angka-8",
        &["Pasal 1 angka 5", "kata-kata yang sama"],
    );
    // Pemberdayaan sosial: worded differently; the note quotes UU 14/2019 whole.
    assert_ne!(body("uu-11-2009-pasal-1-angka-10"), uu_14[5]);
    assert_note_has(
        &pack,
        "uu-11-2009-pasal-1-angka-10",
        &[
            "UU No. 14 Tahun 2019 Pasal 1 angka 6",
            uu_14[5],
            "Jangan tertukar",
        ],
    );
    // Perlindungan / Pelindungan sosial.
    assert_note_has(
        &pack,
        "uu-11-2009-pasal-1-angka-9",
        &["\"Pelindungan Sosial\"", "tanpa kata \"semua\""],
    );
    assert_note_has(
        &pack,
        "uu-11-2009-pasal-17",
        &[
            "Pasal 7 ayat (2) huruf c",
            "\"pemberian akses bantuan hukum\"",
        ],
    );
}

/// The hand-written question whose prompt starts with `prompt`, as a quiz of
/// its topic asks it.
fn asked(pack: &Pack, topic: &str, prompt: &str) -> kisi_core::quiz::Question {
    use kisi_core::quiz::{Prompt, QuestionKind, QuizOptions, generate};
    for seed in 0..50 {
        let quiz = generate(
            pack,
            &QuizOptions {
                topics: vec![topic.to_owned()],
                count: 200,
                kinds: vec![QuestionKind::Typed],
                seed,
                ..QuizOptions::default()
            },
        )
        .unwrap();
        if let Some(question) = quiz
            .into_iter()
            .find(|q| matches!(&q.prompt, Prompt::Authored { text } if text.starts_with(prompt)))
        {
            return question;
        }
    }
    panic!("no quiz of {topic} asks {prompt}")
}

#[test]
fn the_typed_questions_take_every_fair_answer_and_not_the_blogs_wording() {
    use kisi_core::quiz::{Answer, Outcome, grade};
    let pack = pack();
    for (topic, prompt, right, wrong) in [
        (
            "uu-11-2009",
            "Berapa asas penyelenggaraan",
            &["sepuluh", "Sepuluh", "10", "10 asas", "sepuluh asas"][..],
            &["sembilan", "9", "enam"][..],
        ),
        (
            "uu-11-2009-penyelenggaraan",
            "Berapa kriteria masalah sosial",
            &["tujuh", "7", "7 kriteria", "tujuh kriteria"][..],
            &["enam", "lima", "11"][..],
        ),
        (
            "fungsi",
            "Apa istilah bahasa Inggris untuk keberfungsian sosial",
            &["social functioning", "Social Functioning"][..],
            // "sosial function" is the blog's slip; "social function" is not
            // the term either.
            &["social function", "sosial function", "social welfare"][..],
        ),
    ] {
        let question = asked(&pack, topic, prompt);
        for answer in right {
            let outcome = grade(&question, &Answer::Typed((*answer).to_owned())).outcome;
            assert_eq!(outcome, Outcome::Correct, "{prompt}: {answer}");
        }
        for answer in wrong {
            let outcome = grade(&question, &Answer::Typed((*answer).to_owned())).outcome;
            assert_eq!(outcome, Outcome::Wrong, "{prompt}: {answer}");
        }
    }
}
