//! Every user-facing UI string, in Indonesian and English. The screens' words
//! are here; each other area keeps its own struct in a file beside this one.
//!
//! The material itself is in the pack's own language; these are only the
//! words of the program around it.

use std::fmt;

use crate::search::Field;

mod cli;
mod exam;
mod interchange;
mod library;
mod pack_language;
mod questions;
mod quiz;
mod resume;
mod room;
mod screens;
mod select;
mod starter;
mod store;
mod structure;
mod wording;

pub use cli::*;
pub use exam::*;
pub use interchange::*;
pub use library::*;
pub use pack_language::*;
pub use questions::*;
pub use quiz::*;
pub use resume::*;
pub use room::*;
pub use screens::*;
pub use select::*;
pub use starter::*;
pub use store::*;
pub use structure::*;
pub use wording::Noun;

/// The language of the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia (the default).
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// The language asked for by the environment: English when `LC_ALL`,
    /// `LC_MESSAGES` or `LANG` (first one set wins, as in POSIX) names English,
    /// Indonesian otherwise.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| get(name).filter(|v| !v.is_empty()))
            .map_or(Lang::Id, |value| {
                if value.starts_with("en") {
                    Lang::En
                } else {
                    Lang::Id
                }
            })
    }

    /// The UI language a BCP 47 tag names, if kisi speaks it: `id` (and
    /// its old form `in`), `en`, with any region or script (`en-GB`).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next()?;
        if primary.eq_ignore_ascii_case("id") || primary.eq_ignore_ascii_case("in") {
            Some(Lang::Id)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The UI language: `--lang` when given, else the pack's language when
    /// kisi speaks it, else the environment's (see [`Lang::from_env`]).
    pub fn choose(
        flag: Option<Lang>,
        pack_language: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Self {
        flag.or_else(|| pack_language.and_then(Lang::from_tag))
            .unwrap_or_else(|| Lang::from_env(env))
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Id => &INDONESIAN,
            Lang::En => &ENGLISH,
        }
    }

    pub fn starter_words(self) -> &'static StarterWords {
        match self {
            Lang::Id => &STARTER_INDONESIAN,
            Lang::En => &STARTER_ENGLISH,
        }
    }

    pub fn interchange_words(self) -> &'static InterchangeWords {
        match self {
            Lang::Id => &INTERCHANGE_INDONESIAN,
            Lang::En => &INTERCHANGE_ENGLISH,
        }
    }

    pub fn library_words(self) -> &'static LibraryWords {
        match self {
            Lang::Id => &LIBRARY_INDONESIAN,
            Lang::En => &LIBRARY_ENGLISH,
        }
    }

    pub fn cli_help(self) -> &'static CliHelp {
        match self {
            Lang::Id => &CLI_HELP_INDONESIAN,
            Lang::En => &CLI_HELP_ENGLISH,
        }
    }

    pub fn cli_words(self) -> &'static CliWords {
        match self {
            Lang::Id => &CLI_INDONESIAN,
            Lang::En => &CLI_ENGLISH,
        }
    }

    pub fn screen_words(self) -> &'static ScreenWords {
        match self {
            Lang::Id => &SCREEN_INDONESIAN,
            Lang::En => &SCREEN_ENGLISH,
        }
    }

    pub fn quiz_words(self) -> &'static QuizWords {
        match self {
            Lang::Id => &QUIZ_INDONESIAN,
            Lang::En => &QUIZ_ENGLISH,
        }
    }

    pub fn select_words(self) -> &'static SelectWords {
        match self {
            Lang::Id => &SELECT_INDONESIAN,
            Lang::En => &SELECT_ENGLISH,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Id => "id",
            Lang::En => "en",
        })
    }
}

/// The words of the UI. One field a string; counts are formatted by methods.
#[derive(Debug)]
pub struct Strings {
    /// The language these are the words of: for counts and dates.
    pub lang: Lang,
    pub app_name: &'static str,
    /// The live class quiz's words (i18n/room.rs), for its key hints.
    pub room: &'static RoomWords,
    pub menu_browse: &'static str,
    pub menu_search: &'static str,
    pub menu_quiz: &'static str,
    pub menu_help: &'static str,
    pub menu_quit: &'static str,
    pub topics: &'static str,
    pub entries: &'static str,
    pub points: &'static str,
    pub english_term: &'static str,
    pub source: &'static str,
    pub note: &'static str,
    pub see_also: &'static str,
    pub aliases: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub too_small: &'static str,
    pub key_move: &'static str,
    pub key_page: &'static str,
    pub key_ends: &'static str,
    pub key_open: &'static str,
    pub key_back: &'static str,
    pub key_quit: &'static str,
    pub key_force_quit: &'static str,
    pub key_help: &'static str,
    pub key_scroll: &'static str,
    pub key_search: &'static str,
    pub key_mouse: &'static str,
    pub quiz_setup_title: &'static str,
    pub quiz_count: &'static str,
    pub quiz_time_limit: &'static str,
    pub quiz_no_limit: &'static str,
    pub quiz_minutes: &'static str,
    pub quiz_kinds: &'static str,
    pub quiz_start: &'static str,
    pub quiz_nothing_selected: &'static str,
    pub kind_choice: &'static str,
    pub kind_true_false: &'static str,
    pub kind_typed: &'static str,
    pub kind_ordering: &'static str,
    pub kind_matching: &'static str,
    pub kind_list_all: &'static str,
    pub kind_flashcard: &'static str,
    pub quiz_your_answer: &'static str,
    pub quiz_items_given: &'static str,
    pub quiz_list_hint: &'static str,
    pub quiz_arrange_hint: &'static str,
    pub quiz_match_hint: &'static str,
    pub quiz_flip_hint: &'static str,
    pub quiz_knew_question: &'static str,
    pub quiz_expected: &'static str,
    pub quiz_explanation: &'static str,
    pub quiz_overridden: &'static str,
    pub quiz_leave: &'static str,
    pub quiz_time_left: &'static str,
    pub quiz_results: &'static str,
    pub quiz_score: &'static str,
    pub quiz_by_topic: &'static str,
    pub quiz_mistakes: &'static str,
    pub quiz_no_mistakes: &'static str,
    pub quiz_overrides: &'static str,
    pub quiz_unanswered: &'static str,
    /// Above the mistakes when none of the answers was wrong but some
    /// questions were left unanswered.
    pub quiz_no_wrong_answers: &'static str,
    /// On the results of a quiz its time limit ended.
    pub quiz_time_up: &'static str,
    /// Enter on a matching question with items still unpaired.
    pub quiz_match_every_item: &'static str,
    pub quiz_pick_first: &'static str,
    pub quiz_tick_first: &'static str,
    pub quiz_fewer_questions: fn(usize, usize) -> String,
    pub key_choose: &'static str,
    pub key_submit: &'static str,
    pub key_next: &'static str,
    pub key_open_entry: &'static str,
    pub key_override: &'static str,
    pub key_retry: &'static str,
    pub key_toggle: &'static str,
    pub key_change: &'static str,
    pub key_start: &'static str,
    pub key_leave: &'static str,
    pub key_type: &'static str,
    pub key_clear: &'static str,
    /// Enter on a "name them all" line with text: adds the item.
    pub key_add: &'static str,
    /// Backspace on an empty "name them all" line.
    pub key_take_back: &'static str,
    /// Backspace in a text field.
    pub key_delete: &'static str,
    /// The letters (and digits) that answer true or false.
    pub key_true_false: &'static str,
    pub key_grab: &'static str,
    pub key_flip: &'static str,
    pub key_knew: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub search_none: &'static str,
    /// `kisi search` found nothing; `{query}` and `{pack}` are filled in.
    pub search_no_hit: &'static str,
    pub search_searching: &'static str,
    pub field_title: &'static str,
    pub field_alias: &'static str,
    pub field_english: &'static str,
    pub field_tag: &'static str,
    pub field_point: &'static str,
    pub field_body: &'static str,
    pub field_note: &'static str,
    pub field_topic: &'static str,
    pub field_source: &'static str,
    pub menu_review: &'static str,
    pub menu_exam: &'static str,
    pub menu_stats: &'static str,
    pub home_seen: &'static str,
    pub home_due: &'static str,
    pub nothing_to_review: &'static str,
    /// Shown while questions are drawn for a review, quiz or exam.
    pub preparing: &'static str,
    pub exam_title: &'static str,
    pub exam_answered: &'static str,
    pub exam_saved: &'static str,
    pub exam_hand_in: &'static str,
    pub exam_hand_in_hint: &'static str,
    pub exam_unanswered: &'static str,
    pub exam_confirm: &'static str,
    pub exam_passed: &'static str,
    pub exam_failed: &'static str,
    pub exam_pass_mark: &'static str,
    pub exam_time_up: &'static str,
    pub key_prev_next: &'static str,
    pub key_save: &'static str,
    pub stats_title: &'static str,
    pub stats_mastery: &'static str,
    pub stats_reviews: &'static str,
    pub stats_due_ahead: &'static str,
    pub stats_exams: &'static str,
    pub stats_no_exams: &'static str,
    /// "Ulangan per hari (4 minggu terakhir)": the word order differs.
    pub stats_recent_weeks: fn(u32) -> String,
    pub stats_cards: &'static str,
    pub stats_seen: &'static str,
    pub stats_mastered: &'static str,
    pub stats_today: &'static str,
    pub stats_exam_date: &'static str,
    pub stats_target: &'static str,
    pub stats_passed: &'static str,
    pub stats_failed: &'static str,
    pub exam_leave: &'static str,
    pub exam_results: &'static str,
    /// The mock exam's and the review's words (`i18n::exam`).
    pub exam: &'static ExamWords,
    pub not_a_terminal: &'static str,
    pub version_label: &'static str,
    pub pack_valid: &'static str,
    pub menu_present: &'static str,
    pub menu_class_quiz: &'static str,
    pub key_present_next: &'static str,
    pub key_present_previous: &'static str,
    pub key_present_skip: &'static str,
    pub key_present_ends: &'static str,
    pub key_footer: &'static str,
    pub key_reveal_next: &'static str,
    pub key_previous_question: &'static str,
    pub key_restart_timer: &'static str,
    pub present_no_slides: &'static str,
    /// After a count of revealed points out of view above the slide.
    pub present_point_above: &'static str,
    pub present_points_above: &'static str,
    pub class_quiz_question: &'static str,
    pub class_quiz_answer: &'static str,
    pub class_quiz_done: &'static str,
    /// Help: going back to a question shows its answer with no clock.
    pub key_class_quiz_previous: &'static str,
    pub class_quiz_no_questions: &'static str,
    pub class_quiz_time_up: &'static str,
    pub key_other_entry: &'static str,
    pub key_open_related: &'static str,
}

impl Strings {
    pub fn pack_counts(&self, topics: usize, entries: usize, points: usize) -> String {
        let lang = self.lang;
        format!(
            "{} · {} · {}",
            lang.count(topics, Noun::Topic),
            lang.count(entries, Noun::Entry),
            lang.count(points, Noun::Point)
        )
    }

    /// What a search hit matched, as the results name it.
    pub fn field_name(&self, field: Field) -> &'static str {
        match field {
            Field::Title => self.field_title,
            Field::Alias(_) => self.field_alias,
            Field::English => self.field_english,
            Field::Tag(_) => self.field_tag,
            Field::Point(_) => self.field_point,
            Field::Body => self.field_body,
            Field::Note => self.field_note,
            Field::Topic => self.field_topic,
            Field::Source => self.field_source,
        }
    }

    /// What `kisi search` says when nothing matches `query` in the pack
    /// titled `pack`. Control characters of the query are shown as `�`.
    pub fn search_no_hit(&self, query: &str, pack: &str) -> String {
        let query: String = query
            .chars()
            .map(|c| if c.is_control() { '\u{fffd}' } else { c })
            .collect();
        self.search_no_hit
            .replace("{pack}", pack)
            .replace("{query}", &query)
    }

    pub fn position(&self, current: usize, total: usize) -> String {
        format!("{current}/{total}")
    }
}

pub static INDONESIAN: Strings = Strings {
    lang: Lang::Id,
    app_name: "kisi",
    room: &ROOM_INDONESIAN,
    menu_browse: "Jelajahi materi",
    menu_search: "Cari",
    menu_quiz: "Kuis",
    menu_help: "Bantuan",
    menu_quit: "Keluar",
    topics: "Topik",
    entries: "Entri",
    points: "Butir",
    english_term: "Istilah Inggris",
    source: "Sumber",
    note: "Catatan",
    see_also: "Lihat juga",
    aliases: "Nama lain",
    help_title: "Bantuan: tombol",
    help_close: "tutup bantuan",
    too_small: "Jendela terlalu kecil",
    key_move: "pindah",
    key_page: "halaman",
    key_ends: "awal/akhir",
    key_open: "buka",
    key_back: "kembali",
    key_quit: "keluar",
    key_force_quit: "keluar dari mana saja",
    key_help: "bantuan",
    key_scroll: "gulir",
    key_search: "cari",
    key_mouse: "Roda tetikus",
    quiz_setup_title: "Pengaturan kuis",
    quiz_count: "Jumlah soal",
    quiz_time_limit: "Batas waktu",
    quiz_no_limit: "tanpa batas",
    quiz_minutes: "menit",
    quiz_kinds: "Jenis soal",
    quiz_start: "Mulai kuis",
    quiz_nothing_selected: "Pilih sedikitnya satu topik dan satu jenis soal.",
    kind_choice: "Pilihan ganda",
    kind_true_false: "Benar/salah",
    kind_typed: "Isian",
    kind_ordering: "Urutan",
    kind_matching: "Menjodohkan",
    kind_list_all: "Sebutkan semua",
    kind_flashcard: "Kartu hafalan",
    quiz_your_answer: "Jawaban Anda",
    quiz_items_given: "Sudah disebut",
    quiz_list_hint: "Enter menambah butir; Enter pada baris kosong mengirim.",
    quiz_arrange_hint: "Spasi mengambil/meletakkan butir; ↑↓ memindahkannya.",
    quiz_match_hint: "↑↓ pilih butir; ←→ atau huruf memilih pasangannya.",
    quiz_flip_hint: "Spasi/Enter membalik kartu.",
    quiz_knew_question: "Sudah tahu? y = ya, n = belum",
    quiz_expected: "Jawaban yang benar",
    quiz_explanation: "Penjelasan",
    quiz_overridden: "Dicatat benar (koreksi sendiri)",
    quiz_leave: "Keluar dari kuis? Jawaban yang sudah dinilai tetap tersimpan. (y/n)",
    quiz_time_left: "Sisa waktu",
    quiz_results: "Hasil kuis",
    quiz_score: "Skor",
    quiz_by_topic: "Per topik",
    quiz_mistakes: "Kesalahan",
    quiz_no_mistakes: "Tidak ada kesalahan. Bagus!",
    quiz_overrides: "koreksi sendiri",
    quiz_unanswered: "tidak dijawab",
    quiz_no_wrong_answers: "Tidak ada jawaban yang salah.",
    quiz_time_up: "Waktu habis.",
    quiz_match_every_item: "Pasangkan semua butir dulu.",
    quiz_pick_first: "Pilih salah satu jawaban dulu.",
    quiz_tick_first: "Centang setidaknya satu jawaban dulu.",
    quiz_fewer_questions: |made, asked| {
        format!("Materi pilihan ini cukup untuk {made} soal, bukan {asked}.")
    },
    key_choose: "pilih",
    key_submit: "kirim",
    key_next: "lanjut",
    key_open_entry: "buka materi",
    key_override: "saya benar",
    key_retry: "ulangi kesalahan",
    key_toggle: "centang",
    key_change: "ubah",
    key_start: "mulai",
    key_leave: "tinggalkan",
    key_type: "ketik",
    key_clear: "hapus semua",
    key_add: "tambah",
    key_take_back: "di baris kosong: ambil lagi butir terakhir",
    key_delete: "hapus huruf terakhir",
    key_true_false: "b/s 1/2",
    key_grab: "ambil/letakkan",
    key_flip: "balik",
    key_knew: "tahu / belum",
    search_label: "Cari",
    search_hint: "Ketik untuk mencari di judul, isi, butir, nama lain, istilah Inggris, sumber dan catatan. Kata dalam tanda kutip dicari persis.",
    search_none: "Tidak ada hasil.",
    search_no_hit: "Tidak ada hasil untuk \"{query}\" di pack \"{pack}\". Untuk mencari di pack lain: kisi --content FOLDER search ...",
    search_searching: "mencari…",
    field_title: "judul",
    field_alias: "nama lain",
    field_english: "istilah Inggris",
    field_tag: "tag",
    field_point: "butir",
    field_body: "isi",
    field_note: "catatan",
    field_topic: "topik",
    field_source: "sumber",
    menu_review: "Ulangan",
    menu_exam: "Ujian (simulasi)",
    menu_stats: "Statistik",
    home_seen: "kartu dipelajari",
    home_due: "jatuh tempo hari ini",
    nothing_to_review: "Tidak ada yang perlu diulang hari ini.",
    preparing: "Menyiapkan soal…",
    exam_title: "Ujian",
    exam_answered: "terjawab",
    exam_saved: "Jawaban tersimpan",
    exam_hand_in: "Serahkan ujian",
    exam_hand_in_hint: "Enter menyerahkan. Tab ke soal yang belum dijawab, Shift-Tab ke soal terakhir, Ctrl-G ke soal nomor…",
    exam_unanswered: "Belum dijawab",
    exam_confirm: "Serahkan sekarang? Jawaban tidak bisa diubah lagi. (y/n)",
    exam_passed: "LULUS",
    exam_failed: "TIDAK LULUS",
    exam_pass_mark: "batas lulus",
    exam_time_up: "Waktu habis: ujian diserahkan.",
    key_prev_next: "soal lain",
    key_save: "simpan",
    stats_title: "Statistik belajar",
    stats_mastery: "Penguasaan per topik",
    stats_reviews: "Ulangan per hari",
    stats_due_ahead: "Jatuh tempo 7 hari ke depan",
    stats_exams: "Riwayat ujian",
    stats_no_exams: "Belum ada ujian.",
    stats_recent_weeks: |weeks| format!("{weeks} minggu terakhir"),
    stats_cards: "Kartu",
    stats_seen: "sudah dipelajari",
    stats_mastered: "dikuasai",
    stats_today: "Hari ini",
    stats_exam_date: "Tanggal ujian",
    stats_target: "Target hari ini",
    stats_passed: "lulus",
    stats_failed: "belum lulus",
    exam_results: "Hasil ujian",
    exam: &EXAM_INDONESIAN,
    exam_leave: "Tinggalkan ujian tanpa menyerahkan? Ujian ini tidak dinilai dan tidak masuk riwayat. (y/n)",
    not_a_terminal: "kisi membutuhkan terminal. Untuk keluaran teks biasa gunakan `kisi list`, `kisi show ID` atau `kisi check`.",
    version_label: "versi",
    pack_valid: "Paket valid",
    menu_present: "Presentasi",
    menu_class_quiz: "Kuis kelas",
    key_present_next: "butir berikutnya, lalu slide berikutnya",
    key_present_previous: "slide sebelumnya",
    key_present_skip: "slide berikutnya/sebelumnya langsung",
    key_present_ends: "slide pertama/terakhir",
    key_footer: "sembunyikan baris",
    key_reveal_next: "tampilkan jawaban, lalu soal berikutnya",
    key_previous_question: "soal sebelumnya",
    key_restart_timer: "ulang waktu",
    present_no_slides: "Tidak ada slide.",
    present_point_above: "butir di atas",
    present_points_above: "butir di atas",
    class_quiz_question: "Soal",
    class_quiz_answer: "Jawaban",
    class_quiz_done: "Selesai",
    key_class_quiz_previous: "soal sebelumnya, jawaban terbuka, tanpa waktu",
    class_quiz_no_questions: "Tidak ada soal untuk pilihan ini.",
    class_quiz_time_up: "Waktu habis",
    key_other_entry: "entri lain",
    key_open_related: "buka entri terkait",
};

pub static ENGLISH: Strings = Strings {
    lang: Lang::En,
    app_name: "kisi",
    room: &ROOM_ENGLISH,
    menu_browse: "Browse the material",
    menu_search: "Search",
    menu_quiz: "Quiz",
    menu_help: "Help",
    menu_quit: "Quit",
    topics: "Topics",
    entries: "Entries",
    points: "Points",
    english_term: "English term",
    source: "Source",
    note: "Note",
    see_also: "See also",
    aliases: "Also known as",
    help_title: "Help: keys",
    help_close: "close help",
    too_small: "Window too small",
    key_move: "move",
    key_page: "page",
    key_ends: "first/last",
    key_open: "open",
    key_back: "back",
    key_quit: "quit",
    key_force_quit: "quit from anywhere",
    key_help: "help",
    key_scroll: "scroll",
    key_search: "search",
    key_mouse: "Mouse wheel",
    quiz_setup_title: "Quiz settings",
    quiz_count: "Questions",
    quiz_time_limit: "Time limit",
    quiz_no_limit: "none",
    quiz_minutes: "min",
    quiz_kinds: "Question kinds",
    quiz_start: "Start the quiz",
    quiz_nothing_selected: "Select at least one topic and one kind of question.",
    kind_choice: "Multiple choice",
    kind_true_false: "True/false",
    kind_typed: "Typed answer",
    kind_ordering: "Ordering",
    kind_matching: "Matching",
    kind_list_all: "Name them all",
    kind_flashcard: "Flashcard",
    quiz_your_answer: "Your answer",
    quiz_items_given: "Named so far",
    quiz_list_hint: "Enter adds an item; Enter on an empty line submits.",
    quiz_arrange_hint: "Space picks up/puts down an item; ↑↓ move it.",
    quiz_match_hint: "↑↓ select an item; ←→ or a letter choose its match.",
    quiz_flip_hint: "Space/Enter turns the card.",
    quiz_knew_question: "Did you know it? y = yes, n = not yet",
    quiz_expected: "Right answer",
    quiz_explanation: "Explanation",
    quiz_overridden: "Counted as right (your own correction)",
    quiz_leave: "Leave the quiz? Answers already marked stay saved. (y/n)",
    quiz_time_left: "Time left",
    quiz_results: "Quiz results",
    quiz_score: "Score",
    quiz_by_topic: "By topic",
    quiz_mistakes: "Mistakes",
    quiz_no_mistakes: "No mistakes. Well done!",
    quiz_overrides: "own corrections",
    quiz_unanswered: "unanswered",
    quiz_no_wrong_answers: "No wrong answers.",
    quiz_time_up: "Time's up.",
    quiz_match_every_item: "Match every item first.",
    quiz_pick_first: "Pick an answer first.",
    quiz_tick_first: "Tick at least one answer first.",
    quiz_fewer_questions: |made, asked| {
        format!("The material chosen makes {made} questions, not {asked}.")
    },
    key_choose: "choose",
    key_submit: "submit",
    key_next: "next",
    key_open_entry: "open the entry",
    key_override: "I was right",
    key_retry: "retry mistakes",
    key_toggle: "tick",
    key_change: "change",
    key_start: "start",
    key_leave: "leave",
    key_type: "type",
    key_clear: "clear",
    key_add: "add",
    key_take_back: "on an empty line: take back the last item",
    key_delete: "delete the last letter",
    key_true_false: "t/f 1/2",
    key_grab: "pick up/put down",
    key_flip: "turn",
    key_knew: "knew / not yet",
    search_label: "Search",
    search_hint: "Type to search titles, text, points, aliases, English terms, sources and notes. A word in quotes is matched exactly.",
    search_none: "No results.",
    search_no_hit: "No results for \"{query}\" in the pack \"{pack}\". To search another pack: kisi --content FOLDER search ...",
    search_searching: "searching…",
    field_title: "title",
    field_alias: "alias",
    field_english: "English",
    field_tag: "tag",
    field_point: "point",
    field_body: "text",
    field_note: "note",
    field_topic: "topic",
    field_source: "source",
    menu_review: "Review",
    menu_exam: "Mock exam",
    menu_stats: "Statistics",
    home_seen: "cards studied",
    home_due: "due today",
    nothing_to_review: "Nothing to review today.",
    preparing: "Preparing the questions…",
    exam_title: "Mock exam",
    exam_answered: "answered",
    exam_saved: "Answer saved",
    exam_hand_in: "Hand in the exam",
    exam_hand_in_hint: "Enter hands in. Tab goes to an unanswered question, Shift-Tab to the last one, Ctrl-G to question number…",
    exam_unanswered: "Not answered",
    exam_confirm: "Hand in now? Answers can no longer be changed. (y/n)",
    exam_passed: "PASSED",
    exam_failed: "NOT PASSED",
    exam_pass_mark: "pass mark",
    exam_time_up: "Time is up: the exam was handed in.",
    key_prev_next: "other question",
    key_save: "save",
    stats_title: "Study statistics",
    stats_mastery: "Mastery by topic",
    stats_reviews: "Reviews per day",
    stats_due_ahead: "Due in the next 7 days",
    stats_exams: "Mock exam history",
    stats_no_exams: "No mock exams yet.",
    stats_recent_weeks: |weeks| format!("last {weeks} weeks"),
    stats_cards: "Cards",
    stats_seen: "seen",
    stats_mastered: "mastered",
    stats_today: "Today",
    stats_exam_date: "Exam date",
    stats_target: "Today's target",
    stats_passed: "passed",
    stats_failed: "not passed",
    exam_results: "Mock exam results",
    exam: &EXAM_ENGLISH,
    exam_leave: "Leave without handing in? This exam is not marked and not kept in the history. (y/n)",
    not_a_terminal: "kisi needs a terminal. For plain text output use `kisi list`, `kisi show ID` or `kisi check`.",
    version_label: "version",
    pack_valid: "Pack is valid",
    menu_present: "Present",
    menu_class_quiz: "Class quiz",
    key_present_next: "next point, then next slide",
    key_present_previous: "previous slide",
    key_present_skip: "next/previous slide at once",
    key_present_ends: "first/last slide",
    key_footer: "hide this line",
    key_reveal_next: "show the answer, then next question",
    key_previous_question: "previous question",
    key_restart_timer: "restart timer",
    present_no_slides: "No slides.",
    present_point_above: "point above",
    present_points_above: "points above",
    class_quiz_question: "Question",
    class_quiz_answer: "Answer",
    class_quiz_done: "Done",
    key_class_quiz_previous: "previous question, answer shown, no clock",
    class_quiz_no_questions: "No questions for this choice.",
    class_quiz_time_up: "Time is up",
    key_other_entry: "next/previous",
    key_open_related: "open a related entry",
};

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn english_locale_switches_to_english() {
        assert_eq!(Lang::from_env(env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
        assert_eq!(Lang::from_env(env(&[])), Lang::Id);
        // LC_ALL overrides LANG.
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "id_ID.UTF-8"), ("LANG", "en_US")])),
            Lang::Id
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "en_US")])),
            Lang::En
        );
    }

    #[test]
    fn the_flag_wins_then_the_pack_then_the_environment() {
        let english_env = env(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(
            Lang::choose(Some(Lang::Id), Some("en"), &english_env),
            Lang::Id
        );
        assert_eq!(
            Lang::choose(None, Some("en"), env(&[("LANG", "id_ID")])),
            Lang::En
        );
        assert_eq!(Lang::choose(None, Some("id"), &english_env), Lang::Id);
        assert_eq!(Lang::choose(None, Some("en-GB"), env(&[])), Lang::En);
        // A language kisi does not speak falls back to the environment.
        assert_eq!(Lang::choose(None, Some("fr"), &english_env), Lang::En);
        assert_eq!(Lang::choose(None, Some("jv"), env(&[])), Lang::Id);
        assert_eq!(Lang::choose(None, None, &english_env), Lang::En);
        assert_eq!(Lang::from_tag("IN"), Some(Lang::Id));
        assert_eq!(Lang::from_tag("eng"), None);
    }

    #[test]
    fn counts_are_translated() {
        assert_eq!(
            INDONESIAN.pack_counts(5, 40, 90),
            "5 topik · 40 entri · 90 butir"
        );
        assert_eq!(
            ENGLISH.pack_counts(5, 40, 90),
            "5 topics · 40 entries · 90 points"
        );
        assert_eq!(
            ENGLISH.pack_counts(1, 1, 1_200),
            "1 topic · 1 entry · 1,200 points"
        );
    }
}
