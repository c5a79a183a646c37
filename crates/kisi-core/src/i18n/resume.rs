use super::Lang;

/// The words of a mock exam left unfinished and resumed (see
/// `progress::journal`). Templates use named `{placeholders}`, filled by
/// `quiz::wording::fill`.
#[derive(Debug)]
pub struct ResumeWords {
    /// Home, while an exam is left unfinished: `{answered}`, `{total}`.
    pub home_unfinished: &'static str,
    pub offer_title: &'static str,
    /// `{answered}`, `{total}`, `{left}` (mm:ss).
    pub offer_figures: &'static str,
    pub resume: &'static str,
    pub hand_in: &'static str,
    /// What Esc does on the offer.
    pub later: &'static str,
    /// Its time ran out while kisi was not running: `{score}` percent.
    pub timed_out: &'static str,
    /// It can no longer be rebuilt.
    pub dropped: &'static str,
}

pub fn resume_words(lang: Lang) -> &'static ResumeWords {
    match lang {
        Lang::Id => &RESUME_INDONESIAN,
        Lang::En => &RESUME_ENGLISH,
    }
}

static RESUME_INDONESIAN: ResumeWords = ResumeWords {
    home_unfinished: "Ada ujian yang belum selesai ({answered} dari {total} soal dijawab): pilih Ujian (simulasi) untuk melanjutkan atau menyerahkannya.",
    offer_title: "Ujian yang belum selesai",
    offer_figures: "{answered} dari {total} soal dijawab, sisa waktu {left}.",
    resume: "Lanjutkan ujian",
    hand_in: "Serahkan apa adanya",
    later: "Esc: kembali; ujian tetap tersimpan untuk nanti.",
    timed_out: "Waktu ujian yang belum selesai habis saat kisi tertutup: ujian diserahkan dengan jawaban yang tersimpan (skor {score}%).",
    dropped: "Ujian yang belum selesai tidak bisa dilanjutkan: materinya berubah sejak ujian dimulai.",
};

static RESUME_ENGLISH: ResumeWords = ResumeWords {
    home_unfinished: "An exam is unfinished ({answered} of {total} answered): choose Mock exam to resume it or hand it in.",
    offer_title: "An unfinished exam",
    offer_figures: "{answered} of {total} answered, {left} left.",
    resume: "Resume the exam",
    hand_in: "Hand it in as it stands",
    later: "Esc: back; the exam stays saved for later.",
    timed_out: "The time of an unfinished exam ran out while kisi was closed: it was handed in with the answers saved (score {score}%).",
    dropped: "An unfinished exam cannot be resumed: the pack changed since it began.",
};
