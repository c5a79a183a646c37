//! The search relevance set: queries students type, each with the entry
//! that must come first or within the first three, on the built-in pack and
//! on the two test packs of other subjects (tests/packs/), in Indonesian and
//! English: typos, swapped letters, point labels, punctuation, old
//! spellings, several words and words of a topic's summary. The test computes the mean reciprocal rank
//! (MRR) and recall@3 and fails when either drops below the figures
//! recorded here and in docs/performance.md.

use std::path::Path;

use kisi_core::content::Pack;
use kisi_core::content::builtin::builtin_pack;
use kisi_core::content::load::load_dir;
use kisi_core::search::Searcher;

/// The figures of the set as it stands; raise them when ranking improves.
const RECORDED_MRR: f64 = 0.97;
const RECORDED_RECALL_AT_3: f64 = 1.0;

#[derive(Clone, Copy)]
enum Packs {
    Builtin,
    Networking,
    Pancasila,
}

/// (pack, query, expected entry id or `topic:ID` for any entry of a topic,
/// the rank it must reach: 1 or 3).
const CASES: &[(Packs, &str, &str, usize)] = &[
    // The built-in pack (Indonesian).
    (Packs::Builtin, "mediator", "peran-mediator", 1),
    (Packs::Builtin, "mediator?", "peran-mediator", 1),
    (Packs::Builtin, "mediator,", "peran-mediator", 1),
    (Packs::Builtin, "mediatr", "peran-mediator", 1),
    (Packs::Builtin, "meidator", "peran-mediator", 1),
    (Packs::Builtin, "broker", "peran-broker", 1),
    (Packs::Builtin, "borker", "peran-broker", 1),
    (Packs::Builtin, "perantara", "peran-broker", 1),
    (Packs::Builtin, "pasal 3", "uu-11-2009-pasal-3", 1),
    (Packs::Builtin, "pasal3", "uu-11-2009-pasal-3", 1),
    (Packs::Builtin, "pasal 3 e", "uu-11-2009-pasal-3", 1),
    (Packs::Builtin, "uu 11 2009", "topic:uu-11-2009", 1),
    (Packs::Builtin, "UU 11/2009", "topic:uu-11-2009", 1),
    (Packs::Builtin, "sekolah", "bidang-sekolah", 1),
    (Packs::Builtin, "school social work", "bidang-sekolah", 1),
    (
        Packs::Builtin,
        "ketahanan sosial",
        "glosarium-ketahanan-sosial",
        1,
    ),
    (Packs::Builtin, "odha", "glosarium-odha", 1),
    (Packs::Builtin, "klien", "glosarium-klien", 1),
    (Packs::Builtin, "client system", "glosarium-klien", 1),
    (Packs::Builtin, "industri", "bidang-industri", 3),
    (
        Packs::Builtin,
        "tujuh bidang garapan",
        "bidang-garapan-ikhtisar",
        1,
    ),
    (Packs::Builtin, "kedaruratan", "bidang-kedaruratan", 1),
    (Packs::Builtin, "csr", "glosarium-csr", 1),
    (Packs::Builtin, "intervensi", "glosarium-intervensi", 1),
    (
        Packs::Builtin,
        "keberfungsian sosial",
        "glosarium-keberfungsian-sosial",
        3,
    ),
    // Networking (English).
    (Packs::Networking, "tcp", "tcp", 1),
    (Packs::Networking, "tcp vs udp", "tcp-vs-udp", 1),
    (Packs::Networking, "udp", "udp", 1),
    (Packs::Networking, "hnadshake", "three-way-handshake", 1),
    (Packs::Networking, "subent", "subnetting", 3),
    (Packs::Networking, "pirvate", "private-addresses", 1),
    (Packs::Networking, "dhcp port", "dhcp", 1),
    (Packs::Networking, "dhcp", "dhcp", 1),
    (Packs::Networking, "dns", "dns", 1),
    (Packs::Networking, "osi", "osi-model", 1),
    (Packs::Networking, "layer 4", "transport-layer", 1),
    (Packs::Networking, "transport layer", "transport-layer", 1),
    (Packs::Networking, "well known ports", "well-known-ports", 1),
    (Packs::Networking, "port 443", "well-known-ports", 3),
    (
        Packs::Networking,
        "handshake syn-ack",
        "three-way-handshake",
        1,
    ),
    (Packs::Networking, "Transmission Control Protocol", "tcp", 1),
    (Packs::Networking, "cidr", "cidr", 1),
    (Packs::Networking, "default gateway", "default-gateway", 1),
    (Packs::Networking, "mac address", "arp", 3),
    (Packs::Networking, "dns records mx", "dns-records", 1),
    (Packs::Networking, "congestoin", "congestion-control", 1),
    // Words only a topic's summary holds find the topic's entries; an
    // entry holding them itself comes first.
    (Packs::Networking, "set aside", "topic:addressing", 1),
    (Packs::Networking, "processes apart", "topic:transport", 1),
    (Packs::Networking, "diagnostics", "icmp", 1),
    // Pancasila (Indonesian, names in the old spelling).
    (Packs::Pancasila, "sukarno", "tokoh-soekarno", 1),
    (Packs::Pancasila, "soekarno", "tokoh-soekarno", 1),
    (Packs::Pancasila, "supomo", "tokoh-soepomo", 1),
    (Packs::Pancasila, "subarjo", "tokoh-soebardjo", 1),
    (Packs::Pancasila, "abikusno", "tokoh-abikoesno", 1),
    (Packs::Pancasila, "wahid hasyim", "tokoh-wahid-hasjim", 1),
    (Packs::Pancasila, "piagam djakarta", "piagam-jakarta", 1),
    (Packs::Pancasila, "piagam jakarta", "piagam-jakarta", 1),
    (
        Packs::Pancasila,
        "kewajiban menjalankan syariat",
        "piagam-jakarta",
        3,
    ),
    (Packs::Pancasila, "tujuan negara 3", "tujuan-negara", 1),
    (Packs::Pancasila, "hatta", "tokoh-hatta", 1),
    (Packs::Pancasila, "bung karno", "tokoh-soekarno", 1),
    (Packs::Pancasila, "panitia sembilan", "panitia-sembilan", 1),
    (Packs::Pancasila, "pancasila", "pancasila-lima-sila", 1),
    (Packs::Pancasila, "sila ketiga", "sila-ketiga", 1),
    (Packs::Pancasila, "sila ke-3", "sila-ketiga", 1),
    (
        Packs::Pancasila,
        "ppki 18 agustus",
        "sidang-ppki-18-agustus",
        1,
    ),
    (Packs::Pancasila, "bpupki", "bpupki", 1),
    (Packs::Pancasila, "integralistik", "usulan-soepomo", 1),
    (Packs::Pancasila, "amandemen", "uud-amandemen", 1),
    (
        Packs::Pancasila,
        "hari lahir pancasila",
        "hari-lahir-pancasila",
        1,
    ),
    (Packs::Pancasila, "lambang negara", "garuda-pancasila", 1),
    (Packs::Pancasila, "beringin", "sila-ketiga", 3),
    (Packs::Pancasila, "yamin", "tokoh-yamin", 1),
    (Packs::Pancasila, "ki bagus", "tokoh-ki-bagoes", 1),
    (
        Packs::Pancasila,
        "pidato 1 juni",
        "pidato-soekarno-1-juni",
        1,
    ),
    (Packs::Pancasila, "risalah", "topic:tokoh", 1),
    (
        Packs::Pancasila,
        "empat kali perubahannya",
        "topic:uud-1945",
        1,
    ),
    (
        Packs::Pancasila,
        "sidang bpupki",
        "sidang-pertama-bpupki",
        1,
    ),
    (
        Packs::Builtin,
        "kinerja",
        "fungsi-kinerja-pekerja-sosial",
        1,
    ),
];

fn load(which: Packs) -> Pack {
    let dir = |name: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/packs")
            .join(name)
    };
    match which {
        Packs::Builtin => builtin_pack().unwrap(),
        Packs::Networking => load_dir(&dir("networking")).unwrap(),
        Packs::Pancasila => load_dir(&dir("pancasila")).unwrap(),
    }
}

/// The 1-based rank of the expected entry among the results, if found.
fn rank(pack: &Pack, searcher: &mut Searcher, query: &str, expected: &str) -> Option<usize> {
    let results = searcher.search(pack, query);
    results
        .hits()
        .iter()
        .position(|hit| {
            let entry = pack.entry(hit.entry).map(|e| &*e.id);
            match expected.strip_prefix("topic:") {
                Some(topic) => pack.topic(hit.entry.topic).is_some_and(|t| *t.id == *topic),
                None => entry == Some(expected),
            }
        })
        .map(|i| i + 1)
}

fn float(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap())
}

#[test]
fn relevance_set_meets_the_recorded_figures() {
    assert!(CASES.len() >= 40);
    let packs = [Packs::Builtin, Packs::Networking, Packs::Pancasila].map(load);
    let mut reciprocal = 0.0;
    let mut within_3 = 0usize;
    let mut misses = Vec::new();
    for &(which, query, expected, must) in CASES {
        let pack = &packs[which as usize];
        // A fresh searcher per query, as `kisi search` does.
        let found = rank(pack, &mut Searcher::new(pack), query, expected);
        if let Some(r) = found {
            reciprocal += 1.0 / float(r);
            within_3 += usize::from(r <= 3);
        }
        if found != Some(1) {
            println!("  {query:?}: {expected} at {found:?}");
        }
        if found.is_none_or(|r| r > must) {
            misses.push(format!(
                "{query:?}: {expected} at {found:?}, wanted ≤ {must}"
            ));
        }
    }
    let mrr = reciprocal / float(CASES.len());
    let recall = float(within_3) / float(CASES.len());
    println!(
        "{} queries: MRR {mrr:.3}, recall@3 {recall:.3}",
        CASES.len()
    );
    for miss in &misses {
        println!("  miss {miss}");
    }
    assert!(
        mrr >= RECORDED_MRR && recall >= RECORDED_RECALL_AT_3,
        "MRR {mrr:.3} (recorded {RECORDED_MRR}), recall@3 {recall:.3} (recorded {RECORDED_RECALL_AT_3}); misses:\n{}",
        misses.join("\n")
    );
}
