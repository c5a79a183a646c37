use super::Lang;

/// What `kisi questions` prints around the questions: its heading and the
/// labels of each question's parts. Templates use named `{placeholders}`.
#[derive(Debug)]
pub struct QuestionsWords {
    /// `{title}` the pack, `{seed}` the seed, `{count}` the questions.
    pub heading: &'static str,
    /// How to ask students exactly these questions.
    pub same_as: &'static str,
    pub answer: &'static str,
    pub also_accepted: &'static str,
    pub not_counted: &'static str,
    pub tests: &'static str,
    pub none: &'static str,
}

pub static QUESTIONS_INDONESIAN: QuestionsWords = QuestionsWords {
    heading: "{title}: {count} dari benih (seed) {seed}",
    same_as: "Mahasiswa mendapat soal yang sama dengan: kisi quiz --seed {seed} {options}",
    answer: "Jawaban",
    also_accepted: "juga diterima",
    not_counted: "Tidak dihitung",
    tests: "Menguji",
    none: "Tidak ada soal yang dapat dibuat dari materi yang dipilih.",
};

pub static QUESTIONS_ENGLISH: QuestionsWords = QuestionsWords {
    heading: "{title}: {count} from seed {seed}",
    same_as: "Students get the same questions with: kisi quiz --seed {seed} {options}",
    answer: "Answer",
    also_accepted: "also accepted",
    not_counted: "Not counted",
    tests: "Tests",
    none: "No questions can be made from the selected material.",
};

impl QuestionsWords {
    pub fn of(lang: Lang) -> &'static Self {
        match lang {
            Lang::Id => &QUESTIONS_INDONESIAN,
            Lang::En => &QUESTIONS_ENGLISH,
        }
    }
}
