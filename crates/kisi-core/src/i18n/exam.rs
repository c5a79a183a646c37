use super::Lang;

/// The words of the mock exam, the review and the exam date, on screen and
/// in plain mode. Templates use named `{placeholders}`, filled by
/// `quiz::wording::fill`.
#[derive(Debug)]
pub struct ExamWords {
    /// The answer on screen differs from the one saved (or none is saved).
    pub not_saved: &'static str,
    /// The hand-in page: answers shown but not saved, marked as shown.
    pub hand_in_unsaved: &'static str,
    pub key_go_to: &'static str,
    /// The hand-in page's Tab.
    pub key_first_unanswered: &'static str,
    /// `{last}`: the number of questions.
    pub go_to_prompt: &'static str,
    /// `{last}`: the number of questions.
    pub go_to_bad: &'static str,
    pub key_go: &'static str,
    pub key_cancel: &'static str,
    pub key_digits: &'static str,
    /// The results' heading above every question of the exam.
    pub every_question: &'static str,
    pub your_answer: &'static str,
    pub right_answer: &'static str,
    pub not_answered: &'static str,
    /// The exam date has passed: `{date}`.
    pub date_past: &'static str,
    /// The exam is today: `{date}`.
    pub date_today: &'static str,
    // Plain mode.
    /// `{count}` questions, `{minutes}`, `{pass}` percent.
    pub plain_exam_header: &'static str,
    pub plain_exam_no_feedback: &'static str,
    /// `{count}` items due or new today.
    pub plain_review_header: &'static str,
    /// `{number}`: one line per question in the exam's results.
    pub plain_result_line: &'static str,
}

pub fn exam_words(lang: Lang) -> &'static ExamWords {
    match lang {
        Lang::Id => &EXAM_INDONESIAN,
        Lang::En => &EXAM_ENGLISH,
    }
}

pub(super) static EXAM_INDONESIAN: ExamWords = ExamWords {
    not_saved: "Belum disimpan: Enter menyimpan jawaban ini.",
    hand_in_unsaved: "Belum disimpan, dinilai seperti yang tampil",
    key_go_to: "ke soal nomor",
    key_first_unanswered: "ke soal yang belum dijawab",
    go_to_prompt: "Ke soal nomor (1-{last}): ",
    go_to_bad: "Ketik nomor dari 1 sampai {last}.",
    key_go: "pergi",
    key_cancel: "batal",
    key_digits: "nomor",
    every_question: "Semua soal",
    your_answer: "Jawaban Anda",
    right_answer: "Jawaban benar",
    not_answered: "tidak dijawab",
    date_past: "Tanggal ujian {date} sudah lewat, jadi tidak dipakai untuk rencana harian \
                (dan tidak disimpan bila baru diberikan). Pasang tanggal baru dengan --exam-date.",
    date_today: "Ujian hari ini ({date}): rencana harian biasa dipakai, ulangi yang masih lemah.",
    plain_exam_header: "Ujian: {count}, {minutes}, batas lulus {pass}%.",
    plain_exam_no_feedback: "Jawaban dinilai setelah soal terakhir; baris kosong melewati soal.",
    plain_review_header: "Ulangan hari ini: {count}.",
    plain_result_line: "{number}. {mark} {prompt}",
};

pub(super) static EXAM_ENGLISH: ExamWords = ExamWords {
    not_saved: "Not saved: Enter saves this answer.",
    hand_in_unsaved: "Not saved, marked as shown",
    key_go_to: "go to question",
    key_first_unanswered: "to an unanswered question",
    go_to_prompt: "Go to question (1-{last}): ",
    go_to_bad: "Type a number from 1 to {last}.",
    key_go: "go",
    key_cancel: "cancel",
    key_digits: "number",
    every_question: "Every question",
    your_answer: "Your answer",
    right_answer: "Right answer",
    not_answered: "not answered",
    date_past: "The exam date {date} has passed, so the daily plan does not use it (and it is \
                not saved when just given). Set a new one with --exam-date.",
    date_today: "The exam is today ({date}): the usual daily plan applies; go over weak items.",
    plain_exam_header: "Mock exam: {count}, {minutes}, pass mark {pass}%.",
    plain_exam_no_feedback: "Answers are marked after the last question; an empty line skips one.",
    plain_review_header: "Today's review: {count}.",
    plain_result_line: "{number}. {mark} {prompt}",
};
