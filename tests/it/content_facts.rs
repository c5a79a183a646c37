//! The built-in pack holds the facts of ../shared/content-facts.md, with the
//! corrections of the source blog made and visible as notes.

use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::{Entry, Pack};

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

#[test]
fn every_topic_of_the_course_is_there() {
    let pack = pack();
    for topic in [
        "peran",
        "fungsi",
        "uu-11-2009",
        "bidang-garapan",
        "glosarium",
    ] {
        assert!(pack.find_topic(topic).is_some(), "topic {topic} missing");
    }
    // Every entry carries a source that the manifest lists.
    for (_, entry) in pack.entries() {
        assert!(
            pack.source(&entry.source).is_some(),
            "{}: no source",
            entry.id
        );
    }
}

#[test]
fn pasal_3_has_six_goals_a_to_f_in_order_with_the_correction_noted() {
    let pack = pack();
    let pasal_3 = entry(&pack, "uu-11-2009-pasal-3");
    assert!(pasal_3.ordered);
    let labels: Vec<&str> = pasal_3
        .points
        .iter()
        .map(|p| p.label.as_deref().unwrap())
        .collect();
    assert_eq!(labels, ["a", "b", "c", "d", "e", "f"]);
    let goals = points(pasal_3);
    assert!(
        goals[0].starts_with("meningkatkan taraf kesejahteraan, kualitas, dan kelangsungan hidup")
    );
    assert!(goals[1].starts_with("memulihkan fungsi sosial dalam rangka mencapai kemandirian"));
    assert!(goals[2].starts_with("meningkatkan ketahanan sosial masyarakat"));
    assert!(goals[3].contains("dunia usaha"));
    // (e) is the goal the blog leaves out.
    assert!(goals[4].starts_with("meningkatkan kemampuan dan kepedulian masyarakat"));
    // (f) says penyelenggaraan, where the blog says penyelenggara.
    assert!(goals[5].contains("manajemen penyelenggaraan kesejahteraan sosial"));
    let note = pasal_3.note.as_deref().unwrap();
    assert!(note.contains("ENAM") || note.contains("enam"), "{note}");
    assert!(note.contains("(e)"), "{note}");
    assert!(note.contains("penyelenggara kesejahteraan"), "{note}");
    assert_eq!(pasal_3.locator.as_deref(), Some("Pasal 3"));
}

#[test]
fn pasal_1_and_the_ten_principles_of_pasal_2() {
    let pack = pack();
    let pasal_1 = entry(&pack, "uu-11-2009-pasal-1-angka-1");
    assert!(pasal_1.body.contains(
        "Kesejahteraan Sosial adalah kondisi terpenuhinya kebutuhan material, spiritual, dan sosial warga negara"
    ));
    let pasal_2 = entry(&pack, "uu-11-2009-pasal-2");
    assert_eq!(
        points(pasal_2),
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
fn the_roles_of_the_blog_and_of_parsons_et_al() {
    let pack = pack();
    for id in [
        "peran-mediator",
        "peran-fasilitator",
        "peran-perencana",
        "peran-pemecah-masalah",
    ] {
        entry(&pack, id);
    }
    let parsons = entry(&pack, "peran-parsons-dkk");
    let roles = points(parsons).join(" ");
    for role in ["fasilitator", "broker", "mediator", "pembela", "pelindung"] {
        assert!(roles.contains(role), "{role} missing: {roles}");
    }
    assert_eq!(parsons.points.len(), 5);
    // Suharto: a worker accompanies, and is not the problem solver.
    let solver = entry(&pack, "peran-pemecah-masalah");
    assert!(solver.note.as_deref().unwrap().contains("bukan"));
}

#[test]
fn the_three_functions_the_fourth_purpose_and_social_functioning() {
    let pack = pack();
    let functions = entry(&pack, "fungsi-kinerja-pekerja-sosial");
    assert_eq!(functions.points.len(), 3);
    let texts = points(functions);
    assert!(texts[0].contains("rasa berkemampuan klien"));
    assert!(texts[1].contains("sumber-sumber"));
    assert!(texts[2].contains("responsif"));
    let note = functions.note.as_deref().unwrap();
    assert!(
        note.contains("social justice") || note.contains("keadilan sosial"),
        "{note}"
    );
    let definition = entry(&pack, "fungsi-keberfungsian-sosial");
    assert_eq!(&*definition.source, "suharto-2009");
    assert!(
        definition
            .english
            .as_deref()
            .unwrap()
            .contains("social functioning")
    );
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
