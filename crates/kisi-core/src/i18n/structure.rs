use super::Lang;

/// The warnings of `kisi check` about material that makes poor questions.
/// Templates use named `{placeholders}`.
#[derive(Debug)]
pub struct StructureWords {
    pub warning_count: &'static str,
    pub no_member: &'static str,
    pub no_member_label: &'static str,
    pub no_member_help: &'static str,
    pub body_gives_answer: &'static str,
    pub body_gives_answer_label: &'static str,
    pub body_gives_answer_help: &'static str,
    pub near_duplicate: &'static str,
    pub near_duplicate_label: &'static str,
    pub near_duplicate_first: &'static str,
    pub near_duplicate_help: &'static str,
}

pub static STRUCTURE_INDONESIAN: StructureWords = StructureWords {
    warning_count: "{count} peringatan tentang soal yang dibuat dari materi",
    no_member: "topik \"{topic}\" tidak menyebut nama anggotanya (`member`)",
    no_member_label: "soal \"termasuk … yang mana?\" dan menjodohkan memakai kalimat netral",
    no_member_help: "tulis cara menyebut satu entri topik ini dalam soal, mis. \
                     member = { id = \"peran pekerja sosial\", en = \"role of a social worker\" }",
    body_gives_answer: "isi entri \"{entry}\" memuat jawabannya sendiri",
    body_gives_answer_label: "setelah nama entri disembunyikan, isi ini terlalu sedikit atau masih \
                              menunjukkan jawabannya",
    body_gives_answer_help: "jelaskan istilahnya dengan kata lain, tanpa menyebut namanya; kisi \
                             tidak membuat soal \"istilah apakah yang dijelaskan berikut?\" dari isi ini",
    near_duplicate: "judul \"{title}\" hampir sama dengan judul \"{other}\"",
    near_duplicate_label: "hampir sama dengan judul lain",
    near_duplicate_first: "judul yang mirip",
    near_duplicate_help: "bedakan judulnya, atau gabungkan kedua entri; soal tidak dapat \
                          membedakan pilihan yang hampir sama",
};

pub static STRUCTURE_ENGLISH: StructureWords = StructureWords {
    warning_count: "{count} warnings about the questions the material makes",
    no_member: "the topic \"{topic}\" does not name its members (`member`)",
    no_member_label: "\"which … is it part of?\" and matching questions use a neutral wording",
    no_member_help: "write how one entry of this topic is named in a question, e.g. \
                     member = { id = \"peran pekerja sosial\", en = \"role of a social worker\" }",
    body_gives_answer: "the body of \"{entry}\" contains its own answer",
    body_gives_answer_label: "with the entry's name hidden, too little is left or the answer is \
                              still in sight",
    body_gives_answer_help: "describe the term in other words, without its name; kisi makes no \
                             \"which term is described here?\" question of this body",
    near_duplicate: "the title \"{title}\" is nearly the same as \"{other}\"",
    near_duplicate_label: "nearly the same as another title",
    near_duplicate_first: "the similar title",
    near_duplicate_help: "tell the titles apart, or merge the two entries; a question cannot tell \
                          options apart that are nearly the same",
};

impl Lang {
    pub fn structure_words(self) -> &'static StructureWords {
        match self {
            Lang::Id => &STRUCTURE_INDONESIAN,
            Lang::En => &STRUCTURE_ENGLISH,
        }
    }
}
