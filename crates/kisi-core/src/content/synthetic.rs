//! Synthetic packs of any size, for benchmarks and tests of scale.
//!
//! The text is Indonesian-like: random sequences of real Indonesian words, so
//! that letter frequencies (and thus how much a fuzzy query matches) resemble
//! the real material. Everything is deterministic for a given seed.

use std::fmt::Write as _;

use super::model::{Entry, Member, Pack, PackMeta, Point, Source, Topic};

/// Entries per topic file.
const TOPIC_SIZE: usize = 100;
const SOURCES: usize = 5;

const WORDS: &[&str] = &[
    "pekerjaan",
    "sosial",
    "pekerja",
    "kesejahteraan",
    "masyarakat",
    "keluarga",
    "anak",
    "konseling",
    "pelayanan",
    "pendampingan",
    "ketahanan",
    "kemandirian",
    "fungsi",
    "peran",
    "tujuan",
    "klien",
    "kelompok",
    "individu",
    "lembaga",
    "pemerintah",
    "undang",
    "pasal",
    "ayat",
    "tahun",
    "nomor",
    "tentang",
    "penyelenggaraan",
    "rehabilitasi",
    "perlindungan",
    "pemberdayaan",
    "jaminan",
    "bantuan",
    "kebutuhan",
    "masalah",
    "pemecahan",
    "perencanaan",
    "mediator",
    "fasilitator",
    "pendidik",
    "advokat",
    "perantara",
    "penghubung",
    "sumber",
    "kemampuan",
    "kepedulian",
    "tanggung",
    "jawab",
    "dunia",
    "usaha",
    "kualitas",
    "taraf",
    "hidup",
    "kelangsungan",
    "kesehatan",
    "mental",
    "sekolah",
    "industri",
    "pengungsi",
    "bencana",
    "kemiskinan",
    "lanjut",
    "usia",
    "disabilitas",
    "penyandang",
    "korban",
    "kekerasan",
    "rumah",
    "tangga",
    "perawatan",
    "pencegahan",
    "penelantaran",
    "adopsi",
    "penguatan",
    "modal",
    "ekonomi",
    "kecil",
    "jaringan",
    "pengaman",
    "krisis",
    "rujukan",
    "informasi",
    "integrasi",
    "partisipasi",
    "pendidikan",
    "perilaku",
    "sehat",
    "pelajar",
    "asuransi",
    "skema",
    "vokasional",
    "pecandu",
    "obat",
    "alkohol",
    "lingkungan",
    "pengorganisasian",
    "revitalisasi",
    "ketetanggaan",
    "intervensi",
    "keberfungsian",
    "profesi",
    "nilai",
    "pengetahuan",
    "keterampilan",
    "profesional",
    "sistem",
    "organisasi",
    "perubahan",
    "responsif",
    "terhadap",
    "dalam",
    "dengan",
    "untuk",
    "yang",
    "dan",
    "atau",
    "serta",
    "bagi",
    "oleh",
    "pada",
    "dari",
    "sebagai",
    "melalui",
    "secara",
    "agar",
    "antara",
    "meningkatkan",
    "memulihkan",
    "mencegah",
    "menangani",
    "menghubungkan",
    "mendorong",
    "memberikan",
    "membantu",
    "mengembangkan",
    "melaksanakan",
    "mewujudkan",
    "menjamin",
    "berkelanjutan",
    "melembaga",
    "manajemen",
    "penyelenggara",
    "kinerja",
    "proses",
    "pertolongan",
    "konteks",
    "umum",
    "khusus",
    "utama",
    "penting",
    "dasar",
    "praktik",
    "teori",
    "metode",
    "asesmen",
    "evaluasi",
    "rencana",
    "kegiatan",
    "program",
    "kebijakan",
    "hak",
    "kewajiban",
    "warga",
    "negara",
    "daerah",
    "desa",
    "kota",
    "komunitas",
    "relawan",
    "pendamping",
    "pemulihan",
    "kesetaraan",
    "keadilan",
    "martabat",
    "harkat",
    "budaya",
];

const ENGLISH: &[&str] = &[
    "social work",
    "social welfare",
    "counseling",
    "case management",
    "empowerment",
    "social functioning",
    "advocacy",
    "community development",
    "rehabilitation",
    "social protection",
    "family services",
    "crisis intervention",
];

/// A small deterministic generator (`SplitMix64`); no crate needed for noise.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        // The modulo bias is irrelevant for filler text.
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// Words joined by spaces until about `min` plus up to `spread` chars long.
    fn words(&mut self, min: usize, spread: usize) -> String {
        let chars = min + self.below(spread + 1);
        let mut text = String::with_capacity(chars + 16);
        while text.len() < chars {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(self.pick(WORDS));
        }
        // Packs of 100,000 entries are measured for memory: no slack.
        text.shrink_to_fit();
        text
    }

    /// Sentences: capitalised, ending with a full stop, at least `min` plus up
    /// to `spread` chars long.
    fn prose(&mut self, min: usize, spread: usize) -> String {
        let chars = min + self.below(spread + 1);
        let mut text = String::with_capacity(chars + 64);
        while text.len() < chars {
            if !text.is_empty() {
                text.push(' ');
            }
            let sentence = self.words(40, 60);
            text.push_str(&capitalise(&sentence));
            text.push('.');
        }
        text.shrink_to_fit();
        text
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A valid pack of `entries` entries in topics of 100, built as the model.
/// Same content as [`synthetic_pack_files`].
pub fn synthetic_pack(entries: usize, seed: u64) -> Pack {
    let mut rng = Rng(seed);
    let sources = (0..SOURCES)
        .map(|i| Source {
            id: format!("sumber-{}", i + 1),
            citation: format!(
                "{} ({}). {}. Jakarta: Penerbit {}.",
                capitalise(rng.pick(WORDS)),
                1990 + rng.below(35),
                capitalise(&rng.words(50, 0)),
                capitalise(rng.pick(WORDS)),
            ),
            url: None,
        })
        .collect();
    let topics = (0..entries.div_ceil(TOPIC_SIZE))
        .map(|t| {
            let count = TOPIC_SIZE.min(entries - t * TOPIC_SIZE);
            Topic {
                id: format!("topik-{}", t + 1),
                title: capitalise(&rng.words(30, 0)),
                summary: t.is_multiple_of(2).then(|| rng.prose(120, 0)),
                member: Member::default(),
                entries: (0..count)
                    .map(|e| synthetic_entry(&mut rng, t * TOPIC_SIZE + e))
                    .collect(),
                questions: Vec::new(),
            }
        })
        .collect();
    Pack {
        meta: PackMeta {
            id: "sintetis".to_owned(),
            title: "Paket sintetis".to_owned(),
            language: "id".to_owned(),
            version: "1.0.0".to_owned(),
            description: format!("{entries} entri buatan untuk uji kecepatan"),
            authors: vec!["kisi".to_owned()],
        },
        sources,
        topics,
        exam: None,
    }
}

fn synthetic_entry(rng: &mut Rng, n: usize) -> Entry {
    // Every seventh entry is an article of a law, like the real material.
    let title = if n.is_multiple_of(7) {
        format!("Pasal {}: {}", n / 7 + 1, capitalise(&rng.words(25, 0)))
    } else {
        capitalise(&rng.words(20, 25))
    };
    let ordered = n.is_multiple_of(4);
    Entry {
        id: format!("entri-{}", n + 1).into(),
        title: title.into(),
        body: rng.prose(220, 100).into(),
        points: (0..5)
            .map(|p| Point {
                label: ordered.then(|| char::from(b'a' + p).to_string().into()),
                text: rng.words(30, 30).into(),
                also: Box::default(),
            })
            .collect(),
        ordered,
        aliases: (0..2).map(|_| rng.words(12, 0).into()).collect(),
        tags: (0..=rng.below(2)).map(|_| rng.pick(WORDS).into()).collect(),
        english: n.is_multiple_of(3).then(|| rng.pick(ENGLISH).into()),
        source: format!("sumber-{}", n % SOURCES + 1).into(),
        locator: Some(format!("hlm. {}", 1 + rng.below(400)).into()),
        note: n.is_multiple_of(10).then(|| rng.prose(80, 0).into()),
        see_also: if n > 0 {
            Box::new([format!("entri-{n}").into()])
        } else {
            Box::default()
        },
        member: None,
        overview: false,
        distractors: Box::default(),
        pairs: Box::default(),
    }
}

/// The files of [`synthetic_pack`] as a pack folder: `(file name, TOML)`,
/// `pack.toml` first, then one topic file per 100 entries.
pub fn synthetic_pack_files(entries: usize, seed: u64) -> Vec<(String, String)> {
    pack_files(&synthetic_pack(entries, seed))
}

/// [`synthetic_pack`] with every entry in its first topic (quizzes and
/// loading behave differently on one big topic than on many small ones).
pub fn synthetic_pack_one_topic(entries: usize, seed: u64) -> Pack {
    let mut pack = synthetic_pack(entries, seed);
    let mut rest = pack.topics.split_off(1.min(pack.topics.len()));
    for topic in &mut rest {
        pack.topics[0].entries.append(&mut topic.entries);
    }
    pack
}

/// A pack made here as a pack folder: `(file name, TOML)`, `pack.toml`
/// first, then one file per topic.
pub fn pack_files(pack: &Pack) -> Vec<(String, String)> {
    let mut files = vec![("pack.toml".to_owned(), manifest_toml(pack))];
    let digits = pack.topics.len().to_string().len();
    for (t, topic) in pack.topics.iter().enumerate() {
        files.push((
            format!("{:0digits$}-{}.toml", t + 1, topic.id),
            topic_toml(topic),
        ));
    }
    files
}

fn manifest_toml(pack: &Pack) -> String {
    let meta = &pack.meta;
    let mut out = String::new();
    out.push_str("[pack]\n");
    field(&mut out, "id", &meta.id);
    field(&mut out, "title", &meta.title);
    field(&mut out, "language", &meta.language);
    field(&mut out, "version", &meta.version);
    field(&mut out, "description", &meta.description);
    list(&mut out, "authors", &meta.authors);
    for source in &pack.sources {
        out.push_str("\n[[sources]]\n");
        field(&mut out, "id", &source.id);
        field(&mut out, "citation", &source.citation);
        if let Some(url) = &source.url {
            field(&mut out, "url", url);
        }
    }
    out
}

fn topic_toml(topic: &Topic) -> String {
    let mut out = String::with_capacity(topic.entries.len() * 1200);
    out.push_str("[topic]\n");
    field(&mut out, "id", &topic.id);
    field(&mut out, "title", &topic.title);
    if let Some(summary) = &topic.summary {
        field(&mut out, "summary", summary);
    }
    for entry in &topic.entries {
        out.push_str("\n[[entries]]\n");
        field(&mut out, "id", &entry.id);
        field(&mut out, "title", &entry.title);
        field(&mut out, "body", &entry.body);
        if entry.ordered {
            out.push_str("ordered = true\n");
        }
        if let Some(english) = &entry.english {
            field(&mut out, "english", english);
        }
        list(&mut out, "aliases", &entry.aliases);
        list(&mut out, "tags", &entry.tags);
        field(&mut out, "source", &entry.source);
        if let Some(locator) = &entry.locator {
            field(&mut out, "locator", locator);
        }
        if let Some(note) = &entry.note {
            field(&mut out, "note", note);
        }
        list(&mut out, "see_also", &entry.see_also);
        for point in &entry.points {
            out.push_str("\n[[entries.points]]\n");
            if let Some(label) = &point.label {
                field(&mut out, "label", label);
            }
            field(&mut out, "text", &point.text);
        }
    }
    out
}

fn field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", toml_string(value));
}

fn list(out: &mut String, key: &str, values: &[impl AsRef<str>]) {
    if values.is_empty() {
        return;
    }
    let items: Vec<String> = values.iter().map(|v| toml_string(v.as_ref())).collect();
    let _ = writeln!(out, "{key} = [{}]", items.join(", "));
}

/// A TOML basic string. The generated text is plain, but escaping keeps the
/// files valid whatever the word list holds.
fn toml_string(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('"');
    for c in value.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(quoted, "\\u{:04X}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn has_the_requested_size_and_is_deterministic() {
        let pack = synthetic_pack(250, 7);
        assert_eq!(pack.entry_count(), 250);
        assert_eq!(pack.topics.len(), 3);
        assert_eq!(pack.topics[2].entries.len(), 50);
        assert_eq!(pack, synthetic_pack(250, 7));
        assert_ne!(pack, synthetic_pack(250, 8));
        assert_eq!(synthetic_pack_files(250, 7).len(), 4);
    }

    #[test]
    fn entries_look_like_the_real_material() {
        let pack = synthetic_pack(100, 1);
        for (_, entry) in pack.entries() {
            assert_eq!(entry.points.len(), 5);
            assert!(
                (200..400).contains(&entry.body.len()),
                "{}",
                entry.body.len()
            );
            assert!(!entry.aliases.is_empty());
            assert!(pack.source(&entry.source).is_some());
            for id in &entry.see_also {
                assert!(pack.find_entry(id).is_some());
            }
        }
        let ids: std::collections::HashSet<_> = pack.entries().map(|(_, e)| &e.id).collect();
        assert_eq!(ids.len(), 100);
    }

    #[test]
    fn files_load_to_the_same_pack() {
        let files: Vec<(String, Vec<u8>)> = synthetic_pack_files(230, 9)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
        let loaded = crate::content::load::load_files(&files).unwrap();
        assert_eq!(loaded, synthetic_pack(230, 9));
    }

    #[test]
    fn files_are_toml_with_every_entry() {
        let files = synthetic_pack_files(150, 3);
        let mut ids = 0;
        for (name, text) in &files {
            let value: toml::Table = toml::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            if let Some(entries) = value.get("entries").and_then(|e| e.as_array()) {
                ids += entries.len();
            }
        }
        assert_eq!(ids, 150);
        assert_eq!(files[1].0, "1-topik-1.toml");
    }
}
